"""Story linking on real news: how many stories the events make, and a judged sample of
linked pairs for precision.

    sitrep --db /tmp/nw.db ingest ../shared/data/newswire-silver --jobs 2
    .venv/bin/python scripts/stories_sample.py draw --db /tmp/nw.db [--n 120] [--seed 7] \
        [--yaml OUT]
    .venv/bin/python scripts/stories_sample.py score [--judged FILE] [--db /tmp/nw.db]

``draw`` links the database's events again from scratch (``sitrep link --rebuild``), prints
how many stories they make, lists every linked pair (two reports in one story), draws ``n``
of them with a seeded ``random.Random`` and writes a judging form: both sentences with their
article, date, type and parties, and an empty ``same`` verdict that a person fills in (true:
the two report one real-world event, by the guideline of tests/fixtures/story-corpus/gold.yaml;
false: two events).

``score`` reads the judged form (default ``tests/fixtures/stories-judged-sample.yaml``) and
reports precision overall and for each half, as drawn; with ``--db`` it also links that
database again with the current code and reports precision *now*: over the judged pairs
still linked (a pair judged wrong that is no longer linked is a gain, a pair judged right
that is no longer linked a recall loss, counted apart). A pair's events are found again by
document, sentence and type. Pairs are split into a *tune* half and a
*check* half by a CRC-32 of the earlier document id; the linking constants were set while
reading tune-half pairs only.
"""

from __future__ import annotations

import argparse
import random
import sys
import zlib
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_JUDGED = REPO / "tests" / "fixtures" / "stories-judged-sample.yaml"


def split_of(first_document: str, second_document: str) -> str:
    crc = zlib.crc32(min(first_document, second_document).encode("utf-8"))
    return "tune" if crc % 2 == 0 else "check"


def _side(mention: Any) -> dict[str, Any]:
    event = mention.event
    return {
        "document": mention.document_id,
        "file": Path(mention.source or "").stem,
        "published": mention.published[:10],
        "type": event.event_type,
        "modality": event.modality,
        "actor": [f"{a.name} ({a.country})" if a.country else a.name for a in event.actor],
        "recipient": [f"{a.name} ({a.country})" if a.country else a.name for a in event.recipient],
        "time": event.time.value if event.time else None,
        "location": event.location,
        "sentence": " ".join(event.evidence.sentence.split()),
    }


def draw(db: str, n: int, seed: int, out: Path | None) -> None:
    from sitrep.store import open_store
    from sitrep.store import stories as table
    from sitrep.stories import link_stories

    with open_store(db) as store:
        summary = link_stories(store, rebuild=True)
        counts = table.counts(store)
        found = table.stories(store, table.StoryQuery(limit=None))
        mentions = table.mentions_of(store, [s.id for s in found])
    multi = [s for s in found if s.mentions > 1]
    print(
        f"{counts.mentions} events, {counts.stories} stories "
        f"({counts.mentions / max(counts.stories, 1):.3f} events per story); "
        f"{len(multi)} stories of more than one report holding "
        f"{sum(s.mentions for s in multi)} events; "
        f"{sum(s.sources > 1 for s in found)} told by more than one source; "
        f"{counts.conflicting} with conflicting reports; linked in {summary.seconds:.1f} s"
    )
    pairs = []
    for story in sorted(multi, key=lambda s: s.id):
        reports = sorted(mentions[story.id], key=lambda m: m.event_id)
        for a, b in combinations(reports, 2):
            pairs.append((story, a, b))
    drawn = random.Random(seed).sample(pairs, min(n, len(pairs)))
    halves = [split_of(a.document_id, b.document_id) for _, a, b in pairs]
    print(
        f"{len(pairs)} linked pairs ({halves.count('tune')} tune, {halves.count('check')} "
        f"check); drew {len(drawn)} with seed {seed}"
    )
    items = [
        {
            "story": story.id,
            "split": split_of(a.document_id, b.document_id),
            "score": max((m.score for m in (a, b) if m.score is not None), default=None),
            "a": _side(a),
            "b": _side(b),
            "same": None,
            "note": None,
        }
        for story, a, b in drawn
    ]
    form = {"description": f"{len(items)} linked pairs drawn with seed {seed}", "items": items}
    text = yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=100)
    if out:
        out.write_text(text, encoding="utf-8")
        print(f"judging form written to {out}")
    else:
        sys.stdout.write(text)


