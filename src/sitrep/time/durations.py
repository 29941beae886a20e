"""Normalise lengths of time, frequencies and vague references: "three-day", "two years
ago", "every week", "recently", "the future"."""

from __future__ import annotations

import re
from datetime import date

from sitrep.time.context import Context, Reading
from sitrep.time.dates import iso_week, quarter_of, shift
from sitrep.time.lexicon import LEXICON, alternation, number_value
from sitrep.time.patterns import Candidate

__all__ = ["HANDLERS", "duration_value"]

UNITS: dict[str, str] = LEXICON["units"]
_QUARTER = re.compile(r"\d{4}-Q\d")
_TIME_UNITS = set(LEXICON["time_units"])
_VAGUE = re.compile(r"several|few|many|some|numerous|couple", re.I)
# An amount just before "a year" makes it a rate ("$5 million a year", "3 percent a year",
# "1,000 barrels of oil a day"); a clause boundary or a preposition between them does not
# ("in 2009 and run for at least a decade").
_RATE_BEFORE = re.compile(
    r"(?:\d|percent|%|times|dollars|cents|once|twice)"
    r"(?:(?!\b(?:and|or|but|for|in|to|by|at|since|until|from|with|over|after|before|than)\b)"
    r"[\w\s.$%-]|,(?=\d)){0,25}$",
    re.I,
)


def _unit(word: str) -> tuple[str, int]:
    """(designator, multiplier) of a unit word; "fortnight" is two weeks, "quarter" three months."""
    word = word.lower().rstrip("s")
    word = {"centurie": "century"}.get(word, word)
    code = UNITS.get(word) or UNITS.get(word.rstrip("e")) or ""
    if code == "2W":
        return "W", 2
    if code == "E":  # TimeBank writes decades and centuries in years: P20Y, P100Y
        return "Y", 10
    if code == "C":
        return "Y", 100
    return code, 1


def duration_value(amount: float | None, word: str) -> str | None:
    """TIMEX3 duration: P3D, PT2H, P1Y6M, PXY (unknown amount), P10Y (a decade)."""
    code, times = _unit(word)
    if not code:
        return None
    is_time = word.lower().rstrip("s") in _TIME_UNITS or word.lower() in ("hours", "mins")
    prefix = "PT" if is_time else "P"
    if amount is None:
        # "decades" in years (PXY), as "two decades" is P20Y in TimeBank; "centuries"
        # keeps its own unit (the tune half's gold has PXC and PXE, never PXY)
        return f"{prefix}X{ {100: 'C'}.get(times, code) }"
    amount *= times
    if amount == int(amount):
        return f"{prefix}{int(amount)}{code}"
    return _fractional(amount, code, is_time)


# How a fraction of each unit is written in the next smaller one: "5 1/2 hours" = PT5H30M.
_SMALLER = {"Y": ("M", 12, ""), "M": ("D", 30, ""), "D": ("H", 24, "T")}
_SMALLER_TIME = {"H": ("M", 60), "M": ("S", 60)}


def _fractional(amount: float, code: str, is_time: bool) -> str | None:
    whole, rest = int(amount), amount - int(amount)
    if is_time:
        if code not in _SMALLER_TIME:
            return f"PT{amount:g}{code}"
        smaller, factor = _SMALLER_TIME[code]
        head = f"{whole}{code}" if whole else ""
        return f"PT{head}{round(rest * factor)}{smaller}"
    if code == "W":
        days = amount * 7
        return f"P{int(days)}D" + (
            f"T{round((days - int(days)) * 24)}H" if days != int(days) else ""
        )
    if code not in _SMALLER:
        return None
    smaller, factor, separator = _SMALLER[code]
    head = f"{whole}{code}" if whole else ""
    return f"P{head}{separator}{round(rest * factor)}{smaller}"


# "quarter(s) of" followed by anything but a year is a fraction ("a quarter of the vote");
# "the first two quarters of 1990" and "... of this year" are time.
_FRACTION_OF = re.compile(
    r"\s+of\s+(?!(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:(?:19|20)\d\d|this\b|last\b|next\b|year\b))",
    re.I,
)


