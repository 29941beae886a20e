"""Rebuild or refresh the roles table (``src/sitrep/actors/data/roles.tsv``) from Wikidata.

Wikidata records offices as "position held" (P39) statements on a person, with "start time"
(P580) and "end time" (P582) qualifiers. This script reads a file the user downloaded (nothing
is fetched here) and turns the statements for the positions listed in
``scripts/roles_positions.yaml`` into rows of the roles table.

Accepted inputs (plain, ``.gz`` or ``.bz2``):

- a Wikidata JSON dump (``latest-all.json.gz``: one entity per line inside ``[ ... ]``) or a
  filtered extract of it, or ``Special:EntityData/Q….json`` output (``{"entities": {...}}``),
  or a JSON list of entities;
- a SPARQL result in JSON (``application/sparql-results+json``) from this query, with the
  position QIDs of ``roles_positions.yaml`` in ``VALUES``::

    SELECT ?person ?personLabel ?position ?positionLabel ?start ?startPrecision
           ?end ?endPrecision ?rank
           (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases) WHERE {
      VALUES ?position { wd:Q11696 wd:Q14211 }
      ?person p:P39 ?statement . ?statement ps:P39 ?position .
      FILTER NOT EXISTS { ?statement wikibase:rank wikibase:DeprecatedRank }
      OPTIONAL { ?statement pqv:P580 ?sv . ?sv wikibase:timeValue ?start ;
                                              wikibase:timePrecision ?startPrecision . }
      OPTIONAL { ?statement pqv:P582 ?ev . ?ev wikibase:timeValue ?end ;
                                              wikibase:timePrecision ?endPrecision . }
      OPTIONAL { ?person wdt:P410 ?rank . }
      OPTIONAL { ?person skos:altLabel ?alias . FILTER(LANG(?alias) = "en") }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en" . }
    } GROUP BY ?person ?personLabel ?position ?positionLabel ?start ?startPrecision
               ?end ?endPrecision ?rank

Usage::

    # a table from Wikidata alone
    .venv/bin/python scripts/build_roles.py DUMP --out roles-wikidata.tsv
    # refresh the shipped table
    .venv/bin/python scripts/build_roles.py DUMP --merge src/sitrep/actors/data/roles.tsv \\
        --out src/sitrep/actors/data/roles.tsv
    # find the QIDs of the positions held in a file
    .venv/bin/python scripts/build_roles.py DUMP --list-positions

``--merge`` keeps every hand-checked row, appends the Wikidata spells the table lacks and
reports (on stderr) rows whose dates disagree with Wikidata; ``--prefer wikidata`` takes
Wikidata's dates for those instead. Dates keep Wikidata's precision (day, month or year).

Offices of international organisations (UN Secretary-General, NATO Secretary General ...) are
listed in ``roles_positions.yaml`` with ``country: "igo:<id>"`` and come out as rows of that
form. ``--since`` (default 2000) drops spells ended earlier: pass ``--since 1980-01-01`` to
refresh the older holders of those offices and the "Before 2000" heads of state.
"""

from __future__ import annotations

import argparse
import bz2
import datetime as dt
import gzip
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml

from sitrep.actors.roles import (
    COLUMNS,
    DEFAULT_SECTORS,
    DEFAULT_TITLES,
    IGO_PREFIX,
    ROLE_CODES,
    igo_ids,
    name_key,
    period_bounds,
)

HERE = Path(__file__).resolve().parent
DEFAULT_POSITIONS = HERE / "roles_positions.yaml"
DEFAULT_SINCE = "2000-01-01"  # the table covers office-holders from 2000 on (issue 4)

# Wikidata time precisions (wikibase:timePrecision): 11 day, 10 month, 9 year. Coarser values
# (decade, century) say too little to date an office and are dropped.
_PRECISION_DIGITS = {11: 10, 10: 7, 9: 4}
_ENTITY_PREFIX = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Position:
    qid: str | None
    label: str
    country: str
    role: str  # role code: HOS, HOG, FM, DM ...
    title: str
    sector: str | None = None


@dataclass
class Spell:
    """One P39 statement for a listed position, ready to become a table row."""

    person: str
    person_qid: str
    position: Position
    start: str | None
    end: str | None
    aliases: list[str] = field(default_factory=list)
    has_military_rank: bool = False

    def row(self) -> list[str]:
        code = self.position.role
        sector = self.position.sector or DEFAULT_SECTORS[code]
        confidence, note = "", f"Wikidata {self.person_qid}"
        if code == "DM" and self.has_military_rank and sector != "MIL":
            # P410 cannot tell a serving officer from a retired one; ROLES.md's rule (MIL only
            # for rank held in office) needs a person to decide.
            confidence, note = "low", note + "; has a military rank (P410): MIL if held in office"
        title = self.position.title if self.position.title != DEFAULT_TITLES[code] else ""
        cells = [
            self.position.country,
            code,
            self.person,
            self.start or "",
            self.end or "",
            title,
            sector if sector != DEFAULT_SECTORS[code] else "",
            "|".join(a for a in self.aliases if "\t" not in a and "|" not in a),
            confidence,
            note,
        ]
        return cells


