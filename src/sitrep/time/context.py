"""What a normaliser needs to know besides the matched span: the document, its date, tense."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from sitrep.records import TimeExpression
from sitrep.time.dates import quarter_of
from sitrep.time.tense import Tense, tense_at

__all__ = ["Context", "Reading"]

_RELATIVE = re.compile(r"\b(?:ago|earlier|later|before|after)\b|year-(?:ago|earlier)", re.I)
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q\d|W\d\d|H\d|SP|SU|FA|WI))?")


@dataclass(slots=True)
class Reading:
    """A normalised expression: TIMEX3 type, value, mod and what it was anchored on."""

    type: str
    value: str
    mod: str | None = None
    anchor: str = "document"
    start: int | None = None  # a narrower extent than the match, when the rule needs one
    end: int | None = None


@dataclass
class Context:
    text: str
    dct: date
    doc: Doc | None = None
    previous: list[TimeExpression] = field(default_factory=list)

    def tense(self, start: int, end: int) -> Tense | None:
        return tense_at(self.text, start, end, self.doc)

    def word_before(self, start: int) -> str:
        # "mid-March": the word before a hyphen counts too
        match = re.search(r"([A-Za-z']+)[\s,(-]*$", self.text[max(0, start - 30) : start])
        return match[1].lower() if match else ""

    def after_deadline(self, start: int) -> bool:
        """Whether a deadline preposition ("by Friday", "until March 5") comes just before:
        unless its clause is in the past, such a day lies ahead of the document date."""
        return self.word_before(start) in ("by", "until", "till")

    def deadline_ahead(self, start: int, end: int) -> bool:
        """A deadline ("until Friday", "by March") in a clause that is not plainly in the
        past: the day lies ahead. A participle ("remain closed until Friday") is no past."""
        return self.after_deadline(start) and (
            tense_at(self.text, start, end, self.doc, weak=False) != "PAST"
        )

    def text_after(self, end: int, length: int = 30) -> str:
        return self.text[end : end + length]

    def _earlier(self, start: int, within: int) -> Iterator[TimeExpression]:
        """Expressions before ``start``, closest first, that are not themselves relative
        ("a year earlier"), up to ``within`` characters back (about a few paragraphs of
        newswire; further back the narrative has moved on)."""
        for expr in reversed(self.previous):
            if expr.start >= start:
                continue
            if start - expr.end > within:
                return
            if not _RELATIVE.search(expr.text):
                yield expr

    def last_calendar(self, start: int, within: int = 2000) -> TimeExpression | None:
        """The closest earlier DATE/TIME with a calendar value, within ``within`` characters.

        Relative expressions are skipped, so that a chain of comparisons does not drift a
        year further each time."""
        return next(
            (
                expr
                for expr in self._earlier(start, within)
                if expr.type in ("DATE", "TIME") and _CALENDAR_VALUE.match(expr.value)
            ),
            None,
        )

    def reported_quarter(self, start: int, within: int = 2000) -> TimeExpression | None:
        """The closest earlier quarter that is not after the document date: the quarter an
        earnings story reports on, which "a year earlier" and "year-ago" compare with."""
        year, quarter = quarter_of(self.dct)
        current = f"{year:04d}-Q{quarter}"
        return next(
            (
                expr
                for expr in self._earlier(start, within)
                if _QUARTER.fullmatch(expr.value) and expr.value <= current
            ),
            None,
        )
