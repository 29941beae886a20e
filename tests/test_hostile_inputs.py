"""Hostile inputs (``hostile_inputs.py``) give a clear, coded error or a correct result,
never a traceback, and one bad input never loses another.

The failures the issue reported are each pinned here: bytes that are not UTF-8 on standard
input, lone surrogates in JSONL, "tomorrow" on 9999-12-31, texts over spaCy's max_length,
"already stored" for a document that was not, NUL and CRLF handled differently by
``extract`` and ``ingest``, and escape codes reaching the terminal.
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest

from clirunner import run_cli
from hostile_inputs import DATE, SENTENCE, hostile_inputs, write_inputs
from sitrep.errors import ConfigError, E, InputError
from sitrep.ingest import ingest
from sitrep.limits import OverTime, time_limit
from sitrep.readers import read_paths
from sitrep.records import Document, Entity, storable_text
from sitrep.store import open_store
from test_store import make_extraction

CODED = re.compile(r"^\[E\d{3}\] ")
UNSAFE_ON_A_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "inputs"
    write_inputs(folder, hostile_inputs())
    return folder


# --- readers (no model) -------------------------------------------------------------------


def test_every_hostile_input_reads_to_documents_or_coded_errors(hostile_folder: Path) -> None:
    results = list(read_paths([hostile_folder], date=DATE))
    names = {item.name for item in hostile_inputs()}
    accounted = {
        Path(str(r.source if isinstance(r, Document) else r.fields["source"]).split(":")[0]).name
        for r in results
    }
    assert accounted == names  # every file is read or reported, none silently dropped
    for result in results:
        if isinstance(result, InputError):
            assert CODED.match(str(result)), result
            assert result.error is not E.UNEXPECTED, result.details
        else:
            assert storable_text(result.text) == result.text  # no lone surrogate, no NUL
            assert 0 < len(result.text) <= 500_000
            result.id.encode("ascii")


def test_lone_surrogates_in_jsonl_cost_only_themselves(hostile_folder: Path) -> None:
    results = list(read_paths([hostile_folder / "surrogates.jsonl"]))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "Document",
        "Document",
        "InputError",
        "Document",
    ]
    bad, good, title, date, nul = results
    assert isinstance(bad, Document) and bad.text == "bad \ufffd text"  # replaced, same length
    assert isinstance(good, Document) and good.text == SENTENCE
    assert isinstance(title, Document) and title.title == "\ufffd"
    assert isinstance(date, InputError) and date.error is E.BAD_DATE
    assert isinstance(nul, Document) and (nul.text, nul.url) == ("NUL \ufffd inside", "\ufffd")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_wide_encodings_are_read_with_or_without_a_byte_order_mark(
    hostile_folder: Path, codec: str
) -> None:
    (document,) = read_paths([hostile_folder / f"{codec}.txt"])
    assert isinstance(document, Document)
    assert (document.date, document.text) == (DATE, SENTENCE)


def test_wide_jsonl_and_csv_stream_line_by_line(hostile_folder: Path) -> None:
    lines = list(read_paths([hostile_folder / "utf16.jsonl"]))
    assert [d.text for d in lines if isinstance(d, Document)] == [SENTENCE, "Second story."]
    assert [d.source for d in lines][1].endswith("utf16.jsonl:2")  # type: ignore[union-attr]
    (row,) = read_paths([hostile_folder / "utf16.csv"])
    assert isinstance(row, Document) and row.text == SENTENCE


def test_declared_encoding_reads_latin1_and_bad_names_are_refused(hostile_folder: Path) -> None:
    (error,) = read_paths([hostile_folder / "latin1.txt"])
    assert isinstance(error, InputError) and error.error is E.NOT_UTF8
    assert "--encoding" in str(error)
    (document,) = read_paths([hostile_folder / "latin1.txt"], encoding="latin-1")
    assert isinstance(document, Document) and "Défense" in document.text
    with pytest.raises(ConfigError, match=r"E206.*--encoding"):
        read_paths([hostile_folder], encoding="base64")


def test_size_limit_is_an_error_in_place(hostile_folder: Path) -> None:
    (error,) = read_paths([hostile_folder / "too-long.txt"])
    assert isinstance(error, InputError) and error.error is E.TOO_LONG
    assert "--max-chars" in str(error) and "599,999 characters" in str(error)
    (document,) = read_paths([hostile_folder / "too-long.txt"], max_chars=None)
    assert isinstance(document, Document)


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (error,) = read_paths([tmp_path])
    assert isinstance(error, InputError) and error.error is E.NOTHING_TO_READ
    assert ".jsonl" in str(error)


def test_a_bug_in_a_reader_costs_one_line_not_the_file(tmp_path: Path) -> None:
    # A value no reader foresaw (a dict subclass whose .get raises) stands for "a bug of
    # ours": the record is an E199 naming its line, and the next line is still read.
    from sitrep.readers import jsonl

    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"date": DATE, "text": "boom"})
        + "\n"
        + json.dumps({"date": DATE, "text": "ok"})
        + "\n"
    )
    original = jsonl.document_from_fields

    def flaky(record, **kwargs):  # type: ignore[no-untyped-def]
        if record.get("text") == "boom":
            raise KeyError("a bug")
        return original(record, **kwargs)

    jsonl.document_from_fields = flaky  # type: ignore[assignment]
    try:
        first, second = read_paths([path])
    finally:
        jsonl.document_from_fields = original  # type: ignore[assignment]
    assert isinstance(first, InputError) and first.error is E.UNEXPECTED
    assert f"{path}:1" in str(first) and "KeyError" in str(first) and first.details
    assert isinstance(second, Document) and second.text == "ok"


def test_time_limit_interrupts_python_work() -> None:
    with pytest.raises(OverTime), time_limit(0.05):
        while True:
            pass
    with time_limit(None):  # no limit: nothing happens
        pass


def test_time_limit_holds_when_the_interrupt_is_swallowed() -> None:
    # Python drops an exception raised in a garbage-collector callback or a __del__; the
    # work then runs on, but it still ran past its time.
    with pytest.raises(OverTime), time_limit(0.02):
        try:
            deadline = time.monotonic() + 0.2
            while time.monotonic() < deadline:
                pass
        except OverTime:
            pass  # swallowed, as in a gc callback


# --- the store ------------------------------------------------------------------------------


def test_a_document_the_database_refuses_fails_alone(store_url: str) -> None:
    refused = make_extraction("An entity id too long for PostgreSQL's column.")
    refused.entities.append(Entity("org:" + "x" * 400, "X", "organisation"))
    refused.mentions.append(refused.mentions[0].__class__("X", 0, 1, "ORG", "org:" + "x" * 400))
    with open_store(store_url) as store:
        if store.dialect == "postgresql":
            with pytest.raises(InputError, match="E117"):
                store.add(refused, "t")
        else:  # SQLite keeps any length: stored
            assert store.add(refused, "t")
        assert store.add(make_extraction("The next document is stored."), "t")


# --- the pipeline and the CLI (model) -------------------------------------------------------


@pytest.mark.model
def test_same_text_twice_first_failing_second_is_stored(tmp_path: Path) -> None:
    """'Already stored' only if it is: the first copy fails extraction (its date is not a
    date), the second copy of the same text is then extracted and stored."""
    from sitrep.extractor import Extractor

    text = "India and Russia held talks in Moscow on Monday."
    broken = Document(text=text, date="not-a-date", source="first.txt")
    fine = Document(text=text, date=DATE, source="second.txt")
    outcomes: list[tuple[str, str]] = []
    extractor = Extractor()
    with open_store(str(tmp_path / "s.db")) as store:
        summary = ingest(
            [broken, fine, Document(text=text, date=DATE, source="third.txt")],
            store,
            extractor.extract_many,
            extractor.version,
            on_result=lambda outcome, message: outcomes.append((outcome, message)),
        )
        assert store.count_documents() == 1
    assert (summary.ingested, summary.skipped, summary.failed) == (1, 1, 1)
    assert [o for o, m in outcomes] == ["failed", "ingested", "skipped"]
    assert outcomes[0][1].startswith("[E199] first.txt: unexpected error while extracting")
    assert outcomes[2][1].startswith("third.txt: already stored")


@pytest.mark.model
@pytest.mark.slow
def test_ingest_of_every_hostile_input_has_no_traceback_and_loses_nothing(
    capsys: pytest.CaptureFixture[str], hostile_folder: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "hostile.db")
    expected = [r for r in read_paths([hostile_folder], date=DATE) if isinstance(r, Document)]
    result = run_cli(capsys, "ingest", "--db", db, "--date", DATE, str(hostile_folder))
    assert result.status == 1, result.err
    assert "Traceback" not in result.err + result.out
    failed_lines = [line for line in result.err.splitlines() if line.startswith("failed: ")]
    assert failed_lines and all(CODED.match(line[len("failed: ") :]) for line in failed_lines)
    assert "E199" not in result.err  # nothing unforeseen
    assert not UNSAFE_ON_A_TERMINAL.search(result.err + result.out)
    with open_store(db) as store:
        stored = {d.id for d in store.documents(limit=None)}
    # Every document that was read is stored (the pipeline failed on none of them).
    assert stored == {d.id for d in expected}
    again = run_cli(capsys, "ingest", "--db", db, "--date", DATE, str(hostile_folder))
    assert f"0 ingested, {len(expected)} already stored" in again.out


@pytest.mark.model
def test_terminal_output_carries_no_escape_codes(
    capsys: pytest.CaptureFixture[str], hostile_folder: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "escapes.db")
    paths = [hostile_folder / "escapes.jsonl", hostile_folder / "terminal-escapes.txt"]
    assert run_cli(capsys, "ingest", "--db", db, *map(str, paths)).status == 0
    listing = run_cli(capsys, "documents", "--db", db)
    # every title listed (a narrow table wraps them: read the JSON listing for the words)
    titles = [
        r["title"] for r in json.loads(run_cli(capsys, "documents", "--db", db, "-f", "json").out)
    ]
    assert any("Boom" in t for t in titles) and any("Cleared" in t for t in titles)
    assert listing.out.count("│ 2020-06-23 │") == 3  # one table row per document
    outputs = [listing.out, run_cli(capsys, "documents", "--db", db, "-f", "csv").out]
    for row in json.loads(run_cli(capsys, "documents", "--db", db, "-f", "json").out):
        shown = run_cli(capsys, "show", "--db", db, row["id"][:10])
        assert shown.status == 0
        outputs += [shown.out, run_cli(capsys, "show", "--db", db, row["id"], "-f", "json").out]
    for output in outputs[:1] + outputs[2:]:  # all but CSV (data, piped here) stay inert
        assert not UNSAFE_ON_A_TERMINAL.search(output), repr(output)
    assert "\u241b[2J" in listing.out  # shown as a visible ␛, not obeyed
    # JSON keeps the data exactly (escaped), so programs lose nothing.
    data = json.loads(run_cli(capsys, "show", "--db", db, row["id"], "-f", "json").out)
    assert "\x1b" in data["document"]["text"] or "\x9b" in data["document"]["text"]


@pytest.mark.model
def test_extract_on_stdin_bytes_is_a_coded_error_or_a_result(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hostile_folder: Path
) -> None:
    for name, status in [
        ("random-2000.txt", 2),  # binary
        ("random-100.txt", 2),  # not UTF-8
        ("latin1.txt", 2),
        ("utf-16-le.txt", 0),  # recognised without a byte-order mark
        ("encoded-surrogate.txt", 2),
        ("too-long.txt", 2),
        ("end-of-calendar.txt", 0),  # "tomorrow" on 9999-12-31
        ("start-of-calendar.txt", 0),
    ]:
        data = (hostile_folder / name).read_bytes()
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
        result = run_cli(capsys, "extract", "--date", DATE, "-")
        assert result.status == status, (name, result.err)
        assert "Traceback" not in result.err
        if status:
            assert CODED.match(result.err.removeprefix("error: ")), result.err


@pytest.mark.model
def test_extract_gives_the_same_offsets_from_a_file_and_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hostile_folder: Path
) -> None:
    path = hostile_folder / "crlf.txt"
    from_file = json.loads(run_cli(capsys, "extract", str(path)).out)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes()), newline=""))
    from_stdin = json.loads(run_cli(capsys, "extract", "-").out)
    assert from_file["mentions"] == from_stdin["mentions"] != []
    assert from_file["sentences"] == from_stdin["sentences"]
    text = path.read_bytes().decode().replace("\r\n", "\n")
    for mention in from_file["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.model
def test_inputs_are_checked_before_the_model_loads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, hostile_folder: Path
) -> None:
    # A model that is not installed would fail with E201 if anything tried to load it.
    nosuch = ("--model", "en_core_web_nosuch")
    missing = run_cli(capsys, "ingest", "--db", str(tmp_path / "x.db"), "nope.txt", *nosuch)
    assert missing.status == 2 and "[E112] nope.txt does not exist" in missing.err
    broken = run_cli(
        capsys,
        "ingest",
        "--db",
        str(tmp_path / "x.db"),
        str(hostile_folder / "random-2000.txt"),
        *nosuch,
    )
    assert broken.status == 1 and "E103" in broken.err and "E201" not in broken.err
    assert not (tmp_path / "x.db").exists()  # and no database was created for nothing
    loaded = run_cli(
        capsys, "ingest", "--db", str(tmp_path / "x.db"), str(hostile_folder / "crlf.txt"), *nosuch
    )
    assert loaded.status == 2 and "E201" in loaded.err


def test_an_overlong_line_is_skipped_in_constant_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.readers import decoding

    monkeypatch.setattr(decoding, "MAX_LINE_BYTES", 200)  # 64 MiB in real life
    good = json.dumps({"date": DATE, "text": SENTENCE})
    for name, codec in (("feed.jsonl", "utf-8"), ("wide.jsonl", "utf-16")):
        path = tmp_path / name
        huge = json.dumps({"date": DATE, "text": "x" * 5000})
        path.write_bytes(f"{good}\n{huge}\n{good}\n".encode(codec))
        results = list(read_paths([path]))
        assert isinstance(results[0], Document)
        assert isinstance(results[1], InputError) and results[1].error is E.LINE_TOO_LONG
        assert f"{path}:2" in str(results[1])
        assert isinstance(results[2], Document) and len(results) == 3  # the next line is read


@pytest.mark.parametrize("prologue", ['<?xml version="1.0"?>', ""])
def test_a_page_cannot_make_sitrep_read_local_files(tmp_path: Path, prologue: str) -> None:
    page = tmp_path / "xxe.html"
    page.write_text(
        f'{prologue}<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
        f"<article><p>&x; {SENTENCE} {SENTENCE}</p><p>&x;</p></article></body></html>"
    )
    (result,) = read_paths([page], date=DATE)
    if isinstance(result, Document):
        assert "root:" not in result.text and SENTENCE[:40] in result.text
    else:  # not taken for a page at all: nothing read either
        assert result.error is E.NO_HTML_TEXT


@pytest.mark.model
@pytest.mark.slow
def test_a_document_over_its_time_is_stopped_and_the_batch_goes_on(tmp_path: Path) -> None:
    """With a limit shorter than any document takes, every document is stopped (E116),
    named, and the batch ends instead of hanging; in worker processes too."""
    from sitrep.extractor import Extractor, ParallelExtractor
    from sitrep.nlp.pipeline import PipelineConfig

    config = PipelineConfig(timeout=0.001)
    documents = [
        Document(text=f"{SENTENCE} Story {i}.", date=DATE, source=f"s{i}.txt") for i in range(3)
    ]
    failures: list[InputError] = []
    with open_store(str(tmp_path / "t.db")) as store:
        extractor = Extractor(config)
        summary = ingest(
            documents, store, extractor.extract_many, extractor.version, on_error=failures.append
        )
        assert store.count_documents() == 0
    assert (summary.ingested, summary.failed) == (0, 3)
    assert [f.error for f in failures] == [E.TIMEOUT] * 3
    assert [f.fields["source"] for f in failures] == ["s0.txt", "s1.txt", "s2.txt"]
    assert "--timeout" in str(failures[0])
    stopped = r"\[E116\] s0.txt: extraction took longer"
    with (
        ParallelExtractor(config, processes=1) as parallel,
        pytest.raises(InputError, match=stopped),
    ):
        list(parallel.extract_many(documents[:1]))  # the error crosses processes
