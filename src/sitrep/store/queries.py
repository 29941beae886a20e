"""Query shapes for reading the store: filters in, typed rows out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, or_

from sitrep.records import Event
from sitrep.store import schema


@dataclass(slots=True)
class DocumentSummary:
    id: str
    date: str
    title: str | None
    source: str | None
    n_time_expressions: int
    n_mentions: int
    n_events: int
    n_transfers: int


@dataclass(slots=True)
class StoredEvent:
    """An event with the document it came from."""

    document_id: str
    date: str  # the event's date (its time's earliest day, else the document date)
    title: str | None
    event: Event


@dataclass(slots=True)
class EventQuery:
    """Filters for events. Actor terms match a country code (``IND``) or part of a name.

    ``dyad`` (two terms) keeps events between them in either direction, for timelines.
    """

    event_types: list[str] = field(default_factory=list)
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None  # either side
    dyad: tuple[str, str] | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = 1000


def _side_matches(countries: Any, names: Any, term: str) -> ColumnElement[bool]:
    """A country code ("IND") matches exactly, within ';IND;RUS;'. Any other term matches
    actors whose name contains it ("Singh") or in the country it names ("India", "U.S.";
    else the term upper-cased, so "ind" is IND)."""
    if len(term) == 3 and term.isalpha() and term.isupper():
        # Not also by name: "IND" is no part of "Indonesia" (SQLite's LIKE ignores case).
        return countries.contains(f";{term};", autoescape=True)
    from sitrep.actors.gazetteer import load_gazetteer  # loaded once per process, cached

    country = load_gazetteer().country(term.strip())
    code = country.iso3 if country else term.upper()
    return names.contains(term, autoescape=True) | countries.contains(f";{code};", autoescape=True)


def _actor_matches(term: str) -> ColumnElement[bool]:
    ev = schema.events
    return _side_matches(ev.c.actor_countries, ev.c.actor_names, term)


def _recipient_matches(term: str) -> ColumnElement[bool]:
    ev = schema.events
    return _side_matches(ev.c.recipient_countries, ev.c.recipient_names, term)


def event_filters(query: EventQuery) -> list[ColumnElement[bool]]:
    """SQL conditions for ``query`` (all values bound as parameters)."""
    ev = schema.events
    conditions: list[ColumnElement[bool]] = []
    if query.event_types:
        conditions.append(ev.c.event_type.in_([t.upper() for t in query.event_types]))
    if query.actor:
        conditions.append(_actor_matches(query.actor))
    if query.recipient:
        conditions.append(_recipient_matches(query.recipient))
    if query.country:
        conditions.append(or_(_actor_matches(query.country), _recipient_matches(query.country)))
    if query.dyad:
        first, second = query.dyad
        conditions.append(
            or_(
                _actor_matches(first) & _recipient_matches(second),
                _actor_matches(second) & _recipient_matches(first),
                # Reciprocal events ("the two countries signed") list both as actors.
                _actor_matches(first) & _actor_matches(second),
            )
        )
    if query.modality:
        conditions.append(ev.c.modality == query.modality)
    if query.since:
        conditions.append(ev.c.date >= query.since)
    if query.until:
        conditions.append(ev.c.date <= query.until + "\uffff")
    return conditions
