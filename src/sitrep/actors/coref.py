"""Within-document coreference for what news writes: surnames, titles, "the two countries".

- A surname (or any shorter form) after a full name is that person: "Rajnath Singh ... Singh".
- A bare title ("The Union minister", "the Defence Minister") is the last person named before
  it whose title or role has all its words.
- An abbreviation the article defines after a name ("the Communist Party of China (CPC)") is
  that name's entity wherever the article uses it, when it resolved to nothing placed.
- "the two countries" is the last pair of countries written together ("India-Russia",
  "Jordan and Britain"), else the last two countries named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from sitrep.actors.roles import name_key, surname_keys
from sitrep.actors.sectors import SectorLexicon
from sitrep.records import Entity

if TYPE_CHECKING:
    from sitrep.actors.context import Candidate

# What may stand between two country names for them to be a pair: "India-Russia",
# "India–Russia", "India/Russia", "India and Russia", "Russia & India".
_PAIR_GAPS = frozenset({"-", "–", "—", "/", "and", "&"})
# How many words may qualify a bare title: "the Union minister", "the Indian defence minister".
_MAX_QUALIFIERS = 3
# Words that end a qualifier run: "the talks with the minister" is "the minister".
_FUNCTION_WORDS = r"(?i:the|a|an|of|with|to|in|on|for|and|or|by|at|from|his|her|their|its)"


# Titles and name particles after which news refers to a person by the given name.
_ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "sheikh", "emir", "sultan"})
_PATRONYMIC = frozenset({"bin", "ibn", "bint"})


@dataclass(slots=True)
class PersonIndex:
    """The people named so far in a document, for surnames and titles that refer back."""

    by_key: dict[str, Entity] = field(default_factory=dict)  # folded full names and surnames
    title_words: dict[str, set[str]] = field(default_factory=dict)  # entity id -> words
    mentions: list[tuple[int, Entity]] = field(default_factory=list)  # (start, person) in order

    def add(self, name: str, entity: Entity, start: int, title_words: Iterable[str] = ()) -> None:
        self.by_key.setdefault(name_key(name), entity)
        self.by_key.setdefault(name_key(entity.name), entity)
        words = self.title_words.setdefault(entity.id, set())
        words.update(w.lower() for w in title_words)
        if entity.role:
            words.update(entity.role.lower().split())
        if len(name.split()) > 1:
            for key in surname_keys(name, entity.country) | surname_keys(entity.name):
                self.by_key.setdefault(key, entity)
            if words & _ROYAL_TITLES or _PATRONYMIC & set(name_key(name).split()):
                # "Prince Bandar bin Sultan" is "Prince Bandar" after: royals and names
                # built on "son of" go by their given name
                self.by_key.setdefault(name_key(name.split()[0]), entity)
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
        heads = "|".join(re.escape(h) for h in sorted(lexicon.referring_heads))
        self._referring = (
            re.compile(rf"\b[Tt]he\s+(?P<head>(?i:{heads}))\b(?!\s+[A-Z][a-z]|\s+of\b|-)")
            if heads
            else None
        )

    def titles(self, text: str) -> list[Nominal]:
        """ "The Union minister" -> Nominal(words=("union", "minister")); not "the Minister X"."""
        found = []
        for match in self._titles.finditer(text):
            words = tuple((match.group("quals") + match.group("title")).lower().split())
            found.append(Nominal(match.start(), match.end(), words))
        return found

    def pairs(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self._pairs.finditer(text)]

    def referring(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, head) of each "the group", "the company" that may refer back; not
        "the group Human Rights Watch", "the group of eight"."""
        if self._referring is None:
            return []
        return [(m.start(), m.end(), m["head"].lower()) for m in self._referring.finditer(text)]


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


def organisation_references(
    text: str,
    references: list[tuple[int, int, str]],
    chosen: list[Candidate],
    heads: dict[str, frozenset[str]],
) -> list[tuple[int, int, Entity]]:
    """What each "the group", "the company" (``references``) refers to: the last organisation
    named before it whose name has the word ("the Iraq Study Group ... the group") or whose
    sector the word allows ("Hezbollah ... the group said", "Lockheed Martin ... the company")."""
    named = sorted(
        (c for c in chosen if c.label == "ORG" and c.entity is not None and not c.from_words),
        key=lambda c: c.start,
    )
    out: list[tuple[int, int, Entity]] = []
    for start, end, head in references:
        sectors = heads.get(head, frozenset())
        for cand in reversed(named):
            if cand.end > start:
                continue
            entity = cand.entity
            assert entity is not None
            words = text[cand.start : cand.end].lower().split()
            if head in words or sectors & set(entity.sector):
                out.append((start, end, entity))
                break
    return out


# "the Media Development Authority (MDA)": an abbreviation the article defines for itself.
ABBREVIATION_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Z0-9]{1,7})\s*\)")
_WORD = re.compile(r"[\w’']+")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "on", "in", "&"})


def defined_as(text: str, found: re.Match[str]) -> tuple[int, int] | None:
    """Where the words an abbreviation in brackets stands for are, if the words just before
    it start with its letters ("national executive committee (NEC)"), else None."""
    letters = [ch.lower() for ch in found.group(1) if ch.isalpha()]
    words = [
        w for w in _WORD.finditer(text, max(0, found.start() - 160), found.start())
        if w.group().lower() not in _SMALL_WORDS
    ]  # fmt: skip
    if len(words) < len(letters):
        return None
    tail = words[len(words) - len(letters) :]
    if [w.group()[0].lower() for w in tail] != letters:
        return None
    return tail[0].start(), tail[-1].end()


def abbreviations_as_named(text: str, chosen: list[Candidate]) -> None:
    """Give an abbreviation defined after a placed name that name's entity, wherever the
    article uses it and it resolved to nothing placed: "the Supreme Islamic Council of
    Somalia (SICS) ... SICS said" (mutates ``chosen``)."""
    named: dict[str, Candidate] = {}
    for found in ABBREVIATION_IN_BRACKETS.finditer(text):
        words = defined_as(text, found)
        if words is None:
            continue
        for cand in chosen:
            if (
                cand.entity is not None
                and cand.start <= words[0]
                and cand.end == words[1]
                and _placed(cand.entity)
                # A country the sentence lent the name is too weak to spread (on newswire,
                # "West Caribbean Airways" placed in the country its plane crashed in).
                and cand.entity.attributes.get("country_from") != "sentence"
            ):
                named.setdefault(found.group(1), cand)
    if not named:
        return
    for cand in chosen:
        name = named.get(text[cand.start : cand.end])
        if name is not None and (cand.entity is None or not _placed(cand.entity)):
            cand.entity = name.entity
            cand.label = name.label


def _placed(entity: Entity) -> bool:
    """Placed in PLOVER's country field: a country, or an international organisation."""
    return entity.country is not None or "IGO" in entity.sector
