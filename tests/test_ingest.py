"""The ingest pipeline: batched writes, repeats, and failures isolated to their document.

The extractor is the real pipeline (one per module); faults are injected around it or into
the records, and the store is a real SQLite file and a real PostgreSQL server.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sitrep.errors import E, InputError
from sitrep.extractor import Extractor
from sitrep.ingest import Outcome, ingest
from sitrep.readers import read_paths
from sitrep.records import Document, Extraction
from sitrep.store import open_store, schema

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def articles(shared_dir: Path) -> list[Document]:
    folder = shared_dir / "data" / "newswire-silver"
    paths = sorted(folder.glob("AFP_ENG_19970401.*.tml"))[:10]
    documents = [d for d in read_paths(paths) if isinstance(d, Document)]
    assert len(documents) == 10
    return documents


def _contents(url: str) -> dict[str, list[str]]:
    """Every table's rows as JSON, without the columns that differ between two runs."""
    volatile = {"id", "ingested_at", "updated_at"}  # updated_at: when a story last changed
    with open_store(url) as store, store.engine.connect() as connection:
        return {
            table.name: sorted(
                json.dumps(
                    {k: v for k, v in row._mapping.items() if k not in volatile},
                    sort_keys=True,
                    default=str,
                )
                for row in connection.execute(select(table))
            )
            for table in schema.metadata.sorted_tables
        }


def test_batched_writes_store_what_one_document_at_a_time_stores(
    store_url: str, tmp_path: Path, extractor: Extractor, articles: list[Document]
) -> None:
    one_by_one = f"sqlite:///{tmp_path / 'one.db'}"
    with open_store(one_by_one) as store:
        summary = ingest(articles, store, extractor.extract_many, "v", write_batch=1)
    assert summary.ingested == 10
    with open_store(store_url) as store:
        summary = ingest(articles, store, extractor.extract_many, "v", write_batch=4)
    assert (summary.ingested, summary.skipped, summary.failed) == (10, 0, 0)
    assert _contents(store_url) == _contents(one_by_one)
    assert _contents(store_url)["events"], "real records were written"


def test_repeats_in_the_input_and_in_the_store_are_skipped_without_work(
    store_url: str, extractor: Extractor, articles: list[Document]
) -> None:
    extracted: list[str] = []

    def counting(documents: Iterable[Document]) -> Iterator[Extraction]:
        for extraction in extractor.extract_many(documents):
            extracted.append(extraction.document.id)
            yield extraction

    first, rest = articles[:3], articles[3:6]
    stream = [*first, first[0], *rest, first[1]]  # repeats within one run, across batches
    with open_store(store_url) as store:
        summary = ingest(first, store, counting, "v")
        assert summary.ingested == 3
        summary = ingest(stream, store, counting, "v", write_batch=2)
        assert (summary.ingested, summary.skipped, summary.failed) == (3, 5, 0)
        assert store.count_documents() == 6
    assert sorted(extracted) == sorted(d.id for d in articles[:6])  # each extracted once


def test_a_failing_document_fails_alone(
    store_url: str, extractor: Extractor, articles: list[Document]
) -> None:
    culprit = articles[4]

    def fragile(documents: Iterable[Document]) -> Iterator[Extraction]:
        for extraction in extractor.extract_many(documents):
            if extraction.document.id == culprit.id:
                raise ValueError("a stage bug on this text")
            yield extraction

    outcomes: list[tuple[Outcome, str]] = []
    inputs = [*articles[:7], InputError(E.NO_DATE, source="undated.txt")]
    with open_store(store_url) as store:
        summary = ingest(
            inputs,
            store,
            fragile,
            "v",
            on_result=lambda outcome, message: outcomes.append((outcome, message)),
        )
        assert (summary.ingested, summary.failed) == (6, 2)
        assert culprit.id not in store.known_ids([culprit.id])
    failures = [message for outcome, message in outcomes if outcome == "failed"]
    assert any("E105" in m and "undated.txt" in m for m in failures)
    assert any(str(culprit.source) in m and "a stage bug" in m for m in failures)


def test_a_document_the_database_rejects_fails_alone_and_the_batch_is_kept(
    store_url: str, extractor: Extractor, articles: list[Document]
) -> None:
    culprit = articles[2]

    def with_a_broken_record(documents: Iterable[Document]) -> Iterator[Extraction]:
        for extraction in extractor.extract_many(documents):
            if extraction.document.id == culprit.id:
                assert extraction.mentions
                extraction.mentions[0].label = None  # type: ignore[assignment]  # NOT NULL
            yield extraction

    with open_store(store_url) as store:
        summary = ingest(articles[:5], store, with_a_broken_record, "v", write_batch=5)
        assert (summary.ingested, summary.failed) == (4, 1)
        assert "could not be stored" in summary.errors[0]
        assert store.known_ids(d.id for d in articles[:5]) == {
            d.id for d in articles[:5] if d is not culprit
        }
        # The culprit left nothing behind: no document row, no records.
        with store.engine.connect() as connection:
            for table in (schema.mentions, schema.time_expressions, schema.events):
                rows = connection.execute(
                    select(table.c.id).where(table.c.document_id == culprit.id)
                ).all()
                assert rows == []
