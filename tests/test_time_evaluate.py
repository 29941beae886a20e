"""The TempEval-3-style scorer and the spaCy stage, on hand-made and on real TimeML."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.nlp.extensions import register_extensions
from sitrep.records import TimeExpression
from sitrep.time.component import TimexStage
from sitrep.time.evaluate import evaluate_dir, format_errors, format_scores, score, split_half


def tx(start: int, end: int, value: str = "2020-06-22", kind: str = "DATE") -> TimeExpression:
    return TimeExpression(text="x" * (end - start), start=start, end=end, type=kind, value=value)  # type: ignore[arg-type]


def test_strict_relaxed_and_attribute_scores() -> None:
    gold = [tx(0, 6), tx(10, 20, "P3D", "DURATION"), tx(30, 35), tx(40, 44)]
    predicted = [
        tx(0, 6),  # exact, right value
        tx(12, 20, "P2D", "DURATION"),  # overlap, wrong value
        tx(30, 35, "2020-06-23", "TIME"),  # exact, wrong value and type
        tx(50, 55),  # spurious
    ]
    result = score([("doc", gold, predicted)])
    assert (result.strict_matches, result.relaxed_matches) == (2, 3)
    assert result.relaxed.precision == pytest.approx(
        3 / 4
    ) and result.relaxed.recall == pytest.approx(3 / 4)
    assert result.strict.f1 == pytest.approx(0.5)
    assert result.value_accuracy == pytest.approx(1 / 3)
    assert result.value_f1 == pytest.approx(0.75 / 3)  # accuracy x relaxed F1
    assert result.type_f1 == pytest.approx(0.75 * 2 / 3)
    errors = result.errors[0]
    assert [(g.start, g.end) for g in errors.missed] == [(40, 44)]
    assert [(p.start, p.end) for p in errors.spurious] == [(50, 55)]
    assert len(errors.wrong_value) == 2 and len(errors.wrong_type) == 1
    assert "missed" in format_errors(result) and "relaxed" in format_scores(result)


def test_relaxed_matching_is_one_to_one() -> None:
    gold = [tx(0, 10)]
    predicted = [tx(0, 4), tx(5, 10)]
    result = score([("doc", gold, predicted)])
    assert result.relaxed_matches == 1 and len(result.errors[0].spurious) == 1


def test_development_set_meets_the_floor(shared_dir: Path) -> None:
    # Floors a little under the measured figures (relaxed F1 94.7, value F1 82.1 on
    # 2026-11-25, text-only tense), so a regression fails here; raise them as the tagger
    # improves, never lower them silently.
    result = evaluate_dir(shared_dir / "data" / "timeml-dev")
    assert result.documents == 256 and result.gold == 1822
    assert result.relaxed.f1 >= 0.94
    assert result.value_f1 >= 0.818


def test_tune_and_check_halves_partition_the_development_set(shared_dir: Path) -> None:
    # The halves are fixed by the file name alone, so figures on them stay comparable.
    folder = shared_dir / "data" / "timeml-dev"
    names = [str(p.relative_to(folder)) for p in folder.rglob("*.tml")]
    halves = {name: split_half(name) for name in names}
    assert set(halves.values()) == {"tune", "check"}
    assert 100 < sum(h == "tune" for h in halves.values()) < 156
    # the folder a file sits in does not move it to the other half
    assert all(split_half(f"elsewhere/{name}") == half for name, half in halves.items())


@pytest.mark.model
def test_stage_reads_dct_and_writes_expressions(nlp) -> None:  # type: ignore[no-untyped-def]
    register_extensions()
    stage = TimexStage(nlp, "sitrep.timex.v1")
    doc = nlp("Singh left for Moscow on Monday for a three-day visit.")
    doc._.dct = "2020-06-23"
    stage(doc)
    assert [(t.text, t.value) for t in doc._.time_expressions] == [
        ("Monday", "2020-06-22"),
        ("three-day", "P3D"),
    ]
    undated = nlp("Talks ended on Monday.")
    with pytest.raises(InputError):
        stage(undated)
