"""Telegram and Zalo in one process, as `python -m bot run` starts them (bot.serve), each
against its fake: the Telegram API (tests/support/telegram_fake.py) and the Zalo server
(tests/support/zalo_fake.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial

from bot import serve
from bot.clock import FixedClock
from bot.config import Settings
from tests.support.telegram_fake import (
    FakeApiState,
    FakeRequest,
    InstrumentedChannel,
    TelegramHarness,
)
from tests.support.zalo_fake import FakeZalo
from tests.support.zalo_harness import InstrumentedZalo, ZaloHarness, zalo_settings

TG_SECRET = "telegram-secret-for-tests"
TG_ID, ZALO_ID = 4242, "f00dfeedcafe42"  # one person, on Telegram and on Zalo


@asynccontextmanager
async def running_both(
    settings: Settings,
    clock: FixedClock,
    *,
    telegram_webhook: bool = False,
    zalo_webhook: bool = False,
) -> AsyncIterator[tuple[TelegramHarness, ZaloHarness, serve.Running]]:
    """Both channels started (by polling, or by webhook through the one HTTP server), no
    scheduler; stopped afterwards. The fakes are `tg.state` and `zalo.fake`."""
    state = FakeApiState()
    async with FakeZalo() as fake:
        config = zalo_settings(settings, fake, telegram=True, webhook=zalo_webhook)
        if telegram_webhook:
            config = replace(
                config,
                telegram=replace(
                    config.telegram,
                    mode="webhook",
                    webhook_url="https://bot.example.vn/tg/hook",
                    webhook_secret=TG_SECRET,
                ),
            )
        running = await serve.start(
            config,
            clock=clock,
            factories={
                "telegram": partial(
                    InstrumentedChannel, requests=(FakeRequest(state), FakeRequest(state))
                ),
                "zalo": InstrumentedZalo,
            },
            schedule=False,
        )
        try:
            channel = running.channels["telegram"]
            assert isinstance(channel, InstrumentedChannel)
            tg = TelegramHarness(running.runtime, state, channel=channel)
            yield tg, ZaloHarness(fake, running), running
        finally:
            await serve.stop(running)
