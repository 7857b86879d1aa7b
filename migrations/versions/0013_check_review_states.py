"""a failed check has a review state: open, upheld (final, with a reason) or overturned

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-09 09:00:00

"Giữ nguyên" in the review used to leave the case where it was, to come back at every
review. A supervisor's decision to keep a failure is now recorded like an overturn: when, by
whom and why. Cases decided before this revision stay open until someone decides them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("verification_check", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("upheld_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("upheld_by", _ID, nullable=True))
        batch_op.add_column(
            sa.Column("uphold_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            op.f("fk_verification_check_upheld_by_app_user"), "app_user", ["upheld_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("verification_check", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_verification_check_upheld_by_app_user"), type_="foreignkey"
        )
        batch_op.drop_column("uphold_reason")
        batch_op.drop_column("upheld_by")
        batch_op.drop_column("upheld_at")
