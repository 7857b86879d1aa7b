"""A household's history, read from the audit log and the rows themselves: every entry
(who logged it, when, what), every edit (field by field, before and after), deletions with
their reason, spot-checks and their outcome and review, and the household-list (roster)
link. And one person's recent changes, for the office.

Scope: the household must be of a hamlet the viewer covers (`models.access.covers`), and
only entries of covered hamlets are read. Spot-checks go through
`models.check_scope.visible_checks`: a hamlet's head sees a check only once it has an
outcome, never a flag nor when it was drawn; the office sees every check of its scope.
The audit rows read are a fixed list of actions (`ENTRY_ACTIONS`, `HOUSEHOLD_ACTIONS`), so an
office-only row about an entry (a flag, "verify_flag") never reaches a hamlet."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.access import covers, hamlet_clause
from models.attachments import EntryAttachment
from models.campaign import Hamlet, Procedure
from models.check_scope import sees_pending, visible_checks
from models.households import Entry, Household
from models.people import User
from models.phones import PhoneError, parse_phone
from models.records import AuditEvent
from models.roster import Roster, RosterHousehold
from models.text import fold
from models.verification import DONE, Batch, Call, Check, Flag

# The audit actions a history shows (registry.py and attachments.py write them).
ENTRY_ACTIONS = ("create", "update", "delete")
HOUSEHOLD_ACTIONS = ("update",)
FILE_ACTIONS = ("attach", "purge")
FILE_ACTIONS_OFFICE = ("view",)  # a view from a call card would tell a hamlet of the check
# Fields of an entry's or a household's snapshot a person can read, in the order shown;
# anything else (ids, folded copies, timestamps) is bookkeeping.
FIELDS = (
    "head_name",
    "address",
    "phone",
    "shares_phone",
    "guided_on",
    "procedures",
    "dossier_code",
    "note",
)


class Kind(enum.StrEnum):
    LOGGED = "logged"  # an entry was created
    EDITED = "edited"  # an entry's fields changed
    HOUSEHOLD_EDITED = "household_edited"  # the household's name, address or phone
    DELETED = "deleted"
    FLAGGED = "flagged"  # office only: asked for the next draw
    DRAWN = "drawn"  # office only: on a spot-check list
    CALLED = "called"  # office only: a call that did not settle the check
    CHECKED = "checked"  # the check's outcome
    OVERTURNED = "overturned"
    UPHELD = "upheld"
    REPLIED = "replied"  # the officer's explanation
    ROSTER = "roster"  # linked to a row of the household list
    ATTACHED = "attached"  # photos or PDFs attached to an entry
    VIEWED = "viewed"  # office only: someone other than its officer looked at the files
    PURGED = "purged"  # the office deleted an entry's files for good (/xoatep)


@dataclass(frozen=True)
class Change:
    field: str  # one of FIELDS
    before: Any
    after: Any


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: Kind
    actor: str  # the person's name; "" for the system
    entry_id: int | None = None
    changes: tuple[Change, ...] = ()
    procedures: tuple[str, ...] = ()  # names (LOGGED)
    guided_on: str = ""  # ISO date (LOGGED)
    dossier_code: str = ""
    text: str = ""  # a reason, a note, an officer's reply
    outcome: str = ""  # CHECKED, CALLED
    detail: str = ""
    check_id: int | None = None
    row: int | None = None  # ROSTER: the row of the list
    code: str = ""  # ROSTER: the household code of the list
    how: str = ""  # ROSTER: phone | name | chosen
    undo: bool = False  # DELETED by the quick undo right after saving
    files: tuple[str, ...] = ()  # ATTACHED, VIEWED, PURGED: the files' kinds (photo | pdf)
    order: int = 0  # ties at one moment: the order things happen in


@dataclass(frozen=True)
class Found:
    household_id: int
    name: str
    address: str
    phone: str
    hamlet: str
    deleted_only: bool  # every entry of it was deleted


@dataclass(frozen=True)
class History:
    household_id: int
    name: str
    address: str
    phone: str
    hamlet: str
    live_entries: int
    events: tuple[Event, ...]
    dropped: int = 0  # older events not shown (a limit was given)


def _scope(viewer: User) -> Any:
    return Household.hamlet_id.in_(select(Hamlet.id).where(hamlet_clause(viewer)))


async def find_households(
    session: AsyncSession, viewer: User, *, campaign_id: int, query: str, limit: int
) -> list[Found]:
    """Households the viewer covers named by `query`: "#12" (an entry's number), a phone in
    any form, or words of the name (marks and case ignored, each word starts a word of the
    name). At most `limit` + 1, so a caller can tell there are more."""
    wanted = query.strip()
    ids: list[int] = []
    base = select(Household.id).where(Household.campaign_id == campaign_id, _scope(viewer))
    digits = wanted.lstrip("#")
    if digits.isdigit() and (wanted.startswith("#") or len(digits) < 7):
        found = await session.scalar(
            base.join(Entry, Entry.household_id == Household.id).where(Entry.id == int(digits))
        )
        ids = [found] if found is not None else []
    else:
        phone = None
        if any(ch.isdigit() for ch in wanted):
            try:
                phone = parse_phone(wanted).e164
            except PhoneError:
                phone = None
        if phone is not None:
            ids = list(await session.scalars(base.where(Household.phone == phone)))
        else:
            words = fold(wanted).split()
            if not words:
                return []
            rows = await session.execute(
                select(Household.id, Household.name_folded)
                .where(Household.campaign_id == campaign_id, _scope(viewer))
                .where(*(Household.name_folded.contains(w, autoescape=True) for w in words))
                .order_by(Household.name_folded, Household.id)
            )
            for hid, name in rows:
                parts = str(name).split()
                if all(any(p.startswith(w) for p in parts) for w in words):
                    ids.append(int(hid))
    ids = ids[: limit + 1]
    if not ids:
        return []
    households = {
        h.id: h for h in await session.scalars(select(Household).where(Household.id.in_(ids)))
    }
    hamlets = {h.id: h.name for h in await session.scalars(select(Hamlet))}
    live = set(
        await session.scalars(
            select(Entry.household_id)
            .where(Entry.household_id.in_(ids), Entry.deleted_at.is_(None))
            .distinct()
        )
    )
    return [
        Found(
            household_id=h.id,
            name=h.head_name,
            address=h.address,
            phone=h.phone,
            hamlet=hamlets.get(h.hamlet_id, ""),
            deleted_only=h.id not in live,
        )
        for h in (households[i] for i in ids if i in households)
    ]


async def covered_household(
    session: AsyncSession, viewer: User, household_id: int, *, campaign_id: int
) -> Household | None:
    """The household if the viewer may read its history now (a button pressed later is
    checked again: a person moved to another hamlet no longer sees the old one's)."""
    household = await session.get(Household, household_id)
    if household is None or household.campaign_id != campaign_id:
        return None
    hamlet = await session.get(Hamlet, household.hamlet_id)
    if hamlet is None or not covers(viewer, hamlet):
        return None
    return household


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[Change, ...]:
    before, after = before or {}, after or {}
    return tuple(
        Change(name, before.get(name), after.get(name))
        for name in FIELDS
        if name in before and name in after and before.get(name) != after.get(name)
    )


async def _names(session: AsyncSession, ids: set[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = await session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {int(uid): str(name) for uid, name in rows}


async def procedure_names(session: AsyncSession) -> dict[str, str]:
    return {p.code: p.name for p in await session.scalars(select(Procedure))}


async def household_history(
    session: AsyncSession,
    viewer: User,
    household: Household,
    *,
    undo_reasons: Sequence[str] = (),
    limit: int | None = None,
) -> History:
    """Everything that happened to `household` that `viewer` may see, oldest first (with
    `limit`, the latest that many). `undo_reasons`: the reasons the quick undo writes (in
    each language), so an undo is told from a deletion."""
    covered = [h.id for h in await session.scalars(select(Hamlet).where(hamlet_clause(viewer)))]
    entries = list(
        await session.scalars(
            select(Entry)
            .where(Entry.household_id == household.id, Entry.hamlet_id.in_(covered))
            .order_by(Entry.id)
        )
    )
    entry_ids = [e.id for e in entries]
    audit = list(
        await session.scalars(
            select(AuditEvent)
            .where(
                or_(
                    and_(
                        AuditEvent.target == "entry",
                        AuditEvent.target_id.in_(entry_ids),
                        AuditEvent.action.in_(ENTRY_ACTIONS),
                    ),
                    and_(
                        AuditEvent.target == "household",
                        AuditEvent.target_id == household.id,
                        AuditEvent.action.in_(HOUSEHOLD_ACTIONS),
                    ),
                )
            )
            .order_by(AuditEvent.id)
        )
    )
    checks = list(
        await session.scalars(
            select(Check)
            .where(
                Check.household_id == household.id,
                Check.hamlet_id.in_(covered),
                visible_checks(viewer),
            )
            .order_by(Check.id)
        )
    )
    office = sees_pending(viewer)
    calls: list[Call] = []
    flags: list[Flag] = []
    batches: dict[int, Batch] = {}
    if office and checks:
        calls = list(
            await session.scalars(
                select(Call).where(Call.check_id.in_([c.id for c in checks])).order_by(Call.id)
            )
        )
        batches = {
            b.id: b
            for b in await session.scalars(
                select(Batch).where(Batch.id.in_({c.batch_id for c in checks}))
            )
        }
    if office and entry_ids:
        flags = list(
            await session.scalars(
                select(Flag).where(Flag.entry_id.in_(entry_ids)).order_by(Flag.id)
            )
        )
    rows = list(
        await session.scalars(
            select(RosterHousehold)
            .join(Roster, Roster.id == RosterHousehold.roster_id)
            .where(RosterHousehold.household_id == household.id, Roster.replaced_at.is_(None))
        )
    )
    procedures = await procedure_names(session)
    people = {a.actor_id for a in audit}
    people |= {e.officer_id for e in entries}
    for c in checks:
        people |= {c.decided_by, c.overturned_by, c.upheld_by, c.officer_id}
    people |= {c.caller_id for c in calls} | {f.flagged_by for f in flags}
    people |= {b.created_by for b in batches.values()} | {r.matched_by for r in rows}
    names = await _names(session, people)

    def who(uid: int | None) -> str:
        return names.get(uid, "") if uid is not None else ""

    events: list[Event] = []
    logged = set()
    for a in audit:
        if a.target == "household":
            changes = _changes(a.before, a.after)
            if changes:
                events.append(Event(a.at, Kind.HOUSEHOLD_EDITED, who(a.actor_id), changes=changes))
            continue
        after = a.after or {}
        if a.action == "create":
            logged.add(a.target_id)
            events.append(
                Event(
                    a.at,
                    Kind.LOGGED,
                    who(a.actor_id),
                    entry_id=a.target_id,
                    procedures=tuple(procedures.get(c, c) for c in after.get("procedures", [])),
                    guided_on=str(after.get("guided_on") or ""),
                    dossier_code=str(after.get("dossier_code") or ""),
                )
            )
        elif a.action == "update":
            changes = tuple(
                Change(
                    c.field,
                    _procs(c.before, procedures) if c.field == "procedures" else c.before,
                    _procs(c.after, procedures) if c.field == "procedures" else c.after,
                )
                for c in _changes(a.before, a.after)
            )
            if changes:
                events.append(
                    Event(a.at, Kind.EDITED, who(a.actor_id), entry_id=a.target_id, changes=changes)
                )
        elif a.action == "delete":
            reason = str(after.get("delete_reason") or "")
            events.append(
                Event(
                    a.at,
                    Kind.DELETED,
                    who(a.actor_id),
                    entry_id=a.target_id,
                    text=reason,
                    undo=reason in undo_reasons,
                )
            )
    for e in entries:
        if e.id in logged:
            continue
        # Logged before the audit trail kept entries (or by a data import): the row says it.
        events.append(
            Event(
                e.created_at,
                Kind.LOGGED,
                who(e.officer_id),
                entry_id=e.id,
                guided_on=e.guided_on.isoformat(),
                dossier_code=e.dossier_code,
            )
        )
    for f in flags:
        events.append(
            Event(f.flagged_at, Kind.FLAGGED, who(f.flagged_by), entry_id=f.entry_id, text=f.reason)
        )
    settled = {c.id: c.decided_at for c in checks}
    for c in checks:
        batch = batches.get(c.batch_id)
        if office and batch is not None:
            events.append(
                Event(
                    batch.created_at,
                    Kind.DRAWN,
                    who(batch.created_by),
                    entry_id=c.entry_id,
                    check_id=c.id,
                    order=1,
                )
            )
        if c.status == DONE and c.decided_at is not None:
            events.append(
                Event(
                    c.decided_at,
                    Kind.CHECKED,
                    who(c.decided_by),
                    entry_id=c.entry_id,
                    check_id=c.id,
                    outcome=c.outcome or "",
                    detail=c.detail,
                    text=c.note,
                    order=3,
                )
            )
        if c.officer_reply_at is not None and (office or c.status == DONE):
            events.append(
                Event(
                    c.officer_reply_at,
                    Kind.REPLIED,
                    who(c.officer_id),
                    entry_id=c.entry_id,
                    check_id=c.id,
                    text=c.officer_reply,
                    order=4,
                )
            )
        if c.overturned_at is not None:
            events.append(
                Event(
                    c.overturned_at,
                    Kind.OVERTURNED,
                    who(c.overturned_by),
                    entry_id=c.entry_id,
                    check_id=c.id,
                    text=c.overturn_reason,
                    order=5,
                )
            )
        if c.upheld_at is not None:
            events.append(
                Event(
                    c.upheld_at,
                    Kind.UPHELD,
                    who(c.upheld_by),
                    entry_id=c.entry_id,
                    check_id=c.id,
                    text=c.uphold_reason,
                    order=5,
                )
            )
    by_check = {c.id: c for c in checks}
    for call in calls:
        check = by_check[call.check_id]
        if check.status == DONE and settled.get(check.id) == call.at:
            continue  # the call that settled it: shown as the outcome
        events.append(
            Event(
                call.at,
                Kind.CALLED,
                who(call.caller_id),
                entry_id=check.entry_id,
                check_id=check.id,
                outcome=call.outcome,
                order=2,
            )
        )
    for r in rows:
        events.append(
            Event(
                r.matched_at or household.created_at,
                Kind.ROSTER,
                who(r.matched_by),
                row=r.row,
                code=r.code,
                how=r.match,
            )
        )
    events += await _file_events(session, entry_ids, office=office)
    events.sort(key=lambda e: (e.at, e.order))
    dropped = 0
    if limit is not None and len(events) > limit:
        dropped = len(events) - limit
        events = events[-limit:]
    hamlet = await session.get(Hamlet, household.hamlet_id)
    return History(
        household_id=household.id,
        name=household.head_name,
        address=household.address,
        phone=household.phone,
        hamlet=hamlet.name if hamlet is not None else "",
        live_entries=sum(1 for e in entries if e.deleted_at is None),
        events=tuple(events),
        dropped=dropped,
    )


async def _file_events(session: AsyncSession, entry_ids: list[int], *, office: bool) -> list[Event]:
    """Receipts attached to the entries, deleted by the office (with the reason) and, for the
    office, viewed: one event per message (the files of an album attached at once, one
    /tep), from the audit rows of `entry_attachment`."""
    if not entry_ids:
        return []
    files = {
        row.id: row
        for row in await session.scalars(
            select(EntryAttachment).where(EntryAttachment.entry_id.in_(entry_ids))
        )
    }
    if not files:
        return []
    actions = FILE_ACTIONS + (FILE_ACTIONS_OFFICE if office else ())
    audit = list(
        await session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.target == "entry_attachment",
                AuditEvent.target_id.in_(list(files)),
                AuditEvent.action.in_(actions),
            )
            .order_by(AuditEvent.id)
        )
    )
    names = await _names(session, {a.actor_id for a in audit})
    kinds = {"attach": Kind.ATTACHED, "view": Kind.VIEWED, "purge": Kind.PURGED}
    order = {"attach": 1, "view": 2, "purge": 2}
    groups: dict[tuple[str, datetime, int | None, int, str], list[str]] = {}
    for a in audit:
        row = files[a.target_id or 0]
        reason = str((a.after or {}).get("purge_reason") or "") if a.action == "purge" else ""
        groups.setdefault((a.action, a.at, a.actor_id, row.entry_id, reason), []).append(row.kind)
    return [
        Event(
            at,
            kinds[action],
            names.get(actor, "") if actor is not None else "",
            entry_id=entry_id,
            text=reason,
            files=tuple(group),
            order=order[action],
        )
        for (action, at, actor, entry_id, reason), group in groups.items()
    ]


def _procs(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [names.get(str(c), str(c)) for c in value]
    return value


# --- one person's changes --------------------------------------------------------------------


@dataclass(frozen=True)
class PersonChange:
    at: datetime
    kind: Kind  # LOGGED, EDITED, HOUSEHOLD_EDITED, DELETED
    entry_id: int | None
    household: str  # the household's name now
    hamlet: str
    changes: tuple[Change, ...] = ()
    procedures: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class PersonPage:
    items: tuple[PersonChange, ...]
    more: bool


async def person_changes(
    session: AsyncSession, viewer: User, person_id: int, *, page: int, size: int
) -> PersonPage:
    """The latest changes `person_id` made to entries and households of the hamlets the
    viewer covers (created, edited, deleted), newest first, `size` a page."""
    covered = select(Hamlet.id).where(hamlet_clause(viewer))
    in_scope = or_(
        and_(
            AuditEvent.target == "entry",
            AuditEvent.action.in_(ENTRY_ACTIONS),
            AuditEvent.target_id.in_(select(Entry.id).where(Entry.hamlet_id.in_(covered))),
        ),
        and_(
            AuditEvent.target == "household",
            AuditEvent.action.in_(HOUSEHOLD_ACTIONS),
            AuditEvent.target_id.in_(select(Household.id).where(Household.hamlet_id.in_(covered))),
        ),
    )
    rows = list(
        await session.scalars(
            select(AuditEvent)
            .where(AuditEvent.actor_id == person_id, in_scope)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .offset(page * size)
            .limit(size + 1)
        )
    )
    more = len(rows) > size
    rows = rows[:size]
    entry_ids = [r.target_id for r in rows if r.target == "entry" and r.target_id is not None]
    entries = {e.id: e for e in await session.scalars(select(Entry).where(Entry.id.in_(entry_ids)))}
    household_ids = {e.household_id for e in entries.values()}
    household_ids |= {
        r.target_id for r in rows if r.target == "household" and r.target_id is not None
    }
    households = {
        h.id: h
        for h in await session.scalars(select(Household).where(Household.id.in_(household_ids)))
    }
    hamlets = {h.id: h.name for h in await session.scalars(select(Hamlet))}
    procedures = await procedure_names(session)
    items: list[PersonChange] = []
    for r in rows:
        if r.target == "entry":
            entry = entries.get(r.target_id or 0)
            hh = households.get(entry.household_id) if entry is not None else None
        else:
            entry = None
            hh = households.get(r.target_id or 0)
        name = hh.head_name if hh is not None else ""
        hamlet = hamlets.get(hh.hamlet_id, "") if hh is not None else ""
        after = r.after or {}
        if r.target == "household":
            kind = Kind.HOUSEHOLD_EDITED
        else:
            kind = {"create": Kind.LOGGED, "update": Kind.EDITED, "delete": Kind.DELETED}[r.action]
        changes = tuple(
            Change(
                c.field,
                _procs(c.before, procedures) if c.field == "procedures" else c.before,
                _procs(c.after, procedures) if c.field == "procedures" else c.after,
            )
            for c in _changes(r.before, r.after)
        )
        if kind == Kind.DELETED:
            changes = ()
        items.append(
            PersonChange(
                at=r.at,
                kind=kind,
                entry_id=r.target_id if r.target == "entry" else None,
                household=name,
                hamlet=hamlet,
                changes=changes if kind in (Kind.EDITED, Kind.HOUSEHOLD_EDITED) else (),
                procedures=tuple(procedures.get(c, c) for c in after.get("procedures", []))
                if kind == Kind.LOGGED
                else (),
                text=str(after.get("delete_reason") or "") if kind == Kind.DELETED else "",
            )
        )
    return PersonPage(items=tuple(items), more=more)
