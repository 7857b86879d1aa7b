"""`python -m bot run`: every enabled channel, the HTTP server and the scheduler in one
process and one event loop, sharing one runtime (database engine, core)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot import scheduler as jobs
from bot.channels.base import Channel, ChannelFactory, Host, factory
from bot.clock import Clock
from bot.config import ConfigError, Settings
from bot.runtime import Runtime, build_runtime, database_ok
from handlers.engine.downloads import purge

if TYPE_CHECKING:
    # aiohttp's server (~8 MB) is imported only by a process that serves HTTP (issue 22).
    from bot.http_server import HttpServer

log = logging.getLogger(__name__)

PURGE_MINUTES = 10


@dataclass
class Running:
    runtime: Runtime
    # The enabled channels by name, in the order of the configuration sections.
    channels: dict[str, Channel] = field(default_factory=dict)
    http: HttpServer | None = None
    scheduler: AsyncIOScheduler | None = None
    started: list[Channel] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [channel.name for channel in self.started]


async def start(
    settings: Settings,
    *,
    clock: Clock | None = None,
    factories: Mapping[str, ChannelFactory] | None = None,
    schedule: bool = True,
) -> Running:
    """Start every enabled channel, the HTTP server when needed and the scheduler; on any
    failure, stop what had started and re-raise.

    Tests pass `factories` that make channels talking to fakes of the messengers."""
    names = settings.enabled_channels
    if not names:
        raise ConfigError("telegram.enabled", "cfg_no_channel")
    running = Running(build_runtime(settings, clock))
    try:
        core = running.runtime.core
        for name in names:
            make = (factories or {}).get(name) or factory(name)
            running.channels[name] = make(settings, core)
        needs_http = settings.serves_http or any(
            channel.webhook_path is not None for channel in running.channels.values()
        )
        if needs_http:
            from bot.http_server import HttpServer

            running.http = HttpServer(
                running.runtime.services,
                list(running.channels.values()),
                database_ok=partial(database_ok, running.runtime),
            )
        host = Host(push_channels=names, listen=partial(_listen, running))
        for channel in running.channels.values():
            running.started.append(channel)  # stopped even if starting fails half-way
            await channel.start(host)
        await _listen(running)
        if schedule:
            running.scheduler = _scheduler(running, settings)
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


async def _listen(running: Running) -> None:
    """The HTTP server listening (once), if this configuration needs one."""
    http = running.http
    if http is not None and http.runner is None:
        await http.start()


def _scheduler(running: Running, settings: Settings) -> AsyncIOScheduler:
    scheduler = jobs.build([channel.notifier() for channel in running.started], settings)
    services = running.runtime.services

    async def purge_downloads() -> None:
        await purge(services)

    scheduler.add_job(purge_downloads, IntervalTrigger(minutes=PURGE_MINUTES), id="purge-downloads")
    return scheduler


async def stop(running: Running) -> None:
    """Stop taking updates first, finish what is in hand, then close the database."""
    if running.http is not None:
        await running.http.stop()
    if running.scheduler is not None and running.scheduler.running:
        running.scheduler.shutdown(wait=False)
    for channel in running.started:
        await channel.stop()
    await running.runtime.close()


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
