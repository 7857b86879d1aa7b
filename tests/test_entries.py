"""An officer's own entries through Telegram: list, edit (audited), delete (soft, audited);
and admins creating invites in chat."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from models.households import Entry, Household
from models.people import Role, User
from models.records import AuditEvent
from tests.support.campaign import make_user
from tests.support.telegram_fake import TelegramHarness, texts

OFFICER, OTHER, ADMIN, NEWCOMER = 501, 502, 503, 504


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    await make_user(runtime, external_id=str(OTHER), channel="telegram", name="Người Khác")
    await make_user(
        runtime,
        external_id=str(ADMIN),
        channel="telegram",
        role=Role.ADMIN,
        hamlet=None,
        name="Quản Trị",
    )
    harness = TelegramHarness(runtime)
    await harness.start()
    yield harness
    await harness.stop()


async def _log(tg: TelegramHarness, user: int, line: str) -> int:
    out = texts(await tg.say(user, line))
    assert "Đã lưu" in out, out
    return int(out.split("#")[1].split(")")[0])


async def _audit(runtime: Runtime, action: str, target: str) -> list[AuditEvent]:
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == action, AuditEvent.target == target)
                .order_by(AuditEvent.id)
            )
        )


@pytest.mark.slow
async def test_mine_lists_my_entries_only(tg: TelegramHarness) -> None:
    await _log(tg, OFFICER, "Nguyễn Văn Một; Tổ 1; 0912000001; 1; H56-0001")
    await _log(tg, OTHER, "Trần Thị Hai; Tổ 2; 0912000002; 2")
    out = texts(await tg.say(OFFICER, "/cuatoi"))
    assert "Nguyễn Văn Một" in out and "0912 000 001" in out and "H56-0001" in out
    assert "15/04/2026" in out and "Đăng ký khai sinh" in out
    assert "Trần Thị Hai" not in out


@pytest.mark.slow
async def test_edit_phone_and_procedures_is_audited(tg: TelegramHarness, runtime: Runtime) -> None:
    entry_id = await _log(tg, OFFICER, "Nguyễn Văn Sửa; Tổ 1; 0912000001; 1")
    out = texts(await tg.say(OFFICER, f"/sua {entry_id}"))
    assert "Nguyễn Văn Sửa" in out and f"#{entry_id}" in out
    await tg.press(OFFICER, "Sửa")
    assert "Số điện thoại" in texts(await tg.press(OFFICER, "Số điện thoại"))
    out = texts(await tg.say(OFFICER, "0987 111 222"))
    assert "0987 111 222" in out  # back at the summary with the new value
    await tg.press(OFFICER, "Sửa")
    await tg.press(OFFICER, "Thủ tục")
    await tg.press(OFFICER, "Đăng ký thường trú")
    await tg.press(OFFICER, "Xong")
    out = texts(await tg.press(OFFICER, "Lưu"))
    assert f"Đã cập nhật mục #{entry_id}" in out

    async with runtime.services.sessions() as session:
        hh = (await session.scalars(select(Household))).one()
        assert hh.phone == "+84987111222"
    hh_audit = await _audit(runtime, "update", "household")
    assert hh_audit[-1].before is not None and hh_audit[-1].after is not None
    assert hh_audit[-1].before["phone"] == "+84912000001"
    assert hh_audit[-1].after["phone"] == "+84987111222"
    entry_audit = await _audit(runtime, "update", "entry")
    assert entry_audit[-1].before is not None and entry_audit[-1].after is not None
    assert entry_audit[-1].before["procedures"] == ["KS"]
    assert entry_audit[-1].after["procedures"] == ["KS", "TTRU"]


async def test_edit_without_changes_writes_no_audit(tg: TelegramHarness, runtime: Runtime) -> None:
    entry_id = await _log(tg, OFFICER, "Nguyễn Văn Giữ; Tổ 1; 0912000001; 1")
    await tg.say(OFFICER, "/sua")
    await tg.press(OFFICER, f"#{entry_id}")
    out = texts(await tg.press(OFFICER, "Lưu"))
    assert "không có gì thay đổi" in out
    assert await _audit(runtime, "update", "entry") == []


async def test_cannot_touch_someone_elses_entry(tg: TelegramHarness, runtime: Runtime) -> None:
    entry_id = await _log(tg, OTHER, "Trần Thị Hai; Tổ 2; 0912000002; 2")
    for cmd in ("/sua", "/xoa"):
        out = texts(await tg.say(OFFICER, f"{cmd} {entry_id}"))
        assert "Không tìm thấy mục" in out and "Trần Thị Hai" not in out
    async with runtime.services.sessions() as session:
        entry = await session.get(Entry, entry_id)
        assert entry is not None and entry.deleted_at is None


@pytest.mark.slow
async def test_delete_is_soft_with_reason(tg: TelegramHarness, runtime: Runtime) -> None:
    entry_id = await _log(tg, OFFICER, "Nguyễn Văn Xóa; Tổ 1; 0912000001; 1")
    out = texts(await tg.say(OFFICER, f"/xoa {entry_id}"))
    assert "lý do" in out
    out = texts(await tg.say(OFFICER, "Hộ này đã chuyển đi nơi khác"))
    assert "Xác nhận xóa" in out
    out = texts(await tg.press(OFFICER, "Xóa"))
    assert f"Đã xóa mục #{entry_id}" in out
    async with runtime.services.sessions() as session:
        entry = await session.get(Entry, entry_id)
        assert entry is not None and entry.deleted_at is not None
        assert entry.delete_reason == "Hộ này đã chuyển đi nơi khác"
    (event,) = await _audit(runtime, "delete", "entry")
    assert event.before is not None and event.before["deleted_at"] is None
    assert event.after is not None and event.after["delete_reason"].startswith("Hộ này")
    assert "chưa ghi hộ nào" in texts(await tg.say(OFFICER, "/cuatoi"))
    assert "0/412" in texts(await tg.say(OFFICER, "/tiendo"))


@pytest.mark.slow
async def test_admin_invites_in_chat_and_newcomer_registers(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    assert "Chỉ người quản trị" in texts(await tg.say(OFFICER, "/moi"))
    assert "vai trò nào" in texts(await tg.say(ADMIN, "/moi"))
    assert "ấp nào" in texts(await tg.press(ADMIN, "trưởng ấp"))
    out = await tg.press(ADMIN, "Ấp Nhỏ")
    assert "https://t.me/dvc_test_bot?start=" in texts(out)
    code = out[-1].text.removeprefix("/start ")
    assert len(code) == 10
    welcome = texts(await tg.say(NEWCOMER, f"/start {code}", name="Lâm Văn Mới"))
    assert "Lâm Văn Mới" in welcome and "trưởng ấp" in welcome and "Ấp Nhỏ" in welcome
    async with runtime.services.sessions() as session:
        user = (await session.scalars(select(User).where(User.display_name == "Lâm Văn Mới"))).one()
        assert user.role == Role.HAMLET_HEAD
    # A one-shot form works too, for a supervisor (no hamlet needed).
    out = await tg.say(ADMIN, "/moi supervisor")
    assert "giám sát" in texts(out) and out[-1].text.startswith("/start ")


async def test_supervisor_progress_lists_hamlets_without_personal_data(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    await make_user(
        runtime, external_id="505", channel="telegram", role=Role.SUPERVISOR, hamlet=None
    )
    await _log(tg, OFFICER, "Nguyễn Văn Riêng; Tổ 1; 0912000001; 1")
    out = texts(await tg.say(505, "/tiendo"))
    assert "1. Ấp Bãi Nhà A (BNA): 1/412" in out and "Riêng" not in out
    assert "1/412" in texts(await tg.say(505, "/tiendo bna"))
    assert "chỉ xem được tiến độ của ấp mình" in texts(await tg.say(OFFICER, "/tiendo NHO"))
