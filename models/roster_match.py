"""Linking guided households to roster rows, and the households a roster says are still
waiting to be guided.

A household links to a roster row by phone first, then by folded name + address. Anything
less than one clear candidate on both sides (two rows share the phone, the name matches but
the address does not, two guided households claim one row) is left for a person to choose:
a wrong link would hide a household that was never guided.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.audit import record
from models.households import Entry, Household
from models.roster import Roster, RosterHousehold, current_roster


@dataclass(frozen=True)
class Ambiguous:
    household_id: int
    row_ids: tuple[int, ...]  # the candidate roster rows, in roster order


@dataclass(frozen=True)
class MatchResult:
    roster: Roster | None
    linked_now: int
    linked: int  # rows linked to a household, including earlier links
    ambiguous: tuple[Ambiguous, ...]
    unmatched: int  # guided households with no candidate row at all


def _live(campaign_id: int) -> tuple[ColumnElement[bool], ...]:
    return (Entry.campaign_id == campaign_id, Entry.deleted_at.is_(None))


async def guided_households(session: AsyncSession, *, campaign_id: int, hamlet_id: int) -> set[int]:
    rows = await session.scalars(
        select(Entry.household_id)
        .distinct()
        .where(*_live(campaign_id), Entry.hamlet_id == hamlet_id)
    )
    return {int(h) for h in rows}


def _candidates(
    household: Household,
    by_phone: dict[str, list[RosterHousehold]],
    by_key: dict[tuple[str, str], list[RosterHousehold]],
    by_name: dict[str, list[RosterHousehold]],
) -> tuple[str, list[RosterHousehold], bool]:
    """(how, candidate rows, sure): only a sure single candidate is linked without asking."""
    phone_rows = by_phone.get(household.phone, []) if household.phone else []
    if len(phone_rows) > 1:
        # A shared family phone: the name decides among them, or a person does.
        named = [r for r in phone_rows if r.name_folded == household.name_folded]
        return ("phone", named, True) if len(named) == 1 else ("phone", phone_rows, False)
    if phone_rows:
        return "phone", phone_rows, True
    key_rows = by_key.get((household.name_folded, household.address_folded), [])
    if key_rows:
        return "name", key_rows, True
    # Same name, another address: maybe the same family spelt its address differently,
    # maybe a namesake. A person decides.
    return "name", by_name.get(household.name_folded, []), False


async def _guided_before(
    session: AsyncSession, campaign_ids: Sequence[int], hamlet_id: int
) -> tuple[set[str], set[tuple[str, str]]]:
    """Phones and (name, address) keys of the hamlet's households with a live entry in
    these campaigns; nothing read without any."""
    if not campaign_ids:
        return set(), set()
    rows = await session.execute(
        select(Household.phone, Household.name_folded, Household.address_folded).where(
            Household.campaign_id.in_(list(campaign_ids)),
            Household.hamlet_id == hamlet_id,
            exists().where(Entry.household_id == Household.id, Entry.deleted_at.is_(None)),
        )
    )
    phones: set[str] = set()
    keys: set[tuple[str, str]] = set()
    for phone, name, address in rows:
        if phone:
            phones.add(phone)
        keys.add((name, address))
    return phones, keys


async def _of_campaign(
    session: AsyncSession, campaign_id: int, household_ids: set[int | None]
) -> set[int]:
    """Those of these households that belong to the campaign."""
    ids = [i for i in household_ids if i is not None]
    if not ids:
        return set()
    return set(
        await session.scalars(
            select(Household.id).where(Household.id.in_(ids), Household.campaign_id == campaign_id)
        )
    )


async def match_hamlet(
    session: AsyncSession, *, campaign_id: int, hamlet_id: int, now: datetime
) -> MatchResult:
    """Link what can be linked without guessing; report the rest."""
    roster = await current_roster(session, hamlet_id)
    if roster is None:
        return MatchResult(None, 0, 0, (), 0)
    rows = list(
        await session.scalars(
            select(RosterHousehold)
            .where(RosterHousehold.roster_id == roster.id)
            .order_by(RosterHousehold.row)
        )
    )
    guided = await guided_households(session, campaign_id=campaign_id, hamlet_id=hamlet_id)
    # Rows linked by an earlier campaign (the plan run again) are free to link in this one.
    ours = await _of_campaign(session, campaign_id, {r.household_id for r in rows})
    taken = {r.household_id for r in rows if r.household_id in ours}
    free = [r for r in rows if r.household_id not in ours]
    by_phone: dict[str, list[RosterHousehold]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[RosterHousehold]] = defaultdict(list)
    by_name: dict[str, list[RosterHousehold]] = defaultdict(list)
    for row in free:
        if row.phone:
            by_phone[row.phone].append(row)
        by_key[(row.name_folded, row.address_folded)].append(row)
        by_name[row.name_folded].append(row)
    waiting = [
        h
        for h in await session.scalars(
            select(Household).where(Household.id.in_(guided - taken)).order_by(Household.id)
        )
    ]
    wanted = {h.id: _candidates(h, by_phone, by_key, by_name) for h in waiting}
    claims = Counter(r.id for _how, cands, _sure in wanted.values() for r in cands)
    linked_now = 0
    ambiguous: list[Ambiguous] = []
    unmatched = 0
    for household_id, (how, cands, sure) in wanted.items():
        if not cands:
            unmatched += 1
        elif sure and len(cands) == 1 and claims[cands[0].id] == 1:
            row = cands[0]
            row.household_id, row.match, row.matched_at = household_id, how, now
            linked_now += 1
        else:
            ambiguous.append(Ambiguous(household_id, tuple(r.id for r in cands)))
    if linked_now:
        record(
            session,
            at=now,
            actor_id=None,
            action="roster_match",
            target="roster",
            target_id=roster.id,
            after={"linked": linked_now},
        )
    return MatchResult(roster, linked_now, len(taken) + linked_now, tuple(ambiguous), unmatched)


class LinkError(ValueError):
    """The row or household cannot be linked (already linked, other hamlet)."""


async def link(
    session: AsyncSession, *, row_id: int, household_id: int, actor_id: int, now: datetime
) -> RosterHousehold:
    """A person's choice: this guided household is this roster row."""
    row = await session.get(RosterHousehold, row_id)
    household = await session.get(Household, household_id)
    if row is None or household is None:
        raise LinkError("missing")
    roster = await session.get(Roster, row.roster_id)
    if roster is None or roster.replaced_at is not None or roster.hamlet_id != household.hamlet_id:
        raise LinkError("other_roster")
    if row.household_id is not None:
        before = await session.get(Household, row.household_id)
        if before is None or before.campaign_id == household.campaign_id:
            raise LinkError("row_taken")
        # Linked by an earlier campaign (the plan run again): this campaign links it anew.
    # A household is one row of the current roster: a second choice moves the link.
    await session.execute(
        update(RosterHousehold)
        .where(RosterHousehold.roster_id == roster.id, RosterHousehold.household_id == household_id)
        .values(household_id=None, match="", matched_at=None, matched_by=None)
    )
    row.household_id, row.match, row.matched_at, row.matched_by = (
        household_id,
        "chosen",
        now,
        actor_id,
    )
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="roster_link",
        target="roster_household",
        target_id=row.id,
        after={"household_id": household_id, "row": row.row},
    )
    return row


