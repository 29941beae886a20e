"""Build the defence-industry table ``industry.yaml`` from its sources.

    .venv/bin/python scripts/build_industry.py [--register SIPRI.csv] [--check] [--verbose]

Sources, each row saying which it comes from:
1. ``scripts/industry/knowledge.yaml``: companies and state bodies that make, sell or buy arms,
   written from public knowledge of the field (the largest arms producers of the last 25
   years and their main subsidiaries, state arms exporters, shipyards, missile, engine and
   electronics makers, procurement, research, export-control and audit agencies). Not
   checked row by row against one listed source: its rows say so.
2. The PETRARCH-2 Phoenix dictionary of international actors
   (``knowledge/petrarch2/Phoenix.International.actors.txt``, MIT): its multinational
   corporations (``[MNC...]`` codes) that are the same company as a row of (1) add their
   source (and the builder reports where Phoenix gives another home country); those it files
   under aerospace or ordnance that (1) lacks are added as rows of their own.
3. The SIPRI Arms Transfers Database trade register (read where the user has it, never
   copied): a row whose name the register writes in its designations or comments ("Pratt &
   Whitney Canada PT-6A-68 turboprop") gets the number of those deals, and, where the
   register's suppliers of those deals agree with the row's home country, that corroboration
   as a source. Disagreements are printed for review, not written.

The table is written to ``src/sitrep/actors/data/industry.yaml`` with each row's PLOVER sector
(from its type), parent ids and sources; see that file's header and ``data/README.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.actors.gazetteer import DATA_DIR, Gazetteer, load_gazetteer, slug
from sitrep.actors.sipri import Deal, read_register, state_code

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE = Path(__file__).resolve().parent / "industry" / "knowledge.yaml"
PHOENIX = (
    REPO.parent
    / "shared"
    / "data"
    / "knowledge"
    / "petrarch2"
    / ("Phoenix.International.actors.txt")
)
REGISTER = REPO.parent / "shared" / "data" / "sipri" / "trade-register-2025-03-13.csv"
OUT = DATA_DIR / "industry.yaml"

# PLOVER sector of each type of row (data/README.md explains the choice).
SECTORS: dict[str, list[str]] = {
    "company": ["BUS"],
    "state-owned company": ["BUS"],
    "joint venture": ["BUS"],
    "state arms exporter": ["GOV", "BUS"],
    "export agency": ["GOV"],
    "procurement agency": ["GOV"],
    "research agency": ["GOV"],
    "export-control agency": ["GOV"],
    "audit office": ["GOV"],
    "military command": ["MIL"],
    "international agency": ["IGO"],
}
# Source keys written in each row (the file's header says what each stands for).
KNOWLEDGE_SOURCE = "knowledge"
PHOENIX_SOURCE = "phoenix"
SIPRI_SOURCE = "sipri"
# Phoenix's industry notes that make a multinational an arms maker of its own.
PHOENIX_INDUSTRIES = ("Aerospace", "Ordnance")
# Airport operators Phoenix files under "Aerospace": they make nothing.
PHOENIX_NOT_MAKERS = ("AEROPORTUARIO",)
_LEGAL = re.compile(
    r"(?:,?\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|group|"
    r"holdings?|sa|s\.a|ag|gmbh|nv|n\.v|spa|s\.p\.a|ab|asa|as|jsc|pjsc|oao|ojsc))+\.?$",
    re.IGNORECASE,
)
_PHOENIX_LINE = re.compile(r"^([A-Z0-9][^\s\[#]*)\s*\[MNC([A-Z]{3})?([A-Z]*)\](.*)$")


@dataclass
class Row:
    id: str
    name: str
    country: str | None
    type: str
    sector: list[str]
    parent: list[str] = field(default_factory=list)
    makes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    weak_aliases: list[str] = field(default_factory=list)
    note: str | None = None
    source: list[str] = field(default_factory=list)
    sipri_deals: int = 0

    def names(self) -> list[str]:
        return [self.name, *self.aliases, *self.weak_aliases]

    def record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.country:
            out["country"] = self.country
        out["sector"] = self.sector
        out["type"] = self.type
        for key in ("parent", "makes", "aliases", "weak_aliases"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.note:
            out["note"] = self.note
        if self.sipri_deals:
            out["sipri_deals"] = self.sipri_deals
        out["source"] = self.source
        return out


def normal(name: str) -> str:
    """A name for comparing sources: folded, legal suffix and punctuation dropped."""
    name = _LEGAL.sub("", name.strip().rstrip("_").replace("_", " ")).strip()
    return re.sub(r"[^a-z0-9&]+", " ", name.casefold()).strip()


def read_knowledge(path: Path, gazetteer: Gazetteer) -> list[Row]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows: list[Row] = []
    seen: set[str] = set()
    for entry in data["industry"]:
        ident = slug(entry["name"])
        if ident in seen:
            raise SystemExit(f"{path}: two rows have the id {ident!r}")
        seen.add(ident)
        kind = entry["type"]
        if kind not in SECTORS:
            raise SystemExit(f"{path}: {entry['name']}: unknown type {kind!r}")
        country = entry.get("country")
        if country is not None and country not in gazetteer.countries:
            raise SystemExit(f"{path}: {entry['name']}: {country!r} is not an ISO alpha-3 code")
        parent = entry.get("parent") or []
        rows.append(
            Row(
                id=ident,
                name=entry["name"],
                country=country,
                type=kind,
                sector=list(SECTORS[kind]),
                parent=[parent] if isinstance(parent, str) else list(parent),
                makes=list(entry.get("makes") or []),
                aliases=list(entry.get("aliases") or []),
                weak_aliases=list(entry.get("weak_aliases") or []),
                note=entry.get("note"),
                source=[KNOWLEDGE_SOURCE],
            )
        )
    ids = {row.id for row in rows}
    for row in rows:
        for parent in row.parent:
            if parent not in ids:
                raise SystemExit(f"{path}: {row.name}: parent {parent!r} is not a row id")
    return rows


@dataclass(frozen=True)
class PhoenixActor:
    name: str
    country: str | None
    note: str


def read_phoenix(path: Path, gazetteer: Gazetteer) -> list[PhoenixActor]:
    """The multinational corporations of Phoenix's international-actors dictionary."""
    actors = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        found = _PHOENIX_LINE.match(line.strip())
        if found is None:
            continue
        raw, code, _sector, rest = found.groups()
        country = code if code and code in gazetteer.countries else None
        name = raw.rstrip("_").replace("_", " ").strip()
        note = rest.split("#", 1)[1].strip() if "#" in rest else ""
        actors.append(PhoenixActor(name, country, note))
    return actors


