"""Normalise expressions of days and their parts relative to the document date or to the
expression before them: weekdays, "yesterday", "last week", "the weekend", clock times,
"the next day", "that year"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.time.calendar_points import closest_year
from sitrep.time.context import Context, Reading
from sitrep.time.dates import iso_week, quarter_of, shift
from sitrep.time.lexicon import LEXICON, number_value
from sitrep.time.patterns import Candidate

__all__ = ["HANDLERS", "resolve_weekday"]

WEEKDAYS: dict[str, int] = LEXICON["weekdays"]
PARTS: dict[str, str] = LEXICON["parts_of_day"]
# Nouns that "today's" makes an era, not a day: "today's world", "today's young people".
_ERA_NOUNS = frozenset(LEXICON["era_nouns"])
_DAY_OFFSETS = {
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "tonight": 0,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def resolve_weekday(ctx: Context, weekday: int, rel: str, start: int, end: int) -> date:
    """The date of a weekday name: "last Friday", "next Monday", or by tense (news default:
    the most recent such day, the document date included)."""
    dct = ctx.dct
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if rel in ("last", "this past", "past"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "this coming", "coming"):
        return dct + timedelta(days=ahead or 7)
    if ctx.word_before(start) == "since":
        return dct - timedelta(days=back)  # "since Monday": a day already past
    tense = ctx.tense(start, end)
    deadline = ctx.deadline_ahead(start, end)
    if tense == "FUTURE" or deadline or (rel == "this" and tense != "PAST"):
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back)


def _part_suffix(part: str | None) -> str:
    return f"T{PARTS[part.lower()]}" if part else ""


def _weekday(c: Candidate, ctx: Context) -> Reading | None:
    weekday = WEEKDAYS[(c.get("wd") or "").lower()]
    part = _part_suffix(c.get("part"))
    if c.get("pl") or c.get("partpl"):  # "Tuesdays", "Tuesday nights": every one
        return Reading("SET", f"XXXX-WXX-{weekday}{part}")
    rel = re.sub(r"\s+", " ", (c.get("rel") or "").lower())
    if rel.startswith("the "):
        return _weekday_from_anchor(ctx, weekday, rel, c.start)
    day = resolve_weekday(ctx, weekday, rel, c.start, c.end)
    # "Friday night", "Tuesday morning": a part of that day, TIME with the TIMEX3 part code
    # (TimeML guidelines, MEANTIME; most of TimeBank's gold "Friday night" carry it too).
    if part:
        return Reading("TIME", day.isoformat() + part)
    return Reading("DATE", day.isoformat())


def _weekday_from_anchor(ctx: Context, weekday: int, rel: str, start: int) -> Reading:
    """ "the previous Friday", "the following Monday": that weekday before or after the day
    the narrative last named (the document date when none is near)."""
    previous = ctx.last_calendar(start)
    anchor = "document"
    base = ctx.dct
    if previous is not None and re.match(r"\d{4}-\d\d-\d\d", previous.value):
        base, anchor = date.fromisoformat(previous.value[:10]), previous.id
    if rel.endswith("following"):
        day = base + timedelta(days=(weekday - base.isoweekday()) % 7 or 7)
    else:
        day = base - timedelta(days=(base.isoweekday() - weekday) % 7 or 7)
    return Reading("DATE", day.isoformat(), anchor=anchor)


def _relative_day(c: Candidate, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", (c.get("word") or "").lower())
    if word == "today" and ctx.text[c.start : c.end].endswith("'s"):
        words = re.findall(r"[A-Za-z]+", ctx.text_after(c.end, 40))[:2]
        if not words or words[0][0].isupper() or _ERA_NOUNS.intersection(words):
            return None  # "today's youth", "today's Russia": the present era, not the day
        # "today's editions", "today's meeting": the day of the story ("'s" is no part of it)
        return Reading("DATE", ctx.dct.isoformat(), end=c.start + len("today"))
    if c.get("this"):  # "this morning", "last night"
        offset = -1 if (c.get("this") or "").lower() == "last" else 0
        day = ctx.dct + timedelta(days=offset)
        return Reading("TIME", day.isoformat() + _part_suffix(c.get("part2")))
    day = ctx.dct + timedelta(days=_DAY_OFFSETS[word])
    part = "night" if word == "tonight" else c.get("part")
    return Reading("TIME" if part else "DATE", day.isoformat() + _part_suffix(part))


def _relative_unit(c: Candidate, ctx: Context) -> Reading | None:
    rel, unit = re.sub(r"\s+", " ", (c.get("rel") or "").lower()), (c.get("unit") or "").lower()
    step = {
        "last": -1,
        "past": -1,
        "this past": -1,
        "this coming": 1,
        "previous": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
    }.get(rel, 0)
    if rel in ("same", "following", "previous") and c.get("the"):
        return None  # anaphoric ("the same week"): resolved by the anaphor rule
    # "the past year" is the previous calendar year in TimeBank (as "last year"), while
    # "the whole week" is a length.
    if rel in ("whole", "entire", "full") and unit != "year":
        return Reading(
            "DURATION", {"week": "P1W", "month": "P1M", "decade": "P10Y"}.get(unit, "P1D")
        )
    if unit == "decade" and rel == "past":
        # "over the past decade": the ten years up to now (TimeBank/AQUAINT DURATION P10Y),
        # not the calendar decade before this one as "the last decade" is
        return Reading("DURATION", "P10Y")
    dct = ctx.dct
    if unit == "week":
        return Reading("DATE", iso_week(shift(dct, step, "W")))
    if unit == "weekend":
        return Reading("DATE", iso_week(shift(dct, step, "W")) + "-WE")
    if unit == "month":
        moved = shift(dct, step, "M")
        return Reading("DATE", f"{moved.year:04d}-{moved.month:02d}")
    if unit == "year":
        return Reading("DATE", f"{dct.year + step:04d}")
    if unit == "decade":
        return Reading("DATE", f"{(dct.year // 10 + step):03d}")
    return None


def _weekend(c: Candidate, ctx: Context) -> Reading | None:
    tense = ctx.tense(c.start, c.end)
    dct = ctx.dct
    days_to_sat = (6 - dct.isoweekday()) % 7
    day = (
        dct + timedelta(days=days_to_sat)
        if tense == "FUTURE"
        else dct - timedelta(days=(dct.isoweekday() + 1) % 7)
    )
    return Reading("DATE", iso_week(day) + "-WE")


def _part_of_day(c: Candidate, ctx: Context) -> Reading | None:
    """ "mid-afternoon", "late morning yesterday": the part of the document's day (or of the
    day named after it), as TIME with the TIMEX3 part-of-day code."""
    if re.match(r"\s+of\b", ctx.text_after(c.end, 5)):
        return None  # "the early morning of March 30": the part of another day
    day = ctx.dct
    if c.get("rday"):
        day = ctx.dct + timedelta(days=_DAY_OFFSETS[(c.get("rday") or "").lower()])
    elif c.get("wd"):
        weekday = WEEKDAYS[(c.get("wd") or "").lower()]
        day = resolve_weekday(ctx, weekday, "", c.start, c.end)
    return Reading("TIME", day.isoformat() + _part_suffix(c.get("part")))


def _clock(c: Candidate, ctx: Context) -> Reading | None:
    if c.get("mil"):
        hour, minute = int(c.get("mil") or 0), int(c.get("milm") or 0)
    elif c.get("noon"):
        if ctx.word_before(c.start) == "high":
            return None  # "high noon": an idiom (or the film), not a clock time
        hour, minute = (24 if (c.get("noon") or "").lower() == "midnight" else 12), 0
    elif c.get("oh"):
        hour, minute = int(number_value(c.get("oh") or "") or 0), 0
        if (c.get("ipart") or "").lower() in ("afternoon", "evening") and hour < 12:
            hour += 12  # "4 in the afternoon"
    elif c.get("h24"):
        hour, minute = int(c.get("h24") or 0), int(c.get("m24") or 0)
        if (
            not c.get("utc")
            and not (c.get("pmonth") or c.get("pmonth2"))
            and not re.search(
                r"\b(?:at|by|from|until|to|around|about|before|after)\s*$",
                ctx.text[max(0, c.start - 10) : c.start],
                re.IGNORECASE,  # "At 10:30 on Tuesday"
            )
        ):
            return None  # "3:15" alone may be a score or a ratio
    else:
        hour, minute = int(c.get("h") or 0), int(c.get("m") or 0)
        pm = (c.get("ampm") or "").lower().startswith("p")
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 24 or minute > 59:
        return None
    day = _clock_day(c, ctx)
    if day is None:
        return None
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{_zone(c)}")


def _clock_day(c: Candidate, ctx: Context) -> date | None:
    """The day of a clock time: the date written with it (its year, else the closest one),
    its weekday or "yesterday", else the document's day (in a history, the day the
    narrative is telling). None for an impossible date."""
    month_name = c.get("cmonth") or c.get("cmonth2") or c.get("pmonth") or c.get("pmonth2")
    if month_name:
        month = LEXICON["months"][month_name.lower().rstrip(".")]
        written = c.get("cday") or c.get("cday2") or c.get("pday") or c.get("pday2") or "1"
        day_number = int(re.sub(r"\D", "", written))
        year_digits = c.get("cyear") or c.get("pyear")
        try:
            year = (
                int(year_digits)
                if year_digits
                else closest_year(ctx, month, day_number, c.start, c.end)
            )
            return date(year, month, day_number)
        except ValueError:
            return None
    weekday = c.get("wd") or c.get("wd2")
    if weekday:
        return resolve_weekday(ctx, WEEKDAYS[weekday.lower()], "", c.start, c.end)
    if c.get("rday"):
        return ctx.dct + timedelta(days=_DAY_OFFSETS[(c.get("rday") or "").lower()])
    if ctx.is_history:
        # a clock time in a history is on the day the narrative is telling
        previous = ctx.last_day(c.start)
        if previous is not None:
            return date.fromisoformat(previous.value[:10])
    return ctx.dct


def _zone(c: Candidate) -> str:
    """The zone suffix of a clock value: "Z" for universal time, "+08" / "-05:30" for an
    offset from it; a named local zone ("EDT") is not written (TimeBank leaves it out)."""
    if not c.get("utc"):
        return ""
    offset = re.sub(r"\s+", "", (c.get("offset") or "").replace("−", "-"))
    if not offset:
        return "Z"
    sign, digits = offset[0], offset[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours == minutes == 0:
        return "Z"
    return f"{sign}{hours:02d}" + (f":{minutes:02d}" if minutes else "")


def _anaphor(c: Candidate, ctx: Context) -> Reading | None:
    """ "that day", "the next day", "the following month", "that year": relative to the
    expression the narrative last named, at the granularity asked for."""
    rel, unit = (c.get("rel") or "").lower(), (c.get("unit") or "").lower()
    previous = ctx.last_calendar(c.start)
    if (
        previous is not None
        and (unit == "day" or unit in PARTS)
        and not _DAY_VALUE.match(previous.value)
    ):
        # "the next day" counts from the last day named, past a month or year named since
        previous = ctx.last_day(c.start) or previous
    if previous is None:
        return None
    value = previous.value
    step = {"next": 1, "following": 1, "previous": -1, "day before": -1, "preceding": -1}.get(
        rel, 0
    )
    anchor = previous.id
    if re.match(r"^\d{4}-\d\d-\d\d", value):
        base = date.fromisoformat(value[:10])
    elif re.fullmatch(r"\d{4}-\d\d", value) and unit in ("month", "year", "quarter"):
        base = date(int(value[:4]), int(value[5:]), 15)
    elif re.fullmatch(r"\d{4}-Q\d", value) and unit in ("quarter", "year"):
        base = date(int(value[:4]), int(value[-1]) * 3 - 1, 15)
    elif re.fullmatch(r"\d{4}", value) and unit == "year":
        base = date(int(value), 6, 30)
    else:
        return None
    if unit in PARTS:
        return Reading(
            "TIME", (base + timedelta(days=step)).isoformat() + _part_suffix(unit), anchor=anchor
        )
    if unit == "day":
        return Reading("DATE", (base + timedelta(days=step)).isoformat(), anchor=anchor)
    if unit == "week":
        return Reading("DATE", iso_week(shift(base, step, "W")), anchor=anchor)
    if unit == "quarter":
        year, quarter = quarter_of(shift(base, step, "Q"))
        return Reading("DATE", f"{year:04d}-Q{quarter}", anchor=anchor)
    moved = shift(base, step, unit[0].upper())
    value = f"{moved.year:04d}-{moved.month:02d}" if unit == "month" else f"{moved.year:04d}"
    return Reading("DATE", value, anchor=anchor)


def _the_unit(c: Candidate, ctx: Context) -> Reading | None:
    """ "the year", "the fiscal year", "the week": the period the story is about (the
    document's), or a length when a defining clause follows ("the year ended March 31")."""
    unit = (c.get("unit") or "").lower()
    if unit != "day" and re.match(r"\s+(?:ended|ending|to|through)\b", ctx.text_after(c.end)):
        return Reading(
            "DURATION", {"year": "P1Y", "week": "P1W", "month": "P1M", "day": "P1D"}[unit]
        )
    if unit == "day":
        # "the day": the day the narrative is on (the last one it named), else the story's
        previous = ctx.last_calendar(c.start)
        if previous is not None and _DAY_VALUE.match(previous.value):
            return Reading("DATE", previous.value[:10], anchor=previous.id)
        return Reading("DATE", ctx.dct.isoformat())
    if unit == "year":
        return Reading("DATE", f"{ctx.narrative_year(c.start) or ctx.dct.year:04d}")
    if unit == "week":
        return Reading("DATE", iso_week(ctx.dct))
    return Reading("DATE", f"{ctx.dct.year:04d}-{ctx.dct.month:02d}")


def _the_part(c: Candidate, ctx: Context) -> Reading | None:
    """ "in the morning", "during the night": that part of the day the narrative is on (the
    last day it named), else of the story's day; the preposition stays out of the extent."""
    previous = ctx.last_calendar(c.start)
    part = _part_suffix(c.get("part"))
    start = c.end - len(c.get("the") or "")
    if previous is not None and _DAY_VALUE.match(previous.value):
        return Reading("TIME", previous.value[:10] + part, anchor=previous.id, start=start)
    return Reading("TIME", ctx.dct.isoformat() + part, start=start)


def _that_time(c: Candidate, ctx: Context) -> Reading | None:
    """ "that time": the time the narrative last named, at its granularity."""
    previous = ctx.last_calendar(c.start)
    if previous is None:
        return None
    return Reading(previous.type, previous.value, anchor=previous.id)


def _same_period(c: Candidate, ctx: Context) -> Reading | None:
    """ "the same month a year ago", "the same period last year": the period the story is
    about (the last one it named, else the document's), one year earlier."""
    unit = (c.get("unit") or "").lower()
    previous = ctx.reported_quarter(c.start) if unit in ("quarter", "period") else None
    previous = previous or ctx.last_calendar(c.start)
    anchor = previous.id if previous is not None else "document"
    value = previous.value if previous is not None else ""
    granular = re.match(r"(\d{4})(-(?:Q\d|H\d|\d\d(?:-\d\d)?|W\d\d|SP|SU|FA|WI))?", value)
    if granular and (unit in ("period", "time", "season") or _GRANULARITY[unit].match(value)):
        return Reading("DATE", f"{int(granular[1]) - 1:04d}{granular[2] or ''}", anchor=anchor)
    dct = ctx.dct
    if unit == "day":
        return Reading("DATE", shift(dct, -1, "Y").isoformat())
    if unit == "week":
        return Reading("DATE", iso_week(shift(dct, -1, "Y")))
    if unit == "quarter":
        year, quarter = quarter_of(dct)
        return Reading("DATE", f"{year - 1:04d}-Q{quarter}")
    if unit == "month":
        return Reading("DATE", f"{dct.year - 1:04d}-{dct.month:02d}")
    return Reading("DATE", f"{dct.year - 1:04d}")


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_GRANULARITY = {
    "day": re.compile(r"\d{4}-\d\d-\d\d"),
    "week": re.compile(r"\d{4}-W\d\d$"),
    "month": re.compile(r"\d{4}-\d\d$"),
    "quarter": re.compile(r"\d{4}-Q\d$"),
}

HANDLERS = {
    "that_time": _that_time,
    "same_period": _same_period,
    "the_unit": _the_unit,
    "the_part": _the_part,
    "relative_day": _relative_day,
    "weekday": _weekday,
    "relative_unit": _relative_unit,
    "weekend": _weekend,
    "clock": _clock,
    "part_of_day": _part_of_day,
    "anaphor": _anaphor,
}
