"""The JSON API under /api: the same views as the pages, plus exports, watches and ingest."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from sitrep.store import EventQuery, Store, lookups
from sitrep.store import stories as story_table
from sitrep.web import deals, stories, views
from sitrep.web.params import (
    MAX_LIMIT,
    DateParam,
    PeriodName,
    Term,
    checked_date,
    event_query,
    url_with,
)
from sitrep.web.security import require_token

router = APIRouter(prefix="/api")
Filters = Annotated[EventQuery, Depends(event_query)]
StoryFilters = Annotated[story_table.StoryQuery, Depends(stories.story_query)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Page = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=200)]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of a page")]
DEAL_STATUSES = (
    "planned",
    "negotiating",
    "ordered",
    "delayed",
    "delivering",
    "delivered",
    "cancelled",
)
DealStatus = Annotated[
    str | None, Query(pattern="^(" + "|".join(DEAL_STATUSES) + ")?$", description="current status")
]


def store_of(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(store_of)]


def with_next(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    """Add the URL of the next page (cursor or page number) to a paged result."""
    if data.get("next_cursor"):
        data["next"] = url_with(request, cursor=data["next_cursor"])
    elif data.get("next_page"):
        data["next"] = url_with(request, page=data["next_page"])
    else:
        data["next"] = None
    return data


# -- documents --------------------------------------------------------------------------------
@router.get("/documents", tags=["documents"])
def list_documents(
    request: Request,
    store: StoreDep,
    q: Annotated[Term, Query(description="Full-text search in title and text")] = None,
    since: DateParam = None,
    until: DateParam = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    """Stored documents, newest first, with record counts; ``q`` searches their text."""
    data = views.documents_page(
        store,
        search=q or None,
        since=checked_date("since", since),
        until=checked_date("until", until),
        page=page,
        per_page=per_page,
    )
    return with_next(request, data)


@router.get("/documents/{doc_id}", tags=["documents"])
def get_document(store: StoreDep, doc_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One document (id or unique prefix) with its text and every record."""
    return views.document_detail(store, doc_id)


# -- events -----------------------------------------------------------------------------------
@router.get("/events", tags=["events"])
def list_events(
    request: Request, store: StoreDep, filters: Filters, limit: Limit = 100, cursor: Cursor = None
) -> dict[str, Any]:
    """Events in (date, id) order, each with its document and evidence offsets."""
    return with_next(request, views.events_page(store, filters, limit=limit, cursor=cursor))


@router.get("/events/export", tags=["events"])
def export_events(
    store: StoreDep,
    filters: Filters,
    format: Literal["jsonl", "csv"] = "jsonl",
) -> StreamingResponse:
    """Every event the filters keep, streamed: PLOVER JSONL or the flat CSV table."""
    from sitrep import exports

    events = _with_story_ids(store, lookups.iter_events(store, filters))

    def lines() -> Iterator[str]:
        if format == "jsonl":
            for i, (stored, story) in enumerate(events):
                record = exports.plover_record(stored, i, story)
                yield json.dumps(record, ensure_ascii=False) + "\n"
            return
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=exports.FLAT_COLUMNS)
        writer.writeheader()
        for i, (stored, story) in enumerate(events):
            writer.writerow(exports.flat_row(stored, i, story))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    media = "application/x-ndjson" if format == "jsonl" else "text/csv; charset=utf-8"
    return StreamingResponse(
        lines(),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="events.{format}"'},
    )


def _with_story_ids(
    store: Store, events: Iterator[Any], batch: int = 1000
) -> Iterator[tuple[Any, str | None]]:
    """Each event with the id of its story, looked up a batch at a time."""
    chunk: list[Any] = []

    def flush() -> Iterator[tuple[Any, str | None]]:
        ids = story_table.story_ids_of_events(store, [e.id for e in chunk if e.id is not None])
        yield from ((e, ids.get(e.id)) for e in chunk)
        chunk.clear()

    for event in events:
        chunk.append(event)
        if len(chunk) >= batch:
            yield from flush()
    yield from flush()