def _title(name: str) -> str:
    """ "AAR CORP" -> "AAR Corp": Phoenix writes names in capitals."""
    words = []
    for word in name.split():
        keep = len(word) <= 3 and word.isalpha() and word.upper() not in ("INC", "CO", "THE")
        words.append(word if keep else word.capitalize())
    return " ".join(words)


def merge_phoenix(rows: list[Row], actors: list[PhoenixActor], report: dict[str, list]) -> None:
    by_name: dict[str, Row] = {}
    for row in rows:
        for name in row.names():
            by_name.setdefault(normal(name), row)  # the first row of a name keeps it
    ids = {row.id for row in rows}
    for actor in actors:
        row = by_name.get(normal(actor.name))
        if row is not None:
            if actor.country and row.country and actor.country != row.country:
                # Another company of the same name ("Seaspan" the shipyard, not the
                # Chinese-owned container line): reported, not merged.
                report["Phoenix gives another home country"].append(
                    (row.name, row.country, actor.name, actor.country)
                )
            elif PHOENIX_SOURCE not in row.source:
                row.source.append(PHOENIX_SOURCE)
            continue
        industry = any(word in actor.note for word in PHOENIX_INDUSTRIES)
        if not industry or any(word in actor.name for word in PHOENIX_NOT_MAKERS):
            continue
        name = _title(_LEGAL.sub("", actor.name).strip())
        ident = slug(name)
        if ident in ids or not actor.country:
            continue
        ids.add(ident)
        note = actor.note.split("$")[0].strip().rstrip("#").strip()
        added = Row(
            id=ident,
            name=name,
            country=actor.country,
            type="company",
            sector=list(SECTORS["company"]),
            makes=[note.lower()] if note else [],
            aliases=[actor.name.title()] if actor.name.title() != name else [],
            source=[PHOENIX_SOURCE],
        )
        rows.append(added)
        by_name[normal(actor.name)] = added
        report["added from Phoenix"].append(name)


