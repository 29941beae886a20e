"""Normalise expressions that name a point or period on the calendar: dates, months, years,
decades, centuries, quarters, seasons, holidays, "year-end".

Underspecified expressions ("June 5", "Monday", "this spring") are resolved against the
document date in the direction the governing verb's tense points (see :mod:`tense`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.time.context import Context, Reading
from sitrep.time.dates import SEASONS, nth_weekday, quarter_of, season_of
from sitrep.time.lexicon import LEXICON, alternation, year_from_words
from sitrep.time.patterns import Candidate

__all__ = ["HANDLERS", "closest_year", "expand_two_digit_year", "second_year"]

MONTHS: dict[str, int] = LEXICON["months"]
# Words before a bare month name that make it a date: "in May", "since March", "by June".
_MONTH_CUES = frozenset(LEXICON["month_cues"])
_SEASON_CUES = frozenset(LEXICON["season_cues"])
# Words that may follow a season used as a time ("in spring and summer", "by autumn when");
# any other lower-case word after a bare season makes it a modifier ("spring markets").
_AFTER_A_SEASON = frozenset(LEXICON["after_a_season"])
# "the September 11 attacks": a date that names an event is not a time of the story.
_NAMES_AN_EVENT = re.compile(rf"\s+{alternation(LEXICON['date_name_heads'])}\b", re.I)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# How far (days) a date without a year may lie on the "wrong" side of the document date
# before the tense moves it to the previous or next year: news reports a past act with a
# coming date ("declared a dividend payable Dec. 15"), so a slip of a couple of months stays
# in the same year. Set from TimeBank, where the same-year reading dominates.
_TENSE_SLACK_DAYS = 62


def closest_year(ctx: Context, month: int, day: int, start: int, end: int) -> int:
    """The year for a month (and day) without one, by the tense of its clause.

    Future tense (or a deadline, "by February", in a clause not in the past): the document's
    year unless the date lies more than the slack before the document date (then next
    year); otherwise the document's year unless the date lies more than the slack after it
    (then last year). News mostly reports what has happened.
    """
    narrative = ctx.narrative_year(start)
    if narrative is not None:
        return narrative  # "In 1947, ... in December": the narrative's year, not the story's
    dct = ctx.dct
    this_year = date(dct.year, month, min(day, 28))
    if ctx.word_before(start) == "since":
        # "since March", "since Dec. 15": a point already past, the latest such one
        return dct.year if this_year <= dct else dct.year - 1
    slack = timedelta(days=_TENSE_SLACK_DAYS)
    tense = ctx.tense(start, end)
    if tense == "FUTURE" or ctx.deadline_ahead(start, end):
        return dct.year if this_year >= dct - slack else dct.year + 1
    return dct.year if this_year <= dct + slack else dct.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_date(c: Candidate, ctx: Context) -> Reading | None:
    month, day = _month(c.get("month") or ""), int(re.sub(r"\D", "", c.get("day") or "0"))
    names_an_event = not c.get("year") and _NAMES_AN_EVENT.match(ctx.text_after(c.end, 20))
    if names_an_event:
        name = re.sub(r"\s+", " ", ctx.text[c.start : c.end].lower())
        event_year = LEXICON["event_dates"].get(name)
        if event_year is not None and event_year < ctx.dct.year:
            return None  # "the September 11 attacks": the name of an event of another year
    if c.get("year"):
        year = int(c.get("year") or 0)
    elif names_an_event:  # "the Aug. 7 bombings": the latest such day, not after the story
        year = ctx.dct.year if (month, day) <= (ctx.dct.month, ctx.dct.day) else ctx.dct.year - 1
    else:
        year = closest_year(ctx, month, day, c.start, c.end)
        if c.get("wd"):
            year = _year_of_weekday(ctx, year, month, day, c.get("wd") or "")
    found = _safe_date(year, month, day)
    return Reading("DATE", found.isoformat()) if found else None


def _year_of_weekday(ctx: Context, year: int, month: int, day: int, weekday: str) -> int:
    """ "Monday, June 22" names its year through the weekday: keep ``year`` when the weekday
    fits it, else take the neighbouring year (next to the document's) where it does."""
    wanted = LEXICON["weekdays"][weekday.lower().rstrip(".")]
    fits = [
        found
        for y in (year, ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
        if (found := _safe_date(y, month, day)) and found.isoweekday() == wanted
    ]
    if not fits:
        return year  # a wrong weekday in the text: trust the tense
    return min(fits, key=lambda d: (d.year != year, abs((d - ctx.dct).days))).year


def _iso_date(c: Candidate, ctx: Context) -> Reading | None:
    found = _safe_date(int(c.get("year") or 0), int(c.get("month") or 0), int(c.get("day") or 0))
    return Reading("DATE", found.isoformat()) if found else None


def _slash_date(c: Candidate, ctx: Context) -> Reading | None:
    a, b, year = int(c.get("a") or 0), int(c.get("b") or 0), int(c.get("year") or 0)
    # Month first (US wire style) unless that is impossible; day-first when a > 12.
    found = _safe_date(year, a, b) if a <= 12 else _safe_date(year, b, a)
    return Reading("DATE", found.isoformat()) if found else None


def _relative_year(rel: str | None, base: int) -> int:
    return base + {"last": -1, "next": 1}.get((rel or "").lower(), 0)


def expand_two_digit_year(short: int, dct: date, ahead: int = 10) -> int:
    """The full year of "'82" or "FY07": the latest such year no more than ``ahead`` years
    after the document date ("'82" in 2007 is 1982, "FY09" in 2007 is 2009)."""
    year = dct.year // 100 * 100 + short
    while year > dct.year + ahead:
        year -= 100
    while year + 100 <= dct.year + ahead:
        year += 100
    return year


def _clipped_year(c: Candidate, ctx: Context) -> Reading | None:
    """ "FY07", "FY'07", "in '82": a year with its century left out. Without "FY", the
    apostrophe form needs a cue word ("in '82", "since '98"): "'82" alone may be a quote."""
    if c.get("fyy"):
        return Reading("DATE", f"{expand_two_digit_year(int(c.get('fyy') or 0), ctx.dct, 20):04d}")
    if ctx.word_before(c.start) not in _MONTH_CUES | _SEASON_CUES:
        return None
    return Reading("DATE", f"{expand_two_digit_year(int(c.get('clipped') or 0), ctx.dct):04d}")


def _month_year(c: Candidate, ctx: Context) -> Reading | None:
    month = _month(c.get("month") or "")
    if c.get("clipped"):  # "June '82"
        year = expand_two_digit_year(int(c.get("clipped") or 0), ctx.dct)
    elif c.get("ywords"):  # "January nineteen ninety-seven"
        year = year_from_words(c.get("ywords") or "")
        if not year:
            return None
    elif c.get("year"):
        year = int(c.get("year") or 0)
    else:
        year = _relative_year(c.get("rel"), ctx.dct.year)
    return Reading("DATE", f"{year:04d}-{month:02d}")


def _bare_month(c: Candidate, ctx: Context) -> Reading | None:
    name = c.get("month") or ""
    month = _month(name)
    rel = (c.get("rel") or "").lower()
    cued = bool(rel) or ctx.word_before(c.start) in _MONTH_CUES
    if not cued:
        return None  # "May" the verb, "March on Washington": a bare month needs a cue word
    if re.match(r"\s+\d", ctx.text_after(c.end, 3)):
        return None  # "September 11 attacks": the full date was read and turned down
    dct = ctx.dct
    if rel in ("last", "past"):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in ("next", "coming"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    else:
        year = closest_year(ctx, month, 15, c.start, c.end)
    return Reading("DATE", f"{year:04d}-{month:02d}")


_NOT_A_YEAR_AFTER = re.compile(rf"\s+{alternation(LEXICON['not_a_year_before'])}\b", re.I)


# A capitalised word right before a year, in mid-sentence, that is not a month or a
# preposition: the year is part of a name ("Windows 2000").
_NAME_BEFORE = re.compile(
    r"(?<=[a-z,;:] )(?!(?:In|By|Since|Until|From|Before|After|During|Of|Through|Fiscal|FY|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)\b)"
    r"[A-Z][A-Za-z]+\s$"
)


def _year(c: Candidate, ctx: Context) -> Reading | None:
    year = int(c.get("year") or 0)
    # A count or an amount, not a year: "1,721 million dollars", "1998 troops".
    if _NOT_A_YEAR_AFTER.match(ctx.text_after(c.end, 25)):
        return None
    if not c.get("fiscal") and _NAME_BEFORE.search(ctx.text[max(0, c.start - 30) : c.start]):
        return None  # "Windows 2000", "Euro 2004": part of a name
    before = ctx.text[max(0, c.start - 12) : c.start].lower()
    if re.search(
        r"(?:no\.|number|flight|route|resolution|article|page|rule|model|#|room)\s*$", before
    ):
        return None
    return Reading("DATE", f"{year:04d}")


def second_year(first: int, second: str) -> int:
    """The second year of a range as written after ``first``: "98" after 1997 is 1998."""
    return int(second) if len(second) == 4 else first // 100 * 100 + int(second)


def _year_range(c: Candidate, ctx: Context) -> Reading | None:
    """The first year of "1997-98" (the tagger adds the second as its own expression)."""
    first = int(c.get("year") or 0)
    last = second_year(first, c.get("y2") or "")
    if not 0 < last - first <= 30:
        return None  # "1998-12" or a score, not a span of years
    if _NOT_A_YEAR_AFTER.match(ctx.text_after(c.end, 25)):
        return None
    return Reading("DATE", f"{first:04d}", end=c.start + 4)


_UNIT_AFTER = re.compile(r"\s+(?:years|months|weeks|days|people|men|troops)\b", re.I)


def _year_words(c: Candidate, ctx: Context) -> Reading | None:
    if _UNIT_AFTER.match(ctx.text_after(c.end, 12)):
        return None  # "two thousand years", "nineteen hundred troops": a count, not a year
    year = year_from_words(c.get("words") or "")
    return Reading("DATE", f"{year:04d}") if year else None


_DECADE_WORDS = (
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)


def _decade(c: Candidate, ctx: Context) -> Reading | None:
    if c.get("short"):
        short = int(c.get("short") or 0)
        century = 19 if 2000 + short * 10 > ctx.dct.year else 20  # "the '80s" in 1998: 198
        return Reading("DATE", f"{century}{short}")
    if c.get("bare"):  # "the 70s", "the mid-70s": the decade of the century nearest the story
        short = int(c.get("bare") or 0)
        century = 19 if 2000 + short * 10 > ctx.dct.year else 20
        return Reading("DATE", f"{century}{short}")
    if c.get("words"):  # "the sixties": 196
        return Reading("DATE", f"19{_DECADE_WORDS.index((c.get('words') or '').lower()) + 2}")
    # TIMEX3 writes a decade as its first three digits ("199" = the 1990s).
    return Reading("DATE", f"{c.get('cent')}{c.get('dec')}")


def _century(c: Candidate, ctx: Context) -> Reading | None:
    word = (c.get("ord") or "").lower()
    current = ctx.dct.year // 100
    if word in ("this", "the current"):
        return Reading("DATE", f"{current:02d}")
    if word == "the past":
        return Reading("DURATION", "P100Y")  # "over the past century": a length of time
    if word == "last":
        return Reading("DATE", f"{current - 1:02d}")
    if word == "next":
        return Reading("DATE", f"{current + 1:02d}")
    number = LEXICON["ordinals"].get(word) or int(re.sub(r"\D", "", word) or 0)
    return Reading("DATE", f"{number - 1:02d}") if 0 < number <= 21 else None


def _quarter_number(word: str | None, unit: str) -> int | None:
    if not word:
        return None
    number = (
        {"final": 4, "last": 4}.get(word.lower())
        if unit == "quarter"
        else {"final": 2, "last": 2}.get(word.lower())
    )
    return number or LEXICON["ordinals"].get(word.lower()) or int(re.sub(r"\D", "", word))


def _quarter(c: Candidate, ctx: Context) -> Reading | None:
    unit = (c.get("unit") or "").lower()
    code = "Q" if unit == "quarter" else "H"
    number = _quarter_number(c.get("ord"), unit)
    rel = (c.get("rel") or "").lower()
    if not (number or rel or c.get("the") or c.get("ago") or c.get("qyear") or c.get("qpos")):
        return None  # "a quarter of the vote"
    if number and number > (4 if code == "Q" else 2):
        return None
    year_named = bool(c.get("year") or c.get("qyear") or c.get("yrel") or c.get("qpos"))
    if code == "H" and not year_named:
        return None  # "in the first half, Chelsea scored": a half of a match
    dct_year, dct_q = quarter_of(ctx.dct)
    current = dct_q if code == "Q" else (1 if dct_q <= 2 else 2)
    span = 4 if code == "Q" else 2
    anchor = "document"
    if not number and year_named:
        # "the 1988 quarter": the quarter the story is about, in another year
        named = [
            p
            for p in ctx.previous
            if p.start < c.start and re.fullmatch(rf"\d{{4}}-{code}\d", p.value)
        ]
        if named:
            number, anchor = int(named[-1].value[-1]), named[-1].id
        else:
            number = (current - 2) % span + 1
    if c.get("year"):
        year = int(c.get("year") or 0)
    elif c.get("qyear"):
        year = int(c.get("qyear") or 0)
    elif c.get("yrel") or c.get("qpos"):
        year = _relative_year((c.get("yrel") or c.get("qpos") or "").split()[0], dct_year)
    elif number:
        year = dct_year
        tense = ctx.tense(c.start, c.end)
        if number > current and tense == "PAST":
            year -= 1
    else:
        # "the quarter", "the latest quarter": the one the document last named, else the one
        # just reported (companies report on the quarter that ended before the story).
        previous = ctx.last_calendar(c.start)
        if (
            rel in ("", "same", "fiscal")
            and previous
            and re.match(rf"^\d{{4}}-{code}\d$", previous.value)
        ):
            year, number, anchor = int(previous.value[:4]), int(previous.value[-1]), previous.id
        else:
            index = dct_year * span + current - 1
            index += {"current": 0, "this": 0, "next": 1, "coming": 1}.get(rel, -1)
            year, number = divmod(index, span)
            number += 1
    if c.get("ago"):
        year -= 1
    return Reading("DATE", f"{year:04d}-{code}{number}", anchor=anchor)


def _quarter_code(c: Candidate, ctx: Context) -> Reading | None:
    code = (c.get("q") or "").upper()
    letter, number = ("H", code[1]) if code.startswith("H") else ("Q", re.sub(r"\D", "", code))
    year = ctx.dct.year
    if c.get("year"):
        year = int(c.get("year") or 0)
    elif c.get("yy"):
        short = int(c.get("yy") or 0)
        year = (2000 if short < 50 else 1900) + short
    return Reading("DATE", f"{year:04d}-{letter}{number}")


def _season(c: Candidate, ctx: Context) -> Reading | None:
    rel = (c.get("rel") or "").lower()
    code = LEXICON["seasons"][(c.get("season") or "").lower()]
    word = c.get("season") or ""
    if (
        word[0].isupper()
        and re.match(r"\s+[A-Z]", ctx.text_after(c.end, 3))
        and not c.get("yearfirst")
    ):
        return None  # "Spring Festival", "Summer Olympics": names
    if c.get("year") or c.get("yearfirst"):  # "the spring of 1998", "the 1982 summer"
        return Reading("DATE", f"{c.get('year') or c.get('yearfirst')}-{code}")
    if c.get("ywords"):  # "the winter of nineteen ninety-four"
        year_in_words = year_from_words(c.get("ywords") or "")
        return Reading("DATE", f"{year_in_words:04d}-{code}") if year_in_words else None
    if not rel and not c.get("mid"):
        if ctx.word_before(c.start) not in _SEASON_CUES:
            return None  # "prices fall", "spring" as a verb or noun; "in spring" is a season
        following = re.match(r"\s+([a-z]+)", ctx.text_after(c.end, 20))
        if following and following[1] not in _AFTER_A_SEASON:
            return None  # "in spring markets": a noun that "spring" describes
    if rel == "the" and re.match(r"\s+of\b", ctx.text_after(c.end)):
        return None  # "the fall of the Berlin Wall"
    year, current = season_of(ctx.dct)
    order = SEASONS.index(code) - SEASONS.index(current)
    narrative = ctx.narrative_year(c.start)
    if narrative is not None:
        year, rel = narrative, "this"  # "in spring" of the year a history is telling
    elif rel == "last":
        year = year if order < 0 else year - 1
    elif rel == "next":
        year = year if order > 0 else year + 1
    elif rel != "this":
        tense = ctx.tense(c.start, c.end)
        if tense == "PAST" and order > 0:
            year -= 1
        elif tense == "FUTURE" and order < 0:
            year += 1
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(rel) or (
        "MID" if c.get("mid") else None
    )
    return Reading("DATE", f"{year:04d}-{code}", mod=mod)


def _holiday(c: Candidate, ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", (c.get("name") or "").lower())
    if not (c.get("name") or " ")[0].isupper():
        return None
    if re.match(r"\s+[A-Z][a-z]", ctx.text_after(c.end)):
        return None  # part of a longer name: "Victory Day Parade", "Christmas Island"

    def on(year: int) -> date:
        if name in LEXICON["holidays"]:
            month, day = map(int, LEXICON["holidays"][name].split("-"))
            return date(year, month, day)
        month, weekday, nth = LEXICON["floating_holidays"][name]
        return nth_weekday(year, month, weekday, nth)

    if c.get("year"):
        return Reading("DATE", on(int(c.get("year") or 0)).isoformat())
    this_year = on(ctx.dct.year)
    year = closest_year(ctx, this_year.month, this_year.day, c.start, c.end)
    return Reading("DATE", on(year).isoformat())


def _named_day(c: Candidate, ctx: Context) -> Reading | None:
    """ "Black Monday", "D-Day": a day that history names, the same in every story."""
    name = re.sub(r"\s+", " ", (c.get("name") or "").lower())
    day = LEXICON["named_days"].get(name)
    if day is None or (name[0].isalpha() and not (c.get("name") or " ")[0].isupper()):
        return None  # "black monday" in lower case is a description, not the name
    return Reading("DATE", str(day))


def _year_end(c: Candidate, ctx: Context) -> Reading | None:
    kind = (c.get("kind") or "").lower()
    year = ctx.dct.year
    if kind.startswith("mid"):
        return Reading("DATE", f"{year:04d}", mod="MID")
    if kind.startswith("beginning"):
        return Reading("DATE", f"{year:04d}", mod="START")
    if kind.startswith("turn"):
        return None
    if ctx.word_before(c.start) == "since" and (ctx.dct.month, ctx.dct.day) != (12, 31):
        year -= 1  # "since year-end": the last year-end already past
    return Reading(
        "DATE",
        f"{year:04d}-12-31" if kind == "year-end" else f"{year:04d}",
        mod=None if kind == "year-end" else "END",
    )


HANDLERS = {
    "year_range": _year_range,
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "date_iso": _iso_date,
    "date_slash": _slash_date,
    "month_year": _month_year,
    "month": _bare_month,
    "year": _year,
    "year_words": _year_words,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "quarter_code": _quarter_code,
    "season": _season,
    "holiday": _holiday,
    "named_day": _named_day,
    "clipped_year": _clipped_year,
    "year_end": _year_end,
}
