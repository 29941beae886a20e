"""scripts/esc_to_timeml.py: the Event StoryLine Corpus's CAT XML as TimeML that the time
scorer reads (a document written here in the corpus's format, not taken from it)."""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.readers.timeml import parse_timeml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from esc_to_timeml import convert

_WORDS = [
    # sentence 0: the article's address; 1: the title; 2: the dateline; 3: the text; 4: not
    # annotated
    (0, "http"),
    (0, ":"),
    (0, "/"),
    (0, "/"),
    (0, "example.com"),
    (1, "Police"),
    (1, "arrest"),
    (1, "suspect"),
    (2, "May"),
    (2, "03"),
    (2, ","),
    (2, "2013"),
    (2, "3"),
    (2, ":"),
    (2, "33"),
    (2, "a"),
    (2, "."),
    (2, "m"),
    (2, "."),
    (3, "Lohan"),
    (3, "'s"),
    (3, "90"),
    (3, "-"),
    (3, "day"),
    (3, "stay"),
    (3, "began"),
    (3, "on"),
    (3, "June"),
    (3, "8"),
    (3, "."),
    (4, "It"),
    (4, "rained"),
    (4, "on"),
    (4, "Monday"),
    (4, "."),
]


def _document(dct_value: str = "2013-05-03T04:00Z") -> str:
    tokens = "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i}">{w}</token>\n'
        for i, (s, w) in enumerate(_WORDS, start=1)
    )

    def anchors(*ids: int) -> str:
        return "".join(f'<token_anchor t_id="{i}"/>' for i in ids)

    return (
        f'<Document doc_name="1_1ecbplus.xml">\n{tokens}<Markables>\n'
        f'<ACTION_OCCURRENCE m_id="1">{anchors(7)}</ACTION_OCCURRENCE>\n'
        f'<TIME_DATE m_id="2" DCT="TRUE" value="{dct_value}">{anchors(9, 10, 11, 12)}'
        "</TIME_DATE>\n"
        f'<TIME_DURATION m_id="3" value="P90D">{anchors(22, 23, 24)}</TIME_DURATION>\n'
        f'<TIME_DURATION m_id="4" value="P9D">{anchors(22)}</TIME_DURATION>\n'
        f'<TIME_DATE m_id="5" value="2012-06-08">{anchors(27, 28, 29)}</TIME_DATE>\n'
        '<TIME_DATE m_id="6" value="2013-05-01" TAG_DESCRIPTOR="t1_may_1"/>\n'
        "</Markables>\n</Document>\n"
    )


def test_a_document_becomes_timeml_with_its_date_and_annotated_sentences() -> None:
    converted = convert(_document())
    assert converted is not None
    timeml, count = converted
    document, gold = parse_timeml(timeml, source="1_1ecbplus.tml")
    assert str(document.date) == "2013-05-03"  # the day of the DCT expression
    assert document.text == (
        "Police arrest suspect\nMay 03, 2013 3:33 a.m.\nLohan's 90-day stay began on June 8."
    )  # the address and the sentence nobody annotated are left out
    assert [(t.text, t.type, t.value) for t in gold] == [
        ("May 03, 2013", "DATE", "2013-05-03T04:00Z"),
        ("90-day", "DURATION", "P90D"),  # the outer of two overlapping expressions
        ("on June 8", "DATE", "2012-06-08"),
    ]
    assert count == 3


def test_a_document_without_a_date_is_skipped() -> None:
    assert convert(_document(dct_value="")) is None
