"""Announcements from the office to officers and heads (/thongbaochung): stored once, sent
through the notification ledger (kind "announce", one row per person), so a restart never
sends one twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    String,
    Text,
    and_,
    exists,
    false,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, aliased, mapped_column

from models.audit import record, snapshot
from models.base import Base, BigId, UTCDateTime
from models.campaign import Hamlet
from models.notifications import Notification, Status, preferred, settled
from models.people import Identity, Role, User


class Audience:
    OFFICERS = "officers"
    HEADS = "heads"
    BOTH = "both"


class Announcement(Base):
    __tablename__ = "announcement"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(16))  # Audience.*
    # Whom it goes to: one commune's hamlets (the sender's scope or chosen), one hamlet, or
    # (both None) every hamlet.
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id"), nullable=True)
    # When every recipient had a final outcome and the sender was told the tally.
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


ANNOUNCE_KIND = "announce"  # the ledger's kind of an announcement to one person
REPORT_KIND = "announce_done"  # the tally pushed to the sender once everyone has an outcome
MAX_CHARS = 2000  # an announcement's text (Telegram's own limit is 4096 with the header)
# Sent for this long: whoever was not reached by then counts as failed, and the sender is
# told the tally. A restart within it resumes the sending.
DELIVERY_WINDOW = timedelta(days=3)
# Unfinished announcements are looked at this long for their tally to be pushed.
REPORT_WINDOW = timedelta(days=7)
# A send claimed this long ago and never settled was cut short (the process died during it).
STALE_SEND = timedelta(minutes=15)
AUDIT_TARGET = "announcement"

_ROLES: dict[str, tuple[Role, ...]] = {
    Audience.OFFICERS: (Role.OFFICER,),
    Audience.HEADS: (Role.HAMLET_HEAD,),
    Audience.BOTH: (Role.OFFICER, Role.HAMLET_HEAD),
}
AUDIENCES = tuple(_ROLES)


def may_announce(user: User) -> bool:
    return user.active and user.role in (Role.SUPERVISOR, Role.ADMIN)


def _audience(ann: Announcement) -> list[ColumnElement[bool]]:
    """Who an announcement is for (join `Hamlet` on the user's hamlet): active officers
    and/or heads of its hamlets, registered by the time it was sent, never the sender."""
    conditions: list[ColumnElement[bool]] = [
        User.active.is_(True),
        User.role.in_(_ROLES.get(ann.audience, ())),
        User.created_at <= ann.created_at,
        User.id != ann.created_by,
        Hamlet.active.is_(True),
    ]
    if ann.hamlet_id is not None:
        conditions.append(Hamlet.id == ann.hamlet_id)
    elif ann.unit is not None:
        conditions.append(Hamlet.unit == ann.unit)
    return conditions


def _reachable() -> ColumnElement[bool]:
    """The user has an account on some app that has not blocked the bot."""
    return exists().where(Identity.user_id == User.id, Identity.blocked_at.is_(None))


@dataclass(frozen=True)
class Reach:
    """Whom an announcement would reach, counted before it is sent (no names)."""

    officers: int
    heads: int
    hamlets: int
    unreachable: int  # in the audience, but blocked the bot on every app

    @property
    def reachable(self) -> int:
        return self.officers + self.heads


async def reach(session: AsyncSession, ann: Announcement) -> Reach:
    rows = await session.execute(
        select(User.role, User.hamlet_id, _reachable())
        .join(Hamlet, Hamlet.id == User.hamlet_id)
        .where(*_audience(ann))
    )
    officers = heads = unreachable = 0
    hamlets: set[int | None] = set()
    for role, hamlet_id, reachable in rows:
        if not reachable:
            unreachable += 1
            continue
        hamlets.add(hamlet_id)
        if role == Role.OFFICER:
            officers += 1
        else:
            heads += 1
    return Reach(officers=officers, heads=heads, hamlets=len(hamlets), unreachable=unreachable)


async def sent_today(
    session: AsyncSession, ann: Announcement, *, since: datetime
) -> Announcement | None:
    """The same text to the same people, already sent since `since` (the start of the day):
    a second confirmation is not a second announcement."""
    return await session.scalar(
        select(Announcement)
        .where(
            Announcement.text == ann.text,
            Announcement.audience == ann.audience,
            _same(Announcement.unit, ann.unit),
            _same(Announcement.hamlet_id, ann.hamlet_id),
            Announcement.created_at >= since,
        )
        .order_by(Announcement.id)
        .limit(1)
    )


def _same(column: Any, value: Any) -> ColumnElement[bool]:
    clause: ColumnElement[bool] = column.is_(None) if value is None else column == value
    return clause


async def create(
    session: AsyncSession, ann: Announcement, *, reached: Reach, now: datetime
) -> Announcement:
    """Store a confirmed announcement and audit it (the counts, not who gets it)."""
    session.add(ann)
    await session.flush()
    record(
        session,
        at=now,
        actor_id=ann.created_by,
        action="announce",
        target=AUDIT_TARGET,
        target_id=ann.id,
        after=snapshot(ann, {"recipients": reached.reachable, "unreachable": reached.unreachable}),
    )
    return ann


async def due(
    session: AsyncSession,
    *,
    channel: str,
    channels: Sequence[str],
    since: datetime,
    max_attempts: int,
) -> list[tuple[Announcement, User, str]]:
    """Announcements sent since `since` and not finished, each with the people who are to get
    it on `channel` (the app they used last among `channels`) and have not had it yet."""
    due: list[tuple[Announcement, User, str]] = []
    for ann in await unfinished(session, since=since):
        done = await settled(
            session,
            kind=ANNOUNCE_KIND,
            period_key=str(ann.id),
            channel=channel,
            max_attempts=max_attempts,
        )
        rows = await session.execute(
            select(User, Identity.external_id)
            .join(Hamlet, Hamlet.id == User.hamlet_id)
            .join(Identity, Identity.user_id == User.id)
            .where(
                *_audience(ann),
                Identity.channel == channel,
                Identity.blocked_at.is_(None),
                preferred(channels or (channel,)),
            )
            .order_by(Hamlet.code, User.id)
        )
        due += [(ann, user, str(ext)) for user, ext in rows if user.id not in done]
    return due


async def unfinished(session: AsyncSession, *, since: datetime) -> list[Announcement]:
    return list(
        await session.scalars(
            select(Announcement)
            .where(Announcement.finished_at.is_(None), Announcement.created_at >= since)
            .order_by(Announcement.id)
        )
    )


@dataclass(frozen=True)
class Tally:
    """Where an announcement stands, person by person, counted."""

    delivered: int = 0
    blocked: int = 0  # blocked the bot (now, or before it was sent)
    failed: int = 0  # refused, out of attempts, or not reached in time
    uncertain: int = 0  # the send was cut short (a crash): may or may not have arrived
    pending: int = 0

    @property
    def total(self) -> int:
        return self.delivered + self.blocked + self.failed + self.uncertain + self.pending

    @property
    def final(self) -> bool:
        return self.pending == 0


async def tally(
    session: AsyncSession,
    ann: Announcement,
    *,
    max_attempts: int,
    stale_before: datetime,
    give_up_before: datetime,
) -> Tally:
    """Each recipient's outcome: their ledger row, or (no row yet) pending while they can be
    reached, blocked when they cannot. A send under way since before `stale_before` was cut
    short; an announcement sent before `give_up_before` is no longer waited for."""
    late = ann.created_at < give_up_before
    counts = dict.fromkeys(("delivered", "blocked", "failed", "uncertain", "pending"), 0)
    rows = await session.execute(
        select(
            Notification.user_id,
            Notification.status,
            Notification.attempts,
            Notification.updated_at,
        ).where(Notification.kind == ANNOUNCE_KIND, Notification.period_key == str(ann.id))
    )
    seen: set[int] = set()
    for user_id, status, attempts, updated_at in rows:
        seen.add(user_id)
        if status == Status.SENT:
            outcome = "delivered"
        elif status == Status.BLOCKED:
            outcome = "blocked"
        elif status == Status.FAILED or (status == Status.RETRY and attempts >= max_attempts):
            outcome = "failed"
        elif status == Status.SENDING and updated_at < stale_before:
            outcome = "uncertain"
        else:
            outcome = "failed" if late else "pending"
        counts[outcome] += 1
    people = await session.execute(
        select(User.id, _reachable())
        .join(Hamlet, Hamlet.id == User.hamlet_id)
        .where(*_audience(ann))
    )
    for user_id, reachable in people:
        if user_id in seen:
            continue
        counts["blocked" if not reachable else "failed" if late else "pending"] += 1
    return Tally(**counts)


async def sender_account(
    session: AsyncSession, ann: Announcement, *, channel: str, channels: Sequence[str]
) -> tuple[User, str] | None:
    """The sender's account to push the tally to, when it is on `channel` (the app they used
    last among `channels`)."""
    row = (
        await session.execute(
            select(User, Identity.external_id)
            .join(Identity, Identity.user_id == User.id)
            .where(
                User.id == ann.created_by,
                User.active,
                Identity.channel == channel,
                Identity.blocked_at.is_(None),
                preferred(channels or (channel,)),
            )
            .limit(1)
        )
    ).first()
    return None if row is None else (row[0], str(row[1]))


async def sender_reachable(session: AsyncSession, ann: Announcement) -> bool:
    found = await session.scalar(
        select(User.id).where(User.id == ann.created_by, User.active, _reachable())
    )
    return found is not None


async def report_outcome(session: AsyncSession, ann_id: int) -> Status | None:
    """The status of the tally pushed to the sender, if it was claimed."""
    status = await session.scalar(
        select(Notification.status).where(
            Notification.kind == REPORT_KIND, Notification.period_key == str(ann_id)
        )
    )
    return None if status is None else Status(status)


async def finish(session: AsyncSession, ann_id: int, *, result: Tally, now: datetime) -> bool:
    """Mark it finished (once) and audit the tally; False if it already was."""
    done = await session.execute(
        update(Announcement)
        .where(Announcement.id == ann_id, Announcement.finished_at.is_(None))
        .values(finished_at=now)
    )
    if not getattr(done, "rowcount", 0):
        return False
    record(
        session,
        at=now,
        actor_id=None,
        action="announce_result",
        target=AUDIT_TARGET,
        target_id=ann_id,
        after=asdict(result),
    )
    return True


def visible(user: User) -> ColumnElement[bool]:
    """The announcements `user` may see the results of (join `Hamlet` on its hamlet, outer):
    their own; an admin's or unbound supervisor's, all; a commune supervisor, those to their
    commune or one of its hamlets."""
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.unit is None):
        return true()
    if user.role == Role.SUPERVISOR:
        return or_(
            Announcement.created_by == user.id,
            Announcement.unit == user.unit,
            and_(Announcement.hamlet_id.is_not(None), Hamlet.unit == user.unit),
        )
    return false()


async def recent(
    session: AsyncSession, user: User, *, limit: int
) -> list[tuple[Announcement, str, str | None]]:
    """The newest announcements `user` may see: (announcement, sender's name, hamlet name)."""
    sender = aliased(User)
    rows = await session.execute(
        select(Announcement, sender.display_name, Hamlet.name)
        .join(sender, sender.id == Announcement.created_by)
        .outerjoin(Hamlet, Hamlet.id == Announcement.hamlet_id)
        .where(visible(user))
        .order_by(Announcement.id.desc())
        .limit(limit)
    )
    return [(ann, str(name), hamlet) for ann, name, hamlet in rows]


async def sender_name(session: AsyncSession, ann: Announcement) -> str:
    return str(await session.scalar(select(User.display_name).where(User.id == ann.created_by)))


async def outcome(
    session: AsyncSession, ann: Announcement, *, now: datetime, max_attempts: int
) -> Tally:
    """The tally as of `now`."""
    return await tally(
        session,
        ann,
        max_attempts=max_attempts,
        stale_before=now - STALE_SEND,
        give_up_before=now - DELIVERY_WINDOW,
    )
