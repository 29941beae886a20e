"""Storage: SQLAlchemy over SQLite (default) or PostgreSQL, migrated with Alembic."""

from sitrep.store.queries import DocumentSummary, EventQuery, StoredEvent
from sitrep.store.store import DEFAULT_URL, Store, database_url, open_store

__all__ = [
    "DEFAULT_URL",
    "DocumentSummary",
    "EventQuery",
    "Store",
    "StoredEvent",
    "database_url",
    "open_store",
]