def _duration(c: Candidate, ctx: Context) -> Reading | None:
    unit = (c.get("unit") or "").lower()
    raw = c.get("num")
    amount = None if c.get("vague") else number_value(raw or "")
    if raw and amount is None:
        return None
    if amount is not None and (amount <= 0 or amount > 1000):
        return None
    if amount is not None and c.get("andhalf"):
        amount += 0.5
    article = (raw or "").lower() in ("a", "an")
    if article and unit.startswith("sec"):
        return None  # "a second round": an ordinal
    if re.match(r"[-\s]olds?\b|-[a-z]", ctx.text_after(c.end, 6)):
        # ages ("6-year-old") are not time expressions in TimeBank, and "a year-earlier
        # quarter" is another expression
        return None
    if unit.startswith("quarter") and c.get("vague") and ctx.word_before(c.start) == "in":
        return None  # "in some quarters": among some people, not a length of time
    if unit.startswith("quarter") and _FRACTION_OF.match(ctx.text_after(c.end, 40)):
        return None  # "more than a quarter of the vote", "three quarters of them": a share
    if _MEASURES_A_THING.match(ctx.text_after(c.end, 40)):
        return None
    hyphen = "-" in (c.get("hyph") or "")
    if hyphen and (raw or "").lower() in ("a", "an"):
        return None
    if hyphen and c.get("pl"):
        return None  # "five-days" is not English; likely part of a code
    value = duration_value(amount, unit)
    if value is None:
        return None
    if (
        article
        and not c.get("the")
        and not c.get("rel")
        and _RATE_BEFORE.search(ctx.text[max(0, c.start - 30) : c.start])
    ):
        # A rate ("$2 million a year", "358,000 a month", "24 hours a day") is not a time
        # expression in TimeBank/AQUAINT: none of the tune half's were annotated (0 of 5).
        return None
    if hyphen and c.get("the"):
        # "the 24-hour strike": "the" belongs to the noun the adjective describes
        article_end = re.match(r"the\s+", ctx.text[c.start : c.end], re.I)
        return Reading("DURATION", value, start=c.start + (article_end.end() if article_end else 0))
    return Reading("DURATION", value)


_NOT_TIME_AFTER_CURRENT = re.compile(rf"\s+{alternation(LEXICON['current_not_time'])}\b", re.I)
_BARE_PLURAL_CUES = (
    *("for", "in", "within", "over", "than", "lasting", "took", "takes"),
    # verbs of taking time: "lasted hours", "spent years", "will take months"
    *("lasted", "lasts", "take", "taking", "spent", "spend", "spending"),
)
# "75 hours of battery life": a length that measures a thing, not a time of the story
_MEASURES_A_THING = re.compile(
    rf"\s+of\s+(?:\w+\s+)?{alternation(LEXICON['measured_things'])}\b", re.I
)


def _plural_unit(c: Candidate, ctx: Context) -> Reading | None:
    rel = re.sub(r"^the\s*", "", (c.get("rel") or "").lower())
    unit = (c.get("unit") or "").lower()
    if (c.get("rel") or "").lower() == "the" and not c.get("ahead"):
        return None  # "the years" alone is rarely a time expression
    if not rel and not c.get("ahead") and ctx.word_before(c.start) not in _BARE_PLURAL_CUES:
        return None  # "years" alone is rarely a time expression; "for years" is
    if rel == "recent":
        # "in recent years": an unspecified stretch of the past, DATE PAST_REF in TimeBank's
        # gold and the TimeML guidelines, not a length
        return Reading("DATE", "PAST_REF")
    value = duration_value(None, unit)
    return Reading("DURATION", value) if value else None


