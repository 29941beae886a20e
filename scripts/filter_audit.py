"""What each event filter earns: the gold sets scored with one filter switched off at a time.

    .venv/bin/python scripts/filter_audit.py tune tune2 tune3 [--articles DIR]

The event stage drops a decided event for a short, named reason
(:meth:`sitrep.events.filters.EventFilters.rejection`: "a forecast", "natural death" ...).
This script extracts the articles of the given gold sets (``tests/fixtures/events-gold/SET``)
once as the stage stands, then once per reason with that reason switched off, and prints for
each reason how many events it dropped and what switching it off changes: must events found,
gold events found, system events matching gold ("right") and matching none ("wrong"). A
filter pays when what it drops is mostly wrong. Totals only: run on a blind set, it reads no
single error.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from newswire_sample import DEFAULT_DATA, REPO

from sitrep.events import filters
from sitrep.events.article_eval import ArticleGold, article_name, gold_files, read_gold, score
from sitrep.extractor import Extractor
from sitrep.readers.timeml import parse_timeml
from sitrep.records import Document

if TYPE_CHECKING:
    from spacy.tokens import Token

GOLD = REPO / "tests" / "fixtures" / "events-gold"


class Tally(NamedTuple):
    must: int
    found: int
    right: int
    wrong: int


class FilterSwitch:
    """While open, wraps ``EventFilters.rejection``: counts the reasons given and lets the
    one named by ``off`` through."""

    def __init__(self) -> None:
        self.original = filters.EventFilters.rejection
        self.off: str | None = None
        self.counts: Counter[str] = Counter()

    def __enter__(self) -> FilterSwitch:
        switch = self

        def rejection(
            self: filters.EventFilters, found: filters.Found, decided: Token
        ) -> str | None:
            why = switch.original(self, found, decided)
            if why is not None:
                switch.counts[why] += 1
            return None if why is not None and why == switch.off else why

        filters.EventFilters.rejection = rejection  # type: ignore[method-assign]
        return self

    def __exit__(self, *_: object) -> None:
        filters.EventFilters.rejection = self.original  # type: ignore[method-assign]


def _read(sets: list[str], articles: Path) -> tuple[list[Document], list[ArticleGold]]:
    documents, golds = [], []
    for name in sets:
        for path in gold_files(GOLD / name):
            article = articles / f"{article_name(path)}.tml"
            document, _ = parse_timeml(article.read_text(encoding="utf-8"), source=str(article))
            documents.append(document)
            golds.append(read_gold(path, document.text))
    return documents, golds


def _tally(extractor: Extractor, documents: list[Document], golds: list[ArticleGold]) -> Tally:
    scores = score(zip(golds, extractor.extract_many(documents), strict=True))
    right = scores.correct_system
    return Tally(scores.found_must, scores.found, right, scores.system_events - right)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", help="gold set folders under tests/fixtures/events-gold")
    parser.add_argument("--articles", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    documents, golds = _read(args.sets, args.articles)
    extractor = Extractor()
    with FilterSwitch() as switch:
        base = _tally(extractor, documents, golds)
        dropped = Counter(switch.counts)
        print(
            f"{len(documents)} articles of {', '.join(args.sets)}: must found {base.must}, "
            f"gold found {base.found}, system right {base.right}, wrong {base.wrong}"
        )
        print(
            f"{'reason (switched off)':42} {'dropped':>7} {'must':>5} {'found':>5} "
            f"{'right':>5} {'wrong':>5}"
        )
        for reason, count in dropped.most_common():
            switch.off = reason
            off = _tally(extractor, documents, golds)
            delta = [o - b for o, b in zip(off, base, strict=True)]
            print(f"{reason:42} {count:7d} " + " ".join(f"{d:+5d}" for d in delta))


if __name__ == "__main__":
    main()
