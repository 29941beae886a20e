"""A process killed mid-ingest leaves a consistent database, and a rerun finishes the job."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

N_FILES = 100  # several write batches (ingest writes up to 64 documents per transaction)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def test_kill_mid_ingest_leaves_no_partial_document(shared_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((shared_dir / "data" / "newswire-silver").glob("*.tml"))[:N_FILES]:
        shutil.copy(path, corpus)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "sitrep", "--db", str(db), "ingest", str(corpus)]

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _stored(db) < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored_before = _stored(db)
    assert 5 <= stored_before < N_FILES, "the kill must land mid-batch"

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Every stored document has exactly the records its row says were written with it.
        for table, column in (
            ("mentions", "n_mentions"),
            ("time_expressions", "n_time_expressions"),
        ):
            mismatched = connection.execute(
                f"SELECT count(*) FROM documents d WHERE d.{column} != "
                f"(SELECT count(*) FROM {table} r WHERE r.document_id = d.id)"
            ).fetchone()[0]
            assert mismatched == 0
        orphans = connection.execute(
            "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert (
        f"{N_FILES - stored_before} ingested, {stored_before} already stored, 0 failed"
        in rerun.stdout
    )
    assert _stored(db) == N_FILES
