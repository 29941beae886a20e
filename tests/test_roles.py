"""The dated roles table: who held which office on a given date, and its Wikidata builder."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pycountry
import pytest
from spacy.language import Language

from actorkit import annotate, entity_of
from sitrep.actors.evaluate import plover_codes
from sitrep.actors.roles import (
    ROLE_NAMES,
    RoleTable,
    igo_ids,
    load_role_table,
    name_key,
    period_bounds,
    read_roles_tsv,
    role_holders,
    roles_by_surname,
    roles_on,
    surname_keys,
)
from sitrep.actors.stage import ActorStage
from sitrep.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "wikidata-roles-sample.json"


def _titles(name: str, date: str, **kwargs: str) -> set[tuple[str, str]]:
    return {(r.country, r.title) for r in roles_on(name, date, **kwargs)}


# --------------------------------------------------------------------------- role dating


def test_shoigu_is_defence_minister_only_from_2012_to_2024() -> None:
    # In 2010 he ran the emergencies ministry: CountryInfo's cabinet lists know it, with its
    # source line and licence; the hand table does not track that office.
    (before,) = roles_on("Sergei Shoigu", "2010-06-01")
    assert (before.role, before.country) == ("minister", "RUS")
    assert before.title.startswith("Minister of Civil Defense, Emergencies")
    assert before.source.startswith("roles_countryinfo.tsv:")
    assert before.origin.startswith("CountryInfo.120116.txt:")
    assert before.licence.startswith("CC BY-SA 3.0")
    (role,) = roles_on("Sergei Shoigu", "2020-06-23")
    assert (role.country, role.role, role.title, role.sector) == (
        "RUS",
        "defence minister",
        "Defence Minister",
        "MIL",
    )
    assert (role.start, role.end) == ("2012-11-06", "2024-05-12")
    assert all(r.role != "defence minister" for r in roles_on("Sergei Shoigu", "2025-03-01"))


def test_rajnath_singh_was_home_minister_then_defence_minister() -> None:
    assert _titles("Rajnath Singh", "2015-01-10") == {("IND", "Home Minister")}
    (role,) = roles_on("Rajnath Singh", "2020-06-23")
    assert (role.role, role.title, role.sector, role.start) == (
        "defence minister",
        "Defence Minister",
        "GOV",
        "2019-05-31",
    )


def test_boris_johnson_foreign_secretary_then_prime_minister() -> None:
    assert {r.role for r in roles_on("Boris Johnson", "2017-03-01")} == {"foreign minister"}
    assert {r.role for r in roles_on("Boris Johnson", "2020-06-23")} == {"head of government"}
    assert roles_on("Boris Johnson", "2023-01-01") == []


def test_modi_is_head_of_government_in_2020_and_not_before_2014() -> None:
    assert _titles("Narendra Modi", "2020-06-23") == {("IND", "Prime Minister")}
    assert _titles("Modi", "2020-06-23") == {("IND", "Prime Minister")}
    assert roles_on("Narendra Modi", "2010-01-01") == []  # chief minister of Gujarat then


def test_transliteration_variants_find_the_same_person() -> None:
    for variant in ("Yury Borisov", "Yuri Borisov", "Yuriy Borisov", "YURY BORISOV"):
        (role,) = roles_on(variant, "2020-06-23")
        assert (role.person, role.title, role.sector) == (
            "Yury Borisov",
            "Deputy Prime Minister",
            "GOV",
        )
    assert roles_on("Yury Borisov", "2023-01-01") == []  # head of Roscosmos by then
    assert roles_on("Sergey Shoygu", "2020") == roles_on("Sergei Shoigu", "2020")
    assert name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")


def test_country_filter_and_unknown_names() -> None:
    assert roles_on("Rajnath Singh", "2020-06-23", country="RUS") == []
    assert roles_on("Nobody In Particular", "2020-06-23") == []


def test_holders_of_an_office_change_over_time() -> None:
    def names(country: str, role: str, date: str) -> list[str]:
        return [r.person for r in role_holders(country, role, date)]

    assert names("RUS", "DM", "2020-06-23") == ["Sergei Shoigu"]
    assert names("RUS", "DM", "2024-06-01") == ["Andrei Belousov"]
    assert names("USA", "HOS", "2010-01-01") == ["Barack Obama"]
    assert names("CHN", "HOS", "2020-06-23") == ["Xi Jinping"]
    # A month holds the change of defence minister in India: both holders are returned.
    assert names("IND", "defence minister", "2019-05") == ["Nirmala Sitharaman", "Rajnath Singh"]
    assert names("IND", "DM", "2019-06-15") == ["Rajnath Singh"]


# --------------------------------------------------------------------------- surnames


def test_surname_lookup_returns_everyone_news_may_mean() -> None:
    found = {r.person: r.title for r in roles_by_surname("Singh", "2020-06-23", "IND")}
    assert found == {"Rajnath Singh": "Defence Minister", "Karambir Singh": "Navy Chief"}
    found_2010 = {r.person for r in roles_by_surname("Singh", "2010-06-01", country="IND")}
    assert found_2010 == {"Manmohan Singh", "V. K. Singh"}


def test_surname_order_follows_the_country() -> None:
    assert [r.person for r in roles_by_surname("Xi", "2020-06-23")] == ["Xi Jinping"]
    assert surname_keys("Xi Jinping", "CHN") == {"xi"}
    assert "leien" in surname_keys("Ursula von der Leyen", "DEU")
    assert "von der leien" in surname_keys("Ursula von der Leyen", "DEU")
    assert "lopez obrador" in surname_keys("Andrés Manuel López Obrador", "MEX")
    assert [r.country for r in roles_by_surname("Shoigu", "2020-06-23")] == ["RUS"]
    # A Western-order alias of a family-name-first person keeps the family name.
    assert [r.person for r in roles_by_surname("Lai", "2025-01-01", "TWN")] == ["Lai Ching-te"]
    assert roles_by_surname("William", "2025-01-01", "TWN") == []
    # Single-word aliases count as surnames: news says "Lula", not "da Silva".
    assert [r.person for r in roles_by_surname("Lula", "2024-01-01")] == [
        "Luiz Inácio Lula da Silva"
    ]


# --------------------------------------------------------------------------- more countries


def test_heads_of_state_beyond_the_large_spenders() -> None:
    assert _titles("Alassane Ouattara", "2015-06-01") == {("CIV", "President")}
    assert _titles("Ouattara", "1992-01-01") == {("CIV", "Prime Minister")}
    assert roles_on("Alassane Ouattara", "2000-01-01") == []  # in opposition then
    # Two claimants after the 2010 election: both rows, the losing one noted as a rival.
    rivals = role_holders("CIV", "HOS", "2011-01-15")
    assert [r.person for r in rivals] == ["Laurent Gbagbo", "Alassane Ouattara"]
    assert "rival" in rivals[0].note
    assert [r.person for r in role_holders("PAK", "INT", "2005-06-01")] == [
        "Aftab Ahmad Khan Sherpao"
    ]
    assert [r.title for r in roles_on("Mohsin Naqvi", "2024-06-01")] == ["Interior Minister"]


def test_a_hyphenated_surname_is_not_split() -> None:
    # "Zuma" alone is Jacob Zuma, not the AU Commission's Nkosazana Dlamini-Zuma.
    assert surname_keys("Nkosazana Dlamini-Zuma") == {"dlamini zuma"}
    assert [r.person for r in roles_by_surname("Zuma", "2014-01-01")] == ["Jacob Zuma"]
    assert surname_keys("Bashar al-Assad", "SYR") == {"assad", "al assad"}


# --------------------------------------------------------------------------- organisations


def test_an_organisation_office_has_no_country() -> None:
    (annan,) = roles_on("Kofi Annan", "2000-01-01")
    assert (annan.country, annan.organisation, annan.owner) == (None, "un", "igo:un")
    assert (annan.role, annan.title, annan.sector) == (
        "head of organisation",
        "UN Secretary-General",
        "GOV",
    )
    assert roles_on("Kofi Annan", "2010-01-01") == []  # out of office: see the stage test
    assert [r.person for r in role_holders("igo:un", "HEAD", "2010-06-01")] == ["Ban Ki-moon"]
    assert [r.person for r in role_holders("igo:nato", "HEAD", "2020")] == ["Jens Stoltenberg"]
    assert [r.person for r in role_holders("igo:eu", "FM", "2022")] == ["Josep Borrell"]
    assert roles_on("Kofi Annan", "2000-01-01", country="GHA") == []
    assert roles_on("Kofi Annan", "2000-01-01", country="igo:un") == [annan]


def test_national_and_international_careers_resolve_by_date() -> None:
    def offices(name: str, date: str) -> set[tuple[str, str]]:
        return {(r.owner, r.title) for r in roles_on(name, date)}

    assert offices("Javier Solana", "1993-06-01") == {("ESP", "Foreign Minister")}
    assert offices("Javier Solana", "1997-06-01") == {("igo:nato", "NATO Secretary-General")}
    assert offices("Javier Solana", "2005-06-01") == {("igo:eu", "EU High Representative")}
    assert offices("António Guterres", "2000") == {("PRT", "Prime Minister")}
    assert offices("Antonio Guterres", "2010") == {
        ("igo:unhcr", "UN High Commissioner for Refugees")
    }
    assert offices("Guterres", "2020-01-01") == {("igo:un", "UN Secretary-General")}
    assert offices("Amr Moussa", "1995") == {("EGY", "Foreign Minister")}
    assert offices("Amr Moussa", "2005") == {("igo:arab-league", "Arab League Secretary-General")}
    # Aliases are shared within one owner only: a Spanish alias stays with the Spanish rows.
    assert {r.owner for r in load_role_table().spells("Javier Solana")} == {
        "ESP",
        "igo:nato",
        "igo:eu",
    }


def test_people_of_organisations_through_the_actor_stage(nlp: Language, stage: ActorStage) -> None:
    """In office: the organisation's office, no country, GOV; PLOVER writes IGO GOV. Out of
    office: no role, but someone whose only tracked offices were one organisation's keeps it
    (Kofi Annan in 2010), as a national office holder keeps his country (Ouattara in 2000)."""
    text = "Kofi Annan arrived in Baghdad on Sunday."
    annan = entity_of(annotate(nlp, stage, text, "2000-01-01"), "Kofi Annan")
    assert (annan.country, annan.sector, annan.role) == (None, ["GOV"], "UN Secretary-General")
    assert annan.attributes["organisation"] == "igo:un"
    assert plover_codes(annan) == ("IGO", "GOV")
    later = entity_of(annotate(nlp, stage, text, "2010-01-01"), "Kofi Annan")
    assert (later.country, later.role, later.attributes["organisation"]) == (None, None, "igo:un")
    assert plover_codes(later) == ("IGO", "GOV")

    text = "Alassane Ouattara met French officials in Paris."
    president = entity_of(annotate(nlp, stage, text, "2015-06-01"), "Alassane Ouattara")
    assert (president.country, president.sector, president.role) == ("CIV", ["GOV"], "President")
    opposition = entity_of(annotate(nlp, stage, text, "2000-01-01"), "Alassane Ouattara")
    assert (opposition.country, opposition.role) == ("CIV", None)

    text = "Javier Solana visited Moscow on Tuesday."
    for date, country, role, organisation in (
        ("1993-06-01", "ESP", "Foreign Minister", None),
        ("1997-06-01", None, "NATO Secretary-General", "igo:nato"),
        ("2005-06-01", None, "EU High Representative", "igo:eu"),
    ):
        solana = entity_of(annotate(nlp, stage, text, date), "Javier Solana")
        assert (solana.country, solana.role) == (country, role)
        assert solana.attributes.get("organisation") == organisation
    # The week he held both offices, the title in the text decides.
    text = "NATO Secretary General Javier Solana visited Moscow."
    solana = entity_of(annotate(nlp, stage, text, "1995-12-10"), "Javier Solana")
    assert solana.attributes["organisation"] == "igo:nato"


# --------------------------------------------------------------------------- partial dates


def test_period_bounds_reads_partial_dates() -> None:
    assert period_bounds("2004") == ("2004-01-01", "2004-12-31")
    assert period_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert period_bounds("2020-06-23T09:30:00") == ("2020-06-23", "2020-06-23")
    for bad in ("June 2020", "2020-13", "2021-02-29", "20-06-23"):
        with pytest.raises(ValueError):
            period_bounds(bad)
    with pytest.raises(ValueError):
        roles_on("Narendra Modi", "23/06/2020")


def _table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "roles.tsv"
    path.write_text(body.replace(";", "\t"), encoding="utf-8")
    return path


def test_partial_boundaries_are_wide_by_default_and_narrow_when_strict(tmp_path: Path) -> None:
    table = RoleTable(read_roles_tsv(_table(tmp_path, "XYZ;DM;Ann Example;2004-05;2006\n")))
    (role,) = table.roles
    assert (role.start, role.end, role.title, role.sector) == (
        "2004-05",
        "2006",
        "Defence Minister",
        "GOV",
    )
    assert table.on("Ann Example", "2004-05-01")  # May 2004 may be in office
    assert not table.on("Ann Example", "2004-05-01", strict=True)
    assert table.on("Ann Example", "2004-06-01", strict=True)
    assert not table.on("Ann Example", "2004-04-30")
    assert table.on("Ann Example", "2006-12-31")
    assert not table.on("Ann Example", "2006-12-31", strict=True)
    assert table.on("Ann Example", "2005", strict=True)
    assert not table.on("Ann Example", "2007-01-01")


def test_aliases_are_shared_by_all_rows_of_a_person(tmp_path: Path) -> None:
    body = "XYZ;FM;Ann Example;2001;2003;;;Annie X\nXYZ;HOG;Ann Example;2003;2005\n"
    table = RoleTable(read_roles_tsv(_table(tmp_path, body)))
    assert [r.role for r in table.on("Annie X", "2004")] == ["head of government"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("XYZ;MAYOR;Ann Example;2001", "role 'MAYOR'"),
        ("Xyz;DM;Ann Example;2001", "ISO 3166"),
        ("XYZ;DM;Ann Example;2001-13", "start"),
        ("XYZ;DM;Ann Example;2005;2001", "after end"),
        ("XYZ;DM;Ann Example;2001;;;POL", "sector"),
        ("XYZ;DM;Ann Example;2001;;;;;maybe", "confidence"),
        ("igo:nowhere;HEAD;Ann Example;2001", "organisation 'nowhere'"),
        ("igo:amnesty;HEAD;Ann Example;2001", "organisation 'amnesty'"),  # an NGO, not an IGO
        ("XYZ;HEAD;Ann Example;2001", "international organisation's office"),
    ],
)
def test_bad_rows_are_refused_with_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = _table(tmp_path, "# comment\n\n" + row + "\n")
    with pytest.raises(ConfigError) as caught:
        read_roles_tsv(path)
    assert caught.value.code == "E208"
    assert "roles.tsv:3" in str(caught.value)
    assert message in str(caught.value)


def test_user_files_add_rows_and_aliases_to_the_shipped_table(tmp_path: Path) -> None:
    body = (
        "IND;DM;Rajnath Singh;2019-05-31;2031-01-01;Raksha Mantri\n"  # replaces the shipped row
        "IND;INT;Rajnath Singh;2014-05-26;2019-05-30;;;Rajnath Singh ji\n"  # adds an alias
        "XYZ;HOG;Ann Example;2021\n"  # a new office-holder
    )
    table = load_role_table((_table(tmp_path, body),))
    assert table is not load_role_table()
    assert len(table) == len(load_role_table()) + 1
    assert [r.role for r in table.on("Ann Example", "2021-06-01")] == ["head of government"]
    (role,) = table.on("Rajnath Singh ji", "2020-06-23")  # the alias reaches every row
    assert (role.title, role.end) == ("Raksha Mantri", "2031-01-01")
    assert load_role_table().on("Ann Example", "2021-06-01") == []


# --------------------------------------------------------------------------- the shipped table


def test_shipped_table_covers_the_large_spenders() -> None:
    table = load_role_table()
    assert len(table.countries()) >= 200  # the UN member states, and CountryInfo's territories
    # ISO 3166 codes, and Kosovo's XKX (CountryInfo lists its offices, the gazetteer codes it so)
    assert all(pycountry.countries.get(alpha_3=c) for c in table.countries() - {"XKX"})
    assert {r.role for r in table} <= ROLE_NAMES
    # Every country of the hand table has at least its head of state or of government.
    hand = [r for r in table if r.source.startswith("roles.tsv:")]
    leaders = {r.country for r in hand if r.role in ("head of state", "head of government")}
    assert leaders == {r.country for r in hand if r.country}
    # Exactly one of country and organisation; organisations are IGO entries of the gazetteer.
    assert all((r.country is None) != (r.organisation is None) for r in table)
    assert table.organisations() <= igo_ids()
    assert {"un", "nato", "eu", "au", "arab-league", "iaea", "unhcr"} <= table.organisations()
    assert load_role_table() is table  # loaded once


# Why two people may hold one office at once, as a row's note says it (ROLES.md): one acts for
# a suspended holder, rival claimants (Côte d'Ivoire 2010-11, Libya), a shared office (Cambodia's
# two Prime Ministers 1993-97, Nicaragua's co-presidency) or a collective head of state (Bosnia).
_OVERLAP_REASONS = ("suspended", "acting", "rival", "jointly", "collective")


def test_single_holder_offices_never_overlap_without_a_reason() -> None:
    """Two holders of one office at once only where a row's title or note says why (the
    hand table: the derived one's clashes with it are alternatives, checked by its builder,
    ``tests/test_knowledge_builders.py``)."""
    by_office = defaultdict(list)
    for role in load_role_table():
        if not role.source.startswith("roles.tsv:"):
            continue
        if role.role != "deputy prime minister":  # several deputy PMs serve at once
            by_office[(role.owner, role.role)].append(role)
    clashes = []
    for roles in by_office.values():
        for i, a in enumerate(roles):
            for b in roles[i + 1 :]:
                first = max(a.start_bounds[1], b.start_bounds[1])
                last = min(a.end_bounds[0], b.end_bounds[0])
                explained = any(
                    "Acting" in r.title or any(word in r.note for word in _OVERLAP_REASONS)
                    for r in (a, b)
                )
                if first < last and not explained:
                    clashes.append((a.source, b.source, a.person, b.person))
    assert clashes == []


# --------------------------------------------------------------------------- the builder


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_roles", REPO / "scripts" / "build_roles.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_roles"] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def _rows(text: str) -> list[list[str]]:
    return [
        line.split("\t")
        for line in text.splitlines()
        if line and not line.startswith("#") and not line.startswith("country\t")
    ]


def test_builder_turns_the_fixture_into_table_rows(tmp_path: Path) -> None:
    out = tmp_path / "roles.tsv"
    assert _builder().main([str(FIXTURE), "--out", str(out)]) == 0
    rows = {(r[0], r[1], r[2]): r for r in _rows(out.read_text(encoding="utf-8"))}
    # Listed positions only (not Shoigu's Emergencies ministry), recent spells only (not
    # Grachev's 1992-1996), never a deprecated statement (Obama as India's defence minister).
    assert set(rows) == {
        ("RUS", "DM", "Sergei Shoigu"),
        ("IND", "INT", "Rajnath Singh"),
        ("IND", "DM", "Rajnath Singh"),
        ("IND", "DM", "Pranab Mukherjee"),
        ("RUS", "DPM", "Dmitry Kozak"),
        ("USA", "HOS", "Barack Obama"),  # matched by QID although the file's label differs
    }
    assert rows[("RUS", "DM", "Sergei Shoigu")][3:5] == ["2012-11-06", "2024-05-12"]
    assert rows[("IND", "DM", "Pranab Mukherjee")][3] == "2004-05"  # month precision kept
    assert (
        len(rows[("IND", "DM", "Rajnath Singh")]) <= 4
        or not rows[("IND", "DM", "Rajnath Singh")][4]
    )  # no end: still in office
    assert rows[("IND", "INT", "Rajnath Singh")][5] == "Home Minister"
    # A military rank on Wikidata flags a defence minister for a person to check.
    assert rows[("RUS", "DM", "Sergei Shoigu")][8] == "low"
    # The output is itself a valid roles table.
    table = RoleTable(read_roles_tsv(out))
    assert [r.title for r in table.on("Sergey Shoygu", "2020-06-23")] == ["Defence Minister"]


def test_builder_merges_into_the_shipped_table(tmp_path: Path) -> None:
    builder = _builder()
    shipped = REPO / "src" / "sitrep" / "actors" / "data" / "roles.tsv"
    log = io.StringIO()
    spells, _ = builder.spells_from_entities(
        builder.read_input(FIXTURE)[1],
        builder.PositionIndex(builder.load_positions(builder.DEFAULT_POSITIONS)),
        all_labels=False,
    )
    lines, added, conflicts = builder.merge(
        builder.read_table_lines(shipped),
        builder.keep_recent(spells, "2000-01-01"),
        prefer_wikidata=False,
        log=log,
    )
    # Only Kozak (a deputy PM not over the defence industry) is new; the table's
    # "2004-05-22" is kept over Wikidata's less precise "2004-05" without a conflict.
    assert (added, conflicts) == (1, 0)
    assert lines[-1].startswith("RUS\tDPM\tDmitry Kozak\t2008-10-14\t2020-01-21")
    assert lines[:-2] == shipped.read_text(encoding="utf-8").splitlines()
    assert log.getvalue() == ""


def test_builder_reports_and_optionally_takes_wikidata_dates(tmp_path: Path) -> None:
    builder = _builder()
    table = _table(
        tmp_path,
        "RUS;DM;Sergei Shoigu;2012-11-06\nIND;DM;Rajnath Singh;2019-05-30\n",
    )
    spells, _ = builder.spells_from_entities(
        builder.read_input(FIXTURE)[1],
        builder.PositionIndex(builder.load_positions(builder.DEFAULT_POSITIONS)),
        all_labels=False,
    )
    for prefer, singh_start in ((False, "2019-05-30"), (True, "2019-05-31")):
        log = io.StringIO()
        lines, _, conflicts = builder.merge(
            builder.read_table_lines(table), spells, prefer_wikidata=prefer, log=log
        )
        assert conflicts == 1
        assert "conflict: start of Rajnath Singh" in log.getvalue()
        # The end date the table lacked is always filled in: Shoigu left office.
        assert "RUS\tDM\tSergei Shoigu\t2012-11-06\t2024-05-12" in lines
        assert f"IND\tDM\tRajnath Singh\t{singh_start}" in lines


def test_builder_reads_sparql_results(tmp_path: Path) -> None:
    def uri(qid: str) -> dict[str, str]:
        return {"type": "uri", "value": f"http://www.wikidata.org/entity/{qid}"}

    def literal(text: str) -> dict[str, str]:
        return {"type": "literal", "value": text}

    binding = {
        "person": uri("Q900102"),
        "personLabel": literal("Rajnath Singh"),
        "position": uri("Q900002"),
        "positionLabel": literal("Minister of Defence of India"),
        "start": literal("2019-05-31T00:00:00Z"),
        "startPrecision": literal("11"),
        "aliases": literal("Rajnath|Raj Nath Singh"),
    }
    ended = {
        **binding,
        "position": uri("Q11696"),
        "positionLabel": literal("President of the United States"),
        "person": uri("Q900104"),
        "personLabel": literal("Barack Obama"),
        "start": literal("2009-01-20T00:00:00Z"),
        "end": literal("2017-01-01T00:00:00Z"),
        "endPrecision": literal("9"),
        "aliases": literal(""),
    }
    path = tmp_path / "query.json"
    payload = {"head": {"vars": list(binding)}, "results": {"bindings": [binding, ended]}}
    path.write_text(json.dumps(payload), encoding="utf-8")
    out = tmp_path / "roles.tsv"
    assert _builder().main([str(path), "--out", str(out)]) == 0
    table = RoleTable(read_roles_tsv(out))
    assert [r.title for r in table.on("Raj Nath Singh", "2020-06-23")] == ["Defence Minister"]
    (obama,) = table.on("Barack Obama", "2012")
    assert (obama.start, obama.end) == ("2009-01-20", "2017")  # year precision kept


def test_builder_writes_organisation_offices(tmp_path: Path) -> None:
    binding = {
        "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900201"},
        "personLabel": {"type": "literal", "value": "António Guterres"},
        "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900202"},
        "positionLabel": {"type": "literal", "value": "Secretary-General of the United Nations"},
        "start": {"type": "literal", "value": "2017-01-01T00:00:00Z"},
        "startPrecision": {"type": "literal", "value": "11"},
    }
    path = tmp_path / "query.json"
    payload = {"head": {"vars": list(binding)}, "results": {"bindings": [binding]}}
    path.write_text(json.dumps(payload), encoding="utf-8")
    out = tmp_path / "roles.tsv"
    assert _builder().main([str(path), "--out", str(out)]) == 0
    assert _rows(out.read_text(encoding="utf-8"))[0][:4] == [
        "igo:un",
        "HEAD",
        "António Guterres",
        "2017-01-01",
    ]
    (role,) = RoleTable(read_roles_tsv(out)).on("Antonio Guterres", "2020")
    assert (role.country, role.organisation, role.title) == (None, "un", "UN Secretary-General")


def test_builder_lists_positions_held(capsys: pytest.CaptureFixture[str]) -> None:
    assert _builder().main([str(FIXTURE), "--list-positions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Q900004\tMinister of Emergency Situations of Russia" in lines  # held, not listed
    assert "Q900001\tMinister of Defence of Russia\tlisted" in lines


def test_shipped_positions_file_is_valid() -> None:
    builder = _builder()
    positions = builder.load_positions(builder.DEFAULT_POSITIONS)
    assert len(positions) >= 40
    national = [p for p in positions if not p.country.startswith("igo:")]
    assert all(pycountry.countries.get(alpha_3=p.country) for p in national)
    assert {p.country.removeprefix("igo:") for p in positions} - {p.country for p in national} <= (
        igo_ids()
    )
    labels = [p.label for p in positions]
    assert len(labels) == len(set(labels))


def test_misspelt_names_of_office_holders() -> None:
    table = load_role_table()
    assert table.spelling_of("Francois Mitterand") == "François Mitterrand"
    assert table.spelling_of("Hosni Moubarak") == "Hosni Mubarak"
    # Close names of two different people are never merged, and exact names need no fixing.
    assert table.spelling_of("Kim Jong-un") is None
    assert table.spelling_of("Tony Blair") is None
