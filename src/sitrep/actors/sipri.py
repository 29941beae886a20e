"""Read a SIPRI Arms Transfers Database trade register and say what its designations are.

The register is the CSV export of https://www.sipri.org/databases/armstransfers ("Trade
register", all suppliers and recipients). Its format, as SIPRI writes it: Latin-1 text, a
preamble of notes before the header row, ``?`` columns that flag uncertain values, and a few
deals split over two lines by a newline inside ``Comments`` (the short line is joined with the
next). SIPRI's terms allow the project to ship facts derived from it (a designation, its
category and producer country) with the citation, never the file or its rows: sitrep reads a
register a user has downloaded, and ``scripts/build_sipri_equipment.py`` derives the
equipment table from one.

Each weapon description maps to one of SIPRI's weapon categories (its "sources and methods":
aircraft, air-defence systems, armoured vehicles, artillery, engines, missiles, naval weapons,
satellites, sensors, ships, other) and to one of sitrep's equipment categories
(:data:`sitrep.actors.entries.EQUIPMENT_CATEGORIES`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import E, InputError

if TYPE_CHECKING:
    from sitrep.actors.gazetteer import Gazetteer

CITATION = "SIPRI Arms Transfers Database"
_HEADER_START = "Recipient,Supplier,Year of order"
_COLUMNS = 16

# SIPRI's weapon categories, by the code its own exports use.
SIPRI_CATEGORIES = {
    "AC": "aircraft",
    "AD": "air defence systems",
    "AV": "armoured vehicles",
    "AR": "artillery",
    "EN": "engines",
    "MI": "missiles",
    "NW": "naval weapons",
    "SA": "satellites",
    "SE": "sensors",
    "SH": "ships",
    "OT": "other",
}

# Every weapon description the register uses (orders 1950-2024), with its SIPRI category and
# sitrep's equipment category. A description this table lacks is reported by the builder.
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    # aircraft
    "FGA aircraft": ("AC", "combat aircraft"),
    "FGA/electronic warfare aircraft": ("AC", "combat aircraft"),
    "fighter aircraft": ("AC", "combat aircraft"),
    "ground-attack aircraft": ("AC", "combat aircraft"),
    "bomber aircraft": ("AC", "bomber"),
    "trainer/combat aircraft": ("AC", "trainer aircraft"),
    "(armed) trainer aircraft": ("AC", "trainer aircraft"),
    "trainer aircraft": ("AC", "trainer aircraft"),
    "light /trainer aircraft": ("AC", "trainer aircraft"),
    "light/trainer aircraft": ("AC", "trainer aircraft"),
    "transport/trainer aircraft": ("AC", "trainer aircraft"),
    "transport aircraft": ("AC", "transport aircraft"),
    "heavy transport aircraft": ("AC", "transport aircraft"),
    "light transport aircraft": ("AC", "transport aircraft"),
    "helicopter/transport aircraft": ("AC", "transport aircraft"),
    "light transport airship": ("AC", "transport aircraft"),
    "tanker/transport aircraft": ("AC", "tanker aircraft"),
    "maritime patrol aircraft": ("AC", "maritime patrol aircraft"),
    "anti-submarine aircraft": ("AC", "maritime patrol aircraft"),
    "airborne early-warning aircraft": ("AC", "AEW&C aircraft"),
    "airborne early-warning/ground surveillance aircraft": ("AC", "AEW&C aircraft"),
    "reconnaissance aircraft": ("AC", "reconnaissance aircraft"),
    "reconnaissance/signals intelligence aircraft": ("AC", "reconnaissance aircraft"),
    "signals intelligence aircraft": ("AC", "reconnaissance aircraft"),
    "signals intelligence/ground surveillance aircraft aircraft": (
        "AC",
        "reconnaissance aircraft",
    ),
    "ground surveillance aircraft": ("AC", "reconnaissance aircraft"),
    "light aircraft": ("AC", "light aircraft"),
    "light aircraft/UAV": ("AC", "light aircraft"),
    "target tow aircraft": ("AC", "light aircraft"),
    "helicopter": ("AC", "helicopter"),
    "light helicopter": ("AC", "helicopter"),
    "transport helicopter": ("AC", "helicopter"),
    "combat helicopter": ("AC", "helicopter"),
    "anti-ship helicopter": ("AC", "helicopter"),
    "anti-submarine helicopter": ("AC", "helicopter"),
    "airborne early-warning helicopter": ("AC", "helicopter"),
    "signals intelligence helicopter": ("AC", "helicopter"),
    "UAV": ("AC", "drone"),
    "armed UAV": ("AC", "drone"),
    "(armed) UAV": ("AC", "drone"),
    "maritime patrol UAV": ("AC", "drone"),
    # air defence systems
    "SAM system": ("AD", "SAM system"),
    "mobile SAM system": ("AD", "SAM system"),
    "ABM system": ("AD", "SAM system"),
    "ABM/SAM system": ("AD", "SAM system"),
    "air-defence system": ("AD", "SAM system"),
    "self-propelled AD system": ("AD", "SAM system"),
    "self-propelled air-defence system": ("AD", "SAM system"),
    "anti-aircraft gun": ("AD", "air-defence gun"),
    "anti-aircraft gun system": ("AD", "air-defence gun"),
    "anti-aircraft gun/SAM system": ("AD", "air-defence gun"),
    "self-propelled anti-aircraft gun": ("AD", "air-defence gun"),
    # armoured vehicles
    "tank": ("AV", "tank"),
    "light tank": ("AV", "tank"),
    "training tank": ("AV", "tank"),
    "APC": ("AV", "armoured vehicle"),
    "infantry fighting vehicle": ("AV", "armoured vehicle"),
    "armoured car": ("AV", "armoured vehicle"),
    "armoured reconnaissance vehicle": ("AV", "armoured vehicle"),
    "armoured recovery vehicle": ("AV", "armoured vehicle"),
    "armoured engineer vehicle": ("AV", "armoured vehicle"),
    "armoured engineer/recovery vehicle": ("AV", "armoured vehicle"),
    "armoured bridgelayer": ("AV", "armoured vehicle"),
    "armoured supply vehicle": ("AV", "armoured vehicle"),
    "Armoured supply vehicle": ("AV", "armoured vehicle"),
    "armoured logistical vehicle": ("AV", "armoured vehicle"),
    "fire-support vehicle": ("AV", "armoured vehicle"),
    "tank destroyer": ("AV", "armoured vehicle"),
    "armed UGV": ("AV", "armoured vehicle"),
    "tank chassis": ("AV", "armoured vehicle"),
    "self-propelled gun chassis": ("AV", "armoured vehicle"),
    # artillery
    "towed gun": ("AR", "artillery"),
    "self-propelled gun": ("AR", "artillery"),
    "mortar": ("AR", "artillery"),
    "self-propelled mortar": ("AR", "artillery"),
    "multiple rocket launcher": ("AR", "artillery"),
    "coastal defence gun": ("AR", "artillery"),
    "surface-to-surface missile launcher": ("AR", "artillery"),
    # engines
    "aircraft engine": ("EN", "engine"),
    "aircraft jet engine": ("EN", "engine"),
    "turbofan": ("EN", "engine"),
    "turbojet": ("EN", "engine"),
    "turboprop": ("EN", "engine"),
    "gas turbine": ("EN", "engine"),
    "ship engine": ("EN", "engine"),
    "vehicle engine": ("EN", "engine"),
    "ship nuclear reactor": ("EN", "engine"),
    # missiles (SIPRI counts torpedoes, guided bombs and guided shells here)
    "SAM": ("MI", "SAM system"),
    "SAM/ABM": ("MI", "SAM system"),
    "ABM missile": ("MI", "SAM system"),
    "naval SAM system": ("NW", "SAM system"),
    "long-range air-to-air missile/SAM": ("MI", "SAM system"),
    "portable SAM": ("MI", "MANPADS"),
    "long-range air-to-air missile": ("MI", "air-to-air missile"),
    "short-range air-to-air missile": ("MI", "air-to-air missile"),
    "anti-ship missile": ("MI", "anti-ship/land-attack missile"),
    "anti-ship/land-attack missile": ("MI", "anti-ship/land-attack missile"),
    "anti-ship/surface-to-surface missile": ("MI", "anti-ship/land-attack missile"),
    "anti-ship/anti-radar missile": ("MI", "anti-ship/land-attack missile"),
    "anti-ship missile/ASM/SAM": ("MI", "anti-ship/land-attack missile"),
    "air-to-surface/anti-ship missile": ("MI", "anti-ship/land-attack missile"),
    "coastal defence system": ("MI", "anti-ship/land-attack missile"),
    "land-attack missile": ("MI", "cruise missile"),
    "air-to-surface missile": ("MI", "air-to-surface missile"),
    "air-to-surface/surface-to-surface missile": ("MI", "air-to-surface missile"),
    "anti-radar missile": ("MI", "air-to-surface missile"),
    "anti-radar missile/ASM": ("MI", "air-to-surface missile"),
    "guided rocket/air-to-surface missile": ("MI", "air-to-surface missile"),
    "anti-tank missile": ("MI", "anti-tank missile"),
    "anti-tank/air-to-surface missile": ("MI", "anti-tank missile"),
    "surface-to-surface missile": ("MI", "ballistic missile"),
    "submarine-launched ballistic missile": ("MI", "ballistic missile"),
    "anti-submarine missile": ("MI", "anti-submarine weapon"),
    "guided bomb": ("MI", "guided bomb"),
    "guided glide bomb": ("MI", "guided bomb"),
    "guided rocket": ("MI", "artillery"),
    "guided shell": ("MI", "artillery"),
    "loitering munition": ("MI", "loitering munition"),
    "one-way attack drone": ("MI", "loitering munition"),
    "anti-submarine torpedo": ("MI", "torpedo"),
    "anti-ship torpedo": ("MI", "torpedo"),
    "anti-ship/anti-submarine torpedo": ("MI", "torpedo"),
    "anti-submarine/ship torpedo": ("MI", "torpedo"),
    "naval mine/torpedo": ("MI", "torpedo"),
    # naval weapons
    "naval gun": ("NW", "naval gun"),
    "naval multiple rocket launcher": ("NW", "naval gun"),
    "anti-submarine rocket launcher": ("NW", "anti-submarine weapon"),
    "anti-submarine mortar": ("NW", "anti-submarine weapon"),
    # satellites
    "recce satellite": ("SA", "satellite"),
    "surveillance satellite": ("SA", "satellite"),
    # sensors
    "air search radar": ("SE", "radar"),
    "air search system": ("SE", "radar"),
    "air/sea search radar": ("SE", "radar"),
    "sea search radar": ("SE", "radar"),
    "aircraft sea search radar": ("SE", "radar"),
    "air-search/fire-control radar": ("SE", "radar"),
    "fire-control/air-search radar": ("SE", "radar"),
    "fire control radar": ("SE", "radar"),
    "fire-control radar": ("SE", "radar"),
    "multi-function radar": ("SE", "radar"),
    "multi-role radar": ("SE", "radar"),
    "height-finding radar": ("SE", "radar"),
    "combat aircraft radar": ("SE", "radar"),
    "combat heli radar": ("SE", "radar"),
    "maritime patrol aircraft radar": ("SE", "radar"),
    "airborne early-warning radar": ("SE", "radar"),
    "artillery locating radar": ("SE", "radar"),
    "ground surveillance radar": ("SE", "radar"),
    "ground-surveillance radar": ("SE", "radar"),
    "SAM system radar": ("SE", "radar"),
    "sonar": ("SE", "sonar"),
    "SONAR": ("SE", "sonar"),
    "ASW sonar": ("SE", "sonar"),
    "anti-submarine sonar": ("SE", "sonar"),
    "submarine sonar": ("SE", "sonar"),
    "EO system": ("SE", "electro-optical system"),
    "Naval EO system": ("SE", "electro-optical system"),
    "EO search/fire control": ("SE", "electro-optical system"),
    "aircraft EO system": ("SE", "electro-optical system"),
    "aircraft EO/radar system": ("SE", "electro-optical system"),
    "aircraft recce system": ("SE", "electro-optical system"),
    "signals intelligence system": ("SE", "electronic system"),
    "reconnaissance/signals intelligence system": ("SE", "electronic system"),
    # ships
    "aircraft carrier": ("SH", "aircraft carrier"),
    "amphibious assault ship": ("SH", "amphibious ship"),
    "ampibious assault ship/frigate": ("SH", "amphibious ship"),
    "landing ship": ("SH", "amphibious ship"),
    "landing craft": ("SH", "amphibious ship"),
    "landing craft/patrol boat": ("SH", "amphibious ship"),
    "support/landing ship": ("SH", "amphibious ship"),
    "frigate/landing ship": ("SH", "amphibious ship"),
    "cruiser": ("SH", "cruiser"),
    "destroyer": ("SH", "destroyer"),
    "frigate": ("SH", "frigate"),
    "patrol ship/frigate": ("SH", "frigate"),
    "corvette": ("SH", "corvette"),
    "corvette/minesweeper": ("SH", "corvette"),
    "patrol ship": ("SH", "patrol vessel"),
    "patrol boat": ("SH", "patrol vessel"),
    "missile boat": ("SH", "patrol vessel"),
    "torpedo boat": ("SH", "patrol vessel"),
    "torpdeo boat": ("SH", "patrol vessel"),
    "gunboat": ("SH", "patrol vessel"),
    "patrol boat/transport craft": ("SH", "patrol vessel"),
    "patrol ship/icebreaker": ("SH", "patrol vessel"),
    "patrol ship/support ship": ("SH", "patrol vessel"),
    "patrol ship/training ship": ("SH", "patrol vessel"),
    "patrol ship/transport ship": ("SH", "patrol vessel"),
    "patrol ship/tug": ("SH", "patrol vessel"),
    "submarine": ("SH", "submarine"),
    "nuclear submarine": ("SH", "submarine"),
    "midget submarine": ("SH", "submarine"),
    "MCM ship": ("SH", "mine warfare vessel"),
    "minehunter": ("SH", "mine warfare vessel"),
    "minesweeper": ("SH", "mine warfare vessel"),
    "minelayer": ("SH", "mine warfare vessel"),
    "support ship": ("SH", "auxiliary ship"),
    "support craft": ("SH", "auxiliary ship"),
    "replenishment ship": ("SH", "auxiliary ship"),
    "replenishment tanker": ("SH", "auxiliary ship"),
    "tanker": ("SH", "auxiliary ship"),
    "cargo ship": ("SH", "auxiliary ship"),
    "cargo craft": ("SH", "auxiliary ship"),
    "transport ship": ("SH", "auxiliary ship"),
    "transport craft": ("SH", "auxiliary ship"),
    "salvage ship": ("SH", "auxiliary ship"),
    "survey ship": ("SH", "auxiliary ship"),
    "training ship": ("SH", "auxiliary ship"),
    "signals intelligence ship": ("SH", "auxiliary ship"),
    "tug": ("SH", "auxiliary ship"),
    "icebreaker": ("SH", "auxiliary ship"),
    # other: turrets, air refuelling systems
    "APC turret": ("OT", "turret"),
    "infantry fighting vehicle turret": ("OT", "turret"),
    "iinfantry fighting vehicle turret": ("OT", "turret"),
    "tank turret": ("OT", "turret"),
    "tank destroyer turret": ("OT", "turret"),
    "self-propelled gun turret": ("OT", "turret"),
    "mortar turret": ("OT", "turret"),
    "anti-aircraft gun turret": ("OT", "turret"),
    "helicopter turret": ("OT", "turret"),
    "air refuel system": ("OT", "other"),
}

# Supplier names SIPRI writes for states that no longer exist, or differently from ours.
# Soviet designs go to Russia, the successor state that builds and sells them, as the hand
# catalogue codes them (data/equipment.yaml header).
SUPPLIER_CODES = {
    "Soviet Union": "RUS",
    "Czechoslovakia": "CZE",
    "East Germany (GDR)": "DEU",
    "Yugoslavia": "SRB",
    "South Yemen": "YEM",
    "North Yemen": "YEM",
    "South Vietnam": "VNM",
    "Turkiye": "TUR",
    "Viet Nam": "VNM",
    "UAE": "ARE",
    "DR Congo": "COD",
    "Bosnia-Herzegovina": "BIH",
    "Cote d'Ivoire": "CIV",
    "Czechia": "CZE",
    "North Macedonia": "MKD",
}


@dataclass(frozen=True, slots=True)
class Deal:
    """One row of the register: an order of ``number`` ``designation`` by ``recipient``."""

    recipient: str
    supplier: str
    year: int | None
    number: int | None
    designation: str
    description: str
    status: str  # "New", "Second hand", "Second hand but modernized"
    comments: str

    @property
    def second_hand(self) -> bool:
        return self.status.startswith("Second hand")


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def _rows(lines: list[str]) -> Iterator[list[str]]:
    """CSV rows, a deal split by a newline inside ``Comments`` joined back into one line."""
    pending = ""
    for line in lines:
        line = f"{pending} {line}" if pending else line
        row = next(csv.reader(io.StringIO(line)), [])
        if 0 < len(row) < _COLUMNS:
            pending = line
            continue
        pending = ""
        if row:
            yield row


def read_register(path: Path) -> list[Deal]:
    """Every deal of a SIPRI trade-register CSV export."""
    try:
        text = path.read_bytes().decode("latin-1")
    except OSError as exc:
        raise InputError(E.UNREADABLE, source=path, reason=str(exc)) from exc
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(_HEADER_START)), None)
    if start is None:
        raise InputError(
            E.UNREADABLE,
            source=path,
            reason=f"not a SIPRI trade register: no header line starting {_HEADER_START!r}",
        )
    deals = []
    for row in _rows(lines[start + 1 :]):
        if not row[0].strip():
            continue
        deals.append(
            Deal(
                recipient=row[0].strip(),
                supplier=row[1].strip(),
                year=_int(row[2]),
                number=_int(row[4]),
                designation=row[6].strip(),
                description=row[7].strip(),
                status=row[11].strip(),
                comments=row[12].strip(),
            )
        )
    return deals


def state_code(name: str, gazetteer: Gazetteer) -> str | None:
    """ISO alpha-3 of a register's supplier or recipient; None for non-state actors (SIPRI
    marks them ``*``, international bodies ``**``) and unknown suppliers."""
    if name.endswith("*") or name.startswith("unknown"):
        return None
    if name in SUPPLIER_CODES:
        return SUPPLIER_CODES[name]
    country = gazetteer.country(name)
    return country.iso3 if country is not None else None


def categories(description: str) -> tuple[str, str] | None:
    """(SIPRI category code, sitrep equipment category) of a weapon description."""
    return DESCRIPTIONS.get(description.strip())
