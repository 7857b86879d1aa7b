"""receipts and photos attached to entries as evidence

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 17:00:00

An officer attaches photos or a PDF (the portal's confirmation, a receipt) to an entry. The
file is stored once in the data folder under its SHA-256 (content-addressed); this row says
which entry it belongs to, what it is, who sent it and when. Deleting the entry keeps it
(soft); the office may purge an entry's files with a reason (audited), which removes the
file and keeps the row.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _when() -> models.base.UTCDateTime:
    return models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "entry_attachment",
        sa.Column("id", _ID, nullable=False),
        sa.Column("entry_id", _ID, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("mime", sa.String(80), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False, server_default=""),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("created_by", _ID, nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("purged_at", _when(), nullable=True),
        sa.Column("purged_by", _ID, nullable=True),
        sa.Column("purge_reason", sa.String(500), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_entry_attachment_entry_id_entry")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_entry_attachment_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["purged_by"], ["app_user.id"], name=op.f("fk_entry_attachment_purged_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_attachment")),
    )
    op.create_index(
        op.f("ix_entry_attachment_entry_id"), "entry_attachment", ["entry_id"], unique=False
    )
    op.create_index(
        op.f("ix_entry_attachment_sha256"), "entry_attachment", ["sha256"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_entry_attachment_sha256"), table_name="entry_attachment")
    op.drop_index(op.f("ix_entry_attachment_entry_id"), table_name="entry_attachment")
    op.drop_table("entry_attachment")
