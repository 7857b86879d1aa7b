"""Pushed messages: the weekly summary, the daily reminder, checks sent back and household
totals awaiting approval (and their decisions), each exactly once.

Runs are idempotent: each recipient's message is claimed in the notification ledger before
it is sent, so the scheduled run, the catch-up run at start-up and the periodic retry run
can all call the same methods without sending anything twice. The transport is a plain
`deliver(external_id, text) -> Outcome` callable, so Telegram and Zalo share this code.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, time, timedelta

from handlers.engine.context import Services
from handlers.render.verify_text import returned_text
from handlers.reports.summaries import reminder_message, weekly_digest, weekly_message
from handlers.rosters.totals import WAKE_TOTALS, pushed_decision_text, pushed_request_text
from models.checks import load_card
from models.notifications import (
    RETURN_KIND,
    Status,
    claim,
    mark_blocked,
    reminder_recipients,
    returns_due,
    settle,
    settled,
    summary_recipients,
)
from models.periods import reminder_due, weekly_due, weekly_fired
from models.registry import campaign_by_code
from models.total_pushes import DECISION_KIND, REQUEST_KIND, decisions_due, requests_due

log = logging.getLogger(__name__)

# A check decided longer ago than this is not pushed any more (e.g. an officer who joined
# the channel later): they still find it with /giaitrinh.
RETURN_WINDOW = timedelta(days=14)


class Outcome(enum.StrEnum):
    SENT = "sent"
    RETRY = "retry"  # flood limit, timeout, network: try again on the next run
    BLOCKED = "blocked"  # the user blocked the bot (or never opened a chat with it)
    FAILED = "failed"  # refused for good


_STATUS = {
    Outcome.SENT: Status.SENT,
    Outcome.RETRY: Status.RETRY,
    Outcome.BLOCKED: Status.BLOCKED,
    Outcome.FAILED: Status.FAILED,
}

Deliver = Callable[[str, str], Awaitable[Outcome]]


class Notifier:
    def __init__(
        self, services: Services, channel: str, deliver: Deliver, *, channels: tuple[str, ...] = ()
    ) -> None:
        self.services = services
        self.channel = channel
        self.deliver = deliver
        # The channels pushing from this process: someone reachable on several is sent
        # each message on one only (the one they wrote from last).
        self.channels = channels or (channel,)

    def _lang(self, language: str | None) -> str:
        return language or self.services.settings.language

    async def tick(self) -> int:
        """Everything due now (every kind), including retries: safe to call any time."""
        return (
            await self.run_weekly()
            + await self.run_reminders()
            + await self.run_returns()
            + await self.run_totals()
        )

    async def run_woken(self, kind: str) -> int:
        """What a user's action made due (`Ctx.wake`), sent now."""
        if kind == WAKE_TOTALS:
            return await self.run_totals()
        return await self.run_returns()

    async def run_weekly(self) -> int:
        settings = self.services.settings
        cfg = settings.notifications
        if not cfg.weekly:
            return 0
        now = self.services.clock.now()
        local = now.astimezone(settings.timezone)
        period = weekly_due(local, cfg.weekly_weekday, cfg.weekly_time, settings.campaign)
        if period is None:
            return 0
        # Caught up after downtime only while it is still news; later, /baocao has it.
        if now - weekly_fired(local, cfg.weekly_weekday, cfg.weekly_time) > timedelta(
            hours=cfg.weekly_latest_hours
        ):
            return 0
        # Someone who registered after the week ended was not there for it.
        ended = datetime.combine(period.end + timedelta(days=1), time(0), tzinfo=settings.timezone)
        today = local.date()
        async with self.services.sessions() as session:
            done = await settled(
                session,
                kind="weekly",
                period_key=period.key,
                channel=self.channel,
                max_attempts=cfg.max_attempts,
            )
            recipients = [
                (user, external_id)
                for user, external_id in await summary_recipients(
                    session, self.channel, self.channels, joined_before=ended
                )
                if user.id not in done
            ]
            if not recipients:
                return 0
            camp = await campaign_by_code(session, settings.campaign.code)
            digest = await weekly_digest(
                session, settings, campaign_id=camp.id, period=period, today=today
            )
        sent = 0
        for user, external_id in recipients:
            text = weekly_message(digest, user, self._lang(user.language))
            if text is not None:
                sent += await self._send("weekly", period.key, user.id, external_id, text)
        return sent

    async def run_reminders(self) -> int:
        settings = self.services.settings
        cfg = settings.notifications
        if not cfg.reminders:
            return 0
        now = self.services.clock.now()
        today = reminder_due(
            now.astimezone(settings.timezone),
            cfg.reminder_time,
            cfg.reminder_latest,
            settings.campaign,
        )
        if today is None:
            return 0
        messages: list[tuple[int, str, str]] = []
        async with self.services.sessions() as session:
            camp = await campaign_by_code(session, settings.campaign.code)
            done = await settled(
                session,
                kind="reminder",
                period_key=today.isoformat(),
                channel=self.channel,
                max_attempts=cfg.max_attempts,
            )
            for user, external_id in await reminder_recipients(
                session,
                channel=self.channel,
                campaign_id=camp.id,
                today=today,
                channels=self.channels,
            ):
                if user.id in done:
                    continue
                text = await reminder_message(
                    session,
                    campaign_id=camp.id,
                    user=user,
                    today=today,
                    lang=self._lang(user.language),
                )
                if text is not None:
                    messages.append((user.id, external_id, text))
        sent = 0
        for user_id, external_id, text in messages:
            sent += await self._send("reminder", today.isoformat(), user_id, external_id, text)
        return sent

    async def run_returns(self) -> int:
        """Failed or disputed checks, each sent back once to the officer who logged it."""
        now = self.services.clock.now()
        messages: list[tuple[int, int, str, str]] = []
        async with self.services.sessions() as session:
            due = await returns_due(
                session,
                channel=self.channel,
                since=now - RETURN_WINDOW,
                max_attempts=self.services.settings.notifications.max_attempts,
                channels=self.channels,
            )
            for check, user, external_id in due:
                card = await load_card(session, check)
                messages.append(
                    (check.id, user.id, external_id, returned_text(self._lang(user.language), card))
                )
        sent = 0
        for check_id, user_id, external_id, text in messages:
            sent += await self._send(RETURN_KIND, str(check_id), user_id, external_id, text)
        return sent

    async def run_totals(self) -> int:
        """Household totals: a change awaiting approval to every supervisor, and the
        decision to whoever imported the list; each once."""
        now = self.services.clock.now()
        settings = self.services.settings
        attempts = settings.notifications.max_attempts
        messages: list[tuple[str, int, int, str, str]] = []
        async with self.services.sessions() as session:
            for change, user, external_id in await requests_due(
                session,
                channel=self.channel,
                since=now - RETURN_WINDOW,
                max_attempts=attempts,
                channels=self.channels,
            ):
                text = await pushed_request_text(
                    session, self._lang(user.language), change, settings.timezone
                )
                if text is not None:
                    messages.append((REQUEST_KIND, change.id, user.id, external_id, text))
            for change, user, external_id in await decisions_due(
                session,
                channel=self.channel,
                since=now - RETURN_WINDOW,
                max_attempts=attempts,
                channels=self.channels,
            ):
                text = await pushed_decision_text(session, self._lang(user.language), change)
                if text is not None:
                    messages.append((DECISION_KIND, change.id, user.id, external_id, text))
        sent = 0
        for kind, change_id, user_id, external_id, text in messages:
            sent += await self._send(kind, str(change_id), user_id, external_id, text)
        return sent

    async def _send(self, kind: str, key: str, user_id: int, external_id: str, text: str) -> int:
        settings = self.services.settings
        attempts = settings.notifications.max_attempts
        async with self.services.sessions() as session, session.begin():
            row = await claim(
                session,
                kind=kind,
                period_key=key,
                user_id=user_id,
                channel=self.channel,
                now=self.services.clock.now(),
                max_attempts=attempts,
            )
            if row is None:
                return 0
            row_id = row.id
        # The claim is committed before the send: a crash now means "maybe sent", never twice.
        try:
            outcome = await self.deliver(external_id, text)
        except Exception as exc:  # a transport bug must not stop the other recipients
            log.exception("push failed kind=%s", kind)
            outcome, error = Outcome.RETRY, type(exc).__name__
        else:
            error = "" if outcome == Outcome.SENT else outcome.value
        async with self.services.sessions() as session, session.begin():
            status = await settle(
                session,
                notification_id=row_id,
                status=_STATUS[outcome],
                now=self.services.clock.now(),
                max_attempts=attempts,
                error=error,
            )
            if outcome == Outcome.BLOCKED:
                await mark_blocked(
                    session,
                    channel=self.channel,
                    external_id=external_id,
                    now=self.services.clock.now(),
                )
        # Ids and statuses only: the text holds names.
        log.info("push kind=%s key=%s user=%d status=%s", kind, key, user_id, status.value)
        return 1 if outcome == Outcome.SENT else 0
