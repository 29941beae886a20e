"""A batch job on Dask distributed: partitions in, Parquet shards out, restartable.

The driver (:func:`run_batch`) plans partitions, skips those the manifest lists as finished,
and maps :func:`process_partition` over the rest on a Dask cluster: a ``LocalCluster`` of
worker processes (``--local N``) or a running scheduler (``--scheduler tcp://host:8786``,
whose workers have sitrep installed). Each worker loads the spaCy pipeline once: a worker
plugin loads it when the worker starts (and again on a worker that replaces a dead one), and
tasks take it from a per-process cache. The driver alone writes the manifest, as each
partition's result comes back, so a job killed at any point restarts where it stopped; Dask
itself reruns the tasks of a worker that died.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from fsspec.core import url_to_fs

from sitrep.batch.partitions import Partition, plan, read_partition
from sitrep.batch.shards import (
    MANIFEST_SCHEMA,
    TABLES,
    partition_tables,
    read_manifest,
    shard_path,
    write_manifest,
    write_shards,
)
from sitrep.errors import ConfigError, E, InputError, SitrepError
from sitrep.extractor import Extractor
from sitrep.ingest import extract_stream
from sitrep.nlp.pipeline import PipelineConfig
from sitrep.records import Document, Extraction

# --- on the workers ----------------------------------------------------------------------

_extractors: dict[str, Extractor] = {}
_loading = threading.Lock()
# A worker may run several tasks at once (threads); one pipeline runs one batch at a time.
_running = threading.Lock()


def cached_extractor(config: PipelineConfig) -> Extractor:
    """This process's pipeline for ``config``, built on first use and kept."""
    key = repr(config)
    with _loading:
        if key not in _extractors:
            _extractors[key] = Extractor(config)
        return _extractors[key]


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts, so no task pays for it (or times out on it)."""

    name = "sitrep-pipeline"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def setup(self, worker: Any) -> None:
        cached_extractor(self.config)


@dataclass(slots=True)
class PartitionResult:
    partition_id: str
    documents: int
    failed: int
    records: dict[str, int]
    errors: list[str]  # the first few, for the driver to print
    processed_with: str


def process_partition(
    partition: Partition,
    output: str,
    config: PipelineConfig,
    date: str | None,
    columns: Mapping[str, str],
) -> PartitionResult:
    """Read, extract and write one partition's shards (a Dask task; pure Python in tests)."""
    extractor = cached_extractor(config)
    errors: list[str | InputError] = []
    seen: set[str] = set()

    def documents() -> Iterable[Document]:
        for item in read_partition(partition, date=date, columns=columns):
            if isinstance(item, SitrepError):
                errors.append(item)  # type: ignore[arg-type]
            elif item.id not in seen:  # the same article twice in one partition: once
                seen.add(item.id)
                yield item

    extractions: list[Extraction] = []
    with _running:
        for document, extraction in extract_stream(documents(), extractor.extract_many):
            if isinstance(extraction, Exception):
                errors.append(f"{document.source}: extraction failed: {extraction!r}")
            else:
                extractions.append(extraction)
    tables = partition_tables(extractions, errors, extractor.version)
    fs, root = url_to_fs(output)
    write_shards(fs, root, partition.id, tables)
    return PartitionResult(
        partition.id,
        documents=len(extractions),
        failed=len(errors),
        records={name: tables[name].num_rows for name in TABLES},
        errors=[str(e) for e in errors[:20]],
        processed_with=extractor.version,
    )


# --- the driver --------------------------------------------------------------------------


@dataclass(slots=True)
class BatchSummary:
    partitions: int = 0
    skipped: int = 0  # finished by an earlier run
    done: int = 0
    failed_partitions: int = 0
    documents: int = 0
    failed: int = 0  # inputs that could not be read or extracted
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = (
            f"{self.done} partitions done ({self.documents} documents, {self.failed} failed "
            f"inputs), {self.skipped} already done"
        )
        if self.failed_partitions:
            text += f", {self.failed_partitions} partitions failed (rerun to retry them)"
        return text


ProgressHook = Callable[[int, int], None]  # (documents and failed inputs done, estimate left)


