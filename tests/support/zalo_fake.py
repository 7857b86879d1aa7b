"""A fake Zalo Bot Platform API served over real HTTP on 127.0.0.1, and a pusher that
delivers updates to our webhook the way Zalo does. See reference/zalo-bot-api.md.

The fake is deliberately strict where the platform is documented (1–2000 character texts,
https webhooks, 8–256 character secrets, public photo URLs, one update per getUpdates) so
that a bot passing against it is unlikely to be refused by the real thing. Choices where
the platform is undocumented:

- Errors are ok:false bodies. "Soft" answers come with HTTP 200 as Zalo sends them
  (408 no update, 404 no webhook set); bad requests come with HTTP 400, a wrong token
  with 401, an unknown method with 404.
- getUpdates while a webhook is set answers HTTP 409, error_code 409, as Telegram does;
  a getUpdates already waiting gets the same answer as soon as the webhook is set.
- `errors` is consulted only for a request that is otherwise valid, so a malformed send
  gets its 400 and leaves the scripted error queued for the next one.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from aiohttp import web

TOKEN = "1234567890:fake-zalo-secret"
MAX_TEXT = 2000
SECRET_HEADER = "X-Bot-Api-Secret-Token"
BOT_INFO: dict[str, Any] = {
    "id": "bot123",
    "account_name": "dvc_kienhai_bot",
    "account_type": "BASIC",
    "can_join_groups": False,
}
SEND_METHODS = frozenset({"sendMessage", "sendPhoto", "sendSticker", "sendChatAction"})
DEFAULT_POLL_SECONDS = 30  # getUpdates without a timeout, as documented
# A picture a user sends: Zalo gives the bot its address on Zalo's servers, which the fake
# serves at /photos/<name> (a JPEG's first bytes are enough for the bot's type check).
SAMPLE_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4 + b"\xff\xd9"


@dataclass
class ZSent:
    method: str
    chat_id: str
    text: str  # the caption for sendPhoto, the sticker id for sendSticker
    photo: str = ""
    at: float = 0.0  # time.monotonic() when the fake accepted it


class _BadRequest(Exception):
    """Answered as HTTP 400 ok:false; raised from deep inside a method's validation."""


def _now_ms() -> int:
    return int(time.time() * 1000)


def _hex_id() -> str:
    return secrets.token_hex(10)  # 20 hex digits, the shape of real Zalo ids


def _error(
    status: int, code: int, description: str, retry_after: int | None = None
) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _string(
    body: dict[str, Any], key: str, shortest: int, longest: int, default: str | None = None
) -> str:
    value = body.get(key, default)
    if not isinstance(value, str) or not shortest <= len(value) <= longest:
        raise _BadRequest(f"{key} must be {shortest}-{longest} characters")
    return value


def _wrap(update: dict[str, Any]) -> dict[str, Any]:
    return {"ok": True, "result": update}


def _is_wrapped(update: dict[str, Any]) -> bool:
    return "ok" in update and isinstance(update.get("result"), dict)


