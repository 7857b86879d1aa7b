"""Telegram and Zalo in one process (bot.serve, as `python -m bot run` starts them), each
against its fake: a person linked across both sees the same entries on either, the
Telegram webhook goes through the same HTTP server, and pushed messages reach a linked
person once, on the channel they used last."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import Settings
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime
from handlers.engine.messages import Inbound
from models.households import Entry
from models.people import Identity, Role
from tests.support.both_channels import TG_ID, TG_SECRET, ZALO_ID, running_both
from tests.support.campaign import NOW, make_user
from tests.support.telegram_fake import texts as tg_text
from tests.support.zalo_fake import WebhookPusher
from tests.support.zalo_harness import SECRET, text


async def test_a_person_linked_across_both_sees_the_same_entries(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=str(TG_ID), channel="telegram", name="Trần Thị Hai Kênh")
    async with running_both(settings, clock) as (tg, zalo, running):
        assert running.names == ["telegram", "zalo"]
        assert "Đã lưu hộ" in tg_text(await tg.say(TG_ID, "Lê Thị Hoa; Tổ 5; 0987654321; 1"))

        out = await tg.say(TG_ID, "/lienket")
        match = re.search(r"/lienket ([A-Z0-9]{10})", tg_text(out))
        assert match is not None
        code = match.group(1)

        # On Zalo the same person sends the code: now one account on both channels.
        me = zalo.user(ZALO_ID, "Hai Kênh")
        assert "chưa được đăng ký" in text(await me.say("/cuatoi"))
        linked = text(await me.say(code))
        assert "Zalo" in linked
        mine = text(await me.say("/cuatoi"))
        assert "Lê Thị Hoa" in mine and "0987 654 321" in mine

        # An entry made on Zalo shows on Telegram.
        assert "Đã lưu hộ" in text(await me.say("Phạm Văn Zalo; Tổ 2; 0912000111; 2"))
        on_telegram = tg_text(await tg.say(TG_ID, "/cuatoi"))
        assert "Lê Thị Hoa" in on_telegram and "Phạm Văn Zalo" in on_telegram
        accounts = text(await me.say("/taikhoan"))
        assert "Telegram" in accounts and "Zalo" in accounts

    async with runtime.services.sessions() as session:
        officers = set(await session.scalars(select(Entry.officer_id)))
        identities = list(await session.scalars(select(Identity)))
    assert len(officers) == 1
    assert {i.channel for i in identities} == {"telegram", "zalo"}
    assert len({i.user_id for i in identities}) == 1


async def test_both_webhooks_on_the_one_server(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    officer = await make_user(runtime, external_id=str(TG_ID), channel="telegram")
    async with runtime.services.sessions() as session, session.begin():
        session.add(
            Identity(
                user_id=officer.id, channel="zalo", external_id=ZALO_ID, created_at=clock.now()
            )
        )
    async with running_both(settings, clock, telegram_webhook=True, zalo_webhook=True) as (
        tg,
        zalo,
        running,
    ):
        assert running.http is not None
        (hook,) = [p for m, p in tg.state.calls if m == "setWebhook"]
        assert hook["url"] == "https://bot.example.vn/tg/hook"
        assert hook["secret_token"] == TG_SECRET
        # No long polling while the webhook is set.
        assert not any(m == "getUpdates" for m, _ in tg.state.calls)
        update = tg.message_update(TG_ID, "/tiendo")
        url = f"http://127.0.0.1:{running.http.port}/tg/hook"
        async with httpx.AsyncClient(trust_env=False) as client:
            wrong = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "not-the-secret"}
            )
            assert wrong.status_code == 403
            assert (await client.post(url, json=update)).status_code == 403
            before = len(tg.state.sent)
            ok = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
            )
            assert ok.status_code == 200
            await tg.wait_done(update["update_id"])
            assert "/412" in tg_text(tg.state.sent[before:])
            health = await client.get(f"http://127.0.0.1:{running.http.port}/healthz")
            assert health.json()["channels"] == {"telegram": "up", "zalo": "up"}
        # Zalo posts to its own route on the same server, with its own secret.
        assert not any(m == "getUpdates" for m, _ in zalo.fake.calls)
        pusher = WebhookPusher(f"http://127.0.0.1:{running.http.port}/zalo/hook", SECRET)
        try:
            message = zalo.fake.text_update(ZALO_ID, "/tiendo")
            assert await pusher.push(message, secret=TG_SECRET) == 403
            assert await pusher.push(message, wrapped=True) == 200
            await zalo.channel.wait_done(message["message"]["message_id"])
            assert "/412" in text(zalo.fake.sent_to(ZALO_ID))
        finally:
            await pusher.close()


async def test_pushed_messages_reach_a_linked_person_once_on_the_channel_used_last(
    runtime: Runtime, clock: FixedClock
) -> None:
    head = await make_user(
        runtime,
        external_id="55",
        role=Role.HAMLET_HEAD,
        channel="telegram",
        name="Trưởng Ấp Hai Kênh",
    )
    async with runtime.services.sessions() as session, session.begin():
        session.add(
            Identity(user_id=head.id, channel="zalo", external_id=ZALO_ID, created_at=clock.now())
        )
    sent: list[tuple[str, str]] = []

    def notifier(channel: str) -> Notifier:
        async def deliver(chat_id: str, message: str) -> Outcome:
            sent.append((channel, chat_id))
            return Outcome.SENT

        return Notifier(runtime.services, channel, deliver, channels=("telegram", "zalo"))

    # They wrote on Zalo, then on Telegram two hours later (the core stamps the account
    # each message came from): Telegram is where they are now.
    await runtime.core.handle(inbound("zalo", ZALO_ID, "/tiendo"))
    clock.set(NOW + timedelta(hours=2))
    await runtime.core.handle(inbound("telegram", "55", "/tiendo"))
    clock.set(NOW + timedelta(days=5))  # the next Monday 07:30 has passed
    for channel in ("telegram", "zalo"):
        await notifier(channel).run_weekly()
    assert sent == [("telegram", "55")]
    # Running again (a restart, the retry job) sends nothing more on either channel.
    for channel in ("zalo", "telegram"):
        await notifier(channel).run_weekly()
    assert len(sent) == 1


def inbound(channel: str, user_id: str, text_: str) -> Inbound:
    return Inbound(
        channel=channel,
        user_id=user_id,
        chat_id=user_id,
        chat_type="private",
        text=text_,
        delivery_key=f"k{time.monotonic_ns()}",
    )