def run_batch(
    inputs: list[str],
    output: str,
    *,
    config: PipelineConfig,
    scheduler: str | None = None,
    local: int | None = None,
    date: str | None = None,
    columns: Mapping[str, str] | None = None,
    partition_size: int = 500,
    on_start: Callable[[int], None] | None = None,
    on_partition: Callable[[PartitionResult], None] | None = None,
) -> BatchSummary:
    """Run the pipeline over ``inputs`` on Dask, writing shards and a manifest to ``output``."""
    from sitrep.readers import parse_date
    from sitrep.readers.fields import resolve_columns

    fallback = parse_date(date, source="--date") if date is not None else None
    resolved = resolve_columns(columns)
    fs, root = url_to_fs(output)
    fs.makedirs(root, exist_ok=True)
    job = {
        "model": config.model,
        "stages": list(config.stages),
        "stage_config": config.stage_config,
        "date": fallback,
        "columns": resolved,
        "partition_size": partition_size,
    }
    manifest = read_manifest(fs, root) or {"schema": MANIFEST_SCHEMA, "job": job, "partitions": {}}
    if manifest.get("job") != job:
        raise ConfigError(
            E.BATCH_OTHER_JOB,
            output=output,
            theirs=_short(manifest.get("job")),
            ours=_short(job),
        )

    partitions, plan_errors = plan(inputs, partition_size)
    summary = BatchSummary(partitions=len(partitions))
    for error in plan_errors:
        summary.failed += 1
        summary.errors.append(str(error))
    # Input order, for `sitrep load`: an entity keeps the description of the first document
    # that names it, as with `sitrep ingest`, whatever order the partitions finish in.
    manifest["order"] = [p.id for p in partitions]
    write_manifest(fs, root, manifest)
    todo = [p for p in partitions if not _finished(fs, root, manifest, p)]
    summary.skipped = len(partitions) - len(todo)
    if on_start:
        on_start(sum(p.estimate for p in todo))
    if not todo:
        return summary

    with _DaskClient(scheduler, local) as client:
        client.register_plugin(PipelinePlugin(config))
        futures = {
            client.submit(
                process_partition,
                partition,
                output,
                config,
                fallback,
                resolved,
                key=f"sitrep-partition-{partition.id}",
                pure=False,
            ): partition
            for partition in todo
        }
        for future in as_completed(futures):
            partition = futures[future]
            try:
                result: PartitionResult = future.result()
            except Exception as error:  # a partition that kept killing workers, a bug
                summary.failed_partitions += 1
                summary.errors.append(f"partition {partition.describe()}: {error!r}")
                continue
            manifest["partitions"][partition.id] = {
                "kind": partition.kind,
                "inputs": partition.describe(),
                "documents": result.documents,
                "failed": result.failed,
                "records": result.records,
                "processed_with": result.processed_with,
            }
            write_manifest(fs, root, manifest)
            summary.done += 1
            summary.documents += result.documents
            summary.failed += result.failed
            summary.errors += result.errors
            if on_partition:
                on_partition(result)
    return summary


def _finished(fs: Any, root: str, manifest: dict[str, Any], partition: Partition) -> bool:
    return partition.id in manifest["partitions"] and all(
        fs.exists(shard_path(root, table, partition.id)) for table in TABLES
    )


def _short(job: Any) -> str:
    if not isinstance(job, dict):
        return "none"
    return f"model {job.get('model')}, stages {','.join(job.get('stages', []))}"


class _DaskClient:
    """A client on a running scheduler, or on a LocalCluster of worker processes."""

    def __init__(self, scheduler: str | None, local: int | None) -> None:
        self.cluster: LocalCluster | None = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="10s")
            except OSError as error:
                raise ConfigError(
                    E.BATCH_SCHEDULER, scheduler=scheduler, reason=str(error)
                ) from error
        else:
            self.cluster = LocalCluster(
                n_workers=local or 1,
                threads_per_worker=1,  # spaCy holds the GIL: parallelism comes from processes
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)

    def __enter__(self) -> Client:
        return self.client

    def __exit__(self, *_: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
