"""`sitrep stories`, `sitrep story ID`, `sitrep link` and `sitrep export --view` as a user runs
them, on a SQLite file holding hand-built reports of two visits."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from clirunner import run_cli
from sitrep.store import open_store
from storykit import visit_reports

pytestmark = pytest.mark.model  # linking uses the word vectors of en_core_web_md


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "stories.db")
    with open_store(path) as store:
        for item in visit_reports():
            store.add(item, "test")
    return path


def test_link_then_list_and_show_stories(capsys: pytest.CaptureFixture[str], db: str) -> None:
    before = run_cli(capsys, "--db", db, "stories")
    assert before.status == 0 and "5 events are in no story yet: run `sitrep link`" in before.err
    linked = run_cli(capsys, "--db", db, "link")
    assert linked.status == 0 and "5 events linked: 2 new stories" in linked.out
    listed = run_cli(capsys, "--db", db, "stories", "--format", "json")
    stories = json.loads(listed.out)
    assert [(s["date"], s["mentions"], s["sources"]) for s in stories] == [
        ("2020-06-22", 4, 4),
        ("2020-07-23", 1, 1),
    ]
    assert listed.err == ""
    table = run_cli(capsys, "--db", db, "stories", "--min-sources", "2")
    assert stories[0]["id"] in table.out and stories[1]["id"] not in table.out
    rows = list(
        csv.DictReader(
            io.StringIO(
                run_cli(capsys, "--db", db, "stories", "--conflicts", "--format", "csv").out
            )
        )
    )
    assert [(r["story"], r["conflicts"]) for r in rows] == [(stories[0]["id"], "time")]

    shown = run_cli(capsys, "--db", db, "story", stories[0]["id"][:6])
    assert shown.status == 0
    assert "4 reports in 4 articles from 4 sources, 2020-06-22 to 2020-06-24" in shown.out
    assert "Reports disagree on time" in shown.out and "tass.com" in shown.out
    detail = json.loads(run_cli(capsys, "--db", db, "story", stories[0]["id"], "-f", "json").out)
    assert len(detail[0]["reports"]) == 4
    missing = run_cli(capsys, "--db", db, "story", "ffffffffffff0")
    assert missing.status == 2 and "E220" in missing.err

    rebuilt = run_cli(capsys, "--db", db, "link", "--rebuild")
    assert "5 events linked: 2 new stories" in rebuilt.out
    again = json.loads(run_cli(capsys, "--db", db, "stories", "--format", "json").out)
    assert [s["id"] for s in again] == [s["id"] for s in stories]


def test_exports_offer_stories_and_mentions(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run_cli(capsys, "--db", db, "link")
    stories = list(
        csv.DictReader(
            io.StringIO(
                run_cli(capsys, "--db", db, "export", "--view", "stories", "--format", "csv").out
            )
        )
    )
    assert [(r["reports"], r["sources"]) for r in stories] == [("4", "4"), ("1", "1")]
    mentions = list(
        csv.DictReader(io.StringIO(run_cli(capsys, "--db", db, "export", "--format", "csv").out))
    )
    assert len(mentions) == 5
    assert {m["story_id"] for m in mentions} == {s["story_id"] for s in stories}
    lines = run_cli(capsys, "--db", db, "export", "--view", "stories").out.splitlines()
    assert [len(json.loads(line)["reports"]) for line in lines] == [4, 1]
    out = tmp_path / "stories.parquet"
    result = run_cli(
        capsys, "--db", db, "export", "--view", "stories", "-f", "parquet", "-o", str(out)
    )
    assert result.status == 0 and "2 stories written" in result.out
    assert pq.read_table(out).column("sources").to_pylist() == [4, 1]
