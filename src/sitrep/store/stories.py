"""Stories in the store: the two tables, read for listings and written by the linker.

What a story is and how reports are linked is in :mod:`sitrep.stories`; this module only
reads and writes ``stories`` and ``story_mentions``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)

from sitrep.errors import E, NotFoundError
from sitrep.records import ActorRef, Event, from_json_dict
from sitrep.store import schema
from sitrep.store.queries import _side_matches, party_conditions
from sitrep.stories.summary import Story, StoryMention

if TYPE_CHECKING:
    from sitrep.store.store import Store

_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit


@dataclass(slots=True)
class StoryQuery:
    """Filters for stories; actor terms as in :class:`~sitrep.store.EventQuery`."""

    event_types: list[str] = field(default_factory=list)
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None  # either side
    dyad: tuple[str, str] | None = None
    modality: str | None = None
    since: str | None = None  # the event's date
    until: str | None = None
    min_sources: int | None = None
    conflicts: bool = False  # only stories whose reports disagree
    text: str | None = None  # part of any report's evidence sentence
    document_id: str | None = None  # stories with a report in this document
    state_coded: bool = False  # only stories between states (as EventQuery.state_coded)
    limit: int | None = 1000
    after: tuple[str, str] | None = None  # keyset cursor: stories after this (date, id)


def _actor(term: str) -> ColumnElement[bool]:
    st = schema.stories
    return _side_matches(st.c.actor_countries, st.c.actor_names, term)


def _recipient(term: str) -> ColumnElement[bool]:
    st = schema.stories
    return _side_matches(st.c.recipient_countries, st.c.recipient_names, term)


def story_filters(query: StoryQuery) -> list[ColumnElement[bool]]:
    """SQL conditions for ``query`` (every value bound as a parameter)."""
    st, sm, ev = schema.stories, schema.story_mentions, schema.events
    conditions: list[ColumnElement[bool]] = []
    if query.event_types:
        conditions.append(st.c.event_type.in_([t.upper() for t in query.event_types]))
    conditions += party_conditions(
        _actor, _recipient, query.actor, query.recipient, query.country, query.dyad
    )
    if query.modality:
        conditions.append(st.c.modality == query.modality)
    if query.since:
        conditions.append(st.c.date >= query.since)
    if query.until:
        conditions.append(st.c.date <= query.until + "\uffff")
    if query.min_sources:
        conditions.append(st.c.sources >= query.min_sources)
    if query.conflicts:
        conditions.append(st.c.conflicts.is_not(None))
    if query.state_coded:
        coded = "%;___;%"  # a three-letter code between the list's separators
        conditions.append(st.c.actor_countries.like(coded))
        no_recipient = st.c.recipient_names.is_(None)
        conditions.append(or_(no_recipient, st.c.recipient_countries.like(coded)))
    mention = select(sm.c.event_id).join(ev, ev.c.id == sm.c.event_id)
    if query.text:
        sentence = ev.c.record[("evidence", "sentence")].as_string()
        conditions.append(
            exists(
                mention.where(
                    sm.c.story_id == st.c.id, sentence.icontains(query.text, autoescape=True)
                )
            )
        )
    if query.document_id:
        conditions.append(
            exists(mention.where(sm.c.story_id == st.c.id, ev.c.document_id == query.document_id))
        )
    if query.after:
        day, story_id = query.after
        conditions.append(or_(st.c.date > day, and_(st.c.date == day, st.c.id > story_id)))
    return conditions


def _story(record: dict[str, Any]) -> Story:
    return from_json_dict(Story, record)


def stories(store: Store, query: StoryQuery | None = None) -> list[Story]:
    """Stories in (date, id) order."""
    query = query or StoryQuery()
    st = schema.stories
    statement = select(st.c.record).where(*story_filters(query)).order_by(st.c.date, st.c.id)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    with store.engine.connect() as connection:
        return [_story(record) for record in connection.scalars(statement)]


def resolve_story_id(store: Store, prefix: str) -> str:
    """The id of the one story whose id starts with ``prefix``."""
    st = schema.stories
    with store.engine.connect() as connection:
        ids = list(connection.scalars(select(st.c.id).where(st.c.id.startswith(prefix)).limit(2)))
        if not prefix or not ids:
            raise NotFoundError(E.NO_STORY, story_id=prefix)
        if len(ids) > 1:
            count = connection.scalar(select(func.count()).where(st.c.id.startswith(prefix)))
            raise NotFoundError(E.AMBIGUOUS_STORY, story_id=prefix, count=count)
    return ids[0]


def story(store: Store, prefix: str) -> Story:
    st = schema.stories
    story_id = resolve_story_id(store, prefix)
    with store.engine.connect() as connection:
        return _story(connection.scalar(select(st.c.record).where(st.c.id == story_id)))


def mentions_of(store: Store, story_ids: Iterable[str]) -> dict[str, list[StoryMention]]:
    """Every report of each story, oldest first."""
    with store.engine.connect() as connection:
        return mentions_in(connection, list(story_ids))


def mentions_in(connection: Connection, story_ids: list[str]) -> dict[str, list[StoryMention]]:
    """As :func:`mentions_of`, inside a transaction."""
    sm, ev, docs = schema.story_mentions, schema.events, schema.documents
    found: dict[str, list[StoryMention]] = defaultdict(list)
    for i in range(0, len(story_ids), _CHUNK):
        statement = (
            select(
                sm.c.story_id,
                sm.c.score,
                ev.c.id,
                ev.c.record,
                docs.c.id.label("document_id"),
                docs.c.date,
                docs.c.title,
                docs.c.url,
                docs.c.source,
            )
            .join(ev, ev.c.id == sm.c.event_id)
            .join(docs, docs.c.id == ev.c.document_id)
            .where(sm.c.story_id.in_(story_ids[i : i + _CHUNK]))
            .order_by(docs.c.date, docs.c.id, ev.c.id)
        )
        for row in connection.execute(statement):
            found[row.story_id].append(
                StoryMention(
                    event_id=row.id,
                    document_id=row.document_id,
                    published=row.date,
                    title=row.title,
                    url=row.url,
                    source=row.source,
                    event=from_json_dict(Event, row.record),
                    score=row.score,
                )
            )
    return found


def story_ids_of_events(store: Store, event_ids: Iterable[int]) -> dict[int, str]:
    """The story of each of these events (events not linked yet are left out)."""
    sm = schema.story_mentions
    ids = list(event_ids)
    found: dict[int, str] = {}
    with store.engine.connect() as connection:
        for i in range(0, len(ids), _CHUNK):
            statement = select(sm.c.event_id, sm.c.story_id).where(
                sm.c.event_id.in_(ids[i : i + _CHUNK])
            )
            found.update({row.event_id: row.story_id for row in connection.execute(statement)})
    return found


@dataclass(slots=True)
class StoryCounts:
    stories: int
    mentions: int  # events in a story
    unlinked: int  # events in none yet (linked at the next ingest or `sitrep link`)
    multi_report: int  # stories with more than one report
    conflicting: int


def counts(store: Store) -> StoryCounts:
    st, sm, ev = schema.stories, schema.story_mentions, schema.events
    with store.engine.connect() as connection:
        events = connection.scalar(select(func.count()).select_from(ev)) or 0
        linked = connection.scalar(select(func.count()).select_from(sm)) or 0
        total = connection.scalar(select(func.count()).select_from(st)) or 0
        multi = connection.scalar(select(func.count()).where(st.c.mentions > 1)) or 0
        conflicting = connection.scalar(select(func.count()).where(st.c.conflicts.is_not(None)))
    return StoryCounts(total, linked, events - linked, multi, conflicting or 0)


# --- what the linker reads and writes ---------------------------------------------------


@dataclass(slots=True)
class EventRow:
    """A stored event with what a Report needs from its document."""

    id: int
    document_id: str
    published: str
    url: str | None
    source: str | None
    event: Event


def unlinked_event_ids(store: Store) -> list[int]:
    """Events in no story yet, in publication order (document date, document, event)."""
    ev, docs, sm = schema.events, schema.documents, schema.story_mentions
    statement = (
        select(ev.c.id)
        .join(docs, docs.c.id == ev.c.document_id)
        .where(~exists(select(sm.c.event_id).where(sm.c.event_id == ev.c.id)))
        .order_by(docs.c.date, ev.c.document_id, ev.c.id)
    )
    with store.engine.connect() as connection:
        return list(connection.scalars(statement))


def event_rows(connection: Connection, event_ids: Sequence[int]) -> list[EventRow]:
    """These events with their documents' date, URL and source, in the order asked."""
    ev, docs = schema.events, schema.documents
    rows: dict[int, EventRow] = {}
    ids = list(event_ids)
    for i in range(0, len(ids), _CHUNK):
        statement = (
            select(ev.c.id, ev.c.record, docs.c.id, docs.c.date, docs.c.url, docs.c.source)
            .join(docs, docs.c.id == ev.c.document_id)
            .where(ev.c.id.in_(ids[i : i + _CHUNK]))
        )
        for event_id, record, document_id, day, url, source in connection.execute(statement):
            rows[event_id] = EventRow(
                event_id, document_id, day, url, source, from_json_dict(Event, record)
            )
    return [rows[i] for i in ids if i in rows]


