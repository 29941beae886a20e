"""What a watch may ask: its kind, its filters, its webhook; checked before it is stored."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sitrep.errors import E, SitrepError
from sitrep.store import EventQuery

WATCH_KINDS = ("events", "deals")
# Filters per kind, with the type each takes (the API's and the CLI's names).
EVENT_FILTERS: dict[str, type] = {
    "actor": str,
    "recipient": str,
    "country": str,
    "dyad": list,  # two actor terms
    "types": list,  # PLOVER event types
    "modes": list,
    "quads": list,
    "modality": str,
    "text": str,  # part of the evidence sentence: "S-400"
    "source": str,
}
DEAL_FILTERS: dict[str, type] = {"supplier": str, "recipient": str, "system": str}


def _bad(reason: str) -> SitrepError:
    return SitrepError(E.BAD_WATCH, reason=reason)


def validate_watch(kind: str, query: dict[str, Any], webhook: str | None) -> dict[str, Any]:
    """The watch's filters, checked and without empty values; raises E310 when wrong."""
    if kind not in WATCH_KINDS:
        raise _bad(f"kind must be one of {', '.join(WATCH_KINDS)}, not {kind!r}")
    allowed = EVENT_FILTERS if kind == "events" else DEAL_FILTERS
    cleaned: dict[str, Any] = {}
    for key, value in query.items():
        if key not in allowed:
            raise _bad(f"unknown filter {key!r} for {kind}; use {', '.join(allowed)}")
        if value in (None, "", []):
            continue
        if not isinstance(value, allowed[key]):
            raise _bad(f"{key} must be a {allowed[key].__name__}")
        if isinstance(value, list) and not all(isinstance(v, str | int) for v in value):
            raise _bad(f"{key} must list plain values")
        cleaned[key] = value
    if "dyad" in cleaned and len(cleaned["dyad"]) != 2:
        raise _bad("dyad takes exactly two actors, e.g. ['IND', 'RUS']")
    if "quads" in cleaned and not all(q in (1, 2, 3, 4) for q in cleaned["quads"]):
        raise _bad("quads are 1, 2, 3 or 4")
    if not cleaned:
        raise _bad("give at least one filter (a watch on everything would alert on every record)")
    if webhook is not None:
        parts = urlsplit(webhook)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise _bad(f"webhook must be an http(s) URL, not {webhook!r}")
    return cleaned


def event_query(query: dict[str, Any]) -> EventQuery:
    """The EventQuery an events watch's filters mean."""
    dyad = query.get("dyad")
    return EventQuery(
        event_types=[str(t) for t in query.get("types", [])],
        actor=query.get("actor"),
        recipient=query.get("recipient"),
        country=query.get("country"),
        dyad=(str(dyad[0]), str(dyad[1])) if dyad else None,
        modality=query.get("modality"),
        modes=[str(m) for m in query.get("modes", [])],
        quads=[int(q) for q in query.get("quads", [])],
        text=query.get("text"),
        source=query.get("source"),
        limit=None,
    )
