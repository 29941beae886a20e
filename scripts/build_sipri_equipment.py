"""Derive the equipment table ``equipment_sipri.tsv`` from a SIPRI trade register.

    .venv/bin/python scripts/build_sipri_equipment.py [REGISTER] [--since 1990] [--check]

For every weapon designation ordered since ``--since`` (default 1990) the register gives:
- its category: the weapon description most of its deals carry since then, mapped to sitrep's
  categories (``sitrep.actors.sipri.DESCRIPTIONS``);
- its producer country: the state that supplied it new (not second-hand) in most deals of any
  year, ties going to the earliest order (the designer exports first; a licensee's exports
  come later). Second-hand deals decide only where no new deal is recorded. Soviet designs
  are coded RUS, as the hand catalogue codes them;
- the names news writes it under: the designation, without a calibre ("2S9 120mm" -> "2S9"),
  each side of a slash that is a designation of its own ("Cessna-337/O-2"), and the code and
  the name of a "CODE Name" designation ("EMB-314 Super Tucano": "EMB-314", "Super Tucano").

These are facts derived from the register, shipped with its citation ("SIPRI Arms Transfers
Database") as SIPRI's terms allow; the register's rows are never written out. Designations
the hand catalogue (``equipment.yaml``) already names are left to it (hand entries win), and
so is every name of theirs: the builder reports where the two disagree on the producer.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from sitrep.actors.entries import EQUIPMENT_CATEGORIES
from sitrep.actors.equipment import EquipmentMatcher, alias_key
from sitrep.actors.gazetteer import DATA_DIR, Gazetteer, load_gazetteer, slug
from sitrep.actors.kinds import describes, kind_nouns
from sitrep.actors.sipri import CITATION, Deal, categories, read_register, state_code

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REGISTER = REPO.parent / "shared" / "data" / "sipri" / "trade-register-2025-03-13.csv"
OUT = DATA_DIR / "equipment_sipri.tsv"
HEADER = f"""\
# Weapon designations ordered since {{since}}, with category and producer country, derived from
# the {CITATION} (trade register generated {{generated}}) by scripts/build_sipri_equipment.py.
# Facts derived from the register, shipped with its citation as SIPRI's terms allow; none of
# its rows. Source: {CITATION}, https://www.sipri.org/databases/armstransfers
# Never edit by hand: rebuild. Hand entries (equipment.yaml) win over these.
# id\tname\tcategory\torigin\taliases\tcontext\tsame_as\tsource
"""
_CALIBRE = re.compile(r"\s+\d+(?:\.\d+)?mm$")
_GENERIC = re.compile(r"(?i)unidentified|unknown")


@dataclass(frozen=True, slots=True)
class Designation:
    id: str
    name: str
    category: str
    origin: str
    aliases: tuple[str, ...]
    context: bool = False  # every name needs a noun of its kind after it
    same_as: str = ""  # the hand entry this names ("Tiger" -> eurocopter-tiger)


# Categories close enough that the hand catalogue and the register name one system when they
# share a designation (SIPRI's "trainer/combat aircraft" is one of our two).
_AIRCRAFT = ("combat aircraft", "bomber", "transport aircraft", "tanker aircraft",
             "trainer aircraft", "maritime patrol aircraft", "AEW&C aircraft",
             "reconnaissance aircraft", "light aircraft")  # fmt: skip
_MISSILES = ("SAM system", "MANPADS", "air-defence gun", "anti-ship/land-attack missile",
             "cruise missile", "ballistic missile", "anti-tank missile", "air-to-air missile",
             "air-to-surface missile", "guided bomb", "torpedo",
             "anti-submarine weapon")  # fmt: skip
_SHIPS = ("submarine", "aircraft carrier", "amphibious ship", "cruiser", "destroyer", "frigate",
          "corvette", "patrol vessel", "mine warfare vessel", "auxiliary ship")  # fmt: skip
_GROUPS = {
    **dict.fromkeys(_AIRCRAFT, "aircraft"),
    **dict.fromkeys(_MISSILES, "missile"),
    **dict.fromkeys(_SHIPS, "ship"),
    **dict.fromkeys(("tank", "armoured vehicle", "artillery"), "vehicle"),
}


def same_kind(a: str, b: str) -> bool:
    return a == b or _GROUPS.get(a, a) == _GROUPS.get(b, b)


def producer(deals: Iterable[Deal], gazetteer: Gazetteer) -> str | None:
    """The country that supplied a designation new in most deals (earliest order on a tie)."""
    deals = list(deals)
    for pool in ([d for d in deals if not d.second_hand], deals):
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for deal in pool:
            code = state_code(deal.supplier, gazetteer)
            if code is None:
                continue
            counts[code] += 1
            first[code] = min(first.get(code, 9999), deal.year or 9999)
        if counts:
            return max(counts, key=lambda c: (counts[c], -first[c]))
    return None


def names_of(designation: str) -> list[str]:
    """The designation and the names news writes it under, canonical first."""
    name = designation.strip().rstrip(" -").strip()
    names = [name]
    bare = _CALIBRE.sub("", name)
    if bare != name and any(ch.isdigit() for ch in bare):
        names.append(bare)
    for form in list(names):
        parts = form.split("/")
        if len(parts) == 2 and all(_designation_like(p) for p in parts):
            names.extend(p.strip() for p in parts)
        code, _, rest = form.partition(" ")
        if rest and any(ch.isdigit() for ch in code) and len(code) >= 3:
            names.append(code)
            if not any(ch.isdigit() for ch in rest) and "/" not in rest and not rest.islower():
                names.append(rest)
    unique: list[str] = []
    for form in names:
        if form and form not in unique:
            unique.append(form)
    return unique


def _digit(name: str) -> bool:
    return any(ch.isdigit() for ch in name)


def _designation_like(part: str) -> bool:
    part = part.strip()
    return len(part) >= 3 and part[:1].isalpha() and any(ch.isdigit() for ch in part)


def build(deals: list[Deal], gazetteer: Gazetteer, since: int) -> tuple[list[Designation], dict]:
    """The derived designations, and a report of what was left out and why.

    A designation SIPRI uses for systems of several kinds ("Hunter": a frigate, a drone, a
    fighter, a sonar) gives one row per kind; all but the most ordered need a noun of their
    kind after the name ("Hunter drones"), as does one whose name the hand catalogue gives
    to a system of another kind ("F-22", SIPRI's Chinese frigate).
    """
    by_name: dict[str, list[Deal]] = defaultdict(list)
    for deal in deals:
        by_name[deal.designation.strip()].append(deal)
    hand_keys = _hand_keys(gazetteer)
    report: dict[str, list] = defaultdict(list)
    rows: list[Designation] = []
    taken: set[str] = set()
    for name in sorted(by_name):
        group = by_name[name]
        if not any(d.year is not None and d.year >= since for d in group):
            continue
        if not name or name.islower() or _GENERIC.search(name):
            report["generic"].append(name)
            continue
        kinds: dict[str, list[Deal]] = defaultdict(list)
        for deal in group:
            mapped = categories(deal.description)
            if mapped is None:
                report["unmapped description"].append((name, deal.description))
                continue
            kinds[mapped[1]].append(deal)
        recent = {
            k: sum(1 for d in v if d.year is not None and d.year >= since) for k, v in kinds.items()
        }
        ordered = sorted((k for k in kinds if recent[k]), key=lambda k: -recent[k])
        for rank, category in enumerate(ordered):
            row = _row(name, category, kinds[category], gazetteer, hand_keys, report)
            if row is None:
                continue
            ident = slug(name) if len(ordered) == 1 else slug(f"{name} {category}")
            if ident in gazetteer.equipment:  # a hand entry's id: "F-22", SIPRI's frigate
                ident = slug(f"{name} {category}")
            context = row.context or rank > 0
            # A name that needs a noun of its kind after it may be shared ("Lynx" helicopter
            # and vehicle); one that needs none names one system.
            gated = context or not any(ch.isdigit() for ch in row.name)
            own = alias_key(row.name) or ""
            if ident in gazetteer.equipment or (not gated and own in taken):
                report["name taken by another designation"].append(name)
                continue
            aliases = tuple(
                a for a in row.aliases if gated or not _digit(a) or alias_key(a) not in taken
            )
            if not gated:
                taken |= {own, *(alias_key(a) or "" for a in aliases if _digit(a))}
            rows.append(replace(row, id=ident, aliases=aliases, context=context))
    return rows, report


def _row(
    name: str,
    category: str,
    deals: list[Deal],
    gazetteer: Gazetteer,
    hand_keys: dict[str, str],
    report: dict[str, list],
) -> Designation | None:
    """One designation of one kind, or None where the hand catalogue has it or it has no
    producer."""
    origin = producer(deals, gazetteer)
    if origin is None:
        report["no state supplier"].append(name)
        return None
    forms = [f for f in names_of(name) if alias_key(f) is not None]
    if not forms:
        report["unmatchable"].append(name)
        return None
    # The designation, or its name without a calibre, is one the hand catalogue knows.
    identity = [alias_key(forms[0]), alias_key(_CALIBRE.sub("", forms[0]))]
    named = next((hand_keys[k] for k in identity if k in hand_keys), None)
    context = False
    if named is not None:
        hand = gazetteer.equipment[named]
        if same_kind(hand.category, category):
            if origin not in hand.origins:
                report["producer differs from the hand catalogue"].append(
                    (name, origin, hand.name, hand.origin)
                )
            if _spelt_as_by(forms[0], hand.id, gazetteer):
                report["named by the hand catalogue"].append(name)
                return None
            # SIPRI spells it otherwise ("MilGem" for "MILGEM", "Sky Shield" for
            # "Skyshield"): its spelling joins the hand entry before a noun of its kind.
            report["spelt otherwise by the hand catalogue"].append(name)
            same_as = hand.id if origin in hand.origins else ""
            return Designation("", forms[0], category, origin, (), True, same_as)
        context = True  # the hand entry keeps the bare name; ours needs "F-22 frigates"
    aliases = tuple(f for f in forms[1:] if alias_key(f) not in hand_keys)
    same_as = "" if _digit(forms[0]) else _same_as(forms[0], category, origin, gazetteer)
    return Designation("", forms[0], category, origin, aliases, context, same_as)


def _spelt_as_by(name: str, entry_id: str, gazetteer: Gazetteer) -> bool:
    """Whether the hand catalogue matches ``name`` as written, whole, to ``entry_id``."""
    matcher = gazetteer.derive(
        "hand_equipment_matcher",
        lambda g: EquipmentMatcher(e for e in g.equipment.values() if not e.derived),
    )
    found = matcher.find(name)
    return len(found) == 1 and found[0].text == name and found[0].id == entry_id


def _same_as(name: str, category: str, origin: str, gazetteer: Gazetteer) -> str:
    """The hand entry of the same category and producer that this plain name is short for:
    one of its names ends with it ("Tiger" -> "Eurocopter Tiger") or adds only describing
    words and nouns of its kind ("Talwar" -> "Talwar-class frigate")."""
    words = _words(name)
    nouns = kind_nouns(category)
    for entry in gazetteer.equipment.values():
        if entry.derived or entry.category != category or origin not in entry.origins:
            continue
        for other in (entry.name, *entry.aliases):
            theirs = _words(other)
            if len(theirs) <= len(words):
                continue
            if theirs[-len(words) :] == words:
                return entry.id
            rest = theirs[len(words) :]
            if theirs[: len(words)] == words and all(w in nouns or describes(w) for w in rest):
                return entry.id
    return ""


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", name.lower()) if w]


def _hand_keys(gazetteer: Gazetteer) -> dict[str, str]:
    """Every matching key of the hand catalogue's names and aliases, with the entry id."""
    keys: dict[str, str] = {}
    for entry in gazetteer.equipment.values():
        if entry.derived:
            continue
        for name in (entry.name, *entry.aliases):
            key = alias_key(name)
            if key is not None:
                keys.setdefault(key, entry.id)
    return keys


def write(rows: list[Designation], path: Path, since: int, generated: str) -> None:
    lines = [HEADER.format(since=since, generated=generated)]
    for row in rows:
        assert row.category in EQUIPMENT_CATEGORIES, row
        cells = (row.id, row.name, row.category, row.origin, "|".join(row.aliases))
        cells += ("yes" if row.context else "", row.same_as, CITATION)
        lines.append("\t".join(cells) + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("register", nargs="?", type=Path, default=DEFAULT_REGISTER)
    parser.add_argument("--since", type=int, default=1990)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    parser.add_argument("--verbose", action="store_true", help="list what was left out")
    args = parser.parse_args(argv)
    # The hand catalogue alone decides what is already named: never the previous build.
    hand = load_gazetteer(derived=False)
    deals = read_register(args.register)
    rows, report = build(deals, hand, args.since)
    print(f"{len(rows)} designations derived from {len(deals)} deals", file=sys.stderr)
    for reason, items in sorted(report.items()):
        print(f"  {reason}: {len(items)}", file=sys.stderr)
        if args.verbose or reason.startswith("producer differs"):
            for item in items:
                print(f"    {item}", file=sys.stderr)
    if not args.check:
        write(rows, args.out, args.since, _date_generated(args.register))
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _date_generated(register: Path) -> str:
    for line in register.read_bytes().decode("latin-1").splitlines()[:20]:
        if line.startswith("Data generated:"):
            return " ".join(line.split(":", 1)[1].split()[:3])
    return "on an unknown date"


if __name__ == "__main__":
    raise SystemExit(main())
