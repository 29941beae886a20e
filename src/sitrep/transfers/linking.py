"""Across articles: join the transfers that refer to one deal, and follow its status over time.

Transfers are the same deal when supplier, recipient, system (canonical name) and kind agree
and their order dates, where both are known, are compatible (India's 2018 S-400 order and a
hypothetical 2025 follow-on order are two deals). A deal keeps every dated fact in its
timeline. Its current status is the latest well-supported one: the status reported on the
latest date (by most documents when that day's reports disagree), unless it is only a
restatement of an earlier stage ("India ordered the S-400 in 2018", written after the first
deliveries). Values that disagree — two delivery dates, two prices — are kept side by side as
a :class:`Contradiction`, never overwritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.records import Amount, Evidence, TimeExpression, Transfer
from sitrep.time.intervals import value_interval
from sitrep.transfers.cues import CueLexicon, load_cues

# Two order dates further apart than this are two deals (follow-on orders of the same system
# by the same buyer come years apart; reports of one signing differ by months at most).
ORDER_TOLERANCE_DAYS = 400
# Two different values reported within this many days of each other contradict each other
# (two outlets disagree); further apart, the later one is read as a revision of the earlier.
CONCURRENT_DAYS = 31
# Two values in US dollars within this fraction of each other are the same price: conversion
# at a yearly average rate and rounding ("$5.4 billion" vs "$5.43 billion") stay below it.
VALUE_TOLERANCE = 0.1

Fact = tuple[str, str, Transfer]  # (document id, document date, transfer)
_Key = tuple[str | None, str | None, str, str]  # (supplier, recipient, system, kind)


@dataclass(slots=True)
class DealFact:
    """One article's report on a deal: its date, what it says, and the sentences that say it."""

    document_id: str
    date: str  # the document date (YYYY-MM-DD)
    status: str | None
    delivery_due: str | None  # TIMEX3 value, e.g. "2021-12"
    ordered: str | None
    value: Amount | None
    quantity: int | None
    status_reason: str | None
    sentence: str  # the main evidence sentence
    evidence: list[Evidence] = field(default_factory=list)  # every sentence, with offsets

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class ReportedValue:
    """One of the values a contradiction puts side by side, with who said it when."""

    value: Any
    document_id: str
    date: str
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Contradiction:
    """Articles disagree on a field of a deal; every reported value is kept."""

    field: str  # delivery_due, value, quantity, ordered
    reports: list[ReportedValue]
    # "conflict": different values reported within CONCURRENT_DAYS (sources disagree);
    # "revision": the value changed over time (a new schedule after a delay).
    kind: str = "conflict"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Deal:
    """An arms deal followed across articles."""

    id: str
    supplier: str | None
    recipient: str | None
    system: str
    kind: str
    status: str | None = None  # current status: the latest well-supported dated fact
    status_date: str | None = None  # the date of the report that gives it
    status_reason: str | None = None
    value: Amount | None = None
    quantity: int | None = None
    ordered: str | None = None
    delivery_due: str | None = None  # as last reported; earlier values in contradictions
    timeline: list[DealFact] = field(default_factory=list)  # oldest first
    contradictions: list[Contradiction] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(f.document_id for f in self.timeline))

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["documents"] = self.documents
        return data

    def to_row(self) -> dict[str, Any]:
        """One flat row for a table or CSV listing of deals (the timeline left out)."""
        return {
            "id": self.id,
            "supplier": self.supplier,
            "recipient": self.recipient,
            "system": self.system,
            "kind": self.kind,
            "status": self.status,
            "status_date": self.status_date,
            "status_reason": self.status_reason,
            "value": self.value.text if self.value else None,
            "value_usd": self.value.usd if self.value else None,
            "quantity": self.quantity,
            "ordered": self.ordered,
            "delivery_due": self.delivery_due,
            "reports": len(self.timeline),
            "contradictions": ", ".join(c.field for c in self.contradictions) or None,
        }


def deal_id(
    supplier: str | None, recipient: str | None, system: str, kind: str, extra: str = ""
) -> str:
    """Stable id: the first 12 hex digits of SHA-256 over supplier|recipient|system|kind."""
    key = "|".join([supplier or "?", recipient or "?", system.casefold(), kind, extra]).rstrip("|")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


