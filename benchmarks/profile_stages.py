"""Where the time goes: milliseconds per document for each pipeline component.

    python benchmarks/profile_stages.py [DIR] [--limit N] [--hot N]

Runs the default pipeline component by component over the same documents (each component
with ``pipe`` in batches, as ``nlp.pipe`` does) and prints each one's share. ``--hot N``
also runs our own stages (sitrep_*) under cProfile and prints, per stage, the N functions
with the most time spent in their own code: where to look for speed.
Default DIR: ../shared/data/newswire-silver.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from sitrep.extractor import Extractor
from sitrep.readers import read_paths
from sitrep.records import Document

REPO = Path(__file__).resolve().parents[1]
BATCH = 32  # the Extractor's nlp.pipe batch size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=REPO.parent / "shared/data/newswire-silver"
    )
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--hot", type=int, default=0, help="top N functions per sitrep stage")
    args = parser.parse_args()

    documents = [d for d in read_paths([args.folder]) if isinstance(d, Document)][: args.limit]
    extractor = Extractor()
    docs = [extractor.make_doc(d) for d in documents]
    timings: dict[str, float] = {}
    profiles: dict[str, pstats.Stats] = {}
    for name, component in extractor.nlp.pipeline:
        profiler = cProfile.Profile() if args.hot and name.startswith("sitrep_") else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=BATCH))
        else:
            docs = [component(doc) for doc in docs]
        if profiler:
            profiler.disable()
            profiles[name] = pstats.Stats(profiler)
        timings[name] = time.perf_counter() - started
    total = sum(timings.values())
    print(f"{len(documents)} documents from {args.folder}")
    print(f"{'component':<22}{'ms/doc':>9}{'share':>8}")
    for name, seconds in timings.items():
        print(f"{name:<22}{1000 * seconds / len(documents):>9.2f}{seconds / total:>8.1%}")
    per_doc = 1000 * total / len(documents)
    print(f"{'total':<22}{per_doc:>9.2f}   ({len(documents) / total:.1f} docs/s)")
    for name, stats in profiles.items():
        print(f"\n{name}: functions by own time (ms per document; cProfile slows all ~2x)")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
        for (filename, line, function), (_, calls, own, cumulative, _) in rows[: args.hot]:
            where = (
                filename.split("/src/")[-1] if "/src/" in filename else filename.rsplit("/", 1)[-1]
            )
            own_ms, cumulative_ms = 1000 * own / len(documents), 1000 * cumulative / len(documents)
            print(
                f"  {own_ms:7.2f} own {cumulative_ms:7.2f} cum {calls:>8} calls  "
                f"{where}:{line} {function}"
            )


if __name__ == "__main__":
    main()
