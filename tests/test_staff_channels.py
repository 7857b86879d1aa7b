"""Taking access away and changing a role through the real transports (issue 20): a person
linked on Telegram and Zalo is refused on both from the next message, with no data, their
call card is released, their download link refused and no push reaches them, while their
entries still count; an admin's role change sets the person's Telegram menu at once
(setMyCommands with their chat's scope, seen by the fake Bot API)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import Settings
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime
from handlers.engine.downloads import take
from models.checks import next_card
from models.downloads import FILE, Refusal, offer
from models.people import Identity, Role, User
from models.sampling import Rule
from models.verification import Check
from tests.support.both_channels import TG_ID, ZALO_ID, running_both
from tests.support.campaign import NOW, make_user
from tests.support.chat import Chat
from tests.support.telegram_fake import TelegramHarness
from tests.support.telegram_fake import texts as tg_text
from tests.support.verification import draw_batch
from tests.support.zalo_harness import text

ADMIN_TG = 5151
REFUSAL = "Tài khoản của anh/chị đã bị tạm ngừng"


async def test_deactivated_on_telegram_and_zalo(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    officer = await make_user(
        runtime, external_id=str(TG_ID), channel="telegram", name="Trần Thị Hai Kênh"
    )
    await make_user(
        runtime,
        external_id=str(ADMIN_TG),
        channel="telegram",
        role=Role.ADMIN,
        hamlet=None,
        name="Quản Trị",
    )
    sup = await make_user(
        runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Giám Sát"
    )
    # Someone whose pushes still go out (the same reminder, another hamlet).
    await make_user(runtime, external_id="6161", channel="telegram", hamlet="L364", name="Khác")
    async with runtime.services.sessions() as session, session.begin():
        session.add(
            Identity(user_id=officer.id, channel="zalo", external_id=ZALO_ID, created_at=NOW)
        )
    async with running_both(settings, clock) as (tg, zalo, _running):
        me = zalo.user(ZALO_ID, "Hai Kênh")
        assert "Đã lưu hộ" in tg_text(await tg.say(TG_ID, "Lê Thị Hoa; Tổ 5; 0987654321; 1"))
        assert "Đã lưu hộ" in text(await me.say("Phạm Văn Zalo; Tổ 2; 0912000111; 2"))
        # A call card they hold (the office lent them the calls) and a download link.
        batch = await draw_batch(runtime, "s", Rule("count", per_hamlet=1), sup.id)
        async with runtime.services.sessions() as session, session.begin():
            card = await next_card(
                session, batch_id=batch.id, caller_id=officer.id, now=NOW, lease=timedelta(1)
            )
            assert card is not None
            card_id = card.id
            user = await session.get(User, officer.id)
            assert user is not None
            link = await offer(
                session,
                path=str(settings.data_dir / "x.xlsx"),
                filename="x.xlsx",
                kind=FILE,
                user=user,
                now=NOW,
                ttl=timedelta(hours=1),
            )

        await tg.say(ADMIN_TG, "/nhansu Hai Kênh")
        await tg.press(ADMIN_TG, "Tạm ngừng quyền", name="Quản Trị")
        await tg.say(ADMIN_TG, "Mất điện thoại", name="Quản Trị")
        done = tg_text(await tg.press(ADMIN_TG, "⛔ Tạm ngừng", name="Quản Trị"))
        assert "Đã tạm ngừng quyền dùng bot của Trần Thị Hai Kênh" in done
        assert "vô hiệu 1 liên kết tải tệp, trả lại 1 phiếu gọi kiểm tra" in done
        # The deactivated person's Telegram menu went back to the start one, at once.
        scoped = [
            p
            for m, p in tg.state.calls
            if m == "setMyCommands" and str(TG_ID) in str(p.get("scope") or "")
        ]
        assert scoped and [c["command"] for c in _commands(scoped[-1])] == ["start", "help"]

        shown: list[str] = []
        for message in ("/cuatoi", "/tiendo", "Nguyễn Văn B; Tổ 1; 0912999888; 1"):
            shown.append(tg_text(await tg.say(TG_ID, message)))
            shown.append(text(await me.say(message)))
        for out in shown:
            assert REFUSAL in out, out
            for secret in ("Lê Thị Hoa", "Phạm Văn Zalo", "0987", "Bãi Nhà", "412"):
                assert secret not in out, secret

        assert await take(runtime.services, link.token) is Refusal.EXPIRED
        async with runtime.services.sessions() as session:
            check = await session.get(Check, card_id)
            assert check is not None and check.caller_id is None
            apps = await session.scalars(select(Identity).where(Identity.user_id == officer.id))
            assert {i.channel for i in apps} == {"telegram", "zalo"}  # kept for a return

    # No pushes: the reminder (their hamlet has nothing today) and the weekly summary.
    sent: list[tuple[str, str]] = []

    def notifier(channel: str) -> Notifier:
        async def deliver(chat_id: str, message: str) -> Outcome:
            sent.append((channel, chat_id))
            return Outcome.SENT

        return Notifier(runtime.services, channel, deliver, channels=("telegram", "zalo"))

    clock.set(NOW + timedelta(days=1, hours=11))  # the next evening's reminder
    for channel in ("telegram", "zalo"):
        await notifier(channel).run_reminders()
        await notifier(channel).run_weekly()
    assert ("telegram", "6161") in sent
    assert not [s for s in sent if s[1] in (str(TG_ID), ZALO_ID)]
    # Their two households still count for the hamlet.
    clock.set(NOW)
    assert "2/412 hộ" in await Chat(runtime, "sup").say("/baocao BNA")


def _commands(params: dict[str, Any]) -> list[dict[str, str]]:
    raw = params["commands"]
    return list(json.loads(raw) if isinstance(raw, str) else raw)


async def test_a_role_change_sets_the_telegram_menu_at_once(runtime: Runtime) -> None:
    await make_user(
        runtime, external_id="4343", channel="telegram", hamlet="BNA", name="Cán Bộ Mới"
    )
    await make_user(
        runtime,
        external_id=str(ADMIN_TG),
        channel="telegram",
        role=Role.ADMIN,
        hamlet=None,
        name="Quản Trị",
    )
    tg = TelegramHarness(runtime)
    await tg.start()
    try:
        await tg.say(4343, "/tiendo")  # their officer's menu is set

        def menus() -> list[list[str]]:
            return [
                [c["command"] for c in _commands(p)]
                for m, p in tg.state.calls
                if m == "setMyCommands" and "4343" in str(p.get("scope") or "")
            ]

        assert len(menus()) == 1 and "them" in menus()[0] and "nhansu" not in menus()[0]
        await tg.say(ADMIN_TG, "/nhansu Cán Bộ Mới", name="Quản Trị")
        await tg.press(ADMIN_TG, "Đổi vai trò", name="Quản Trị")
        await tg.press(ADMIN_TG, "giám sát", name="Quản Trị")
        await tg.press(ADMIN_TG, "Tất cả các xã", name="Quản Trị")
        out = await tg.press(ADMIN_TG, "Đồng ý", name="Quản Trị")
        assert "Đã đổi vai trò của Cán Bộ Mới: giám sát (Phòng VH-XH) – tất cả các xã" in tg_text(
            out
        )
        # Set during the admin's update, before the person writes again.
        assert len(menus()) == 2
        assert "nhansu" in menus()[1] and "them" not in menus()[1]
        # Their next message does not set it a second time.
        await tg.say(4343, "/tiendo")
        assert len(menus()) == 2
    finally:
        await tg.stop()
