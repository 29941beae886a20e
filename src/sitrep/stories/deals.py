"""A deal's reports counted by story: twenty outlets repeating one delay are one report with
twenty sources, not twenty reports.

Deals are linked across articles by :mod:`sitrep.transfers.linking`; here the dated facts of
one deal's timeline are grouped: facts that say the same thing (status, due date, value,
quantity, order date) within a week of the first of them are one report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.transfers.linking import Deal, DealFact

# Facts saying the same thing this many days after a report's first one still restate it;
# a later repeat of the same status is news of its own ("still delayed" a month on).
REPORT_WINDOW_DAYS = 7


@dataclass(slots=True)
class DealReport:
    """One piece of news about a deal, with every article that carried it."""

    first: str  # date of the first article
    last: str
    status: str | None
    delivery_due: str | None
    value: str | None  # as first reported ("USD 5.2 billion")
    quantity: int | None
    ordered: str | None
    documents: list[str] = field(default_factory=list)
    sources: int = 0  # independent sources: outlets (an article of unknown outlet alone)
    facts: list[DealFact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _key(fact: DealFact) -> tuple[Any, ...]:
    usd = fact.value.usd if fact.value else None
    value = round(usd, -7) if usd else (fact.value.text if fact.value else None)
    return (fact.status, fact.delivery_due, value, fact.quantity, fact.ordered)


def _days(first: str, second: str) -> int:
    try:
        return (date.fromisoformat(second[:10]) - date.fromisoformat(first[:10])).days
    except ValueError:
        return REPORT_WINDOW_DAYS + 1


def deal_reports(deal: Deal, outlets: Mapping[str, str | None] | None = None) -> list[DealReport]:
    """The deal's timeline as reports, oldest first. ``outlets``: document id -> publisher
    (see :func:`sitrep.stories.outlet_of`), to count independent sources."""
    outlets = outlets or {}
    reports: list[tuple[tuple[Any, ...], DealReport]] = []
    for fact in sorted(deal.timeline, key=lambda f: (f.date, f.document_id)):
        key = _key(fact)
        report = next(
            (
                r
                for k, r in reversed(reports)
                if k == key and _days(r.first, fact.date) <= REPORT_WINDOW_DAYS
            ),
            None,
        )
        if report is None:
            report = DealReport(
                first=fact.date,
                last=fact.date,
                status=fact.status,
                delivery_due=fact.delivery_due,
                value=fact.value.text if fact.value else None,
                quantity=fact.quantity,
                ordered=fact.ordered,
            )
            reports.append((key, report))
        report.last = fact.date
        report.facts.append(fact)
        if fact.document_id not in report.documents:
            report.documents.append(fact.document_id)
    for _, report in reports:
        report.sources = len({outlets.get(d) or f"document:{d}" for d in report.documents})
    return [r for _, r in reports]
