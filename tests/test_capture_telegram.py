"""Officers' entries under real conditions, through the real python-telegram-bot Application
and the fake Bot API: bursts, late deliveries, open menus, expired questions, typed answers
written before their question."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.runtime import Runtime
from models.households import Entry, Household
from models.records import AuditEvent, Dialog, HouseholdDraft
from tests.support.campaign import NOW, make_user
from tests.support.telegram_fake import TelegramHarness, texts

OFFICER = 444


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    await make_user(runtime, external_id=str(OFFICER), channel="telegram", name="Trần Thị Cán Bộ")
    harness = TelegramHarness(runtime)
    await harness.start()
    yield harness
    await harness.stop()


async def _entries(runtime: Runtime) -> list[Entry]:
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(Entry).where(Entry.deleted_at.is_(None)).order_by(Entry.id)
            )
        )


async def _households(runtime: Runtime) -> list[Household]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(Household).order_by(Household.id)))


async def _dialog(runtime: Runtime) -> Dialog | None:
    async with runtime.services.sessions() as session:
        dialog: Dialog | None = (await session.scalars(select(Dialog))).first()
        return dialog


@pytest.mark.slow
async def test_three_lines_in_one_batch_none_lost_none_misdated(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    await tg.say(OFFICER, "Lê Văn Cũ, Tổ 2 ấp Bãi Nhà A, 0912 000 201, khai sinh")
    lines = [
        "Phạm Thị Mới, Tổ 4, 0912 000 202, thường trú",
        "Lê Văn Cũ; Tổ 2; 0912 000 201; tạm trú",  # the same household again
        "Võ Văn Ngày; Tổ 6; 0912 000 203; 1; 31/02",
    ]
    out = await tg.burst([tg.message_update(OFFICER, line) for line in lines])
    said = texts(out)
    # The first is stored at once; the duplicate is asked; the bad date waits its turn.
    assert "Đã lưu hộ" in out[0].text and "Phạm Thị Mới" in out[0].text
    assert "Hộ Lê Văn Cũ có thể đã được ghi nhận" in said
    assert "Đã nhận hộ Võ Văn Ngày" in said
    assert [e.entered_name for e in await _entries(runtime)] == ["Lê Văn Cũ", "Phạm Thị Mới"]

    out = await tg.press(OFFICER, "Cùng hộ")
    said = texts(out)
    assert "vào hộ đã có" in said
    # Then the queued household, told exactly what was wrong, asked again for its date.
    assert "Tiếp theo, hộ Võ Văn Ngày" in said
    assert "Không có ngày «31/02» trên lịch" in said and "Ngày hướng dẫn?" in said
    assert len(await _entries(runtime)) == 3  # nothing stored with a date it did not have

    out = await tg.say(OFFICER, "hôm qua")
    assert "Đã lưu hộ" in texts(out) and "14/04/2026" in texts(out)
    entries = await _entries(runtime)
    assert [e.entered_name for e in entries][-1] == "Võ Văn Ngày"
    assert entries[-1].guided_on == date(2026, 4, 14)
    assert [e.guided_on for e in entries[:3]] == [date(2026, 4, 15)] * 3
    assert len(await _households(runtime)) == 3


async def test_message_written_last_evening_keeps_its_day(
    tg: TelegramHarness, runtime: Runtime, clock: FixedClock
) -> None:
    # Typed at 20:15 on 15/04 without signal; Telegram got it then; the bot reads it at 07:30
    # the next morning (it was down overnight).
    written = datetime(2026, 4, 15, 13, 15, tzinfo=UTC)
    clock.set(datetime(2026, 4, 16, 0, 30, tzinfo=UTC))
    out = await tg.say(OFFICER, "Đỗ Văn Khuya; Tổ 1; 0912 000 301; 1", sent_at=written)
    said = texts(out)
    assert "Đã lưu hộ" in said and "Ngày hướng dẫn: 15/04/2026" in said
    assert "viết lúc 20:15 15/04 nhưng đến lúc 07:30 16/04" in said
    assert (await _entries(runtime))[0].guided_on == date(2026, 4, 15)
    # A message written this morning is today's.
    out = await tg.say(OFFICER, "Đỗ Văn Sáng; Tổ 1; 0912 000 302; 1")
    assert "16/04/2026" in texts(out) and "viết lúc" not in texts(out)


async def test_date_option_means_its_date_when_tapped_after_midnight(
    tg: TelegramHarness, runtime: Runtime, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 4, 15, 16, 50, tzinfo=UTC))  # 23:50
    for answer in ("/them", "Lý Văn Đêm", "Tổ 7", "0912 000 401", "1"):
        await tg.say(OFFICER, answer)
    out = await tg.press(OFFICER, "Bỏ qua")
    assert "Hôm nay (15/04)" in [label for label, _ in out[-1].buttons]
    clock.set(datetime(2026, 4, 15, 17, 10, tzinfo=UTC))  # 00:10 the next day
    out = await tg.press(OFFICER, "Hôm nay")
    assert "Ngày hướng dẫn: 15/04/2026" in texts(out)
    assert (await _entries(runtime))[0].guided_on == date(2026, 4, 15)


@pytest.mark.slow
async def test_household_line_during_a_menu_is_stored(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    assert "Tin nhắn tự động" in texts(await tg.say(OFFICER, "/thongbao"))
    out = await tg.say(OFFICER, "Mai Văn Menu; Tổ 3; 0912 000 501; khai sinh")
    said = texts(out)
    assert "Câu hỏi trước đã được bỏ qua" in said and "Đã lưu hộ" in said
    assert [e.entered_name for e in await _entries(runtime)] == ["Mai Văn Menu"]
    # A menu takes its choices, not any words: "xin chào" after a toggle is a new message.
    await tg.say(OFFICER, "/thongbao")
    assert "Tin nhắn tự động" in texts(await tg.say(OFFICER, "1"))
    said = texts(await tg.say(OFFICER, "xin chào"))
    assert "chưa hiểu" in said and "Tin nhắn tự động" not in said
    assert await _dialog(runtime) is None
    # In the middle of /them: the draft is kept for /tiep, the new household stored.
    await tg.say(OFFICER, "/them")
    await tg.say(OFFICER, "Hồ Thị Dở")
    out = await tg.say(OFFICER, "Tạ Văn Chen, Tổ 5, 0912 000 502, 2")
    said = texts(out)
    assert "Hộ Hồ Thị Dở đang nhập dở được giữ lại" in said and "Đã lưu hộ" in said
    out = await tg.say(OFFICER, "/tiep")
    assert "Nhập tiếp hộ Hồ Thị Dở" in texts(out) and "Địa chỉ" in texts(out)
    assert len(await _entries(runtime)) == 2


async def test_open_question_expires_and_its_household_is_kept(
    tg: TelegramHarness, runtime: Runtime, clock: FixedClock
) -> None:
    await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987 654 321; 1")
    out = await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987 654 321; 2")
    assert "có thể đã được ghi nhận" in texts(out)
    minutes = runtime.settings.chat.household_minutes
    clock.set(NOW + timedelta(minutes=minutes + 1))
    out = await tg.say(OFFICER, "xin chào")
    said = texts(out)
    assert "Hộ Lê Thị Hoa đang nhập dở được giữ lại" in said and "chưa hiểu" in said
    assert await _dialog(runtime) is None
    # A late "2" no longer answers it either; /tiep asks it again.
    assert "vào hộ đã có" not in texts(await tg.say(OFFICER, "2"))
    out = await tg.say(OFFICER, "/tiep")
    assert "có thể đã được ghi nhận" in texts(out)
    assert len(await _entries(runtime)) == 1


async def test_answer_typed_before_the_question_does_not_answer_it(
    tg: TelegramHarness, runtime: Runtime, clock: FixedClock
) -> None:
    await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987 654 321; 1")
    # A nervous "2" typed at 10:00:01, before the duplicate question (asked at 10:00:05).
    clock.set(NOW + timedelta(seconds=5))
    out = await tg.say(OFFICER, "Trần Văn Khác; Tổ 8; 0987 654 321; 2")
    assert "có thể đã được ghi nhận" in texts(out)
    early = tg.message_update(OFFICER, "2", sent_at=NOW + timedelta(seconds=1))
    before = len(tg.state.sent)
    await tg.push(early)
    said = texts(tg.state.sent[before:])
    assert "được gửi trước khi câu hỏi" in said and "có thể đã được ghi nhận" in said
    assert len(await _households(runtime)) == 1 and len(await _entries(runtime)) == 1
    # Answered after seeing it: the choice counts.
    out = await tg.press(OFFICER, "Hộ khác")
    assert "hộ riêng" in texts(out) and len(await _households(runtime)) == 2


async def test_merge_keeps_what_was_typed(tg: TelegramHarness, runtime: Runtime) -> None:
    await tg.say(OFFICER, "Trần Thị Mai; Tổ 3, Ấp Bãi Nhà A; 0988 000 111; 1")
    out = await tg.say(OFFICER, "tran thi mai; to 3 ap bai nha a; 0988 000 113; 4")
    said = texts(out)
    assert "Hộ Tran Thi Mai có thể đã được ghi nhận" in said
    assert "họ tên giống, địa chỉ gần giống" in said
    await tg.press(OFFICER, "Cùng hộ")
    entries = await _entries(runtime)
    assert len(await _households(runtime)) == 1 and len(entries) == 2
    merged = entries[1]
    assert (merged.entered_name, merged.entered_address, merged.entered_phone) == (
        "Tran Thi Mai",
        "to 3 ap bai nha a",
        "+84988000113",
    )
    async with runtime.services.sessions() as session:
        audit = (
            await session.scalars(
                select(AuditEvent).where(
                    AuditEvent.target == "entry", AuditEvent.target_id == merged.id
                )
            )
        ).one()
    assert audit.after is not None and audit.after["entered_name"] == "Tran Thi Mai"
    assert audit.after["entered_phone"] == "+84988000113"


async def test_telex_name_is_asked_before_storing(tg: TelegramHarness, runtime: Runtime) -> None:
    out = await tg.say(OFFICER, "Nguyeenx Vawn Tuaans, Tổ 2, 0912 000 601, khai sinh")
    assert "Có phải là «Nguyễn Văn Tuấn»" in texts(out)
    assert await _entries(runtime) == []
    out = await tg.press(OFFICER, "Đúng")
    assert "Đã lưu hộ" in texts(out) and "Chủ hộ: Nguyễn Văn Tuấn" in texts(out)
    out = await tg.say(OFFICER, "LÊ THỊ HOA, tổ 9, 0912 000 602, 1")
    assert "Chủ hộ: Lê Thị Hoa" in texts(out)


JUNK = {"empty": "", "long": "Nguyễn " * 714, "emoji": "😀🎉🙏"}


@pytest.mark.slow
@pytest.mark.parametrize("junk", list(JUNK))
@pytest.mark.parametrize("state", ["add.duplicate", "add.name_check", "saved"])
async def test_new_states_take_junk_politely(
    tg: TelegramHarness, runtime: Runtime, state: str, junk: str
) -> None:
    await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987 654 321; 1")
    if state == "add.duplicate":
        await tg.say(OFFICER, "Lê Thị Hoa; Tổ 5; 0987 654 321; 2")
    elif state == "add.name_check":
        await tg.say(OFFICER, "Nguyeenx Vawn Tuaans, Tổ 2, 0912 000 601, 1")
    dialog = await _dialog(runtime)
    assert dialog is not None and dialog.state == state
    stale = next(s for s in reversed(tg.state.sent) if s.buttons)
    out = await (tg.say_nothing(OFFICER) if junk == "empty" else tg.say(OFFICER, JUNK[junk]))
    assert out and "sự cố" not in texts(out)
    assert len(await _entries(runtime)) == 1 and len(await _households(runtime)) == 1
    # A button of an answered question pressed again later: refused, nothing stored.
    await tg.say(OFFICER, "/them")
    out = await tg.press_data(OFFICER, stale.buttons[-1][1], stale.message_id)
    assert "sự cố" not in texts(out)
    assert len(await _households(runtime)) == 1
    async with runtime.services.sessions() as session:
        drafts = list(await session.scalars(select(HouseholdDraft)))
    assert all(d.draft.get("name") for d in drafts)
