"""`sitrep load`: a batch job's Parquet shards into SQLite or PostgreSQL, in bulk.

One transaction per partition: its documents are inserted unless already stored (the same
article from another partition or an earlier ingest is skipped, never duplicated), then the
records of the documents inserted now. On PostgreSQL every table goes through ``COPY`` into
a temporary staging table and one ``INSERT … SELECT``; on SQLite through executemany inserts
(SQLite has no COPY, and in-process inserts are its bulk path). Loading the same output again
is a no-op, so a load that died half-way is simply run again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.core import url_to_fs
from sqlalchemy import Connection, insert

from sitrep.batch.shards import SCHEMAS, read_manifest, shard_path
from sitrep.errors import ConfigError, E
from sitrep.store import Store, schema

RECORD_TABLES = ("time_expressions", "mentions", "events", "transfers")


@dataclass(slots=True)
class LoadSummary:
    partitions: int = 0
    loaded: int = 0  # documents inserted
    skipped: int = 0  # documents already stored

    def __str__(self) -> str:
        return (
            f"{self.partitions} partitions: {self.loaded} documents loaded, "
            f"{self.skipped} already stored"
        )


def partition_ids(output: str) -> list[str]:
    """The finished partitions of a batch output, in input order."""
    fs, root = url_to_fs(output)
    manifest = read_manifest(fs, root)
    if manifest is None:
        raise ConfigError(E.NO_SHARDS, output=output)
    finished = manifest["partitions"]
    ordered = [p for p in manifest.get("order", []) if p in finished]
    return ordered + [p for p in finished if p not in set(ordered)]


def load(
    output: str, store: Store, *, on_partition: Callable[[int, int], None] | None = None
) -> LoadSummary:
    """Load every finished partition of ``output`` into ``store``; then, as an ingest does,
    alert the watches and link the new events into stories."""
    fs, root = url_to_fs(output)
    summary = LoadSummary()
    for partition_id in partition_ids(output):
        tables = {}
        for name in ("documents", "entities", *RECORD_TABLES):
            with fs.open(shard_path(root, name, partition_id), "rb") as stream:
                tables[name] = pq.read_table(stream, schema=SCHEMAS[name])
        with store.engine.begin() as connection:
            if store.dialect == "postgresql":
                loaded = _copy_partition(connection, tables)
            else:
                loaded = _insert_partition(store, connection, tables)
        summary.partitions += 1
        summary.loaded += loaded
        summary.skipped += tables["documents"].num_rows - loaded
        if on_partition:
            on_partition(loaded, tables["documents"].num_rows - loaded)
    if summary.loaded:
        from sitrep.ingest import after_storing

        after_storing(store)
    return summary


def _with_json(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        if "record" in row:
            row["record"] = json.loads(row["record"])
    return rows


def _insert_partition(store: Store, connection: Connection, tables: dict[str, pa.Table]) -> int:
    now = datetime.now(UTC)
    documents = [{**row, "ingested_at": now} for row in tables["documents"].to_pylist()]
    if not documents:
        return 0
    docs = schema.documents
    new = set(
        connection.scalars(
            store.dialect_insert(docs)
            .on_conflict_do_nothing(index_elements=["id"])
            .returning(docs.c.id),
            documents,
        )
    )
    entities = _with_json(tables["entities"].to_pylist())
    if entities and new:
        connection.execute(
            store.dialect_insert(schema.entities).on_conflict_do_nothing(index_elements=["id"]),
            entities,
        )
    for name in RECORD_TABLES:
        rows = [r for r in tables[name].to_pylist() if r["document_id"] in new]
        if rows:
            connection.execute(insert(schema.metadata.tables[name]), _with_json(rows))
    return len(new)


def _copy_partition(connection: Connection, tables: dict[str, pa.Table]) -> int:
    """PostgreSQL: COPY each shard into a staging table, then INSERT … SELECT what is new."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    for name, table in tables.items():
        columns = ", ".join(table.column_names)
        cursor.execute(
            f"CREATE TEMP TABLE stage_{name} ON COMMIT DROP AS "
            f"SELECT {columns} FROM {name} WITH NO DATA"
        )
        # seq keeps the shard's row order, so records get ids in the order ingest gives them.
        cursor.execute(f"ALTER TABLE stage_{name} ADD COLUMN seq bigserial")
        with cursor.copy(f"COPY stage_{name} ({columns}) FROM STDIN") as copy:
            for row in _rows(table):
                copy.write_row(row)
    document_columns = ", ".join(tables["documents"].column_names)
    cursor.execute("CREATE TEMP TABLE stage_new (id text PRIMARY KEY) ON COMMIT DROP")
    cursor.execute(
        f"WITH inserted AS (INSERT INTO documents ({document_columns}, ingested_at) "
        f"SELECT {document_columns}, now() FROM stage_documents ORDER BY seq "
        f"ON CONFLICT (id) DO NOTHING RETURNING id) "
        f"INSERT INTO stage_new SELECT id FROM inserted"
    )
    loaded = cursor.execute("SELECT count(*) FROM stage_new").fetchone()[0]
    if loaded:
        entity_columns = ", ".join(tables["entities"].column_names)
        cursor.execute(
            f"INSERT INTO entities ({entity_columns}) SELECT {entity_columns} "
            f"FROM stage_entities ORDER BY seq ON CONFLICT (id) DO NOTHING"
        )
        for name in RECORD_TABLES:
            columns = ", ".join(tables[name].column_names)
            cursor.execute(
                f"INSERT INTO {name} ({columns}) SELECT {columns} FROM stage_{name} "
                f"WHERE document_id IN (SELECT id FROM stage_new) ORDER BY seq"
            )
    for name in [*tables, "new"]:
        cursor.execute(f"DROP TABLE stage_{name}")
    return int(loaded)


def _rows(table: pa.Table) -> Iterator[tuple[Any, ...]]:
    columns = [column.to_pylist() for column in table.columns]
    return zip(*columns, strict=True)
