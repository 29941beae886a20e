"""Gazetteers: country names, demonyms, capitals, organisations, media, places, regions, user
files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors import find_equipment, load_gazetteer
from sitrep.errors import ConfigError

# SIPRI's 60 largest military spenders (2023 fact sheet; UAE, whose figure SIPRI estimates,
# included) and the requirement that each has a demonym.
SIPRI_TOP_60 = [
    "USA", "CHN", "RUS", "IND", "SAU", "GBR", "DEU", "UKR", "FRA", "JPN", "KOR", "ITA",
    "AUS", "POL", "ISR", "CAN", "ESP", "TUR", "BRA", "NLD", "DZA", "IRN", "TWN", "COL",
    "MEX", "SGP", "NOR", "PAK", "SWE", "IDN", "BEL", "GRC", "CHE", "DNK", "ARE", "KWT",
    "QAT", "ROU", "THA", "MAR", "CHL", "IRQ", "FIN", "EGY", "AUT", "PHL", "PRT", "VNM",
    "ARG", "OMN", "CZE", "NGA", "ZAF", "HUN", "MYS", "NZL", "PER", "BGD", "KAZ", "SVK",
]  # fmt: skip


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "iso3", "via"),
    [
        ("Russia", "RUS", "name"),
        ("Russian Federation", "RUS", "alias"),
        ("the Russian Federation", "RUS", "alias"),
        ("US", "USA", "alias"),
        ("U.S.", "USA", "alias"),
        ("United States", "USA", "name"),
        ("the United States", "USA", "name"),
        ("America", "USA", "alias"),
        ("UK", "GBR", "alias"),
        ("Britain", "GBR", "alias"),
        ("South Korea", "KOR", "name"),
        ("ROK", "KOR", "alias"),
        ("North Korea", "PRK", "name"),
        ("DPRK", "PRK", "alias"),
        ("Ivory Coast", "CIV", "alias"),
        ("Czech Republic", "CZE", "alias"),
        ("Taiwan", "TWN", "name"),
        ("INDIA", "IND", "name"),  # headline capitals
        ("Kosovo", "XKX", "name"),
    ],
)
def test_country_names_and_aliases(gaz, text: str, iso3: str, via: str) -> None:  # type: ignore[no-untyped-def]
    match = gaz.lookup_country(text)
    assert match is not None, text
    assert (match.country.iso3, match.via, match.sector) == (iso3, via, None)


@pytest.mark.parametrize(
    ("word", "iso3", "via"),
    [
        ("Russian", "RUS", "demonym"),
        ("Russians", "RUS", "demonym"),  # plural derived
        ("Indian", "IND", "demonym"),
        ("American", "USA", "demonym"),
        ("Americans", "USA", "demonym"),
        ("British", "GBR", "demonym"),
        ("Britons", "GBR", "demonym"),
        ("Chinese", "CHN", "demonym"),
        ("Swiss", "CHE", "demonym"),
        ("Filipinos", "PHL", "demonym"),
        ("South Korean", "KOR", "demonym"),
        ("Soviet", "RUS", "historical"),
        ("USSR", "RUS", "historical"),
        ("Burmese", "MMR", "demonym"),
    ],
)
def test_demonyms_and_historical_names(gaz, word: str, iso3: str, via: str) -> None:  # type: ignore[no-untyped-def]
    match = gaz.lookup_country(word)
    assert match is not None, word
    assert (match.country.iso3, match.via) == (iso3, via)


@pytest.mark.parametrize(
    ("text", "iso3", "sector"),
    [
        ("Moscow", "RUS", "GOV"),
        ("New Delhi", "IND", "GOV"),
        ("Delhi", "IND", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("White House", "USA", "GOV"),
    ],
)
def test_capitals_and_metonyms_speak_for_a_sector(gaz, text: str, iso3: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    match = gaz.lookup_country(text)
    assert match is not None, text
    assert (match.country.iso3, match.sector) == (iso3, sector)


@pytest.mark.parametrize("text", ["us", "turkey", "chad", "Korean", "Singh", "Russia's army"])
def test_not_countries(gaz, text: str) -> None:  # type: ignore[no-untyped-def]
    assert gaz.lookup_country(text) is None


def test_capital_coordinates(gaz) -> None:  # type: ignore[no-untyped-def]
    moscow = gaz.countries["RUS"].capital
    assert moscow.name == "Moscow"
    assert moscow.lat == pytest.approx(55.75, abs=0.1)
    assert moscow.lon == pytest.approx(37.62, abs=0.1)
    with_capital = [c for c in gaz.countries.values() if c.capital is not None]
    located = [c for c in with_capital if c.capital.lat is not None]
    assert len(located) >= 0.98 * len(with_capital)


def test_country_by_code_and_name(gaz) -> None:  # type: ignore[no-untyped-def]
    assert gaz.country("IND").name == "India"
    assert gaz.country("IN").iso3 == "IND"
    assert gaz.country("Russian Federation").iso3 == "RUS"
    assert gaz.country("Moscow") is None  # a capital is not the country's name


def test_coverage_of_demonyms(gaz) -> None:  # type: ignore[no-untyped-def]
    assert len(gaz.countries) >= 249
    by_population = sorted(gaz.countries.values(), key=lambda c: -(c.population or 0))
    assert [c.iso3 for c in by_population[:100] if not c.demonyms] == []
    assert [iso3 for iso3 in SIPRI_TOP_60 if not gaz.countries[iso3].demonyms] == []


def test_places(gaz) -> None:  # type: ignore[no-untyped-def]
    vladivostok = gaz.place("Vladivostok")
    assert vladivostok is not None and vladivostok.country == "RUS"
    assert vladivostok.lat == pytest.approx(43.1, abs=0.1)
    hyderabads = gaz.places_named("hyderabad")
    assert [p.country for p in hyderabads[:2]] == ["IND", "PAK"]  # most populous first
    assert gaz.place("Hyderabad", country="PAK").country == "PAK"
    assert gaz.place("Sao Paulo").name == "São Paulo"  # ASCII spelling
    assert 20000 < len(gaz.places) < 40000
    assert gaz.place("Jericho").country == "PSE"  # a town of 20,000: conflict news names them


def test_organisations_are_igo(gaz) -> None:  # type: ignore[no-untyped-def]
    for name in ("NATO", "UN", "the UN", "EU", "ASEAN", "SCO", "BRICS", "AU", "OPEC", "IAEA"):
        org = gaz.organisation(name)
        assert org is not None, name
        assert "IGO" in org.sector
    for name in ("WTO", "IMF", "World Bank", "G7", "G20", "Quad", "African Union"):
        assert gaz.organisation(name) is not None, name
    assert gaz.organisation("NATO").sector == ("IGO", "MIL")
    assert set(gaz.organisation("Quad").members) == {"AUS", "IND", "JPN", "USA"}
    assert gaz.organisation("Alliance") is None


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("West Bank", "PSE"),  # hand-written: occupied, disputed and informal regions
        ("the Gaza Strip", "PSE"),
        ("Golan Heights", "SYR"),
        ("Darfur", "SDN"),
        ("Darfur region", "SDN"),
        ("Chechnya", "RUS"),
        ("Northern Ireland", "GBR"),  # not "Northern" + Ireland
        ("Transnistria", "MDA"),  # PLOVER: the nominal sovereign
        ("Sindh", "PAK"),  # ISO 3166-2, from pycountry
        ("Sindh province", "PAK"),
        ("Texas", "USA"),
        ("Aceh", "IDN"),
    ],
)
def test_regions_give_their_country(gaz, name: str, iso3: str) -> None:  # type: ignore[no-untyped-def]
    region = gaz.region(name)
    assert region is not None, name
    assert region.country == iso3


def test_ambiguous_or_generic_region_names_are_left_out(gaz) -> None:  # type: ignore[no-untyped-def]
    # "Punjab" is a state of India and a province of Pakistan; "East", "Coast" and "Lakes"
    # are ISO 3166-2 names somewhere, and ordinary words everywhere else.
    for name in ("Punjab", "East", "North", "Coast", "Lakes", "Central", "darfur", "Sahel"):
        assert gaz.region(name) is None, name
    assert gaz.region("Georgia") is None  # a country before it is a US state
    assert 3000 < len(gaz.regions) < 10000


def test_international_ngos_and_predecessors(gaz) -> None:  # type: ignore[no-untyped-def]
    for name in ("Amnesty International", "Human Rights Watch", "Red Cross", "Oxfam"):
        org = gaz.organisation(name)
        assert org is not None, name
        assert "NGO" in org.sector and "IGO" not in org.sector
    for name in ("European Community", "EEC", "Common Market"):
        assert gaz.organisation(name).id == "european-community"
    assert gaz.organisation("International Labor Organization").id == "ilo"  # US spelling


def test_media_are_med_with_country(gaz) -> None:  # type: ignore[no-untyped-def]
    expected = {
        "ANI": "IND", "PTI": "IND", "Reuters": "GBR", "AFP": "FRA", "AP": "USA",
        "Xinhua": "CHN", "TASS": "RUS", "RIA Novosti": "RUS", "Interfax": "RUS",
        "BBC": "GBR", "CNN": "USA", "Al Jazeera": "QAT", "The Hindu": "IND",
        "NDTV": "IND", "Times of India": "IND", "Hindustan Times": "IND",
    }  # fmt: skip
    for name, country in expected.items():
        outlet = gaz.media_outlet(name)
        assert outlet is not None, name
        assert (outlet.sector, outlet.country) == (("MED",), country)
    assert gaz.organisation("ANI") is None  # media are never organisations-as-actors


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_extends_entries(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "mine.yaml",
        """
