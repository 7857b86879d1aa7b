"""an award proposal can be marked final: the one the council decided on

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-10 09:00:00

Every /khenthuong stores a new proposal; the office now marks the one the emulation council
decided on (when, by whom), and documents say whether they are the final one or a draft.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("award_proposal", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("final_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("final_by", _ID, nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_award_proposal_final_by_app_user"), "app_user", ["final_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("award_proposal", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_award_proposal_final_by_app_user"), type_="foreignkey")
        batch_op.drop_column("final_by")
        batch_op.drop_column("final_at")
