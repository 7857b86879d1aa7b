"""people and access: deactivation, supervisor scope, invite details, announcements

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 16:30:00

An admin can take a person's access away (when, by whom, why); a supervisor can be bound to
one commune (`unit`, NULL: every commune); an invite carries the invitee's name and phone
(bulk invites, the staff list), the scope it gives and whether it was revoked; an
announcement to officers and heads is stored once and sent through the notification ledger;
an award proposal made by a commune's supervisor covers that commune (`unit`).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _when() -> models.base.UTCDateTime:
    return models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deactivated_at", _when(), nullable=True))
        batch_op.add_column(sa.Column("deactivated_by", _ID, nullable=True))
        batch_op.add_column(
            sa.Column("deactivation_reason", sa.String(500), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("unit", sa.String(200), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_app_user_deactivated_by_app_user"), "app_user", ["deactivated_by"], ["id"]
        )
    with op.batch_alter_table("invite", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit", sa.String(200), nullable=True))
        batch_op.add_column(
            sa.Column("invitee_name", sa.String(200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("invitee_phone", sa.String(20), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("revoked_at", _when(), nullable=True))
        batch_op.add_column(sa.Column("revoked_by", _ID, nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_invite_revoked_by_app_user"), "app_user", ["revoked_by"], ["id"]
        )
    with op.batch_alter_table("award_proposal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit", sa.String(200), nullable=True))
    op.create_table(
        "announcement",
        sa.Column("id", _ID, nullable=False),
        sa.Column("created_by", _ID, nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("unit", sa.String(200), nullable=True),
        sa.Column("hamlet_id", _ID, nullable=True),
        sa.Column("finished_at", _when(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_announcement_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["hamlet_id"], ["hamlet.id"], name=op.f("fk_announcement_hamlet_id_hamlet")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcement")),
    )


def downgrade() -> None:
    op.drop_table("announcement")
    with op.batch_alter_table("award_proposal", schema=None) as batch_op:
        batch_op.drop_column("unit")
    with op.batch_alter_table("invite", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_invite_revoked_by_app_user"), type_="foreignkey")
        batch_op.drop_column("revoked_by")
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("invitee_phone")
        batch_op.drop_column("invitee_name")
        batch_op.drop_column("unit")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_app_user_deactivated_by_app_user"), type_="foreignkey")
        batch_op.drop_column("unit")
        batch_op.drop_column("deactivation_reason")
        batch_op.drop_column("deactivated_by")
        batch_op.drop_column("deactivated_at")
