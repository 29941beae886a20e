"""Documents in, Extraction records out: the NLP layer behind one small interface.

:class:`Extractor` runs the spaCy pipeline over documents in batches (``nlp.pipe``).
:class:`ParallelExtractor` runs the same per-chunk function in several worker processes. We
use our own process pool rather than ``nlp.pipe(n_process=...)`` because spaCy sends Docs
back from its workers with ``Doc.to_bytes``, which cannot carry our record objects; shipping
finished records instead is also what lets the same function run on Dask partitions.

Limits (``sitrep.limits``): a text over ``config.max_chars`` is refused with E114 before
spaCy sees it, and a document that stays in the pipeline longer than ``config.timeout`` is
stopped with E116. Worker processes end themselves when their parent dies, even by SIGKILL,
so no worker outlives an interrupted ingest.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import E, InputError
from sitrep.limits import OverTime, time_limit
from sitrep.nlp.pipeline import PipelineConfig, build_pipeline
from sitrep.records import Document, Extraction, Sentence


class Extractor:
    """A built pipeline plus the conversion of its Docs into records."""

    def __init__(self, config: PipelineConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = nlp if nlp is not None else build_pipeline(self.config)

    @property
    def version(self) -> str:
        """Which model and stages produced the records (stored with each document)."""
        meta = self.nlp.meta
        return f"{meta['lang']}_{meta['name']}-{meta['version']}+" + ",".join(self.nlp.pipe_names)

    def make_doc(self, document: Document) -> Doc:
        limit = self.config.max_chars
        if limit is not None and len(document.text) > limit:
            raise InputError(
                E.TOO_LONG, source=_name(document), length=len(document.text), limit=limit
            )
        doc = self.nlp.make_doc(document.text)
        doc._.dct = document.day
        doc._.document_id = document.id
        return doc

    def extract(self, document: Document) -> Extraction:
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Records for each document, in input order, one ``batch_size`` batch at a time.

        Each batch runs inside ``nlp.memory_zone()``: the strings and lexemes spaCy adds to
        its vocabulary for new words are freed after the batch (the records hold plain
        Python strings), so a worker's memory stays flat over millions of articles instead
        of growing with every new name it meets.
        """
        documents = iter(documents)
        while batch := list(islice(documents, self.config.batch_size)):
            with self.nlp.memory_zone():
                extractions = list(self._extract_batch(batch))
            yield from extractions

    def _extract_batch(self, batch: list[Document]) -> Iterator[Extraction]:
        """The records of one batch, each document within the time limit.

        The limit runs while the pipeline works towards the next document: between two
        results our stages run for one document (spaCy's model has tagged the whole batch
        before the first), so the limit is per document.
        """
        pairs = ((self.make_doc(document), document) for document in batch)
        results = self.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.batch_size)
        for late in batch:
            try:
                with time_limit(self.config.timeout):
                    doc, document = next(results)
            except StopIteration:
                return
            except OverTime:
                raise InputError(
                    E.TIMEOUT, source=_name(late), seconds=self.config.timeout
                ) from None
            yield extraction_from_doc(doc, document)


def _name(document: Document) -> str:
    return document.source or document.id[:12]


def extraction_from_doc(doc: Doc, document: Document) -> Extraction:
    """Collect what the stages wrote on ``doc`` into plain records."""
    return Extraction(
        document=document,
        sentences=[Sentence(s.start_char, s.end_char) for s in doc.sents],
        time_expressions=list(doc._.time_expressions or []),
        entities=list(doc._.entities or []),
        mentions=list(doc._.mentions or []),
        events=list(doc._.events or []),
        transfers=list(doc._.transfers or []),
    )


# --- several processes -------------------------------------------------------------------

_worker_extractor: Extractor | None = None


def _start_worker(config: PipelineConfig, parent: int) -> None:
    global _worker_extractor
    _end_with_parent(parent)
    _worker_extractor = Extractor(config)


def _end_with_parent(parent: int, interval: float = 0.2) -> None:
    """End this worker within ``interval`` seconds of the death of ``parent`` (the process
    that made the pool: a spawned worker imports for seconds before it gets here, and its
    parent may already be gone, so the id is passed in rather than read now).

    A parent killed by SIGKILL cannot shut its pool down, and a worker busy with a chunk
    would otherwise live on, holding memory, until the chunk is done. Polling the parent id
    works everywhere (on its death the worker is re-parented), unlike Linux's
    PR_SET_PDEATHSIG, which fires when the parent *thread* that started the worker ends.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)  # no clean-up: the work belongs to a parent that is gone

    threading.Thread(target=watch, name="sitrep-parent-watch", daemon=True).start()


def _extract_chunk(documents: list[Document]) -> list[Extraction]:
    assert _worker_extractor is not None, "worker was not initialised"
    return list(_worker_extractor.extract_many(documents))


def _worker_version() -> str:
    assert _worker_extractor is not None, "worker was not initialised"
    return _worker_extractor.version


class ParallelExtractor:
    """:meth:`Extractor.extract_many` over several worker processes, results in input order.

    The workers load the pipeline once and live until :meth:`close`. At most two chunks per
    worker are in flight, so memory stays flat however long the input.
    """

    def __init__(
        self, config: PipelineConfig | None = None, *, processes: int = 2, chunk_size: int = 16
    ) -> None:
        self.config = config or PipelineConfig()
        self.processes = processes
        self.chunk_size = chunk_size
        self._pool = self._start_pool()
        # One call per worker: the pool starts processes on demand, and a worker started by
        # the first chunks would load the model in the middle of the run.
        versions = [self._pool.submit(_worker_version) for _ in range(processes)]
        self.version = versions[0].result()
        for version in versions[1:]:
            version.result()

    def _start_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.processes,
            # "spawn": forking a process that has loaded spaCy's BLAS threads is not safe.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.config, os.getpid()),
        )

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        documents = iter(documents)
        pending: deque[Future[list[Extraction]]] = deque()
        try:
            while True:
                while len(pending) < 2 * self.processes:
                    chunk = list(islice(documents, self.chunk_size))
                    if not chunk:
                        break
                    pending.append(self._pool.submit(_extract_chunk, chunk))
                if not pending:
                    return
                try:
                    chunk_result = pending.popleft().result()
                except BrokenProcessPool:
                    # A worker died (killed, out of memory): a fresh pool for what comes
                    # next; the caller retries this chunk's documents one by one.
                    self._pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = self._start_pool()
                    raise
                yield from chunk_result
        finally:
            for future in pending:  # abandoned (a failure, or the caller stopped reading)
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> ParallelExtractor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
