"""The deal tracker: arms transfers linked across articles into deals with a timeline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sitrep.cli.commands_query import FormatOption
from sitrep.cli.options import DbOption
from sitrep.cli.output import Format, format_amount, print_rows, say
from sitrep.errors import E, NotFoundError

if TYPE_CHECKING:
    from sitrep.transfers import Deal


def _deals(ctx: typer.Context, db: str | None, **filters: str | None) -> list[Deal]:
    from sitrep.transfers import link_deals

    with ctx.obj.store(db) as store:
        return link_deals(store.transfer_facts(**filters))


def deals_command(
    ctx: typer.Context,
    recipient: Annotated[str | None, typer.Option(help="Recipient country code, e.g. IND.")] = None,
    supplier: Annotated[str | None, typer.Option(help="Supplier country code, e.g. RUS.")] = None,
    system: Annotated[str | None, typer.Option(help="Part of the system name, e.g. S-400.")] = None,
    sipri: Annotated[
        Path | None,
        typer.Option(
            help="A SIPRI trade register (CSV) you downloaded: show the register rows each "
            "deal matches, and the deals SIPRI does not have yet.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    db: DbOption = None,
) -> None:
    """Arms deals found across all articles, with their current status.

    Example: sitrep deals --recipient IND --supplier RUS --sipri trade-register.csv
    """
    deals = _deals(ctx, db, recipient=recipient, supplier=supplier, system=system)
    if sipri is not None:
        _print_sipri(deals, sipri, fmt)
        return
    empty = "No deals match these filters."
    if fmt is Format.json:
        print_rows([d.to_dict() for d in deals], fmt, empty=empty)
        return
    from sitrep.stories.deals import deal_reports

    rows = [
        {
            "deal": d.id,
            "from → to": f"{d.supplier or '?'} → {d.recipient or '?'}",
            "system": d.system,
            "kind": d.kind,
            "value": format_amount(d.value),
            "due": d.delivery_due,
            "status": d.status,
            "as of": d.status_date,
            "reports": len(deal_reports(d)),  # by story: one piece of news, many articles
            "articles": len(d.documents),
            "conflicts": len(d.contradictions),
        }
        for d in deals
    ]
    print_rows(rows, fmt, title=f"{len(deals)} deals", empty=empty)


def _print_sipri(deals: list[Deal], path: Path, fmt: Format) -> None:
    from sitrep.actors.gazetteer import load_gazetteer
    from sitrep.transfers.sipri import match_deals, read_register

    gazetteer = load_gazetteer()
    matches = match_deals(deals, read_register(path, gazetteer), gazetteer)
    if fmt is Format.json:
        print_rows(
            [{"deal": m.deal.to_row(), "sipri": [r.to_dict() for r in m.rows]} for m in matches],
            fmt,
        )
        return
    rows = [
        {
            "deal": m.deal.id,
            "from → to": f"{m.deal.supplier or '?'} → {m.deal.recipient or '?'}",
            "system": m.deal.system,
            "status": m.deal.status,
            "SIPRI": "; ".join(
                f"{r.designation} ({r.supplier}, ordered {r.order_year or '?'}, "
                f"{r.number or '?'} units, {r.status or 'status ?'})"
                for r in m.rows
            )
            or "not in the register",
        }
        for m in matches
    ]
    missing = sum(1 for m in matches if not m.rows)
    print_rows(rows, fmt, title=f"{len(matches)} deals, {missing} not in the SIPRI register")


def deal_command(
    ctx: typer.Context,
    deal_id: Annotated[str, typer.Argument(help="Deal id (from `sitrep deals`) or a prefix.")],
    fmt: FormatOption = Format.table,
    db: DbOption = None,
) -> None:
    """One deal: every dated fact with its evidence, and any contradictions between reports.

    Example: sitrep deal 3f2a9c1b
    """
    matches = [d for d in _deals(ctx, db) if d.id.startswith(deal_id)] if deal_id else []
    if len(matches) != 1:
        error = E.NO_DEAL if not matches else E.AMBIGUOUS_DEAL
        raise NotFoundError(error, deal_id=deal_id, count=len(matches))
    deal = matches[0]
    if fmt is not Format.table:
        print_rows([deal.to_dict()] if fmt is Format.json else _timeline_rows(deal), fmt)
        return
    say(
        f"{deal.system}: {deal.supplier or '?'} → {deal.recipient or '?'} ({deal.kind}), "
        f"status {deal.status or 'unknown'} as of {deal.status_date or '?'}"
    )
    print_rows(_timeline_rows(deal), fmt, title="Timeline")
    for contradiction in deal.contradictions:
        print_rows(
            [
                {
                    "reported": r.value,
                    "date": r.date,
                    "document": r.document_id[:12],
                    "evidence": r.sentence.strip(),
                }
                for r in contradiction.reports
            ],
            fmt,
            title=f"Reports disagree on {contradiction.field}",
        )


def _timeline_rows(deal: Deal) -> list[dict[str, Any]]:
    return [
        {
            "date": fact.date,
            "status": fact.status,
            "due": fact.delivery_due,
            "value": format_amount(fact.value),
            "reason": fact.status_reason,
            "document": fact.document_id[:12],
            "evidence": fact.sentence.strip(),
        }
        for fact in deal.timeline
    ]


def register(app: Any) -> None:
    app.command("deals")(deals_command)
    app.command("deal")(deal_command)
