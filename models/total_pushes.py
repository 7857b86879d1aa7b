"""Who is told about household totals, once each (the notification ledger): supervisors of
a change waiting for their approval, and whoever imported the list of the decision."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.access import covers
from models.campaign import Hamlet
from models.notifications import preferred, settled
from models.people import Identity, Role, User
from models.totals import APPROVED, PENDING, REJECTED, HamletTotal

REQUEST_KIND = "total_request"  # to supervisors: a change awaits approval
DECISION_KIND = "total_decision"  # to whoever imported the list: approved or rejected


async def _reachable(
    session: AsyncSession, channel: str, channels: Sequence[str], *conditions: ColumnElement[bool]
) -> list[tuple[User, str]]:
    rows = await session.execute(
        select(User, Identity.external_id)
        .join(Identity, Identity.user_id == User.id)
        .where(
            User.active,
            Identity.channel == channel,
            Identity.blocked_at.is_(None),
            preferred(channels or (channel,)),
            *conditions,
        )
        .order_by(User.id)
    )
    return [(user, str(external_id)) for user, external_id in rows]


async def requests_due(
    session: AsyncSession,
    *,
    channel: str,
    since: datetime,
    max_attempts: int,
    channels: Sequence[str] = (),
) -> list[tuple[HamletTotal, User, str]]:
    """Pending changes asked for since `since`, each with the supervisors not told yet."""
    changes = list(
        await session.scalars(
            select(HamletTotal)
            .where(HamletTotal.status == PENDING, HamletTotal.requested_at >= since)
            .order_by(HamletTotal.id)
        )
    )
    if not changes:
        return []
    supervisors = await _reachable(session, channel, channels, User.role == Role.SUPERVISOR)
    due = []
    for change in changes:
        done = await settled(
            session,
            kind=REQUEST_KIND,
            period_key=str(change.id),
            channel=channel,
            max_attempts=max_attempts,
        )
        hamlet = await session.get(Hamlet, change.hamlet_id)
        due += [
            (change, user, ext)
            for user, ext in supervisors
            if user.id not in done
            and user.id != change.requested_by
            and (hamlet is None or covers(user, hamlet))
        ]
    return due


async def decisions_due(
    session: AsyncSession,
    *,
    channel: str,
    since: datetime,
    max_attempts: int,
    channels: Sequence[str] = (),
) -> list[tuple[HamletTotal, User, str]]:
    """Changes decided since `since` by someone else than who asked, not told yet."""
    changes = list(
        await session.scalars(
            select(HamletTotal)
            .where(
                HamletTotal.status.in_([APPROVED, REJECTED]),
                HamletTotal.requested_by.is_not(None),
                HamletTotal.decided_by != HamletTotal.requested_by,
                HamletTotal.decided_at >= since,
            )
            .order_by(HamletTotal.id)
        )
    )
    due = []
    for change in changes:
        done = await settled(
            session,
            kind=DECISION_KIND,
            period_key=str(change.id),
            channel=channel,
            max_attempts=max_attempts,
        )
        if change.requested_by in done:
            continue
        due += [
            (change, user, ext)
            for user, ext in await _reachable(
                session, channel, channels, User.id == change.requested_by
            )
        ]
    return due