def _ago(c: Candidate, ctx: Context) -> Reading | None:
    direction = re.sub(r"\s+", " ", (c.get("dir") or "").lower())
    direction = {"previous": "before", "previously": "before", "prior": "before"}.get(
        direction, direction
    )
    unit_word = (c.get("unit") or "").lower()
    code, times = _unit(unit_word)
    if not code:
        return None
    raw = c.get("num")
    if direction in ("before", "after", "since") and re.match(
        r"\s*[\w\"]", ctx.text_after(c.end, 3)
    ):
        return None  # "two days before the vote": "two days" is the expression (a duration)
    if direction == "since":
        return None
    plural = re.search(rf"{re.escape(unit_word)}s\s", ctx.text[c.start : c.end], re.I)
    if direction in ("later", "afterwards", "afterward") and (raw is not None or plural):
        return _length_before_later(c, ctx, raw, unit_word)
    if (raw is None and plural) or (raw and _VAGUE.search(raw)):
        past = direction in ("ago", "earlier", "before")  # "years ago", "months after"
        return Reading("DATE", "PAST_REF" if past else "FUTURE_REF")
    if raw is None and direction == "ago":
        return None  # "week ago" without a number is not English
    amount = number_value(raw or "a")
    if amount is None or amount != int(amount):
        return None
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    base, anchor = ctx.dct, "document"
    previous = None
    if direction not in ("ago", "from now", "hence"):
        previous = ctx.last_calendar(c.start)
    # TimeBank's financial convention: "a year ago" next to "the third quarter" means the
    # reported quarter a year before.
    if code == "Y":
        near = previous or ctx.last_calendar(c.start, within=600)
        quarter = ctx.reported_quarter(c.start) if near and _QUARTER.fullmatch(near.value) else None
        if quarter is not None:
            year = int(quarter.value[:4]) + sign * int(amount) * times
            return Reading("DATE", f"{year:04d}-{quarter.value[5:]}", anchor=quarter.id)
    if previous is not None:
        anchor = previous.id
        value = previous.value
        step = sign * int(amount) * times
        # "a year earlier" than a day, a month or a quarter is that day, month or quarter
        # a year before: the comparison keeps the anchor's granularity.
        if re.match(r"\d{4}-\d\d-\d\d", value):
            base = date.fromisoformat(value[:10])
            # "the year before" names a calendar year; "a year earlier" keeps the day
            if code in ("Y", "M") and raw is not None:
                return Reading("DATE", shift(base, step, code).isoformat(), anchor=anchor)
        elif re.fullmatch(r"\d{4}-\d\d", value):
            base = date(int(value[:4]), int(value[5:7]), 15)
            moved = shift(base, step, code) if code in ("Y", "M") else base
            # "a day later" than a month is somewhere in that month: keep its granularity
            return Reading("DATE", f"{moved.year:04d}-{moved.month:02d}", anchor=anchor)
        elif re.fullmatch(r"\d{4}", value):
            year = int(value) + (step if code == "Y" else 0)
            return Reading("DATE", f"{year:04d}", anchor=anchor)
        else:
            anchor = "document"
    if code in ("S", "H") or (code == "M" and unit_word.startswith("min")):
        return Reading("DATE", base.isoformat(), anchor=anchor)
    moved = shift(base, sign * int(amount) * times, code)
    if code == "D":
        return Reading("DATE", moved.isoformat(), anchor=anchor)
    if code == "W":
        return Reading("DATE", iso_week(moved), anchor=anchor)
    if code == "M":
        return Reading("DATE", f"{moved.year:04d}-{moved.month:02d}", anchor=anchor)
    if code == "E":
        return Reading("DATE", f"{moved.year // 10:03d}X", anchor=anchor)
    if code == "C":
        return Reading("DATE", f"{moved.year // 100:02d}", anchor=anchor)
    return Reading("DATE", f"{moved.year:04d}", anchor=anchor)


def _length_before_later(
    c: Candidate, ctx: Context, raw: str | None, unit_word: str
) -> Reading | None:
    """ "Three days later", "a few weeks later", "years later": TimeML treats "later" as a
    signal linking the length to the event before it, so the expression is the DURATION
    "Three days" (TimeBank/AQUAINT gold leaves "later" out), unlike "ago", whose extent and
    DATE value include the offset. The anchor still names the expression the length counts
    from. ``raw`` is the amount as written (None for a bare plural: an unknown amount)."""
    vague = raw is None or bool(_VAGUE.search(raw))
    amount = None if vague else number_value(raw or "")
    if amount is None and not vague:
        return None
    length = duration_value(amount, unit_word)
    tail = re.search(r"\s+(?:or\s+so\s+)?\w+$", ctx.text[c.start : c.end])
    if not length or not tail:
        return None
    counted_from = ctx.last_calendar(c.start)
    return Reading(
        "DURATION",
        length,
        anchor=counted_from.id if counted_from else "document",
        start=c.start,
        end=c.start + tail.start(),
    )


def _year_ago_adj(c: Candidate, ctx: Context) -> Reading | None:
    previous = ctx.reported_quarter(c.start)
    if previous:
        return Reading(
            "DATE", f"{int(previous.value[:4]) - 1:04d}{previous.value[4:]}", anchor=previous.id
        )
    if (c.get("unit") or "").lower() == "quarter":
        year, quarter = quarter_of(shift(ctx.dct, -1, "Q"))
        return Reading("DATE", f"{year - 1:04d}-Q{quarter}")
    return Reading("DATE", f"{ctx.dct.year - 1:04d}")


