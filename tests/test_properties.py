"""Property-based tests (hypothesis) of every reader, the store and the whole pipeline on
arbitrary text, bytes and dates: a Document or a coded error, never an exception; one bad
record never costs another; whatever is read can be stored and read back; the pipeline's
offsets always point into the text."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitrep.errors import E, InputError
from sitrep.readers import decode, header_length, parse_date, read_bytes, read_text
from sitrep.records import Document, storable_text
from sitrep.store import EventQuery, open_store
from sitrep.time.validate import is_valid_value

CODED = re.compile(r"^\[E\d{3}\] ")
NEWS_WORDS = [
    "India", "Russia", "Rajnath Singh", "Moscow", "S-400", "on Monday", "tomorrow", "next year",
    "last week", "signed", "deal", "delivery", "delayed", "2021", "June 22", "USD 5.2 billion",
    "Defence Minister", "said", "will", ".", ",", "\n\n", "the", "of", "in", "(", ")", "—",
]  # fmt: skip
# Text that looks like news, and text that does not look like anything.
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(NEWS_WORDS) | st.text(max_size=8), max_size=60).map(" ".join),
)
any_day = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(
    lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
fields = st.sampled_from(["date", "text", "title", "url", "source", "id", "body"])
records = st.dictionaries(fields, json_values | any_day | texts, max_size=6)


def _is_coded_error(result: object, *allowed: E) -> bool:
    return (
        isinstance(result, InputError)
        and result.error is not E.UNEXPECTED
        and bool(CODED.match(str(result)))
        and (not allowed or result.error in allowed)
    )


def _is_good_document(result: object) -> bool:
    return (
        isinstance(result, Document)
        and bool(result.text)
        and storable_text(result.text) == result.text
        and len(result.id) == 64
    )


# --- readers ----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(raw=texts, fallback=st.none() | any_day)
def test_plain_text_reads_to_a_document_or_says_why(raw: str, fallback: str | None) -> None:
    result = read_text(raw, source="t.txt", date=fallback)
    assert 0 <= header_length(raw) <= len(raw)
    if isinstance(result, Document):
        assert _is_good_document(result)
        assert result.text == result.text.strip()
    else:
        assert _is_coded_error(result, E.EMPTY, E.NO_DATE, E.BAD_DATE)


@settings(max_examples=300, deadline=None)
@given(value=st.text(max_size=40) | any_day)
def test_dates_are_normalised_once_or_refused(value: str) -> None:
    try:
        normalised = parse_date(value, source="x")
    except InputError as error:
        assert error.error is E.BAD_DATE
        return
    assert parse_date(normalised, source="x") == normalised
    date.fromisoformat(normalised[:10])


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_say_why(data: bytes) -> None:
    try:
        text = decode(data, source="b")
    except InputError as error:
        assert _is_coded_error(error, E.EMPTY, E.BINARY, E.NOT_UTF8)
        return
    assert "\r" not in text


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=600),
    name=st.sampled_from(["a.txt", "a.jsonl", "a.csv", "a.tsv", "a.tml"]),
    encoding=st.none() | st.sampled_from(["cp1252", "utf-16", "latin-1", "utf-32"]),
)
def test_any_bytes_in_any_format_give_documents_or_coded_errors(
    data: bytes, name: str, encoding: str | None
) -> None:
    results = list(read_bytes(data, name=name, date="2020-06-23", encoding=encoding))
    assert results
    assert all(_is_good_document(r) or _is_coded_error(r) for r in results), results


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(records | json_values | st.text(max_size=30), min_size=1, max_size=8))
def test_each_jsonl_line_gives_exactly_one_result(lines: list[object]) -> None:
    body = "\n".join(
        item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in lines
    )
    results = list(read_bytes(body.encode("utf-8", "surrogatepass"), name="f.jsonl"))
    content = [line for line in body.split("\n") if line.strip()]
    if [getattr(r, "error", None) for r in results] == [E.BINARY]:
        # A NUL in the first line, or NULs everywhere: a binary file, one error.
        nuls = body.count("\0")
        assert "\0" in body.split("\n", 1)[0] or nuls > max(1, len(body.encode()) // 1000)
        return
    if not content:
        assert [r.error for r in results] == [E.EMPTY]  # type: ignore[union-attr]
        return
    # One result per line that is not blank: a bad line costs only itself.
    assert len(results) == len(content) or any(
        isinstance(r, InputError) and r.error is E.NOT_UTF8 for r in results
    )
    assert all(_is_good_document(r) or _is_coded_error(r) for r in results), results


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.lists(texts | any_day, min_size=1, max_size=4), max_size=8))
def test_each_csv_row_gives_at_most_one_result(rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "text", "title", "url"])
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8", "surrogatepass")
    results = list(read_bytes(data, name="t.csv"))
    assert results
    assert all(_is_good_document(r) or _is_coded_error(r) for r in results), results
    documents = [r for r in results if isinstance(r, Document)]
    assert len(documents) <= len(rows)


tags = st.sampled_from(
    ["<TimeML>", "</TimeML>", "<DCT>", "</DCT>", "<TEXT>", "</TEXT>", "<TITLE>", "</TITLE>",
     "<TIMEX3 tid='t1' type='DATE' value='2020-06-23'>", "<TIMEX3 type='BOGUS' value=''>",
     "</TIMEX3>", "<s>", "</s>", "<!-- c -->", "<![CDATA[x<y]]>", "&amp;", "&#0;", "&bogus;",
     "<", ">", "<?xml version='1.0'?>", "<p", "/>"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(tags | texts, max_size=25))
def test_timeml_tag_soup_gives_a_document_or_a_coded_error(pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    results = list(read_bytes(data, name="x.tml"))
    assert all(_is_good_document(r) or _is_coded_error(r) for r in results), results


html_pieces = st.sampled_from(
    ["<html>", "<body>", "<article>", "<p>", "</p>", "<div>" * 50, "</div>", "<script>",
     "</script>", "<title>T</title>", '<meta property="article:published_time" content="',
     '2020-06-23">', '<meta charset="latin-1">', "<time datetime='9999-12-31'>", "</time>",
     "&nbsp;", "<table><tr><td>", "<!--", "-->", "<br/>"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(html_pieces | texts, max_size=30))
# found by this test: lxml asserts when the page's root is a <script> that htmldate drops
@example(pieces=["&nbsp;", "<script>", '<meta charset="latin-1">', "<html>", "<p>", "<body>"])
def test_html_soup_gives_a_document_or_a_coded_error(pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    results = list(read_bytes(data, name="x.html", date="2020-06-23"))
    assert all(_is_good_document(r) or _is_coded_error(r) for r in results), results


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), spaces=st.text(alphabet=" \t\n\r\u00a0", min_size=1))
def test_any_text_makes_a_storable_document_with_a_stable_id(text: str, spaces: str) -> None:
    document = Document(text=text, date="2020-06-23", title=text, url=text, source=text)
    for value in (document.text, document.title, document.url, document.source):
        assert storable_text(value) == value and len(value) == len(text)  # type: ignore[arg-type]
    assert Document(text=spaces + text + spaces, date="1999-01-01").id == document.id


# --- the store, on both databases ------------------------------------------------------------


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    with open_store(store_url) as opened:
        yield opened


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=200), title=st.none() | st.text(max_size=50), day=any_day)
def test_whatever_is_read_is_stored_and_read_back(
    store, text: str, title: str | None, day: str
) -> None:  # type: ignore[no-untyped-def]
    from sitrep.records import Extraction

    document = Document(text=text, date=day, title=title, url=title, source=title)
    added = store.add(Extraction(document=document), "hypothesis")
    stored = store.document(document.id)
    assert stored.id == document.id
    if added:  # else the same text came in an earlier example, with its own date and title
        assert (stored.text, stored.title, stored.date) == (document.text, document.title, day)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(search=st.text(max_size=30), prefix=st.text(max_size=10))
def test_any_search_or_id_is_an_answer_not_an_error(store, search: str, prefix: str) -> None:  # type: ignore[no-untyped-def]
    from sitrep.errors import NotFoundError

    store.documents(search=search, since=prefix, until=search)
    store.events(EventQuery(actor=search, recipient=prefix, event_types=[search], since=prefix))
    store.events(EventQuery(dyad=(search, prefix), modality=search))
    store.transfer_facts(supplier=search, recipient=prefix, system=search)
    with pytest.raises(NotFoundError):
        store.document(prefix or "-")


# --- the pipeline (model) --------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from sitrep.extractor import Extractor

    return Extractor()


@pytest.mark.model
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts.filter(lambda t: t.strip()), day=any_day)
def test_the_pipeline_on_any_text_and_date(extractor, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    extraction = extractor.extract(Document(text=text, date=day))
    text = extraction.document.text
    for span in [*extraction.time_expressions, *extraction.mentions]:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for timex in extraction.time_expressions:
        assert is_valid_value(timex.value), timex
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest
    for event in extraction.events:
        evidence = event.evidence
        assert text[evidence.sentence_start :].startswith(evidence.sentence)
    json.dumps(extraction.to_dict())  # the JSON of `sitrep extract` can always be written
