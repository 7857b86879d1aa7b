"""`python -m bot run`: every enabled channel, the HTTP server and the scheduler in one
process and one event loop, sharing one runtime (database engine, core)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import signal
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from telegram.request import BaseRequest

from bot import scheduler as jobs
from bot.channels.ordering import PerChatUpdateProcessor
from bot.channels.telegram import ALLOWED_UPDATES, TelegramChannel
from bot.channels.telegram import CHANNEL as TELEGRAM
from bot.channels.zalo import CHANNEL as ZALO
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import ZaloApi
from bot.clock import Clock
from bot.config import WEBHOOK, ConfigError, Settings
from bot.http_server import Channels, HttpServer, TelegramHook
from bot.notify import Notifier
from bot.runtime import Runtime, build_runtime, database_ok
from handlers.engine.downloads import purge

log = logging.getLogger(__name__)

PURGE_MINUTES = 10


@dataclass
class Running:
    runtime: Runtime
    channels: Channels = field(default_factory=Channels)
    telegram_app: Any = None  # telegram.ext.Application
    telegram: TelegramChannel | None = None
    zalo: ZaloChannel | None = None
    http: HttpServer | None = None
    scheduler: AsyncIOScheduler | None = None

    @property
    def names(self) -> list[str]:
        return [name for name, on in ((TELEGRAM, self.telegram_app), (ZALO, self.zalo)) if on]


def webhook_secret(configured: str | None) -> str:
    # None configured: a fresh one each start is fine for one process, since the secret is
    # registered with the messenger at start-up (several processes need a configured one).
    return configured or secrets.token_urlsafe(32)


async def _start_telegram(
    running: Running,
    settings: Settings,
    requests: tuple[BaseRequest, BaseRequest] | None,
    telegram_class: type[TelegramChannel],
) -> Notifier:
    channel = telegram_class(settings, running.runtime.core)
    channel.push_channels = _push_channels(settings)
    app = channel.build(
        request=requests[0] if requests else None,
        get_updates_request=requests[1] if requests else None,
    )
    await app.initialize()
    await channel._post_init(app)
    await app.start()
    cfg = settings.telegram
    if cfg.mode == WEBHOOK:
        secret = webhook_secret(cfg.resolve_secret())
        url = settings.telegram_webhook
        running.channels.telegram = TelegramHook(
            app=app, secret=secret, accept=partial(channel.accept_webhook, app)
        )
        await _start_http(running, settings)  # listening before Telegram starts posting
        await app.bot.set_webhook(
            url=url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=cfg.drop_pending_updates,
        )
        running.channels.alive[TELEGRAM] = lambda: bool(app.running)
    else:
        await channel.start_polling(app)
        running.channels.alive[TELEGRAM] = lambda: bool(app.running and channel.polling)
    running.telegram_app = app
    running.telegram = channel
    return channel.notifier(app)


async def _start_zalo(
    running: Running, settings: Settings, zalo_class: type[ZaloChannel]
) -> Notifier:
    cfg = settings.zalo
    channel = zalo_class(
        settings, running.runtime.core, ZaloApi(cfg.resolve_token(), base_url=cfg.base_url)
    )
    channel.push_channels = _push_channels(settings)
    running.zalo = channel  # stopped (its HTTP client closed) even if starting fails
    if cfg.mode == WEBHOOK:
        running.channels.zalo = channel
        # The route must be listening before Zalo is told where to post.
        await _start_http(running, settings)
        await channel.start(secret=webhook_secret(cfg.resolve_secret()))
    else:
        await channel.start()
    running.channels.alive[ZALO] = lambda: channel.alive
    return channel.notifier()


async def _start_http(running: Running, settings: Settings) -> None:
    if running.http is not None:
        return
    runtime = running.runtime
    running.http = HttpServer(
        runtime.services, running.channels, database_ok=lambda: database_ok(runtime)
    )
    await running.http.start()


def _push_channels(settings: Settings) -> tuple[str, ...]:
    return tuple(
        name for name, cfg in ((TELEGRAM, settings.telegram), (ZALO, settings.zalo)) if cfg.enabled
    )


async def start(
    settings: Settings,
    *,
    clock: Clock | None = None,
    telegram_requests: tuple[BaseRequest, BaseRequest] | None = None,
    telegram_class: type[TelegramChannel] = TelegramChannel,
    zalo_class: type[ZaloChannel] = ZaloChannel,
    schedule: bool = True,
) -> Running:
    """Start everything enabled; on any failure, stop what had started and re-raise.

    Tests pass fake Telegram requests and instrumented channel classes."""
    if not _push_channels(settings):
        raise ConfigError("telegram.enabled", "cfg_no_channel")
    running = Running(build_runtime(settings, clock))
    try:
        notifiers: list[Notifier] = []
        if settings.telegram.enabled:
            notifiers.append(
                await _start_telegram(running, settings, telegram_requests, telegram_class)
            )
        if settings.zalo.enabled:
            notifiers.append(await _start_zalo(running, settings, zalo_class))
        if settings.serves_http:
            await _start_http(running, settings)
        if schedule:
            running.scheduler = jobs.build(notifiers, settings)
            services = running.runtime.services

            async def purge_downloads() -> None:
                await purge(services)

            running.scheduler.add_job(
                purge_downloads, IntervalTrigger(minutes=PURGE_MINUTES), id="purge-downloads"
            )
            running.scheduler.start()
    except BaseException:
        await stop(running)
        raise
    log.info(
        "running channels=%s http=%s",
        ",".join(running.names),
        running.http.port if running.http else "-",
    )
    return running


async def stop(running: Running) -> None:
    """Stop taking updates first, finish what is in hand, then close the database."""
    if running.http is not None:
        await running.http.stop()
    if running.scheduler is not None and running.scheduler.running:
        running.scheduler.shutdown(wait=False)
    app = running.telegram_app
    if app is not None and running.telegram is not None:
        await stop_telegram(running.telegram, app)
    if running.zalo is not None:
        await running.zalo.stop()
    await running.runtime.close()


async def stop_telegram(channel: TelegramChannel, app: Any) -> None:
    """Stop taking updates at once; finish what is in hand within `chat.stop_seconds`;
    whatever waits in the queue stays in the inbox for the next start."""
    await channel.stop_polling()
    left = channel.drop_queued(app)
    if left:
        log.info("telegram: %d queued updates left in the inbox for the next start", left)
    if app.running:
        try:
            await asyncio.wait_for(app.stop(), channel.settings.chat.stop_seconds)
        except TimeoutError:
            # Cut short: their transactions roll back and their inbox rows stay open.
            log.warning(
                "telegram: stopped with messages still in hand; they run again at the next start"
            )
            processor = app.update_processor
            if isinstance(processor, PerChatUpdateProcessor):
                await processor.cancel_running()
    with contextlib.suppress(RuntimeError):
        await app.shutdown()


async def serve(settings: Settings) -> None:
    """Run until SIGINT or SIGTERM."""
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(sig, done.set)
    running = await start(settings)
    try:
        await done.wait()
    finally:
        await stop(running)
