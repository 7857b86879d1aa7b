"""Per-hamlet figures kept beside the entries, in the same transaction, so reports for a
hamlet, a commune or a province read a handful of rows per hamlet instead of every
household and entry.

Two tables. `hamlet_day_tally` holds, per hamlet and day: live entries logged for that day,
households first guided that day, and households that reached their k-th distinct
procedure that day. `hamlet_tally` holds the same summed over all days, plus the number of
days with at least one entry. A figure "as of" a day is the total minus the days after it
(usually none: reports end today), and a period's figure is the days within it.

Every change to entries goes through `tracking()`, which recomputes the touched households
before and after and applies the difference: the tallies cannot drift from the entries
however an entry changes (new, edited date or procedures, deleted). `rebuild()` recomputes
everything (migrations, generated datasets) and `recount()` is the slow, obvious count the
tests compare against.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, Table, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from models.base import Base
from models.households import Entry, Household, entry_procedure

ENTRIES = 0  # live entries
ACTIVE_DAYS = 1  # days with at least one live entry (in hamlet_tally only)
GUIDED = 2  # households first guided


def reached(k: int) -> int:
    """Level of "households with at least k distinct procedures"."""
    return GUIDED + k


hamlet_day_tally = Table(
    "hamlet_day_tally",
    Base.metadata,
    Column("campaign_id", ForeignKey("campaign.id"), primary_key=True),
    Column("hamlet_id", ForeignKey("hamlet.id"), primary_key=True),
    Column("level", Integer, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("n", Integer, nullable=False),
    # A period across every hamlet (province reports, the weekly summary) reads by day.
    Index("ix_hamlet_day_tally_campaign_day", "campaign_id", "day"),
)

hamlet_tally = Table(
    "hamlet_tally",
    Base.metadata,
    Column("campaign_id", ForeignKey("campaign.id"), primary_key=True),
    Column("hamlet_id", ForeignKey("hamlet.id"), primary_key=True),
    Column("level", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
)

DayKey = tuple[int, int, int, date]  # campaign, hamlet, level, day
_CHUNK = 5000  # households per query: asyncpg allows 32,767 bound parameters


# ------------------------------------------------------------------------ computing


def _figures(conn: Connection, household_ids: Iterable[int]) -> dict[DayKey, int]:
    """What these households contribute to the day tallies, from their live entries."""
    ids = sorted(set(household_ids))
    out: dict[DayKey, int] = defaultdict(int)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        live = (Entry.household_id.in_(chunk), Entry.deleted_at.is_(None))
        procs: dict[int, list[int]] = defaultdict(list)
        for entry_id, procedure_id in conn.execute(
            select(entry_procedure.c.entry_id, entry_procedure.c.procedure_id)
            .join(Entry, Entry.id == entry_procedure.c.entry_id)
            .where(*live)
        ):
            procs[entry_id].append(procedure_id)
        rows = conn.execute(
            select(
                Entry.id, Entry.household_id, Entry.hamlet_id, Entry.campaign_id, Entry.guided_on
            )
            .where(*live)
            .order_by(Entry.household_id, Entry.hamlet_id, Entry.guided_on, Entry.id)
        )
        _walk(rows, procs, out)
    return out


def _walk(rows: Iterable[Any], procs: dict[int, list[int]], out: dict[DayKey, int]) -> None:
    current: tuple[int, int] | None = None
    seen: set[int] = set()
    for entry_id, household_id, hamlet_id, campaign_id, day in rows:
        if (household_id, hamlet_id) != current:
            current, seen = (household_id, hamlet_id), set()
            out[(campaign_id, hamlet_id, GUIDED, day)] += 1
        out[(campaign_id, hamlet_id, ENTRIES, day)] += 1
        for procedure_id in procs.get(entry_id, ()):
            if procedure_id not in seen:
                seen.add(procedure_id)
                out[(campaign_id, hamlet_id, reached(len(seen)), day)] += 1


@cache
def _upserts(dialect: str) -> tuple[Any, Any]:
    """The two statements adding differences, built once: the rows go as parameters, so
    SQLAlchemy compiles each once and serves it from its cache afterwards."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    day = insert(hamlet_day_tally)
    # The values after the update, under the rows' locks: two processes adding a day's
    # first entries at once still count the day as active only once.
    add_days = day.on_conflict_do_update(
        index_elements=["campaign_id", "hamlet_id", "level", "day"],
        set_={"n": hamlet_day_tally.c.n + day.excluded.n},
    ).returning(
        hamlet_day_tally.c.campaign_id,
        hamlet_day_tally.c.hamlet_id,
        hamlet_day_tally.c.level,
        hamlet_day_tally.c.day,
        hamlet_day_tally.c.n,
    )
    total = insert(hamlet_tally)
    add_totals = total.on_conflict_do_update(
        index_elements=["campaign_id", "hamlet_id", "level"],
        set_={"n": hamlet_tally.c.n + total.excluded.n},
    )
    return add_days, add_totals


