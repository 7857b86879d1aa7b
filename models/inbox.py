"""The inbox: delivered updates recorded before the messenger is told they arrived, and the
replies each produced, recorded with its effect (an outbox) until they are sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models.records import InboxUpdate


@dataclass(frozen=True)
class Pending:
    key: str
    payload: dict[str, Any]
    replies: list[dict[str, Any]] | None  # None: not handled yet
    sent: int  # replies already sent


async def record(
    session: AsyncSession, channel: str, items: Sequence[tuple[str, dict[str, Any]]], now: datetime
) -> set[str]:
    """Keep each (key, payload) once; the keys that were new (a redelivery is not)."""
    if not items:
        return set()
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    rows = [
        {"channel": channel, "key": key, "payload": payload, "received_at": now}
        for key, payload in items
    ]
    result = await session.execute(
        insert(InboxUpdate)
        .values(rows)
        .on_conflict_do_nothing(index_elements=[InboxUpdate.key])
        .returning(InboxUpdate.key)
    )
    return set(result.scalars())


async def pending(session: AsyncSession, channel: str) -> list[Pending]:
    """Updates not finished yet, oldest first: to handle, or whose replies to send."""
    rows = await session.execute(
        select(InboxUpdate.key, InboxUpdate.payload, InboxUpdate.replies, InboxUpdate.replies_sent)
        .where(InboxUpdate.channel == channel, InboxUpdate.done_at.is_(None))
        .order_by(InboxUpdate.id)
    )
    return [
        Pending(key, dict(payload), list(replies) if replies is not None else None, sent)
        for key, payload, replies, sent in rows
    ]


class Kept(Enum):
    KEPT = "kept"
    ALREADY = "already"  # handled before (a restart's second look, another process)
    NO_ROW = "no_row"  # the update never went through the inbox


async def keep_replies(session: AsyncSession, key: str, replies: list[dict[str, Any]]) -> Kept:
    """In the update's own transaction: its replies, to be sent after the commit. This is
    also the update's claim: only the first transaction to keep replies for it does
    (PostgreSQL: a second one waits for the first's commit, then finds them)."""
    result = await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.key == key, InboxUpdate.replies.is_(None))
        .values(replies=replies, replies_sent=0)
    )
    if getattr(result, "rowcount", 0):
        return Kept.KEPT
    there = await session.scalar(select(InboxUpdate.id).where(InboxUpdate.key == key))
    return Kept.ALREADY if there is not None else Kept.NO_ROW


async def sent(session: AsyncSession, key: str, count: int) -> None:
    await session.execute(
        update(InboxUpdate).where(InboxUpdate.key == key).values(replies_sent=count)
    )


async def prune(session: AsyncSession, before: datetime, limit: int = 5000) -> int:
    """Forget up to `limit` updates finished before `before` (their effect and delivery
    key stay); how many went. Unfinished ones are kept whatever their age."""
    oldest = select(InboxUpdate.id).where(InboxUpdate.done_at < before).limit(limit)
    result = await session.execute(delete(InboxUpdate).where(InboxUpdate.id.in_(oldest)))
    return int(getattr(result, "rowcount", 0) or 0)


async def finish(session: AsyncSession, key: str, now: datetime) -> None:
    await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.key == key, InboxUpdate.done_at.is_(None))
        .values(done_at=now)
    )
