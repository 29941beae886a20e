"""The web pages. Every page has a ``.json`` twin with the data the page shows."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from sitrep.web import charts, deals, highlight, stories, views
from sitrep.web.api import (
    DEAL_STATUSES,
    Cursor,
    DealStatus,
    Filters,
    Limit,
    Page,
    StoreDep,
    StoryFilters,
    Term,
    atom_response,
    with_next,
)
from sitrep.web.params import DateParam, PeriodName, checked_date, url_with
from sitrep.web.templating import render

router = APIRouter(include_in_schema=False)


# Decorators apply bottom-up: each ``.json`` route sits below its page's so it is registered
# first, before a path parameter of the page could swallow the ".json".


def respond(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
    """The page, or its data as JSON when the path ends in ``.json``."""
    if request.url.path.endswith(".json"):
        return JSONResponse(data)
    path = "/index" if request.url.path == "/" else request.url.path.rstrip("/")
    query = str(request.query_params)
    context = {
        "data": data,
        "params": request.query_params,
        "url_with": url_with,
        "json_url": f"{path}.json" + (f"?{query}" if query else ""),
        **extra,
    }
    return render(request, template, context)


@router.get("/")
@router.get("/index.json")
def home(request: Request, store: StoreDep) -> Response:
    return respond(request, "home.html", views.home_detail(store))


@router.get("/dyad")
def dyad_form(first: Term = None, second: Term = None) -> Response:
    """The home page's dyad form: go to the dyad's page."""
    from urllib.parse import quote

    if not first or not second:
        return RedirectResponse("/", status_code=303)
    return RedirectResponse(f"/dyads/{quote(first, safe='')}/{quote(second, safe='')}", 303)


@router.get("/documents")
@router.get("/documents.json")
@router.get("/search")
@router.get("/search.json")
def documents(
    request: Request,
    store: StoreDep,
    q: Term = None,
    since: DateParam = None,
    until: DateParam = None,
    page: Page = 1,
) -> Response:
    data = views.documents_page(
        store,
        search=q or None,
        since=checked_date("since", since),
        until=checked_date("until", until),
        page=page,
    )
    return respond(request, "documents.html", with_next(request, data))


@router.get("/documents/{doc_id}")
@router.get("/documents/{doc_id}.json")
def document(
    request: Request,
    store: StoreDep,
    doc_id: str,
    event: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    data = views.document_detail(store, doc_id)
    if request.url.path.endswith(".json"):
        return JSONResponse(data)
    from sitrep.store import lookups

    extraction = store.extraction(data["document"]["id"])
    ids = lookups.document_event_ids(store, extraction.document.id)
    pieces = highlight.segments(
        extraction.document.text, highlight.spans_of(extraction, ids, selected=event)
    )
    records: dict[str, Any] = {f"m{i}": m for i, m in enumerate(data["mentions"])}
    records.update({f"t{i}": t for i, t in enumerate(data["time_expressions"])})
    records.update({f"e{e['id']}": e for e in data["events"]})
    selected = next((e for e in data["events"] if e["id"] == event), None)
    return respond(
        request, "document.html", data, segments=pieces, records=records, selected=selected
    )


@router.get("/events")
@router.get("/events.json")
def events(
    request: Request, store: StoreDep, filters: Filters, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    data = with_next(request, views.events_page(store, filters, limit=limit, cursor=cursor))
    return respond(request, "events.html", data)


@router.get("/dyads/{first}/{second}")
@router.get("/dyads/{first}/{second}.json")
def dyad(
    request: Request,
    store: StoreDep,
    first: str,
    second: str,
    filters: Filters,
    period: PeriodName = PeriodName.month,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    data = views.dyad_detail(
        store, first, second, filters, period=period.value, limit=limit, cursor=cursor
    )
    with_next(request, data["events"])
    chart = charts.dyad_chart(data["counts"], data["index"], "/events", data["dyad"])
    return respond(request, "dyad.html", data, chart=chart)


@router.get("/entities")
@router.get("/entities.json")
def entities(
    request: Request,
    store: StoreDep,
    q: Term = None,
    kind: Term = None,
    country: Term = None,
    page: Page = 1,
) -> Response:
    data = views.entities_page(store, search=q, kind=kind, country=country, page=page)
    return respond(request, "entities.html", with_next(request, data))


@router.get("/entities/{entity_id:path}")
@router.get("/entities/{entity_id:path}.json")
def entity(request: Request, store: StoreDep, entity_id: str) -> Response:
    return respond(request, "entity.html", views.entity_detail(store, entity_id))


@router.get("/deals")
@router.get("/deals.json")
def deal_tracker(
    request: Request,
    store: StoreDep,
    supplier: Term = None,
    recipient: Term = None,
    system: Term = None,
    status: DealStatus = None,
) -> Response:
    found = deals.find_deals(
        store, supplier=supplier, recipient=recipient, system=system, status=status or None
    )
    outlets = deals.document_outlets(store, found)
    sipri = deals.sipri_matches(found, request.app.state.sipri)
    data = {
        "items": [deals.deal_summary(d, outlets, sipri[d.id]) for d in found],
        "count": len(found),
    }
    return respond(request, "deals.html", data, statuses=DEAL_STATUSES)


@router.get("/deals/{deal_id}")
@router.get("/deals/{deal_id}.json")
def deal(request: Request, store: StoreDep, deal_id: str) -> Response:
    found = deals.find_deal(store, deal_id)
    outlets = deals.document_outlets(store, [found])
    data = deals.deal_detail(found, outlets, request.app.state.sipri)
    return respond(request, "deal.html", data)


@router.get("/stories")
@router.get("/stories.json")
def story_list(
    request: Request,
    store: StoreDep,
    filters: StoryFilters,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    data = with_next(request, stories.stories_page(store, filters, limit=limit, cursor=cursor))
    return respond(request, "stories.html", data)


@router.get("/stories/{story_id}")
@router.get("/stories/{story_id}.json")
def story(request: Request, store: StoreDep, story_id: str) -> Response:
    return respond(request, "story.html", stories.story_detail(store, story_id))


@router.get("/map")
@router.get("/map.json")
def event_map(request: Request, store: StoreDep, filters: Filters) -> Response:
    data = views.map_detail(store, filters)
    for point in data["points"]:  # the world outline's equirectangular frame (world.svg)
        point["x"], point["y"] = round(point["lon"] + 180, 2), round(90 - point["lat"], 2)
    return respond(request, "map.html", data)


@router.get("/watches")
@router.get("/watches.json")
def watches(request: Request, store: StoreDep) -> Response:
    from sitrep.web.api import list_watches

    return respond(request, "watches.html", list_watches(store))


@router.get("/watches/{ref}/feed.atom")
def watch_feed(request: Request, store: StoreDep, ref: str) -> Response:
    return atom_response(request, store, ref)


@router.get("/watches/{ref}")
@router.get("/watches/{ref}.json")
def watch(request: Request, store: StoreDep, ref: str) -> Response:
    from sitrep.web.api import get_watch

    return respond(request, "watch.html", get_watch(store, ref))


@router.get("/api")
@router.get("/api.json")
def api_index(request: Request) -> Response:
    """The API's endpoints, from its OpenAPI schema (no Swagger UI: it would load a CDN)."""
    schema = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", "")}
        for path, operations in schema["paths"].items()
        for method, op in operations.items()
    ]
    return respond(request, "api.html", {"endpoints": endpoints, "openapi": "/api/openapi.json"})
