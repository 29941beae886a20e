"""Which verbs with an actor subject give no event: a census for missing triggers.

    .venv/bin/python scripts/verbs_without_events.py [--data DIR] [--n 400] [--top 150]

Runs the full pipeline over ``--n`` newswire-silver articles drawn with a fixed seed from
those in no hand-annotated gold set (``tests/fixtures/events-gold``: the blind sets must stay
unread), and counts, by lemma, the verbs whose subject names an actor but whose clause yields
no event (speech verbs left out). Each lemma is printed with its count and one sentence, most
frequent first: a list to read for triggers the lexicon lacks ("attended the summit", "called
on the President"), not a score.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from newswire_sample import DEFAULT_DATA, REPO, read_documents

from sitrep.events.arguments import MentionIndex
from sitrep.events.rules import load_stage_rules
from sitrep.extractor import Extractor

GOLD = REPO / "tests" / "fixtures" / "events-gold"
SEED = 7  # fixed before the first draw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=400, help="articles to read")
    parser.add_argument("--top", type=int, default=150, help="lemmas to print")
    args = parser.parse_args()

    annotated = {p.stem for p in GOLD.rglob("*.yaml")}
    paths = sorted(p for p in args.data.glob("*.tml") if p.stem not in annotated)
    random.Random(SEED).shuffle(paths)
    extractor = Extractor()
    rules = load_stage_rules()
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for document in read_documents(paths[: args.n]):
        doc = extractor.nlp(extractor.make_doc(document))
        index = MentionIndex.build(doc, rules)
        covered = {i for e in doc._.events for i in range(e.evidence.start, e.evidence.end)}
        for tok in doc:
            if tok.pos_ != "VERB" or tok.idx in covered:
                continue
            lemma = tok.lemma_.lower()
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ == "PRON" or lemma in rules.attribution_verbs:
                continue
            if not [p for p in index.parties(subject) if not p.place]:
                continue
            counts[lemma] += 1
            examples.setdefault(lemma, " ".join(tok.sent.text.split())[:160])
    for lemma, count in counts.most_common(args.top):
        print(f"{count:4d}  {lemma:14s}  {examples[lemma]}")


if __name__ == "__main__":
    main()
