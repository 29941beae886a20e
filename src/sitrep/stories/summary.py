"""A story from its mentions: counts, sources, the best-supported time and place, conflicts.

Support is counted in independent sources, not reports: an outlet that runs three updates of
one story is one source, so its wording cannot outvote two other outlets. Values the sources
disagree on — two dates for one arrival, two sums for one aid package — are kept side by
side as a :class:`StoryConflict`, never overwritten.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.records import ActorRef, Amount, Event, TimeExpression
from sitrep.stories.reports import event_interval, outlet_of, party_key

# Two amounts within this fraction of each other are one figure told twice ("$250 million",
# "USD 0.25 billion", a conversion at another rate); further apart, the sources disagree.
AMOUNT_TOLERANCE = 0.1


@dataclass(slots=True)
class StoryMention:
    """One report of a story: the event as stored, with its document."""

    event_id: int
    document_id: str
    published: str  # the document date
    title: str | None
    url: str | None
    source: str | None
    event: Event
    score: float | None = None  # how well it matched the story when linked (None: founder)

    @property
    def outlet(self) -> str:
        return outlet_of(self.url, self.source) or f"document:{self.document_id}"

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["outlet"] = outlet_of(self.url, self.source)
        return data


@dataclass(slots=True)
class ReportedValue:
    """A value one report gives, with who said it and where."""

    value: Any
    event_id: int
    document_id: str
    published: str
    sentence: str


@dataclass(slots=True)
class StoryConflict:
    """Reports of one event disagree on ``field`` ("time", "amount"); all are kept."""

    field: str
    reports: list[ReportedValue]


@dataclass(slots=True)
class Story:
    """One real-world event across its reports."""

    id: str
    event_type: str
    modality: str
    mode: list[str]
    actor: list[ActorRef]
    recipient: list[ActorRef]
    location: str | None  # the best-supported place
    time: TimeExpression | None  # the best-supported explicit time, if any report gives one
    date: str  # the event's day: the time's first day, else the first report's date
    first_report: str
    last_report: str
    mentions: int  # reports (events), restatements within one article included
    documents: int
    sources: int  # independent sources: outlets (a document of unknown outlet counts alone)
    outlets: list[str]
    conflicts: list[StoryConflict] = field(default_factory=list)
    quad: int | None = None
    intensity: float | None = None
    sentence: str = ""  # the first report's evidence sentence
    document_id: str = ""  # and its document

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _most_supported[K: Hashable](
    mentions: Sequence[StoryMention], key: Callable[[StoryMention], K | None]
) -> K | None:
    """The value given by the most sources (then by the most reports, then the earliest)."""
    sources: dict[K, set[str]] = defaultdict(set)
    reports: Counter[K] = Counter()
    order: dict[K, int] = {}
    for i, mention in enumerate(mentions):
        value = key(mention)
        if value is None:
            continue
        sources[value].add(mention.outlet)
        reports[value] += 1
        order.setdefault(value, i)
    if not sources:
        return None
    return max(sources, key=lambda v: (len(sources[v]), reports[v], -order[v]))


def _distinct_actors(refs: list[ActorRef]) -> list[ActorRef]:
    seen: dict[tuple[str | None, str], ActorRef] = {}
    for ref in refs:
        seen.setdefault((ref.entity_id, ref.name.casefold()), ref)
    return list(seen.values())


def _time_key(mention: StoryMention) -> tuple[date, date] | None:
    return event_interval(mention.event)


def _reported(mention: StoryMention, value: Any) -> ReportedValue:
    return ReportedValue(
        value,
        mention.event_id,
        mention.document_id,
        mention.published,
        mention.event.evidence.sentence.strip(),
    )


def _time_conflict(mentions: Sequence[StoryMention]) -> StoryConflict | None:
    # Two dates in one article are two moments of the event (arrived Tuesday, met
    # Wednesday); two articles giving days that cannot both be right disagree.
    dated = [(m, i) for m in mentions if (i := _time_key(m)) is not None]
    disjoint = any(
        a[0].document_id != b[0].document_id and (a[1][1] < b[1][0] or b[1][1] < a[1][0])
        for n, a in enumerate(dated)
        for b in dated[n + 1 :]
    )
    if not disjoint:
        return None
    return StoryConflict(
        "time", [_reported(m, m.event.time.value if m.event.time else None) for m, _ in dated]
    )


def _same_amount(a: Amount, b: Amount) -> bool:
    if a.usd and b.usd:
        return abs(a.usd - b.usd) <= AMOUNT_TOLERANCE * max(a.usd, b.usd)
    return a.currency == b.currency and abs(a.value - b.value) <= AMOUNT_TOLERANCE * max(
        abs(a.value), abs(b.value)
    )


def _amount_conflict(mentions: Sequence[StoryMention]) -> StoryConflict | None:
    given = [m for m in mentions if m.event.amount is not None]
    if not any(
        a.document_id != b.document_id and not _same_amount(a.event.amount, b.event.amount)  # type: ignore[arg-type]
        for n, a in enumerate(given)
        for b in given[n + 1 :]
    ):
        return None
    return StoryConflict(
        "amount", [_reported(m, m.event.amount.text if m.event.amount else None) for m in given]
    )


def summarise(story_id: str, mentions: Sequence[StoryMention]) -> Story:
    """The story of ``mentions`` (at least one), oldest report first."""
    ordered = sorted(mentions, key=lambda m: (m.published, m.document_id, m.event.evidence.start))
    first = ordered[0]
    best_interval = _most_supported(ordered, _time_key)
    time = None
    if best_interval is not None:
        time = next(m.event.time for m in ordered if _time_key(m) == best_interval)
    location = _most_supported(ordered, lambda m: m.event.location)
    modality = _most_supported(ordered, lambda m: m.event.modality) or first.event.modality
    outlets = sorted({m.outlet for m in ordered})
    conflicts = [c for c in (_time_conflict(ordered), _amount_conflict(ordered)) if c]
    modes = list(dict.fromkeys(mode for m in ordered for mode in m.event.mode))
    return Story(
        id=story_id,
        event_type=first.event.event_type,
        modality=modality,
        mode=modes,
        actor=_distinct_actors([a for m in ordered for a in m.event.actor]),
        recipient=_distinct_actors([r for m in ordered for r in m.event.recipient]),
        location=location,
        time=time,
        date=best_interval[0].isoformat() if best_interval else first.published[:10],
        first_report=first.published[:10],
        last_report=ordered[-1].published[:10],
        mentions=len(ordered),
        documents=len({m.document_id for m in ordered}),
        sources=len(outlets),
        outlets=[o for o in outlets if not o.startswith("document:")],
        conflicts=conflicts,
        quad=first.event.quad,
        intensity=first.event.intensity,
        sentence=first.event.evidence.sentence.strip(),
        document_id=first.document_id,
    )


def story_parties(story: Story) -> dict[str, list[str]]:
    """Party keys per side (what the linker blocks on), for storing with the story."""
    return {
        "actors": sorted({k for a in story.actor if (k := party_key(a))}),
        "recipients": sorted({k for a in story.recipient if (k := party_key(a))}),
    }
