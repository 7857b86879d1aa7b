"""Households and guidance entries: duplicate checks, create, edit, soft delete, listing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.audit import record, snapshot
from models.campaign import Campaign, Procedure
from models.duplicates import Duplicate as Duplicate
from models.duplicates import find_duplicates as find_duplicates
from models.frozen import details, record_delete, record_edit
from models.households import Entry, Household
from models.people import User
from models.tally import first_entry, tracking
from models.text import clean, fold


class OtherHamlet(LookupError):
    """A household of another hamlet than the officer's: never added to from here."""


@dataclass(frozen=True)
class HouseholdInput:
    """A confirmed draft: plain values, already validated and normalised."""

    name: str
    address: str
    phone: str  # E.164
    procedure_codes: tuple[str, ...]
    dossier_code: str
    guided_on: date


def _entry_snapshot(entry: Entry, codes: Sequence[str]) -> dict[str, object]:
    return snapshot(entry, {"procedures": list(codes)})


async def campaign_by_code(session: AsyncSession, code: str) -> Campaign:
    camp = await session.scalar(select(Campaign).where(Campaign.code == code))
    if camp is None:
        raise LookupError(f"campaign {code} is not in the database; run `python -m bot init`")
    return camp


# session.info key: the active procedures, in order, once read in this session or handed
# over from the process's copy (handlers.engine.core); they may belong to another session.
CATALOG = "active_procedures"


async def active_procedures(session: AsyncSession) -> list[Procedure]:
    """The procedures offered, in order. Read-only: the rows may be detached copies."""
    known: list[Procedure] | None = session.info.get(CATALOG)
    if known is None:
        known = list(
            await session.scalars(
                select(Procedure).where(Procedure.active).order_by(Procedure.position)
            )
        )
        session.info[CATALOG] = known
    return known


async def procedures_by_code(session: AsyncSession, codes: Sequence[str]) -> list[Procedure]:
    """These procedures, in this session (to link to an entry), in the order of `codes`."""
    known = {p.code: p for p in session.info.get(CATALOG, ())}
    if all(c in known for c in codes):
        # No query: the catalogue's copies joined to this session as they are.
        return [await session.merge(known[c], load=False) for c in codes]
    rows = await session.scalars(select(Procedure).where(Procedure.code.in_(list(codes))))
    by_code = {p.code: p for p in rows}
    return [by_code[c] for c in codes if c in by_code]


async def _add_entry(
    session: AsyncSession,
    *,
    household: Household,
    data: HouseholdInput,
    officer: User,
    now: datetime,
    new: bool = False,
) -> Entry:
    """The entry, its tallies and its audit row (after the household's own, for a new one:
    both audit rows go to the database in one statement)."""
    procedures = await procedures_by_code(session, data.procedure_codes)
    entry = Entry(
        campaign_id=household.campaign_id,
        hamlet_id=household.hamlet_id,
        household_id=household.id,
        officer_id=officer.id,
        guided_on=data.guided_on,
        dossier_code=data.dossier_code,
        note="",
        created_at=now,
        updated_at=now,
        delete_reason="",
        entered_name=clean(data.name)[:200],
        entered_address=clean(data.address)[:300],
        entered_phone=data.phone,
    )
    entry.procedures = procedures
    if new:
        session.add(entry)
        await session.flush()
        await first_entry(session, entry, [p.id for p in procedures])
    else:
        async with tracking(session, household.id):
            session.add(entry)
    if new:
        record(
            session,
            at=now,
            actor_id=officer.id,
            action="create",
            target="household",
            target_id=household.id,
            after=snapshot(household),
        )
    record(
        session,
        at=now,
        actor_id=officer.id,
        action="create",
        target="entry",
        target_id=entry.id,
        after=_entry_snapshot(entry, data.procedure_codes),
    )
    return entry


async def create_household_entry(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet_id: int,
    data: HouseholdInput,
    officer: User,
    now: datetime,
    shares_phone: bool = False,
) -> Entry:
    household = Household(
        campaign_id=campaign_id,
        hamlet_id=hamlet_id,
        head_name=clean(data.name),
        name_folded=fold(data.name),
        address=clean(data.address),
        address_folded=fold(data.address),
        phone=data.phone,
        shares_phone=shares_phone,
        created_by=officer.id,
        created_at=now,
        updated_at=now,
    )
    session.add(household)
    await session.flush()
    if shares_phone:
        # Both sides of a shared phone are marked, so a verifier calling one knows.
        others = await session.scalars(
            select(Household).where(
                Household.campaign_id == campaign_id,
                Household.phone == data.phone,
                Household.id != household.id,
                Household.shares_phone.is_(False),
            )
        )
        for other in others:
            before = snapshot(other)
            other.shares_phone = True
            other.updated_at = now
            record(
                session,
                at=now,
                actor_id=officer.id,
                action="update",
                target="household",
                target_id=other.id,
                before=before,
                after=snapshot(other),
            )
    return await _add_entry(
        session, household=household, data=data, officer=officer, now=now, new=True
    )


async def add_to_household(
    session: AsyncSession,
    *,
    household_id: int,
    data: HouseholdInput,
    officer: User,
    now: datetime,
    hamlet_id: int | None = None,
) -> Entry:
    """Another guidance entry for a logged household; with `hamlet_id` (an officer logging
    for their hamlet), only a household of that hamlet (else `OtherHamlet`)."""
    household = await session.get(Household, household_id)
    if household is None:
        raise LookupError("household vanished")
    if hamlet_id is not None and household.hamlet_id != hamlet_id:
        raise OtherHamlet("household of another hamlet")
    return await _add_entry(session, household=household, data=data, officer=officer, now=now)


