"""Commands that run the pipeline into the store: ingest, reprocess, demo (and shared options)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from sitrep.cli.output import console, err_console, fail
from sitrep.errors import E, SitrepError
from sitrep.extractor import Extractor, ParallelExtractor
from sitrep.ingest import IngestSummary, Outcome, ingest
from sitrep.nlp.pipeline import DEFAULT_MODEL, DEFAULT_STAGES, PipelineConfig
from sitrep.readers import count_inputs, read_paths

ModelOption = Annotated[
    str,
    typer.Option(
        "--model", envvar="SITREP_MODEL", help="Installed spaCy English model (en_core_web_*)."
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for the NLP pipeline. Default: one per CPU core "
        "(one in all for fewer than 200 inputs, where starting workers costs more than it saves).",
    ),
]
StagesOption = Annotated[
    str | None,
    typer.Option(
        "--stages",
        envvar="SITREP_STAGES",
        help="Comma-separated pipeline stages to run instead of the default ones.",
    ),
]
GazetteerOption = Annotated[
    list[Path],
    typer.Option(
        "--gazetteer",
        help="Your own gazetteer YAML (actors, places, equipment, offices held), merged over "
        "the shipped ones; repeatable. Schema: src/sitrep/actors/data/README.md",
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Document date (YYYY-MM-DD) for inputs that carry none."),
]


def pipeline_config(
    model: str, stages: str | None = None, gazetteers: list[Path] | None = None
) -> PipelineConfig:
    """The pipeline the options ask for: model, stages, and the actor stage's gazetteers."""
    names = tuple(s.strip() for s in stages.split(",")) if stages else DEFAULT_STAGES
    stage_config: dict[str, dict[str, Any]] = {}
    if gazetteers and "sitrep_actors_v1" in names:
        stage_config["sitrep_actors_v1"] = {"gazetteers": [str(p) for p in gazetteers]}
    return PipelineConfig(model=model, stages=names, stage_config=stage_config)


@contextmanager
def pipeline(
    model: str, jobs: int, stages: str | None = None, gazetteers: list[Path] | None = None
) -> Iterator[Extractor | ParallelExtractor]:
    """The pipeline in this process, or in ``jobs`` worker processes."""
    config = pipeline_config(model, stages, gazetteers)
    with err_console.status(f"Loading the NLP pipeline ({model})…"):
        extractor = ParallelExtractor(config, processes=jobs) if jobs > 1 else Extractor(config)
    try:
        yield extractor
    finally:
        if isinstance(extractor, ParallelExtractor):
            extractor.close()


# Below this many inputs one process is faster: a worker takes a few seconds to load the
# model, the time one process needs for about 100 articles.
PARALLEL_FROM = 200


def default_jobs(jobs: int | None, inputs: int | None = None) -> int:
    """``jobs`` if given, else one per usable CPU core (one for a small input)."""
    if jobs is not None:
        return jobs
    if inputs is not None and inputs < PARALLEL_FROM:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _rate(task: Task) -> float | None:
    """Items per second since the task started. Results arrive in bursts (a batch written,
    a chunk back from a worker), which makes rich's windowed speed jump; the average does not.
    """
    elapsed = task.elapsed
    if not elapsed or not task.completed:
        return None
    return task.completed / elapsed


class RateColumn(ProgressColumn):
    """Items per second, e.g. '38.1 articles/s' (rich's speed column is for bytes)."""

    def __init__(self, unit: str = "articles") -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        shown = f"{rate:.1f}" if rate is not None else "?"
        return Text(f"{shown} {self.unit}/s", style="progress.data.speed")


