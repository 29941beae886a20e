"""Write every row of a sitrep SQLite database as JSON, with its schema revision.

    python scripts/snapshot_store.py sitrep-demo.db tests/fixtures/store-0001.json

Keeps a database made by one schema revision as a test fixture: tests/test_migrations.py
loads it into a database at that revision, upgrades to the latest one and checks that
every row is still there and readable. Make one from `sitrep demo` whenever a migration is
added, before changing the schema, so the fixture is what users' databases look like.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

# SQLite's full-text index is rebuilt from the documents by the triggers; its shadow
# tables are SQLite's own, not data.
SKIPPED = ("alembic_version", "documents_fts", "sqlite_")


def snapshot(database: Path) -> dict[str, object]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not row[0].startswith(SKIPPED)
        ]
        rows = {
            table: [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
            for table in tables
        }
    return {"revision": revision, "tables": rows}


def main() -> None:
    database, output = Path(sys.argv[1]), Path(sys.argv[2])
    output.write_text(json.dumps(snapshot(database), ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
