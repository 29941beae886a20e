"""Restatements: the same event told twice in one article becomes one Event.

Articles repeat their news: the lead says "Singh left for a three-day visit to Moscow", a
quoted post says "Leaving for Moscow on a three day visit". Two events are one when they have
the same type, mode and modality, the same actors (or one has none), compatible recipients
and places, no contradicting times, and name the same thing — the same trigger word or a
shared topic word ("take up the issue of urgent supply" / "ask Russia to supply"). The
merged event keeps the most complete arguments; the other sentences go to ``also_in``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.events.arguments import UNIDENTIFIED_ATTACKERS, ref_key
from sitrep.records import ActorRef, Event


@dataclass(slots=True)
class Candidate:
    """An event with what the merge compares beyond the record: its words."""

    event: Event
    trigger_lemma: str
    topics: frozenset[str] = field(default_factory=frozenset)
    location_country: str | None = None
    own_words: bool = False  # told in the actor's own post or quote, not by a third party
    trigger_indices: frozenset[int] = field(default_factory=frozenset)  # tokens of the trigger


def _keys(refs: list[ActorRef]) -> set[str]:
    return {ref_key(r) for r in refs}


def _identified(refs: list[ActorRef]) -> list[ActorRef]:
    return [r for r in refs if r.entity_id is not None or r.name != UNIDENTIFIED_ATTACKERS]


def _countries(refs: list[ActorRef]) -> set[str]:
    return {r.country for r in refs if r.country}


def _compatible_parties(a: list[ActorRef], b: list[ActorRef]) -> bool:
    if not a or not b:
        return True
    if _keys(a) & _keys(b):
        return True
    ca, cb = _countries(a), _countries(b)
    return bool(ca and cb and ca == cb)


def _compatible_places(a: Candidate, b: Candidate) -> bool:
    la, lb = a.event.location, b.event.location
    if la is None or lb is None or la == lb:
        return True
    # "Moscow" and "Russia": the same place at two scales
    return bool(a.location_country and a.location_country == b.location_country)


def _compatible_times(a: Event, b: Event) -> bool:
    # Two tellings that both date the event must give the same date: "in September 2019"
    # and "in the last couple of years" overlap but need not be the same signing.
    ta, tb = a.time, b.time
    if ta is None or tb is None:
        return True
    return ta.value == tb.value


def same_event(a: Candidate, b: Candidate) -> bool:
    ea, eb = a.event, b.event
    if (ea.event_type, ea.mode, ea.modality) != (eb.event_type, eb.mode, eb.modality):
        return False
    actors_a, actors_b = _identified(ea.actor), _identified(eb.actor)
    if not actors_a or not actors_b or not _compatible_parties(actors_a, actors_b):
        return False
    if not _compatible_parties(ea.recipient, eb.recipient):
        return False
    if not _compatible_places(a, b) or not _compatible_times(ea, eb):
        return False
    return a.trigger_lemma == b.trigger_lemma or bool(a.topics & b.topics)


def _completeness(event: Event) -> tuple[int, int, int, int]:
    return (
        bool(event.recipient),
        event.location is not None,
        event.time_source == "expression",
        len(event.equipment),
    )


def _absorb(keep: Event, other: Event, other_own_words: bool) -> None:
    keep.also_in.append(other.evidence)
    keep.also_in.extend(other.also_in)
    if not keep.recipient:
        keep.recipient = other.recipient
    if keep.location is None:
        keep.location = other.location
    if keep.time is None and other.time is not None:
        keep.time, keep.time_source = other.time, other.time_source
    for name in other.equipment:
        if name not in keep.equipment:
            keep.equipment.append(name)
    if keep.amount is None:
        keep.amount = other.amount
    if keep.attribution is None and not other_own_words:
        # a third party's words ("government sources told ANI") vouch for the merged event;
        # the actor's own post restating the lead is evidence, not the lead's source
        keep.attribution = other.attribution
    for context in other.context:
        if context not in keep.context:
            keep.context.append(context)
    keep.confidence = max(keep.confidence, other.confidence)


def merge_restatements(candidates: list[Candidate]) -> list[Event]:
    """Events in document order, restatements folded into the most complete telling."""
    groups: list[list[Candidate]] = []
    for candidate in candidates:
        for group in groups:
            if all(same_event(candidate, member) for member in group):
                group.append(candidate)
                break
        else:
            groups.append([candidate])
    out: list[Event] = []
    for group in groups:
        # most complete first; among equals, the earliest telling
        ranked = sorted(
            group,
            key=lambda c: (
                tuple(-x for x in _completeness(c.event)),
                c.event.evidence.start,
            ),
        )
        keep = ranked[0].event
        for other in sorted(ranked[1:], key=lambda c: c.event.evidence.start):
            _absorb(keep, other.event, other.own_words)
        keep.also_in.sort(key=lambda e: e.start)
        out.append(keep)
    out.sort(key=lambda e: e.evidence.start)
    return out
