"""Finding a household (/tim, a phone number alone) and a second visit in two taps
(«➕ Thêm thủ tục»): what an officer, a head, a supervisor and a stranger see; the special
prize's count moving; /chuahuongdan's households short of the prize; /cuatoi's pages and
filters, /sua's pages; junk, stale and forged input answered politely with nothing stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.engine.messages import Reply
from models.campaign import Hamlet
from models.households import Entry, Household
from models.people import Role, User
from models.records import AuditEvent
from models.roster import RosterLine, import_roster
from tests.support.campaign import LONG_AGO, make_user, raw_config
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
    assert "Chưa có hộ nào với số 0977 000 999" in out  # as typed


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
    assert "Nguyễn Văn Hùng – Tổ 3 ấp Nhỏ – ☎️ 0912 345 678 (đã có 1, cần thêm 1)" in out
    assert "Trần Hùng Dũng –" not in out.split("giải đặc biệt")[1]  # has both already
    out = await an.press("➕ 1. Nguyễn Văn Hùng")
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
