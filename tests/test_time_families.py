"""Each family of time expressions, normalised against a document date, and the false
positives that other taggers make."""

from __future__ import annotations

import pytest

from sitrep.records import TimeExpression
from sitrep.time import tag_time

DCT = "2020-06-23"  # a Tuesday


def one(text: str, dct: str = DCT) -> TimeExpression:
    found = tag_time(text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def values(text: str, dct: str = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_time(text, dct)]


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        ("It opened on Aug. 7, 1998 in Nairobi.", "Aug. 7, 1998", "DATE", "1998-08-07"),
        ("Talks began on 22 June 2020.", "22 June 2020", "DATE", "2020-06-22"),
        ("The deal was signed on 2019-09-04.", "2019-09-04", "DATE", "2019-09-04"),
        ("Delivery is due by December 2021.", "December 2021", "DATE", "2021-12"),
        ("The war ended in 1945.", "1945", "DATE", "1945"),
        ("Profits rose in fiscal 1989.", "fiscal 1989", "DATE", "1989"),
        ("It was built in the 1990s.", "the 1990s", "DATE", "199"),
        ("It dates from the 20th century.", "the 20th century", "DATE", "19"),
        (
            "Sales fell in the third quarter of 2019.",
            "the third quarter of 2019",
            "DATE",
            "2019-Q3",
        ),
        ("He was born in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ],
)
def test_absolute_and_partial_dates(text: str, expression: str, kind: str, value: str) -> None:
    found = one(text)
    assert (found.text, found.type, found.value) == (expression, kind, value)


def test_example_article_expressions(shared_dir) -> None:  # type: ignore[no-untyped-def]
    import yaml

    text = (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    expected = yaml.safe_load((shared_dir / "examples" / "seed-article.expected.yaml").read_text())
    found = tag_time(text, str(expected["document"]["date"]))
    got = {(t.text, t.type, t.value) for t in found}
    for item in expected["time_expressions"]:
        assert (item["text"], item["type"], item["value"]) in got
    by_text = {t.text: t for t in found}
    assert by_text["December 2021"].latest == "2021-12-31"
    assert by_text["December 2021"].earliest is None  # "by December 2021" leaves the start open
    couple = by_text["the last couple of years"]
    assert (couple.earliest, couple.latest) == ("2018-06-23", "2020-06-23")
    for t in found:  # nothing from "T-90", "MiG-29", "S-400", "the 75th", "USD 5.2 billion"
        assert not any(bad in t.text for bad in ("90", "29", "400", "75th", "5.2"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Singh left for Moscow on Monday.", "2020-06-22"),
        ("Singh will leave for Moscow on Monday.", "2020-06-29"),
        ("The minister arrived on Friday.", "2020-06-19"),
        ("The minister will arrive on Friday.", "2020-06-26"),
        ("The ministry said Tuesday that talks went well.", "2020-06-23"),
        ("He met Shoigu last Wednesday.", "2020-06-17"),
        ("They meet again next Monday.", "2020-06-29"),
    ],
)
def test_weekdays_follow_the_tense(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.model
def test_weekdays_follow_the_parsed_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    for text, value in (
        ("Singh left for Moscow on Monday after the talks.", "2020-06-22"),
        ("Singh is scheduled to fly to Moscow on Monday.", "2020-06-29"),
        ("Protesters planned a large demonstration on Saturday.", "2020-06-27"),
    ):
        found = tag_time(text, DCT, nlp(text))
        assert [t.value for t in found] == [value], text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It happened yesterday.", "2020-06-22"),
        ("It happens today.", "2020-06-23"),
        ("It happens tomorrow.", "2020-06-24"),
        ("Prices rose last year.", "2019"),
        ("Prices will rise next month.", "2020-07"),
        ("Talks are held this week.", "2020-W26"),
        ("Talks were held last week.", "2020-W25"),
        ("The plan is due next year.", "2021"),
        ("It was agreed this month.", "2020-06"),
        ("It grew last quarter.", "2020-Q1"),
        ("It opened this summer.", "2020-SU"),
        ("It closed last winter.", "2019-WI"),
    ],
)
def test_relative_to_the_document_date(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        ("He left for a three-day visit.", "three-day", "DURATION", "P3D"),
        ("It lasted two years.", "two years", "DURATION", "P2Y"),
        ("The talks took 36 hours.", "36 hours", "DURATION", "PT36H"),
        ("It took about a decade.", "about a decade", "DURATION", "P10Y"),
        ("It took a year and a half.", "a year and a half", "DURATION", "P1Y6M"),
        ("It took nearly three weeks.", "nearly three weeks", "DURATION", "P3W"),
        ("They waited for several months.", "several months", "DURATION", "PXM"),
        ("Sales rose in the past two months.", "the past two months", "DURATION", "P2M"),
        ("He was elected twenty four years ago.", "twenty four years ago", "DATE", "1996"),
        ("It happened three days ago.", "three days ago", "DATE", "2020-06-20"),
        ("The index is published daily.", "daily", "SET", "P1D"),
        ("They meet every week.", "every week", "SET", "P1W"),
        ("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("They meet twice a year.", "twice a year", "SET", "P1Y"),
        ("It lasted a quarter of a century.", "a quarter of a century", "DURATION", "P25Y"),
        (
            "They waited three quarters of an hour.",
            "three quarters of an hour",
            "DURATION",
            "PT45M",
        ),
        ("The market is now calm.", "now", "DATE", "PRESENT_REF"),
        ("Prices rose recently.", "recently", "DATE", "PAST_REF"),
        ("It may change in the future.", "the future", "DATE", "FUTURE_REF"),
        ("The vote will be at 9 a.m. Thursday.", "9 a.m. Thursday", "TIME", "2020-06-25T09:00"),
        ("He spoke this morning.", "this morning", "TIME", "2020-06-23TMO"),
        ("They celebrated Christmas.", "Christmas", "DATE", "2019-12-25"),
        ("Russia marks Victory Day with a march.", "Victory Day", "DATE", "2020-05-09"),
    ],
)
def test_durations_sets_references_times_holidays(
    text: str, expression: str, kind: str, value: str
) -> None:
    found = one(text)
    assert (found.text, found.type, found.value) == (expression, kind, value)


def test_ranges_split_into_two_dates() -> None:
    assert values("The summit runs June 22-24.") == [
        ("June 22", "2020-06-22"),
        ("24", "2020-06-24"),
    ]


def test_modifiers_belong_to_the_expression() -> None:
    early = one("Elections are expected in early 2021.")
    assert (early.text, early.value, early.mod) == ("early 2021", "2021", "START")
    assert (early.earliest, early.latest) == ("2021-01-01", "2021-04-30")
    mid = one("It peaked in mid-1996.")
    assert (mid.text, mid.value, mid.mod) == ("mid-1996", "1996", "MID")
    end = one("It ends at the end of 1994.")
    assert (end.text, end.mod) == ("the end of 1994", "END")


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("It must be ready by March 2021.", None, "2021-03-31"),
        ("It was sold before 2019.", None, "2018-12-31"),
        ("Nothing has changed since 2019.", "2019-01-01", DCT),
        ("It will be decided after June 30.", "2020-07-01", None),
        ("Talks were held in September 2019.", "2019-09-01", "2019-09-30"),
        ("Talks will end within two weeks.", DCT, "2020-07-07"),
    ],
)
def test_prepositions_bound_the_interval(
    text: str, earliest: str | None, latest: str | None
) -> None:
    found = one(text)
    assert (found.earliest, found.latest) == (earliest, latest)


