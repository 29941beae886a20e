"""Opening a database that several processes share: connection settings, locks and retries.

* SQLite runs in WAL mode, so readers (queries, the web UI) never block the one writer, with
  a busy timeout, so that a writer waits for another's transaction instead of failing. The
  few "database is locked" errors SQLite reports without waiting (a concurrent switch to
  WAL, recovery after a crash) are retried with backoff; if the lock outlasts all that, the
  user gets E212, never the driver's message.
* Creating or upgrading the schema happens under a lock (``BEGIN IMMEDIATE`` on SQLite, a
  transaction-scoped advisory lock on PostgreSQL), so two ingests started at once on a new
  database do not both create the tables: the second waits, then finds the schema there.
  The revision is read first without a lock, so opening an up-to-date database (the usual
  case) takes no write lock at all.
* A database whose schema revision this sitrep does not know (made by a newer sitrep) is
  refused with E213 instead of an Alembic traceback.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from sitrep.errors import ConfigError, E

__all__ = [
    "BUSY_TIMEOUT_S",
    "alembic_config",
    "connect_args",
    "is_busy",
    "retry_busy",
    "sqlite_pragmas",
    "upgrade",
]

# How long one statement waits for another process's lock before SQLite gives up. Writers
# hold the lock for one document's transaction (milliseconds), so a minute means something
# is wrong with the other process, not that it is busy.
BUSY_TIMEOUT_S = 60
_RETRIES = 6  # on top of the busy timeout, for the cases SQLite does not wait in
_MIGRATION_LOCK_KEY = 0x73697472  # "sitr": the PostgreSQL advisory lock of schema changes


def connect_args(dialect: str) -> dict[str, Any]:
    """Driver options: the SQLite driver's own busy wait, which also covers the pragmas."""
    return {"timeout": BUSY_TIMEOUT_S} if dialect == "sqlite" else {}


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # The busy timeout first: switching to WAL needs a lock another process may hold.
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    # WAL lets readers (the CLI, the web UI) query while an ingest writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; safe with WAL
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def is_busy(error: OperationalError) -> bool:
    """Whether ``error`` is SQLite's "database is locked" (or "busy"), worth a retry."""
    message = str(error.orig).lower()
    return "database is locked" in message or "database is busy" in message


def retry_busy[T](action: Callable[[], T], *, url: str) -> T:
    """``action()``, retried with growing random backoff while the database is locked."""
    delay = 0.05
    for attempt in range(_RETRIES):
        try:
            return action()
        except OperationalError as error:
            if not is_busy(error):
                raise
            if attempt == _RETRIES - 1:
                raise ConfigError(
                    E.DATABASE_BUSY, url=url, seconds=BUSY_TIMEOUT_S * _RETRIES
                ) from error
        time.sleep(delay * (1 + random.random()))
        delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def alembic_config() -> Config:
    """Alembic's configuration for sitrep's migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(files("sitrep.store") / "migrations"))
    return config


def upgrade(engine: Engine, *, url: str, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the latest by default); a no-op when it is there."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)

    def current_heads() -> set[str]:
        # Connecting sets WAL mode, which SQLite may refuse at once (no busy wait) while
        # another process creates the schema: retried like the upgrade itself.
        with engine.connect() as connection:
            return set(MigrationContext.configure(connection).get_current_heads())

    current = retry_busy(current_heads, url=url)
    wanted = set(script.get_heads()) if revision == "head" else {revision}
    if current == wanted:
        return
    known = {r.revision for r in script.walk_revisions()}
    unknown = sorted(current - known)
    if unknown:
        raise ConfigError(
            E.SCHEMA_TOO_NEW, url=url, found=unknown[0], known=", ".join(script.get_heads())
        )

    def run() -> None:
        with engine.begin() as connection:
            if connection.dialect.name == "sqlite":
                # The write lock now, before Alembic reads the revision: a concurrent
                # creator waits here (busy timeout) and then finds the schema made.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            elif connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                )
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    retry_busy(run, url=url)
