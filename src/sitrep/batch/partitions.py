"""Partitions: the input of a batch job cut into slices that one task processes.

Inputs are local paths or any fsspec URL (``s3://bucket/news/``, ``gs://…``, ``file://…``),
each a file, a folder (read recursively, hidden entries skipped) or a glob. Whole-document
files (.txt, .html, .tml) are grouped ``size`` files to a partition; a JSONL file is cut into
ranges of ``size`` lines (the planner streams it once to find line-aligned byte offsets, so
every record keeps the ``path:LINE`` source that ``sitrep ingest`` gives it); a Parquet file
gives one partition per row group; a CSV file is one partition (a quoted cell may span lines,
so it cannot be cut safely). A partition's id is a hash of what it reads, so a rerun over the
same inputs finds the same partitions, and new files added to a folder only add partitions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath
from typing import Any

import fsspec
from fsspec.core import url_to_fs

from sitrep.errors import E, InputError
from sitrep.readers import FORMATS, ReadResult
from sitrep.readers.csvfile import read_csv_stream
from sitrep.readers.fields import document_from_fields
from sitrep.readers.jsonl import read_jsonl_stream
from sitrep.readers.sources import WHOLE_DOCUMENT, read_document

# Batch inputs: the ingest formats plus Parquet tables (one article per row).
BATCH_FORMATS = {**FORMATS, ".parquet": "parquet"}
_GLOB = set("*?[")


@dataclass(frozen=True, slots=True)
class Partition:
    """What one task reads: some whole files, or a slice of one table file."""

    kind: str  # "files", "jsonl", "csv" or "parquet"
    urls: tuple[str, ...]  # fsspec URLs (one for the table kinds)
    sources: tuple[str, ...]  # how each file is named in records and errors
    start: int = 0  # jsonl: byte offset of the first line; parquet: the row group
    end: int = -1  # jsonl: byte offset after the last line
    first_line: int = 1  # jsonl: the number of the first line; parquet: of the first row
    estimate: int = 1  # about how many documents (for progress)

    @property
    def id(self) -> str:
        fields = asdict(self)
        fields.pop("estimate")
        digest = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
        return digest[:20]

    def describe(self) -> str:
        if self.kind == "files":
            more = f" and {len(self.sources) - 1} more" if len(self.sources) > 1 else ""
            return f"{self.sources[0]}{more}"
        if self.kind == "jsonl":
            return f"{self.sources[0]} from line {self.first_line}"
        if self.kind == "parquet":
            return f"{self.sources[0]} row group {self.start}"
        return self.sources[0]


@dataclass(frozen=True, slots=True)
class _Found:
    url: str
    source: str
    kind: str | None


def _expand(given: str) -> Iterator[_Found | InputError]:
    """The files one input names, in name order."""
    fs, root = url_to_fs(given)
    local = "://" not in given

    def source(path: str) -> str:
        if not local:
            return fs.unstrip_protocol(path)
        relative = PurePosixPath(path).relative_to(PurePosixPath(root))
        return str(PurePosixPath(given.rstrip("/")) / relative) if str(relative) != "." else given

    def kind(path: str) -> str | None:
        return BATCH_FORMATS.get(PurePosixPath(path).suffix.lower())

    if _GLOB & set(given):
        paths = sorted(fs.glob(root))
    elif fs.isdir(root):
        paths = []
        for path in sorted(fs.find(root)):
            relative = PurePosixPath(path).relative_to(PurePosixPath(root))
            if not any(part.startswith(".") for part in relative.parts) and kind(path):
                paths.append(path)
    elif fs.exists(root):
        found = kind(root)
        if found is None:
            suffix = PurePosixPath(root).suffix or PurePosixPath(root).name
            yield InputError(E.UNKNOWN_FORMAT, source=given, suffix=suffix)
            return
        paths = [root]
    else:
        yield InputError(E.NOT_FOUND, source=given)
        return
    for path in paths:
        yield _Found(fs.unstrip_protocol(path), source(path), kind(path))


def plan(inputs: Iterable[str], size: int) -> tuple[list[Partition], list[InputError]]:
    """The partitions of ``inputs`` (about ``size`` documents each) and inputs that are not."""
    partitions: list[Partition] = []
    errors: list[InputError] = []
    group: list[_Found] = []

    def close_group() -> None:
        if group:
            partitions.append(
                Partition(
                    "files",
                    tuple(f.url for f in group),
                    tuple(f.source for f in group),
                    estimate=len(group),
                )
            )
            group.clear()

    for given in inputs:
        for found in _expand(given):
            if isinstance(found, InputError):
                errors.append(found)
            elif found.kind in WHOLE_DOCUMENT:
                group.append(found)
                if len(group) >= size:
                    close_group()
            else:
                close_group()  # partitions stay in input order (entities: first mention wins)
                if found.kind == "jsonl":
                    partitions += _jsonl_partitions(found, size)
                elif found.kind == "parquet":
                    partitions += _parquet_partitions(found)
                else:
                    partitions.append(Partition("csv", (found.url,), (found.source,)))
    close_group()
    return partitions, errors


def _jsonl_partitions(found: _Found, size: int) -> list[Partition]:
    """Line ranges of ``size`` non-blank lines, found by streaming the file once."""
    partitions: list[Partition] = []
    start = position = lines = 0
    first_line = number = 1

    def close() -> None:
        partitions.append(
            Partition(
                "jsonl",
                (found.url,),
                (found.source,),
                start=start,
                end=position,
                first_line=first_line,
                estimate=max(lines, 1),
            )
        )

    with fsspec.open(found.url, "rb") as stream:
        for raw in stream:
            if lines >= size:
                close()
                start, first_line, lines = position, number, 0
            if raw.strip():
                lines += 1
            position += len(raw)
            number += 1
    if lines or not partitions:
        close()  # an empty file still gets one partition, which reports it (E104)
    return partitions


def _parquet_partitions(found: _Found) -> list[Partition]:
    import pyarrow.parquet as pq

    with fsspec.open(found.url, "rb") as stream:
        metadata = pq.ParquetFile(stream).metadata
    partitions = []
    first_row = 1
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        partitions.append(
            Partition(
                "parquet",
                (found.url,),
                (found.source,),
                start=group,
                first_line=first_row,
                estimate=rows,
            )
        )
        first_row += rows
    return partitions


def read_partition(
    partition: Partition, *, date: str | None, columns: Mapping[str, str]
) -> Iterator[ReadResult]:
    """The Documents of a partition, with coded errors in place (the readers' rules)."""
    try:
        if partition.kind == "files":
            for url, source in zip(partition.urls, partition.sources, strict=True):
                yield _read_whole(url, source, date)
        elif partition.kind == "jsonl":
            yield from _read_jsonl_range(partition, date, columns)
        elif partition.kind == "csv":
            delimiter = "\t" if partition.urls[0].lower().endswith(".tsv") else ","
            with fsspec.open(partition.urls[0], "rb") as stream:
                yield from read_csv_stream(
                    stream,
                    source=partition.sources[0],
                    date=date,
                    columns=columns,
                    delimiter=delimiter,
                )
        else:
            yield from _read_parquet_group(partition, date, columns)
    except FileNotFoundError:
        yield InputError(E.NOT_FOUND, source=partition.sources[0])
    except OSError as error:
        yield InputError(E.UNREADABLE, source=partition.sources[0], reason=str(error))


def _read_whole(url: str, source: str, date: str | None) -> ReadResult:
    try:
        with fsspec.open(url, "rb") as stream:
            data = stream.read()
    except FileNotFoundError:
        return InputError(E.NOT_FOUND, source=source)
    except OSError as error:
        return InputError(E.UNREADABLE, source=source, reason=str(error))
    kind = BATCH_FORMATS[PurePosixPath(url).suffix.lower()]
    return read_document(data, kind=kind, source=source, date=date)


def _read_jsonl_range(
    partition: Partition, date: str | None, columns: Mapping[str, str]
) -> Iterator[ReadResult]:
    with fsspec.open(partition.urls[0], "rb") as stream:
        stream.seek(partition.start)

        def lines() -> Iterator[bytes]:
            position = partition.start
            for raw in stream:
                if position >= partition.end:
                    return
                position += len(raw)
                yield raw

        yield from read_jsonl_stream(
            lines(),
            source=partition.sources[0],
            date=date,
            columns=columns,
            first_line=partition.first_line,
            offset=partition.start,
        )


def _read_parquet_group(
    partition: Partition, date: str | None, columns: Mapping[str, str]
) -> Iterator[ReadResult]:
    import pyarrow.parquet as pq

    with fsspec.open(partition.urls[0], "rb") as stream:
        rows: list[dict[str, Any]] = (
            pq.ParquetFile(stream).read_row_group(partition.start).to_pylist()
        )
    for number, row in enumerate(rows, start=partition.first_line):
        source = f"{partition.sources[0]}:{number}"
        yield document_from_fields(row, source=source, date=date, columns=columns)
