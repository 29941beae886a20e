"""Aggregates over stored events: counts per period, the cooperation–conflict index, places.

The SQL groups by day (the same on SQLite and PostgreSQL); days are folded into weeks, months
or years here, so one query serves every period without dialect-specific date functions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from sqlalchemy import ColumnElement, case, func, select

from sitrep.store import schema
from sitrep.store.queries import EventQuery, event_filters

if TYPE_CHECKING:
    from sitrep.store.store import Store

Period = Literal["day", "week", "month", "year"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "year")
# Events the index counts unless a query names a modality: those reported as having happened.
# A planned visit, a denied attack or a hypothetical threat is not cooperation or conflict yet.
INDEX_MODALITIES = ("asserted", "historical")


def period_of(day: str, period: Period) -> str:
    """The period a day (YYYY-MM-DD) falls in: 2020-06-23, 2020-W26, 2020-06 or 2020."""
    if period == "day":
        return day[:10]
    if period == "month":
        return day[:7]
    if period == "year":
        return day[:4]
    try:
        year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return day[:7]  # a partial date cannot be placed in a week; its month is honest
    return f"{year}-W{week:02d}"


@dataclass(slots=True)
class PeriodCounts:
    """Events in one period, by quad or type."""

    period: str
    total: int = 0
    by: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class PeriodIndex:
    """The cooperation–conflict index of one period: PLOVER intensities (-10 .. +10)."""

    period: str
    events: int = 0  # events counted (with a score)
    total: float = 0.0  # sum of intensities: net cooperation (+) or conflict (-)
    cooperation: int = 0  # events with a positive score
    conflict: int = 0  # events with a negative score

    @property
    def mean(self) -> float | None:
        """Mean intensity: the index, comparable across periods with more or fewer reports."""
        return round(self.total / self.events, 3) if self.events else None


def _grouped(
    store: Store,
    conditions: list[ColumnElement[bool]],
    keys: list[ColumnElement[object]],
    sums: Sequence[ColumnElement[object]] = (),
) -> list[tuple]:  # type: ignore[type-arg]
    """(day, *keys, events, *sums) for the events meeting ``conditions``, grouped by day."""
    ev, docs = schema.events, schema.documents
    day = func.substr(ev.c.date, 1, 10)
    statement = (
        select(day, *keys, func.count(), *sums)
        .select_from(ev.join(docs, docs.c.id == ev.c.document_id))
        .where(*conditions)
        .group_by(day, *keys)
    )
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(statement)]


def event_counts(
    store: Store, query: EventQuery, period: Period = "month", by: Literal["quad", "type"] = "quad"
) -> list[PeriodCounts]:
    """Event counts per period (oldest first), split by quad (1–4) or PLOVER type."""
    key = schema.events.c.quad if by == "quad" else schema.events.c.event_type
    periods: dict[str, PeriodCounts] = {}
    for day, value, count in _grouped(store, event_filters(query), [key]):
        bucket = periods.setdefault(period_of(day, period), PeriodCounts(period_of(day, period)))
        name = str(value) if value is not None else "none"
        bucket.by[name] = bucket.by.get(name, 0) + count
        bucket.total += count
    return [periods[p] for p in sorted(periods)]


def cooperation_index(
    store: Store, query: EventQuery, period: Period = "month"
) -> list[PeriodIndex]:
    """Per period: the mean and sum of the PLOVER intensities of the events ``query`` keeps.

    Unless the query names a modality, only events reported as having happened count
    (:data:`INDEX_MODALITIES`).
    """
    ev = schema.events
    conditions = event_filters(query)
    if not query.modality:
        conditions.append(ev.c.modality.in_(INDEX_MODALITIES))
    sums = [
        func.sum(ev.c.intensity),
        func.count(ev.c.intensity),
        func.sum(case((ev.c.intensity > 0, 1), else_=0)),
        func.sum(case((ev.c.intensity < 0, 1), else_=0)),
    ]
    periods: dict[str, PeriodIndex] = {}
    for day, _count, total, scored, positive, negative in _grouped(store, conditions, [], sums):
        name = period_of(day, period)
        bucket = periods.setdefault(name, PeriodIndex(name))
        bucket.events += scored
        bucket.total += float(total or 0.0)
        bucket.cooperation += int(positive or 0)
        bucket.conflict += int(negative or 0)
    return [periods[p] for p in sorted(periods)]


def event_locations(store: Store, query: EventQuery, limit: int = 500) -> list[tuple[str, int]]:
    """Where events took place: (location name, events), most events first."""
    ev, docs = schema.events, schema.documents
    count = func.count().label("n")
    statement = (
        select(ev.c.location, count)
        .select_from(ev.join(docs, docs.c.id == ev.c.document_id))
        .where(ev.c.location.is_not(None), *event_filters(query))
        .group_by(ev.c.location)
        .order_by(count.desc(), ev.c.location)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [(row[0], row[1]) for row in connection.execute(statement)]


def top_dyads(store: Store, limit: int = 20) -> list[tuple[str, str, int]]:
    """The country pairs with most events between them (either direction), most first."""
    ev = schema.events
    statement = (
        select(ev.c.actor_countries, ev.c.recipient_countries, func.count())
        .where(ev.c.actor_countries.is_not(None), ev.c.recipient_countries.is_not(None))
        .group_by(ev.c.actor_countries, ev.c.recipient_countries)
    )
    pairs: Counter[tuple[str, str]] = Counter()
    with store.engine.connect() as connection:
        for actors, recipients, count in connection.execute(statement):
            seen: set[tuple[str, str]] = set()
            for a in actors.strip(";").split(";"):
                for r in recipients.strip(";").split(";"):
                    if a != r:
                        seen.add((min(a, r), max(a, r)))
            for pair in seen:
                pairs[pair] += count
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    return [(a, b, n) for (a, b), n in ranked[:limit]]


def counts_by(rows: list[PeriodCounts]) -> dict[str, int]:
    """Totals per key over all periods (for legends)."""
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        for key, value in row.by.items():
            totals[key] += value
    return dict(totals)
