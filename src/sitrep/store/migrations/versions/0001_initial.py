"""Initial schema: documents and their records; full-text search on SQLite.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE", name=f"fk_{name}_document_id"),
            nullable=False,
        ),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
    )
    op.create_index(f"ix_{name}_document_id", name, ["document_id"])


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("date", sa.String(32), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_with", sa.Text, nullable=False),
        sa.Column("n_time_expressions", sa.Integer, nullable=False),
        sa.Column("n_mentions", sa.Integer, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_transfers", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_date", "documents", ["date"])

    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("record", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
    )
    op.create_index("ix_entities_kind", "entities", ["kind"])
    op.create_index("ix_entities_country", "entities", ["country"])

    _record_table(
        "time_expressions",
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("value", sa.String(40), nullable=False),
        sa.Column("earliest", sa.String(32)),
        sa.Column("latest", sa.String(32)),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_time_expressions_earliest", "time_expressions", ["earliest"])

    _record_table(
        "mentions",
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("label", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.String(200)),
    )
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])

    _record_table(
        "events",
        sa.Column("event_type", sa.String(12), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("actor_countries", sa.Text),
        sa.Column("recipient_countries", sa.Text),
        sa.Column("actor_names", sa.Text),
        sa.Column("recipient_names", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("date", sa.String(32)),
        sa.Column("quad", sa.Integer),
        sa.Column("confidence", sa.Float),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_document_type", "events", ["document_id", "event_type"])

    _record_table(
        "transfers",
        sa.Column("supplier", sa.String(16)),
        sa.Column("recipient", sa.String(16)),
        sa.Column("system", sa.Text, nullable=False),
        sa.Column("kind", sa.String(24)),
        sa.Column("status", sa.String(16)),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_transfers_supplier", "transfers", ["supplier"])
    op.create_index("ix_transfers_recipient", "transfers", ["recipient"])

    if op.get_bind().dialect.name == "sqlite":
        # External-content FTS5 index over the documents; triggers keep it in step.
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "title, text, content='documents', content_rowid='rowid')"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text) "
            "VALUES (new.rowid, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS documents_fts_delete")
        op.execute("DROP TRIGGER IF EXISTS documents_fts_insert")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("transfers", "events", "mentions", "time_expressions", "entities", "documents"):
        op.drop_table(table)