async def load_entry(session: AsyncSession, entry_id: int) -> Entry | None:
    return await session.scalar(
        select(Entry)
        .options(selectinload(Entry.procedures), selectinload(Entry.household))
        .where(Entry.id == entry_id)
    )


def _mine(officer: User, campaign_id: int) -> tuple[ColumnElement[bool], ...]:
    """An officer's own live entries of the current campaign, and only those of their hamlet
    whose household is of that hamlet too: an entry an older version let join another
    hamlet's household (or one logged before the officer moved hamlet), or one of an earlier
    campaign (kept read-only), is neither shown nor changed. The one scope /cuatoi, /sua,
    /xoa and undo use (the query joins Household)."""
    return (
        Entry.campaign_id == campaign_id,
        Entry.officer_id == officer.id,
        Entry.deleted_at.is_(None),
        Entry.hamlet_id == officer.hamlet_id,
        Household.hamlet_id == officer.hamlet_id,
    )


async def own_entry(
    session: AsyncSession, officer: User, entry_id: int, *, campaign_id: int
) -> Entry | None:
    """One of the officer's own entries (`_mine`), or None."""
    return await session.scalar(
        select(Entry)
        .join(Household, Household.id == Entry.household_id)
        .options(selectinload(Entry.procedures), selectinload(Entry.household))
        .where(Entry.id == entry_id, *_mine(officer, campaign_id))
    )


async def my_entries(
    session: AsyncSession,
    officer: User,
    limit: int = 10,
    *,
    campaign_id: int,
    newest_saved: bool = False,
) -> list[Entry]:
    """An officer's own entries (`_mine`), latest guidance day first (or latest saved)."""
    order = (Entry.id.desc(),) if newest_saved else (Entry.guided_on.desc(), Entry.id.desc())
    # (/cuatoi and /sua list the latest saved: what the officer just entered is on top.)
    return list(
        await session.scalars(
            select(Entry)
            .join(Household, Household.id == Entry.household_id)
            .options(selectinload(Entry.procedures), selectinload(Entry.household))
            .where(*_mine(officer, campaign_id))
            .order_by(*order)
            .limit(limit)
        )
    )


async def count_my_entries(session: AsyncSession, officer: User, *, campaign_id: int) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(Entry)
            .join(Household, Household.id == Entry.household_id)
            .where(*_mine(officer, campaign_id))
        )
        or 0
    )


async def edit_entry(
    session: AsyncSession,
    *,
    entry: Entry,
    data: HouseholdInput,
    editor: User,
    now: datetime,
) -> bool:
    """Apply an edited draft to the entry and its household; audit each row that changed,
    and note the edit on an open verification check of the entry (`models.frozen`)."""
    household = entry.household
    was = details(entry)
    hh_before = snapshot(household)
    household.head_name = clean(data.name)
    household.name_folded = fold(data.name)
    household.address = clean(data.address)
    household.address_folded = fold(data.address)
    household.phone = data.phone
    hh_after = snapshot(household, {"updated_at": hh_before["updated_at"]})
    changed = False
    if hh_after != hh_before:
        household.updated_at = now
        record(
            session,
            at=now,
            actor_id=editor.id,
            action="update",
            target="household",
            target_id=household.id,
            before=hh_before,
            after=snapshot(household),
        )
        changed = True

    old_codes = [p.code for p in entry.procedures]
    en_before = _entry_snapshot(entry, old_codes)
    async with tracking(session, entry.household_id):
        entry.guided_on = data.guided_on
        entry.dossier_code = data.dossier_code
        if list(data.procedure_codes) != old_codes:
            entry.procedures = await procedures_by_code(session, data.procedure_codes)
    en_after = _entry_snapshot(entry, data.procedure_codes)
    en_after["updated_at"] = en_before["updated_at"]
    if en_after != en_before:
        entry.updated_at = now
        record(
            session,
            at=now,
            actor_id=editor.id,
            action="update",
            target="entry",
            target_id=entry.id,
            before=en_before,
            after=_entry_snapshot(entry, data.procedure_codes),
        )
        changed = True
    if changed:
        await record_edit(
            session, entry=entry, before=was, after=details(entry), actor=editor, now=now
        )
    await session.flush()
    return changed


async def soft_delete_entry(
    session: AsyncSession,
    *,
    entry: Entry,
    reason: str,
    actor: User,
    now: datetime,
) -> None:
    codes = [p.code for p in entry.procedures]
    before = _entry_snapshot(entry, codes)
    async with tracking(session, entry.household_id):
        entry.deleted_at = now
        entry.deleted_by = actor.id
        entry.delete_reason = reason
        entry.updated_at = now
    record(
        session,
        at=now,
        actor_id=actor.id,
        action="delete",
        target="entry",
        target_id=entry.id,
        before=before,
        after=_entry_snapshot(entry, codes),
    )
    # On an open verification list the check stays, marked; once called it counts as failed
    # until overturned (`models.frozen`). The officer is told nothing different.
    await record_delete(session, entry=entry, reason=reason, actor=actor, now=now)
    await session.flush()
