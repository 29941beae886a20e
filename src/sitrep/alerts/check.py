"""After an ingest: find each watch's new matches, store them as alerts, call webhooks."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from typing import Any

from sitrep import __version__
from sitrep.alerts.spec import event_query
from sitrep.store import Store, StoredEvent
from sitrep.store.watches import (
    Alert,
    Watch,
    add_alerts,
    list_watches,
    max_event_id,
    save_state,
    set_webhook_status,
)

WEBHOOK_TIMEOUT_S = 10  # a slow receiver delays the end of an ingest by at most this per watch
Poster = Callable[[str, dict[str, Any]], str]  # (url, payload) -> status text


def post_json(url: str, payload: dict[str, Any]) -> str:
    """POST ``payload`` as JSON; the HTTP status, or raises OSError."""
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json", "User-Agent": f"sitrep/{__version__}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_S) as response:
        return str(response.status)


def _names(actors: list[Any]) -> str:
    return ", ".join(a.name for a in actors) or "?"


def _event_alert(stored: StoredEvent) -> dict[str, Any]:
    from sitrep.exports import plover_record

    event = stored.event
    return {
        "key": f"event:{stored.document_id}:{event.evidence.start}:{event.event_type}",
        "title": f"{event.event_type}: {_names(event.actor)} → {_names(event.recipient)} "
        f"({stored.date})",
        "summary": event.evidence.sentence.strip(),
        "document_id": stored.document_id,
        "record": {**plover_record(stored), "event_row": stored.id},
    }


def deal_statuses(store: Store, query: dict[str, Any]) -> dict[str, Any]:
    """Current deals a deals watch follows, by id: (status, status_date, row) as JSON."""
    from sitrep.transfers.linking import link_deals

    deals = link_deals(store.transfer_facts(**query))
    return {d.id: {"status": d.status, "date": d.status_date, "row": d.to_row()} for d in deals}


def _deal_alerts(before: dict[str, Any], now: dict[str, Any]) -> list[dict[str, Any]]:
    alerts = []
    for deal_id, current in now.items():
        previous = (before.get(deal_id) or {}).get("status")
        if deal_id in before and previous == current["status"]:
            continue
        row = current["row"]
        change = f"{previous or 'new'} → {current['status'] or 'unknown'}"
        alerts.append(
            {
                "key": f"deal:{deal_id}:{current['status']}:{current['date']}",
                "title": f"{row['system']} {row['supplier'] or '?'} → {row['recipient'] or '?'}: "
                f"{change}",
                "summary": f"status {current['status'] or 'unknown'} as of {current['date']}"
                + (f" ({row['status_reason']})" if row.get("status_reason") else ""),
                "document_id": None,
                "record": {**row, "previous_status": previous},
            }
        )
    return alerts


def _check(store: Store, watch: Watch) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    if watch.kind == "deals":
        now = deal_statuses(store, watch.query)
        return _deal_alerts(watch.deal_status or {}, now), {"deal_status": now}
    mark = max_event_id(store)  # read first: rows added meanwhile are looked at next time
    query = event_query(watch.query)
    query.above_id = watch.last_event_id
    events = [e for e in store.events(query) if (e.id or 0) <= mark]
    return [_event_alert(e) for e in events], {"last_event_id": mark}


def check_watches(store: Store, *, post: Poster = post_json) -> list[tuple[Watch, list[Alert]]]:
    """Run every watch against what is stored now; returns the new alerts of each.

    A webhook that fails does not fail the ingest: its error is kept on the watch (shown by
    ``sitrep watch list``) and on the alerts, which stay in the Atom feed.
    """
    results = []
    for watch in list_watches(store):
        candidates, state = _check(store, watch)
        alerts = add_alerts(store, watch, candidates)
        error = None
        if alerts and watch.webhook:
            payload = {"watch": watch.to_dict(), "alerts": [a.to_dict() for a in alerts]}
            try:
                status = post(watch.webhook, payload)
            except (OSError, ValueError) as failure:  # URLError, timeouts, refused connections
                status = error = f"failed: {failure}"
            set_webhook_status(store, [a.id for a in alerts], status)
        save_state(store, watch, error=error, **state)
        results.append((watch, alerts))
    return results
