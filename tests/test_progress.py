"""models/progress.py: the pure rules, and the counts /tiendo shows after real dialogs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import Settings
from bot.runtime import Runtime
from handlers.engine.i18n import fmt_decimal
from models.campaign import Hamlet
from models.people import Role, User
from models.periods import week_start
from models.progress import (
    HamletCounts,
    PaceKind,
    compute_progress,
    days_elapsed,
    pace,
    project,
    target_households,
)
from models.registry import HouseholdInput, campaign_by_code, create_household_entry
from models.rules import CampaignConfig
from tests.support.campaign import make_user
from tests.support.chat import Chat, entry_id

TODAY = date(2026, 4, 15)  # conftest NOW in Vietnam time (a Wednesday)


def _campaign(
    start: date = date(2026, 1, 1), end: date = date(2026, 12, 31), threshold: float = 0.95
) -> CampaignConfig:
    return CampaignConfig(
        code="c", name="Chiến dịch", unit="", start=start, end=end, coverage_threshold=threshold
    )


def _hamlet(total: int) -> Hamlet:
    return Hamlet(code="NHO", name="Ấp Nhỏ", total_households=total)


def _counts(guided: int, special: int = 0) -> HamletCounts:
    return HamletCounts(
        guided=guided, special=special, entries_today=0, entries_week=0, active_days=0
    )


# --- pure rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "threshold", "target"),
    [
        (20, 0.95, 19),
        (400, 0.95, 380),
        (365, 0.95, 347),
        (364, 0.95, 346),
        (366, 0.95, 348),
        (100, 0.95, 95),
        (412, 0.95, 392),
        (10, 1.0, 10),
        (3, 0.5, 2),
    ],
)
def test_target_households(total: int, threshold: float, target: int) -> None:
    assert target_households(total, threshold) == target


def test_procedures_required_depends_on_hamlet_size(settings: Settings) -> None:
    campaign = settings.campaign
    assert campaign.procedures_required(364) == 2
    assert campaign.procedures_required(365) == 1
    assert campaign.procedures_required(366) == 1
    assert campaign.procedures_required(20) == 2


def test_days_elapsed() -> None:
    camp = _campaign()
    assert days_elapsed(camp, TODAY) == 105  # 31 + 28 + 31 + 15
    assert days_elapsed(camp, date(2026, 1, 1)) == 1
    assert days_elapsed(camp, date(2025, 12, 31)) == 0
    assert days_elapsed(camp, date(2025, 6, 1)) == 0
    assert days_elapsed(camp, date(2026, 12, 31)) == 365
    assert days_elapsed(camp, date(2027, 3, 1)) == 365  # capped at the campaign's end


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 4, 15), date(2026, 4, 13)),
        (date(2026, 4, 13), date(2026, 4, 13)),
        (date(2026, 4, 19), date(2026, 4, 13)),
        (date(2026, 4, 20), date(2026, 4, 20)),
        (date(2026, 1, 1), date(2025, 12, 29)),
    ],
)
def test_week_start_is_monday(day: date, monday: date) -> None:
    assert week_start(day) == monday


def test_project() -> None:
    assert project(10, 19, 10, TODAY) == TODAY + timedelta(days=9)
    assert project(3, 19, 10, TODAY) == TODAY + timedelta(days=54)  # ceil(16 * 10 / 3)
    assert project(0, 19, 10, TODAY) is None
    assert project(5, 19, 0, TODAY) is None
    assert project(19, 19, 10, TODAY) is None
    assert project(25, 19, 10, TODAY) is None


def test_compute_progress_projects_at_current_pace() -> None:
    camp = _campaign(start=TODAY - timedelta(days=9))  # today is day 10
    p = compute_progress(_hamlet(20), _counts(10), camp, TODAY)
    assert p.days_elapsed == 10
    assert p.target == 19
    assert p.remaining == 9
    assert p.coverage == 0.5
    assert not p.reached
    assert p.required_procedures == 2
    assert p.projected == TODAY + timedelta(days=9)
    assert not p.projected_after_end


def test_compute_progress_without_guided_households_has_no_projection() -> None:
    camp = _campaign(start=TODAY - timedelta(days=9))
    p = compute_progress(_hamlet(20), _counts(0), camp, TODAY)
    assert p.projected is None
    assert not p.projected_after_end
    assert p.remaining == 19
    assert p.coverage == 0.0


def test_compute_progress_reached_target() -> None:
    camp = _campaign(start=TODAY - timedelta(days=9))
    p = compute_progress(_hamlet(20), _counts(19), camp, TODAY)
    assert p.reached
    assert p.remaining == 0
    assert p.projected is None
    p = compute_progress(_hamlet(20), _counts(20), camp, TODAY)
    assert p.reached and p.remaining == 0 and p.coverage == 1.0


def test_compute_progress_projection_after_campaign_end() -> None:
    camp = _campaign(start=TODAY - timedelta(days=9), end=TODAY + timedelta(days=5))
    p = compute_progress(_hamlet(20), _counts(10), camp, TODAY)
    assert p.projected == TODAY + timedelta(days=9)
    assert p.campaign_end == TODAY + timedelta(days=5)
    assert p.projected_after_end


def test_compute_progress_large_hamlet_needs_one_procedure() -> None:
    p = compute_progress(_hamlet(365), _counts(2, special=2), _campaign(), TODAY)
    assert p.target == 347
    assert p.required_procedures == 1
    assert p.special == 2


def test_compute_progress_empty_hamlet_has_zero_coverage() -> None:
    p = compute_progress(_hamlet(0), _counts(0), _campaign(), TODAY)
    assert p.coverage == 0.0


# --- counts through the real dialog ------------------------------------------------------


async def _log(chat: Chat, line: str) -> str:
    """A household line: stored at once, or the duplicate question it raised."""
    out = await chat.say(line)
    assert "Đã lưu hộ" in out or "có thể đã được ghi nhận" in out, out
    return out


async def _officer(runtime: Runtime, hamlet: str) -> Chat:
    ext = f"officer-{hamlet.lower()}"
    await make_user(runtime, external_id=ext, hamlet=hamlet)
    return Chat(runtime, ext)


async def test_small_hamlet_needs_two_procedures_for_special(runtime: Runtime) -> None:
    chat = await _officer(runtime, "L364")
    assert "Đã lưu hộ" in await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1")
    out = await chat.say("/tiendo")
    assert "1/364 hộ" in out
    assert "(từ 2 thủ tục trở lên): 0/364" in out
    # Two procedures in one entry: this household qualifies.
    assert "Đã lưu hộ" in await _log(chat, "Trần Thị B; Tổ 2; 0912000002; 1, 2")
    out = await chat.say("/tiendo")
    assert "2/364 hộ" in out
    assert "(từ 2 thủ tục trở lên): 1/364" in out
    assert "Cần 346 hộ để đạt mục tiêu, còn thiếu 344 hộ" in out


async def test_small_hamlet_special_across_two_entries_of_same_household(
    runtime: Runtime,
) -> None:
    chat = await _officer(runtime, "L364")
    await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1; 01/04/2026")
    out = await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 2")
    assert "có thể đã được ghi nhận" in out
    out = await chat.press("Cùng hộ")
    assert "vào hộ đã có" in out
    out = await chat.say("/tiendo")
    assert "1/364 hộ" in out  # one household, counted once
    assert "(từ 2 thủ tục trở lên): 1/364" in out
    assert "hôm nay 1 · tuần này 1" in out
    assert "Số ngày có ghi nhận: 2/105 ngày" in out


@pytest.mark.slow
async def test_same_procedure_twice_is_still_one_procedure(runtime: Runtime) -> None:
    chat = await _officer(runtime, "L364")
    await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1; 01/04/2026")
    await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1")
    await chat.press("Cùng hộ")
    out = await chat.say("/tiendo")
    assert "1/364 hộ" in out
    assert "(từ 2 thủ tục trở lên): 0/364" in out


async def test_large_hamlets_need_one_procedure_for_special(runtime: Runtime) -> None:
    chat365 = await _officer(runtime, "L365")
    chat366 = await _officer(runtime, "L366")
    await _log(chat365, "Nguyễn Văn A; Tổ 1; 0912000001; 1")
    await _log(chat365, "Lê Văn C; Tổ 2; 0912000003; 3; 14/04/2026")
    await _log(chat366, "Phạm Thị D; Tổ 1; 0912000004; 2")

    out = await chat365.say("/tiendo")
    assert "Ấp Ba Sáu Lăm" in out
    assert "2/365 hộ" in out
    assert "(từ 1 thủ tục trở lên): 2/365" in out
    assert "Cần 347 hộ để đạt mục tiêu, còn thiếu 345 hộ" in out
    assert "hôm nay 1 · tuần này 2" in out
    assert "Số ngày có ghi nhận: 2/105 ngày" in out

    out = await chat366.say("/tiendo")
    assert "1/366 hộ" in out  # other hamlets' households are not counted here
    assert "(từ 1 thủ tục trở lên): 1/366" in out
    assert "Cần 348 hộ" in out


async def test_today_week_and_active_day_counts(runtime: Runtime) -> None:
    chat = await _officer(runtime, "L365")
    await _log(chat, "Hộ Một; Tổ 1; 0912000011; 1")  # today, Wed 15/04
    await _log(chat, "Hộ Hai; Tổ 1; 0912000012; 1; 15/04/2026")
    await _log(chat, "Hộ Ba; Tổ 1; 0912000013; 1; 13/04/2026")  # Monday: this week
    await _log(chat, "Hộ Bốn; Tổ 1; 0912000014; 1; 12/04/2026")  # Sunday: last week
    await _log(chat, "Hộ Năm; Tổ 1; 0912000015; 1; 01/01/2026")  # first campaign day
    out = await chat.say("/tiendo")
    assert "(đến ngày 15/04/2026)" in out
    assert "5/365 hộ" in out
    assert "hôm nay 2 · tuần này 3" in out
    assert "Số ngày có ghi nhận: 4/105 ngày" in out


async def _seed(runtime: Runtime, hamlet_code: str, n: int) -> None:
    """`n` households logged straight through the model (fast), spread over early April."""
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == hamlet_code))
        assert hamlet is not None
        officer = await session.scalar(select(User).where(User.hamlet_id == hamlet.id))
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        assert officer is not None
        for i in range(n):
            await create_household_entry(
                session,
                campaign_id=camp.id,
                hamlet_id=hamlet.id,
                officer=officer,
                now=runtime.services.clock.now(),
                data=HouseholdInput(
                    name=f"Hộ Số {i}",
                    address="Tổ 1",
                    phone=f"+849120{i:05d}",
                    procedure_codes=("KS",),
                    dossier_code="",
                    guided_on=date(2026, 4, 1 + i % 10),
                ),
            )


async def test_progress_says_the_pace_needed_not_a_far_date(runtime: Runtime) -> None:
    """15/04 → 31/12 is 261 days, today included."""
    chat = await _officer(runtime, "NHO")
    out = await chat.say("/tiendo")
    assert "0/20 hộ" in out
    # Nothing guided yet: only the pace needed (19 households in 261 days).
    assert (
        "• Cần trung bình 0,1 hộ/ngày (1 hộ/tuần) để đạt 95,0% trước 31/12/2026 (còn 19 hộ)." in out
    )
    await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1")
    out = await chat.say("/tiendo")
    # 1 household in 105 days: too slow, and said so without a date in 2031.
    assert (
        "• ⚠️ Cần trung bình 0,1 hộ/ngày (1 hộ/tuần) để đạt 95,0% trước 31/12/2026 (còn 18 hộ); "
        "nhịp hiện nay dưới 0,1 hộ/ngày."
    ) in out
    assert "dự kiến" not in out.lower()


async def test_progress_pace_behind_in_a_large_hamlet(runtime: Runtime) -> None:
    chat = await _officer(runtime, "BNA")
    await _seed(runtime, "BNA", 30)
    out = await chat.say("/tiendo")
    # 392 needed of 412, 362 to go in 261 days: 13,9 → 1,4 a day, 9,7 → 10 a week; so far
    # 30 in 105 days, 0,2 a day.
    assert (
        "• ⚠️ Cần trung bình 1,4 hộ/ngày (10 hộ/tuần) để đạt 95,0% trước 31/12/2026 (còn 362 hộ); "
        "nhịp hiện nay 0,2 hộ/ngày."
    ) in out
    await make_user(runtime, external_id="sup-pace", role=Role.SUPERVISOR, hamlet=None)
    table = await Chat(runtime, "sup-pace").say("/tiendo")
    assert "Ấp Bãi Nhà A (BNA): 30/412 – 7,3% · cần 1,4 hộ/ngày" in table
    assert "Ấp Nhỏ (NHO): 0/20 – 0,0% · cần 0,1 hộ/ngày" in table


async def test_progress_on_pace(runtime: Runtime) -> None:
    chat = await _officer(runtime, "NHO")
    await _seed(runtime, "NHO", 15)
    out = await chat.say("/tiendo")
    # 15 in 105 days (0,14 a day) is more than the 4 still needed in 261 days ask.
    assert "• Với nhịp hiện nay (0,1 hộ/ngày) ấp sẽ đạt 95,0% trước 31/12/2026 – còn 4 hộ" in out
    assert "⚠️" not in out
    await make_user(runtime, external_id="sup-pace", role=Role.SUPERVISOR, hamlet=None)
    table = await Chat(runtime, "sup-pace").say("/tiendo")
    assert "Ấp Nhỏ (NHO): 15/20 – 75,0% · đủ nhịp" in table


async def test_progress_after_the_campaign_ended(runtime: Runtime, clock: FixedClock) -> None:
    chat = await _officer(runtime, "NHO")
    await _seed(runtime, "NHO", 3)
    clock.set(datetime(2027, 1, 5, 3, 0, tzinfo=UTC))
    out = await chat.say("/tiendo")
    assert "• Phong trào đã kết thúc ngày 31/12/2026; ấp chưa đạt 95,0% (còn thiếu 16 hộ)." in out
    assert "Cần trung bình" not in out


@pytest.mark.parametrize(
    ("guided", "target", "kind", "needed", "week", "current"),
    [
        (0, 19, PaceKind.BEHIND, 1, 1, None),  # 19 in 261 days: 0,1 a day
        (100, 392, PaceKind.BEHIND, 12, 8, 9),  # 292 to go: 1,12 → 1,2; 7,8 → 8 a week
        (150, 392, PaceKind.ON_PACE, 10, 7, 14),  # 242 to go; 1,43 a day so far
        (392, 392, PaceKind.REACHED, 0, 0, 37),
        (778, 4750, PaceKind.BEHIND, 153, 107, 74),  # 3.972 to go: 15,2 → 15,3 a day
    ],
)
def test_pace(
    guided: int, target: int, kind: PaceKind, needed: int, week: int, current: int | None
) -> None:
    p = pace(guided, target, 105, TODAY, date(2026, 12, 31))
    assert (p.kind, p.needed_tenths, p.needed_week, p.current_tenths) == (
        kind,
        needed,
        week,
        current,
    )
    assert p.remaining == max(target - guided, 0)


def test_pace_after_the_end_and_before_the_start() -> None:
    ended = pace(10, 19, 365, date(2027, 1, 2), date(2026, 12, 31))
    assert (ended.kind, ended.remaining) == (PaceKind.ENDED, 9)
    early = pace(0, 365, 0, date(2025, 12, 1), date(2026, 12, 31), start=date(2026, 1, 1))
    assert (early.days_left, early.needed_tenths, early.needed_week) == (365, 10, 7)


def test_vietnamese_number_formats() -> None:
    assert fmt_decimal("vi", 1.5) == "1,5"
    assert fmt_decimal("vi", 2.0) == "2"
    assert fmt_decimal("vi", 3972) == "3.972"
    assert fmt_decimal("vi", 1234.5) == "1.234,5"
    assert fmt_decimal("en", 1234.5) == "1,234.5"


async def test_progress_reached_in_small_hamlet(runtime: Runtime) -> None:
    chat = await _officer(runtime, "NHO")
    # 18 households stored directly (fast), the 19th through the dialog.
    async with runtime.services.sessions() as session, session.begin():
        officer = await session.scalar(select(User).where(User.hamlet_id.is_not(None)))
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "NHO"))
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        assert officer is not None and hamlet is not None
        for i in range(18):
            await create_household_entry(
                session,
                campaign_id=camp.id,
                hamlet_id=hamlet.id,
                officer=officer,
                now=runtime.services.clock.now(),
                data=HouseholdInput(
                    name=f"Hộ Số {i}",
                    address="Tổ 1",
                    phone=f"+849120001{i:02d}",
                    procedure_codes=("KS", "KH"),
                    dossier_code="",
                    guided_on=date(2026, 4, 1 + i % 10),
                ),
            )
    out = await chat.say("/tiendo")
    assert "18/20 hộ – 90,0%" in out
    assert "còn thiếu 1 hộ" in out
    await _log(chat, "Hộ Cuối; Tổ 2; 0912999999; 1, 2")
    out = await chat.say("/tiendo")
    assert "19/20 hộ – 95,0%" in out
    assert "✅" in out
    assert "Đã đạt mục tiêu (19 hộ)" in out
    assert "(từ 2 thủ tục trở lên): 19/20" in out
    assert "hôm nay 1 · tuần này 1" in out
    assert "Số ngày có ghi nhận: 11/105 ngày" in out
    assert "dự kiến" not in out.lower()


async def test_today_follows_vietnam_time(runtime: Runtime, clock: FixedClock) -> None:
    chat = await _officer(runtime, "L365")
    # 17:30 UTC on 15/04 is already 00:30 on Thursday 16/04 in Vietnam.
    clock.set(datetime(2026, 4, 15, 17, 30, tzinfo=UTC))
    out = await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1")
    assert "Đã lưu hộ" in out
    out = await chat.say("/tiendo")
    assert "(đến ngày 16/04/2026)" in out
    assert "hôm nay 1 · tuần này 1" in out
    assert "Số ngày có ghi nhận: 1/106 ngày" in out


async def test_deleted_entry_no_longer_counts(runtime: Runtime) -> None:
    chat = await _officer(runtime, "L365")
    await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1")
    out = await _log(chat, "Trần Thị B; Tổ 2; 0912000002; 1")
    doomed = entry_id(out)
    assert "2/365 hộ" in await chat.say("/tiendo")

    assert "Xóa mục này?" in await chat.say(f"/xoa {doomed}")
    assert "lý do: Nhập nhầm" in await chat.press("Nhập nhầm")
    assert f"Đã xóa mục #{doomed}" in await chat.press("Xóa")

    out = await chat.say("/tiendo")
    assert "1/365 hộ" in out
    assert "(từ 1 thủ tục trở lên): 1/365" in out
    assert "hôm nay 1 · tuần này 1" in out


async def test_deleting_second_procedure_drops_special(runtime: Runtime) -> None:
    chat = await _officer(runtime, "L364")
    await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 1; 01/04/2026")
    await _log(chat, "Nguyễn Văn A; Tổ 1; 0912000001; 2")
    second = entry_id(await chat.press("Cùng hộ"))
    assert "(từ 2 thủ tục trở lên): 1/364" in await chat.say("/tiendo")
    await chat.say(f"/xoa {second}")
    await chat.press("Nhập nhầm")
    await chat.press("Xóa")
    out = await chat.say("/tiendo")
    assert "1/364 hộ" in out  # the household is still guided by its first entry
    assert "(từ 2 thủ tục trở lên): 0/364" in out
    assert "Số ngày có ghi nhận: 1/105 ngày" in out
