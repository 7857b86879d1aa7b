"""Zalo transport on the Zalo Bot Platform: plain text in, plain text out.

Zalo has no buttons, no message editing and no file upload, so options are numbered lines
("Trả lời 1, 2 hoặc 3") that the core resolves from the typed number or words, long
replies are split on line boundaries under 2,000 characters, charts go out by URL and
spreadsheets as download links (the core makes both for this channel, see
handlers/engine/downloads.py). Updates arrive by long polling or by webhook; both paths end in
`handle_update`, which deduplicates by Zalo's message id.

Pictures arrive as "message.image.received" with the picture's address (`photo_url`, or
`photo` in some copies of the docs); the bot downloads it (size-capped) and hands it to the
core like a Telegram photo, as a receipt to attach. The platform delivers no documents and no
contact cards: stickers, voice and other events get the text-only answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx

from bot.channels.base import Host, StartError, Webhook, route_of, webhook_secret
from bot.channels.ordering import ChatLocks
from bot.channels.text_render import numbered, split_text
from bot.channels.zalo_api import MAX_TEXT, ZaloApi, ZaloApiError
from bot.config import WEBHOOK, Settings
from bot.notify import Notifier, Outcome
from handlers.engine.core import Core
from handlers.engine.i18n import t
from handlers.engine.messages import PRIVATE, Attachment, Inbound, Reply, reply_from_dict

CHANNEL = "zalo"
SECRET_HEADER = "X-Bot-Api-Secret-Token"
TEXT_EVENT = "message.text.received"
IMAGE_EVENT = "message.image.received"
FETCH_SECONDS = 30.0  # a picture's download, on a weak island link
log = logging.getLogger(__name__)

# Zalo's answers that mean "this person cannot be reached by this bot" (UNCONFIRMED codes
# in the docs; 403 is what a blocked bot gets on the platforms Zalo copies).
_BLOCKED = {403}
_RECENT = 2000  # message ids remembered in memory; the database keeps them all anyway


def unwrap(body: Any) -> dict[str, Any] | None:
    """The update inside a webhook body: flat `{event_name, message}` or wrapped
    `{"ok": true, "result": {...}}` (the docs and real deliveries disagree)."""
    if not isinstance(body, dict):
        return None
    if "message" not in body and isinstance(body.get("result"), dict):
        body = body["result"]
    message = body.get("message")
    if not isinstance(message, dict) or not isinstance(message.get("from"), dict):
        return None
    return dict(body)


def _id(value: Any) -> str:
    return str(value) if isinstance(value, str | int) and str(value) else ""


def to_inbound(update: dict[str, Any]) -> Inbound | None:
    """The plain value the core understands; None for what is not a message from a person."""
    message = update["message"]
    sender = message["from"]
    user_id = _id(sender.get("id"))
    message_id = _id(message.get("message_id"))
    if not user_id or not message_id or sender.get("is_bot"):
        return None
    chat = message.get("chat") if isinstance(message.get("chat"), dict) else {}
    chat_type = PRIVATE if str(chat.get("chat_type", "PRIVATE")).upper() == "PRIVATE" else "group"
    event = update.get("event_name", TEXT_EVENT)
    text = message.get("text") if event == TEXT_EVENT else None
    if event == IMAGE_EVENT:  # a caption, if the platform passes one on
        text = message.get("caption") or message.get("text")
    name = sender.get("display_name") or sender.get("first_name") or ""
    return Inbound(
        channel=CHANNEL,
        user_id=user_id,
        chat_id=_id(chat.get("id")) or user_id,
        chat_type=chat_type,
        text=text if isinstance(text, str) else "",
        delivery_key=message_id,
        sender_name=str(name),
        sent_at=_sent_at(message.get("date")),
    )


def _sent_at(value: Any) -> datetime | None:
    """Zalo's `date`: milliseconds since the epoch, when the user sent the message."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def photo_url(update: dict[str, Any]) -> str:
    """The address of an image message's picture ("" for anything else)."""
    if update.get("event_name") != IMAGE_EVENT:
        return ""
    message = update["message"]
    for key in ("photo_url", "photo", "url"):
        value = message.get(key)
        if isinstance(value, str) and value.startswith(("https://", "http://")):
            return value
    return ""


def is_text(update: dict[str, Any]) -> bool:
    return update.get("event_name", TEXT_EVENT) == TEXT_EVENT and isinstance(
        update["message"].get("text"), str
    )


class ChatQueues:
    """Runs each chat's messages in order (bot.channels.ordering), plus background sends
    that a shutdown waits for."""

    def __init__(self) -> None:
        self.chats = ChatLocks()
        self._tasks: set[asyncio.Future[object]] = set()

    def submit(self, chat_id: str, work: Callable[[], Awaitable[None]]) -> None:
        async def run() -> None:
            async with self.chats.hold(chat_id):
                await work()

        self.spawn(run(), f"zalo-chat-{chat_id[-6:]}")

    def spawn(self, work: Awaitable[object], name: str) -> None:
        """A background send that `drain` waits for at shutdown."""
        task = asyncio.ensure_future(work)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


