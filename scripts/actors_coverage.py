"""How many named actors in event sentences get a country: coverage of actor resolution.

    .venv/bin/python scripts/actors_coverage.py [--n 300] [--seed 10] [--data DIR] [--list]
        [--dump FILE]

Runs the full pipeline over a fixed, seeded sample of newswire-silver articles, keeps the
sentences that carry at least one event, and counts the named people, organisations and groups
in them: the mentions the actor stage labels PERSON, ORG or NORP that are people,
organisations or groups (demonyms that resolve to a country, "Indian", are the country itself
and left out). For each kind it prints the share that resolved to a country, and the share
placed in PLOVER's country field at all (a country, or IGO/NGO/IMG for international actors).
A PERSON or ORG span of the model with no mention over it counts as dropped (no entity),
unless it is a word of a person's title ("Congress chief Sitaram Kesri").

The sample is a ``random.Random(seed)`` draw of file names, so the same documents are read
before and after a change. ``--list`` prints the mentions left without a country.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newswire_sample import DEFAULT_DATA, read_documents

from sitrep.actors.evaluate import plover_codes
from sitrep.extractor import Extractor

_NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_KINDS = ("person", "organisation", "group")


@dataclass(frozen=True, slots=True)
class Counted:
    kind: str  # person, organisation, group, or "dropped"
    text: str
    country: str | None
    placed: str | None  # PLOVER's country field: a country or IGO/NGO/IMG ...
    sentence: str


def count_document(extractor: Extractor, document) -> list[Counted]:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(extractor.make_doc(document))
    events = doc._.events or []
    starts = {event.evidence.sentence_start for event in events}
    sentences = [s for s in doc.sents if s.start_char in starts]
    entities = {e.id: e for e in doc._.entities or []}
    mentions = doc._.mentions or []
    found: list[Counted] = []
    for sent in sentences:
        inside = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        for mention in inside:
            entity = entities.get(mention.entity_id or "")
            if mention.label not in _NAMED_LABELS:
                continue
            if entity is not None and entity.kind not in _KINDS:
                continue  # "Indian" the country, "Moscow" the place
            placed, _sector = plover_codes(entity)
            found.append(
                Counted(
                    entity.kind if entity is not None else "dropped",
                    mention.text,
                    entity.country if entity is not None else None,
                    placed,
                    sent.text.strip(),
                )
            )
        people = [m for m in inside if m.label == "PERSON"]
        for ent in sent.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue  # a NORP span is a word of a name or a title ("Turkish Interior ...")
            if any(m.start < ent.end_char and ent.start_char < m.end for m in inside):
                continue
            if any(_in_title(doc.text, ent.end_char, m.start) for m in people):
                continue  # "Congress chief Sitaram Kesri": the title's words, not an actor
            found.append(Counted("dropped", ent.text, None, None, sent.text.strip()))
    return found


_TITLE_GAP = re.compile(r"^[\w\s'’.-]{0,40}$")


def _in_title(text: str, end: int, person_start: int) -> bool:
    """Whether a span ends in the title words right before a person's name."""
    return end <= person_start and bool(_TITLE_GAP.match(text[end:person_start]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=300, help="documents to draw")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--list", action="store_true", help="print mentions without a country")
    parser.add_argument(
        "--dump", type=Path, help="write every counted mention as JSON lines (to compare runs)"
    )
    args = parser.parse_args()

    paths = sorted(args.data.glob("*.tml"))
    if not paths:
        print(f"no .tml files in {args.data}", file=sys.stderr)
        return 1
    sample = sorted(random.Random(args.seed).sample(paths, min(args.n, len(paths))))
    extractor = Extractor()
    counted: list[Counted] = []
    for document in read_documents(sample):
        counted.extend(count_document(extractor, document))

    total: Counter[str] = Counter()
    with_country: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    for item in counted:
        total[item.kind] += 1
        with_country[item.kind] += item.country is not None
        placed[item.kind] += item.placed is not None
    print(f"{len(sample)} documents (seed {args.seed}) from {args.data}")
    print(f"{'kind':<14}{'mentions':>9}{'country':>10}{'placed':>10}")
    for kind in (*_KINDS, "dropped"):
        n = total[kind]
        if n:
            print(f"{kind:<14}{n:>9}{with_country[kind] / n:>10.1%}{placed[kind] / n:>10.1%}")
    n = sum(total.values())
    print(
        f"{'all':<14}{n:>9}{sum(with_country.values()) / n:>10.1%}{sum(placed.values()) / n:>10.1%}"
    )
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as out:
            for item in counted:
                out.write(json.dumps(dataclasses.asdict(item), ensure_ascii=False) + "\n")
    if args.list:
        for item in counted:
            if item.country is None:
                print(f"[{item.kind}] {item.text!r} ({item.placed})  | {item.sentence[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
