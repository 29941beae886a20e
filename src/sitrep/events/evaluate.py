"""Score the pair classifier on PLOVER gold records (``sitrep eval plover FILE``).

The development file ``PLOVER_GSR_CAMEO.json`` is coded in PLOVER 0.5; its type names are
mapped to the current ones (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE,
FIGHT -> ASSAULT). The old YIELD type was split into CONCEDE and RETREAT, so a gold YIELD
counts as correct when the prediction is either of them; for the per-type table and the
confusion table such a record takes the predicted label when it is correct and CONCEDE
otherwise (the manual calls CONCEDE the successor of YIELD's verbal component).

Each record becomes one pair: the first source actor, and the first target (or, for
reciprocal records without a target, the second source) as recipient.

The PLV sentence-pair file of Zero-Shot-PLOVER (``PLV_train.tsv``: news sentences with a marked
source and target and the gold root type, in the same older type names) is read too; its
records are identified by their ``sentence_id``, which also decides their half.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from spacy.language import Language

from sitrep.events.pairs import PIPE_BATCH, PairResult, classify_doc

OLD_TYPE_NAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
YIELD_TYPES: frozenset[str] = frozenset({"CONCEDE", "RETREAT"})
NONE_LABEL = "(none)"


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One gold record as a pair: sentence, actor, recipient, and the accepted types."""

    id: str
    sentence: str
    actor: str | None
    recipient: str | None
    event_type: str  # current PLOVER name; "YIELD" kept as such (see `accepted`)
    original_type: str
    mode: str | None = None

    @property
    def accepted(self) -> frozenset[str]:
        return YIELD_TYPES if self.event_type == "YIELD" else frozenset({self.event_type})


@dataclass(frozen=True, slots=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(slots=True)
class PloverScores:
    n: int
    accuracy: float
    macro_f1: float
    per_type: dict[str, TypeScore]
    confusion: dict[tuple[str, str], int]  # (gold, predicted) -> count
    errors: list[tuple[GoldPair, PairResult]] = field(default_factory=list)
    no_prediction: int = 0


def _actor_texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | dict):
        value = [value]
    out: list[str] = []
    for item in value:
        text = item.get("actorText", "") if isinstance(item, dict) else str(item)
        text = " ".join(str(text).split())
        if text:
            out.append(text)
    return out


def load_gold(path: str | Path) -> list[GoldPair]:
    """Gold pairs from a PLOVER GSR JSON file (a list of records; DOCUMENT records skipped)
    or from a PLV ``.tsv`` file (one marked sentence pair per row)."""
    if Path(path).suffix.lower() == ".tsv":
        return _load_plv(Path(path))
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    gold: list[GoldPair] = []
    for rec in records:
        old = str(rec.get("event", "")).upper()
        if old == "DOCUMENT" or not rec.get("text"):
            continue
        sources = _actor_texts(rec.get("source"))
        targets = _actor_texts(rec.get("target"))
        recipient = targets[0] if targets else (sources[1] if len(sources) > 1 else None)
        gold.append(
            GoldPair(
                id=str(rec.get("id", len(gold))),
                sentence=" ".join(str(rec["text"]).split()),
                actor=sources[0] if sources else None,
                recipient=recipient,
                event_type=OLD_TYPE_NAMES.get(old, old),
                original_type=old,
                mode=rec.get("mode") or None,
            )
        )
    return gold


def _load_plv(path: Path) -> list[GoldPair]:
    gold: list[GoldPair] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            old = str(row.get("gold_root") or "").strip().upper()
            sentence = " ".join(str(row.get("sentence") or "").split())
            if not old or not sentence:
                continue
            gold.append(
                GoldPair(
                    id=str(row.get("sentence_id") or len(gold)),
                    sentence=sentence,
                    actor=" ".join(str(row.get("source") or "").split()) or None,
                    recipient=" ".join(str(row.get("target") or "").split()) or None,
                    event_type=OLD_TYPE_NAMES.get(old, old),
                    original_type=old,
                )
            )
    return gold


