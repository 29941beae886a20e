"""What the story pages and endpoints show: stories (each event once) and their reports."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import Query

from sitrep.errors import E, SitrepError
from sitrep.store import Store
from sitrep.store import stories as table
from sitrep.stories import Story
from sitrep.web.params import (
    DateParam,
    ModalityParam,
    Term,
    TypeParam,
    checked_date,
    decode_cursor,
    encode_cursor,
)


def story_query(
    type: TypeParam = [],  # noqa: B006 - FastAPI reads the default, it never mutates it
    actor: Annotated[Term, Query(description="Actor: country code (IND) or part of a name")] = None,
    recipient: Term = None,
    country: Annotated[Term, Query(description="Either side: a country code or name")] = None,
    dyad: Annotated[
        list[str],
        Query(max_length=2, description="Two actors, either direction: dyad=IND&dyad=RUS"),
    ] = [],  # noqa: B006
    modality: ModalityParam = None,
    since: DateParam = None,
    until: DateParam = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=10_000, description="Told by at least this many sources")
    ] = None,
    conflicts: Annotated[bool, Query(description="Only stories whose reports disagree")] = False,
    text: Annotated[Term, Query(description="Part of any report's sentence, e.g. S-400")] = None,
) -> table.StoryQuery:
    """The story filters of a request, checked; empty values (a form's "any") are ignored."""
    dyad = [d for d in dyad if d]
    if dyad and len(dyad) != 2:
        raise SitrepError(E.BAD_PARAMETER, parameter="dyad", reason="give two actors or none")
    return table.StoryQuery(
        event_types=[t for t in type if t],
        actor=actor or None,
        recipient=recipient or None,
        country=country or None,
        dyad=(dyad[0], dyad[1]) if dyad else None,
        modality=modality or None,
        since=checked_date("since", since),
        until=checked_date("until", until),
        min_sources=min_sources,
        conflicts=conflicts,
        text=text or None,
        limit=None,
    )


def story_summary(story: Story) -> dict[str, Any]:
    data = story.to_dict()
    data["conflicting"] = [c.field for c in story.conflicts]
    data["links"] = {"page": f"/stories/{story.id}", "api": f"/api/stories/{story.id}"}
    return data


def stories_page(
    store: Store, query: table.StoryQuery, *, limit: int = 100, cursor: str | None = None
) -> dict[str, Any]:
    """One page of stories in (date, id) order, the cursor of the next, and the counts."""
    rows = table.stories(
        store, dataclasses.replace(query, after=decode_cursor(cursor, str), limit=limit + 1)
    )
    more = len(rows) > limit
    rows = rows[:limit]
    counts = table.counts(store)
    return {
        "items": [story_summary(s) for s in rows],
        "count": len(rows),
        "next_cursor": encode_cursor(rows[-1].date, rows[-1].id) if more else None,
        "totals": dataclasses.asdict(counts),
    }


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """A story with every report: its article, outlet, sentence and offsets."""
    story = table.story(store, story_id)
    mentions = table.mentions_of(store, [story.id]).get(story.id, [])
    data = story_summary(story)
    data["reports"] = [
        {
            **m.to_dict(),
            "links": {
                "document": f"/api/documents/{m.document_id}",
                "page": f"/documents/{m.document_id}?event={m.event_id}#event-{m.event_id}",
            },
        }
        for m in mentions
    ]
    return data