def stories_in_windows(
    connection: Connection, event_types: Iterable[str], windows: Iterable[tuple[str, str]]
) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, type, linking state) of the stories of these types whose days overlap a window
    (first, last day, ISO)."""
    st = schema.stories
    types = sorted(set(event_types))
    found: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for first, last in windows:
        statement = select(st.c.id, st.c.event_type, st.c.linking).where(
            st.c.event_type.in_(types), st.c.last_day >= first, st.c.first_day <= last
        )
        for row in connection.execute(statement):
            found.setdefault(row.id, (row.id, row.event_type, row.linking))
    return list(found.values())


def _delimited(values: Iterable[str | None]) -> str | None:
    kept = sorted({v for v in values if v})
    return ";" + ";".join(kept) + ";" if kept else None


def story_row(story: Story, linking: dict[str, Any]) -> dict[str, Any]:
    """The stories row of a summarised story and its linker state."""

    def names(refs: list[ActorRef]) -> str | None:
        return _delimited(r.name for r in refs)

    return {
        "id": story.id,
        "event_type": story.event_type,
        "modality": story.modality,
        "actor_countries": _delimited(a.country for a in story.actor),
        "recipient_countries": _delimited(r.country for r in story.recipient),
        "actor_names": names(story.actor),
        "recipient_names": names(story.recipient),
        "location": story.location,
        "date": story.date,
        "first_report": story.first_report,
        "last_report": story.last_report,
        "first_day": linking["days"][0],
        "last_day": linking["days"][1],
        "mentions": story.mentions,
        "documents": story.documents,
        "sources": story.sources,
        "conflicts": _delimited(c.field for c in story.conflicts),
        "quad": story.quad,
        "intensity": story.intensity,
        "record": story.to_dict(),
        "linking": linking,
        "updated_at": datetime.now(UTC),
    }


def write_stories(
    connection: Connection,
    new: Sequence[dict[str, Any]],
    changed: Sequence[dict[str, Any]],
    links: Sequence[tuple[int, str, float | None]],
) -> None:
    """Insert new story rows, replace changed ones, and record (event, story, score) links."""
    st, sm = schema.stories, schema.story_mentions
    if new:
        connection.execute(insert(st), list(new))
    for row in changed:
        values = {k: v for k, v in row.items() if k != "id"}
        connection.execute(update(st).where(st.c.id == row["id"]).values(**values))
    if links:
        connection.execute(
            insert(sm), [{"event_id": e, "story_id": s, "score": score} for e, s, score in links]
        )


def stale_story_ids(store: Store) -> list[str]:
    """Stories whose reports were deleted since they were written (``sitrep reprocess``)."""
    st, sm = schema.stories, schema.story_mentions
    linked = select(func.count()).where(sm.c.story_id == st.c.id).correlate(st).scalar_subquery()
    with store.engine.connect() as connection:
        return list(connection.scalars(select(st.c.id).where(st.c.mentions != linked)))


def delete_stories(connection: Connection, story_ids: Sequence[str]) -> None:
    st = schema.stories
    for i in range(0, len(story_ids), _CHUNK):
        connection.execute(delete(st).where(st.c.id.in_(story_ids[i : i + _CHUNK])))


def delete_all_stories(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.execute(delete(schema.story_mentions))
        connection.execute(delete(schema.stories))
