"""Pushed messages through python-telegram-bot: its JobQueue (APScheduler) runs the jobs,
its rate limiter paces and retries, and Telegram's 403/429 answers come from the fake API."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.runtime import Runtime
from models.notifications import Notification
from models.people import Identity, Role
from tests.support.campaign import LONG_AGO, make_user
from tests.support.seed import TELEGRAM_IDS, Seeded, seed, set_joined
from tests.support.telegram_fake import FakeApiState, Sent, TelegramHarness

pytestmark = pytest.mark.slow  # scheduled pushes through the Telegram harness

SUP = int(TELEGRAM_IDS["sup"])
HEAD = int(TELEGRAM_IDS["head"])
MONDAY = datetime(2026, 4, 13, 8, 0, tzinfo=UTC)  # 15:00 Monday in Vietnam


async def seeded(runtime: Runtime) -> Seeded:
    """The seeded campaign with BNA's head registered before last week ended."""
    s = await seed(runtime, channel="telegram", ids=TELEGRAM_IDS)
    await set_joined(runtime, s.head_bna, LONG_AGO)
    return s


async def wait_for(condition: Callable[[], bool], limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


def summaries(state: FakeApiState) -> list[Sent]:
    return [s for s in state.sent if "Tóm tắt tuần" in s.text]


async def test_jobs_are_scheduled_and_a_missed_summary_goes_out_once(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seeded(runtime)
    clock.set(MONDAY)  # Monday 07:30 passed while the bot was down
    state = FakeApiState()
    harness = TelegramHarness(runtime, state, schedule=True)
    await harness.start()
    try:
        assert harness.scheduler is not None
        weekly = harness.scheduler.get_job("weekly-summary")
        assert weekly is not None and weekly.next_run_time is not None
        at = weekly.next_run_time
        assert at.weekday() == 0 and at.strftime("%H:%M") == "07:30"
        assert at.utcoffset() is not None
        assert at.utcoffset().total_seconds() == 7 * 3600
        reminder = harness.scheduler.get_job("daily-reminder")
        assert reminder is not None and reminder.next_run_time.strftime("%H:%M") == "17:00"
        # The catch-up job right after start-up sends last week's summary.
        await wait_for(lambda: len(summaries(state)) == 2)
        assert {s.chat_id for s in summaries(state)} == {SUP, HEAD}
    finally:
        await harness.stop()

    again = TelegramHarness(runtime, state, schedule=True)  # a restart
    await again.start()
    try:
        await asyncio.sleep(1.6)  # past the catch-up run
        assert again.scheduler is not None
        # Run the scheduled job itself too, as APScheduler would at 07:30.
        weekly = again.scheduler.get_job("weekly-summary")
        assert weekly is not None
        await weekly.func()
        assert len(summaries(state)) == 2
    finally:
        await again.stop()


async def test_blocked_recipient_is_marked_and_flood_limit_is_waited_out(
    runtime: Runtime, clock: FixedClock
) -> None:
    s = await seeded(runtime)
    clock.set(MONDAY)
    state = FakeApiState()
    state.errors[SUP] = [(403, "Forbidden: bot was blocked by the user", None)]
    state.errors[HEAD] = [(429, "Too Many Requests: retry after 1", 1)]
    harness = TelegramHarness(runtime, state)
    await harness.start()
    try:
        assert harness.app is not None
        sent = await harness.channel.notifier().run_weekly()
    finally:
        await harness.stop()
    assert sent == 1
    assert (SUP, 403) in state.refused and (HEAD, 429) in state.refused
    # The rate limiter waited out the 429 and sent it again; the blocked one was not retried.
    assert [s.chat_id for s in summaries(state)] == [HEAD]
    async with runtime.services.sessions() as session:
        identity = await session.scalar(select(Identity).where(Identity.external_id == str(SUP)))
        assert identity is not None and identity.blocked_at is not None
        statuses = {n.user_id: n.status for n in await session.scalars(select(Notification))}
    assert statuses == {s.supervisor.id: "blocked", s.head_bna.id: "sent"}


async def test_a_summary_to_many_recipients_stays_under_telegrams_limit(
    runtime: Runtime, clock: FixedClock
) -> None:
    await seeded(runtime)
    for i in range(45):
        await make_user(
            runtime,
            external_id=str(9000 + i),
            role=Role.SUPERVISOR,
            hamlet=None,
            name=f"Giám sát {i}",
            channel="telegram",
            joined=LONG_AGO,
        )
    clock.set(MONDAY)
    state = FakeApiState()
    harness = TelegramHarness(runtime, state)
    await harness.start()
    try:
        assert harness.app is not None
        assert await harness.channel.notifier().run_weekly() == 47
    finally:
        await harness.stop()
    times = sorted(s.at for s in summaries(state))
    assert len(times) == 47
    # Telegram allows about 30 messages per second overall.
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= 30
