"""Pairwise precision and recall of story linking on the story corpus, with every story.

    .venv/bin/python scripts/stories_eval.py [--pipeline] [--quiet]

The corpus (tests/fixtures/story-corpus) is 16 articles written for the tests, with gold
stories in gold.yaml. Without --pipeline the gold mentions are stored as hand-coded events
and linked (the linker alone); --pipeline also runs the articles through the full pipeline
and scores the extracted events that report a gold mention. Each run uses a fresh SQLite
file in a temporary folder. tests/test_stories_corpus.py asserts the same figures.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from pathlib import Path

from sitrep.stories.evaluate import CorpusResult, score_hand_coded, score_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "story-corpus"


def show(title: str, result: CorpusResult, quiet: bool) -> None:
    s = result.scores
    print(
        f"{title}: precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f} "
        f"({s.correct_pairs} of {s.predicted_pairs} linked pairs right, {s.gold_pairs} gold "
        f"pairs; {s.mentions} of {result.gold_mentions} gold mentions scored)"
    )
    if quiet:
        return
    by_gold: dict[str, list[int]] = defaultdict(list)
    for key, story in result.gold.items():
        by_gold[story].append(key)
    for story, keys in by_gold.items():
        print(f"  {story}")
        for key in keys:
            print(f"    {result.predicted.get(key, '-'):<13} {result.sentences[key][:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", action="store_true", help="also score the pipeline")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        show(
            "hand-coded events (the linker alone)",
            score_hand_coded(CORPUS, f"sqlite:///{folder}/gold.db"),
            args.quiet,
        )
        if args.pipeline:
            from sitrep.extractor import Extractor

            extractor = Extractor()
            result = score_pipeline(
                CORPUS, f"sqlite:///{folder}/pipeline.db", extractor.extract_many, extractor.version
            )
            show("events extracted by the pipeline", result, args.quiet)


if __name__ == "__main__":
    main()
