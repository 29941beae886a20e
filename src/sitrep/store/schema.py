"""The database schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Each record table keeps the columns people filter on (type, dates, countries) plus the full
record as JSON, so a new record field needs no migration while queries stay indexed.
The Alembic migrations under ``migrations/versions`` create exactly these tables; a test
checks that the two never drift apart.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
    }
)


def _document_fk() -> Column[str]:
    return Column(
        "document_id",
        String(64),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the normalised text
    Column("date", String(32), nullable=False, index=True),  # ISO 8601 creation date
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("language", String(8), nullable=False, default="en"),
    Column("text", Text, nullable=False),  # raw text, kept so everything can be re-derived
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("processed_with", Text, nullable=False),  # model and stages that made the records
    # Record counts, written in the same transaction as the records: a reader can check
    # that a document is complete, and listings need no joins.
    Column("n_time_expressions", Integer, nullable=False, default=0),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_transfers", Integer, nullable=False, default=0),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(200), primary_key=True),  # "country:IND", "person:rajnath-singh"
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False, index=True),
    Column("country", String(8), index=True),
    Column("record", JSON, nullable=False),
)

time_expressions = Table(
    "time_expressions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("value", String(40), nullable=False),
    Column("earliest", String(32), index=True),
    Column("latest", String(32)),
    Column("record", JSON, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(20), nullable=False),
    Column("entity_id", String(200), index=True),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("event_type", String(12), nullable=False, index=True),
    Column("modality", String(16), nullable=False),
    Column("actor_countries", Text),  # ";IND;RUS;" — delimited so LIKE '%;IND;%' is exact
    Column("recipient_countries", Text),
    Column("actor_names", Text),
    Column("recipient_names", Text),
    Column("location", Text),
    Column("date", String(32), index=True),  # the event's time (earliest), else document date
    Column("quad", Integer),
    Column("confidence", Float),
    Column("record", JSON, nullable=False),
    # Added in 0002 (web and aggregates): entity ids per side (";person:x;country:IND;"), so
    # an entity's events need no JSON scan, and the PLOVER intensity the index averages.
    Column("actor_entities", Text),
    Column("recipient_entities", Text),
    Column("intensity", Float),
)

transfers = Table(
    "transfers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("supplier", String(16), index=True),
    Column("recipient", String(16), index=True),
    Column("system", Text, nullable=False),
    Column("kind", String(24)),
    Column("status", String(16)),
    Column("record", JSON, nullable=False),
)

Index("ix_events_document_type", events.c.document_id, events.c.event_type)
# Pages list a document's records by document and date order (0002).
Index("ix_events_date_id", events.c.date, events.c.id)

# Watches (0002): saved queries whose new matches become alerts (an Atom feed, a webhook).
watches = Table(
    "watches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # "events" or "deals"
    Column("query", JSON, nullable=False),  # the filters, as the API and CLI take them
    Column("webhook", Text),  # URL POSTed with each new alert, or none
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Events watches: the highest event id already looked at (a later ingest looks above it).
    Column("last_event_id", Integer, nullable=False, default=0),
    # Deals watches: each deal's status when last looked at ({"3f2a9c1b4d5e": "delayed"}).
    Column("deal_status", JSON),
    Column("last_checked", DateTime(timezone=True)),
    Column("last_error", Text),  # the last webhook failure, for `sitrep watch list`
)

watch_alerts = Table(
    "watch_alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "watch_id",
        Integer,
        ForeignKey("watches.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # What the alert is about ("event:<doc>:<start>:<type>", "deal:<id>:<status>:<date>"):
    # one alert per thing, even when reprocessing gives its event a new row id.
    Column("key", String(400), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text),
    Column("document_id", String(64)),  # no foreign key: an alert outlives its document
    Column("record", JSON, nullable=False),
    Column("webhook_status", String(200)),  # "200", "failed: …", or none without a webhook
    UniqueConstraint("watch_id", "key"),
)

# Stories (0003): the reports of one real-world event across articles. A story keeps the
# columns its listings filter and sort on, its summary as JSON (best-supported time and
# place, conflicts) and what the linker compares new reports with; every report is a row
# of story_mentions, so no report is ever dropped.
stories = Table(
    "stories",
    metadata,
    Column("id", String(16), primary_key=True),  # from the founding report (linking.story_id)
    Column("event_type", String(12), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("actor_countries", Text),  # ";IND;RUS;" as in events, for the same filters
    Column("recipient_countries", Text),
    Column("actor_names", Text),
    Column("recipient_names", Text),
    Column("location", Text),
    Column("date", String(32), nullable=False),  # the event's day (best-supported time)
    Column("first_report", String(32), nullable=False),
    Column("last_report", String(32), nullable=False),
    # The days the event can fall in: linking looks stories up by type and these.
    Column("first_day", String(10), nullable=False),
    Column("last_day", String(10), nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("sources", Integer, nullable=False),
    Column("conflicts", Text),  # ";time;amount;" when reports disagree
    Column("quad", Integer),
    Column("intensity", Float),
    Column("record", JSON, nullable=False),  # the Story (sitrep.stories.summary) as JSON
    Column("linking", JSON, nullable=False),  # parties, times, places, exemplar event ids
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

story_mentions = Table(
    "story_mentions",
    metadata,
    # Reprocessing a document deletes its events, and with them their place in a story.
    Column(
        "event_id",
        Integer,
        ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "story_id",
        String(16),
        ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("score", Float),  # how well it matched the story (None: it founded the story)
)

Index("ix_stories_type_days", stories.c.event_type, stories.c.last_day)
Index("ix_stories_date_id", stories.c.date, stories.c.id)
