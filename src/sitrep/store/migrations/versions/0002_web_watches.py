"""Web and alerts: entity ids and intensity on events, watches and their alerts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07

Existing events get the new columns filled from their stored JSON record, in batches, so a
database made by 0001 keeps every row and answers the new queries at once.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 2000


def _delimited(values: list[Any]) -> str | None:
    kept = sorted({v for v in values if v})
    return ";" + ";".join(kept) + ";" if kept else None


def _backfill_events() -> None:
    """Fill actor_entities, recipient_entities and intensity from each event's record."""
    events = sa.table(
        "events",
        sa.column("id", sa.Integer),
        sa.column("record", sa.JSON),
        sa.column("actor_entities", sa.Text),
        sa.column("recipient_entities", sa.Text),
        sa.column("intensity", sa.Float),
    )
    bind = op.get_bind()
    update = (
        events.update()
        .where(events.c.id == sa.bindparam("row_id"))
        .values(
            actor_entities=sa.bindparam("actors"),
            recipient_entities=sa.bindparam("recipients"),
            intensity=sa.bindparam("score"),
        )
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(events.c.id, events.c.record)
            .where(events.c.id > last)
            .order_by(events.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            update,
            [
                {
                    "row_id": row.id,
                    "actors": _delimited([a.get("entity_id") for a in row.record.get("actor", [])]),
                    "recipients": _delimited(
                        [a.get("entity_id") for a in row.record.get("recipient", [])]
                    ),
                    "score": row.record.get("intensity"),
                }
                for row in rows
            ],
        )
        last = rows[-1].id


def upgrade() -> None:
    op.add_column("events", sa.Column("actor_entities", sa.Text))
    op.add_column("events", sa.Column("recipient_entities", sa.Text))
    op.add_column("events", sa.Column("intensity", sa.Float))
    op.create_index("ix_events_date_id", "events", ["date", "id"])
    _backfill_events()

    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("query", sa.JSON, nullable=False),
        sa.Column("webhook", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_event_id", sa.Integer, nullable=False),
        sa.Column("deal_status", sa.JSON),
        sa.Column("last_checked", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_watches"),
        sa.UniqueConstraint("name", name="uq_watches_name"),
    )
    op.create_table(
        "watch_alerts",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column(
            "watch_id",
            sa.Integer,
            sa.ForeignKey("watches.id", ondelete="CASCADE", name="fk_watch_alerts_watch_id"),
            nullable=False,
        ),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("summary", sa.Text),
        sa.Column("document_id", sa.String(64)),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("webhook_status", sa.String(200)),
        sa.PrimaryKeyConstraint("id", name="pk_watch_alerts"),
        sa.UniqueConstraint("watch_id", "key", name="uq_watch_alerts_watch_id"),
    )
    op.create_index("ix_watch_alerts_watch_id", "watch_alerts", ["watch_id"])


def downgrade() -> None:
    op.drop_table("watch_alerts")
    op.drop_table("watches")
    op.drop_index("ix_events_date_id", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("intensity")
        batch.drop_column("recipient_entities")
        batch.drop_column("actor_entities")