_REFS = {
    "PRESENT_REF": re.compile(
        r"(?:right\s+)?now|currently|at\s+present|nowadays|these\s+days|presently|current"
        r"|the\s+time\s+being"
    ),
    "FUTURE_REF": re.compile(
        r"(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future|soon|the\s+\w+\s+term"
    ),
}


def _ref(c: Candidate, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", (c.get("word") or "").lower())
    after = ctx.text_after(c.end, 20)
    sentence_start = re.search(
        r"(?:^|[.!?][\"'\s]*\s|\n)\s*$", ctx.text[max(0, c.start - 4) : c.start]
    )
    if word == "now" and (
        after.startswith((",", "-")) and (sentence_start or after.startswith("-"))
    ):
        return None  # "Now, ..." opens an argument; "now-defunct" is an adjective
    if word == "current" and _NOT_TIME_AFTER_CURRENT.match(after):
        return None  # "current account": not a time reference (TimeBank leaves these)
    then = re.search(r"\bthen[\s-]+$", ctx.text[max(0, c.start - 6) : c.start], re.I)
    if word == "current" and then:
        # "the then current price": current at a past time the story names, so PAST_REF
        return Reading("DATE", "PAST_REF", start=c.start - len(then[0]), end=c.end)
    if word in ("past", "the past") and re.match(
        r"\s+(?:\d|\w+\s+(?:years|months|weeks|days))", after
    ):
        return None
    for value, regex in _REFS.items():
        if regex.fullmatch(word):
            return Reading("DATE", value)
    return Reading("DATE", "PAST_REF")


def _set(c: Candidate, ctx: Context) -> Reading | None:
    if c.get("adv"):
        if ctx.word_before(c.start) == "average":
            # "average daily volume": a rate's unit of measure, not a recurring time
            return None
        return Reading("SET", LEXICON["sets"][(c.get("adv") or "").lower()])
    quantifier = (c.get("q") or "").lower()
    num = (c.get("num") or "").lower()
    if quantifier in ("a", "per") and num:
        return None
    if quantifier == "a" and not c.get("freq"):
        return None  # a bare "a week" is a length, or a rate after an amount (see _duration)
    if (c.get("wd") or c.get("month")) and quantifier not in ("every", "each"):
        return None  # "a Sunday night service" is one Sunday, not every Sunday
    if c.get("wd"):
        return Reading("SET", f"XXXX-WXX-{LEXICON['weekdays'][(c.get('wd') or '').lower()]}")
    if c.get("month"):
        return Reading("SET", f"XXXX-{LEXICON['months'][(c.get('month') or '').lower()]:02d}")
    amount = 2.0 if num == "other" else (number_value(num) if num else 1.0)
    value = duration_value(amount, c.get("unit") or "")
    return Reading("SET", value) if value else None


def _fraction_unit(c: Candidate, ctx: Context) -> Reading | None:
    """ "a quarter of a century" (P25Y), "a half-century" (P50Y), "three quarters of an hour"."""
    fraction = 0.25 if (c.get("frac") or "").lower().startswith("quarter") else 0.5
    times = 3.0 if (c.get("num") or "").lower() == "three" else 1.0
    if times == 3.0 and fraction == 0.5:
        return None  # "three half ..." is not English
    value = duration_value(fraction * times, c.get("unit") or "")
    return Reading("DURATION", value) if value else None


def _long_adjective(c: Candidate, ctx: Context) -> Reading | None:
    raw = c.get("num")
    amount = number_value(raw) if raw else (None if c.get("pl") else 1.0)
    if raw and amount is None:
        return None
    value = duration_value(amount, c.get("unit") or "")
    return Reading("DURATION", value) if value else None


def _latest_period(c: Candidate, ctx: Context) -> Reading | None:
    """ "the latest period", "the latest quarter": the one just reported (the quarter the
    story named, else the last complete one); "the latest fiscal year": the last one."""
    if (c.get("unit") or "").lower() == "year":
        return Reading("DATE", f"{ctx.dct.year - 1:04d}")
    named = ctx.reported_quarter(c.start)
    if named is not None:
        return Reading("DATE", named.value, anchor=named.id)
    year, quarter = quarter_of(shift(ctx.dct, -1, "Q"))
    return Reading("DATE", f"{year:04d}-Q{quarter}")


HANDLERS = {
    "long_adjective": _long_adjective,
    "fraction_unit": _fraction_unit,
    "latest_period": _latest_period,
    "duration": _duration,
    "plural_unit": _plural_unit,
    "ago": _ago,
    "year_ago_adj": _year_ago_adj,
    "ref": _ref,
    "set": _set,
}
