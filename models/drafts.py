"""Households waiting for their question, per person, oldest first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.people import User
from models.records import Dialog, HouseholdDraft

# session.info key: the user this session has seen without drafts (and has added none).
_NONE = "no_household_drafts"


async def open_dialog(session: AsyncSession, user_id: int) -> Dialog | None:
    """The user's dialog row, and (in the same query) whether any household waits: most
    messages then need no second look at the queue."""
    dialog, any_waiting = (
        await session.execute(
            select(Dialog, exists().where(HouseholdDraft.user_id == user_id))
            .select_from(User)
            .outerjoin(Dialog, Dialog.user_id == User.id)
            .where(User.id == user_id)
        )
    ).one()
    if any_waiting:
        session.info.pop(_NONE, None)
    else:
        session.info[_NONE] = user_id
    return dialog


def keep(session: AsyncSession, *, user_id: int, draft: dict[str, Any], now: datetime) -> None:
    session.info.pop(_NONE, None)
    session.add(HouseholdDraft(user_id=user_id, draft=dict(draft), created_at=now))


async def waiting(session: AsyncSession, user_id: int) -> list[HouseholdDraft]:
    if session.info.get(_NONE) == user_id:
        return []
    return list(
        await session.scalars(
            select(HouseholdDraft)
            .where(HouseholdDraft.user_id == user_id)
            .order_by(HouseholdDraft.id)
        )
    )


async def count_waiting(session: AsyncSession, user_id: int) -> int:
    if session.info.get(_NONE) == user_id:
        return 0
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
