"""Finding a household (/tim, a phone number alone) and a second visit in two taps
(«➕ Thêm thủ tục»): what an officer, a head, a supervisor and a stranger see; the special
prize's count moving; /chuahuongdan's households short of the prize; /cuatoi's pages and
filters, /sua's pages; junk, stale and forged input answered politely with nothing stored."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.engine.messages import Reply
from models.campaign import Hamlet
from models.households import Entry, Household
from models.people import Role, User
from models.records import AuditEvent
from models.roster import RosterLine, import_roster
from tests.support.campaign import LONG_AGO, PROCEDURES, make_user, raw_config
from tests.support.chat import Chat
from tests.support.telegram_fake import TelegramHarness, texts

# Ấp Nhỏ (20 households): the special prize needs 2 procedures per household.
HUNG = "Nguyễn Văn Hùng, Tổ 3 ấp Nhỏ, 0912 345 678, 1"
DUNG = "Trần Hùng Dũng, Tổ 1 ấp Nhỏ, 0912 345 679, 1, 2"
# Bãi Nhà A's household, never to be seen from Ấp Nhỏ.
OTHER = "Lê Văn Hùng Xa, Tổ 1 Bãi Nhà A, 0988 000 111, 1"


async def _count(runtime: Runtime, model: type[Household] | type[Entry]) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _household_id(runtime: Runtime, name: str) -> int:
    async with runtime.services.sessions() as session:
        found = await session.scalar(select(Household.id).where(Household.head_name == name))
        assert found is not None
        return int(found)


async def _press_value(chat: Chat, value: str) -> list[Reply]:
    """A button value as a messenger would send it (forged, or from an old message)."""
    return await chat.channel.core.handle(replace(chat.channel.inbound(""), option=value))


@pytest.fixture
async def people(runtime: Runtime) -> dict[str, Chat]:
    await make_user(runtime, external_id="an", hamlet="NHO", name="Nguyễn Thị An")
    await make_user(
        runtime, external_id="head", hamlet="NHO", role=Role.HAMLET_HEAD, name="Trưởng Ấp Nhỏ"
    )
    await make_user(runtime, external_id="bna", hamlet="BNA", name="Cán Bộ Bãi Nhà")
    await make_user(
        runtime, external_id="vhxh", hamlet=None, role=Role.SUPERVISOR, name="Phòng VH-XH"
    )
    chats = {k: Chat(runtime, k) for k in ("an", "head", "bna", "vhxh", "stranger")}
    for line in (HUNG, DUNG):
        assert "Đã lưu hộ" in await chats["an"].say(line)
    assert "Đã lưu hộ" in await chats["bna"].say(OTHER)
    return chats


async def test_find_by_name_without_accents_and_by_phone_in_another_form(
    people: dict[str, Chat],
) -> None:
    an = people["an"]
    out = await an.say("/tim hung")
    assert "2 hộ" in out and "Nguyễn Văn Hùng" in out and "Trần Hùng Dũng" in out
    assert "0912 345 678" in out and "Tổ 3 ấp Nhỏ" in out
    assert "15/04/2026: Đăng ký khai sinh – Nguyễn Thị An ghi" in out
    assert "cần thêm 1 thủ tục (đã có 1/2)" in out  # Hùng: 1 of the 2 procedures
    assert "đã đủ 2 thủ tục" in out  # Dũng
    assert "Lê Văn Hùng Xa" not in out  # another hamlet
    # Several words must all match, in any case and without marks.
    out = await an.say("/tim NGUYEN hung")
    assert "1 hộ" in out and "Nguyễn Văn Hùng" in out and "Trần Hùng Dũng" not in out
    # A phone alone, in each usual form, finds the household.
    for phone in ("0912345678", "0912 345 678", "+84 912 345 678", "84912345678"):
        out = await an.say(phone)
        assert "Nguyễn Văn Hùng" in out and "Trần Hùng Dũng" not in out, phone
    out = await an.say("/find 0912.345.679")
    assert "Trần Hùng Dũng" in out
    # A phone with no household: said so, with how to log one.
    out = await an.say("0977 000 999")
    assert "Chưa có hộ nào có số điện thoại này trong Ấp Nhỏ" in out
    assert "0977" not in out  # never repeated: another hamlet's number is not echoed either


async def test_second_visit_in_two_taps(people: dict[str, Chat], runtime: Runtime) -> None:
    an = people["an"]
    before = await an.say("/tiendo")
    assert "giải đặc biệt (từ 2 thủ tục trở lên): 1/20" in before
    households = await _count(runtime, Household)
    await an.say("0912 345 678")
    out = await an.press("Thêm thủ tục")
    # Only the procedures the household does not have yet; no name, address or phone asked.
    assert "Đã có: Đăng ký khai sinh" in out
    assert "1. Đăng ký thường trú" in out and "Họ và tên" not in out
    out = await an.press("Đăng ký tạm trú")
    assert "Ngày hướng dẫn" in out
    out = await an.press("Hôm nay")
    assert "Đã thêm lần hướng dẫn này vào hộ đã có" in out
    assert "có thể đã được ghi nhận" not in out  # no duplicate question
    assert "Hộ này đã đủ 2 thủ tục cho giải đặc biệt" in out
    assert await _count(runtime, Household) == households  # one household, two visits
    hid = await _household_id(runtime, "Nguyễn Văn Hùng")
    async with runtime.services.sessions() as session:
        entries = list(
            await session.scalars(
                select(Entry).where(Entry.household_id == hid, Entry.deleted_at.is_(None))
            )
        )
        audited = await session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.action == "create",
                AuditEvent.target == "entry",
                AuditEvent.target_id.in_([e.id for e in entries]),
            )
        )
    assert len(entries) == 2 and audited == 2
    after = await an.say("/tiendo")
    assert "giải đặc biệt (từ 2 thủ tục trở lên): 2/20" in after
    out = await an.say("/tim nguyen van hung")
    assert "đã đủ 2 thủ tục" in out and "Đăng ký tạm trú" in out


async def test_the_head_adds_the_supervisor_only_sees(
    people: dict[str, Chat], runtime: Runtime
) -> None:
    out = await people["head"].say("/tim hùng")
    assert "Thêm thủ tục – Nguyễn Văn Hùng" in out
    out = await people["vhxh"].say("/tim hung")
    assert "Nguyễn Văn Hùng" in out and "Lê Văn Hùng Xa" in out  # every hamlet
    assert "Ấp Nhỏ" in out and "Thêm thủ tục" not in out
    # A supervisor pressing a forged add button is refused, nothing stored.
    entries = await _count(runtime, Entry)
    hid = await _household_id(runtime, "Nguyễn Văn Hùng")
    replies = await _press_value(people["vhxh"], f"act:find:add:{hid}")
    assert "Chỉ cán bộ và trưởng ấp của ấp có hộ này" in replies[0].text
    assert await _count(runtime, Entry) == entries


async def test_officers_never_see_another_hamlet(people: dict[str, Chat], runtime: Runtime) -> None:
    an = people["an"]
    for probe in ("/tim hung xa", "/tim le van", "0988 000 111", "/tim 0988000111", "/tim 000 111"):
        out = await an.say(probe)
        assert "Lê Văn Hùng Xa" not in out and "Bãi Nhà A" not in out, probe
    # The other hamlet's household by a forged button: the same answer as a missing one.
    other = await _household_id(runtime, "Lê Văn Hùng Xa")
    entries = await _count(runtime, Entry)
    for value in (f"act:find:add:{other}", "act:find:add:999999", "act:find:add:abc", "act:find:x"):
        replies = await _press_value(an, value)
        assert "Không tìm thấy hộ này" in replies[0].text, value
        assert "Lê Văn Hùng Xa" not in replies[0].text
    assert await _count(runtime, Entry) == entries
    # Unregistered: nothing about any household.
    out = await people["stranger"].say("0912 345 678")
    assert "Nguyễn Văn Hùng" not in out and "chưa được đăng ký" in out
    out = await people["stranger"].say("/tim hung")
    assert "Nguyễn Văn Hùng" not in out


async def test_bad_input_is_answered_politely(people: dict[str, Chat], runtime: Runtime) -> None:
    an = people["an"]
    out = await an.say("/tim")
    assert "Gõ tên chủ hộ" in out
    out = await an.say("h")
    assert "quá ngắn" in out and "Gõ tên chủ hộ" in out
    out = await an.say("hung")  # the question's answer is the query
    assert "Nguyễn Văn Hùng" in out
    assert "quá ngắn" in await an.say("/tim a")
    assert "quá ngắn" in await an.say("/tim !!")
    assert "quá dài" in await an.say("/tim " + "hùng " * 40)
    assert "Không tìm thấy hộ nào khớp «xyz qwe»" in await an.say("/tim xyz qwe")
    assert "Không tìm thấy" in await an.say("/tim 100%_")  # LIKE wildcards are plain text
    # A visit left half-way stores nothing; a later stale press is answered.
    entries = await _count(runtime, Entry)
    await an.say("/tim hung")
    await an.press("Nguyễn Văn Hùng")
    await an.say("/huy")
    assert await _count(runtime, Entry) == entries
    # The household's only entry deleted: its add button no longer works.
    hid = await _household_id(runtime, "Trần Hùng Dũng")
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            update(Entry).where(Entry.household_id == hid).values(deleted_at=LONG_AGO)
        )
    replies = await _press_value(an, f"act:find:add:{hid}")
    assert "Không tìm thấy hộ này" in replies[0].text
    assert "Trần Hùng Dũng" not in await an.say("/tim dung")


async def test_a_visit_whose_household_vanishes_is_not_stored(
    people: dict[str, Chat], runtime: Runtime
) -> None:
    an = people["an"]
    await an.say("0912 345 678")
    await an.press("Thêm thủ tục")
    await an.press("Đăng ký tạm trú")
    hid = await _household_id(runtime, "Nguyễn Văn Hùng")
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            update(Entry).where(Entry.household_id == hid).values(deleted_at=LONG_AGO)
        )
    entries = await _count(runtime, Entry)
    out = await an.press("Hôm nay")
    assert "Không tìm thấy hộ này" in out and "Đã thêm" not in out
    assert await _count(runtime, Entry) == entries


async def test_todo_lists_households_short_of_the_prize(
    people: dict[str, Chat], runtime: Runtime
) -> None:
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "NHO"))
        assert hamlet is not None
        lines = [
            RosterLine(1, "Nguyễn Văn Hùng", "Tổ 3 ấp Nhỏ", "+84912345678", "H1"),
            RosterLine(2, "Trần Hùng Dũng", "Tổ 1 ấp Nhỏ", "+84912345679", "H2"),
            RosterLine(3, "Phan Thị Chưa", "Tổ 2 ấp Nhỏ", "+84912345670", "H3"),
        ]
        await import_roster(
            session,
            hamlet=hamlet,
            lines=lines,
            source="ds.csv",
            fingerprint="f" * 64,
            actor_id=None,
            now=runtime.services.clock.now(),
        )
    an = people["an"]
    out = await an.say("/chuahuongdan")
    assert "Phan Thị Chưa" in out  # not yet guided
    assert "chưa đủ 2 thủ tục cho giải đặc biệt: 1 hộ" in out
    # Numbered on from the list above it (1. Phan Thị Chưa): "2" is what picks it.
    assert "2. Nguyễn Văn Hùng – Tổ 3 ấp Nhỏ – ☎️ 0912 345 678 (đã có 1, cần thêm 1)" in out
    assert "Trần Hùng Dũng –" not in out.split("giải đặc biệt")[1]  # has both already
    out = await an.press("➕ 2. Nguyễn Văn Hùng")
    assert "Thêm thủ tục cho hộ Nguyễn Văn Hùng" in out
    await an.press("Đăng ký kết hôn")
    out = await an.press("Hôm qua")
    assert "Đã thêm lần hướng dẫn này vào hộ đã có" in out and "14/04/2026" in out
    out = await an.say("/chuahuongdan")
    assert "giải đặc biệt" not in out  # nobody short any more
    # The supervisor sees the list but gets no add buttons.
    out = await people["vhxh"].say("/chuahuongdan NHO")
    assert "Phan Thị Chưa" in out and "➕" not in out


GIVEN = ["An", "Bình", "Cúc", "Dũng", "Em", "Giang", "Hà", "Khánh", "Linh", "Minh", "Nga", "Oanh"]


async def test_mine_pages_and_filters(runtime: Runtime) -> None:
    await make_user(runtime, external_id="lan", hamlet="BNA", name="Lê Thị Lan")
    lan = Chat(runtime, "lan")
    for i in range(12):
        day = "10/03" if i < 3 else "hôm nay"
        out = await lan.say(f"Phạm Văn {GIVEN[i]}, Tổ {i + 1}, 0913 000 {i:03d}, 1, {day}")
        assert "Đã lưu hộ" in out
    out = await lan.say("/cuatoi")
    assert "10 mục gần nhất (tổng cộng 12 mục)" in out and "Xem thêm" in out
    assert "Phạm Văn Oanh" in out and "Phạm Văn An" not in out
    out = await lan.press("Xem thêm")
    assert "đang xem 11–12" in out and "Phạm Văn An" in out and "Phạm Văn Oanh" not in out
    out = await lan.say("/cuatoi 3/2026")
    assert "3 mục khớp «3/2026»" in out and "Phạm Văn Cúc" in out and "Dũng" not in out
    out = await lan.say("/cuatoi tháng 4")
    assert "9 mục khớp" in out
    out = await lan.say("/cuatoi binh")
    assert "1 mục khớp" in out and "Phạm Văn Bình" in out
    out = await lan.say("/cuatoi +84 913 000 004")
    assert "1 mục khớp" in out and "Phạm Văn Em" in out
    assert "Không có mục nào" in await lan.say("/cuatoi nguyen")
    assert "không đúng" in await lan.say("/cuatoi 13/2026")
    # /sua offers 8 at a time, then the rest.
    out = await lan.say("/sua")
    assert "Xem thêm" in out and "Oanh" in out and "Dũng" not in out
    out = await lan.press("Xem thêm")
    assert "Dũng" in out and "An" in out and "Oanh" not in out
    out = await lan.press("An")
    assert "Thông tin hiện tại của mục" in out


# --- a two-commune campaign: a commune supervisor finds only their commune ---------------


@pytest.fixture
async def communes(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Runtime]:
    hamlets = [
        {"code": "HT1", "name": "Ấp Bãi Bấc", "households": 40, "unit": "Xã Hòn Tre"},
        {"code": "LS1", "name": "Ấp Bãi Nhà B", "households": 20, "unit": "Xã Lại Sơn"},
    ]
    rt = build_runtime(
        parse_settings(
            raw_config(tmp_path, hamlets=hamlets, database={"url": settings.database_url}), tmp_path
        ),
        clock,
    )
    await sync_from_config(rt)
    for code, line in (
        ("HT1", "Lê Văn Hòn, Tổ 1 Bãi Bấc, 0912 100 001, 1"),
        ("LS1", "Lê Văn Sơn, Tổ 1 Bãi Nhà B, 0912 200 002, 1"),
    ):
        await make_user(rt, external_id=code, hamlet=code, name=f"Cán Bộ {code}")
        assert "Đã lưu hộ" in await Chat(rt, code).say(line)
    await make_user(rt, external_id="lai-son", role=Role.SUPERVISOR, hamlet=None, name="GS Lại Sơn")
    await make_user(rt, external_id="zone", role=Role.SUPERVISOR, hamlet=None, name="GS Đặc Khu")
    async with rt.services.sessions() as session, session.begin():
        await session.execute(
            update(User).where(User.display_name == "GS Lại Sơn").values(unit="Xã Lại Sơn")
        )
    yield rt
    await rt.close()


async def test_a_commune_supervisor_finds_their_commune_only(communes: Runtime) -> None:
    sup = Chat(communes, "lai-son")
    out = await sup.say("/tim le van")
    assert "Lê Văn Sơn" in out and "Lê Văn Hòn" not in out and "Bãi Bấc" not in out
    assert "Lê Văn Hòn" not in await sup.say("0912 100 001")
    out = await Chat(communes, "zone").say("/tim le van")
    assert "Lê Văn Sơn" in out and "Lê Văn Hòn" in out
    out = await Chat(communes, "HT1").say("/tim le van")
    assert "Lê Văn Hòn" in out and "Lê Văn Sơn" not in out


# --- Telegram: buttons, and nothing in a group ------------------------------------------

AN, BNA_OFFICER = 701, 702


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    await make_user(runtime, external_id=str(AN), channel="telegram", hamlet="NHO", name="An")
    await make_user(runtime, external_id=str(BNA_OFFICER), channel="telegram", name="Bê")
    harness = TelegramHarness(runtime)
    await harness.start()
    yield harness
    await harness.stop()


@pytest.mark.slow
async def test_telegram_find_and_add_in_two_taps(tg: TelegramHarness, runtime: Runtime) -> None:
    assert "Đã lưu hộ" in texts(await tg.say(AN, HUNG))
    assert "Đã lưu hộ" in texts(await tg.say(BNA_OFFICER, OTHER))
    out = texts(await tg.say(AN, "/tim HUNG"))
    assert "Nguyễn Văn Hùng" in out and "cần thêm 1 thủ tục" in out and "Lê Văn Hùng Xa" not in out
    out = texts(await tg.say(AN, "+84 912 345 678"))
    assert "Nguyễn Văn Hùng" in out
    await tg.press(AN, "Thêm thủ tục")
    out = texts(await tg.press(AN, "Đăng ký thường trú"))  # tap 1: the procedure
    assert "Ngày hướng dẫn" in out
    out = texts(await tg.press(AN, "Hôm nay"))  # tap 2: the day
    assert "Đã thêm lần hướng dẫn này vào hộ đã có" in out
    assert "đủ 2 thủ tục cho giải đặc biệt" in out
    hid = await _household_id(runtime, "Nguyễn Văn Hùng")
    async with runtime.services.sessions() as session:
        n = await session.scalar(
            select(func.count()).select_from(Entry).where(Entry.household_id == hid)
        )
    assert n == 2 and await _count(runtime, Household) == 2
    # The old add button pressed again later: re-checked, a new visit started (not stored
    # until answered); a forged one for another hamlet: refused politely.
    other = await _household_id(runtime, "Lê Văn Hùng Xa")
    out = texts(await tg.press_data(AN, f"9:act:find:add:{other}", 1))
    assert "Không tìm thấy hộ này" in out and "Lê Văn Hùng Xa" not in out
    # In a group: no household, no name.
    out = texts(await tg.say(AN, "0912 345 678", chat_id=-100500, chat_type="group"))
    assert "Nguyễn Văn Hùng" not in out
    out = texts(await tg.say(AN, "/tim hung", chat_id=-100500, chat_type="group"))
    assert "Nguyễn Văn Hùng" not in out and "riêng" in out


# --- what the tester found: a typed procedure, the numbers typed, search input -------------

# The example configuration's procedure whose name holds «khai sinh» without being it.
LIEN_THONG = {
    "code": "LTKS",
    "name": "Liên thông khai sinh – thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi",
    "short": "Liên thông khai sinh",
}
BHYT = {"code": "BHYT", "name": "Gia hạn thẻ bảo hiểm y tế hộ gia đình", "short": "Gia hạn BHYT"}


@pytest.fixture
async def catalog(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Runtime]:
    """The test campaign with two procedures of the example configuration added."""
    procedures = [*PROCEDURES, LIEN_THONG, BHYT]
    rt = build_runtime(
        parse_settings(
            raw_config(tmp_path, procedures=procedures, database={"url": settings.database_url}),
            tmp_path,
        ),
        clock,
    )
    await sync_from_config(rt)
    await make_user(rt, external_id="an", hamlet="NHO", name="Nguyễn Thị An")
    yield rt
    await rt.close()


async def _visit_entries(runtime: Runtime, name: str) -> list[list[str]]:
    hid = await _household_id(runtime, name)
    async with runtime.services.sessions() as session:
        rows = await session.scalars(
            select(Entry)
            .options(selectinload(Entry.procedures))
            .where(Entry.household_id == hid, Entry.deleted_at.is_(None))
            .order_by(Entry.id)
        )
        return [sorted(p.code for p in e.procedures) for e in rows]


async def test_a_typed_procedure_is_never_picked_for_the_officer(catalog: Runtime) -> None:
    an = Chat(catalog, "an")
    # Đăng ký khai sinh (1) and Đăng ký tạm trú (3) already.
    assert "Đã lưu hộ" in await an.say("Lê Văn Hùng, Tổ 1 ấp Nhỏ, 0912 111 222, 1, 3")
    out = await an.say("/tim le van hung")
    assert "1. 👤 Lê Văn Hùng" in out
    out = await an.say("1")
    assert "Thêm thủ tục cho hộ Lê Văn Hùng" in out
    # «khai sinh» is the procedure the household has, not «Liên thông khai sinh – …».
    out = await an.say("khai sinh")
    assert "Hộ đã có Đăng ký khai sinh (ngày 15/04/2026)" in out
    assert "Ngày hướng dẫn" not in out
    assert "có thể là: 4. Liên thông khai sinh" in out  # numbered as in the question below
    assert "4. Liên thông khai sinh – thường trú" in out
    out = await an.say("1")  # the question is still the procedure's: 1 = Đăng ký thường trú
    assert "Ngày hướng dẫn" in out
    await an.say("/huy")
    assert await _visit_entries(catalog, "Lê Văn Hùng") == [["KS", "TAMTRU"]]

    # Partial words, one or several procedures: asked, never picked.
    await an.say("/tim le van hung")
    await an.say("1")
    out = await an.say("liên thông")
    assert "Chưa rõ «liên thông» là thủ tục nào, có thể là: 4. Liên thông khai sinh" in out
    out = await an.say("thẻ bhyt")
    assert "4. Liên thông khai sinh" in out and "5. Gia hạn thẻ bảo hiểm y tế" in out
    assert "Ngày hướng dẫn" not in out
    out = await an.say("tạm trú")  # whole words of a procedure it has: said so
    assert "Hộ đã có Đăng ký tạm trú (ngày 15/04/2026)" in out
    # Its whole name (or the end of it no other procedure shares) is clear.
    out = await an.say("Liên thông khai sinh")
    assert "Ngày hướng dẫn" in out
    out = await an.say("1")
    assert "Đã thêm lần hướng dẫn này vào hộ đã có" in out
    assert "Liên thông khai sinh – thường trú" in out
    assert await _visit_entries(catalog, "Lê Văn Hùng") == [["KS", "TAMTRU"], ["LTKS"]]


async def test_the_add_dialog_asks_about_partial_procedure_words(catalog: Runtime) -> None:
    an = Chat(catalog, "an")
    await an.say("/them")
    await an.say("Lê Thị Mai")
    await an.say("Tổ 2 ấp Nhỏ")
    out = await an.say("0912 111 333")
    assert "thủ tục" in out
    out = await an.say("ly lich")  # only inside a name: asked
    assert "Chưa rõ «ly lich» là thủ tục nào, có thể là: 4. Cấp phiếu lý lịch tư pháp" in out
    out = await an.say("the bhyt")
    assert "6. Liên thông khai sinh" in out and "7. Gia hạn thẻ bảo hiểm y tế" in out
    out = await an.say("khai sinh, kết hôn")  # the end of one name each: clear
    assert "Mã hồ sơ" in out
    await an.say("bỏ qua")
    out = await an.say("1")
    assert "Đã lưu hộ" in out and "Đăng ký khai sinh; Đăng ký kết hôn" in out


_ITEM = re.compile(r"^(\d+)\. (?:\W+ )?(.+?)(?: – | · )", re.M)


def _items(chat: Chat) -> dict[int, str]:
    """The numbered households in the text of the question on screen (not its options)."""
    return {int(n): name for n, name in _ITEM.findall(chat.last[-1].text)}


async def _each_number_picks_its_item(chat: Chat, open_list: list[str], picked: str) -> int:
    """For every household numbered n in the list `open_list` leads to, typing n starts
    that household (`picked` names it); returns how many were numbered."""
    for message in open_list:
        await chat.say(message)
    items = _items(chat)
    assert items and sorted(items) == list(range(1, len(items) + 1)), items
    for n, name in items.items():
        for message in open_list:
            await chat.say(message)
        out = await chat.say(str(n))
        assert picked.format(name=name) in out, (n, name, out)
        await chat.say("/huy")
    return len(items)


async def test_the_numbers_in_the_text_are_the_numbers_typed(
    people: dict[str, Chat], runtime: Runtime
) -> None:
    an = people["an"]
    for i, given in enumerate(GIVEN[:6]):
        assert "Đã lưu hộ" in await an.say(f"Trương Văn {given}, Tổ 4 ấp Nhỏ, 0913 100 {i:03d}, 1")
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "NHO"))
        assert hamlet is not None
        lines = [
            RosterLine(i + 1, f"Phan Thị {given}", "Tổ 5 ấp Nhỏ", f"+8491320{i:04d}", f"R{i}")
            for i, given in enumerate(GIVEN[:3])
        ]
        await import_roster(
            session,
            hamlet=hamlet,
            lines=lines,
            source="ds.csv",
            fingerprint="e" * 64,
            actor_id=None,
            now=runtime.services.clock.now(),
        )
    # /chuahuongdan: 3 not guided (1–3), then 7 short of the prize: 4–8 on this message.
    out = await an.say("/chuahuongdan")
    assert "chưa đủ 2 thủ tục cho giải đặc biệt: 7 hộ (đang xem 5 hộ đầu)" in out
    assert "Xem thêm hộ chưa đủ thủ tục" in out
    shown = await _each_number_picks_its_item(an, ["/chuahuongdan"], "hộ {name}")
    assert shown == 8
    # The next page, on its own: numbered from 1 as its options are.
    await an.say("/chuahuongdan")
    out = await an.press("Xem thêm hộ chưa đủ thủ tục")
    assert "7 hộ (đang xem hộ thứ 6–7)" in out
    shown = await _each_number_picks_its_item(
        an, ["/chuahuongdan", "9"], "Thêm thủ tục cho hộ {name}"
    )
    assert shown == 2
    # /tim: 5 a page; the second page's households are 1 and 2, as their buttons.
    out = await an.say("/tim van")
    assert "7 hộ (đang xem 1–5)" in out
    assert await _each_number_picks_its_item(an, ["/tim van"], "Thêm thủ tục cho hộ {name}") == 5
    await an.say("/tim van")
    out = await an.press("Xem thêm")
    assert "đang xem 6–7" in out and "\n1. 👤 " in out and "6. 👤" not in out
    shown = await _each_number_picks_its_item(an, ["/tim van", "6"], "Thêm thủ tục cho hộ {name}")
    assert shown == 2
    # Who picks no household sees no numbers that a typed number would not pick.
    sup = people["vhxh"]
    out = await sup.say("/tim van")
    assert "• 👤 " in out and "1. 👤" not in out and "1. Xem thêm" in out
    out = await sup.say("/chuahuongdan NHO")
    assert "• Phan Thị An" in out and "1. Phan Thị An" not in out
    assert "1. Xem thêm hộ chưa đủ thủ tục" in out


async def test_cancelling_a_second_visit_keeps_the_household(people: dict[str, Chat]) -> None:
    an = people["an"]
    await an.say("/tim nguyen van hung")
    await an.press("Thêm thủ tục")
    out = await an.say("/huy")
    assert "Đã thôi thêm thủ tục cho hộ Nguyễn Văn Hùng; chưa lưu gì." in out
    assert "Nguyễn Văn Hùng" in await an.say("/tim nguyen van hung")


async def test_search_input_digits_entry_numbers_phrases_and_marks(
    people: dict[str, Chat], runtime: Runtime
) -> None:
    an = people["an"]
    # 4 digits or more search phones: from the start with the leading 0, else anywhere.
    out = await an.say("/tim 0912")
    assert "2 hộ" in out and "Nguyễn Văn Hùng" in out and "Trần Hùng Dũng" in out
    assert "Lê Văn Hùng Xa" not in out
    out = await an.say("/tim 345 679")
    assert "1 hộ" in out and "Trần Hùng Dũng" in out
    assert "Không tìm thấy" in await an.say("/tim 0988")  # another hamlet's: nothing
    out = await an.say("/tim 091")
    assert "Gõ ít nhất 4 chữ số" in out and "chữ cái" not in out.split("hoặc")[0]
    # An entry number: its household, within what the sender sees.
    out = await an.say("/tim nguyen van hung")
    hid = await _household_id(runtime, "Nguyễn Văn Hùng")
    async with runtime.services.sessions() as session:
        entry = await session.scalar(select(Entry.id).where(Entry.household_id == hid))
        other = await session.scalar(
            select(Entry.id).join(Household).where(Household.head_name == "Lê Văn Hùng Xa")
        )
    out = await an.say(f"/tim #{entry}")
    assert "1 hộ" in out and "Nguyễn Văn Hùng" in out
    for probe in (f"#{other}", "#999999"):
        out = await an.say(f"/tim {probe}")
        assert f"Không có mục {probe} trong Ấp Nhỏ" in out and "Lê Văn Hùng Xa" not in out
    # Typed without the slash, as the guide says.
    out = await an.say("tìm hùng dũng")
    assert "1 hộ" in out and "Trần Hùng Dũng" in out
    out = await an.say("Tìm hộ 0912 345 678")
    assert "Nguyễn Văn Hùng" in out
    # With marks: the names holding the word as typed come first.
    assert "Đã lưu hộ" in await an.say("Phạm Văn Hưng, Tổ 2 ấp Nhỏ, 0912 345 600, 1")
    out = await an.say("/tim Hưng")
    assert "3 hộ" in out
    assert out.index("Phạm Văn Hưng") < out.index("Nguyễn Văn Hùng")
    out = await an.say("/tim hùng")
    assert out.index("Nguyễn Văn Hùng") < out.index("Trần Hùng Dũng") < out.index("Phạm Văn Hưng")
    out = await an.say("/tim hung")  # without marks: by name
    assert out.index("Nguyễn Văn Hùng") < out.index("Phạm Văn Hưng")


async def test_mine_takes_a_day(runtime: Runtime) -> None:
    await make_user(runtime, external_id="lan", hamlet="BNA", name="Lê Thị Lan")
    lan = Chat(runtime, "lan")
    for i in range(5):
        day = "10/03" if i < 2 else "hôm nay"
        out = await lan.say(f"Phạm Văn {GIVEN[i]}, Tổ {i + 1}, 0913 000 {i:03d}, 1, {day}")
        assert "Đã lưu hộ" in out
    out = await lan.say("/cuatoi 15/04/2026")
    assert "3 mục khớp «15/04/2026»" in out and "Phạm Văn Cúc" in out and "Bình" not in out
    out = await lan.say("/cuatoi 10/3")  # a day of this year
    assert "2 mục khớp" in out and "Phạm Văn Bình" in out
    assert "2 mục khớp" in await lan.say("/cuatoi ngày 10-03-26")
    assert "3 mục khớp" in await lan.say("/cuatoi 4/26")  # month/year
    assert "Ngày «31/02/2026» không đúng" in await lan.say("/cuatoi 31/02/2026")
    assert "Không có mục nào" in await lan.say("/cuatoi 16/04/2026")
    out = await lan.say("/cuatoi 0913")
    assert "5 mục khớp" in out


async def test_cancel_after_a_search_says_the_household_kept_aside(
    people: dict[str, Chat],
) -> None:
    """/huy with only a search result open must not hide a household kept aside by /tim."""
    an = people["an"]
    asked = await an.say("Lê Văn Sáu; Tổ 9; 091234; 1")  # the phone is asked again
    assert "Số điện thoại" in asked
    await an.say("/tim nguyen")
    out = await an.say("/huy")
    assert "Còn 1 hộ đang nhập dở được giữ lại" in out and "/tiep" in out
    resumed = await an.say("/tiep")
    assert "Lê Văn Sáu" in resumed
