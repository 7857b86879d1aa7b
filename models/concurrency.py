"""What keeps several bot processes on one database from doing the same work twice.

SQLite serialises writers already (every transaction starts with BEGIN IMMEDIATE), so these
only do something on PostgreSQL, where transactions run side by side.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models.records import Delivery


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def claim_delivery(session: AsyncSession, key: str, now: datetime) -> bool:
    """Record an inbound update as processed; False if this or another process already has.

    ON CONFLICT DO NOTHING waits for a concurrent insert of the same key to commit or roll
    back, so exactly one transaction gets True, and the loser's transaction stays usable.
    """
    insert = postgresql.insert if _dialect(session) == "postgresql" else sqlite.insert
    result = await session.execute(
        insert(Delivery).values(key=key, processed_at=now)
        .on_conflict_do_nothing(index_elements=[Delivery.key]).returning(Delivery.key))
    return result.scalar() is not None
