"""SIGKILL at random points of `sitrep ingest`, with and without --jobs: the database stays
consistent (integrity check, only whole documents, schema version intact), no worker
outlives its parent, and a rerun completes the batch.

The number of kills is ``SITREP_KILLS`` (default 50, half of them with ``--jobs 2``). Kills
land at random moments: while the program starts and creates the schema of a new database,
and while it writes documents.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

KILLS = int(os.environ.get("SITREP_KILLS", "50"))
FILES_PER_ROUND = 20
KILLS_PER_ROUND = 5
RECORD_TABLES = {
    "time_expressions": "n_time_expressions",
    "mentions": "n_mentions",
    "events": "n_events",
    "transfers": "n_transfers",
}


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (workers, the resource tracker), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"  # a zombie has ended; only its entry is left


def _head_revision() -> str:
    from alembic.script import ScriptDirectory

    from sitrep.store.engine import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head()  # type: ignore[return-value]


def _check_consistent(db: Path, head: str) -> None:
    if not db.exists():
        return  # killed before the file was made
    with sqlite3.connect(db, timeout=30) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            # Killed while creating the schema: nothing of it may be left half-made.
            assert not tables & {"documents", *RECORD_TABLES}, tables
            return
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
        for table, count in RECORD_TABLES.items():
            # Every stored document has exactly the records its row says were written.
            mismatched = connection.execute(
                f"SELECT count(*) FROM documents d WHERE d.{count} != "
                f"(SELECT count(*) FROM {table} r WHERE r.document_id = d.id)"
            ).fetchone()[0]
            assert mismatched == 0, table
            orphans = connection.execute(
                f"SELECT count(*) FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, table
        fts = connection.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert fts == connection.execute("SELECT count(*) FROM documents").fetchone()[0]


def _kill_once(command: list[str], db: Path, rng: random.Random, during_start: bool) -> str | None:
    """Start ``command``, SIGKILL it at a random moment, return where it was killed (None:
    it had finished first)."""
    before = _stored(db)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    if during_start:
        time.sleep(rng.uniform(0.2, 4.0))  # importing, loading, creating the schema
        moment = "start"
    else:
        while _stored(db) <= before and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.4))  # somewhere among the writes
        moment = "writing"
    family = _descendants(process.pid)
    if process.poll() is not None:
        return None
    process.send_signal(signal.SIGKILL)
    process.wait()
    ends = time.monotonic() + 5
    while any(_alive(pid) for pid in family) and time.monotonic() < ends:
        time.sleep(0.1)
    survivors = [pid for pid in family if _alive(pid)]
    for pid in survivors:  # do not leave them running if the test fails
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"processes outlived their parent 5 s after SIGKILL: {survivors}"
    return moment


def test_random_kills_leave_a_consistent_database_and_no_orphans(
    shared_dir: Path, tmp_path: Path
) -> None:
    rng = random.Random(50)
    newswire = sorted((shared_dir / "data" / "newswire-silver").glob("*.tml"))
    head = _head_revision()
    kills = {"start": 0, "writing": 0}
    for round_number in range(3 * KILLS // KILLS_PER_ROUND + 1):
        if sum(kills.values()) >= KILLS:
            break
        corpus = tmp_path / f"corpus{round_number}"
        corpus.mkdir()
        for path in rng.sample(newswire, FILES_PER_ROUND):
            shutil.copy(path, corpus)
        db = tmp_path / f"killed{round_number}.db"
        jobs = ["--jobs", "2"] if round_number % 2 else []
        command = [sys.executable, "-m", "sitrep", "--db", str(db), "ingest", str(corpus), *jobs]
        for kill in range(KILLS_PER_ROUND):
            # The first kill of a round may hit the creation of the new database's schema.
            moment = _kill_once(command, db, rng, during_start=kill == 0 or rng.random() < 0.2)
            _check_consistent(db, head)
            if moment is None:
                break  # the batch was done before the kill: on to the next round
            kills[moment] += 1
        stored_before = _stored(db)
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=900)
        assert rerun.returncode == 0, rerun.stderr
        assert (
            f"{FILES_PER_ROUND - stored_before} ingested, {stored_before} already stored, 0 failed"
            in rerun.stdout
        )
        assert _stored(db) == FILES_PER_ROUND
        _check_consistent(db, head)
    assert sum(kills.values()) >= KILLS
    print(f"\n{sum(kills.values())} SIGKILLs survived: {kills}")  # shown with pytest -s
