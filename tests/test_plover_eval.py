"""Loading PLOVER gold records, scoring, and the dev-set quality floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.events import (
    GoldPair,
    PairResult,
    evaluate,
    format_scores,
    load_gold,
    split_gold,
)
from sitrep.events.evaluate import score


def _gsr(shared_dir: Path) -> Path:
    return shared_dir / "data" / "plover-dev" / "PLOVER_GSR_CAMEO.json"


def test_load_gold_maps_old_names_and_skips_documentation(shared_dir: Path) -> None:
    gold = load_gold(_gsr(shared_dir))
    assert len(gold) == 322
    types = {g.event_type for g in gold}
    assert not types & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "DOCUMENT"}
    assert len(types) == 16
    demand = next(g for g in gold if g.original_type == "DEMAND")
    assert demand.event_type == "REQUEST"
    # reciprocal records without a target pair the two sources
    assert (gold[0].actor, gold[0].recipient) == ("Hungarian", "Romanian")


def test_load_gold_uses_second_source_as_recipient_for_reciprocal_records(tmp_path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(
        json.dumps(
            [
                {"id": "doc", "event": "DOCUMENT", "eventText": "about this file"},
                {
                    "id": "r1",
                    "event": "YIELD",
                    "text": "A  and B agreed.",
                    "source": [{"actorText": "A"}, {"actorText": "B"}],
                    "target": [{"actorText": ""}],
                },
                {
                    "id": "r2",
                    "event": "FIGHT",
                    "text": "C shelled D.",
                    "source": [{"actorText": "C"}],
                    "target": [{"actorText": "D"}],
                },
            ]
        ),
        encoding="utf-8",
    )
    gold = load_gold(path)
    assert [(g.id, g.actor, g.recipient, g.event_type) for g in gold] == [
        ("r1", "A", "B", "YIELD"),
        ("r2", "C", "D", "ASSAULT"),
    ]
    assert gold[0].sentence == "A and B agreed."


def _pair(event_type: str, i: int = 0) -> GoldPair:
    return GoldPair(
        id=str(i),
        sentence="s",
        actor="a",
        recipient=None,
        event_type=event_type,
        original_type=event_type,
    )


def test_yield_counts_as_concede_or_retreat() -> None:
    gold = [_pair("YIELD", 1), _pair("YIELD", 2), _pair("YIELD", 3)]
    results = [PairResult("RETREAT"), PairResult("CONCEDE"), PairResult("AID")]
    scores = score(gold, results)
    assert scores.accuracy == pytest.approx(2 / 3)
    # the miss is scored against CONCEDE, the successor of YIELD's verbal part
    assert scores.confusion[("CONCEDE", "AID")] == 1
    assert scores.confusion[("RETREAT", "RETREAT")] == 1


def test_scores_per_type_macro_f1_and_confusion() -> None:
    gold = [_pair("AGREE", 1), _pair("AGREE", 2), _pair("ASSAULT", 3), _pair("ASSAULT", 4)]
    results = [PairResult("AGREE"), PairResult("ASSAULT"), PairResult("ASSAULT"), PairResult(None)]
    scores = score(gold, results)
    assert scores.accuracy == 0.5
    assert scores.per_type["AGREE"].precision == 1.0
    assert scores.per_type["AGREE"].recall == 0.5
    assert scores.per_type["ASSAULT"].precision == 0.5
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0.5) / 2)
    assert scores.no_prediction == 1
    assert [g.id for g, _ in scores.errors] == ["2", "4"]
    text = format_scores(scores, show_errors=5)
    assert "accuracy: 50.0%" in text and "none" in text and "AGREE" in text


def test_split_is_a_fixed_partition(shared_dir: Path) -> None:
    gold = load_gold(_gsr(shared_dir))
    tune, check = split_gold(gold, "tune"), split_gold(gold, "check")
    assert len(tune) + len(check) == len(gold)
    assert not {g.id for g in tune} & {g.id for g in check}
    assert split_gold(gold, "tune") == tune


@pytest.mark.model
@pytest.mark.slow
def test_dev_set_floor(shared_dir: Path, nlp) -> None:
    # Floors pinned just under the measured figures (90.4% / 0.890 on 2026-11-25); the issue's
    # targets are 85% / 0.83. Lower them only with a note in the README.
    scores = evaluate(load_gold(_gsr(shared_dir)), nlp)
    assert scores.accuracy >= 0.88
    assert scores.macro_f1 >= 0.86
