"""Calendar arithmetic on plain ``datetime.date`` values, in TIMEX3 granularities."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = [
    "SEASONS",
    "add_months",
    "iso_week",
    "month_end",
    "nth_weekday",
    "quarter_of",
    "season_of",
    "shift",
]

SEASONS = ("SP", "SU", "FA", "WI")  # in calendar order; a winter starts in December


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` units (D, W, M, Q, Y, E decade, C century)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}.get(unit)
    if months is None:
        return day
    try:
        return add_months(day, amount * months)
    except ValueError:  # before year 1 or after 9999: keep the day
        return day


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def season_of(day: date) -> tuple[int, str]:
    """(year, code) of the season containing ``day``; a winter is named by the year of its
    December, so January 1998 lies in 1997-WI."""
    if day.month in (12, 1, 2):
        return (day.year if day.month == 12 else day.year - 1), "WI"
    return day.year, SEASONS[(day.month - 3) // 3]


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ISO ``weekday`` of a month (-1 = last; 0 = the Tuesday after the first
    Monday, the US federal election day)."""
    if nth == 0:
        return nth_weekday(year, month, 1, 1) + timedelta(days=1)
    if nth < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
