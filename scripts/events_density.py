"""Events per 1,000 sentences on newswire, economic stories against the rest.

    .venv/bin/python scripts/events_density.py [--data DIR] [--limit N] [--show N]

Runs the full pipeline (``Extractor`` with the time, actor and event stages) over the
TempEval-3 silver newswire (AFP and Xinhua English, 1997 and 2005-2006) and counts the events
the event stage emits. A story is *economic* when its title has one of the words in
``ECONOMIC_TITLE`` (market, shares, stocks, prices, trade, bank, economy, ...): those stories
should yield almost no political events, so their rate measures false positives. The rate
on the other stories shows the stage still finds events. ``--limit`` takes that many files
spread evenly over the sorted folder (so all agencies and years are sampled); ``--show N``
prints N economic-story events with their sentences, for error reading. The "market" line
is the subset of economic stories whose titles name market quantities (shares, prices,
currencies, earnings): the purest false-positive measure.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.events.arguments import ref_key
from sitrep.extractor import Extractor
from sitrep.nlp.pipeline import PipelineConfig
from sitrep.readers.timeml import parse_timeml
from sitrep.records import Document, Event, Extraction

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newswire-silver"
STAGES = ("sitrep_timex_v1", "sitrep_actors_v1", "sitrep_events_v1")

# Title words of business and market stories (whole words, any case). Chosen by reading the
# titles of the silver set: these words mark market reports, company results and economic
# statistics. Some political stories match too ("trade talks", "economic ties" during a
# state visit), which makes the economic rate an upper bound on false positives. "Bank"
# after "West"/"W." is the West Bank, a place.
ECONOMIC_TITLE = re.compile(
    r"\b(shares?|stocks?|markets?|prices?|trade|trading|trader|(?<!west )(?<!w\.)banks?|"
    r"banking|economy|"
    r"economic|earnings|profits?|dollar|yen|euro|currency|currencies|bourse|index|oil|"
    r"inflation|gdp|growth|exports?|imports?|investment|investors?|bonds?|rates?|revenue|"
    r"sales|output|firms?|company|companies|tokyo stocks|nikkei|dow|forex|crude|opec)\b",
    re.IGNORECASE,
)
# The narrowest subset: market reports and company results, where any political event is
# almost certainly a false positive.
MARKET_TITLE = re.compile(
    r"\b(shares?|stocks?|prices?|bourse|index|dollar|yen|currency|currencies|earnings|"
    r"profits?|nikkei|dow|forex)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Tally:
    documents: int = 0
    sentences: int = 0
    events: int = 0
    types: Counter[str] = field(default_factory=Counter)

    def add(self, extraction: Extraction) -> None:
        self.documents += 1
        self.sentences += len(extraction.sentences)
        self.events += len(extraction.events)
        self.types.update(e.event_type for e in extraction.events)

    def rate(self) -> float:
        return 1000 * self.events / self.sentences if self.sentences else 0.0


def is_economic(document: Document) -> bool:
    return bool(document.title and ECONOMIC_TITLE.search(document.title))


def pick(files: list[Path], limit: int | None) -> list[Path]:
    """``limit`` files spread evenly over ``files`` (all of them without a limit)."""
    if limit is None or limit >= len(files):
        return files
    step = len(files) / limit
    return [files[int(i * step)] for i in range(limit)]


def read(paths: list[Path]) -> list[Document]:
    documents = []
    for path in paths:
        document, _ = parse_timeml(path.read_text(encoding="utf-8"), source=str(path))
        documents.append(document)
    return documents


def describe(event: Event) -> str:
    actors = ",".join(ref_key(a) for a in event.actor)
    recipients = ",".join(ref_key(r) for r in event.recipient)
    return (
        f"{event.event_type}/{event.modality} {actors} -> {recipients or '-'} "
        f"[{event.evidence.trigger}] {event.evidence.sentence[:160]!r}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="files to read (default all)")
    parser.add_argument("--show", type=int, default=0, help="print N economic-story events")
    parser.add_argument("--show-other", type=int, default=0, help="print N other-story events")
    args = parser.parse_args()

    files = sorted(args.data.glob("*.tml"))
    if not files:
        sys.exit(f"no .tml files in {args.data}")
    documents = read(pick(files, args.limit))
    extractor = Extractor(PipelineConfig(stages=STAGES))
    tallies = {"economic": Tally(), "other": Tally(), "market": Tally()}
    shown = {"economic": 0, "other": 0}
    wanted = {"economic": args.show, "other": args.show_other}
    started = time.perf_counter()
    for extraction in extractor.extract_many(documents):
        kind = "economic" if is_economic(extraction.document) else "other"
        tallies[kind].add(extraction)
        if kind == "economic" and MARKET_TITLE.search(extraction.document.title or ""):
            tallies["market"].add(extraction)
        for event in extraction.events:
            if shown[kind] < wanted[kind]:
                shown[kind] += 1
                print(f"  [{kind}] {extraction.document.title!r}: {describe(event)}")
    elapsed = time.perf_counter() - started

    print(f"\n{len(documents)} documents from {args.data} in {elapsed:.0f} s")
    print(f"{'stories':10} {'docs':>6} {'sentences':>10} {'events':>7} {'per 1,000 sentences':>20}")
    for kind, tally in tallies.items():
        label = "  market" if kind == "market" else kind  # a subset of the economic stories
        print(
            f"{label:10} {tally.documents:6d} {tally.sentences:10d} {tally.events:7d} "
            f"{tally.rate():20.1f}"
        )
    for kind, tally in tallies.items():
        common = ", ".join(f"{t} {n}" for t, n in tally.types.most_common(8))
        print(f"{kind} event types: {common or '-'}")


if __name__ == "__main__":
    main()
