"""Telegram transport on python-telegram-bot: updates in, inline buttons and messages out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, timedelta
from functools import partial
from typing import Any, TypeVar

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    PhotoSize,
    Update,
)
from telegram.constants import ChatType
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
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
from telegram.warnings import PTBUserWarning

from bot.channels.base import Host, StartError, Webhook, route_of, webhook_secret
from bot.channels.telegram_updates import PerChatUpdateProcessor
from bot.channels.text_render import split_text
from bot.config import WEBHOOK, Settings
from bot.notify import Notifier, Outcome
from handlers.engine.core import Core
from handlers.engine.i18n import fmt_phone
from handlers.engine.menu import commands_for
from handlers.engine.messages import (
    PRIVATE,
    Attachment,
    Contact,
    Inbound,
    Reply,
    discard_file,
    reply_from_dict,
)
from handlers.parse.roster_file import MAX_BYTES

# Our own getUpdates loop reads raw updates on purpose (to record them before de_json,
# which an unknown update type would break); PTB would rather we called Bot.get_updates.
warnings.filterwarnings("ignore", message=r".*Bot\.getUpdates.*", category=PTBUserWarning)

CHANNEL = "telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_MESSAGE = 4096
ALLOWED_UPDATES = ["message", "callback_query"]
log = logging.getLogger(__name__)
T = TypeVar("T")

_CHAT_TYPES: dict[str, str] = {
    ChatType.PRIVATE: "private",
    ChatType.GROUP: "group",
    ChatType.SUPERGROUP: "supergroup",
    ChatType.CHANNEL: "channel",
}


def to_inbound(update: Update, bot_id: int, bot_username: str) -> Inbound | None:
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None:
        return None
    common: dict[str, Any] = {
        "channel": CHANNEL,
        "user_id": str(user.id),
        "chat_id": str(chat.id),
        "chat_type": _CHAT_TYPES.get(str(chat.type), "group"),
        # Bot id in the key: a new bot token restarts update ids from scratch.
        "delivery_key": f"{bot_id}:{update.update_id}",
        "sender_name": user.full_name,
        "bot_username": bot_username,
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
    return AIORateLimiter(overall_max_rate=1, overall_time_period=1 / per_second, max_retries=2)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.options:
        return None
    per_row = max(reply.options_per_row, 1)
    buttons = [InlineKeyboardButton(o.label, callback_data=o.value) for o in reply.options]
    rows = [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
    return InlineKeyboardMarkup(rows)


def open_channel(settings: Settings, core: Core) -> TelegramChannel:
    return TelegramChannel(settings, core)


class TelegramChannel:
    name = CHANNEL

    def __init__(
        self,
        settings: Settings,
        core: Core,
        *,
        requests: tuple[BaseRequest, BaseRequest] | None = None,
    ) -> None:
        self.settings = settings
        self.core = core
        # The Bot API's HTTP clients (for sends, for getUpdates): PTB's own unless given
        # (tests give fakes of Telegram's server).
        self.requests = requests
        self.push_channels: tuple[str, ...] = (CHANNEL,)
        self.app: Application[Any, Any, Any, Any, Any, Any] | None = None
        self._webhook: Webhook | None = None
        self._poller: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    # --- lifecycle (bot.channels.base.Channel) ----------------------------------------

    @property
    def webhook_path(self) -> str | None:
        if self.settings.telegram.mode != WEBHOOK:
            return None
        return route_of(self.settings.webhook_url(CHANNEL), f"/{CHANNEL}/webhook")

    @property
    def webhook(self) -> Webhook | None:
        return self._webhook

    @property
    def alive(self) -> bool:
        app = self.app
        return app is not None and app.running and (self._webhook is not None or self.polling)

    async def start(self, host: Host) -> None:
        self.push_channels = host.push_channels
        app = self.build(
            request=self.requests[0] if self.requests else None,
            get_updates_request=self.requests[1] if self.requests else None,
        )
        self.app = app
        try:
            await app.initialize()
        except InvalidToken:
            # Its text quotes the token: only the code and a fixed description go on.
            raise StartError("Telegram", 401, "Unauthorized") from None
        await self._ready(app)
        await app.start()
        cfg = self.settings.telegram
        if cfg.mode != WEBHOOK:
            await self.start_polling(app)
            return
        secret = webhook_secret(cfg.resolve_secret())
        self._webhook = Webhook(
            secret_header=SECRET_HEADER, secret=secret, accept=partial(self.accept_webhook, app)
        )
        await host.listen()  # listening before Telegram starts posting
        await app.bot.set_webhook(
            url=self.settings.webhook_url(CHANNEL),
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=cfg.drop_pending_updates,
        )

    async def stop(self) -> None:
        """Stop taking updates at once; finish what is in hand within `chat.stop_seconds`;
        whatever waits in the queue stays in the inbox for the next start."""
        self._webhook = None
        await self.stop_polling()
        app = self.app
        if app is None:
            return
        left = self.drop_queued(app)
        if left:
            log.info("telegram: %d queued updates left in the inbox for the next start", left)
        if app.running:
            try:
                await asyncio.wait_for(app.stop(), self.settings.chat.stop_seconds)
            except TimeoutError:
                # Cut short: their transactions roll back and their inbox rows stay open.
                log.warning(
                    "telegram: stopped with messages still in hand; they run again at the "
                    "next start"
                )
                processor = app.update_processor
                if isinstance(processor, PerChatUpdateProcessor):
                    await processor.cancel_running()
        with contextlib.suppress(RuntimeError):
            await app.shutdown()

    def build(
        self,
        *,
        request: BaseRequest | None = None,
        get_updates_request: BaseRequest | None = None,
        token: str | None = None,
    ) -> Application[Any, Any, Any, Any, Any, Any]:
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

    async def _ready(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Initialised, before updates are taken: the menu, the core's channel sets, and
        pushes woken by users' actions."""
        self.core.menu_channels.add(CHANNEL)
        self.core.outbox_channels.add(CHANNEL)
        await set_menu(app, self.settings.language)
        notifier = self.notifier()

        def wake(kind: str) -> None:
            # Messages made due by a user's action (a check sent back to its officer) go
            # out now rather than at the next periodic run.
            if app.running:
                app.create_task(notifier.run_woken(kind), name=f"push-{kind}")

        self.core.listeners.append(wake)

    def notifier(self) -> Notifier:
        app = self.app
        if app is None:
            raise RuntimeError("telegram channel not started")

        async def deliver(chat_id: str, text: str) -> Outcome:
            return await self.deliver(app.bot, chat_id, text)

        return Notifier(self.core.services, CHANNEL, deliver, channels=self.push_channels)

    # --- intake: recorded in the inbox, then confirmed, then handled ------------------

    def inbox_key(self, bot: Any, update_id: int) -> str:
        # As the core's delivery key: the bot id, since a new token restarts update ids.
        return f"{CHANNEL}:{bot.id}:{update_id}"

    async def start_polling(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Our own long polling instead of PTB's Updater, which confirms a batch (the next
        offset) before its updates are handled: what a crash then held was lost. Here an
        update is in the database before Telegram hears of it; left-overs go first."""
        self._stopping.clear()
        cfg = self.settings.telegram
        await app.bot.delete_webhook(drop_pending_updates=cfg.drop_pending_updates)
        await self._resume(app)
        self._poller = asyncio.get_running_loop().create_task(self._poll(app), name="telegram-poll")

    async def _resume(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """What the last run left: replies recorded but not all sent go out now; updates
        not handled yet are handled, in order."""
        for left in await self.core.pending_inbound(CHANNEL):
            if left.replies is None:
                await self._feed(app, left.key, left.payload)
                continue
            chat_id = chat_of(left.payload)
            if chat_id is not None:
                replies = [reply_from_dict(r) for r in left.replies]
                await self.send(app.bot, chat_id, replies, key=left.key, start=left.sent)
            await self.core.finish_inbound(left.key)

    @property
    def polling(self) -> bool:
        return self._poller is not None and not self._poller.done()

    async def stop_polling(self) -> None:
        self._stopping.set()
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None

    async def _poll(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        cfg = self.settings.telegram
        offset: int | None = None
        delay = 1.0
        while not self._stopping.is_set():
            params: dict[str, Any] = {
                "timeout": cfg.polling_timeout,
                "allowed_updates": ALLOWED_UPDATES,
            }
            if offset is not None:
                params["offset"] = offset  # confirms everything below: it is recorded
            try:
                raw = await app.bot.do_api_request(
                    "getUpdates", api_kwargs=params, read_timeout=cfg.polling_timeout + 10
                )
                updates = [
                    u
                    for u in raw or []
                    if isinstance(u, dict) and isinstance(u.get("update_id"), int)
                ]
                items = [(self.inbox_key(app.bot, u["update_id"]), u) for u in updates]
                new = await self.core.record_inbound(CHANNEL, items)
            except Exception as exc:  # the network, Telegram or the database: wait, retry
                log.warning("telegram getUpdates failed: %s", type(exc).__name__)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), delay)
                delay = min(delay * 2, 60.0)
                continue
            delay = 1.0
            if updates:
                offset = max(u["update_id"] for u in updates) + 1
            for key, payload in items:
                if key in new:
                    await self._feed(app, key, payload)

    async def accept_webhook(
        self, app: Application[Any, Any, Any, Any, Any, Any], body: dict[str, Any]
    ) -> bool:
        """A webhook delivery: recorded before Telegram gets its 200, then handled."""
        update_id = body.get("update_id")
        if not isinstance(update_id, int):
            log.warning("telegram webhook: update without an id ignored")
            return False
        key = self.inbox_key(app.bot, update_id)
        if key in await self.core.record_inbound(CHANNEL, [(key, body)]):
            await self._feed(app, key, body)
        return True

    async def _feed(
        self, app: Application[Any, Any, Any, Any, Any, Any], key: str, payload: dict[str, Any]
    ) -> None:
        try:
            update = Update.de_json(payload, app.bot)
        except Exception:
            update = None
        if update is None or (update.message is None and update.callback_query is None):
            # Unreadable (a newer Bot API type) or of a kind we do not take: skipped and
            # marked done, so it never blocks the rest. Its id and fields' names only: the
            # payload holds names and phone numbers.
            fields = ",".join(sorted(k for k in payload if k != "update_id"))[:80]
            log.warning(
                "telegram update %s skipped: not a message we read (%s)",
                payload.get("update_id"),
                fields,
            )
            await self.core.finish_inbound(key)
            return
        await app.update_queue.put(update)

    def drop_queued(self, app: Application[Any, Any, Any, Any, Any, Any]) -> int:
        """Updates fed but not started: left in the inbox for the next start."""
        dropped = 0
        while not app.update_queue.empty():
            app.update_queue.get_nowait()
            dropped += 1
        return dropped

    # --- outbound -------------------------------------------------------------------

    async def _retrying(self, call: Callable[[], Awaitable[T]]) -> T:
        """A send, tried again on flood limits (after the wait Telegram asks for), network
        errors and 5xx (after a growing pause), up to `telegram.send_attempts`. A timeout
        is not repeated: the message may have arrived, and a double is worse."""
        attempts = self.settings.telegram.send_attempts
        pause = 0.5
        for attempt in range(1, attempts + 1):
            try:
                return await call()
            except RetryAfter as exc:
                if attempt == attempts:
                    raise
                wait = exc.retry_after
                await asyncio.sleep(
                    (wait.total_seconds() if isinstance(wait, timedelta) else float(wait)) + 0.1
                )
            except (TimedOut, BadRequest):  # BadRequest is a NetworkError in PTB: not retried
                raise
            except NetworkError:
                if attempt == attempts:
                    raise
                await asyncio.sleep(pause)
                pause = min(pause * 2, 8.0)
        raise AssertionError("unreachable")

    async def deliver(self, bot: Any, chat_id: str | int, text: str) -> Outcome:
        """One pushed message; the outcome decides whether it is retried."""
        try:
            for chunk in split_text(text, MAX_MESSAGE):
                await self._retrying(partial(bot.send_message, chat_id=chat_id, text=chunk))
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
        try:
            await self._handle_update(update, context)
        finally:
            if not _cancelling():  # cut short by a stop: it stays in the inbox
                # Handled (or failed for good): its inbox row is done.
                with contextlib.suppress(Exception):
                    await self.core.finish_inbound(self.inbox_key(context.bot, update.update_id))

    async def _handle_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        bot = context.bot
        inbound = to_inbound(update, bot.id, bot.username or "")
        if inbound is None:
            return
        if update.message is not None and inbound.chat_type == PRIVATE:
            # Files and contacts are read in private chats only: a group gets no personal data
            # from the bot, and the bot keeps none from a group.
            inbound = await self.with_content(inbound, update.message)
        query = update.callback_query
        if query is not None:
            try:
                await query.answer()  # stops the spinner on the user's button
            except TelegramError:
                log.info("could not answer callback query")
        replies = await self.core.handle(inbound)
        # This chat's menu, and any other chat's the message made due (an admin changed
        # that person's role: their menu changes now, not at their next message).
        prefix = f"{CHANNEL}:"
        own = f"{prefix}{inbound.chat_id}"
        for key in [own, *(k for k in self.core.menus_due if k.startswith(prefix) and k != own)]:
            menu = self.core.menus_due.pop(key, None)
            if menu is not None:
                await set_chat_menu(bot, key[len(prefix) :], menu)
        pressed = query.message if query is not None else None
        if pressed is not None and replies and replies[0].edit:
            # A multi-select ticks its boxes in place instead of a new message per tap.
            try:
                await bot.edit_message_text(
                    chat_id=pressed.chat.id,
                    message_id=pressed.message_id,
                    text=replies[0].text,
                    reply_markup=keyboard(replies[0]),
                )
                replies = replies[1:]
            except TelegramError:
                log.info("could not edit a question in place; sent anew")
        elif pressed is not None and replies:
            # Answered questions lose their buttons so an old one is not pressed again.
            with contextlib.suppress(TelegramError):
                await bot.edit_message_reply_markup(
                    chat_id=pressed.chat.id, message_id=pressed.message_id, reply_markup=None
                )
        await self.send(bot, inbound.chat_id, replies, key=self.inbox_key(bot, update.update_id))

    async def with_content(self, inbound: Inbound, message: Message) -> Inbound:
        """The message's file (a document, or the largest size of a photo) downloaded, or
        its shared contact."""
        limit = max(MAX_BYTES, self.settings.chat.file_mb * 1024 * 1024)
        album = message.media_group_id or ""
        if message.document is not None:
            fetched = await fetch_document(message.document, limit)
            return replace(inbound, attachment=replace(fetched, album=album))
        if message.photo:
            fetched = await fetch_photo(largest(message.photo), limit)
            return replace(inbound, attachment=replace(fetched, album=album))
        if message.contact is not None and message.contact.phone_number:
            card = message.contact
            name = " ".join(p for p in (card.first_name, card.last_name or "") if p)
            return replace(inbound, contact=Contact(phone=card.phone_number, name=name))
        return inbound

    async def send(
        self, bot: Any, chat_id: str | int, replies: list[Reply], *, key: str = "", start: int = 0
    ) -> None:
        try:
            await self._send(bot, chat_id, replies, key=key, start=start)
        finally:
            for reply in replies:
                if reply.cleanup:
                    discard(reply)

    async def _send(
        self, bot: Any, chat_id: str | int, replies: list[Reply], *, key: str, start: int
    ) -> None:
        """The replies in order, each tried again on network errors and flood limits; with
        an inbox key, progress is recorded between replies, so a restart sends the rest
        and not the start again (the last is covered by the row being finished)."""
        for index in range(start, len(replies)):
            reply = replies[index]
            if key and index > start:
                await self.core.replies_sent(key, index)
            try:
                await self._send_one(bot, chat_id, reply)
            except OSError:
                # Its file is gone (written before a crash, or never): the text still goes.
                log.warning("reply file missing; text sent alone")
                with contextlib.suppress(TelegramError):
                    await self._send_one(bot, chat_id, replace(reply, file=None, image=None))
            except Forbidden:
                log.warning("user blocked the bot; reply dropped")
                return
            except BadRequest as exc:
                log.warning("telegram refused a reply: %s", type(exc).__name__)
            except (NetworkError, RetryAfter) as exc:
                log.error(
                    "reply not delivered after %d attempts: %s",
                    self.settings.telegram.send_attempts,
                    type(exc).__name__,
                )

    async def _send_one(self, bot: Any, chat_id: str | int, reply: Reply) -> None:
        """One reply; each Bot API call tried again on its own, so no part goes twice."""
        caption = reply.text[:1024] or None
        path = reply.image or reply.file
        if path is not None:
            method = bot.send_photo if reply.image is not None else bot.send_document
            field = "photo" if reply.image is not None else "document"

            async def upload() -> object:
                with path.open("rb") as fh:  # opened anew on each try
                    return await method(chat_id=chat_id, caption=caption, **{field: fh})

            try:
                await self._retrying(upload)
            except BadRequest:
                if reply.image is None or reply.file is not None:
                    raise
                # A picture Telegram will not show as a photo (its size or shape): as a file.
                log.info("photo refused; sent as a document")
                method, field = bot.send_document, "document"
                await self._retrying(upload)
            return
        chunks = split_text(reply.text, MAX_MESSAGE)
        if reply.phone and len(chunks) == 1:
            await self._send_with_phone(bot, chat_id, reply)
            return
        for i, chunk in enumerate(chunks):
            markup = keyboard(reply) if i == len(chunks) - 1 else None
            await self._retrying(
                partial(bot.send_message, chat_id=chat_id, text=chunk, reply_markup=markup)
            )

    async def _send_with_phone(self, bot: Any, chat_id: str | int, reply: Reply) -> None:
        """The phone number as a tel: link, so the caller taps it to dial."""
        assert reply.phone is not None
        entity = tel_link(reply.text, reply.phone)
        try:
            await self._retrying(
                partial(
                    bot.send_message,
                    chat_id=chat_id,
                    text=reply.text,
                    reply_markup=keyboard(reply),
                    entities=[entity] if entity else None,
                )
            )
        except BadRequest:
            # A client or server that refuses the link still gets the card, with the
            # international number (which Telegram apps make tappable by themselves).
            log.info("tel: link refused; card sent with a plain number")
            await self._retrying(
                partial(
                    bot.send_message,
                    chat_id=chat_id,
                    text=f"{reply.text}\n☎️ {reply.phone}",
                    reply_markup=keyboard(reply),
                )
            )

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Only the error type: an update's text may hold names and phone numbers.
        log.error("telegram error: %r", type(context.error).__name__, exc_info=context.error)


async def fetch_document(document: Document, limit: int = MAX_BYTES) -> Attachment:
    """Download a sent file (a list, a PDF receipt; the Bot API serves bots up to 20 MB)."""
    name = document.file_name or "file"
    return await _fetch(document, name, limit, photo=False)


def largest(sizes: tuple[PhotoSize, ...]) -> PhotoSize:
    """A photo comes in several sizes: the largest is the receipt as taken."""
    return max(sizes, key=lambda p: (p.width * p.height, p.file_size or 0))


async def fetch_photo(photo: PhotoSize, limit: int) -> Attachment:
    return await _fetch(photo, "photo.jpg", limit, photo=True)


async def _fetch(item: Document | PhotoSize, name: str, limit: int, *, photo: bool) -> Attachment:
    if item.file_size is not None and item.file_size > limit:
        return Attachment(name, refused="too_big", photo=photo)
    try:
        file = await item.get_file()
        if file.file_size is not None and file.file_size > limit:
            return Attachment(name, refused="too_big", photo=photo)
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        # The type only: never the file's content or name.
        log.warning("could not download a sent file: %s", type(exc).__name__)
        return Attachment(name, refused="failed", photo=photo)
    if len(data) > limit:
        return Attachment(name, refused="too_big", photo=photo)
    return Attachment(name, data, photo=photo)


def _cancelling() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def chat_of(payload: dict[str, Any]) -> int | None:
    """The chat a raw update came from (a message's, or a pressed button's message's)."""
    for path in (
        ("message", "chat", "id"),
        ("callback_query", "message", "chat", "id"),
        ("callback_query", "from", "id"),
    ):
        node: Any = payload
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, int):
            return node
    return None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def tel_link(text: str, phone: str) -> MessageEntity | None:
    """A text_link entity over the national-format number in `text` (offsets in UTF-16)."""
    shown = fmt_phone(phone)
    at = text.find(shown)
    if at < 0:
        return None
    return MessageEntity(
        type=MessageEntity.TEXT_LINK,
        offset=_utf16_len(text[:at]),
        length=_utf16_len(shown),
        url=f"tel:{phone}",
    )


def discard(reply: Reply) -> None:
    """Delete a reply's scratch files once sent."""
    for path in (reply.file, reply.image):
        discard_file(path)


async def set_menu(app: Application[Any, Any, Any, Any, Any, Any], language: str) -> None:
    """The default menu, for chats whose person's own menu is not set yet: Vietnamese
    whatever the app's language (an English menu left by an older version is removed)."""
    await app.bot.set_my_commands(
        [BotCommand(name, text) for name, text in commands_for(None, language, ())]
    )
    with contextlib.suppress(TelegramError):
        await app.bot.delete_my_commands(language_code="en")


async def set_chat_menu(
    bot: Any, chat_id: str | int, commands: tuple[tuple[str, str], ...]
) -> None:
    """One person's menu: their role's commands in their language (a per-chat scope)."""
    try:
        await bot.set_my_commands(
            [BotCommand(name, text) for name, text in commands],
            scope=BotCommandScopeChat(int(chat_id)),
        )
    except TelegramError as exc:
        log.info("could not set a chat's command menu: %s", type(exc).__name__)