def _apply(conn: Connection, delta: dict[DayKey, int]) -> None:
    """Add the differences: two statements, rows in key order so that concurrent writers
    lock them in the same order (no deadlock)."""
    changed = sorted((k, v) for k, v in delta.items() if v)
    if not changed:
        return
    add_days, add_totals = _upserts(conn.dialect.name)
    after = conn.execute(
        add_days,
        [
            {"campaign_id": c, "hamlet_id": h, "level": lv, "day": d, "n": v}
            for (c, h, lv, d), v in changed
        ],
    )
    totals: dict[tuple[int, int, int], int] = defaultdict(int)
    for campaign_id, hamlet_id, level, day, new in after:
        d = delta[(campaign_id, hamlet_id, level, day)]
        totals[(campaign_id, hamlet_id, level)] += d
        if level == ENTRIES and (new - d > 0) != (new > 0):
            totals[(campaign_id, hamlet_id, ACTIVE_DAYS)] += 1 if new > 0 else -1
    rows = [
        {"campaign_id": c, "hamlet_id": h, "level": lv, "n": v}
        for (c, h, lv), v in sorted(totals.items())
        if v
    ]
    if rows:
        conn.execute(add_totals, rows)


def rebuild(conn: Connection) -> int:
    """Recompute both tables from every entry; returns the number of households."""
    conn.execute(delete(hamlet_day_tally))
    conn.execute(delete(hamlet_tally))
    ids = [int(i) for i in conn.execute(select(Entry.household_id).distinct()).scalars()]
    days = _figures(conn, ids)
    totals: dict[tuple[int, int, int], int] = defaultdict(int)
    for (campaign_id, hamlet_id, level, _day), n in days.items():
        totals[(campaign_id, hamlet_id, level)] += n
        if level == ENTRIES:
            totals[(campaign_id, hamlet_id, ACTIVE_DAYS)] += 1
    day_rows = [
        {"campaign_id": c, "hamlet_id": h, "level": lv, "day": d, "n": n}
        for (c, h, lv, d), n in sorted(days.items())
    ]
    for i in range(0, len(day_rows), _CHUNK):
        conn.execute(hamlet_day_tally.insert(), day_rows[i : i + _CHUNK])
    total_rows = [
        {"campaign_id": c, "hamlet_id": h, "level": lv, "n": n}
        for (c, h, lv), n in sorted(totals.items())
    ]
    for i in range(0, len(total_rows), _CHUNK):
        conn.execute(hamlet_tally.insert(), total_rows[i : i + _CHUNK])
    return len(ids)


async def rebuild_async(session: AsyncSession) -> int:
    return await session.run_sync(lambda s: rebuild(s.connection()))


async def first_entry(session: AsyncSession, entry: Entry, procedure_ids: list[int]) -> None:
    """A new household's first entry: its figures are known without reading anything."""
    key = (entry.campaign_id, entry.hamlet_id)
    delta: dict[DayKey, int] = {
        (*key, ENTRIES, entry.guided_on): 1,
        (*key, GUIDED, entry.guided_on): 1,
    }
    for k in range(1, len(set(procedure_ids)) + 1):
        delta[(*key, reached(k), entry.guided_on)] = 1
    await session.run_sync(lambda s: _apply(s.connection(), delta))