equipment:
  - name: Kusha
    category: SAM system
    origin: IND
    aliases: [Project Kusha]
  - id: s-400
    aliases: [Sudarshan Chakra squadron]
organisations:
  - {name: Indo-Pacific Defence Forum, aliases: [IPDF]}
countries:
  - {iso3: IND, demonyms: [Hindustani]}
media:
  - {id: my-wire, name: Frontier Wire, country: NPL}
places:
  - {name: Galwan Valley, country: IND, lat: 34.75, lon: 78.2}
""",
    )
    gaz = load_gazetteer([user])
    assert gaz.equipment["kusha"].category == "SAM system"
    assert [m.id for m in find_equipment("Project Kusha and S-400", gaz)] == ["kusha", "s-400"]
    s400 = gaz.equipment["s-400"]
    assert "Sudarshan Chakra squadron" in s400.aliases
    assert "S-400 Triumf" in s400.aliases  # extended, not replaced
    assert s400.category == "SAM system"
    assert gaz.organisation("IPDF").id == "indo-pacific-defence-forum"
    assert gaz.lookup_country("Hindustani").country.iso3 == "IND"
    assert gaz.lookup_country("Indian").country.iso3 == "IND"
    assert gaz.media_outlet("Frontier Wire").country == "NPL"
    assert gaz.place("Galwan Valley").country == "IND"
    # The shipped gazetteer, loaded without the file, is untouched.
    assert "kusha" not in load_gazetteer().equipment


def test_user_file_overrides_replaces_and_removes(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "override.yaml",
        """
