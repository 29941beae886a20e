"""TempEval-3-style scoring of time expressions against TimeML gold.

Extents: strict (same offsets) and relaxed (any overlap, each gold and each predicted
expression matched at most once) precision, recall and F1. Attributes: on relaxed matches,
``type`` and ``value`` are compared as strings; TempEval-3 reports attribute F1 as the
F1 over correctly-attributed matches, i.e. attribute accuracy x relaxed F1 (its scorer counts
a correct attribute as a true positive against both the system and the gold totals).
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from sitrep.readers.timeml import parse_timeml
from sitrep.records import TimeExpression
from sitrep.time.tagger import tag_time

__all__ = [
    "PRF",
    "DocumentErrors",
    "TimexScores",
    "evaluate_dir",
    "format_errors",
    "format_scores",
    "score",
    "split_half",
    "tag_dir",
]

Tagger = Callable[..., list[TimeExpression]]
Triple = tuple[str, list[TimeExpression], list[TimeExpression]]  # name, gold, predicted


@dataclass(slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, correct: int, predicted: int, gold: int) -> PRF:
        p = correct / predicted if predicted else 0.0
        r = correct / gold if gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class DocumentErrors:
    """What went wrong in one document: missed gold, spurious predictions, wrong attributes."""

    name: str
    missed: list[TimeExpression] = field(default_factory=list)
    spurious: list[TimeExpression] = field(default_factory=list)
    wrong_value: list[tuple[TimeExpression, TimeExpression]] = field(default_factory=list)
    wrong_type: list[tuple[TimeExpression, TimeExpression]] = field(default_factory=list)
    wrong_extent: list[tuple[TimeExpression, TimeExpression]] = field(default_factory=list)


@dataclass(slots=True)
class TimexScores:
    strict: PRF
    relaxed: PRF
    type_f1: float
    value_f1: float
    type_accuracy: float
    value_accuracy: float
    gold: int
    predicted: int
    strict_matches: int
    relaxed_matches: int
    type_correct: int
    value_correct: int
    documents: int
    seconds: float = 0.0  # tagging time only (evaluate_dir), for documents per second
    errors: list[DocumentErrors] = field(default_factory=list)


def _match(
    gold: list[TimeExpression], predicted: list[TimeExpression]
) -> list[tuple[TimeExpression, TimeExpression]]:
    """One-to-one relaxed matching: each gold takes the unused prediction it overlaps most."""
    pairs: list[tuple[TimeExpression, TimeExpression]] = []
    used: set[int] = set()
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > best_overlap and i not in used:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, predicted[best]))
    return pairs


def score(pairs: Iterable[Triple]) -> TimexScores:
    """Score (document name, gold, predicted) triples, TempEval-3 style."""
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = documents = 0
    errors: list[DocumentErrors] = []
    for name, gold, predicted in pairs:
        documents += 1
        n_gold += len(gold)
        n_pred += len(predicted)
        matched = _match(gold, predicted)
        relaxed += len(matched)
        doc_errors = DocumentErrors(name)
        for g, p in matched:
            if g.start == p.start and g.end == p.end:
                strict += 1
            else:
                doc_errors.wrong_extent.append((g, p))
            if g.type == p.type:
                type_ok += 1
            else:
                doc_errors.wrong_type.append((g, p))
            if g.value == p.value:
                value_ok += 1
            else:
                doc_errors.wrong_value.append((g, p))
        matched_gold = {id(g) for g, _ in matched}
        matched_pred = {id(p) for _, p in matched}
        doc_errors.missed = [g for g in gold if id(g) not in matched_gold]
        doc_errors.spurious = [p for p in predicted if id(p) not in matched_pred]
        errors.append(doc_errors)
    relaxed_prf = PRF.of(relaxed, n_pred, n_gold)
    type_accuracy = type_ok / relaxed if relaxed else 0.0
    value_accuracy = value_ok / relaxed if relaxed else 0.0
    return TimexScores(
        strict=PRF.of(strict, n_pred, n_gold),
        relaxed=relaxed_prf,
        type_f1=type_accuracy * relaxed_prf.f1,
        value_f1=value_accuracy * relaxed_prf.f1,
        type_accuracy=type_accuracy,
        value_accuracy=value_accuracy,
        gold=n_gold,
        predicted=n_pred,
        strict_matches=strict,
        relaxed_matches=relaxed,
        type_correct=type_ok,
        value_correct=value_ok,
        documents=documents,
        errors=errors,
    )


def split_half(name: str) -> str:
    """``"tune"`` or ``"check"``: a stable half of a document by a hash of its file name.

    Rule development looks at errors on the tune half only; the check half's figures show
    whether a rule generalises (CRC-32 is stable across runs and Python versions, unlike
    ``hash``)."""
    return "tune" if zlib.crc32(Path(name).name.encode("utf-8")) % 2 == 0 else "check"


def tag_dir(
    path: Path,
    tagger: Tagger = tag_time,
    nlp: Language | None = None,
    select: Callable[[str], bool] | None = None,
) -> tuple[list[Triple], float]:
    """(name, gold, predicted) for every ``.tml`` file under ``path`` (recursively), and the
    seconds spent tagging; arguments as for :func:`evaluate_dir`."""
    triples: list[Triple] = []
    seconds = 0.0
    for file in sorted(Path(path).rglob("*.tml")):
        name = str(file.relative_to(path))
        if select is not None and not select(name):
            continue
        document, gold = parse_timeml(file.read_text(encoding="utf-8"), str(file))
        doc = nlp(document.text) if nlp is not None else None
        began = time.perf_counter()
        predicted = (
            tagger(document.text, document.date, doc)
            if doc is not None
            else tagger(document.text, document.date)
        )
        seconds += time.perf_counter() - began
        triples.append((name, gold, predicted))
    return triples, seconds


def evaluate_dir(
    path: Path,
    tagger: Tagger = tag_time,
    nlp: Language | None = None,
    select: Callable[[str], bool] | None = None,
) -> TimexScores:
    """Score ``tagger`` on every ``.tml`` file under ``path`` (recursively).

    With ``nlp``, each text is parsed first and the Doc passed to the tagger (tense from the
    parse); the parse is not counted in the tagging time. ``select`` keeps only the files
    whose path relative to ``path`` it accepts (e.g. one :func:`split_half`).
    """
    triples, seconds = tag_dir(path, tagger, nlp, select)
    result = score(triples)
    result.seconds = seconds
    return result


def format_scores(scores: TimexScores) -> str:
    """A plain-text table of the scores, as printed by ``sitrep eval timeml``."""
    rate = scores.documents / scores.seconds if scores.seconds else 0.0
    lines = [
        f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}",
        *(
            f"{label:<10}{prf.precision * 100:8.2f}{prf.recall * 100:8.2f}{prf.f1 * 100:8.2f}"
            for label, prf in (("strict", scores.strict), ("relaxed", scores.relaxed))
        ),
        *(
            f"{label:<10}{'':>16}{f1 * 100:8.2f}   (accuracy {accuracy * 100:.2f})"
            for label, f1, accuracy in (
                ("type", scores.type_f1, scores.type_accuracy),
                ("value", scores.value_f1, scores.value_accuracy),
            )
        ),
        f"documents {scores.documents}, gold {scores.gold}, predicted {scores.predicted}, "
        f"relaxed matches {scores.relaxed_matches}, strict {scores.strict_matches}"
        + (f", {rate:.1f} documents/s" if rate else ""),
    ]
    return "\n".join(lines)


def format_errors(scores: TimexScores) -> str:
    """Per-document error listing: missed, spurious, wrong value/type, with offsets."""
    lines: list[str] = []
    for doc in scores.errors:
        items = [
            *(f"  missed    {g.start}-{g.end} {g.text!r} {g.type} {g.value}" for g in doc.missed),
            *(f"  spurious  {p.start}-{p.end} {p.text!r} {p.type} {p.value}" for p in doc.spurious),
            *(
                f"  value     {g.text!r} gold {g.value} got {p.value} ({p.text!r})"
                for g, p in doc.wrong_value
            ),
            *(
                f"  type      {g.text!r} gold {g.type} got {p.type} ({p.text!r})"
                for g, p in doc.wrong_type
            ),
        ]
        if items:
            lines.append(doc.name)
            lines.extend(items)
    return "\n".join(lines)