def test_anchored_on_a_previous_expression() -> None:
    found = tag_time("The treaty was signed on May 5, 2019. The next day, troops withdrew.", DCT)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("May 5, 2019", "2019-05-05", "document"),
        ("The next day", "2019-05-06", "t1"),
    ]
    assert [t.id for t in found] == ["t1", "t2"]
    later = tag_time(
        "Peace came on June 5, 1996. A week later it broke; the year before, talks failed.", DCT
    )
    assert [(t.text, t.value, t.anchor) for t in later] == [
        ("June 5, 1996", "1996-06-05", "document"),
        # TimeML: "later" is a signal, the expression is the length counted from t1
        ("A week", "P1W", "t1"),
        ("the year before", "1995", "t1"),
    ]


def test_quarterly_comparisons_follow_the_named_quarter() -> None:
    found = tag_time("Profit rose in the third quarter. A year earlier it fell.", "1989-10-26")
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "1989-Q3"),
        ("A year earlier", "1988-Q3"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The T-90 tanks and MiG-29 jets are Russian, as is the S-400.",
        "He will attend the 75th Victory Day Parade in Moscow.",
        "You may go now, or you may stay.",
        "The team won 3-1 and then 21-14 in overtime.",
        "The deal is worth USD 5.2 billion, or $1,200 per unit.",
        "A 6-year-old boy and 2,000 troops were there.",
        "The index closed at 1,950.42, up 2.3 percent.",
        "Prices fall in spring markets.",
        "Microsoft shipped Windows 2000 and the company employs 2000 people.",
        "March on Washington, they said, at the Spring Festival.",
        "In the first half, Chelsea scored twice; a second goal came late.",
        "The score was 1998-12 at one point.",
        # rates are not time expressions in TimeBank/AQUAINT
        "Inflation runs at 3 percent a year; rooms cost $35 a night, 700 seats a week.",
        "More than a quarter of the vote went to him; three quarters of them agreed.",
        "Its secrets were kept for two thousand years.",
        "Unemployment is just above its quarter-century low.",
    ],
)
def test_false_positives(text: str) -> None:
    found = [t.text for t in tag_time(text, DCT) if t.value not in ("PRESENT_REF",)]
    assert found == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # broadcast transcripts write years in words
        (
            "January nineteen ninety-seven. Atlanta again.",
            "January nineteen ninety-seven",
            "1997-01",
        ),
        (
            "In the winter of nineteen ninety-four it snowed.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        ("Prices peaked in mid-March.", "mid-March", "2020-03"),
        ("They met this past weekend.", "this past weekend", "2020-W25-WE"),
        ("Sales will rise in the current fiscal year.", "the current fiscal year", "2020"),
        ("Then, a week or so ago, he left.", "a week or so ago", "2020-W25"),
    ],
)
def test_spoken_years_hedges_and_fiscal_years(text: str, expression: str, value: str) -> None:
    found = one(text)
    assert (found.text, found.value) == (expression, value)


