"""A fake Telegram Bot API behind python-telegram-bot's request interface, plus a harness
that runs the real Application (long polling included) against it. No network."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from telegram import Update
from telegram.ext import Application, ContextTypes
from telegram.request import BaseRequest, RequestData

from bot import scheduler
from bot.channels.base import Host
from bot.channels.telegram import CHANNEL, TelegramChannel
from bot.runtime import Runtime
from tests.support.seed import TELEGRAM_IDS, seed

BOT = {
    "id": 999000,
    "is_bot": True,
    "first_name": "DVC Bot",
    "username": "dvc_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Sent:
    method: str
    chat_id: int
    text: str
    message_id: int
    buttons: list[tuple[str, str]] = field(default_factory=list)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # field → (name, data)
    at: float = 0.0  # time.monotonic() when the fake server received it


class FakeApiState:
    """What the fake server knows: queued updates and everything the bot sent."""

    def __init__(self) -> None:
        self.updates: list[dict[str, Any]] = []
        self.new_update = asyncio.Event()
        self.sent: list[Sent] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.ids = itertools.count(1)
        self.message_ids = itertools.count(5000)
        # Errors to answer instead of sending, per chat, in order: (HTTP code, description,
        # retry_after). 403 = the user blocked the bot, 429 = flood limit.
        self.errors: dict[int, list[tuple[int, str, int | None]]] = {}
        self.refused: list[tuple[int, int]] = []  # (chat_id, code) answered with an error
        self.files: dict[str, bytes] = {}  # file_id → content of files users sent
        self.edits: list[Sent] = []  # editMessageText calls: a message changed in place

    def error_for(self, method: str, params: dict[str, Any]) -> dict[str, Any] | None:
        if not method.startswith("send") or "chat_id" not in params:
            return None
        chat_id = int(params["chat_id"])
        queue = self.errors.get(chat_id)
        if not queue:
            return None
        code, description, retry_after = queue.pop(0)
        self.refused.append((chat_id, code))
        body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        return body

    def result(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]] | None = None
    ) -> Any:
        self.calls.append((method, params))
        if method == "getMe":
            return BOT
        if method == "getFile":
            file_id = str(params["file_id"])
            return {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}",
            }
        if method in (
            "deleteWebhook",
            "setWebhook",
            "setMyCommands",
            "deleteMyCommands",
            "answerCallbackQuery",
            "editMessageReplyMarkup",
            "sendChatAction",
        ):
            return True
        if method == "editMessageText":
            chat_id = int(params["chat_id"])
            edited = Sent(
                method,
                chat_id,
                str(params.get("text") or ""),
                int(params["message_id"]),
                _buttons(params),
                {},
                time.monotonic(),
            )
            self.edits.append(edited)
            # The message keeps its id: its buttons are now the edited ones.
            for sent in self.sent:
                if sent.chat_id == chat_id and sent.message_id == edited.message_id:
                    sent.text, sent.buttons = edited.text, edited.buttons
            return {
                "message_id": edited.message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT,
                "text": edited.text,
            }
        if method in ("sendMessage", "sendPhoto", "sendDocument"):
            chat_id = int(params["chat_id"])
            sent = Sent(
                method,
                chat_id,
                str(params.get("text") or params.get("caption") or ""),
                next(self.message_ids),
                _buttons(params),
                files or {},
                time.monotonic(),
            )
            self.sent.append(sent)
            return {
                "message_id": sent.message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": BOT,
                "text": sent.text,
            }
        raise AssertionError(f"fake Bot API has no method {method}")


def _buttons(params: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, callback data) of an inline keyboard, as python-telegram-bot encodes it."""
    markup = params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


class FakeRequest(BaseRequest):
    def __init__(self, state: FakeApiState) -> None:
        self.state = state

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        if "/file/bot" in url:  # a file download: base_file_url + token + "/" + file_path
            return 200, self.state.files[url.rsplit("/", 1)[-1]]
        if api_method == "getUpdates":
            result: Any = await self._get_updates(params)
        else:
            error = self.state.error_for(api_method, params)
            if error is not None:
                return int(error["error_code"]), json.dumps(error).encode()
            files = {}
            if request_data is not None and request_data.contains_files:
                for name, part in (request_data.multipart_data or {}).items():
                    content = part[1]
                    data = content if isinstance(content, bytes) else content.read()
                    files[name] = (str(part[0]), data)
            result = self.state.result(api_method, params, files)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        # Telegram forgets updates below the confirmed offset.
        self.state.updates = [u for u in self.state.updates if u["update_id"] >= offset]
        if not self.state.updates:
            self.state.new_update.clear()
            try:
                await asyncio.wait_for(self.state.new_update.wait(), timeout=0.2)
            except TimeoutError:
                return []
        return list(self.state.updates)


