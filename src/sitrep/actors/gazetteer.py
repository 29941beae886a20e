"""Load the shipped gazetteers (and users' own YAML files) into lookup tables, once.

The shipped files live in ``sitrep/actors/data`` (schema in its README.md). A user file uses
the same schema; its entries are merged over the shipped ones by key (country ``iso3``, the
``id`` of an organisation, outlet or equipment entry, a place's ``name`` + ``country``): given
fields replace the shipped ones, name lists (``aliases``, ``demonyms``, ``historical``) are
extended, ``replace: true`` swaps the whole entry and ``remove: true`` drops it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc

from sitrep.actors.entries import (
    EQUIPMENT_CATEGORIES,
    Capital,
    Country,
    CountryMatch,
    CountryVia,
    EquipmentEntry,
    Organisation,
    OrganisationKind,
    PersonEntry,
    Place,
    Region,
)
from sitrep.errors import ConfigError, E

DATA_DIR = Path(__file__).resolve().parent / "data"
# Armed groups, parties and movements, in the user-file schema so that users can override it.
NONSTATE_FILE = DATA_DIR / "nonstate.yaml"
# IGOs, NGOs, armed groups and national institutions from the Phoenix dictionaries
# (scripts/build_phoenix_actors.py), after the hand-written files so that theirs win.
PHOENIX_ACTORS_FILE = DATA_DIR / "phoenix_actors.tsv"
SECTIONS = (
    "countries",
    "places",
    "regions",
    "organisations",
    "media",
    "equipment",
    "people",
    "industry",
)
# Sections a user file may also hold that other tables read: ``roles`` (offices held, the
# roles table's columns; sitrep.actors.roles.read_roles_yaml).
OTHER_SECTIONS = ("roles",)
_LIST_FIELDS = ("aliases", "demonyms", "historical", "context_aliases", "weak_aliases")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# A capital's name stands for another country's city of that name only if that city has at
# least this many people and at least 1/_ELSEWHERE_MAX_RATIO of the capital's.
_ELSEWHERE_MIN_POPULATION = 100_000
_ELSEWHERE_MAX_RATIO = 10
# Where a document's named countries are kept once computed (spaCy's per-Doc user data).
_COUNTRIES_KEY = "sitrep.countries_named"

try:  # the C loader reads the shipped files ~5x faster; fall back where libyaml is missing
    YAML_LOADER: type[yaml.SafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    YAML_LOADER = yaml.SafeLoader


def ascii_fold(text: str) -> str:
    """``text`` without accents or other non-ASCII marks: "Mitterrand, François" ->
    "Mitterrand, Francois"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slug(name: str) -> str:
    """The default id of an entry: "Su-30MKI" -> "su-30mki", "Kilo-class" -> "kilo-class"."""
    return _NON_ALNUM.sub("-", ascii_fold(name).lower()).strip("-")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class NameIndex[T]:
    """Proper names to values, matched the way news writes proper names.

    Matching is case-sensitive ("Turkey" the country, not "turkey"; "US", not "us") with one
    relaxation: text in capitals (a headline's "INDIA") matches any name of four or more
    letters. A leading "the" is ignored. The first value added for a name wins, so callers add
    the strongest kind of name first (official names before aliases before demonyms).
    """

    def __init__(self) -> None:
        self._exact: dict[str, T] = {}
        self._upper: dict[str, T] = {}
        self.conflicts: list[tuple[str, T, T]] = []

    def add(self, name: str, value: T) -> None:
        name = _clean(name)
        if not name:
            return
        if name in self._exact:
            if self._exact[name] != value:
                self.conflicts.append((name, self._exact[name], value))
            return
        self._exact[name] = value
        if len(name) >= 4:
            self._upper.setdefault(name.upper(), value)

    def get(self, text: str) -> T | None:
        text = _clean(text)
        for candidate in (text, _strip_article(text)):
            if candidate in self._exact:
                return self._exact[candidate]
            if len(candidate) >= 4 and candidate.isupper() and candidate in self._upper:
                return self._upper[candidate]
        return None

    def __contains__(self, text: str) -> bool:
        return self.get(text) is not None

    def names(self) -> Iterator[str]:
        return iter(self._exact)

    def __len__(self) -> int:
        return len(self._exact)


