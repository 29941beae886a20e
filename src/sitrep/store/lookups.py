"""Reading the store for browsing: entities, a document's event rows, events in batches."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sitrep.records import Entity, from_json_dict
from sitrep.store import schema
from sitrep.store.queries import EventQuery, StoredEvent

if TYPE_CHECKING:
    from sitrep.store.store import Store


@dataclass(slots=True)
class EntityActivity:
    """An entity with where and when it appears."""

    entity: Entity
    mentions: int
    documents: int
    first_seen: str | None  # the earliest document date mentioning it
    last_seen: str | None


def entities(
    store: Store,
    *,
    search: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Entity]:
    """Stored entities by name; ``search`` is part of the name, case-insensitive."""
    en = schema.entities
    statement = select(en.c.record).order_by(en.c.name, en.c.id).limit(limit).offset(offset)
    if search:
        statement = statement.where(en.c.name.icontains(search, autoescape=True))
    if kind:
        statement = statement.where(en.c.kind == kind)
    if country:
        statement = statement.where(en.c.country == country.upper())
    with store.engine.connect() as connection:
        return [from_json_dict(Entity, record) for record in connection.scalars(statement)]


def entity_activity(store: Store, entity_id: str) -> EntityActivity | None:
    """One entity with its mention and document counts and first/last document date."""
    en, mn, docs = schema.entities, schema.mentions, schema.documents
    with store.engine.connect() as connection:
        record = connection.scalar(select(en.c.record).where(en.c.id == entity_id))
        if record is None:
            return None
        mentions, documents, first, last = connection.execute(
            select(
                func.count(),
                func.count(func.distinct(mn.c.document_id)),
                func.min(docs.c.date),
                func.max(docs.c.date),
            )
            .select_from(mn.join(docs, docs.c.id == mn.c.document_id))
            .where(mn.c.entity_id == entity_id)
        ).one()
    return EntityActivity(from_json_dict(Entity, record), mentions, documents, first, last)


def entity_documents(store: Store, entity_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """The documents mentioning an entity, newest first: id, date, title, mentions."""
    mn, docs = schema.mentions, schema.documents
    count = func.count().label("mentions")
    statement = (
        select(docs.c.id, docs.c.date, docs.c.title, count)
        .select_from(mn.join(docs, docs.c.id == mn.c.document_id))
        .where(mn.c.entity_id == entity_id)
        .group_by(docs.c.id, docs.c.date, docs.c.title)
        .order_by(docs.c.date.desc(), docs.c.id)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]


def document_event_ids(store: Store, document_id: str) -> list[int]:
    """A document's event row ids in record order (as :meth:`Store.extraction` lists them)."""
    ev = schema.events
    statement = select(ev.c.id).where(ev.c.document_id == document_id).order_by(ev.c.id)
    with store.engine.connect() as connection:
        return list(connection.scalars(statement))


def iter_events(store: Store, query: EventQuery, batch_size: int = 1000) -> Iterator[StoredEvent]:
    """Every event ``query`` keeps, read in keyset batches (for streaming exports).

    ``query.limit`` caps the total; memory stays at one batch whatever the size.
    """
    remaining = query.limit
    after = query.after
    while remaining is None or remaining > 0:
        size = batch_size if remaining is None else min(batch_size, remaining)
        batch = store.events(dataclasses.replace(query, after=after, limit=size))
        yield from batch
        if len(batch) < size:
            return
        if remaining is not None:
            remaining -= len(batch)
        last = batch[-1]
        after = (last.date, last.id or 0)
