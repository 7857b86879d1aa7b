"""APScheduler jobs (through python-telegram-bot's JobQueue) for the pushed messages.

The weekly summary and the daily reminder fire at their configured times in the campaign's
timezone; a catch-up run right after start-up sends whatever was missed while the bot was
down, and a periodic run retries transient failures. All of them call the same idempotent
`Notifier` methods, so overlapping runs never send twice.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.ext import ContextTypes, JobQueue

from bot.config import Settings
from bot.notify import Notifier

log = logging.getLogger(__name__)

# Jobs delayed by a busy event loop still run within this many seconds (APScheduler's
# default is 1 s, after which a late job is silently skipped).
MISFIRE_GRACE = 3600


def install(job_queue: JobQueue[Any], notifier: Notifier, settings: Settings) -> None:
    cfg = settings.notifications
    tz = settings.timezone

    async def weekly(_context: ContextTypes.DEFAULT_TYPE) -> None:
        await notifier.run_weekly()

    async def reminders(_context: ContextTypes.DEFAULT_TYPE) -> None:
        await notifier.run_reminders()

    async def catch_up(_context: ContextTypes.DEFAULT_TYPE) -> None:
        await notifier.tick()

    if cfg.weekly:
        # PTB numbers days from Sunday = 0; the config uses date.weekday() (Monday = 0).
        job_queue.run_daily(weekly, time=cfg.weekly_time.replace(tzinfo=tz),
                            days=((cfg.weekly_weekday + 1) % 7,), name="weekly-summary",
                            job_kwargs={"misfire_grace_time": MISFIRE_GRACE})
    if cfg.reminders:
        job_queue.run_daily(reminders, time=cfg.reminder_time.replace(tzinfo=tz),
                            name="daily-reminder",
                            job_kwargs={"misfire_grace_time": MISFIRE_GRACE})
    job_queue.run_once(catch_up, when=1, name="catch-up")
    job_queue.run_repeating(catch_up, interval=cfg.retry_minutes * 60,
                            first=cfg.retry_minutes * 60, name="retry")
    log.info("scheduled weekly=%s reminders=%s", cfg.weekly, cfg.reminders)
