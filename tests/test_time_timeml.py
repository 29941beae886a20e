"""The TimeML reader: gold TIMEX3 offsets into the tag-free text, the DCT, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import E, InputError
from sitrep.readers.timeml import parse_timeml

SMALL = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07T06:18:00" '
    'functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>\n'
    "<TITLE>Blasts &amp; aftermath</TITLE>\n"
    '<TEXT>\n\nBombs <EVENT eid="e1">exploded</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> in A&amp;B, after '
    '<TIMEX3 tid="t2" type="DURATION" value="P2Y" mod="APPROX">about two years</TIMEX3>.\n'
    "</TEXT>\n</TimeML>\n"
)


def test_small_document_offsets_and_attributes() -> None:
    document, gold = parse_timeml(SMALL, "small.tml")
    assert document.date == "1998-08-07"
    assert document.title == "Blasts & aftermath"
    assert document.text == "Bombs exploded Friday in A&B, after about two years."
    assert [(g.text, g.type, g.value, g.mod) for g in gold] == [
        ("Friday", "DATE", "1998-08-07", None),
        ("about two years", "DURATION", "P2Y", "APPROX"),
    ]
    for g in gold:
        assert document.text[g.start : g.end] == g.text


def test_missing_dct_is_a_no_date_error() -> None:
    xml = SMALL.replace("<DCT>", "<X>").replace("</DCT>", "</X>")
    with pytest.raises(InputError) as caught:
        parse_timeml(xml, "nodct.tml")
    assert caught.value.error is E.NO_DATE
    assert "nodct.tml" in str(caught.value)


@pytest.mark.parametrize(
    "broken",
    [
        SMALL.replace("</TIMEX3> in A", " in A"),  # unclosed TIMEX3
        SMALL.replace("</TEXT>", ""),  # unclosed TEXT
        SMALL.replace('<EVENT eid="e1">exploded</EVENT>', "<EVENT>exploded</TIMEX3>"),
        "just some text, not TimeML",
    ],
)
def test_malformed_markup_is_a_bad_timeml_error(broken: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_timeml(broken, "broken.tml")
    assert caught.value.error is E.BAD_TIMEML


def test_every_shared_file_parses_with_consistent_offsets(shared_dir: Path) -> None:
    files = sorted((shared_dir / "data" / "timeml-dev").rglob("*.tml"))
    files += sorted((shared_dir / "data" / "newswire-silver").rglob("*.tml"))[:400]
    assert len(files) > 600
    total = 0
    for file in files:
        document, gold = parse_timeml(file.read_text(encoding="utf-8"), str(file))
        assert document.date[:4].isdigit() and document.text == document.text.strip()
        for g in gold:
            assert document.text[g.start : g.end] == g.text, (file, g)
        total += len(gold)
    assert total > 1800  # TimeBank + AQUAINT alone hold 1,822 TIMEX3s in their bodies
