"""Which PLOVER sector a noun phrase or a title names: "Israeli army" MIL, "rebel leaders" REB.

The words live in ``data/sectors.yaml``; this module compiles them once per process into
dictionaries keyed by word tuples, so a lookup is a handful of dict probes whatever the size of
the lexicon.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SECTORS_FILE = Path(__file__).resolve().parent / "data" / "sectors.yaml"
# The nouns of the Phoenix agents dictionary (scripts/build_sector_nouns.py), read after the
# hand-written heads of sectors.yaml, which win where the two disagree.
SECTOR_NOUNS_FILE = SECTORS_FILE.with_name("sector_nouns.tsv")
# Sectors of the state: nouns of these name titles ("Kremlin aide X"); the dictionary's others
# ("fisher", "baker") are too often surnames to be read as a title before a name.
_TITLE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"})

# The longest multi-word head in the file has four words ("chief of army staff"); probing
# longer suffixes would only cost time.
_MAX_HEAD_WORDS = 4


_HEAD_BEFORE = frozenset({"of", "for"})


_WORD = re.compile(r"[^\s-]+|-")


def _words(text: str) -> tuple[str, ...]:
    """Lower-cased words as spaCy splits them: "hostage-takers" -> ("hostage", "-", "takers")."""
    return tuple(_WORD.findall(text.lower()))


def _singulars(word: str) -> tuple[str, ...]:
    """Singular forms an English plural may have: "bishops" -> "bishop", "militias" ->
    "militia", "spokesmen" -> "spokesman", "authorities" -> "authority"."""
    if word.endswith("men") and len(word) > 4:
        return (word[:-3] + "man",)
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return ()
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    return (word[:-1],)


@dataclass(frozen=True, slots=True)
class SectorLexicon:
    """Compiled ``sectors.yaml``."""

    heads: dict[tuple[str, ...], str]
    modifiers: dict[str, str]
    title_qualifiers: frozenset[str]
    nominal_titles: frozenset[tuple[str, ...]]
    pair_nominals: tuple[str, ...]
    organisation_words: dict[str, str]
    title_words: frozenset[str]
    equipment_heads: frozenset[tuple[str, ...]]
    person_nouns: frozenset[str]
    international_heads: frozenset[tuple[str, ...]] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()
    # "the group", "the company": head word -> sectors of the organisations it may refer to
    referring_heads: dict[str, frozenset[str]] = field(default_factory=dict)

    def head_sector(self, words: Sequence[str]) -> tuple[str, int] | None:
        """The sector of a phrase ending in ``words`` (lower-cased) and how many words named it.

        The longest matching suffix wins: ("security", "chief") -> COP over ("chief",) -> GOV.
        """
        singulars = _singulars(words[-1]) if words else ()
        for size in range(min(_MAX_HEAD_WORDS, len(words)), 0, -1):
            sector = self.heads.get(tuple(words[-size:]))
            if sector is not None:
                return sector, size
            # "ambassadors", "bishops", "spokesmen": the plural of a listed head.
            for singular in singulars:
                sector = self.heads.get((*words[len(words) - size : -1], singular))
                if sector is not None:
                    return sector, size
        return None

    def is_head(self, word: str) -> bool:
        return (word.lower(),) in self.heads

    def is_equipment_head(self, words: Sequence[str]) -> bool:
        """Whether a phrase ends in an equipment noun ("fighter jets", "tanks")."""
        return any(tuple(words[-n:]) in self.equipment_heads for n in (1, 2) if len(words) >= n)

    def is_international_head(self, words: Sequence[str]) -> bool:
        """Whether a phrase ends in a force under international mandate ("peacekeepers")."""
        return any(tuple(words[-n:]) in self.international_heads for n in (1, 2) if len(words) >= n)

    def names_an_organisation(self, title: str | None) -> bool:
        """Whether a title written before a name makes it an organisation's name ("the
        opposition newspaper La Prensa")."""
        return bool(title) and title.split()[-1].lower() in self.organisation_nouns

    def names_a_person(self, words: Sequence[str]) -> bool:
        """Whether a singular phrase ending in ``words`` is one person ("the minister",
        "a top official"), not an institution ("the government")."""
        if not words:
            return False
        return (
            words[-1] in self.person_nouns
            or tuple(words[-2:]) in self.nominal_titles
            or tuple(words[-1:]) in self.nominal_titles
        )

    def is_title_word(self, word: str) -> bool:
        """A lower-case word that may belong to a title written before a name."""
        return word in self.title_words

    def modifier_sector(self, words: Sequence[str]) -> str | None:
        """A sector forced by a modifier before the head ("former", "rebel"); the first wins."""
        for word in words:
            sector = self.modifiers.get(word.lower().rstrip("-"))
            if sector is not None:
                return sector
        return None

    def phrase_sector(self, words: Sequence[str]) -> str | None:
        """Sector of a whole phrase: modifiers before the head override the head's sector."""
        lowered = [w.lower() for w in words]
        found = self.head_sector(lowered)
        if found is None:
            # "Minister for Interior", "Secretary of State": the head comes before the "of".
            for i, word in enumerate(lowered):
                if word in _HEAD_BEFORE and i > 0:
                    lowered = lowered[:i]
                    found = self.head_sector(lowered)
                    break
        if found is None:
            return None
        sector, size = found
        before = lowered[: len(lowered) - size]
        return self.modifier_sector(before) or sector

    def organisation_sector(self, words: Sequence[str]) -> str | None:
        """Sector of an organisation's proper name: its head word, else a telling word in it."""
        sector = self.phrase_sector(words)
        if sector is not None:
            return sector
        for word in words:
            sector = self.organisation_words.get(word.lower())
            if sector is not None:
                return sector
        return None


