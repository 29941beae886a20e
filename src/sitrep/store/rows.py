"""Records as table rows: the one mapping used by the store and by batch Parquet shards.

Each record table keeps the columns people filter on plus the whole record as JSON
(``record``), so the store (``store.py``) and the shards a batch job writes
(``sitrep.batch``) hold the same rows, and loading shards equals ingesting directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sitrep.records import (
    Document,
    Event,
    Extraction,
    Mention,
    TimeExpression,
    Transfer,
    to_json_dict,
)


def document_from_row(row: Any) -> Document:
    return Document(
        text=row["text"],
        date=row["date"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        language=row["language"],
        id=row["id"],
    )


def record_counts(extraction: Extraction, processed_with: str) -> dict[str, Any]:
    """The documents row's provenance and record counts (written with the records)."""
    return {
        "processed_with": processed_with,
        "n_time_expressions": len(extraction.time_expressions),
        "n_mentions": len(extraction.mentions),
        "n_events": len(extraction.events),
        "n_transfers": len(extraction.transfers),
    }


def document_row(document: Document, now: datetime, counts: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": document.id,
        "date": document.date,
        "title": document.title,
        "url": document.url,
        "source": document.source,
        "language": document.language,
        "text": document.text,
        "ingested_at": now,
        **counts,
    }


def timex_row(doc_id: str, t: TimeExpression) -> dict[str, Any]:
    return {
        "document_id": doc_id,
        "start_char": t.start,
        "end_char": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "earliest": t.earliest,
        "latest": t.latest,
        "record": to_json_dict(t),
    }


def mention_row(doc_id: str, m: Mention) -> dict[str, Any]:
    return {
        "document_id": doc_id,
        "start_char": m.start,
        "end_char": m.end,
        "text": m.text,
        "label": m.label,
        "entity_id": m.entity_id,
    }


def _delimited(values: Iterable[str | None]) -> str | None:
    kept = sorted({v for v in values if v})
    return ";" + ";".join(kept) + ";" if kept else None


def event_row(document: Document, e: Event) -> dict[str, Any]:
    return {
        "document_id": document.id,
        "event_type": e.event_type,
        "modality": e.modality,
        "actor_countries": _delimited(a.country for a in e.actor),
        "recipient_countries": _delimited(a.country for a in e.recipient),
        "actor_names": _delimited(a.name for a in e.actor),
        "recipient_names": _delimited(a.name for a in e.recipient),
        "location": e.location,
        "date": e.start_day(document.day),
        "quad": e.quad,
        "confidence": e.confidence,
        "record": to_json_dict(e),
        "actor_entities": _delimited(a.entity_id for a in e.actor),
        "recipient_entities": _delimited(a.entity_id for a in e.recipient),
        "intensity": e.intensity,
    }


def transfer_row(doc_id: str, t: Transfer) -> dict[str, Any]:
    return {
        "document_id": doc_id,
        "supplier": t.supplier,
        "recipient": t.recipient,
        "system": t.system,
        "kind": t.kind,
        "status": t.status,
        "record": to_json_dict(t),
    }
