"""per-hamlet tallies

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 03:58:17.383065
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _keys(table: str) -> list[SchemaItem]:
    return [
        sa.Column("campaign_id", ID, nullable=False),
        sa.Column("hamlet_id", ID, nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f(f"fk_{table}_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["hamlet_id"], ["hamlet.id"], name=op.f(f"fk_{table}_hamlet_id_hamlet")
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "hamlet_day_tally",
        *_keys("hamlet_day_tally"),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "campaign_id", "hamlet_id", "level", "day", name=op.f("pk_hamlet_day_tally")
        ),
    )
    with op.batch_alter_table("hamlet_day_tally", schema=None) as batch_op:
        batch_op.create_index(
            "ix_hamlet_day_tally_campaign_day", ["campaign_id", "day"], unique=False
        )
    op.create_table(
        "hamlet_tally",
        *_keys("hamlet_tally"),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", "hamlet_id", "level", name=op.f("pk_hamlet_tally")),
    )
    # Existing entries are counted once here; from now on every change keeps them current.
    from models.tally import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("hamlet_tally")
    with op.batch_alter_table("hamlet_day_tally", schema=None) as batch_op:
        batch_op.drop_index("ix_hamlet_day_tally_campaign_day")
    op.drop_table("hamlet_day_tally")