def read_sector_nouns(path: Path = SECTOR_NOUNS_FILE) -> list[tuple[str, str]]:
    """(noun, PLOVER sector) rows of the generated dictionary file; none if it is missing."""
    if not path.is_file():
        return []
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            noun, sector = line.split("\t", 2)[:2]
            rows.append((noun, sector))
    return rows


@functools.cache
def load_sector_lexicon(
    path: Path = SECTORS_FILE, nouns: Path | None = SECTOR_NOUNS_FILE
) -> SectorLexicon:
    """The lexicon, read once per process: the hand-written heads, then the dictionary's."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    heads: dict[tuple[str, ...], str] = {}
    for sector, words in data["heads"].items():
        for word in words:
            heads.setdefault(_words(str(word)), sector)  # first listing wins on a clash
    hand_heads = set(heads)
    for noun, sector in read_sector_nouns(nouns) if nouns is not None else []:
        heads.setdefault(_words(noun), sector)
    modifiers = {
        str(word).lower(): sector for sector, words in data["modifiers"].items() for word in words
    }
    organisation_words = {
        str(word).lower(): sector
        for sector, words in data["organisation_words"].items()
        for word in words
    }
    title_words = {str(w).lower() for w in data["title_words"]}
    title_words |= {word for words in hand_heads for word in words if word != "-"}
    # Of the dictionary's, the head nouns of the state's offices only ("aide", "marshal").
    title_words |= {words[-1] for words, sector in heads.items() if sector in _TITLE_SECTORS}
    title_words |= set(modifiers)
    title_words |= {str(w).lower() for w in data["title_qualifiers"]}
    return SectorLexicon(
        heads=heads,
        modifiers=modifiers,
        title_qualifiers=frozenset(str(w).lower() for w in data["title_qualifiers"]),
        nominal_titles=frozenset(_words(str(w)) for w in data["nominal_titles"]),
        pair_nominals=tuple(str(p) for p in data["pair_nominals"]),
        organisation_words=organisation_words,
        title_words=frozenset(title_words),
        equipment_heads=frozenset(_words(str(w)) for w in data["equipment_heads"]),
        person_nouns=frozenset(str(w).lower() for w in data["person_nouns"]),
        international_heads=frozenset(_words(str(w)) for w in data["international_heads"]),
        organisation_nouns=frozenset(str(w).lower() for w in data["organisation_nouns"]),
        referring_heads={
            str(head): frozenset(str(s) for s in sectors or ())
            for head, sectors in data["referring_heads"].items()
        },
    )
