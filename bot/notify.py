"""Pushed messages: the weekly summary, the daily reminder, checks sent back, household
totals awaiting approval (and their decisions) and the office's announcements (with their
tally to the sender), each exactly once.

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

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.engine.context import Services
from handlers.render import announce_text
from handlers.render.verify_text import returned_text
from handlers.reports.summaries import reminder_message, weekly_digest, weekly_message
from handlers.rosters.totals import WAKE_TOTALS, pushed_decision_text, pushed_request_text
from models import announcements
from models.announcements import ANNOUNCE_KIND, REPORT_KIND, Announcement
from models.campaign import Hamlet
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
            + await self.run_announcements()
        )

    async def run_woken(self, kind: str) -> int:
        """What a user's action made due (`Ctx.wake`), sent now."""
        if kind == WAKE_TOTALS:
            return await self.run_totals()
        if kind == ANNOUNCE_KIND:
            return await self.run_announcements()
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
                    settings=settings,
                    campaign_id=camp.id,
                    user=user,
                    today=today,
                    now=now,
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

    async def run_announcements(self) -> int:
        """The office's announcements, once per person on the app they used last; then the
        tally to each sender whose announcement has reached everyone it can.

        One message at a time: the channel's own pacing (Telegram's rate limiter) spaces
        them, so a big announcement never bursts. Unsent ones are picked up again by the
        next run (the periodic tick, the catch-up after a restart)."""
        now = self.services.clock.now()
        tz = self.services.settings.timezone
        attempts = self.services.settings.notifications.max_attempts
        messages: list[tuple[int, int, str, str]] = []
        async with self.services.sessions() as session:
            senders: dict[int, str] = {}
            for ann, user, external_id in await announcements.due(
                session,
                channel=self.channel,
                channels=self.channels,
                since=now - announcements.DELIVERY_WINDOW,
                max_attempts=attempts,
            ):
                if ann.id not in senders:
                    senders[ann.id] = await announcements.sender_name(session, ann)
                text = announce_text.pushed(
                    self._lang(user.language),
                    sender=senders[ann.id],
                    day=ann.created_at.astimezone(tz).date(),
                    text=ann.text,
                )
                messages.append((ann.id, user.id, external_id, text))
        sent = 0
        for ann_id, user_id, external_id, text in messages:
            sent += await self._send(ANNOUNCE_KIND, str(ann_id), user_id, external_id, text)
        await self.run_announcement_reports()
        return sent

    async def run_announcement_reports(self) -> None:
        """The tally, pushed to the sender (on this channel if it is the one they used last)
        once every recipient has a final outcome; then the announcement is finished.

        The run that settles the last recipient may be another app's (the sender uses
        Telegram, the last recipient Zalo): the scheduler calls this every minute too."""
        now = self.services.clock.now()
        attempts = self.services.settings.notifications.max_attempts
        finished: list[tuple[int, announcements.Tally]] = []
        reports: list[tuple[int, announcements.Tally, int, str, str]] = []
        async with self.services.sessions() as session:
            for ann in await announcements.unfinished(
                session, since=now - announcements.REPORT_WINDOW
            ):
                tally = await announcements.outcome(session, ann, now=now, max_attempts=attempts)
                if not tally.final:
                    continue
                told = await announcements.report_outcome(session, ann.id)
                if told is not None and told not in (Status.RETRY, Status.SENDING):
                    finished.append((ann.id, tally))  # told by another run
                    continue
                account = await announcements.sender_account(
                    session, ann, channel=self.channel, channels=self.channels
                )
                if account is None:
                    if not await announcements.sender_reachable(session, ann):
                        finished.append((ann.id, tally))  # nobody to tell: /thongbaochung ketqua
                    continue  # the app they used last tells them
                sender, external_id = account
                text = await self._report_text(session, ann, tally, self._lang(sender.language))
                reports.append((ann.id, tally, sender.id, external_id, text))
        for ann_id, tally, user_id, external_id, text in reports:
            await self._send(REPORT_KIND, str(ann_id), user_id, external_id, text)
            async with self.services.sessions() as session:
                told = await announcements.report_outcome(session, ann_id)
            if told in (Status.SENT, Status.BLOCKED, Status.FAILED):
                finished.append((ann_id, tally))
        for ann_id, tally in finished:
            async with self.services.sessions() as session, session.begin():
                if await announcements.finish(session, ann_id, result=tally, now=now):
                    log.info(
                        "announcement finished id=%d delivered=%d blocked=%d failed=%d "
                        "uncertain=%d",
                        ann_id,
                        tally.delivered,
                        tally.blocked,
                        tally.failed,
                        tally.uncertain,
                    )

    async def _report_text(
        self, session: AsyncSession, ann: Announcement, tally: announcements.Tally, lang: str
    ) -> str:
        hamlet = await session.get(Hamlet, ann.hamlet_id) if ann.hamlet_id is not None else None
        return announce_text.report(
            lang,
            number=ann.id,
            day=ann.created_at.astimezone(self.services.settings.timezone).date(),
            audience=ann.audience,
            place=announce_text.where(
                lang, unit=ann.unit, hamlet=hamlet.name if hamlet is not None else None
            ),
            text=ann.text,
            tally=tally,
        )

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