def corroborate(rows: list[Row], deals: list[Deal], gazetteer: Gazetteer, report: dict) -> None:
    """Count the register's deals that name each row, and check their suppliers."""
    names: dict[str, Row] = {}
    for row in rows:
        for name in (row.name, *row.aliases):
            # Short abbreviations ("HAL", "MTU") are too ambiguous in free comments.
            if len(name) >= 4 and not name.isupper():
                names.setdefault(name, row)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"
        r"(?![\w])"
    )
    suppliers: dict[str, Counter[str]] = {}
    for deal in deals:
        found = {m.group(1) for m in pattern.finditer(f"{deal.designation} ; {deal.comments}")}
        code = state_code(deal.supplier, gazetteer)
        for row in {names[n].id: names[n] for n in found}.values():
            row.sipri_deals += 1
            if code is not None:
                suppliers.setdefault(row.id, Counter())[code] += 1
    for row in rows:
        counts = suppliers.get(row.id)
        if not counts:
            continue
        top = counts.most_common(1)[0][0]
        if row.country == top:
            row.source.append(SIPRI_SOURCE)
        else:
            report["SIPRI's suppliers point elsewhere"].append(
                (row.name, row.country, dict(counts.most_common(3)), row.sipri_deals)
            )


HEADER = """\
# Defence industry: {count} companies and state bodies that make, sell or buy arms, with home
# country, PLOVER sector, parent, aliases as news writes them, and each row's sources.
# Generated by scripts/build_industry.py; never edit by hand (edit its sources and rebuild).
#
# `source` of each row, from these (with their licences):
#   knowledge  scripts/industry/knowledge.yaml, written for sitrep from public knowledge of the
#              field (company histories, annual reports, SIPRI Top 100 lists), not checked row
#              by row against one listed source
#   phoenix    PETRARCH-2 Phoenix.International.actors.txt (github.com/openeventdata/petrarch2,
#              MIT) lists the company among its multinational corporations, with the same
#              home country where it gives one
#   sipri      the SIPRI Arms Transfers Database trade register names the row in designations
#              or comments and most of those deals are supplied from the row's country
#              (`sipri_deals`: how many deals name it); derived facts with the citation
#              "SIPRI Arms Transfers Database", none of the register's rows
#
# Sector (PLOVER manual, sector codes): companies, state-owned companies and joint ventures
# BUS; state arms exporters (Rosoboronexport) GOV and BUS; government agencies (procurement,
# research, export control, audit, arms sales: DSCA, DGA, DE&S, DRDO) GOV; commands of the
# armed forces that buy (NAVSEA) MIL; international agencies (NETMA) IGO. A multinational
# carries the country it is run from (PLOVER's MNC code would lose it).
# `weak_aliases` are names that are also words, places or surnames ("Harris", "Patria"):
# matched only where the model tags them as an organisation.
industry:
"""


def write(rows: list[Row], path: Path) -> None:
    lines = [HEADER.format(count=len(rows))]
    for row in rows:
        flow = yaml.dump(
            row.record(), default_flow_style=True, width=10**6, allow_unicode=True, sort_keys=False
        )
        lines.append(f"  - {flow.strip()}\n")
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--knowledge", type=Path, default=KNOWLEDGE)
    parser.add_argument("--phoenix", type=Path, default=PHOENIX)
    parser.add_argument("--register", type=Path, default=REGISTER)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    parser.add_argument("--verbose", action="store_true", help="list every finding")
    args = parser.parse_args(argv)
    gazetteer = load_gazetteer(derived=False)
    report: dict[str, list] = {}
    rows = read_knowledge(args.knowledge, gazetteer)
    known = len(rows)
    report.setdefault("added from Phoenix", [])
    report.setdefault("Phoenix gives another home country", [])
    report.setdefault("SIPRI's suppliers point elsewhere", [])
    merge_phoenix(rows, read_phoenix(args.phoenix, gazetteer), report)
    if args.register.is_file():
        corroborate(rows, read_register(args.register), gazetteer, report)
    else:
        print(f"no register at {args.register}: SIPRI corroboration skipped", file=sys.stderr)
    phoenix = sum(PHOENIX_SOURCE in row.source for row in rows)
    sipri = sum(SIPRI_SOURCE in row.source for row in rows)
    print(
        f"{len(rows)} rows: {known} from knowledge.yaml, {len(rows) - known} added from "
        f"Phoenix; {phoenix} with Phoenix as a source, {sipri} corroborated by SIPRI",
        file=sys.stderr,
    )
    for reason, items in report.items():
        print(f"  {reason}: {len(items)}", file=sys.stderr)
        if args.verbose or reason.startswith("Phoenix gives"):
            for item in items:
                print(f"    {item}", file=sys.stderr)
    if not args.check:
        write(rows, args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
