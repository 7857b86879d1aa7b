"""What `bot.serve` and the HTTP server know of a messenger: the `Channel` protocol.

A channel is one module, `bot/channels/<section>.py`, named after its configuration section
(`[telegram]`, `[zalo]`, a `ChannelConfig`), with a function `open_channel(settings, core)`.
`run` starts every enabled section's channel; nothing else names them.
"""

from __future__ import annotations

import importlib
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

from bot.config import Settings
from bot.notify import Notifier
from handlers.engine.core import Core


@dataclass(frozen=True)
class Webhook:
    """A route of the one HTTP server that a messenger posts its updates to."""

    secret_header: str  # the header the messenger repeats the registered secret in
    secret: str
    # Records the delivery in the inbox (the messenger hears 200 only after that) and hands
    # it on; False: a body without a usable message (answered 200 all the same, so the
    # messenger does not send it again).
    accept: Callable[[dict[str, Any]], Awaitable[bool]]
    # Zalo expects a JSON answer ({"ok": true}); Telegram an empty one.
    json_answer: bool = False


@dataclass(frozen=True)
class Host:
    """What a starting channel gets from the process around it."""

    # Every channel running in this process: a person linked on several gets each pushed
    # message once, on the one they used last.
    push_channels: tuple[str, ...]
    # The HTTP server listening: a channel in webhook mode awaits it before it tells the
    # messenger where to post.
    listen: Callable[[], Awaitable[None]]


class StartError(Exception):
    """The messenger refused the channel at start-up (a wrong token, an outage)."""

    def __init__(self, channel: str, code: int, description: str) -> None:
        super().__init__(f"{channel}: {code}")
        self.channel = channel
        self.code = code
        self.description = description


@runtime_checkable
class Channel(Protocol):
    name: str  # its configuration section, and the channel name stored with identities

    @property
    def webhook_path(self) -> str | None:
        """The local route its webhook arrives on (webhook mode), known before it starts:
        the HTTP server's routes are fixed when it starts listening."""

    @property
    def webhook(self) -> Webhook | None:
        """Set once started in webhook mode; until then the route answers 503 and the
        messenger retries."""

    @property
    def alive(self) -> bool:
        """Taking updates (for /healthz)."""

    async def start(self, host: Host) -> None:
        """Check the token, resume what the last run left, then take updates."""

    def notifier(self) -> Notifier:
        """Pushed messages (weekly summaries, reminders) through this channel."""

    async def stop(self) -> None:
        """Stop taking updates at once; what is in hand gets `chat.stop_seconds`, the rest
        stays in the inbox for the next start."""


ChannelFactory = Callable[[Settings, Core], Channel]


def factory(section: str) -> ChannelFactory:
    """`open_channel` of `bot.channels.<section>` (imported only when that channel runs)."""
    module = importlib.import_module(f"bot.channels.{section}")
    opener: ChannelFactory = module.open_channel
    return opener


def webhook_secret(configured: str | None) -> str:
    # None configured: a fresh one each start is fine for one process, since the secret is
    # registered with the messenger at start-up (several processes need a configured one).
    return configured or secrets.token_urlsafe(32)


def route_of(url: str, default: str) -> str:
    """The local path a public webhook address arrives on (a proxy keeps the path)."""
    return urlsplit(url).path or default
