"""Find the defence industry's companies and agencies written out in text, whatever the NER
made of them.

The model tags "Lockheed Martin" as a person, cuts "Northrop Grumman" in two, calls "Thales"
a person and "Boeing" a place. A name of ``industry.yaml`` written out in the text is better
evidence, so its match claims the text before the model's spans are read (the actor stage
gives it a priority above people's). The matcher:

- scans the words of the text once, with a dict keyed by a name's first word, and keeps the
  longest name at each position ("Lockheed Martin Aeronautics" over "Lockheed Martin");
- matches names as written, case-sensitively ("HAL", not "Hal"), or in capitals for names of
  four letters or more (a headline's "BOEING"); a hyphen, a space or an apostrophe between
  words is one separator ("Rolls Royce", "Rolls-Royce");
- takes a legal suffix after a name into the match ("Lockheed Martin Corp.", "BAE Systems
  plc", "Hindustan Aeronautics Ltd", "Thales SA"), and leaves a possessive out ("Boeing's").

Which matches the stage keeps is decided by :func:`keep_match`: a weak name ("Harris",
"Patria": also a word, a place or a surname) only where the model tags it as an
organisation; never a name that is part of a person's ("Serge Dassault") or the surname of a
person named earlier ("Anatoly Antonov ... Antonov said").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.actors.entries import Organisation
from sitrep.actors.gazetteer import Gazetteer

_TOKEN = re.compile(r"\w+|[&+]")
# What may stand between two words of a name: nothing ("DE&S", "L3Harris"), a space, a hyphen,
# an apostrophe, a full stop ("S.A.") or a slash ("A/S").
_GAP = re.compile(r"^(?:[ \t]?|\n|[-'’./]|\. |, )$")
_SUFFIXES: tuple[tuple[str, ...], ...] = tuple(
    tuple(_TOKEN.findall(s))
    for s in (
        "Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Co Ltd", "Co., Ltd",
        "Ltd", "Limited", "Pvt Ltd", "Private Limited", "plc", "PLC", "Plc", "LLC", "L.L.C",
        "SA", "S.A", "SAS", "AG", "GmbH", "NV", "N.V", "SpA", "S.p.A", "AB", "AB (publ)",
        "ASA", "A/S", "Oyj", "JSC", "PJSC", "OAO", "OJSC", "Group", "Holdings", "Holding",
    )
)  # fmt: skip
# Suffixes written with a full stop after them ("Corp.", "Inc.", "Co.").
_ABBREVIATED = frozenset({"Inc", "Corp", "Co", "Ltd", "Bros", "Pvt", "A", "V"})
_MIN_UPPER = 4  # names with at least this many letters also match in capitals


@dataclass(frozen=True, slots=True)
class IndustryMatch:
    start: int
    end: int
    body: Organisation
    weak: bool  # a name that is also a word or a surname: needs the model's ORG tag


@dataclass(frozen=True, slots=True)
class _Name:
    tokens: tuple[str, ...]
    body: Organisation
    weak: bool


class IndustryMatcher:
    """The names of a gazetteer's industry table, by first word, longest first."""

    def __init__(self, bodies: Iterable[Organisation]) -> None:
        by_first: dict[str, list[_Name]] = {}
        seen: set[tuple[str, ...]] = set()
        for body in bodies:
            weak = set(body.weak_aliases)
            for name in (body.name, *body.aliases, *body.weak_aliases):
                tokens = tuple(_TOKEN.findall(name))
                if not tokens:
                    continue
                forms = [tokens]
                letters = sum(ch.isalpha() for ch in name)
                if letters >= _MIN_UPPER and not name.isupper():
                    forms.append(tuple(t.upper() for t in tokens))
                for form in forms:
                    if form in seen:
                        continue  # the first body listed keeps a shared name
                    seen.add(form)
                    by_first.setdefault(form[0], []).append(_Name(form, body, name in weak))
        for names in by_first.values():
            names.sort(key=lambda n: -len(n.tokens))
        self._by_first = by_first

    def find(self, text: str) -> list[IndustryMatch]:
        """Every name in ``text``, left to right, longest first, never overlapping."""
        words = list(_TOKEN.finditer(text))
        found: list[IndustryMatch] = []
        i = 0
        while i < len(words):
            start = words[i].start()
            candidates = self._by_first.get(words[i].group())
            if not candidates or (start > 0 and text[start - 1] in "-&@#"):
                i += 1
                continue
            for name in candidates:
                last = _match(text, words, i, name.tokens)
                if last is None:
                    continue
                last = _suffix(text, words, last)
                end = words[last].end()
                if words[last].group() in _ABBREVIATED and text[end : end + 1] == ".":
                    end += 1
                found.append(IndustryMatch(start, end, name.body, name.weak))
                i = last + 1
                break
            else:
                i += 1
        return found


def _match(text: str, words: list[re.Match[str]], i: int, tokens: tuple[str, ...]) -> int | None:
    """The index of the last word if ``tokens`` are written from word ``i``, else None."""
    if i + len(tokens) > len(words):
        return None
    for n, token in enumerate(tokens):
        word = words[i + n]
        if word.group() != token:
            return None
        if n and not _GAP.match(text[words[i + n - 1].end() : word.start()]):
            return None
    return i + len(tokens) - 1


def _suffix(text: str, words: list[re.Match[str]], last: int) -> int:
    """The last word of a legal suffix after the name ending at word ``last``, if any."""
    best = last
    for suffix in _SUFFIXES:
        end = _match(text, words, last + 1, suffix)
        if end is not None and end > best:
            best = end
    return best


def industry_matcher(gazetteer: Gazetteer) -> IndustryMatcher:
    """The matcher of a gazetteer's industry table, built on first use and kept with it."""
    return gazetteer.derive("industry_matcher", lambda g: IndustryMatcher(g.industry.values()))


def keep_match(match: IndustryMatch, doc: Doc) -> bool:
    """Whether a name found in the text is the company, given what the model tagged there.

    The name wins over the model's label and span (a person, a place, a cut), except where
    the model's span is a person whose name ends with it ("Serge Dassault", "Anatoly
    Antonov") or the name is the surname of a person named before it; a weak name counts only
    inside a span the model tags as an organisation.
    """
    covering = [
        ent for ent in doc.ents if ent.start_char < match.end and match.start < ent.end_char
    ]
    for ent in covering:
        if (
            ent.label_ == "PERSON"
            and ent.start_char < match.start
            and ent.end_char == match.end
            and all(t.text[:1].isupper() for t in ent if t.idx < match.start)
        ):
            return False  # "Serge Dassault": the company's name is his surname
    if match.weak and not any(
        ent.label_ == "ORG" and ent.start_char <= match.start and match.end <= ent.end_char
        for ent in covering
    ):
        return False
    name = doc.text[match.start : match.end]
    return not any(
        ent.label_ == "PERSON"
        and len(ent) > 1
        and ent.end_char <= match.start
        and ent[-1].text == name
        for ent in doc.ents
    )
