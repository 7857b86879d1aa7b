"""The `Channel` protocol: `bot.serve` and the HTTP server run whatever channel a section
names, with no messenger known by name. A channel written here, on plain asyncio (no
python-telegram-bot, no Zalo client), is started by the real `serve.start`, gets its
webhook route, secret check, /healthz line and stop, and talks to the real core."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import httpx
import pytest

from bot import serve
from bot.channels.base import Channel, Host, StartError, Webhook, factory
from bot.channels.telegram import TelegramChannel
from bot.channels.telegram import open_channel as open_telegram
from bot.channels.zalo import ZaloChannel
from bot.clock import FixedClock
from bot.config import HttpConfig, Settings, TelegramConfig, ZaloConfig
from bot.http_server import HttpServer
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime
from handlers.engine.core import Core
from handlers.engine.messages import Inbound, Reply
from tests.support.zalo_fake import TOKEN, FakeZalo
from tests.support.zalo_harness import zalo_settings

SECRET = "memory-channel-secret"
HEADER = "X-Memory-Secret"


class MemoryChannel:
    """A messenger that posts JSON `{"from": id, "text": …}` to its webhook."""

    name = "zalo"  # runs in the [zalo] section's place

    def __init__(self, settings: Settings, core: Core) -> None:
        self.settings = settings
        self.core = core
        self.replies: list[Reply] = []
        self.handled = asyncio.Event()
        self.listening_when_registered = False
        self.host: Host | None = None
        self.up = False
        self.stops = 0
        self._webhook: Webhook | None = None

    @property
    def webhook_path(self) -> str | None:
        return "/memory/hook"

    @property
    def webhook(self) -> Webhook | None:
        return self._webhook

    @property
    def alive(self) -> bool:
        return self.up

    async def start(self, host: Host) -> None:
        self.host = host
        self._webhook = Webhook(
            secret_header=HEADER, secret=SECRET, accept=self.accept, json_answer=True
        )
        await host.listen()
        # What a real channel does next: tell its messenger where to post.
        self.listening_when_registered = True
        self.up = True

    async def accept(self, body: dict[str, Any]) -> bool:
        if not isinstance(body.get("text"), str):
            return False
        inbound = Inbound(
            channel=self.name,
            user_id=str(body["from"]),
            chat_id=str(body["from"]),
            chat_type="private",
            text=body["text"],
            delivery_key=f"memory-{body['id']}",
        )
        self.replies.extend(await self.core.handle(inbound))
        self.handled.set()
        return True

    def notifier(self) -> Notifier:
        async def deliver(chat_id: str, text: str) -> Outcome:
            return Outcome.SENT

        return Notifier(self.core.services, self.name, deliver, channels=(self.name,))

    async def stop(self) -> None:
        self.stops += 1
        self.up = False
        self._webhook = None


def memory_settings(settings: Settings) -> Settings:
    return replace(
        settings,
        telegram=TelegramConfig(enabled=False),
        zalo=ZaloConfig(enabled=True, token="unused", mode="polling"),
        http=HttpConfig(host="127.0.0.1", port=0),
    )


async def test_a_channel_of_its_own_runs_under_serve_and_the_http_server(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    made: list[MemoryChannel] = []

    def make(s: Settings, core: Core) -> MemoryChannel:
        made.append(MemoryChannel(s, core))
        return made[-1]

    running = await serve.start(
        memory_settings(settings), clock=clock, factories={"zalo": make}, schedule=False
    )
    try:
        [channel] = made
        assert isinstance(channel, Channel)
        assert running.names == ["zalo"]
        assert channel.host is not None and channel.host.push_channels == ("zalo",)
        assert channel.listening_when_registered
        assert running.http is not None
        url = f"http://127.0.0.1:{running.http.port}"
        async with httpx.AsyncClient(base_url=url, trust_env=False) as client:
            health = await client.get("/healthz")
            assert health.json()["channels"] == {"zalo": "up"}

            body = {"id": 1, "from": "u-1", "text": "/help"}
            wrong = await client.post("/memory/hook", json=body, headers={HEADER: "nope"})
            assert (wrong.status_code, wrong.json()) == (403, {"ok": False})
            junk = await client.post("/memory/hook", content=b"[1, 2]", headers={HEADER: SECRET})
            assert junk.status_code == 400
            unusable = await client.post("/memory/hook", json={"id": 2}, headers={HEADER: SECRET})
            assert (unusable.status_code, unusable.json()) == (200, {"ok": True})
            assert not channel.handled.is_set()

            ok = await client.post("/memory/hook", json=body, headers={HEADER: SECRET})
            assert (ok.status_code, ok.json()) == (200, {"ok": True})
            await asyncio.wait_for(channel.handled.wait(), 10)
            # The core answered a stranger: it does not know this person.
            assert channel.replies and channel.replies[0].text

            channel.up = False
            down = await client.get("/healthz")
            assert down.status_code == 503 and down.json()["channels"] == {"zalo": "down"}
    finally:
        await serve.stop(running)
    assert channel.stops == 1
    assert channel.webhook is None


async def test_a_webhook_route_answers_503_until_its_channel_has_started(
    runtime: Runtime, settings: Settings
) -> None:
    channel = MemoryChannel(memory_settings(settings), runtime.core)

    async def database_ok() -> bool:
        return True

    services = replace(runtime.services, settings=channel.settings)
    http = HttpServer(services, [channel], database_ok=database_ok)
    await http.start()
    try:
        url = f"http://127.0.0.1:{http.port}"
        async with httpx.AsyncClient(base_url=url, trust_env=False) as client:
            early = await client.post("/memory/hook", json={}, headers={HEADER: SECRET})
            assert early.status_code == 503  # the messenger retries later
            health = await client.get("/healthz")
            assert health.status_code == 503 and health.json()["channels"] == {"zalo": "down"}
    finally:
        await http.stop()


async def test_channels_are_found_by_their_section_name(runtime: Runtime) -> None:
    settings = replace(runtime.settings, zalo=ZaloConfig(token=TOKEN))
    assert factory("telegram") is open_telegram
    telegram = factory("telegram")(settings, runtime.core)
    zalo = factory("zalo")(settings, runtime.core)
    assert isinstance(zalo, ZaloChannel)
    try:
        for channel in (telegram, zalo):
            assert isinstance(channel, Channel)
        assert isinstance(telegram, TelegramChannel)
        assert telegram.webhook_path is None and zalo.webhook_path is None  # polling
        assert not telegram.alive and not zalo.alive  # not started
    finally:
        await zalo.api.aclose()


async def test_a_refused_token_stops_the_start_naming_the_channel(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    async with FakeZalo(token=TOKEN + "-another-bot") as fake:
        with pytest.raises(StartError) as err:
            await serve.start(zalo_settings(settings, fake), clock=clock, schedule=False)
    assert (err.value.channel, err.value.code) == ("Zalo", 401)
    assert TOKEN not in str(err.value) and TOKEN not in err.value.description
