"""Query shapes for reading the store: filters in, typed rows out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from sitrep.records import Event, storable_text
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
    id: int | None = None  # the row id: stable until the document is reprocessed


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
    # Added with the web API (issue 13):
    modes: list[str] = field(default_factory=list)  # PLOVER mode(s), e.g. "visit"
    quads: list[int] = field(default_factory=list)  # 1 verbal coop .. 4 material conflict
    actor_entity: str | None = None  # an entity id on the actor side ("person:rajnath-singh")
    recipient_entity: str | None = None
    text: str | None = None  # part of the evidence sentence ("S-400"), case-insensitive
    source: str | None = None  # part of the document's source (file, feed, outlet)
    document_id: str | None = None
    location: str | None = None  # the event's location name, exactly
    after: tuple[str, int] | None = None  # keyset cursor: events after this (date, id)
    above_id: int | None = None  # events whose row id is above this (watches)
    # Only events between states: the actor placed in a country, and the recipient too
    # when there is one (issue 11: companies and unplaced actors are kept otherwise).
    state_coded: bool = False


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


def party_conditions(
    actor: Callable[[str], ColumnElement[bool]],
    recipient: Callable[[str], ColumnElement[bool]],
    actor_term: str | None,
    recipient_term: str | None,
    country: str | None,
    dyad: tuple[str, str] | None,
) -> list[ColumnElement[bool]]:
    """Conditions on who acts and on whom, shared by event and story queries: ``actor`` and
    ``recipient`` say how one side matches a code or name in their table."""
    conditions: list[ColumnElement[bool]] = []
    if actor_term:
        conditions.append(actor(actor_term))
    if recipient_term:
        conditions.append(recipient(recipient_term))
    if country:
        conditions.append(or_(actor(country), recipient(country)))
    if dyad:
        first, second = dyad
        conditions.append(
            or_(
                actor(first) & recipient(second),
                actor(second) & recipient(first),
                # Reciprocal events ("the two countries signed") list both as actors.
                actor(first) & actor(second),
            )
        )
    return conditions


def event_filters(query: EventQuery) -> list[ColumnElement[bool]]:
    """SQL conditions for ``query`` (all values bound as parameters)."""
    query = _storable(query)
    ev = schema.events
    conditions: list[ColumnElement[bool]] = []
    if query.event_types:
        conditions.append(ev.c.event_type.in_([t.upper() for t in query.event_types]))
    conditions += party_conditions(
        _actor_matches, _recipient_matches, query.actor, query.recipient, query.country, query.dyad
    )
    if query.modality:
        conditions.append(ev.c.modality == query.modality)
    if query.since:
        conditions.append(ev.c.date >= query.since)
    if query.until:
        conditions.append(ev.c.date <= query.until + "\uffff")
    conditions.extend(_web_filters(query))
    return conditions


def _web_filters(query: EventQuery) -> list[ColumnElement[bool]]:
    """The filters the web API added; ``source`` needs the documents table joined."""
    ev, docs = schema.events, schema.documents
    conditions: list[ColumnElement[bool]] = []
    for mode in query.modes:
        # The mode list as JSON text ('["visit", "talks"]'): a quoted name matches one item.
        conditions.append(ev.c.record["mode"].as_string().contains(f'"{mode}"', autoescape=True))
    if query.quads:
        conditions.append(ev.c.quad.in_(query.quads))
    if query.actor_entity:
        conditions.append(ev.c.actor_entities.contains(f";{query.actor_entity};", autoescape=True))
    if query.recipient_entity:
        conditions.append(
            ev.c.recipient_entities.contains(f";{query.recipient_entity};", autoescape=True)
        )
    if query.text:
        sentence = ev.c.record[("evidence", "sentence")].as_string()
        conditions.append(sentence.icontains(query.text, autoescape=True))
    if query.source:
        conditions.append(docs.c.source.icontains(query.source, autoescape=True))
    if query.document_id:
        conditions.append(ev.c.document_id == query.document_id)
    if query.location:
        conditions.append(ev.c.location == query.location)
    if query.state_coded:
        coded = "%;___;%"  # a three-letter code between the list's separators
        conditions.append(ev.c.actor_countries.like(coded))
        no_recipient = ev.c.record["recipient"].as_string() == "[]"
        conditions.append(or_(no_recipient, ev.c.recipient_countries.like(coded)))
    if query.after:
        day, row_id = query.after
        conditions.append(or_(ev.c.date > day, and_(ev.c.date == day, ev.c.id > row_id)))
    if query.above_id is not None:
        conditions.append(ev.c.id > query.above_id)
    return conditions


def _storable(query: EventQuery) -> EventQuery:
    """``query`` with every term as stored text is (no NUL, no lone surrogate): such a
    character can be in no stored value, and PostgreSQL refuses NUL even in a parameter."""
    clean = storable_text
    return replace(
        query,
        event_types=[clean(t) for t in query.event_types],
        actor=clean(query.actor) if query.actor else query.actor,
        recipient=clean(query.recipient) if query.recipient else query.recipient,
        country=clean(query.country) if query.country else query.country,
        dyad=(clean(query.dyad[0]), clean(query.dyad[1])) if query.dyad else None,
        modality=clean(query.modality) if query.modality else query.modality,
        since=clean(query.since) if query.since else query.since,
        until=clean(query.until) if query.until else query.until,
    )
