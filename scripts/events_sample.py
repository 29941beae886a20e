"""A fixed random sample of the event stage's output on newswire, and its precision.

    .venv/bin/python scripts/events_sample.py draw [--n 150] [--seed 5] [--yaml OUT]
    .venv/bin/python scripts/events_sample.py score [--judged FILE] [--verbose]

``draw`` runs the full pipeline (``Extractor`` with its default stages) over every article of
the TempEval-3 silver newswire, orders all events by (document, offset, trigger), draws ``n``
of them with a seeded ``random.Random`` and prints each with its sentence, type, modality,
actor and recipient. ``--yaml`` writes them as a judging form: each item gets empty verdict
fields that a person fills in (``event``: is it a political event at all; ``type_ok``;
``args_ok``: actor and recipient right; ``correct``: the right coding when something is wrong).

``score`` reads the judged form (default ``tests/fixtures/events-judged-sample.yaml``),
runs the *current* pipeline over the documents the sample came from, and reports precision
before (the verdicts as judged) and now. An event of the sample is found again by document,
sentence and trigger; where the pipeline now codes it differently, the new coding is compared
with the judged ``correct`` coding; where it no longer emits it, the event counts as dropped
(a gain when it was wrong, a recall loss when it was right). Events the current pipeline
emits that were not in the sample are not judged: precision "now" is over the retained
sample events only.

Items are split into a *tune* half and a *check* half by a hash of the sentence (stable
across runs and code changes): fixes are guided by the tune half's errors only, and both
halves are reported.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from newswire_sample import REPO, parse_sample_args, read_documents

from sitrep.extractor import Extractor
from sitrep.records import ActorRef, Document, Event

DEFAULT_JUDGED = REPO / "tests" / "fixtures" / "events-judged-sample.yaml"


def split_of(sentence: str) -> str:
    """``tune`` or ``check``: the first byte of the sentence's SHA-1, even or odd."""
    digest = hashlib.sha1(sentence.strip().encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def party_ids(refs: Iterable[ActorRef]) -> list[str]:
    return [r.entity_id or r.name for r in refs]


@dataclass(frozen=True, slots=True)
class Drawn:
    """One event of the pipeline's output, as the judging form shows it."""

    document_id: str
    file: str  # the .tml file's name without suffix: how `score` finds the article again
    title: str
    sentence: str
    sentence_start: int
    trigger: str
    event_type: str
    modality: str
    actor: list[str]
    recipient: list[str]

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.document_id, self.sentence_start, self.trigger)

    def as_item(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "file": self.file,
            "title": self.title,
            "split": split_of(self.sentence),
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "trigger": self.trigger,
            "predicted": {
                "type": self.event_type,
                "modality": self.modality,
                "actor": self.actor,
                "recipient": self.recipient,
            },
            "event": None,
            "type_ok": None,
            "args_ok": None,
            "correct": None,
            "note": None,
        }


def drawn_of(event: Event, document: Document) -> Drawn:
    return Drawn(
        document_id=document.id,
        file=Path(document.source or "").stem,
        title=document.title or "",
        sentence=event.evidence.sentence,
        sentence_start=event.evidence.sentence_start,
        trigger=event.evidence.trigger,
        event_type=event.event_type,
        modality=event.modality,
        actor=party_ids(event.actor),
        recipient=party_ids(event.recipient),
    )


def run_pipeline(documents: Iterable[Document]) -> Iterator[Drawn]:
    extractor = Extractor()
    for extraction in extractor.extract_many(documents):
        for event in extraction.events:
            yield drawn_of(event, extraction.document)


def draw(args: argparse.Namespace) -> None:
    files = sorted(args.data.glob("*.tml"))
    if not files:
        sys.exit(f"no .tml files in {args.data}")
    events = sorted(run_pipeline(read_documents(files)), key=lambda d: d.key)
    sample = random.Random(args.seed).sample(events, min(args.n, len(events)))
    sample.sort(key=lambda d: d.key)
    print(f"{len(events)} events in {len(files)} documents; {len(sample)} drawn (seed {args.seed})")
    for number, item in enumerate(sample, 1):
        print(
            f"\n#{number} [{split_of(item.sentence)}] {item.file} {item.title!r}\n"
            f"  {item.event_type}/{item.modality} {item.actor} -> {item.recipient} "
            f"[{item.trigger}]\n  {item.sentence}"
        )
    if args.yaml:
        header = {
            "description": (
                f"{len(sample)} events drawn with seed {args.seed} from the full pipeline "
                f"over {args.data.name} by scripts/events_sample.py draw"
            ),
            "items": [d.as_item() for d in sample],
        }
        args.yaml.write_text(yaml.safe_dump(header, sort_keys=False, allow_unicode=True))


