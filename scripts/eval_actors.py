"""Score actor resolution (country and sector of each gold actor) on PLOVER gold records.

    .venv/bin/python scripts/eval_actors.py ../shared/data/plover-dev/PLOVER_GSR_CAMEO.json \
        [--errors N] [--gazetteer FILE ...] [--part all|tune|check]

The first rules were written after reading all 322 records of the dev file (entries of the data
files added after reading them are marked "# dev"). Later work read errors only on the "tune"
half (a fixed split by a hash of the record id, the same as the event stage's) and reports the
"check" half as the nearer estimate of held-out accuracy; acceptance is on held-out data.
"""

from __future__ import annotations

import argparse

from sitrep.actors.evaluate import evaluate_actors, format_actor_scores
from sitrep.nlp.extensions import register_extensions
from sitrep.nlp.pipeline import load_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--errors", type=int, default=40, help="print the first N errors")
    parser.add_argument("--gazetteer", action="append", default=None, help="a user gazetteer")
    parser.add_argument(
        "--part",
        choices=("all", "tune", "check"),
        default="all",
        help="score all records or one fixed half (tune: read its errors; check: held out)",
    )
    args = parser.parse_args()
    register_extensions()
    scores = evaluate_actors(args.gold, load_model(), gazetteers=args.gazetteer, part=args.part)
    print(format_actor_scores(scores, max_errors=args.errors))


if __name__ == "__main__":
    main()
