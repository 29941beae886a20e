"""Time and peak memory of the full pipeline on inputs that used to be quadratic, at two
sizes, side by side with ordinary news text of the same size, optionally against another
checkout (the baseline) in the same run.

    python benchmarks/bench_hostile.py [--scale K] [--baseline ../main/src] [--json FILE]

Shapes (the issue's reports): a run of one punctuation character ("!!!…", which spaCy's
tokenizer handled in O(n²)), repeated weekday words (the time stage), short lines without
a full stop (one parser "sentence": the actor stage), long news text (memory), and, as the
yardstick, the example article repeated to the same size. Each (code, shape, size) runs in
its own process, so its peak memory (max RSS) is its own; seconds are extraction only,
model loading excluded. With linear paths, doubling the size about doubles the seconds:
the "x2" column is that ratio. The machine is shared: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "src" / "sitrep" / "data" / "examples" / "seed-article.txt"


def make_text(shape: str, size: int) -> str:
    """About ``size`` characters of ``shape``."""
    if shape == "punctuation":
        return "!" * size
    if shape == "weekdays":
        return " ".join(["Monday"] * (size // 7))
    if shape == "short lines":
        return "\n".join(["Talks"] * (size // 6))
    article = SEED.read_text(encoding="utf-8").split(" ", 2)[2]  # without its date header
    return ((article + "\n\n") * (size // len(article) + 1))[:size]


def run_one(shape: str, size: int) -> dict[str, float]:
    from sitrep.extractor import Extractor
    from sitrep.nlp.pipeline import PipelineConfig
    from sitrep.records import Document

    try:
        config = PipelineConfig(max_chars=None)  # type: ignore[call-arg]
    except TypeError:  # a baseline from before the size limit
        config = PipelineConfig()
    extractor = Extractor(config)
    extractor.extract(Document(text="Warm-up on Monday in Delhi.", date="2020-06-23"))
    text = make_text(shape, size)
    started = time.perf_counter()
    extractor.extract(Document(text=text, date="2020-06-23"))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "chars": len(text)}


def measure(src: Path, shape: str, size: int, timeout: float) -> dict[str, float] | None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--one", shape, str(size)],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=20_000, help="first size, in characters")
    parser.add_argument("--baseline", type=Path, help="another checkout's src/ to compare")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per measurement")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    codes = [("this", REPO / "src")] + ([("baseline", args.baseline)] if args.baseline else [])
    shapes = ["news text", "punctuation", "weekdays", "short lines"]
    rows = []
    print(f"{'code':9} {'shape':12} {'chars':>8} {'s':>8} {'chars/s':>9} {'peak MB':>8} {'x2':>5}")
    for code, src in codes:
        for shape in shapes:
            previous = None
            for size in (args.scale, 2 * args.scale):
                result = measure(src, shape, size, args.timeout)
                if result is None:
                    print(f"{code:9} {shape:12} {size:8} {'>' + str(int(args.timeout)):>8}")
                    rows.append({"code": code, "shape": shape, "chars": size, "timeout": True})
                    break
                ratio = result["seconds"] / previous["seconds"] if previous else None
                rate = result["chars"] / result["seconds"]
                print(
                    f"{code:9} {shape:12} {result['chars']:8.0f} {result['seconds']:8.2f} "
                    f"{rate:9.0f} {result['peak_mb']:8.0f} {ratio or 0:5.2f}",
                    flush=True,
                )
                rows.append({"code": code, "shape": shape, **result, "x2": ratio})
                previous = result
    memory = measure(REPO / "src", "news text", 10 * args.scale, args.timeout)
    if memory:
        print(f"\nnews text of {memory['chars']:.0f} chars: peak {memory['peak_mb']:.0f} MB")
        rows.append({"code": "this", "shape": "news text", **memory, "memory": True})
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
