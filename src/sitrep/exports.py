"""Exporting stored events: PLOVER JSONL, and a flat (GDELT-style) table as CSV or Parquet.

Two views: mentions (every event as reported, each with the story it belongs to) and
stories (each real-world event once, with its number of reports and sources).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sitrep.records import ActorRef, Event
from sitrep.store import StoredEvent

if TYPE_CHECKING:
    from sitrep.stories import Story, StoryMention

StoryIds = Mapping[int, str]  # event row id -> story id

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
    "story_id",
)


def event_id(stored: StoredEvent, index: int) -> str:
    """Stable id: document id prefix + the event's character offset + its type."""
    event = stored.event
    return f"{stored.document_id[:16]}-{event.evidence.start}-{event.event_type}-{index}"


def _plover_actor(actor: ActorRef) -> dict[str, Any]:
    return {"actorText": actor.name, "code": actor.country, "sector": actor.sector}


def plover_record(
    stored: StoredEvent, index: int = 0, story_id: str | None = None
) -> dict[str, Any]:
    """An event under the PLOVER manual's JSON field names, plus sitrep's extensions.

    PLOVER's ``storyId`` is the article; sitrep's ``story`` is the real-world event the
    article reports, shared by every report of it (``sitrep story ID``)."""
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
        "story": story_id,
        "evidence": {"start": event.evidence.start, "end": event.evidence.end},
    }


def _joined(values: Iterable[Any]) -> str:
    return ";".join(str(v) for v in values if v)


def flat_row(stored: StoredEvent, index: int = 0, story_id: str | None = None) -> dict[str, Any]:
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
        "story_id": story_id,
    }


def _rows(
    events: Iterable[StoredEvent], make: Any, stories: StoryIds | None
) -> Iterator[dict[str, Any]]:
    stories = stories or {}
    return (make(stored, i, stories.get(stored.id or -1)) for i, stored in enumerate(events))


def write_jsonl(
    events: Iterable[StoredEvent], out: IO[str], stories: StoryIds | None = None
) -> int:
    count = 0
    for record in _rows(events, plover_record, stories):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[StoredEvent], out: IO[str], stories: StoryIds | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    count = 0
    for row in _rows(events, flat_row, stories):
        writer.writerow(row)
        count += 1
    return count


_FLOAT_COLUMNS = ("amount_value", "intensity", "confidence")
_INT_COLUMNS = ("quad", "start", "end", "reports", "documents", "sources")


def _parquet(rows: list[dict[str, Any]], columns: Iterable[str], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            (
                name,
                pa.float64()
                if name in _FLOAT_COLUMNS
                else pa.int64()
                if name in _INT_COLUMNS
                else pa.string(),
            )
            for name in columns
        ]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)


def write_parquet(
    events: Iterable[StoredEvent], path: Path, stories: StoryIds | None = None
) -> int:
    return _parquet(list(_rows(events, flat_row, stories)), FLAT_COLUMNS, path)


# --- the stories view ---------------------------------------------------------------------

STORY_COLUMNS: tuple[str, ...] = (
    "story_id",
    "date",
    "event_type",
    "mode",
    "modality",
    "actor_names",
    "actor_countries",
    "recipient_names",
    "recipient_countries",
    "location",
    "time_value",
    "quad",
    "intensity",
    "reports",
    "documents",
    "sources",
    "outlets",
    "first_report",
    "last_report",
    "conflicts",
    "sentence",
    "document_id",
)


def story_flat_row(story: Story) -> dict[str, Any]:
    """One row per story: the event once, with how many reported it."""
    return {
        "story_id": story.id,
        "date": story.date,
        "event_type": story.event_type,
        "mode": _joined(story.mode),
        "modality": story.modality,
        "actor_names": _joined(a.name for a in story.actor),
        "actor_countries": _joined(dict.fromkeys(a.country for a in story.actor)),
        "recipient_names": _joined(a.name for a in story.recipient),
        "recipient_countries": _joined(dict.fromkeys(a.country for a in story.recipient)),
        "location": story.location,
        "time_value": story.time.value if story.time else None,
        "quad": story.quad,
        "intensity": story.intensity,
        "reports": story.mentions,
        "documents": story.documents,
        "sources": story.sources,
        "outlets": _joined(story.outlets),
        "first_report": story.first_report,
        "last_report": story.last_report,
        "conflicts": _joined(c.field for c in story.conflicts),
        "sentence": story.sentence,
        "document_id": story.document_id,
    }


def story_record(story: Story, mentions: list[StoryMention]) -> dict[str, Any]:
    """A story with every report (event id, article, outlet, offsets, sentence)."""
    return {
        **story.to_dict(),
        "reports": [
            {
                "event_id": m.event_id,
                "document_id": m.document_id,
                "published": m.published,
                "outlet": m.to_dict()["outlet"],
                "score": m.score,
                "start": m.event.evidence.start,
                "end": m.event.evidence.end,
                "sentence": m.event.evidence.sentence,
            }
            for m in mentions
        ],
    }


def write_stories_jsonl(stories: Iterable[tuple[Story, list[StoryMention]]], out: IO[str]) -> int:
    count = 0
    for story, mentions in stories:
        out.write(json.dumps(story_record(story, mentions), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_stories_csv(stories: Iterable[Story], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=STORY_COLUMNS)
    writer.writeheader()
    count = 0
    for story in stories:
        writer.writerow(story_flat_row(story))
        count += 1
    return count


def write_stories_parquet(stories: Iterable[Story], path: Path) -> int:
    return _parquet([story_flat_row(s) for s in stories], STORY_COLUMNS, path)
