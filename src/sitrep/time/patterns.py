"""Recognition: compiled regular expressions that find time expressions in text.

Each :class:`Rule` is one family of expressions (full dates, weekdays, durations ...) with
named groups that the handlers of :mod:`sitrep.time.calendar_points`, :mod:`~sitrep.time.days`
and :mod:`~sitrep.time.durations` read. All rules run over the whole text
(``finditer`` in C, no per-token Python loop); overlapping candidates are resolved longest
first, so "Monday (June 22)" beats "Monday" and "June 22".

Extents follow TimeBank's conventions (TimeML guidelines): a leading "the" and modifiers
such as "about", "nearly", "early", "the end of" belong to the expression; prepositions
("on", "by", "since", "for") do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.time.lexicon import LEXICON, NUMBER_WORDS_RE, alternation

__all__ = ["RULES", "Candidate", "find_candidates"]

_MONTH_FULL = alternation(
    [m for m in LEXICON["months"] if len(m) > 3 or m == "may"], capitalised=True
)
_MONTH_ABBR = alternation(
    [m for m in LEXICON["months"] if len(m) <= 4 and m != "may"], capitalised=True
)
# An abbreviation needs its full stop or a following day number ("Dec 15"), so "Mar" and
# "Jan" as names are left alone.
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.?)"
WEEKDAY = alternation([d for d in LEXICON["weekdays"] if len(d) > 5], capitalised=True)
SEASON = alternation(LEXICON["seasons"])
PART = alternation(LEXICON["parts_of_day"])
UNIT = alternation(list(LEXICON["units"]))
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2|½)?|{NUMBER_WORDS_RE})"
VAGUE = r"(?:several|a\s+few|few|many|some|numerous|the\s+next\s+few|a\s+couple\s+of)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
# A year is four digits in a plausible range, not part of a number, a code ("S-400",
# "MiG-29") or an amount; "'98" is a short year.
YEAR = (
    r"(?:(?<=mid-)|(?<=pre-)|(?<=post-)|(?<=FY)|(?<![\w$£€.,/-]))"
    r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d|\w)"
)
# A year in words, as broadcast transcripts write it: "nineteen ninety-four", "two thousand one"
_UNITS_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_WORDS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_TENS_WORDS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# A clipped year: "'82", "’07" (the century comes from the document date)
CLIPPED_YEAR = r"['’](?P<clipped>\d\d)(?![\d'’]|s\b|\w)"
YEAR_WORDS = (
    rf"(?:nineteen|twenty)\s+(?:{_TENS_WORDS}(?:[-\s]{_UNITS_WORDS})?|{_TEENS_WORDS}|hundred)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_UNITS_WORDS}|{_TEENS_WORDS}"
    rf"|twenty(?:[-\s]{_UNITS_WORDS})?))?"
)
_ORDINAL = alternation(list(LEXICON["ordinals"]))
_HOLIDAY = alternation([*LEXICON["holidays"], *LEXICON["floating_holidays"]])
_NAMED_DAY = rf"(?P<name>{alternation(list(LEXICON['named_days']))})"
# A zone after a clock time: universal time (with an offset: "GMT+8", "UTC -05:00") is kept
# in the value, a named local zone only in the extent (TimeBank drops "EDT"); in
# parentheses too: "6:40 p.m. (GMT +8)".
_ZONE = (
    r"(?:(?P<utc>(?-i:UTC|GMT|Z))(?:\s*(?P<offset>[+\-−]\s*(?:1[0-4]|0?\d)(?::?[0-5]\d)?)(?!\d|[.,]\d))?"
    r"|[ECMP][SD]T|local\s+time|(?:Moscow|Beijing|New\s+Delhi)\s+time)"
)
# ... after a space, in parentheses, or written on: "07:35GMT"
TZ = rf"(?:(?:\s*(?P<zparen>\()\s*|\s+|(?=(?-i:UTC|GMT)\b)){_ZONE}(?(zparen)\s*\)))"
AMPM = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
_YEAR_DIGITS = r"(?:1[89]|20)\d\d(?!\d)"
# The day a clock time is on, written before it ("May 8 1:00AM", "Saturday, December 05, 2009
# 8:28 PM", "9 September 2013, 14:08", "April 10, 2007-7:07AM") or after it ("10:35 a.m.
# Thursday", "3 p.m. on March 11"), on the same line: a dateline's clock time is not on the
# next line's day.
_CLOCK_DATE_BEFORE = (
    rf"(?:(?P<pwd>{WEEKDAY})[^\S\n]*,?[^\S\n]*)?"
    rf"(?:(?P<pmonth>{MONTH})[^\S\n]+(?P<pday>{DAY})|(?P<pday2>{DAY})[^\S\n]+(?P<pmonth2>{MONTH}))"
    rf"(?:[^\S\n]*,?[^\S\n]*(?P<pyear>{_YEAR_DIGITS}))?[^\S\n]*[,|@-]?[^\S\n]*(?:at[^\S\n]+)?(?=\d)"
)
_CLOCK_DATE_AFTER = (
    r"[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?(?:(?P<rday>yesterday|today|tomorrow)"
    rf"|(?:(?P<wd>{WEEKDAY})(?:[^\S\n]*,?[^\S\n]*(?={MONTH}|\d))?)?"
    rf"(?:(?P<cmonth>{MONTH})[^\S\n]+(?P<cday>{DAY})|(?P<cday2>{DAY})[^\S\n]+(?P<cmonth2>{MONTH}))"
    rf"(?:[^\S\n]*,?[^\S\n]*(?P<cyear>{_YEAR_DIGITS}))?|(?P<wd2>{WEEKDAY}))"
)
# Word start: not inside a word or a contraction, nor the number of a code ("S-400",
# "MiG-29", "T-90"); "mid-November" and "mid-1990s" do start a word.
B = r"(?<![\w'])(?!(?<=[A-Za-z0-9]-)(?<!mid-)(?<!pre-)(?<!post-)\d)"
E = r"(?![\w])"  # word end

_PATTERNS: list[tuple[str, str]] = [
    # "Monday (June 22)", "Friday, Oct. 23, 1998", "Aug. 7, 1998", "June 22"
    (
        "date_mdy",
        rf"{B}(?:(?P<wd>{WEEKDAY})(?:\s*,\s*|\s+|\s*\(\s*))?(?P<month>{MONTH})\s+(?P<day>{DAY})"
        rf"(?:\s*,?\s*(?P<year>{YEAR}))?(?(wd)(?:\s*\))?){E}",
    ),
    # "22 June 2020", "Monday 22 June", "the 3rd of May"
    (
        "date_dmy",
        rf"{B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
        rf"(?:\s*,?\s*(?P<year>{YEAR}))?{E}",
    ),
    # "2020-06-22", "06/22/2020", "22.06.2020"
    ("date_iso", rf"{B}(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
    (
        "date_slash",
        rf"{B}(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)(?![\d/.]\d)",
    ),
    # "1997-98", "2005-2006", "2006 to 2010": two years, the second its own expression
    (
        "year_range",
        rf"{B}(?P<year>(?:1[6-9]|20)\d\d)(?:\s*[-–/]\s*|\s+(?:to|and)\s+)(?P<y2>(?:1[6-9]|20)?\d\d)"
        rf"(?![\d%]|[.,]\d|\w|-)",
    ),
    # "December 2021", "January this year", "mid-July last year"
    (
        "month_year",
        rf"{B}(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year|(?P<ywords>{YEAR_WORDS}){E}|{CLIPPED_YEAR})",
    ),
    # "September", "last April", "next January", "this May"
    ("month", rf"{B}(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<month>{_MONTH_FULL}){E}(?!-)"),
    # "1990", "fiscal 1989", "the 1988 period", "FY2020", "the year 2000"
    (
        "year",
        rf"{B}(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*'?|the\s+(?:calendar\s+)?year\s+|(?P<the>the)\s+(?=\d{{4}}\s+(?:period|season|fiscal\s+year)))?"
        rf"(?P<year>{YEAR})(?(the)\s+(?:period|season|fiscal\s+year))",
    ),
    # "FY07", "FY'07", "in '82": a year written with two digits
    (
        "clipped_year",
        rf"(?:{B}(?P<fy>FY|fiscal\s+)\s*['’]?(?P<fyy>\d\d)(?![\d'’]|\w)|(?<![\w'’]){CLIPPED_YEAR})",
    ),
    (
        "year_words",
        rf"{B}(?:the\s+year\s+)?(?P<words>{YEAR_WORDS}){E}",
    ),
    # "the 1980s", "the '90s", "the late 1990s"
    (
        "decade",
        rf"{B}(?:the\s+)?(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0['’]?s|['’](?P<short>\d)0['’]?s|(?<=the\s)(?:mid-)?(?P<bare>[1-9])0['’]?s|(?P<words>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){E}",
    ),
    # "the 20th century", "the twentieth century"
    (
        "century",
        rf"{B}(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL}|this|last|next|the\s+past"
        rf"|the\s+current)\s+century{E}",
    ),
    # "the third quarter", "third-quarter", "the year-ago quarter", "fiscal second-quarter"
    (
        "quarter",
        rf"{B}(?:(?P<the>the)\s+)?(?:(?P<qyear>{YEAR})\s+|(?P<qpos>this\s+year's|last\s+year's|next\s+year's)\s+)?"
        rf"(?:(?P<ago>year-(?:ago|earlier)|year\s+(?:ago|earlier))\s+)?(?:(?P<rel>latest|current|this|last|previous|past|next|coming|recent|same|fiscal|calendar)\s+)?"
        rf"(?:(?P<fiscal>fiscal)\s+)?(?:(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[-\s]+)?(?P<unit>quarter|half){E}"
        rf"(?:\s+of\s+(?:(?P<fy>fiscal\s+)?(?P<year>{YEAR})|(?P<yrel>this|last|next)\s+year))?",
    ),
    ("quarter_code", rf"{B}(?P<q>Q[1-4]|[1-4]Q|H[12])\s*(?:'(?P<yy>\d\d)|(?P<year>{YEAR}))?{E}"),
    # "yesterday", "tomorrow morning", "today", "tonight", "the day before yesterday"
    (
        "relative_day",
        rf"{B}(?:(?P<word>yesterday|today|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
        rf"(?:'s)?(?:\s+(?P<part>{PART}))?|(?P<this>this|last)\s+(?P<part2>{PART}|night)){E}",
    ),
    # "mid-afternoon", "late morning yesterday", "early evening on Friday": a part of the
    # story's day (TimeBank marks these; a bare "morning" without the modifier is left alone)
    (
        "part_of_day",
        rf"{B}(?P<mod>early|mid|late)[-\s]?(?P<part>morning|afternoon|evening)"
        rf"(?:\s+(?P<rday>yesterday|today|tomorrow)|\s+(?:on\s+)?(?P<wd>{WEEKDAY}))?{E}",
    ),
    # "Friday", "last Friday", "Friday morning", "on Monday night"
    (
        "weekday",
        rf"{B}(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+(?:previous|preceding|following))\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?"
        rf"(?:\s+(?P<part>{PART})(?P<partpl>s)?)?{E}",
    ),
    # "last week", "this year", "next month", "the weekend", "the coming months"
    (
        "relative_unit",
        rf"{B}(?:(?P<the>the)\s+)?(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|previous|following|current|same|present|whole|entire|full)\s+"
        rf"(?:(?P<fiscal>fiscal)\s+(?=year))?(?P<unit>week|weekend|month|year|decade|season){E}",
    ),
    ("weekend", rf"{B}(?P<the>the)\s+weekend{E}"),
    # "the year", "the fiscal year", "the week" (TimeBank marks them when they mean a period)
    (
        "the_unit",
        rf"{B}the\s+(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>year|week|month|day){E}(?![-']|\s+(?:of|before|after|earlier|ago|in\b|when|that|he|she|they|it|we|I\b|prior|previous|following|later))",
    ),
    # "this summer", "last fall", "the spring of 1998", "winter 2019"
    (
        "season",
        rf"{B}(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?|the|early|late|mid)\s+|(?P<mid>mid-)|(?P<yearfirst>{YEAR})\s+)?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<ywords>{YEAR_WORDS})))?{E}",
    ),
    # "a year ago", "three days earlier", "ten years later", "two weeks from now", "a week or
    # so ago" (the hedge does not change the value)
    (
        "ago",
        rf"{B}(?:(?P<num>{NUM}|{VAGUE})[\s-]+|the\s+)?(?P<unit>{UNIT})s?\s+(?:or\s+so\s+)?"
        rf"(?P<dir>ago|earlier|before|later|after|afterwards?|from\s+now|hence|since|previous(?:ly)?|prior){E}",
    ),
    (
        "year_ago_adj",
        rf"{B}(?:the\s+)?year[-\s](?:ago|earlier)(?:\s+(?P<unit>period|quarter|month|level|results?|figures?))?{E}",
    ),
    # "three-day", "the past two months", "two years", "a decade", "the first nine months"
    (
        "duration",
        rf"{B}(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|previous|first|final|following|latest|preceding|remaining|recent)\s+)?"
        rf"(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))(?P<hyph>[\s-]+|\s+(?:more|additional|full|straight|consecutive|trading|business|working)\s+)"
        rf"(?P<unit>{UNIT})(?P<pl>s)?(?:(?P<andhalf>\s+and\s+a\s+half))?{E}",
    ),
    # "a quarter of a century", "a quarter-century", "a half-century", "three quarters of an
    # hour"; without the article it is an adjective ("a quarter-century low": not annotated)
    (
        "fraction_unit",
        rf"{B}(?P<num>an?|one|three)[\s-]+(?P<frac>quarters?|half)(?:-|\s+of\s+an?\s+|\s+)"
        rf"(?P<unit>century|decade|hour){E}",
    ),
    # bare plurals: "years", "for months", "recent weeks"
    (
        "plural_unit",
        rf"{B}(?:(?P<rel>recent|past|coming|next|last|the\s+past|the\s+coming|the\s+next|the\s+last"
        rf"|the)\s+)?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)"
        rf"(?P<ahead>\s+ahead)?{E}",
    ),
    # "day-long", "decades-long", "a yearlong", "two-year-long"
    (
        "long_adjective",
        rf"{B}(?:(?P<num>{NUM})-)?(?P<unit>{UNIT})(?P<pl>s)?-?long{E}",
    ),
    # "the latest period": the quarter an earnings report covers
    ("latest_period", rf"{B}the\s+latest\s+(?:fiscal\s+)?(?P<unit>period|quarter|year){E}"),
    # "now", "currently", "recently", "the future", "in the past", "soon"
    (
        "ref",
        rf"{B}(?P<word>(?:right\s+)?now|currently|at\s+present|nowadays|these\s+days|presently|"
        rf"(?:more\s+|most\s+|until\s+)?recently|lately|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|"
        rf"the\s+(?:near|short|long|medium)\s+term|the\s+time\s+being|current|recent(?=\s+[a-z])){E}",
    ),
    # "9 a.m.", "10:35 a.m. EDT Thursday", "noon Thursday", "midnight", "May 8 1:00AM",
    # a dateline's "Monday, March 11, 2013 at 23:51" and "9:53 AM, MON 22 JUL 2013"
    (
        "clock",
        rf"{B}(?:{_CLOCK_DATE_BEFORE})?(?:(?P<h>\d{{1,2}})(?:[:.](?P<m>\d\d))?\s*(?P<ampm>{AMPM})|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)(?:\s*(?:hrs|hours|h)\b)?|(?P<noon>noon|midnight|midday)"
        rf"|(?P<oh>\d{{1,2}}|{NUMBER_WORDS_RE})\s+(?:o'clock|in\s+the\s+(?P<ipart>morning|afternoon|evening))"
        rf"|(?P<mil>[01]\d|2[0-3])(?P<milm>[0-5]\d)(?=\s*(?:GMT|UTC|hrs\b|hours\s+(?:GMT|local)|local\s+time)))(?:{TZ})?"
        rf"(?:{_CLOCK_DATE_AFTER})?{E}",
    ),
    # "daily", "every week", "each July", "twice a year", "every Monday"
    (
        "set",
        rf"{B}(?:(?P<adv>daily|nightly|weekly|biweekly|fortnightly|monthly|annually|yearly|hourly)"
        rf"|(?:(?P<freq>once|twice|thrice|{NUM}\s+times)\s+)?(?P<q>every|each|per|a)\s+(?:(?P<num>other|{NUM})\s+)?(?:(?P<unit>{UNIT})s?|(?P<wd>{WEEKDAY})|(?P<month>{_MONTH_FULL})))(?:\s+(?P<part>{PART}))?{E}",
    ),
    # "Christmas", "Victory Day", "Thanksgiving Day 1999"
    (
        "holiday",
        rf"{B}(?P<name>{_HOLIDAY})"
        rf"(?:\s+(?P<year>{YEAR}))?{E}",
    ),
    # "year-end", "the end of the year", "mid-year"
    (
        "year_end",
        rf"{B}(?:(?P<the>the)\s+)?(?P<kind>year[-\s]end|year's\s+end|end\s+of\s+the\s+year|mid-?year|beginning\s+of\s+the\s+year|turn\s+of\s+the\s+century){E}",
    ),
    # days that history names: "Black Monday", "D-Day", "9/11"
    ("named_day", rf"(?<![\w/]){_NAMED_DAY}(?![\w/])"),
    # comparisons with the period the story is about: "the same month a year ago", "the
    # same period last year", "the same quarter a year earlier"
    (
        "same_period",
        rf"{B}the\s+same\s+(?P<unit>day|week|month|quarter|period|time|season)\s+"
        rf"(?:(?P<ago>a\s+year\s+(?:ago|earlier|before)|one\s+year\s+(?:ago|earlier))"
        rf"|(?P<last>last|the\s+(?:previous|prior)|a)\s+year){E}",
    ),
    # "in the morning", "during the night": that part of the day the narrative is on
    (
        "the_part",
        rf"{B}(?:in|during|through|throughout|until|till|by)\s+(?P<the>the\s+(?P<part>morning|afternoon|evening|night)){E}"
        r"(?!\s+(?:of|before|after|session|sessions|shift|news|papers?|newspapers?|editions?"
        r"|prayers?|rush|trading|flights?|meetings?|hours|sky|air|light|when|that)\b)",
    ),
    # "that time", "at the time": the time the narrative last named
    ("that_time", rf"{B}that\s+time{E}(?!\s+(?:of|when|that|to|for)\b)"),
    # anaphoric days: "that day", "the next day", "the previous week", "that same day"
    (
        "anaphor",
        rf"{B}(?:the\s+|that\s+(?=same\b))?(?P<rel>that|next|following|previous|same|day\s+before|preceding)\s+(?P<unit>day|week|month|year|morning|night|evening|afternoon){E}",
    ),
]

RULES: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _PATTERNS
]
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}

# Rules whose every match contains a fixed word ("ago", "long", "century" ...) are run only
# around that word: a plain scan for the word is far cheaper than trying the whole pattern
# at every position of the text. Each entry: the word's pattern and how many characters the
# rule's match may reach before it; a match must contain the word and end just after it
# (within ``_AHEAD`` characters, enough for the end-of-word check).
_ANCHORS: dict[str, tuple[str, int]] = {
    "ago": (
        r"\b(?:ago|earlier|before|later|after|afterwards?|from\s+now|hence|since|previous(?:ly)?"
        r"|prior)\b",
        100,
    ),
    "long_adjective": (r"long\b", 60),
    "century": (r"\bcentury\b", 30),
    "year_ago_adj": (r"\byear[-\s](?:ago|earlier)\b", 10),
    "that_time": (r"\bthat\s+time\b", 0),
    "the_part": (r"\bthe\s+(?:morning|afternoon|evening|night)\b", 12),
    "same_period": (r"\bthe\s+same\s+", 0),
    "named_day": (r"(?:\bblack\s|\bd-day|\bv-?[ej]\s?day|\b9/11)", 0),
    "latest_period": (r"\bthe\s+latest\s", 0),
    "quarter": (r"\b(?:quarter|half)\b", 80),
    "fraction_unit": (r"\b(?:quarters?|half)\b", 20),
    "duration": (rf"\b{UNIT}s?\b", 80),
    "plural_unit": (r"\b(?:years|months|weeks|days|decades|centuries|hours|minutes)\b", 20),
    "clock": (
        rf"(?:\d\s*{AMPM}|\d[:.]\d\d|\b(?:noon|midnight|midday|o'clock)\b|\bin\s+the\s+"
        r"(?:morning|afternoon|evening)\b|\d\d(?=\s*(?:GMT|UTC|hrs\b|hours\s+(?:GMT|local)|local\s+time)))",
        48,  # "Wednesday, September 30, 2009 at 11:51": the date before the clock
    ),
}
_AHEAD = 60
_ANCHORED = [
    (name, regex, re.compile(_ANCHORS[name][0], re.IGNORECASE), _ANCHORS[name][1])
    for name, regex in RULES
    if name in _ANCHORS
]
_SCANNED = [(name, regex) for name, regex in RULES if name not in _ANCHORS]


@dataclass(slots=True)
class Candidate:
    """One recognised span with the rule that found it and its named groups."""

    rule: str
    start: int
    end: int
    groups: dict[str, str | None]

    def get(self, name: str) -> str | None:
        return self.groups.get(name)


def find_candidates(text: str) -> list[Candidate]:
    """Every candidate of every rule, overlapping ones included, ordered by start and then
    longest first; the tagger keeps the leftmost-longest that normalises."""
    found: list[Candidate] = []
    for name, regex in _SCANNED:
        for match in regex.finditer(text):
            if match.end() > match.start():
                found.append(Candidate(name, match.start(), match.end(), match.groupdict()))
    for name, regex, anchor, back in _ANCHORED:
        seen: set[tuple[int, int]] = set()
        for word in anchor.finditer(text):
            window = regex.finditer(text, max(0, word.start() - back), word.end() + _AHEAD)
            for match in window:
                span = (match.start(), match.end())
                if match.start() <= word.start() < match.end() and span not in seen:
                    seen.add(span)
                    found.append(Candidate(name, *span, match.groupdict()))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY[c.rule]))
    return found
