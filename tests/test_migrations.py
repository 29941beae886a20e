"""Upgrading a database made by an earlier schema revision keeps every row.

Two checks, both generic over the migrations there are:

* every migration step (revision R after its parent P), on SQLite and PostgreSQL: a
  database built at P and filled with rows made up for whatever tables P has, upgraded to
  R, still holds every row with the same values in every column that R kept;
* a real database as sitrep made it at revision 0001 (``fixtures/store-0001.json``, from
  ``sitrep demo`` and ``scripts/snapshot_store.py``), upgraded to the latest revision, keeps
  every row and reads back through the store as the same records.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
)

from sitrep.store import open_store
from sitrep.store.engine import alembic_config
from test_store import make_extraction

FIXTURE = Path(__file__).parent / "fixtures" / "store-0001.json"
SNAPSHOT_SCRIPT = Path(__file__).parents[1] / "scripts" / "snapshot_store.py"
SQLITE_OWN = ("alembic_version", "documents_fts", "sqlite_")


def _snapshot(database: Path) -> dict[str, Any]:
    """Every row of a SQLite database, as scripts/snapshot_store.py writes the fixture."""
    spec = importlib.util.spec_from_file_location("snapshot_store", SNAPSHOT_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.snapshot(database)


def _steps() -> list[tuple[str, str]]:
    script = ScriptDirectory.from_config(alembic_config())
    return [
        (str(r.down_revision), r.revision)
        for r in script.walk_revisions()
        if isinstance(r.down_revision, str)
    ]


def _value(column: Column[Any], row: int, chosen: dict[str, list[Any]]) -> Any:
    """A made-up value that fits ``column``, the ``row``-th of its table."""
    foreign = next(iter(column.foreign_keys), None)
    if foreign is not None:
        referenced = chosen[foreign.column.table.name]
        return referenced[row % len(referenced)][foreign.column.name]
    kind = column.type
    if isinstance(kind, Boolean):
        return row % 2 == 0
    if isinstance(kind, Integer):
        return row + 1
    if isinstance(kind, Float):
        return row + 0.5
    if isinstance(kind, DateTime):
        return datetime(2020, 6, 23, 10, row, tzinfo=UTC)
    if isinstance(kind, Date):
        return date(2020, 6, row + 1)
    if isinstance(kind, JSON):
        return {"row": row, "text": "Rajnath Singh ✈ Moscow"}
    if isinstance(kind, String):  # Text too
        text = f"{column.table.name}.{column.name} {row} — é"
        return text[: kind.length] if kind.length else text
    if column.nullable:
        return None
    raise AssertionError(f"teach _value about {column.table.name}.{column.name}: {kind!r}")


def _fill(url: str) -> dict[str, list[dict[str, Any]]]:
    """Three made-up rows in every table of the database at ``url``; the rows as read back."""
    metadata = MetaData()
    with open_store(url, migrate=False) as store, store.engine.begin() as connection:
        metadata.reflect(connection)
        chosen: dict[str, list[dict[str, Any]]] = {}
        for table in metadata.sorted_tables:  # referenced tables first
            if table.name.startswith(SQLITE_OWN):
                continue
            rows = [{c.name: _value(c, i, chosen) for c in table.columns} for i in range(3)]
            connection.execute(insert(table), rows)
            chosen[table.name] = rows
        return _read(connection, metadata, chosen)


def _read(connection: Any, metadata: MetaData, tables: Any) -> dict[str, list[dict[str, Any]]]:
    read: dict[str, list[dict[str, Any]]] = {}
    for name in tables:
        table: Table = metadata.tables[name]
        key = list(table.primary_key.columns) or list(table.columns)
        rows = connection.execute(select(table).order_by(*key)).mappings()
        read[name] = [dict(row) for row in rows]
    return read


@pytest.mark.parametrize(("parent", "revision"), _steps())
def test_every_migration_step_keeps_every_row(store_url: str, parent: str, revision: str) -> None:
    with open_store(store_url, migrate=False) as store:
        store.migrate(parent)
    before = _fill(store_url)
    with open_store(store_url, migrate=False) as store:
        store.migrate(revision)
        metadata = MetaData()
        with store.engine.connect() as connection:
            metadata.reflect(connection)
            assert set(before) <= set(metadata.tables), "a migration dropped a table"
            after = _read(connection, metadata, before)
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        for old, new in zip(rows, after[table], strict=True):
            kept = {k: v for k, v in old.items() if k in new}
            assert kept == {k: new[k] for k in kept}, table


def test_a_database_made_by_revision_0001_upgrades_and_reads(tmp_path: Path) -> None:
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert fixture["revision"] == "0001"
    path = tmp_path / "old.db"
    with open_store(str(path), migrate=False) as store:
        store.migrate(fixture["revision"])
    with sqlite3.connect(path) as connection:
        for table, rows in fixture["tables"].items():
            for row in rows:
                names = ", ".join(f'"{k}"' for k in row)
                marks = ", ".join("?" for _ in row)
                connection.execute(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(row.values())
                )

    with open_store(str(path)) as store:  # upgrades to the latest revision
        after = _snapshot(path)["tables"]
        for table, rows in fixture["tables"].items():
            assert len(after[table]) == len(rows), table
            for old, new in zip(rows, after[table], strict=True):  # every row, every value
                assert old == {k: new[k] for k in old}, table
        (document,) = fixture["tables"]["documents"]
        extraction = store.extraction(document["id"])
        assert len(extraction.mentions) == document["n_mentions"]
        assert len(extraction.events) == document["n_events"]
        assert len(extraction.transfers) == document["n_transfers"]
        assert store.documents(search="S-400")[0].id == document["id"]
        # The upgraded database still indexes what is added after it (on SQLite, a
        # migration that rebuilds `documents` must keep the full-text triggers).
        store.add(make_extraction("Talks on the Su-57 fighter resumed in Delhi."), "test")
        assert len(store.documents(search="Su-57")) == 1
