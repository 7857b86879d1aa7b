"""The one entry point every transport calls: one inbound message, one unit of work."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

import handlers.accounts.bulk_invites
import handlers.engine.downloads
import handlers.households.add
import handlers.households.attachments
import handlers.households.entries
import handlers.households.find
import handlers.rosters.roster
from handlers.accounts.registration import (
    group_pointer,
    privacy_notice,
    start_unregistered,
    unregistered,
)
from handlers.accounts.staff import account_off, menus_changed
from handlers.engine.context import Ctx, Services
from handlers.engine.dialog import (
    CAMPAIGN_KEY,
    OPTIONS_ONLY,
    REPEAT,
    SOFT_STATES,
    Answer,
    close,
    expired,
    is_household_state,
    pressed_action,
    pressed_option,
    settle,
    typed_option,
    written_before_question,
)
from handlers.engine.i18n import t
from handlers.engine.menu import commands_for
from handlers.engine.messages import PRIVATE, Inbound, Reply, discard_file, reply_to_dict
from handlers.engine.router import CommandHandler, Routes
from handlers.engine.routes import default_routes
from handlers.parse.household_form import clean_lines, reads_as_household
from models import drafts, inbox
from models.concurrency import claim_delivery
from models.invites import find_account, identities_of, looks_like_code
from models.notifications import touch_identity
from models.offload import off_loop, on_loop
from models.people import User
from models.records import Dialog
from models.registry import CATALOG
from models.staff import deactivated_owner
from models.text import clean, fold

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


def for_another_bot(text: str, bot_username: str) -> bool:
    """'/help@other_bot' in a group is meant for another bot there: not ours to answer.
    Without a known username of ours (channels without @names), every command is ours."""
    head = text[1:].partition(" ")[0] if text.startswith("/") else ""
    _, at, target = head.partition("@")
    return bool(at and bot_username) and target.casefold() != bot_username.casefold()


# Commands typed as words, without the slash (awkward on a phone keyboard and on Zalo).
_PHRASES = {
    "huongdan": "help",
    "trogiup": "help",
    "giup": "help",
    "tiendo": "tiendo",
    "hoantac": "hoantac",
    "cuatoi": "cuatoi",
    "baocao": "baocao",
    "thongbao": "thongbao",
    "themho": "them",
    "tieptuc": "tiep",
}
# Bare words only count with no argument, or with an entry number ("sửa 12", "hoàn tác 12").
_ARG_OK = {"sua", "xoa", "hoantac", "undo", "edit", "delete", "ngonngu", "lang"}
# Bare words taking any short argument, passed on as typed (marks kept): "tìm Hưng".
_ARG_ANY = {"tim", "timho", "find"}
_ARG_ANY_WORDS = 6


def bare_command(text: str, commands: Mapping[str, object]) -> tuple[str, str] | None:
    """'tiến độ' -> ('tiendo', ''), 'hoàn tác 12' -> ('hoantac', '12'), 'tìm Hưng' ->
    ('tim', 'Hưng'); None otherwise."""
    found = _search_phrase(text, commands)
    if found is not None:
        return found
    words = fold(text).split()
    if not words or len(words) > 3 or len(text) > 40:
        return None
    for size in (2, 1):
        head = "".join(words[:size])
        name = _PHRASES.get(head, head if head in commands else None)
        if name is None or name not in commands:
            continue
        arg = " ".join(words[size:])
        if not arg or (name in _ARG_OK and (arg.lstrip("#").isdigit() or arg in ("en", "vi"))):
            return name, arg
    return None


def _search_phrase(text: str, commands: Mapping[str, object]) -> tuple[str, str] | None:
    """'tìm hai', 'tìm hộ 0912 345 678': a search typed without the slash. Not a message
    with a household's separators (a one-line household whose name starts "Tìm")."""
    typed = clean(text).split()
    if not typed or len(typed) > _ARG_ANY_WORDS + 2 or any(ch in text for ch in ",;|\n"):
        return None
    words = fold(" ".join(typed)).split()
    for size in (2, 1):
        head = "".join(words[:size])
        if head in _ARG_ANY and head in commands and len(typed) - size <= _ARG_ANY_WORDS:
            return head, " ".join(typed[size:])
    return None


