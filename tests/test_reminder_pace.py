"""The 17:00 reminder says the pace the hamlet needs (issue 21, item 5) and, when the
hamlet has a household list, names the day's first household of /chuahuongdan. Pushed
messages are plain text: the suggestion is a line to act on, not a button."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.notify import Notifier
from bot.runtime import Runtime
from models.campaign import Hamlet
from models.roster import RosterLine, import_roster
from tests.support.notify import Recorder
from tests.support.seed import Seeded, seed

CHANNEL = "telegram"
WED_1705 = datetime(2026, 4, 15, 10, 5, tzinfo=UTC)  # 17:05 in Vietnam


@pytest.fixture
async def seeded(runtime: Runtime, clock: FixedClock) -> Seeded:
    s = await seed(runtime, channel=CHANNEL)
    clock.set(WED_1705)
    return s


async def _reminders(runtime: Runtime) -> Recorder:
    rec = Recorder()
    assert await Notifier(runtime.services, CHANNEL, rec).run_reminders() == 4
    return rec


async def test_reminder_says_the_pace_needed(runtime: Runtime, seeded: Seeded) -> None:
    rec = await _reminders(runtime)
    (text,) = rec.to("l364")
    # L364: 3 of 364 guided, 346 needed: 343 to go in the 261 days left (today included).
    assert text.splitlines() == [
        "⏰ Hôm nay (15/04/2026) Ấp Ba Sáu Tư chưa ghi nhận hộ nào.",
        "Ấp đang có chuỗi 1 ngày liên tiếp (của anh/chị: 1 ngày) – đừng để đứt chuỗi nhé!",
        "• ⚠️ Cần trung bình 1,4 hộ/ngày (10 hộ/tuần) để đạt 95,0% trước 31/12/2026 (còn 343 hộ); "
        "nhịp hiện nay dưới 0,1 hộ/ngày.",
        "Gõ /them để ghi một hộ. (Tắt nhắc nhở: /thongbao)",
    ]
    assert "Gợi ý hôm nay" not in text  # no household list for L364
    (nho,) = rec.to("nho")
    assert "• Ấp đã đạt 95,0% ✅" in nho  # 19 of 20


async def test_reminder_names_the_first_household_of_the_list(
    runtime: Runtime, seeded: Seeded
) -> None:
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "L364"))
        assert hamlet is not None
        await import_roster(
            session,
            hamlet=hamlet,
            lines=[
                RosterLine(1, "Hộ A", "Tổ 1, L364", "", ""),  # guided: matched, not suggested
                RosterLine(2, "Nguyễn Văn Mới", "Tổ 3, L364", "", "H02"),
                RosterLine(3, "Trần Thị Sau", "Tổ 3, L364", "", "H03"),
            ],
            source="ds.csv",
            fingerprint="f" * 64,
            actor_id=None,
            now=runtime.services.clock.now(),
        )
    rec = await _reminders(runtime)
    (text,) = rec.to("l364")
    lines = text.splitlines()
    assert "Gợi ý hôm nay: Nguyễn Văn Mới – Tổ 3, L364 (gõ /chuahuongdan)" in lines
    assert lines[-1] == "Gõ /them để ghi một hộ. (Tắt nhắc nhở: /thongbao)"
    assert "Trần Thị Sau" not in text  # one suggestion, the day's first
    # Only L364's people hear of L364's list.
    for who in ("nho", "l365", "l366"):
        assert "Nguyễn Văn Mới" not in rec.to(who)[0]
