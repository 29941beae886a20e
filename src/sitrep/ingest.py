"""Ingest: read inputs, extract records, store them — three streaming steps.

    inputs ─▶ new_documents ─▶ extract_stream ─▶ store_batches ─▶ the store
              (skip stored)    (NLP, in order)   (WRITE_BATCH documents per transaction)

Each step is a generator pulling from the one before, so memory is bounded by the batch
sizes (one lookup batch, the extractor's chunks in flight, one write batch) however long the
input. One broken input never aborts a run: it is reported through ``on_result`` (and its
coded error through ``on_error``) and skipped; that includes a document the pipeline or the
database fails on (E116, E117, E199). A document already stored (same content hash) is
skipped before any NLP work, and a document is reported "already stored" only once it is in
the store: when two inputs carry the same text and the first fails, the second is tried in
its turn. Each write batch is one transaction, so a crash loses at most the batch in
progress and never leaves a half-written document; running the same ingest again stores
exactly what is missing.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from sitrep.errors import ConfigError, InputError, SitrepError, unexpected
from sitrep.records import Document, Extraction
from sitrep.store import Store

Outcome = Literal["ingested", "skipped", "failed"]
ExtractMany = Callable[[Iterable[Document]], Iterator[Extraction]]
ResultHook = Callable[[Outcome, str], None]
ErrorHook = Callable[[SitrepError], None]

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
    on_error: ErrorHook | None = None
    summary: IngestSummary = field(default_factory=IngestSummary)
    # Ids read and found new but not yet written: the store cannot know them yet, so a
    # repeat of one later in the input is caught here. Bounded by what is in flight.
    in_flight: set[str] = field(default_factory=set)
    # Repeats of an id in flight, waiting to hear whether it was stored.
    waiting: dict[str, list[Document]] = field(default_factory=dict)
    # Repeats whose first copy failed: each gets its own try after the stream.
    retry: list[Document] = field(default_factory=list)

    def report(self, outcome: Outcome, message: str) -> None:
        self.summary.count(outcome)
        if outcome == "failed":
            self.summary.errors.append(message)
        if self.on_result:
            self.on_result(outcome, message)

    def failed(self, error: SitrepError) -> None:
        self.report("failed", str(error))
        if self.on_error:
            self.on_error(error)

    def already_stored(self, document: Document) -> None:
        self.report("skipped", f"{document.source}: already stored as {document.id[:12]}")

    def settle(self, document: Document, *, stored: bool) -> None:
        """``document`` was written (or found stored), or failed: its repeats learn which."""
        self.in_flight.discard(document.id)
        repeats = self.waiting.pop(document.id, [])
        if stored:
            for repeat in repeats:
                self.already_stored(repeat)
        elif repeats:  # not stored: the next copy is tried, the others wait for it
            self.retry.append(repeats[0])
            if repeats[1:]:
                self.waiting[document.id] = repeats[1:]


def ingest(
    inputs: Iterable[Document | SitrepError],
    store: Store,
    extract_many: ExtractMany,
    processed_with: str,
    *,
    on_result: ResultHook | None = None,
    on_error: ErrorHook | None = None,
    write_batch: int = WRITE_BATCH,
) -> IngestSummary:
    """Store every Document in ``inputs`` that is not stored yet; count the rest.

    ``on_result`` hears every outcome with its message; ``on_error`` also gets each
    failure's coded error (whose ``details`` hold the traceback of an unexpected one).
    """
    run = _Run(store, on_result, on_error)
    documents = new_documents(inputs, run)
    store_batches(extract_stream(documents, extract_many), run, processed_with, write_batch)
    while run.retry:  # rare: the same text twice, and its first copy failed
        again, run.retry = run.retry, []
        run.in_flight.update(d.id for d in again)
        store_batches(extract_stream(again, extract_many), run, processed_with, write_batch)
    if run.summary.ingested:
        after_storing(store)
    return run.summary


def after_storing(store: Store) -> None:
    """What every way of storing new documents (ingest, follow, load) does once they are
    committed: watches get their alerts, and the new events join stories."""
    _alert_watches(store)
    _link_stories(store)


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
                run.failed(item)
            else:
                documents.append(item)
        known = run.store.known_ids(d.id for d in documents)
        for document in documents:
            if document.id in known:
                run.already_stored(document)
            elif document.id in run.in_flight:
                run.waiting.setdefault(document.id, []).append(document)
            else:
                run.in_flight.add(document.id)
                yield document


def extract_stream(
    documents: Iterable[Document], extract_many: ExtractMany
) -> Iterator[tuple[Document, Extraction | SitrepError]]:
    """Each document with its records (or the coded error its extraction ended in), in order.

    One extractor stream serves the whole input, so worker processes never wait at batch
    boundaries. If the extractor fails, the documents it had taken but not returned are
    retried one by one (only the culprit fails, with its own error: a timeout E116, or E199
    naming it for anything unforeseen) and the stream resumes after them.
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
        except ConfigError:
            raise  # the pipeline cannot run at all (a missing model): no document's fault
        except Exception:  # a bug in one stage on one text must not lose the whole run
            suspects = list(taken)
            taken.clear()
            for document in suspects:
                yield document, _extract_one(document, extract_many)
            if not suspects:
                raise  # nothing was in flight: the extractor itself is broken


def _extract_one(document: Document, extract_many: ExtractMany) -> Extraction | SitrepError:
    try:
        return next(iter(extract_many([document])))
    except ConfigError:
        raise
    except InputError as error:
        return error
    except Exception as error:
        return unexpected(error, source=document.source or document.id, stage="extracting")


def store_batches(
    extracted: Iterable[tuple[Document, Extraction | SitrepError]],
    run: _Run,
    processed_with: str,
    write_batch: int = WRITE_BATCH,
) -> None:
    """Write extractions ``write_batch`` at a time, each batch in one transaction."""
    batch: list[Extraction] = []
    started = time.monotonic()
    for document, extraction in extracted:
        if isinstance(extraction, SitrepError):
            run.failed(extraction)
            run.settle(document, stored=False)
            continue
        if not batch:
            started = time.monotonic()
        batch.append(extraction)
        if len(batch) >= write_batch or time.monotonic() - started >= WRITE_WAIT_S:
            _write(batch, run, processed_with)
            batch = []
    _write(batch, run, processed_with)


def _write(batch: list[Extraction], run: _Run, processed_with: str) -> None:
    """One transaction for the batch; if it fails, one per document, so only a culprit fails.

    A failure of the database as a whole (E212 locked, E215 full or gone) ends the run: no
    other document could be stored either.
    """
    if not batch:
        return
    try:
        stored = run.store.add_many(batch, processed_with)
    except ConfigError:
        raise
    except Exception:
        stored = []
        for extraction in batch:
            document = extraction.document
            try:
                stored.append(run.store.add(extraction, processed_with))
            except ConfigError:
                raise
            except Exception as error:
                coded = (
                    error
                    if isinstance(error, InputError)
                    else unexpected(error, source=document.source or document.id, stage="storing")
                )
                stored.append(None)
                run.failed(coded)
                run.settle(document, stored=False)
    for extraction, new in zip(batch, stored, strict=True):
        document = extraction.document
        if new is None:
            continue  # failed above, already reported
        if new:
            run.report("ingested", f"{document.source}: {document.id[:12]}")
        else:
            run.already_stored(document)
        run.settle(document, stored=True)