class EtaColumn(ProgressColumn):
    """Time left at the average rate so far ('ETA 0:12:30')."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if task.total is None or rate is None:
            return Text("ETA -:--:--", style="progress.remaining")
        left = max(task.total - task.completed, 0) / rate
        hours, rest = divmod(int(left), 3600)
        return Text(f"ETA {hours}:{rest // 60:02d}:{rest % 60:02d}", style="progress.remaining")


def progress_bar(unit: str = "articles") -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(unit),
        TimeElapsedColumn(),
        EtaColumn(),
        console=err_console,
        transient=False,
    )


def parse_columns(pairs: list[str]) -> dict[str, str]:
    columns: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or ours not in {"id", "date", "title", "text", "url", "source"}:
            raise SitrepError(
                E.BAD_OPTION, option="--column", reason=f"expected FIELD=NAME, got {pair!r}"
            )
        columns[ours] = theirs
    return columns


def run_ingest(
    paths: list[str],
    *,
    db: str | None,
    date: str | None,
    columns: dict[str, str],
    model: str,
    jobs: int | None,
    stages: str | None = None,
    gazetteers: list[Path] | None = None,
    verbose: bool = False,
) -> IngestSummary:
    """Ingest ``paths`` with a progress bar; print one line per failed input."""
    from sitrep.store import open_store

    total = count_inputs(paths)
    with (
        open_store(db) as store,
        pipeline(model, default_jobs(jobs, total), stages, gazetteers) as extractor,
        progress_bar() as bar,
    ):
        task = bar.add_task("Ingesting", total=total)

        def on_result(outcome: Outcome, message: str) -> None:
            bar.advance(task)
            if outcome == "failed":
                # soft_wrap: a long path stays on one line (one error, one line, greppable).
                bar.console.print(f"failed: {message}", style="red", markup=False, soft_wrap=True)
            elif verbose and outcome == "skipped":
                bar.console.print(f"skipped: {message}", style="dim", markup=False)

        summary = ingest(
            read_paths(paths, date=date, columns=columns),
            store,
            extractor.extract_many,
            extractor.version,
            on_result=on_result,
        )
        bar.update(task, total=bar.tasks[task].completed)
    return summary


def ingest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders (.txt .jsonl .csv .html .tml), or - for stdin."),
    ],
    date: DateOption = None,
    column: Annotated[
        list[str],
        typer.Option(help="Map a field to your column/key name, e.g. --column text=body."),
    ] = [],  # noqa: B006 - Typer reads the default, it is never mutated
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = None,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list inputs already stored.")
    ] = False,
) -> None:
    """Read articles, extract their records and store them (re-ingesting is a no-op).

    Example: sitrep ingest ../shared/data/newswire-silver --jobs 2
    """
    summary = run_ingest(
        paths,
        db=ctx.obj.db,
        date=date,
        columns=parse_columns(column),
        model=model,
        jobs=jobs,
        stages=stages,
        gazetteers=gazetteer,
        verbose=verbose,
    )
    console.print(str(summary), markup=False)
    if summary.failed:
        raise typer.Exit(1)


def reprocess_command(
    ctx: typer.Context,
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = None,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
) -> None:
    """Re-derive every stored document's records from its kept text (after an upgrade).

    Example: sitrep reprocess --jobs 2
    """
    store = ctx.obj.store()
    total = store.count_documents()
    done = 0
    with (
        pipeline(model, default_jobs(jobs, total), stages, gazetteer) as extractor,
        progress_bar() as bar,
    ):
        task = bar.add_task("Reprocessing", total=total)
        for extraction in extractor.extract_many(store.iter_documents()):
            store.replace_records(extraction, extractor.version)
            bar.advance(task)
            done += 1
    relink_stories(store)
    store.close()
    console.print(f"{done} documents reprocessed with {extractor.version}", markup=False)


def relink_stories(store: Any) -> None:
    """Stories (sitrep.stories) of reprocessed documents: their old events are gone, so the
    stories they were in are repaired and the new events linked."""
    from sitrep.stories import link_stories

    link_stories(store, repair=True)


def bundled_examples() -> list[str]:
    """Paths of the example articles shipped inside the package."""
    folder = files("sitrep") / "data" / "examples"
    return sorted(str(item) for item in folder.iterdir() if item.name.endswith(".txt"))


def demo_command(
    db_file: Annotated[
        Path, typer.Option("--db-file", help="Where to create the demo database (replaced).")
    ] = Path("sitrep-demo.db"),
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Ingest the bundled example articles into a fresh database and print what was found.

    Example: sitrep demo
    """
    from sitrep.cli.commands_query import print_extraction
    from sitrep.store import open_store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    url = str(db_file)
    summary = run_ingest(bundled_examples(), db=url, date=None, columns={}, model=model, jobs=1)
    with open_store(url) as store:
        for row in store.documents(limit=None):
            print_extraction(store.extraction(row.id))
    console.print(f"\n{summary}. Database: {db_file}", markup=False)
    console.print(
        f"Try: sitrep --db {db_file} events   |   sitrep --db {db_file} timeline India Russia",
        markup=False,
    )
    if summary.failed:
        fail("some examples failed")
        raise typer.Exit(1)


def register(app: Any) -> None:
    app.command("ingest")(ingest_command)
    app.command("reprocess")(reprocess_command)
    app.command("demo")(demo_command)