# -- grouping -------------------------------------------------------------------------------
def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _interval(time: TimeExpression | None) -> tuple[date, date] | None:
    """A time expression as a day interval (from its resolved bounds or its value)."""
    if time is None:
        return None
    earliest, latest = _day(time.earliest), _day(time.latest)
    # An open start ("by December 2021") is closed by the calendar period the value names.
    if earliest is None and (span := value_interval(time.value)) is not None:
        earliest, latest = span[0], latest or span[1]
    if earliest is None or latest is None:
        return None
    return earliest, latest


def _orders_compatible(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    first, second = _interval(a), _interval(b)
    if first is None or second is None:
        return True
    gap = max((second[0] - first[1]).days, (first[0] - second[1]).days, 0)
    return gap <= ORDER_TOLERANCE_DAYS


@dataclass
class _Group:
    key: _Key
    facts: list[Fact] = field(default_factory=list)

    def ordered(self) -> TimeExpression | None:
        return next((t.ordered for _, _, t in self.facts if t.ordered is not None), None)

    def identity(self) -> _Key:
        """The deal's parties as its facts name them (the first that names each), system and
        kind as first reported."""
        transfers = [t for _, _, t in self.facts]
        return (
            next((t.supplier for t in transfers if t.supplier), None),
            next((t.recipient for t in transfers if t.recipient), None),
            transfers[0].system,
            transfers[0].kind,
        )


def _key(transfer: Transfer) -> _Key:
    return (transfer.supplier, transfer.recipient, transfer.system.casefold(), transfer.kind)


def _matches(partial: _Key, full: _Key) -> bool:
    return all(p is None or p == f for p, f in zip(partial, full, strict=True))


def _group(facts: list[Fact]) -> list[_Group]:
    """Facts of one deal together; a fact missing supplier or recipient joins the one deal
    that agrees on everything it does say, or stands alone."""
    complete = [f for f in facts if f[2].supplier and f[2].recipient]
    partial = [f for f in facts if not (f[2].supplier and f[2].recipient)]
    groups: list[_Group] = []
    for fact in sorted(complete, key=lambda f: (f[1], f[0])) + sorted(
        partial, key=lambda f: (f[1], f[0])
    ):
        transfer = fact[2]
        key = _key(transfer)
        candidates = [
            g
            for g in groups
            if _matches(key, g.key) and _orders_compatible(g.ordered(), transfer.ordered)
        ]
        exact = [g for g in candidates if g.key == key]
        if exact:
            exact[0].facts.append(fact)
        elif len(candidates) == 1:
            candidates[0].facts.append(fact)
        else:  # no deal, or several it could belong to: keep it apart rather than guess
            groups.append(_Group(key, [fact]))
    return groups


# -- one deal --------------------------------------------------------------------------------
def _timeline_entry(document_id: str, day: str, transfer: Transfer) -> DealFact:
    evidence = [f.evidence for f in transfer.facts] or [transfer.evidence]
    return DealFact(
        document_id=document_id,
        date=day[:10],
        status=transfer.status,
        delivery_due=transfer.delivery_due.value if transfer.delivery_due else None,
        ordered=transfer.ordered.value if transfer.ordered else None,
        value=transfer.value,
        quantity=transfer.quantity,
        status_reason=transfer.status_reason,
        sentence=transfer.evidence.sentence,
        evidence=evidence,
    )


def _current_status(timeline: list[DealFact], lexicon: CueLexicon) -> DealFact | None:
    """The latest well-supported status report.

    Reports are taken day by day, oldest first. On one day the status most documents give
    wins (then the one further along). A later report replaces the current status unless it
    names an earlier stage of the deal's life, which later articles do when they recall
    history ("the deal, signed in 2018, ...").
    """
    current: DealFact | None = None
    days = sorted({f.date for f in timeline if f.status})
    for day in days:
        reports = [f for f in timeline if f.date == day and f.status]
        counts = Counter(f.status for f in reports)
        best = max(counts, key=lambda s: (counts[s], lexicon.rank(s)))
        report = next(f for f in reports if f.status == best)
        if current is None or lexicon.rank(best) >= lexicon.rank(current.status):
            current = report
    return current


def _same(field_name: str, a: Any, b: Any) -> bool:
    if field_name == "value":
        if a.usd and b.usd:
            return abs(a.usd - b.usd) <= VALUE_TOLERANCE * max(a.usd, b.usd)
        return a.currency == b.currency and abs(a.value - b.value) <= VALUE_TOLERANCE * max(
            a.value, b.value
        )
    if field_name in ("delivery_due", "ordered"):
        # "2021" and "2021-12" agree: one is a coarser statement of the other.
        return str(a).startswith(str(b)) or str(b).startswith(str(a))
    return bool(a == b)


def _days_apart(a: str, b: str) -> int:
    first, second = _day(a), _day(b)
    if first is None or second is None:
        return 10**6  # an undated report cannot contradict a dated one "at the same time"
    return abs((first - second).days)


def _contradictions(timeline: list[DealFact]) -> list[Contradiction]:
    found = []
    for name in ("delivery_due", "value", "quantity", "ordered"):
        reports = [f for f in timeline if getattr(f, name) is not None]
        distinct: list[Any] = []
        for report in reports:
            value = getattr(report, name)
            if not any(_same(name, value, seen) for seen in distinct):
                distinct.append(value)
        if len(distinct) < 2:
            continue
        conflict = any(
            a.document_id != b.document_id
            and not _same(name, getattr(a, name), getattr(b, name))
            and _days_apart(a.date, b.date) <= CONCURRENT_DAYS
            for i, a in enumerate(reports)
            for b in reports[i + 1 :]
        )
        found.append(
            Contradiction(
                field=name,
                reports=[
                    ReportedValue(getattr(r, name), r.document_id, r.date, r.sentence)
                    for r in reports
                ],
                kind="conflict" if conflict else "revision",
            )
        )
    return found


def _most_supported(timeline: list[DealFact], name: str) -> Any:
    """The value most reports give (the earliest of equally supported ones)."""
    values = [getattr(f, name) for f in timeline if getattr(f, name) is not None]
    if not values:
        return None
    support = [sum(_same(name, v, w) for w in values) for v in values]
    return values[support.index(max(support))]


def _deal(group: _Group, lexicon: CueLexicon, extra: str) -> Deal:
    supplier, recipient, system, kind = group.identity()
    timeline = sorted(
        (_timeline_entry(doc_id, day, t) for doc_id, day, t in group.facts),
        key=lambda f: (f.date, f.document_id),
    )
    current = _current_status(timeline, lexicon)
    dues = [f for f in timeline if f.delivery_due]
    return Deal(
        id=deal_id(supplier, recipient, system, kind, extra),
        supplier=supplier,
        recipient=recipient,
        system=system,
        kind=kind,
        status=current.status if current else None,
        status_date=current.date if current else None,
        status_reason=current.status_reason if current else None,
        value=_most_supported(timeline, "value"),
        quantity=_most_supported(timeline, "quantity"),
        ordered=_most_supported(timeline, "ordered"),
        delivery_due=dues[-1].delivery_due if dues else None,
        timeline=timeline,
        contradictions=_contradictions(timeline),
    )


def link_deals(facts: Iterable[Fact], *, lexicon: CueLexicon | None = None) -> list[Deal]:
    """Join transfers from many articles into deals.

    ``facts`` are (document id, document date, Transfer) triples, e.g. from the store. The
    deals come back sorted by recipient, supplier, system; each has its timeline oldest first.
    """
    lexicon = lexicon or load_cues()
    groups = _group(list(facts))
    deals: list[Deal] = []
    seen: Counter[_Key] = Counter()
    for group in sorted(groups, key=lambda g: min(f[1] for f in g.facts)):
        supplier, recipient, system, kind = group.identity()
        base = (supplier, recipient, system.casefold(), kind)
        # The first deal under a key keeps the plain id, so ids stay stable as articles come
        # in; a later order of the same system by the same buyer is told apart by its year.
        order = group.ordered()
        extra = ""
        if seen[base]:
            extra = (order.value[:4] if order else "") or str(seen[base])
        seen[base] += 1
        deals.append(_deal(group, lexicon, extra))
    return sorted(
        deals, key=lambda d: (d.recipient or "", d.supplier or "", d.system, d.kind, d.id)
    )
