"""/lichsu (issue 21, item 3): a household's history for heads (their hamlet), supervisors
(their scope) and admins, from the audit log and the rows; the office's list of one
officer's changes. Pending spot-checks are the office's only; nothing crosses a hamlet (or
a commune); officers, strangers and groups see none of it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.engine.messages import PRIVATE, Attachment, Inbound
from models.checks import record_outcome
from models.households import Entry
from models.people import Role, User
from models.records import AuditEvent, Dialog
from models.registry import HouseholdInput, add_to_household
from models.sampling import Rule
from models.verification import Check, Outcome
from tests.support.campaign import make_user, raw_config
from tests.support.chat import Chat, entry_id
from tests.support.seed import TELEGRAM_IDS
from tests.support.telegram_fake import TelegramHarness, seeded_telegram, texts
from tests.support.verification import draw_batch

NAME = "Nguyễn Văn An"
AT_10 = datetime(2026, 4, 15, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam


class Story:
    """A BNA household: logged, visited again, edited, drawn and called, one entry deleted."""

    def __init__(self) -> None:
        self.first = 0
        self.second = 0
        self.check = 0


async def _at(clock: FixedClock, hour: int, minute: int = 0) -> None:
    clock.set(AT_10 + timedelta(hours=hour - 10, minutes=minute))


@pytest.fixture
async def story(runtime: Runtime, clock: FixedClock) -> Story:
    s = Story()
    officer = await make_user(runtime, external_id="bna1", hamlet="BNA", name="Trần Văn Siêng")
    await make_user(runtime, external_id="head", role=Role.HAMLET_HEAD, name="Trưởng Ấp Bãi Nhà")
    sup = await make_user(
        runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Phòng VH-XH"
    )
    await make_user(runtime, external_id="nho", hamlet="NHO", name="Phạm Văn Nhỏ")
    await make_user(runtime, external_id="head-nho", role=Role.HAMLET_HEAD, hamlet="NHO")
    chat = Chat(runtime, "bna1")
    await _at(clock, 10)
    out = await chat.say(f"{NAME}; Tổ 3, ấp Bãi Nhà A; 0912 345 678; 1")
    assert "Đã lưu hộ" in out
    s.first = entry_id(out)
    await _at(clock, 10, 30)
    async with runtime.services.sessions() as session, session.begin():
        hh = await session.scalar(select(Entry.household_id).where(Entry.id == s.first))
        assert hh is not None
        second = await add_to_household(
            session,
            household_id=hh,
            officer=officer,
            now=clock.now(),
            data=HouseholdInput("", "", "", ("TTRU",), "", date(2026, 4, 14)),
        )
        await session.flush()
        s.second = second.id
    await _at(clock, 11)
    assert s.first == entry_id(await chat.say(f"/sua {s.first}"))
    await chat.press("Sửa")
    await chat.press("Số điện thoại")
    await chat.say("0987 111 222")
    await chat.press("Sửa")
    await chat.press("Thủ tục")
    await chat.press("Đăng ký thường trú")  # one procedure on the console: it replaces
    assert f"Đã cập nhật mục #{s.first}" in await chat.press("Lưu")
    await _at(clock, 11, 30)
    await draw_batch(runtime, "seed-history", Rule("rate", rate=1.0), sup.id, ("BNA",))
    async with runtime.services.sessions() as session:
        s.check = int(await session.scalar(select(Check.id)) or 0)
    return s


async def _call(runtime: Runtime, clock: FixedClock, check_id: int) -> None:
    async with runtime.services.sessions() as session, session.begin():
        check = await session.get(Check, check_id)
        sup = await session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        assert check is not None and sup is not None
        await record_outcome(
            session,
            check=check,
            caller=sup,
            outcome=Outcome.CONFIRMED,
            now=clock.now(),
            note="hộ xác nhận",
            max_attempts=3,
            retry_after=timedelta(hours=1),
            lease=timedelta(minutes=30),
        )


async def test_a_heads_history_in_order_with_who_and_when(
    runtime: Runtime, clock: FixedClock, story: Story
) -> None:
    head, sup = Chat(runtime, "head"), Chat(runtime, "sup")
    # Drawn, not yet called: the office sees it, the hamlet does not.
    pending = await head.say("/lichsu nguyen van an")
    assert "kiểm tra" not in pending and "phiếu" not in pending
    office = await sup.say("/lichsu 0987111222")
    assert f"lượt #{story.first} được chọn vào danh sách kiểm tra" in office or (
        f"lượt #{story.second} được chọn vào danh sách kiểm tra" in office
    )
    await _at(clock, 12)
    await _call(runtime, clock, story.check)
    await _at(clock, 13)
    officer = Chat(runtime, "bna1")
    await officer.say(f"/xoa {story.second}")
    await officer.say("Hộ này đã chuyển đi nơi khác")
    assert f"Đã xóa mục #{story.second}" in await officer.press("Xóa")

    async with runtime.services.sessions() as session:
        checked = await session.get(Check, story.check)
        assert checked is not None
        drawn_entry = checked.entry_id
    out = await head.say("/lichsu nguyen van an")
    lines = out.strip().splitlines()
    assert lines[:3] == [
        f"📜 Lịch sử hộ {NAME}",
        "Tổ 3, ấp Bãi Nhà A · 0987 111 222 · Ấp Bãi Nhà A",
        "Lượt ghi nhận còn hiệu lực: 1",
    ]
    assert lines[3:] == [
        f"• 15/04/2026 10:00 · Trần Văn Siêng: ghi nhận lượt #{story.first} – Đăng ký khai "
        "sinh; ngày hướng dẫn 15/04/2026",
        f"• 15/04/2026 10:30 · Trần Văn Siêng: ghi nhận lượt #{story.second} – Đăng ký thường "
        "trú; ngày hướng dẫn 14/04/2026",
        "• 15/04/2026 11:00 · Trần Văn Siêng: sửa thông tin hộ: Số điện thoại: 0912 345 678 → "
        "0987 111 222",
        f"• 15/04/2026 11:00 · Trần Văn Siêng: sửa lượt #{story.first}: Thủ tục: Đăng ký khai "
        "sinh → Đăng ký thường trú",
        f"• 15/04/2026 12:00 · Phòng VH-XH: kiểm tra lượt #{drawn_entry}: Đã xác nhận – ghi "
        "chú: hộ xác nhận",
        f"• 15/04/2026 13:00 · Trần Văn Siêng: xóa lượt #{story.second} – lý do: Hộ này đã "
        "chuyển đi nơi khác",
    ]
    # The office sees the draw too, between the edit and the call.
    office = await sup.say(f"/lichsu #{story.first}")
    assert "• 15/04/2026 11:30 · Phòng VH-XH: lượt #" in office
    assert office.index("11:30") < office.index("12:00 · Phòng VH-XH: kiểm tra")


async def test_an_undo_is_told_from_a_deletion(runtime: Runtime, story: Story) -> None:
    officer = Chat(runtime, "bna1")
    out = await officer.say("Lê Thị Hoàn; Tổ 5; 0912 000 555; 1")
    undone = entry_id(out)
    assert f"#{undone}" in await officer.press("Hoàn tác")
    history = await Chat(runtime, "head").say("/lichsu Hoàn")
    assert f"Trần Văn Siêng: hoàn tác lượt #{undone} (xóa ngay sau khi lưu)" in history
    assert "Lượt ghi nhận còn hiệu lực" not in history
    assert "Không còn lượt ghi nhận nào còn hiệu lực" in history


async def test_officers_strangers_and_other_hamlets_see_nothing(
    runtime: Runtime, story: Story
) -> None:
    for who in ("bna1", "nho"):
        out = await Chat(runtime, who).say("/lichsu nguyen van an")
        assert "dành cho trưởng ấp và cán bộ giám sát" in out and NAME not in out
    other_head = Chat(runtime, "head-nho")
    for query in ("nguyen van an", "0987 111 222", "+84987111222", f"#{story.first}", "An"):
        out = await other_head.say(f"/lichsu {query}")
        assert "Không tìm thấy hộ nào" in out, query
        # Only the query typed is repeated: no address, officer or history of the household.
        assert "Tổ 3" not in out and "Siêng" not in out and "Lịch sử hộ" not in out
    assert "dành cho cán bộ giám sát" in await other_head.say("/lichsu canbo Siêng")
    stranger = await Chat(runtime, "stranger").say("/lichsu nguyen van an")
    assert NAME not in stranger and "chưa được đăng ký" in stranger


async def test_several_matches_are_buttons_checked_again_when_pressed(
    runtime: Runtime, story: Story
) -> None:
    officer = Chat(runtime, "bna1")
    assert "Đã lưu hộ" in await officer.say("Nguyễn Thị An; Tổ 4; 0912 000 444; 2")
    head = Chat(runtime, "head")
    out = await head.say("/lichsu an")
    assert "Có 2 hộ khớp «an»" in out
    out = await head.press("Nguyễn Thị An")
    assert "📜 Lịch sử hộ Nguyễn Thị An" in out and "Nguyễn Văn An" not in out
    # A stale pick (the head moved to another hamlet since) is refused, politely.
    await head.say("/lichsu an")
    async with runtime.services.sessions() as session, session.begin():
        nho = await session.scalar(
            select(User.hamlet_id).where(User.display_name == "Phạm Văn Nhỏ")
        )
        await session.execute(
            update(User).where(User.display_name == "Trưởng Ấp Bãi Nhà").values(hamlet_id=nho)
        )
    out = await head.press("Nguyễn Văn An")
    assert "không còn hiệu lực" in out and "Tổ 3" not in out
    # Junk: unknown names, an option number that is not offered.
    assert "Không tìm thấy hộ nào khớp «xyz»" in await head.say("/lichsu xyz")
    usage = await head.say("/lichsu")
    assert "/lichsu Nguyễn Văn An" in usage and "canbo" not in usage


async def test_a_commune_supervisor_sees_only_the_commune(
    settings: Settings, clock: FixedClock, tmp_path: Path
) -> None:
    hamlets = [
        {"code": "HT1", "name": "Ấp Bãi Bấc", "households": 40, "unit": "Xã Hòn Tre"},
        {"code": "LS1", "name": "Ấp Bãi Nhà B", "households": 20, "unit": "Xã Lại Sơn"},
    ]
    rt = build_runtime(
        parse_settings(
            raw_config(tmp_path, hamlets=hamlets, database={"url": settings.database_url}),
            tmp_path,
        ),
        clock,
    )
    try:
        await sync_from_config(rt)
        ids = {}
        for code, name, phone in (
            ("HT1", "Lê Văn Cường", "0912100001"),
            ("LS1", "Lê Văn Dũng", "0912200001"),
        ):
            await make_user(rt, external_id=f"o-{code}", hamlet=code, name=f"Cán Bộ {code}")
            out = await Chat(rt, f"o-{code}").say(f"{name}; Tổ 1; {phone}; 1")
            ids[code] = entry_id(out)
        await make_user(rt, external_id="ls", role=Role.SUPERVISOR, hamlet=None, name="GS Lại Sơn")
        await make_user(rt, external_id="zone", role=Role.SUPERVISOR, hamlet=None, name="Zone")
        async with rt.services.sessions() as session, session.begin():
            await session.execute(
                update(User).where(User.display_name == "GS Lại Sơn").values(unit="Xã Lại Sơn")
            )
        ls = Chat(rt, "ls")
        for query in ("le van", "Cường", "0912 100 001", f"#{ids['HT1']}"):
            out = await ls.say(f"/lichsu {query}")
            assert "Lịch sử hộ Lê Văn Cường" not in out and "Ấp Bãi Bấc" not in out, query
            assert "Cán Bộ HT1" not in out and "Có 2 hộ" not in out, query
        assert "Lê Văn Dũng" in await ls.say("/lichsu le van")
        assert "Không tìm thấy cán bộ" in await ls.say("/lichsu canbo Cán Bộ HT1")
        assert "Cán Bộ LS1" in await ls.say("/lichsu canbo Cán Bộ LS1")
        zone = await Chat(rt, "zone").say("/lichsu le van")
        assert "Có 2 hộ khớp" in zone and "Ấp Bãi Bấc" in zone and "Ấp Bãi Nhà B" in zone
    finally:
        await rt.close()


async def test_the_office_lists_an_officers_changes_page_by_page(
    runtime: Runtime, clock: FixedClock, story: Story
) -> None:
    async with runtime.services.sessions() as session, session.begin():
        officer = await session.scalar(select(User).where(User.display_name == "Trần Văn Siêng"))
        hh = await session.scalar(select(Entry.household_id).where(Entry.id == story.first))
        assert officer is not None and hh is not None
        for i in range(9):
            clock.set(AT_10 + timedelta(hours=5, minutes=i))
            await add_to_household(
                session,
                household_id=hh,
                officer=officer,
                now=clock.now(),
                data=HouseholdInput("", "", "", ("KS",), "", date(2026, 4, 1 + i)),
            )
    sup = Chat(runtime, "sup")
    out = await sup.say("/lichsu canbo Siêng")
    lines = out.strip().splitlines()
    assert lines[0] == "🧾 Thay đổi gần đây của Trần Văn Siêng (mới nhất trước, trang 1):"
    assert lines[1].startswith("• 15/04/2026 15:08 · ghi mới lượt #")
    assert f"{NAME} (Ấp Bãi Nhà A): Đăng ký khai sinh" in lines[1]
    assert len([x for x in lines if x.startswith("• ")]) == 10
    # The tenth: the edit at 11:00 of the entry (after the household's, in the same second).
    assert lines[10] == (
        f"• 15/04/2026 11:00 · sửa lượt #{story.first} – {NAME} (Ấp Bãi Nhà A): Thủ tục: "
        "Đăng ký khai sinh → Đăng ký thường trú"
    )
    out = await sup.press("Xem thêm")
    lines = out.strip().splitlines()
    assert lines[0].endswith("trang 2):")
    assert lines[1] == (
        f"• 15/04/2026 11:00 · sửa thông tin hộ {NAME} (Ấp Bãi Nhà A): Số điện thoại: "
        "0912 345 678 → 0987 111 222"
    )
    assert lines[2].startswith(f"• 15/04/2026 10:30 · ghi mới lượt #{story.second}")
    assert lines[-1].startswith(f"• 15/04/2026 10:00 · ghi mới lượt #{story.first}")
    assert "Xem thêm" not in out
    assert "Không tìm thấy cán bộ nào tên «Không Ai»" in await sup.say("/lichsu canbo Không Ai")
    assert "/lichsu canbo" in await sup.say("/lichsu canbo")


async def test_nothing_is_stored_by_reading(runtime: Runtime, story: Story) -> None:
    async with runtime.services.sessions() as session:
        before = await session.scalar(select(func.count()).select_from(AuditEvent))
    head = Chat(runtime, "head")
    await head.say("/lichsu nguyen van an")
    await head.say("/lichsu xyz")
    await Chat(runtime, "sup").say("/lichsu canbo Siêng")
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(AuditEvent)) == before
        assert await session.scalar(select(func.count()).select_from(Dialog)) == 0


HEAD = int(TELEGRAM_IDS["head"])
OFFICER = int(TELEGRAM_IDS["bna1"])


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    async with seeded_telegram(runtime) as harness:
        yield harness


async def test_history_on_telegram_buttons_groups_and_forged_presses(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    sent = await tg.say(HEAD, "/lichsu nguyen")
    labels = [label for label, _ in sent[-1].buttons]
    assert labels == ["Nguyễn Thị Hai – Tổ 1, BNA", "Nguyễn Văn Một – Tổ 1, BNA"]
    out = texts(await tg.press(HEAD, "Nguyễn Văn Một"))
    assert "📜 Lịch sử hộ Nguyễn Văn Một" in out
    assert "Lượt ghi nhận còn hiệu lực: 2" in out
    assert "Trần Văn Siêng: ghi nhận lượt #" in out and "ngày hướng dẫn 02/03/2026" in out
    assert "ngày hướng dẫn 14/04/2026" in out
    out = texts(await tg.say(HEAD, "/lichsu ghi nham"))
    assert "xóa lượt #" in out and "lý do: ghi nhầm" in out
    # A forged button (a value never offered, another household's id) changes nothing.
    sent = await tg.say(HEAD, "/lichsu nguyen")
    step = sent[-1].buttons[0][1].split(":")[0]
    out = texts(await tg.press_data(HEAD, f"{step}:h:1", sent[-1].message_id))
    assert "Hộ Nhỏ" not in out and "không còn hiệu lực" in out
    # In a group, nothing but a pointer to a private chat.
    before = len(tg.state.sent)
    await tg.push(tg.message_update(HEAD, "/lichsu nguyen", chat_id=-100123, chat_type="group"))
    group = texts(tg.state.sent[before:])
    assert "nhắn riêng" in group and "Nguyễn" not in group
    officer = texts(await tg.say(OFFICER, "/lichsu nguyen"))
    assert "dành cho trưởng ấp" in officer and "Nguyễn Văn Một" not in officer


async def _photo(runtime: Runtime, user: str, data: bytes, entry: int) -> str:
    """A photo without caption from the console's user, attached to their entry `entry`."""
    replies = await runtime.core.handle(
        Inbound(
            channel="console",
            user_id=user,
            chat_id=user,
            chat_type=PRIVATE,
            text="",
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment("anh.jpg", data, photo=True),
        )
    )
    labels = [o.label for o in replies[-1].options]
    number = next(i for i, label in enumerate(labels, 1) if label.startswith(f"#{entry} "))
    return await Chat(runtime, user).say(str(number))


