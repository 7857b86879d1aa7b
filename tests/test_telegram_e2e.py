"""End to end through the real python-telegram-bot Application and a fake Bot API."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.logsetup import setup_logging
from bot.runtime import Runtime, build_runtime
from models.households import Entry, Household
from models.records import AuditEvent
from tests.support.campaign import make_user
from tests.support.telegram_fake import FakeApiState, FakeRequest, TelegramHarness, texts

OFFICER = 111
STRANGER = 222


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram", name="Trần Thị Cán Bộ")
    harness = TelegramHarness(runtime)
    await harness.start()
    yield harness
    await harness.stop()


async def _count(runtime: Runtime, model: type) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def _menus(tg: TelegramHarness) -> list[dict[str, Any]]:
    menus = []
    for method, params in tg.state.calls:
        if method == "setMyCommands":
            commands = params["commands"]
            scope = params.get("scope")
            menus.append(
                {
                    "commands": json.loads(commands) if isinstance(commands, str) else commands,
                    "scope": json.loads(scope) if isinstance(scope, str) else scope,
                    "language_code": params.get("language_code"),
                }
            )
    return menus


async def test_menu_is_vietnamese_and_fits_the_role(tg: TelegramHarness) -> None:
    default = _menus(tg)[0]
    assert default["scope"] is None and default["language_code"] is None
    assert [c["command"] for c in default["commands"]] == ["start", "help"]
    assert "Hướng dẫn" in default["commands"][1]["description"]
    # No English menu, whatever the phone's language; an old one is removed.
    assert not any(m["language_code"] for m in _menus(tg))
    assert any(method == "deleteMyCommands" for method, _ in tg.state.calls)

    await tg.say(OFFICER, "/tiendo")
    mine = [m for m in _menus(tg) if m["scope"]]
    assert mine[-1]["scope"] == {"type": "chat", "chat_id": OFFICER}
    names = [c["command"] for c in mine[-1]["commands"]]
    assert names[:2] == ["them", "cuatoi"] and "kiemtra" not in names
    assert "khenthuong" not in names and "help" in names
    # Set once per chat, not on every message; again after /lang en, in English.
    await tg.say(OFFICER, "/cuatoi")
    assert len([m for m in _menus(tg) if m["scope"]]) == 1
    await tg.say(OFFICER, "/lang en")
    english = [m for m in _menus(tg) if m["scope"]][-1]
    assert [c["command"] for c in english["commands"]][:2] == ["add", "mine"]


@pytest.mark.slow
async def test_dialog_with_buttons_saves_household(tg: TelegramHarness, runtime: Runtime) -> None:
    assert "Họ và tên chủ hộ" in texts(await tg.say(OFFICER, "/them"))
    assert "Địa chỉ" in texts(await tg.say(OFFICER, "Nguyễn Văn Bình"))
    assert "Số điện thoại" in texts(await tg.press(OFFICER, "Ấp Bãi Nhà A"))
    out = await tg.say(OFFICER, "0912.345.678")
    assert "thủ tục nào" in texts(out)
    assert tuple(label for label, _ in out[-1].buttons[:1]) == ("Đăng ký khai sinh",)
    # Short labels on the buttons, full names in the text.
    assert all(len(label) <= 22 for label, _ in out[-1].buttons)
    assert "Cấp phiếu lý lịch tư pháp" in out[-1].text
    # Ticking procedures edits the question in place: no new message per tap.
    assert await tg.press(OFFICER, "Đăng ký khai sinh") == []
    assert await tg.press(OFFICER, "Cấp phiếu lý lịch") == []
    assert "Đã chọn: Đăng ký khai sinh; Cấp phiếu lý lịch tư pháp" in tg.state.edits[-1].text
    assert tuple(b for b, _ in tg.state.edits[-1].buttons[:1]) == ("✅ Đăng ký khai sinh",)
    assert "Mã hồ sơ" in texts(await tg.press(OFFICER, "Xong"))
    assert "Ngày hướng dẫn" in texts(await tg.say(OFFICER, "H56.26-260415-0007"))
    # The last answer saves: the summary comes with Sửa / Hoàn tác, not a Lưu tap.
    out = await tg.press(OFFICER, "Hôm nay")
    summary = texts(out)
    assert "Đã lưu hộ" in summary and "1/412" in summary
    assert "0912 345 678" in summary and "H56.26-260415-0007" in summary
    assert "15/04/2026" in summary
    assert [label for label, _ in out[0].buttons] == ["✏️ Sửa", "↩️ Hoàn tác"]
    async with runtime.services.sessions() as session:
        hh = (await session.scalars(select(Household))).one()
        assert (hh.head_name, hh.phone) == ("Nguyễn Văn Bình", "+84912345678")
    # Answered questions lose their buttons.
    assert any(method == "editMessageReplyMarkup" for method, _ in tg.state.calls)


async def test_one_line_form_is_stored_at_once(tg: TelegramHarness, runtime: Runtime) -> None:
    out = await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5, ấp Bãi Nhà A; 0987 654 321; khai sinh, 4")
    assert len(out) == 1 and "Đã lưu hộ" in out[0].text
    assert "Đăng ký khai sinh; Cấp phiếu lý lịch tư pháp" in texts(out)
    # Multi-line form, as pasted on a phone, from a fresh start: saved the same way.
    out = await tg.say(OFFICER, "Phạm Văn Tư\nBãi Nhà A\n0162 234 5678\n2\n01/04/2026")
    assert "0322 345 678" in texts(out) and "số thuê bao 11 chữ số cũ" in texts(out)
    assert "Đã lưu hộ" in texts(out) and "01/04/2026" in texts(out)
    assert await _count(runtime, Entry) == 2
    # Undo: an audited soft delete.
    out = await tg.press(OFFICER, "Hoàn tác")
    assert "Đã hoàn tác" in texts(out)
    async with runtime.services.sessions() as session:
        entries = list(await session.scalars(select(Entry).order_by(Entry.id)))
        assert entries[1].deleted_at is not None and entries[0].deleted_at is None
        assert entries[1].delete_reason == "Hoàn tác ngay sau khi lưu"
        assert (
            await session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "delete", AuditEvent.target_id == entries[1].id)
            )
            == 1
        )


async def test_duplicate_resolved_as_same_household(tg: TelegramHarness, runtime: Runtime) -> None:
    await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987654321; 1")
    out = await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987654321; 2")
    assert "có thể đã được ghi nhận" in texts(out) and "trùng số điện thoại" in texts(out)
    # Merging is never the first option.
    assert "Cùng hộ" not in out[-1].buttons[0][0]
    out = await tg.press(OFFICER, "Cùng hộ")
    assert "vào hộ đã có" in texts(out)
    assert await _count(runtime, Household) == 1
    assert await _count(runtime, Entry) == 2


async def test_progress_shows_numbers(tg: TelegramHarness) -> None:
    for i, name in enumerate(["Nguyễn Văn A", "Nguyễn Văn B"]):
        await tg.say(OFFICER, f"{name}; Tổ {i}; 091234500{i}; 1")
    out = texts(await tg.say(OFFICER, "/tiendo"))
    assert "2/412 hộ – 0,5%" in out
    assert "hôm nay 2 · tuần này 2" in out
    assert "1/105 ngày" in out


async def test_unregistered_user_refused(tg: TelegramHarness, runtime: Runtime) -> None:
    out = await tg.say(STRANGER, "/them")
    assert len(out) == 1 and "chưa được đăng ký" in out[0].text
    out = await tg.say(STRANGER, "Nguyễn Văn A; Tổ 1; 0912345678; 1")
    assert "chưa được đăng ký" in texts(out)
    assert await _count(runtime, Household) == 0


async def test_group_chat_gets_pointer_not_data(tg: TelegramHarness) -> None:
    await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987654321; 1")
    out = await tg.say(OFFICER, "/cuatoi", chat_id=-100123, chat_type="supergroup")
    assert len(out) == 1 and "tin nhắn riêng" in out[0].text
    assert "Lê Thị Hoa" not in out[0].text and "0987" not in out[0].text
    assert "https://t.me/dvc_test_bot" in out[0].text
    # Plain chatter in the group is ignored.
    assert await tg.say(OFFICER, "chào cả nhà", chat_id=-100123, chat_type="group") == []


async def test_group_command_for_another_bot_is_ignored(tg: TelegramHarness) -> None:
    for text in ("/help@other_bot", "/baocao@OtherBot tuần này", "/cuatoi@dvc_test_bot_2"):
        assert await tg.say(OFFICER, text, chat_id=-100123, chat_type="supergroup") == []
    # Addressed to us (whatever the letter case), or to nobody: the pointer to a private chat.
    for text in ("/help@DVC_Test_Bot", "/help"):
        out = await tg.say(OFFICER, text, chat_id=-100123, chat_type="supergroup")
        assert len(out) == 1 and "tin nhắn riêng" in out[0].text


async def test_redelivered_update_changes_nothing(runtime: Runtime) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    state = FakeApiState()
    first = TelegramHarness(runtime, state)
    await first.start()
    out = await first.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987654321; 1")
    assert "Đã lưu" in texts(out)
    await first.stop()
    entries, audits, sent = (
        await _count(runtime, Entry),
        await _count(runtime, AuditEvent),
        len(state.sent),
    )

    # Telegram hands the same updates to a restarted bot that never confirmed them.
    second = TelegramHarness(runtime, state)
    await second.start()
    for update in first.pushed:
        await second.redeliver(update)
    await second.stop()
    assert await _count(runtime, Entry) == entries
    assert await _count(runtime, AuditEvent) == audits
    assert len(state.sent) == sent


async def test_restart_mid_dialog_resumes(runtime: Runtime) -> None:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    state = FakeApiState()
    first = TelegramHarness(runtime, state)
    await first.start()
    await first.say(OFFICER, "/them")
    await first.say(OFFICER, "Võ Thị Lan")
    await first.stop()
    await runtime.close()

    # A new process: new engine, new Application, same database file.
    fresh = build_runtime(runtime.settings, runtime.services.clock)
    second = TelegramHarness(fresh, state)
    await second.start()
    try:
        out = await second.say(OFFICER, "Tổ 2, ấp Bãi Nhà A")
        assert "Số điện thoại" in texts(out)
        await second.say(OFFICER, "0912345678")
        await second.say(OFFICER, "1")
        await second.press(OFFICER, "Bỏ qua")
        out = await second.press(OFFICER, "Hôm nay")
        assert "Võ Thị Lan" in texts(out) and "Đã lưu hộ" in texts(out)
    finally:
        await second.stop()
        await fresh.close()


async def test_no_personal_data_or_token_in_logs(
    tg: TelegramHarness, caplog: pytest.LogCaptureFixture
) -> None:
    # The bot's own logging setup, at its most talkative level.
    setup_logging("DEBUG", ["123456:TEST-token-not-real"])
    caplog.set_level(logging.DEBUG)
    await tg.say(OFFICER, "Đặng Thị Riêng Tư; Tổ 9; 0912 888 777; 1")
    await tg.say(OFFICER, "/cuatoi")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "handled channel=telegram" in logged  # the capture works
    assert "Riêng Tư" not in logged and "888" not in logged and "+8491" not in logged
    assert "TEST-token-not-real" not in logged


async def test_self_hosted_bot_api_urls_are_honoured(runtime: Runtime) -> None:
    from dataclasses import replace

    from bot.channels.telegram import TelegramChannel

    tg_cfg = replace(
        runtime.settings.telegram,
        base_url="http://127.0.0.1:8081/bot",
        base_file_url="http://127.0.0.1:8081/file/bot",
    )
    settings = replace(runtime.settings, telegram=tg_cfg)
    app = TelegramChannel(settings, runtime.core).build(
        request=FakeRequest(FakeApiState()), get_updates_request=FakeRequest(FakeApiState())
    )
    assert app.bot.base_url == "http://127.0.0.1:8081/bot123456:TEST-token-not-real"
    assert app.bot.base_file_url == "http://127.0.0.1:8081/file/bot123456:TEST-token-not-real"
