"""Commands that run the pipeline into the store: ingest, reprocess, demo (and shared options)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
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

from sitrep.cli.options import DbOption
from sitrep.cli.output import debug_enabled, err_console, fail, say, terminal_safe
from sitrep.errors import E, InputError, SitrepError
from sitrep.extractor import Extractor, ParallelExtractor
from sitrep.ingest import IngestSummary, Outcome, extract_stream, ingest
from sitrep.limits import Limits
from sitrep.nlp.pipeline import DEFAULT_MODEL, DEFAULT_STAGES, PipelineConfig
from sitrep.readers import count_inputs, missing_paths, read_paths
from sitrep.records import Document

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
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Encoding of inputs that are not UTF-8, e.g. cp1252 (a byte-order mark wins; "
        "UTF-16/32 are recognised without one).",
    ),
]
MaxCharsOption = Annotated[
    int | None,
    typer.Option(
        "--max-chars",
        min=0,
        show_default=False,
        help="Refuse texts longer than this many characters (0: no limit). "
        "Default: $SITREP_MAX_CHARS, else 500000.",
    ),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0,
        show_default=False,
        help="Stop a document after this many seconds in the pipeline (0: no limit). "
        "Default: $SITREP_TIMEOUT, else 120.",
    ),
]


def pipeline_config(
    model: str,
    stages: str | None = None,
    gazetteers: list[Path] | None = None,
    limits: Limits | None = None,
) -> PipelineConfig:
    """The pipeline the options ask for: model, stages, the actor stage's gazetteers and
    the per-document limits."""
    names = tuple(s.strip() for s in stages.split(",")) if stages else DEFAULT_STAGES
    stage_config: dict[str, dict[str, Any]] = {}
    if gazetteers and "sitrep_actors_v1" in names:
        stage_config["sitrep_actors_v1"] = {"gazetteers": [str(p) for p in gazetteers]}
    limits = limits or Limits.configured()
    return PipelineConfig(
        model=model,
        stages=names,
        stage_config=stage_config,
        max_chars=limits.max_chars,
        timeout=limits.timeout,
    )


@contextmanager
def pipeline(
    model: str,
    jobs: int,
    stages: str | None = None,
    gazetteers: list[Path] | None = None,
    limits: Limits | None = None,
) -> Iterator[Extractor | ParallelExtractor]:
    """The pipeline in this process, or in ``jobs`` worker processes."""
    config = pipeline_config(model, stages, gazetteers, limits)
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


def print_details(error: SitrepError) -> None:
    """The traceback behind an unexpected (E199) error, under ``--debug``."""
    if error.details and debug_enabled():
        err_console.print(terminal_safe(error.details.rstrip()), markup=False, soft_wrap=True)


def _until_first_document(
    results: Iterator[Document | InputError],
) -> tuple[list[Document | InputError], bool]:
    """The results up to and including the first Document, and whether there was one."""
    head: list[Document | InputError] = []
    for result in results:
        head.append(result)
        if isinstance(result, Document):
            return head, True
    return head, False


def _chain(
    head: list[Document | InputError], rest: Iterable[Document | InputError]
) -> Iterator[Document | InputError]:
    yield from head
    yield from rest


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
    encoding: str | None = None,
    limits: Limits | None = None,
) -> IngestSummary:
    """Ingest ``paths`` with a progress bar; print one line per failed input.

    The command is checked before anything is loaded: named paths that do not exist and
    bad options are errors at once, and the model is loaded (and the database created) only
    when the inputs hold a document to extract.
    """
    from sitrep.store import open_store

    missing = missing_paths(paths)
    if missing:
        raise InputError(E.NOT_FOUND, source=", ".join(missing))
    limits = limits or Limits.configured()
    results = read_paths(
        paths, date=date, columns=columns, encoding=encoding, max_chars=limits.max_chars
    )
    total = count_inputs(paths)
    with progress_bar() as bar:
        task = bar.add_task("Ingesting", total=total)

        def on_result(outcome: Outcome, message: str) -> None:
            bar.advance(task)
            if outcome == "failed":
                # soft_wrap: a long path stays on one line (one error, one line, greppable).
                bar.console.print(
                    f"failed: {terminal_safe(message)}", style="red", markup=False, soft_wrap=True
                )
            elif verbose and outcome == "skipped":
                bar.console.print(f"skipped: {terminal_safe(message)}", style="dim", markup=False)

        head, has_document = _until_first_document(results)
        if not has_document:  # nothing to extract: say what was wrong, load nothing
            summary = IngestSummary()
            for error in head:
                summary.count("failed")
                summary.errors.append(str(error))
                on_result("failed", str(error))
                print_details(error)  # type: ignore[arg-type]
            return summary
        with (
            open_store(db, create=True) as store,
            pipeline(model, default_jobs(jobs, total), stages, gazetteers, limits) as extractor,
        ):
            summary = ingest(
                _chain(head, results),
                store,
                extractor.extract_many,
                extractor.version,
                on_result=on_result,
                on_error=print_details,
            )
        bar.update(task, total=bar.tasks[task].completed)
    return summary


def ingest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders (.txt .jsonl .csv .html .tml), or - for stdin."),
    ],
    db: DbOption = None,
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
    encoding: EncodingOption = None,
    max_chars: MaxCharsOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Read articles, extract their records and store them (re-ingesting is a no-op).

    A broken input gets one coded error line naming its file (and line) and the rest goes
    on; the exit status is 1 when any input failed.

    Example: sitrep ingest ../shared/data/newswire-silver --jobs 2
    """
    summary = run_ingest(
        paths,
        db=db or ctx.obj.db,
        date=date,
        columns=parse_columns(column),
        model=model,
        jobs=jobs,
        stages=stages,
        gazetteers=gazetteer,
        verbose=verbose,
        encoding=encoding,
        limits=Limits.configured(max_chars, timeout),
    )
    say(str(summary))
    if summary.failed:
        raise typer.Exit(1)


def reprocess_command(
    ctx: typer.Context,
    db: DbOption = None,
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = None,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
    timeout: TimeoutOption = None,
) -> None:
    """Re-derive every stored document's records from its kept text (after an upgrade).

    A document the pipeline fails on keeps its old records and gets one error line.

    Example: sitrep reprocess --jobs 2
    """
    limits = Limits(max_chars=None, timeout=Limits.configured(timeout=timeout).timeout)
    done = failed = 0
    with ctx.obj.store(db) as store:
        total = store.count_documents()
        with (
            pipeline(model, default_jobs(jobs, total), stages, gazetteer, limits) as extractor,
            progress_bar() as bar,
        ):
            task = bar.add_task("Reprocessing", total=total)
            for _document, result in extract_stream(store.iter_documents(), extractor.extract_many):
                bar.advance(task)
                if isinstance(result, SitrepError):
                    failed += 1
                    message = f"failed: {terminal_safe(str(result))}"
                    bar.console.print(message, style="red", markup=False, soft_wrap=True)
                    print_details(result)
                    continue
                store.replace_records(result, extractor.version)
                done += 1
        relink_stories(store)
    say(f"{done} documents reprocessed with {extractor.version}, {failed} failed")
    if failed:
        raise typer.Exit(1)


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
    say(f"\n{summary}. Database: {db_file}")
    say(f"Try: sitrep --db {db_file} events   |   sitrep --db {db_file} timeline India Russia")
    if summary.failed:
        fail("some examples failed")
        raise typer.Exit(1)


def register(app: Any) -> None:
    app.command("ingest")(ingest_command)
    app.command("reprocess")(reprocess_command)
    app.command("demo")(demo_command)
