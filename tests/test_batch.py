"""`sitrep batch` on a real Dask LocalCluster, its Parquet shards, and `sitrep load`.

The reference is a single-process `sitrep ingest` of the same inputs: loading the batch's
shards must give the same database, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from clirunner import run_cli
from test_ingest import _contents

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _corpus(shared_dir: Path, folder: Path, files: int, lines: int) -> Path:
    """``files`` newswire .tml files, a JSONL file of ``lines`` more articles, one bad file."""
    folder.mkdir()
    silver = sorted((shared_dir / "data" / "newswire-silver").glob("*.tml"))
    for path in silver[:files]:
        shutil.copy(path, folder)
    from sitrep.readers import read_paths

    with (folder / "more.jsonl").open("w", encoding="utf-8") as out:
        for document in read_paths(silver[files : files + lines]):
            record = {"date": document.date, "title": document.title, "text": document.text}
            out.write(json.dumps(record) + "\n")
    (folder / "undated.txt").write_text("Talks were held in Delhi on Monday.")
    return folder


@pytest.fixture(scope="module")
def corpus(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(shared_dir, tmp_path_factory.mktemp("batch") / "corpus", files=9, lines=7)


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The single-process reference: `sitrep ingest --jobs 1` into SQLite."""
    db = tmp_path_factory.mktemp("reference") / "ingest.db"
    command = [sys.executable, "-m", "sitrep", "--db", str(db), "ingest", str(corpus), "-j", "1"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert "16 ingested, 0 already stored, 1 failed" in result.stdout, result.stderr
    return f"sqlite:///{db}"


def test_batch_on_a_local_cluster_equals_a_single_process_run(
    capsys: pytest.CaptureFixture[str],
    corpus: Path,
    ingested: str,
    store_url: str,
    tmp_path: Path,
) -> None:
    output = tmp_path / "shards"
    url = output.as_uri()  # fsspec URL (file://…) for the output
    args = ["batch", str(corpus), url, "--local", "2", "--partition-size", "4"]
    result = run_cli(capsys, *args)
    # 9 .tml files -> 3 partitions, 7 JSONL lines -> 2, the undated file after them -> 1.
    assert result.status == 1, result.err  # the undated file failed, and only it
    assert "6 partitions done (16 documents, 1 failed inputs), 0 already done" in result.out
    assert "E105" in result.err and "undated.txt" in result.err

    # The shards are plain Parquet: pyarrow reads a table folder as one dataset.
    events = ds.dataset(output / "events", format="parquet").to_table()
    documents = pq.read_table(output / "documents")
    assert documents.num_rows == 16
    assert len(set(documents.column("id").to_pylist())) == 16
    assert events.num_rows > 0
    assert set(events.column("document_id").to_pylist()) <= set(documents.column("id").to_pylist())
    errors = pq.read_table(output / "errors").to_pylist()
    assert [e["code"] for e in errors] == ["E105"]

    loaded = run_cli(capsys, "--db", store_url, "load", str(output))
    assert loaded.status == 0, loaded.err
    assert "16 documents loaded, 0 already stored" in loaded.out
    assert _contents(store_url) == _contents(ingested)

    again = run_cli(capsys, *args)  # a finished job reruns nothing
    assert "0 partitions done (0 documents, 0 failed inputs), 6 already done" in again.out
    reloaded = run_cli(capsys, "--db", store_url, "load", str(output))
    assert "0 documents loaded, 16 already stored" in reloaded.out
    assert _contents(store_url) == _contents(ingested)


def _workers(pid: int) -> list[psutil.Process]:
    """The batch job's Dask worker processes that have loaded the model."""
    children = psutil.Process(pid).children(recursive=True)
    return [c for c in children if c.memory_info().rss > 300 * 2**20]


def _finished(output: Path) -> int:
    try:
        return len(json.loads((output / "_manifest.json").read_text())["partitions"])
    except (FileNotFoundError, json.JSONDecodeError):
        return 0


def test_a_worker_killed_mid_job_and_a_rerun_leave_no_duplicates(
    corpus: Path, ingested: str, tmp_path: Path
) -> None:
    output = tmp_path / "shards"
    command = [sys.executable, "-m", "sitrep", "batch", str(corpus), str(output)]
    command += ["--local", "2", "--partition-size", "2"]  # 10 partitions
    job = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while _finished(output) < 1 and time.monotonic() < deadline and job.poll() is None:
        time.sleep(0.2)
    workers = _workers(job.pid)
    assert workers and _finished(output) < 10, "the kill must land mid-job"
    workers[0].send_signal(signal.SIGKILL)
    out, err = job.communicate(timeout=600)
    # Dask reruns the dead worker's task elsewhere; the job finishes (or says to rerun).
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert "10 already done" in rerun.stdout or "already done" in out, (out, err, rerun.stdout)
    assert _finished(output) == 10

    documents = pq.read_table(output / "documents").column("id").to_pylist()
    assert len(documents) == len(set(documents)) == 16  # no partition written twice
    leftovers = [p for p in output.rglob("*") if p.name.startswith(".")]
    assert leftovers == []  # no half-written shard left behind
    db = tmp_path / "loaded.db"
    load = subprocess.run(
        [sys.executable, "-m", "sitrep", "--db", str(db), "load", str(output)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "16 documents loaded" in load.stdout, load.stderr
    assert _contents(f"sqlite:///{db}") == _contents(ingested)


def test_batch_on_a_running_scheduler(
    capsys: pytest.CaptureFixture[str], shared_dir: Path, tmp_path: Path
) -> None:
    from distributed import LocalCluster

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((shared_dir / "data" / "newswire-silver").glob("*.tml"))[:3]:
        shutil.copy(path, corpus)
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        result = run_cli(
            capsys,
            "batch",
            str(corpus),
            str(tmp_path / "out"),
            "--scheduler",
            cluster.scheduler_address,
        )
    assert result.status == 0, result.err
    assert "1 partitions done (3 documents, 0 failed inputs)" in result.out

    unreachable = run_cli(
        capsys, "batch", str(corpus), str(tmp_path / "other"), "--scheduler", "tcp://127.0.0.1:9"
    )
    assert unreachable.status == 2
    assert "E402" in unreachable.err
