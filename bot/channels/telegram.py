"""Telegram transport on python-telegram-bot: updates in, inline buttons and messages out."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from datetime import UTC
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.channels.ordering import PerChatUpdateProcessor
from bot.channels.text_render import split_text
from bot.config import Settings
from bot.notify import Notifier, Outcome
from handlers.core import Core
from handlers.i18n import fmt_phone
from handlers.io import Attachment, Inbound, Reply, discard_file
from handlers.menu import commands_for
from handlers.roster_file import MAX_BYTES

CHANNEL = "telegram"
MAX_MESSAGE = 4096
log = logging.getLogger(__name__)

_CHAT_TYPES: dict[str, str] = {ChatType.PRIVATE: "private", ChatType.GROUP: "group",
               ChatType.SUPERGROUP: "supergroup", ChatType.CHANNEL: "channel"}


def to_inbound(update: Update, bot_id: int, bot_username: str) -> Inbound | None:
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None:
        return None
    common: dict[str, Any] = {
        "channel": CHANNEL, "user_id": str(user.id), "chat_id": str(chat.id),
        "chat_type": _CHAT_TYPES.get(str(chat.type), "group"),
        # Bot id in the key: a new bot token restarts update ids from scratch.
        "delivery_key": f"{bot_id}:{update.update_id}",
        "sender_name": user.full_name, "bot_username": bot_username,
    }
    if update.callback_query is not None:
        return Inbound(text="", option=update.callback_query.data or "", **common)
    message = update.message
    if message is None:
        return None
    # When Telegram's server got it from the phone: a message delivered late (the bot was
    # down, or backlogged) keeps the day it was written.
    sent = message.date.astimezone(UTC) if message.date else None
    return Inbound(text=message.text or message.caption or "", sent_at=sent, **common)


def rate_limiter(per_second: float) -> AIORateLimiter:
    """Sends spaced evenly under Telegram's ~30 messages/second, with 429s retried.

    A bucket of one request refilled `per_second` times a second: the library's default
    bucket of 30 lets a burst of 30 through and then 30 more within the same second, which
    is how a weekly summary to many recipients would trip the flood limit.
    """
    return AIORateLimiter(overall_max_rate=1, overall_time_period=1 / per_second,
                          max_retries=2)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.options:
        return None
    per_row = max(reply.options_per_row, 1)
    buttons = [InlineKeyboardButton(o.label, callback_data=o.value) for o in reply.options]
    rows = [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]
    return InlineKeyboardMarkup(rows)


class TelegramChannel:
    def __init__(self, settings: Settings, core: Core) -> None:
        self.settings = settings
        self.core = core
        # Every channel running in this process: a person linked on several gets each
        # pushed message once, on the one they used last.
        self.push_channels: tuple[str, ...] = (CHANNEL,)

    def build(self, *, request: BaseRequest | None = None,
              get_updates_request: BaseRequest | None = None,
              token: str | None = None) -> Application[Any, Any, Any, Any, Any, Any]:
        cfg = self.settings.telegram
        builder = (
            Application.builder()
            .token(token or cfg.resolve_token())
            .base_url(cfg.base_url)
            .base_file_url(cfg.base_file_url)
            .defaults(Defaults(tzinfo=self.settings.timezone))
            .rate_limiter(rate_limiter(cfg.messages_per_second))
            .job_queue(None)  # pushed messages are scheduled for all channels in bot.scheduler
            # While one update waits on the database or Telegram, others' are handled.
            .concurrent_updates(PerChatUpdateProcessor(cfg.concurrent_chats))
            .post_init(self._post_init)
        )
        if request is not None:
            builder = builder.request(request)
        if get_updates_request is not None:
            builder = builder.get_updates_request(get_updates_request)
        app = builder.build()
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE, self._on_update))
        app.add_handler(CallbackQueryHandler(self._on_update))
        app.add_error_handler(self._on_error)
        return app

    async def _post_init(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        self.core.menu_channels.add(CHANNEL)
        await set_menu(app, self.settings.language)
        notifier = self.notifier(app)

        def wake(kind: str) -> None:
            # Messages made due by a user's action (a check sent back to its officer) go
            # out now rather than at the next periodic run.
            if app.running:
                app.create_task(notifier.run_returns(), name=f"push-{kind}")

        self.core.listeners.append(wake)

    def notifier(self, app: Application[Any, Any, Any, Any, Any, Any]) -> Notifier:
        async def deliver(chat_id: str, text: str) -> Outcome:
            return await self.deliver(app.bot, chat_id, text)

        return Notifier(self.core.services, CHANNEL, deliver, channels=self.push_channels)

    async def deliver(self, bot: Any, chat_id: str | int, text: str) -> Outcome:
        """One pushed message; the outcome decides whether it is retried."""
        try:
            for chunk in split_text(text, MAX_MESSAGE):
                await bot.send_message(chat_id=chat_id, text=chunk)
        except Forbidden:
            return Outcome.BLOCKED
        except BadRequest as exc:
            # "Chat not found": the user never opened a chat with this bot.
            if "chat not found" in str(exc).lower():
                return Outcome.BLOCKED
            log.warning("telegram refused a pushed message: %s", type(exc).__name__)
            return Outcome.FAILED
        except (RetryAfter, NetworkError):  # the rate limiter already retried a 429
            return Outcome.RETRY
        return Outcome.SENT

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        bot = context.bot
        inbound = to_inbound(update, bot.id, bot.username or "")
        if inbound is None:
            return
        if update.message is not None and update.message.document is not None \
                and inbound.chat_type == "private":
            inbound = replace(inbound, attachment=await fetch_document(update.message.document))
        query = update.callback_query
        if query is not None:
            try:
                await query.answer()  # stops the spinner on the user's button
            except TelegramError:
                log.info("could not answer callback query")
        replies = await self.core.handle(inbound)
        menu = self.core.menus_due.pop(f"{CHANNEL}:{inbound.chat_id}", None)
        if menu is not None:
            await set_chat_menu(bot, inbound.chat_id, menu)
        pressed = query.message if query is not None else None
        if pressed is not None and replies and replies[0].edit:
            # A multi-select ticks its boxes in place instead of a new message per tap.
            try:
                await bot.edit_message_text(chat_id=pressed.chat.id,
                                            message_id=pressed.message_id,
                                            text=replies[0].text,
                                            reply_markup=keyboard(replies[0]))
                replies = replies[1:]
            except TelegramError:
                log.info("could not edit a question in place; sent anew")
        elif pressed is not None and replies:
            # Answered questions lose their buttons so an old one is not pressed again.
            with contextlib.suppress(TelegramError):
                await bot.edit_message_reply_markup(chat_id=pressed.chat.id,
                                                    message_id=pressed.message_id,
                                                    reply_markup=None)
        await self.send(bot, inbound.chat_id, replies)

    async def send(self, bot: Any, chat_id: str | int, replies: list[Reply]) -> None:
        try:
            await self._send(bot, chat_id, replies)
        finally:
            for reply in replies:
                if reply.cleanup:
                    discard(reply)

    async def _send(self, bot: Any, chat_id: str | int, replies: list[Reply]) -> None:
        for reply in replies:
            try:
                if reply.image is not None:
                    with reply.image.open("rb") as fh:
                        await bot.send_photo(chat_id=chat_id, photo=fh,
                                             caption=reply.text[:1024] or None)
                    continue
                if reply.file is not None:
                    with reply.file.open("rb") as fh:
                        await bot.send_document(chat_id=chat_id, document=fh,
                                                caption=reply.text[:1024] or None)
                    continue
                chunks = split_text(reply.text, MAX_MESSAGE)
                if reply.phone and len(chunks) == 1:
                    await self._send_with_phone(bot, chat_id, reply)
                    continue
                for i, chunk in enumerate(chunks):
                    markup = keyboard(reply) if i == len(chunks) - 1 else None
                    await bot.send_message(chat_id=chat_id, text=chunk, reply_markup=markup)
            except Forbidden:
                log.warning("user blocked the bot; reply dropped")
                return
            except BadRequest as exc:
                log.warning("telegram refused a reply: %s", type(exc).__name__)

    async def _send_with_phone(self, bot: Any, chat_id: str | int, reply: Reply) -> None:
        """The phone number as a tel: link, so the caller taps it to dial."""
        assert reply.phone is not None
        entity = tel_link(reply.text, reply.phone)
        try:
            await bot.send_message(chat_id=chat_id, text=reply.text, reply_markup=keyboard(reply),
                                   entities=[entity] if entity else None)
        except BadRequest:
            # A client or server that refuses the link still gets the card, with the
            # international number (which Telegram apps make tappable by themselves).
            log.info("tel: link refused; card sent with a plain number")
            await bot.send_message(chat_id=chat_id, text=f"{reply.text}\n☎️ {reply.phone}",
                                   reply_markup=keyboard(reply))

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Only the error type: an update's text may hold names and phone numbers.
        log.error("telegram error: %r", type(context.error).__name__, exc_info=context.error)


async def fetch_document(document: Document) -> Attachment:
    """Download a sent file (rosters are small; the Bot API serves bots up to 20 MB)."""
    name = document.file_name or "file"
    if document.file_size is not None and document.file_size > MAX_BYTES:
        return Attachment(name, refused="too_big")
    try:
        file = await document.get_file()
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        log.warning("could not download a sent file: %s", type(exc).__name__)
        return Attachment(name, refused="failed")
    return Attachment(name, data)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def tel_link(text: str, phone: str) -> MessageEntity | None:
    """A text_link entity over the national-format number in `text` (offsets in UTF-16)."""
    shown = fmt_phone(phone)
    at = text.find(shown)
    if at < 0:
        return None
    return MessageEntity(type=MessageEntity.TEXT_LINK, offset=_utf16_len(text[:at]),
                         length=_utf16_len(shown), url=f"tel:{phone}")


def discard(reply: Reply) -> None:
    """Delete a reply's scratch files once sent."""
    for path in (reply.file, reply.image):
        discard_file(path)


async def set_menu(app: Application[Any, Any, Any, Any, Any, Any], language: str) -> None:
    """The default menu, for chats whose person's own menu is not set yet: Vietnamese
    whatever the app's language (an English menu left by an older version is removed)."""
    await app.bot.set_my_commands(
        [BotCommand(name, text) for name, text in commands_for(None, language)])
    with contextlib.suppress(TelegramError):
        await app.bot.delete_my_commands(language_code="en")


async def set_chat_menu(bot: Any, chat_id: str | int,
                        commands: tuple[tuple[str, str], ...]) -> None:
    """One person's menu: their role's commands in their language (a per-chat scope)."""
    try:
        await bot.set_my_commands([BotCommand(name, text) for name, text in commands],
                                  scope=BotCommandScopeChat(int(chat_id)))
    except TelegramError as exc:
        log.info("could not set a chat's command menu: %s", type(exc).__name__)
