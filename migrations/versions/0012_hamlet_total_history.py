"""a hamlet's total households keeps its history, and large changes wait for approval

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 09:00:00

Each hamlet gets its history rebuilt from what is on record: the configured figure (in force
from the start) and then, in order, every roster it imported, effective from the import's
day (Vietnam's date, UTC+7). Past periods then read the total in force at their end instead
of today's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_LOCAL = timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving


def _backfill() -> None:
    bind = op.get_bind()
    hamlet = sa.table(
        "hamlet",
        sa.column("id", _ID),
        sa.column("total_households", sa.Integer()),
        sa.column("configured_households", sa.Integer()),
        sa.column("updated_at", models.base.UTCDateTime()),
    )
    roster = sa.table(
        "roster",
        sa.column("id", _ID),
        sa.column("hamlet_id", _ID),
        sa.column("imported_at", models.base.UTCDateTime()),
        sa.column("imported_by", _ID),
        sa.column("households", sa.Integer()),
    )
    total = sa.table(
        "hamlet_total",
        sa.column("hamlet_id", _ID),
        sa.column("total", sa.Integer()),
        sa.column("previous", sa.Integer()),
        sa.column("configured", sa.Integer()),
        sa.column("status", sa.String()),
        sa.column("effective_from", sa.Date()),
        sa.column("source", sa.String()),
        sa.column("roster_id", _ID),
        sa.column("requested_by", _ID),
        sa.column("requested_at", models.base.UTCDateTime()),
        sa.column("decided_by", _ID),
        sa.column("decided_at", models.base.UTCDateTime()),
        sa.column("reason", sa.String()),
    )
    imports: dict[int, list[Any]] = {}
    for row in bind.execute(sa.select(roster).order_by(roster.c.imported_at, roster.c.id)):
        imports.setdefault(int(row.hamlet_id), []).append(row)
    values: list[dict[str, Any]] = []
    for h in bind.execute(sa.select(hamlet).order_by(hamlet.c.id)):
        since = h.updated_at or datetime.now(UTC)
        rows = imports.get(int(h.id), [])
        first = (
            h.configured_households
            if rows and h.configured_households is not None
            else h.total_households
        )
        base = {
            "hamlet_id": h.id,
            "configured": h.configured_households,
            "status": "approved",
            "reason": "",
        }
        values.append(
            {
                **base,
                "total": first,
                "previous": None,
                "effective_from": None,
                "source": "initial",
                "roster_id": None,
                "requested_by": None,
                "requested_at": since,
                "decided_by": None,
                "decided_at": since,
            }
        )
        current = first
        for r in rows:
            values.append(
                {
                    **base,
                    "total": r.households,
                    "previous": current,
                    "effective_from": (r.imported_at + _LOCAL).date(),
                    "source": "roster",
                    "roster_id": r.id,
                    "requested_by": r.imported_by,
                    "requested_at": r.imported_at,
                    "decided_by": r.imported_by,
                    "decided_at": r.imported_at,
                }
            )
            current = r.households
        if current != h.total_households:
            values.append(
                {
                    **base,
                    "total": h.total_households,
                    "previous": current,
                    "effective_from": (since + _LOCAL).date(),
                    "source": "config",
                    "roster_id": None,
                    "requested_by": None,
                    "requested_at": since,
                    "decided_by": None,
                    "decided_at": since,
                }
            )
    if values:
        op.bulk_insert(total, values)


def upgrade() -> None:
    op.create_table(
        "hamlet_total",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "hamlet_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("previous", sa.Integer(), nullable=True),
        sa.Column("configured", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("roster_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "requested_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("requested_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "decided_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("decided_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["hamlet_id"], ["hamlet.id"], name=op.f("fk_hamlet_total_hamlet_id_hamlet")
        ),
        sa.ForeignKeyConstraint(
            ["roster_id"], ["roster.id"], name=op.f("fk_hamlet_total_roster_id_roster")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["app_user.id"],
            name=op.f("fk_hamlet_total_requested_by_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["app_user.id"], name=op.f("fk_hamlet_total_decided_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hamlet_total")),
    )
    with op.batch_alter_table("hamlet_total", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hamlet_total_hamlet_id"), ["hamlet_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hamlet_total_status"), ["status"], unique=False)
    _backfill()


def downgrade() -> None:
    with op.batch_alter_table("hamlet_total", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hamlet_total_status"))
        batch_op.drop_index(batch_op.f("ix_hamlet_total_hamlet_id"))
    op.drop_table("hamlet_total")