@asynccontextmanager
async def tracking(session: AsyncSession, *household_ids: int) -> AsyncIterator[None]:
    """Wrap any change to these households' entries: the tallies follow it."""

    def figures(s: Session) -> dict[DayKey, int]:
        return _figures(s.connection(), household_ids)

    await session.flush()
    # Two people changing one household at once (two chats, two processes) must not both
    # compute "before" without the other's entry: the second waits here, then reads it.
    await session.execute(
        select(Household.id)
        .where(Household.id.in_(sorted(set(household_ids))))
        .order_by(Household.id)
        .with_for_update()
    )
    before = await session.run_sync(figures)
    yield
    await session.flush()
    after = await session.run_sync(figures)
    delta = {k: after.get(k, 0) - before.get(k, 0) for k in before.keys() | after.keys()}
    if any(delta.values()):
        await session.run_sync(lambda s: _apply(s.connection(), delta))


# -------------------------------------------------------------------------- reading


@dataclass
class HamletFigures:
    """One hamlet's figures as of a day, and within a period ending that day."""

    guided: int = 0
    reached: dict[int, int] = field(default_factory=dict)  # k → households with ≥ k procedures
    new: int = 0  # first guided within the period
    entries: int = 0  # within the period
    days: int = 0  # days with an entry within the period


def _scope(table: Table, campaign_id: int, hamlet_ids: list[int] | None) -> tuple[Any, ...]:
    where: tuple[Any, ...] = (table.c.campaign_id == campaign_id,)
    if hamlet_ids is not None:
        where += (table.c.hamlet_id.in_(hamlet_ids),)
    return where


async def figures(
    session: AsyncSession,
    *,
    campaign_id: int,
    campaign_start: date,
    start: date,
    as_of: date,
    hamlet_ids: list[int] | None,
) -> dict[int, HamletFigures]:
    """Figures per hamlet (None = every hamlet) for the period [start, as_of]."""
    out: dict[int, HamletFigures] = defaultdict(HamletFigures)
    day = hamlet_day_tally.c
    cumulative: dict[tuple[int, int], int] = defaultdict(int)
    for hamlet_id, level, n in await session.execute(
        select(hamlet_tally.c.hamlet_id, hamlet_tally.c.level, hamlet_tally.c.n).where(
            *_scope(hamlet_tally, campaign_id, hamlet_ids)
        )
    ):
        cumulative[(hamlet_id, level)] += n
    # Days after as_of (none when the period ends today) are taken back off the totals.
    for hamlet_id, level, n, active in await session.execute(
        select(day.hamlet_id, day.level, func.sum(day.n), func.count().filter(day.n > 0))
        .where(*_scope(hamlet_day_tally, campaign_id, hamlet_ids), day.day > as_of)
        .group_by(day.hamlet_id, day.level)
    ):
        cumulative[(hamlet_id, level)] -= int(n)
        if level == ENTRIES:
            cumulative[(hamlet_id, ACTIVE_DAYS)] -= int(active)
    if start > campaign_start:
        window = await _window(session, campaign_id, hamlet_ids, start, as_of)
    else:  # the period is the campaign so far
        window = {k: n for k, n in cumulative.items() if k[1] in (ENTRIES, GUIDED, ACTIVE_DAYS)}
    for (hamlet_id, level), n in cumulative.items():
        f = out[hamlet_id]
        if level == GUIDED:
            f.guided = n
        elif level > GUIDED:
            f.reached[level - GUIDED] = n
    for (hamlet_id, level), n in window.items():
        f = out[hamlet_id]
        if level == GUIDED:
            f.new = n
        elif level == ENTRIES:
            f.entries = n
        elif level == ACTIVE_DAYS:
            f.days = n
    return dict(out)


async def _window(
    session: AsyncSession, campaign_id: int, hamlet_ids: list[int] | None, start: date, end: date
) -> dict[tuple[int, int], int]:
    day = hamlet_day_tally.c
    rows = await session.execute(
        select(day.hamlet_id, day.level, func.sum(day.n), func.count().filter(day.n > 0))
        .where(
            *_scope(hamlet_day_tally, campaign_id, hamlet_ids),
            day.level.in_((ENTRIES, GUIDED)),
            day.day >= start,
            day.day <= end,
        )
        .group_by(day.hamlet_id, day.level)
    )
    out: dict[tuple[int, int], int] = {}
    for hamlet_id, level, n, active in rows:
        out[(hamlet_id, level)] = int(n)
        if level == ENTRIES:
            out[(hamlet_id, ACTIVE_DAYS)] = int(active)
    return out


