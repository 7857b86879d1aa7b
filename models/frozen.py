"""Drawn entries are frozen: what changed in a sampled entry since the draw, and recording
an officer's edit or delete against the open check it touches.

An officer is never told that an entry is on a list (the sample is secret until called), so
an edit or a delete goes through as for any entry. What the check keeps instead:
- the entry as drawn (`Check.drawn`, written by the draw), compared with the entry now, so
  the call card and the review show "phone changed after the draw: old → new";
- who changed it and when, from the audit rows of the household and the entry written after
  the batch's draw (`verify_draw`), so every line on the card points at an audit row;
- an audit row against the check itself (`verify_entry_changed`, `verify_entry_deleted`);
- for a delete (undo included) while the check is open, `Check.entry_deleted_at`: the check
  stays on the list, is called as usual, and then counts as failed whatever the household
  said, until a supervisor overturns it (`Check.failing`; only an answered check can fail,
  so no figure a hamlet sees tells what is still on a list).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.audit import record, snapshot
from models.households import Entry
from models.people import User
from models.records import AuditEvent
from models.verification import OPEN, Batch, Check

# The details a caller checks, in card order.
FIELDS = ("name", "address", "phone", "procedures", "guided_on", "dossier")
HOUSEHOLD_FIELDS = ("name", "address", "phone")
# Where each one is in the audit rows' before/after (`models.registry`).
_AUDIT_KEY = {
    "name": ("household", "head_name"),
    "address": ("household", "address"),
    "phone": ("household", "phone"),
    "procedures": ("entry", "procedures"),
    "guided_on": ("entry", "guided_on"),
    "dossier": ("entry", "dossier_code"),
}
EDITED = "verify_entry_changed"
DELETED = "verify_entry_deleted"


def details(entry: Entry) -> dict[str, Any]:
    """The checked details of an entry (household and procedures loaded), JSON-friendly."""
    household = entry.household
    return {
        "name": household.head_name,
        "address": household.address,
        "phone": household.phone,
        "procedures": [p.code for p in entry.procedures],
        "guided_on": entry.guided_on.isoformat(),
        "dossier": entry.dossier_code,
    }


# ------------------------------------------------------------------ recording the change


async def _open_checks(session: AsyncSession, entry: Entry) -> list[Check]:
    """Open checks on this entry, or on another entry of its household (a household detail
    edited through any of its entries changes what the caller dials)."""
    return list(
        await session.scalars(
            select(Check)
            .where(
                Check.status == OPEN,
                or_(Check.entry_id == entry.id, Check.household_id == entry.household_id),
            )
            .order_by(Check.id)
        )
    )


async def record_edit(
    session: AsyncSession,
    *,
    entry: Entry,
    before: dict[str, Any],
    after: dict[str, Any],
    actor: User,
    now: datetime,
) -> None:
    """An edit of an entry (`details` before and after): noted on each open check it
    touches. Nothing is said to the officer."""
    changed = [f for f in FIELDS if before.get(f) != after.get(f)]
    if not changed:
        return
    for check in await _open_checks(session, entry):
        fields = (
            changed if check.entry_id == entry.id else [f for f in changed if f in HOUSEHOLD_FIELDS]
        )
        if fields:
            record(
                session,
                at=now,
                actor_id=actor.id,
                action=EDITED,
                target="verification_check",
                target_id=check.id,
                before={"entry": entry.id, **{f: before[f] for f in fields}},
                after={"entry": entry.id, **{f: after[f] for f in fields}},
            )


async def record_delete(
    session: AsyncSession, *, entry: Entry, reason: str, actor: User, now: datetime
) -> None:
    """A (soft) delete of an entry on an open list: the check stays, marked, to be called."""
    checks = await session.scalars(
        select(Check).where(
            Check.entry_id == entry.id, Check.status == OPEN, Check.entry_deleted_at.is_(None)
        )
    )
    for check in checks:
        before = snapshot(check)
        check.entry_deleted_at = now
        record(
            session,
            at=now,
            actor_id=actor.id,
            action=DELETED,
            target="verification_check",
            target_id=check.id,
            before=before,
            after=snapshot(check, {"entry": entry.id, "reason": reason}),
        )


# ------------------------------------------------------------------ reading it back


@dataclass(frozen=True)
class Change:
    """One detail that differs from the draw: as drawn, as now, and the audit row of the
    last edit that touched it (None when no audit row explains it)."""

    field: str
    before: Any
    after: Any
    at: datetime | None = None
    actor_id: int | None = None
    audit_id: int | None = None


@dataclass(frozen=True)
class Deletion:
    at: datetime
    actor_id: int | None
    reason: str
    audit_id: int | None = None


async def _events_since_draw(session: AsyncSession, check: Check) -> list[AuditEvent]:
    """Edits and deletes of the check's household and entry written after its draw."""
    draw_event = await session.scalar(
        select(AuditEvent.id)
        .where(
            AuditEvent.action == "verify_draw",
            AuditEvent.target == "verification_batch",
            AuditEvent.target_id == check.batch_id,
        )
        .order_by(AuditEvent.id)
        .limit(1)
    )
    stmt = select(AuditEvent).where(
        AuditEvent.action.in_(("update", "delete")),
        or_(
            and_(AuditEvent.target == "household", AuditEvent.target_id == check.household_id),
            and_(AuditEvent.target == "entry", AuditEvent.target_id == check.entry_id),
        ),
    )
    if draw_event is not None:  # ids only grow: later than the draw
        stmt = stmt.where(AuditEvent.id > draw_event)
    else:
        batch = await session.get(Batch, check.batch_id)
        if batch is not None:
            stmt = stmt.where(AuditEvent.at >= batch.created_at)
    return list(await session.scalars(stmt.order_by(AuditEvent.id)))


