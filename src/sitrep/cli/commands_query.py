"""Commands that read the store: documents, show, events, timeline, export."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.panel import Panel
from rich.text import Text

from sitrep.cli.options import DbOption, SinceOption, UntilOption, check_bounds
from sitrep.cli.output import (
    Format,
    console,
    format_amount,
    json_text,
    print_rows,
    stdout_for_data,
    terminal_safe,
)
from sitrep.errors import E, SitrepError
from sitrep.records import Event, Extraction
from sitrep.store import EventQuery, StoredEvent

# How each kind of span is highlighted in `sitrep show`.
STYLE_OF_LABEL = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "LOC": "green",
    "FAC": "green",
    "NORP": "yellow",
    "PRODUCT": "bold blue",
    "EQUIPMENT": "bold blue",
    "EVENT": "italic",
    "TIMEX": "bold red",
}

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table, json or csv.")]
TypeOption = Annotated[
    list[str], typer.Option("--type", "-t", help="PLOVER event type(s), e.g. CONSULT.")
]
LimitOption = Annotated[int, typer.Option(help="At most this many rows.")]
StateCodedOption = Annotated[
    bool,
    typer.Option(
        "--state-coded",
        help="Only events between states: the actor placed in a country, and the recipient "
        "too when there is one (companies and unplaced actors left out).",
    ),
]


def documents_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(help="Words to find in title or text, in this order, any case."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = Format.table,
    db: DbOption = None,
) -> None:
    """List stored documents, newest first, with how many records each yielded.

    Example: sitrep documents --search "S-400" --since 2020-01-01
    """
    check_bounds(since, until)
    with ctx.obj.store(db) as store:
        rows = store.documents(search=search, since=since, until=until, limit=limit)
        total = store.count_documents()
    print_rows(
        [
            {
                "id": r.id if fmt is not Format.table else r.id[:12],
                "date": r.date,
                "title": r.title,
                "source": r.source,
                "times": r.n_time_expressions,
                "mentions": r.n_mentions,
                "events": r.n_events,
                "transfers": r.n_transfers,
            }
            for r in rows
        ],
        fmt,
        title=f"{len(rows)} of {total} documents",
        columns=["id", "date", "title", "times", "mentions", "events", "transfers"]
        + (["source"] if fmt is not Format.table else []),  # tables are narrow: see json/csv
        empty=(
            "No documents match these filters."
            if total
            else "The database has no documents yet; add some with `sitrep ingest`."
        ),
    )


def highlighted_text(extraction: Extraction) -> Text:
    """The document text with its mentions and time expressions highlighted."""
    text = Text(terminal_safe(extraction.document.text))  # same length: offsets still fit
    for mention in extraction.mentions:
        text.stylize(STYLE_OF_LABEL.get(mention.label, "underline"), mention.start, mention.end)
    for timex in extraction.time_expressions:
        text.stylize(STYLE_OF_LABEL["TIMEX"], timex.start, timex.end)
    return text


def print_extraction(extraction: Extraction) -> None:
    """A document and its records, for people."""
    document = extraction.document
    heading = Text(
        terminal_safe(f"{document.title or '(untitled)'} — {document.date} — {document.id[:12]}")
    )
    console.print(Panel(highlighted_text(extraction), title=heading, title_align="left"))
    if extraction.time_expressions:
        print_rows(
            [
                {
                    "text": t.text,
                    "type": t.type,
                    "value": t.value,
                    "earliest": t.earliest,
                    "latest": t.latest,
                    "chars": f"{t.start}-{t.end}",
                }
                for t in extraction.time_expressions
            ],
            Format.table,
            title="Time expressions",
        )
    if extraction.entities:
        mentions_of: dict[str, list[str]] = {}
        for m in extraction.mentions:
            if m.entity_id:
                mentions_of.setdefault(m.entity_id, []).append(m.text)
        print_rows(
            [
                {
                    "entity": e.name,
                    "kind": e.kind,
                    "country": e.country,
                    "sector": e.sector,
                    "role": e.role,
                    "mentions": sorted(set(mentions_of.get(e.id, []))),
                }
                for e in extraction.entities
            ],
            Format.table,
            title="Entities",
        )
    if extraction.events:
        print_rows(
            [event_row(e, date=e.start_day(document.day)) for e in extraction.events],
            Format.table,
            title="Events",
        )
    if extraction.transfers:
        print_rows(
            [
                {
                    "system": t.system,
                    "from → to": f"{t.supplier or '?'} → {t.recipient or '?'}",
                    "kind": t.kind,
                    "value": format_amount(t.value),
                    "due": t.delivery_due.value if t.delivery_due else None,
                    "status": t.status,
                    "reason": t.status_reason,
                }
                for t in extraction.transfers
            ],
            Format.table,
            title="Arms transfers",
        )


def show_command(
    ctx: typer.Context,
    doc_id: Annotated[str, typer.Argument(help="Document id or a unique prefix of it.")],
    fmt: FormatOption = Format.table,
    db: DbOption = None,
) -> None:
    """Show one document: its text with highlighted mentions, and all its records.

    Example: sitrep show 3f2a9c
    """
    with ctx.obj.store(db) as store:
        extraction = store.extraction(doc_id)
    if fmt is Format.table:
        print_extraction(extraction)
    else:
        sys.stdout.write(json_text(extraction.to_dict(include_text=True)) + "\n")


def event_row(event: Event, *, date: str, document_id: str | None = None) -> dict:
    row: dict[str, Any] = {
        "date": date,
        "type": event.event_type,
        "modality": event.modality,
        "actor": [f"{a.name} ({a.country})" if a.country else a.name for a in event.actor],
        "recipient": [f"{a.name} ({a.country})" if a.country else a.name for a in event.recipient],
        "location": event.location,
        "evidence": event.evidence.sentence,
    }
    if document_id:
        row["document"] = document_id
    return row


_NO_EVENTS = "No events match these filters."


def _print_events(events: list[StoredEvent], fmt: Format, title: str) -> None:
    if fmt is Format.table:
        rows = [event_row(s.event, date=s.date, document_id=s.document_id[:12]) for s in events]
        print_rows(rows, fmt, title=title, empty=_NO_EVENTS)
    else:
        from sitrep.exports import flat_row, plover_record

        make = plover_record if fmt is Format.json else flat_row
        print_rows([make(s, i) for i, s in enumerate(events)], fmt, empty=_NO_EVENTS)


def events_command(
    ctx: typer.Context,
    event_type: TypeOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    actor: Annotated[str | None, typer.Option(help="Actor: country code or name part.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient: code or name part.")] = None,
    country: Annotated[str | None, typer.Option(help="Either side: country code.")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, planned, ...")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    state_coded: StateCodedOption = False,
    limit: LimitOption = 1000,
    fmt: FormatOption = Format.table,
    db: DbOption = None,
) -> None:
    """List events, oldest first, with the sentence that supports each.

    Example: sitrep events --type CONSULT --actor IND --since 2020-01-01 --format csv
    """
    check_bounds(since, until)
    query = EventQuery(
        event_types=event_type,
        actor=actor,
        recipient=recipient,
        country=country,
        modality=modality,
        since=since,
        until=until,
        limit=limit,
        state_coded=state_coded,
    )
    with ctx.obj.store(db) as store:
        events = store.events(query)
    _print_events(events, fmt, f"{len(events)} events")


def timeline_command(
    ctx: typer.Context,
    actors: Annotated[list[str], typer.Argument(help="One actor, or two for a dyad.")],
    event_type: TypeOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 1000,
    fmt: FormatOption = Format.table,
    db: DbOption = None,
) -> None:
    """Events involving one actor, or between two (either direction), by date.

    Example: sitrep timeline India Russia --since 2019-01-01
    """
    check_bounds(since, until)
    if len(actors) > 2:
        raise SitrepError(E.BAD_OPTION, option="ACTORS", reason="give one actor or two")
    query = EventQuery(event_types=event_type, since=since, until=until, limit=limit)
    if len(actors) == 2:
        query.dyad = (actors[0], actors[1])
    else:
        query.country = actors[0]
    with ctx.obj.store(db) as store:
        events = store.events(query)
    _print_events(events, fmt, f"Timeline: {' – '.join(actors)} ({len(events)} events)")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class ExportView(StrEnum):
    mentions = "mentions"
    stories = "stories"


def export_command(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    view: Annotated[
        ExportView,
        typer.Option(
            help="mentions: every event as reported (with its story id); "
            "stories: each real-world event once, with its reports and sources."
        ),
    ] = ExportView.mentions,
    event_type: TypeOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    country: Annotated[str | None, typer.Option(help="Either side: country code.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    state_coded: StateCodedOption = False,
    db: DbOption = None,
) -> None:
    """Export events: PLOVER JSONL, or a flat one-row-per-event table as CSV or Parquet.

    --view stories writes one row per story (an event counted once however many articles
    report it); JSONL stories carry every report.

    Example: sitrep export --format parquet -o events.parquet --since 2020-01-01
    """
    check_bounds(since, until)
    if fmt is ExportFormat.parquet and output is None:
        raise SitrepError(E.BAD_OPTION, option="--output", reason="Parquet needs a file")
    with ctx.obj.store(db) as store:
        if view is ExportView.stories:
            count = _export_stories(
                store, fmt, output, event_type, country, since, until, state_coded
            )
        else:
            query = EventQuery(
                event_types=event_type,
                country=country,
                since=since,
                until=until,
                limit=None,
                state_coded=state_coded,
            )
            count = _export_mentions(store, fmt, output, query)
    if count == 0:
        from sitrep.cli.output import err_console

        err_console.print(_NO_EVENTS, style="yellow", markup=False)
    if output is not None:
        console.print(terminal_safe(f"{count} {view.value} written to {output}"), markup=False)


def _export_mentions(store: Any, fmt: ExportFormat, output: Path | None, query: EventQuery) -> int:
    from sitrep import exports
    from sitrep.store.stories import story_ids_of_events

    events = store.events(query)
    stories = story_ids_of_events(store, [e.id for e in events if e.id is not None])
    if fmt is ExportFormat.parquet:
        return exports.write_parquet(events, output, stories)  # type: ignore[arg-type]
    writer = exports.write_jsonl if fmt is ExportFormat.jsonl else exports.write_csv
    if output is None:
        return writer(events, stdout_for_data(), stories)
    with output.open("w", encoding="utf-8", newline="") as out:
        return writer(events, out, stories)


def _export_stories(
    store: Any,
    fmt: ExportFormat,
    output: Path | None,
    event_types: list[str],
    country: str | None,
    since: str | None,
    until: str | None,
    state_coded: bool,
) -> int:
    from sitrep import exports
    from sitrep.store import stories as table

    query = table.StoryQuery(
        event_types=event_types,
        country=country,
        since=since,
        until=until,
        limit=None,
        state_coded=state_coded,
    )
    found = table.stories(store, query)
    if fmt is ExportFormat.parquet:
        return exports.write_stories_parquet(found, output)  # type: ignore[arg-type]

    def write(out: Any) -> int:
        if fmt is ExportFormat.csv:
            return exports.write_stories_csv(found, out)
        mentions = table.mentions_of(store, [s.id for s in found])
        return exports.write_stories_jsonl(((s, mentions.get(s.id, [])) for s in found), out)

    if output is None:
        return write(stdout_for_data())
    with output.open("w", encoding="utf-8", newline="") as out:
        return write(out)


def register(app: Any) -> None:
    app.command("documents")(documents_command)
    app.command("show")(show_command)
    app.command("events")(events_command)
    app.command("timeline")(timeline_command)
    app.command("export")(export_command)