# --------------------------------------------------------------------------- positions


def load_positions(path: Path) -> list[Position]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    positions = []
    for entry in data.get("positions", []):
        if entry.get("role") not in ROLE_CODES:
            raise SystemExit(f"{path}: role {entry.get('role')!r} is not one of {list(ROLE_CODES)}")
        # An international organisation's office is written igo:<id> (ROLES.md).
        owner = str(entry.get("country", ""))
        if owner.startswith(IGO_PREFIX) and owner[len(IGO_PREFIX) :] not in igo_ids():
            raise SystemExit(f"{path}: {owner!r} is not an IGO id of organisations.yaml")
        positions.append(
            Position(
                qid=entry.get("qid"),
                label=entry["label"],
                country=entry["country"],
                role=entry["role"],
                title=entry.get("title") or DEFAULT_TITLES[entry["role"]],
                sector=entry.get("sector"),
            )
        )
    return positions


class PositionIndex:
    """Finds the listed position of a statement by QID, or by English label where no QID."""

    def __init__(self, positions: Iterable[Position]) -> None:
        self.by_qid: dict[str, Position] = {}
        self.by_label: dict[str, Position] = {}
        for position in positions:
            if position.qid:
                self.by_qid[position.qid] = position
            self.by_label[position.label.casefold()] = position

    def find(self, qid: str, label: str | None) -> Position | None:
        if qid in self.by_qid:
            return self.by_qid[qid]
        if label:
            position = self.by_label.get(label.casefold())
            # A label match must not override a QID the list pins to another item.
            if position and (position.qid is None or position.qid == qid):
                return position
        return None


# --------------------------------------------------------------------------- reading input


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_input(path: Path) -> tuple[str, Callable[[], Iterator[dict[str, Any]]]]:
    """("sparql", bindings) or ("entities", entities), each as a function that (re)reads them.

    The official dump (one entity per line inside ``[ ... ]``) is streamed and never loaded
    whole; it is read twice when position labels are needed (see :func:`spells_from_entities`).
    """
    with _open(path) as handle:
        first = handle.readline()
    if first.strip() == "[":
        return "entities", lambda: _stream_dump(path)
    with _open(path) as handle:
        data = json.load(handle)
    if isinstance(data, dict) and "results" in data:
        bindings = data["results"].get("bindings", [])
        return "sparql", lambda: iter(bindings)
    if isinstance(data, dict) and "entities" in data:
        entities = list(data["entities"].values())
        return "entities", lambda: iter(entities)
    if isinstance(data, list):
        return "entities", lambda: iter(data)
    raise SystemExit(f"{path}: neither a Wikidata entity dump nor a SPARQL JSON result")


def _stream_dump(path: Path) -> Iterator[dict[str, Any]]:
    with _open(path) as handle:
        for line in handle:
            line = line.strip().rstrip(",")
            if line and line not in ("[", "]"):
                yield json.loads(line)


def wikidata_time(value: str | None, precision: int | None) -> str | None:
    """A Wikidata time at its precision: ("+2004-05-00T00:00:00Z", 10) -> "2004-05"."""
    if not value:
        return None
    digits = _PRECISION_DIGITS.get(precision if precision is not None else 11)
    if digits is None:
        return None
    text = value.lstrip("+")
    if text.startswith("-"):  # BCE dates never date a modern office
        return None
    date = text[:digits]
    try:
        period_bounds(date)
    except ValueError:
        return None
    return date


def _label(entity: dict[str, Any]) -> str | None:
    return (entity.get("labels", {}).get("en") or {}).get("value")


def _claim_time(statement: dict[str, Any], prop: str) -> str | None:
    for qualifier in statement.get("qualifiers", {}).get(prop, []):
        value = (qualifier.get("datavalue") or {}).get("value")
        if isinstance(value, dict):
            return wikidata_time(value.get("time"), value.get("precision"))
    return None


@dataclass
class _Holder:
    """What the builder keeps of a person entity: small, so a full dump fits in memory."""

    qid: str
    name: str
    aliases: list[str]
    ranked: bool
    statements: list[tuple[str, str | None, str | None]]  # (position QID, start, end)


