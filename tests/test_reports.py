"""Report figures per period against hand-counted values on the seeded campaign."""

from __future__ import annotations

from datetime import date

import pytest

from bot.runtime import Runtime
from models.periods import Period, PeriodError, previous_week, resolve, weekly_due
from models.registry import campaign_by_code
from models.reports import (
    HamletRow,
    Report,
    active_hamlets,
    build_report,
    daily_new_households,
    evidence,
    officer_activity,
)
from models.rules import CampaignConfig
from tests.support.seed import seed

TODAY = date(2026, 4, 15)
CAMPAIGN = CampaignConfig(
    code="c", name="n", unit="", start=date(2026, 1, 1), end=date(2026, 12, 31)
)


async def _report(runtime: Runtime, period: Period, compare: Period | None = None) -> Report:
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        return await build_report(
            session,
            campaign_id=camp.id,
            campaign=runtime.settings.campaign,
            period=period,
            today=TODAY,
            hamlets=await active_hamlets(session),
            compare_with=compare,
        )


def _rows(report: Report) -> dict[str, HamletRow]:
    return {r.code: r for r in report.rows}


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        ("since_start", date(2026, 1, 1), date(2026, 4, 15)),
        ("this_week", date(2026, 4, 13), date(2026, 4, 19)),
        ("last_week", date(2026, 4, 6), date(2026, 4, 12)),
        ("this_month", date(2026, 4, 1), date(2026, 4, 30)),
        ("this_quarter", date(2026, 4, 1), date(2026, 6, 30)),
        ("last_quarter", date(2026, 1, 1), date(2026, 3, 31)),
        ("q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("half", date(2026, 1, 1), date(2026, 6, 30)),
        ("year", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_periods(kind: str, start: date, end: date) -> None:
    period = resolve(kind, CAMPAIGN, TODAY)
    assert (period.start, period.end) == (start, end)


def test_periods_are_clamped_to_the_campaign() -> None:
    late_start = CampaignConfig(
        code="c", name="n", unit="", start=date(2026, 2, 10), end=date(2026, 11, 30)
    )
    assert resolve("q1", late_start, TODAY).start == date(2026, 2, 10)
    assert resolve("year", late_start, TODAY).end == date(2026, 11, 30)
    assert resolve("half", late_start, TODAY).end == date(2026, 7, 31)
    with pytest.raises(PeriodError):
        resolve("custom", CAMPAIGN, TODAY, start=date(2025, 1, 1), end=date(2025, 2, 1))
    with pytest.raises(PeriodError):
        resolve("custom", CAMPAIGN, TODAY, start=date(2026, 5, 1), end=date(2026, 4, 1))


@pytest.mark.slow
async def test_since_start_figures(runtime: Runtime) -> None:
    await seed(runtime)
    report = await _report(runtime, resolve("since_start", CAMPAIGN, TODAY))
    rows = _rows(report)
    # Ranked by coverage: NHO 95%, BNA 5/412, L364 3/364, L365 2/365, L366 1/366.
    assert [r.code for r in report.rows] == ["NHO", "BNA", "L364", "L365", "L366"]
    assert [r.rank for r in report.rows] == [1, 2, 3, 4, 5]

    nho = rows["NHO"]
    assert (nho.guided, nho.total, nho.target) == (19, 20, 19)
    assert nho.coverage == pytest.approx(0.95) and nho.reached  # exactly at 95% counts
    assert (nho.special, nho.required_procedures) == (10, 2)
    assert (nho.active_days, nho.period_days, nho.week_new) == (19, 105, 0)
    assert not nho.behind_pace and nho.projected is None

    bna = rows["BNA"]  # the deleted H6 counts nowhere
    assert (bna.guided, bna.special, bna.required_procedures) == (5, 5, 1)
    assert (bna.entries, bna.active_days, bna.week_new, bna.new_households) == (6, 6, 2, 5)
    assert bna.behind_pace and not bna.reached

    # 364 households need two procedures, 365 and 366 need one.
    assert (rows["L364"].guided, rows["L364"].special, rows["L364"].required_procedures) == (
        3,
        2,
        2,
    )
    assert (rows["L365"].guided, rows["L365"].special, rows["L365"].required_procedures) == (
        2,
        2,
        1,
    )
    assert (rows["L366"].guided, rows["L366"].special, rows["L366"].required_procedures) == (
        1,
        1,
        1,
    )
    assert report.new_households == 19 + 5 + 3 + 2 + 1


@pytest.mark.slow
async def test_last_week_figures_and_rank_changes(runtime: Runtime) -> None:
    await seed(runtime)
    period = resolve("last_week", CAMPAIGN, TODAY)
    report = await _report(runtime, period, previous_week(period.start))
    rows = _rows(report)
    assert report.as_of == date(2026, 4, 12)
    # As of 12/04: NHO 19, L364 3 (0.82%), BNA 3 (0.73%), L365 2, L366 0.
    assert [r.code for r in report.rows] == ["NHO", "L364", "BNA", "L365", "L366"]
    assert (rows["BNA"].guided, rows["BNA"].new_households, rows["BNA"].entries) == (3, 2, 2)
    assert (rows["L364"].new_households, rows["L364"].active_days) == (3, 3)
    assert rows["L366"].guided == 0 and rows["L366"].new_households == 0
    assert all(r.period_days == 7 for r in report.rows)
    assert report.new_households == 5
    # The week before (as of 05/04): NHO 1, L365 2, BNA 3, L364 4, L366 5.
    assert {r.code: r.rank_change for r in report.rows} == {
        "NHO": 0,
        "L364": 2,
        "BNA": 0,
        "L365": -2,
        "L366": 0,
    }


@pytest.mark.slow
async def test_this_week_counts_only_days_so_far(runtime: Runtime) -> None:
    await seed(runtime)
    rows = _rows(await _report(runtime, resolve("this_week", CAMPAIGN, TODAY)))
    bna = rows["BNA"]
    # H4 13/04, H1's second visit 14/04, H5 15/04; H1 is not new.
    assert (bna.new_households, bna.entries, bna.active_days, bna.period_days) == (2, 3, 3, 3)
    assert rows["L364"].new_households == 0 and rows["L364"].entries == 1
    assert rows["L366"].new_households == 1


@pytest.mark.slow
async def test_custom_period_and_quarter(runtime: Runtime) -> None:
    await seed(runtime)
    march = await _report(
        runtime, resolve("custom", CAMPAIGN, TODAY, start=date(2026, 3, 1), end=date(2026, 3, 31))
    )
    rows = _rows(march)
    assert (rows["NHO"].new_households, rows["BNA"].new_households) == (19, 1)
    assert rows["L365"].guided == 0
    q1 = _rows(await _report(runtime, resolve("q1", CAMPAIGN, TODAY)))
    assert q1["NHO"].guided == 19 and q1["NHO"].period_days == 90


@pytest.mark.slow
async def test_officer_activity_flags_the_idle_officer(runtime: Runtime) -> None:
    s = await seed(runtime)
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        bna = [h for h in await active_hamlets(session) if h.code == "BNA"]
        acts = await officer_activity(
            session,
            campaign_id=camp.id,
            period=resolve("since_start", CAMPAIGN, TODAY),
            today=TODAY,
            hamlets=bna,
            inactive_days=3,
            tz=runtime.settings.timezone,
        )
        by_name = {a.name: a for a in acts}
        assert set(by_name) == {"Trần Văn Siêng", "Lê Thị Lười", "Trưởng Ấp Bãi Nhà"}
        idle = by_name["Lê Thị Lười"]
        assert (idle.entries, idle.active_days, idle.last_entry) == (2, 2, date(2026, 4, 10))
        assert idle.idle_days == 5 and idle.inactive
        busy = by_name["Trần Văn Siêng"]
        assert (busy.entries, busy.active_days, busy.last_entry) == (4, 4, TODAY)
        assert not busy.inactive
        # The hamlet head joined today: not flagged for the days before they joined.
        assert not by_name["Trưởng Ấp Bãi Nhà"].inactive
        assert s.bna_idle.id == idle.user_id
        # With N = 6 nobody in BNA is inactive.
        relaxed = await officer_activity(
            session,
            campaign_id=camp.id,
            period=resolve("since_start", CAMPAIGN, TODAY),
            today=TODAY,
            hamlets=bna,
            inactive_days=6,
            tz=runtime.settings.timezone,
        )
        assert not any(a.inactive for a in relaxed)


@pytest.mark.slow
async def test_evidence_and_daily_series(runtime: Runtime) -> None:
    await seed(runtime)
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        bna = [h for h in await active_hamlets(session) if h.code == "BNA"]
        rows = await evidence(
            session,
            campaign_id=camp.id,
            period=resolve("since_start", CAMPAIGN, TODAY),
            today=TODAY,
            hamlets=bna,
        )
        assert [r.head_name for r in rows] == [
            "Nguyễn Văn Một",
            "Nguyễn Thị Hai",
            "Trần Văn Ba",
            "Lê Thị Bốn",
            "Nguyễn Văn Một",
            "Phạm Văn Năm",
        ]
        assert rows[1].procedures == ("Đăng ký khai sinh", "Đăng ký thường trú")
        assert rows[0].officer == "Trần Văn Siêng" and rows[0].phone.startswith("+84")
        series = await daily_new_households(
            session, campaign_id=camp.id, hamlet_id=bna[0].id, until=TODAY
        )
        assert series == [
            (date(2026, 3, 2), 1),
            (date(2026, 4, 6), 1),
            (date(2026, 4, 10), 1),
            (date(2026, 4, 13), 1),
            (date(2026, 4, 15), 1),
        ]


def test_weekly_due_is_the_week_before_the_send_time() -> None:
    from datetime import datetime, time

    monday_early = datetime(2026, 4, 13, 7, 29)
    monday_on_time = datetime(2026, 4, 13, 7, 30)
    assert weekly_due(monday_early, 0, time(7, 30), CAMPAIGN) == Period(
        "week", date(2026, 3, 30), date(2026, 4, 5)
    )
    assert weekly_due(monday_on_time, 0, time(7, 30), CAMPAIGN) == Period(
        "week", date(2026, 4, 6), date(2026, 4, 12)
    )
    # Before the first full week has ended there is nothing to summarise.
    assert weekly_due(datetime(2026, 1, 2, 9), 0, time(7, 30), CAMPAIGN) is None
    # The first week is clamped to the campaign's start (Thursday 01/01).
    assert weekly_due(datetime(2026, 1, 5, 8), 0, time(7, 30), CAMPAIGN) == Period(
        "week", date(2026, 1, 1), date(2026, 1, 4)
    )
