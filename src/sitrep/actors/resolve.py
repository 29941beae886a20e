"""Turn what a mention names into a canonical :class:`~sitrep.records.Entity`.

One :class:`EntityFactory` per pipeline holds the gazetteer, the sector lexicon and the roles
table; it makes entities for countries, places, international organisations, media outlets,
equipment, people (with their role on the document date) and sector phrases ("the Indian
Navy"). Ids are stable across documents (``country:IND``, ``person:rajnath-singh``,
``org:ind-navy``) so the store can join mentions of the same actor.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sitrep.actors.entries import CountryMatch, EquipmentEntry, Organisation, Place
from sitrep.actors.gazetteer import Gazetteer, slug
from sitrep.actors.roles import SURNAME_ROLES, Role, RoleTable, load_role_table
from sitrep.actors.sectors import SectorLexicon
from sitrep.errors import ConfigError
from sitrep.records import Entity, EntityKind

# PLOVER codes the sector of news media as JRN ("journalists, newspapers, radio, television")
# and uses MED for health (PLOVER manual, Sector Codes, note 4: CAMEO's MED meant media). The
# gazetteer's media entries default to "MED" after CAMEO; records carry the PLOVER code.
MEDIA_SECTOR = "JRN"
_CAMEO_MEDIA_SECTOR = "MED"


@dataclass(slots=True)
class Title:
    """What the words around a name say about the person: "Russian Deputy Prime Minister"."""

    start: int  # character offsets of the title words in the document
    end: int
    role: str | None  # the office, qualifiers and country words removed: "Deputy Prime Minister"
    country: str | None
    sector: str | None
    words: frozenset[str] = field(default_factory=frozenset)  # lower-cased, for coreference
    organisation: str | None = None  # an IGO id: "U.N. Secretary-General Kofi Annan" -> "un"
    # Where the title names an organisation the gazetteers know ("U.N.", "Taliban" in "Taliban
    # leader Mullah Omar"), and its id: a mention of its own inside the title.
    organisation_span: tuple[int, int] | None = None
    named_organisation: str | None = None
    # The title stands in apposition to the name ("Alistair Burt, Britain's minister for the
    # Middle East"): a mention of the person in its own right, not words before the name.
    apposition: bool = False


@functools.cache
def _role_table() -> RoleTable | None:
    """The roles table, or None where it cannot be loaded (the stage then uses titles only)."""
    try:
        return load_role_table()
    except ConfigError:
        return None


class EntityFactory:
    """Builds entities from gazetteer entries and text evidence."""

    def __init__(
        self, gazetteer: Gazetteer, lexicon: SectorLexicon, roles: RoleTable | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        # The roles table with the users' own rows; the shipped one when none is given.
        self.roles = roles if roles is not None else _role_table()

    # -- gazetteer entries -------------------------------------------------------------------
    def country(self, iso3: str) -> Entity:
        country = self.gazetteer.countries.get(iso3)
        name = country.name if country else iso3
        # A country named as an actor is its state: PLOVER codes "Russia said" as RUS GOV.
        return Entity(id=f"country:{iso3}", name=name, kind="country", country=iso3, sector=["GOV"])

    def place(
        self, name: str, match: CountryMatch | None = None, prefer: Collection[str] = ()
    ) -> Entity:
        """A place by name: the gazetteer's most populous match (in a country of ``prefer``,
        the document's countries, if one is), or a capital's coordinates."""
        country = match.country.iso3 if match else None
        if match is None:
            match = self.gazetteer.lookup_country(name)
        capital = match is not None and match.via == "capital"
        found: Place | None = self.gazetteer.place(name, country, prefer=prefer)
        attributes: dict[str, object] = {}
        if found is not None:
            attributes = {"lat": found.lat, "lon": found.lon}
            if found.geonameid:
                attributes["geonameid"] = found.geonameid
            country = found.country
            name = found.name
        elif match is not None and match.country.capital is not None:
            capital = match.country.capital
            if capital.lat is not None:
                attributes = {"lat": capital.lat, "lon": capital.lon}
        if capital and match is not None and country not in (None, match.country.iso3):
            capital = False  # "Kingston" in Norfolk Island, not Jamaica's capital
        # When a place is an actor, PLOVER codes it as those it stands for: the people living
        # there (CVL: "shelled Juba", "a village in western Cambodia", "a bomb in central
        # Baghdad"). A capital that acts or is addressed ("Moscow said", "urged Kabul") is
        # its state, a country entity made by the name resolver, not a place.
        sector = ["CVL"] if capital or found is not None else []
        return Entity(
            id=place_id(name, country),
            name=name,
            kind="place",
            country=country,
            sector=sector,
            attributes=attributes,
        )

    @staticmethod
    def region(name: str, country: str) -> Entity:
        """A region of a country ("Darfur", "the West Bank"): a place with that country.

        As an actor it stands for the people living there (CVL), like a town.
        """
        return Entity(
            id=place_id(name, country),
            name=name,
            kind="place",
            country=country,
            sector=["CVL"],
            attributes={"region": True},
        )

    def organisation(self, org: Organisation) -> Entity:
        if org.kind == "media":
            sector = [MEDIA_SECTOR if s == _CAMEO_MEDIA_SECTOR else s for s in org.sector]
            return Entity(
                id=f"org:{org.id}",
                name=org.name,
                kind="organisation",
                country=org.country,
                sector=sector,
                attributes={"media": True, "type": org.type},
            )
        attributes: dict[str, object] = {"type": org.type} if org.type else {}
        if org.members:
            attributes["members"] = [f"country:{m}" for m in org.members]
        if org.kind == "industry":
            # A company or state body of the defence industry: who owns it, what it makes,
            # and where the row comes from (industry.yaml's source keys).
            attributes["industry"] = True
            if org.parent:
                attributes["parent"] = [f"org:{p}" for p in org.parent]
            if org.makes:
                attributes["makes"] = list(org.makes)
            attributes["sources"] = list(org.sources)
        # The organisations table also holds non-state groups (data/nonstate.yaml): only the
        # entries with sector IGO are international organisations.
        prefix = "igo" if "IGO" in org.sector else "org"
        return Entity(
            id=f"{prefix}:{org.id}",
            name=org.name,
            kind="organisation",
            country=org.country,
            sector=list(org.sector),
            attributes=attributes,
        )

    @staticmethod
    def equipment(entry: EquipmentEntry) -> Entity:
        attributes: dict[str, object] = {"category": entry.category, "origin": entry.origin}
        if entry.maker:
            attributes["maker"] = entry.maker
        if entry.family:
            attributes["family"] = f"equipment:{entry.family}"
        return Entity(
            id=f"equipment:{entry.id}",
            name=entry.name,
            kind="equipment",
            country=entry.origins[0] if len(entry.origins) == 1 else None,
            attributes=attributes,
        )

    def group(self, members: Sequence[str]) -> Entity:
        """Several countries acting together: ``group:IND+RUS`` for "the two countries"."""
        codes = sorted(set(members))
        names = [self.country(code).name for code in codes]
        return Entity(
            id="group:" + "+".join(codes),
            name=" and ".join(names),
            kind="group",
            sector=["GOV"],
            attributes={"members": [f"country:{code}" for code in codes]},
        )

    def phrase(
        self, words: Sequence[str], text: str, country: str | None, sector: str, plural: bool
    ) -> Entity:
        """A sector phrase: "the Indian Navy" -> ``org:ind-navy`` (IND, MIL).

        The id is the country plus the head words without the country words, so "Indian Navy"
        and "India's navy" are one entity; plural people nouns ("Russian leaders") are groups.
        """
        kind: EntityKind = "group" if plural else "organisation"
        prefix = "group" if plural else "org"
        key = slug(" ".join(words)) or slug(text)
        ident = f"{prefix}:{country.lower()}-{key}" if country else f"{prefix}:{key}"
        return Entity(id=ident, name=text, kind=kind, country=country, sector=[sector])

    def metonym(self, name: str, match: CountryMatch) -> Entity:
        """ "the Kremlin", "the State Department": an institution of a country, in the
        metonym's sector."""
        iso3 = match.country.iso3
        return self.phrase((slug(name),), name, iso3, match.sector or "GOV", plural=False)

    def named_organisation(self, name: str, country: str | None, sector: str | None) -> Entity:
        """An organisation the gazetteers do not know ("Islamic Salvation Front")."""
        return Entity(
            id=f"org:{slug(name)}",
            name=name,
            kind="organisation",
            country=country,
            sector=[sector] if sector else [],
        )

    # -- people ------------------------------------------------------------------------------
    def person(self, name: str, date: str | None, title: Title | None) -> Entity:
        """A person with the role held on ``date``: the roles table first, the title second.

        The table knows offices and dates; the words in the text are evidence too and give
        country, sector and role for people the table does not list. Where the table lists
        the person but not on this date, it still tells the country (people keep theirs).
        """
        table = self.roles
        single = len(name.split()) == 1
        title_country = title.country if title else None
        roles: list[Role] = []
        if table is not None and not single:
            name = table.spelling_of(name) or name  # "Francois Mitterand" -> the table's name
        if table is not None and date:
            try:
                roles = table.on(name, date, country=title_country)
                if not roles and single:
                    roles = table.by_surname(name, date, country=title_country)
                elif not roles and title_country and not table.spells(name):
                    # "Cyprus' Foreign Minister George Lillikas", the table's "Yiorgos
                    # Lillikas": a title naming the country and the office, and the surname.
                    roles = _same_office(table, name, date, title_country, title)
            except ValueError:  # a malformed document date: no dated lookup
                roles = []
        if len({(r.person, r.country) for r in roles if r.country}) > 1 or (
            len({r.person for r in roles}) > 1
        ):
            # A bare surname shared by two office holders, or one name of two people of two
            # countries: the text must decide.
            roles = []
        if roles:
            role = _best_role(roles, title)
            attributes: dict[str, object] = {"roles_source": role.source}
            if role.organisation is not None:
                # An international organisation's office (UN Secretary-General): no country;
                # the organisation is marked as titles mark it ("U.N. Secretary-General ...").
                attributes["organisation"] = f"igo:{role.organisation}"
            sector: str = role.sector
            office: str | None = role.title
            # "Ousted President Askar Akayev" while the table, to the day of his formal
            # resignation, still lists him: "former", "ousted", "exiled" (the lexicon's ELI
            # modifiers, which make the whole title ELI) say he has lost the office.
            if (
                title is not None
                and title.sector == "ELI"
                and any(self.lexicon.modifiers.get(word) == "ELI" for word in title.words)
            ):
                sector, office = "ELI", title.role
            return Entity(
                id=f"person:{slug(role.person)}",
                name=role.person,
                kind="person",
                country=role.country,
                sector=[sector],
                role=office,
                attributes=attributes,
            )
        country = title_country
        attributes = {}
        sector = [title.sector] if title and title.sector else []
        if title is not None and title.organisation:
            attributes["organisation"] = f"igo:{title.organisation}"
        if country is None and table is not None and "organisation" not in attributes:
            # Out of office on this date: people keep their country, and someone whose only
            # offices were one organisation's (Kofi Annan in 2010) keeps that organisation.
            # A title naming an organisation says whom they act for now ("Kenzo Oshima, the
            # United Nations Emergency Relief Coordinator", once Japan's envoy).
            # Of the generic offices (a minister of tourism, an ambassador: 18,000 people of
            # CountryInfo) only spells in office count: a namesake is likelier than a
            # former junior minister ("NHL vice president Colin Campbell" is no Jamaican).
            spells = [s for s in table.spells(name) if s.role in SURNAME_ROLES]
            countries = {s.country for s in spells if s.country}
            organisations = {s.organisation for s in spells if s.organisation}
            if len(countries) == 1:
                country = countries.pop()
                attributes["roles_source"] = spells[-1].source
            elif not countries and len(organisations) == 1 and "organisation" not in attributes:
                attributes["organisation"] = f"igo:{organisations.pop()}"
        known = self.gazetteer.person(name) if country is None and not single else None
        if known is not None and "organisation" not in attributes:
            # Not in the roles table, but the gazetteers know whose side they are on: Hamas's
            # "Khaled Meshaal", a senator of the Phoenix dictionaries.
            country = known.country
            sector = sector or [s for s in known.sector if s != "IGO"]
            owner = self.gazetteer.organisations.get(known.organisation or "")
            if owner is not None and "IGO" in owner.sector:
                attributes["organisation"] = f"igo:{owner.id}"
            elif owner is not None:
                attributes["member_of"] = f"org:{owner.id}"
            attributes["people_source"] = known.source
        return Entity(
            id=f"person:{slug(name)}",
            name=name,
            kind="person",
            country=country,
            sector=sector,
            role=title.role if title else None,
            attributes=attributes,
        )


