"""Duplicate households through the console: NFD/case-insensitive name+address, shared phones."""

from __future__ import annotations

import unicodedata

from sqlalchemy import func, select

from bot.runtime import Runtime
from models.households import Entry, Household
from models.people import User
from models.records import AuditEvent
from tests.support.campaign import make_user
from tests.support.chat import Chat, entry_id

FIRST = "Nguyễn Văn An; Tổ 3; 0912345678; 1"
NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Văn An")
SAME_NAME_OTHER_PHONE = f"{NFD_NAME}; tổ 3; 0987654321; 2"
OTHER_NAME_SAME_PHONE = "Trần Thị Bình; Tổ 5; 0912 345 678; 3"


async def _setup(runtime: Runtime) -> tuple[User, Chat]:
    user = await make_user(runtime, external_id="an")
    chat = Chat(runtime, "an")
    assert "Đã lưu hộ" in await chat.say(FIRST)
    return user, chat


async def _households(runtime: Runtime) -> list[Household]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(Household).order_by(Household.id)))


async def _entries(runtime: Runtime) -> list[Entry]:
    async with runtime.services.sessions() as session:
        return list(await session.scalars(select(Entry).order_by(Entry.id)))


async def _audit(runtime: Runtime, target: str) -> list[AuditEvent]:
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(AuditEvent).where(AuditEvent.target == target).order_by(AuditEvent.id)
            )
        )


async def _prompt(chat: Chat, line: str) -> str:
    """A household line: stored at once, or the duplicate question."""
    return await chat.say(line)


async def test_nfd_name_and_lowercase_address_trigger_duplicate_prompt(runtime: Runtime) -> None:
    _, chat = await _setup(runtime)
    out = await chat.say(SAME_NAME_OTHER_PHONE)
    assert "Hộ Nguyễn Văn An có thể đã được ghi nhận" in out  # shown (and stored) as NFC
    assert "có thể đã được ghi nhận" in out
    assert "trùng họ tên và địa chỉ" in out
    assert "trùng số điện thoại" not in out
    hh = (await _households(runtime))[0]
    assert f"Hộ #{hh.id}: Nguyễn Văn An – Tổ 3 – 0912 345 678" in out
    assert "Đã hướng dẫn: Đăng ký khai sinh – lần gần nhất 15/04/2026" in out
    labels = [o.label for r in chat.last for o in r.options]
    assert any("Cùng hộ" in label for label in labels)
    assert any("Hộ khác" in label for label in labels)
    assert any("Nhập nhầm" in label for label in labels)
    # Nothing is stored while the officer decides.
    assert len(await _households(runtime)) == 1
    assert len(await _entries(runtime)) == 1


async def test_same_household_adds_an_entry(runtime: Runtime) -> None:
    user, chat = await _setup(runtime)
    await _prompt(chat, SAME_NAME_OTHER_PHONE)
    out = await chat.press("Cùng hộ")
    assert "Đã thêm lần hướng dẫn này vào hộ đã có" in out
    assert "1/412" in out
    households = await _households(runtime)
    entries = await _entries(runtime)
    assert len(households) == 1
    assert len(entries) == 2
    assert {e.household_id for e in entries} == {households[0].id}
    assert entry_id(out) == entries[1].id
    assert all(e.officer_id == user.id for e in entries)
    # The household keeps the data it was first logged with.
    assert households[0].phone == "+84912345678"
    assert households[0].head_name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", households[0].head_name)
    assert households[0].shares_phone is False


async def test_other_household_with_same_phone_flags_both(runtime: Runtime) -> None:
    _, chat = await _setup(runtime)
    out = await _prompt(chat, OTHER_NAME_SAME_PHONE)
    assert "có thể đã được ghi nhận" in out
    assert "trùng số điện thoại" in out
    out = await chat.press("Hộ khác")
    assert "Đã lưu thành hộ riêng" in out
    assert "2/412" in out
    households = await _households(runtime)
    assert [h.head_name for h in households] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert [h.phone for h in households] == ["+84912345678", "+84912345678"]
    assert all(h.shares_phone for h in households)
    entries = await _entries(runtime)
    assert [e.household_id for e in entries] == [h.id for h in households]


async def test_other_household_after_name_match_creates_second_household(
    runtime: Runtime,
) -> None:
    _, chat = await _setup(runtime)
    await _prompt(chat, SAME_NAME_OTHER_PHONE)
    out = await chat.press("Hộ khác")
    assert "Đã lưu thành hộ riêng" in out
    households = await _households(runtime)
    assert len(households) == 2
    assert households[1].phone == "+84987654321"
    assert households[0].shares_phone is False  # its phone is not shared with anyone
    assert households[0].name_folded == households[1].name_folded == "nguyen van an"
    assert len(await _entries(runtime)) == 2