async def render_files(replies: list[Reply]) -> list[Reply]:
    """Write the files some replies carry, now that their data is read and committed."""
    if not any(r.render for r in replies):
        return replies
    done: list[Reply] = []
    try:
        for reply in replies:
            if reply.render is not None:
                await asyncio.to_thread(reply.render)
                reply = replace(reply, render=None)
            done.append(reply)
    except BaseException:
        # Nothing is sent: what was written (names, phones) does not stay on the disk.
        for reply in replies:
            if reply.cleanup:
                discard_file(reply.file)
                discard_file(reply.image)
        raise
    return done


Listener = Callable[[str], None]


class _Duplicate(Exception):
    """An update already handled (here or by another process): its transaction is undone."""


def _typed_kind(ctx: Ctx, dialog: Dialog, raw: str, text: str, value: str | None) -> str:
    """What a typed message is while a question is open: its "answer"; a household
    "beside" the one being asked about; "early" (written before the question reached the
    user); "late" or "late_menu" (a choice typed after the question expired); or "aside":
    a message of its own, once the question is set aside."""
    household = handlers.households.add.can_log(ctx) and reads_as_household(raw)
    too_old = expired(ctx)
    if household:
        return "beside" if not too_old and handlers.households.add.queues(dialog) else "aside"
    early = written_before_question(ctx)
    if dialog.state in SOFT_STATES:  # offers: a choice of them, or any other message
        return "answer" if value is not None and not early and not too_old else "aside"
    if too_old:
        if value is None:
            return "aside"
        return "late" if is_household_state(dialog.state) else "late_menu"
    if early:
        return "early"
    if value is None and dialog.state in OPTIONS_ONLY and not text.rstrip(".)").isdigit():
        return "aside"
    return "answer"