def place_id(name: str, country: str | None) -> str:
    """ "place:lbn-tripoli": the country keeps apart places of one name (Tripoli in Libya and
    in Lebanon) across documents."""
    return f"place:{country.lower()}-{slug(name)}" if country else f"place:{slug(name)}"


# Title words too common to tell one office from another.
_GENERIC_TITLE_WORDS = frozenset({"minister", "the", "of", "for", "and", "deputy", "acting"})


def _same_office(
    table: RoleTable, name: str, date: str, country: str, title: Title | None
) -> list[Role]:
    """The holder of the office a title names, when their surname is the name's: the name
    written otherwise than the table writes it, never a namesake in another office."""
    surname = name.split()[-1]
    words = (title.words if title else frozenset()) - _GENERIC_TITLE_WORDS
    found = [
        r
        for r in table.by_surname(surname, date, country=country)
        if words & set(r.title.lower().replace("-", " ").split())
    ]
    return found if len({r.person for r in found}) == 1 else []


def _best_role(roles: list[Role], title: Title | None) -> Role:
    """Of several roles held at once, the one whose title the text uses.

    An international organisation named in the title picks that organisation's office, then
    any organisation's ("NATO Secretary General Javier Solana" in the week he still was
    Spain's Foreign Minister); then the most title words shared decide.
    """
    if title is None or (not title.words and not title.organisation):
        return roles[0]

    def fit(role: Role) -> tuple[bool, bool, int]:
        named_igo = title.organisation is not None and role.organisation is not None
        return (
            named_igo and role.organisation == title.organisation,
            named_igo,
            len(title.words & set(role.title.lower().split())),
        )

    return max(roles, key=fit)
