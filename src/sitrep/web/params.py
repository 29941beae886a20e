"""Query parameters shared by the API and the pages: event filters, periods, cursors."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request
from pydantic import StringConstraints

from sitrep.errors import E, SitrepError
from sitrep.events.lexicon import PLOVER_TYPES
from sitrep.store import EventQuery


class Modality(StrEnum):  # the seven of records.Event.modality
    asserted = "asserted"
    planned = "planned"
    expected = "expected"
    requested = "requested"
    negated = "negated"
    hypothetical = "hypothetical"
    historical = "historical"


class PeriodName(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


MAX_LIMIT = 1000
Term = Annotated[str | None, Query(max_length=200)]
DateParam = Annotated[
    str | None,
    Query(
        max_length=10,
        description="YYYY, YYYY-MM or YYYY-MM-DD",
        examples=["2020-06-23"],
    ),
]


def checked_date(name: str, value: str | None) -> str | None:
    """A YYYY[-MM[-DD]] date that exists, else E301 (a typo must not be silently ignored)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) > 3 or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
            raise ValueError(value)
        date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except ValueError as error:
        raise SitrepError(
            E.BAD_PARAMETER, parameter=name, reason=f"{value!r} is not a date (YYYY-MM-DD)"
        ) from error
    return value


def _choice(values: tuple[str, ...]) -> str:
    """A pattern accepting one of ``values`` or nothing (an empty form field means "any")."""
    return "^(" + "|".join(values) + ")?$"


MODALITIES = tuple(m.value for m in Modality)
TypeParam = Annotated[
    list[Annotated[str, StringConstraints(pattern=_choice(PLOVER_TYPES))]],
    Query(description="PLOVER event type(s): " + ", ".join(PLOVER_TYPES)),
]
QuadParam = Annotated[
    list[Annotated[str, StringConstraints(pattern="^[1-4]?$")]],
    Query(description="1 verbal cooperation … 4 material conflict"),
]
ModalityParam = Annotated[str | None, Query(pattern=_choice(MODALITIES))]


def event_query(
    type: TypeParam = [],  # noqa: B006 - FastAPI reads the default, never mutates it
    actor: Annotated[Term, Query(description="Actor: country code (IND) or part of a name")] = None,
    recipient: Term = None,
    country: Annotated[Term, Query(description="Either side: a country code or name")] = None,
    dyad: Annotated[
        list[str],
        Query(max_length=2, description="Two actors, either direction: dyad=IND&dyad=RUS"),
    ] = [],  # noqa: B006
    mode: Annotated[list[str], Query(description="PLOVER mode(s), e.g. visit")] = [],  # noqa: B006
    modality: ModalityParam = None,
    quad: QuadParam = [],  # noqa: B006
    since: DateParam = None,
    until: DateParam = None,
    text: Annotated[Term, Query(description="Part of the evidence sentence, e.g. S-400")] = None,
    source: Annotated[Term, Query(description="Part of the document's source")] = None,
    location: Term = None,
) -> EventQuery:
    """The event filters of a request, checked; empty values (a form's "any") are ignored."""
    dyad = [d for d in dyad if d]
    if dyad and len(dyad) != 2:
        raise SitrepError(E.BAD_PARAMETER, parameter="dyad", reason="give two actors or none")
    return EventQuery(
        event_types=[t for t in type if t],
        actor=actor or None,
        recipient=recipient or None,
        country=country or None,
        dyad=(dyad[0], dyad[1]) if dyad else None,
        modes=[m for m in mode if m],
        modality=modality or None,
        quads=[int(q) for q in quad if q],
        since=checked_date("since", since),
        until=checked_date("until", until),
        text=text or None,
        source=source or None,
        location=location or None,
        limit=None,
    )


def encode_cursor(day: str, row_id: int | str) -> str:
    """A page's cursor: the date and id of its last row, opaque to clients."""
    return base64.urlsafe_b64encode(json.dumps([day, row_id]).encode()).decode().rstrip("=")


def decode_cursor[Id: (int, str)](cursor: str | None, id_type: type[Id]) -> tuple[str, Id] | None:
    """(date, id) from :func:`encode_cursor`, the id of ``id_type`` (an event's row id, a
    story's id), else E313."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        day, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(day, str) or type(row_id) is not id_type:  # bool is no row id
            raise ValueError(cursor)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as error:
        raise SitrepError(E.BAD_CURSOR, cursor=cursor[:40]) from error
    return day, row_id


def url_with(request: Request, **changes: Any) -> str:
    """This request's URL (path and query) with some parameters replaced (None drops one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, v) for k, v in changes.items() if v is not None]
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")