def test_initials_and_titles_do_not_end_the_sentence_for_tense() -> None:
    # "P." and "Mr." are not sentence ends: "will" still governs "Feb. 1" (the coming one).
    found = one("Mr. Schwarz will succeed Daniel P. Davison Feb. 1, the bank said.", "1989-10-26")
    assert found.value == "1990-02-01"


def test_planned_to_points_forward_but_a_planned_event_does_not() -> None:
    assert one("The team planned to leave Nairobi on Thursday.", "1998-09-30").value == "1998-10-01"
    past = one("A memorial service planned for Saturday was canceled.", "1999-10-24")
    assert past.value == "1999-10-23"


@pytest.mark.parametrize(
    ("text", "dct", "expression", "kind", "value"),
    [
        # "since" points back: the last year-end, month or weekday already past
        ("The index has risen since year-end.", "1989-10-30", "year-end", "DATE", "1988-12-31"),
        ("Prices have doubled since December.", DCT, "December", "DATE", "2019-12"),
        ("Nothing has moved since Friday.", DCT, "Friday", "DATE", "2020-06-19"),
        # a weekday fixes the year of a month and day without one
        ("The vote is on Monday, June 22.", "2021-01-10", "Monday, June 22", "DATE", "2020-06-22"),
        # a dividend's payment date lies ahead
        ("The dividend is payable Jan. 2.", "1989-11-02", "Jan. 2", "DATE", "1990-01-02"),
        ("Profit was flat in FY2013.", DCT, "FY2013", "DATE", "2013"),
        ("Sales doubled over the past decade.", DCT, "the past decade", "DURATION", "P10Y"),
        (
            "Shares fell at mid-afternoon yesterday.",
            DCT,
            "mid-afternoon yesterday",
            "TIME",
            "2020-06-22TAF",
        ),
        ("By mid afternoon the shelling stopped.", DCT, "mid afternoon", "TIME", "2020-06-23TAF"),
    ],
)
def test_direction_words_and_parts_of_the_day(
    text: str, dct: str, expression: str, kind: str, value: str
) -> None:
    found = one(text, dct)
    assert (found.text, found.type, found.value) == (expression, kind, value)


def test_a_past_auxiliary_with_planning_to_still_points_forward() -> None:
    found = values("On Saturday, protesters were planning to march downtown.", "2000-01-07")
    assert found == [("Saturday", "2000-01-08")]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a deadline preposition points ahead unless the clause is in the past
        ("KKR must pay down the loan by February.", "1989-10-30", [("February", "1990-02")]),
        (
            "The relatives have until 9 a.m. Tuesday.",
            "2000-04-03",
            [("9 a.m. Tuesday", "2000-04-04T09:00")],
        ),
        ("The sale had closed by February.", "1989-10-30", [("February", "1989-02")]),
        # anchored weekdays count from the day the story last named
        (
            "The index fell on Oct. 27, down from the previous Friday.",
            "1989-10-30",
            [("Oct. 27", "1989-10-27"), ("the previous Friday", "1989-10-20")],
        ),
        (
            "Talks ended on Wednesday, June 17, and resumed the following Monday.",
            DCT,
            [("Wednesday, June 17", "2020-06-17"), ("the following Monday", "2020-06-22")],
        ),
        # "then current" is current at a past time
        ("They may buy shares at the then current price.", DCT, [("then current", "PAST_REF")]),
        # TimeBank writes decades in years, vague ones too
        ("It ended a decades-long feud.", DCT, [("decades-long", "PXY")]),
        # a rate's unit of measure is not a recurring time
        ("Volume was 5% of average daily volume.", DCT, []),
        ("That same day, police raided his home.", DCT, []),  # no anchor: nothing to resolve
        (
            "He was held on Oct. 5, 1998. That same day, police came.",
            DCT,
            [("Oct. 5, 1998", "1998-10-05"), ("That same day", "1998-10-05")],
        ),
    ],
)
def test_deadlines_anchored_weekdays_and_timebank_conventions(
    text: str, dct: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, dct) == expected


def test_later_is_a_signal_and_the_length_its_expression() -> None:
    # TimeML leaves "later" out: "Three days later" is the DURATION "Three days", counted
    # from the expression before it; "ago" stays part of a DATE.
    found = tag_time("Stocks fell on Oct. 12. Three days later they rose.", "1989-10-30")
    assert [(t.text, t.type, t.value, t.anchor) for t in found] == [
        ("Oct. 12", "DATE", "1989-10-12", "document"),
        ("Three days", "DURATION", "P3D", "t1"),
    ]
    assert one("It happened two weeks ago.").type == "DATE"
    vague = one("A few weeks later, he died.")
    assert (vague.text, vague.type, vague.value) == ("A few weeks", "DURATION", "PXW")