# -- stories ----------------------------------------------------------------------------------
@router.get("/stories", tags=["stories"])
def list_stories(
    request: Request,
    store: StoreDep,
    filters: StoryFilters,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Stories: each real-world event once, with its number of reports and sources, first and
    last report, best-supported time and place, and any conflicts between reports."""
    return with_next(request, stories.stories_page(store, filters, limit=limit, cursor=cursor))


@router.get("/stories/export", tags=["stories"])
def export_stories(
    store: StoreDep, filters: StoryFilters, format: Literal["jsonl", "csv"] = "jsonl"
) -> StreamingResponse:
    """Every story the filters keep: JSONL with every report, or one CSV row per story."""
    from sitrep import exports

    found = story_table.stories(store, filters)

    def lines() -> Iterator[str]:
        if format == "csv":
            buffer = io.StringIO()
            exports.write_stories_csv(found, buffer)
            yield buffer.getvalue()
            return
        for i in range(0, len(found), 500):
            part = found[i : i + 500]
            mentions = story_table.mentions_of(store, [s.id for s in part])
            for story in part:
                record = exports.story_record(story, mentions.get(story.id, []))
                yield json.dumps(record, ensure_ascii=False) + "\n"

    media = "application/x-ndjson" if format == "jsonl" else "text/csv; charset=utf-8"
    return StreamingResponse(
        lines(),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="stories.{format}"'},
    )


@router.get("/stories/{story_id}", tags=["stories"])
def get_story(store: StoreDep, story_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One story (id or prefix) with every report: article, outlet, sentence, offsets."""
    return stories.story_detail(store, story_id)


# -- aggregates -------------------------------------------------------------------------------
@router.get("/aggregates/counts", tags=["aggregates"])
def event_counts(
    store: StoreDep,
    filters: Filters,
    period: PeriodName = PeriodName.month,
    by: Literal["quad", "type"] = "quad",
) -> dict[str, Any]:
    """Event counts per day, week, month or year, by quad or by PLOVER type."""
    return views.counts_detail(store, filters, period.value, by)


@router.get("/aggregates/index", tags=["aggregates"])
def cooperation_index(
    store: StoreDep, filters: Filters, period: PeriodName = PeriodName.month
) -> dict[str, Any]:
    """The cooperation–conflict index per period: mean and sum of PLOVER intensities
    (-10 .. +10) of the events reported as having happened (asserted, historical)."""
    return views.index_detail(store, filters, period.value)


@router.get("/dyads/{first}/{second}", tags=["aggregates"])
def dyad(
    request: Request,
    store: StoreDep,
    first: Annotated[str, Path(max_length=200)],
    second: Annotated[str, Path(max_length=200)],
    filters: Filters,
    period: PeriodName = PeriodName.month,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Two actors (either direction): counts per period by quad, the index, the events."""
    data = views.dyad_detail(
        store, first, second, filters, period=period.value, limit=limit, cursor=cursor
    )
    with_next(request, data["events"])
    return data


@router.get("/map", tags=["aggregates"])
def event_map(store: StoreDep, filters: Filters) -> dict[str, Any]:
    """Event locations with coordinates from the gazetteer (and the ones it cannot place)."""
    return views.map_detail(store, filters)


# -- entities ---------------------------------------------------------------------------------
@router.get("/entities", tags=["entities"])
def list_entities(
    request: Request,
    store: StoreDep,
    q: Annotated[Term, Query(description="Part of the name")] = None,
    kind: Annotated[Term, Query(description="person, organisation, country …")] = None,
    country: Annotated[Term, Query(description="ISO 3166 alpha-3")] = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    """Entities by name."""
    data = views.entities_page(
        store, search=q, kind=kind, country=country, page=page, per_page=per_page
    )
    return with_next(request, data)


@router.get("/entities/{entity_id:path}", tags=["entities"])
def get_entity(store: StoreDep, entity_id: str) -> dict[str, Any]:
    """One entity: offices held over time, documents, events as actor and as recipient."""
    return views.entity_detail(store, entity_id)


# -- deals ------------------------------------------------------------------------------------
@router.get("/deals", tags=["deals"])
def list_deals(
    request: Request,
    store: StoreDep,
    supplier: Term = None,
    recipient: Term = None,
    system: Term = None,
    status: DealStatus = None,
) -> dict[str, Any]:
    """Arms deals linked across articles: current status, value, due date and delay."""
    found = deals.find_deals(
        store, supplier=supplier, recipient=recipient, system=system, status=status or None
    )
    outlets = deals.document_outlets(store, found)
    sipri = deals.sipri_matches(found, request.app.state.sipri)
    return {
        "items": [deals.deal_summary(d, outlets, sipri[d.id]) for d in found],
        "count": len(found),
    }


@router.get("/deals/{deal_id}", tags=["deals"])
def get_deal(
    request: Request, store: StoreDep, deal_id: Annotated[str, Path(max_length=64)]
) -> dict[str, Any]:
    """One deal (id or prefix): its dated timeline of reports, any contradictions, and the
    SIPRI register rows that record it (when the server was given a register)."""
    deal = deals.find_deal(store, deal_id)
    outlets = deals.document_outlets(store, [deal])
    return deals.deal_detail(deal, outlets, request.app.state.sipri)


# -- watches ----------------------------------------------------------------------------------
class WatchIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    kind: Literal["events", "deals"] = "events"
    query: dict[str, Any] = Field(
        description="events: actor, recipient, country, dyad, types, modes, quads, modality, "
        "text, source; deals: supplier, recipient, system",
        examples=[{"dyad": ["IND", "RUS"]}],
    )
    webhook: str | None = Field(default=None, max_length=2000)


@router.get("/watches", tags=["watches"])
def list_watches(store: StoreDep) -> dict[str, Any]:
    from sitrep.store.watches import list_watches as all_watches

    items = [
        {**w.to_dict(), "links": {"feed": f"/watches/{w.id}/feed.atom"}} for w in all_watches(store)
    ]
    return {"items": items, "count": len(items)}


@router.post("/watches", tags=["watches"], status_code=201, dependencies=[Depends(require_token)])
def create_watch(store: StoreDep, watch: WatchIn) -> dict[str, Any]:
    """Save a query as a watch (needs the token). It alerts on records stored from now on."""
    from sitrep.alerts import deal_statuses, validate_watch
    from sitrep.store.watches import create_watch as store_watch

    query = validate_watch(watch.kind, watch.query, watch.webhook)
    created = store_watch(
        store,
        name=watch.name,
        kind=watch.kind,
        query=query,
        webhook=watch.webhook,
        deal_status=deal_statuses(store, query) if watch.kind == "deals" else None,
    )
    return {**created.to_dict(), "links": {"feed": f"/watches/{created.id}/feed.atom"}}


@router.get("/watches/{ref}", tags=["watches"])
def get_watch(store: StoreDep, ref: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    """A watch (id or name) with its latest alerts."""
    from sitrep.store.watches import get_watch as one_watch
    from sitrep.store.watches import watch_alerts

    watch = one_watch(store, ref)
    return {
        **watch.to_dict(),
        "alerts": [a.to_dict() for a in watch_alerts(store, watch)],
        "links": {"feed": f"/watches/{watch.id}/feed.atom"},
    }


@router.delete("/watches/{ref}", tags=["watches"], dependencies=[Depends(require_token)])
def delete_watch(store: StoreDep, ref: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    """Delete a watch and its alerts (needs the token)."""
    from sitrep.store.watches import delete_watch as remove

    return {"deleted": remove(store, ref).to_dict()}


@router.get("/watches/{ref}/feed.atom", tags=["watches"], response_class=Response)
def watch_feed(
    request: Request, store: StoreDep, ref: Annotated[str, Path(max_length=100)]
) -> Response:
    """The watch's alerts as an Atom feed."""
    return atom_response(request, store, ref)


def atom_response(request: Request, store: Store, ref: str) -> Response:
    from sitrep.alerts import atom_feed
    from sitrep.store.watches import get_watch as one_watch
    from sitrep.store.watches import watch_alerts

    watch = one_watch(store, ref)
    body = atom_feed(watch, watch_alerts(store, watch), str(request.base_url))
    return Response(body, media_type="application/atom+xml")


# -- ingest -----------------------------------------------------------------------------------
class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000)
    date: str = Field(max_length=40, description="ISO 8601 document date", examples=["2020-06-23"])
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500)


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=500)


_ingest_lock = threading.Lock()  # one pipeline, one ingest at a time


@router.post("/ingest", tags=["ingest"], dependencies=[Depends(require_token)])
def ingest_articles(request: Request, store: StoreDep, body: IngestIn) -> dict[str, Any]:
    """Extract and store articles given as JSON (needs the token); watches then run."""
    from sitrep.ingest import ingest
    from sitrep.readers.fields import document_from_fields, resolve_columns

    columns = resolve_columns(None)
    inputs = [
        document_from_fields(
            article.model_dump(), source=article.source or f"api:{i}", date=None, columns=columns
        )
        for i, article in enumerate(body.articles)
    ]
    with _ingest_lock:
        extractor = request.app.state.extractor()
        summary = ingest(inputs, store, extractor.extract_many, extractor.version)
    return {
        "ingested": summary.ingested,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "errors": summary.errors,
        "documents": [
            {"id": d.id, "source": d.source, "links": {"page": f"/documents/{d.id}"}}
            for d in inputs
            if not isinstance(d, Exception)
        ],
    }
