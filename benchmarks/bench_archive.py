"""A large archive on one machine: `sitrep ingest` over N articles, memory sampled throughout.

    nice -n 19 python benchmarks/bench_archive.py [--articles 100000] [--jobs 2] [--every 10]

The archive is the newswire-silver set (2,452 AFP/Xinhua articles) repeated until N articles,
each copy's text given one extra closing line ("Archive copy 7.") so that every article is a
new document (ids are content hashes). It is written once as one JSONL file, then
`sitrep ingest FILE --jobs J` runs in a subprocess into a fresh SQLite file while this script
samples, every few seconds, the resident memory (VmRSS, from /proc; Linux only) of the ingest
process and of each worker process, and the number of documents stored.

Printed: a memory timeline (main and each worker, at each tenth of the run), peak memory per
process (VmHWM), the growth of each worker between the first and last tenth (flat memory means
near zero), throughput in articles/s and articles/hour, and the machine's load average so a
figure taken on a busy machine says so.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "newswire-silver"


def write_archive(folder: Path, articles: int, out: Path) -> int:
    """The silver set repeated as JSONL until ``articles`` lines; returns the words written."""
    from sitrep.readers import read_paths
    from sitrep.records import Document

    documents = [d for d in read_paths([folder]) if isinstance(d, Document)]
    words = 0
    with out.open("w", encoding="utf-8") as stream:
        for n in range(articles):
            document = documents[n % len(documents)]
            copy = n // len(documents)
            text = document.text if copy == 0 else f"{document.text}\n\nArchive copy {copy}."
            words += len(text.split())
            record = {"date": document.date, "title": document.title, "text": text}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of ``pid`` in KiB (empty once it has exited)."""
    values: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as stream:
            for line in stream:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return values


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as stream:
                found += [int(c) for c in stream.read().split()]
    except FileNotFoundError:
        pass
    return found


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@dataclass
class Sample:
    seconds: float
    stored: int
    main_mb: float
    workers_mb: list[float] = field(default_factory=list)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=float, default=10.0, help="seconds between samples")
    parser.add_argument("--workdir", type=Path, help="where the JSONL and database go")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-archive-"))
    workdir.mkdir(parents=True, exist_ok=True)
    archive, db = workdir / "archive.jsonl", workdir / "archive.db"
    db.unlink(missing_ok=True)
    words = write_archive(args.folder, args.articles, archive)
    size = archive.stat().st_size >> 20
    print(f"archive: {args.articles} articles, {words} words, {size} MiB", flush=True)
    print(f"load average before: {os.getloadavg()}  cores: {os.cpu_count()}", flush=True)

    command = [sys.executable, "-m", "sitrep", "--db", str(db), "ingest", str(archive)]
    command += ["--jobs", str(args.jobs)]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    samples: list[Sample] = []
    peaks: dict[int, int] = {}  # pid -> VmHWM KiB
    loads: list[float] = []
    print(f"\nsamples every {args.every:.0f} s (MiB resident):", flush=True)
    print(f"{'elapsed s':>10}{'stored':>9}{'main':>8}  workers", flush=True)
    while process.poll() is None:
        time.sleep(args.every)
        workers = [p for p in _children(process.pid) if p != process.pid]
        statuses = {pid: _status(pid) for pid in [process.pid, *workers]}
        for pid, status in statuses.items():
            if "VmHWM" in status:
                peaks[pid] = max(peaks.get(pid, 0), status["VmHWM"])
        rss = {pid: status.get("VmRSS", 0) / 1024 for pid, status in statuses.items()}
        samples.append(
            Sample(
                time.monotonic() - started,
                _stored(db),
                rss.get(process.pid, 0.0),
                # Only the pipeline workers (the spawn helper is a few MiB and not one).
                sorted(mb for pid, mb in rss.items() if pid != process.pid and mb > 100),
            )
        )
        loads.append(os.getloadavg()[0])
        # Each sample as it is taken, so a run stopped early still shows its memory so far.
        last = samples[-1]
        workers_now = " ".join(f"{mb:6.0f}" for mb in last.workers_mb)
        print(
            f"{last.seconds:>10.0f}{last.stored:>9}{last.main_mb:>8.0f}  {workers_now}", flush=True
        )
    elapsed = time.monotonic() - started
    summary = (process.stdout.read() if process.stdout else b"").decode().strip()
    stored = _stored(db)
    print(f"ingest: {summary}  (exit status {process.returncode})")
    print(f"stored: {stored} documents, database {db.stat().st_size >> 20} MiB")
    _report(samples, peaks, process.pid, stored, words * stored / args.articles, elapsed, loads)


def _report(
    samples: list[Sample],
    peaks: dict[int, int],
    main_pid: int,
    stored: int,
    words: float,
    elapsed: float,
    loads: list[float],
) -> None:
    print("\nmemory timeline (MiB resident), at each tenth of the run:")
    print(f"{'elapsed s':>10}{'stored':>9}{'main':>8}  workers")
    tenths = [samples[min(len(samples) - 1, len(samples) * k // 10)] for k in range(10)]
    for sample in [*tenths, samples[-1]] if samples else []:
        workers = " ".join(f"{mb:6.0f}" for mb in sample.workers_mb)
        print(f"{sample.seconds:>10.0f}{sample.stored:>9}{sample.main_mb:>8.0f}  {workers}")
    worker_peaks = sorted(kib / 1024 for pid, kib in peaks.items() if pid != main_pid)
    print(f"\npeak (VmHWM): main {peaks.get(main_pid, 0) / 1024:.0f} MiB; workers", end=" ")
    print(", ".join(f"{mb:.0f}" for mb in worker_peaks if mb > 100), "MiB")
    working = [s for s in samples if s.workers_mb]
    if len(working) >= 10:
        first, last = working[len(working) // 10], working[-1]
        growth = [b - a for a, b in zip(first.workers_mb, last.workers_mb, strict=False)]
        print(
            f"worker growth from {first.stored} to {last.stored} documents stored: "
            + ", ".join(f"{g:+.0f} MiB" for g in growth)
            + f"; main {last.main_mb - first.main_mb:+.0f} MiB"
        )
    rate = stored / elapsed if elapsed else 0.0
    print(
        f"throughput: {rate:.1f} articles/s, {words / elapsed:.0f} words/s, "
        f"{rate * 3600:,.0f} articles/hour ({elapsed:.0f} s in all, model loading included)"
    )
    if loads:
        print(
            f"load average during the run: mean {sum(loads) / len(loads):.1f}, "
            f"max {max(loads):.1f} on {os.cpu_count()} cores "
            "(above the core count: the machine was shared, throughput is understated)"
        )


if __name__ == "__main__":
    main()
