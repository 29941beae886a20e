"""Batch partitions: cutting inputs and reading them back gives what ingest's readers give."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.batch.partitions import plan, read_partition
from sitrep.errors import InputError
from sitrep.readers import read_paths
from sitrep.readers.fields import resolve_columns

COLUMNS = resolve_columns(None)


def _read_all(inputs: list[str], size: int) -> list[object]:
    partitions, errors = plan(inputs, size)
    assert errors == []
    found: list[object] = []
    for partition in partitions:
        found += list(read_partition(partition, date=None, columns=COLUMNS))
    return found


def _key(item: object) -> tuple[str, str]:
    if isinstance(item, InputError):
        return ("error", str(item))
    return (item.id, f"{item.source} {item.date} {item.title}")  # type: ignore[attr-defined]


def test_jsonl_line_ranges_keep_line_numbers_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"date": f"2021-01-0{n}", "title": f"T{n}", "text": f"Story number {n}."})
        for n in range(1, 8)
    ]
    lines.insert(3, "")  # a blank line
    lines.insert(5, "{not json")  # a broken line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    partitions, _ = plan([str(path)], 3)
    assert [p.first_line for p in partitions] == [1, 4, 8]  # 3 non-blank lines each
    assert sum(p.estimate for p in partitions) == 8
    expected = [_key(d) for d in read_paths([path])]
    assert [_key(d) for d in _read_all([str(path)], 3)] == expected
    assert any("news.jsonl:6" in key[1] and "E108" in key[1] for key in expected)


def test_parquet_row_groups_are_partitions(tmp_path: Path) -> None:
    rows = [{"date": "2021-02-01", "body": f"Talks number {n} were held."} for n in range(5)]
    rows.append({"date": None, "body": "An undated story."})
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=2)
    partitions, _ = plan([str(path)], 100)
    assert [(p.start, p.first_line) for p in partitions] == [(0, 1), (1, 3), (2, 5)]
    columns = resolve_columns({"text": "body"})
    read = [r for p in partitions for r in read_partition(p, date=None, columns=columns)]
    assert [getattr(r, "source", None) for r in read[:5]] == [f"{path}:{n}" for n in range(1, 6)]
    assert isinstance(read[5], InputError) and read[5].code == "E105"


def test_folders_urls_and_bad_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("date: 2021-03-01\n\nIndia and Russia held talks.")
    (folder / "sub" / "b.txt").write_text("date: 2021-03-02\n\nFrance sold jets.")
    (folder / ".hidden.txt").write_text("date: 2021-03-03\n\nNot to be read.")
    (folder / "notes.md").write_text("not an article type")
    local = _read_all([str(folder)], 1)
    assert [_key(d) for d in local] == [_key(d) for d in read_paths([folder])]
    by_url = _read_all([folder.as_uri()], 10)
    assert [getattr(d, "id", None) for d in by_url] == [getattr(d, "id", None) for d in local]
    assert getattr(by_url[0], "source", "").startswith("file://")

    _, errors = plan([str(tmp_path / "missing"), str(folder / "notes.md")], 10)
    assert [e.code for e in errors] == ["E112", "E111"]
