"""Watches and their alerts in the store: saved queries and what they caught.

The logic of checking a watch (which records are new, webhooks, feeds) is in
:mod:`sitrep.alerts`; this module only reads and writes the two tables.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from sitrep.errors import E, NotFoundError, SitrepError
from sitrep.store import schema

if TYPE_CHECKING:
    from sitrep.store.store import Store


@dataclass(slots=True)
class Watch:
    id: int
    name: str
    kind: str  # "events" or "deals"
    query: dict[str, Any]
    webhook: str | None
    created_at: datetime
    last_event_id: int = 0
    deal_status: dict[str, str | None] | None = None
    last_checked: datetime | None = None
    last_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("deal_status")  # internal state, not part of the watch's description
        for key in ("created_at", "last_checked"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass(slots=True)
class Alert:
    id: int
    watch_id: int
    key: str
    created_at: datetime
    title: str
    summary: str | None
    document_id: str | None
    record: dict[str, Any]
    webhook_status: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every time we store is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _watch(row: Any) -> Watch:
    m = row._mapping
    return Watch(
        id=m["id"],
        name=m["name"],
        kind=m["kind"],
        query=m["query"],
        webhook=m["webhook"],
        created_at=_aware(m["created_at"]) or datetime.now(UTC),
        last_event_id=m["last_event_id"],
        deal_status=m["deal_status"],
        last_checked=_aware(m["last_checked"]),
        last_error=m["last_error"],
    )


def _alert(row: Any) -> Alert:
    m = dict(row._mapping)
    m["created_at"] = _aware(m["created_at"])
    return Alert(**m)


def max_event_id(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.max(schema.events.c.id))) or 0


def create_watch(
    store: Store,
    *,
    name: str,
    kind: str,
    query: dict[str, Any],
    webhook: str | None,
    deal_status: dict[str, str | None] | None = None,
) -> Watch:
    """A new watch; it alerts on records stored after now (its mark is the newest event)."""
    values = {
        "name": name,
        "kind": kind,
        "query": query,
        "webhook": webhook,
        "created_at": datetime.now(UTC),
        "last_event_id": max_event_id(store),
        "deal_status": deal_status,
    }
    try:
        with store.engine.begin() as connection:
            connection.execute(insert(schema.watches).values(**values))
    except IntegrityError as error:
        raise SitrepError(E.WATCH_EXISTS, name=name) from error
    return get_watch(store, name)


def list_watches(store: Store) -> list[Watch]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(schema.watches).order_by(schema.watches.c.id))
        return [_watch(row) for row in rows]


def get_watch(store: Store, ref: str | int) -> Watch:
    """A watch by id or by name."""
    wt = schema.watches
    condition = wt.c.name == str(ref)
    # ASCII digits only ("²" is a digit to str.isdigit but not to int), and short enough
    # for a database integer
    if isinstance(ref, int) or re.fullmatch(r"[0-9]{1,18}", str(ref)):
        condition = condition | (wt.c.id == int(ref))
    with store.engine.connect() as connection:
        row = connection.execute(select(wt).where(condition).order_by(wt.c.id).limit(1)).first()
    if row is None:
        raise NotFoundError(E.NO_WATCH, watch=str(ref))
    return _watch(row)


def delete_watch(store: Store, ref: str | int) -> Watch:
    watch = get_watch(store, ref)
    with store.engine.begin() as connection:
        connection.execute(
            delete(schema.watch_alerts).where(schema.watch_alerts.c.watch_id == watch.id)
        )
        connection.execute(delete(schema.watches).where(schema.watches.c.id == watch.id))
    return watch


def save_state(
    store: Store,
    watch: Watch,
    *,
    last_event_id: int | None = None,
    deal_status: dict[str, str | None] | None = None,
    error: str | None = None,
) -> None:
    """Remember what a check looked at, so the next one reports only what is newer."""
    values: dict[str, Any] = {"last_checked": datetime.now(UTC), "last_error": error}
    if last_event_id is not None:
        values["last_event_id"] = last_event_id
    if deal_status is not None:
        values["deal_status"] = deal_status
    with store.engine.begin() as connection:
        connection.execute(
            update(schema.watches).where(schema.watches.c.id == watch.id).values(**values)
        )


def add_alerts(store: Store, watch: Watch, alerts: list[dict[str, Any]]) -> list[Alert]:
    """Store new alerts (``key``, ``title``, ``summary``, ``document_id``, ``record``); an
    alert whose key the watch already has is skipped. Returns those stored."""
    wa = schema.watch_alerts
    keys = [a["key"] for a in alerts]
    with store.engine.begin() as connection:
        known = set()
        for i in range(0, len(keys), 500):
            known.update(
                connection.scalars(
                    select(wa.c.key).where(
                        wa.c.watch_id == watch.id, wa.c.key.in_(keys[i : i + 500])
                    )
                )
            )
        fresh = [a for a in {a["key"]: a for a in alerts}.values() if a["key"] not in known]
        if fresh:
            now = datetime.now(UTC)
            connection.execute(
                insert(wa), [{**a, "watch_id": watch.id, "created_at": now} for a in fresh]
            )
    if not fresh:
        return []
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(wa)
            .where(wa.c.watch_id == watch.id, wa.c.key.in_([a["key"] for a in fresh]))
            .order_by(wa.c.id)
        )
        return [_alert(row) for row in rows]


def set_webhook_status(store: Store, alert_ids: list[int], status: str) -> None:
    wa = schema.watch_alerts
    with store.engine.begin() as connection:
        connection.execute(
            update(wa).where(wa.c.id.in_(alert_ids)).values(webhook_status=status[:200])
        )


def watch_alerts(store: Store, watch: Watch, limit: int = 100) -> list[Alert]:
    """A watch's alerts, newest first."""
    wa = schema.watch_alerts
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(wa).where(wa.c.watch_id == watch.id).order_by(wa.c.id.desc()).limit(limit)
        )
        return [_alert(row) for row in rows]
