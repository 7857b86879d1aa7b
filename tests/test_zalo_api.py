"""The Zalo Bot API client against a scripted transport: envelopes, the 408 "no update",
errors whether they come with HTTP 200 or 4xx, retries on 429/5xx, and no token in errors
or logs."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import httpx
import pytest

from bot.channels.zalo_api import MAX_TEXT, Retry, ZaloApi, ZaloApiError
from bot.logsetup import setup_logging

TOKEN = "1234567890:secret-zalo-token"
Handler = Callable[[httpx.Request], httpx.Response]


def _api(handler: Handler, attempts: int = 3) -> ZaloApi:
    return ZaloApi(
        TOKEN,
        base_url="http://127.0.0.1:9/",
        retry=Retry(attempts, 0.0),
        transport=httpx.MockTransport(handler),
    )


def _ok(result: object) -> httpx.Response:
    return httpx.Response(200, json={"ok": True, "result": result})


async def test_methods_post_json_to_the_token_url() -> None:
    seen: list[tuple[str, dict[str, object]]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.method == "POST"
        assert request.url.path.startswith(f"/bot{TOKEN}/")
        seen.append((request.url.path.rsplit("/", 1)[-1], json.loads(request.content)))
        return _ok({"message_id": "m1", "date": 1750316131602})

    api = _api(handler)
    await api.send_message("u1", "Xin chào Nguyễn Văn Ánh")
    await api.send_photo("u1", "https://example.org/chart.png", "Biểu đồ")
    await api.send_chat_action("u1")
    await api.aclose()
    assert seen == [
        ("sendMessage", {"chat_id": "u1", "text": "Xin chào Nguyễn Văn Ánh"}),
        (
            "sendPhoto",
            {"chat_id": "u1", "photo": "https://example.org/chart.png", "caption": "Biểu đồ"},
        ),
        ("sendChatAction", {"chat_id": "u1", "action": "typing"}),
    ]


async def test_one_update_per_call_and_408_means_none() -> None:
    queue = [
        {"event_name": "message.text.received", "message": {"message_id": "a", "text": "xin chào"}}
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        assert json.loads(request.content) == {"timeout": 1}
        if queue:
            return _ok(queue.pop(0))
        return httpx.Response(
            200, json={"ok": False, "error_code": 408, "description": "Request timeout"}
        )

    api = _api(handler)
    first = await api.get_updates(1)
    assert first is not None and first["message"]["text"] == "xin chào"
    assert await api.get_updates(1) is None
    await api.aclose()


@pytest.mark.parametrize("status", [200, 400, 401])
async def test_ok_false_raises_whatever_the_status(status: int) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, json={"ok": False, "error_code": 400, "description": "text too long"}
        )

    api = _api(handler)
    with pytest.raises(ZaloApiError) as err:
        await api.call("sendMessage", {"chat_id": "u1", "text": "x"})
    assert err.value.code == 400 and "text too long" in str(err.value)
    assert TOKEN not in str(err.value) and "secret" not in repr(api)
    await api.aclose()


async def test_429_and_5xx_are_retried_then_succeed_or_give_up(
    caplog: pytest.LogCaptureFixture,
) -> None:
    answers = [
        httpx.Response(
            429, json={"ok": False, "error_code": 429, "parameters": {"retry_after": 0}}
        ),
        httpx.Response(502, text="Bad Gateway"),
        _ok({"id": "bot"}),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        return answers.pop(0)

    # As the bot runs: our modules at DEBUG, libraries that print URLs held at WARNING.
    setup_logging("DEBUG", secrets=[TOKEN])
    caplog.set_level(logging.DEBUG, logger="bot")
    api = _api(handler)
    assert await api.get_me() == {"id": "bot"}
    assert "getMe: HTTP 502, retrying" in caplog.text and TOKEN not in caplog.text

    def always_down(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, text="down")

    api = _api(always_down, attempts=2)
    with pytest.raises(ZaloApiError) as err:
        await api.get_me()
    assert err.value.code == 503

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    api = _api(unreachable, attempts=2)
    with pytest.raises(ZaloApiError) as err:
        await api.get_me()
    assert err.value.code == 0 and TOKEN not in str(err.value)


async def test_text_limit_is_checked_before_sending() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing should be sent")

    api = _api(handler)
    with pytest.raises(ValueError):
        await api.send_message("u1", "x" * (MAX_TEXT + 1))
    with pytest.raises(ValueError):
        await api.send_message("u1", "")
    await api.aclose()
