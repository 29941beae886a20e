"""Precision rules of the event stage, from errors read on newswire (issue 5).

Each case is a sentence shape that produced a wrong event on the TempEval-3 silver newswire
(tune half of scripts/events_sample.py's judged sample), written here with other names: the
stage must not code it, or must code it with the right type or parties, while the ordinary
reading of the same verbs still gives its event.
"""

from __future__ import annotations

from typing import Any

import pytest

from test_events_stage import country, events_of, group, ids, only, person

pytestmark = pytest.mark.model

IRAN, ISRAEL, EGYPT = country("IRN", "Iran"), country("ISR", "Israel"), country("EGY", "Egypt")
KERRY = person("Kerry", "USA")
COURT = group("The court", "org:court", "IRQ", "JUD", label="ORG")


@pytest.mark.parametrize(
    "text",
    [
        "The court on Tuesday called a 10-minute break to sort out a technical problem.",
        "Israel failed in its efforts to secure a condemnation of Iran.",
    ],
)
def test_call_and_fail_without_their_clause_are_no_request_or_refusal(nlp: Any, text: str) -> None:
    assert events_of(nlp, text, COURT, ISRAEL, IRAN) == []


def test_call_for_and_call_on_still_request(nlp: Any) -> None:
    event = only(events_of(nlp, "Israel called on Egypt to close the border.", ISRAEL, EGYPT))
    assert (event.event_type, ids(event.recipient)) == ("REQUEST", {"country:EGY"})
    upon = only(events_of(nlp, '"We call upon Iran to halt enrichment," Kerry said.', IRAN, KERRY))
    assert (upon.event_type, ids(upon.recipient)) == ("REQUEST", {"country:IRN"})


def test_a_request_asks_its_own_object_not_the_complements(nlp: Any) -> None:
    forum = group("the Davos Forum", "org:davos-forum", "CHE", "NGO", label="ORG")
    text = "Kerry invited Rouhani to attend the Davos Forum."
    rouhani = person("Rouhani", "IRN")
    event = only(events_of(nlp, text, KERRY, rouhani, forum))
    assert ids(event.recipient) == {"person:rouhani"}


def test_passive_subject_not_agent_acts_in_the_purpose_clause(nlp: Any) -> None:
    events = events_of(nlp, "Iran was forced by Israel to withdraw from the border.", IRAN, ISRAEL)
    retreats = [e for e in events if e.event_type == "RETREAT"]
    assert [ids(e.actor) for e in retreats] == [{"country:IRN"}]


def test_a_bomb_is_not_an_actor(nlp: Any) -> None:
    bomb = group("A roadside bomb", "org:roadside-bomb", "IRQ", "GOV", label="ORG")
    assert events_of(nlp, "A roadside bomb struck a police patrol in Baghdad.", bomb) == []


def test_civilians_travelling_are_not_a_visit(nlp: Any) -> None:
    pilgrims = group("Pilgrims", "group:pilgrims", "EGY", "CVL")
    assert events_of(nlp, "Pilgrims travelled to Israel on Monday.", pilgrims, ISRAEL) == []
    minister = person("Shoukry", "EGY")
    visit = only(events_of(nlp, "Shoukry travelled to Israel on Monday.", minister, ISRAEL))
    assert visit.event_type == "CONSULT"


def test_a_third_person_inside_a_quote_is_not_the_speaker(nlp: Any) -> None:
    text = 'Kerry said: "When they decide to return to talks, we will welcome that."'
    events = events_of(nlp, text, KERRY)
    assert all(e.event_type != "CONSULT" for e in events), [e.event_type for e in events]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Kerry regretted a decision by Israel to expand settlements.", "ACCUSE"),
        ("Israel captured the town from Egypt.", "ASSAULT"),
    ],
)
def test_object_decides_the_reading(nlp: Any, text: str, event_type: str) -> None:
    event = only(events_of(nlp, text, KERRY, ISRAEL, EGYPT))
    assert event.event_type == event_type


