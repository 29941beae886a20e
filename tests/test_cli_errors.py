"""A user's natural mistakes get a clear, coded answer: a mistyped --db, --db after the
command, a date in the wrong form, a query that matches nothing, a bug of ours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clirunner import run_cli
from sitrep.store import open_store
from test_store import make_extraction

QUERIES = [
    ["documents"],
    ["show", "3f2a"],
    ["events"],
    ["timeline", "IND"],
    ["export"],
    ["deals"],
    ["deal", "ab12"],
    ["reprocess"],
    ["watch", "list"],
]
DATED = [["documents"], ["events"], ["timeline", "IND"], ["export"]]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "stored.db")
    with open_store(path) as store:
        store.add(
            make_extraction("India and Russia met.", "2020-06-22", CONSULT=("India", "Russia")),
            "t",
        )
        store.add(make_extraction("The S-400 deliveries are late.", "2021-03-01"), "t")
        store.add(make_extraction("Some 400 troops and 20% of the fleet moved.", "2021-04-01"), "t")
    return path


@pytest.mark.parametrize("command", QUERIES, ids=" ".join)
def test_a_mistyped_database_is_reported_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "sitrpe.db"
    result = run_cli(capsys, "--db", str(typo), *command)
    assert result.status == 2
    assert f"[E211] database {typo} does not exist; `sitrep ingest` creates it" in result.err
    assert not typo.exists()


@pytest.mark.parametrize("command", [c for c in QUERIES if c[0] != "reprocess"], ids=" ".join)
def test_db_is_accepted_after_the_command(
    capsys: pytest.CaptureFixture[str], db: str, command: list[str]
) -> None:
    after = run_cli(capsys, *command, "--db", db)
    before = run_cli(capsys, "--db", db, *command)
    assert (after.status, after.out) == (before.status, before.out)
    assert "E211" not in after.err


@pytest.mark.parametrize("command", DATED, ids=" ".join)
@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["15/06/2020", "2020-13", "2020-02-30", "yesterday", "20"])
def test_every_date_option_is_checked(
    capsys: pytest.CaptureFixture[str], db: str, command: list[str], option: str, value: str
) -> None:
    result = run_cli(capsys, *command, "--db", db, option, value)
    assert result.status == 2
    assert f"[E214] {option}: malformed date {value!r}; use YYYY-MM-DD" in result.err


def test_dates_may_be_a_year_or_a_month_and_ranges_must_not_be_empty(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    def dates(*options: str) -> list[str]:
        result = run_cli(capsys, "documents", "--db", db, "-f", "json", *options)
        assert result.status == 0, result.err
        return [d["date"] for d in json.loads(result.out)]

    assert dates("--since", "2021") == ["2021-04-01", "2021-03-01"]
    assert dates("--until", "2021-03") == ["2021-03-01", "2020-06-22"]
    assert dates("--since", "2021-04", "--until", "2021-04") == ["2021-04-01"]
    backwards = run_cli(capsys, "events", "--db", db, "--since", "2021", "--until", "2020")
    assert backwards.status == 2 and "2021 is after 2020" in backwards.err


def test_queries_say_when_nothing_matched(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    nothing = run_cli(capsys, "events", "--db", db, "--type", "ASSAULT")
    assert nothing.status == 0 and "No events match these filters." in nothing.err
    as_json = run_cli(capsys, "events", "--db", db, "--type", "ASSAULT", "-f", "json")
    assert json.loads(as_json.out) == [] and "No events match" in as_json.err
    assert "No documents match" in run_cli(capsys, "documents", "--db", db, "--search", "x").err
    assert "No deals match" in run_cli(capsys, "deals", "--db", db).err
    empty = str(tmp_path / "empty.db")
    open_store(empty).close()
    assert "no documents yet" in run_cli(capsys, "documents", "--db", empty).err


def test_search_finds_designations_as_written_and_wildcards_are_text(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    def found(search: str) -> list[str]:
        result = run_cli(capsys, "documents", "--db", db, "--search", search, "-f", "json")
        return [d["date"] for d in json.loads(result.out)]

    assert found("S-400") == ["2021-03-01"]  # not "400 troops"
    assert found("s-400 deliveries") == ["2021-03-01"]
    assert found("400") == ["2021-04-01", "2021-03-01"]
    assert found("%") == ["2021-04-01"]  # the one text with a per cent sign
    assert found("_") == []
    shown = run_cli(capsys, "show", "--db", db, "%")
    assert shown.status == 2 and "E204" in shown.err


def test_a_bug_is_one_coded_line_and_the_traceback_only_under_debug(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An exception nobody foresaw stands for "a bug of ours" in some command.
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("sitrep.store.store.Store.count_documents", broken)
    result = run_cli(capsys, "documents", "--db", db)
    assert result.status == 70
    assert result.err.startswith("error: [E299] unexpected error: ZeroDivisionError")
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1
    debug = run_cli(capsys, "--debug", "documents", "--db", db)
    assert "Traceback (most recent call last)" in debug.err and "count_documents" in debug.err


def test_a_file_that_is_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fake = tmp_path / "notes.db"
    fake.write_text("these are my notes, not a database\n" * 100)
    result = run_cli(capsys, "documents", "--db", str(fake))
    assert result.status == 2 and "[E203] cannot open database" in result.err
    assert "not a database" in result.err


def test_a_newer_schema_is_refused_clearly(capsys: pytest.CaptureFixture[str], db: str) -> None:
    import sqlite3

    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    result = run_cli(capsys, "documents", "--db", db)
    assert result.status == 2
    assert "[E213]" in result.err and "9999_from_the_future" in result.err
    assert "upgrade sitrep" in result.err
