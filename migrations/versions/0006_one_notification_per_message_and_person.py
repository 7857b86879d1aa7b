"""one notification per message and person

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 03:45:32.342131
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "uq_notification_kind_period_key_user_id_channel"
NEW = "uq_notification_kind_period_key_user_id"


def upgrade() -> None:
    # Rows for the same message sent on two channels (the race this closes): keep the newest,
    # the one `claim` reads.
    op.execute(
        "DELETE FROM notification WHERE id NOT IN (SELECT max(id) FROM notification"
        " GROUP BY kind, period_key, user_id)"
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint(OLD, type_="unique")
        batch_op.create_unique_constraint(NEW, ["kind", "period_key", "user_id"])


def downgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint(NEW, type_="unique")
        batch_op.create_unique_constraint(OLD, ["kind", "period_key", "user_id", "channel"])
