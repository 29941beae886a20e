"""The input readers, on real files: the example article, newswire TimeML, JSONL and CSV
made from real articles, a saved news page, standard input and broken inputs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from sitrep.errors import ConfigError, E, InputError
from sitrep.readers import ReadResult, header_length, parse_date, read_paths, read_text
from sitrep.records import Document

FIXTURES = Path(__file__).parent / "fixtures"
NEWS_PAGE = FIXTURES / "news-page.html"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$")
# Three real newswire articles (AFP 1997, AFP 2005, Xinhua 2005) for the JSONL/CSV tests.
NEWSWIRE_SAMPLE = (
    "AFP_ENG_19970408.0800.tml",
    "AFP_ENG_20051207.0424.tml",
    "XIN_ENG_20051122.0128.tml",
)


def read_all(*paths: str | Path, **options: object) -> list[ReadResult]:
    return list(read_paths(paths, **options))  # type: ignore[arg-type]


def only(results: list[ReadResult]) -> ReadResult:
    assert len(results) == 1, results
    return results[0]


def only_document(results: list[ReadResult]) -> Document:
    result = only(results)
    assert isinstance(result, Document), result
    return result


def only_error(results: list[ReadResult], error: E) -> InputError:
    result = only(results)
    assert isinstance(result, InputError), result
    assert result.error is error, result
    return result


@pytest.fixture(scope="module")
def newswire(shared_dir: Path) -> list[Document]:
    folder = shared_dir / "data" / "newswire-silver"
    documents = read_all(*(folder / name for name in NEWSWIRE_SAMPLE))
    assert all(isinstance(d, Document) for d in documents), documents
    return documents  # type: ignore[return-value]


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-06-23", "2020-06-23"),
        (" 2020-06-23\n", "2020-06-23"),
        ("20200623", "2020-06-23"),
        ("2020/06/23", "2020-06-23"),
        ("2020-06-23T10:00:00Z", "2020-06-23T10:00:00"),
        ("2020-06-23T10:00", "2020-06-23T10:00"),
        ("2020-06-23 10:00:30.250+05:30", "2020-06-23T10:00:30"),
        ("2020-02-29", "2020-02-29"),
    ],
)
def test_parse_date_normalises_unambiguous_dates(value: str, expected: str) -> None:
    assert parse_date(value, source="x") == expected


@pytest.mark.parametrize(
    "value",
    ["23/06/2020", "06/23/2020", "2020-02-30", "2021-02-29", "2020-13-01", "2020-06",
     "2020-06/23", "June 23, 2020", "2020-06-23T25:00", "", "yesterday"],
)  # fmt: skip
def test_parse_date_rejects_ambiguous_and_impossible_dates(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value, source="a.txt")
    assert caught.value.error is E.BAD_DATE
    assert "a.txt" in str(caught.value)


# --- plain text --------------------------------------------------------------------------


def test_example_article(shared_dir: Path) -> None:
    path = shared_dir / "examples" / "seed-article.txt"
    document = only_document(read_all(path))
    assert document.date == "2020-06-23"
    assert document.text.startswith("Union Defence Minister Rajnath Singh on Monday (June 22)")
    assert document.text == document.text.strip()
    assert document.source == str(path)
    assert re.fullmatch(r"[0-9a-f]{64}", document.id)


def test_header_length_points_at_the_body(shared_dir: Path) -> None:
    raw = (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    length = header_length(raw)
    assert raw[length:].startswith("Union Defence Minister")
    assert "2020-06-23" in raw[:length]


def test_one_line_header_body_on_same_line() -> None:
    raw = "DATE 2020/06/23   India and Russia signed an agreement."
    document = read_text(raw, source="t")
    assert isinstance(document, Document)
    assert (document.date, document.text) == ("2020-06-23", "India and Russia signed an agreement.")
    assert raw[header_length(raw) :] == document.text


def test_header_block() -> None:
    raw = (
        "Title: Rajnath Singh leaves for Moscow\n"
        "Author: Staff\n"  # unknown key inside the block: ignored
        "DATE: 2020-06-23T08:30\n"
        "url: https://example.org/rajnath-moscow\n"
        "\n"
        "Union Defence Minister Rajnath Singh left for Moscow.\n\nHe will meet Shoigu.\n"
    )
    document = read_text(raw, source="article.txt")
    assert isinstance(document, Document)
    assert document.title == "Rajnath Singh leaves for Moscow"
    assert document.date == "2020-06-23T08:30"
    assert document.url == "https://example.org/rajnath-moscow"
    assert document.text == (
        "Union Defence Minister Rajnath Singh left for Moscow.\n\nHe will meet Shoigu."
    )
    assert raw[header_length(raw) :].startswith("Union Defence Minister")


@pytest.mark.parametrize(
    "raw",
    [
        "Note: the minister left on Monday.\n\nMore text.",  # first key is not a header key
        "Date palms were exported to Russia.",  # "date" followed by no date
        "Date 2020 was a difficult year for deliveries.",  # a year is not a whole date
        "The minister said: talks went well.",
    ],
)
def test_text_without_header_is_all_body(raw: str) -> None:
    assert header_length(raw) == 0
    document = read_text(raw, source="t", date="2020-06-23")
    assert isinstance(document, Document)
    assert document.text == raw.strip()


def test_no_date_anywhere_is_an_error() -> None:
    result = read_text("India signed the deal.", source="t.txt")
    assert isinstance(result, InputError)
    assert result.error is E.NO_DATE
    assert "t.txt" in str(result) and "--date" in str(result)


def test_fallback_date_and_own_date_wins(tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("India and Russia held talks.\n", encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("date 2019-01-05 India and Russia held talks again.", encoding="utf-8")
    results = read_all(bare, dated, date="2020/06/23")
    assert [r.date for r in results if isinstance(r, Document)] == ["2020-06-23", "2019-01-05"]
    assert isinstance(read_all(bare)[0], InputError)


def test_malformed_fallback_date_is_refused_at_once() -> None:
    with pytest.raises(InputError) as caught:
        read_paths(["whatever.txt"], date="23/06/2020")
    assert caught.value.error is E.BAD_DATE
    assert "--date" in str(caught.value)


def test_malformed_header_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 23/06/2020 The minister left.", encoding="utf-8")
    error = only_error(read_all(path, date="2020-06-23"), E.BAD_DATE)
    assert str(path) in str(error) and "23/06/2020" in str(error)
    path.write_text("Date: 2020-02-30\n\nThe minister left.", encoding="utf-8")
    only_error(read_all(path), E.BAD_DATE)


def test_same_text_different_whitespace_same_id(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("date 2020-06-23 India and Russia\nsigned  a deal.\n", encoding="utf-8")
    two = tmp_path / "two.text"
    two.write_text("Date: 2020-06-23\n\n  India and Russia signed a\tdeal.", encoding="utf-8")
    first, second = read_all(one, two)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == second.id
    other = read_text("date 2020-06-23 India and China signed a deal.", source="x")
    assert isinstance(other, Document) and other.id != first.id


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffdate 2020-06-23 Talks in Moscow.".encode())
    document = only_document(read_all(path))
    assert (document.date, document.text) == ("2020-06-23", "Talks in Moscow.")


# --- standard input -----------------------------------------------------------------------


def test_stdin_with_header() -> None:
    stdin = io.StringIO("title: Visit\ndate: 2020-06-23\n\nSingh flew to Moscow.\n")
    document = only_document(read_all("-", stdin=stdin))
    assert (document.title, document.date, document.text) == (
        "Visit",
        "2020-06-23",
        "Singh flew to Moscow.",
    )
    assert document.source == "-"


def test_stdin_bytes_invalid_utf8_and_fallback_date() -> None:
    good = io.TextIOWrapper(io.BytesIO(b"Singh flew to Moscow."), encoding="utf-8")
    assert only_document(read_all("-", stdin=good, date="2020-06-23")).date == "2020-06-23"
    bad = io.TextIOWrapper(io.BytesIO(b"Singh \xff flew."), encoding="utf-8")
    error = only_error(read_all("-", stdin=bad, date="2020-06-23"), E.NOT_UTF8)
    assert error.fields["position"] == 6


# --- broken files -------------------------------------------------------------------------


def test_invalid_utf8_reports_byte_position(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("date 2020-06-23 Défense".encode("latin-1"))
    error = only_error(read_all(path), E.NOT_UTF8)
    assert error.fields["position"] == 17  # the é, 0-based
    assert "byte 17" in str(error) and str(path) in str(error)


@pytest.mark.parametrize(
    "encoding",
    ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"],
)
def test_utf16_and_utf32_with_or_without_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    # "utf-16"/"utf-32"/"utf-8-sig" write a byte-order mark; the -le/-be forms write none and
    # are recognised by their zero bytes.
    path = tmp_path / "wide.txt"
    path.write_bytes("date 2020-06-23 Défense talks in Moscow.\r\nMore.".encode(encoding))
    document = only_document(read_all(path))
    assert (document.date, document.text) == ("2020-06-23", "Défense talks in Moscow.\nMore.")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    only_error(read_all(path), E.BINARY)


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("blank.txt", b"  \n\n\t "), ("header-only.txt", b"date 2020-06-23\n"),
     ("empty.jsonl", b""), ("blank.jsonl", b"\n\n"), ("empty.csv", b""),
     ("header-only.csv", b"date,text\n")],
)  # fmt: skip
def test_empty_inputs(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = only_error(read_all(path, date="2020-06-23"), E.EMPTY)
    assert str(path) in str(error)


def test_missing_file_and_unknown_extension(tmp_path: Path) -> None:
    only_error(read_all(tmp_path / "missing.txt"), E.NOT_FOUND)
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK\x03\x04")
    error = only_error(read_all(docx), E.UNKNOWN_FORMAT)
    assert ".docx" in str(error)


def test_one_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Talks in Moscow.", encoding="utf-8")
    results = read_all(tmp_path / "missing.txt", good, "-", date="2020-06-23",
                       stdin=io.StringIO("date 2020-06-24 Talks in Delhi."))  # fmt: skip
    assert [type(r) for r in results] == [InputError, Document, Document]
    assert [r.date for r in results[1:]] == ["2020-06-23", "2020-06-24"]  # type: ignore[union-attr]


def test_directory_is_recursive_sorted_and_skips_unknown_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.TXT").write_text("Third.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    results = read_all(tmp_path, date="2020-06-23")
    assert [r.text for r in results] == ["First.", "Second.", "Third."]  # type: ignore[union-attr]
    assert results[1].source == str(tmp_path / "b" / "2.txt")  # type: ignore[union-attr]


# --- JSONL and CSV ------------------------------------------------------------------------


def test_jsonl_from_real_articles(tmp_path: Path, newswire: list[Document]) -> None:
    first, second, third = newswire
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "ours-1", "date": first.date, "title": first.title,
                    "text": first.text, "url": "https://afp.example/1"}),
        json.dumps({"date": second.date, "title": second.title}),  # no text
        "",  # blank lines are skipped but still counted
        json.dumps({"title": third.title, "text": third.text}),  # no date
        '{"date": "2005-11-22", "text": "unterminated',
        "[1, 2]",
        json.dumps({"date": "22/11/2005", "text": third.text}),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read_all(path)
    assert len(results) == 6
    document = results[0]
    assert isinstance(document, Document)
    assert (document.text, document.date, document.title) == (first.text, first.date, first.title)
    assert document.url == "https://afp.example/1"
    assert document.source == f"{path}:1"
    assert document.id == first.id  # the input's id is not ours: ours is the content hash
    errors = results[1:]
    assert [(e.error, e.fields["source"]) for e in errors] == [  # type: ignore[union-attr]
        (E.NO_TEXT, f"{path}:2"),
        (E.NO_DATE, f"{path}:4"),
        (E.BAD_JSON, f"{path}:5"),
        (E.BAD_JSON, f"{path}:6"),
        (E.BAD_DATE, f"{path}:7"),
    ]
    # With a fallback date the dateless line becomes a document.
    with_date = read_all(path, date="2005-11-22")
    assert isinstance(with_date[2], Document)
    assert (with_date[2].text, with_date[2].date) == (third.text, "2005-11-22")
    assert with_date[2].source == f"{path}:4"


def test_jsonl_custom_columns_and_bad_encoding(tmp_path: Path, newswire: list[Document]) -> None:
    path = tmp_path / "feed.ndjson"
    record = {"body": newswire[1].text, "published": "2005-12-07T14:05:00Z", "text": "not me"}
    with path.open("wb") as stream:
        stream.write(b'{"body": "caf\xe9", "published": "2005-12-07"}\n')  # Latin-1 byte
        stream.write(json.dumps(record).encode() + b"\n")
    results = read_all(path, columns={"text": "body", "date": "published"})
    error = results[0]
    assert isinstance(error, InputError) and error.error is E.NOT_UTF8
    assert error.fields == {"source": f"{path}:1", "encoding": "UTF-8", "position": 13}  # \xe9
    document = results[1]
    assert isinstance(document, Document)
    assert (document.text, document.date) == (newswire[1].text, "2005-12-07T14:05:00")


def test_columns_mapping_is_checked() -> None:
    with pytest.raises(ConfigError) as caught:
        read_paths(["x.jsonl"], columns={"body": "text"})
    assert caught.value.error is E.BAD_OPTION


def test_csv_from_real_articles(tmp_path: Path, newswire: list[Document]) -> None:
    first, second, third = newswire
    path = tmp_path / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["title", "published", "body", "url"])
        writer.writerow([first.title, first.date, first.text, ""])  # multi-line cell
        writer.writerow([second.title, second.date, "", ""])  # no text
        writer.writerow([third.title, "", third.text, "https://xinhua.example/3"])  # no date
    first_lines = first.text.count("\n") + 1
    results = read_all(path, columns={"text": "body", "date": "published"})
    assert len(results) == 3
    document = results[0]
    assert isinstance(document, Document)
    assert (document.text, document.date, document.title) == (first.text, first.date, first.title)
    assert document.url is None
    assert document.source == f"{path}:2"
    assert first_lines > 1  # the row really spans lines, so the next row number is checked
    assert isinstance(results[1], InputError) and results[1].error is E.NO_TEXT
    assert results[1].fields["source"] == f"{path}:{2 + first_lines}"
    assert isinstance(results[2], InputError) and results[2].error is E.NO_DATE
    assert results[2].fields["source"] == f"{path}:{3 + first_lines}"
    fallback = read_all(path, columns={"text": "body", "date": "published"}, date="2005-11-22")
    assert isinstance(fallback[2], Document) and fallback[2].url == "https://xinhua.example/3"


def test_tsv_and_missing_text_column(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("date\ttext\n2020-06-23\tTalks in Moscow, with commas.\n", encoding="utf-8")
    assert only_document(read_all(tsv)).text == "Talks in Moscow, with commas."
    wrong = tmp_path / "b.csv"
    wrong.write_text("date,body\n2020-06-23,a\n2020-06-24,b\n", encoding="utf-8")
    error = only_error(read_all(wrong), E.NO_TEXT)
    assert error.fields["column"] == "text"


def test_csv_invalid_utf8_stops_with_position(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"date,text\n2020-06-23,ok\n2020-06-24,caf\xe9\n")
    results = read_all(path)
    assert isinstance(results[0], Document)
    assert isinstance(results[1], InputError) and results[1].error is E.NOT_UTF8
    assert results[1].fields["position"] == len(b"date,text\n2020-06-23,ok\n2020-06-24,caf")


# --- HTML ---------------------------------------------------------------------------------


def test_saved_news_page() -> None:
    document = only_document(read_all(NEWS_PAGE))
    assert document.date == "2021-03-18"
    assert document.title is not None and document.title.startswith("Navy commissions second")
    assert document.url == (
        "https://frontier-defence.example/naval/2021/03/navy-commissions-second-frigate"
    )
    assert "ceremony in the Baltic port of Kaliningrad" in document.text
    assert "Moscow next month." in document.text
    for boilerplate in ("Privacy policy", "Related stories", "Subscribe", "newsletter"):
        assert boilerplate not in document.text


def test_page_without_date_does_not_guess(tmp_path: Path) -> None:
    page = NEWS_PAGE.read_text(encoding="utf-8")
    page = re.sub(r".*published_time.*\n", "", page)
    page = re.sub(r"<time[^>]*>.*?</time>", "", page).replace("/2021/03/", "/")
    path = tmp_path / "undated.htm"
    path.write_text(page, encoding="utf-8")
    # Not 2024-01-01 from the footer's "© 2024", and not today.
    only_error(read_all(path), E.NO_DATE)
    assert only_document(read_all(path, date="2021-03-18")).date == "2021-03-18"


def test_page_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Home</title></head><body></body></html>", "utf-8")
    only_error(read_all(path, date="2021-03-18"), E.NO_HTML_TEXT)


# --- TimeML -------------------------------------------------------------------------------


def test_timeml_file(shared_dir: Path) -> None:
    path = shared_dir / "data" / "newswire-silver" / "AFP_ENG_19970401.0006.tml"
    document = only_document(read_all(path))
    assert document.date == "1997-04-01"
    assert document.title == "Malaysian share market falls 1.1 percent at midday"
    assert document.text.startswith("Malaysian share prices dipped 1.1 percent by midday Tuesday")
    assert "<EVENT" not in document.text


def test_broken_timeml_is_an_error_in_the_stream(tmp_path: Path, shared_dir: Path) -> None:
    broken = tmp_path / "a.tml"
    broken.write_text("<TimeML><DCT>x</DCT><TEXT>never closed", encoding="utf-8")
    good = shared_dir / "data" / "newswire-silver" / "AFP_ENG_19970401.0006.tml"
    results = read_all(broken, good)
    assert isinstance(results[0], InputError) and results[0].code.startswith("E1")
    assert isinstance(results[1], Document)


def test_whole_newswire_directory(shared_dir: Path) -> None:
    results = list(read_paths([shared_dir / "data" / "newswire-silver"]))
    errors = [r for r in results if isinstance(r, InputError)]
    assert errors == []
    assert len(results) == 2452
    assert all(ISO_DATE.match(d.date) for d in results)  # type: ignore[union-attr]
    assert len({d.id for d in results}) > 2400  # type: ignore[union-attr]


def test_windows_line_breaks_and_broken_csv(tmp_path: Path) -> None:
    crlf = tmp_path / "windows.csv"
    crlf.write_bytes(b'\xef\xbb\xbfdate,text\r\n2020-06-23,"Talks\r\nin Moscow."\r\n')
    document = only_document(read_all(crlf))
    assert (document.date, document.text) == ("2020-06-23", "Talks\nin Moscow.")
    text = tmp_path / "windows.txt"
    text.write_bytes(b"date 2020-06-23 Talks\r\nin Moscow.\r\n")
    assert only_document(read_all(text)).id == document.id
    old_mac = tmp_path / "old-mac.csv"  # bare CR line ends: rows cannot be told apart
    old_mac.write_bytes(b"date,text\r2020-06-23,a\r")
    error = only_error(read_all(old_mac), E.BAD_CSV)
    assert "line 1" in str(error)
