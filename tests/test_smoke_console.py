from __future__ import annotations

from bot.runtime import Runtime
from tests.support.campaign import make_user
from tests.support.chat import Chat


async def test_officer_logs_household_through_console(runtime: Runtime) -> None:
    await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    assert "Họ và tên chủ hộ" in await chat.say("/them")
    assert "Địa chỉ" in await chat.say("Nguyễn Văn An")
    assert "Số điện thoại" in await chat.say("Tổ 3, ấp Bãi Nhà A")
    assert "thủ tục" in await chat.say("0912345678")
    assert "Mã hồ sơ" in await chat.say("1, 3")
    assert "Ngày hướng dẫn" in await chat.say("Bỏ qua")
    out = await chat.say("1")
    assert "0912 345 678" in out and "Đăng ký khai sinh; Đăng ký tạm trú" in out
    assert "15/04/2026" in out
    assert "Đã lưu hộ" in out and "1/412" in out