async def test_receipts_attached_viewed_and_purged(
    runtime: Runtime, clock: FixedClock, story: Story
) -> None:
    """Receipts are in the history: who attached how many to which entry, the office's
    views (the office only: a view from a call card would tell of the check) and /xoatep
    with who, when and the reason."""
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"history-photo-" * 100 + b"\xff\xd9"
    pdf = b"%PDF-1.4\n" + b"receipt " * 100 + b"\n%%EOF"
    await _at(clock, 14)
    assert f"Đã gắn 1 ảnh vào mục #{story.first}" in await _photo(
        runtime, "bna1", jpeg, story.first
    )
    await _at(clock, 14, 10)
    assert f"Đã gắn 1 tệp PDF vào mục #{story.first}" in await _photo(
        runtime, "bna1", pdf, story.first
    )
    await _at(clock, 14, 30)
    head, sup = Chat(runtime, "head"), Chat(runtime, "sup")
    assert "Biên nhận của mục" in await head.say(f"/tep {story.first}")
    await _at(clock, 15)
    await sup.say(f"/xoatep {story.first} ảnh chụp nhầm giấy tờ")
    assert "Đã xóa" in await sup.press("Xóa hẳn")

    out = await head.say("/lichsu nguyen van an")
    assert (
        f"• 15/04/2026 14:00 · Trần Văn Siêng: gắn 1 ảnh biên nhận vào lượt #{story.first}" in out
    )
    assert (
        f"• 15/04/2026 14:10 · Trần Văn Siêng: gắn 1 tệp PDF biên nhận vào lượt #{story.first}"
        in out
    )
    assert (
        f"• 15/04/2026 15:00 · Phòng VH-XH: xóa hẳn 1 ảnh, 1 tệp PDF biên nhận của lượt "
        f"#{story.first} – lý do: ảnh chụp nhầm giấy tờ" in out
    )
    assert "xem " not in out  # views are the office's
    office = await sup.say("/lichsu nguyen van an")
    assert (
        f"• 15/04/2026 14:30 · Trưởng Ấp Bãi Nhà: xem 1 ảnh, 1 tệp PDF biên nhận của lượt "
        f"#{story.first}" in office
    )
    # Another hamlet's head still finds nothing.
    assert "Không tìm thấy hộ nào" in await Chat(runtime, "head-nho").say("/lichsu nguyen van an")
