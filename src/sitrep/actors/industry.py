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
from itertools import islice

from spacy.tokens import Doc, Span

from sitrep.actors.coref import ABBREVIATION_IN_BRACKETS, defined_as
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
_REACH = 200  # characters: longer than any name with its suffix
_SUFFIX_WORDS = 4  # the most words a legal suffix has ("Co., Ltd" and a comma: 3)
# Words after a company's name inside a span the model calls a person that make it a title
# ("Boeing chief executive Jim McNerney"), not the rest of a person's name.
_TITLE_WORDS = frozenset(
    {"chief", "chairman", "president", "executive", "spokesman", "spokeswoman", "director"}
    | {"head", "boss", "official", "officials", "vice", "senior", "managing", "founder"}
)


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
        # Names start with a capital or a digit, but for a few ("thyssenkrupp"): the scan
        # looks only at such words, which is most of its speed.
        lower = sorted(w for w in by_first if not w[:1].isupper() and not w[:1].isdigit())
        self._first_words = re.compile(
            r"(?<![\w])(?:[A-Z0-9]\w*" + "".join(f"|{re.escape(w)}(?!\\w)" for w in lower) + ")"
        )

    def find(self, text: str) -> list[IndustryMatch]:
        """Every name in ``text``, left to right, longest first, never overlapping."""
        found: list[IndustryMatch] = []
        resume = 0
        for first in self._first_words.finditer(text):
            start = first.start()
            candidates = self._by_first.get(first.group())
            if start < resume or not candidates or (start and text[start - 1] in "-&@#"):
                continue
            # The words from here on, as many as the longest name and a suffix could take.
            reach = len(candidates[0].tokens) + _SUFFIX_WORDS
            words = list(islice(_TOKEN.finditer(text, start, start + _REACH), reach))
            for name in candidates:
                last = _match(text, words, 0, name.tokens)
                if last is None:
                    continue
                last = _suffix(text, words, last)
                end = words[last].end()
                if words[last].group() in _ABBREVIATED and text[end : end + 1] == ".":
                    end += 1
                found.append(IndustryMatch(start, end, name.body, name.weak))
                resume = end
                break
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


def kept_matches(matches: list[IndustryMatch], doc: Doc) -> list[IndustryMatch]:
    """The matches that name the company, given what the model tagged and what the article
    defines: see :func:`keep_match`; and an abbreviation the article defines as another
    name ("the State Administration of Industry and Commerce (SAIC)") is that name,
    wherever the article uses it."""
    if not matches:
        return []
    bodies = {doc.text[m.start : m.end]: m.body.id for m in matches}
    others: set[str] = set()
    for found in ABBREVIATION_IN_BRACKETS.finditer(doc.text):
        abbreviation = found.group(1)
        if abbreviation not in bodies:
            continue
        words = defined_as(doc.text, found)
        if words is not None and not any(
            m.body.id == bodies[abbreviation] and words[0] <= m.start and m.end <= words[1]
            for m in matches
        ):
            others.add(abbreviation)
    return [m for m in matches if doc.text[m.start : m.end] not in others and keep_match(m, doc)]


def keep_match(match: IndustryMatch, doc: Doc) -> bool:
    """Whether a name found in the text is the company, given what the model tagged there.

    The name wins over the model's label and span (a person, a place, a cut), except where
    the model's span is a person whose name ends or begins with it ("Serge Dassault",
    "Leonardo DiCaprio"), the title of a work, or the name is the surname of a person named
    before it. A weak name counts only where the model tags exactly it as an organisation
    ("Harris said", not "Bell Potter" or "the Independent/Harris poll").
    """
    covering = [
        ent for ent in doc.ents if ent.start_char < match.end and match.start < ent.end_char
    ]
    for ent in covering:
        if ent.label_ == "WORK_OF_ART":
            return False  # "The Aviator with Leonardo DiCaprio": a title, not an actor
        if ent.label_ != "PERSON":
            continue
        if (
            ent.start_char < match.start
            and ent.end_char == match.end
            and all(t.text[:1].isupper() for t in ent if t.idx < match.start)
        ):
            return False  # "Serge Dassault": the company's name is his surname
        after = [t for t in ent if t.idx >= match.end]
        if (
            ent.start_char == match.start
            and after
            and " " not in doc.text[match.start : match.end]
            and after[0].text[:1].isupper()
            and not after[0].text.isupper()
            and after[0].lower_ not in _TITLE_WORDS
        ):
            return False  # "Leonardo DiCaprio": the company's name is his first name
    if match.weak and not any(ent.label_ == "ORG" and _same_name(ent, match) for ent in covering):
        return False
    name = doc.text[match.start : match.end]
    return not any(
        ent.label_ == "PERSON"
        and len(ent) > 1
        and ent.end_char <= match.start
        and ent[-1].text == name
        for ent in doc.ents
    )


def _same_name(ent: Span, match: IndustryMatch) -> bool:
    """Whether the model's span is the matched name, give or take "the" and a possessive."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    tokens = [t for t in tokens if t.tag_ != "POS"]
    return (
        bool(tokens)
        and tokens[0].idx == match.start
        and tokens[-1].idx + len(tokens[-1]) in (match.end, match.end - 1)
    )