# Words news writes after a region's name ("Sindh province", "the Darfur region").
_REGION_WORDS = frozenset(
    {"province", "region", "state", "governorate", "district", "territory", "republic", "strip"}
)


def _strip_article(text: str) -> str:
    for article in ("the ", "The ", "THE "):
        if text.startswith(article):
            return text[len(article) :]
    return text


@dataclass
class Gazetteer:
    """All lookup tables; build it with :func:`load_gazetteer`."""

    countries: dict[str, Country]
    places: list[Place]
    organisations: dict[str, Organisation]
    media: dict[str, Organisation]
    equipment: dict[str, EquipmentEntry]
    regions: list[Region] = field(default_factory=list)
    people: dict[str, PersonEntry] = field(default_factory=dict)
    # Companies and state bodies of the defence industry (industry.yaml), by id.
    industry: dict[str, Organisation] = field(default_factory=dict)
    sources: tuple[Path, ...] = ()
    # Structures built from the tables on first use (the equipment matcher), kept with them.
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    _country_names: NameIndex[CountryMatch] = field(default_factory=NameIndex, repr=False)
    _demonyms: NameIndex[CountryMatch] = field(default_factory=NameIndex, repr=False)
    _places: dict[str, list[Place]] = field(default_factory=dict, repr=False)
    _regions: NameIndex[Region] = field(default_factory=NameIndex, repr=False)
    _organisations: NameIndex[Organisation] = field(default_factory=NameIndex, repr=False)
    _media: NameIndex[Organisation] = field(default_factory=NameIndex, repr=False)
    _people: dict[str, list[PersonEntry]] = field(default_factory=dict, repr=False)
    _industry: NameIndex[Organisation] = field(default_factory=NameIndex, repr=False)

    def derive[T](self, key: str, build: Callable[[Gazetteer], T]) -> T:
        """The structure ``build`` makes from these tables (a matcher, an index), made on
        first use and kept under ``key`` for every later caller."""
        if key not in self.derived:
            self.derived[key] = build(self)
        return self.derived[key]  # type: ignore[return-value]

    def __post_init__(self) -> None:
        self._index_countries()
        for place in self.places:
            for name in (place.name, *place.aliases):
                self._places.setdefault(name.casefold(), []).append(place)
        for matches in self._places.values():
            matches.sort(key=lambda p: -p.population)
        for region in self.regions:  # the hand-written ones come first in the file and win
            self._regions.add(region.name, region)
        for org in self.organisations.values():
            for name in (org.name, *org.aliases):
                self._organisations.add(name, org)
        for outlet in self.media.values():
            for name in (outlet.name, *outlet.aliases):
                self._media.add(name, outlet)
        for person in self.people.values():
            for name in {person_key(n) for n in (person.name, *person.aliases)}:
                self._people.setdefault(name, []).append(person)
        for body in self.industry.values():
            for name in (body.name, *body.aliases, *body.weak_aliases):
                self._industry.add(name, body)

    def _index_countries(self) -> None:
        # Order matters (first added wins): names, then aliases, capitals, metonyms, history.
        def add(name: str, country: Country, via: CountryVia, sector: str | None = None) -> None:
            self._country_names.add(name, CountryMatch(country, via, sector))

        for country in self.countries.values():
            add(country.name, country, "name")
        for country in self.countries.values():
            for alias in (country.official_name or "", *country.aliases):
                add(alias, country, "alias")
        for country in self.countries.values():
            if country.capital is not None:
                for name in (country.capital.name, *country.capital.aliases):
                    add(name, country, "capital", "GOV")
            for name, sector in country.metonyms:
                add(name, country, "metonym", sector)
        for country in self.countries.values():
            for name in country.historical:
                add(name, country, "historical")
                self._demonyms.add(name, CountryMatch(country, "historical"))
            for demonym in country.demonyms:
                self._demonyms.add(demonym, CountryMatch(country, "demonym"))

    # -- countries ---------------------------------------------------------------------------
    def country(self, key: str) -> Country | None:
        """A country by ISO alpha-3 or alpha-2 code, name or alias ("Russia", "U.S.")."""
        if key in self.countries:
            return self.countries[key]
        if len(key) == 2 and key.isupper():
            for country in self.countries.values():
                if country.iso2 == key:
                    return country
        match = self._country_names.get(key)
        return match.country if match and match.via in ("name", "alias") else None

    def lookup_country(self, text: str) -> CountryMatch | None:
        """What country a mention stands for, and how: name, alias, demonym, capital ...

        "Russia" -> RUS (name); "Russian"/"Russians" -> RUS (demonym); "Soviet" -> RUS
        (historical); "Moscow" -> RUS (capital, sector GOV); "the Pentagon" -> USA (metonym, MIL).
        """
        match = self._country_names.get(text)
        if match is not None:
            return match
        return self.lookup_demonym(text)

    def lookup_demonym(self, word: str) -> CountryMatch | None:
        """A demonym or adjective, singular or plural: "Indian", "Indians", "Soviet"."""
        match = self._demonyms.get(word)
        if match is None and word.endswith("s"):
            match = self._demonyms.get(word[:-1])
        return match

    def country_names(self) -> Iterator[tuple[str, CountryMatch]]:
        """Every country name, alias, capital and metonym with what it resolves to."""
        for name in self._country_names.names():
            match = self._country_names.get(name)
            if match is not None:
                yield name, match

    def demonyms(self) -> Iterator[tuple[str, CountryMatch]]:
        for name in self._demonyms.names():
            match = self._demonyms.get(name)
            if match is not None:
                yield name, match

    # -- places, organisations, media --------------------------------------------------------
    def places_named(self, name: str) -> list[Place]:
        """Places with this name (case-insensitive), most populous first."""
        return list(self._places.get(_clean(name).casefold(), ()))

    def place(
        self, name: str, country: str | None = None, *, prefer: Collection[str] = ()
    ) -> Place | None:
        """The most populous place of that name, in ``country`` (ISO alpha-3) when given.

        ``prefer``: countries the document names. Of several places of one name, one in
        those countries wins over a more populous one elsewhere: "Tripoli" in a story about
        Lebanon is the Lebanese port, not Libya's capital.
        """
        candidates = [c for c in self.places_named(name) if country is None or c.country == country]
        if prefer:
            for candidate in candidates:
                if candidate.country in prefer:
                    return candidate
        return candidates[0] if candidates else None

    def capital_elsewhere(self, name: str, doc: Doc) -> Place | None:
        """The place a capital's name stands for in a document about another country that
        has a place of that name: "Tripoli" beside "Lebanese" is Lebanon's Tripoli."""
        match = self._country_names.get(name)
        if match is None or match.via != "capital":
            return None
        named = self.countries_named(doc)
        if match.country.iso3 in named:
            return None
        found = self.place(name, prefer=named)
        if found is None or found.country not in named:
            return None
        # Only a city of comparable size: Tripoli, Lebanon (230k beside Libya's 1.3M), not
        # Moscow, Idaho, in a story that names the United States but not Russia.
        capital = self.place(name, match.country.iso3)
        biggest = capital.population if capital is not None else 0
        comparable = found.population >= _ELSEWHERE_MIN_POPULATION and (
            found.population * _ELSEWHERE_MAX_RATIO >= biggest
        )
        return found if comparable else None

    def countries_named(self, doc: Doc) -> frozenset[str]:
        """The countries a document names by name or demonym (its NER places and peoples),
        computed once per document; the context :meth:`place` prefers."""
        cached = doc.user_data.get(_COUNTRIES_KEY)
        if isinstance(cached, tuple):  # a tuple: user data must survive Doc.to_bytes
            return frozenset(cached)
        found = set()
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                match = self.lookup_country(_strip_article(ent.text))
                if match is not None and match.via in ("name", "alias", "demonym"):
                    found.add(match.country.iso3)
        doc.user_data[_COUNTRIES_KEY] = tuple(sorted(found))
        return frozenset(found)

    def region(self, name: str) -> Region | None:
        """A province, state or territory by its proper name: "Sindh", "the West Bank".

        Matched like country names (case-sensitive); "Sindh province" and "Darfur region"
        are found too.
        """
        found = self._regions.get(name)
        if found is None:
            head, _, last = _clean(name).rpartition(" ")
            if head and last.lower() in _REGION_WORDS:
                found = self._regions.get(head)
        return found

    def organisation(self, name: str) -> Organisation | None:
        """An international organisation (sector IGO) by name or alias: "NATO", "the UN"."""
        return self._organisations.get(name)

    def company(self, name: str) -> Organisation | None:
        """A company or state body of the defence industry by name or alias: "Lockheed
        Martin", "HAL", "Rosoboronexport" (legal suffixes are the matcher's business)."""
        return self._industry.get(name)

    def media_outlet(self, name: str) -> Organisation | None:
        """A news agency or outlet (sector MED) by name or alias: "ANI", "Reuters"."""
        return self._media.get(name)

    def person(self, name: str) -> PersonEntry | None:
        """A person of the ``people`` tables by full name (case, accents and punctuation
        aside), if the name is one person's: "Khaled Meshaal" -> Hamas's leader."""
        found = self._people.get(person_key(name), [])
        return found[0] if len({(p.country, p.organisation) for p in found}) == 1 else None

    def summary(self) -> list[str]:
        """Counts per table and name clashes, for the builder's check and for debugging."""
        lines = [
            f"countries: {len(self.countries)}",
            f"demonyms: {len(self._demonyms)}",
            f"country names (names, aliases, capitals, metonyms): {len(self._country_names)}",
            f"places: {len(self.places)}",
            f"regions: {len(self.regions)}",
            f"organisations (IGO): {len(self.organisations)}",
            f"media: {len(self.media)}",
            f"defence industry: {len(self.industry)}",
            f"equipment: {len(self.equipment)}",
            f"people: {len(self.people)}",
        ]
        for index_name, index in (("country", self._country_names), ("demonym", self._demonyms)):
            for name, kept, dropped in index.conflicts:
                if kept.country.iso3 == dropped.country.iso3:
                    continue  # "Singapore" the country and its capital: no ambiguity
                lines.append(
                    f"  {index_name} name {name!r}: kept {kept.country.iso3} ({kept.via}), "
                    f"ignored {dropped.country.iso3} ({dropped.via})"
                )
        return lines


