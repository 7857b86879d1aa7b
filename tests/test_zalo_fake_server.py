"""Our real ZaloApi against the fake Zalo server over real HTTP on 127.0.0.1: long polling
(one update per call, 408 after really waiting, hang-ups), the 2000-character limit on
both sides, errors with HTTP 200 and 4xx, retries, the webhook methods, and the webhook
pusher. Each test runs its own server."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web

from bot.channels.zalo_api import MAX_TEXT, Retry, ZaloApi, ZaloApiError
from tests.support.zalo_fake import BOT_INFO, SECRET_HEADER, TOKEN, FakeZalo, WebhookPusher, ZSent

HOOK_URL = "https://dvc.kienhai.example.vn/zalo/webhook"
HOOK_SECRET = "kienhai-hook-secret-2026"


@pytest.fixture
async def fake() -> AsyncIterator[FakeZalo]:
    server = FakeZalo()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def api(fake: FakeZalo) -> AsyncIterator[ZaloApi]:
    client = ZaloApi(TOKEN, base_url=fake.base_url, retry=Retry(attempts=3, base_delay=0.01))
    yield client
    await client.aclose()


@pytest.fixture
async def raw() -> AsyncIterator[httpx.AsyncClient]:
    """Plain HTTP, for what our client would refuse to send or would hide."""
    async with httpx.AsyncClient(trust_env=False, timeout=5.0) as client:
        yield client


def _url(fake: FakeZalo, method: str, token: str = TOKEN) -> str:
    return f"{fake.base_url}/bot{token}/{method}"


async def test_get_me(fake: FakeZalo, api: ZaloApi) -> None:
    assert await api.get_me() == BOT_INFO
    assert fake.calls == [("getMe", {})]


@pytest.mark.slow
async def test_one_update_per_call_then_none_after_really_waiting(
    fake: FakeZalo, api: ZaloApi
) -> None:
    first = fake.text_update("6ede9afa66b88fe6d6a9", "xin chào", name="Lan")
    second = fake.text_update("6ede9afa66b88fe6d6a9", "Nguyễn Văn Ánh, ấp Bãi Nhà A")
    fake.push(first)
    fake.push(second)
    assert await api.get_updates(1) == first
    assert await api.get_updates(1) == second
    started = time.monotonic()
    poll = asyncio.create_task(api.get_updates(1))
    await fake.wait_polling()  # the server holds the request: nothing to answer yet
    assert await poll is None
    # Load only lengthens this: a lower bound on the wait asked for, never an upper one.
    assert time.monotonic() - started >= 0.8
    assert [m for m, _ in fake.calls] == ["getUpdates"] * 3
    assert fake.calls[0][1] == {"timeout": 1}


async def test_update_pushed_during_a_long_poll_is_returned_to_it(
    fake: FakeZalo, api: ZaloApi
) -> None:
    # A poll that ran out would return None (the update stays queued): getting the update
    # means the push woke this very poll, however long that took.
    poll = asyncio.create_task(api.get_updates(60))
    await fake.wait_polling()
    update = fake.text_update("u1", "báo cáo")
    fake.push(update)
    assert await poll == update
    assert fake.pollers == 0


@pytest.mark.slow
async def test_two_pollers_share_one_update(fake: FakeZalo, api: ZaloApi) -> None:
    polls = [asyncio.create_task(api.get_updates(1)) for _ in range(2)]
    await fake.wait_polling(2)
    update = fake.text_update("u1", "một")
    fake.push(update)
    results = await asyncio.gather(*polls)
    assert sorted(results, key=lambda r: r is None) == [update, None]


async def test_a_poller_that_hangs_up_leaves_the_update_queued(
    fake: FakeZalo, api: ZaloApi, raw: httpx.AsyncClient
) -> None:
    with pytest.raises(httpx.ReadTimeout):
        await raw.post(
            _url(fake, "getUpdates"), json={"timeout": 5}, timeout=httpx.Timeout(5.0, read=0.2)
        )
    assert await fake.wait_until(lambda: fake.pollers == 0, 2), "handler not cancelled"
    update = fake.text_update("u1", "còn đó không?")
    fake.push(update)
    assert await api.get_updates(1) == update


async def test_stop_answers_a_waiting_poller_at_once() -> None:
    fake = FakeZalo()
    await fake.start()
    api = ZaloApi(TOKEN, base_url=fake.base_url, retry=Retry(attempts=1))
    poll = asyncio.create_task(api.get_updates(600))
    await fake.wait_polling()
    await fake.stop()
    # Answered "no update" by stop() itself: the poll had ten minutes left, and a handler
    # cut off by the shutdown would have dropped the connection (an error, not None).
    async with asyncio.timeout(60):  # only against hanging on a regression
        assert await poll is None
    await api.aclose()


async def test_text_limit_is_enforced_by_client_and_server(
    fake: FakeZalo, api: ZaloApi, raw: httpx.AsyncClient
) -> None:
    with pytest.raises(ValueError):
        await api.send_message("u1", "x" * (MAX_TEXT + 1))
    assert fake.calls == []

    for text in ("x" * (MAX_TEXT + 1), ""):
        response = await raw.post(_url(fake, "sendMessage"), json={"chat_id": "u1", "text": text})
        assert response.status_code == 400
        assert response.json() == {
            "ok": False,
            "error_code": 400,
            "description": "text must be 1-2000 characters",
        }
    result = await api.send_message("u1", "ư" * MAX_TEXT)
    assert len(result["message_id"]) == 20 and result["date"] > 1_750_000_000_000
    assert [s.text for s in fake.sent] == ["ư" * MAX_TEXT]


@pytest.mark.parametrize("status", [200, 403])
async def test_ok_false_raises_with_the_code_whatever_the_status(
    fake: FakeZalo, api: ZaloApi, status: int
) -> None:
    fake.errors["u1"] = [(status, 403, "User has blocked the bot")]
    with pytest.raises(ZaloApiError) as err:
        await api.send_message("u1", "Nhắc việc")
    assert err.value.code == 403 and err.value.description == "User has blocked the bot"
    assert fake.sent == [] and fake.refused == [("u1", status)]
    assert len(fake.calls) == 1  # a refusal is final: no retry

    await api.send_message("u1", "Nhắc việc")  # the scripted error was used up
    assert fake.sent_to("u1")[0].text == "Nhắc việc"


async def test_500_then_success_is_retried(fake: FakeZalo, api: ZaloApi) -> None:
    fake.errors["u1"] = [(500, 500, "Internal Server Error")]
    result = await api.send_message("u1", "Đã ghi nhận")
    assert result["message_id"]
    assert [m for m, _ in fake.calls] == ["sendMessage", "sendMessage"]
    assert [(s.method, s.chat_id, s.text) for s in fake.sent] == [
        ("sendMessage", "u1", "Đã ghi nhận")
    ]


async def test_429_is_retried_promptly_and_5xx_gives_up_after_the_attempts(
    fake: FakeZalo, api: ZaloApi, raw: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    fake.errors["u1"] = [(429, 429, "Too Many Requests")] * 2
    with caplog.at_level(logging.INFO, logger="bot.channels.zalo_api"):
        await api.send_message("u1", "Đã ghi nhận")
    assert len(fake.calls) == 3 and len(fake.sent) == 1
    # Promptly: the waits the client chose (its own short back-off: retry_after is 0).
    waits = [
        r.args[-1]
        for r in caplog.records
        if r.name == "bot.channels.zalo_api"
        and "retrying in" in r.msg
        and isinstance(r.args, tuple)
    ]
    assert len(waits) == 2 and all(isinstance(w, float) and w < 1 for w in waits), waits

    fake.errors["u2"] = [(429, 429, "Too Many Requests")]
    response = await raw.post(_url(fake, "sendMessage"), json={"chat_id": "u2", "text": "x"})
    assert response.status_code == 429
    assert response.json()["parameters"] == {"retry_after": 0}

    fake.errors["u3"] = [(503, 503, "Service Unavailable")] * 3
    with pytest.raises(ZaloApiError) as err:
        await api.send_message("u3", "x")
    assert err.value.code == 503 and fake.sent_to("u3") == []


async def test_webhook_round_trip_and_its_refusals(fake: FakeZalo, api: ZaloApi) -> None:
    with pytest.raises(ZaloApiError) as err:
        await api.get_webhook_info()
    assert err.value.code == 404  # Zalo's way of saying "no webhook set"

    poll = asyncio.create_task(api.get_updates(5))
    await fake.wait_polling()
    result = await api.set_webhook(HOOK_URL, HOOK_SECRET)
    assert result["url"] == HOOK_URL and isinstance(result["updated_at"], int)
    assert fake.webhook == {"url": HOOK_URL, "secret_token": HOOK_SECRET}
    with pytest.raises(ZaloApiError) as err:  # the waiting poll is told at once
        await asyncio.wait_for(poll, 2)
    assert err.value.code == 409
    assert await api.get_webhook_info() == result
    with pytest.raises(ZaloApiError) as err:
        await api.get_updates(1)
    assert err.value.code == 409

    deleted = await api.delete_webhook()
    assert deleted["url"] == "" and deleted["updated_at"] >= result["updated_at"]
    assert fake.webhook == {}
    assert await api.get_updates(0) is None  # polling works again

    for url, secret in [
        (HOOK_URL, "short"),
        (HOOK_URL, "x" * 257),
        ("http://dvc.kienhai.example.vn/hook", HOOK_SECRET),
        ("", HOOK_SECRET),
    ]:
        with pytest.raises(ZaloApiError) as err:
            await api.set_webhook(url, secret)
        assert err.value.code == 400
    assert fake.webhook == {}
    assert await api.set_webhook(HOOK_URL, "x" * 8)  # the bounds themselves are allowed
    assert await api.set_webhook(HOOK_URL, "x" * 256)


async def test_the_token_never_appears_in_errors(fake: FakeZalo, api: ZaloApi) -> None:
    wrong = "1234567890:wrong-zalo-secret"
    intruder = ZaloApi(wrong, base_url=fake.base_url, retry=Retry(attempts=1))
    with pytest.raises(ZaloApiError) as err:
        await intruder.get_me()
    await intruder.aclose()
    assert err.value.code == 401 and err.value.description == "Unauthorized"
    assert wrong not in str(err.value) and "secret" not in repr(intruder)

    fake.errors["u1"] = [(403, 403, "Forbidden"), (500, 500, "boom")] + [(502, 502, "x")] * 3
    errors: list[ZaloApiError] = []
    for call in (
        api.call("sendInvoice"),
        api.send_message("u1", "a"),
        api.send_message("u1", "b"),
        api.set_webhook(HOOK_URL, "short"),
    ):
        with pytest.raises(ZaloApiError) as err:
            await call
        errors.append(err.value)
    assert [e.code for e in errors] == [404, 403, 502, 400]
    for error in errors:
        assert TOKEN not in str(error) and "fake-zalo-secret" not in str(error)


async def test_photo_and_chat_action(fake: FakeZalo, api: ZaloApi, raw: httpx.AsyncClient) -> None:
    chart = "https://dvc.kienhai.example.vn/charts/abc.png"
    await api.send_photo("u1", chart, "Biểu đồ tuần")
    assert await api.send_chat_action("u1") is True
    assert [(s.method, s.photo, s.text) for s in fake.sent] == [
        ("sendPhoto", chart, "Biểu đồ tuần")
    ]
    assert fake.sent[0].at > 0

    for payload in (
        {"chat_id": "u1", "photo": "/tmp/chart.png"},
        {"chat_id": "u1", "photo": chart, "caption": "x" * (MAX_TEXT + 1)},
        {"photo": chart},
        {"chat_id": 42, "text": "chat ids are strings"},
        {"chat_id": "u1", "action": "upload_photo"},
    ):
        method = (
            "sendChatAction"
            if "action" in payload
            else "sendMessage"
            if "text" in payload
            else "sendPhoto"
        )
        response = await raw.post(_url(fake, method), json=payload)
        assert response.status_code == 400, payload
        assert response.json()["ok"] is False
    assert len(fake.sent) == 1


async def test_unknown_method_wrong_path_and_bad_json(
    fake: FakeZalo, raw: httpx.AsyncClient
) -> None:
    response = await raw.post(_url(fake, "sendDocument"), json={"chat_id": "u1"})
    assert response.status_code == 404 and response.json()["ok"] is False
    response = await raw.post(f"{fake.base_url}/somewhere")
    assert response.status_code == 404 and response.json()["error_code"] == 404
    response = await raw.post(
        _url(fake, "sendMessage"),
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert [m for m, _ in fake.calls] == ["sendDocument", "sendMessage"]


async def test_update_builders(fake: FakeZalo) -> None:
    now_ms = time.time() * 1000
    update = fake.text_update("6ede9afa66b88fe6d6a9", "xin chào", name="Lan")
    message = update["message"]
    assert update["event_name"] == "message.text.received"
    assert message["text"] == "xin chào" and abs(message["date"] - now_ms) < 5000
    assert message["from"] == {"id": "6ede9afa66b88fe6d6a9", "display_name": "Lan", "is_bot": False}
    assert message["chat"] == {"id": "6ede9afa66b88fe6d6a9", "chat_type": "PRIVATE"}
    assert len(message["message_id"]) == 20
    assert fake.text_update("a", "x")["message"]["message_id"] != message["message_id"]

    group = fake.text_update(
        "a", "@bot 1", chat_type="GROUP", chat_id="g1", message_id="m1", wrapped=True
    )
    assert group["ok"] is True and group["result"]["message"]["chat"]["id"] == "g1"
    assert group["result"]["message"]["message_id"] == "m1"
    fake.push(group)  # getUpdates hands out the flat update either way
    assert fake.updates[0] == group["result"]

    image = fake.image_update("a")["message"]
    assert image["photo_url"].startswith("https://") and "text" not in image
    assert fake.image_update("a")["event_name"] == "message.image.received"


async def test_wait_sent_reports_what_was_sent_on_timeout(fake: FakeZalo, api: ZaloApi) -> None:
    waiter = asyncio.create_task(fake.wait_sent(1, timeout=2))
    await api.send_message("u1", "Chào anh")
    assert await waiter == [ZSent("sendMessage", "u1", "Chào anh", "", fake.sent[0].at)]
    with pytest.raises(AssertionError, match="Chào anh"):
        await fake.wait_sent(2, timeout=0.1)


# --- the webhook pusher ---------------------------------------------------------------


class Receiver:
    """A stand-in for our webhook endpoint that records what arrives."""

    def __init__(self) -> None:
        self.received: list[tuple[str | None, str, Any]] = []  # (secret, type, body)
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        secret = request.headers.get(SECRET_HEADER)
        self.received.append((secret, request.content_type, await request.json()))
        if secret is None:
            return web.Response(status=401)
        return web.Response(status=200 if secret == HOOK_SECRET else 403)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/zalo/webhook", self.handle)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self.runner.addresses[0][1]}/zalo/webhook"


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    server = Receiver()
    await server.start()
    yield server
    assert server.runner is not None
    await server.runner.cleanup()


async def test_pusher_sends_flat_and_wrapped_bodies_with_the_secret(
    fake: FakeZalo, receiver: Receiver
) -> None:
    pusher = WebhookPusher(receiver.url, HOOK_SECRET)
    update = fake.text_update("u1", "Trần Thị Bé, ấp Ba Sáu Tư")
    assert await pusher.push(update) == 200
    assert await pusher.push(update, wrapped=True) == 200
    already = fake.text_update("u1", "2", wrapped=True)
    assert await pusher.push(already, wrapped=True) == 200  # not wrapped twice
    await pusher.close()
    assert receiver.received == [
        (HOOK_SECRET, "application/json", update),
        (HOOK_SECRET, "application/json", {"ok": True, "result": update}),
        (HOOK_SECRET, "application/json", already),
    ]


async def test_pusher_can_send_a_wrong_secret_or_none(fake: FakeZalo, receiver: Receiver) -> None:
    pusher = WebhookPusher(receiver.url, HOOK_SECRET)
    update = fake.image_update("u1")
    assert await pusher.push(update, secret="not-the-secret") == 403
    assert await pusher.push(update, secret="") == 401
    assert pusher.last_response is not None and pusher.last_response.status_code == 401
    await pusher.close()
    assert [(s, body) for s, _, body in receiver.received] == [
        ("not-the-secret", update),
        (None, update),
    ]
