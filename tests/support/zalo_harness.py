"""Runs `python -m bot run`'s own start-up (bot.serve) with the Zalo channel pointed at the
fake Zalo server (tests/support/zalo_fake.py), and talks to it as a Zalo user would: typed
text only."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from bot import serve
from bot.channels.zalo import ZaloChannel
from bot.clock import Clock
from bot.config import HttpConfig, Settings, TelegramConfig, ZaloConfig
from handlers.engine.messages import Inbound
from tests.support.zalo_fake import TOKEN, FakeZalo, ZSent

SECRET = "zalo-webhook-secret-for-tests"


class InstrumentedZalo(ZaloChannel):
    """The real adapter, plus a signal when a message has been fully handled."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.done: list[str] = []
        self.changed = asyncio.Condition()

    async def _handle(self, key: str, inbound: Inbound, text: bool) -> None:
        try:
            await super()._handle(key, inbound, text)
        finally:
            async with self.changed:
                self.done.append(inbound.delivery_key)
                self.changed.notify_all()

    async def wait_done(self, key: str, limit: float = 10.0) -> None:
        async with asyncio.timeout(limit), self.changed:
            await self.changed.wait_for(lambda: key in self.done)


def zalo_settings(
    settings: Settings,
    fake: FakeZalo,
    *,
    webhook: bool = False,
    telegram: bool = False,
    public_url: str = "",
) -> Settings:
    zalo = ZaloConfig(
        enabled=True,
        token=TOKEN,
        base_url=fake.base_url,
        polling_timeout=1,
        mode="webhook" if webhook else "polling",
        webhook_url="https://bot.example.vn/zalo/hook" if webhook else "",
        webhook_secret=SECRET if webhook else None,
    )
    tg = (
        replace(settings.telegram, enabled=telegram, token="123:TEST")
        if telegram
        else TelegramConfig(enabled=False)
    )
    # Port 0: the system picks a free one (the server reports it).
    http = HttpConfig(host="127.0.0.1", port=0, public_url=public_url)
    return replace(settings, zalo=zalo, telegram=tg, http=http)


class ZaloUser:
    """Someone chatting with the bot on Zalo (through polling or the webhook)."""

    def __init__(self, harness: ZaloHarness, user_id: str, name: str) -> None:
        self.harness = harness
        self.id = user_id
        self.name = name

    async def say(self, text: str, **kw: Any) -> list[ZSent]:
        return await self.harness.say(self.id, text, name=self.name, **kw)


class ZaloHarness:
    def __init__(self, fake: FakeZalo, running: serve.Running) -> None:
        self.fake = fake
        self.running = running
        channel = running.channels["zalo"]
        assert isinstance(channel, InstrumentedZalo)
        self.channel: InstrumentedZalo = channel

    def user(self, user_id: str, name: str = "Cán Bộ") -> ZaloUser:
        return ZaloUser(self, user_id, name)

    async def say(
        self, user_id: str, text: str, *, name: str = "Cán Bộ", message_id: str | None = None
    ) -> list[ZSent]:
        """Send a text as this user and return what the bot sent back to them."""
        update = self.fake.text_update(user_id, text, name=name, message_id=message_id)
        return await self.deliver(update)

    async def deliver(self, update: dict[str, Any]) -> list[ZSent]:
        chat = str(update["message"]["chat"]["id"])
        before = len(self.fake.sent_to(chat))
        self.fake.push(update)
        await self.channel.wait_done(str(update["message"]["message_id"]))
        return self.fake.sent_to(chat)[before:]


@asynccontextmanager
async def running_zalo(
    settings: Settings, clock: Clock, **kw: Any
) -> AsyncIterator[tuple[FakeZalo, serve.Running]]:
    """The fake Zalo server and the bot running against it, stopped afterwards."""
    async with FakeZalo() as fake:
        running = await serve.start(
            zalo_settings(settings, fake, **kw),
            clock=clock,
            factories={"zalo": InstrumentedZalo},
            schedule=False,
        )
        try:
            yield fake, running
        finally:
            await serve.stop(running)


def text(sent: list[ZSent]) -> str:
    return "\n".join(s.text for s in sent)
