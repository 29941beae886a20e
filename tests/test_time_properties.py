"""Property tests: whatever the text and the document date, every value the tagger writes is
valid TIMEX3, every interval runs forwards, and extents point into the text."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.time import is_valid_value, tag_time

WORDS = [
    "on",
    "in",
    "by",
    "since",
    "until",
    "before",
    "after",
    "the",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid-",
    "about",
    "nearly",
    "more than",
    "a",
    "two",
    "three-day",
    "twenty four",
    "several",
    "Monday",
    "Friday",
    "June",
    "May",
    "Sept.",
    "22",
    "31",
    "1998",
    "2021",
    "1990s",
    "'90s",
    "year",
    "years",
    "months",
    "week",
    "weekend",
    "quarter",
    "third",
    "fiscal",
    "ago",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "morning",
    "night",
    "now",
    "recently",
    "future",
    "daily",
    "every",
    "each",
    "summer",
    "fall",
    "Christmas",
    "Victory Day",
    "Thanksgiving",
    "9 a.m.",
    "noon",
    "-",
    ",",
    "(",
    ")",
    "will",
    "said",
    "left",
    "T-90",
    "MiG-29",
    "S-400",
    "the 75th",
    "$5",
    "percent",
    "century",
    "20th",
    "decade",
    "half",
    "2020-06-22",
    "06/22/2020",
    "Q3",
    "that day",
    "the following day",
    "year-earlier",
    "nineteen ninety-six",
    "the past",
    "couple of",
]

dcts = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)).map(date.isoformat)
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(text=phrases, dct=dcts)
def test_values_are_valid_and_intervals_ordered(text: str, dct: str) -> None:
    for expr in tag_time(text, dct):
        assert is_valid_value(expr.value), (text, expr)
        assert expr.type in ("DATE", "TIME", "DURATION", "SET")
        assert text[expr.start : expr.end] == expr.text
        if expr.earliest and expr.latest:
            assert expr.earliest <= expr.latest, (text, dct, expr)
        for bound in (expr.earliest, expr.latest):
            if bound is not None:
                date.fromisoformat(bound)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), dct=dcts)
def test_arbitrary_text_never_breaks_the_tagger(text: str, dct: str) -> None:
    found = tag_time(text, dct)
    ends = [(e.start, e.end) for e in found]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))  # no overlaps
    assert [e.id for e in found] == [f"t{i}" for i in range(1, len(found) + 1)]


@pytest.mark.parametrize(
    "value",
    [
        "2020-06-22",
        "2021-12",
        "1998",
        "199",
        "19",
        "2020-W25",
        "2020-W25-WE",
        "2019-Q3",
        "1989-H1",
        "2020-SU",
        "2020-06-22T09:00",
        "2020-06-22TNI",
        "P3D",
        "PT36H",
        "P18M",
        "PXY",
        "P10Y",
        "PAST_REF",
        "PRESENT_REF",
        "FUTURE_REF",
        "XXXX-WXX-1",
        "XXXX-07",
        "1989-WXX",
        "P1E",
    ],
)
def test_validator_accepts_timex3_values(value: str) -> None:
    assert is_valid_value(value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "2020-13",
        "2020-06-32",
        "June 2020",
        "P",
        "PT",
        "3D",
        "2020-W54",
        "2020-Q5",
        "NOW",
        "P3DT",
    ],
)
def test_validator_rejects_malformed_values(value: str) -> None:
    assert not is_valid_value(value)
