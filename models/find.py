"""Finding logged households (by name words or phone) within what a person covers, one
household's visits and what the special prize still needs for it, and an officer's own
entries filtered by name, phone or month.

Scope: every query here takes the viewer and filters through `models.access.hamlet_clause`
(households of the hamlets they cover) or `models.registry._mine` (own entries). Only
households with at least one live entry are found: a household whose entries were all
deleted is not shown as guided."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.access import covers, hamlet_clause
from models.campaign import Hamlet, Procedure
from models.households import Entry, Household, entry_procedure
from models.people import User
from models.registry import _mine
from models.rules import CampaignConfig
from models.totals import totals_as_of


@dataclass(frozen=True)
class Query:
    """What to look for: every folded word in the name (`exact`: the words as typed, marks
    kept, lower case: names holding them come first), or a phone (E.164), or phone digits
    (a part of a number, at least 4 digits), or the start of a phone (E.164 form), or the
    household of an entry number."""

    words: tuple[str, ...] = ()
    phone: str = ""
    digits: str = ""
    prefix: str = ""
    entry: int = 0
    exact: tuple[str, ...] = ()


@dataclass(frozen=True)
class Visit:
    entry_id: int
    guided_on: date
    procedures: tuple[str, ...]  # names
    officer: str


@dataclass(frozen=True)
class Card:
    """One household as a search result."""

    household_id: int
    name: str
    address: str
    phone: str  # E.164
    hamlet_id: int
    hamlet_name: str
    visits: tuple[Visit, ...]  # latest first
    done: tuple[str, ...]  # distinct procedure codes so far
    required: int  # procedures the special prize asks of each household of this hamlet

    @property
    def missing(self) -> int:
        return max(self.required - len(self.done), 0)


def _live(campaign_id: int) -> ColumnElement[bool]:
    return exists().where(
        Entry.household_id == Household.id,
        Entry.campaign_id == campaign_id,
        Entry.deleted_at.is_(None),
    )


def _matches(query: Query) -> tuple[ColumnElement[bool], ...]:
    if query.phone:
        return (Household.phone == query.phone,)
    if query.digits:
        return (Household.phone.contains(query.digits, autoescape=True),)
    if query.prefix:
        return (Household.phone.startswith(query.prefix, autoescape=True),)
    if query.entry:
        of_entry = (
            select(Entry.household_id)
            .where(Entry.id == query.entry, Entry.deleted_at.is_(None))
            .scalar_subquery()
        )
        return (Household.id == of_entry,)
    return tuple(Household.name_folded.contains(w, autoescape=True) for w in query.words)


def _exact_first(query: Query) -> list[Any]:
    """Names holding the typed words with their marks ("Hưng" before "Hùng") first. Names
    are stored in title case: each word is tried in lower case and capitalised (LIKE is
    case-sensitive on PostgreSQL, and for letters with marks on SQLite)."""
    if not query.exact:
        return []
    held = [
        case(
            (
                or_(
                    Household.head_name.contains(word, autoescape=True),
                    Household.head_name.contains(word[:1].upper() + word[1:], autoescape=True),
                ),
                1,
            ),
            else_=0,
        )
        for word in query.exact
    ]
    total: ColumnElement[Any] = held[0]
    for more in held[1:]:
        total = total + more
    return [total.desc()]


def _scoped(viewer: User, campaign_id: int, query: Query) -> tuple[ColumnElement[bool], ...]:
    return (
        Household.campaign_id == campaign_id,
        hamlet_clause(viewer),
        _live(campaign_id),
        *_matches(query),
    )


async def find_households(
    session: AsyncSession,
    *,
    viewer: User,
    campaign_id: int,
    query: Query,
    offset: int,
    limit: int,
) -> tuple[list[int], int]:
    """Ids of the households `viewer` covers that match, by name then id; and how many
    match in all."""
    if not (query.words or query.phone or query.digits or query.prefix or query.entry):
        return [], 0
    where = _scoped(viewer, campaign_id, query)
    base = select(Household.id).join(Hamlet, Hamlet.id == Household.hamlet_id).where(*where)
    total = int(await session.scalar(select(func.count()).select_from(base.subquery())) or 0)
    ids = await session.scalars(
        base.order_by(*_exact_first(query), Household.name_folded, Household.id)
        .offset(offset)
        .limit(limit)
    )
    return [int(i) for i in ids], total


async def visible_household(
    session: AsyncSession, *, viewer: User, campaign_id: int, household_id: int
) -> Household | None:
    """The household, if it exists in this campaign, has a live entry and `viewer` covers
    its hamlet; None otherwise (a forged, stale or foreign id looks the same)."""
    household = await session.get(Household, household_id)
    if household is None or household.campaign_id != campaign_id:
        return None
    hamlet = await session.get(Hamlet, household.hamlet_id)
    if hamlet is None or not covers(viewer, hamlet):
        return None
    live = await session.scalar(
        select(func.count())
        .select_from(Entry)
        .where(
            Entry.household_id == household.id,
            Entry.campaign_id == campaign_id,
            Entry.deleted_at.is_(None),
        )
    )
    return household if live else None


async def cards(
    session: AsyncSession,
    *,
    household_ids: Sequence[int],
    campaign: CampaignConfig,
    campaign_id: int,
    today: date,
) -> list[Card]:
    """The households (in the order given) with their live visits, the distinct procedures
    so far and the special prize's requirement (the hamlet's total in force today)."""
    if not household_ids:
        return []
    households = {
        h.id: h
        for h in await session.scalars(select(Household).where(Household.id.in_(household_ids)))
    }
    hamlets = {
        h.id: h
        for h in await session.scalars(
            select(Hamlet).where(Hamlet.id.in_({h.hamlet_id for h in households.values()}))
        )
    }
    totals = await totals_as_of(session, list(hamlets), today)
    entries = list(
        await session.scalars(
            select(Entry)
            .options(selectinload(Entry.procedures))
            .where(
                Entry.household_id.in_(household_ids),
                Entry.campaign_id == campaign_id,
                Entry.deleted_at.is_(None),
            )
            .order_by(Entry.guided_on.desc(), Entry.id.desc())
        )
    )
    officer_ids = {e.officer_id for e in entries}
    names = {
        int(uid): str(name)
        for uid, name in await session.execute(
            select(User.id, User.display_name).where(User.id.in_(officer_ids))
        )
    }
    by_household: dict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_household[entry.household_id].append(entry)
    out: list[Card] = []
    for hid in household_ids:
        hh = households.get(hid)
        if hh is None:
            continue
        hamlet = hamlets[hh.hamlet_id]
        visits = by_household.get(hid, [])
        done: list[str] = []
        for entry in reversed(visits):  # oldest first: the order they were reached
            for proc in entry.procedures:
                if proc.code not in done:
                    done.append(proc.code)
        out.append(
            Card(
                household_id=hh.id,
                name=hh.head_name,
                address=hh.address,
                phone=hh.phone,
                hamlet_id=hamlet.id,
                hamlet_name=hamlet.name,
                visits=tuple(
                    Visit(
                        entry_id=e.id,
                        guided_on=e.guided_on,
                        procedures=tuple(p.name for p in e.procedures),
                        officer=names.get(e.officer_id, ""),
                    )
                    for e in visits
                ),
                done=tuple(done),
                required=campaign.procedures_required(
                    totals.get(hamlet.id, hamlet.total_households)
                ),
            )
        )
    return out


async def lacking(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet_id: int,
    required: int,
    officer_id: int | None,
    limit: int,
    offset: int = 0,
) -> tuple[list[int], int]:
    """Guided households of the hamlet with fewer distinct procedures than the special
    prize asks (the officer's own households first, then the longest waiting), `limit`
    from `offset`; and how many there are in all."""
    if required <= 1:
        return [], 0  # every guided household has at least one procedure
    live = and_(
        Entry.household_id == Household.id,
        Entry.campaign_id == campaign_id,
        Entry.deleted_at.is_(None),
    )
    counted = (
        select(
            Household.id.label("hid"),
            func.count(func.distinct(entry_procedure.c.procedure_id)).label("procs"),
            func.max(Entry.guided_on).label("last_day"),
        )
        .join(Entry, live)
        .join(entry_procedure, entry_procedure.c.entry_id == Entry.id)
        .where(Household.campaign_id == campaign_id, Household.hamlet_id == hamlet_id)
        .group_by(Household.id)
        .having(func.count(func.distinct(entry_procedure.c.procedure_id)) < required)
        .subquery()
    )
    total = int(await session.scalar(select(func.count()).select_from(counted)) or 0)
    if not total:
        return [], 0
    order: list[Any] = []
    if officer_id is not None:
        mine = (
            exists()
            .where(
                Entry.household_id == counted.c.hid,
                Entry.officer_id == officer_id,
                Entry.deleted_at.is_(None),
            )
            .correlate(counted)
        )
        order.append(mine.desc())
    order += [counted.c.last_day.asc(), counted.c.hid.asc()]
    rows = await session.scalars(select(counted.c.hid).order_by(*order).offset(offset).limit(limit))
    return [int(r) for r in rows], total


async def procedure_codes(session: AsyncSession, household_id: int) -> set[str]:
    """The distinct procedures of the household's live entries."""
    return set(await procedure_days(session, household_id))


async def procedure_days(session: AsyncSession, household_id: int) -> dict[str, date]:
    """The distinct procedures of the household's live entries, each with the latest day
    it was guided."""
    rows = await session.execute(
        select(Procedure.code, func.max(Entry.guided_on))
        .join(entry_procedure, entry_procedure.c.procedure_id == Procedure.id)
        .join(Entry, Entry.id == entry_procedure.c.entry_id)
        .where(Entry.household_id == household_id, Entry.deleted_at.is_(None))
        .group_by(Procedure.code)
    )
    return {str(code): day for code, day in rows}


# --- an officer's own entries, filtered ----------------------------------------------------


@dataclass(frozen=True)
class EntryFilter:
    """/cuatoi's filter: name words, a phone (E.164), part of a phone (digits anywhere, or
    the start of its E.164 form), an entry number, a month (first day) or a day."""

    words: tuple[str, ...] = ()
    phone: str = ""
    month: date | None = None
    day: date | None = None
    digits: str = ""
    prefix: str = ""
    entry: int = 0


def _entry_filter(f: EntryFilter) -> tuple[ColumnElement[bool], ...]:
    if f.phone:
        return ((Household.phone == f.phone) | (Entry.entered_phone == f.phone),)
    if f.digits:
        return (Household.phone.contains(f.digits, autoescape=True),)
    if f.prefix:
        return (Household.phone.startswith(f.prefix, autoescape=True),)
    if f.entry:
        return (Entry.id == f.entry,)
    if f.day is not None:
        return (Entry.guided_on == f.day,)
    if f.month is not None:
        start = f.month
        end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return (Entry.guided_on >= start, Entry.guided_on < end)
    return tuple(Household.name_folded.contains(w, autoescape=True) for w in f.words)


async def my_entries_page(
    session: AsyncSession,
    officer: User,
    f: EntryFilter,
    *,
    campaign_id: int,
    offset: int,
    limit: int,
) -> tuple[list[Entry], int]:
    """The officer's own entries (`models.registry._mine`) matching the filter, latest saved
    first; and how many match in all."""
    where = (*_mine(officer, campaign_id), *_entry_filter(f))
    base = select(Entry).join(Household, Household.id == Entry.household_id).where(*where)
    counted = base.with_only_columns(Entry.id).subquery()
    total = int(await session.scalar(select(func.count()).select_from(counted)) or 0)
    rows = await session.scalars(
        base.options(selectinload(Entry.procedures), selectinload(Entry.household))
        .order_by(Entry.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total