equipment:
  - {id: t-90, maker: Heavy Vehicles Factory}
  - {id: brahmos, name: BrahMos, category: cruise missile, origin: IND+RUS, replace: true}
  - {id: s-300, remove: true}
""",
    )
    gaz = load_gazetteer([user])
    assert gaz.equipment["t-90"].maker == "Heavy Vehicles Factory"
    assert gaz.equipment["t-90"].category == "tank"  # fields not given are kept
    brahmos = gaz.equipment["brahmos"]
    assert (brahmos.category, brahmos.aliases, brahmos.maker) == ("cruise missile", (), None)
    assert "s-300" not in gaz.equipment
    assert [m.id for m in find_equipment("S-300 and BrahMos", gaz)] == ["brahmos"]


def test_user_file_adds_regions(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "regions.yaml",
        "regions:\n  - {name: Cabo Delgado, country: MOZ}\n  - {name: Darfur, country: TCD}\n",
    )
    gaz = load_gazetteer([path])
    assert gaz.region("Cabo Delgado").country == "MOZ"
    assert gaz.region("Darfur").country == "TCD"  # a user entry replaces the shipped one
    assert load_gazetteer().region("Darfur").country == "SDN"


def test_later_user_files_win(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.yaml", "equipment:\n  - {id: t-90, maker: First}\n")
    second = _write(tmp_path / "b.yaml", "equipment:\n  - {id: t-90, maker: Second}\n")
    assert load_gazetteer([first, second]).equipment["t-90"].maker == "Second"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("equipment:\n  - {name: X-1, category: spaceship, origin: USA}\n", "unknown category"),
        ("equipment:\n  - {name: X-1, category: tank, origin: America}\n", "not ISO alpha-3"),
        ("equipment:\n  - {name: X-1, origin: USA}\n", "has no category"),
        ("weapons:\n  - {name: X-1}\n", "top level"),
        ("countries:\n  - {name: Atlantis}\n", "country without iso3"),
        ("equipment: [unclosed\n", "invalid YAML"),
    ],
)
def test_bad_user_file_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = _write(tmp_path / "bad.yaml", content)
    with pytest.raises(ConfigError) as error:
        load_gazetteer([path])
    assert error.value.code == "E207"
    assert message in str(error.value)
    assert "bad.yaml" in str(error.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_gazetteer([tmp_path / "nope.yaml"])


def test_loaded_once(gaz) -> None:  # type: ignore[no-untyped-def]
    assert load_gazetteer() is gaz


@pytest.mark.model
def test_user_file_adds_offices_held(nlp, stage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A user's `roles:` section adds office holders the shipped table cannot know yet."""
    from actorkit import annotate, entity_of
    from sitrep.actors.stage import ActorStage

    path = _write(
        tmp_path / "mine.yaml",
        "roles:\n"
        "  - {country: IND, role: DM, person: Arjun Menon, start: 2030-01-15,"
        " aliases: [A. Menon]}\n",
    )
    text = "Arjun Menon arrived in Paris on Monday."
    shipped = entity_of(annotate(nlp, stage, text, date="2030-03-01"), "Arjun Menon")
    assert shipped.country is None
    mine = ActorStage(nlp, "a", gazetteers=[str(path)])
    menon = entity_of(annotate(nlp, mine, text, date="2030-03-01"), "Arjun Menon")
    assert (menon.country, menon.role) == ("IND", "Defence Minister")
    # Before the spell starts he holds no office, but is still Indian.
    earlier = entity_of(annotate(nlp, mine, text, date="2029-03-01"), "Arjun Menon")
    assert (earlier.country, earlier.role) == ("IND", None)


def test_bad_roles_in_a_user_file_name_the_problem(tmp_path: Path) -> None:
    from sitrep.actors.roles import load_role_table

    path = _write(tmp_path / "mine.yaml", "roles:\n  - {country: India, role: DM, person: X}\n")
    with pytest.raises(ConfigError, match="ISO 3166") as error:
        load_role_table((path,))
    assert "mine.yaml" in str(error.value)
