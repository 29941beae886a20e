"""Throughput and peak memory of ingestion, side by side with the bare spaCy model.

    python benchmarks/bench_ingest.py [DIR] [--limit N] [--jobs N]

Phases, each in its own process so that its peak memory (max RSS) is its own:
  baseline   the bare en_core_web_md pipeline over the texts (nlp.pipe): what spaCy alone costs
  extract    sitrep's full pipeline (model + our stages) to records, no database
  ingest     `sitrep ingest` into a fresh SQLite file: reading, extraction, storage
Default DIR: ../shared/data/newswire-silver (2,452 AFP/Xinhua articles).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.records import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "newswire-silver"


def _documents(folder: Path, limit: int | None) -> list[Document]:
    from sitrep.readers import read_paths
    from sitrep.records import Document

    documents = [d for d in read_paths([folder]) if isinstance(d, Document)]
    return documents[:limit] if limit else documents


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Max RSS in MiB (Linux reports KiB); RUSAGE_CHILDREN gives the largest worker's."""
    return resource.getrusage(who).ru_maxrss / 1024


def run_phase(phase: str, folder: Path, limit: int | None, jobs: int) -> dict:
    documents = _documents(folder, limit)
    started = time.perf_counter()
    if phase == "baseline":
        from sitrep.nlp.pipeline import load_model

        nlp = load_model()
        loaded = time.perf_counter()
        for _ in nlp.pipe((d.text for d in documents), batch_size=32):
            pass
    elif phase == "extract":
        from sitrep.extractor import Extractor, ParallelExtractor

        extractor = ParallelExtractor(processes=jobs) if jobs > 1 else Extractor()
        loaded = time.perf_counter()
        for _ in extractor.extract_many(documents):
            pass
        if isinstance(extractor, ParallelExtractor):
            extractor.close()
    else:  # ingest
        from sitrep.extractor import Extractor, ParallelExtractor
        from sitrep.ingest import ingest
        from sitrep.store import open_store

        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(f"{tmp}/bench.db")
            extractor = ParallelExtractor(processes=jobs) if jobs > 1 else Extractor()
            loaded = time.perf_counter()
            summary = ingest(documents, store, extractor.extract_many, extractor.version)
            assert summary.ingested == len(documents), summary
            if isinstance(extractor, ParallelExtractor):
                extractor.close()
            store.close()
    finished = time.perf_counter()
    return {
        "phase": phase,
        "documents": len(documents),
        "load_s": round(loaded - started, 2),
        "run_s": round(finished - loaded, 2),
        "docs_per_s": round(len(documents) / (finished - loaded), 1),
        "peak_mb": round(_peak_mb(), 0),
        "worker_peak_mb": round(_peak_mb(resource.RUSAGE_CHILDREN), 0) if jobs > 1 else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for sitrep")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.folder, args.limit, args.jobs)))
        return

    print(f"corpus: {args.folder}  limit: {args.limit or 'all'}  sitrep jobs: {args.jobs}")
    print(
        f"{'phase':<10}{'docs':>7}{'load s':>9}{'run s':>9}{'docs/s':>9}{'peak MB':>9}"
        f"{'worker MB':>11}"
    )
    for phase in ("baseline", "extract", "ingest"):
        command = [sys.executable, __file__, str(args.folder), "--phase", phase]
        command += ["--jobs", str(1 if phase == "baseline" else args.jobs)]
        if args.limit:
            command += ["--limit", str(args.limit)]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['phase']:<10}{r['documents']:>7}{r['load_s']:>9}{r['run_s']:>9}"
            f"{r['docs_per_s']:>9}{r['peak_mb']:>9.0f}{r['worker_peak_mb']:>11.0f}"
        )
    print(
        "peak MB: the phase's main process (max RSS); worker MB: the largest worker process "
        "(with --jobs N, total is about peak + N x worker)"
    )


if __name__ == "__main__":
    main()
