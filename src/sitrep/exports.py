"""Exporting stored events: PLOVER JSONL, and a flat (GDELT-style) table as CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sitrep.records import ActorRef, Event
from sitrep.store import StoredEvent

FLAT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "document_id",
    "date",
    "event_type",
    "mode",
    "context",
    "modality",
    "actor_names",
    "actor_countries",
    "actor_sectors",
    "recipient_names",
    "recipient_countries",
    "recipient_sectors",
    "location",
    "time_value",
    "time_source",
    "equipment",
    "amount_value",
    "amount_currency",
    "attribution",
    "quad",
    "intensity",
    "confidence",
    "trigger",
    "sentence",
    "start",
    "end",
)


def event_id(stored: StoredEvent, index: int) -> str:
    """Stable id: document id prefix + the event's character offset + its type."""
    event = stored.event
    return f"{stored.document_id[:16]}-{event.evidence.start}-{event.event_type}-{index}"


def _plover_actor(actor: ActorRef) -> dict[str, Any]:
    return {"actorText": actor.name, "code": actor.country, "sector": actor.sector}


def plover_record(stored: StoredEvent, index: int = 0) -> dict[str, Any]:
    """An event under the PLOVER manual's JSON field names, plus sitrep's extensions."""
    event: Event = stored.event
    return {
        "id": event_id(stored, index),
        "date": stored.date,
        "event": event.event_type,
        "mode": event.mode,
        "context": event.context,
        "modality": event.modality,
        "actor": [_plover_actor(a) for a in event.actor],
        "recipient": [_plover_actor(a) for a in event.recipient],
        "location": event.location,
        "eventText": event.evidence.trigger,
        "text": event.evidence.sentence,
        "language": "en",
        "quad": event.quad,
        "intensity": event.intensity,
        "confidence": event.confidence,
        "attribution": event.attribution,
        "equipment": event.equipment,
        "amount": (
            {"value": event.amount.value, "currency": event.amount.currency}
            if event.amount
            else None
        ),
        "time": (
            {
                "value": event.time.value,
                "earliest": event.time.earliest,
                "latest": event.time.latest,
            }
            if event.time
            else None
        ),
        "storyId": stored.document_id,
        "evidence": {"start": event.evidence.start, "end": event.evidence.end},
    }


def _joined(values: Iterable[Any]) -> str:
    return ";".join(str(v) for v in values if v)


def flat_row(stored: StoredEvent, index: int = 0) -> dict[str, Any]:
    event = stored.event
    return {
        "event_id": event_id(stored, index),
        "document_id": stored.document_id,
        "date": stored.date,
        "event_type": event.event_type,
        "mode": _joined(event.mode),
        "context": _joined(event.context),
        "modality": event.modality,
        "actor_names": _joined(a.name for a in event.actor),
        "actor_countries": _joined(a.country for a in event.actor),
        "actor_sectors": _joined(s for a in event.actor for s in a.sector),
        "recipient_names": _joined(a.name for a in event.recipient),
        "recipient_countries": _joined(a.country for a in event.recipient),
        "recipient_sectors": _joined(s for a in event.recipient for s in a.sector),
        "location": event.location,
        "time_value": event.time.value if event.time else None,
        "time_source": event.time_source,
        "equipment": _joined(event.equipment),
        "amount_value": event.amount.value if event.amount else None,
        "amount_currency": event.amount.currency if event.amount else None,
        "attribution": event.attribution,
        "quad": event.quad,
        "intensity": event.intensity,
        "confidence": event.confidence,
        "trigger": event.evidence.trigger,
        "sentence": event.evidence.sentence,
        "start": event.evidence.start,
        "end": event.evidence.end,
    }


def _rows(events: Iterable[StoredEvent], make: Any) -> Iterator[dict[str, Any]]:
    return (make(stored, i) for i, stored in enumerate(events))


def write_jsonl(events: Iterable[StoredEvent], out: IO[str]) -> int:
    count = 0
    for record in _rows(events, plover_record):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[StoredEvent], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    count = 0
    for row in _rows(events, flat_row):
        writer.writerow(row)
        count += 1
    return count


def write_parquet(events: Iterable[StoredEvent], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(_rows(events, flat_row))
    schema = pa.schema(
        [
            (
                name,
                pa.float64()
                if name in ("amount_value", "intensity", "confidence")
                else pa.int64()
                if name in ("quad", "start", "end")
                else pa.string(),
            )
            for name in FLAT_COLUMNS
        ]
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
    return len(rows)