def _holder(entity: dict[str, Any]) -> _Holder | None:
    name = _label(entity)
    statements = []
    for statement in entity.get("claims", {}).get("P39", []):
        if statement.get("rank") == "deprecated":
            continue
        value = (statement.get("mainsnak", {}).get("datavalue") or {}).get("value") or {}
        if value.get("id"):
            statements.append(
                (value["id"], _claim_time(statement, "P580"), _claim_time(statement, "P582"))
            )
    if not name or not statements:
        return None
    aliases = [a["value"] for a in entity.get("aliases", {}).get("en", []) if a.get("value")]
    ranked = bool(entity.get("claims", {}).get("P410"))
    return _Holder(entity.get("id", ""), name, aliases, ranked, statements)


def spells_from_entities(
    read: Callable[[], Iterator[dict[str, Any]]], index: PositionIndex, *, all_labels: bool
) -> tuple[list[Spell], dict[str, str]]:
    """Spells of the listed positions, and the held positions' QID -> English label.

    Labels are read in a second pass (only when needed: a listed position without a QID, or
    ``all_labels`` for ``--list-positions``), because a dump may list a position's own entity
    before or after the people who held it.
    """
    holders = [h for h in map(_holder, read()) if h is not None]
    held = {qid for h in holders for qid, _, _ in h.statements}
    labels: dict[str, str] = dict.fromkeys(held, "")
    if all_labels or len(index.by_label) > len(index.by_qid):
        for entity in read():
            if entity.get("id") in held:
                labels[entity["id"]] = _label(entity) or ""
    spells: list[Spell] = []
    for holder in holders:
        for qid, start, end in holder.statements:
            position = index.find(qid, labels.get(qid))
            if position is not None:
                spell = Spell(holder.name, holder.qid, position, start, end, holder.aliases)
                spell.has_military_rank = holder.ranked
                spells.append(spell)
    return spells, labels


def spells_from_sparql(
    read: Callable[[], Iterator[dict[str, Any]]], index: PositionIndex
) -> tuple[list[Spell], dict[str, str]]:
    """Spells from SPARQL bindings (one per statement), and position QID -> label."""

    def value(binding: dict[str, Any], key: str) -> str | None:
        cell = binding.get(key)
        return cell.get("value") if cell else None

    def precision(binding: dict[str, Any], key: str) -> int | None:
        text = value(binding, key)
        return int(text) if text else None

    spells: dict[tuple[str, str, str | None], Spell] = {}
    labels: dict[str, str] = {}
    for binding in read():
        qid = (value(binding, "position") or "").removeprefix(_ENTITY_PREFIX)
        label = value(binding, "positionLabel")
        labels[qid] = label or ""
        position = index.find(qid, label)
        person_qid = (value(binding, "person") or "").removeprefix(_ENTITY_PREFIX)
        name = value(binding, "personLabel")
        if position is None or not name:
            continue
        start = wikidata_time(value(binding, "start"), precision(binding, "startPrecision"))
        end = wikidata_time(value(binding, "end"), precision(binding, "endPrecision"))
        key = (person_qid, qid, start)  # one row per statement, whatever OPTIONALs multiplied
        spell = spells.setdefault(
            key, Spell(name, person_qid, position, start, end, has_military_rank=False)
        )
        spell.has_military_rank |= bool(value(binding, "rank"))
        for alias in (value(binding, "aliases") or "").split("|"):
            if alias and alias not in spell.aliases:
                spell.aliases.append(alias)
    return list(spells.values()), labels


def keep_recent(spells: Iterable[Spell], since: str) -> list[Spell]:
    """Spells still running on or after ``since`` (open-ended ones always)."""
    return [s for s in spells if s.end is None or period_bounds(s.end)[1] >= since]


# --------------------------------------------------------------------------- merging


@dataclass
class TableLine:
    text: str
    cells: list[str] | None  # None for comments and blank lines


def read_table_lines(path: Path) -> list[TableLine]:
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        is_row = text.strip() and not text.startswith("#") and not text.startswith("country\t")
        cells = text.split("\t") if is_row else None
        if cells is not None:
            cells += [""] * (len(COLUMNS) - len(cells))
        lines.append(TableLine(text, cells))
    return lines


def _person_names(rows: list[list[str]]) -> dict[tuple[str, str], set[str]]:
    """Folded names and aliases of each (country, person): the table lists aliases once."""
    names: dict[tuple[str, str], set[str]] = {}
    for cells in rows:
        found = names.setdefault((cells[0], cells[2]), set())
        found.update(name_key(n) for n in [cells[2], *cells[7].split("|")] if n.strip())
    return names


def _bounds(start: str, end: str) -> tuple[str, str]:
    return (
        period_bounds(start)[0] if start else "0001-01-01",
        period_bounds(end)[1] if end else "9999-12-31",
    )


def _overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    (a0, a1), (b0, b1) = _bounds(*a), _bounds(*b)
    return a0 <= b1 and b0 <= a1


