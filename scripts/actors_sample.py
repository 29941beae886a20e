"""A fixed random sample of event actors on newswire, and how often their codes are right.

    .venv/bin/python scripts/actors_sample.py draw [--n 150] [--seed 11] [--resolved] [--yaml OUT]
    .venv/bin/python scripts/actors_sample.py score [--judged FILE] [--verbose]

An estimate of actor resolution that owes nothing to the PLOVER dev records: ``draw`` runs
the full pipeline over every article of the TempEval-3 silver newswire, collects the actors
and recipients of its events (one item per sentence and mention text), draws ``n`` with a
seeded ``random.Random`` and prints each with its sentence and PLOVER codes (country, primary
sector: :func:`sitrep.actors.evaluate.plover_codes`). ``--resolved`` draws only from the
actors the pipeline placed in a country (a PLOVER country code, not IGO/NGO/IMG): the
precision of what users see coded. ``--yaml`` writes a judging form: a
person fills in ``actor`` (is the mention an actor at all: a person, group, organisation,
state or place acting or acted on), ``country_ok``, ``sector_ok`` and ``correct`` (the right
``country``/``sector`` where one is wrong; ``null`` country for a regional or global
construct, as PLOVER has none).

``score`` reads the judged form (default ``tests/fixtures/actors-judged-sample.yaml``),
re-runs the *current* pipeline over the sample's documents and reports country and sector
accuracy over the judged actors, as judged and now: a mention is found again by document,
sentence and text, and its current codes are compared with the judged right ones.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from newswire_sample import REPO, parse_sample_args, read_documents

from sitrep.actors.evaluate import NONSTATE_CODES, plover_codes
from sitrep.extractor import Extractor
from sitrep.records import Document, Extraction

NON_STATE_CODES = frozenset({"IGO", *NONSTATE_CODES})
DEFAULT_JUDGED = REPO / "tests" / "fixtures" / "actors-judged-sample.yaml"

Key = tuple[str, int, str]  # document id, sentence start, mention text


@dataclass(frozen=True, slots=True)
class Drawn:
    """One event actor as the judging form shows it."""

    document_id: str
    file: str
    sentence: str
    sentence_start: int
    mention: str
    entity_id: str
    country: str | None
    sector: str | None

    @property
    def key(self) -> Key:
        return (self.document_id, self.sentence_start, self.mention)

    def as_item(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "file": self.file,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "mention": self.mention,
            "predicted": {
                "entity": self.entity_id,
                "country": self.country,
                "sector": self.sector,
            },
            "actor": None,
            "country_ok": None,
            "sector_ok": None,
            "correct": None,
            "note": None,
        }


def event_actors(extraction: Extraction) -> Iterator[Drawn]:
    """Each mention that is an actor or recipient of an event, once per sentence."""
    entities = {e.id: e for e in extraction.entities}
    seen: set[Key] = set()
    document = extraction.document
    for event in extraction.events:
        ev = event.evidence
        ids = {r.entity_id for r in (*event.actor, *event.recipient) if r.entity_id}
        end = ev.sentence_start + len(ev.sentence)
        for mention in extraction.mentions:
            if mention.entity_id not in ids or not ev.sentence_start <= mention.start < end:
                continue
            drawn = _drawn(
                document, ev.sentence, ev.sentence_start, mention.text, entities, mention.entity_id
            )
            if drawn.key not in seen:
                seen.add(drawn.key)
                yield drawn


def _drawn(
    document: Document,
    sentence: str,
    sentence_start: int,
    text: str,
    entities: dict[str, Any],
    entity_id: str | None,
) -> Drawn:
    country, sector = plover_codes(entities.get(entity_id or ""))
    return Drawn(
        document_id=document.id,
        file=Path(document.source or "").stem,
        sentence=sentence,
        sentence_start=sentence_start,
        mention=text,
        entity_id=entity_id or "",
        country=country,
        sector=sector,
    )


def mentions_now(extractions: Iterable[Extraction]) -> dict[Key, Drawn]:
    """Every resolved mention of the current pipeline, by document, sentence and text."""
    found: dict[Key, Drawn] = {}
    for extraction in extractions:
        entities = {e.id: e for e in extraction.entities}
        text = extraction.document.text
        for sentence in extraction.sentences:
            inside = [m for m in extraction.mentions if sentence.start <= m.start < sentence.end]
            for mention in inside:
                drawn = _drawn(
                    extraction.document,
                    text[sentence.start : sentence.end],
                    sentence.start,
                    mention.text,
                    entities,
                    mention.entity_id,
                )
                found.setdefault(drawn.key, drawn)
    return found


def draw(args: argparse.Namespace) -> None:
    files = sorted(args.data.glob("*.tml"))
    if not files:
        sys.exit(f"no .tml files in {args.data}")
    extractor = Extractor()
    actors = sorted(
        (d for x in extractor.extract_many(read_documents(files)) for d in event_actors(x)),
        key=lambda d: d.key,
    )
    if args.resolved:
        actors = [d for d in actors if placed_in_country(d.country)]
    sample = random.Random(args.seed).sample(actors, min(args.n, len(actors)))
    sample.sort(key=lambda d: d.key)
    kind = "event actors placed in a country" if args.resolved else "event actors"
    print(f"{len(actors)} {kind} in {len(files)} documents; {len(sample)} drawn")
    for number, item in enumerate(sample, 1):
        print(f"\n#{number} {item.file} {item.mention!r} -> {item.country} {item.sector}")
        print(f"  {item.sentence}")
    if args.yaml:
        form = {
            "description": (
                f"{len(sample)} {kind} drawn with seed {args.seed} from the full "
                f"pipeline over {args.data.name} by scripts/actors_sample.py draw"
            ),
            "items": [d.as_item() for d in sample],
        }
        args.yaml.write_text(yaml.safe_dump(form, sort_keys=False, allow_unicode=True))


def placed_in_country(code: str | None) -> bool:
    """A PLOVER country code that names a state (IGO, NGO and IMG are not countries)."""
    return code is not None and code not in NON_STATE_CODES


def right_codes(item: dict[str, Any]) -> tuple[str | None, str | None]:
    """The judged right (country, sector) of an item."""
    predicted = item["predicted"]
    correct = item.get("correct") or {}
    country = correct["country"] if "country" in correct else predicted["country"]
    sector = correct["sector"] if "sector" in correct else predicted["sector"]
    return country, sector


def score(args: argparse.Namespace) -> None:
    items: list[dict[str, Any]] = yaml.safe_load(args.judged.read_text())["items"]
    if any(i["actor"] is None for i in items):
        sys.exit("some items have no verdict yet")
    actors = [i for i in items if i["actor"]]
    paths = [args.data / f"{name}.tml" for name in sorted({i["file"] for i in actors})]
    extractor = Extractor()
    now = mentions_now(extractor.extract_many(read_documents(p for p in paths if p.exists())))
    judged_country = sum(bool(i["country_ok"]) for i in actors)
    judged_sector = sum(bool(i["sector_ok"]) for i in actors)
    country_now = sector_now = missing = 0
    for item in actors:
        right_country, right_sector = right_codes(item)
        current = now.get((item["document"], item["sentence_start"], item["mention"]))
        if current is None:
            missing += 1
            continue
        country_now += current.country == right_country
        sector_now += current.sector == right_sector
        if args.verbose and (current.country, current.sector) != (right_country, right_sector):
            print(
                f"  {item['mention']!r}: now {current.country} {current.sector}, "
                f"right {right_country} {right_sector}"
            )
    n = len(actors) or 1
    print(f"{len(items)} items judged, {len(actors)} of them actors")
    print(f"as judged: country {judged_country / n:.1%}  sector {judged_sector / n:.1%}")
    print(
        f"now:       country {country_now / n:.1%}  sector {sector_now / n:.1%}"
        f"  ({missing} mentions no longer found, counted wrong)"
    )


def main() -> None:
    args = parse_sample_args(
        __doc__.splitlines()[0],
        seed=11,
        judged=DEFAULT_JUDGED,
        score_help="accuracy of a judged sample, then and now",
        verbose_help="list what is wrong now",
        resolved_help="only actors placed in a country",
    )
    draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    main()
