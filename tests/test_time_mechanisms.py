"""The mechanisms added for news beyond TimeBank (issue 12): zones, parts of day, seasons,
decades and clipped years, anaphoric and comparative references, deadlines, vague
references, named days, lengths that measure things, and histories told in their own years.
Sentences are written for these tests, not taken from a corpus."""

from __future__ import annotations

import pytest

from sitrep.time import is_valid_value, tag_time

SATURDAY = "2007-10-20"


def found(text: str, dct: str = SATURDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_time(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rocket lifted off at 09:30 UTC.", ("09:30 UTC", "TIME", "2007-10-20T09:30Z")),
        ("Trading stopped at 1500 GMT.", ("1500 GMT", "TIME", "2007-10-20T15:00Z")),
        (
            "The ferry sank at 6:40 p.m. (GMT +8) near Cebu.",
            ("6:40 p.m. (GMT +8)", "TIME", "2007-10-20T18:40+08"),
        ),
        (
            "Polls close at 8 p.m. UTC-05:30.",
            ("8 p.m. UTC-05:30", "TIME", "2007-10-20T20:00-05:30"),
        ),
        # a named local zone stays in the extent only, as in TimeBank
        ("The blast came at 4 a.m. EDT.", ("4 a.m. EDT", "TIME", "2007-10-20T04:00")),
    ],
)
def test_clock_times_keep_universal_time_and_offsets(text: str, expected: tuple) -> None:
    assert found(text) == [expected]
    assert is_valid_value(expected[2])


def test_parts_of_a_named_day_are_times_and_their_plurals_sets() -> None:
    text = "Envoys met on Thursday night and again Friday morning; talks resume on Monday nights."
    assert found(text) == [
        ("Thursday night", "TIME", "2007-10-18TNI"),
        ("Friday morning", "TIME", "2007-10-19TMO"),
        ("Monday nights", "SET", "XXXX-WXX-1TNI"),
    ]


def test_a_bare_plural_unit_is_a_length_after_a_verb_of_taking_time() -> None:
    text = "The siege lasted hours; he spent years in jail and repairs will take months."
    assert found(text) == [
        ("hours", "DURATION", "PTXH"),
        ("years", "DURATION", "PXY"),
        ("months", "DURATION", "PXM"),
    ]
    assert found("Hours passed and years of work were lost.") == []


def test_a_part_of_day_after_a_preposition_is_of_the_day_the_story_is_on() -> None:
    text = "Rebels attacked on Thursday. In the afternoon, troops shelled the town overnight."
    assert found(text)[1] == ("the afternoon", "TIME", "2007-10-18TAF")
    assert found("Talks went on through the night.") == [("the night", "TIME", "2007-10-20TNI")]
    # a part of day that only describes a thing, or is dated by an "of" phrase
    assert found("He reads the morning papers.") == []
    assert found("She left during the night of March 3.") == [("March 3", "DATE", "2007-03-03")]


def test_a_month_after_a_possessive_dates_its_event() -> None:
    assert found("OPEC will cut output at its December meeting.") == [
        ("December", "DATE", "2007-12")
    ]
    assert found("The marchers began their march on the capital.") == []


