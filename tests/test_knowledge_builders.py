"""The builders of the tables made from the field's dictionaries (CountryInfo, Phoenix), on
small fixtures in their formats (tests/fixtures/knowledge), and the shipped tables they made."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from sitrep.actors.gazetteer import NONSTATE_FILE, PHOENIX_ACTORS_FILE, load_gazetteer
from sitrep.actors.roles import (
    COUNTRYINFO_ROLES_FILE,
    RoleTable,
    load_role_table,
    read_roles_tsv,
)
from sitrep.actors.sectors import SECTOR_NOUNS_FILE, load_sector_lexicon

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "knowledge"


def _script(name: str) -> ModuleType:
    """A builder from scripts/ (which import each other by module name)."""
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    return __import__(name)


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line and not line.startswith("#")]


# --------------------------------------------------------------------------- formats


def test_dictionary_dates_and_spells() -> None:
    formats = _script("petrarch_formats")
    assert formats.iso_date("011113") == "2001-11-13"
    assert formats.iso_date("320101") == "1932-01-01"  # two-digit years pivot at 2029
    assert formats.iso_date("20070631") == "2007-06"  # CountryInfo's month end, kept as a month
    assert formats.iso_date("2004017") is None
    spell = formats.parse_spell("GBRGOVMIL", "060601-081031")
    assert (spell.code, spell.start, spell.end) == ("GBRGOVMIL", "2006-06-01", "2008-10-31")
    listed = formats.parse_spell("GRCGOV", ">20091201")
    assert (listed.start, listed.end, listed.listed_on) == ("2009-12-01", None, True)
    since = formats.parse_spell("GRCGOV", "<20040331")
    assert (since.start, since.end, since.since_listed) == (None, "2004-03-31", True)


def test_actor_entries_keep_synonyms_codes_and_sections() -> None:
    formats = _script("petrarch_formats")
    entries = {
        e.phrase: e for e in formats.read_actors(FIXTURES / "Phoenix.International.fixture.txt")
    }
    nato = entries["NATO_"]
    assert nato.synonyms == ["NORTH_ATLANTIC_TREATY_ORGANIZATION_"]
    assert [s.code for s in nato.spells] == ["IGOWSTNAT"] and nato.section == "NATO"
    solana = entries["JAVIER_SOLANA_"]
    assert [(s.code, s.start) for s in solana.spells] == [
        ("IGOEUREEC", "1995-07-01"),
        ("IGOWSTNAT", "1995-12-05"),
    ]
    assert entries["BOEING_"].section == "Multinational Corporations"
    countries = {
        e.phrase: e for e in formats.read_actors(FIXTURES / "Phoenix.Countries.fixture.txt")
    }
    assert countries["KAROLOS_PAPOULIAS_"].comment == "CountryInfo.txt"
    assert "DA'ESH_" in countries["THE_ISLAMIC_STATE"].synonyms


def test_countryinfo_lines_with_two_people_and_aligned_titles() -> None:
    formats = _script("petrarch_formats")
    (greece,) = formats.read_countryinfo(FIXTURES / "CountryInfo.fixture.txt")
    leaders = {leader.names[0]: leader for leader in greece.leaders}
    # One line, two prime ministers, each with their own term.
    assert leaders["ALPHA_TESTOPOULOS_"].terms[0].end == "1990-02-01"
    assert leaders["BETA_TESTOPOULOS_"].terms[0].start == "1990-02-01"
    assert leaders["KOSTAS_SIMITIS_"].names == ["KOSTAS_SIMITIS_", "KONSTANDINOS_SIMITIS_"]
    officials = {o.names[0]: o for o in greece.officials}
    molyviatis = officials["PETROS_MOLYVIATIS_"]
    assert molyviatis.titles == ["Minister of Foreign Affairs", "Minister of Justice"]
    assert [s.code for s in molyviatis.spells] == ["GRCGOV", "GRCGOVJUD"]


def test_agents_expand_sets_and_plurals() -> None:
    formats = _script("petrarch_formats")
    agents = list(formats.read_agents(FIXTURES / "Phoenix.agents.fixture.txt"))
    nouns = {a.noun for a in agents}
    assert {"CATTLEMAN", "CATTLEWOMEN", "SOLDIER"} <= nouns
    thief = next(a for a in agents if a.noun == "THIEF")
    assert thief.plurals == ("THIEVES",) and thief.code == "CRM"
    assert next(a for a in agents if a.noun == "OBSERVERS_IN").prefix


# --------------------------------------------------------------------------- offices


@pytest.mark.parametrize(
    ("title", "code", "country", "office"),
    [
        ("Minister of Foreign Affairs", "GRCGOV", "GRC", "FM"),
        ("Secretary of State", "USAGOV", "USA", "FM"),  # the US only
        ("Secretary of State for Foreign and Commonwealth Affairs", "GBRGOV", "GBR", "FM"),
        ("Minister of State for Foreign Affairs", "GRCGOV", "GRC", "MIN"),  # a junior minister
        ("Minister of National Defense", "GRCGOVMIL", "GRC", "DM"),
        ("Deputy Minister of Defense", "GRCGOVMIL", "GRC", "MIN"),
        ("Secretary of State for the Home Department", "GBRGOV", "GBR", "INT"),
        ("Secretary of the Interior", "USAGOV", "USA", "MIN"),  # parks, not police
        ("First Deputy Prime Minister", "RUSGOV", "RUS", "DPM"),
        ("Prime Minister", "GRCGOV", "GRC", "HOG"),
        ("President, Central Bank", "GRCGOVBUS", "GRC", "OFF"),
        ("Permanent Representative to the UN, New York", "GRCGOV", "GRC", "AMB"),
        ("Director, National Intelligence Service", "KORGOVSPY", "KOR", "OFF"),
        ("Chief of Defense Staff", "GBRGOVMIL", "GBR", "CDS"),
    ],
)
def test_office_titles_are_classified(title: str, code: str, country: str, office: str) -> None:
    builder = _script("build_countryinfo_roles")
    assert builder.official_office(title, code, country).code == office
    intelligence = builder.official_office(
        "Director, National Intelligence Service", "KORGOVSPY", "KOR"
    )
    assert intelligence.sector == "SPY"


def test_leader_headings() -> None:
    builder = _script("build_countryinfo_roles")
    assert builder.leader_office("Prime ministers").code == "HOG"
    assert builder.leader_office("Presidents of the executive yuan (PREMIERS").code == "HOG"
    assert builder.leader_office("Kings/QUEENS").title == "Monarch"
    assert builder.leader_office("Governors") is None  # a province's, not the country's
    assert builder.leader_office("Governors-GENERAL").code == "OFF"
    junta = builder.leader_office("Chairmen of the state law and order restoration council")
    assert (junta.code, junta.sector) == ("HOS", "MIL")
    assert builder.display_name("BASHAR_AL_ASSAD_") == "Bashar al-Assad"
    assert builder.display_name("JOHN_MCCAIN") == "John McCain"


def test_roles_builder_merges_with_the_hand_table(tmp_path: Path) -> None:
    builder = _script("build_countryinfo_roles")
    out = tmp_path / "roles_countryinfo.tsv"
    report = builder.build(
        FIXTURES / "CountryInfo.fixture.txt",
        FIXTURES / "Phoenix.Countries.fixture.txt",
        FIXTURES / "roles.fixture.tsv",
        out,
    )
    text = out.read_text(encoding="utf-8")
    header = text.split("country\t")[0]
    assert "Attribution-ShareAlike 3.0" in header and "CC BY-SA 3.0" in header
    rows = read_roles_tsv(out)  # a valid derived table
    by_person = {(r.person, r.role): r for r in rows}
    # Agreeing spells add nothing: Stephanopoulos (to the day), Papoulias (end from the later
    # Phoenix file), Simitis (spelt "Costas" in the hand table), Molyviatis (CIA months).
    assert report.corroborated == 4 and report.renamed == 1
    assert ("Karolos Papoulias", "head of state") not in by_person
    assert not any(r.person in ("Kostas Simitis", "Costas Simitis") for r in rows)
    # A second term the hand table lacks is added; a term ended before 1990 is not.
    (papandreou,) = [r for r in rows if r.person == "Andreas Papandreou"]
    assert (papandreou.start, papandreou.end, papandreou.status) == ("1993-10-13", "1996-01-22", "")
    assert papandreou.origin == "CountryInfo.fixture.txt:16"
    # Disagreements are kept, not used: another prime minister while the hand table has one,
    # a defence minister listed longer than the hand table says.
    assert by_person[("Delta Misplaced", "head of government")].status == "alternative"
    spiliotopoulos = by_person[("Spilios Spiliotopoulos", "defence minister")]
    assert spiliotopoulos.status == "alternative" and "roles.fixture.tsv:7" in spiliotopoulos.note
    # CIA listings are months; open ends say so.
    pangalos = by_person[("Theodoros Pangalos", "deputy prime minister")]
    assert (pangalos.start, pangalos.end) == ("2009-12", "2011-02")
    assert "later end unknown" in pangalos.note
    assert by_person[("Nikos Garganas", "official")].title == "Governor, Bank of Greece"
    # Two people on one line of the leaders list, each with their own term.
    assert by_person[("Beta Testopoulos", "head of government")].start == "1990-02-01"
    # Used with the hand table: alternatives are never found.
    table = RoleTable([*read_roles_tsv(FIXTURES / "roles.fixture.tsv"), *rows])
    assert [r.person for r in table.holders("GRC", "HOG", "2005-03")] == ["Kostas Karamanlis"]
    assert [r.end for r in table.on("Spilios Spiliotopoulos", "2004-06")] == ["2005-01-01"]
    assert table.on("Spilios Spiliotopoulos", "2005-06") == []


# --------------------------------------------------------------------------- actors


def test_actor_codes_and_names() -> None:
    builder = _script("build_phoenix_actors")
    countries = set(load_gazetteer().countries)
    assert builder.read_code("IGOUNOJUDICJ", countries) == ("IGO", None, ["IGO", "JUD"])
    assert builder.read_code("NGOUSAHRI", countries) == ("NGO", "USA", ["NGO"])
    assert builder.read_code("IMGMUSISI", countries) == ("IMG", None, ["IMG", "REB"])
    assert builder.read_code("USAGOVLEG", countries) == ("national", "USA", ["LEG"])
    assert builder.read_code("MEAREB", countries) == ("national", None, ["REB"])
    assert builder.read_code("MNCUSA", countries) is None  # companies: the industry table
    assert builder.name_case("BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_") == (
        "Basque Fatherland and Freedom",
        ["ETA"],
    )
    assert builder.name_case("U.N._MONITOR_")[0] is None  # a description, not a name
    assert builder.name_case("MAY_15_")[0] is None
    assert builder.name_case("DA'ESH_")[0] == "Da'esh"
    assert builder.generic("Supreme Court") and not builder.generic("Shin Bet")


def test_actors_builder_links_names_and_people(tmp_path: Path) -> None:
    builder = _script("build_phoenix_actors")
    out = tmp_path / "phoenix_actors.tsv"
    sources = tuple(
        FIXTURES / f"Phoenix.{kind}.fixture.txt"
        for kind in ("Countries", "MilNonState", "International")
    )
    builder.build(out, sources, FIXTURES / "CountryInfo.fixture.txt")
    rows = {row[1]: row for row in _rows(out)}
    # A hand-written entry gains the names it lacks, spelt as written ("Da'esh" by "Daesh").
    assert rows["islamic-state"][2] == "" and "Da'esh" in rows["islamic-state"][3].split("|")
    assert rows["shin-bet"][4:6] == ["ISR", "SPY"] and rows["shin-bet"][8] == ""
    assert rows["black-star"][8] == "no"  # two plain words of a group file: model's names only
    # A name two entries of different countries claim stays with the country file's.
    assert rows["peoples-liberation-army"][3] == "PLA"
    assert "PLA" not in rows["irish-national-liberation-army"][3].split("|")
    # People: a group's leader among its names, with its country; a senator of the country
    # file; companies and descriptions are left out.
    assert rows["khaled-meshaal"][:1] == ["people"]
    assert rows["khaled-meshaal"][4:8] == ["PSE", "REB", "", "hamas"]
    assert rows["john-mccain"][0] == "people" and rows["john-mccain"][4] == "USA"
    assert not any("Boeing" in row[2] for row in rows.values())
    assert not any("May 15" in row[2] for row in rows.values())
    # The file loads as the stage loads it, after the hand-written entries.
    gazetteer = load_gazetteer((NONSTATE_FILE, out))
    assert gazetteer.organisation("Da'esh").id == "islamic-state"
    assert gazetteer.organisation("Shin Bet").country == "ISR"
    assert gazetteer.person("Khaled Meshaal").organisation == "hamas"
    assert not gazetteer.organisations["black-star"].find_in_text


def test_sector_nouns_from_the_agents(tmp_path: Path) -> None:
    builder = _script("build_sector_nouns")
    nouns = {
        noun: sector for noun, sector, *_ in builder.nouns(FIXTURES / "Phoenix.agents.fixture.txt")
    }
    assert nouns["soldier"] == "MIL" and nouns["police"] == "COP"
    assert nouns["cattlemen"] == "AGR"  # a substitution set
    assert nouns["thieves"] == "CRM"  # an irregular plural
    assert nouns["information minister"] == "GOV"  # [~GOVMED]: a ministry is the executive
    assert nouns["military intelligence"] == "SPY"
    assert nouns["muslim rebel"] == "REB" and nouns["muslim radical"] == "REB"
    assert nouns["journalist"] == "JRN" and nouns["doctor"] == "MED"  # CAMEO's MED and HLH
    assert nouns["broadcast ministry"] == "GOV"  # a stem, written out
    assert "observers in" not in nouns and "ambassador at" not in nouns
    assert builder.plover_sector("UAFMUS") == "UAF"


# --------------------------------------------------------------------------- shipped tables


def test_shipped_derived_roles_load_and_never_shadow_the_hand_table() -> None:
    builder = _script("build_countryinfo_roles")
    assert builder.check(COUNTRYINFO_ROLES_FILE) == 0
    rows = read_roles_tsv(COUNTRYINFO_ROLES_FILE)
    assert len(rows) > 15_000 and len({r.country for r in rows}) > 190
    assert all(r.licence.startswith("CC BY-SA 3.0") and r.origin for r in rows)
    table = load_role_table()
    assert len(table) == len(rows) + len(
        read_roles_tsv(COUNTRYINFO_ROLES_FILE.with_name("roles.tsv"))
    )


def test_shipped_phoenix_tables_load() -> None:
    assert _script("build_phoenix_actors").check(PHOENIX_ACTORS_FILE) == 0
    gazetteer = load_gazetteer((NONSTATE_FILE, PHOENIX_ACTORS_FILE))
    assert len(gazetteer.organisations) > 2_500 and len(gazetteer.people) > 300
    assert gazetteer.organisation("Da'esh").id == "islamic-state"
    lexicon = load_sector_lexicon()
    assert SECTOR_NOUNS_FILE.is_file() and len(lexicon.heads) > 2_500
    # sectors.yaml wins where it disagrees with the dictionary: PLOVER's spokesmen are GOV.
    assert lexicon.phrase_sector(["spokesman"]) == "GOV"
    assert lexicon.phrase_sector(["cardiologist"]) == "MED"  # from the dictionary
