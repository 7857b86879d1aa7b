"""A thin client for the Zalo Bot Platform API on httpx (see reference/zalo-bot-api.md).

Every method is a JSON POST to `{base_url}/bot{token}/{method}`. A reply with `ok: false`
raises ZaloApiError whatever the HTTP status; 429 and 5xx are retried with backoff. The
token is part of the URL, so no URL is ever logged or put in an error.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import httpx

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"
MAX_TEXT = 2000  # characters per message and per caption
NO_UPDATE = 408  # getUpdates: nothing arrived within the timeout


class ZaloApiError(Exception):
    """The API said no (`ok: false`) or could not be reached after the retries."""

    def __init__(self, method: str, code: int, description: str) -> None:
        super().__init__(f"{method}: {code} {description}")
        self.method = method
        self.code = code
        self.description = description


@dataclass(frozen=True)
class Retry:
    attempts: int = 3  # tries per call on 429, 5xx and network errors
    base_delay: float = 0.5  # seconds; doubled each time (a 429's retry_after wins)


class ZaloApi:
    def __init__(
        self,
        token: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        retry: Retry | None = None,
        timeout: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._token = token
        self._base = base_url.rstrip("/")
        self._retry = retry or Retry()
        self._timeout = timeout
        self._client = httpx.AsyncClient(transport=transport, timeout=timeout)

    def __repr__(self) -> str:  # never the token
        return f"ZaloApi(base_url={self._base!r})"

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(
        self,
        method: str,
        payload: dict[str, Any] | None = None,
        *,
        read_timeout: float | None = None,
    ) -> Any:
        url = f"{self._base}/bot{self._token}/{method}"
        timeout = httpx.Timeout(self._timeout, read=read_timeout or self._timeout)
        delay = self._retry.base_delay
        for attempt in range(1, self._retry.attempts + 1):
            try:
                response = await self._client.post(url, json=payload or {}, timeout=timeout)
            except httpx.TransportError as exc:
                # A send whose request may have reached Zalo is not repeated: the person
                # would get the message twice (or three times).
                unsent = isinstance(
                    exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout
                )
                if attempt == self._retry.attempts or not (unsent or _repeatable(method)):
                    raise ZaloApiError(method, 0, type(exc).__name__) from None
                log.info("zalo %s: %s, retrying", method, type(exc).__name__)
                await asyncio.sleep(delay)
                delay *= 2
                continue
            body = _json(response)
            status = response.status_code
            # Zalo answers some errors inside HTTP 200 (its 408 at least): a flood limit
            # in the body is waited out like one in the status.
            limited = status == 429 or body.get("error_code") == 429
            if (limited or status >= 500) and attempt < self._retry.attempts:
                wait = _retry_after(body) or delay
                log.info("zalo %s: HTTP %d, retrying in %.1f s", method, status, wait)
                await asyncio.sleep(wait)
                delay *= 2
                continue
            if body.get("ok") is True and status < 400:
                return body.get("result")
            code = body.get("error_code")
            raise ZaloApiError(
                method,
                int(code) if isinstance(code, int) else status,
                str(body.get("description") or response.reason_phrase),
            )
        raise AssertionError("unreachable")

    # --- the methods -------------------------------------------------------------------

    async def get_me(self) -> dict[str, Any]:
        return dict(await self.call("getMe"))

    async def get_updates(self, wait_seconds: int = 30) -> dict[str, Any] | None:
        """One update, or None when nothing arrived within `wait_seconds` (long polling:
        the server holds the request, so the read timeout is longer than the wait)."""
        try:
            result = await self.call(
                "getUpdates", {"timeout": wait_seconds}, read_timeout=wait_seconds + 10
            )
        except ZaloApiError as exc:
            if exc.code == NO_UPDATE:
                return None
            raise
        return dict(result) if isinstance(result, dict) else None

    async def set_webhook(self, url: str, secret_token: str) -> dict[str, Any]:
        return dict(await self.call("setWebhook", {"url": url, "secret_token": secret_token}))

    async def delete_webhook(self) -> dict[str, Any]:
        return dict(await self.call("deleteWebhook"))

    async def get_webhook_info(self) -> dict[str, Any]:
        return dict(await self.call("getWebhookInfo"))

    async def send_message(self, chat_id: str, text: str) -> dict[str, Any]:
        if not 1 <= len(text) <= MAX_TEXT:
            raise ValueError(f"text must be 1–{MAX_TEXT} characters, got {len(text)}")
        return dict(await self.call("sendMessage", {"chat_id": chat_id, "text": text}))

    async def send_photo(self, chat_id: str, photo_url: str, caption: str = "") -> dict[str, Any]:
        payload = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            payload["caption"] = caption[:MAX_TEXT]
        return dict(await self.call("sendPhoto", payload))

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> bool:
        return bool(await self.call("sendChatAction", {"chat_id": chat_id, "action": action}))


def _repeatable(method: str) -> bool:
    """Calls that change nothing when made twice (everything but the sends)."""
    return not method.startswith("send")


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _retry_after(body: dict[str, Any]) -> float | None:
    params = body.get("parameters")
    if isinstance(params, dict) and isinstance(params.get("retry_after"), int | float):
        return float(params["retry_after"])
    return None
