"""Reconcile deals found in the news with the SIPRI Arms Transfers Database trade register.

SIPRI publishes the register as a CSV a user downloads (https://armstrade.sipri.org,
"Trade registers"); its terms allow using it, not republishing it, so sitrep never ships it:
``sitrep deals --sipri FILE`` reads the user's copy. The file is Latin-1, starts with a few
lines of notes before its header row, marks uncertain fields with a ``?`` column after them,
and sometimes splits a row where a comment holds a line break (the broken row is joined with
the next).

A news deal matches a register row when the recipient is the same country, the supplier is
the same country (or the news does not say), the designations agree (ignoring case, spaces
and hyphens, or one naming the other's family: "Su-30MKI" and "Su-30"), and the order year is
no later than the latest report of the deal. Deals no row matches are what SIPRI does not
have yet.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.actors.entries import EquipmentEntry
from sitrep.actors.equipment import find_equipment
from sitrep.actors.gazetteer import Gazetteer
from sitrep.errors import ConfigError, E
from sitrep.transfers.linking import Deal

__all__ = ["RegisterRow", "SipriMatch", "match_deals", "read_register"]

_HEADER = "Recipient,Supplier,Year of order"
_KEY = re.compile(r"[^a-z0-9]+")
# Words of a news system name that say what kind of thing it is, not which design.
_KIND_WORDS = frozenset(
    [
        "systems",
        "system",
        "jets",
        "jet",
        "fighters",
        "fighter",
        "aircraft",
        "missiles",
        "missile",
        "tanks",
        "tank",
        "helicopters",
        "helicopter",
        "submarines",
        "submarine",
        "class",
        "frigates",
        "frigate",
        "ships",
        "ship",
    ]
)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One register row, as SIPRI gives it (country names, not codes)."""

    recipient: str
    supplier: str
    order_year: int | None
    number: str
    designation: str
    description: str
    delivery_years: str
    status: str
    recipient_code: str | None = None
    supplier_code: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "recipient": self.recipient,
            "supplier": self.supplier,
            "order_year": self.order_year,
            "number": self.number,
            "designation": self.designation,
            "description": self.description,
            "delivery_years": self.delivery_years,
            "status": self.status,
        }


@dataclass(slots=True)
class SipriMatch:
    deal: Deal
    rows: list[RegisterRow]


def read_register(path: Path, gazetteer: Gazetteer) -> list[RegisterRow]:
    """The register's rows, with ISO codes for the countries the gazetteer knows."""
    try:
        text = path.read_bytes().decode("latin-1")
    except OSError as error:
        raise ConfigError(E.BAD_SIPRI_FILE, path=path, reason=error.strerror or error) from error
    start = text.find(_HEADER)
    if start < 0:
        raise ConfigError(E.BAD_SIPRI_FILE, path=path, reason=f"no header row starting {_HEADER!r}")
    rows = list(csv.reader(io.StringIO(text[start:])))
    header, body = rows[0], _joined(rows[1:], len(rows[0]))
    index = {name.strip(): i for i, name in enumerate(header) if name.strip()}
    codes: dict[str, str | None] = {}

    def code(name: str) -> str | None:
        if name not in codes:
            match = gazetteer.lookup_country(name)
            codes[name] = match.country.iso3 if match else None
        return codes[name]

    def cell(row: list[str], name: str) -> str:
        position = index.get(name)
        return row[position].strip() if position is not None and position < len(row) else ""

    out = []
    for row in body:
        year = cell(row, "Year of order")
        out.append(
            RegisterRow(
                recipient=cell(row, "Recipient"),
                supplier=cell(row, "Supplier"),
                order_year=int(year) if year.isdigit() else None,
                number=cell(row, "Number ordered"),
                designation=cell(row, "Weapon designation"),
                description=cell(row, "Weapon description"),
                delivery_years=cell(row, "Year(s) of delivery"),
                status=cell(row, "status"),
                recipient_code=code(cell(row, "Recipient")),
                supplier_code=code(cell(row, "Supplier")),
            )
        )
    return out


def _joined(rows: Iterable[list[str]], width: int) -> list[list[str]]:
    """Rows with a line break inside a comment arrive in two pieces: join them."""
    out: list[list[str]] = []
    pending: list[str] | None = None
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if pending is not None:
            row = [*pending[:-1], pending[-1] + " " + row[0], *row[1:]]
            pending = None
        if len(row) < width:
            pending = row
            continue
        out.append(row)
    return out


def _key(name: str) -> str:
    return _KEY.sub("", name.lower())


def _design_keys(name: str) -> set[str]:
    """Keys a system name is known by: the whole name, and the name without kind words
    ("Tunguska rocket systems" -> "tunguska")."""
    keys = {_key(name)}
    words = [w for w in re.split(r"\s+", name) if w.lower() not in _KIND_WORDS]
    if words:
        keys.add(_key(" ".join(words)))
    return {k for k in keys if k}


def _same_design(news: str, register: str, designs: _Designs) -> bool:
    if designs.related(news, register):
        return True  # the catalogue knows both names: "BrahMos" and "PJ-10 BrahMos"
    news_keys, register_keys = _design_keys(news), _design_keys(register)
    if news_keys & register_keys:
        return True
    # a variant and its base design: "Su-30MKI" and "Su-30", "T-90" and "T-90S"
    return any(
        (a.startswith(b) or b.startswith(a)) and _long_enough(min(a, b, key=len))
        for a in news_keys
        for b in register_keys
    )


def _long_enough(key: str) -> bool:
    return len(key) >= 4 or (len(key) == 3 and any(c.isdigit() for c in key))


class _Designs:
    """The catalogue entries a name stands for, to relate a design to its variants."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.cache: dict[str, list[EquipmentEntry]] = {}

    def of(self, name: str) -> list[EquipmentEntry]:
        if name not in self.cache:
            self.cache[name] = [m.entry for m in find_equipment(name, self.gazetteer)]
        return self.cache[name]

    def related(self, a: str, b: str) -> bool:
        """The same entry, or one a variant of the other (not two sibling variants)."""
        return any(
            x.id == y.id or x.family == y.id or y.family == x.id
            for x in self.of(a)
            for y in self.of(b)
        )


def match_deals(
    deals: list[Deal], rows: list[RegisterRow], gazetteer: Gazetteer
) -> list[SipriMatch]:
    """For each deal, the register rows that record it (maybe none)."""
    designs = _Designs(gazetteer)
    by_recipient: dict[str, list[RegisterRow]] = {}
    for row in rows:
        if row.recipient_code:
            by_recipient.setdefault(row.recipient_code, []).append(row)
    out = []
    for deal in deals:
        latest = max((f.date for f in deal.timeline if f.date), default="")
        year = int(latest[:4]) if latest[:4].isdigit() else None
        found = [
            row
            for row in by_recipient.get(deal.recipient or "", [])
            if (deal.supplier is None or row.supplier_code == deal.supplier)
            and (year is None or row.order_year is None or row.order_year <= year)
            and _same_design(deal.system, row.designation, designs)
        ]
        out.append(SipriMatch(deal, found))
    return out
