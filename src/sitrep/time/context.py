"""What a normaliser needs to know besides the matched span: the document, its date, tense."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

from sitrep.records import TimeExpression
from sitrep.time.dates import quarter_of
from sitrep.time.lexicon import LEXICON
from sitrep.time.tense import Tense, tense_at

__all__ = ["Context", "Reading"]

_RELATIVE = re.compile(r"\b(?:ago|earlier|later|before|after)\b|year-(?:ago|earlier)", re.I)
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_YEAR_IN_TEXT = re.compile(r"(?<![\w$.,-])(1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)")
_DEICTIC = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|(?:this|last|next)\s+(?:week|month|year)"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_MONTHS = {name[:3]: number for name, number in LEXICON["months"].items()}
_MONTH_DAY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b"
)
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d\d|\d{4})(?![\d/])")
_DATELINE_REACH = 400  # characters: the dateline opens a wire story
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
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

    @cached_property
    def is_history(self) -> bool:
        """Whether the text tells a past story rather than the news of its date: it names
        several past years but none near the document date, and speaks of no day relative
        to it ("yesterday", "Monday", "last week") and has no dateline. A history of a war
        written in 2009 is one; a wire story that recalls 1987 also says "on Tuesday" or
        "this year", or names 1987 alone."""
        years = {int(y) for y in _YEAR_IN_TEXT.findall(self.text)}
        if len(years) < 2 or max(years) > self.dct.year - 2:
            return False  # a story that recalls one past year is still news
        return _DEICTIC.search(self.text) is None and not self._has_dateline()

    def _has_dateline(self) -> bool:
        """A dateline ("WARSAW, February 26 (Xinhua)", "10/26/89"): a day within a week of
        the document date, written in the opening of the text."""
        opening = self.text[:_DATELINE_REACH]
        written = [(_MONTHS[m[1].lower()[:3]], int(m[2])) for m in _MONTH_DAY.finditer(opening)]
        written += [(int(m[1]), int(m[2])) for m in _NUMERIC_DATE.finditer(opening)]
        for month, day_number in written:
            try:
                day = date(self.dct.year, month, day_number)
            except ValueError:
                continue
            if abs((day - self.dct).days) <= 7:
                return True
        return False

    def narrative_year(self, start: int) -> int | None:
        """The year a narrative set in the past is on: that of the closest earlier calendar
        expression when it lies two years or more before the document date ("In 1947,
        ... In December, ..." in a history written in 2009), however far back it is: the
        narrative stays in its year until it names another. Only texts that are histories
        (:attr:`is_history`) have one; in news the document date rules."""
        if not self.is_history:
            return None
        previous = self.last_calendar(start, within=len(self.text))
        if previous is None or not previous.value[:4].isdigit():
            return None
        year = int(previous.value[:4])
        return year if year <= self.dct.year - 2 else None

    def last_day(self, start: int, within: int = 2000) -> TimeExpression | None:
        """The closest earlier DATE/TIME whose value names a calendar day."""
        return next(
            (
                expr
                for expr in self._earlier(start, within)
                if expr.type in ("DATE", "TIME") and _DAY_VALUE.match(expr.value)
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