def _reconcile(table: str, wikidata: str) -> tuple[str, str]:
    """("same" | "filled" | "conflict", the value to keep) for one start or end date.

    Dates agree when one contains the other ("2004-05" and "2004-05-22"): the more precise is
    kept. A date the table lacks is filled in from Wikidata (an end date there usually means
    the holder left office after the table was last checked).
    """
    if table == wikidata or not wikidata:
        return "same", table
    if not table:
        return "filled", wikidata
    (t0, t1), (w0, w1) = period_bounds(table), period_bounds(wikidata)
    if t0 <= w0 and w1 <= t1:
        return "filled", wikidata  # Wikidata is more precise
    if w0 <= t0 and t1 <= w1:
        return "same", table
    return "conflict", wikidata


def merge(
    lines: list[TableLine], spells: list[Spell], *, prefer_wikidata: bool, log: IO[str]
) -> tuple[list[str], int, int]:
    """The table's lines with Wikidata's spells merged in; (lines, added, conflicts).

    A spell matches a table row of the same country and role whose person shares a folded
    name or alias with it and whose dates overlap. Unmatched spells are appended; matched rows
    get missing or more precise dates filled in; contradicting dates are reported and kept
    from the table unless ``prefer_wikidata``.
    """
    rows = [line for line in lines if line.cells is not None]
    people = _person_names([line.cells for line in rows if line.cells is not None])
    added: list[list[str]] = []
    conflicts = 0
    for spell in spells:
        new = spell.row()
        spell_names = {name_key(n) for n in [spell.person, *spell.aliases]}
        match = next(
            (
                line
                for line in rows
                if line.cells is not None
                and line.cells[:2] == new[:2]
                and spell_names & people[(line.cells[0], line.cells[2])]
                and _overlaps((line.cells[3], line.cells[4]), (new[3], new[4]))
            ),
            None,
        )
        if match is None or match.cells is None:
            added.append(new)
            continue
        cells = match.cells
        for column in (3, 4):
            outcome, value = _reconcile(cells[column], new[column])
            if outcome == "same":
                continue
            what = "start" if column == 3 else "end"
            print(
                f"{outcome}: {what} of {cells[2]} ({cells[0]} {cells[1]}) is "
                f"{cells[column] or 'empty'} in the table, {new[column]} in Wikidata "
                f"({spell.person_qid})",
                file=log,
            )
            if outcome == "conflict":
                conflicts += 1
                if not prefer_wikidata:
                    continue
            cells[column] = value
            match.text = _join(cells)
    out = [line.text for line in lines]
    if added:
        out.append(f"# --- added from Wikidata by build_roles.py on {dt.date.today()} ---")
        out.extend(_join(cells) for cells in sorted(added, key=_row_order))
    return out, len(added), conflicts


def _join(cells: list[str]) -> str:
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def _row_order(cells: list[str]) -> tuple[str, str, str]:
    return (cells[0], cells[1], cells[3])


def table_text(spells: list[Spell]) -> list[str]:
    header = [
        "# sitrep roles table generated from Wikidata by scripts/build_roles.py "
        f"on {dt.date.today()}; schema in ROLES.md",
        "\t".join(COLUMNS),
    ]
    return header + [_join(s.row()) for s in sorted(spells, key=lambda s: _row_order(s.row()))]


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", type=Path, help="Wikidata JSON dump/extract or SPARQL JSON")
    parser.add_argument("--positions", type=Path, default=DEFAULT_POSITIONS)
    parser.add_argument("--out", type=Path, help="write the table here (default: stdout)")
    parser.add_argument("--merge", type=Path, help="an existing roles.tsv to refresh")
    parser.add_argument("--prefer", choices=("table", "wikidata"), default="table")
    parser.add_argument("--since", default=DEFAULT_SINCE, help="drop spells ended before this")
    parser.add_argument(
        "--list-positions", action="store_true", help="print position QIDs and labels, then stop"
    )
    args = parser.parse_args(argv)
    if not args.input.is_file():
        parser.error(f"{args.input} does not exist")

    index = PositionIndex(load_positions(args.positions))
    kind, read = read_input(args.input)
    if kind == "sparql":
        spells, labels = spells_from_sparql(read, index)
    else:
        spells, labels = spells_from_entities(read, index, all_labels=args.list_positions)
    if args.list_positions:
        for qid, label in sorted(labels.items()):
            listed = "listed" if index.find(qid, label) else ""
            print(f"{qid}\t{label}\t{listed}".rstrip())
        return 0
    spells = keep_recent(spells, args.since)

    if args.merge:
        lines, added, conflicts = merge(
            read_table_lines(args.merge),
            spells,
            prefer_wikidata=args.prefer == "wikidata",
            log=sys.stderr,
        )
        summary = f"{len(spells)} Wikidata spells: {added} added, {conflicts} with other dates"
    else:
        lines = table_text(spells)
        summary = f"{len(spells)} Wikidata spells"
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