@dataclass(frozen=True)
class Suggestion:
    row_id: int
    row: int
    head_name: str
    address: str
    phone: str
    code: str
    area: str
    near: bool  # in one of the officer's own areas
    earlier: bool = False  # guided in an earlier campaign (not counted for this one)


@dataclass(frozen=True)
class Todo:
    roster: Roster | None
    total: int
    waiting: int  # roster households not yet guided
    suggestions: tuple[Suggestion, ...]
    areas: tuple[str, ...]  # the officer's areas, most worked first


async def officer_areas(
    session: AsyncSession, *, roster_id: int, officer_id: int, campaign_id: int
) -> list[str]:
    """Areas of the roster households this officer has guided, most first."""
    rows = await session.execute(
        select(RosterHousehold.area)
        .join(Entry, Entry.household_id == RosterHousehold.household_id)
        .where(
            RosterHousehold.roster_id == roster_id,
            RosterHousehold.area != "",
            Entry.officer_id == officer_id,
            *_live(campaign_id),
        )
    )
    counts = Counter(str(area) for (area,) in rows)
    return [area for area, _n in counts.most_common()]


async def todo(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet_id: int,
    officer_id: int | None,
    limit: int,
    now: datetime,
    earlier_campaign_ids: Sequence[int] = (),
) -> Todo:
    """Roster households not yet guided: the officer's own areas first, then roster order
    (offices list households house by house, so neighbours sit together)."""
    result = await match_hamlet(session, campaign_id=campaign_id, hamlet_id=hamlet_id, now=now)
    roster = result.roster
    if roster is None:
        return Todo(None, 0, 0, (), ())
    guided = await guided_households(session, campaign_id=campaign_id, hamlet_id=hamlet_id)
    # Rows a guided household may be (ambiguous) are not suggested: likely already done.
    maybe_done = {row for amb in result.ambiguous for row in amb.row_ids}
    rows = list(
        await session.scalars(
            select(RosterHousehold)
            .where(RosterHousehold.roster_id == roster.id)
            .order_by(RosterHousehold.row)
        )
    )
    open_rows = [
        r
        for r in rows
        if (r.household_id is None or r.household_id not in guided) and r.id not in maybe_done
    ]
    areas: list[str] = []
    if officer_id is not None:
        areas = await officer_areas(
            session, roster_id=roster.id, officer_id=officer_id, campaign_id=campaign_id
        )
    order = {area: i for i, area in enumerate(areas)}
    ranked = sorted(open_rows, key=lambda r: (order.get(r.area, len(order)), r.row))
    shown = ranked[:limit]
    # Guided by an earlier campaign: the row still linked to its household, or that
    # campaign's households of the hamlet have its phone or its name and address.
    linked = {r.household_id for r in shown if r.household_id is not None}
    earlier_ids = linked - await _of_campaign(session, campaign_id, set(linked))
    phones, keys = await _guided_before(session, earlier_campaign_ids, hamlet_id)
    earlier = {
        r.id
        for r in shown
        if r.household_id in earlier_ids
        or (r.phone and r.phone in phones)
        or (r.name_folded, r.address_folded) in keys
    }
    suggestions = tuple(
        Suggestion(
            row_id=r.id,
            row=r.row,
            head_name=r.head_name,
            address=r.address,
            phone=r.phone,
            code=r.code,
            area=r.area,
            near=r.area in order,
            earlier=r.id in earlier,
        )
        for r in shown
    )
    waiting = sum(1 for r in rows if r.household_id is None or r.household_id not in guided)
    return Todo(roster, len(rows), waiting, suggestions, tuple(areas))
