"""Weapon systems the catalogue does not name: "fighter jets", "two Amur submarines",
"Russian arms", "12 ZFB-05 APCs".

News often names what changes hands by its kind, or by a designation no catalogue holds. A
transfer needs its system, so the stage also reads noun phrases whose head is a kind of
military equipment (``generic_systems`` in ``data/transfer_cues.yaml``): the system is the
designation written before the head ("Amur", "ZFB-05") when there is one, else the phrase
itself ("military helicopters"); its category comes from the head; a people or country word
in the phrase is its origin ("Russian arms", "US-made helicopters"). Heads that also name
civil things ("aircraft", "helicopters", "tanks", "boats") count only with a military word
in their phrase ("military helicopters", "fighter aircraft", "battle tanks") or a
designation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from spacy.tokens import Span, Token

from sitrep.actors.entries import EquipmentEntry
from sitrep.actors.equipment import EquipmentMatch
from sitrep.actors.gazetteer import Gazetteer, slug
from sitrep.transfers.cues import CUES_PATH

__all__ = [
    "ANY_KIND",
    "GenericSystems",
    "find_generic_systems",
    "is_kind_only",
    "load_generic_systems",
]

# A designation: letters and digits mixed ("ZFB-05", "T-72", "Su-25") or a capitalised name
# compounded with the head ("Amur submarines", "Tunguska rocket systems").
_DESIGNATION = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9./-]*$")


@dataclass(frozen=True, slots=True)
class GenericSystems:
    heads: dict[str, tuple[str, bool]]  # head key -> (category, needs a military word)
    military_words: frozenset[str]
    longest: int  # words in the longest head key


@cache
def load_generic_systems() -> GenericSystems:
    raw: dict[str, Any] = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))["generic_systems"]
    heads: dict[str, tuple[str, bool]] = {}
    for category, keys in raw["heads"].items():
        for key in keys:
            heads[str(key).lower()] = (str(category), False)
    for category, keys in raw["qualified_heads"].items():
        for key in keys:
            heads[str(key).lower()] = (str(category), True)
    return GenericSystems(
        heads=heads,
        military_words=frozenset(str(w).lower() for w in raw["military_words"]),
        longest=max(len(k.split()) for k in heads),
    )


def find_generic_systems(
    sentence: Span, gazetteer: Gazetteer, taken: list[tuple[int, int]]
) -> list[EquipmentMatch]:
    """The kinds of equipment a parsed sentence names outside the character spans in
    ``taken`` (the catalogue's matches), one match per noun phrase."""
    lexicon = load_generic_systems()
    out: list[EquipmentMatch] = []
    for tok in sentence:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
            continue
        found = _head_key(tok, lexicon)
        if found is None:
            continue
        category, qualified = found
        before = [t for t in tok.subtree if t.i <= tok.i]
        phrase = _contiguous([t for t in before if t.dep_ not in _NOT_NAME], tok)
        start, end = phrase[0].idx, tok.idx + len(tok)
        # the whole phrase, numbers too: "12 MV-22 Osprey aircraft" splits "MV-" from "22"
        outer = min(t.idx for t in before)
        if any(s < end and outer < e for s, e in taken):
            continue  # the catalogue named it ("Su-25 ground attack aircraft")
        designations = _designations(phrase, tok)
        if tok.dep_ == "conj" and _is_designation(tok.head):
            designations.insert(0, tok.head)  # "Tornado and Hawk jets" parsed Tornado-led
        words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
        if qualified and not designations and not words & lexicon.military_words:
            continue  # "aircraft" of an airline, "tanks" of fuel
        origin = _origin(phrase, gazetteer) or ""
        if not designations:
            name = " ".join(t.text for t in phrase if t.dep_ != "poss")
            out.append(_match(sentence, start, end, name, category, origin, kind_only=True))
        for designation in designations:  # "Tornado and Hawk jets": two systems
            d_end = designation.idx + len(designation)
            out.append(_match(sentence, designation.idx, d_end, designation.text, category, origin))
    return out


def is_kind_only(entry: EquipmentEntry) -> bool:
    """A system named only by its kind ("fighter jets"), with no designation."""
    return bool(entry.extra.get(KIND_ONLY))


KIND_ONLY = "kind_only"
# The category of a phrase that names no particular kind ("Russian arms", "weaponry").
ANY_KIND = "military equipment"


# Words of a phrase that are not part of a system's name.
_NOT_NAME = frozenset({"det", "nummod", "advmod", "cc", "punct", "quantmod"})


def _match(
    sentence: Span,
    start: int,
    end: int,
    name: str,
    category: str,
    origin: str,
    *,
    kind_only: bool = False,
) -> EquipmentMatch:
    entry = EquipmentEntry(
        id=f"generic:{slug(name)}",
        name=name,
        category=category,
        origin=origin,
        note="named by its kind or an uncatalogued designation",
        extra={KIND_ONLY: kind_only},
    )
    return EquipmentMatch(start, end, sentence.doc.text[start:end], entry)


def _head_key(tok: Token, lexicon: GenericSystems) -> tuple[str, bool] | None:
    """The longest head key ending at ``tok`` ("armoured personnel carrier", "carrier")."""
    doc = tok.doc
    for size in range(min(lexicon.longest, tok.i + 1), 0, -1):
        words = [t.lemma_.lower() for t in doc[tok.i - size + 1 : tok.i + 1]]
        key = " ".join(words)
        if key in lexicon.heads:
            return lexicon.heads[key]
        key = " ".join([*words[:-1], tok.lower_])
        if key in lexicon.heads:
            return lexicon.heads[key]
    return None


def _contiguous(phrase: list[Token], head: Token) -> list[Token]:
    """The modifiers directly before the head (a relative clause or an "of" phrase is not
    part of the name)."""
    out = [head]
    for tok in reversed([t for t in phrase if t.i < head.i]):
        if tok.i != out[0].i - 1:
            break
        out.insert(0, tok)
    return out


def _designations(phrase: list[Token], head: Token) -> list[Token]:
    """Designations written before the head, with those coordinated with them."""
    before = [t for t in phrase if t.i < head.i and t.dep_ in ("compound", "nmod", "amod")]
    found = [t for t in before if _is_designation(t)]
    found += [c for t in found for c in t.children if c.dep_ == "conj" and _is_designation(c)]
    return sorted(found, key=lambda t: t.i)


def _is_designation(tok: Token) -> bool:
    if _DESIGNATION.match(tok.text) and any(c.isupper() for c in tok.text):
        return True  # "ZFB-05", "T-72"
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("NORP", "GPE") and tok.is_title


def _origin(phrase: list[Token], gazetteer: Gazetteer) -> str | None:
    """ "Russian arms", "US-made helicopters", "Chinese-built frigates"."""
    for tok in phrase:
        word = tok.text.split("-")[0]
        match = gazetteer.lookup_demonym(word) or gazetteer.lookup_country(word)
        if match is not None:
            return match.country.iso3
    return None
