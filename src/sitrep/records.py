"""The record contract: plain, typed data that leaves the NLP layer.

Records never hold spaCy objects, so they pickle cheaply across processes and machines and
serialise to JSON with :func:`to_json_dict`. Every record that states a fact carries its
evidence: character offsets into the document text and, for events and transfers, the
sentence that supports it. Field names follow ``DESIGN.md``; the JSON shape printed by
``sitrep extract`` is :class:`Extraction` turned into a dict (documented in the README).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

EXTRACTION_SCHEMA = "sitrep.extraction/1"

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityKind = Literal[
    "person", "organisation", "country", "place", "equipment", "group", "event", "other"
]

_SPACE_RUN = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Canonical form used for the document id: NFC, one space between words, no edge space.

    Two copies of an article that differ only in line wrapping or Unicode composition get
    the same id, so re-ingesting either is a no-op.
    """
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()


# What no stored text may hold: lone surrogates (a JSON "\ud800", a file name that is not
# UTF-8) cannot be encoded for hashing or storing, and PostgreSQL refuses NUL in text. Each
# becomes U+FFFD, one character for one, so offsets into the text stay valid.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` with lone surrogates and NUL characters replaced by U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text) if _UNSTORABLE.search(text) else text


def document_id(text: str) -> str:
    """Content hash (SHA-256, hex) of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """One dated article, as read from a file, a row or a page."""

    text: str
    date: str  # document creation time, ISO 8601 (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss])
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from: a path, "path:line", "-" for stdin
    language: str = "en"
    id: str = ""

    def __post_init__(self) -> None:
        self.text = storable_text(self.text)
        for name in ("title", "url", "source"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, storable_text(value))
        if not self.id:
            self.id = document_id(self.text)

    @property
    def day(self) -> str:
        """The calendar date part of :attr:`date`."""
        return self.date[:10]


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class TimeExpression:
    """A TIMEX3 time expression normalised against the document date."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str  # TIMEX3 value: 2020-06-22, 2021-12, P3D, PAST_REF, 2020-W25, XXXX-05-09 ...
    earliest: str | None = None  # resolved interval for queries (ISO dates), when known
    latest: str | None = None
    anchor: str = "document"  # "document" (the document date) or "t<N>" (another expression)
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, ON_OR_BEFORE, APPROX, START ...
    id: str = ""  # "t1", "t2" ... in document order


@dataclass(slots=True)
class Entity:
    """A canonical entity: a person, organisation, country, place, equipment ..."""

    id: str  # stable key, e.g. "country:IND", "person:rajnath-singh"
    name: str
    kind: EntityKind
    country: str | None = None  # ISO 3166 alpha-3
    sector: list[str] = field(default_factory=list)  # PLOVER sector codes: GOV, MIL, MED ...
    role: str | None = None  # role held on the document date, e.g. "Defence Minister"
    attributes: dict[str, Any] = field(default_factory=dict)  # category, origin, maker, lat/lon


@dataclass(slots=True)
class Mention:
    """A span of text that refers to an entity (or, before resolution, a named-entity label)."""

    text: str
    start: int
    end: int
    label: str  # spaCy NER label (PERSON, GPE, ORG ...) or our own (EQUIPMENT, MONEY ...)
    entity_id: str | None = None


@dataclass(slots=True)
class Evidence:
    """Where a fact is stated: document, character span, sentence and (for events) trigger."""

    document_id: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    trigger: str | None = None


@dataclass(slots=True)
class ActorRef:
    """An actor or recipient of an event: an entity with its country and sector."""

    entity_id: str | None
    name: str
    country: str | None = None
    sector: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Amount:
    value: float
    currency: str  # ISO 4217
    text: str
    usd: float | None = None