async def guided_as_of(
    session: AsyncSession, campaign_id: int, as_of: date, hamlet_ids: list[int] | None = None
) -> dict[int, int]:
    """Households guided per hamlet up to and including as_of."""
    totals = await session.execute(
        select(hamlet_tally.c.hamlet_id, hamlet_tally.c.n).where(
            *_scope(hamlet_tally, campaign_id, hamlet_ids), hamlet_tally.c.level == GUIDED
        )
    )
    out = {int(h): int(n) for h, n in totals}
    day = hamlet_day_tally.c
    for hamlet_id, n in await session.execute(
        select(day.hamlet_id, func.sum(day.n))
        .where(
            *_scope(hamlet_day_tally, campaign_id, hamlet_ids), day.level == GUIDED, day.day > as_of
        )
        .group_by(day.hamlet_id)
    ):
        out[int(hamlet_id)] -= int(n)
    return out


async def guided_in_hamlet(
    session: AsyncSession, campaign_id: int, hamlet_id: int, as_of: date
) -> int:
    """`guided_as_of` for one hamlet, in one statement."""
    day = hamlet_day_tally.c
    later = (
        select(func.coalesce(func.sum(day.n), 0))
        .where(
            day.campaign_id == campaign_id,
            day.hamlet_id == hamlet_id,
            day.level == GUIDED,
            day.day > as_of,
        )
        .scalar_subquery()
    )
    n = await session.scalar(
        select(hamlet_tally.c.n - later).where(
            hamlet_tally.c.campaign_id == campaign_id,
            hamlet_tally.c.hamlet_id == hamlet_id,
            hamlet_tally.c.level == GUIDED,
        )
    )
    return int(n or 0)


async def daily(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet_id: int,
    level: int,
    until: date,
    since: date | None = None,
) -> list[tuple[date, int]]:
    """(day, count) for one hamlet and level, ascending, days with nothing left out."""
    day = hamlet_day_tally.c
    where = [
        day.campaign_id == campaign_id,
        day.hamlet_id == hamlet_id,
        day.level == level,
        day.day <= until,
        day.n > 0,
    ]
    if since is not None:
        where.append(day.day >= since)
    rows = await session.execute(select(day.day, day.n).where(*where).order_by(day.day))
    return [(d, int(n)) for d, n in rows]


async def recount(
    session: AsyncSession,
) -> tuple[dict[DayKey, int], dict[tuple[int, int, int], int]]:
    """Both tables as they should be, computed from the entries (slow; for tests)."""
    ids = list(await session.scalars(select(Entry.household_id).distinct()))
    days = await session.run_sync(lambda s: _figures(s.connection(), ids))
    totals: dict[tuple[int, int, int], int] = defaultdict(int)
    for (campaign_id, hamlet_id, level, _day), n in days.items():
        totals[(campaign_id, hamlet_id, level)] += n
        if level == ENTRIES and n:
            totals[(campaign_id, hamlet_id, ACTIVE_DAYS)] += 1
    return ({k: n for k, n in days.items() if n}, {k: n for k, n in totals.items() if n})


async def stored(
    session: AsyncSession,
) -> tuple[dict[DayKey, int], dict[tuple[int, int, int], int]]:
    """Both tables as stored, rows of zero left out (comparable with `recount`)."""
    day = hamlet_day_tally.c
    days = {
        (c, h, lv, d): n
        for c, h, lv, d, n in await session.execute(
            select(day.campaign_id, day.hamlet_id, day.level, day.day, day.n)
        )
        if n
    }
    totals = {
        (c, h, lv): n
        for c, h, lv, n in await session.execute(
            select(
                hamlet_tally.c.campaign_id,
                hamlet_tally.c.hamlet_id,
                hamlet_tally.c.level,
                hamlet_tally.c.n,
            )
        )
        if n
    }
    return days, totals
