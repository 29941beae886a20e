"""`sitrep follow`: keep a database up to date from folders and RSS/Atom feeds."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.commands_ingest import (
    DateOption,
    GazetteerOption,
    ModelOption,
    StagesOption,
    pipeline,
)
from sitrep.cli.options import DbOption
from sitrep.cli.output import console, err_console
from sitrep.errors import E, SitrepError
from sitrep.ingest import Outcome
from sitrep.nlp.pipeline import DEFAULT_MODEL


def follow_command(
    ctx: typer.Context,
    folders: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Folders to watch (new and changed files are ingested).", show_default=False
        ),
    ] = None,
    feed: Annotated[
        list[str],
        typer.Option("--feed", help="An RSS or Atom feed URL to poll; repeatable."),
    ] = [],  # noqa: B006 - Typer reads the default, it is never mutated
    interval: Annotated[float, typer.Option(min=1, help="Seconds between polls.")] = 300,
    once: Annotated[
        bool, typer.Option("--once", help="Poll once and exit (for cron and scripts).")
    ] = False,
    state: Annotated[
        Path | None,
        typer.Option(
            help="Where to remember what was seen. Default: one file per database "
            "under ~/.cache/sitrep/."
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds allowed for each feed or page fetch.")
    ] = 20,
    settle: Annotated[
        float,
        typer.Option(min=0, help="Seconds a file must be unchanged before it is read."),
    ] = 2,
    date: DateOption = None,
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    db: DbOption = None,
) -> None:
    """Ingest new articles as they arrive in folders or RSS/Atom feeds, until interrupted.

    Feeds are polled with conditional GETs (ETag, Last-Modified); each new item's page is
    fetched and its main text read (trafilatura). Items and files already stored are never
    stored twice. A feed that is down, slow or malformed is reported and retried next time.
    Exit status with --once: 1 if any input failed.

    Example: sitrep follow incoming/ --feed https://www.example.org/defence/rss.xml
    """
    from sitrep.follow import FollowState, default_state_path, poll_once
    from sitrep.store import database_url

    folders = folders or []
    for url in feed:
        if not url.startswith(("http://", "https://")):
            raise SitrepError(E.BAD_OPTION, option="--feed", reason=f"not an http(s) URL: {url!r}")
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        raise SitrepError(E.BAD_OPTION, option="FOLDERS", reason=f"not a folder: {missing[0]}")
    if not folders and not feed:
        raise SitrepError(E.BAD_OPTION, option="follow", reason="give a folder or a --feed URL")
    memory = FollowState.load(state or default_state_path(database_url(db or ctx.obj.db)))
    store = ctx.obj.store(db, create=True)
    failed = 0

    def on_result(outcome: Outcome, message: str) -> None:
        nonlocal failed
        if outcome == "failed":
            failed += 1
            err_console.print(f"failed: {message}", style="red", markup=False, soft_wrap=True)

    try:
        with pipeline(model, 1, stages, gazetteer) as extractor:
            while True:
                summary = poll_once(
                    store,
                    extractor.extract_many,
                    extractor.version,
                    memory,
                    folders=folders,
                    feeds=feed,
                    date=date,
                    timeout=timeout,
                    settle_s=settle,
                    on_result=on_result,
                )
                stamp = datetime.now().strftime("%H:%M:%S")
                console.print(f"{stamp} {summary}", markup=False)
                if once:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        console.print("stopped", markup=False)
    finally:
        store.close()
    if once and failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("follow")(follow_command)
