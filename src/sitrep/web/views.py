"""What each page and API endpoint shows, as plain JSON-ready data.

Each function reads the store through its query layer and returns a dict: the API returns
it as JSON, the page's ``.json`` twin too, and the page's template renders it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sitrep.errors import E, NotFoundError
from sitrep.records import to_json_dict
from sitrep.store import EventQuery, Store, StoredEvent, aggregates, lookups
from sitrep.web.params import decode_cursor, encode_cursor


def event_dict(stored: StoredEvent, story_id: str | None = None) -> dict[str, Any]:
    """An event with its document, its evidence offsets, its story and links to them."""
    doc = stored.document_id
    links = {
        "document": f"/api/documents/{doc}",
        "page": f"/documents/{doc}?event={stored.id}#event-{stored.id}",
    }
    if story_id:
        links["story"] = f"/stories/{story_id}"
    return {
        "id": stored.id,
        "document_id": doc,
        "date": stored.date,
        "title": stored.title,
        **to_json_dict(stored.event),
        "story_id": story_id,
        "links": links,
    }


def event_dicts(store: Store, rows: list[StoredEvent]) -> list[dict[str, Any]]:
    """Events as :func:`event_dict`, their stories looked up in one query."""
    from sitrep.store.stories import story_ids_of_events

    stories = story_ids_of_events(store, [r.id for r in rows if r.id is not None])
    return [event_dict(r, stories.get(r.id or -1)) for r in rows]


def events_page(
    store: Store, query: EventQuery, *, limit: int = 100, cursor: str | None = None
) -> dict[str, Any]:
    """One page of events in (date, id) order, and the cursor of the next page."""
    rows = store.events(
        dataclasses.replace(query, after=decode_cursor(cursor, int), limit=limit + 1)
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "items": event_dicts(store, rows),
        "count": len(rows),
        "next_cursor": encode_cursor(rows[-1].date, rows[-1].id or 0) if more else None,
    }


def document_summary(summary: Any) -> dict[str, Any]:
    return {**dataclasses.asdict(summary), "links": {"page": f"/documents/{summary.id}"}}


def documents_page(
    store: Store,
    *,
    search: str | None,
    since: str | None,
    until: str | None,
    page: int = 1,
    per_page: int = 50,
) -> dict[str, Any]:
    rows = store.documents(
        search=search, since=since, until=until, limit=per_page + 1, offset=(page - 1) * per_page
    )
    return {
        "items": [document_summary(r) for r in rows[:per_page]],
        "count": min(len(rows), per_page),
        "page": page,
        "per_page": per_page,
        "next_page": page + 1 if len(rows) > per_page else None,
        "search": search,
    }


def document_detail(store: Store, doc_id: str) -> dict[str, Any]:
    """A document with every record, each event with its row id and links."""
    extraction = store.extraction(doc_id)
    ids = lookups.document_event_ids(store, extraction.document.id)
    data = extraction.to_dict(include_text=True)
    from sitrep.store.stories import story_ids_of_events

    stories = story_ids_of_events(store, ids)
    data["events"] = [
        {
            **event,
            "id": row_id,
            "date": extraction.events[i].start_day(extraction.document.day),
            "story_id": stories.get(row_id),
            "links": {
                "page": f"/documents/{extraction.document.id}?event={row_id}#event-{row_id}",
                **({"story": f"/stories/{stories[row_id]}"} if row_id in stories else {}),
            },
        }
        for i, (row_id, event) in enumerate(zip(ids, data["events"], strict=False))
    ]
    return data


def dyad_detail(
    store: Store,
    first: str,
    second: str,
    query: EventQuery,
    *,
    period: aggregates.Period = "month",
    limit: int = 100,
    cursor: str | None = None,
) -> dict[str, Any]:
    """Events between two actors: counts per period by quad, the index, and the events."""
    query = dataclasses.replace(query, dyad=(first, second))
    counts = aggregates.event_counts(store, query, period, by="quad")
    index = aggregates.cooperation_index(store, query, period)
    return {
        "dyad": [first, second],
        "period": period,
        "counts": [dataclasses.asdict(c) for c in counts],
        "index": [{**dataclasses.asdict(i), "mean": i.mean} for i in index],
        "totals": aggregates.counts_by(counts),
        "events": events_page(store, query, limit=limit, cursor=cursor),
    }


def counts_detail(
    store: Store, query: EventQuery, period: aggregates.Period, by: str
) -> dict[str, Any]:
    counts = aggregates.event_counts(store, query, period, by="type" if by == "type" else "quad")
    return {"period": period, "by": by, "items": [dataclasses.asdict(c) for c in counts]}


def index_detail(store: Store, query: EventQuery, period: aggregates.Period) -> dict[str, Any]:
    rows = aggregates.cooperation_index(store, query, period)
    return {
        "period": period,
        "modalities": [query.modality] if query.modality else list(aggregates.INDEX_MODALITIES),
        "items": [{**dataclasses.asdict(i), "mean": i.mean} for i in rows],
    }


def entity_detail(store: Store, entity_id: str, *, limit: int = 100) -> dict[str, Any]:
    """An entity: what it is, when it appears, the offices it held, its events each side."""
    activity = lookups.entity_activity(store, entity_id)
    if activity is None:
        raise NotFoundError(E.NO_ENTITY, entity_id=entity_id)
    entity = activity.entity
    as_actor = store.events(EventQuery(actor_entity=entity_id, limit=limit))
    as_recipient = store.events(EventQuery(recipient_entity=entity_id, limit=limit))
    return {
        "entity": to_json_dict(entity),
        "mentions": activity.mentions,
        "documents": activity.documents,
        "first_seen": activity.first_seen,
        "last_seen": activity.last_seen,
        "roles": _roles(entity.name) if entity.kind == "person" else [],
        "recent_documents": lookups.entity_documents(store, entity_id, limit=20),
        "events_as_actor": event_dicts(store, as_actor),
        "events_as_recipient": event_dicts(store, as_recipient),
    }


def _roles(name: str) -> list[dict[str, Any]]:
    """Offices the person held over time, from the roles table the actor stage resolves with."""
    from sitrep.actors.roles import load_role_table

    return [
        {
            "title": spell.title,
            "of": spell.owner,
            "from": spell.start,
            "to": spell.end,
            "sector": spell.sector,
            "source": spell.source,
            # CountryInfo's rows are CC BY-SA 3.0: shown with where they came from.
            "upstream": spell.origin or None,
            "licence": spell.licence or None,
        }
        for spell in load_role_table().spells(name)
    ]


def entities_page(
    store: Store,
    *,
    search: str | None,
    kind: str | None,
    country: str | None,
    page: int = 1,
    per_page: int = 50,
) -> dict[str, Any]:
    rows = lookups.entities(
        store,
        search=search,
        kind=kind,
        country=country,
        limit=per_page + 1,
        offset=(page - 1) * per_page,
    )
    return {
        "items": [
            {**to_json_dict(e), "links": {"page": f"/entities/{e.id}"}} for e in rows[:per_page]
        ],
        "count": min(len(rows), per_page),
        "page": page,
        "per_page": per_page,
        "next_page": page + 1 if len(rows) > per_page else None,
    }


def map_detail(store: Store, query: EventQuery) -> dict[str, Any]:
    """Event locations placed with the gazetteer: a point per known place, the rest listed."""
    from sitrep.actors.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    points, unplaced = [], []
    for name, count in aggregates.event_locations(store, query):
        place = gazetteer.place(name)
        lat, lon, country = (place.lat, place.lon, place.country) if place else (None, None, None)
        if place is None and (state := gazetteer.country(name)) is not None and state.capital:
            lat, lon, country = state.capital.lat, state.capital.lon, state.iso3
        if lat is None or lon is None:
            unplaced.append({"location": name, "events": count})
            continue
        points.append(
            {"location": name, "events": count, "lat": lat, "lon": lon, "country": country}
        )
    return {"points": points, "unplaced": unplaced}


def home_detail(store: Store) -> dict[str, Any]:
    from sqlalchemy import func, select

    from sitrep.store import schema

    with store.engine.connect() as connection:
        counts = {
            name: connection.scalar(select(func.count()).select_from(table)) or 0
            for name, table in (
                ("documents", schema.documents),
                ("events", schema.events),
                ("stories", schema.stories),
                ("entities", schema.entities),
                ("transfers", schema.transfers),
            )
        }
    return {
        "counts": counts,
        "dyads": [
            {"first": a, "second": b, "events": n, "links": {"page": f"/dyads/{a}/{b}"}}
            for a, b, n in aggregates.top_dyads(store, limit=15)
        ],
        "latest": [document_summary(d) for d in store.documents(limit=8)],
    }
