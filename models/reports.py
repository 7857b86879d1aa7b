"""Figures for supervisors: every hamlet ranked for a period, officers' activity, daily series.

Coverage, pace and ranking read the per-hamlet tallies (models/tally.py): a report costs a
few rows per hamlet, whatever the number of households behind them. Officers' activity and
the evidence list read the entries of the hamlets asked for, through their indexes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row, Select, distinct, func, select, text, true
from sqlalchemy.ext.asyncio import AsyncSession

from models import tally
from models.attachments import EntryAttachment
from models.campaign import Hamlet, Procedure
from models.households import Entry, Household, entry_procedure
from models.people import Role, User
from models.periods import Period, week_start
from models.progress import Pace, days_elapsed, pace, pace_end, project, target_households
from models.rules import CampaignConfig
from models.totals import totals_as_of, totals_in_force

OFFICER_ROLES = (Role.OFFICER, Role.HAMLET_HEAD)


@dataclass(frozen=True)
class HamletRow:
    """One hamlet's line in a report. Cumulative figures are as of the period's last day."""

    hamlet_id: int
    code: str
    name: str
    total: int
    target: int
    required_procedures: int
    guided: int  # distinct households guided since the campaign began
    special: int  # households guided through the required number of procedures
    new_households: int  # households first guided within the period
    week_new: int  # households first guided in the week (Monday on) of the last day
    entries: int  # entries within the period
    active_days: int  # days within the period with an entry
    period_days: int  # days of the period elapsed so far
    projected: date | None  # when the target is reached at the pace so far
    behind_pace: bool
    rank: int = 0
    previous_rank: int | None = None
    # Where `total` (in force on the period's last day) comes from: "roster" (a list,
    # `roster_id`), "config" or "initial" (the configured figure); and the configured one.
    total_source: str = ""
    roster_id: int | None = None
    configured: int | None = None
    # What it takes to reach the target by the campaign's end, from the period's last day.
    pace: Pace | None = None

    @property
    def coverage(self) -> float:
        return self.guided / self.total if self.total else 0.0

    @property
    def reached(self) -> bool:
        return self.guided >= self.target

    @property
    def rank_change(self) -> int | None:
        """Places gained (positive) or lost since the previous period."""
        if self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


@dataclass(frozen=True)
class Report:
    period: Period
    as_of: date
    threshold: float
    campaign_end: date
    rows: tuple[HamletRow, ...]
    special_prize: bool = True  # the plan has one (`CampaignConfig.has_special_prize`)

    @property
    def new_households(self) -> int:
        return sum(r.new_households for r in self.rows)

    @property
    def behind(self) -> tuple[HamletRow, ...]:
        return tuple(r for r in self.rows if r.behind_pace)


@dataclass(frozen=True)
class OfficerActivity:
    user_id: int
    name: str
    hamlet_code: str
    hamlet_name: str
    entries: int  # within the period
    active_days: int  # within the period
    last_entry: date | None  # most recent day guided, any time up to the period's end
    inactive: bool
    idle_days: int  # days since the last entry (or since joining, if none yet)


@dataclass(frozen=True)
class EvidenceRow:
    hamlet_code: str
    hamlet_name: str
    entry_id: int
    household_id: int
    head_name: str
    address: str
    phone: str  # E.164
    shares_phone: bool
    procedures: tuple[str, ...]
    guided_on: date
    dossier_code: str
    officer: str
    recorded_at: datetime
    note: str = ""
    files: int = 0  # receipts attached (photos, PDFs), not purged


def _live(campaign_id: int, until: date) -> tuple[Any, ...]:
    return (Entry.campaign_id == campaign_id, Entry.deleted_at.is_(None), Entry.guided_on <= until)


def rank(rows: list[HamletRow]) -> list[HamletRow]:
    """Highest coverage first; ties share no rank (code breaks them) so ranks are stable."""
    ordered = sorted(rows, key=lambda r: (-r.coverage, -r.guided, r.code))
    return [_with(r, rank=i) for i, r in enumerate(ordered, 1)]


def _with(row: HamletRow, **changes: Any) -> HamletRow:
    return replace(row, **changes)


def _ranks_from(
    guided: dict[int, int], hamlets: list[Hamlet], totals: dict[int, int]
) -> dict[int, int]:
    def coverage(h: Hamlet) -> float:
        total = totals.get(h.id, h.total_households)
        return guided.get(h.id, 0) / total if total else 0.0

    ordered = sorted(hamlets, key=lambda h: (-coverage(h), -guided.get(h.id, 0), h.code))
    return {h.id: i for i, h in enumerate(ordered, 1)}


async def active_hamlets(session: AsyncSession, codes: list[str] | None = None) -> list[Hamlet]:
    stmt = select(Hamlet).where(Hamlet.active).order_by(Hamlet.code)
    if codes is not None:
        stmt = stmt.where(Hamlet.code.in_(codes))
    return list(await session.scalars(stmt))


async def build_report(
    session: AsyncSession,
    *,
    campaign_id: int,
    campaign: CampaignConfig,
    period: Period,
    today: date,
    hamlets: list[Hamlet],
    compare_with: Period | None = None,
) -> Report:
    """Ranked figures for the given hamlets over a period (ranks among those hamlets)."""
    as_of = period.as_of(today)
    ids = [h.id for h in hamlets]
    counts = await tally.figures(
        session,
        campaign_id=campaign_id,
        campaign_start=campaign.start,
        start=period.start,
        as_of=as_of,
        hamlet_ids=ids,
    )
    before_week = await tally.guided_as_of(
        session, campaign_id, week_start(as_of) - timedelta(days=1), ids
    )
    elapsed = days_elapsed(campaign, as_of)
    aim = pace_end(campaign, as_of)  # the running award round's end, or the campaign's
    # A period's figures use each hamlet's total in force on its last day (models/totals).
    totals = await totals_in_force(session, ids, as_of)
    rows: list[HamletRow] = []
    for h in hamlets:
        c = counts.get(h.id, tally.HamletFigures())
        force = totals[h.id]
        required = campaign.procedures_required(force.total)
        target = target_households(force.total, campaign.coverage_threshold)
        projected = project(c.guided, target, elapsed, as_of)
        reached = c.guided >= target
        behind = not reached and elapsed > 0 and (projected is None or projected > aim)
        rows.append(
            HamletRow(
                hamlet_id=h.id,
                code=h.code,
                name=h.name,
                total=force.total,
                target=target,
                required_procedures=required,
                guided=c.guided,
                special=c.reached.get(required, 0),
                new_households=c.new,
                week_new=c.guided - before_week.get(h.id, 0),
                entries=c.entries,
                active_days=c.days,
                period_days=period.days_elapsed(today),
                projected=projected,
                behind_pace=behind,
                pace=pace(c.guided, target, elapsed, as_of, aim, start=campaign.start),
                total_source=force.source,
                roster_id=force.roster_id,
                configured=h.configured_households,
            )
        )
    ranked = rank(rows)
    if compare_with is not None:
        then = compare_with.as_of(today)
        before = await tally.guided_as_of(session, campaign_id, then, ids)
        previous = _ranks_from(before, hamlets, await totals_as_of(session, ids, then))
        ranked = [_with(r, previous_rank=previous.get(r.hamlet_id)) for r in ranked]
    return Report(
        period=period,
        as_of=as_of,
        threshold=campaign.coverage_threshold,
        campaign_end=campaign.end,
        rows=tuple(ranked),
        special_prize=campaign.has_special_prize,
    )


def _local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


# Officers' activity: per (hamlet, officer) pair, the last day logged up to as_of and the
# entries and days within the period. A GROUP BY over the hamlets' live entries reads all of
# them (a year of entries for a weekly figure: 1.2 s at 1M households on SQLite). The live
# entries' partial index (campaign, hamlet, officer, day: ix_entry_live_hamlet_officer_day,
# migration 0008) answers with a few index rows per pair instead: the pairs by a loose
# index scan (per hamlet, one seek for the next officer after the one found), the last day
# by one seek, the period's figures by a range scan of the period alone. Deleted entries
# are not in that index, so a seek skips a deleted last entry by itself; both backends use
# the index only while the query says `deleted_at IS NULL`, as these do.


def _activity_by_seeks(
    campaign_id: int, hamlet_ids: list[int], start: date, as_of: date
) -> Select[int, int, date | None, int, int]:
    """(hamlet, officer, last day or None, entries, days) for every pair with a live entry.

    Correlated scalar subqueries, as SQLite has no LATERAL: one seek each, four per pair.
    """
    e = Entry.__table__.alias("e")
    live = (e.c.campaign_id == campaign_id, e.c.deleted_at.is_(None))
    first = (
        select(func.min(e.c.officer_id))
        .where(*live, e.c.hamlet_id == Hamlet.id)
        .correlate(Hamlet)
        .scalar_subquery()
    )
    pairs = (
        select(Hamlet.id.label("hamlet_id"), first.label("officer_id"))
        .where(Hamlet.id.in_(hamlet_ids))
        .cte("officer_pairs", recursive=True)
    )
    found = pairs.alias("found")
    following = (
        select(func.min(e.c.officer_id))
        .where(*live, e.c.hamlet_id == found.c.hamlet_id, e.c.officer_id > found.c.officer_id)
        .correlate(found)
        .scalar_subquery()
    )
    pairs = pairs.union_all(
        select(found.c.hamlet_id, following).where(found.c.officer_id.is_not(None))
    )
    own = (*live, e.c.hamlet_id == pairs.c.hamlet_id, e.c.officer_id == pairs.c.officer_id)
    within = (e.c.guided_on >= start, e.c.guided_on <= as_of)

    def per_pair(value: Any, *where: Any) -> Any:
        return select(value).where(*own, *where).correlate(pairs).scalar_subquery()

    return select(
        pairs.c.hamlet_id,
        pairs.c.officer_id,
        per_pair(func.max(e.c.guided_on), e.c.guided_on <= as_of).label("last"),
        per_pair(func.count(), *within).label("entries"),
        per_pair(func.count(distinct(e.c.guided_on)), *within).label("days"),
    ).where(pairs.c.officer_id.is_not(None))


def _activity_by_lateral(
    campaign_id: int, hamlet_ids: list[int], start: date, as_of: date
) -> Select[int, int, date | None, int, int]:
    """The same rows through LATERAL joins, for PostgreSQL: two seeks per pair.

    Each PostgreSQL seek costs a few microseconds of executor set-up, so the index is walked
    downwards with the days up to as_of only: the next officer found comes with their last
    day (and officers who logged only after as_of are passed over), and one range scan gives
    both of the period's counts. Half the seeks of `_activity_by_seeks`: 0.2 s instead of
    0.33 s for 10,000 pairs.
    """
    e = Entry.__table__.alias("e")
    live = (e.c.campaign_id == campaign_id, e.c.deleted_at.is_(None), e.c.guided_on <= as_of)

    def next_below(hamlet_id: Any, *below: Any) -> Any:
        return (
            select(e.c.officer_id, e.c.guided_on.label("last"))
            .where(*live, e.c.hamlet_id == hamlet_id, *below)
            .order_by(e.c.officer_id.desc(), e.c.guided_on.desc())
            .limit(1)
            .lateral()
        )

    top = next_below(Hamlet.id)
    pairs = (
        select(Hamlet.id.label("hamlet_id"), top.c.officer_id, top.c.last)
        .join_from(Hamlet, top, true())
        .where(Hamlet.id.in_(hamlet_ids))
        .cte("officer_pairs", recursive=True)
    )
    found = pairs.alias("found")
    after = next_below(found.c.hamlet_id, e.c.officer_id < found.c.officer_id)
    pairs = pairs.union_all(
        select(found.c.hamlet_id, after.c.officer_id, after.c.last).join_from(found, after, true())
    )
    counts = (
        select(func.count().label("entries"), func.count(distinct(e.c.guided_on)).label("days"))
        .where(
            *live,
            e.c.hamlet_id == pairs.c.hamlet_id,
            e.c.officer_id == pairs.c.officer_id,
            e.c.guided_on >= start,
        )
        .lateral()
    )
    return select(
        pairs.c.hamlet_id, pairs.c.officer_id, pairs.c.last, counts.c.entries, counts.c.days
    ).join_from(pairs, counts, true())


async def _activity_rows(
    session: AsyncSession, campaign_id: int, hamlet_ids: list[int], start: date, as_of: date
) -> Sequence[Row[int, int, date | None, int, int]]:
    if session.get_bind().dialect.name != "postgresql":
        stmt = _activity_by_seeks(campaign_id, hamlet_ids, start, as_of)
        return (await session.execute(stmt)).all()
    # PostgreSQL's planner takes a recursive CTE for ten times its first step, so this
    # statement looks costly enough to JIT-compile, and compiling (0.3 s at 3,500 hamlets)
    # costs more than running it. Off for this statement only; a failure rolls the
    # transaction back, and the setting with it.
    jit = await session.scalar(text("SELECT current_setting('jit')"))
    await session.execute(text("SET LOCAL jit = off"))
    rows = (
        await session.execute(_activity_by_lateral(campaign_id, hamlet_ids, start, as_of))
    ).all()
    await session.execute(text("SELECT set_config('jit', :jit, true)"), {"jit": jit})
    return rows


async def officer_activity(
    session: AsyncSession,
    *,
    campaign_id: int,
    period: Period,
    today: date,
    hamlets: list[Hamlet],
    inactive_days: int,
    tz: ZoneInfo,
) -> list[OfficerActivity]:
    """Each active officer of these hamlets (and anyone who logged there): entries, days, last.

    An officer is inactive after `inactive_days` days without an entry; someone who joined
    recently is measured from the day they joined, not from the campaign's start.
    """
    as_of = period.as_of(today)
    by_id = {h.id: h for h in hamlets}
    stats: dict[tuple[int, int], tuple[int, int]] = {}
    last: dict[tuple[int, int], date] = {}
    if by_id:
        for h, o, seen, n, d in await _activity_rows(
            session, campaign_id, list(by_id), period.start, as_of
        ):
            # A pair whose live entries all come after as_of had not logged by then.
            if seen is None:
                continue
            last[(int(o), int(h))] = seen
            if n:
                stats[(int(o), int(h))] = (int(n), int(d))

    members = await session.scalars(
        select(User).where(User.active, User.role.in_(OFFICER_ROLES), User.hamlet_id.in_(by_id))
    )
    keys = set(stats) | set(last)
    people: dict[int, User] = {}
    for user in members:
        people[user.id] = user
        assert user.hamlet_id is not None
        keys.add((user.id, user.hamlet_id))
    missing = {o for o, _h in keys} - set(people)
    if missing:
        for user in await session.scalars(select(User).where(User.id.in_(missing))):
            people[user.id] = user

    result: list[OfficerActivity] = []
    for officer_id, hamlet_id in keys:
        user = people[officer_id]
        hamlet = by_id[hamlet_id]
        n, days = stats.get((officer_id, hamlet_id), (0, 0))
        seen = last.get((officer_id, hamlet_id))
        if seen is None and (not user.active or user.hamlet_id != hamlet_id):
            continue
        since = (
            seen
            if seen is not None
            else max(_local_day(user.created_at, tz), period.start) - timedelta(days=1)
        )
        idle = max((as_of - since).days, 0)
        result.append(
            OfficerActivity(
                user_id=officer_id,
                name=user.display_name,
                hamlet_code=hamlet.code,
                hamlet_name=hamlet.name,
                entries=n,
                active_days=days,
                last_entry=seen,
                # Heads lead the hamlet and log when they can: never flagged as idle officers.
                inactive=user.active and user.role == Role.OFFICER and idle >= inactive_days,
                idle_days=idle,
            )
        )
    # user_id only settles namesakes with equal counts, which a set's order left open.
    result.sort(key=lambda a: (a.hamlet_code, -a.entries, a.name, a.user_id))
    return result


async def daily_new_households(
    session: AsyncSession, *, campaign_id: int, hamlet_id: int, until: date
) -> list[tuple[date, int]]:
    """(day, households first guided that day), ascending: the cumulative curve's steps."""
    return await tally.daily(
        session, campaign_id=campaign_id, hamlet_id=hamlet_id, level=tally.GUIDED, until=until
    )


