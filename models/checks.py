"""Working through a batch: handing out call cards, recording outcomes, overturns, replies.

Several supervisors can call from one batch at once. A card is handed out by a conditional
UPDATE (only if nobody holds it, or their claim has lapsed), so two callers never get the
same household, on SQLite (where writes are serialised anyway) and on PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.audit import record, snapshot
from models.campaign import Hamlet, Procedure
from models.frozen import Change, Deletion, since_draw
from models.households import Entry, Household, entry_procedure
from models.people import User
from models.verification import (
    ANSWER,
    DONE,
    JUDGED_OUTCOMES,
    OPEN,
    Batch,
    Call,
    Check,
    Flag,
    MatchRule,
    Outcome,
)


class CheckError(ValueError):
    """The card is no longer this caller's to record (another took it, or it is done)."""


def _available(now: datetime, lease: timedelta, caller_id: int) -> object:
    return and_(
        Check.status == OPEN,
        or_(Check.retry_at.is_(None), Check.retry_at <= now),
        or_(
            Check.caller_id.is_(None), Check.caller_id == caller_id, Check.claimed_at < now - lease
        ),
    )


def may_fail() -> ColumnElement[bool]:
    """Called checks that a rule can fail (`Check.failed`): deleted while open, or answered
    with an outcome the rule judges. The rule itself is applied to the rows read."""
    return and_(
        Check.status == DONE,
        or_(Check.entry_deleted_at.is_not(None), Check.outcome.in_(JUDGED_OUTCOMES)),
    )


async def check_within(
    session: AsyncSession, check_id: int, scope: ColumnElement[bool]
) -> Check | None:
    """A check by id, if it is within `scope` (a condition on `Check`); None otherwise, as
    for an id that does not exist."""
    return await session.scalar(select(Check).where(Check.id == check_id, scope))


async def held_card(
    session: AsyncSession,
    *,
    batch_id: int,
    caller_id: int,
    now: datetime,
    lease: timedelta,
    scope: ColumnElement[bool] | None = None,
) -> Check | None:
    """The card this caller already holds in the batch (a restart resumes it)."""
    return await session.scalar(
        select(Check)
        .where(
            scope if scope is not None else true(),
            Check.batch_id == batch_id,
            Check.status == OPEN,
            Check.caller_id == caller_id,
            Check.claimed_at >= now - lease,
        )
        .order_by(Check.claimed_at.desc())
        .limit(1)
    )


