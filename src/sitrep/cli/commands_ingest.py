"""Commands that run the pipeline: ingest, reprocess, extract, demo."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from sitrep.cli.output import console, err_console, fail
from sitrep.errors import E, SitrepError
from sitrep.extractor import Extractor, ParallelExtractor
from sitrep.ingest import IngestSummary, Outcome, ingest
from sitrep.nlp.pipeline import DEFAULT_MODEL, DEFAULT_STAGES, PipelineConfig
from sitrep.readers import count_inputs, header_length, read_paths, read_text
from sitrep.readers.text import decode_utf8
from sitrep.records import Document

ModelOption = Annotated[
    str,
    typer.Option(
        "--model", envvar="SITREP_MODEL", help="Installed spaCy English model (en_core_web_*)."
    ),
]
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the NLP pipeline.")
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
    with console.status(f"Loading the NLP pipeline ({model})…"):
        extractor = ParallelExtractor(config, processes=jobs) if jobs > 1 else Extractor(config)
    try:
        yield extractor
    finally:
        if isinstance(extractor, ParallelExtractor):
            extractor.close()


def progress_bar() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=False,
    )


def _parse_columns(pairs: list[str]) -> dict[str, str]:
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
    jobs: int,
    stages: str | None = None,
    gazetteers: list[Path] | None = None,
    verbose: bool = False,
) -> IngestSummary:
    """Ingest ``paths`` with a progress bar; print one line per failed input."""
    from sitrep.store import open_store

    with (
        open_store(db) as store,
        pipeline(model, jobs, stages, gazetteers) as extractor,
        progress_bar() as bar,
    ):
        task = bar.add_task("Ingesting", total=count_inputs(paths))

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
    jobs: JobsOption = 1,
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
        columns=_parse_columns(column),
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
    jobs: JobsOption = 1,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
) -> None:
    """Re-derive every stored document's records from its kept text (after an upgrade).

    Example: sitrep reprocess --jobs 2
    """
    store = ctx.obj.store()
    total = store.count_documents()
    done = 0
    with pipeline(model, jobs, stages, gazetteer) as extractor, progress_bar() as bar:
        task = bar.add_task("Reprocessing", total=total)
        for extraction in extractor.extract_many(store.iter_documents()):
            store.replace_records(extraction, extractor.version)
            bar.advance(task)
            done += 1
    store.close()
    console.print(f"{done} documents reprocessed with {extractor.version}", markup=False)


class ExtractFormat(StrEnum):
    json = "json"
    table = "table"


def blank_header(raw: str) -> str:
    """``raw`` with its header characters turned to spaces (newlines kept): same offsets."""
    length = header_length(raw)
    head = "".join(c if c == "\n" else " " for c in raw[:length])
    return head + raw[length:]


def extract_command(
    path: Annotated[str, typer.Argument(help="A text file, or - for standard input.")] = "-",
    date: DateOption = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="json or table.")] = (
        ExtractFormat.json
    ),
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
) -> None:
    """Process one text without a database and print every record it yields.

    Offsets index exactly the text given: a 'date YYYY-MM-DD' or 'key: value' header is
    read for the date and kept in place, not cut. The JSON shape is documented in the README.

    Example: sitrep extract --date 2020-06-23 article.txt --format json
    """
    source = "-" if path == "-" else path
    raw = sys.stdin.read() if path == "-" else _read_file(path)
    parsed = read_text(raw, source=source, date=date)
    if isinstance(parsed, SitrepError):
        raise parsed
    document = Document(
        text=blank_header(raw),
        date=parsed.date,
        title=parsed.title,
        url=parsed.url,
        source=source,
    )
    with pipeline(model, 1, stages, gazetteer) as extractor:
        extraction = next(iter(extractor.extract_many([document])))
    if fmt is ExtractFormat.table:
        from sitrep.cli.commands_query import print_extraction

        print_extraction(extraction)
    else:
        sys.stdout.write(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2) + "\n")


def _read_file(path: str) -> str:
    """A file's text, decoded by the same rules as ingest (BOM, line breaks, bad bytes)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as error:
        raise SitrepError(E.NOT_FOUND, source=path) from error
    except OSError as error:
        raise SitrepError(E.UNREADABLE, source=path, reason=error.strerror) from error
    return decode_utf8(data, source=path)


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
    app.command("extract")(extract_command)
    app.command("demo")(demo_command)
