"""The resolved interval of an expression: earliest and latest calendar day it can mean.

From the TIMEX3 value and mod ("1994" END -> 1994-09-01..1994-12-31), then narrowed or
opened by the preposition before it: "by December 2021" -> latest 2021-12-31, no earliest;
"since 2019" -> 2019-01-01 up to the document date. Durations get an interval only when
anchored on the document date: "the last couple of years" ends at the document date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.time.dates import month_end, shift

__all__ = ["interval", "value_interval"]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# A whole number of calendar units ("P2Y", "P3D"); clock lengths ("PT6H") get no interval.
_DURATION = re.compile(r"P(?P<n>\d+)(?P<u>[YMWDEC])")
_PAST_WORDS = re.compile(r"^(?:the\s+)?(?:past|last|previous|recent|preceding)\b", re.I)
_NEXT_WORDS = re.compile(r"^(?:the\s+)?(?:next|coming|following|remaining)\b", re.I)


def value_interval(value: str) -> tuple[date, date] | None:
    """First and last day of a calendar TIMEX3 value, or None for values that are not."""
    try:
        return _calendar_interval(value)
    except ValueError:
        return None


def _calendar_interval(value: str) -> tuple[date, date] | None:
    if m := re.match(r"^(\d{4})-(\d\d)-(\d\d)", value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), month_end(year, month)
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        year, size, index = int(m[1]), (3 if m[2] == "Q" else 6), int(m[3])
        first = (index - 1) * size + 1
        return date(year, first, 1), month_end(year, first + size - 1)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
        if m[2] == "WI":
            return date(year, 12, 1), month_end(year + 1, 2)
        return date(year, first, 1), month_end(year, last)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}X?", value):
        return date(int(value[:3]) * 10, 1, 1), date(int(value[:3]) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d\d", value):
        return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    return None


def _narrow(span: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """The first, middle or last third of a period: a year by four-month blocks ("early
    2021" = January to April), a month by ten days, anything else by a third of its days."""
    first, last = span
    if mod not in ("START", "MID", "END") or (last - first).days < 2:
        return span
    part = ("START", "MID", "END").index(mod)
    if (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31)):
        start_month = 1 + 4 * part
        return date(first.year, start_month, 1), month_end(first.year, start_month + 3)
    if first.day == 1 and last == month_end(first.year, first.month):
        begin = first + timedelta(days=10 * part)
        return begin, (last if part == 2 else begin + timedelta(days=9))
    third = ((last - first).days + 1) // 3
    if part == 0:
        return first, first + timedelta(days=third - 1)
    if part == 2:
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def _duration_shift(value: str, dct: date, sign: int) -> date | None:
    m = _DURATION.fullmatch(value)
    return shift(dct, int(m["n"]) * sign, m["u"]) if m else None


def interval(
    value: str, mod: str | None, kind: str, text: str, dct: date, preposition: str | None
) -> tuple[str | None, str | None]:
    """(earliest, latest) as ISO dates; None where the expression leaves that end open."""
    if kind == "SET":
        return None, None
    if kind == "DURATION":
        if _PAST_WORDS.match(text) and (start := _duration_shift(value, dct, -1)):
            return start.isoformat(), dct.isoformat()
        if (_NEXT_WORDS.match(text) or preposition == "within") and (
            end := _duration_shift(value, dct, 1)
        ):
            return dct.isoformat(), end.isoformat()
        return None, None
    if value == "PRESENT_REF":
        return dct.isoformat(), dct.isoformat()
    if value == "PAST_REF":
        return None, dct.isoformat()
    if value == "FUTURE_REF":
        return dct.isoformat(), None
    span = value_interval(value)
    if span is None:
        return None, None
    first, last = _narrow(span, mod)
    if preposition in ("by", "until", "till", "through", "no later than", "up to"):
        return None, last.isoformat()
    if preposition == "before":
        return None, (first - timedelta(days=1)).isoformat()
    if preposition in ("after", "not before"):
        return (last + timedelta(days=1)).isoformat(), None
    if preposition in ("since", "as of"):
        return first.isoformat(), max(dct, first).isoformat()
    if preposition in ("from", "starting", "beginning"):
        return first.isoformat(), None
    return first.isoformat(), last.isoformat()
