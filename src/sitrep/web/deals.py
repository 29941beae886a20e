"""The deal tracker's view of deals: schedule and delay, and the SIPRI register rows that
record each deal when the server was given a register (`sitrep serve --sipri FILE`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import E, NotFoundError
from sitrep.store import Store
from sitrep.time.intervals import value_interval
from sitrep.transfers.linking import Deal, link_deals

if TYPE_CHECKING:
    from sitrep.actors.gazetteer import Gazetteer
    from sitrep.transfers.sipri import RegisterRow


def _due_end(value: str | None) -> date | None:
    """The last day a TIMEX3 delivery date allows ("2021-12" -> 2021-12-31)."""
    if not value:
        return None
    span = value_interval(value)
    return span[1] if span else None


def schedule(deal: Deal) -> dict[str, Any]:
    """First and latest reported delivery date, the slip between them, and how overdue the
    deal was at its latest status report (not delivered past the due date)."""
    dues = [f for f in deal.timeline if f.delivery_due]
    first = dues[0].delivery_due if dues else None
    first_end, due_end = _due_end(first), _due_end(deal.delivery_due)
    slip = (due_end - first_end).days if first_end and due_end else None
    overdue = None
    if due_end and deal.status_date and deal.status not in ("delivered", "cancelled"):
        try:
            overdue = max((date.fromisoformat(deal.status_date) - due_end).days, 0)
        except ValueError:
            overdue = None
    return {
        "first_due": first,
        "due": deal.delivery_due,
        "slip_days": slip if slip and slip > 0 else 0 if slip is not None else None,
        "overdue_days": overdue,
        "delayed": deal.status == "delayed" or bool(slip and slip > 0) or bool(overdue),
    }


@dataclass(frozen=True, slots=True)
class SipriRegister:
    """A SIPRI trade register the user downloaded, read once when the server starts."""

    path: Path
    rows: list[RegisterRow]
    gazetteer: Gazetteer

    @classmethod
    def read(cls, path: Path) -> SipriRegister:
        from sitrep.actors.gazetteer import load_gazetteer
        from sitrep.transfers.sipri import read_register

        gazetteer = load_gazetteer()
        return cls(path, read_register(path, gazetteer), gazetteer)


def sipri_matches(deals: list[Deal], register: SipriRegister | None) -> dict[str, Any]:
    """For each deal id, the register rows that record it (an empty list: SIPRI does not have
    it yet); every value None when no register was loaded. One pass for all the deals."""
    if register is None:
        return {deal.id: None for deal in deals}
    from sitrep.transfers.sipri import match_deals

    return {
        match.deal.id: {
            "register": register.path.name,
            "rows": [row.to_dict() for row in match.rows],
        }
        for match in match_deals(deals, register.rows, register.gazetteer)
    }


def document_outlets(store: Store, deals: list[Deal]) -> dict[str, str | None]:
    """Each deal document's publisher, to count a report's independent sources."""
    from sqlalchemy import select

    from sitrep.store import schema
    from sitrep.stories import outlet_of

    ids = sorted({d for deal in deals for d in deal.documents})
    docs = schema.documents
    found: dict[str, str | None] = {}
    with store.engine.connect() as connection:
        for i in range(0, len(ids), 500):
            statement = select(docs.c.id, docs.c.url, docs.c.source).where(
                docs.c.id.in_(ids[i : i + 500])
            )
            found.update(
                {row.id: outlet_of(row.url, row.source) for row in connection.execute(statement)}
            )
    return found


def deal_summary(
    deal: Deal,
    outlets: dict[str, str | None] | None = None,
    sipri: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A deal's row: its reports counted by story (one piece of news however many articles
    carry it), and the articles apart."""
    from sitrep.stories.deals import deal_reports

    return {
        **deal.to_row(),
        "reports": len(deal_reports(deal, outlets)),
        "articles": len(deal.documents),
        **schedule(deal),
        "sipri": sipri,
    }


def deal_detail(
    deal: Deal,
    outlets: dict[str, str | None] | None = None,
    register: SipriRegister | None = None,
) -> dict[str, Any]:
    from sitrep.stories.deals import deal_reports

    data = deal.to_dict()
    data.update(schedule(deal))
    data["sipri"] = sipri_matches([deal], register)[deal.id]
    data["reports"] = [r.to_dict() for r in deal_reports(deal, outlets)]
    return data


def find_deals(
    store: Store,
    *,
    supplier: str | None = None,
    recipient: str | None = None,
    system: str | None = None,
    status: str | None = None,
) -> list[Deal]:
    deals = link_deals(store.transfer_facts(supplier=supplier, recipient=recipient, system=system))
    if status:
        deals = [d for d in deals if d.status == status]
    return deals


def find_deal(store: Store, deal_id: str) -> Deal:
    matches = [d for d in link_deals(store.transfer_facts()) if d.id.startswith(deal_id)]
    if len(matches) != 1 or not deal_id:
        error = E.NO_DEAL if not matches or not deal_id else E.AMBIGUOUS_DEAL
        raise NotFoundError(error, deal_id=deal_id, count=len(matches))
    return matches[0]
