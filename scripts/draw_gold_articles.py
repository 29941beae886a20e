"""Draw the newswire articles annotated by hand for the event recall/precision gold sets.

The articles come from ``../shared/data/newswire-silver``, restricted to stories about defence,
diplomacy or conflict (a word of ``TOPIC_WORDS`` in the title), excluding every file already
read in an earlier judged sample (``tests/fixtures/*judged-sample.yaml``): those have been seen.
The draw is seeded and the seed is fixed before the first draw, so the list can be re-made
but not re-rolled for a friendlier sample. (The topic filter was corrected once, before any
annotation or system output: a prefix match had let sports stories in.) The first half of the
draw is the *tune* set (its errors may be read while improving the extractor); the second half
is the *check* set (only its totals are read until a change is final).

Two more tune sets (``tune2``, ``tune3``) were drawn later, when the first tune set proved too
small to tune on without fitting it: 64 more articles from what remained of the pool, with
the next seed (``SEED + 1``), fixed before that draw.

A further, smaller set is not drawn but taken whole: every article of the corpus (not already
drawn or seen) where a word of buying, selling or delivering stands near a word for weapons
(``TRANSFER_TEXT``). Arms-transfer stories are rare in this wire corpus (17 of 2,452), and
transfer recall needs a denominator; it is split into tune and check halves by a hash of the
file name. Civil-aircraft orders and "acquire nuclear weapons" match too: they test precision.

A second blind set (``check2``) was drawn on 2026-12-07 with ``SEED + 2``, fixed before the
draw, from the topic articles in no earlier set and in no file anyone had read output on: the
judged samples (``tests/fixtures/*judged*.yaml``) and the 300 documents of the actor coverage
draw (``scripts/actors_coverage.py --n 300 --seed 10``, whose output was listed). It was
annotated blind, as the first check set was.

``draw.yaml`` is the record of every set. The judged samples added since the first draws
change the pool, so re-running those draws would no longer give the same articles: the sets
already in ``draw.yaml`` are kept as they are, and only a set it lacks is drawn.

    python scripts/draw_gold_articles.py            # print the lists
    python scripts/draw_gold_articles.py --write    # also write events-gold/draw.yaml
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "newswire-silver"
OUT = REPO / "tests" / "fixtures" / "events-gold" / "draw.yaml"
SEED = 20261207  # fixed before the first draw (the day it was made); never change it
PER_SET = 32

# Title words of defence, diplomacy and conflict stories (chosen before looking at any title).
TOPIC_WORDS = (
    "minister|president|premier|talks|visit|summit|envoy|ambassador|diplomat|treaty|accord|"
    "agreement|deal|pact|sanction|embargo|arms|weapon|missile|nuclear|military|army|navy|"
    "troops|soldier|defence|defense|war|attack|kill|bomb|clash|rebel|militant|peace|ceasefire|"
    "cease-fire|border|security|un|nato|police|protest|strike|coup|election|vote|parliament|"
    "government|opposition|hostage|refugee|aid|condemn|warn|accuse|urge|meet|sign"
)
# Inflections only: a bare prefix match took "Warne" for "warn" and "undergo" for "UN".
_TOPIC = re.compile(rf"\b({TOPIC_WORDS})(s|es|ed|d|ing|ers?|ies)?\b", re.IGNORECASE)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.DOTALL)
# Stories about markets are out of scope even when a title word matches ("share market talks").
_MARKETS = re.compile(r"\b(shares?|stocks?|index|bourse|dollar|yen|prices?|trading)\b", re.I)
# Sports stories likewise ("premier league", "Asian Games").
_SPORTS = re.compile(
    r"\b(league|cup|games|match|tennis|football|soccer|cricket|olympics?|scorers?|wickets?|"
    r"goals?|beat|champions?|championship|tournament|coach|striker)\b",
    re.I,
)


# Buying, selling or delivering near a word for weapons (written before reading any match).
_BUY = r"buy|bought|purchas\w*|order(?:ed|s)?|sell|sold|sale|deliver\w*|suppl(?:y|ied|ies)|acqui\w+"
_WEAPONS = (
    r"fighter|jets?|aircraft|helicopters?|missiles?|tanks|warships?|frigates?|submarines?|arms|"
    r"weapons|radars?|artillery|rifles|armou?red"
)
TRANSFER_TEXT = re.compile(
    rf"\b({_BUY}|arms deal|contract)\b[^.]{{0,80}}\b({_WEAPONS}|drones?)\b"
    rf"|\b({_WEAPONS})\b[^.]{{0,60}}\b(deal|contract|purchase|sale|deliver\w*|order)\b",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]+>")


def _files_named_in(pattern: str) -> set[str]:
    """The newswire files named in the fixtures matching ``pattern``."""
    seen: set[str] = set()
    for path in (REPO / "tests" / "fixtures").glob(pattern):
        seen.update(re.findall(r"\b(?:AFP|XIN)_ENG_\d{8}\.\d{4}\b", path.read_text()))
    return seen


def seen_files() -> set[str]:
    """Files named in the judged samples of earlier sessions (already read)."""
    return _files_named_in("*judged-sample.yaml")


def candidates() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen = seen_files()
    for path in sorted(DATA.glob("*.tml")):
        if path.stem in seen:
            continue
        match = _TITLE.search(path.read_text(encoding="utf-8"))
        title = " ".join(match.group(1).split()) if match else ""
        if _TOPIC.search(title) and not _MARKETS.search(title) and not _SPORTS.search(title):
            out.append((path.stem, title))
    return out


def transfer_candidates(exclude: set[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen = seen_files() | exclude
    for path in sorted(DATA.glob("*.tml")):
        if path.stem in seen:
            continue
        raw = path.read_text(encoding="utf-8")
        if TRANSFER_TEXT.search(_TAGS.sub("", raw)):
            match = _TITLE.search(raw)
            out.append((path.stem, " ".join(match.group(1).split()) if match else ""))
    return out


def _half(name: str) -> str:
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "check"


COVERAGE_SEED, COVERAGE_N = 10, 300  # scripts/actors_coverage.py's default draw


def read_by_output() -> set[str]:
    """Files whose sitrep output someone has read: every judged sample and the actor coverage
    draw (its mentions were listed)."""
    paths = sorted(DATA.glob("*.tml"))
    coverage = random.Random(COVERAGE_SEED).sample(paths, COVERAGE_N)
    return _files_named_in("*judged*.yaml") | {p.stem for p in coverage}


def first_draws() -> dict[str, list[tuple[str, str]]]:
    """The sets of the first two draws, as the script made them then."""
    pool = candidates()
    drawn = random.Random(SEED).sample(pool, 2 * PER_SET)
    sets = {"tune": drawn[:PER_SET], "check": drawn[PER_SET:]}
    transfers = transfer_candidates({stem for stem, _ in drawn})
    rest = [item for item in pool if item not in drawn and item not in transfers]
    more = random.Random(SEED + 1).sample(rest, 2 * PER_SET)
    sets["tune2"], sets["tune3"] = more[:PER_SET], more[PER_SET:]
    sets["transfers-tune"] = [t for t in transfers if _half(t[0]) == "tune"]
    sets["transfers-check"] = [t for t in transfers if _half(t[0]) == "check"]
    return sets


def second_check(recorded: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """``check2``: topic articles in no recorded set and never read through sitrep's output."""
    taken = {stem for items in recorded.values() for stem, _ in items} | read_by_output()
    pool = [(stem, title) for stem, title in candidates() if stem not in taken]
    return random.Random(SEED + 2).sample(pool, PER_SET)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(REPO)}")
    args = parser.parse_args()
    record = yaml.safe_load(OUT.read_text()) if OUT.exists() else {}
    sets = {
        name: [(item["file"], item["title"]) for item in items]
        for name, items in record.items()
        if isinstance(items, list)
    } or first_draws()
    if "check2" not in sets:
        sets["check2"] = second_check(sets)
    for name, items in sets.items():
        print(f"\n{name}:")
        for stem, title in items:
            print(f"  {stem}  {title}")
    if args.write:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "seed": record.get("seed", SEED),
            "pool": record.get("pool", len(candidates())),
            **{name: [{"file": s, "title": t} for s, t in items] for name, items in sets.items()},
        }
        OUT.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
        print(f"\nwrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
