"""Households waiting for their question, per person, oldest first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.records import HouseholdDraft


def keep(session: AsyncSession, *, user_id: int, draft: dict[str, Any], now: datetime) -> None:
    session.add(HouseholdDraft(user_id=user_id, draft=dict(draft), created_at=now))


async def waiting(session: AsyncSession, user_id: int) -> list[HouseholdDraft]:
    return list(
        await session.scalars(
            select(HouseholdDraft)
            .where(HouseholdDraft.user_id == user_id)
            .order_by(HouseholdDraft.id)
        )
    )


async def count_waiting(session: AsyncSession, user_id: int) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(HouseholdDraft)
            .where(HouseholdDraft.user_id == user_id)
        )
        or 0
    )


async def take(
    session: AsyncSession, user_id: int, *, queued_only: bool = False
) -> dict[str, Any] | None:
    """The oldest waiting draft, removed from the queue; `queued_only` skips drafts that
    were set aside (those wait for the officer's /tiep)."""
    for row in await waiting(session, user_id):
        if queued_only and not row.draft.get("queued"):
            continue
        await session.delete(row)
        return dict(row.draft)
    return None
