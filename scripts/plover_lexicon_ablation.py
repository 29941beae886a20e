"""Re-score the pair classifier without the lexicon entries prompted by GSR sentences.

    .venv/bin/python scripts/plover_lexicon_ablation.py \
        ../shared/data/plover-dev/PLOVER_GSR_CAMEO.json

The entries are listed in src/sitrep/events/data/gsr_influenced.yaml. The figures printed
estimate how the lexicon scores on sentences its author has not read (all / tune / check
halves, see sitrep.events.evaluate.split_gold).
"""

from __future__ import annotations

import argparse
from typing import Any

import sitrep.events.lexicon as lexicon_module
from sitrep.events import evaluate, format_scores, load_gold, split_gold
from sitrep.events.lexicon import read_data
from sitrep.nlp.pipeline import load_model


def ablated_lexicon() -> dict[str, Any]:
    """The raw lexicon with every GSR-prompted entry removed."""
    raw = read_data("plover_lexicon.yaml")
    seen = read_data("gsr_influenced.yaml")
    verbs = raw["verbs"]
    for key in seen["verbs"]:
        verbs.pop(key, None)
    for key in seen["verb_subjects"]:
        verbs[key].pop("subj", None)
    for key in seen["verb_objects"]:
        verbs[key].pop("obj", None)
    for key, objects in seen["verb_object_keys"].items():
        for obj in objects:
            verbs[key].get("obj", {}).pop(obj, None)
    verbs.update(seen["verb_replacements"])
    for noun in seen["nouns"]:
        raw["nouns"].pop(noun, None)
    raw["event_nouns"] = [n for n in raw["event_nouns"] if n in raw["nouns"]]
    for word in seen["weapons"]:
        raw["weapons"].pop(word, None)
    raw["aspect"] = [a for a in raw["aspect"] if a not in seen["aspect"]]
    return raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    args = parser.parse_args()
    raw = ablated_lexicon()
    # load_lexicon reads its files through the module's read_data: serve it the ablated one
    lexicon_module.read_data = lambda name: (
        raw if name == "plover_lexicon.yaml" else read_data(name)
    )
    lexicon_module.load_lexicon.cache_clear()
    nlp = load_model()
    gold = load_gold(args.gold)
    for part in ("all", "tune", "check"):
        subset = gold if part == "all" else split_gold(gold, part)
        print(f"{part:<6}", format_scores(evaluate(subset, nlp)).splitlines()[0])


if __name__ == "__main__":
    main()
