"""The command line as a user drives it: help, extract, ingest, queries, exports, demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from clirunner import run_cli
from sitrep.cli.app import command_paths
from sitrep.cli.commands_ingest import bundled_examples
from sitrep.store import open_store
from test_store import make_extraction

SEED = Path(bundled_examples()[0]).read_text(encoding="utf-8")


@pytest.mark.parametrize("command", command_paths(), ids=" ".join)
def test_every_command_has_help_with_an_example(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    result = run_cli(capsys, *command, "--help")
    assert result.status == 0
    assert "Example: sitrep " + command[0] in result.out


@pytest.mark.model
def test_extract_prints_records_with_offsets_into_the_given_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(SEED, encoding="utf-8")
    result = run_cli(capsys, "extract", "--date", "2020-06-23", str(path), "--format", "json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert data["schema"] == "sitrep.extraction/1"
    assert data["document"]["date"] == "2020-06-23"
    assert set(data) >= {"time_expressions", "entities", "mentions", "events", "transfers"}
    spans = data["time_expressions"] + data["mentions"]
    assert spans, "the example article has time expressions and mentions"
    for span in spans:
        assert SEED[span["start"] : span["end"]] == span["text"]
    assert any(m["text"] == "Rajnath Singh" for m in data["mentions"])


@pytest.mark.model
def test_extract_reads_stdin_and_needs_a_date(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Talks were held in Delhi on Monday."))
    result = run_cli(capsys, "extract", "-")
    assert result.status == 2
    assert "E105" in result.err and "--date" in result.err

    monkeypatch.setattr("sys.stdin", io.StringIO("Talks were held in Delhi on Monday."))
    result = run_cli(capsys, "extract", "--date", "2020-06-23", "-")
    assert result.status == 0
    assert json.loads(result.out)["document"]["date"] == "2020-06-23"


def _broken_files(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes("date 2020-01-01 Caf\xe9 talks".encode("latin-1"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "nodate.txt").write_text("An article without any date header.")
    (folder / "baddate.txt").write_text("date: 2020-13-45\n\nTalks were held.")
    return sorted(folder.iterdir())


@pytest.mark.model
def test_ingest_batch_with_broken_files_goes_on_and_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "s.db")
    first = run_cli(capsys, "--db", db, "ingest", bundled_examples()[0])
    assert first.status == 0, first.err
    assert "1 ingested, 0 already stored, 0 failed" in first.out

    broken = _broken_files(tmp_path / "broken")
    good = tmp_path / "good.txt"
    good.write_text("date: 2021-03-04\ntitle: Talks\n\nIndia and France held talks in Paris.")
    result = run_cli(capsys, "--db", db, "ingest", str(tmp_path / "broken"), str(good))
    assert result.status == 1
    assert "1 ingested, 0 already stored, 5 failed" in result.out
    for path in broken:
        assert path.name in result.err  # one line naming each broken file
    for code in ("E104", "E102", "E103", "E105", "E106"):
        assert code in result.err

    again = run_cli(capsys, "--db", db, "ingest", bundled_examples()[0], str(good))
    assert again.status == 0
    assert "0 ingested, 2 already stored, 0 failed" in again.out
    with open_store(db) as store:
        assert store.count_documents() == 2
        assert {d.date for d in store.documents()} == {"2020-06-23", "2021-03-04"}


@pytest.fixture
def store_with_events(tmp_path: Path) -> str:
    db = str(tmp_path / "events.db")
    with open_store(db) as store:
        store.add(
            make_extraction("India and Russia met.", "2020-06-22", CONSULT=("India", "Russia")), "t"
        )
        store.add(
            make_extraction("Russia asked India.", "2020-07-01", REQUEST=("Russia", "India")), "t"
        )
        store.add(make_extraction("<script>alert(1)</script> [bold]x[/]", "2020-08-01"), "t")
    return db


def test_queries_in_every_format(
    capsys: pytest.CaptureFixture[str], store_with_events: str
) -> None:
    db = store_with_events
    listing = json.loads(run_cli(capsys, "--db", db, "documents", "--format", "json").out)
    assert [d["date"] for d in listing] == ["2020-08-01", "2020-07-01", "2020-06-22"]

    shown = run_cli(capsys, "--db", db, "show", listing[0]["id"][:8])
    assert shown.status == 0
    assert "[bold]x[/]" in shown.out  # untrusted text printed literally, not as markup

    timeline = run_cli(capsys, "--db", db, "timeline", "IND", "RUS", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(timeline.out)))
    assert [r["event_type"] for r in rows] == ["CONSULT", "REQUEST"]

    events = json.loads(
        run_cli(capsys, "--db", db, "events", "--type", "REQUEST", "-f", "json").out
    )
    assert [e["event"] for e in events] == ["REQUEST"]
    assert events[0]["actor"][0]["code"] == "RUS"

    table = run_cli(capsys, "--db", db, "events", "--since", "2020-07-01")
    assert "REQUEST" in table.out and "CONSULT" not in table.out

    missing = run_cli(capsys, "--db", db, "show", "nosuchid")
    assert missing.status == 2 and "E204" in missing.err


def test_exports(
    capsys: pytest.CaptureFixture[str], store_with_events: str, tmp_path: Path
) -> None:
    db = store_with_events
    jsonl = run_cli(capsys, "--db", db, "export", "--format", "jsonl").out.splitlines()
    records = [json.loads(line) for line in jsonl]
    assert [r["event"] for r in records] == ["CONSULT", "REQUEST"]
    assert {"id", "date", "event", "actor", "recipient", "text", "modality"} <= set(records[0])

    out = tmp_path / "events.parquet"
    result = run_cli(capsys, "--db", db, "export", "--format", "parquet", "-o", str(out))
    assert result.status == 0
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert table.column("actor_countries").to_pylist() == ["IND", "RUS"]

    csv_out = tmp_path / "events.csv"
    run_cli(capsys, "--db", db, "export", "--format", "csv", "-o", str(csv_out), "--country", "RUS")
    rows = list(csv.DictReader(csv_out.open(encoding="utf-8")))
    assert len(rows) == 2 and rows[0]["sentence"] == "India and Russia met."


@pytest.mark.model
def test_demo_builds_a_fresh_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # a second run starts again from an empty database
        result = run_cli(capsys, "demo")
        assert result.status == 0, result.err
        assert "ingested, 0 already stored, 0 failed" in result.out
    assert "Rajnath Singh" in result.out
    with open_store(str(tmp_path / "sitrep-demo.db")) as store:
        assert store.count_documents() == len(bundled_examples())


def test_cli_reference_is_up_to_date() -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "scripts" / "cli_reference.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.model
def test_classify_pairs_keeps_its_line_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {
            "sentence": "Rebels shelled the village overnight.",
            "actor": "Rebels",
            "recipient": "village",
        },
        {"sentence": "The weather was mild in Paris.", "actor": "Paris", "recipient": None},
    ]
    pairs.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = run_cli(capsys, "classify-pairs", str(pairs))
    assert result.status == 0, result.err
    out = [json.loads(line) for line in result.out.splitlines()]
    assert len(out) == 2
    for line in out:
        assert set(line) == {"event_type", "mode", "modality"}
    assert out[0]["event_type"] == "ASSAULT"
    assert out[1]["event_type"] is None


def test_eval_timeml_scores_a_folder(
    capsys: pytest.CaptureFixture[str], shared_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    for path in sorted((shared_dir / "data" / "timeml-dev" / "TimeBank").glob("*.tml"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    result = run_cli(capsys, "eval", "timeml", str(folder), "--errors")
    assert result.status == 0, result.err
    assert "relaxed" in result.out and "value" in result.out


@pytest.mark.model
def test_deal_tracker_follows_a_deal_across_articles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = Path(__file__).parent / "fixtures" / "deal-corpus"
    db = str(tmp_path / "deals.db")
    assert run_cli(capsys, "--db", db, "ingest", str(corpus)).status == 0
    deals = json.loads(run_cli(capsys, "--db", db, "deals", "--recipient", "VNM", "-f", "json").out)
    assert len(deals) == 1
    deal = deals[0]
    assert (deal["supplier"], deal["system"], deal["status"]) == ("KOR", "FA-50", "delivering")
    statuses = [fact["status"] for fact in deal["timeline"]]
    assert statuses[:3] == ["negotiating", "ordered", "delayed"]  # oldest first
    assert any(c["field"] == "delivery_due" for c in deal["contradictions"])

    shown = run_cli(capsys, "--db", db, "deal", deal["id"][:6])
    assert shown.status == 0
    assert "Reports disagree on delivery_due" in shown.out
    assert run_cli(capsys, "--db", db, "deal", "ffffffff").status == 2


@pytest.mark.model
def test_timeline_of_the_example_dyad_by_country_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "seed.db")
    assert run_cli(capsys, "--db", db, "ingest", bundled_examples()[0]).status == 0
    result = run_cli(capsys, "--db", db, "timeline", "India", "Russia", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    visits = [r for r in rows if r["event_type"] == "CONSULT" and r["modality"] == "asserted"]
    assert len(visits) == 1  # the tweet restating the visit is the same event, not a second one
    assert (visits[0]["date"], visits[0]["location"]) == ("2020-06-22", "Moscow")
    assert {r["event_type"] for r in rows} <= {"CONSULT", "REQUEST", "AGREE", "SUPPORT"}
    actors = {r["actor_names"] for r in rows} | {r["recipient_names"] for r in rows}
    assert not any("ANI" in a or "@" in a or "sources" in a for a in actors)
    singh = run_cli(capsys, "--db", db, "events", "--actor", "Singh", "--format", "json")
    assert len(json.loads(singh.out)) >= 4


def test_usage_errors_are_one_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "export", "--format", "yaml")
    assert result.status == 2
    assert "Invalid value for '--format'" in result.err
    assert "Traceback" not in result.err
    assert run_cli(capsys, "nosuchcommand").status == 2


@pytest.mark.model
def test_reprocess_rederives_records_from_the_kept_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "re.db")
    seed = bundled_examples()[0]
    first = run_cli(capsys, "--db", db, "ingest", seed, "--stages", "sitrep_timex_v1")
    assert first.status == 0, first.err
    with open_store(db) as store:
        (before,) = store.documents()
    assert before.n_time_expressions > 0 and before.n_events == 0 and before.n_mentions == 0

    result = run_cli(capsys, "--db", db, "reprocess")
    assert result.status == 0, result.err
    assert "1 documents reprocessed" in result.out
    with open_store(db) as store:
        (after,) = store.documents()
        extraction = store.extraction(after.id)
    assert after.id == before.id and after.n_time_expressions == before.n_time_expressions
    assert after.n_events > 0 and after.n_transfers > 0
    assert len(extraction.events) == after.n_events
    assert any(m.text == "Rajnath Singh" for m in extraction.mentions)


@pytest.mark.model
def test_date_option_dates_undated_inputs_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("India and France held talks in Paris on Monday.", encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("date: 2019-01-02\n\nJapan and Korea held talks in Seoul.", encoding="utf-8")
    db = str(tmp_path / "d.db")
    result = run_cli(capsys, "--db", db, "ingest", "--date", "2021-05-06", str(undated), str(dated))
    assert result.status == 0, result.err
    with open_store(db) as store:
        assert sorted(d.date for d in store.documents()) == ["2019-01-02", "2021-05-06"]
    bad = run_cli(capsys, "--db", db, "ingest", "--date", "06/05/2021", str(undated))
    assert bad.status == 2 and "E106" in bad.err


def test_roles_answers_who_held_an_office_when(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run_cli(capsys, "roles", "--country", "ind", "--role", "DM", "--date", "2020-06-23")
    assert result.status == 0
    assert "Rajnath Singh" in result.out and "1 spell in office" in result.out
    # One person's offices in date order, across a country and two organisations.
    result = run_cli(capsys, "roles", "Javier Solana", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["of"] for r in rows] == ["ESP", "igo:nato", "igo:eu"]
    # Each row says which table and line it is, where it came from and under which licence,
    # and whether it is used: CountryInfo's Kevin Rudd, in office to 2013, is not.
    result = run_cli(capsys, "roles", "Kevin Rudd", "-f", "json")
    rows = json.loads(result.out)
    used = [r for r in rows if r["office"] == "Prime Minister" and r["status"] == "used"]
    assert [r["from"] for r in used] == ["2007-12-03", "2013-06-27"]  # his two terms
    assert all(
        r["source"].startswith("roles.tsv:") and r["licence"].startswith("MIT") for r in used
    )
    (other,) = [r for r in rows if r["status"] == "alternative"]
    assert other["upstream"].startswith("CountryInfo.120116.txt:")
    assert other["licence"].startswith("CC BY-SA 3.0") and other["to"] == "2013-11-18"
    # What a name resolves to on a date, and from which row.
    result = run_cli(capsys, "roles", "Yiorgos Lillikas", "--date", "2006-11-05")
    said = " ".join(result.out.split())
    assert "resolves to person 'Yiorgos Lillikas', country CYP, sector GOV" in said
    assert "roles_countryinfo.tsv:" in said and "CC BY-SA 3.0" in said
    # A name with no office: the gazetteers' organisations and people, with their sources.
    result = run_cli(capsys, "roles", "Da'esh", "-f", "json")
    (group,) = json.loads(result.out)
    assert group["person"] == "Islamic State" and "phoenix_actors.tsv:" in group["source"]
    assert "MIT (Phoenix dictionaries" in group["licence"]
    # A misspelt name is read as the table's, and says so.
    result = run_cli(capsys, "roles", "Francois Mitterand", "-f", "json")
    assert json.loads(result.out)[0]["person"] == "François Mitterrand"
    assert "read as" in result.err
    # The user's own offices count.
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "roles:\n"
        "  - {country: IND, role: DM, person: Arjun Menon, start: 2030-01-15}\n"
        # the same country, office, person and start: replaces the shipped row (ends it)
        "  - {country: IND, role: DM, person: Rajnath Singh, start: 2019-05-31, end: 2030-01-14}\n"
    )
    result = run_cli(
        capsys,
        "roles",
        "--country",
        "IND",
        "--role",
        "defence minister",
        "--date",
        "2030-02",
        "--gazetteer",
        str(mine),
        "-f",
        "json",
    )
    assert [r["person"] for r in json.loads(result.out)] == ["Arjun Menon"]
    for bad in (
        ["roles"],
        ["roles", "--country", "IND", "--role", "XX"],
        ["roles", "X", "--date", "2020-13"],
    ):
        result = run_cli(capsys, *bad)
        assert result.status == 2 and result.err.count("Error") == 1
