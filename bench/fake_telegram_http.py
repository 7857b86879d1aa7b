"""A fake Telegram Bot API over real HTTP on 127.0.0.1, enough for python-telegram-bot's long
polling: `http://127.0.0.1:PORT/bot{token}/METHOD` (so `base_url` is `.../bot` and PTB
appends the token, pitfalls §1).

Unlike tests/support/telegram_fake.py (a BaseRequest inside the bot's process), this is a
server, so the bot under test can run in another process and pay for its own HTTP client.
Updates are offered to a getUpdates queue (long poll honouring `offset`, `limit` and
`timeout`; these requests are only counted, in `get_updates`); every other call is recorded
with its `time.monotonic()` receive time, and messages sent to a chat are also put in that
chat's inbox for whoever plays the user. Unknown methods answer `{"ok": true, "result": true}`;
files (sendDocument/sendPhoto) are read and discarded.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

BOT_USER: dict[str, Any] = {
    "id": 999000,
    "is_bot": True,
    "first_name": "DVC Bench Bot",
    "username": "dvc_bench_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
# Messages a person would see in their chat (answerCallbackQuery and edits are not).
CHAT_MESSAGES = frozenset({"sendMessage", "sendPhoto", "sendDocument"})


@dataclass(frozen=True)
class Call:
    """One request the bot made (getUpdates aside)."""

    method: str
    chat_id: int | None
    at: float  # time.monotonic() when the fake received it
    text: str = ""
    buttons: tuple[tuple[str, str], ...] = ()  # (label, callback_data)
    message_id: int = 0


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _chat_id(params: dict[str, Any]) -> int | None:
    try:
        return int(params["chat_id"])
    except (KeyError, TypeError, ValueError):  # absent, or an @channel name
        return None


def _buttons(params: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    markup = params.get("reply_markup") or {}
    if isinstance(markup, str):  # form-encoded: nested objects arrive as JSON strings
        markup = json.loads(markup)
    return tuple(
        (b.get("text", ""), b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    )


class FakeTelegram:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.get_updates = 0  # getUpdates requests received (not in calls)
        self._pending: list[dict[str, Any]] = []
        self._arrived = asyncio.Event()
        self._inboxes: dict[int, asyncio.Queue[Call]] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._polling = asyncio.Event()  # set once a getUpdates has waited
        self._runner: web.AppRunner | None = None
        self._port = 0
        # Faults on the sends people see: a share answered 500 and a share 429, drawn from a
        # seeded generator so a run can be repeated.
        self.faults = random.Random(0)
        self.rate_5xx = 0.0
        self.rate_429 = 0.0
        self.retry_after = 1
        self.injected: list[int] = []  # HTTP codes answered instead of sending
        # While frozen, sends wait unanswered (and unrecorded): a process killed then has
        # no send half-done at the server, as when its requests never left the machine.
        self._thawed = asyncio.Event()
        self._thawed.set()
        self._frozen_generation = 0

    # --- lifecycle -----------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)  # documents are discarded
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        # handler_cancellation: a bot that hangs up mid long poll leaves no waiter behind.
        # access_log=None: every path carries the token.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            self._arrived.set()  # any poller still waiting answers at once
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/file/bot"

    # --- what users do -------------------------------------------------------------------

    def offer(self, update: dict[str, Any]) -> float:
        """Queue an update for getUpdates; returns the monotonic time it was offered."""
        self._pending.append(update)
        self._arrived.set()
        return time.monotonic()

    def inbox(self, chat_id: int) -> asyncio.Queue[Call]:
        """Messages the bot sends to this chat, in the order the fake received them."""
        if chat_id not in self._inboxes:
            self._inboxes[chat_id] = asyncio.Queue()
        return self._inboxes[chat_id]

    def drain(self) -> int:
        """Empty every inbox (after a warm-up); how many messages were dropped."""
        dropped = 0
        for queue in self._inboxes.values():
            while not queue.empty():
                queue.get_nowait()
                dropped += 1
        return dropped

    async def wait_polling(self, limit: float = 30.0) -> None:
        """Until the bot has a getUpdates waiting, i.e. it is listening."""
        async with asyncio.timeout(limit):
            await self._polling.wait()

    def message_update(self, user_id: int, text: str) -> dict[str, Any]:
        uid = next(self._update_ids)
        return {
            "update_id": uid,
            "message": {
                "message_id": uid,
                "date": int(time.time()),
                "chat": self._chat(user_id),
                "from": self._user(user_id),
                "text": text,
            },
        }

    def callback_update(self, user_id: int, data: str, message_id: int) -> dict[str, Any]:
        uid = next(self._update_ids)
        return {
            "update_id": uid,
            "callback_query": {
                "id": f"cq{uid}",
                "from": self._user(user_id),
                "chat_instance": f"ci{user_id}",
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": self._chat(user_id),
                    "from": BOT_USER,
                    "text": "…",
                },
            },
        }

    @staticmethod
    def _user(user_id: int) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"Cán Bộ {user_id}",
            "language_code": "vi",
        }

    @staticmethod
    def _chat(chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "type": "private", "first_name": f"Cán Bộ {chat_id}"}

    # --- the API -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        if method == "getUpdates":
            self.get_updates += 1
            return _ok(await self._get_updates(params))
        if method in CHAT_MESSAGES:
            generation = self._frozen_generation
            await self._thawed.wait()
            if generation != self._frozen_generation:
                return web.json_response(
                    {"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502
                )
            fault = self.faults.random()
            if fault < self.rate_5xx:
                self.injected.append(500)
                return web.json_response(
                    {"ok": False, "error_code": 500, "description": "Internal Server Error"},
                    status=500,
                )
            if fault < self.rate_5xx + self.rate_429:
                self.injected.append(429)
                return web.json_response(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {self.retry_after}",
                        "parameters": {"retry_after": self.retry_after},
                    },
                    status=429,
                )
        return _ok(self._answer(method, params))

    def freeze(self) -> None:
        """Hold every send from now on, unanswered and unrecorded."""
        self._thawed.clear()

    def thaw(self) -> None:
        """Answer held sends with 502 (their sender is gone) and take sends again."""
        self._frozen_generation += 1
        self._thawed.set()

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            body = await request.json()
            params.update(body if isinstance(body, dict) else {})
        elif request.can_read_body:
            # Form-encoded or multipart; uploaded files are read and dropped.
            for key, value in (await request.post()).items():
                if isinstance(value, str):
                    params[key] = value
        return params

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        # As Telegram: an offset confirms (forgets) every update below it.
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if not self._pending and timeout > 0:
            self._arrived.clear()
            self._polling.set()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._arrived.wait()
        return self._pending[:limit]

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        chat_id = _chat_id(params)
        message_id = int(params.get("message_id") or 0)
        sends = method.startswith("send") and method != "sendChatAction"
        if sends or (method.startswith("edit") and chat_id is not None):
            message_id = message_id or next(self._message_ids)
        call = Call(
            method,
            chat_id,
            time.monotonic(),
            str(params.get("text") or params.get("caption") or ""),
            _buttons(params),
            message_id,
        )
        self.calls.append(call)
        if method in CHAT_MESSAGES and chat_id is not None:
            self.inbox(chat_id).put_nowait(call)
        if method == "getMe":
            return BOT_USER
        if method == "getMyCommands":
            return []
        if method == "getWebhookInfo":
            return {
                "url": "",
                "has_custom_certificate": False,
                "pending_update_count": len(self._pending),
            }
        if call.message_id and chat_id is not None:  # sendX, editX: the Message
            message: dict[str, Any] = {
                "message_id": call.message_id,
                "date": int(time.time()),
                "chat": self._chat(chat_id),
                "from": BOT_USER,
            }
            if call.text:
                message["caption" if "caption" in params else "text"] = call.text
            return message
        return True