def _pair_key(item: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    a, b = item["a"], item["b"]
    return tuple(
        sorted(
            [(a["document"], a["sentence"], a["type"]), (b["document"], b["sentence"], b["type"])]
        )
    )


def _still_linked(db: str, items: list[dict[str, Any]]) -> list[bool | None]:
    """For each judged pair: are its two events in one story now (None: not found)?"""
    from sitrep.store import open_store
    from sitrep.store import stories as table
    from sitrep.stories import link_stories

    with open_store(db) as store:
        link_stories(store, rebuild=True)
        found = table.stories(store, table.StoryQuery(limit=None))
        mentions = table.mentions_of(store, [s.id for s in found])
    story_of: dict[tuple[str, str, str], set[str]] = {}
    for story_id, reports in mentions.items():
        for m in reports:
            key = (m.document_id, " ".join(m.event.evidence.sentence.split()), m.event.event_type)
            story_of.setdefault(key, set()).add(story_id)
    judged = {_pair_key(item) for item in items}
    pairs = 0
    for reports in mentions.values():
        keys = [
            (m.document_id, " ".join(m.event.evidence.sentence.split()), m.event.event_type)
            for m in reports
        ]
        pairs += sum(tuple(sorted(pair)) not in judged for pair in combinations(keys, 2))
    print(f"{pairs} pairs linked now were never judged")
    verdicts: list[bool | None] = []
    for item in items:
        a, b = item["a"], item["b"]
        first = story_of.get((a["document"], a["sentence"], a["type"]))
        second = story_of.get((b["document"], b["sentence"], b["type"]))
        verdicts.append(None if not first or not second else bool(first & second))
    return verdicts


def _row(name: str, part: list[dict[str, Any]]) -> str:
    done = [i for i in part if i["same"] is not None]
    same = sum(bool(i["same"]) for i in done)
    precision = f"{same / len(done):.3f}" if done else "-"
    return f"{name:<22} {len(done):>7} {same:>11} {precision:>10}"


def score(judged: Path, db: str | None) -> None:
    items = yaml.safe_load(judged.read_text(encoding="utf-8"))["items"]
    unjudged = [i for i in items if i["same"] is None]
    if unjudged:
        print(f"{len(unjudged)} of {len(items)} pairs have no verdict yet")
    print(f"{'pairs':<22} {'judged':>7} {'same event':>11} {'precision':>10}")
    halves = [("tune half", "tune"), ("check half", "check")]
    print(_row("as drawn: all", items))
    for name, split in halves:
        print(_row(f"as drawn: {name}", [i for i in items if i["split"] == split]))
    if db is None:
        return
    linked = _still_linked(db, items)
    kept = [i for i, now in zip(items, linked, strict=True) if now]
    print(_row("now: all", kept))
    for name, split in halves:
        print(_row(f"now: {name}", [i for i in kept if i["split"] == split]))
    dropped = [i for i, now in zip(items, linked, strict=True) if now is False]
    missing = sum(now is None for now in linked)
    print(
        f"no longer linked: {sum(not i['same'] for i in dropped)} judged wrong (gains), "
        f"{sum(bool(i['same']) for i in dropped)} judged right (losses); "
        f"{missing} pairs whose events were not found"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--db", required=True, help="a database holding newswire-silver")
    drawing.add_argument("--n", type=int, default=120)
    drawing.add_argument("--seed", type=int, default=7)
    drawing.add_argument("--yaml", type=Path)
    scoring = commands.add_parser("score")
    scoring.add_argument("--judged", type=Path, default=DEFAULT_JUDGED)
    scoring.add_argument("--db", help="link this database again and score the pairs now")
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.db, args.n, args.seed, args.yaml)
    else:
        score(args.judged, args.db)


if __name__ == "__main__":
    main()
