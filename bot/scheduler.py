"""APScheduler jobs for the pushed messages of every running channel.

The weekly summary and the daily reminder fire at their configured times in the campaign's
timezone; a catch-up run right after start-up sends whatever was missed while the bot was
down, and a periodic run retries transient failures. All of them call the same idempotent
`Notifier` methods, so overlapping runs never send twice. One scheduler serves Telegram and
Zalo alike (it is the APScheduler 3 that python-telegram-bot's JobQueue wraps, used
directly so a Zalo-only deployment schedules the same way).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.notify import Notifier
from handlers.engine.context import Services
from models import inbox
from models.concurrency import prune_deliveries

log = logging.getLogger(__name__)

# Jobs delayed by a busy event loop still run within this many seconds (APScheduler's
# default is 1 s, after which a late job is silently skipped).
MISFIRE_GRACE = 3600
# How often the tally of a finished announcement is looked for, when the app that sent its
# last message is not the one its sender uses (a cheap query when nothing is unfinished).
REPORT_MINUTES = 1
PRUNE_HOURS = 1  # how often old rows are pruned (the first time a minute after start)
_CRON_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def build(
    notifiers: Sequence[Notifier], settings: Settings, *, catch_up_after: float = 1.0
) -> AsyncIOScheduler:
    """A scheduler with the jobs; `start()` it inside the running event loop."""
    cfg = settings.notifications
    tz = settings.timezone
    scheduler = AsyncIOScheduler(
        timezone=tz,
        job_defaults={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True, "max_instances": 1},
    )

    # Channels one after another: the ledger gives each person one channel per message.
    async def weekly() -> None:
        for notifier in notifiers:
            await notifier.run_weekly()

    async def reminders() -> None:
        for notifier in notifiers:
            await notifier.run_reminders()

    async def catch_up() -> None:
        for notifier in notifiers:
            await notifier.tick()

    if cfg.weekly:
        scheduler.add_job(
            weekly,
            CronTrigger(
                day_of_week=_CRON_DAYS[cfg.weekly_weekday],
                hour=cfg.weekly_time.hour,
                minute=cfg.weekly_time.minute,
                timezone=tz,
            ),
            id="weekly-summary",
        )
    if cfg.reminders:
        scheduler.add_job(
            reminders,
            CronTrigger(hour=cfg.reminder_time.hour, minute=cfg.reminder_time.minute, timezone=tz),
            id="daily-reminder",
        )
    scheduler.add_job(
        catch_up, DateTrigger(datetime.now(tz) + timedelta(seconds=catch_up_after)), id="catch-up"
    )
    scheduler.add_job(catch_up, IntervalTrigger(minutes=cfg.retry_minutes, timezone=tz), id="retry")

    async def announcement_reports() -> None:
        for notifier in notifiers:
            await notifier.run_announcement_reports()

    scheduler.add_job(
        announcement_reports,
        IntervalTrigger(minutes=REPORT_MINUTES, timezone=tz),
        id="announce-reports",
    )
    if notifiers:
        services = notifiers[0].services

        async def housekeeping() -> None:
            await prune(services)

        scheduler.add_job(
            housekeeping,
            IntervalTrigger(hours=PRUNE_HOURS, timezone=tz),
            next_run_time=datetime.now(tz) + timedelta(minutes=1),
            id="prune",
        )
    log.info(
        "scheduled weekly=%s reminders=%s channels=%s",
        cfg.weekly,
        cfg.reminders,
        ",".join(n.channel for n in notifiers),
    )
    return scheduler


async def prune(services: Services) -> int:
    """Delete processed updates' keys older than `chat.delivery_days`, batch by batch (each
    its own short transaction); how many went."""
    cutoff = services.clock.now() - timedelta(days=services.settings.chat.delivery_days)
    total = 0
    for step in (prune_deliveries, inbox.prune):  # the inbox's finished updates too
        while True:
            async with services.sessions() as session, session.begin():
                removed = await step(session, cutoff)
            total += removed
            if removed == 0:
                break
    if total:
        log.info("pruned deliveries and inbox rows=%d", total)
    return total
