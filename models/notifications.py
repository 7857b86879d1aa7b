"""The notification ledger and who gets pushed messages.

Every pushed message (weekly summary, daily reminder) is claimed in the ledger *before*
it is sent, keyed by kind, period, user and channel. A restart therefore never re-sends;
a claim left in "sending" by a crash mid-send is not retried either (it may have gone
out: at most once beats twice for a message to an official's phone).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    and_,
    cast,
    exists,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, aliased, mapped_column

from models.base import Base, BigId, UTCDateTime
from models.check_scope import visible_checks
from models.households import Entry, Household
from models.people import Identity, Role, User
from models.verification import Check, Outcome


class Status(enum.StrEnum):
    SENDING = "sending"  # claimed; the send is under way (or the process died during it)
    SENT = "sent"
    RETRY = "retry"  # a transient failure: the next run tries again
    BLOCKED = "blocked"  # the user blocked the bot: not retried
    FAILED = "failed"  # refused for good, or out of attempts


class Notification(Base):
    __tablename__ = "notification"
    # One row per message and person whatever the channel: two processes (or a Telegram
    # and a Zalo process) racing to send the same summary cannot both insert it.
    __table_args__ = (UniqueConstraint("kind", "period_key", "user_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "weekly", "reminder"
    period_key: Mapped[str] = mapped_column(String(40))  # "2026-04-06..2026-04-12", a day
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    error: Mapped[str] = mapped_column(String(80), default="")


async def claim(
    session: AsyncSession,
    *,
    kind: str,
    period_key: str,
    user_id: int,
    channel: str,
    now: datetime,
    max_attempts: int,
) -> Notification | None:
    """Take the right to send this message now, or None if it was sent/claimed already."""
    # Any channel: a person linked on Telegram and Zalo gets the message once, wherever.
    row = await session.scalar(
        select(Notification)
        .where(
            Notification.kind == kind,
            Notification.period_key == period_key,
            Notification.user_id == user_id,
        )
        .order_by(Notification.id.desc())
        .limit(1)
        .with_for_update()
    )  # a retry is taken by one process only (PostgreSQL)
    if row is None:
        row = Notification(
            kind=kind,
            period_key=period_key,
            user_id=user_id,
            channel=channel,
            status=Status.SENDING,
            attempts=1,
            created_at=now,
            updated_at=now,
        )
        try:
            async with session.begin_nested():
                session.add(row)
        except IntegrityError:
            return None  # another process claimed it first
        return row
    if row.status != Status.RETRY or row.attempts >= max_attempts or row.channel != channel:
        return None
    row.status = Status.SENDING
    row.attempts += 1
    row.updated_at = now
    return row


async def settled(
    session: AsyncSession, *, kind: str, period_key: str, channel: str, max_attempts: int
) -> set[int]:
    """Users whose message of this kind and period is done with (sent, given up, under way).

    Lets a run skip the work of composing messages nobody will get: the retry job calls
    the runs every few minutes all week long.
    """
    rows = await session.scalars(
        select(Notification.user_id).where(
            Notification.kind == kind,
            Notification.period_key == period_key,
            (Notification.status != Status.RETRY)
            | (Notification.attempts >= max_attempts)
            | (Notification.channel != channel),
        )
    )
    return set(rows)


async def settle(
    session: AsyncSession,
    *,
    notification_id: int,
    status: Status,
    now: datetime,
    max_attempts: int,
    error: str = "",
) -> Status:
    row = await session.get(Notification, notification_id)
    if row is None:
        return status
    if status == Status.RETRY and row.attempts >= max_attempts:
        status = Status.FAILED
    row.status = status
    row.error = error[:80]
    row.updated_at = now
    return status


async def mark_blocked(
    session: AsyncSession, *, channel: str, external_id: str, now: datetime
) -> None:
    await session.execute(
        update(Identity)
        .where(
            Identity.channel == channel,
            Identity.external_id == external_id,
            Identity.blocked_at.is_(None),
        )
        .values(blocked_at=now)
    )


SEEN_RESOLUTION = timedelta(hours=1)


def touch_identity(identity: Identity, now: datetime) -> None:
    """They wrote to us: they can be reached again, and on this channel first.

    Written at most once an hour per account, so a busy officer's messages do not each
    rewrite the row.
    """
    seen = identity.last_seen_at
    if identity.blocked_at is not None or seen is None or seen < now - SEEN_RESOLUTION:
        identity.blocked_at = None
        identity.last_seen_at = now


def preferred(channels: Sequence[str]) -> ColumnElement[bool]:
    """The identity is its user's one to push to among `channels`: no other reachable
    identity of the same user on those channels was used more recently (ties: the newer
    identity)."""
    other = aliased(Identity)
    newer = or_(
        other.last_seen_at > Identity.last_seen_at,
        and_(other.last_seen_at.is_not(None), Identity.last_seen_at.is_(None)),
        and_(
            or_(
                other.last_seen_at == Identity.last_seen_at,
                and_(other.last_seen_at.is_(None), Identity.last_seen_at.is_(None)),
            ),
            other.id > Identity.id,
        ),
    )
    return ~exists().where(
        other.user_id == Identity.user_id,
        other.id != Identity.id,
        other.channel.in_(list(channels)),
        other.blocked_at.is_(None),
        newer,
    )


async def summary_recipients(
    session: AsyncSession,
    channel: str,
    channels: Sequence[str] = (),
    *,
    joined_before: datetime | None = None,
) -> list[tuple[User, str]]:
    """Supervisors (all hamlets) and hamlet heads (their hamlet), with their channel id;
    only those registered before `joined_before` (the end of the summary's period), if set."""
    stmt = (
        select(User, Identity.external_id)
        .join(Identity, Identity.user_id == User.id)
        .where(
            User.active,
            User.summary_muted.is_(False),
            Identity.channel == channel,
            Identity.blocked_at.is_(None),
            preferred(channels or (channel,)),
            (User.role == Role.SUPERVISOR)
            | ((User.role == Role.HAMLET_HEAD) & User.hamlet_id.is_not(None)),
        )
        .order_by(User.id)
    )
    if joined_before is not None:
        stmt = stmt.where(User.created_at < joined_before)
    rows = await session.execute(stmt)
    return [(user, str(external_id)) for user, external_id in rows]


async def reminder_recipients(
    session: AsyncSession,
    *,
    channel: str,
    campaign_id: int,
    today: date,
    channels: Sequence[str] = (),
) -> list[tuple[User, str]]:
    """Officers and hamlet heads whose hamlet has no entry for today yet."""
    logged_today = select(Entry.hamlet_id).where(
        Entry.campaign_id == campaign_id, Entry.deleted_at.is_(None), Entry.guided_on == today
    )
    rows = await session.execute(
        select(User, Identity.external_id)
        .join(Identity, Identity.user_id == User.id)
        .where(
            User.active,
            User.reminders_muted.is_(False),
            User.role.in_((Role.OFFICER, Role.HAMLET_HEAD)),
            User.hamlet_id.is_not(None),
            User.hamlet_id.not_in(logged_today),
            Identity.channel == channel,
            Identity.blocked_at.is_(None),
            preferred(channels or (channel,)),
        )
        .order_by(User.hamlet_id, User.id)
    )
    return [(user, str(external_id)) for user, external_id in rows]


async def streak(
    session: AsyncSession,
    *,
    campaign_id: int,
    until: date,
    hamlet_id: int | None = None,
    officer_id: int | None = None,
) -> int:
    """Consecutive days up to `until` with at least one entry (of the hamlet or officer)."""
    stmt = (
        select(Entry.guided_on)
        .distinct()
        .where(
            Entry.campaign_id == campaign_id, Entry.deleted_at.is_(None), Entry.guided_on <= until
        )
    )
    if hamlet_id is not None:
        stmt = stmt.where(Entry.hamlet_id == hamlet_id)
    if officer_id is not None:
        stmt = stmt.where(Entry.officer_id == officer_id)
    days = await session.scalars(stmt.order_by(Entry.guided_on.desc()).limit(400))
    count = 0
    expected = until
    for day in days:
        if day != expected:
            break
        count += 1
        expected -= timedelta(days=1)
    return count


RETURN_KIND = "verify"  # a check sent back to the officer who logged the entry


async def returns_due(
    session: AsyncSession,
    *,
    channel: str,
    since: datetime,
    max_attempts: int,
    channels: Sequence[str] = (),
) -> list[tuple[Check, User, str]]:
    """Checks decided since `since` whose officer has not been told yet on this channel."""
    told = (
        select(Notification.id)
        .where(
            Notification.kind == RETURN_KIND,
            Notification.period_key == cast(Check.id, String),
            (Notification.status != Status.RETRY)
            | (Notification.attempts >= max_attempts)
            | (Notification.channel != channel),
        )
        .exists()
    )
    rows = await session.execute(
        select(Check, User, Identity.external_id)
        .join(User, User.id == Check.officer_id)
        .join(Identity, Identity.user_id == User.id)
        .join(Household, Household.id == Check.household_id)
        # What an officer may see of the checks (`models.check_scope`): answered ones.
        .where(
            visible_checks(Role.OFFICER),
            Check.decided_at >= since,
            # Only a check of the officer's own hamlet, on a household of that hamlet:
            # another hamlet's household (an old cross-hamlet entry, a moved officer)
            # is never pushed to them.
            Check.hamlet_id == User.hamlet_id,
            Household.hamlet_id == User.hamlet_id,
            Check.outcome.in_([o.value for o in Outcome if o.returns_to_officer]),
            User.active,
            Identity.channel == channel,
            Identity.blocked_at.is_(None),
            preferred(channels or (channel,)),
            ~told,
        )
        .order_by(Check.id)
    )
    return [(check, user, str(external_id)) for check, user, external_id in rows]
