"""Nothing sent is lost (Telegram and Zalo): updates are recorded before the messenger hears
they arrived, replies are kept with their effect and sent (again, if need be) after a
restart, sends are retried on 5xx and 429, and an update the library cannot read is skipped
without its payload."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy import update as update_rows

from bot import serve
from bot.clock import FixedClock
from bot.config import Settings
from bot.logsetup import setup_logging
from bot.runtime import Runtime
from models.households import Entry, Household
from models.records import InboxUpdate
from tests.support.campaign import make_user
from tests.support.telegram_fake import (
    FakeApiState,
    FakeRequest,
    InstrumentedChannel,
    TelegramHarness,
    texts,
)
from tests.support.zalo_fake import FakeZalo
from tests.support.zalo_harness import InstrumentedZalo, zalo_settings

OFFICER = 616
LINE = "Lê Văn Bền; Tổ 2; 0912 616 001; 1"


async def _count(runtime: Runtime, model: Any) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _inbox(runtime: Runtime) -> list[InboxUpdate]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(InboxUpdate).order_by(InboxUpdate.id)))


async def test_an_update_recorded_before_a_crash_is_handled_at_the_next_start(
    runtime: Runtime,
) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    harness = TelegramHarness(runtime)
    # The last run fetched and recorded this update (so Telegram was told it arrived), then
    # died before handling it.
    update = harness.message_update(OFFICER, LINE)
    key = f"telegram:999000:{update['update_id']}"
    assert await runtime.core.record_inbound("telegram", [(key, update)]) == {key}
    await harness.start()
    try:
        await harness.wait_done(update["update_id"])
        assert "Đã lưu hộ" in texts(harness.state.sent)
    finally:
        await harness.stop()
    assert await _count(runtime, Entry) == 1
    (row,) = await _inbox(runtime)
    assert row.done_at is not None and row.replies and "Đã lưu hộ" in row.replies[0]["text"]


async def test_replies_kept_with_their_effect_are_sent_after_a_restart(runtime: Runtime) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    state = FakeApiState()
    first = TelegramHarness(runtime, state)
    await first.start()
    await first.say(OFFICER, "/help")  # two replies: the help text and nothing else
    await first.say(OFFICER, LINE)
    await first.stop()
    saved = [s for s in state.sent if "Đã lưu hộ" in s.text]
    assert len(saved) == 1
    # As if the process died after the household's commit, before its reply went out.
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            update(InboxUpdate).where(InboxUpdate.id == 2).values(done_at=None, replies_sent=0)
        )
    second = TelegramHarness(runtime, state)
    await second.start()
    await second.stop()
    again = [s for s in state.sent if "Đã lưu hộ" in s.text]
    assert len(again) == 2 and again[1].text == saved[0].text  # sent, not handled anew
    assert await _count(runtime, Entry) == 1 and await _count(runtime, Household) == 1
    assert all(row.done_at is not None for row in await _inbox(runtime))


@pytest.mark.slow
async def test_sends_are_retried_on_5xx_and_flood_limits(runtime: Runtime) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    harness = TelegramHarness(runtime)
    harness.state.errors[OFFICER] = [
        (500, "Internal Server Error", None),
        (502, "Bad Gateway", None),
        (429, "Too Many Requests: retry after 1", 1),
    ]
    await harness.start()
    try:
        out = await harness.say(OFFICER, LINE)
    finally:
        await harness.stop()
    assert [code for _chat, code in harness.state.refused] == [500, 502, 429]
    assert len(out) == 1 and "Đã lưu hộ" in out[0].text  # delivered, once


async def test_an_update_the_library_cannot_read_is_skipped_quietly(
    runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    harness = TelegramHarness(runtime)
    await harness.start()
    setup_logging("DEBUG", ["123456:TEST-token-not-real"])  # the bot's own, most talkative
    caplog.set_level(logging.DEBUG)
    try:
        # A message without its chat or date (or a type newer than the library): unreadable.
        poison = {
            "update_id": 77001,
            "message": {"message_id": 1, "text": "Trần Bí Mật 0912 999 888"},
        }
        future = {"update_id": 77002, "story_reaction": {"who": "Trần Bí Mật"}}
        good = harness.message_update(OFFICER, LINE, update_id=77003)
        for update_ in (poison, future, good):
            harness.state.updates.append(update_)
        harness.state.new_update.set()
        await harness.wait_done(77003)
        assert "Đã lưu hộ" in texts(harness.state.sent)
    finally:
        await harness.stop()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "77001" in logged and "77002" in logged  # named by id
    assert "Bí Mật" not in logged and "999" not in logged
    assert all(row.done_at is not None for row in await _inbox(runtime))


async def test_zalo_updates_and_replies_survive_a_restart(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    zalo_id = "a1b2c3d4e5f60718293a"
    await make_user(runtime, external_id=zalo_id, channel="zalo")
    async with FakeZalo() as fake:
        # Received from Zalo and recorded, then the process died before handling it.
        update = fake.text_update(zalo_id, LINE)
        key = f"zalo:{update['message']['message_id']}"
        assert await runtime.core.record_inbound("zalo", [(key, update)]) == {key}
        running = await serve.start(
            zalo_settings(settings, fake),
            clock=clock,
            factories={"zalo": InstrumentedZalo},
            schedule=False,
        )
        try:
            sent = await fake.wait_sent(1, timeout=15)
            assert "Đã lưu hộ" in sent[0].text
        finally:
            await serve.stop(running)
        # Its reply recorded with the effect but never sent: sent at the next start.
        async with runtime.services.sessions() as session, session.begin():
            await session.execute(update_rows(InboxUpdate).values(done_at=None, replies_sent=0))
        running = await serve.start(
            zalo_settings(settings, fake),
            clock=clock,
            factories={"zalo": InstrumentedZalo},
            schedule=False,
        )
        try:
            sent = await fake.wait_sent(2, timeout=15)
        finally:
            await serve.stop(running)
    assert sent[1].text == sent[0].text
    assert await _count(runtime, Entry) == 1


class _Stuck(InstrumentedChannel):
    """A channel whose handling of the first household hangs (a slow report, a stuck
    database) until released."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.release = asyncio.Event()  # per test: each backend's run starts stuck

    async def _handle_update(self, update: Any, context: Any) -> None:
        if update.message is not None and "Kẹt" in (update.message.text or ""):
            await self.release.wait()
        await super()._handle_update(update, context)


