"""Weekly summary and daily reminder: exactly once per period and recipient, mutes, blocks.

The notifier runs for real against the seeded SQLite campaign; only the last hop (the
transport's `deliver`) is a recorder here. tests/test_notify_telegram.py covers Telegram.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from bot.clock import FixedClock
from bot.config import Settings
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime, build_runtime
from handlers.engine.messages import PRIVATE, Inbound
from models.notifications import Notification
from models.people import Identity, Role, User
from tests.support.campaign import LONG_AGO, SUMMARY_DAY, make_user
from tests.support.notify import Recorder
from tests.support.seed import Seeded, seed, set_joined

pytestmark = pytest.mark.slow  # each summary and reminder run over the seeded campaign

CHANNEL = "telegram"
WED_1705 = datetime(2026, 4, 15, 10, 5, tzinfo=UTC)  # 17:05 in Vietnam


@pytest.fixture
async def seeded(runtime: Runtime, clock: FixedClock) -> Seeded:
    """The seeded campaign, on Monday 13/04 08:00 (last week's summary just due), with BNA's
    head registered long before (the seed has them join on 15/04)."""
    s = await seed(runtime, channel=CHANNEL)
    await set_joined(runtime, s.head_bna, LONG_AGO)
    clock.set(SUMMARY_DAY)
    return s


def notifier(runtime: Runtime, recorder: Recorder) -> Notifier:
    return Notifier(runtime.services, CHANNEL, recorder)


@pytest.fixture
async def restarted(settings: Settings, clock: FixedClock) -> AsyncIterator[Runtime]:
    """A second process over the same database, as after a restart."""
    rt = build_runtime(settings, clock)
    yield rt
    await rt.close()


async def test_weekly_summary_goes_out_once_per_period_and_recipient(
    runtime: Runtime, seeded: Seeded, restarted: Runtime, clock: FixedClock
) -> None:
    rec = Recorder()
    assert await notifier(runtime, rec).run_weekly() == 2  # the supervisor and BNA's head
    assert await notifier(runtime, rec).run_weekly() == 0  # the same run again
    assert await notifier(restarted, rec).tick() == 0  # after a restart
    assert len(rec.sent) == 2

    (summary,) = rec.to("sup")
    assert "Tóm tắt tuần 06/04 – 12/04/2026" in summary
    assert "Hộ mới trong tuần: 5" in summary
    assert "2. Ấp Ba Sáu Tư: +3 · 3/364 (0,8%) ⚠️ · ↑2 hạng" in summary
    assert "1. Ấp Nhỏ: +0 · 19/20 (95,0%) ✅ · giữ hạng" in summary
    assert "4. Ấp Ba Sáu Lăm: +0 · 2/365 (0,5%) ⚠️ · ↓2 hạng" in summary
    assert "⚠️ Chậm tiến độ:" in summary
    # As of Sunday 12/04, with N = 3: BNA's busy officer had not logged since 02/03.
    assert "Trần Văn Siêng (Ấp Bãi Nhà A, 41 ngày)" in summary
    assert "/thongbao" in summary

    (head,) = rec.to("head")
    assert "Ấp Bãi Nhà A" in head and "Ấp Nhỏ" not in head
    assert "Xếp hạng: 3/5 ấp (giữ hạng)" in head
    assert "Lê Thị Lười: 2 lượt" in head

    # Next Monday 07:30 a new period is due, and goes out once again.
    clock.set(datetime(2026, 4, 20, 0, 31, tzinfo=UTC))
    assert await notifier(runtime, rec).run_weekly() == 2
    assert "Tóm tắt tuần 13/04 – 19/04/2026" in rec.to("sup")[-1]


async def test_a_summary_missed_while_down_goes_out_once_on_start(
    runtime: Runtime, seeded: Seeded, restarted: Runtime, clock: FixedClock
) -> None:
    # The bot was down over Monday 07:30 and starts again on Monday afternoon.
    clock.set(datetime(2026, 4, 13, 8, 0, tzinfo=UTC))
    rec = Recorder()
    assert await notifier(runtime, rec).tick() == 2
    clock.set(datetime(2026, 4, 13, 8, 10, tzinfo=UTC))
    assert await notifier(restarted, rec).tick() == 0
    async with runtime.services.sessions() as session:
        rows = list(await session.scalars(select(Notification)))
    assert {(r.kind, r.period_key, r.status, r.attempts) for r in rows} == {
        ("weekly", "2026-04-06..2026-04-12", "sent", 1)
    }


async def test_a_summary_is_not_sent_days_late(
    runtime: Runtime, seeded: Seeded, clock: FixedClock
) -> None:
    # The bot starts for the first time on Saturday: Monday's summary is old news by now.
    clock.set(datetime(2026, 4, 18, 3, 0, tzinfo=UTC))
    rec = Recorder()
    assert await notifier(runtime, rec).tick() == 0
    # Up to `notifications.weekly_latest_hours` (24) after Monday 07:30 it is still caught up.
    clock.set(datetime(2026, 4, 14, 0, 31, tzinfo=UTC))  # Tuesday 07:31
    assert await notifier(runtime, rec).run_weekly() == 0
    clock.set(datetime(2026, 4, 14, 0, 29, tzinfo=UTC))  # Tuesday 07:29
    assert await notifier(runtime, rec).run_weekly() == 2
    assert {who for who, _ in rec.sent} == {"sup", "head"}


async def test_people_who_joined_after_the_week_get_the_next_summary_only(
    runtime: Runtime, seeded: Seeded, clock: FixedClock
) -> None:
    # Registered on Monday 13/04 at 07:00, minutes before last week's summary went out.
    await make_user(
        runtime,
        external_id="newsup",
        role=Role.SUPERVISOR,
        hamlet=None,
        name="Giám Sát Mới",
        channel=CHANNEL,
        joined=datetime(2026, 4, 13, 0, 0, tzinfo=UTC),
    )
    # Registered late on Sunday 12/04: there for the end of that week.
    await make_user(
        runtime,
        external_id="sunday",
        role=Role.SUPERVISOR,
        hamlet=None,
        name="Giám Sát Chủ Nhật",
        channel=CHANNEL,
        joined=datetime(2026, 4, 12, 16, 30, tzinfo=UTC),
    )
    rec = Recorder()
    assert await notifier(runtime, rec).run_weekly() == 3
    assert rec.to("newsup") == [] and len(rec.to("sunday")) == 1
    async with runtime.services.sessions() as session:
        ledger = {(n.user_id, n.period_key) for n in await session.scalars(select(Notification))}
    assert len(ledger) == 3  # nothing claimed for them either
    clock.set(datetime(2026, 4, 20, 1, 0, tzinfo=UTC))  # the next Monday, 08:00
    assert await notifier(runtime, rec).run_weekly() == 4
    assert "Tóm tắt tuần 13/04 – 19/04/2026" in rec.to("newsup")[0]


async def test_muted_recipients_get_nothing(
    runtime: Runtime, seeded: Seeded, clock: FixedClock
) -> None:
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            update(User).where(User.id == seeded.supervisor.id).values(summary_muted=True)
        )
    rec = Recorder()
    assert await notifier(runtime, rec).run_weekly() == 1
    assert rec.to("sup") == [] and len(rec.to("head")) == 1


async def test_blocked_recipient_is_marked_and_not_retried(
    runtime: Runtime, seeded: Seeded, clock: FixedClock
) -> None:
    rec = Recorder()
    rec.outcomes["sup"] = [Outcome.BLOCKED]
    assert await notifier(runtime, rec).run_weekly() == 1
    async with runtime.services.sessions() as session:
        identity = await session.scalar(select(Identity).where(Identity.external_id == "sup"))
        assert identity is not None and identity.blocked_at is not None
        status = await session.scalar(
            select(Notification.status).where(Notification.user_id == seeded.supervisor.id)
        )
        assert status == "blocked"
    # Later runs and next week's summary skip them: no send is even attempted.
    clock.set(datetime(2026, 4, 20, 1, 0, tzinfo=UTC))
    assert await notifier(runtime, rec).tick() == 1
    assert rec.to("sup") == []
    # They write to the bot again: reachable once more.
    await runtime.core.handle(
        Inbound(
            channel=CHANNEL,
            user_id="sup",
            chat_id="sup",
            chat_type=PRIVATE,
            text="/help",
            delivery_key="u1",
        )
    )
    clock.set(datetime(2026, 4, 27, 1, 0, tzinfo=UTC))
    assert await notifier(runtime, rec).run_weekly() == 2
    assert len(rec.to("sup")) == 1


async def test_transient_failures_are_retried_then_given_up(
    runtime: Runtime, seeded: Seeded, clock: FixedClock
) -> None:
    rec = Recorder()
    rec.outcomes["sup"] = [Outcome.RETRY]
    rec.outcomes["head"] = [Outcome.RETRY] * 5
    assert await notifier(runtime, rec).run_weekly() == 0
    assert await notifier(runtime, rec).run_weekly() == 1  # the supervisor's second try
    assert await notifier(runtime, rec).run_weekly() == 0  # head: third and last try
    assert await notifier(runtime, rec).run_weekly() == 0  # head: given up
    assert rec.outcomes["head"] == [Outcome.RETRY] * 2  # only 3 attempts were made
    async with runtime.services.sessions() as session:
        rows = {r.user_id: r for r in await session.scalars(select(Notification))}
    assert (rows[seeded.supervisor.id].status, rows[seeded.supervisor.id].attempts) == ("sent", 2)
    assert (rows[seeded.head_bna.id].status, rows[seeded.head_bna.id].attempts) == ("failed", 3)


async def test_reminder_goes_only_to_hamlets_without_an_entry_today(
    runtime: Runtime, seeded: Seeded, clock: FixedClock
) -> None:
    rec = Recorder()
    clock.set(datetime(2026, 4, 15, 9, 55, tzinfo=UTC))  # 16:55: not yet
    assert await notifier(runtime, rec).run_reminders() == 0
    clock.set(WED_1705)
    # BNA logged H5 today; NHO, L364, L365 and L366 did not.
    assert await notifier(runtime, rec).run_reminders() == 4
    assert {who for who, _ in rec.sent} == {"nho", "l364", "l365", "l366"}
    assert await notifier(runtime, rec).run_reminders() == 0
    (text,) = rec.to("l364")
    assert "Hôm nay (15/04/2026) Ấp Ba Sáu Tư chưa ghi nhận hộ nào" in text
    assert "chuỗi 1 ngày liên tiếp (của anh/chị: 1 ngày)" in text
    assert "bắt đầu chuỗi" in rec.to("nho")[0]  # NHO's last day was 19/03


async def test_reminder_opt_out_and_days_outside_the_campaign(
    runtime: Runtime, seeded: Seeded, clock: FixedClock
) -> None:
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            update(User).where(User.id == seeded.l365.id).values(reminders_muted=True)
        )
    rec = Recorder()
    clock.set(WED_1705)
    assert await notifier(runtime, rec).run_reminders() == 3
    assert rec.to("l365") == []
    clock.set(datetime(2027, 1, 4, 10, 5, tzinfo=UTC))  # after the campaign
    assert await notifier(runtime, rec).run_reminders() == 0
    clock.set(datetime(2026, 4, 15, 15, 0, tzinfo=UTC))  # 22:00: too late to nag
    assert await notifier(runtime, rec).run_reminders() == 0
