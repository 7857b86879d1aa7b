"""drawn entries are frozen: each check keeps the entry as drawn, and a deletion while open

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 09:00:00

A check whose entry was deleted while it was open used to drop off its list silently; it now
stays, marked (`entry_deleted_at`), and counts as failed once called unless overturned. Checks
already in that state are marked with their entry's deletion time. Checks drawn before this
revision have no `drawn` copy: their cards read the changes from the audit rows instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Open checks whose entry is already deleted: back on their list, marked.
MARK_DELETED = (
    "UPDATE verification_check SET entry_deleted_at = (SELECT entry.deleted_at FROM entry"
    " WHERE entry.id = verification_check.entry_id) WHERE status = 'open' AND EXISTS"
    " (SELECT 1 FROM entry WHERE entry.id = verification_check.entry_id"
    " AND entry.deleted_at IS NOT NULL)"
)


def upgrade() -> None:
    with op.batch_alter_table("verification_check", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "drawn",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("entry_deleted_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
    op.execute(MARK_DELETED)


def downgrade() -> None:
    with op.batch_alter_table("verification_check", schema=None) as batch_op:
        batch_op.drop_column("entry_deleted_at")
        batch_op.drop_column("drawn")
