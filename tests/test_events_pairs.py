"""The PLOVER pair classifier on sentences written for these tests (none is a GSR sentence)."""

from __future__ import annotations

import json

import pytest

from sitrep.events import MODALITIES, PLOVER_TYPES, PairResult, classify_pair, classify_pairs
from sitrep.events.lexicon import Sense, load_lexicon

# One or two sentences per PLOVER type: (sentence, actor, recipient, expected type).
TYPE_CASES = [
    (
        "Brazil and Argentina agreed on Monday to build a joint gas pipeline.",
        "Brazil",
        "Argentina",
        "AGREE",
    ),
    (
        "Chile has offered to host the next round of talks between the two parties.",
        "Chile",
        None,
        "AGREE",
    ),
    (
        "The Kenyan foreign minister met his Ugandan counterpart in Kampala on Friday.",
        "Kenyan foreign minister",
        "Ugandan counterpart",
        "CONSULT",
    ),
    (
        "The Austrian chancellor visited Slovenia on Wednesday.",
        "Austrian chancellor",
        "Slovenia",
        "CONSULT",
    ),
    (
        "The French president praised Senegal for its peaceful elections.",
        "French president",
        "Senegal",
        "SUPPORT",
    ),
    ("Estonia and Finland signed a treaty on maritime borders.", "Estonia", "Finland", "SUPPORT"),
    ("The junta lifted the nationwide curfew on Thursday.", "junta", None, "CONCEDE"),
    (
        "Norway and Sweden shared intelligence on the smuggling network.",
        "Norway",
        "Sweden",
        "COOPERATE",
    ),
    (
        "Japan donated 300 tonnes of rice to flood victims in Bangladesh.",
        "Japan",
        "flood victims in Bangladesh",
        "AID",
    ),
    (
        "Canada granted asylum to two dissident journalists from Belarus.",
        "Canada",
        "dissident journalists",
        "AID",
    ),
    ("The rebels released twelve hostages to the Red Cross.", "rebels", "hostages", "RETREAT"),
    (
        "The occupying forces withdrew their troops from the northern province.",
        "occupying forces",
        None,
        "RETREAT",
    ),
    (
        "The opposition urged the government to hold early elections.",
        "opposition",
        "government",
        "REQUEST",
    ),
    (
        "The union demanded that the ministry reverse the pension cuts.",
        "union",
        "ministry",
        "REQUEST",
    ),
    ("Ghana accused Togo of harbouring dissidents.", "Ghana", "Togo", "ACCUSE"),
    (
        "A parliamentary commission opened an investigation into the defence minister.",
        "parliamentary commission",
        "defence minister",
        "ACCUSE",
    ),
    ("Peru rejected Chile's offer of mediation.", "Peru", "Chile", "REJECT"),
    (
        "The militia threatened to attack the capital if talks collapsed.",
        "militia",
        "capital",
        "THREATEN",
    ),
    (
        "Thousands of teachers marched through Nairobi against the pay freeze.",
        "teachers",
        None,
        "PROTEST",
    ),
    (
        "Dockworkers began a hunger strike outside the port authority.",
        "Dockworkers",
        None,
        "PROTEST",
    ),
    ("The EU imposed sanctions on Belarus over the crackdown.", "EU", "Belarus", "SANCTION"),
    (
        "Lithuania expelled three Russian diplomats on Tuesday.",
        "Lithuania",
        "Russian diplomats",
        "SANCTION",
    ),
    (
        "Pakistan deployed additional troops along the border with India.",
        "Pakistan",
        "India",
        "MOBILIZE",
    ),
    (
        "Police arrested forty opposition activists in Harare.",
        "Police",
        "opposition activists",
        "COERCE",
    ),
    (
        "The authorities imposed a curfew on the port city after the riots.",
        "authorities",
        "port city",
        "COERCE",
    ),
    ("Gunmen shot dead three villagers near the border.", "Gunmen", "villagers", "ASSAULT"),
    (
        "Artillery units shelled rebel positions outside the city overnight.",
        "Artillery units",
        "rebel positions",
        "ASSAULT",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "actor", "recipient", "expected"), TYPE_CASES)
def test_event_type_per_plover_type(nlp, sentence, actor, recipient, expected) -> None:
    result = classify_pair(sentence, actor, recipient, nlp)
    assert result.event_type == expected, result
    assert result.trigger  # the deciding word is reported


def test_every_plover_type_is_covered_by_a_test_sentence() -> None:
    assert {case[3] for case in TYPE_CASES} == set(PLOVER_TYPES)