# --------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Score:
    judged: int = 0
    events: int = 0  # judged a political event at all
    type_ok: int = 0
    full_ok: int = 0

    def add(self, is_event: bool, type_ok: bool, full_ok: bool) -> None:
        self.judged += 1
        self.events += is_event
        self.type_ok += type_ok
        self.full_ok += full_ok

    def line(self, label: str) -> str:
        n = self.judged or 1
        return (
            f"{label:28} n={self.judged:3d}  event {self.events / n:6.1%}  "
            f"type-correct {self.type_ok / n:6.1%}  fully correct {self.full_ok / n:6.1%}"
        )


def judged_verdict(item: dict[str, Any]) -> tuple[bool, bool, bool]:
    is_event = bool(item["event"])
    type_ok = is_event and bool(item["type_ok"])
    return is_event, type_ok, type_ok and bool(item["args_ok"])


def current_verdict(item: dict[str, Any], now: Drawn) -> tuple[bool, bool, bool]:
    """The verdict on the pipeline's current coding of a judged event."""
    before = item["predicted"]
    same = (
        now.event_type == before["type"]
        and now.actor == before["actor"]
        and now.recipient == before["recipient"]
    )
    if same:
        return judged_verdict(item)
    is_event = bool(item["event"])
    if not is_event:
        return False, False, False
    correct = item.get("correct") or {}
    right_type = correct.get("type", before["type"])
    right_actor = correct.get("actor", before["actor"])
    right_recipient = correct.get("recipient", before["recipient"])
    type_ok = now.event_type == right_type
    args_ok = sorted(now.actor) == sorted(right_actor) and sorted(now.recipient) == sorted(
        right_recipient
    )
    return True, type_ok, type_ok and args_ok


def find(now: dict[tuple[str, int, str], Drawn], item: dict[str, Any]) -> Drawn | None:
    key = (item["document"], item["sentence_start"])
    return now.get((*key, item["trigger"])) or now.get((*key, item["trigger"].split()[0]))


def score(args: argparse.Namespace) -> None:
    items: list[dict[str, Any]] = yaml.safe_load(args.judged.read_text())["items"]
    unjudged = [i for i in items if i["event"] is None]
    if unjudged:
        sys.exit(f"{len(unjudged)} items have no verdict yet")
    wanted = sorted({i["file"] for i in items})
    paths = [args.data / f"{name}.tml" for name in wanted]
    now: dict[tuple[str, int, str], Drawn] = {}
    for drawn in run_pipeline(read_documents(p for p in paths if p.exists())):
        now.setdefault(drawn.key, drawn)
        # A changed reading may widen the trigger ("regretted" -> "regretted decision"):
        # the event is also found by its trigger's first word.
        first = (drawn.document_id, drawn.sentence_start, drawn.trigger.split()[0])
        now.setdefault(first, drawn)
    for split in ("tune", "check", "all"):
        chosen = [i for i in items if split == "all" or i["split"] == split]
        before, after = Score(), Score()
        dropped_right = dropped_wrong = 0
        for item in chosen:
            verdict = judged_verdict(item)
            before.add(*verdict)
            current = find(now, item)
            if current is None:
                if verdict[1]:
                    dropped_right += 1
                else:
                    dropped_wrong += 1
                continue
            after.add(*current_verdict(item, current))
        print(before.line(f"{split}: as judged"))
        print(after.line(f"{split}: now (retained)"))
        print(
            f"{'':28} dropped: {dropped_wrong} wrong-type or non-events, "
            f"{dropped_right} type-correct events (recall loss)"
        )
    if args.verbose:
        for item in items:
            if item["split"] != "tune":
                continue
            current = find(now, item)
            state = "DROPPED" if current is None else current_verdict(item, current)
            print(
                f"{item['document']} {item['trigger']!r} judged {judged_verdict(item)} now {state}"
            )


def main() -> None:
    args = parse_sample_args(
        __doc__.splitlines()[0],
        seed=5,
        judged=DEFAULT_JUDGED,
        score_help="precision of a judged sample, then and now",
        verbose_help="list the tune half's items",
    )
    draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    main()
