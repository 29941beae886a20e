"""Weapon systems and transfers in plain order sentences built from a SIPRI trade register.

    python benchmarks/sipri_order_sentences.py [REGISTER] [--since 2000] [--limit N] [--errors]

For every deal ordered since ``--since`` between two states the script writes one sentence
from a few templates ("Georgia has ordered 12 Su-25 ground attack aircraft from Bulgaria.",
"India signed a deal with Russia for 5 S-400 SAM systems."), runs the full pipeline over
them and reports:

- designations recognised as equipment: an equipment mention covers the designation in the
  majority of its sentences (``--bare`` writes the sentences without the weapon description,
  "Georgia has ordered 12 Su-25 from Bulgaria.", where plain-word names such as ship classes
  are not recognised by design);
- of those, the share with the right producer country: the mention's origin is a state the
  register records supplying the designation new (any year; every supplier where it records
  only second-hand deals). Soviet Union counts as Russia, as the catalogue codes it;
- sentences whose transfer has the register's supplier and recipient.

Figures are given by SIPRI weapon category and for two fixed halves of the designations,
split by a hash of the designation: "tune" (errors may be read) and "check" (never read).
The sentences are built at run time; the register and its rows stay outside the repository
(SIPRI's terms: derived facts with the citation "SIPRI Arms Transfers Database" only).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.actors import load_gazetteer
from sitrep.actors.sipri import SIPRI_CATEGORIES, Deal, categories, read_register, state_code
from sitrep.records import Document, Extraction

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REGISTER = REPO.parent / "shared" / "data" / "sipri" / "trade-register-2025-03-13.csv"

TEMPLATES = (
    "{recipient} has ordered {quantity}{system} from {supplier}.",
    "{recipient} signed a deal with {supplier} for {quantity}{system}.",
    "{supplier} agreed to supply {quantity}{system} to {recipient}.",
    "In {year}, {recipient} ordered {quantity}{system} from {supplier}.",
)
_UNCHANGED_PLURALS = ("aircraft", "craft", "chassis")


@dataclass
class Sentence:
    deal: Deal
    text: str
    span: tuple[int, int]  # where the designation is
    supplier: str
    recipient: str
    recognised: bool = False
    origin: str | None = None  # the origin of the equipment found there
    transfer_right: bool = False


@dataclass
class DesignationScore:
    designation: str
    sipri_category: str
    producers: set[str]
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def recognised(self) -> bool:
        return 2 * sum(s.recognised for s in self.sentences) >= len(self.sentences)

    @property
    def right_producer(self) -> bool:
        found = [s for s in self.sentences if s.recognised]
        right = [s for s in found if s.origin and set(s.origin.split("+")) & self.producers]
        return bool(found) and 2 * len(right) >= len(found)


def half(designation: str) -> str:
    """The fixed half a designation belongs to: "tune" or "check"."""
    return "tune" if hashlib.sha1(designation.encode()).digest()[0] % 2 == 0 else "check"


def _plural(description: str, quantity: int | None) -> str:
    if quantity is None or quantity == 1:
        return description
    head, _, last = description.rpartition(" ")
    if last.endswith(_UNCHANGED_PLURALS) or last.endswith("s"):
        plural = last
    elif last.endswith("o"):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head} {plural}".strip()


def _pick(key: str, n: int) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % n


def build_sentences(deals: Iterable[Deal], since: int, bare: bool = False) -> list[Sentence]:
    """One sentence per state-to-state deal ordered since ``since``; ``bare`` leaves out the
    weapon description ("12 Su-25 from Bulgaria"), which plain-word names need."""
    gazetteer = load_gazetteer()
    sentences = []
    for deal in deals:
        if deal.year is None or deal.year < since or not deal.designation:
            continue
        if deal.designation.islower() or categories(deal.description) is None:
            continue
        supplier = state_code(deal.supplier, gazetteer)
        recipient = state_code(deal.recipient, gazetteer)
        if supplier is None or recipient is None:
            continue  # non-state parties: not a state-to-state order sentence
        key = f"{deal.recipient}|{deal.supplier}|{deal.year}|{deal.designation}"
        template = TEMPLATES[_pick(key, len(TEMPLATES))]
        quantity = f"{deal.number} " if deal.number else ""
        system = deal.designation
        if not bare:
            system += " " + _plural(deal.description, deal.number)
        text = template.format(
            recipient=deal.recipient,
            supplier=deal.supplier,
            year=deal.year,
            quantity=quantity,
            system=system,
        )
        start = text.index(system)
        span = (start, start + len(deal.designation))
        sentences.append(Sentence(deal, text, span, supplier, recipient))
    return sentences


def producers(deals: list[Deal]) -> dict[str, set[str]]:
    """Per designation, the states the register records supplying it new (else any)."""
    gazetteer = load_gazetteer()
    new: dict[str, set[str]] = defaultdict(set)
    every: dict[str, set[str]] = defaultdict(set)
    for deal in deals:
        code = state_code(deal.supplier, gazetteer)
        if code is None:
            continue
        every[deal.designation].add(code)
        if not deal.second_hand:
            new[deal.designation].add(code)
    return {name: new.get(name) or codes for name, codes in every.items()}


def score(sentences: list[Sentence], extractions: Iterable[Extraction]) -> None:
    for sentence, extraction in zip(sentences, extractions, strict=True):
        entities = {e.id: e for e in extraction.entities}
        start, end = sentence.span
        for mention in extraction.mentions:
            entity = entities.get(mention.entity_id or "")
            if entity is None or entity.kind != "equipment":
                continue
            if mention.start < end and start < mention.end:
                sentence.recognised = True
                sentence.origin = str(entity.attributes.get("origin") or "") or None
                break
        sentence.transfer_right = any(
            t.supplier == sentence.supplier and t.recipient == sentence.recipient
            for t in extraction.transfers
        )


def _share(n: int, d: int) -> str:
    return f"{n / d:6.1%} ({n}/{d})" if d else "     - (0/0)"


def report(scores: list[DesignationScore], sentences: list[Sentence], errors: bool) -> None:
    print(f"{len(sentences)} sentences, {len(scores)} designations\n")
    print(f"{'designations':24} {'recognised':>20} {'right producer':>20} {'transfer right':>20}")
    groups: list[tuple[str, list[DesignationScore]]] = [("all", scores)]
    groups += [(h, [s for s in scores if half(s.designation) == h]) for h in ("tune", "check")]
    by_category: dict[str, list[DesignationScore]] = defaultdict(list)
    for item in scores:
        by_category[SIPRI_CATEGORIES[item.sipri_category]].append(item)
    groups += sorted(by_category.items())
    for name, items in groups:
        found = [s for s in items if s.recognised]
        right = [s for s in found if s.right_producer]
        said = [x for s in items for x in s.sentences]
        transfers = sum(x.transfer_right for x in said)
        print(
            f"{name:24} {_share(len(found), len(items)):>20} "
            f"{_share(len(right), len(found)):>20} {_share(transfers, len(said)):>20}"
        )
        if name == "check":
            print()
    print("\ntransfer right: sentences whose transfer has the register's supplier and recipient")
    if errors:
        tune = [s for s in scores if half(s.designation) == "tune"]
        print("\nerrors (tune half only):")
        for item in tune:
            if not item.recognised:
                print(f"  not recognised: {item.sentences[0].text}")
            elif not item.right_producer:
                origins = Counter(x.origin for x in item.sentences if x.recognised)
                print(
                    f"  producer {dict(origins)} not in {sorted(item.producers)}: "
                    f"{item.sentences[0].text}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("register", nargs="?", type=Path, default=DEFAULT_REGISTER)
    parser.add_argument("--since", type=int, default=2000)
    parser.add_argument("--limit", type=int, help="only the first N sentences")
    parser.add_argument("--errors", action="store_true", help="list the tune half's errors")
    parser.add_argument(
        "--bare", action="store_true", help="no weapon description after the designation"
    )
    args = parser.parse_args(argv)

    from sitrep.extractor import Extractor

    deals = read_register(args.register)
    sentences = build_sentences(deals, args.since, args.bare)[: args.limit]
    made = producers(deals)
    extractor = Extractor()
    started = time.perf_counter()
    documents = [Document(text=s.text, date=f"{s.deal.year}-07-01") for s in sentences]
    score(sentences, extractor.extract_many(documents))
    elapsed = time.perf_counter() - started
    by_name: dict[str, DesignationScore] = {}
    for sentence in sentences:
        name = sentence.deal.designation
        if name not in by_name:
            code, _category = categories(sentence.deal.description) or ("OT", "other")
            by_name[name] = DesignationScore(name, code, made.get(name, set()))
        by_name[name].sentences.append(sentence)
    report(list(by_name.values()), sentences, args.errors)
    print(f"\n{len(sentences) / elapsed:.1f} sentences/s; source: SIPRI Arms Transfers Database")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
