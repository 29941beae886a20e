"""Within-document coreference for what news writes: surnames, titles, "the two countries".

- A surname (or any shorter form) after a full name is that person: "Rajnath Singh ... Singh".
- A bare title ("The Union minister", "the Defence Minister") is the last person named before
  it whose title or role has all its words.
- "the two countries" is the last pair of countries written together ("India-Russia",
  "Jordan and Britain"), else the last two countries named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from sitrep.actors.roles import name_key, surname_keys
from sitrep.actors.sectors import SectorLexicon
from sitrep.records import Entity

# What may stand between two country names for them to be a pair: "India-Russia",
# "India–Russia", "India/Russia", "India and Russia", "Russia & India".
_PAIR_GAPS = frozenset({"-", "–", "—", "/", "and", "&"})
# How many words may qualify a bare title: "the Union minister", "the Indian defence minister".
_MAX_QUALIFIERS = 3
# Words that end a qualifier run: "the talks with the minister" is "the minister".
_FUNCTION_WORDS = r"(?i:the|a|an|of|with|to|in|on|for|and|or|by|at|from|his|her|their|its)"


@dataclass(slots=True)
class PersonIndex:
    """The people named so far in a document, for surnames and titles that refer back."""

    by_key: dict[str, Entity] = field(default_factory=dict)  # folded full names and surnames
    title_words: dict[str, set[str]] = field(default_factory=dict)  # entity id -> words
    mentions: list[tuple[int, Entity]] = field(default_factory=list)  # (start, person) in order

    def add(self, name: str, entity: Entity, start: int, title_words: Iterable[str] = ()) -> None:
        self.by_key.setdefault(name_key(name), entity)
        self.by_key.setdefault(name_key(entity.name), entity)
        if len(name.split()) > 1:
            for key in surname_keys(name, entity.country) | surname_keys(entity.name):
                self.by_key.setdefault(key, entity)
        words = self.title_words.setdefault(entity.id, set())
        words.update(w.lower() for w in title_words)
        if entity.role:
            words.update(entity.role.lower().split())
        self.mentions.append((start, entity))

    def known(self, name: str) -> Entity | None:
        """The person this name (full or surname) refers back to, if named before."""
        return self.by_key.get(name_key(name))

    def last_with_title(self, before: int, words: Iterable[str]) -> Entity | None:
        """The last person mentioned before ``before`` whose title words include ``words``."""
        wanted = {w.lower() for w in words}
        for start, entity in reversed(self.mentions):
            if start < before and wanted <= self.title_words.get(entity.id, set()):
                return entity
        return None


@dataclass(frozen=True, slots=True)
class Nominal:
    start: int
    end: int
    words: tuple[str, ...]  # qualifiers and title, lower-cased: ("union", "minister")


def _title_pattern(lexicon: SectorLexicon) -> re.Pattern[str]:
    titles = sorted((" ".join(t) for t in lexicon.nominal_titles), key=len, reverse=True)
    alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    return re.compile(
        rf"\b[Tt]he\s+(?P<quals>(?:(?!{_FUNCTION_WORDS}\b)[\w-]+\s+){{0,{_MAX_QUALIFIERS}}}?)"
        rf"(?P<title>(?i:{alternation}))\b(?!\s+[A-Z][a-z]|\s+of\b|-)"
    )


class NominalFinder:
    """Finds bare titles and pair nominals in text with two precompiled patterns."""

    def __init__(self, lexicon: SectorLexicon) -> None:
        self._titles = _title_pattern(lexicon)
        pairs = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in lexicon.pair_nominals)
        self._pairs = re.compile(rf"\b(?i:{pairs})\b")

    def titles(self, text: str) -> list[Nominal]:
        """ "The Union minister" -> Nominal(words=("union", "minister")); not "the Minister X"."""
        found = []
        for match in self._titles.finditer(text):
            words = tuple((match.group("quals") + match.group("title")).lower().split())
            found.append(Nominal(match.start(), match.end(), words))
        return found

    def pairs(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self._pairs.finditer(text)]


def country_pairs(
    country_mentions: list[tuple[int, int, str]], text: str
) -> list[tuple[int, tuple[str, str]]]:
    """(end offset, (A, B)) for each pair of countries written together, in text order.

    ``country_mentions`` are (start, end, ISO3) in text order.
    """
    pairs: list[tuple[int, tuple[str, str]]] = []
    for (_s1, e1, a), (s2, e2, b) in pairwise(country_mentions):
        if a != b and text[e1:s2].strip() in _PAIR_GAPS:
            pairs.append((e2, (a, b)))
    return pairs


def pair_before(
    position: int,
    pairs: list[tuple[int, tuple[str, str]]],
    country_mentions: list[tuple[int, int, str]],
) -> tuple[str, str] | None:
    """The pair "the two countries" at ``position`` refers to."""
    written = [pair for end, pair in pairs if end <= position]
    if written:
        return written[-1]
    recent: list[str] = []
    for _start, end, code in reversed(country_mentions):
        if end <= position and code not in recent:
            recent.append(code)
            if len(recent) == 2:
                return recent[1], recent[0]
    return None