class FakeZalo:
    """`POST /bot{token}/{method}` on 127.0.0.1:<free port>, recording everything."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.sent: list[ZSent] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.webhook: dict[str, Any] = {}
        self.errors: dict[str, list[tuple[int, int, str]]] = {}
        self.refused: list[tuple[str, int]] = []  # (chat_id, HTTP status) of scripted errors
        self.updates: deque[dict[str, Any]] = deque()
        self.photos: dict[str, bytes] = {}  # name → a picture users sent, served over GET
        self.photo_fetches: list[str] = []  # names of the pictures the bot downloaded
        self._webhook_updated_at = 0
        self._pollers = 0
        self._closing = False
        # Replaced on every change, so a waiter that grabbed the old one is always woken
        # (an Event that is cleared again could be missed by a waiter not yet scheduled).
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._port = 0

    # --- lifecycle ---------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/photos/{name}", self._photo)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        # handler_cancellation: a client that hangs up mid long poll must not leave a
        # handler behind that later takes an update and writes it to nobody.
        # access_log=None: the access log would print the token that sits in every path.
        # A short shutdown_timeout because stop() already answers every waiting poller.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=2.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        self._closing = False

    async def stop(self) -> None:
        if self._runner is None:
            return
        self._closing = True
        self._bump()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeZalo:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        if not self._port:
            raise RuntimeError("FakeZalo is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def pollers(self) -> int:
        """getUpdates requests waiting right now."""
        return self._pollers

    # --- scripting and inspection --------------------------------------------------------

    def push(self, update: dict[str, Any]) -> None:
        # getUpdates returns the flat update; a wrapped one would be wrapped twice.
        self.updates.append(update["result"] if _is_wrapped(update) else update)
        self._bump()

    def sent_to(self, chat_id: str) -> list[ZSent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    # The wait_* helpers take `timeout` (ASYNC109) because tests read better with a bound
    # in the call than wrapped in asyncio.timeout, and their failures say what was missing.
    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 10.0) -> bool:  # noqa: ASYNC109
        """Wait for `predicate` (re-checked after every request, push or send); False on
        timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            changed = self._changed
            try:
                async with asyncio.timeout(remaining):
                    await changed.wait()
            except TimeoutError:
                return predicate()
        return True

    async def wait_sent(self, count: int, timeout: float = 10.0) -> list[ZSent]:  # noqa: ASYNC109
        if not await self.wait_until(lambda: len(self.sent) >= count, timeout):
            lines = "\n".join(f"  {s.method} → {s.chat_id}: {s.text!r}" for s in self.sent)
            raise AssertionError(
                f"expected {count} sent messages within {timeout} s, "
                f"got {len(self.sent)}:\n{lines or '  (nothing)'}"
            )
        return self.sent[:]

    async def wait_polling(self, count: int = 1, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Until `count` getUpdates requests are waiting (the bot is listening)."""
        if not await self.wait_until(lambda: self._pollers >= count, timeout):
            raise AssertionError(f"expected {count} waiting getUpdates, got {self._pollers}")

    # --- update builders ----------------------------------------------------------------

    def event_update(
        self,
        event_name: str,
        user_id: str,
        *,
        name: str = "Cán Bộ",
        chat_type: str = "PRIVATE",
        chat_id: str | None = None,
        message_id: str | None = None,
        wrapped: bool = False,
        **fields: Any,
    ) -> dict[str, Any]:
        """Any incoming event; `fields` go into `message` (text, photo_url, sticker...)."""
        message: dict[str, Any] = {
            "message_id": message_id or _hex_id(),
            "date": _now_ms(),
            **fields,
            "from": {"id": user_id, "display_name": name, "is_bot": False},
            "chat": {"id": chat_id or user_id, "chat_type": chat_type},
        }
        update = {"event_name": event_name, "message": message}
        return _wrap(update) if wrapped else update

    def text_update(
        self,
        user_id: str,
        text: str,
        *,
        name: str = "Cán Bộ",
        chat_type: str = "PRIVATE",
        chat_id: str | None = None,
        message_id: str | None = None,
        wrapped: bool = False,
        sent_ms: int | None = None,
    ) -> dict[str, Any]:
        """A text message; `sent_ms` is when the phone sent it (default: now)."""
        extra: dict[str, Any] = {"date": sent_ms} if sent_ms is not None else {}
        return self.event_update(
            "message.text.received",
            user_id,
            name=name,
            chat_type=chat_type,
            chat_id=chat_id,
            message_id=message_id,
            wrapped=wrapped,
            text=text,
            **extra,
        )

    def image_update(
        self,
        user_id: str,
        *,
        name: str = "Cán Bộ",
        photo_url: str | None = None,
        data: bytes | None = None,
        caption: str | None = None,
        chat_type: str = "PRIVATE",
        chat_id: str | None = None,
        message_id: str | None = None,
        wrapped: bool = False,
    ) -> dict[str, Any]:
        """A picture sent to the bot: its bytes served by this fake (`data`, e.g.
        SAMPLE_JPEG), or at `photo_url` (by default an address on Zalo's side that the
        tests cannot reach). `caption` is not in the documented event: some copies show one."""
        url = photo_url
        if url is None and data is None:
            url = f"https://photo.example.vn/zalo/{_hex_id()}.jpg"
        if url is None and data is not None:
            photo = f"{_hex_id()}.jpg"
            self.photos[photo] = data
            url = f"{self.base_url}/photos/{photo}"
        extra: dict[str, Any] = {"caption": caption} if caption is not None else {}
        return self.event_update(
            "message.image.received",
            user_id,
            name=name,
            chat_type=chat_type,
            chat_id=chat_id,
            message_id=message_id,
            wrapped=wrapped,
            photo_url=url,
            **extra,
        )

    # --- the server -----------------------------------------------------------------------

    def _bump(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def _photo(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        data = self.photos.get(name)
        if data is None:
            return web.Response(status=404)
        self.photo_fetches.append(name)
        self._bump()
        return web.Response(body=data, content_type="image/jpeg")

    async def _not_found(self, request: web.Request) -> web.StreamResponse:
        return _error(404, 404, "Not Found")

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        try:
            raw = await request.read()
            body = json.loads(raw) if raw.strip() else {}
        except ValueError:
            body = None
        self.calls.append((method, body if isinstance(body, dict) else {}))
        self._bump()
        if not hmac.compare_digest(request.match_info["token"].encode(), self.token.encode()):
            return _error(401, 401, "Unauthorized")
        if request.method != "POST":
            return _error(405, 405, "Method Not Allowed")
        if not isinstance(body, dict):
            return _error(400, 400, "Bad Request: body must be a JSON object")
        try:
            return await self._dispatch(request, method, body)
        except _BadRequest as exc:
            return _error(400, 400, str(exc))

    async def _dispatch(
        self, request: web.Request, method: str, body: dict[str, Any]
    ) -> web.StreamResponse:
        if method == "getMe":
            return _ok(dict(BOT_INFO))
        if method == "getUpdates":
            return await self._get_updates(request, body)
        if method == "setWebhook":
            return self._set_webhook(body)
        if method == "getWebhookInfo":
            if not self.webhook:
                return _error(200, 404, "Webhook not found")
            return _ok({"url": self.webhook["url"], "updated_at": self._webhook_updated_at})
        if method == "deleteWebhook":
            self.webhook = {}
            self._webhook_updated_at = _now_ms()
            self._bump()
            return _ok({"url": "", "updated_at": self._webhook_updated_at})
        if method in SEND_METHODS:
            return self._send(method, body)
        return _error(404, 404, "Method not found")

    async def _get_updates(self, request: web.Request, body: dict[str, Any]) -> web.StreamResponse:
        wait = body.get("timeout", DEFAULT_POLL_SECONDS)
        if isinstance(wait, bool) or not isinstance(wait, int | float) or wait < 0:
            raise _BadRequest("timeout must be a non-negative number")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        self._pollers += 1
        self._bump()
        try:
            while not self.updates and not self.webhook and not self._closing:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                changed = self._changed
                try:
                    async with asyncio.timeout(remaining):
                        await changed.wait()
                except TimeoutError:
                    break
        finally:
            self._pollers -= 1
            self._bump()
        if self.webhook:
            return _error(
                409,
                409,
                "Conflict: can't use getUpdates while webhook is active; use deleteWebhook first",
            )
        transport = request.transport
        if not self.updates or transport is None or transport.is_closing():
            return _error(200, 408, "Request timeout")
        update = self.updates.popleft()
        response = _ok(update)
        try:
            # Written here rather than by aiohttp after we return, so that a failed write
            # can put the update back (best effort: a socket that died silently still
            # swallows it, as it would with the real server).
            await response.prepare(request)
            await response.write_eof()
        except BaseException:
            self.updates.appendleft(update)
            self._bump()
            raise
        return response

    def _set_webhook(self, body: dict[str, Any]) -> web.StreamResponse:
        url = body.get("url")
        secret = body.get("secret_token")
        if not isinstance(url, str) or not url.startswith("https://") or len(url) <= 8:
            raise _BadRequest("url must be an https URL")
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            raise _BadRequest("secret_token must be 8-256 characters")
        self.webhook = {"url": url, "secret_token": secret}
        self._webhook_updated_at = _now_ms()
        self._bump()
        return _ok({"url": url, "updated_at": self._webhook_updated_at})

    def _send(self, method: str, body: dict[str, Any]) -> web.StreamResponse:
        chat_id = _string(body, "chat_id", 1, 256)
        text, photo = "", ""
        if method == "sendMessage":
            text = _string(body, "text", 1, MAX_TEXT)
        elif method == "sendPhoto":
            photo = _string(body, "photo", 1, 2048)
            if not photo.startswith(("http://", "https://")):
                raise _BadRequest("photo must be a public http(s) URL")
            text = _string(body, "caption", 0, MAX_TEXT, default="")
        elif method == "sendSticker":
            text = _string(body, "sticker", 1, 256)
        elif body.get("action") != "typing":
            raise _BadRequest("action must be typing")

        queue = self.errors.get(chat_id)
        if queue:
            status, code, description = queue.pop(0)
            self.refused.append((chat_id, status))
            # retry_after 0 so that a client honouring it does not slow the tests down.
            retry_after = 0 if 429 in (status, code) else None
            return _error(status, code, description, retry_after)

        if method == "sendChatAction":
            return _ok(True)
        self.sent.append(ZSent(method, chat_id, text, photo, time.monotonic()))
        self._bump()
        return _ok({"message_id": _hex_id(), "date": _now_ms()})


class WebhookPusher:
    """Delivers updates to our webhook as Zalo does: a JSON POST with the shared secret in
    the X-Bot-Api-Secret-Token header."""

    def __init__(self, url: str, secret: str) -> None:
        self.url = url
        self.secret = secret
        self.last_response: httpx.Response | None = None
        # trust_env=False: a proxy from the environment must never see 127.0.0.1 traffic.
        self._client = httpx.AsyncClient(timeout=10.0, trust_env=False)

    async def push(
        self, update: dict[str, Any], *, wrapped: bool = False, secret: str | None = None
    ) -> int:
        body = _wrap(update) if wrapped and not _is_wrapped(update) else update
        secret = self.secret if secret is None else secret
        headers = {SECRET_HEADER: secret} if secret else {}
        self.last_response = await self._client.post(self.url, json=body, headers=headers)
        return self.last_response.status_code

    async def close(self) -> None:
        await self._client.aclose()
