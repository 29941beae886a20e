"""Stories: the reports of one real-world event across articles, and which report is in which.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

A database made before this revision keeps every row; its events are in no story until the
next ingest or `sitrep link` links them (linking needs the word vectors, which a migration
should not load).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("event_type", sa.String(12), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("actor_countries", sa.Text),
        sa.Column("recipient_countries", sa.Text),
        sa.Column("actor_names", sa.Text),
        sa.Column("recipient_names", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("date", sa.String(32), nullable=False),
        sa.Column("first_report", sa.String(32), nullable=False),
        sa.Column("last_report", sa.String(32), nullable=False),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("conflicts", sa.Text),
        sa.Column("quad", sa.Integer),
        sa.Column("intensity", sa.Float),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("linking", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_type_days", "stories", ["event_type", "last_day"])
    op.create_index("ix_stories_date_id", "stories", ["date", "id"])
    op.create_table(
        "story_mentions",
        sa.Column(
            "event_id",
            sa.Integer,
            sa.ForeignKey("events.id", ondelete="CASCADE", name="fk_story_mentions_event_id"),
            nullable=False,
        ),
        sa.Column(
            "story_id",
            sa.String(16),
            sa.ForeignKey("stories.id", ondelete="CASCADE", name="fk_story_mentions_story_id"),
            nullable=False,
        ),
        sa.Column("score", sa.Float),
        sa.PrimaryKeyConstraint("event_id", name="pk_story_mentions"),
    )
    op.create_index("ix_story_mentions_story_id", "story_mentions", ["story_id"])


def downgrade() -> None:
    op.drop_table("story_mentions")
    op.drop_table("stories")
