"""What scripts/actors_sample.py and scripts/events_sample.py share: the newswire they draw
from, how its documents are read and their ``draw``/``score`` command line."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.readers.timeml import parse_timeml
from sitrep.records import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newswire-silver"


def read_documents(paths: Iterable[Path]) -> Iterator[Document]:
    for path in paths:
        document, _ = parse_timeml(path.read_text(encoding="utf-8"), source=str(path))
        yield document


def parse_sample_args(
    description: str,
    *,
    seed: int,
    judged: Path,
    score_help: str,
    verbose_help: str,
    resolved_help: str | None = None,
) -> argparse.Namespace:
    """``draw [--n] [--seed] [--yaml]`` or ``score [--judged] [--verbose]``, after ``--data``.

    ``seed`` is each sample's own, fixed before its first draw and never changed: a re-draw
    could pick a friendlier sample.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw", help="draw and print a sample")
    drawing.add_argument("--n", type=int, default=150)
    drawing.add_argument("--seed", type=int, default=seed)
    if resolved_help:
        drawing.add_argument("--resolved", action="store_true", help=resolved_help)
    drawing.add_argument("--yaml", type=Path, default=None, help="write a judging form here")
    scoring = commands.add_parser("score", help=score_help)
    scoring.add_argument("--judged", type=Path, default=judged)
    scoring.add_argument("--verbose", action="store_true", help=verbose_help)
    return parser.parse_args()