def _touching(events: Sequence[AuditEvent], field: str) -> list[AuditEvent]:
    target, key = _AUDIT_KEY[field]
    return [
        e
        for e in events
        if e.target == target
        and e.before is not None
        and e.after is not None
        and e.before.get(key) != e.after.get(key)
    ]


async def since_draw(
    session: AsyncSession, check: Check, entry: Entry
) -> tuple[tuple[Change, ...], Deletion | None]:
    """What changed in the check's entry since the draw, one change per detail, and its
    deletion if it was deleted while the check was open."""
    events = await _events_since_draw(session, check)
    now = details(entry)
    changes: list[Change] = []
    for field in FIELDS:
        touching = _touching(events, field)
        if check.drawn is not None and field in check.drawn:
            was = check.drawn[field]
        elif touching:  # drawn before the draw was kept: the first edit's "before"
            assert touching[0].before is not None
            was = touching[0].before.get(_AUDIT_KEY[field][1])
        else:
            continue
        if was == now[field]:
            continue
        last = touching[-1] if touching else None
        changes.append(
            Change(
                field=field,
                before=was,
                after=now[field],
                at=last.at if last else None,
                actor_id=last.actor_id if last else None,
                audit_id=last.id if last else None,
            )
        )
    deletion = None
    if check.entry_deleted_at is not None:
        event = next((e for e in reversed(events) if e.action == "delete"), None)
        deletion = Deletion(
            at=event.at if event else check.entry_deleted_at,
            actor_id=event.actor_id if event else entry.deleted_by,
            reason=entry.delete_reason,
            audit_id=event.id if event else None,
        )
    return tuple(changes), deletion


async def changed_checks(session: AsyncSession, check_ids: Sequence[int]) -> set[int]:
    """Which of these checks had their entry edited while open (for the list's mark)."""
    if not check_ids:
        return set()
    ids = await session.scalars(
        select(AuditEvent.target_id).where(
            AuditEvent.action == EDITED,
            AuditEvent.target == "verification_check",
            AuditEvent.target_id.in_(list(check_ids)),
        )
    )
    return {i for i in ids if i is not None}
