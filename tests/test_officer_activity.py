"""Officers' activity read through the index matches a plain count over every entry.

`officer_activity` seeks a few index rows per officer instead of reading every entry; this
compares it, on each backend, with the figures counted here from all the entries: officers
who moved, one deactivated, a deleted last entry, entries after the period's last day and in
hamlets or campaigns not asked for, and people who never logged.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from bot.runtime import Runtime
from models.campaign import Campaign, Hamlet
from models.households import Entry, Household
from models.people import Role, User
from models.periods import Period, resolve
from models.registry import campaign_by_code
from models.reports import OFFICER_ROLES, OfficerActivity, active_hamlets, officer_activity
from tests.support.campaign import make_user

TODAY = date(2026, 4, 15)  # a Wednesday: this week runs past today
INACTIVE_DAYS = 3


@dataclass(frozen=True)
class Logged:
    campaign_id: int
    hamlet_id: int
    officer_id: int
    guided_on: date
    deleted: bool


def _joined(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 1, tzinfo=UTC)


def _expected(
    entries: list[Logged],
    users: list[User],
    *,
    campaign_id: int,
    period: Period,
    hamlets: list[Hamlet],
    tz: ZoneInfo,
) -> list[OfficerActivity]:
    """What the weekly digest must say, counted from every entry one by one."""
    as_of = period.as_of(TODAY)
    by_id = {h.id: h for h in hamlets}
    people = {u.id: u for u in users}
    live = [
        e
        for e in entries
        if e.campaign_id == campaign_id
        and not e.deleted
        and e.guided_on <= as_of
        and e.hamlet_id in by_id
    ]
    pairs = {(e.officer_id, e.hamlet_id) for e in live}
    pairs |= {
        (u.id, u.hamlet_id)
        for u in users
        if u.active and u.role in OFFICER_ROLES and u.hamlet_id in by_id
    }
    out: list[OfficerActivity] = []
    for officer_id, hamlet_id in pairs:
        user, hamlet = people[officer_id], by_id[hamlet_id]
        mine = [e.guided_on for e in live if (e.officer_id, e.hamlet_id) == (officer_id, hamlet_id)]
        within = [d for d in mine if d >= period.start]
        last = max(mine, default=None)
        if last is None:
            joined = user.created_at.astimezone(tz).date()
            idle = (as_of - (max(joined, period.start) - timedelta(days=1))).days
        else:
            idle = (as_of - last).days
        idle = max(idle, 0)
        out.append(
            OfficerActivity(
                user_id=officer_id,
                name=user.display_name,
                hamlet_code=hamlet.code,
                hamlet_name=hamlet.name,
                entries=len(within),
                active_days=len(set(within)),
                last_entry=last,
                inactive=user.active and user.role == Role.OFFICER and idle >= INACTIVE_DAYS,
                idle_days=idle,
            )
        )
    return sorted(out, key=lambda a: (a.hamlet_code, -a.entries, a.name, a.user_id))


async def _campaign_data(runtime: Runtime) -> tuple[int, list[Logged], list[User]]:
    """People and entries over BNA, L364, NHO (asked for) and L366 (not asked for)."""
    hamlet: dict[str, int] = {}
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        for h in await session.scalars(select(Hamlet)):
            hamlet[h.code] = h.id

    async def person(
        key: str,
        code: str | None,
        name: str,
        role: Role = Role.OFFICER,
        joined: datetime | None = None,
    ) -> User:
        return await make_user(
            runtime, external_id=key, hamlet=code, name=name, role=role, joined=joined
        )

    long_ago = _joined(date(2026, 1, 1))
    steady = await person("steady", "BNA", "Trần Văn Đều", joined=long_ago)
    # Moved from BNA to L364 on 08/04: logged in both.
    mover = await person("mover", "L364", "Lê Thị Chuyển", joined=long_ago)
    # Taken off the campaign: listed where they logged (never flagged), nowhere else.
    gone = await person("gone", "NHO", "Phạm Văn Nghỉ", joined=long_ago)
    gone_silent = await person("gone-silent", "NHO", "Võ Thị Im", joined=long_ago)
    # The last entry was deleted: the one before is the last.
    undone = await person("undone", "BNA", "Đỗ Văn Xoá", joined=long_ago)
    # Every entry deleted; left BNA for NHO since: listed in NHO only.
    all_undone = await person("all-undone", "NHO", "Ngô Thị Xoá Hết", joined=long_ago)
    # Logged in BNA only after the period; now in L364.
    late = await person("late", "L364", "Hồ Văn Muộn", joined=long_ago)
    # Never logged: one joined long ago, one during last week, one today.
    idle = await person("idle", "L364", "Bùi Thị Chưa", joined=long_ago)
    await person("new", "L364", "Đặng Văn Mới", joined=_joined(date(2026, 4, 8)))
    await person("today", "NHO", "Lý Thị Hôm Nay", joined=_joined(TODAY))
    head = await person("head", "BNA", "Trưởng Ấp Bãi Nhà", role=Role.HAMLET_HEAD, joined=long_ago)
    # Officer of a hamlet not asked for who helped in BNA.
    helper = await person("helper", "L366", "Cao Văn Giúp", joined=long_ago)
    # Namesakes in one hamlet with equal counts: the order between them is still fixed.
    twin_a = await person("twin-a", "BNA", "Nguyễn Văn Trùng", joined=long_ago)
    twin_b = await person("twin-b", "BNA", "Nguyễn Văn Trùng", joined=long_ago)
    supervisor = await person("sup", None, "Phòng Văn hóa", role=Role.SUPERVISOR)

    rng = random.Random(22)
    entries: list[Logged] = []

    def log(who: User, code: str, day: date, deleted: bool = False, camp_id: int = 0) -> None:
        entries.append(Logged(camp_id or camp.id, hamlet[code], who.id, day, deleted))

    def days(first: date, last: date) -> list[date]:
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]

    for day in days(date(2026, 1, 5), date(2026, 4, 17)):
        for _ in range(rng.choice((0, 1, 1, 2, 3))):  # several a day, some days none
            log(steady, "BNA", day, deleted=rng.random() < 0.1)
        if rng.random() < 0.5:
            log(head, "BNA", day, deleted=rng.random() < 0.1)
        if day.weekday() < 5:
            log(mover, "BNA" if day < date(2026, 4, 8) else "L364", day)
        if day <= date(2026, 4, 1) and rng.random() < 0.4:
            log(gone, "NHO", day)
    for twin in (twin_a, twin_b):
        log(twin, "BNA", date(2026, 4, 7))
        log(twin, "BNA", date(2026, 4, 9))
    log(undone, "BNA", date(2026, 4, 2))
    log(undone, "BNA", date(2026, 4, 7))
    log(undone, "BNA", date(2026, 4, 7))
    log(undone, "BNA", date(2026, 4, 9), deleted=True)
    log(undone, "BNA", date(2026, 4, 14), deleted=True)
    log(all_undone, "BNA", date(2026, 4, 6), deleted=True)
    log(all_undone, "BNA", date(2026, 3, 20), deleted=True)
    log(late, "BNA", date(2026, 4, 13))
    log(late, "BNA", date(2026, 4, 16))
    log(helper, "BNA", date(2026, 4, 10))
    log(helper, "L366", date(2026, 4, 11))
    log(supervisor, "L364", date(2026, 4, 6))  # whoever logged is listed
    log(gone_silent, "L366", date(2026, 4, 8))

    async with runtime.services.sessions() as session, session.begin():
        other = Campaign(
            code="other-2026",
            name="Một chiến dịch khác",
            start_date=date(2026, 1, 1),
            end_date=date(2026, 12, 31),
            coverage_threshold=0.5,
            large_hamlet_households=365,
            procedures_required_large=1,
            procedures_required_small=2,
            updated_at=runtime.services.clock.now(),
        )
        session.add(other)
        await session.flush()
        # Another campaign's entries are not this one's.
        log(idle, "L364", date(2026, 4, 10), camp_id=other.id)
        log(steady, "BNA", date(2026, 4, 12), camp_id=other.id)
        for n, e in enumerate(entries):
            moment = _joined(e.guided_on)
            household = Household(
                campaign_id=e.campaign_id,
                hamlet_id=e.hamlet_id,
                head_name=f"Hộ {n}",
                name_folded=f"ho {n}",
                address="Tổ 1",
                address_folded="to 1",
                phone=f"+8491{n:07d}",
                created_by=e.officer_id,
                created_at=moment,
                updated_at=moment,
            )
            session.add(household)
            await session.flush()
            session.add(
                Entry(
                    campaign_id=e.campaign_id,
                    hamlet_id=e.hamlet_id,
                    household_id=household.id,
                    officer_id=e.officer_id,
                    guided_on=e.guided_on,
                    created_at=moment,
                    updated_at=moment,
                    deleted_at=moment + timedelta(hours=1) if e.deleted else None,
                )
            )
        await session.execute(
            update(User)
            .where(User.id.in_([gone.id, gone_silent.id]))
            .values(active=False, deactivated_at=_joined(date(2026, 4, 3)))
        )
    async with runtime.services.sessions() as session:
        users = list(await session.scalars(select(User)))
    return camp.id, entries, users


async def test_officer_activity_matches_a_count_of_every_entry(runtime: Runtime) -> None:
    campaign_id, entries, users = await _campaign_data(runtime)
    tz = runtime.settings.timezone
    camp = runtime.settings.campaign
    periods = [
        resolve("last_week", camp, TODAY),  # 06/04–12/04: the weekly digest's
        resolve("this_week", camp, TODAY),  # still running: as of today
        resolve("since_start", camp, TODAY),
        resolve("this_month", camp, TODAY),
        Period(kind="custom", start=date(2026, 3, 16), end=date(2026, 4, 8)),
        Period(kind="custom", start=date(2026, 5, 1), end=date(2026, 5, 31)),  # not begun
    ]
    async with runtime.services.sessions() as session:
        every = await active_hamlets(session)
        asked = [h for h in every if h.code in ("BNA", "L364", "NHO")]
        for hamlets in (asked, every, [h for h in every if h.code == "L365"], []):
            for period in periods:
                got = await officer_activity(
                    session,
                    campaign_id=campaign_id,
                    period=period,
                    today=TODAY,
                    hamlets=hamlets,
                    inactive_days=INACTIVE_DAYS,
                    tz=tz,
                )
                want = _expected(
                    entries,
                    users,
                    campaign_id=campaign_id,
                    period=period,
                    hamlets=hamlets,
                    tz=tz,
                )
                assert got == want, (period, [h.code for h in hamlets])

        # The cases the comparison relies on are really there (last week, BNA/L364/NHO).
        week = resolve("last_week", camp, TODAY)
        acts = await officer_activity(
            session,
            campaign_id=campaign_id,
            period=week,
            today=TODAY,
            hamlets=asked,
            inactive_days=INACTIVE_DAYS,
            tz=tz,
        )
    by = {(a.name, a.hamlet_code): a for a in acts}
    undone = by[("Đỗ Văn Xoá", "BNA")]
    assert (undone.entries, undone.active_days, undone.last_entry) == (2, 1, date(2026, 4, 7))
    assert undone.idle_days == 5 and undone.inactive
    mover_old, mover_new = by[("Lê Thị Chuyển", "BNA")], by[("Lê Thị Chuyển", "L364")]
    assert mover_old.last_entry == date(2026, 4, 7) and mover_new.last_entry == date(2026, 4, 10)
    assert ("Ngô Thị Xoá Hết", "BNA") not in by
    assert by[("Ngô Thị Xoá Hết", "NHO")].last_entry is None
    assert ("Hồ Văn Muộn", "BNA") not in by and by[("Hồ Văn Muộn", "L364")].entries == 0
    gone = by[("Phạm Văn Nghỉ", "NHO")]
    assert gone.entries == 0 and gone.last_entry is not None and not gone.inactive
    assert not any(name == "Võ Thị Im" for name, _code in by)
    newcomer = by[("Đặng Văn Mới", "L364")]
    assert newcomer.last_entry is None and newcomer.idle_days == 5
    assert by[("Bùi Thị Chưa", "L364")].idle_days == 7
    assert by[("Cao Văn Giúp", "BNA")].last_entry == date(2026, 4, 10)
    assert not by[("Trưởng Ấp Bãi Nhà", "BNA")].inactive
    twins = [a.user_id for a in acts if a.name == "Nguyễn Văn Trùng"]
    assert twins == sorted(twins) and len(twins) == 2