def open_channel(settings: Settings, core: Core) -> ZaloChannel:
    return ZaloChannel(settings, core)


class ZaloChannel:
    name = CHANNEL

    def __init__(self, settings: Settings, core: Core, api: ZaloApi | None = None) -> None:
        self.settings = settings
        self.core = core
        cfg = settings.zalo
        self.api = api or ZaloApi(cfg.resolve_token(), base_url=cfg.base_url)
        self.queues = ChatQueues()
        self._recent: OrderedDict[str, None] = OrderedDict()
        self._photos: dict[str, str] = {}  # inbox key → the picture to download
        self._files: httpx.AsyncClient | None = None  # made on the first picture
        self._poller: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._webhook: Webhook | None = None
        self.up = False
        # Every channel running in this process: a person linked on several gets each
        # pushed message once, on the one they used last.
        self.push_channels: tuple[str, ...] = (CHANNEL,)

    # --- lifecycle (bot.channels.base.Channel) ----------------------------------------

    @property
    def webhook_path(self) -> str | None:
        if self.settings.zalo.mode != WEBHOOK:
            return None
        return route_of(self.settings.webhook_url(CHANNEL), f"/{CHANNEL}/webhook")

    @property
    def webhook(self) -> Webhook | None:
        return self._webhook

    async def start(self, host: Host) -> None:
        """Check the token, then take updates by webhook or long polling."""
        self.push_channels = host.push_channels
        try:
            await self.api.get_me()
        except ZaloApiError as exc:
            # The token is never part of the error; the code tells a wrong token from an
            # outage.
            raise StartError("Zalo", exc.code, exc.description) from exc
        self.core.link_channels.add(CHANNEL)
        self.core.outbox_channels.add(CHANNEL)
        self.core.listeners.append(self._wake)
        await self._resume()
        cfg = self.settings.zalo
        if cfg.mode == WEBHOOK:
            secret = webhook_secret(cfg.resolve_secret())
            self._webhook = Webhook(
                secret_header=SECRET_HEADER, secret=secret, accept=self.accept, json_answer=True
            )
            # The route must be listening before Zalo is told where to post.
            await host.listen()
            await self.api.set_webhook(self.settings.webhook_url(CHANNEL), secret)
        else:
            # Polling and a webhook exclude each other: a webhook left by an earlier
            # deployment would swallow every update.
            with contextlib.suppress(ZaloApiError):
                await self.api.delete_webhook()
            self._poller = asyncio.get_running_loop().create_task(self._poll(), name="zalo-poll")
        self.up = True
        log.info("zalo channel started mode=%s", cfg.mode)

    async def stop(self) -> None:
        """Stop taking updates at once; what is in hand gets `chat.stop_seconds`, and what
        is cut short or still queued stays in the inbox for the next start."""
        self._stopping.set()
        self._webhook = None
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        try:
            await asyncio.wait_for(self.queues.drain(), self.settings.chat.stop_seconds)
        except TimeoutError:
            log.warning(
                "zalo: stopped with messages still in hand; they run again at the next start"
            )
        with contextlib.suppress(ValueError):
            self.core.listeners.remove(self._wake)
        self.up = False
        await self.api.aclose()
        if self._files is not None:
            await self._files.aclose()
            self._files = None

    @property
    def alive(self) -> bool:
        return self.up and (self._poller is None or not self._poller.done())

    async def _poll(self) -> None:
        wait = self.settings.zalo.polling_timeout
        delay = 1.0
        while not self._stopping.is_set():
            try:
                update = await self.api.get_updates(wait)
            except ZaloApiError as exc:
                # Weak island links drop often: wait a little longer each time, then go on.
                log.warning("zalo getUpdates failed: %s", exc.code)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 60.0)
                continue
            delay = 1.0
            if update is not None:
                try:
                    await self.accept(update)
                except Exception as exc:  # the database: this one is lost, say so
                    log.error("zalo update not recorded: %s", type(exc).__name__)

    # --- inbound -------------------------------------------------------------------

    async def accept(self, body: Any) -> bool:
        """Record one delivered update in the inbox (from polling, or the webhook before it
        answers 200), then queue it; False if unusable."""
        update = unwrap(body)
        if update is None:
            return False
        inbound = to_inbound(update)
        if inbound is None:
            return False
        if inbound.delivery_key in self._recent:
            return True  # a redelivery: the database would skip it too, this is cheaper
        key = f"{CHANNEL}:{inbound.delivery_key}"
        new = await self.core.record_inbound(CHANNEL, [(key, update)])
        self._recent[inbound.delivery_key] = None
        if len(self._recent) > _RECENT:
            self._recent.popitem(last=False)
        if key in new:
            self._queue(key, inbound, update)
        return True

    def _queue(self, key: str, inbound: Inbound, update: dict[str, Any]) -> None:
        text = is_text(update)
        url = photo_url(update)
        if url:
            self._photos[key] = url
        self.queues.submit(inbound.chat_id, lambda: self._handle(key, inbound, text))

    async def _resume(self) -> None:
        """What the last run left: replies recorded but not sent go out first, in order;
        updates not handled yet are queued."""
        for left in await self.core.pending_inbound(CHANNEL):
            update = unwrap(left.payload)
            inbound = to_inbound(update) if update is not None else None
            if update is None or inbound is None:
                await self.core.finish_inbound(left.key)
            elif left.replies is None:
                self._queue(left.key, inbound, update)
            else:
                replies = [reply_from_dict(r) for r in left.replies]
                await self.send(
                    inbound.chat_id, replies[left.sent :], key=left.key, offset=left.sent
                )
                await self.core.finish_inbound(left.key)

    async def _handle(self, key: str, inbound: Inbound, text: bool) -> None:
        url = self._photos.pop(key, "")
        try:
            if url and inbound.chat_type == PRIVATE:
                # A picture (a receipt): downloaded, then handled like a Telegram photo.
                inbound = replace(inbound, attachment=await self.fetch_photo(url))
                text = True
            if not text:
                # Stickers, voice, files: the bot reads text and pictures, and Zalo passes no
                # documents on (a roster is imported through Telegram or the command line).
                if inbound.chat_type == PRIVATE:
                    await self._send_text(
                        inbound.chat_id, t(self.settings.language, "zalo_text_only")
                    )
                return
            replies = await self.core.handle(inbound)
            await self.send(inbound.chat_id, replies, key=key)
        finally:
            task = asyncio.current_task()
            if task is None or not task.cancelling():  # cut short: stays in the inbox
                with contextlib.suppress(Exception):
                    await self.core.finish_inbound(key)

    async def fetch_photo(self, url: str) -> Attachment:
        """Download a picture, no larger than `chat.file_mb` (read in chunks, cut off past
        the limit). Neither the address nor the content is logged."""
        limit = self.settings.chat.file_mb * 1024 * 1024
        name = "zalo-photo.jpg"
        if self._files is None:
            self._files = httpx.AsyncClient(timeout=FETCH_SECONDS, follow_redirects=True)
        try:
            async with self._files.stream("GET", url) as response:
                if response.status_code != 200:
                    log.warning("zalo picture not downloaded: HTTP %d", response.status_code)
                    return Attachment(name, refused="failed", photo=True)
                size = response.headers.get("content-length", "")
                if size.isdigit() and int(size) > limit:
                    return Attachment(name, refused="too_big", photo=True)
                data = bytearray()
                async for chunk in response.aiter_bytes():
                    data += chunk
                    if len(data) > limit:
                        return Attachment(name, refused="too_big", photo=True)
        except httpx.HTTPError as exc:
            log.warning("zalo picture not downloaded: %s", type(exc).__name__)
            return Attachment(name, refused="failed", photo=True)
        return Attachment(name, bytes(data), photo=True)

    # --- outbound ------------------------------------------------------------------

    def render(self, reply: Reply) -> str:
        return numbered(reply, reply.lang or self.settings.language)

    async def send(
        self, chat_id: str, replies: list[Reply], *, key: str = "", offset: int = 0
    ) -> None:
        """In order; with an inbox key, progress is recorded between replies, so a restart
        sends the rest and not the start again."""
        for index, reply in enumerate(replies):
            if key and index:
                await self.core.replies_sent(key, offset + index)
            try:
                if reply.image_url:
                    await self.api.send_photo(chat_id, reply.image_url, reply.text[:MAX_TEXT])
                    continue
                if not reply.text and not reply.options:
                    continue
                await self._send_text(chat_id, self.render(reply))
            except ZaloApiError as exc:
                log.warning("zalo refused a reply: %s", exc.code)
                if exc.code in _BLOCKED:
                    return

    async def _send_text(self, chat_id: str, text: str) -> None:
        for chunk in split_text(text, MAX_TEXT):
            if chunk.strip():
                await self.api.send_message(chat_id, chunk)

    async def deliver(self, chat_id: str, text: str) -> Outcome:
        """One pushed message (weekly summary, reminder); the outcome decides retries."""
        try:
            await self._send_text(chat_id, text)
        except ZaloApiError as exc:
            if exc.code in _BLOCKED:
                return Outcome.BLOCKED
            if exc.code == 0 or exc.code == 429 or exc.code >= 500:
                return Outcome.RETRY
            return Outcome.FAILED
        return Outcome.SENT

    def notifier(self) -> Notifier:
        return Notifier(self.core.services, CHANNEL, self.deliver, channels=self.push_channels)

    def _wake(self, kind: str) -> None:
        # A check sent back to its officer goes out now, not at the next periodic run.
        if self.up and not self._stopping.is_set():
            self.queues.spawn(self.notifier().run_woken(kind), f"zalo-push-{kind}")
