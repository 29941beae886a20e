"""Commands for corpora beyond one machine: batch (on Dask) and load (shards into a store)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from sitrep.cli.commands_ingest import (
    DateOption,
    GazetteerOption,
    ModelOption,
    StagesOption,
    default_jobs,
    parse_columns,
    pipeline_config,
    progress_bar,
)
from sitrep.cli.options import DbOption
from sitrep.cli.output import console, err_console
from sitrep.nlp.pipeline import DEFAULT_MODEL


def batch_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Inputs, then the OUTPUT folder last. Inputs: files, folders or globs "
            "(.txt .html .tml .jsonl .csv .parquet), local or any fsspec URL (s3://…); "
            "OUTPUT likewise.",
            show_default=False,
        ),
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786."),
    ] = None,
    local: Annotated[
        int | None,
        typer.Option(
            "--local",
            min=1,
            help="Start a Dask LocalCluster of N worker processes (default: one per core).",
        ),
    ] = None,
    partition_size: Annotated[
        int,
        typer.Option(min=1, help="Documents (files, or JSONL lines) per partition."),
    ] = 500,
    date: DateOption = None,
    column: Annotated[
        list[str],
        typer.Option(help="Map a field to your column/key name, e.g. --column text=body."),
    ] = [],  # noqa: B006 - Typer reads the default, it is never mutated
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    gazetteer: GazetteerOption = [],  # noqa: B006 - Typer reads the default, it is never mutated
) -> None:
    """Run the pipeline over a corpus on a Dask cluster, writing Parquet shards.

    OUTPUT gets one folder per table (documents, entities, time_expressions, mentions,
    events, transfers, errors) of part-<partition>.parquet files, and _manifest.json. A
    rerun skips the partitions already done. Load the shards with `sitrep load OUTPUT`, or
    read them directly: duckdb -c "SELECT * FROM 'OUTPUT/events/*.parquet'".
    Workers of a --scheduler cluster need sitrep installed; run them with one thread each
    (dask worker tcp://… --nthreads 1 --nworkers N): spaCy is CPU-bound.

    Example: sitrep batch ../shared/data/newswire-silver shards/ --local 2
    """
    from sitrep.batch import run_batch

    if len(paths) < 2:
        raise typer.BadParameter(
            "give at least one input and the OUTPUT folder", param_hint="PATHS"
        )
    inputs, output = paths[:-1], paths[-1]
    with progress_bar() as bar:
        task = bar.add_task("Batch", total=None)

        def started(estimate: int) -> None:
            bar.update(task, total=estimate)

        def finished(result: Any) -> None:
            bar.advance(task, result.documents + result.failed)

        summary = run_batch(
            inputs,
            output,
            config=pipeline_config(model, stages, gazetteer),
            scheduler=scheduler,
            local=None if scheduler else default_jobs(local),
            date=date,
            columns=parse_columns(column),
            partition_size=partition_size,
            on_start=started,
            on_partition=finished,
        )
        bar.update(task, total=bar.tasks[task].completed)
    for error in summary.errors:
        err_console.print(f"failed: {error}", style="red", markup=False, soft_wrap=True)
    console.print(str(summary), markup=False)
    if summary.failed or summary.failed_partitions:
        raise typer.Exit(1)


def load_command(
    ctx: typer.Context,
    output: Annotated[
        str, typer.Argument(help="The OUTPUT folder (or fsspec URL) of `sitrep batch`.")
    ],
    db: DbOption = None,
) -> None:
    """Bulk-load the Parquet shards of a batch job into the database (COPY on PostgreSQL).

    Documents already stored are skipped with their records, so loading twice is a no-op.

    Into PostgreSQL: sitrep --db postgresql+psycopg://me@dbhost/news load shards/

    Example: sitrep load shards/
    """
    from sitrep.batch import load
    from sitrep.batch.load import partition_ids

    store = ctx.obj.store(db, create=True)
    with progress_bar("partitions") as bar:
        task = bar.add_task("Loading", total=len(partition_ids(output)))
        summary = load(output, store, on_partition=lambda *_: bar.advance(task))
    store.close()
    console.print(str(summary), markup=False)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_command)
    app.command("load")(load_command)
