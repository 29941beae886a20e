"""Stories: one event's reports across articles (``stories``, ``story``, ``link``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from sitrep.cli.commands_query import (
    FormatOption,
    LimitOption,
    SinceOption,
    TypeOption,
    UntilOption,
)
from sitrep.cli.output import Format, console, err_console, print_rows

if TYPE_CHECKING:
    from sitrep.records import ActorRef
    from sitrep.stories import Story


def _names(refs: list[ActorRef]) -> list[str]:
    return [f"{a.name} ({a.country})" if a.country else a.name for a in refs]


def _joined(refs: list[ActorRef]) -> str:
    return "; ".join(_names(refs))


def story_row(story: Story, *, short: bool) -> dict[str, Any]:
    return {
        "story": story.id,
        "date": story.date,
        "type": story.event_type,
        "modality": story.modality,
        "actor": _joined(story.actor),
        "recipient": _joined(story.recipient),
        "location": story.location,
        "reports": story.mentions,
        "sources": story.sources,
        "first report": story.first_report,
        "last report": story.last_report,
        "conflicts": ", ".join(c.field for c in story.conflicts) or None,
        "evidence": story.sentence if not short else story.sentence[:200],
    }


def stories_command(
    ctx: typer.Context,
    event_type: TypeOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    actor: Annotated[str | None, typer.Option(help="Actor: country code or name part.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient: code or name part.")] = None,
    country: Annotated[str | None, typer.Option(help="Either side: country code.")] = None,
    min_sources: Annotated[
        int | None, typer.Option(help="Only stories told by at least this many sources.")
    ] = None,
    conflicts: Annotated[
        bool, typer.Option("--conflicts", help="Only stories whose reports disagree.")
    ] = False,
    text: Annotated[str | None, typer.Option(help="Part of any report's sentence.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 1000,
    fmt: FormatOption = Format.table,
) -> None:
    """Stories: events counted once however many articles report them, oldest first.

    Each story has its reports (every event that tells it), the number of independent
    sources, its first and last report, and the time and place most sources give.

    Example: sitrep stories --actor IND --min-sources 2
    """
    from sitrep.store import stories as table

    query = table.StoryQuery(
        event_types=event_type,
        actor=actor,
        recipient=recipient,
        country=country,
        min_sources=min_sources,
        conflicts=conflicts,
        text=text,
        since=since,
        until=until,
        limit=limit,
    )
    with ctx.obj.store() as store:
        found = table.stories(store, query)
        counts = table.counts(store)
    if fmt is Format.json:
        print_rows([s.to_dict() for s in found], fmt)
    else:
        rows = [story_row(s, short=fmt is Format.table) for s in found]
        if fmt is Format.table:  # a table is narrow: the rest is in json and csv
            rows = [
                {
                    "story": r["story"],
                    "date": r["date"],
                    "type": r["type"],
                    "actor → recipient": f"{r['actor'] or '?'} → {r['recipient'] or '?'}",
                    "reports": r["reports"],
                    "sources": r["sources"],
                    "disagree": r["conflicts"],
                    "evidence": r["evidence"],
                }
                for r in rows
            ]
        print_rows(
            rows,
            fmt,
            title=f"{len(found)} stories ({counts.stories} stories of {counts.mentions} events)",
        )
    if counts.unlinked:
        err_console.print(
            f"{counts.unlinked} events are in no story yet: run `sitrep link`", markup=False
        )


def story_command(
    ctx: typer.Context,
    story_id: Annotated[str, typer.Argument(help="Story id (from `sitrep stories`) or a prefix.")],
    fmt: FormatOption = Format.table,
) -> None:
    """One story: every report of the event with its sentence, and where reports disagree.

    Example: sitrep story 4f6d30ff
    """
    from sitrep.store import stories as table

    with ctx.obj.store() as store:
        story = table.story(store, story_id)
        mentions = table.mentions_of(store, [story.id]).get(story.id, [])
    if fmt is Format.json:
        print_rows([{**story.to_dict(), "reports": [m.to_dict() for m in mentions]}], fmt)
        return
    rows = [
        {
            "published": m.published[:10],
            "document": m.document_id if fmt is Format.csv else m.document_id[:12],
            "source": "unknown" if m.outlet.startswith("document:") else m.outlet,
            "event": m.event_id,
            "match": m.score,
            "time": m.event.time.value if m.event.time else None,
            "evidence": " ".join(m.event.evidence.sentence.split()),
        }
        for m in mentions
    ]
    if fmt is Format.csv:
        print_rows(rows, fmt)
        return
    time = f" ({story.time.value})" if story.time else ""
    console.print(
        f"{story.event_type} {story.modality}: {', '.join(_names(story.actor)) or '?'} → "
        f"{', '.join(_names(story.recipient)) or '?'}, {story.location or 'place unknown'}, "
        f"{story.date}{time}; {story.mentions} reports in {story.documents} articles from "
        f"{story.sources} sources, {story.first_report} to {story.last_report}",
        markup=False,
    )
    print_rows(rows, fmt, title="Reports")
    for conflict in story.conflicts:
        print_rows(
            [
                {
                    "reported": r.value,
                    "published": r.published[:10],
                    "document": r.document_id[:12],
                    "evidence": r.sentence,
                }
                for r in conflict.reports
            ],
            fmt,
            title=f"Reports disagree on {conflict.field}",
        )


def link_command(
    ctx: typer.Context,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Delete every story and link all events again.")
    ] = False,
) -> None:
    """Link stored events that are in no story yet into stories (ingest does this itself).

    Needed after an upgrade from a database without stories, or with --rebuild after the
    linking rules changed. Stories whose reports were reprocessed are repaired first.

    Example: sitrep link --rebuild
    """
    from rich.progress import Progress

    from sitrep.stories import link_stories

    with ctx.obj.store() as store, Progress(console=err_console, transient=True) as bar:
        task = bar.add_task("Linking", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        summary = link_stories(store, rebuild=rebuild, repair=not rebuild, progress=progress)
    console.print(f"{summary} in {summary.seconds:.1f} s", markup=False)


def register(app: Any) -> None:
    app.command("stories")(stories_command)
    app.command("story")(story_command)
    app.command("link")(link_command)
