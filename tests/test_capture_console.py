"""Household capture as officers tried it (console transport): replies to the name question,
another hamlet's household, a wrong phone during a question, "no" at the dossier code, the
open question shown again, /huy with households waiting."""

from __future__ import annotations

from sqlalchemy import select

from bot.runtime import Runtime
from models.households import Entry, Household
from tests.support.campaign import make_user
from tests.support.chat import Chat


async def _rows(runtime: Runtime) -> tuple[list[Household], list[Entry]]:
    async with runtime.services.sessions() as session:
        households = list(await session.scalars(select(Household).order_by(Household.id)))
        entries = list(
            await session.scalars(
                select(Entry).where(Entry.deleted_at.is_(None)).order_by(Entry.id)
            )
        )
    return households, entries


TELEX = "Nguyeenx Vawn Tuaans, Tổ 2, 0912 345 101, 1"


async def test_replies_to_the_name_question_are_not_names(runtime: Runtime) -> None:
    await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    assert "Có phải là «Nguyễn Văn Tuấn»" in await chat.say(TELEX)
    assert "Chủ hộ: Nguyễn Văn Tuấn" in await chat.say("phải")
    assert "Có phải là" in await chat.say(TELEX.replace("101", "102").replace("Tổ 2", "Tổ 7"))
    assert "Họ và tên chủ hộ" in await chat.say("không")  # wrong: asked for the name
    assert "Chủ hộ: Nguyễn Văn Tuân" in await chat.say("nguyễn văn tuân")
    assert "Có phải là" in await chat.say(TELEX.replace("101", "103"))
    assert "Chủ hộ: Nguyeenx Vawn Tuaans" in await chat.say("giữ nguyên")
    assert "Có phải là" in await chat.say(TELEX.replace("101", "104"))
    assert "vui lòng chọn" in await chat.say("Tuấn")  # one word: not a full name
    assert "Hộ Nguyễn Văn Tuấn có thể đã được ghi nhận" in await chat.say("dạ")
    households, _ = await _rows(runtime)
    assert [h.head_name for h in households] == [
        "Nguyễn Văn Tuấn",
        "Nguyễn Văn Tuân",
        "Nguyeenx Vawn Tuaans",
    ]


async def test_another_hamlets_household_cannot_be_joined(runtime: Runtime) -> None:
    await make_user(runtime, external_id="nho", hamlet="NHO")
    await Chat(runtime, "nho").say("Phạm Thị Hồng, Tổ 4, 0903 111 222, 1")
    await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    out = await chat.say("Phan Văn Lực, Tổ 5, 0903 111 222, 1")
    # Only that the phone is recorded elsewhere and what to do: no id, name, address,
    # procedure or officer of the other hamlet's household.
    assert "đã được ghi cho một hộ ở ấp khác" in out
    assert "báo trưởng ấp hoặc Phòng Văn hóa – Xã hội" in out and "chọn «Hộ khác»" in out
    households, _ = await _rows(runtime)
    assert f"#{households[0].id}" not in out
    for private in ("Phạm Thị Hồng", "Tổ 4", "khai sinh", "Cán Bộ"):
        assert private not in out
    assert "Cùng hộ" not in out and "1. Hộ khác" in out and "2. Nhập nhầm" in out
    assert "cùng hộ" not in (await chat.say("cùng hộ")).casefold().split("\n")[0]
    out = await chat.say("1")
    assert "hộ riêng" in out and "dùng chung số điện thoại" in out
    households, entries = await _rows(runtime)
    assert households[0].hamlet_id != households[1].hamlet_id
    assert {e.household_id for e in entries} == {h.id for h in households}
    assert {e.hamlet_id for e in entries} == {h.hamlet_id for h in households}
    # Flagged on both sides for the office (the evidence sheet's shared-phone column).
    assert [h.shares_phone for h in households] == [True, True]


async def test_wrong_phone_during_a_question_is_a_household_not_an_answer(runtime: Runtime) -> None:
    await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    assert "Địa chỉ" in await chat.say("Lê Văn Mười, 0912 345 000, 1")
    out = await chat.say("Trần Văn Hải, Tổ 2, 0912 345 00, 1")
    assert "Đã nhận hộ Trần Văn Hải" in out
    assert "Câu hỏi còn chờ" in out and "Địa chỉ" in out  # the open question, again
    out = await chat.say("Tổ 4")
    assert "Đã lưu hộ" in out and "Lê Văn Mười" in out
    assert "Tiếp theo, hộ Trần Văn Hải" in out and "Số điện thoại" in out
    out = await chat.say("0912 345 009")
    assert "Đã lưu hộ" in out
    _, entries = await _rows(runtime)
    assert [(e.entered_name, e.entered_address) for e in entries] == [
        ("Lê Văn Mười", "Tổ 4"),
        ("Trần Văn Hải", "Tổ 2"),
    ]


async def test_no_dossier_in_words_and_huy_names_the_household(runtime: Runtime) -> None:
    await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    for answer in ("/them", "Đỗ Thị Hỏi", "Tổ 1", "0912 345 201", "1"):
        await chat.say(answer)
    assert "Ngày hướng dẫn" in await chat.say("không có")
    assert "Đã lưu hộ" in await chat.say("1")
    _, entries = await _rows(runtime)
    assert entries[0].dossier_code == ""
    # A question open, another household queued behind it, then /huy.
    assert "Địa chỉ" in await chat.say("Ngô Văn Kiên, 0912 345 112, 1")
    assert "Đã nhận hộ Vũ Văn Sau" in await chat.say("Vũ Văn Sau; Tổ 8; 0912 345 113; 1; 31/02")
    out = await chat.say("/huy")
    assert "Đã hủy hộ Ngô Văn Kiên" in out
    assert "Tiếp theo, hộ Vũ Văn Sau" in out and "Không có ngày «31/02»" in out


async def test_a_line_that_cannot_be_read_gets_an_example(runtime: Runtime) -> None:
    await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    out = await chat.say("0912 000 102; Tổ 1; khai sinh")  # no name before the phone
    assert "Mỗi tin nhắn một hộ" in out and "Nguyễn Văn An, Tổ 3 ấp Bãi Nhà A" in out
    assert await _rows(runtime) == ([], [])
