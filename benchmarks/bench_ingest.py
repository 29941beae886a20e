"""Throughput and peak memory of the full pipeline, side by side with bare spaCy, 1 and 2 processes.

    nice -n 19 python benchmarks/bench_ingest.py [DIR] [--limit N] [--jobs 1 2] [--json FILE]

For each process count J, in one run, each phase in its own subprocess (so its peak memory
is its own) over the same articles:
  spacy    bare en_core_web_md: nlp.pipe over the texts, n_process=J (spaCy's own workers);
           the texts are read before the clock starts: this is what spaCy alone costs
  ingest   sitrep's full pipeline, as `sitrep ingest --jobs J` runs it: reading the files,
           the model and our stages (in J worker processes when J > 1), batched writes to a
           fresh SQLite file
  extract  the same without reading and storage (records only), for reference
Printed per phase: articles/s and words/s (model loading excluded, shown apart), peak
resident memory of the main process and of the largest worker, and the ratio of sitrep's
throughput to bare spaCy's at the same J (the target is at least 0.60). The load average is
printed before and after: on a shared machine (load above the core count) the absolute
figures are understated; the ratios, taken side by side, are what to compare.
Default DIR: ../shared/data/newswire-silver (2,452 AFP/Xinhua articles).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.records import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "newswire-silver"
BATCH = 32  # nlp.pipe batch size, as sitrep's extractor uses


def _paths(folder: Path, limit: int | None) -> list[Path]:
    from sitrep.readers.sources import FORMATS

    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in FORMATS)
    return paths[:limit] if limit else paths


def _documents(paths: list[Path]) -> list[Document]:
    from sitrep.readers import read_paths
    from sitrep.records import Document

    return [d for d in read_paths(paths) if isinstance(d, Document)]


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Max RSS in MiB (Linux reports KiB); RUSAGE_CHILDREN gives the largest child's."""
    return resource.getrusage(who).ru_maxrss / 1024


def run_phase(phase: str, folder: Path, limit: int | None, jobs: int) -> dict[str, Any]:
    paths = _paths(folder, limit)
    documents = _documents(paths)
    words = sum(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    if phase == "spacy":
        from sitrep.nlp.pipeline import load_model

        nlp = load_model()
        texts = [d.text for d in documents]
        loaded = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH, n_process=jobs):
            pass
        count = len(texts)
    else:
        from sitrep.extractor import Extractor, ParallelExtractor

        extractor = ParallelExtractor(processes=jobs) if jobs > 1 else Extractor()
        loaded = time.perf_counter()
        if phase == "extract":
            count = sum(1 for _ in extractor.extract_many(documents))
        else:
            from sitrep.ingest import ingest
            from sitrep.readers import read_paths
            from sitrep.store import open_store

            with tempfile.TemporaryDirectory() as tmp, open_store(f"{tmp}/bench.db") as store:
                # Reading is part of the phase: the files are read again inside the clock.
                summary = ingest(read_paths(paths), store, extractor.extract_many, "bench")
                count = summary.ingested
                assert count == len(documents), summary
        if isinstance(extractor, ParallelExtractor):
            extractor.close()
    finished = time.perf_counter()
    seconds = finished - loaded
    return {
        "phase": phase,
        "jobs": jobs,
        "articles": count,
        "words": words,
        "load_s": round(loaded - started, 2),
        "run_s": round(seconds, 2),
        "articles_per_s": round(count / seconds, 2),
        "words_per_s": round(words / seconds, 0),
        "main_peak_mb": round(_peak_mb(), 0),
        "worker_peak_mb": round(_peak_mb(resource.RUSAGE_CHILDREN), 0) if jobs > 1 else None,
    }


def _run(phase: str, args: argparse.Namespace, jobs: int) -> dict[str, Any]:
    command = [sys.executable, __file__, str(args.folder), "--phase", phase]
    command += ["--jobs", str(jobs)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts")
    parser.add_argument("--no-extract", action="store_true", help="skip the extract phase")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.folder, args.limit, args.jobs[0])))
        return

    import spacy

    print(f"corpus: {args.folder}  files: {args.limit or 'all'}")
    print(
        f"python {platform.python_version()}, spaCy {spacy.__version__}, {os.cpu_count()} "
        f"cores, nice {os.nice(0)}, load average before {os.getloadavg()[0]:.1f}"
    )
    phases = ["spacy", "ingest"] + ([] if args.no_extract else ["extract"])
    results = []
    header = (
        f"{'jobs':>4}  {'phase':<8}{'articles':>9}{'load s':>8}{'run s':>8}{'art/s':>8}"
        f"{'words/s':>9}{'main MiB':>9}{'worker MiB':>11}{'vs spaCy':>9}"
    )
    print(header)
    for jobs in args.jobs:
        baseline = None
        for phase in phases:
            r = _run(phase, args, jobs)
            results.append(r)
            baseline = r if phase == "spacy" else baseline
            ratio = r["articles_per_s"] / baseline["articles_per_s"] if baseline else 1.0
            r["ratio_to_spacy"] = round(ratio, 3)
            worker = r["worker_peak_mb"]
            print(
                f"{jobs:>4}  {phase:<8}{r['articles']:>9}{r['load_s']:>8}{r['run_s']:>8}"
                f"{r['articles_per_s']:>8}{r['words_per_s']:>9.0f}{r['main_peak_mb']:>9.0f}"
                f"{worker if worker is not None else '-':>11}{ratio:>9.2f}",
                flush=True,
            )
    load_after = os.getloadavg()[0]
    print(
        f"load average after {load_after:.1f} on {os.cpu_count()} cores"
        + (" (machine busy: absolute figures understated)" if load_after > os.cpu_count() else "")
    )
    print(
        "main MiB: the phase's main process (max RSS); worker MiB: the largest worker (with "
        "J workers, memory in all is about main + J x worker). With jobs 1 the main process "
        "is the one worker."
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
