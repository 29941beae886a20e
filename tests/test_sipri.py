"""`sitrep deals --sipri FILE`: deals found in the news matched to a SIPRI trade register.

The register in tests/fixtures/sipri is invented (SIPRI's rows may not be republished) but
has the real file's layout; a second test reads the real register where ../shared has it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors.gazetteer import load_gazetteer
from sitrep.errors import ConfigError
from sitrep.transfers.linking import Deal, DealFact
from sitrep.transfers.sipri import match_deals, read_register

INVENTED = Path(__file__).parent / "fixtures" / "sipri" / "invented-register.csv"


def deal(system: str, supplier: str | None, recipient: str, date: str = "2020-06-23") -> Deal:
    fact = DealFact(
        document_id="d",
        date=date,
        status=None,
        delivery_due=None,
        ordered=None,
        value=None,
        quantity=None,
        status_reason=None,
        sentence="…",
    )
    return Deal(
        id=system,
        supplier=supplier,
        recipient=recipient,
        system=system,
        kind="purchase",
        timeline=[fact],
    )


def test_reads_the_layout_and_joins_split_rows() -> None:
    rows = read_register(INVENTED, load_gazetteer())
    assert [(r.recipient_code, r.supplier_code, r.designation) for r in rows] == [
        ("IND", "RUS", "S-400 Triumf"),
        ("IND", "RUS", "T-90S"),
        ("IND", "FRA", "Rafale"),
        ("GEO", "BGR", "Su-25"),
    ]
    assert rows[1].order_year == 2006 and rows[3].status == "Second hand"


def test_matches_by_countries_design_and_order_year() -> None:
    gazetteer = load_gazetteer()
    rows = read_register(INVENTED, gazetteer)
    deals = [
        deal("S-400", "RUS", "IND"),
        deal("T-90", None, "IND"),  # no supplier in the news: any supplier's row
        deal("Rafale", "RUS", "IND"),  # wrong supplier
        deal("S-400", "RUS", "IND", date="2010-01-01"),  # reported before SIPRI's order
        deal("Su-25", "BGR", "GEO"),
        deal("Su-57", "RUS", "IND"),  # SIPRI does not have it yet
    ]
    found = {
        (m.deal.system, m.deal.timeline[0].date): [r.designation for r in m.rows]
        for m in match_deals(deals, rows, gazetteer)
    }
    assert found == {
        ("S-400", "2020-06-23"): ["S-400 Triumf"],
        ("T-90", "2020-06-23"): ["T-90S"],
        ("Rafale", "2020-06-23"): [],
        ("S-400", "2010-01-01"): [],
        ("Su-25", "2020-06-23"): ["Su-25"],
        ("Su-57", "2020-06-23"): [],
    }


def test_a_file_that_is_no_register_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(ConfigError, match="E216"):
        read_register(bad, load_gazetteer())


def test_the_real_register_reads_whole(shared_dir: Path) -> None:
    path = shared_dir / "data" / "sipri" / "trade-register-2025-03-13.csv"
    if not path.exists():
        pytest.skip("no SIPRI register in the shared data")
    rows = read_register(path, load_gazetteer())
    assert len(rows) > 25_000  # the data README: 29,519 deals
    coded = sum(1 for r in rows if r.recipient_code and r.supplier_code)
    assert coded / len(rows) > 0.9
