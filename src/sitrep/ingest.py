"""Ingest: read inputs, extract records, store them — three streaming steps.

    inputs ─▶ new_documents ─▶ extract_stream ─▶ store_batches ─▶ the store
              (skip stored)    (NLP, in order)   (WRITE_BATCH documents per transaction)

Each step is a generator pulling from the one before, so memory is bounded by the batch
sizes (one lookup batch, the extractor's chunks in flight, one write batch) however long the
input. One broken input never aborts a run: it is reported through ``on_result`` and skipped.
A document already stored (same content hash) is skipped before any NLP work. Each write
batch is one transaction, so a crash loses at most the batch in progress and never leaves a
half-written document; running the same ingest again stores exactly what is missing.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from sitrep.errors import SitrepError
from sitrep.records import Document, Extraction
from sitrep.store import Store

Outcome = Literal["ingested", "skipped", "failed"]
ExtractMany = Callable[[Iterable[Document]], Iterator[Extraction]]
ResultHook = Callable[[Outcome, str], None]

LOOKUP_BATCH = 64  # inputs whose ids are looked up in the store with one query
# Documents written per transaction, and the longest a finished document waits for its
# batch (so a slow trickle of documents, as from `sitrep follow`, is still stored promptly).
# 64 documents of news are a few hundred rows per table: one round trip instead of hundreds,
# and small enough that a crash loses little work.
WRITE_BATCH = 64
WRITE_WAIT_S = 1.0


@dataclass(slots=True)
class IngestSummary:
    ingested: int = 0
    skipped: int = 0  # already stored (re-ingesting is a no-op)
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __str__(self) -> str:
        return f"{self.ingested} ingested, {self.skipped} already stored, {self.failed} failed"


@dataclass(slots=True)
class _Run:
    """What the three steps share: the store, the tally, and the documents in flight."""

    store: Store
    on_result: ResultHook | None
    summary: IngestSummary = field(default_factory=IngestSummary)
    # Ids read and found new but not yet written: the store cannot know them yet, so a
    # repeat of one later in the input is caught here. Bounded by what is in flight.
    in_flight: set[str] = field(default_factory=set)

    def report(self, outcome: Outcome, message: str) -> None:
        self.summary.count(outcome)
        if outcome == "failed":
            self.summary.errors.append(message)
        if self.on_result:
            self.on_result(outcome, message)


def ingest(
    inputs: Iterable[Document | SitrepError],
    store: Store,
    extract_many: ExtractMany,
    processed_with: str,
    *,
    on_result: ResultHook | None = None,
    write_batch: int = WRITE_BATCH,
) -> IngestSummary:
    """Store every Document in ``inputs`` that is not stored yet; count the rest."""
    run = _Run(store, on_result)
    documents = new_documents(inputs, run)
    extracted = extract_stream(documents, extract_many)
    store_batches(extracted, run, processed_with, write_batch)
    if run.summary.ingested:
        _alert_watches(store)
        _link_stories(store)
    return run.summary


def _link_stories(store: Store) -> None:
    """Stories (sitrep.stories): the new events join the stories of the events they report
    again, or start their own. Runs once the documents are committed; only events in no
    story yet are read, so an ingest never relinks the archive."""
    from sitrep.stories import link_stories

    link_stories(store)


def _alert_watches(store: Store) -> None:
    """Alerts (sitrep.alerts): watches matching what this ingest stored gain feed entries and
    call their webhooks. Runs once the documents are committed, so it can lose none of them."""
    from sitrep.alerts import check_watches

    check_watches(store)


def new_documents(inputs: Iterable[Document | SitrepError], run: _Run) -> Iterator[Document]:
    """The Documents of ``inputs`` not stored yet; read errors and repeats are reported."""
    items = iter(inputs)
    while batch := list(islice(items, LOOKUP_BATCH)):
        documents: list[Document] = []
        for item in batch:
            if isinstance(item, SitrepError):
                run.report("failed", str(item))
            else:
                documents.append(item)
        known = run.store.known_ids(d.id for d in documents)
        for document in documents:
            if document.id in known or document.id in run.in_flight:
                run.report("skipped", f"{document.source}: already stored as {document.id[:12]}")
            else:
                run.in_flight.add(document.id)
                yield document


def extract_stream(
    documents: Iterable[Document], extract_many: ExtractMany
) -> Iterator[tuple[Document, Extraction | Exception]]:
    """Each document with its records (or the exception its extraction raised), in order.

    One extractor stream serves the whole input, so worker processes never wait at batch
    boundaries. If the extractor fails, the documents it had taken but not returned are
    retried one by one (only the culprit fails) and the stream resumes after them.
    """
    source = iter(documents)
    taken: deque[Document] = deque()  # given to the extractor, records not yet returned

    def feed() -> Iterator[Document]:
        for document in source:
            taken.append(document)
            yield document

    while True:
        try:
            for extraction in extract_many(feed()):
                document = taken.popleft()
                if extraction.document.id != document.id:  # the extractor broke its contract
                    raise RuntimeError("extractor returned records out of input order")
                yield document, extraction
            return
        except Exception:  # a bug in one stage on one text must not lose the whole run
            suspects = list(taken)
            taken.clear()
            for document in suspects:
                yield document, _extract_one(document, extract_many)
            if not suspects:
                raise  # nothing was in flight: the extractor itself is broken


def _extract_one(document: Document, extract_many: ExtractMany) -> Extraction | Exception:
    try:
        return next(iter(extract_many([document])))
    except Exception as error:
        return error


def store_batches(
    extracted: Iterable[tuple[Document, Extraction | Exception]],
    run: _Run,
    processed_with: str,
    write_batch: int = WRITE_BATCH,
) -> None:
    """Write extractions ``write_batch`` at a time, each batch in one transaction."""
    batch: list[Extraction] = []
    started = time.monotonic()
    for document, extraction in extracted:
        if isinstance(extraction, Exception):
            run.in_flight.discard(document.id)
            run.report("failed", f"{document.source}: extraction failed: {extraction!r}")
            continue
        if not batch:
            started = time.monotonic()
        batch.append(extraction)
        if len(batch) >= write_batch or time.monotonic() - started >= WRITE_WAIT_S:
            _write(batch, run, processed_with)
            batch = []
    _write(batch, run, processed_with)


def _write(batch: list[Extraction], run: _Run, processed_with: str) -> None:
    """One transaction for the batch; if it fails, one per document, so only a culprit fails."""
    if not batch:
        return
    try:
        stored = run.store.add_many(batch, processed_with)
    except Exception:
        stored = []
        for extraction in batch:
            try:
                stored.append(run.store.add(extraction, processed_with))
            except Exception as error:
                stored.append(False)
                document = extraction.document
                run.in_flight.discard(document.id)
                run.report("failed", f"{document.source}: could not be stored: {error!r}")
                continue
    for extraction, new in zip(batch, stored, strict=True):
        document = extraction.document
        if document.id not in run.in_flight:
            continue  # failed above, already reported
        run.in_flight.discard(document.id)
        if new:
            run.report("ingested", f"{document.source}: {document.id[:12]}")
        else:
            run.report("skipped", f"{document.source}: already stored as {document.id[:12]}")
