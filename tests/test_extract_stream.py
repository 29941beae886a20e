"""Streaming `sitrep extract --format jsonl` gives the per-document command's records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from clirunner import run_cli
from sitrep.cli.commands_ingest import bundled_examples
from sitrep.readers import blank_header, read_text
from sitrep.readers.timeml import parse_timeml
from sitrep.records import Document

pytestmark = [pytest.mark.model, pytest.mark.slow]

SILVER = ("AFP_ENG_19970401.0092.tml", "AFP_ENG_19970401.0171.tml")


def _articles(shared_dir: Path) -> list[tuple[str, str]]:
    """(text, date) of the example article's body and two real newswire articles."""
    seed = read_text(Path(bundled_examples()[0]).read_text(encoding="utf-8"), source="seed")
    assert isinstance(seed, Document)
    articles = [(seed.text, seed.date)]
    for name in SILVER:
        raw = (shared_dir / "data" / "newswire-silver" / name).read_text(encoding="utf-8")
        document, _gold = parse_timeml(raw, name)
        articles.append((document.text, document.date))
    return articles


def _without_source(line: dict) -> dict:
    line["document"].pop("source")
    return line


def test_jsonl_on_stdin_gives_the_records_of_one_call_per_document(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shared_dir: Path
) -> None:
    articles = _articles(shared_dir)
    one_by_one = []
    for text, date in articles:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        result = run_cli(capsys, "extract", "--date", date, "-")
        assert result.status == 0, result.err
        one_by_one.append(_without_source(json.loads(result.out)))

    lines = "".join(json.dumps({"text": t, "date": d}) + "\n" for t, d in articles)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8"))))
    result = run_cli(capsys, "extract", "--format", "jsonl")
    assert result.status == 0, result.err
    streamed = [json.loads(line) for line in result.out.splitlines()]
    assert [s["document"]["source"] for s in streamed] == ["-:1", "-:2", "-:3"]
    assert [_without_source(s) for s in streamed] == one_by_one
    assert all(s["events"] or s["mentions"] for s in streamed), "real records, not empty ones"


def test_many_files_stream_with_offsets_into_each_file_and_errors_in_place(
    capsys: pytest.CaptureFixture[str], shared_dir: Path, tmp_path: Path
) -> None:
    paths = []
    for i, (text, date) in enumerate(_articles(shared_dir)[:2]):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"date: {date}\ntitle: Article {i}\n\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    undated = tmp_path / "undated.txt"
    undated.write_text("Talks were held in Delhi on Monday.", encoding="utf-8")

    singles = []
    for path in paths:
        result = run_cli(capsys, "extract", path)
        assert result.status == 0, result.err
        singles.append(json.loads(result.out))

    result = run_cli(capsys, "extract", paths[0], str(undated), paths[1], "--format", "jsonl")
    assert result.status == 1  # one input failed; the others were still extracted
    assert "E105" in result.err and "undated.txt" in result.err
    streamed = [json.loads(line) for line in result.out.splitlines()]
    assert streamed == singles
    for path, record in zip(paths, streamed, strict=True):
        # Offsets index the file as given, its header blanked (a span may reach into the
        # blanked header's whitespace, hence the comparison with the blanked text).
        text = blank_header(Path(path).read_text(encoding="utf-8"))
        assert record["document"]["title"].startswith("Article")
        for span in record["mentions"] + record["time_expressions"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_json_format_is_for_one_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(capsys, "extract", str(tmp_path), "--format", "json")
    assert result.status == 2
    assert "E206" in result.err and "--format jsonl" in result.err
