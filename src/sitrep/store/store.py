"""The store: documents and their records in SQLite (default) or PostgreSQL.

Writes are transactional per document: a document and all its records are committed
together or not at all, so an ingest killed half-way leaves no half-written document.
Several processes may write one database at once (see ``engine.py`` for the locking); a
document that cannot be stored fails alone (E117) and the batch goes on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    IntegrityError,
    OperationalError,
    StatementError,
)

from sitrep.errors import ConfigError, E, InputError, NotFoundError
from sitrep.records import (
    Document,
    Entity,
    Event,
    Extraction,
    Mention,
    TimeExpression,
    Transfer,
    from_json_dict,
    storable_text,
    to_json_dict,
)
from sitrep.store import schema
from sitrep.store.engine import connect_args, retry_busy, sqlite_pragmas, upgrade
from sitrep.store.queries import DocumentSummary, EventQuery, StoredEvent, event_filters
from sitrep.store.rows import (
    document_from_row,
    document_row,
    event_row,
    mention_row,
    record_counts,
    timex_row,
    transfer_row,
)

DEFAULT_URL = "sqlite:///sitrep.db"


def database_url(url: str | None = None) -> str:
    """The URL to use: ``url``, else ``$SITREP_DB``, else ``./sitrep.db``.

    A plain file path (``my.db``) is taken as a SQLite file.
    """
    url = url or os.environ.get("SITREP_DB") or DEFAULT_URL
    return url if "://" in url else f"sqlite:///{url}"


# A document id is a SHA-256 in hex; a prefix of anything else matches nothing.
_ID_PREFIX = re.compile(r"[0-9a-f]{1,64}")
# Punctuation around a search word is sentence punctuation ("Moscow," "(S-400)"); any other
# punctuation in it ("S-400", "F-16", "U.S", "20%") must appear as written, since the
# full-text index splits such a word into words ("s", "400") that other text also has.
_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}«»“”‘’"
_NOT_A_WORD_CHARACTER = re.compile(r"[\W_]")  # FTS5 splits words at "_" too


# C0 and C1 control characters (tab and newline included: a search is one line).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Store:
    """Documents and records in one database. Use :func:`open_store` to get one."""

    def __init__(self, engine: Engine, url: str | None = None) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.url = url or engine.url.render_as_string(hide_password=True)

    # --- set-up --------------------------------------------------------------------

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to the latest Alembic revision (a no-op when it is there).

        Safe when several processes open a new database at once: see ``engine.upgrade``.
        """
        upgrade(self.engine, url=self.url, revision=revision)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are already stored."""
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as connection:
            for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
                chunk = ids[i : i + 500]
                found.update(
                    connection.scalars(
                        select(schema.documents.c.id).where(schema.documents.c.id.in_(chunk))
                    )
                )
        return found

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of ``urls`` are the URL of a stored document (feed items already read)."""
        urls = list(urls)
        found: set[str] = set()
        with self.engine.connect() as connection:
            for i in range(0, len(urls), 500):
                chunk = urls[i : i + 500]
                found.update(
                    connection.scalars(
                        select(schema.documents.c.url).where(schema.documents.c.url.in_(chunk))
                    )
                )
        return found

    def add(self, extraction: Extraction, processed_with: str) -> bool:
        """Store a document with its records in one transaction; False if already stored.

        Raises ``InputError(E.NOT_STORED)`` when the database refuses this document (a value
        it cannot hold): nothing of it is stored and other documents are unaffected.
        """
        document = extraction.document

        def write() -> None:
            with self.engine.begin() as connection:
                connection.execute(
                    insert(schema.documents).values(
                        document_row(
                            document, datetime.now(UTC), record_counts(extraction, processed_with)
                        )
                    )
                )
                self._insert_records(connection, [extraction])

        try:
            retry_busy(write, url=self.url)
        except IntegrityError as error:
            if document.id in self.known_ids([document.id]):
                return False  # stored meanwhile by another process: same content, nothing lost
            raise self._not_stored(document, error) from error
        except OperationalError as error:  # the database as a whole (gone, full, read-only)
            raise ConfigError(E.DATABASE_FAILED, url=self.url, reason=str(error.orig)) from error
        except (DatabaseError, StatementError) as error:
            raise self._not_stored(document, error) from error
        return True

    def add_many(self, extractions: Sequence[Extraction], processed_with: str) -> list[bool]:
        """Store several documents with their records in one transaction (batched ingest).

        Returns, per extraction, whether it was stored now (False: already stored, or the
        same document earlier in ``extractions``). All or nothing: a crash or an error
        leaves none of the batch, so no document is ever half-written; the caller retries
        a failed batch one document at a time (:meth:`add`) to find the culprit. A failure
        of the database as a whole (read-only, full, gone) is E215.
        """
        if not extractions:
            return []
        now = datetime.now(UTC)
        first: dict[str, Extraction] = {}
        for extraction in extractions:
            first.setdefault(extraction.document.id, extraction)
        rows = [
            document_row(e.document, now, record_counts(e, processed_with)) for e in first.values()
        ]
        docs = schema.documents

        def write() -> set[str]:
            with self.engine.begin() as connection:
                # ON CONFLICT DO NOTHING ... RETURNING: only the documents inserted now come
                # back, so a document stored meanwhile by another process is skipped.
                inserted = set(
                    connection.scalars(
                        self.dialect_insert(docs)
                        .on_conflict_do_nothing(index_elements=["id"])
                        .returning(docs.c.id),
                        rows,
                    )
                )
                new = [e for e in first.values() if e.document.id in inserted]
                self._insert_records(connection, new)
            return inserted

        try:
            inserted = retry_busy(write, url=self.url)
        except OperationalError as error:
            raise ConfigError(E.DATABASE_FAILED, url=self.url, reason=str(error.orig)) from error
        stored: list[bool] = []
        for extraction in extractions:
            doc_id = extraction.document.id
            stored.append(doc_id in inserted and first.get(doc_id) is extraction)
        return stored

    def dialect_insert(self, table: Any) -> Any:
        """The dialect's INSERT (with ``on_conflict_do_nothing``)."""
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        return dialect_insert(table)

    @staticmethod
    def _not_stored(document: Document, error: StatementError) -> InputError:
        reason = str(error.orig if error.orig is not None else error).strip().splitlines()[0]
        return InputError(E.NOT_STORED, source=document.source or document.id[:12], reason=reason)

    def replace_records(self, extraction: Extraction, processed_with: str) -> None:
        """Swap a stored document's records for new ones (``sitrep reprocess``), atomically."""
        document_id = extraction.document.id

        def write() -> None:
            with self.engine.begin() as connection:
                for table in (
                    schema.time_expressions,
                    schema.mentions,
                    schema.events,
                    schema.transfers,
                ):
                    connection.execute(delete(table).where(table.c.document_id == document_id))
                connection.execute(
                    schema.documents.update()
                    .where(schema.documents.c.id == document_id)
                    .values(**record_counts(extraction, processed_with))
                )
                self._insert_records(connection, [extraction])

        try:
            retry_busy(write, url=self.url)
        except OperationalError as error:
            raise ConfigError(E.DATABASE_FAILED, url=self.url, reason=str(error.orig)) from error

    def _insert_records(self, connection: Connection, extractions: Sequence[Extraction]) -> None:
        """The records of ``extractions`` (documents already inserted), one statement a table."""
        # As if added one by one: within a document its last description of an entity, across
        # documents the first document's (a stored entity is never overwritten).
        entities: dict[str, Entity] = {}
        for extraction in extractions:
            for entity_id, entity in {e.id: e for e in extraction.entities}.items():
                entities.setdefault(entity_id, entity)
        if entities:
            self._insert_new_entities(connection, list(entities.values()))
        rows: list[tuple[Any, list[dict[str, Any]]]] = [
            (
                schema.time_expressions,
                [timex_row(x.document.id, t) for x in extractions for t in x.time_expressions],
            ),
            (
                schema.mentions,
                [mention_row(x.document.id, m) for x in extractions for m in x.mentions],
            ),
            (schema.events, [event_row(x.document, e) for x in extractions for e in x.events]),
            (
                schema.transfers,
                [transfer_row(x.document.id, t) for x in extractions for t in x.transfers],
            ),
        ]
        for table, values in rows:
            if values:
                connection.execute(insert(table), values)

    def _insert_new_entities(self, connection: Connection, entities: Sequence[Entity]) -> None:
        """Insert entities not yet known; a known entity keeps its first description."""
        values = [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "country": e.country,
                "record": to_json_dict(e),
            }
            for e in {e.id: e for e in entities}.values()
        ]
        connection.execute(
            self.dialect_insert(schema.entities).on_conflict_do_nothing(index_elements=["id"]),
            values,
        )

    # --- reading ---------------------------------------------------------------------

    def count_documents(self) -> int:
        with self.engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(schema.documents)) or 0

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix`` (any case)."""
        docs = schema.documents
        wanted = prefix.strip().lower()
        if not _ID_PREFIX.fullmatch(wanted):  # "%" or "_" are no wildcards: nothing matches
            raise NotFoundError(E.NO_DOCUMENT, doc_id=prefix)
        matches = docs.c.id.startswith(wanted, autoescape=True)
        with self.engine.connect() as connection:
            ids = list(connection.scalars(select(docs.c.id).where(matches).limit(2)))
        if not ids:
            raise NotFoundError(E.NO_DOCUMENT, doc_id=prefix)
        if len(ids) > 1:
            with self.engine.connect() as connection:
                count = connection.scalar(select(func.count()).where(matches))
            raise NotFoundError(E.AMBIGUOUS_ID, doc_id=prefix, count=count)
        return ids[0]

    def document(self, doc_id: str) -> Document:
        docs = schema.documents
        with self.engine.connect() as connection:
            row = connection.execute(select(docs).where(docs.c.id == self.resolve_id(doc_id))).one()
        return document_from_row(row._mapping)

    def extraction(self, doc_id: str) -> Extraction:
        """A stored document with all its records, as :class:`Extraction`."""
        document = self.document(doc_id)
        with self.engine.connect() as connection:

            def records(table: Any) -> list[Any]:
                return list(
                    connection.execute(
                        select(table).where(table.c.document_id == document.id).order_by(table.c.id)
                    )
                )

            mentions = [
                Mention(r.text, r.start_char, r.end_char, r.label, r.entity_id)
                for r in records(schema.mentions)
            ]
            entity_ids = sorted({m.entity_id for m in mentions if m.entity_id})
            entities = [
                from_json_dict(Entity, record)
                for record in connection.scalars(
                    select(schema.entities.c.record).where(schema.entities.c.id.in_(entity_ids))
                )
            ]
            return Extraction(
                document=document,
                time_expressions=[
                    from_json_dict(TimeExpression, r.record)
                    for r in records(schema.time_expressions)
                ],
                entities=entities,
                mentions=mentions,
                events=[from_json_dict(Event, r.record) for r in records(schema.events)],
                transfers=[from_json_dict(Transfer, r.record) for r in records(schema.transfers)],
            )

    def documents(
        self,
        *,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[DocumentSummary]:
        """Stored documents, newest first; ``search`` is full-text (FTS5 on SQLite)."""
        docs = schema.documents
        query = select(
            docs.c.id,
            docs.c.date,
            docs.c.title,
            docs.c.source,
            docs.c.n_time_expressions,
            docs.c.n_mentions,
            docs.c.n_events,
            docs.c.n_transfers,
        )
        if search:
            query = query.where(self._text_matches(search))
        if since:
            query = query.where(docs.c.date >= storable_text(since))
        if until:  # whole of the `until` day (or month, or year)
            query = query.where(docs.c.date <= storable_text(until) + "\uffff")
        query = query.order_by(docs.c.date.desc(), docs.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            return [DocumentSummary(*row) for row in connection.execute(query)]

    def _text_matches(self, search: str) -> Any:
        """Title or text contains ``search``: its words in order, any case; a word with
        punctuation inside ("S-400") as written, so that it does not match "400 troops"."""
        docs = schema.documents
        # Control characters and lone surrogates are no text to look for, and both databases
        # refuse a NUL in a query string: search for the words around them.
        search = storable_text(_CONTROL.sub(" ", search)).replace("\ufffd", " ").strip()
        if not search:
            return false()

        def contains(term: str) -> Any:
            # Escaped: "%" and "_" in a search are characters to find, not wildcards.
            if self.dialect == "sqlite":  # SQLite's LIKE already ignores (ASCII) case
                return docs.c.text.contains(term, autoescape=True) | docs.c.title.contains(
                    term, autoescape=True
                )
            return docs.c.text.icontains(term, autoescape=True) | docs.c.title.icontains(
                term, autoescape=True
            )

        if self.dialect != "sqlite" or not re.search(r"[^\W_]", search):
            # No index (PostgreSQL), or punctuation alone ("%"): the text as written.
            return contains(search.strip().strip(_EDGE_PUNCTUATION) or search.strip())
        # Bound as a parameter and quoted as one FTS5 phrase: no query syntax injection.
        phrase = '"' + search.replace('"', '""') + '"'
        condition = text(
            "documents.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :phrase)"
        ).bindparams(phrase=phrase)
        for word in search.split():
            core = word.strip(_EDGE_PUNCTUATION)
            if _NOT_A_WORD_CHARACTER.search(core):
                condition = condition & contains(core)
        return condition

    def iter_documents(self, batch_size: int = 200) -> Iterator[Document]:
        """Every stored document, in id order, read in batches (for reprocessing)."""
        docs = schema.documents
        last = ""
        while True:
            with self.engine.connect() as connection:
                rows = list(
                    connection.execute(
                        select(docs).where(docs.c.id > last).order_by(docs.c.id).limit(batch_size)
                    )
                )
            if not rows:
                return
            yield from (document_from_row(row._mapping) for row in rows)
            last = rows[-1].id

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        query = query or EventQuery()
        ev, docs = schema.events, schema.documents
        statement = (
            select(ev.c.id, ev.c.document_id, ev.c.date, docs.c.title, ev.c.record)
            .join(docs, docs.c.id == ev.c.document_id)
            .where(*event_filters(query))
            .order_by(ev.c.date, ev.c.id)
        )
        if query.limit is not None:
            statement = statement.limit(query.limit)
        with self.engine.connect() as connection:
            return [
                StoredEvent(
                    document_id=row.document_id,
                    date=row.date,
                    title=row.title,
                    event=from_json_dict(Event, row.record),
                    id=row.id,
                )
                for row in connection.execute(statement)
            ]

    def transfer_facts(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        system: str | None = None,
    ) -> list[tuple[str, str, Transfer]]:
        """Stored transfers as (document id, document date, Transfer), oldest first.

        ``system`` matches part of the system name, case-insensitively.
        """
        tr, docs = schema.transfers, schema.documents
        statement = (
            select(tr.c.document_id, docs.c.date, tr.c.record)
            .join(docs, docs.c.id == tr.c.document_id)
            .order_by(docs.c.date, tr.c.id)
        )
        if supplier:
            statement = statement.where(tr.c.supplier == storable_text(supplier).upper())
        if recipient:
            statement = statement.where(tr.c.recipient == storable_text(recipient).upper())
        if system:
            statement = statement.where(
                tr.c.system.icontains(storable_text(system), autoescape=True)
            )
        with self.engine.connect() as connection:
            return [
                (row.document_id, row.date, from_json_dict(Transfer, row.record))
                for row in connection.execute(statement)
            ]


def open_store(url: str | None = None, *, migrate: bool = True, create: bool = True) -> Store:
    """Open (and by default create or upgrade) the database at ``url``.

    ``url`` is any SQLAlchemy URL (``sqlite:///path.db``, ``postgresql+psycopg://...``) or a
    file path; without one, ``$SITREP_DB`` or ``./sitrep.db``. With ``create=False`` a
    SQLite file that does not exist is an error (E211) rather than a new empty database.
    """
    url = database_url(url)
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
        file_name = parsed.database or ""
        # A SQLite URI ("file:x.db?mode=ro") is the driver's to open as it says.
        if (
            backend == "sqlite"
            and file_name not in ("", ":memory:")
            and not file_name.startswith("file:")
        ):
            path = Path(parsed.database).expanduser()
            if not create and not path.exists():
                raise ConfigError(E.NO_DATABASE, path=str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args=connect_args(backend))
    except (ArgumentError, ImportError, ValueError, OSError) as error:
        raise ConfigError(E.BAD_DB_URL, url=url, reason=str(error)) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    store = Store(engine, url)
    if migrate:
        try:
            store.migrate()
        except DatabaseError as error:  # unreachable, refused, not a database file ...
            store.close()
            raise ConfigError(E.BAD_DB_URL, url=url, reason=str(error.orig)) from error
    return store
