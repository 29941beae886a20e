"""The SIPRI-derived equipment table: reading a register, deriving designations, matching them.

The register fixture is invented (SIPRI's export format, none of its rows): the project never
commits SIPRI's file or rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sitrep.actors import EQUIPMENT_CATEGORIES, find_equipment, load_gazetteer
from sitrep.actors.entries import EquipmentEntry
from sitrep.actors.equipment import EquipmentMatcher
from sitrep.actors.kinds import followed_by_kind, kind_nouns
from sitrep.actors.sipri import CITATION, categories, read_register
from sitrep.errors import InputError

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from build_sipri_equipment import build, names_of, write  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "sipri-register-sample.csv"


def test_register_reader_skips_the_preamble_and_joins_split_deals() -> None:
    deals = read_register(FIXTURE)
    assert len(deals) == 12  # 13 lines of deals, one deal split over two
    split = next(d for d in deals if d.recipient == "Denmark")
    assert split.comments == "Deal worthé $1 b;  built locally"  # Latin-1 read right
    assert split.number == 2 and split.year == 2014 and not split.second_hand


def test_a_file_that_is_not_a_register_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="latin-1")
    with pytest.raises(InputError, match="not a SIPRI trade register"):
        read_register(path)


def test_every_description_has_a_sitrep_category() -> None:
    assert categories("FGA aircraft") == ("AC", "combat aircraft")
    assert categories("portable SAM") == ("MI", "MANPADS")
    assert categories("patrol boat") == ("SH", "patrol vessel")
    from sitrep.actors.sipri import DESCRIPTIONS

    assert {sitrep for _code, sitrep in DESCRIPTIONS.values()} <= EQUIPMENT_CATEGORIES


def _derived() -> dict[str, object]:
    rows, _report = build(read_register(FIXTURE), load_gazetteer(derived=False), since=1990)
    return {row.id: row for row in rows}


def test_producer_is_the_state_that_supplies_it_new() -> None:
    rows = _derived()
    # Sweden supplied it new twice; Peru's second-hand resale does not make it Peruvian.
    assert rows["zorvik-9"].origin == "SWE"
    assert rows["zorvik-9"].category == "combat aircraft"
    # The Soviet Union's designs are coded RUS; a Ukrainian second-hand resale does not count.
    assert rows["glintar-4-105mm"].origin == "RUS"


def test_names_news_writes_are_derived_from_the_designation() -> None:
    assert names_of("Glintar-4 105mm") == ["Glintar-4 105mm", "Glintar-4"]
    assert names_of("EMV-310 Grey Heron") == ["EMV-310 Grey Heron", "EMV-310", "Grey Heron"]
    assert names_of("Cessna-337/O-2") == ["Cessna-337/O-2", "Cessna-337", "O-2"]
    assert names_of("Leopard-1 chassis") == ["Leopard-1 chassis", "Leopard-1"]


def test_orders_before_the_cut_off_generic_names_and_non_state_suppliers_are_left_out() -> None:
    rows = _derived()
    names = {row.name for row in rows.values()}
    assert "Old Kite" not in names  # ordered in 1980 only
    assert "Stormwake-3" not in names  # supplier unknown
    assert "aircraft engine" not in names  # SIPRI's placeholder for an unnamed engine


def test_one_designation_of_two_kinds_gives_two_rows_the_lesser_needing_context() -> None:
    rows = _derived()
    frigate, drone = rows["pallasmaa-frigate"], rows["pallasmaa-drone"]
    assert (frigate.origin, frigate.context) == ("FIN", False)
    assert (drone.origin, drone.context) == ("FRA", True)


def _matcher() -> EquipmentMatcher:
    entries = [
        EquipmentEntry(
            id=row.id,
            name=row.name,
            category=row.category,
            origin=row.origin,
            aliases=row.aliases,
            derived=True,
            context=row.context,
        )
        for row in _derived().values()
    ]
    return EquipmentMatcher(entries)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway ordered three Pallasmaa frigates.", ["pallasmaa-frigate"]),
        ("the Pallasmaa-class ships", ["pallasmaa-frigate"]),
        ("India bought 20 Pallasmaa UAVs.", ["pallasmaa-drone"]),
        ("Pallasmaa said on Monday that ...", []),  # a plain name alone is nobody's frigate
        ("a Pallasmaa restaurant", []),
        ("two EMV-310 helicopters", ["emv-310-grey-heron"]),  # a code needs no context
        ("the Grey Heron transport helicopters", ["emv-310-grey-heron"]),
        ("Grey Heron was seen", []),
        ("10 Glintar-4 guns", ["glintar-4-105mm"]),
    ],
)
def test_plain_names_need_a_noun_of_their_kind(text: str, expected: list[str]) -> None:
    assert [m.id for m in _matcher().find(text)] == expected


def test_written_table_keeps_the_citation_and_loads(tmp_path: Path) -> None:
    rows = list(_derived().values())
    out = tmp_path / "equipment_sipri.tsv"
    write(rows, out, 1990, "01 Jan 2030")
    text = out.read_text(encoding="utf-8")
    assert CITATION in text.splitlines()[1]
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(body) == len(rows)
    assert all(line.endswith("\t" + CITATION) for line in body)


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("Talwar frigates", "frigate", True),
        ("Talwar-class frigate", "frigate", True),
        ("Jaguar FGA aircraft", "combat aircraft", True),
        ("Boxer APCs", "armoured vehicle", True),
        ("Helsinki missile boats", "patrol vessel", True),
        ("Sky Shield anti-aircraft gun/SAM systems", "air-defence gun", True),
        ("Jaguar cars", "combat aircraft", False),
        ("TWA aircraft", "torpedo", False),  # a noun of another kind
        ("Abu Dhabi Ship Building", "corvette", False),  # a capitalised word of a name
        ("Abu Dhabi ordered two frigates", "corvette", False),  # a verb between
    ],
)
def test_followed_by_kind(text: str, category: str, expected: bool) -> None:
    name_end = text.index(" ") if "-class" not in text else text.index("-")
    if text.startswith(("Sky Shield", "Abu Dhabi")):
        name_end = text.index(" ", text.index(" ") + 1)
    assert followed_by_kind(text, name_end, kind_nouns(category)) is expected


def test_shipped_table_hand_entries_keep_their_names() -> None:
    gazetteer = load_gazetteer()
    derived = [e for e in gazetteer.equipment.values() if e.derived]
    assert len(derived) > 2000
    assert all(e.source == CITATION and e.category in EQUIPMENT_CATEGORIES for e in derived)
    # The hand catalogue's Su-25 keeps the name; SIPRI's spelling of the Talwar joins the
    # hand entry, before a noun of its kind.
    assert [m.id for m in find_equipment("12 Su-25 ground attack aircraft")] == ["su-25"]
    found = find_equipment("India ordered 3 Talwar frigates from Russia.")
    assert [(m.text, m.id) for m in found] == [("Talwar", "talwar-class-frigate")]
    assert find_equipment("Abu Dhabi ordered two frigates from Italy.") == []
    assert [m.text for m in find_equipment("The Abu Dhabi class corvette sailed.")] == ["Abu Dhabi"]
