"""The one entry point every transport calls: one inbound message, one unit of work."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import replace

import handlers.add_household
import handlers.awards
import handlers.downloads
import handlers.entries
import handlers.exports
import handlers.help
import handlers.invites
import handlers.linking
import handlers.notify_settings
import handlers.progress
import handlers.registration
import handlers.reports
import handlers.roster
import handlers.todo
import handlers.verify
import handlers.verify_review
from handlers.context import Ctx, Services
from handlers.dialog import COMMANDS, REPEAT, STEPS, Answer, pressed_option, typed_option
from handlers.i18n import t
from handlers.io import PRIVATE, Inbound, Reply
from handlers.registration import group_pointer, start_unregistered, unregistered
from models.concurrency import claim_delivery
from models.invites import find_account, looks_like_code
from models.notifications import touch_identity
from models.records import Dialog
from models.text import clean

log = logging.getLogger(__name__)

MAX_TEXT = 4000  # Telegram's own limit is 4096; anything longer is not a real entry


def split_command(text: str) -> tuple[str, str] | None:
    """'/them@MyBot a; b' -> ('them', 'a; b'); None when the text is not a command."""
    if not text.startswith("/") or len(text) < 2:
        return None
    head, _, rest = text[1:].partition(" ")
    name = head.split("@", 1)[0].casefold()
    if not name.replace("_", "").isalnum():
        return None
    return name, rest.strip()


async def render_files(replies: list[Reply]) -> list[Reply]:
    """Write the files some replies carry, now that their data is read and committed."""
    if not any(r.render for r in replies):
        return replies
    done: list[Reply] = []
    for reply in replies:
        if reply.render is not None:
            await asyncio.to_thread(reply.render)
            reply = replace(reply, render=None)
        done.append(reply)
    return done


Listener = Callable[[str], None]


class Core:
    def __init__(self, services: Services) -> None:
        self.services = services
        # Called with a pushed-message kind after a commit made such messages due.
        self.listeners: list[Listener] = []
        # Channels that cannot upload files (Zalo): their files become download links.
        self.link_channels: set[str] = set()
        # SQLite has one writer at a time: messages handled side by side queue here, in
        # order, instead of spinning on the file lock (busy timeouts, "database is locked").
        self._one_writer: asyncio.Lock | None = (
            asyncio.Lock() if services.settings.database_url.startswith("sqlite") else None)

    async def handle(self, inbound: Inbound) -> list[Reply]:
        started = time.perf_counter()
        try:
            replies, user_id = await self._handle(inbound)
            replies = await render_files(replies)
            if inbound.channel in self.link_channels:
                replies = await handlers.downloads.as_links(self.services, user_id, replies)
        except Exception:
            # Never echo what the user typed into logs: it holds personal data.
            log.exception("handler failed channel=%s", inbound.channel)
            lang = self.services.settings.language
            return [Reply(t(lang, "error_internal"))]
        log.debug("handled channel=%s replies=%d ms=%.1f", inbound.channel, len(replies),
                  (time.perf_counter() - started) * 1000)
        return replies

    async def _handle(self, inbound: Inbound) -> tuple[list[Reply], int | None]:
        settings = self.services.settings
        now = self.services.clock.now()
        async with self._one_writer or contextlib.nullcontext(), \
                self.services.sessions() as session, session.begin():
            if inbound.delivery_key and not await claim_delivery(
                    session, f"{inbound.channel}:{inbound.delivery_key}", now):
                # Redelivered, or another process has it: that one answers.
                log.info("duplicate delivery skipped channel=%s", inbound.channel)
                return [], None
            account = await find_account(session, inbound.channel, inbound.user_id)
            user = account[0] if account is not None else None
            if account is not None:
                touch_identity(account[1], now)
            lang = (user.language if user else None) or settings.language
            ctx = Ctx(services=self.services, session=session, inbound=inbound, user=user,
                      lang=lang, now=now)
            replies = [replace(r, lang=r.lang or ctx.lang) for r in await self._route(ctx)]
        for kind in sorted(ctx.wake):
            for listener in self.listeners:
                listener(kind)
        return replies, ctx.user.id if ctx.user else None

    async def _route(self, ctx: Ctx) -> list[Reply]:
        inbound = ctx.inbound
        text = clean(inbound.text or "")
        cmd = split_command(text)
        if inbound.chat_type != PRIVATE:
            # Groups never see personal data; point them to a private chat instead.
            return group_pointer(ctx) if cmd or inbound.option else []
        if ctx.user is None:
            if cmd and cmd[0] in ("start", "batdau", "lienket", "link"):
                return await start_unregistered(ctx, cmd[1])
            if cmd is None and not inbound.option and looks_like_code(text):
                # The bare code: typing "/start" is awkward on Zalo.
                return await start_unregistered(ctx, text)
            return unregistered(ctx)

        ctx.dialog = await ctx.session.get(Dialog, ctx.user.id)
        if len(text) > MAX_TEXT:
            return [Reply(ctx.t("too_long_message", limit=MAX_TEXT)), *await self._reask(ctx)]

        if inbound.attachment is not None:
            return await handlers.roster.on_file(ctx, inbound.attachment)

        if inbound.option is not None:
            current, value = pressed_option(ctx.dialog, inbound.option)
            if not current or ctx.dialog is None:
                return await self._stale(ctx)
            return await STEPS[ctx.dialog.state](ctx, Answer(text="", value=value))

        if cmd:
            name, arg = cmd
            handler = COMMANDS.get(name)
            if handler is None:
                return [Reply(ctx.t("unknown_command", command=name))]
            return await handler(ctx, arg)

        if ctx.dialog is not None and ctx.dialog.state in STEPS:
            value = typed_option(ctx.dialog, text)
            return await STEPS[ctx.dialog.state](ctx, Answer(text=text, value=value))

        return await handlers.add_household.free_text(ctx, text)

    async def _stale(self, ctx: Ctx) -> list[Reply]:
        return [Reply(ctx.t("stale_button")), *await self._reask(ctx)]

    async def _reask(self, ctx: Ctx) -> list[Reply]:
        """The current question again, if a dialog is open."""
        if ctx.dialog is not None and ctx.dialog.state in STEPS:
            return await STEPS[ctx.dialog.state](ctx, Answer(text="", value=REPEAT))
        return []