async def test_other_household_without_shared_phone_is_not_flagged(runtime: Runtime) -> None:
    """Same name and address, different phones: nobody shares a phone, so no flag."""
    _, chat = await _setup(runtime)
    await _prompt(chat, SAME_NAME_OTHER_PHONE)
    await chat.press("Hộ khác")
    households = await _households(runtime)
    assert len(households) == 2
    assert [h.shares_phone for h in households] == [False, False]


async def test_other_household_reply_does_not_claim_shared_phone(runtime: Runtime) -> None:
    _, chat = await _setup(runtime)
    await _prompt(chat, SAME_NAME_OTHER_PHONE)
    out = await chat.press("Hộ khác")
    assert "Đã lưu" in out
    assert "dùng chung số điện thoại" not in out


async def test_mistake_stores_nothing(runtime: Runtime) -> None:
    _, chat = await _setup(runtime)
    await _prompt(chat, SAME_NAME_OTHER_PHONE)
    audit_before = len(await _audit(runtime, "entry")) + len(await _audit(runtime, "household"))
    out = await chat.press("Nhập nhầm")
    assert "Đã bỏ, không lưu gì" in out
    assert len(await _households(runtime)) == 1
    assert len(await _entries(runtime)) == 1
    audit_after = len(await _audit(runtime, "entry")) + len(await _audit(runtime, "household"))
    assert audit_after == audit_before
    # The dialog is closed: a fresh one-line entry starts from scratch.
    assert "Đã lưu hộ" in await chat.say("Lê Văn Cường; Tổ 9; 0977000111; 1")


async def test_same_phone_from_other_hamlet_hides_personal_data(runtime: Runtime) -> None:
    await _setup(runtime)
    await make_user(runtime, external_id="binh", hamlet="NHO")
    other = Chat(runtime, "binh")
    out = await _prompt(other, "Phạm Văn Dũng; Tổ 1; 0912345678; 1")
    assert "Số điện thoại này đã được ghi cho một hộ ở ấp khác" in out
    assert "Nguyễn Văn An" not in out
    assert "Tổ 3" not in out
    assert "Hộ #" not in out  # not even its id


async def test_deleted_household_is_not_a_duplicate(runtime: Runtime) -> None:
    _, chat = await _setup(runtime)
    first = (await _entries(runtime))[0].id
    await chat.say(f"/xoa {first}")
    await chat.press("Nhập nhầm")
    await chat.press("Xóa")
    out = await _prompt(chat, SAME_NAME_OTHER_PHONE)
    assert "có thể đã được ghi nhận" not in out
    assert "Đã lưu hộ" in out


async def test_audit_rows_for_created_household_and_entries(runtime: Runtime) -> None:
    user, chat = await _setup(runtime)
    await _prompt(chat, SAME_NAME_OTHER_PHONE)
    await chat.press("Cùng hộ")
    await _prompt(chat, OTHER_NAME_SAME_PHONE)
    await chat.press("Hộ khác")

    households = await _households(runtime)
    entries = await _entries(runtime)
    assert len(households) == 2 and len(entries) == 3

    hh_events = await _audit(runtime, "household")
    created = [e for e in hh_events if e.action == "create"]
    assert sorted(e.target_id or 0 for e in created) == [h.id for h in households]
    assert all(e.actor_id == user.id for e in hh_events)
    assert all(e.after is not None for e in created)
    # Flagging the first household as sharing its phone is itself audited.
    updates = [e for e in hh_events if e.action == "update"]
    assert [e.target_id for e in updates] == [households[0].id]
    assert updates[0].before is not None and updates[0].before["shares_phone"] is False
    assert updates[0].after is not None and updates[0].after["shares_phone"] is True

    entry_events = await _audit(runtime, "entry")
    assert sorted(e.target_id or 0 for e in entry_events if e.action == "create") == [
        e.id for e in entries
    ]
    assert all(e.actor_id == user.id for e in entry_events)

    async with runtime.services.sessions() as session:
        n = await session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.actor_id.is_(None), AuditEvent.target.in_(["household", "entry"]))
        )
    assert n == 0


async def test_upper_case_vietnamese_matches_on_both_backends(runtime: Runtime) -> None:
    # SQLite's lower()/LIKE are ASCII-only and PostgreSQL's LIKE is case-sensitive: the
    # check compares folded keys, so "NGUYỄN" and "nguyễn" meet on either backend.
    _, chat = await _setup(runtime)
    out = await chat.say("NGUYỄN VĂN AN; TỔ 3; 0987 654 321; 2")
    assert "trùng họ tên và địa chỉ" in out, out
