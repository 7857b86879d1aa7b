"""What keeps several bot processes on one database from doing the same work twice.

SQLite serialises writers already (every transaction starts with BEGIN IMMEDIATE), so these
only do something on PostgreSQL, where transactions run side by side.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
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
        insert(Delivery)
        .values(key=key, processed_at=now)
        .on_conflict_do_nothing(index_elements=[Delivery.key])
        .returning(Delivery.key)
    )
    return result.scalar() is not None


async def prune_deliveries(session: AsyncSession, before: datetime, limit: int = 5000) -> int:
    """Forget up to `limit` processed updates older than `before`; how many were removed.

    Messengers redeliver within hours (Telegram keeps updates for a day), so old keys only
    take space. In batches, so a large backlog never holds the write lock for long."""
    oldest = select(Delivery.key).where(Delivery.processed_at < before).limit(limit)
    result = await session.execute(delete(Delivery).where(Delivery.key.in_(oldest)))
    return int(getattr(result, "rowcount", 0) or 0)
