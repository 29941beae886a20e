"""Ingest: read inputs, extract records, store each document in its own transaction.

One broken input never aborts a batch: it is counted, reported through ``on_result`` and
skipped. A document already in the store (same content hash) is skipped without work.
"""

from __future__ import annotations

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

BATCH_SIZE = 64  # documents looked up and extracted together; small enough to keep memory flat


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


def ingest(
    inputs: Iterable[Document | SitrepError],
    store: Store,
    extract_many: ExtractMany,
    processed_with: str,
    *,
    on_result: ResultHook | None = None,
) -> IngestSummary:
    """Store every Document in ``inputs`` that is not stored yet; count the rest."""
    summary = IngestSummary()

    def report(outcome: Outcome, message: str) -> None:
        summary.count(outcome)
        if outcome == "failed":
            summary.errors.append(message)
        if on_result:
            on_result(outcome, message)

    seen: set[str] = set()
    items = iter(inputs)
    while batch := list(islice(items, BATCH_SIZE)):
        documents: list[Document] = []
        for item in batch:
            if isinstance(item, SitrepError):
                report("failed", str(item))
            else:
                documents.append(item)
        known = store.known_ids(d.id for d in documents)
        new: list[Document] = []
        for document in documents:
            if document.id in known or document.id in seen:
                report("skipped", f"{document.source}: already stored as {document.id[:12]}")
            else:
                seen.add(document.id)
                new.append(document)
        for document, extraction in _extract_each(new, extract_many):
            if isinstance(extraction, Exception):
                report("failed", f"{document.source}: extraction failed: {extraction!r}")
            elif store.add(extraction, processed_with):
                report("ingested", f"{document.source}: {document.id[:12]}")
            else:
                report("skipped", f"{document.source}: already stored as {document.id[:12]}")
    if summary.ingested:
        _alert_watches(store)
    return summary


def _alert_watches(store: Store) -> None:
    """Alerts (sitrep.alerts): watches matching what this ingest stored gain feed entries and
    call their webhooks. Runs once the documents are committed, so it can lose none of them."""
    from sitrep.alerts import check_watches

    check_watches(store)


def _extract_each(
    documents: list[Document], extract_many: ExtractMany
) -> Iterator[tuple[Document, Extraction | Exception]]:
    """Extract a batch as a stream (each document is stored as soon as it is done).

    If the pipeline fails part-way, the rest is retried one by one so only the culprit fails.
    """
    done = 0
    try:
        for extraction in extract_many(documents):
            yield documents[done], extraction
            done += 1
    except Exception:  # a bug in one stage on one text must not lose the whole batch
        for document in documents[done:]:
            try:
                yield document, next(iter(extract_many([document])))
            except Exception as error:
                yield document, error