async def evidence(
    session: AsyncSession, *, campaign_id: int, period: Period, today: date, hamlets: list[Hamlet]
) -> list[EvidenceRow]:
    """Every live entry of these hamlets within the period, with its household and officer."""
    by_id = {h.id: h for h in hamlets}
    wanted = (
        *_live(campaign_id, period.as_of(today)),
        Entry.guided_on >= period.start,
        Entry.hamlet_id.in_(by_id),
    )
    stmt = (
        select(Entry, Household, User.display_name)
        .join(Household, Household.id == Entry.household_id)
        .join(User, User.id == Entry.officer_id)
        .where(*wanted)
        .order_by(Entry.hamlet_id, Entry.guided_on, Entry.id)
    )
    rows = (await session.execute(stmt)).all()
    names: dict[int, list[str]] = defaultdict(list)
    # The same filter again rather than a list of entry ids: a year of entries would
    # exceed asyncpg's 32,767 bind parameters.
    links = await session.execute(
        select(entry_procedure.c.entry_id, Procedure.name)
        .join(Procedure, Procedure.id == entry_procedure.c.procedure_id)
        .join(Entry, Entry.id == entry_procedure.c.entry_id)
        .where(*wanted)
        .order_by(entry_procedure.c.entry_id, Procedure.position)
    )
    for entry_id, name in links:
        names[int(entry_id)].append(str(name))
    counted = await session.execute(
        select(EntryAttachment.entry_id, func.count())
        .join(Entry, Entry.id == EntryAttachment.entry_id)
        .where(*wanted, EntryAttachment.purged_at.is_(None))
        .group_by(EntryAttachment.entry_id)
    )
    files = {int(entry_id): int(n) for entry_id, n in counted}
    return [
        EvidenceRow(
            hamlet_code=by_id[e.hamlet_id].code,
            hamlet_name=by_id[e.hamlet_id].name,
            entry_id=e.id,
            household_id=hh.id,
            head_name=hh.head_name,
            address=hh.address,
            phone=hh.phone,
            shares_phone=hh.shares_phone,
            procedures=tuple(names[e.id]),
            guided_on=e.guided_on,
            dossier_code=e.dossier_code,
            officer=officer,
            recorded_at=e.created_at,
            note=e.note,
            files=files.get(e.id, 0),
        )
        for e, hh, officer in rows
    ]