@dataclass(slots=True)
class Event:
    """A PLOVER-compatible event with modality and evidence."""

    event_type: str  # one of the 16 PLOVER types
    evidence: Evidence
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    modality: str = (
        "asserted"  # asserted planned expected requested negated hypothetical historical
    )
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    location: str | None = None
    time: TimeExpression | None = None
    time_source: Literal["expression", "document"] = "document"
    equipment: list[str] = field(default_factory=list)
    amount: Amount | None = None
    attribution: str | None = None
    quad: int | None = None
    intensity: float | None = None
    confidence: float = 1.0
    also_in: list[Evidence] = field(default_factory=list)  # the same event restated elsewhere
    # The PLOVER type of the action a REQUEST, AGREE, THREATEN or REJECT is about ("will
    # provide aid": AGREE to AID; "urged Russia to supply spares": REQUEST of AID).
    intended: str | None = None

    def start_day(self, document_day: str) -> str:
        """The day the event starts (its time's earliest), else ``document_day``.

        One rule for the stored ``events.date`` (what queries filter and sort on) and the
        dates the CLI prints, so the two never disagree.
        """
        return self.time.earliest if self.time and self.time.earliest else document_day


@dataclass(slots=True)
class TransferFact:
    """One sentence merged into a :class:`Transfer` and the fields it supports.

    Added with the transfer stage (issue 6): an article often gives the deal value in one
    sentence and the delay in another; each keeps its own evidence so a reader can check
    which sentence says what.
    """

    evidence: Evidence  # trigger: the cue that made this a transfer fact ("delayed", "deal for")
    fields: list[str] = field(default_factory=list)  # "value", "status", "delivery_due" ...
    status: str | None = None  # the status this sentence states, before merging


@dataclass(slots=True)
class Transfer:
    """An arms-transfer fact: who supplies what to whom, for how much, due when, status."""

    system: str
    evidence: Evidence
    supplier: str | None = None  # ISO 3166 alpha-3
    recipient: str | None = None
    # The company or agency that supplies, where the article names one ("Lockheed Martin");
    # ``supplier`` is then its home country.
    supplier_org: str | None = None
    kind: str = "purchase"  # purchase licensed-production co-development spares lease aid
    quantity: int | None = None
    value: Amount | None = None
    ordered: TimeExpression | None = None
    delivery_due: TimeExpression | None = None
    status: str | None = None  # planned negotiating ordered delivering delivered delayed cancelled
    status_reason: str | None = None
    facts: list[TransferFact] = field(default_factory=list)  # evidence per merged sentence


@dataclass(slots=True)
class Extraction:
    """Everything sitrep found in one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    time_expressions: list[TimeExpression] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The stable JSON shape of ``sitrep extract --format json``."""
        document = to_json_dict(self.document)
        if not include_text:
            document.pop("text")
        return {
            "schema": EXTRACTION_SCHEMA,
            "document": document,
            "sentences": [to_json_dict(s) for s in self.sentences],
            "time_expressions": [to_json_dict(t) for t in self.time_expressions],
            "entities": [to_json_dict(e) for e in self.entities],
            "mentions": [to_json_dict(m) for m in self.mentions],
            "events": [to_json_dict(e) for e in self.events],
            "transfers": [to_json_dict(t) for t in self.transfers],
        }


def to_json_dict(record: Any) -> dict[str, Any]:
    """A record (and the records inside it) as a JSON-ready dict."""
    return dataclasses.asdict(record)


def from_json_dict[R](cls: type[R], data: dict[str, Any]) -> R:
    """Rebuild a record (and the records inside it) from :func:`to_json_dict` output."""
    hints = _type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            values[f.name] = _from_json_value(hints[f.name], data[f.name])
    return cls(**values)


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    """A record class's resolved field types, worked out once (get_type_hints evaluates every
    annotation string each call: it was most of the time spent reading events back)."""
    return get_type_hints(cls)


def _from_json_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        record_types = [a for a in get_args(hint) if dataclasses.is_dataclass(a)]
        return _from_json_value(record_types[0], value) if record_types else value
    if origin is list:
        (item,) = get_args(hint)
        return [_from_json_value(item, v) for v in value]
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_json_dict(hint, value)
    return value
