"""Every dialog step fed junk: a clear Vietnamese reply, the question again, nothing stored."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from models.households import Entry, Household
from models.records import Dialog
from tests.support.campaign import make_user
from tests.support.telegram_fake import TelegramHarness, texts

pytestmark = pytest.mark.slow  # junk at every step of the dialog

OFFICER = 333
JUNK = {
    "empty": "",
    "long": "Nguyễn " * 834,  # ≈ 5,000 characters
    "emoji": "😀🎉🙏",
    "out_of_order": "/xoa",
}

# Answers that walk the dialog to each step, from /them.
WALK = ["Nguyễn Văn Thử", "Tổ 1, ấp Bãi Nhà A", "0912345678", "1", "Bỏ qua"]
STEPS = ["add.name", "add.address", "add.phone", "add.procedures", "add.dossier", "add.date"]
QUESTION = {
    "add.name": "Họ và tên",
    "add.address": "Địa chỉ",
    "add.phone": "Số điện thoại",
    "add.procedures": "thủ tục nào",
    "add.dossier": "Mã hồ sơ",
    "add.date": "Ngày hướng dẫn",
}


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram")
    harness = TelegramHarness(runtime)
    await harness.start()
    yield harness
    await harness.stop()


async def _state(runtime: Runtime) -> str | None:
    async with runtime.services.sessions() as session:
        dialog = (await session.scalars(select(Dialog))).first()
        return dialog.state if dialog else None


async def _stored(runtime: Runtime) -> tuple[int, int]:
    async with runtime.services.sessions() as session:
        households = await session.scalar(select(func.count()).select_from(Household))
        entries = await session.scalar(select(func.count()).select_from(Entry))
        return int(households or 0), int(entries or 0)


@pytest.mark.parametrize("junk", list(JUNK))
@pytest.mark.parametrize("step", range(len(STEPS)))
async def test_each_step_rejects_junk(
    tg: TelegramHarness, runtime: Runtime, step: int, junk: str
) -> None:
    await tg.say(OFFICER, "/them")
    for answer in WALK[:step]:
        await tg.say(OFFICER, answer)
    state = STEPS[step]
    assert await _state(runtime) == state

    text = JUNK[junk]
    # "empty": a sticker or photo, a message with no text at all.
    out = await (tg.say_nothing(OFFICER) if junk == "empty" else tg.say(OFFICER, text))
    reply = texts(out)
    assert out, "every input gets an answer"
    assert "sự cố" not in reply  # not the internal-error apology
    if junk == "out_of_order":
        # /xoa mid-dialog: answered as a command, the new dialog replaces the old one.
        assert "Chọn mục" in reply or "chưa ghi hộ nào" in reply
    elif junk == "long" and step in (3,):
        assert "Không tìm thấy thủ tục" in reply or "quá dài" in reply
    else:
        # Still on the same question, told what to fix.
        assert await _state(runtime) == state, reply
        assert QUESTION[state] in reply
        assert len(out) >= 2 or "Vui lòng" in reply or "Không" in reply
    assert await _stored(runtime) == (0, 0)


async def test_overlong_message_refused_everywhere(tg: TelegramHarness, runtime: Runtime) -> None:
    out = texts(await tg.say(OFFICER, "x" * 4050))
    assert "quá dài" in out
    assert await _stored(runtime) == (0, 0)


async def test_stale_button_press(tg: TelegramHarness, runtime: Runtime) -> None:
    await tg.say(OFFICER, "/them")
    await tg.say(OFFICER, "Lê Văn Cũ")
    question = tg.state.sent[-1]
    hamlet_data = next(data for label, data in question.buttons if "Bãi Nhà A" in label)
    await tg.press(OFFICER, "Bãi Nhà A")
    # Pressed again (a second tap on a slow connection): the answer is not taken twice.
    out = await tg.press_data(OFFICER, hamlet_data, question.message_id)
    assert "không còn hiệu lực" in texts(out) and "Số điện thoại" in texts(out)
    await tg.say(OFFICER, "0912000111")
    await tg.say(OFFICER, "1")
    await tg.press(OFFICER, "Bỏ qua")
    undo = tg.state.sent[-1]
    await tg.press(OFFICER, "Hôm nay")
    assert await _stored(runtime) == (1, 1)
    # A button from an abandoned question, mid-way through another dialog.
    await tg.say(OFFICER, "/them")
    out = await tg.press_data(OFFICER, hamlet_data, question.message_id)
    assert "không còn hiệu lực" in texts(out) and "Họ và tên" in texts(out)
    out = await tg.press_data(OFFICER, next(d for _l, d in undo.buttons), undo.message_id)
    assert "không còn hiệu lực" in texts(out)
    assert await _stored(runtime) == (1, 1)


async def test_forged_button_data(tg: TelegramHarness, runtime: Runtime) -> None:
    await tg.say(OFFICER, "/them")
    for data in ("", "abc", "99999:save", "1:p:NOPE", ":" * 60):
        out = await tg.press_data(OFFICER, data, 1)
        assert "không còn hiệu lực" in texts(out)
    assert await _stored(runtime) == (0, 0)


async def test_cancel_midway_stores_nothing(tg: TelegramHarness, runtime: Runtime) -> None:
    await tg.say(OFFICER, "/them")
    await tg.say(OFFICER, "Nguyễn Văn Hủy")
    out = await tg.say(OFFICER, "/huy")
    assert "Đã hủy" in texts(out)
    assert await _state(runtime) is None
    assert await _stored(runtime) == (0, 0)
    assert "Không có thao tác" in texts(await tg.say(OFFICER, "/huy"))


async def test_one_line_with_bad_phone_asks_only_for_phone(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    out = texts(await tg.say(OFFICER, "Trần Văn Sai; Tổ 4; 0912 34; 1"))
    assert "quá ngắn" in out and "Số điện thoại" in out
    assert await _state(runtime) == "add.phone"
    out = texts(await tg.say(OFFICER, "0912 345 999"))
    assert "Trần Văn Sai" in out and "Đã lưu hộ" in out


async def test_unknown_command_and_free_text(tg: TelegramHarness) -> None:
    assert "Không có lệnh /abc" in texts(await tg.say(OFFICER, "/abc"))
    assert "chưa hiểu" in texts(await tg.say(OFFICER, "xin chào"))
    assert "chưa hiểu" in texts(await tg.say(OFFICER, "🙂"))


async def test_a_phone_cut_short_is_called_a_phone(tg: TelegramHarness, runtime: Runtime) -> None:
    # "0123" once read as procedure number 0123; it is a phone with digits missing.
    out = texts(await tg.say(OFFICER, "Trần Văn Ngắn; Tổ 4; 0123; 1"))
    assert "quá ngắn" in out and "thủ tục số" not in out
    assert await _state(runtime) == "add.phone"
    assert await _stored(runtime) == (0, 0)