@pytest.mark.slow
async def test_sigterm_finishes_in_bounded_time_and_leaves_the_rest_in_the_inbox(
    runtime: Runtime,
) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    settings = replace(runtime.settings, chat=replace(runtime.settings.chat, stop_seconds=1))
    state = FakeApiState()
    channel = _Stuck(settings, runtime.core, requests=(FakeRequest(state), FakeRequest(state)))
    stuck = TelegramHarness(runtime, state, channel=channel)
    await stuck.start()
    lines = [
        "Kẹt Văn Một; Tổ 1; 0912 616 101; 1",
        "Lê Văn Hai; Tổ 1; 0912 616 102; 1",
        "Lê Văn Ba; Tổ 1; 0912 616 103; 1",
    ]
    for line in lines:
        state.updates.append(stuck.message_update(OFFICER, line))
    state.new_update.set()
    async with asyncio.timeout(10):
        while len(await _inbox(runtime)) < 3:  # noqa: ASYNC110 (recorded by the poller)
            await asyncio.sleep(0.02)
    # The stuck update is never released before stop(): waiting for the backlog would hang
    # (the guard only turns that into a failure); stop gives up after stop_seconds.
    async with asyncio.timeout(60):
        await stuck.stop()
    assert [row.done_at for row in await _inbox(runtime)] == [None, None, None]
    assert await _count(runtime, Entry) == 0
    # The next start handles all three, in order.
    channel.release.set()
    fresh = TelegramHarness(runtime, state)
    await fresh.start()
    try:
        async with asyncio.timeout(10):
            while await _count(runtime, Entry) < 3:  # noqa: ASYNC110
                await asyncio.sleep(0.02)
    finally:
        await fresh.stop()
    saved = [s.text for s in state.sent if "Đã lưu hộ" in s.text]
    assert [next(n for n in ("Một", "Hai", "Ba") if n in t) for t in saved] == ["Một", "Hai", "Ba"]
