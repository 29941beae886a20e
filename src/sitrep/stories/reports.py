"""One event as the story linker sees it: a :class:`Report` of what must agree and what is
compared, built from the stored Event and its document's date, URL and source.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from sitrep.records import ActorRef, Event
from sitrep.stories.similarity import Words, content_words

# Modalities that describe the same kind of claim. A report that something happened
# (asserted, or recalled as history) and one that it will happen (planned, expected) are
# different claims, even about one visit: they stay different stories.
MODALITY_FAMILY = {
    "asserted": "happened",
    "historical": "happened",
    "planned": "future",
    "expected": "future",
    "requested": "requested",
    "negated": "negated",
    "hypothetical": "hypothetical",
}
# An explicit time at most this wide dates the event; a wider one ("in 2006", "this year")
# says little about which event it is, and the report is placed by its publication date.
NARROW_DAYS = 31
# A report without a time of its own is about an event of its publication day or the two
# before (datelines, time zones, "a day late").
UNDATED_LAG_DAYS = 2
# Social sites whose first path segment is the account: each account is a source of its own.
SOCIAL_HOSTS = frozenset(
    {"twitter.com", "x.com", "facebook.com", "instagram.com", "t.me", "youtube.com"}
)
# LDC Gigaword / TempEval document names start with the outlet: AFP_ENG_19970401.0006.
_WIRE_NAME = re.compile(r"(?:^|/)([A-Z]{3})_[A-Z]{3}_\d{8}")


@dataclass(slots=True)
class Report:
    """An event with what linking needs; ``key`` is the event's row id in the store."""

    key: int
    document_id: str
    published: date  # the document date
    outlet: str | None  # None: unknown, the document counts as a source of its own
    event_type: str
    family: str
    modes: frozenset[str]
    actors: frozenset[str]  # party keys: country codes, else IGO or person entity ids
    recipients: frozenset[str]
    location: str | None
    location_country: str | None
    interval: tuple[date, date] | None  # an explicit, narrow event time
    vague: bool  # told with a time too wide to date it ("this year"): not news of the day
    start: int  # evidence offset: orders reports of one document
    words: Words = field(repr=False)  # content words of the evidence sentence

    @property
    def parties(self) -> frozenset[str]:
        return self.actors | self.recipients

    @property
    def source(self) -> str:
        """Who reported it, for counting independent sources."""
        return self.outlet or f"document:{self.document_id}"

    def span(self) -> tuple[date, date]:
        """The days the event can be on: its explicit time, else just before publication."""
        if self.interval is not None:
            return self.interval
        return self.published - timedelta(days=UNDATED_LAG_DAYS), self.published


def outlet_of(url: str | None, source: str | None) -> str | None:
    """The publisher: the URL's host (an account on a social site), else the outlet a
    wire-archive file name starts with, else None (unknown)."""
    if url:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
        if host:
            account = parts.path.strip("/").split("/")[0]
            return f"{host}/{account.lower()}" if host in SOCIAL_HOSTS and account else host
    if source and (match := _WIRE_NAME.search(source)):
        return match[1]
    return None


def party_key(actor: ActorRef) -> str | None:
    """A country code; without one, an international organisation or a named person.
    Generic groups ("ministers", "the government") name no party."""
    if actor.country:
        return actor.country
    if actor.entity_id and actor.entity_id.split(":", 1)[0] in ("igo", "person"):
        return actor.entity_id
    return None


def _parties(actors: list[ActorRef]) -> frozenset[str]:
    return frozenset(key for a in actors if (key := party_key(a)))


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_interval(event: Event) -> tuple[date, date] | None:
    """The event's explicit time as days, when it is narrow enough to date the event."""
    if event.time is None or event.time_source != "expression":
        return None
    earliest, latest = _day(event.time.earliest), _day(event.time.latest)
    if earliest is None or latest is None or latest < earliest:
        return None
    return (earliest, latest) if (latest - earliest).days <= NARROW_DAYS else None


@functools.cache
def _gazetteer():  # type: ignore[no-untyped-def]
    from sitrep.actors.gazetteer import load_actor_gazetteer

    # The actors stage's gazetteer (its added files name organisations, not places): an
    # ingest has it loaded already, where the shipped one alone would cost a second load.
    return load_actor_gazetteer()


def place_country(name: str | None) -> str | None:
    """The country a location is in (ISO alpha-3), or that it names."""
    if not name:
        return None
    gazetteer = _gazetteer()
    if (place := gazetteer.place(name)) is not None:
        return place.country  # type: ignore[no-any-return]
    country = gazetteer.country(name)
    return country.iso3 if country is not None else None


@functools.cache
def is_country_name(name: str) -> bool:
    """Whether a place name names a country ("Russia", "the United States")."""
    return _gazetteer().country(name) is not None


def _name_words(actors: list[ActorRef]) -> set[str]:
    return {w.lower() for a in actors for w in re.findall(r"\w+", a.name)}


def build_report(
    key: int,
    event: Event,
    *,
    document_id: str,
    published: str,
    url: str | None = None,
    source: str | None = None,
) -> Report:
    """A Report of a stored event (``published``: the document date, ISO)."""
    day = _day(published)
    if day is None:
        raise ValueError(f"document date {published!r} is not ISO 8601")
    location = event.location.strip() if event.location else None
    return Report(
        key=key,
        document_id=document_id,
        published=day,
        outlet=outlet_of(url, source),
        event_type=event.event_type,
        family=MODALITY_FAMILY.get(event.modality, event.modality),
        modes=frozenset(event.mode),
        actors=_parties(event.actor),
        recipients=_parties(event.recipient),
        location=location,
        location_country=place_country(location),
        interval=event_interval(event),
        vague=event.time is not None and event_interval(event) is None,
        start=event.evidence.start,
        words=content_words(
            event.evidence.sentence, _name_words(event.actor) | _name_words(event.recipient)
        ),
    )
