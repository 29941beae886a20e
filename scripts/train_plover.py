"""Train a small spaCy text classifier for PLOVER types and compare it with the rules.

    .venv/bin/python scripts/train_plover.py ../shared/data/plover-dev [--out DIR]

Training data: the CAMEO code names, descriptions and usage notes in cameo-codes.csv, each
labelled with its PLOVER type through CAMEO2PLOVER-2021.txt (PLOVER 0.5 names mapped as in
sitrep.events.evaluate). The `example` column is NOT used: most of those sentences are the
PLOVER GSR records we evaluate on. Evaluation: the GSR records, model alone, rules alone, and
rules with the model as fallback when the rules find no event. Prints the three figures;
writes the model to --out when given (it is not shipped with the package).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

import spacy
from spacy.training import Example

from sitrep.events import PLOVER_TYPES, PairResult, format_scores, load_gold
from sitrep.events.evaluate import classify_gold, score
from sitrep.nlp.pipeline import load_model

_CODE_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
# Training settings: 20 epochs and dropout 0.2 are spaCy's usual small-data defaults; the
# seed fixes the shuffle so the printed figures are reproducible. Not tuned on the GSR.
EPOCHS = 20
DROPOUT = 0.2
SEED = 13


def cameo_to_plover(path: Path) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _CODE_LINE.match(line.strip())
        if match and match.group(2) in PLOVER_TYPES:
            mapping[match.group(1)] = match.group(2)
    return mapping


def training_texts(dev: Path) -> list[tuple[str, str]]:
    mapping = cameo_to_plover(dev / "CAMEO2PLOVER-2021.txt")
    out: list[tuple[str, str]] = []
    with (dev / "cameo-codes.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            label = mapping.get(row["code"])
            if label is None:
                continue
            for column in ("name", "description", "usage_notes"):
                text = row[column]
                if not text or text == "NA":
                    continue
                out.extend((s.strip(), label) for s in _SENTENCE_END.split(text) if s.strip())
    return out


def train(texts: list[tuple[str, str]]) -> spacy.language.Language:
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(
        "textcat",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
            }
        },
    )
    for label in PLOVER_TYPES:
        textcat.add_label(label)
    examples = [
        Example.from_dict(nlp.make_doc(t), {"cats": {x: float(x == y) for x in PLOVER_TYPES}})
        for t, y in texts
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(examples)
        for start in range(0, len(examples), 16):
            nlp.update(examples[start : start + 16], sgd=optimizer, drop=DROPOUT)
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", type=Path, help="the plover-dev folder")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    texts = training_texts(args.dev)
    print(f"training texts: {len(texts)} (CAMEO names, descriptions, usage notes)")
    model = train(texts)
    if args.out:
        model.to_disk(args.out)
    gold = load_gold(args.dev / "PLOVER_GSR_CAMEO.json")
    model_only = [
        PairResult(max(doc.cats, key=doc.cats.__getitem__))
        for doc in model.pipe(g.sentence for g in gold)
    ]
    rules = classify_gold(gold, load_model())
    combined = [r if r.event_type else m for r, m in zip(rules, model_only, strict=True)]
    for name, results in (("model", model_only), ("rules", rules), ("combined", combined)):
        print(f"{name:<9}", format_scores(score(gold, results)).splitlines()[0])


if __name__ == "__main__":
    main()