# -- loading and merging -----------------------------------------------------------------------
def load_gazetteer(paths: Iterable[Path | str] = (), *, derived: bool = True) -> Gazetteer:
    """The shipped gazetteers with the user's files merged over them, loaded once per path set.

    ``derived=False`` leaves out the tables derived from databases (the SIPRI equipment
    table), for the builders that derive them from the hand-written ones.
    """
    return _load_cached(tuple(Path(p).expanduser().resolve() for p in paths), derived)


def load_actor_gazetteer(users: Iterable[Path | str] = ()) -> Gazetteer:
    """The gazetteer the actors stage resolves with: the shipped files, the actor files
    (:data:`NONSTATE_FILE`, :data:`PHOENIX_ACTORS_FILE`), then the user's files."""
    return load_gazetteer((NONSTATE_FILE, PHOENIX_ACTORS_FILE, *users))


def clear_gazetteer_cache() -> None:
    """Forget loaded gazetteers (after editing a user file within one process)."""
    _load_cached.cache_clear()


@functools.lru_cache(maxsize=8)
def _load_cached(paths: tuple[Path, ...], derived: bool = True) -> Gazetteer:
    raw = _shipped_raw(derived)
    for path in paths:
        _merge_file(raw, path)
    return _build(raw, paths)


def _shipped_raw(derived: bool = True) -> dict[str, dict[Any, dict[str, Any]]]:
    raw: dict[str, dict[Any, dict[str, Any]]] = {section: {} for section in SECTIONS}
    for name in (
        "countries.yaml",
        "organisations.yaml",
        "media.yaml",
        "equipment.yaml",
        "industry.yaml",
    ):
        path = DATA_DIR / name
        _merge_file(raw, path)
    for place in _read_places_tsv(DATA_DIR / "places.tsv"):
        raw["places"][(place["name"], place["country"])] = place
    for region in _read_regions_tsv(DATA_DIR / "regions.tsv"):
        raw["regions"].setdefault(region["name"], region)
    # Designations derived from the SIPRI register; a hand entry with the same id wins, and
    # a row naming the same system as a hand entry ("Tiger" for the Eurocopter Tiger) adds
    # its name to that entry, matched before a noun of the entry's kind.
    for entry in _read_equipment_tsv(DATA_DIR / "equipment_sipri.tsv") if derived else ():
        same_as = raw["equipment"].get(entry.pop("same_as", None) or "")
        if same_as is not None:
            names = same_as.setdefault("context_aliases", [])
            names.extend(n for n in (entry["name"], *entry["aliases"]) if n not in names)
        else:
            raw["equipment"].setdefault(entry.pop("id"), entry)
    return raw


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(E.BAD_GAZETTEER, source=path, reason="file not found")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(E.BAD_GAZETTEER, source=path, reason=f"invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict) or not set(data) <= set(SECTIONS + OTHER_SECTIONS):
        raise ConfigError(
            E.BAD_GAZETTEER,
            source=path,
            reason="top level must be a mapping with keys among "
            + ", ".join(SECTIONS + OTHER_SECTIONS),
        )
    return {key: value for key, value in data.items() if key in SECTIONS}


def _entry_key(section: str, entry: dict[str, Any], path: Path) -> Any:
    if section == "countries":
        if not _ISO3.match(str(entry.get("iso3", ""))):
            raise ConfigError(E.BAD_GAZETTEER, source=path, reason=f"country without iso3: {entry}")
        return entry["iso3"]
    if section == "regions":
        if "name" not in entry or not _ISO3.match(str(entry.get("country", ""))):
            raise ConfigError(
                E.BAD_GAZETTEER, source=path, reason=f"region needs name and country: {entry}"
            )
        return entry["name"]
    if section == "places":
        if "name" not in entry or "country" not in entry:
            raise ConfigError(
                E.BAD_GAZETTEER, source=path, reason=f"place needs name and country: {entry}"
            )
        return (entry["name"], entry["country"])
    if "id" in entry:
        return str(entry["id"])
    if "name" in entry:
        return slug(str(entry["name"]))
    raise ConfigError(E.BAD_GAZETTEER, source=path, reason=f"{section} entry needs a name: {entry}")


def _merge_file(raw: dict[str, dict[Any, dict[str, Any]]], path: Path) -> None:
    data = _read_tsv_entries(path) if path.suffix.lower() == ".tsv" else _read_yaml(path)
    for section, entries in data.items():
        if not isinstance(entries, list):
            raise ConfigError(E.BAD_GAZETTEER, source=path, reason=f"{section} must be a list")
        table = raw[section]
        for entry in entries:
            if not isinstance(entry, dict):
                raise ConfigError(
                    E.BAD_GAZETTEER, source=path, reason=f"{section}: not a mapping: {entry!r}"
                )
            key = _entry_key(section, entry, path)
            entry = dict(entry)
            entry.setdefault("_source", path.name if path.parent == DATA_DIR else str(path))
            if entry.pop("remove", False):
                table.pop(key, None)
            elif entry.pop("replace", False) or key not in table:
                table[key] = entry
            else:
                table[key] = _merge_entry(table[key], entry)


def _merge_entry(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    merged = dict(old)
    for name, value in new.items():
        if name == "_source" and old.get(name):
            merged[name] = f"{old[name]}; {value}"  # "organisations.yaml; phoenix_actors.tsv:9"
        elif name in _LIST_FIELDS and isinstance(value, list):
            merged[name] = [*old.get(name, []), *(v for v in value if v not in old.get(name, []))]
        else:
            merged[name] = value
    return merged


# Columns of a gazetteer TSV file (phoenix_actors.tsv): one entry a line, list fields
# |-separated. For tables too big to load fast as YAML.
TSV_COLUMNS = (
    "section", "id", "name", "aliases", "country", "sector", "type", "organisation", "find_in_text",
)  # fmt: skip
_TSV_LISTS = frozenset({"aliases", "sector"})


def _read_tsv_entries(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A gazetteer TSV file as the sections of a YAML one. Its columns: :data:`TSV_COLUMNS`,
    then ``source`` (kept as the entry's source, with the line); empty cells are absent
    fields; ``find_in_text`` "no" is false."""
    if not path.is_file():
        raise ConfigError(E.BAD_GAZETTEER, source=path, reason="file not found")
    sections: dict[str, list[dict[str, Any]]] = {}
    header: list[str] | None = None
    with path.open(encoding="utf-8") as rows:
        for number, line in enumerate(rows, start=1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                if tuple(header[: len(TSV_COLUMNS)]) != TSV_COLUMNS:
                    reason = f"header must start {' '.join(TSV_COLUMNS)}"
                    raise ConfigError(E.BAD_GAZETTEER, source=path, reason=reason)
                continue
            row = dict(zip(header, cells, strict=False))
            section = row.pop("section", "")
            if section not in SECTIONS:
                reason = f"line {number}: unknown section {section!r}"
                raise ConfigError(E.BAD_GAZETTEER, source=path, reason=reason)
            entry: dict[str, Any] = {}
            for name, value in row.items():
                if value:
                    entry[name] = value.split("|") if name in _TSV_LISTS else value
            upstream = entry.pop("source", "")
            entry["_source"] = f"{path.name}:{number}" + (f" ({upstream})" if upstream else "")
            if "find_in_text" in entry:
                entry["find_in_text"] = entry["find_in_text"] != "no"
            sections.setdefault(section, []).append(entry)
    return sections


def person_key(name: str) -> str:
    """How people's names are matched: "Khaled Mash'al" = "khaled mashal"."""
    return " ".join(_NON_ALNUM.sub(" ", ascii_fold(name).lower().replace("'", "")).split())


def _read_places_tsv(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            if line.startswith("#") or not line.strip():
                continue
            name, country, lat, lon, population, geonameid, ascii_name = line.rstrip("\n").split(
                "\t"
            )
            yield {
                "name": name,
                "country": country,
                "lat": float(lat),
                "lon": float(lon),
                "population": int(population),
                "geonameid": int(geonameid),
                "aliases": [ascii_name] if ascii_name else [],
            }


def _read_regions_tsv(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            if line.startswith("#") or not line.strip():
                continue
            name, country, kind, code = line.rstrip("\n").split("\t")
            yield {"name": name, "country": country, "type": kind, "code": code}


def _read_equipment_tsv(path: Path) -> Iterator[dict[str, Any]]:
    """Derived equipment rows: id, name, category, origin, aliases (``|``-separated),
    context (``yes``: every name needs a noun of its kind), same_as (a hand entry's id),
    source."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            if line.startswith("#") or not line.strip():
                continue
            ident, name, category, origin, aliases, context, same_as, source = line.rstrip(
                "\n"
            ).split("\t")
            yield {
                "id": ident,
                "name": name,
                "category": category,
                "origin": origin,
                "aliases": aliases.split("|") if aliases else [],
                "context": context == "yes",
                "same_as": same_as,
                "derived": True,
                "source": source,
                "_source": str(path),
            }


def _build(raw: dict[str, dict[Any, dict[str, Any]]], paths: tuple[Path, ...]) -> Gazetteer:
    countries = {key: _country(entry) for key, entry in raw["countries"].items()}
    return Gazetteer(
        countries=countries,
        places=[_place(entry) for entry in raw["places"].values()],
        regions=[
            Region(
                name=str(e["name"]),
                country=str(e["country"]),
                type=str(e.get("type") or ""),
                code=str(e.get("code") or ""),
            )
            for e in raw["regions"].values()
        ],
        organisations={k: _organisation(e, "igo", k) for k, e in raw["organisations"].items()},
        media={k: _organisation(e, "media", k) for k, e in raw["media"].items()},
        industry={k: _organisation(e, "industry", k) for k, e in raw["industry"].items()},
        equipment={k: _equipment(e, k) for k, e in raw["equipment"].items()},
        people={k: _person(e, k) for k, e in raw["people"].items()},
        sources=paths,
    )


def _fail(entry: dict[str, Any], reason: str) -> ConfigError:
    return ConfigError(E.BAD_GAZETTEER, source=entry.get("_source", "?"), reason=reason)


def _names(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    values = entry.get(key) or []
    if not isinstance(values, list):
        raise _fail(entry, f"{key} of {entry.get('name', entry)!r} must be a list")
    return tuple(str(v) for v in values)


def _country(entry: dict[str, Any]) -> Country:
    if "name" not in entry:
        raise _fail(entry, f"country {entry['iso3']} has no name")
    capital = entry.get("capital")
    return Country(
        iso3=entry["iso3"],
        iso2=str(entry.get("iso2", "")),
        name=str(entry["name"]),
        official_name=entry.get("official_name"),
        aliases=_names(entry, "aliases"),
        demonyms=_names(entry, "demonyms"),
        historical=_names(entry, "historical"),
        capital=Capital(
            name=str(capital["name"]),
            lat=capital.get("lat"),
            lon=capital.get("lon"),
            aliases=_names(capital, "aliases"),
        )
        if capital
        else None,
        metonyms=tuple((str(k), str(v)) for k, v in (entry.get("metonyms") or {}).items()),
        population=entry.get("population"),
    )


def _place(entry: dict[str, Any]) -> Place:
    try:
        return Place(
            name=str(entry["name"]),
            country=str(entry["country"]),
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            population=int(entry.get("population") or 0),
            geonameid=entry.get("geonameid"),
            aliases=_names(entry, "aliases"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise _fail(entry, f"place needs name, country, lat and lon: {entry}") from exc


def _organisation(entry: dict[str, Any], kind: OrganisationKind, key: str) -> Organisation:
    if "name" not in entry:
        raise _fail(entry, f"{kind} entry {key!r} has no name")
    default_sector = {"igo": ["IGO"], "media": ["MED"], "industry": ["BUS"]}[kind]
    sector = entry.get("sector", default_sector)
    parent = entry.get("parent") or []
    return Organisation(
        id=key,
        name=str(entry["name"]),
        kind=kind,
        sector=tuple([sector] if isinstance(sector, str) else sector),
        aliases=_names(entry, "aliases"),
        country=entry.get("country"),
        type=entry.get("type"),
        members=_names(entry, "members"),
        source=str(entry.get("_source", "")),
        find_in_text=bool(entry.get("find_in_text", True)),
        parent=(str(parent),) if isinstance(parent, str) else tuple(str(p) for p in parent),
        makes=_names(entry, "makes"),
        weak_aliases=_names(entry, "weak_aliases"),
        sources=_industry_sources(entry),
    )


def _industry_sources(entry: dict[str, Any]) -> tuple[str, ...]:
    """The source keys of an industry.yaml row (``knowledge``, ``phoenix``, ``sipri``)."""
    sources = entry.get("source")
    return tuple(str(s) for s in sources) if isinstance(sources, list) else ()


def _person(entry: dict[str, Any], key: str) -> PersonEntry:
    if "name" not in entry:
        raise _fail(entry, f"person {key!r} has no name")
    sector = entry.get("sector") or []
    return PersonEntry(
        id=key,
        name=str(entry["name"]),
        aliases=_names(entry, "aliases"),
        country=entry.get("country"),
        sector=tuple([sector] if isinstance(sector, str) else sector),
        organisation=entry.get("organisation"),
        source=str(entry.get("_source", "")),
    )


_KNOWN_EQUIPMENT_FIELDS = {
    "id", "name", "category", "origin", "maker", "family", "aliases", "note", "match_name",
    "derived", "source", "context", "context_aliases", "_source",
}  # fmt: skip


def _equipment(entry: dict[str, Any], key: str) -> EquipmentEntry:
    for required in ("name", "category", "origin"):
        if not entry.get(required):
            raise _fail(entry, f"equipment {key!r} has no {required}")
    if entry["category"] not in EQUIPMENT_CATEGORIES:
        raise _fail(
            entry,
            f"equipment {key!r}: unknown category {entry['category']!r}; use one of "
            + ", ".join(sorted(EQUIPMENT_CATEGORIES)),
        )
    origin = str(entry["origin"])
    if not all(_ISO3.match(part) for part in origin.split("+")):
        raise _fail(entry, f"equipment {key!r}: origin {origin!r} is not ISO alpha-3 (or A+B)")
    return EquipmentEntry(
        id=key,
        name=str(entry["name"]),
        category=str(entry["category"]),
        origin=origin,
        maker=entry.get("maker"),
        family=entry.get("family"),
        aliases=_names(entry, "aliases"),
        note=entry.get("note"),
        match_name=bool(entry.get("match_name", True)),
        derived=bool(entry.get("derived", False)),
        context=bool(entry.get("context", False)),
        context_aliases=_names(entry, "context_aliases"),
        source=entry.get("source"),
        extra={k: v for k, v in entry.items() if k not in _KNOWN_EQUIPMENT_FIELDS},
    )