def test_seasons_after_a_cue_word_but_not_as_modifiers() -> None:
    assert found("The offensive stalled in autumn.") == [("autumn", "DATE", "2007-FA")]
    assert found("Exports will recover by spring.", "2007-01-10") == [("spring", "DATE", "2007-SP")]
    assert found("Farmers sold spring lambs in bulk.") == []
    assert found("Water levels fall in spring markets.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inflation soared in the 70s.", ("the 70s", "DATE", "197")),
        ("The plant closed in '82.", ("'82", "DATE", "1982")),
        ("The budget for FY08 grew.", ("FY08", "DATE", "2008")),
        ("Spending rose in FY'07.", ("FY'07", "DATE", "2007")),
        ("Unrest spread in June '68.", ("June '68", "DATE", "1968-06")),
    ],
)
def test_decades_and_clipped_years(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


def test_a_quote_mark_is_not_a_clipped_year() -> None:
    assert found("He called it '82 proof' in jest.") == []


def test_anaphoric_and_comparative_references() -> None:
    assert found("Rebels took the town on Tuesday. The day ended with a curfew.") == [
        ("Tuesday", "DATE", "2007-10-16"),
        ("The day", "DATE", "2007-10-16"),
    ]
    assert found("The treaty was signed in 1995; at that time the border was closed.") == [
        ("1995", "DATE", "1995"),
        ("that time", "DATE", "1995"),
    ]
    assert found("Orders fell from the same month a year ago.") == [
        ("the same month a year ago", "DATE", "2006-10")
    ]
    earnings = found("Profit rose in the third quarter from the same period last year.")
    assert earnings[-1] == ("the same period last year", "DATE", "2006-Q3")
    assert found("Output fell in 2003 and rose the year previous.") == [
        ("2003", "DATE", "2003"),
        ("the year previous", "DATE", "2002"),
    ]


def test_a_deadline_with_a_participle_lies_ahead() -> None:
    # the document is dated on a Saturday: the border stays shut until the coming Friday
    assert found("The border will remain closed until Friday.") == [
        ("Friday", "DATE", "2007-10-26")
    ]
    assert found("The border remains closed until Friday.") == [("Friday", "DATE", "2007-10-26")]
    # a deadline in a clause that is plainly past stays in the past
    assert found("The border was closed until Friday, officials said.") == [
        ("Friday", "DATE", "2007-10-19")
    ]


def test_a_planned_event_points_ahead() -> None:
    assert found("Unions planned a march on Monday.", "2007-10-19") == [
        ("Monday", "DATE", "2007-10-22")
    ]
    assert found("The launch is set for Tuesday.") == [("Tuesday", "DATE", "2007-10-23")]


def test_vague_references() -> None:
    assert found("Recent clashes were the worst in recent years.") == [
        ("Recent", "DATE", "PAST_REF"),
        ("recent years", "DATE", "PAST_REF"),
    ]
    assert found("The curfew stays for the time being.") == [
        ("the time being", "DATE", "PRESENT_REF")
    ]
    # a vague reference takes no modifier: "about recent" is a topic, not an approximation
    assert found("They spoke about recent attacks.") == [("recent", "DATE", "PAST_REF")]


def test_adjectival_lengths() -> None:
    assert found("Workers held a single-day strike.") == [("single-day", "DURATION", "P1D")]


def test_named_days_and_dates_that_name_events() -> None:
    assert found("Traders still fear another Black Monday.") == [
        ("Black Monday", "DATE", "1987-10-19")
    ]
    assert found("a black monday for the club") == []  # a description, not the name
    # "the September 11 attacks" names an event of 2001: not a day of a 2007 story
    assert found("Victims of the September 11 attacks were remembered.") == []
    # a date that names an event of the story's own time is the latest such day
    assert found("Police arrested a suspect in the Oct. 14 bombing.") == [
        ("Oct. 14", "DATE", "2007-10-14")
    ]


def test_lengths_that_measure_a_thing_are_not_times() -> None:
    assert found("The phone promises 40 hours of battery life.") == []
    assert found("Negotiators spent 40 hours in talks.") == [("40 hours", "DURATION", "PT40H")]


def test_a_history_is_told_in_its_own_years() -> None:
    history = (
        "The war lasted until 1918. In 1916 the army crossed the river. On 4 June it broke "
        "the line, and two days later the enemy fell back. By autumn the front was quiet; "
        "at 5:30 p.m. the guns stopped."
    )
    assert found(history, "2009-12-19") == [
        ("1918", "DATE", "1918"),
        ("1916", "DATE", "1916"),
        ("4 June", "DATE", "1916-06-04"),
        ("two days", "DURATION", "P2D"),
        ("autumn", "DATE", "1916-FA"),
        ("5:30 p.m.", "TIME", "1916-06-04T17:30"),
    ]


def test_news_that_recalls_a_past_year_keeps_its_own_date() -> None:
    # one past year named, no dateline and no day relative to the story: still news
    assert ("Aug. 12", "DATE", "2007-08-12") in found(
        "Mr. Smith joined the firm in 1985. For the six months ended Aug. 12, profit fell."
    )
    # a dateline, or a day relative to the story, makes it news: "June 4" is this year's
    dateline = "GENEVA, Oct. 19 (AP) - Talks begun in 1998 stalled on June 4."
    assert ("June 4", "DATE", "2007-06-04") in found(dateline)
    deictic = "Talks begun in 1998 stalled on Monday, as they had on June 4."
    assert ("June 4", "DATE", "2007-06-04") in found(deictic)


def test_rules_run_around_their_anchor_words_find_what_a_full_scan_finds(shared_dir) -> None:  # type: ignore[no-untyped-def]
    """Running a rule only around its fixed word is a speed-up, never a change of output."""
    from sitrep.time.patterns import RULES, find_candidates

    texts = [
        (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8"),
        "Three days later, at 10:35 a.m. EDT Thursday, a decades-long feud ended; two weeks "
        "ago the 1988 fiscal third quarter and a quarter-century of talks were recalled. "
        "The same period last year, that time, the latest quarter and Black Monday too, "
        "5 1/2 hours and the next two weeks, for years, noon Saturday, 4 in the afternoon.",
        "Posted Wednesday, September 30, 2009 at 11:51 PM; updated 1 October 2009, 09:10 "
        "and at 7 a.m. on Thursday, October 1, 2009.",
    ]
    for text in texts:
        full = {
            (name, match.start(), match.end())
            for name, regex in RULES
            for match in regex.finditer(text)
            if match.end() > match.start()
        }
        anchored = {(c.rule, c.start, c.end) for c in find_candidates(text)}
        assert anchored == full


def test_a_rate_needs_its_amount_in_the_same_phrase() -> None:
    assert found("Oil flowed at 1,000 barrels a day; he earns $2 million a year.") == []
    # a number earlier in the sentence, across a comma, does not make "a week" a rate
    assert found("On 17 October, after a week of fighting, the town fell.", "1950-10-20") == [
        ("17 October", "DATE", "1950-10-17"),
        ("a week", "DURATION", "P1W"),
    ]
    assert found("It was argued in some quarters that the plan failed.") == []


def test_the_next_day_counts_from_the_last_day_named() -> None:
    text = (
        "The wars began on 22 September 1980 and stalled around March 1981. Planes struck "
        "airfields on the first day; over the next day more aircraft attacked."
    )
    assert ("the next day", "DATE", "1980-09-23") in found(text, "2009-12-19")


def test_a_clause_boundary_between_a_number_and_a_length_is_no_rate() -> None:
    assert found("Work starts in 2009 and will run for at least a decade.") == [
        ("2009", "DATE", "2009"),
        ("at least a decade", "DURATION", "P10Y"),
    ]
    assert found("The field yields 1,000 barrels of oil a day.") == []


def test_todays_names_the_day_unless_it_names_the_era() -> None:
    assert found("The notice ran in today's editions of the paper.") == [
        ("today", "DATE", "2007-10-20")
    ]
    assert found("It matters to today's youth and to today's Russia.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date written before the clock time is the clock time's day, with its own year
        (
            "The blast came on Monday, March 11, 2013 at 11:51 p.m. near the port.",
            ("Monday, March 11, 2013 at 11:51 p.m.", "TIME", "2013-03-11T23:51"),
        ),
        ("Posted May 2, 2013 1:35 pm", ("May 2, 2013 1:35 pm", "TIME", "2013-05-02T13:35")),
        # a 24-hour clock after a date needs no "at"
        ("9 September 2013, 14:08", ("9 September 2013, 14:08", "TIME", "2013-09-09T14:08")),
        (
            "Saturday, December 05, 2009 8:28 PM",
            ("Saturday, December 05, 2009 8:28 PM", "TIME", "2009-12-05T20:28"),
        ),
        # ... and after it
        (
            "Troops moved in at 10:30 on Tuesday, October 16.",
            ("10:30 on Tuesday, October 16", "TIME", "2007-10-16T10:30"),
        ),
        (
            "It ended at 3 p.m. on 12 October 2006.",
            ("3 p.m. on 12 October 2006", "TIME", "2006-10-12T15:00"),
        ),
    ],
)
def test_a_date_written_with_a_clock_time_is_its_day(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


def test_a_number_after_a_date_or_a_clock_time_is_not_a_clock_time_or_a_year() -> None:
    assert found("On March 11, 2007 15 people died.") == [("March 11, 2007", "DATE", "2007-03-11")]
    assert found("At 3 p.m., 2,000 people gathered.") == [("3 p.m.", "TIME", "2007-10-20T15:00")]


def test_a_datelines_clock_time_is_not_on_the_next_lines_day() -> None:
    text = "MAR. 14, 2013, 8:12 PM\nOn Monday a group marched toward the precinct."
    assert found(text, "2013-03-15") == [
        ("MAR. 14, 2013, 8:12 PM", "TIME", "2013-03-14T20:12"),
        ("Monday", "DATE", "2013-03-11"),
    ]
    # universal time written on to the clock
    assert found("All links were back up as of 07:35GMT.") == [
        ("07:35GMT", "TIME", "2007-10-20T07:35Z")
    ]