async def next_card(
    session: AsyncSession,
    *,
    batch_id: int,
    caller_id: int,
    now: datetime,
    lease: timedelta,
    scope: ColumnElement[bool] | None = None,
) -> Check | None:
    """Hand the caller a card: the one they hold, else the first free one in the queue;
    `scope` (a condition on `Check`) limits them to the caller's hamlets."""
    scope = scope if scope is not None else true()
    held = await held_card(
        session, batch_id=batch_id, caller_id=caller_id, now=now, lease=lease, scope=scope
    )
    if held is not None:
        return held
    for _ in range(5):  # lost races move on to the next free card
        candidate = await session.scalar(
            select(Check.id)
            .where(Check.batch_id == batch_id, scope, _available(now, lease, caller_id))  # type: ignore[arg-type]
            .order_by(Check.queue_at, Check.position)
            .limit(1)
            # PostgreSQL: pass over cards another caller is taking right now.
            .with_for_update(of=Check, skip_locked=True)
        )
        if candidate is None:
            return None
        taken = await session.execute(
            update(Check)
            .where(Check.id == candidate, _available(now, lease, caller_id))  # type: ignore[arg-type]
            .values(caller_id=caller_id, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        if getattr(taken, "rowcount", 0) == 1:
            check = await session.get(Check, candidate, populate_existing=True)
            assert check is not None
            return check
    return None


async def release(
    session: AsyncSession, *, check: Check, caller_id: int, now: datetime, to_back: bool
) -> None:
    """Give the card back; skipped cards go to the end of the queue."""
    if check.caller_id == caller_id and check.status == OPEN:
        check.caller_id = None
        check.claimed_at = None
        if to_back:
            check.queue_at = now


@dataclass(frozen=True)
class Recorded:
    check: Check
    outcome: Outcome  # what was stored (unreachable may have become could-not-verify)


async def record_outcome(
    session: AsyncSession,
    *,
    check: Check,
    caller: User,
    outcome: Outcome,
    now: datetime,
    detail: str = "",
    note: str = "",
    max_attempts: int,
    retry_after: timedelta,
    lease: timedelta,
    answer: dict[str, Any] | None = None,
) -> Recorded:
    """Record one call. `answer` (which of the household's procedures it confirmed) is kept
    with the check (`Check.answer`) when the outcome is final."""
    if check.status != OPEN:
        raise CheckError("done")
    holder_ok = (
        check.caller_id == caller.id
        or check.caller_id is None
        or (check.claimed_at is not None and check.claimed_at < now - lease)
    )
    if not holder_ok:
        raise CheckError("taken")
    before = snapshot(check)
    check.attempts += 1
    stored = outcome
    if outcome == Outcome.UNREACHABLE and check.attempts >= max_attempts:
        stored = Outcome.COULD_NOT_VERIFY
    session.add(
        Call(
            check_id=check.id,
            caller_id=caller.id,
            at=now,
            outcome=outcome.value,
            detail=detail,
            note=note,
        )
    )
    check.outcome = stored.value
    check.detail = detail
    if stored.final and answer is not None:
        # A new object, so the JSON column is marked dirty; the draw's details stay.
        check.drawn = {**(check.drawn or {}), ANSWER: answer}
    if note:
        check.note = note
    check.caller_id = None
    check.claimed_at = None
    if stored.final:
        check.status = DONE
        check.decided_at = now
        check.decided_by = caller.id
        check.retry_at = None
    else:
        check.retry_at = now + retry_after
        check.queue_at = now
    record(
        session,
        at=now,
        actor_id=caller.id,
        action="verify_outcome",
        target="verification_check",
        target_id=check.id,
        before=before,
        after=snapshot(check),
    )
    return Recorded(check=check, outcome=stored)


async def overturn(
    session: AsyncSession,
    *,
    check: Check,
    actor: User,
    reason: str,
    now: datetime,
    rule: MatchRule | None = None,
) -> None:
    """A supervisor's review: this failed check (or a called one whose entry was deleted
    while it was open) no longer counts against eligibility. Final: only an open case."""
    _decide(session, check, actor, reason, now, rule, upheld=False)


async def uphold(
    session: AsyncSession,
    *,
    check: Check,
    actor: User,
    reason: str,
    now: datetime,
    rule: MatchRule | None = None,
) -> None:
    """A supervisor's review the other way: the failure stands, finally, and the case leaves
    the list of open cases."""
    _decide(session, check, actor, reason, now, rule, upheld=True)


def _decide(
    session: AsyncSession,
    check: Check,
    actor: User,
    reason: str,
    now: datetime,
    rule: MatchRule | None,
    *,
    upheld: bool,
) -> None:
    if not check.open_case(rule or MatchRule()):
        raise CheckError("not an open case")
    before = snapshot(check)
    if upheld:
        check.upheld_at, check.upheld_by, check.uphold_reason = now, actor.id, reason
    else:
        check.overturned_at, check.overturned_by, check.overturn_reason = now, actor.id, reason
    record(
        session,
        at=now,
        actor_id=actor.id,
        action="verify_uphold" if upheld else "verify_overturn",
        target="verification_check",
        target_id=check.id,
        before=before,
        after=snapshot(check),
    )


async def officer_reply(
    session: AsyncSession, *, check: Check, officer: User, text: str, now: datetime
) -> None:
    before = snapshot(check)
    check.officer_reply = text
    check.officer_reply_at = now
    record(
        session,
        at=now,
        actor_id=officer.id,
        action="verify_reply",
        target="verification_check",
        target_id=check.id,
        before=before,
        after=snapshot(check),
    )


async def add_flag(
    session: AsyncSession,
    *,
    campaign_id: int,
    entry: Entry,
    actor: User,
    reason: str,
    now: datetime,
) -> Flag:
    flag = Flag(
        campaign_id=campaign_id,
        entry_id=entry.id,
        flagged_by=actor.id,
        flagged_at=now,
        reason=reason,
    )
    session.add(flag)
    await session.flush()
    record(
        session,
        at=now,
        actor_id=actor.id,
        action="verify_flag",
        target="entry",
        target_id=entry.id,
        after={"reason": reason, "flag": flag.id},
    )
    return flag


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class HouseholdProcedure:
    """One procedure the household was guided through, and the entries that log it."""

    code: str
    name: str
    entries: tuple[tuple[int, date], ...]  # (entry id, guidance day), oldest first
    officers: tuple[int, ...] = ()  # who logged it (ids), for who answers for a denial


@dataclass(frozen=True)
class Card:
    """What a caller needs on screen: the check and the entry it verifies, with what changed
    in the entry since the draw (`models.frozen`), and every procedure the household counts
    (for the special prize a household needs several: each one is asked)."""

    check: Check
    entry: Entry
    hamlet: Hamlet
    officer_name: str
    changes: tuple[Change, ...] = ()
    deletion: Deletion | None = None
    people: dict[int, str] = field(default_factory=dict)  # who made those changes
    procedure_names: dict[str, str] = field(default_factory=dict)  # code → name
    procedures: tuple[HouseholdProcedure, ...] = ()  # of all its live entries, catalog order

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.procedures]


async def household_procedures(
    session: AsyncSession, check: Check
) -> tuple[HouseholdProcedure, ...]:
    """Every procedure of the check's household over its live entries in the campaign (the
    sampled entry's too, even deleted since the draw), in catalog order."""
    rows = await session.execute(
        select(Procedure.code, Procedure.name, Entry.id, Entry.guided_on, Entry.officer_id)
        .join(entry_procedure, entry_procedure.c.procedure_id == Procedure.id)
        .join(Entry, Entry.id == entry_procedure.c.entry_id)
        .where(
            Entry.household_id == check.household_id,
            Entry.campaign_id == check.campaign_id,
            or_(Entry.deleted_at.is_(None), Entry.id == check.entry_id),
        )
        .order_by(Procedure.position, Entry.guided_on, Entry.id)
    )
    found: dict[str, tuple[str, list[tuple[int, date]], list[int]]] = {}
    for code, name, entry_id, day, officer_id in rows:
        _name, entries, officers = found.setdefault(code, (name, [], []))
        entries.append((entry_id, day))
        if officer_id not in officers:
            officers.append(officer_id)
    return tuple(
        HouseholdProcedure(code, name, tuple(entries), tuple(officers))
        for code, (name, entries, officers) in found.items()
    )


async def load_card(session: AsyncSession, check: Check) -> Card:
    entry = await session.scalar(
        select(Entry)
        .options(selectinload(Entry.household), selectinload(Entry.procedures))
        .where(Entry.id == check.entry_id)
    )
    assert entry is not None
    hamlet = await session.get(Hamlet, check.hamlet_id)
    officer = await session.get(User, check.officer_id)
    assert hamlet is not None
    changes, deletion = await since_draw(session, check, entry)
    actors = {c.actor_id for c in changes if c.actor_id is not None}
    if deletion is not None and deletion.actor_id is not None:
        actors.add(deletion.actor_id)
    procedures = await household_procedures(session, check)
    codes = {code for c in changes if c.field == "procedures" for code in (*c.before, *c.after)}
    codes |= {
        str(code) for key in ("procedures", "confirmed") for code in check.answer.get(key) or []
    }
    names: dict[str, str] = {p.code: p.name for p in procedures}
    if codes - set(names):
        rows = await session.execute(
            select(Procedure.code, Procedure.name).where(Procedure.code.in_(codes - set(names)))
        )
        names |= {code: name for code, name in rows}
    return Card(
        check=check,
        entry=entry,
        hamlet=hamlet,
        officer_name=officer.display_name if officer else "?",
        changes=changes,
        deletion=deletion,
        people=await users_named(session, sorted(actors)),
        procedure_names=names,
        procedures=procedures,
    )


@dataclass(frozen=True)
class BatchProgress:
    batch: Batch
    total: int
    done: int
    waiting: int  # unreachable, to call again later
    deleted: int  # open cards whose entry was deleted after the draw (still to call)

    @property
    def open(self) -> int:
        """Cards still to call: nothing leaves a list without an outcome."""
        return self.total - self.done


async def batch_progress(
    session: AsyncSession, batch: Batch, scope: ColumnElement[bool] | None = None
) -> BatchProgress:
    rows = (
        await session.execute(
            select(
                func.count(Check.id),
                func.count(Check.id).filter(Check.status == DONE),
                func.count(Check.id).filter(Check.status == OPEN, Check.attempts > 0),
                func.count(Check.id).filter(
                    Check.status == OPEN, Check.entry_deleted_at.is_not(None)
                ),
            ).where(Check.batch_id == batch.id, scope if scope is not None else true())
        )
    ).one()
    return BatchProgress(batch=batch, total=rows[0], done=rows[1], waiting=rows[2], deleted=rows[3])


async def open_batches(
    session: AsyncSession, campaign_id: int, scope: ColumnElement[bool] | None = None
) -> list[BatchProgress]:
    """Batches with cards left to call (within `scope`, a condition on `Check`), newest
    first, counted within the scope."""
    scope = scope if scope is not None else true()
    batch_ids = select(Check.batch_id).where(
        Check.campaign_id == campaign_id, Check.status == OPEN, scope
    )
    batches = await session.scalars(
        select(Batch).where(Batch.id.in_(batch_ids)).order_by(Batch.id.desc())
    )
    return [await batch_progress(session, b, scope) for b in batches]


async def open_checks(
    session: AsyncSession, batch_id: int, scope: ColumnElement[bool] | None = None
) -> list[Check]:
    return list(
        await session.scalars(
            select(Check)
            .where(
                Check.batch_id == batch_id,
                Check.status == OPEN,
                scope if scope is not None else true(),
            )
            .order_by(Check.queue_at, Check.position)
        )
    )


async def failed_checks(
    session: AsyncSession,
    campaign_id: int,
    *,
    include_overturned: bool = False,
    rule: MatchRule | None = None,
    scope: ColumnElement[bool] | None = None,
) -> list[Check]:
    """Checks that count against eligibility by the rule (`Check.failing`), oldest first;
    with `include_overturned`, also those a supervisor overturned."""
    rule = rule or MatchRule()
    condition = (
        may_fail() if include_overturned else and_(may_fail(), Check.overturned_at.is_(None))
    )
    checks = await session.scalars(
        select(Check)
        .where(Check.campaign_id == campaign_id, condition, scope if scope is not None else true())
        .order_by(Check.decided_at, Check.id)
    )
    return [c for c in checks if c.failed(rule)]


async def open_cases(
    session: AsyncSession,
    campaign_id: int,
    *,
    rule: MatchRule | None = None,
    scope: ColumnElement[bool] | None = None,
) -> list[Check]:
    """Failed checks waiting for a supervisor's decision (`Check.open_case`), oldest first."""
    rule = rule or MatchRule()
    condition = and_(may_fail(), Check.overturned_at.is_(None), Check.upheld_at.is_(None))
    checks = await session.scalars(
        select(Check)
        .where(Check.campaign_id == campaign_id, condition, scope if scope is not None else true())
        .order_by(Check.decided_at, Check.id)
    )
    return [c for c in checks if c.open_case(rule)]


async def returned_to(session: AsyncSession, officer: User) -> list[Check]:
    """Checks sent back to this officer that they have not answered yet; only of their own
    hamlet's households (an entry an older version let join another hamlet's household
    stays with the office)."""
    return list(
        await session.scalars(
            select(Check)
            .join(Household, Household.id == Check.household_id)
            .where(
                Check.officer_id == officer.id,
                Check.status == DONE,
                Check.hamlet_id == officer.hamlet_id,
                Household.hamlet_id == officer.hamlet_id,
                Check.outcome.in_([o.value for o in Outcome if o.returns_to_officer]),
                Check.officer_reply_at.is_(None),
                Check.upheld_at.is_(None),
                Check.overturned_at.is_(None),
            )
            .order_by(Check.decided_at, Check.id)
        )
    )


async def users_named(session: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    rows = await session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {uid: name for uid, name in rows}


async def household_names(session: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    rows = await session.execute(
        select(Household.id, Household.head_name).where(Household.id.in_(ids))
    )
    return {hid: name for hid, name in rows}


async def hamlet_codes(session: AsyncSession) -> dict[int, str]:
    return {hid: code for hid, code in await session.execute(select(Hamlet.id, Hamlet.code))}
