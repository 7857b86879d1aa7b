"""household drafts, when a question was asked, details as entered per visit

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import models.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "household_draft",
        sa.Column("id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column(
            "draft",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_household_draft_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_draft")),
    )
    op.create_index("ix_household_draft_user", "household_draft", ["user_id", "id"])
    with op.batch_alter_table("dialog", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("asked_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("entry", schema=None) as batch_op:
        for name, size in (("entered_name", 200), ("entered_address", 300), ("entered_phone", 20)):
            batch_op.add_column(sa.Column(name, sa.String(size), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("entry", schema=None) as batch_op:
        for name in ("entered_phone", "entered_address", "entered_name"):
            batch_op.drop_column(name)
    with op.batch_alter_table("dialog", schema=None) as batch_op:
        batch_op.drop_column("asked_at")
    op.drop_index("ix_household_draft_user", table_name="household_draft")
    op.drop_table("household_draft")
