"""Scoring actor resolution against PLOVER gold records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.actors.evaluate import (
    actor_for,
    evaluate_actors,
    format_actor_scores,
    gold_country,
    gold_sector,
    in_part,
    locate,
    plover_codes,
)
from sitrep.records import Entity, Mention


def test_gold_codes_are_read_as_documented() -> None:
    assert gold_country("JAP") == "JPN"  # CAMEO-era code
    assert gold_country("IGO") == "IGO"
    assert gold_country("NGO") == "NGO"  # the manual's non-state international codes count
    assert gold_country("IMG") == "IMG"
    assert gold_country("") is None  # no code: not scored
    assert gold_sector("CVLalb") == "CVL"
    assert gold_sector("REFKUR") == "REF"
    assert gold_sector("CIV") == "CVL"
    assert gold_sector("MOS") == "REL"
    assert gold_sector("***") is None
    assert gold_sector(None) is None


def test_actor_text_is_located_even_across_an_ellipsis() -> None:
    text = "U.S. and Russian negotiators return to Geneva this week."
    assert locate(text, "Russian negotiators") == (9, 28)
    assert locate(text, "russian NEGOTIATORS") == (9, 28)
    assert locate(text, "U.S. ... negotiators") == (0, 28)
    assert locate(text, "Chinese diplomats") is None


def test_plover_codes_of_entities() -> None:
    un = Entity("igo:un", "United Nations", "organisation", sector=["IGO"])
    nato = Entity("igo:nato", "NATO", "organisation", sector=["IGO", "MIL"])
    blue_helmets = Entity(
        "org:un-peacekeepers", "UN peacekeepers", "organisation", None, ["MIL"],
        attributes={"organisation": "igo:un"},
    )  # fmt: skip
    army = Entity("org:isr-army", "Israeli army", "organisation", "ISR", ["MIL"])
    assert plover_codes(un) == ("IGO", "GOV")
    assert plover_codes(nato) == ("IGO", "MIL")
    assert plover_codes(blue_helmets) == ("IGO", "MIL")
    assert plover_codes(army) == ("ISR", "MIL")
    assert plover_codes(None) == (None, None)
    amnesty = Entity("org:amnesty", "Amnesty International", "organisation", sector=["NGO"])
    local_ngo = Entity(
        "org:ken-rights-group", "Kenyan rights group", "organisation", "KEN", ["NGO"]
    )
    qaeda = Entity("org:al-qaeda", "al-Qaeda", "organisation", sector=["IMG", "REB"])
    assert plover_codes(amnesty) == ("NGO", None)
    assert plover_codes(local_ngo) == ("KEN", "SOC")  # civil society of its country
    assert plover_codes(qaeda) == ("IMG", "REB")


def test_the_gold_file_splits_into_two_fixed_halves() -> None:
    ids = [f"PLOVER-GSR01-AGREE-{n:04d}" for n in range(1, 201)]
    tune = {i for i in ids if in_part(i, "tune")}
    check = {i for i in ids if in_part(i, "check")}
    assert tune.isdisjoint(check) and tune | check == set(ids)
    assert 70 < len(tune) < 130  # a hash split: about half each
    assert all(in_part(i, "all") for i in ids)
    assert tune == {i for i in ids if in_part(i, "tune")}  # stable across calls


def test_the_head_mention_stands_for_the_actor() -> None:
    text = "refugees fleeing the civil war in Liberia and NATO-member Norway"
    entities = {
        e.id: e
        for e in (
            Entity("group:refugees", "refugees", "group", None, ["REF"]),
            Entity("country:LBR", "Liberia", "country", "LBR", ["GOV"]),
            Entity("igo:nato", "NATO", "organisation", None, ["IGO", "MIL"]),
            Entity("country:NOR", "Norway", "country", "NOR", ["GOV"]),
        )
    }
    mentions = [
        Mention("refugees", 0, 8, "NOMINAL", "group:refugees"),
        Mention("Liberia", 34, 41, "GPE", "country:LBR"),
        Mention("NATO", 46, 50, "ORG", "igo:nato"),
        Mention("Norway", 58, 64, "GPE", "country:NOR"),
    ]
    entity, head, fallback = actor_for((0, 41), mentions, entities, text)
    assert (entity.id, head.text, fallback) == ("group:refugees", "refugees", "LBR")
    entity, head, _ = actor_for((46, 64), mentions, entities, text)
    assert entity.id == "country:NOR"  # NATO is inside the modifier "NATO-member"


def test_a_possessor_is_not_the_head() -> None:
    text = "Zoran Djindjic's opposition coalition won"
    entities = {
        e.id: e
        for e in (
            Entity("person:zoran-djindjic", "Zoran Djindjic", "person"),
            Entity(
                "org:opposition-coalition", "opposition coalition", "organisation", "SRB", ["OPP"]
            ),
        )
    }
    mentions = [
        Mention("Zoran Djindjic", 0, 14, "PERSON", "person:zoran-djindjic"),
        Mention("opposition coalition", 17, 37, "NOMINAL", "org:opposition-coalition"),
    ]
    entity, head, _ = actor_for((0, 37), mentions, entities, text)
    assert (entity.id, head.text) == ("org:opposition-coalition", "opposition coalition")


@pytest.mark.model
def test_scores_on_a_small_gold_file(nlp: Language, tmp_path: Path) -> None:
    records = [
        {"event": "DOCUMENT", "id": "doc"},
        {
            "id": "r1",
            "date": "2000-01-01",
            "event": "ASSAULT",
            "text": "Israeli soldiers shot two Palestinian protesters in Hebron.",
            "source": [{"actorText": "Israeli soldiers", "code": "ISR", "sector": "MIL"}],
            "target": [{"actorText": "Palestinian protesters", "code": "PSE", "sector": "CVL"}],
        },
        {
            "id": "r2",
            "date": "2000-01-01",
            "event": "CONSULT",
            "text": "Libya has offered talks to Great Britain, a newspaper said.",
            "source": [{"actorText": "Libya", "code": "LBY"}],
            "target": [{"actorText": "Great Britain", "code": "GBR", "sector": "JUD"}],
        },
    ]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(records), encoding="utf-8")
    scores = evaluate_actors(gold, nlp)
    assert scores.actors == 4
    assert (scores.country_correct, scores.country_total) == (4, 4)
    # Sector: two right; Great Britain is a state (GOV), not the JUD the file claims.
    assert (scores.sector_correct, scores.sector_total, scores.sector_skipped) == (2, 3, 1)
    assert [(e.record, e.gold_sector, e.sector) for e in scores.errors] == [("r2", "JUD", "GOV")]
    report = format_actor_scores(scores)
    assert "country accuracy: 100.0% (4/4" in report
    assert "sector accuracy:  66.7% (2/3" in report


@pytest.mark.model
@pytest.mark.slow
def test_plover_dev_figures_stay_above_their_floor(nlp: Language, shared_dir: Path) -> None:
    """Floors pinned just under the measured figures; raise them when the stage improves,
    never lower them silently. History: country 87.5%, sector 80.6% when the stage was
    written; 93.1% and 85.8% (2026-11-25) after regions, NGOs, peoples abroad and owners,
    with the NGO/IMG/ISM codes now scored. These are development figures: the first rules were
    written after reading all records, later ones after reading the "tune" half only."""
    path = shared_dir / "data" / "plover-dev" / "PLOVER_GSR_CAMEO.json"
    scores = evaluate_actors(path, nlp)
    assert scores.country_total >= 630
    assert scores.country_accuracy >= 0.925
    assert scores.sector_accuracy >= 0.85
    # The held-out half, whose errors were not read for the later rules.
    check = evaluate_actors(path, nlp, part="check")
    assert check.country_accuracy >= 0.90
    assert check.sector_accuracy >= 0.80
