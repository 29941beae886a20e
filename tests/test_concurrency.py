"""Several processes on one database at once, on a real SQLite file and a real PostgreSQL
server: no lost or duplicated documents, no race in creating the schema, no "database is
locked" reaching the user, and queries answer while an ingest writes."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from clirunner import run_cli
from sitrep.store import open_store

WRITER = Path(__file__).parent / "concurrent_writer.py"


def _start_together(commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=900)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def _writers(url: str, ranges: list[tuple[int, int]]) -> list[subprocess.CompletedProcess[str]]:
    start_at = time.time() + 5  # after every writer has imported sitrep
    return _start_together(
        [[sys.executable, str(WRITER), url, str(a), str(b), str(start_at)] for a, b in ranges]
    )


def _no_trouble(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    for bad in ("Traceback", "locked", "already exists", "E203", "E212"):
        assert bad not in result.stderr, result.stderr


def _fresh(store_url: str, tmp_path: Path, name: str) -> str:
    if store_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / name}"
    from conftest import _empty_postgres

    return _empty_postgres(store_url)


@pytest.mark.slow
def test_many_processes_create_the_schema_of_a_new_database_at_once(
    store_url: str, tmp_path: Path
) -> None:
    # Before the lock, 13 of 24 such openings failed ("table ... already exists").
    for round_number in range(3):
        url = _fresh(store_url, tmp_path, f"new{round_number}.db")
        results = _writers(url, [(i, i + 1) for i in range(6)])
        for result in results:
            _no_trouble(result)
        with open_store(url) as store:
            assert store.count_documents() == 6


@pytest.mark.slow
def test_concurrent_writers_lose_and_duplicate_nothing(store_url: str, tmp_path: Path) -> None:
    # Four writers with overlapping ranges on a new database: 0-59, 20-79, 40-99, 60-119.
    url = _fresh(store_url, tmp_path, "writers.db")
    ranges = [(i * 20, i * 20 + 60) for i in range(4)]
    results = _writers(url, ranges)
    for result in results:
        _no_trouble(result)
    added = sum(int(r.stdout) for r in results)
    with open_store(url) as store:
        assert store.count_documents() == 120
        with store.engine.connect() as connection:
            from sqlalchemy import text

            events = connection.execute(text("SELECT count(*) FROM events")).scalar()
    assert added == 120  # each document added by exactly one writer, the others saw it
    assert events == 120  # and its records written once


# --- two `sitrep ingest` at once (model) ------------------------------------------------------


def _corpus(shared_dir: Path, tmp_path: Path, name: str, first: int, last: int) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for path in sorted((shared_dir / "data" / "newswire-silver").glob("*.tml"))[first:last]:
        shutil.copy(path, folder)
    return folder


def _ingest(url: str, folder: Path) -> list[str]:
    return [sys.executable, "-m", "sitrep", "ingest", "--db", url, str(folder)]


def _summary(result: subprocess.CompletedProcess[str]) -> tuple[int, int, int]:
    line = result.stdout.strip().splitlines()[-1]  # "3 ingested, 2 already stored, 0 failed"
    numbers = [int(part.split()[0]) for part in line.split(", ")]
    return numbers[0], numbers[1], numbers[2]


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
@pytest.mark.parametrize("overlap", [False, True], ids=["disjoint", "overlapping"])
def test_two_ingests_at_once_with_queries_meanwhile(
    capsys: pytest.CaptureFixture[str],
    shared_dir: Path,
    tmp_path: Path,
    store_url: str,
    existing: bool,
    overlap: bool,
) -> None:
    if store_url.startswith("postgresql") and existing:
        pytest.skip("PostgreSQL: the new database covers the schema race; writes are the same")
    first = _corpus(shared_dir, tmp_path, "a", 0, 8)
    second = _corpus(shared_dir, tmp_path, "b", 4 if overlap else 8, 12 if overlap else 16)
    total = 12 if overlap else 16
    url = _fresh(store_url, tmp_path, "both.db")
    if existing:
        open_store(url).close()

    seen_counts: list[int] = []
    query_errors: list[BaseException] = []
    running = True

    def query_meanwhile() -> None:
        # A reader on its own connection: the counts only grow, and every document it sees
        # is whole (its record counts match its records).
        while running:
            try:
                if url.startswith("sqlite") and not Path(url.removeprefix("sqlite:///")).exists():
                    time.sleep(0.05)
                    continue
                with open_store(url, create=False, migrate=False) as store:
                    seen_counts.append(store.count_documents())
                    for row in store.documents(limit=None):
                        extraction = store.extraction(row.id)
                        assert len(extraction.mentions) == row.n_mentions
                        assert len(extraction.events) == row.n_events
            except Exception as error:  # the schema may not exist yet on a new database
                if "no such table" not in str(error) and "does not exist" not in str(error):
                    query_errors.append(error)
            time.sleep(0.1)

    reader = threading.Thread(target=query_meanwhile)
    reader.start()
    try:
        results = _start_together([_ingest(url, first), _ingest(url, second)])
    finally:
        running = False
        reader.join()
    for result in results:
        _no_trouble(result)
    (in_a, skip_a, fail_a), (in_b, skip_b, fail_b) = map(_summary, results)
    assert (fail_a, fail_b) == (0, 0)
    assert in_a + in_b == total  # each document ingested by exactly one of them
    assert skip_a + skip_b == (4 if overlap else 0)
    assert not query_errors, query_errors
    assert seen_counts == sorted(seen_counts)  # never a document gone
    with open_store(url) as store:
        assert store.count_documents() == total
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # And the CLI answers a query at the end, as a user would ask it.
    listing = run_cli(capsys, "documents", "--db", url, "--limit", "100", "-f", "json")
    assert listing.status == 0 and listing.out.count('"id"') == total