def split_gold(gold: Iterable[GoldPair], part: Literal["tune", "check"]) -> list[GoldPair]:
    """A fixed half of the records, by a hash of their id.

    Used to keep ourselves honest: lexicon changes made after reading errors were made on the
    ``tune`` half only; the ``check`` half estimates how well those changes generalise.
    """
    want = 0 if part == "tune" else 1
    return [g for g in gold if hashlib.sha1(g.id.encode()).digest()[0] % 2 == want]


def _scored_label(gold: GoldPair, predicted: str | None) -> str:
    if gold.event_type == "YIELD":
        return predicted if predicted in YIELD_TYPES else "CONCEDE"
    return gold.event_type


def classify_gold(gold: list[GoldPair], nlp: Language) -> list[PairResult]:
    """The pair classifier's result for every gold pair, in order."""
    docs = nlp.pipe((g.sentence for g in gold), batch_size=PIPE_BATCH)
    return [classify_doc(doc, g.actor, g.recipient) for doc, g in zip(docs, gold, strict=True)]


def evaluate(gold: list[GoldPair], nlp: Language) -> PloverScores:
    """Classify every gold pair and score the event types."""
    return score(gold, classify_gold(gold, nlp))


def score(gold: list[GoldPair], results: list[PairResult]) -> PloverScores:
    """Accuracy, macro-F1 over the gold types present, per-type P/R/F1, confusion, errors."""
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[tuple[GoldPair, PairResult]] = []
    correct = 0
    for g, r in zip(gold, results, strict=True):
        gold_label = _scored_label(g, r.event_type)
        predicted = r.event_type or NONE_LABEL
        confusion[(gold_label, predicted)] += 1
        if r.event_type in g.accepted:
            correct += 1
        else:
            errors.append((g, r))
    types = sorted({gl for gl, _ in confusion})
    per_type: dict[str, TypeScore] = {}
    for t in types:
        tp = confusion[(t, t)]
        support = sum(n for (gl, _), n in confusion.items() if gl == t)
        predicted_n = sum(n for (_, pl), n in confusion.items() if pl == t)
        p = tp / predicted_n if predicted_n else 0.0
        rec = tp / support if support else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        per_type[t] = TypeScore(p, rec, f1, support)
    n = len(gold)
    return PloverScores(
        n=n,
        accuracy=correct / n if n else 0.0,
        macro_f1=sum(s.f1 for s in per_type.values()) / len(per_type) if per_type else 0.0,
        per_type=per_type,
        confusion=dict(confusion),
        errors=errors,
        no_prediction=sum(1 for r in results if r.event_type is None),
    )


def _abbrev(label: str) -> str:
    return "none" if label == NONE_LABEL else label[:4]


def format_scores(scores: PloverScores, *, show_errors: int = 0) -> str:
    """A plain-text report: headline figures, per-type table, confusion table, some errors."""
    lines = [
        f"pairs: {scores.n}   accuracy: {scores.accuracy:.1%}   "
        f"macro-F1: {scores.macro_f1:.3f}   no event predicted: {scores.no_prediction}",
        "",
        f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}",
    ]
    for t, s in scores.per_type.items():
        lines.append(f"{t:<10} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.support:4d}")
    gold_labels = list(scores.per_type)
    predicted = sorted({p for _, p in scores.confusion} - set(gold_labels))
    columns = gold_labels + predicted
    lines += ["", "confusion (rows gold, columns predicted):"]
    lines.append(" " * 10 + "".join(f"{_abbrev(c):>5}" for c in columns))
    for g in gold_labels:
        row = "".join(f"{scores.confusion.get((g, c), 0) or '.':>5}" for c in columns)
        lines.append(f"{g:<10}{row}")
    if show_errors:
        lines += ["", f"errors (first {min(show_errors, len(scores.errors))}):"]
        for g, r in scores.errors[:show_errors]:
            lines.append(
                f"  {g.id}: gold {g.event_type} predicted {r.event_type} "
                f"(trigger {r.trigger!r}) | {g.actor} -> {g.recipient} | {g.sentence}"
            )
    return "\n".join(lines)
