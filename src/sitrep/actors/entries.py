"""The typed entries of the gazetteers: countries, places, organisations, equipment.

These are read-only lookup data, not records: the resolution component turns them into
:class:`sitrep.records.Entity` objects carrying what the record contract needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Fixed vocabulary of equipment categories. Kept small on purpose so that queries such as "all
# SAM systems India bought" need no synonym list; extend here (and in data/README.md) when a
# genuinely new kind of system appears.
EQUIPMENT_CATEGORIES = frozenset(
    {
        "combat aircraft",
        "bomber",
        "transport aircraft",
        "tanker aircraft",
        "trainer aircraft",
        "maritime patrol aircraft",
        "AEW&C aircraft",
        "reconnaissance aircraft",
        "helicopter",
        "tank",
        "armoured vehicle",
        "artillery",
        "SAM system",
        "MANPADS",
        "air-defence gun",
        "anti-ship/land-attack missile",
        "cruise missile",
        "ballistic missile",
        "anti-tank missile",
        "air-to-air missile",
        "air-to-surface missile",
        "guided bomb",
        "submarine",
        "aircraft carrier",
        "amphibious ship",
        "cruiser",
        "destroyer",
        "frigate",
        "corvette",
        "patrol vessel",
        "drone",
        "loitering munition",
        "radar",
        "engine",
        # kinds the transfer stage reads from what news calls them ("assault rifles",
        # "Russian arms"), when no catalogue designation names the system
        "small arms",
        "military equipment",
        # Added with the SIPRI-derived catalogue, whose register names these kinds too.
        "light aircraft",
        "anti-submarine weapon",
        "torpedo",
        "naval gun",
        "mine warfare vessel",
        "auxiliary ship",
        "sonar",
        "electro-optical system",
        "electronic system",
        "satellite",
        "turret",
        "other",
    }
)

OrganisationKind = Literal["igo", "media", "industry"]
CountryVia = Literal["name", "alias", "demonym", "historical", "capital", "metonym", "code"]


@dataclass(frozen=True, slots=True)
class Capital:
    name: str
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    official_name: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    historical: tuple[str, ...] = ()
    capital: Capital | None = None
    metonyms: tuple[tuple[str, str], ...] = ()  # (name, PLOVER sector), e.g. ("Pentagon", "MIL")
    population: int | None = None


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """How a piece of text names a country: directly, as a demonym, via its capital ..."""

    country: Country
    via: CountryVia
    # The sector the mention implies: a capital or "the Kremlin" speaks for the government
    # ("Moscow said" -> GOV); a name or demonym implies none by itself.
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Region:
    """A part of a country that news names: a province, a state, a disputed territory.

    PLOVER codes an actor in a region with the country that holds or nominally claims it
    ("Darfur" -> SDN, "West Bank" -> PSE, "Transnistria" -> MDA).
    """

    name: str
    country: str  # ISO 3166 alpha-3
    type: str = ""  # "Province", "State", "disputed territory" ...
    code: str = ""  # ISO 3166-2 where it has one


@dataclass(frozen=True, slots=True)
class Organisation:
    """An international organisation (sector IGO), a news outlet (sector MED), or a company or
    state body of the defence industry (``industry.yaml``: BUS, GOV, MIL)."""

    id: str
    name: str
    kind: OrganisationKind
    sector: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO alpha-3 home (outlets, companies); None for most IGOs
    type: str | None = None  # "news agency", "UN body", "company", "procurement agency", ...
    members: tuple[str, ...] = ()  # ISO alpha-3 codes, where the file lists them
    source: str = ""  # where the entry came from: a file, or a file and line
    # False: matched only where the model tags it a name, never found written out in any text
    # (two-word names of the Phoenix dictionaries, "Black Star", "Direct Action").
    find_in_text: bool = True
    # Defence industry: owners' ids, what it makes, and names that are also words or surnames
    # ("Harris", "Patria"), matched only where the model tags them as an organisation.
    parent: tuple[str, ...] = ()
    makes: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # industry.yaml's source keys: knowledge, phoenix, sipri


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person the gazetteers know without a dated office: a group's leader, a senator.

    Dated offices are the roles table's (``roles.tsv``); this is who someone is with, for the
    names the table lacks ("Khaled Meshaal" -> Hamas, PSE).
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: tuple[str, ...] = ()
    organisation: str | None = None  # the id of the organisation they belong to
    source: str = ""


@dataclass(frozen=True, slots=True)
class EquipmentEntry:
    """One weapon system or platform of the equipment catalogue."""

    id: str
    name: str
    category: str  # one of EQUIPMENT_CATEGORIES
    origin: str  # ISO alpha-3, joint programmes joined with "+": "IND+RUS"
    maker: str | None = None
    family: str | None = None  # id of the base design a variant belongs to: su-30mki -> su-30
    aliases: tuple[str, ...] = ()
    note: str | None = None
    # False when the bare canonical name is a common word or a person's name ("Arjun",
    # "Akash", "Milan"): only the aliases ("Arjun tank", "Akash missile") are matched in text.
    match_name: bool = True
    # True for entries derived from a database (the SIPRI register) rather than written by
    # hand: they are matched after the hand entries, which win any name they share, and their
    # plain-word names ("Talwar", "Abu Dhabi", "Tiger") count only before a noun of their
    # category ("Talwar frigates", "Tiger attack helicopters").
    derived: bool = False
    # True when every name of the entry needs a noun of its kind after it (a designation
    # shared by systems of several kinds: "M-88" recovery vehicle or engine).
    context: bool = False
    # Names matched only before a noun of the entry's kind ("Tiger" for the Eurocopter Tiger:
    # "Tiger attack helicopters", never "Tamil Tiger rebels").
    context_aliases: tuple[str, ...] = ()
    source: str | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(o for o in self.origin.split("+") if o)  # none for an unknown origin
