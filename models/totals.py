"""A hamlet's total households over time: the office's decision, kept with effective dates.

Coverage is guided households ÷ the hamlet's total, so the total is as much a part of the
award as the entries. Every change is a `HamletTotal` row: the figure from the
configuration, or a roster import's row count. A roster that moves the total by more than
the configured tolerance waits ("pending") until a supervisor approves it (from the day of
approval) or rejects it with a reason; a smaller change, or one a supervisor makes, takes
effect on its day at once.

The rule for figures: a period's figures use the total in force on the period's last day
(`totals_as_of`); today's figures use today's, which `Hamlet.total_households` mirrors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Date, ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from models.audit import record, snapshot
from models.base import Base, BigId, UTCDateTime
from models.campaign import Hamlet

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
SUPERSEDED = "superseded"  # a pending change a newer import (or the configuration) replaced

SOURCE_INITIAL = "initial"  # the figure the hamlet had when history began
SOURCE_CONFIG = "config"
SOURCE_ROSTER = "roster"


class HamletTotal(Base):
    """One decision (or request) about a hamlet's total households."""

    __tablename__ = "hamlet_total"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    hamlet_id: Mapped[int] = mapped_column(ForeignKey("hamlet.id"), index=True)
    total: Mapped[int] = mapped_column(Integer)
    previous: Mapped[int | None] = mapped_column(Integer, nullable=True)  # in force when asked
    configured: Mapped[int | None] = mapped_column(Integer, nullable=True)  # config's figure
    status: Mapped[str] = mapped_column(String(16), index=True)
    # The first day it counts; None for the initial figure (in force since the start).
    effective_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(String(16))
    roster_id: Mapped[int | None] = mapped_column(ForeignKey("roster.id"), nullable=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reason: Mapped[str] = mapped_column(String(500), default="")


DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")  # when a caller gives no local day


def local_day(now: datetime, today: date | None) -> date:
    return today if today is not None else now.astimezone(DEFAULT_TZ).date()


@dataclass(frozen=True)
class InForce:
    """The total a hamlet's figures use on a given day, and where it came from."""

    total: int
    source: str
    roster_id: int | None = None
    effective_from: date | None = None


def _order(row: HamletTotal) -> tuple[date, datetime, int]:
    return (row.effective_from or date.min, row.decided_at or row.requested_at, row.id)


async def totals_in_force(
    session: AsyncSession, hamlet_ids: Iterable[int], day: date
) -> dict[int, InForce]:
    """Each hamlet's total in force on `day`: the latest approved decision effective by
    then. Every figure of a period reads its total here, as of the period's last day."""
    ids = sorted(set(hamlet_ids))
    if not ids:
        return {}
    rows = await session.scalars(
        select(HamletTotal).where(HamletTotal.hamlet_id.in_(ids), HamletTotal.status == APPROVED)
    )
    by_hamlet: dict[int, list[HamletTotal]] = {}
    for row in rows:
        by_hamlet.setdefault(row.hamlet_id, []).append(row)
    result: dict[int, InForce] = {}
    for hamlet_id, history in by_hamlet.items():
        history.sort(key=_order)
        due = [r for r in history if r.effective_from is None or r.effective_from <= day]
        # Before the first decision on record: the earliest figure known.
        row = due[-1] if due else history[0]
        result[hamlet_id] = InForce(row.total, row.source, row.roster_id, row.effective_from)
    missing = [i for i in ids if i not in result]
    if missing:  # no history yet (a hamlet made before it was kept): today's figure
        for hamlet_id, total in await session.execute(
            select(Hamlet.id, Hamlet.total_households).where(Hamlet.id.in_(missing))
        ):
            result[int(hamlet_id)] = InForce(int(total), SOURCE_CONFIG)
    return result


async def totals_as_of(
    session: AsyncSession, hamlet_ids: Iterable[int], day: date
) -> dict[int, int]:
    """Each hamlet's total households in force on `day` (see `totals_in_force`)."""
    return {h: f.total for h, f in (await totals_in_force(session, hamlet_ids, day)).items()}


def exceeds(before: int, after: int, tolerance: float) -> bool:
    """The change from `before` to `after` is more than `tolerance` of `before`."""
    if before == after:
        return False
    if before <= 0:
        return True
    return Decimal(abs(after - before)) > Decimal(str(tolerance)) * before


async def pending_changes(
    session: AsyncSession, hamlet_ids: Iterable[int] | None = None
) -> list[HamletTotal]:
    stmt = select(HamletTotal).where(HamletTotal.status == PENDING)
    if hamlet_ids is not None:
        stmt = stmt.where(HamletTotal.hamlet_id.in_(list(hamlet_ids)))
    return list(await session.scalars(stmt.order_by(HamletTotal.requested_at, HamletTotal.id)))


async def change_of_roster(session: AsyncSession, roster_id: int) -> HamletTotal | None:
    return await session.scalar(
        select(HamletTotal)
        .where(HamletTotal.roster_id == roster_id)
        .order_by(HamletTotal.id.desc())
        .limit(1)
    )


def _apply(
    session: AsyncSession,
    hamlet: Hamlet,
    row: HamletTotal,
    *,
    actor_id: int | None,
    day: date,
    now: datetime,
    action: str,
    reason: str = "",
) -> None:
    before = snapshot(hamlet)
    row.status = APPROVED
    row.effective_from = day
    row.decided_by = actor_id
    row.decided_at = now
    row.reason = reason[:500]
    hamlet.total_households = row.total
    hamlet.updated_at = now
    record(
        session,
        at=now,
        actor_id=actor_id,
        action=action,
        target="hamlet",
        target_id=hamlet.id,
        before=before,
        after=snapshot(hamlet, {"hamlet_total": snapshot(row)}),
    )


async def _supersede(
    session: AsyncSession, hamlet_id: int, *, actor_id: int | None, now: datetime
) -> None:
    for old in await pending_changes(session, [hamlet_id]):
        before = snapshot(old)
        old.status = SUPERSEDED
        old.decided_at = now
        old.decided_by = actor_id
        record(
            session,
            at=now,
            actor_id=actor_id,
            action="total_superseded",
            target="hamlet_total",
            target_id=old.id,
            before=before,
            after=snapshot(old),
        )


async def propose_total(
    session: AsyncSession,
    *,
    hamlet: Hamlet,
    total: int,
    source: str,
    actor_id: int | None,
    now: datetime,
    today: date | None = None,
    tolerance: float | None = None,
    roster_id: int | None = None,
    supersede: bool = True,
) -> HamletTotal:
    """A new total for the hamlet. It applies from `today` unless `tolerance` is given and
    the change is larger: then it waits for a supervisor (status pending). A pending change
    of the same hamlet is superseded by this one. `tolerance=None` is the office's own
    decision (a supervisor, the configuration, the command line). `supersede=False` (a
    configured figure) leaves a pending list waiting."""
    await session.flush()
    if supersede:
        await _supersede(session, hamlet.id, actor_id=actor_id, now=now)
    row = HamletTotal(
        hamlet_id=hamlet.id,
        total=total,
        previous=hamlet.total_households,
        configured=hamlet.configured_households,
        status=PENDING,
        source=source,
        roster_id=roster_id,
        requested_by=actor_id,
        requested_at=now,
        reason="",
    )
    session.add(row)
    await session.flush()
    if tolerance is not None and exceeds(hamlet.total_households, total, tolerance):
        record(
            session,
            at=now,
            actor_id=actor_id,
            action="total_request",
            target="hamlet",
            target_id=hamlet.id,
            after=snapshot(row),
        )
        return row
    _apply(
        session,
        hamlet,
        row,
        actor_id=actor_id,
        day=local_day(now, today),
        now=now,
        action="total_change",
    )
    return row


class DecisionError(Exception):
    """The change is no longer pending (decided, or replaced by a newer list)."""


async def decide(
    session: AsyncSession,
    *,
    change_id: int,
    approve: bool,
    reason: str,
    actor_id: int,
    now: datetime,
    today: date | None = None,
) -> HamletTotal:
    """A supervisor's decision on a pending change: approved from `today`, or rejected
    (the total stays). Both audited with the reason."""
    row = await session.scalar(
        select(HamletTotal).where(HamletTotal.id == change_id).with_for_update()
    )
    if row is None or row.status != PENDING:
        raise DecisionError(change_id)
    hamlet = await session.scalar(
        select(Hamlet).where(Hamlet.id == row.hamlet_id).with_for_update()
    )
    assert hamlet is not None
    if approve:
        row.previous = hamlet.total_households  # what it replaces now
        _apply(
            session,
            hamlet,
            row,
            actor_id=actor_id,
            day=local_day(now, today),
            now=now,
            action="total_approve",
            reason=reason,
        )
        return row
    before = snapshot(row)
    row.status = REJECTED
    row.decided_by = actor_id
    row.decided_at = now
    row.reason = reason[:500]
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="total_reject",
        target="hamlet_total",
        target_id=row.id,
        before=before,
        after=snapshot(row),
    )
    return row