# Modality: (sentence, actor, recipient, expected type, expected modality).
MODALITY_CASES = [
    (
        "The Defence Minister will visit Moscow next week.",
        "Defence Minister",
        "Moscow",
        "AGREE",
        "planned",
    ),
    (
        "The two leaders are scheduled to sign a trade agreement in June.",
        "two leaders",
        None,
        "AGREE",
        "planned",
    ),
    (
        "The minister is expected to meet his Russian counterpart on Tuesday.",
        "minister",
        "Russian counterpart",
        "AGREE",
        "expected",
    ),
    ("The army denied shelling the village.", "army", "village", "ASSAULT", "negated"),
    ("The rebels did not attack the convoy.", "rebels", "convoy", "ASSAULT", "negated"),
    (
        "The government refused to release the prisoners.",
        "government",
        "prisoners",
        "REJECT",
        "negated",
    ),
    (
        "If the talks fail, the rebels could attack the town.",
        "rebels",
        "town",
        "THREATEN",
        "hypothetical",
    ),
    (
        "In 2018, India had signed a deal with Russia for five S-400 systems.",
        "India",
        "Russia",
        "SUPPORT",
        "historical",
    ),
    (
        "The opposition urged the government to hold early elections.",
        "opposition",
        "government",
        "REQUEST",
        "requested",
    ),
    (
        "Police arrested forty opposition activists in Harare on Monday.",
        "Police",
        "opposition activists",
        "COERCE",
        "asserted",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "actor", "recipient", "etype", "modality"), MODALITY_CASES)
def test_modality(nlp, sentence, actor, recipient, etype, modality) -> None:
    result = classify_pair(sentence, actor, recipient, nlp)
    assert (result.event_type, result.modality) == (etype, modality), result


@pytest.mark.model
def test_future_action_keeps_the_intended_type(nlp) -> None:
    # PLOVER codes announced cooperation as AGREE; the planned action itself is kept.
    result = classify_pair(
        "Germany will send tents and medicine to the quake zone in Turkey.",
        "Germany",
        "Turkey",
        nlp,
    )
    assert (result.event_type, result.modality, result.intended_type) == ("AGREE", "planned", "AID")


@pytest.mark.model
def test_announced_hostile_action_is_a_threat(nlp) -> None:
    result = classify_pair(
        "The president said he would impose martial law in the province.",
        "president",
        "province",
        nlp,
    )
    assert result.event_type == "THREATEN"
    assert result.intended_type == "COERCE"


@pytest.mark.model
def test_reported_obligation_on_another_party_is_a_request(nlp) -> None:
    result = classify_pair(
        "Turkey said on Friday that Greece must return the seized boat.", "Turkey", "Greece", nlp
    )
    assert (result.event_type, result.modality) == ("REQUEST", "requested")


@pytest.mark.model
def test_recipient_selects_the_predicate_in_a_two_event_sentence(nlp) -> None:
    sentence = (
        "The guerrillas abducted two engineers and later shelled the airport outside the capital."
    )
    first = classify_pair(sentence, "guerrillas", "engineers", nlp)
    second = classify_pair(sentence, "guerrillas", "airport", nlp)
    assert first.trigger == "abducted"
    assert second.event_type == "ASSAULT" and second.trigger == "shelled"


@pytest.mark.model
def test_passive_voice_actor_is_the_agent(nlp) -> None:
    result = classify_pair(
        "The convoy was ambushed by insurgents near the pass.", "insurgents", "convoy", nlp
    )
    assert result.event_type == "ASSAULT"


@pytest.mark.model
def test_sentence_without_event_gives_none(nlp) -> None:
    result = classify_pair(
        "The weather in Paris was sunny and warm on Tuesday.", "Paris", None, nlp
    )
    assert result == PairResult(event_type=None, mode=[], modality="asserted")


@pytest.mark.model
@pytest.mark.parametrize("sentence", ["", "   ", "..."])
def test_empty_sentence_gives_none(nlp, sentence) -> None:
    assert classify_pair(sentence, "X", None, nlp).event_type is None


@pytest.mark.model
def test_actor_words_are_not_mistaken_for_a_recipient_inside_other_words(nlp) -> None:
    # "US" must not match inside "refused".
    result = classify_pair(
        "The cabinet has refused to commit troops to the US-led mission.", "cabinet", "US", nlp
    )
    assert result.event_type == "REJECT"


@pytest.mark.model
def test_classify_pairs_contract(nlp) -> None:
    records = [
        {
            "sentence": "Ghana accused Togo of harbouring dissidents.",
            "actor": "Ghana",
            "recipient": "Togo",
        },
        {"sentence": "The weather was sunny.", "actor": "weather", "recipient": None},
        {"sentence": "Police arrested forty activists.", "actor": "Police"},
    ]
    out = list(classify_pairs(iter(records), nlp))
    assert [o["event_type"] for o in out] == ["ACCUSE", None, "COERCE"]
    for line in out:
        assert set(line) == {"event_type", "mode", "modality"}
        assert line["modality"] in MODALITIES
        json.dumps(line)  # each line is plain JSON


def test_lexicon_entries_use_only_plover_types() -> None:
    # Every sense is checked as the lexicon loads: an old or misspelt type is refused ...
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        Sense.parse("FIGHT/artillery")
    lex = load_lexicon()
    # ... but the re-reading maps hold plain type names, checked here.
    readings = {*lex.future_reading.values(), *lex.negated_reading.values()}
    assert readings <= set(PLOVER_TYPES)
    assert lex.role("say") == "speech" and lex.role("refuse") == "reject"
