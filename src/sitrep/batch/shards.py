"""Parquet shards: one file per table and partition, written atomically, and the manifest.

    OUTPUT/documents/part-<partition id>.parquet     one row per document (with its text)
    OUTPUT/entities/…  time_expressions/…  mentions/…  events/…  transfers/…  errors/…
    OUTPUT/_manifest.json                            the job and its finished partitions

The columns are the store's (``sitrep.store.rows``), with each record's full JSON in a
``record`` string column, so ``sitrep load`` equals ingesting directly and DuckDB or pandas
read a table folder as it is (``read_parquet('OUTPUT/events/*.parquet')``). A shard is
written under a hidden name (``.part-….tmp``, which Arrow, DuckDB and pandas skip) and renamed
into place; a partition counts as finished only once the manifest lists it, after all its
shards are in place, so a job killed at any moment never leaves a half-written partition
that a restart would trust.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem

from sitrep.errors import InputError
from sitrep.records import Extraction, to_json_dict
from sitrep.store.rows import (
    event_row,
    mention_row,
    record_counts,
    timex_row,
    transfer_row,
)

MANIFEST = "_manifest.json"
MANIFEST_SCHEMA = "sitrep.batch/1"

_S, _I, _F = pa.string(), pa.int64(), pa.float64()
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("id", _S),
            ("date", _S),
            ("title", _S),
            ("url", _S),
            ("source", _S),
            ("language", _S),
            ("text", _S),
            ("processed_with", _S),
            ("n_time_expressions", _I),
            ("n_mentions", _I),
            ("n_events", _I),
            ("n_transfers", _I),
        ]
    ),
    "entities": pa.schema(
        [("id", _S), ("name", _S), ("kind", _S), ("country", _S), ("record", _S)]
    ),
    "time_expressions": pa.schema(
        [
            ("document_id", _S),
            ("start_char", _I),
            ("end_char", _I),
            ("text", _S),
            ("type", _S),
            ("value", _S),
            ("earliest", _S),
            ("latest", _S),
            ("record", _S),
        ]
    ),
    "mentions": pa.schema(
        [
            ("document_id", _S),
            ("start_char", _I),
            ("end_char", _I),
            ("text", _S),
            ("label", _S),
            ("entity_id", _S),
        ]
    ),
    "events": pa.schema(
        [
            ("document_id", _S),
            ("event_type", _S),
            ("modality", _S),
            ("actor_countries", _S),
            ("recipient_countries", _S),
            ("actor_names", _S),
            ("recipient_names", _S),
            ("location", _S),
            ("date", _S),
            ("quad", _I),
            ("confidence", _F),
            ("record", _S),
            ("actor_entities", _S),
            ("recipient_entities", _S),
            ("intensity", _F),
        ]
    ),
    "transfers": pa.schema(
        [
            ("document_id", _S),
            ("supplier", _S),
            ("recipient", _S),
            ("system", _S),
            ("kind", _S),
            ("status", _S),
            ("record", _S),
        ]
    ),
    "errors": pa.schema([("source", _S), ("code", _S), ("message", _S)]),
}
TABLES = tuple(SCHEMAS)


def _json_record(row: dict[str, Any]) -> dict[str, Any]:
    if "record" in row:
        row["record"] = json.dumps(row["record"], ensure_ascii=False)
    return row


def partition_tables(
    extractions: Sequence[Extraction], errors: Iterable[str | InputError], processed_with: str
) -> dict[str, pa.Table]:
    """The shard tables of one partition's extractions and failed inputs."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    entities: dict[str, dict[str, Any]] = {}
    for x in extractions:
        document = to_json_dict(x.document)
        rows["documents"].append({**document, **record_counts(x, processed_with)})
        for entity in {e.id: e for e in x.entities}.values():  # as the store: first document's
            entities.setdefault(
                entity.id,
                {
                    "id": entity.id,
                    "name": entity.name,
                    "kind": entity.kind,
                    "country": entity.country,
                    "record": to_json_dict(entity),
                },
            )
        doc_id = x.document.id
        rows["time_expressions"] += [timex_row(doc_id, t) for t in x.time_expressions]
        rows["mentions"] += [mention_row(doc_id, m) for m in x.mentions]
        rows["events"] += [event_row(x.document, e) for e in x.events]
        rows["transfers"] += [transfer_row(doc_id, t) for t in x.transfers]
    rows["entities"] = list(entities.values())
    for error in errors:
        code = error.code if isinstance(error, InputError) else "extract"
        source = str(error.fields.get("source", "")) if isinstance(error, InputError) else ""
        rows["errors"].append({"source": source, "code": code, "message": str(error)})
    return {
        name: pa.Table.from_pylist([_json_record(r) for r in table_rows], schema=SCHEMAS[name])
        for name, table_rows in rows.items()
    }


def shard_path(root: str, table: str, partition_id: str) -> str:
    return f"{root.rstrip('/')}/{table}/part-{partition_id}.parquet"


def write_shards(
    fs: AbstractFileSystem, root: str, partition_id: str, tables: Mapping[str, pa.Table]
) -> None:
    """Every table's shard for a partition, each written under a hidden name, then renamed.

    A rerun of the partition writes the same names, so it replaces rather than duplicates.
    """
    for name, table in tables.items():
        final = shard_path(root, name, partition_id)
        folder, _, base = final.rpartition("/")
        fs.makedirs(folder, exist_ok=True)
        temporary = f"{folder}/.{base}.tmp"
        with fs.open(temporary, "wb") as stream:
            pq.write_table(table, stream)
        fs.mv(temporary, final)


def read_manifest(fs: AbstractFileSystem, root: str) -> dict[str, Any] | None:
    path = f"{root.rstrip('/')}/{MANIFEST}"
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as stream:
        return json.loads(stream.read())


def write_manifest(fs: AbstractFileSystem, root: str, manifest: dict[str, Any]) -> None:
    """Replace the manifest atomically (write aside, rename)."""
    path = f"{root.rstrip('/')}/{MANIFEST}"
    temporary = f"{root.rstrip('/')}/.{MANIFEST}.tmp"
    manifest["updated"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with fs.open(temporary, "wb") as stream:
        stream.write(json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
    fs.mv(temporary, path)