class InstrumentedChannel(TelegramChannel):
    """The real adapter, plus a signal when an update has been fully handled."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.done: set[int] = set()
        self.changed = asyncio.Condition()

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await super()._on_update(update, context)
        finally:
            async with self.changed:
                self.done.add(update.update_id)
                self.changed.notify_all()


async def _no_http() -> None:
    """A harness runs the channel by polling: no HTTP server to wait for."""


class TelegramHarness:
    def __init__(
        self,
        runtime: Runtime,
        state: FakeApiState | None = None,
        *,
        schedule: bool = False,
        channel: InstrumentedChannel | None = None,
    ) -> None:
        self.runtime = runtime
        self.state = state or FakeApiState()
        # An already running channel (started by bot.serve) or a new one for start().
        self.channel = channel or InstrumentedChannel(
            runtime.settings,
            runtime.core,
            requests=(FakeRequest(self.state), FakeRequest(self.state)),
        )
        self.schedule = schedule  # weekly summaries and reminders (off in most tests)
        self.scheduler: AsyncIOScheduler | None = None
        self.pushed: list[dict[str, Any]] = []

    @property
    def app(self) -> Application[Any, Any, Any, Any, Any, Any]:
        assert self.channel.app is not None, "not started"
        return self.channel.app

    async def start(self) -> None:
        await self.channel.start(Host(push_channels=(CHANNEL,), listen=_no_http))
        if self.schedule:
            self.scheduler = scheduler.build([self.channel.notifier()], self.runtime.settings)
            self.scheduler.start()

    async def stop(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
        await self.channel.stop()

    # --- what users do --------------------------------------------------------------

    def _user(self, user_id: int, name: str) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "vi"}

    def _chat(self, chat_id: int, chat_type: str, name: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = name
        else:
            chat["title"] = "Nhóm cán bộ ấp"
        return chat

    async def push(self, update: dict[str, Any]) -> int:
        self.pushed.append(update)
        self.channel.done.discard(int(update["update_id"]))
        self.state.updates.append(update)
        self.state.new_update.set()
        await self.wait_done(update["update_id"])
        return int(update["update_id"])

    async def burst(self, updates: list[dict[str, Any]], limit: float = 30.0) -> list[Sent]:
        """Updates queued while the phone was offline (or from many people at once), handed
        over in one getUpdates batch; what the bot sent meanwhile."""
        before = len(self.state.sent)
        for update in updates:
            self.pushed.append(update)
            self.channel.done.discard(int(update["update_id"]))
            self.state.updates.append(update)
        self.state.new_update.set()
        await asyncio.gather(*(self.wait_done(int(u["update_id"]), limit) for u in updates))
        return self.state.sent[before:]

    async def redeliver(self, update: dict[str, Any], limit: float = 10.0) -> None:
        """Telegram hands an update over again; wait until the bot has confirmed it."""
        self.state.updates.append(update)
        self.state.new_update.set()

        async def confirmed() -> None:
            while any(u["update_id"] == update["update_id"] for u in self.state.updates):
                self.state.new_update.set()
                await asyncio.sleep(0.01)

        await asyncio.wait_for(confirmed(), limit)

    async def wait_done(self, update_id: int, limit: float = 10.0) -> None:
        async def _wait() -> None:
            async with self.channel.changed:
                await self.channel.changed.wait_for(lambda: update_id in self.channel.done)

        await asyncio.wait_for(_wait(), limit)

    def message_update(
        self,
        user_id: int,
        text: str,
        *,
        name: str = "Cán Bộ",
        chat_id: int | None = None,
        chat_type: str = "private",
        update_id: int | None = None,
        sent_at: datetime | None = None,
    ) -> dict[str, Any]:
        """A text message; it was sent at `sent_at`, by default the test clock's now."""
        uid = update_id or next(self.state.ids)
        when = sent_at or self.runtime.services.clock.now()
        return {
            "update_id": uid,
            "message": {
                "message_id": uid,
                "date": int(when.timestamp()),
                "chat": self._chat(chat_id or user_id, chat_type, name),
                "from": self._user(user_id, name),
                "text": text,
            },
        }

    async def say_nothing(self, user_id: int) -> list[Sent]:
        """A message with no text at all (a sticker, a photo without caption)."""
        update = self.message_update(user_id, "")
        del update["message"]["text"]
        before = len(self.state.sent)
        await self.push(update)
        return self.state.sent[before:]

    async def send_file(
        self,
        user_id: int,
        name: str,
        data: bytes,
        *,
        caption: str = "",
        chat_type: str = "private",
        who: str = "Cán Bộ",
    ) -> list[Sent]:
        """The user sends a document (e.g. a roster spreadsheet) to the bot."""
        before = len(self.state.sent)
        uid = next(self.state.ids)
        file_id = f"doc{uid}"
        self.state.files[file_id] = data
        message: dict[str, Any] = {
            "message_id": uid,
            "date": int(time.time()),
            "chat": self._chat(user_id, chat_type, who),
            "from": self._user(user_id, who),
            "document": {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_name": name,
                "file_size": len(data),
            },
        }
        if caption:
            message["caption"] = caption
        await self.push({"update_id": uid, "message": message})
        return self.state.sent[before:]

    async def send_photo(
        self,
        user_id: int,
        data: bytes,
        *,
        caption: str = "",
        album: str = "",
        chat_type: str = "private",
        who: str = "Cán Bộ",
    ) -> list[Sent]:
        """The user sends a photo: Telegram offers it in several sizes (the largest last),
        each fetched with getFile; `album` is the media group of photos sent together."""
        before = len(self.state.sent)
        uid = next(self.state.ids)
        sizes = []
        for i, (w, h, content) in enumerate(((90, 120, data[:64]), (960, 1280, data))):
            file_id = f"photo{uid}-{i}"
            self.state.files[file_id] = content
            sizes.append(
                {
                    "file_id": file_id,
                    "file_unique_id": f"u{file_id}",
                    "width": w,
                    "height": h,
                    "file_size": len(content),
                }
            )
        message: dict[str, Any] = {
            "message_id": uid,
            "date": int(self.runtime.services.clock.now().timestamp()),
            "chat": self._chat(user_id, chat_type, who),
            "from": self._user(user_id, who),
            "photo": sizes,
        }
        if caption:
            message["caption"] = caption
        if album:
            message["media_group_id"] = album
        await self.push({"update_id": uid, "message": message})
        return self.state.sent[before:]

    async def send_contact(
        self, user_id: int, phone: str, first_name: str, last_name: str = "", who: str = "Cán Bộ"
    ) -> list[Sent]:
        """The user shares a contact card from their phone book."""
        before = len(self.state.sent)
        uid = next(self.state.ids)
        contact: dict[str, Any] = {"phone_number": phone, "first_name": first_name}
        if last_name:
            contact["last_name"] = last_name
        message: dict[str, Any] = {
            "message_id": uid,
            "date": int(self.runtime.services.clock.now().timestamp()),
            "chat": self._chat(user_id, "private", who),
            "from": self._user(user_id, who),
            "contact": contact,
        }
        await self.push({"update_id": uid, "message": message})
        return self.state.sent[before:]

    async def say(self, user_id: int, text: str, **kw: Any) -> list[Sent]:
        before = len(self.state.sent)
        await self.push(self.message_update(user_id, text, **kw))
        return self.state.sent[before:]

    async def press(self, user_id: int, label_part: str, *, name: str = "Cán Bộ") -> list[Sent]:
        """Press the newest button whose label contains `label_part` in this user's chat."""
        for sent in reversed(self.state.sent):
            if sent.chat_id != user_id:
                continue
            for label, data in sent.buttons:
                if label_part.casefold() in label.casefold():
                    return await self.press_data(user_id, data, sent.message_id, name=name)
        raise AssertionError(f"no button {label_part!r} for user {user_id}")

    async def press_data(
        self, user_id: int, data: str, message_id: int, *, name: str = "Cán Bộ"
    ) -> list[Sent]:
        before = len(self.state.sent)
        uid = next(self.state.ids)
        await self.push(
            {
                "update_id": uid,
                "callback_query": {
                    "id": f"cq{uid}",
                    "from": self._user(user_id, name),
                    "chat_instance": "ci",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(time.time()),
                        "chat": self._chat(user_id, "private", name),
                        "from": BOT,
                        "text": "…",
                    },
                },
            }
        )
        return self.state.sent[before:]


def texts(sent: list[Sent]) -> str:
    return "\n---\n".join(s.text for s in sent)


@contextlib.asynccontextmanager
async def seeded_telegram(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    """The seeded campaign (tests/support/seed.py) on Telegram identities, with the bot running."""
    await seed(runtime, channel="telegram", ids=TELEGRAM_IDS)
    harness = TelegramHarness(runtime)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()
