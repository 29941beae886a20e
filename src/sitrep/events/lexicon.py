"""The PLOVER trigger lexicon and modality cues, loaded from the YAML files in ``data/``.

The lexicon is data, not code: ``data/plover_lexicon.yaml`` says which verbs, phrasal verbs and
nouns signal which PLOVER type and mode, which verbs only report or announce intentions, and
how intended or refused actions are re-read (future cooperation is AGREE, refused cooperation is
REJECT). This module only parses it into typed, immutable lookups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

import yaml

if TYPE_CHECKING:
    from sitrep.events.cameo import CameoVerbs

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

VerbRole = Literal["content", "speech", "intent", "aspect", "reject", "request", "deny"]


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger: a PLOVER type and (optionally) a mode."""

    event_type: str
    mode: str | None = None

    @classmethod
    def parse(cls, value: str) -> Sense:
        event_type, _, mode = value.partition("/")
        if event_type not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {event_type!r} in lexicon entry {value!r}")
        return cls(event_type, mode or None)


# ``None`` in an object map means "this object says nothing; keep looking".
SenseMap = Mapping[str, Sense | None]


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb (or phrasal verb) of the lexicon."""

    key: str
    sense: Sense | None = None
    obj: SenseMap = field(default_factory=dict)
    subj: SenseMap = field(default_factory=dict)
    prep: SenseMap = field(default_factory=dict)
    undo: bool = False  # lift/ease/end: the reading comes from the undone noun's `undo`
    light: bool = False  # the object noun's own reading comes before `sense`


@dataclass(frozen=True, slots=True)
class NounEntry:
    key: str
    sense: Sense | None
    undo: Sense | None = None


@dataclass(frozen=True, slots=True)
class ModalityCues:
    future_aux: frozenset[str]
    conditional_aux: frozenset[str]
    obligation_aux: frozenset[str]
    negation_words: frozenset[str]
    negation_advmods: frozenset[str]
    planned_heads: frozenset[str]
    expected_heads: frozenset[str]
    hypothetical_marks: frozenset[str]
    historical_phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: Mapping[str, VerbEntry]
    nouns: Mapping[str, NounEntry]
    roles: Mapping[str, VerbRole]  # lemma -> non-content role (speech, intent, ...)
    intent_adjectives: frozenset[str]
    event_nouns: frozenset[str]
    weapons: Mapping[str, str]
    future_reading: Mapping[str, str]
    negated_reading: Mapping[str, str]
    cues: ModalityCues
    peacekeeping: frozenset[str] = frozenset()
    # verbs after "called X to ..." that make the call a meeting, not a request
    call_purposes: frozenset[str] = frozenset()
    # The CAMEO verb dictionary, consulted for verbs and verb-object pairs the hand lexicon
    # lacks (sitrep.events.cameo); None reads with the hand lexicon alone (ablations, tests).
    cameo: CameoVerbs | None = field(default=None, compare=False)
    # Whether a verb the hand lexicon lacks takes the CAMEO verb's default code, or only a
    # pattern's (the event stage, which must also decide whether there is an event at all,
    # reads patterns only: defaults of common verbs cost it more precision than they gave).
    cameo_defaults: bool = True
    # Words in the longest noun key, bounds the multi-word search. Derived from ``nouns``
    # (also by ``dataclasses.replace``), so a lexicon with other nouns cannot get it wrong.
    longest_noun_key: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest_noun_key", max(len(k.split()) for k in self.nouns))

    def role(self, lemma: str) -> VerbRole:
        """What a verb does in the chain; lexicon verbs with a sense are ``content``."""
        return self.roles.get(lemma, "content")


def _sense(value: Any) -> Sense | None:
    return None if value is None else Sense.parse(str(value))


def _sense_map(raw: Mapping[str, Any] | None) -> dict[str, Sense | None]:
    # Longer keys first: they are more specific ("peacekeeping troop" before "troop"), and
    # the classifier takes the first key that matches.
    if not raw:
        return {}
    keys = sorted(raw, key=lambda k: -len(str(k).split()))
    return {str(k): _sense(raw[k]) for k in keys}


def _verb(key: str, raw: Any) -> VerbEntry:
    if not isinstance(raw, Mapping):
        return VerbEntry(key, _sense(raw))
    return VerbEntry(
        key,
        _sense(raw.get("sense")),
        obj=_sense_map(raw.get("obj")),
        subj=_sense_map(raw.get("subj")),
        prep=_sense_map(raw.get("prep")),
        undo=bool(raw.get("undo", False)),
        light=bool(raw.get("light", False)),
    )


def _noun(key: str, raw: Any) -> NounEntry:
    if not isinstance(raw, Mapping):
        return NounEntry(key, _sense(raw))
    return NounEntry(key, _sense(raw.get("sense")), _sense(raw.get("undo")))


def verb_entries(raw: Mapping[str, Any]) -> dict[str, VerbEntry]:
    """Parse a ``verbs:`` mapping of the lexicon syntax (also used by the event stage)."""
    return {str(k): _verb(str(k), v) for k, v in raw.items()}


def noun_entries(raw: Mapping[str, Any]) -> dict[str, NounEntry]:
    """Parse a ``nouns:`` mapping of the lexicon syntax (also used by the event stage)."""
    return {str(k): _noun(str(k), v) for k, v in raw.items()}


def word_set(raw: Iterable[Any]) -> frozenset[str]:
    """A YAML word list as lower-case strings (also used by the event stage's rules)."""
    return frozenset(str(w).lower() for w in raw)


def _roles(raw: Mapping[str, Any]) -> dict[str, VerbRole]:
    # Later lists win, so a verb listed both as speech and as a request verb is a request verb:
    # the list order below is the precedence, from weakest to strongest.
    roles: dict[str, VerbRole] = {}
    order: tuple[VerbRole, ...] = ("aspect", "speech", "intent", "deny", "request", "reject")
    for role in order:
        for lemma in raw.get(role, []):
            roles[str(lemma)] = role
    return roles


def read_data(name: str) -> Any:
    """A YAML file of ``sitrep/events/data``."""
    text = resources.files("sitrep.events").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon with the CAMEO verb dictionary (parsed once per process)."""
    from sitrep.events.cameo import load_cameo_verbs  # the dictionary reads Sense from here

    raw = read_data("plover_lexicon.yaml")
    cue_raw = read_data("modality_cues.yaml")
    cues = ModalityCues(
        future_aux=word_set(cue_raw["future_aux"]),
        conditional_aux=word_set(cue_raw["conditional_aux"]),
        obligation_aux=word_set(cue_raw["obligation_aux"]),
        negation_words=word_set(cue_raw["negation_words"]),
        negation_advmods=word_set(cue_raw["negation_advmods"]),
        planned_heads=word_set(cue_raw["planned_heads"]),
        expected_heads=word_set(cue_raw["expected_heads"]),
        hypothetical_marks=word_set(cue_raw["hypothetical_marks"]),
        historical_phrases=tuple(str(p).lower() for p in cue_raw["historical_phrases"]),
    )
    return Lexicon(
        verbs=verb_entries(raw["verbs"]),
        nouns=noun_entries(raw["nouns"]),
        roles=_roles(raw),
        intent_adjectives=word_set(raw["intent_adjectives"]),
        event_nouns=word_set(raw["event_nouns"]),
        weapons={str(k): str(v) for k, v in raw["weapons"].items()},
        future_reading={str(k): str(v) for k, v in raw["future_reading"].items()},
        negated_reading={str(k): str(v) for k, v in raw["negated_reading"].items()},
        cues=cues,
        peacekeeping=word_set(raw.get("peacekeeping") or []),
        call_purposes=word_set(raw.get("call_purposes") or []),
        cameo=load_cameo_verbs(),
    )