def test_seats_won_in_an_election_are_no_capture(nlp: Any) -> None:
    party = group("The Likud", "org:likud", "ISR", "PTY", label="ORG")
    assert events_of(nlp, "The Likud captured 15 seats in Tuesday's election.", party) == []


def test_aid_needs_something_given_or_someone_given_to(nlp: Any) -> None:
    assert events_of(nlp, '"We should be able to supply constantly," Kerry said.', KERRY) == []
    event = only(events_of(nlp, "Iran supplied weapons to Egypt.", IRAN, EGYPT))
    assert ids(event.recipient) == {"country:EGY"}


@pytest.mark.parametrize(
    "text",
    [
        "Iran and Egypt have strong business ties.",
        "Kerry enjoys broad support across Israel.",
        "Egypt was unable to sign off the accounts of Iran for the 11th year.",
        "Kerry pressed military flesh and enjoyed a round of hugs.",
        '"It is the people of Iran who are resisting," Kerry added.',
    ],
)
def test_states_and_idioms_are_no_events(nlp: Any, text: str) -> None:
    assert events_of(nlp, text, KERRY, IRAN, EGYPT, ISRAEL) == []


def test_pressing_and_resisting_someone_still_count(nlp: Any) -> None:
    pressed = only(events_of(nlp, "Israel pressed Egypt on border security.", ISRAEL, EGYPT))
    assert (pressed.event_type, ids(pressed.recipient)) == ("REQUEST", {"country:EGY"})
    resisted = only(events_of(nlp, "Iran resisted pressure from Israel.", IRAN, ISRAEL))
    assert resisted.event_type == "REJECT"


@pytest.mark.parametrize(
    "text",
    [
        "Kerry declined to give details of his meeting with Rouhani.",
        "Egypt warned that the health of the economy of Israel represented a risk.",
        "Thousands of people gathered in the main square of Cairo to join the celebration.",
        "Kerry said Israel had committed a serious mistake.",
        "Kerry returned to Israel on Monday.",
    ],
)
def test_victims_no_comment_forecasts_and_crowds_are_no_events(nlp: Any, text: str) -> None:
    rouhani = person("Rouhani", "IRN")
    assert events_of(nlp, text, KERRY, IRAN, EGYPT, ISRAEL, rouhani) == []


def test_agentless_passives_are_events_done_to_their_subject(nlp: Any) -> None:
    """Victims are recipients, never actors: "99 people were arrested" is an arrest whose
    actor the text does not name, and "43 police injured" does not make police attackers."""
    events = events_of(
        nlp, "Israel said 99 people were arrested and 43 police injured in the violence.", ISRAEL
    )
    arrest = events[0]
    assert (arrest.event_type, arrest.actor) == ("COERCE", [])
    assert "people" in arrest.recipient[0].name
    assert all(e.actor == [] for e in events)


def test_warnings_to_someone_or_of_own_action_are_threats(nlp: Any) -> None:
    warned = only(events_of(nlp, "Iran warned Israel of heavy consequences.", IRAN, ISRAEL))
    assert (warned.event_type, ids(warned.recipient)) == ("THREATEN", {"country:ISR"})
    own = only(events_of(nlp, "Kerry warned that they would take action.", KERRY))
    assert own.event_type == "THREATEN"
    demo = group("Demonstrators", "group:demonstrators", "EGY", "CVL")
    protest = only(events_of(nlp, "Demonstrators gathered near the embassy.", demo))
    assert protest.event_type == "PROTEST"


def test_fighting_to_keep_a_job_is_no_assault(nlp: Any) -> None:
    assert events_of(nlp, "Kerry fought to save his job on Friday.", KERRY) == []
    rebels = group("Rebels", "group:rebels", "EGY", "REB")
    fight = only(events_of(nlp, "Rebels fought Israel near the border.", rebels, ISRAEL))
    assert fight.event_type == "ASSAULT"


def test_lifting_a_veto_gives_way(nlp: Any) -> None:
    event = only(events_of(nlp, "Israel lifted its veto on Tuesday.", ISRAEL))
    assert event.event_type == "CONCEDE"
