"""The web server (`sitrep serve`) and watches (`sitrep watch …`): alerts on new records."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli.commands_query import FormatOption
from sitrep.cli.options import DbOption
from sitrep.cli.output import Format, console, err_console, print_rows
from sitrep.errors import E, SitrepError


def serve_command(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    max_body: Annotated[
        int, typer.Option(min=1024, help="Largest request body accepted, in bytes.")
    ] = 10 * 1024 * 1024,
    sipri: Annotated[
        Path | None,
        typer.Option(
            help="A SIPRI trade register (CSV) you downloaded: deal pages and the API show "
            "the register rows that record each deal, and which deals SIPRI lacks.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Serve the web pages and the JSON API over the database.

    Reading is open to whoever can reach the address; writing (POST /api/ingest, watches)
    needs the token in SITREP_TOKEN, sent as 'Authorization: Bearer <token>'.

    Example: sitrep serve --port 8000
    Example: sitrep --db sitrep-demo.db serve
    Example: sitrep serve --sipri trade-register.csv
    """
    import uvicorn

    from sitrep.web import create_app

    app = create_app(ctx.obj.store(db), max_body=max_body, sipri=sipri)
    from sitrep.actors.gazetteer import load_gazetteer

    load_gazetteer()  # actor names in filters resolve through it: load it now, not on a request
    if not _is_loopback(host):
        err_console.print(
            f"warning: listening on {host}: anyone who can reach it can read the database"
            + ("" if app.state.token else "; writes stay disabled (no SITREP_TOKEN)"),
            style="yellow",
            markup=False,
        )
    writes = "writes need the token" if app.state.token else "writes disabled (no SITREP_TOKEN)"
    console.print(f"sitrep on http://{host}:{port}/ — {writes}", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


watch_app = typer.Typer(
    help="Watches: saved queries whose new matches feed an Atom feed and a webhook.\n\n"
    "Example: sitrep watch add ind-rus --dyad IND,RUS --webhook http://localhost:9000/hook",
    no_args_is_help=True,
)


@watch_app.command("add")
def watch_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name for the watch.")],
    deals: Annotated[
        bool, typer.Option("--deals", help="Follow deal status changes instead of events.")
    ] = False,
    dyad: Annotated[str | None, typer.Option(help="Events between two actors: IND,RUS.")] = None,
    actor: Annotated[str | None, typer.Option(help="Events: actor code or name.")] = None,
    recipient: Annotated[
        str | None, typer.Option(help="Events: recipient; deals: recipient country.")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Events: either side.")] = None,
    event_type: Annotated[
        list[str], typer.Option("--type", "-t", help="Events: PLOVER type(s).")
    ] = [],  # noqa: B006 - Typer reads the default, it is never mutated
    text: Annotated[
        str | None, typer.Option(help="Events whose evidence mentions this, e.g. S-400.")
    ] = None,
    supplier: Annotated[str | None, typer.Option(help="Deals: supplier country.")] = None,
    system: Annotated[str | None, typer.Option(help="Deals: part of the system name.")] = None,
    webhook: Annotated[str | None, typer.Option(help="URL to POST new alerts to (JSON).")] = None,
    db: DbOption = None,
) -> None:
    """Save a watch; it alerts on records stored from now on.

    Example: sitrep watch add s400 --text S-400
    Example: sitrep watch add india-deals --deals --recipient IND
    """
    from sitrep.alerts import deal_statuses, validate_watch
    from sitrep.store.watches import create_watch

    if deals:
        kind = "deals"
        query: dict[str, Any] = {"supplier": supplier, "recipient": recipient, "system": system}
        wrong = [o for o, v in (("--dyad", dyad), ("--actor", actor), ("--text", text)) if v]
    else:
        kind = "events"
        pair = [p.strip() for p in dyad.split(",")] if dyad else []
        if dyad and len(pair) != 2:
            raise SitrepError(E.BAD_OPTION, option="--dyad", reason="give two actors: IND,RUS")
        query = {
            "dyad": pair,
            "actor": actor,
            "recipient": recipient,
            "country": country,
            "types": [t.upper() for t in event_type],
            "text": text,
        }
        wrong = [o for o, v in (("--supplier", supplier), ("--system", system)) if v]
    if wrong:
        raise SitrepError(
            E.BAD_OPTION, option=wrong[0], reason=f"does not apply to a watch on {kind}"
        )
    with ctx.obj.store(db) as store:
        cleaned = validate_watch(kind, query, webhook)
        watch = create_watch(
            store,
            name=name,
            kind=kind,
            query=cleaned,
            webhook=webhook,
            deal_status=deal_statuses(store, cleaned) if kind == "deals" else None,
        )
    console.print(
        f"watch {watch.id} {watch.name!r} on {kind}: {cleaned}; "
        f"feed at /watches/{watch.id}/feed.atom (sitrep serve)",
        markup=False,
    )


@watch_app.command("list")
def watch_list(ctx: typer.Context, fmt: FormatOption = Format.table, db: DbOption = None) -> None:
    """List watches with their alert counts and last webhook error.

    Example: sitrep watch list
    """
    from sitrep.store.watches import list_watches, watch_alerts

    with ctx.obj.store(db) as store:
        rows = [
            {
                **w.to_dict(),
                "alerts": len(watch_alerts(store, w, limit=100_000)),
            }
            for w in list_watches(store)
        ]
    if not rows and fmt is Format.table:
        console.print("no watches; add one with `sitrep watch add`", markup=False)
        return
    columns = ["id", "name", "kind", "query", "webhook", "alerts", "last_checked", "last_error"]
    print_rows(rows, fmt, title=f"{len(rows)} watches", columns=columns)


@watch_app.command("show")
def watch_show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="Watch id or name.")],
    limit: Annotated[int, typer.Option(help="At most this many alerts.")] = 50,
    fmt: FormatOption = Format.table,
    db: DbOption = None,
) -> None:
    """A watch's alerts, newest first.

    Example: sitrep watch show s400
    """
    from sitrep.store.watches import get_watch, watch_alerts

    with ctx.obj.store(db) as store:
        watch = get_watch(store, ref)
        alerts = watch_alerts(store, watch, limit=limit)
    rows = [
        {
            "created": a.created_at.isoformat(timespec="seconds"),
            "title": a.title,
            "summary": a.summary,
            "document": a.document_id[:12]
            if a.document_id and fmt is Format.table
            else a.document_id,
            "webhook": a.webhook_status,
        }
        for a in alerts
    ]
    print_rows(rows, fmt, title=f"{watch.name}: {len(rows)} alerts")


@watch_app.command("remove")
def watch_remove(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="Watch id or name.")],
    db: DbOption = None,
) -> None:
    """Delete a watch and its alerts.

    Example: sitrep watch remove s400
    """
    from sitrep.store.watches import delete_watch

    with ctx.obj.store(db) as store:
        watch = delete_watch(store, ref)
    console.print(f"watch {watch.name!r} removed", markup=False)


@watch_app.command("check")
def watch_check(ctx: typer.Context, db: DbOption = None) -> None:
    """Run every watch now against what is stored (each ingest does this by itself).

    Example: sitrep watch check
    """
    from sitrep.alerts import check_watches

    with ctx.obj.store(db) as store:
        results = check_watches(store)
    for watch, alerts in results:
        console.print(f"{watch.name}: {len(alerts)} new alerts", markup=False)


def register(app: Any) -> None:
    app.command("serve")(serve_command)
    app.add_typer(watch_app, name="watch")