class Core:
    def __init__(self, services: Services, routes: Routes | None = None) -> None:
        self.services = services
        # What the bot answers: every conversation's commands and states
        # (handlers/engine/routes.py).
        self.routes = routes if routes is not None else default_routes()
        # Called with a pushed-message kind after a commit made such messages due.
        self.listeners: list[Listener] = []
        # Channels that cannot upload files (Zalo): their files become download links.
        self.link_channels: set[str] = set()
        # SQLite has one writer at a time: messages handled side by side queue here, in
        # order, instead of spinning on the file lock (busy timeouts, "database is locked").
        self._one_writer: asyncio.Lock | None = (
            asyncio.Lock() if services.settings.database_url.startswith("sqlite") else None
        )
        # Channels with a per-chat command menu (Telegram); the menu last set per chat (role,
        # hamlet, language) by this process, and the menus the channel must set now.
        self.menu_channels: set[str] = set()
        # Channels whose updates go through the inbox: their replies are kept there too.
        self.outbox_channels: set[str] = set()
        self._menus: dict[str, tuple[str, str, str]] = {}
        self.menus_due: dict[str, tuple[tuple[str, str], ...]] = {}

    async def handle(self, inbound: Inbound) -> list[Reply]:
        started = time.perf_counter()
        try:
            replies, user_id = await self._handle(inbound)
            replies = await render_files(replies)
            if inbound.channel in self.link_channels:
                replies = await handlers.engine.downloads.as_links(self.services, user_id, replies)
        except Exception:
            # Never echo what the user typed into logs: it holds personal data.
            log.exception("handler failed channel=%s", inbound.channel)
            lang = self.services.settings.language
            return [Reply(t(lang, "error_internal"))]
        log.debug(
            "handled channel=%s replies=%d ms=%.1f",
            inbound.channel,
            len(replies),
            (time.perf_counter() - started) * 1000,
        )
        return replies

    # --- the inbox: updates recorded before the messenger is told they arrived ---------

    @contextlib.asynccontextmanager
    async def _bookkeeping(self) -> AsyncIterator[AsyncSession]:
        """One short statement of the inbox's, committed as it runs, after the writes of
        this process before it."""
        with on_loop():
            async with (
                self._one_writer or contextlib.nullcontext(),
                (self.services.single or self.services.sessions)() as session,
                session.begin(),
            ):
                yield session

    async def record_inbound(
        self, channel: str, items: list[tuple[str, dict[str, Any]]]
    ) -> set[str]:
        """Record delivered updates (key, payload as delivered); the keys new to the inbox.
        A key already there (a redelivery, or another process took it) is not handled
        again: the inbox row is the update's claim, as long as processed keys are kept."""
        async with self._bookkeeping() as session:
            return await inbox.record(session, channel, items, self.services.clock.now())

    async def pending_inbound(self, channel: str) -> list[inbox.Pending]:
        """Updates not finished (a crash or a stop came first), in order: to handle, or
        handled with replies still to send."""
        async with self.services.sessions() as session:
            return await inbox.pending(session, channel)

    async def replies_sent(self, key: str, count: int) -> None:
        async with self._bookkeeping() as session:
            await inbox.sent(session, key, count)

    async def finish_inbound(self, key: str) -> None:
        async with self._bookkeeping() as session:
            await inbox.finish(session, key, self.services.clock.now())

    async def _handle(self, inbound: Inbound) -> tuple[list[Reply], int | None]:
        try:
            # A chat message's statements are short: on the loop's thread, except where a
            # command or a file may read much (`_route`).
            with on_loop():
                return await self._unit_of_work(inbound)
        except _Duplicate:
            # Redelivered, or another process has it: that one answers. Nothing was kept.
            log.info("duplicate delivery skipped channel=%s", inbound.channel)
            return [], None

    async def _unit_of_work(self, inbound: Inbound) -> tuple[list[Reply], int | None]:
        settings = self.services.settings
        now = self.services.clock.now()
        key = f"{inbound.channel}:{inbound.delivery_key}" if inbound.delivery_key else ""
        # Updates from the inbox are claimed by keeping their replies (at the end, below);
        # the others by their delivery key, first.
        inboxed = bool(key) and inbound.channel in self.outbox_channels
        async with (
            self._one_writer or contextlib.nullcontext(),
            self.services.sessions() as session,
            session.begin(),
        ):
            catalog = self.services.fresh_catalog()
            if catalog is not None:
                session.info[CATALOG] = catalog
            if key and not inboxed and not await claim_delivery(session, key, now):
                raise _Duplicate
            account = await find_account(session, inbound.channel, inbound.user_id)
            user = account[0] if account is not None else None
            if account is not None:
                touch_identity(account[1], now)
            # Access taken away: the person is told so (in their language), not treated as a
            # stranger; they get no data, but a new invite code still brings them back.
            off = (
                await deactivated_owner(session, inbound.channel, inbound.user_id)
                if account is None
                else None
            )
            lang = (user.language if user else off.language if off else None) or settings.language
            ctx = Ctx(
                services=self.services,
                session=session,
                inbound=inbound,
                user=user,
                help_sections=self.routes.help,
                lang=lang,
                now=now,
                _hamlet=account[2] if account is not None else None,
            )
            if user is not None and inbound.chat_type == PRIVATE:
                # Read once here: the files waiting in it and the routing both need it.
                ctx.dialog = await drafts.open_dialog(session, user.id)
            # Files waiting in a household's draft follow it when it is stored.
            waiting_files = await handlers.households.attachments.before_route(ctx)
            routed = await self._route(ctx, off=off is not None)
            routed += await handlers.households.attachments.after_route(ctx, waiting_files)
            await settle(ctx)
            if catalog is None and CATALOG in session.info:
                self.services.keep_catalog(session.info[CATALOG])
            replies = [replace(r, lang=r.lang or ctx.lang) for r in routed]
            self._menu(ctx)
            await self._menus_changed(ctx)
            if inboxed:
                # With the effect, in one transaction: a crash after the commit sends these
                # at the next start rather than losing them.
                kept = await inbox.keep_replies(session, key, [reply_to_dict(r) for r in replies])
                if kept is inbox.Kept.ALREADY:
                    raise _Duplicate  # the whole transaction goes
                if kept is inbox.Kept.NO_ROW and not await claim_delivery(session, key, now):
                    raise _Duplicate
        for kind in sorted(ctx.wake):
            for listener in self.listeners:
                listener(kind)
        return replies, ctx.user.id if ctx.user else None

    def _menu(self, ctx: Ctx) -> None:
        """The chat's command menu is due when this process has not yet set it for the
        sender's role and language (on channels that have menus)."""
        inbound = ctx.inbound
        if (
            ctx.user is None
            or inbound.chat_type != PRIVATE
            or inbound.channel not in self.menu_channels
        ):
            return
        key = f"{inbound.channel}:{inbound.chat_id}"
        wanted = (ctx.user.role.value, str(ctx.user.hamlet_id), ctx.lang)
        if self._menus.get(key) == wanted:
            return
        self._menus[key] = wanted
        self.menus_due[key] = commands_for(ctx.user, ctx.lang, self.routes.menu)

    async def _menus_changed(self, ctx: Ctx) -> None:
        """People whose role, hamlet or access an admin just changed: their chats' menus
        (on channels with menus) are due now, so the channel sets them right away."""
        for user_id in sorted(menus_changed(ctx)):
            user = await ctx.session.get(User, user_id)
            if user is None:
                continue
            lang = user.language or self.services.settings.language
            shown = user if user.active else None
            for identity in await identities_of(ctx.session, user_id):
                if identity.channel not in self.menu_channels:
                    continue
                key = f"{identity.channel}:{identity.external_id}"
                self._menus[key] = (
                    (user.role.value, str(user.hamlet_id), lang) if shown else ("", "", lang)
                )
                self.menus_due[key] = commands_for(shown, lang, self.routes.menu)

    async def _route(self, ctx: Ctx, *, off: bool = False) -> list[Reply]:
        inbound = ctx.inbound
        raw = clean_lines(inbound.text or "")  # line breaks kept: the multi-line form
        text = clean(raw)
        cmd = split_command(text)
        if inbound.chat_type != PRIVATE:
            if cmd and for_another_bot(text, inbound.bot_username):
                return []  # another bot in the group is being asked
            # Groups never see personal data; point them to a private chat instead.
            return group_pointer(ctx) if cmd or inbound.option else []
        if ctx.user is None:
            if cmd and cmd[0] in ("start", "batdau", "lienket", "link") and (cmd[1] or not off):
                return await start_unregistered(ctx, cmd[1])
            if cmd and cmd[0] in ("quyenriengtu", "privacy"):
                return [Reply(privacy_notice(ctx))]  # readable before registering
            if cmd is None and not inbound.option and looks_like_code(text):
                # The bare code: typing "/start" is awkward on Zalo.
                return await start_unregistered(ctx, text)
            return account_off(ctx) if off else unregistered(ctx)

        if ctx.dialog is not None and ctx.dialog.state not in self.routes.steps:
            # A question an older version asked and this one no longer has (an upgrade):
            # its answer is answered like a stale button, anything else as if none was open.
            answered = inbound.option is not None or typed_option(ctx.dialog, text) is not None
            await close(ctx)
            if answered and cmd is None:
                return [Reply(ctx.t("stale_button"))]
        if len(text) > MAX_TEXT:
            return [Reply(ctx.t("too_long_message", limit=MAX_TEXT)), *await self._reask(ctx)]

        if inbound.attachment is not None or inbound.contact is not None:
            with off_loop():  # lists to import, receipts to store: may take a while
                return await self._file(ctx)

        if inbound.option is not None:
            action = pressed_action(inbound.option)
            if action is not None:
                return await handlers.households.entries.on_action(ctx, action)
            current, value = pressed_option(ctx.dialog, inbound.option)
            if not current or ctx.dialog is None or ctx.dialog.state not in self.routes.steps:
                return await self._stale(ctx)
            return await self._step(ctx, ctx.dialog, Answer(text="", value=value))

        steps = self.routes.steps
        dialog = ctx.dialog if ctx.dialog is not None and ctx.dialog.state in steps else None
        value = typed_option(dialog, text) if dialog is not None else None
        if cmd is None and value is None:
            cmd = bare_command(text, self.routes.commands)
        if cmd:
            name, arg = cmd
            handler = self.routes.commands.get(name)
            if handler is None:
                return [Reply(ctx.t("unknown_command", command=name))]
            with off_loop():  # reports, exports, lists: they may read much
                if name in ("huy", "cancel"):
                    return await handler(ctx, arg)
                return await self._command(ctx, handler, arg)

        notices: list[Reply] = []
        if dialog is not None:
            kind = _typed_kind(ctx, dialog, raw, text, value)
            if kind == "answer":
                return await self._step(ctx, dialog, Answer(text=text, value=value))
            if kind == "beside":
                # Another household while one is being asked about: stored at once, or
                # queued behind it; the open question stays as it is.
                return await handlers.households.add.household_message(ctx, raw)
            if kind == "early":
                # Typed before the question reached the user: not an answer to it.
                return [
                    Reply(ctx.t("answer_before_question", text=text[:30])),
                    *await self._reask(ctx),
                ]
            if kind == "late":
                # A choice typed long after a household's question: ask it afresh.
                return [Reply(ctx.t("question_expired")), *await self._reask(ctx)]
            notices = await handlers.households.add.set_aside(ctx)
            if kind == "late_menu":
                return [*notices, Reply(ctx.t("menu_expired"))]
        if handlers.households.find.is_phone_only(text):
            # A phone number alone: the households with that phone (within the sender's scope).
            return notices + await handlers.households.find.by_phone(ctx, text)
        return notices + await handlers.households.add.free_text(ctx, raw)

    async def _step(self, ctx: Ctx, dialog: Dialog, answer: Answer) -> list[Reply]:
        """The open question's step with its answer. A household's questions are short;
        a command's later steps run as the command did: off the loop, and on the earlier
        campaign it was asked about, if it was (`Ctx.use_campaign`)."""
        step = self.routes.steps[dialog.state]
        if is_household_state(dialog.state):
            return await step(ctx, answer)
        code = (dialog.draft or {}).get(CAMPAIGN_KEY)
        if isinstance(code, str) and not await ctx.use_campaign(code):
            await close(ctx)
            return [Reply(ctx.t("stale_button"))]
        with off_loop():
            return await step(ctx, answer)

    async def _file(self, ctx: Ctx) -> list[Reply]:
        inbound = ctx.inbound
        if inbound.attachment is not None:
            # From someone who logs households, anything but a list (.csv/.xlsx…) is a receipt
            # for an entry; lists go to the staff or household list imports when the sender
            # may import one; the rest is answered politely (handlers/households/attachments).
            attachment = inbound.attachment
            if not handlers.households.attachments.is_evidence(ctx, attachment):
                if await handlers.accounts.bulk_invites.takes_file(ctx, attachment):
                    return await handlers.accounts.bulk_invites.on_file(ctx, attachment)
                if handlers.rosters.roster.can_import(ctx):
                    return await handlers.rosters.roster.on_file(ctx, attachment)
            return await handlers.households.attachments.on_file(ctx, attachment)
        assert inbound.contact is not None
        return await handlers.households.attachments.on_contact(ctx, inbound.contact)

    async def _command(self, ctx: Ctx, handler: CommandHandler, arg: str) -> list[Reply]:
        """A command in the middle of a household's questions: if it opens a question of its
        own, the household is kept for /tiep instead of being lost."""
        dialog = ctx.dialog
        if dialog is None or not is_household_state(dialog.state):
            return await handler(ctx, arg)
        step, state, d = dialog.step, dialog.state, dict(dialog.draft or {})
        replies = await handler(ctx, arg)
        if ctx.set_aside or (ctx.dialog is not None and ctx.dialog.step == step):
            return replies  # put aside by the command itself, or still on the question
        return replies + await handlers.households.add.park(ctx, state, d)

    async def _stale(self, ctx: Ctx) -> list[Reply]:
        return [Reply(ctx.t("stale_button")), *await self._reask(ctx)]

    async def _reask(self, ctx: Ctx) -> list[Reply]:
        """The current question again, if a dialog is open."""
        if ctx.dialog is not None and ctx.dialog.state in self.routes.steps:
            return await self.routes.steps[ctx.dialog.state](ctx, Answer(text="", value=REPEAT))
        return []
