"""Verification checks as rows for the spreadsheet: one per check, with its last call.

One query with joins (batch, hamlet, household, entry, officer, last call and its caller),
so an export of a campaign with thousands of checks costs the same as one with ten.
Only the checks the viewer may see (`models.check_scope`): a hamlet's people get the
answered ones, without the seed of the list they came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Subquery, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from models.campaign import Hamlet, Procedure
from models.check_scope import Viewer, sees_pending, visible_checks
from models.households import Entry, Household
from models.people import User
from models.verification import Batch, Call, Check


@dataclass(frozen=True)
class CheckRow:
    batch_id: int
    seed: str  # "" for a viewer who may not see it
    position: int
    hamlet_code: str
    hamlet_name: str
    head_name: str
    phone: str  # E.164
    guided_on: date
    officer: str
    status: str  # "open" or "done"
    outcome: str | None  # an Outcome value; None before the first call
    detail: str  # what was wrong, for wrong_details ("procedure", "person", "date")
    attempts: int
    last_caller: str | None
    last_call_at: datetime | None  # UTC
    note: str
    overturned: bool
    overturn_reason: str
    officer_reply: str
    upheld: bool = False  # a supervisor kept the failure (final)
    uphold_reason: str = ""
    # The entry was deleted while the check was open (`models.frozen`): it counts as failed
    # whatever the household said, until overturned.
    entry_deleted: bool = False
    # A household's procedures the card asked about, and those it confirmed (names).
    procedures: tuple[str, ...] = ()
    confirmed: tuple[str, ...] = ()


def _last_calls() -> Subquery:
    """Each check's latest call: call ids only grow, so the highest id is the last one."""
    return (
        select(Call.check_id, func.max(Call.id).label("call_id"))
        .group_by(Call.check_id)
        .subquery("last_call")
    )


async def check_rows(
    session: AsyncSession, *, campaign_id: int, hamlets: Sequence[Hamlet], viewer: Viewer
) -> list[CheckRow]:
    """Every check of these hamlets in the campaign that the viewer may see, in batch then
    call-list order."""
    officer = aliased(User, name="officer")
    caller = aliased(User, name="caller")
    last = _last_calls()
    stmt = (
        select(
            Check,
            Batch.seed,
            Hamlet.code,
            Hamlet.name,
            Household.head_name,
            Household.phone,
            Entry.guided_on,
            officer.display_name,
            caller.display_name,
            Call.at,
        )
        .join(Batch, Batch.id == Check.batch_id)
        .join(Hamlet, Hamlet.id == Check.hamlet_id)
        .join(Household, Household.id == Check.household_id)
        .join(Entry, Entry.id == Check.entry_id)
        .join(officer, officer.id == Check.officer_id)
        .outerjoin(last, last.c.check_id == Check.id)
        .outerjoin(Call, Call.id == last.c.call_id)
        .outerjoin(caller, caller.id == Call.caller_id)
        .where(
            Check.campaign_id == campaign_id,
            visible_checks(viewer),
            Check.hamlet_id.in_([h.id for h in hamlets]),
        )
        .order_by(Check.batch_id, Check.position)
    )
    rows = [_row(*tuple(row)) for row in await session.execute(stmt)]
    rows = await _named(session, rows)
    return rows if sees_pending(viewer) else [replace(r, seed="") for r in rows]


async def _named(session: AsyncSession, rows: list[CheckRow]) -> list[CheckRow]:
    """The answers' procedure codes as names (one query for the whole sheet)."""
    codes = {c for r in rows for c in (*r.procedures, *r.confirmed)}
    if not codes:
        return rows
    names = {
        code: name
        for code, name in await session.execute(
            select(Procedure.code, Procedure.name).where(Procedure.code.in_(codes))
        )
    }
    return [
        replace(
            r,
            procedures=tuple(names.get(c, c) for c in r.procedures),
            confirmed=tuple(names.get(c, c) for c in r.confirmed),
        )
        if r.procedures
        else r
        for r in rows
    ]


def _row(
    check: Check,
    seed: str,
    code: str,
    hamlet: str,
    head: str,
    phone: str,
    guided_on: date,
    officer: str,
    caller: str | None,
    called_at: datetime | None,
) -> CheckRow:
    return CheckRow(
        batch_id=check.batch_id,
        seed=seed,
        position=check.position,
        hamlet_code=code,
        hamlet_name=hamlet,
        head_name=head,
        phone=phone,
        guided_on=guided_on,
        officer=officer,
        status=check.status,
        outcome=check.outcome,
        detail=check.detail,
        attempts=check.attempts,
        last_caller=caller,
        last_call_at=called_at,
        note=check.note,
        overturned=check.overturned_at is not None,
        overturn_reason=check.overturn_reason,
        officer_reply=check.officer_reply,
        upheld=check.upheld_at is not None,
        uphold_reason=check.uphold_reason,
        entry_deleted=check.entry_deleted_at is not None,
        procedures=tuple(str(c) for c in check.answer.get("procedures") or []),
        confirmed=tuple(str(c) for c in check.answer.get("confirmed") or []),
    )
