"""/thongbaochung: the office's announcement reaches exactly the officers/heads it names,
once each (a second run, a restart), on the app each used last, paced under Telegram's
limit; the sender gets the tally (blocked recipients counted); commune supervisors stay in
their commune; officers and heads are refused; junk and stale or forged buttons store
nothing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.clock import FixedClock
from bot.config import Settings
from bot.notify import Notifier
from bot.runtime import Runtime
from models.announcements import ANNOUNCE_KIND, REPORT_KIND, Announcement
from models.notifications import Notification
from models.people import Identity, Role, User
from models.records import AuditEvent, Dialog
from tests.support.both_channels import running_both
from tests.support.campaign import make_user
from tests.support.chat import Chat
from tests.support.communes import two_communes
from tests.support.notify import Recorder
from tests.support.seed import TELEGRAM_IDS, seed
from tests.support.telegram_fake import (
    FakeApiState,
    Sent,
    TelegramHarness,
    seeded_telegram,
    texts,
)

SUP = int(TELEGRAM_IDS["sup"])
HEAD = int(TELEGRAM_IDS["head"])  # head of BNA
BNA1 = int(TELEGRAM_IDS["bna1"])
BNA2 = int(TELEGRAM_IDS["bna2"])
OTHERS = {int(TELEGRAM_IDS[k]) for k in ("nho", "l364", "l365", "l366")}
TEXT = "Họp giao ban lúc 8 giờ sáng thứ Hai.\nMang theo sổ ghi chép."


async def wait_for(condition: Callable[[], bool], limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


def announced(state: FakeApiState) -> list[Sent]:
    return [s for s in state.sent if s.text.startswith("📢 Thông báo của Phòng VH-XH")]


def reports(state: FakeApiState) -> list[Sent]:
    return [s for s in state.sent if s.text.startswith("📊 Kết quả thông báo")]


async def until(counted: Callable[[], Awaitable[int]], wanted: int, limit: float = 10) -> None:
    """Wait until the database counts `wanted` (a send is recorded after it went out)."""
    deadline = time.monotonic() + limit
    while await counted() < wanted:
        assert time.monotonic() < deadline, "not recorded in time"
        await asyncio.sleep(0.02)


async def finished(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        found = await session.scalar(
            select(func.count())
            .select_from(Announcement)
            .where(Announcement.finished_at.is_not(None))
        )
    return int(found or 0)


async def settled_sent(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        found = await session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.kind == ANNOUNCE_KIND, Notification.status == "sent")
        )
    return int(found or 0)


async def count(runtime: Runtime, model: type) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def announce_on_telegram(
    tg: TelegramHarness, *, who: str, where: str, text: str = TEXT
) -> list[Sent]:
    """The supervisor's whole dialog, by buttons."""
    out = await tg.say(SUP, "/thongbaochung")
    assert "gửi cho ai" in texts(out)
    await tg.press(SUP, who)
    await tg.press(SUP, where)
    preview = await tg.say(SUP, text)
    assert "Xem trước" in texts(preview)
    return preview + await tg.press(SUP, "Gửi")


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    async with seeded_telegram(runtime) as harness:
        yield harness


async def test_officers_of_one_hamlet_get_it_once_and_the_sender_the_tally(
    runtime: Runtime, tg: TelegramHarness
) -> None:
    state = tg.state
    out = await announce_on_telegram(tg, who="Cán bộ ấp", where="Ấp Bãi Nhà A")
    preview = texts(out)
    # What they will see, with the line break kept, and how many it reaches.
    assert "📢 Thông báo của Phòng VH-XH (Phòng Văn hóa Xã hội, 15/04/2026)" in preview
    assert "8 giờ sáng thứ Hai.\nMang theo" in preview
    # Only the audience chosen is counted (no "0 trưởng ấp" for an officers' announcement).
    assert "Gửi cho cán bộ ấp, Ấp Bãi Nhà A: 2 cán bộ ấp ở 1 ấp" in preview
    assert "trưởng ấp)" not in preview
    assert "Đã nhận thông báo #1: đang gửi cho 2 người" in preview

    # Woken by the commit: sent now, not at the next periodic run.
    await wait_for(lambda: len(reports(state)) == 1)
    await until(lambda: finished(runtime), 1)
    assert sorted(s.chat_id for s in announced(state)) == [BNA1, BNA2]
    assert HEAD not in {s.chat_id for s in announced(state)}
    assert not OTHERS & {s.chat_id for s in announced(state)}
    assert announced(state)[0].text.endswith(TEXT)
    report = reports(state)[0]
    assert report.chat_id == SUP
    assert "✅ Đã nhận: 2" in report.text and "🚫 Đã chặn bot, không nhận được: 0" in report.text

    # The periodic run again, then a restart with its catch-up: nothing more goes out.
    assert await tg.channel.notifier().tick() == 0
    await tg.stop()
    again = TelegramHarness(runtime, state, schedule=True)
    await again.start()
    try:
        assert again.scheduler is not None
        assert again.scheduler.get_job("announce-reports") is not None
        await asyncio.sleep(1.5)  # past the catch-up run (1 s after start)
        assert await again.channel.notifier().tick() == 0
    finally:
        await again.stop()
    await tg.start()  # the fixture stops it
    assert len(announced(state)) == 2 and len(reports(state)) == 1

    async with runtime.services.sessions() as session:
        ann = (await session.scalars(select(Announcement))).one()
        rows = list(await session.scalars(select(Notification)))
        audit = list(
            await session.scalars(select(AuditEvent).where(AuditEvent.target == "announcement"))
        )
    assert ann.finished_at is not None and ann.audience == "officers"
    assert sorted((r.kind, r.status) for r in rows) == [
        (ANNOUNCE_KIND, "sent"),
        (ANNOUNCE_KIND, "sent"),
        (REPORT_KIND, "sent"),
    ]
    # Audited: who sent it and to how many; the tally at the end; no recipient named.
    assert [a.action for a in audit] == ["announce", "announce_result"]
    assert audit[0].after is not None and audit[0].after["recipients"] == 2
    assert audit[1].after is not None and audit[1].after["delivered"] == 2
    assert "Siêng" not in str([a.after for a in audit])


async def test_a_blocked_recipient_is_reported_as_blocked(
    runtime: Runtime, tg: TelegramHarness
) -> None:
    state = tg.state
    state.errors[BNA2] = [(403, "Forbidden: bot was blocked by the user", None)]
    await announce_on_telegram(tg, who="Cả cán bộ", where="Ấp Bãi Nhà A")
    await wait_for(lambda: len(reports(state)) == 1)
    await until(lambda: finished(runtime), 1)
    assert sorted(s.chat_id for s in announced(state)) == [HEAD, BNA1]
    report = reports(state)[0].text
    assert "✅ Đã nhận: 2" in report and "🚫 Đã chặn bot, không nhận được: 1" in report
    assert "❌ Gửi lỗi: 0" in report
    results = texts(await tg.say(SUP, "/thongbaochung ketqua"))
    assert "#1 · 15/04/2026 · Phòng Văn hóa Xã hội → cán bộ và trưởng ấp, Ấp Bãi Nhà A" in results
    assert "(đã gửi xong)" in results and "🚫 Đã chặn bot, không nhận được: 1" in results
    async with runtime.services.sessions() as session:
        blocked = await session.scalar(
            select(Identity.blocked_at).where(Identity.external_id == str(BNA2))
        )
    assert blocked is not None

    # A second announcement: the one who blocked the bot is counted at once, not tried.
    await announce_on_telegram(tg, who="Cả cán bộ", where="Ấp Bãi Nhà A", text="Lần hai.")
    await wait_for(lambda: len(reports(state)) == 2)
    assert "🚫 Đã chặn bot, không nhận được: 1" in reports(state)[1].text
    assert state.refused == [(BNA2, 403)]


async def test_a_big_announcement_is_paced_under_telegrams_limit(
    runtime: Runtime, tg: TelegramHarness
) -> None:
    for i in range(40):
        await make_user(
            runtime,
            external_id=str(8000 + i),
            hamlet="BNA" if i % 2 else "NHO",
            name=f"Cán Bộ {i}",
            channel="telegram",
        )
    state = tg.state
    # Two announcements confirmed back to back: their sends run side by side.
    await announce_on_telegram(tg, who="Cán bộ ấp", where="Ấp Bãi Nhà A", text="Một.")
    await announce_on_telegram(tg, who="Cả cán bộ", where="Tất cả", text="Hai.")
    await wait_for(lambda: len(reports(state)) == 2, limit=30)
    times = sorted(s.at for s in announced(state))
    assert len(times) == 22 + 47
    # Telegram allows about 30 messages a second overall; the limiter spaces them evenly.
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= 30
    # Evenly: not a burst and then a wait (telegram.messages_per_second, 25 by default).
    rate = runtime.settings.telegram.messages_per_second
    assert times[-1] - times[0] >= (len(times) - 1) / rate * 0.9


async def test_refused_for_officers_and_heads(runtime: Runtime) -> None:
    await make_user(runtime, external_id="cb", role=Role.OFFICER)
    await make_user(runtime, external_id="ta", role=Role.HAMLET_HEAD)
    for who in ("cb", "ta"):
        chat = Chat(runtime, who)
        for command in ("/thongbaochung", "/announce", "/thongbaochung ketqua"):
            assert "dành cho cán bộ giám sát" in await chat.say(command)
    assert await count(runtime, Announcement) == 0
    assert await count(runtime, Dialog) == 0


async def test_nobody_to_reach_is_said_before_the_preview(runtime: Runtime) -> None:
    await make_user(runtime, external_id="gs", role=Role.SUPERVISOR, hamlet=None)
    await make_user(runtime, external_id="cb", role=Role.OFFICER, hamlet="BNA")
    chat = Chat(runtime, "gs")
    await chat.say("/thongbaochung Họp giao ban sáng thứ Hai.")
    await chat.press("Trưởng ấp")
    said = await chat.press("Tất cả")
    # No head anywhere: said at once, and the audience asked again (the text kept).
    assert "Chưa có trưởng ấp nào dùng bot được ở tất cả các ấp" in said
    assert "gửi cho ai?" in said and "Xem trước" not in said
    await chat.press("Cán bộ ấp")
    preview = await chat.press("Tất cả")
    assert "Xem trước" in preview and "Họp giao ban sáng thứ Hai." in preview
    assert "Đã hủy" in await chat.press("Hủy")
    assert await count(runtime, Announcement) == 0
    assert await count(runtime, Dialog) == 0


async def test_a_hamlet_with_nobody_is_said_before_the_text_is_typed(runtime: Runtime) -> None:
    """Issue 20 follow-up, item 6: the text was typed and then lost ("Không có ai để gửi")."""
    await make_user(runtime, external_id="gs", role=Role.SUPERVISOR, hamlet=None)
    await make_user(runtime, external_id="cb", role=Role.OFFICER, hamlet="BNA")
    chat = Chat(runtime, "gs")
    await chat.say("/thongbaochung")
    await chat.press("Cán bộ ấp")
    said = await chat.press("Ấp Nhỏ")
    assert "Chưa có cán bộ ấp nào dùng bot được ở Ấp Nhỏ" in said
    assert "chọn ấp khác" in said and "Gửi cho cán bộ ấp ở đâu?" in said
    assert "gõ nội dung" not in said
    # Typed by name without "Ấp", without marks: taken.
    out = await chat.say("bai nha a")
    assert "gõ nội dung thông báo" in out and "tối đa 2.000 ký tự" in out
    preview = await chat.say("Họp giao ban.")
    assert "Gửi cho cán bộ ấp, Ấp Bãi Nhà A: 1 cán bộ ấp ở 1 ấp" in preview
    assert await count(runtime, Announcement) == 0


HON_TRE = [("HT1", "Ấp Bãi Bấc"), ("HT2", "Ấp Bãi Nhà"), ("HT3", "Ấp Hòn Ngang")]
LAI_SON = [("LS1", "Ấp Bãi Nhà B"), ("LS2", "Ấp Bãi Giếng")]


@pytest.fixture
async def province(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Runtime]:
    """Two communes; a supervisor bound to Hòn Tre; an officer in HT1, HT2 and LS1."""
    rt = await two_communes(settings, clock, tmp_path, hon_tre=HON_TRE, lai_son=LAI_SON)
    for code in ("HT1", "HT2", "LS1"):
        await make_user(rt, external_id=code.lower(), hamlet=code, name=f"Cán Bộ {code}")
    sup = await make_user(
        rt, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Giám Sát Hòn Tre"
    )
    await make_user(rt, external_id="all", role=Role.SUPERVISOR, hamlet=None, name="Giám Sát")
    async with rt.services.sessions() as session, session.begin():
        await session.execute(update(User).where(User.id == sup.id).values(unit="Xã Hòn Tre"))
    yield rt
    await rt.close()


async def test_a_commune_supervisor_stays_in_the_commune(province: Runtime) -> None:
    sup = Chat(province, "sup")
    await sup.say("/thongbaochung")
    where = await sup.press("Cán bộ ấp")
    assert "Tất cả các ấp của Xã Hòn Tre" in where
    assert "Ấp Bãi Bấc" in where and "Ấp Hòn Ngang" in where
    assert "Ấp Bãi Nhà B" not in where and "Ấp Bãi Giếng" not in where
    # Another commune's hamlet, by code or by name: not offered, not taken.
    for typed in ("LS1", "Ấp Bãi Nhà B", "ap bai gieng"):
        out = await sup.say(typed)
        assert "không có ấp" in out.casefold() and "chọn lại" in out, out
    out = await sup.press("Tất cả các ấp của Xã Hòn Tre")
    assert "gõ nội dung thông báo" in out
    preview = await sup.say("Nộp báo cáo tháng trước ngày 25.")
    assert "các ấp của Xã Hòn Tre: 2 cán bộ ấp ở 2 ấp" in preview
    assert "Đã nhận thông báo #1" in await sup.press("Gửi")

    recorder = Recorder()
    notifier = Notifier(province.services, "console", recorder)
    assert await notifier.run_announcements() == 2
    assert sorted(who for who, _ in recorder.sent[:2]) == ["ht1", "ht2"]
    # Everyone has an outcome: the tally goes to the sender, on the app they used.
    assert recorder.to("sup") and "✅ Đã nhận: 2" in recorder.to("sup")[0]
    assert await notifier.run_announcements() == 0
    assert len(recorder.sent) == 3

    # The unbound supervisor's "every hamlet" is every commune's; their list shows all,
    # the commune supervisor's list only their commune's.
    everyone = Chat(province, "all")
    await everyone.say("/thongbaochung Họp toàn huyện.")
    listed = await everyone.press("Cán bộ ấp")
    # The hamlets by name, as they are shown (not by code: HT1, HT2, HT3, LS1, LS2).
    names = ["Ấp Bãi Bấc", "Ấp Bãi Giếng", "Ấp Bãi Nhà\n", "Ấp Bãi Nhà B", "Ấp Hòn Ngang"]
    places = [listed.index(n) for n in names]
    assert places == sorted(places), listed
    preview = await everyone.press("Tất cả các ấp")
    assert "3 cán bộ ấp ở 3 ấp" in preview
    await everyone.press("Gửi")
    await everyone.say("/thongbaochung")
    await everyone.press("Cán bộ ấp")
    await everyone.press("Ấp Bãi Nhà B")
    await everyone.say("Riêng ấp Bãi Nhà B.")
    await everyone.press("Gửi")
    assert await notifier.run_announcements() == 4
    assert [who for who, _ in recorder.sent[3:]].count("ls1") == 2
    mine = await sup.say("/thongbaochung ketqua")
    assert "#1 ·" in mine and "#2 ·" not in mine and "#3 ·" not in mine
    theirs = await everyone.say("/thongbaochung ketqua")
    assert "#1 ·" in theirs and "#2 ·" in theirs and "#3 ·" in theirs


async def test_bad_input_is_answered_and_nothing_is_stored_half_way(
    runtime: Runtime, tg: TelegramHarness
) -> None:
    out = texts(await tg.say(SUP, "/thongbaochung"))
    assert "gửi cho ai" in out
    assert "nói gì" not in texts(await tg.say(SUP, "xin chào"))  # not a choice: asked again
    await tg.press(SUP, "Trưởng ấp")
    # A forged button: a value that was never offered, then one of an old question.
    step_where = tg.state.sent[-1]
    assert "Gửi cho trưởng ấp ở đâu" in step_where.text
    forged = texts(await tg.press_data(SUP, "3:XYZ", step_where.message_id))
    assert "không còn hiệu lực" in forged and "ở đâu" in forged
    await tg.press(SUP, "Ấp Bãi Nhà A")
    assert "không còn hiệu lực" in texts(
        await tg.press_data(SUP, step_where.buttons[0][1], step_where.message_id)
    )
    # Empty and too long texts: said so, asked again.
    assert "Chưa có nội dung" in texts(await tg.say(SUP, "   "))
    too_long = texts(await tg.say(SUP, "Rất dài. " * 250))
    assert "dài 2.249 ký tự, quá mức 2.000 ký tự" in too_long and "gõ nội dung" in too_long
    preview = await tg.say(SUP, "Nội dung đúng.")
    assert "1 trưởng ấp ở 1 ấp" in texts(preview)
    assert "Anh/chị chọn «Gửi»" in texts(await tg.say(SUP, "để tôi nghĩ đã"))
    # Edit the text, then cancel: nothing stored.
    await tg.press(SUP, "Sửa nội dung")
    await tg.say(SUP, "Nội dung mới.")
    assert "Đã hủy, chưa gửi" in texts(await tg.press(SUP, "Hủy"))
    assert await count(runtime, Announcement) == 0
    assert await count(runtime, Dialog) == 0

    # Confirmed once; the same "Gửi" pressed again is stale: still one announcement.
    await tg.say(SUP, "/thongbaochung")
    await tg.press(SUP, "Trưởng ấp")
    await tg.press(SUP, "Ấp Bãi Nhà A")
    preview = await tg.say(SUP, "Nội dung mới.")
    send = next(data for label, data in preview[-1].buttons if "Gửi" in label)
    assert "Đã nhận thông báo #1" in texts(await tg.press_data(SUP, send, preview[-1].message_id))
    assert "không còn hiệu lực" in texts(await tg.press_data(SUP, send, preview[-1].message_id))
    # The same text to the same people again today: not a second announcement.
    dup = await announce_on_telegram(
        tg, who="Trưởng ấp", where="Ấp Bãi Nhà A", text="Nội dung mới."
    )
    assert "đã gửi hôm nay lúc 10:00 (#1)" in texts(dup)
    assert await count(runtime, Announcement) == 1
    await wait_for(lambda: len(reports(tg.state)) == 1)
    assert [s.chat_id for s in announced(tg.state)] == [HEAD]


LINKED_TG, LINKED_ZALO = 4242, "f00dfeedcafe42"
ZALO_ONLY = "beefcafe0001"
TG_ONLY = 4343


async def test_on_both_apps_each_person_gets_it_once_where_they_wrote_last(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(
        runtime, external_id=str(SUP), role=Role.SUPERVISOR, hamlet=None, channel="telegram"
    )
    linked = await make_user(runtime, external_id=str(LINKED_TG), channel="telegram")
    async with runtime.services.sessions() as session, session.begin():
        session.add(
            Identity(
                user_id=linked.id, channel="zalo", external_id=LINKED_ZALO, created_at=clock.now()
            )
        )
    await make_user(runtime, external_id=str(TG_ONLY), channel="telegram")
    await make_user(runtime, external_id=ZALO_ONLY, channel="zalo")
    async with running_both(settings, clock) as (tg, zalo, running):
        state, fake = tg.state, zalo.fake
        await zalo.user(LINKED_ZALO).say("/tiendo")  # Zalo is where they are now
        await announce_on_telegram(tg, who="Cán bộ ấp", where="Ấp Bãi Nhà A")

        def on_zalo() -> list[str]:
            return [s.chat_id for s in fake.sent if s.text.startswith("📢 Thông báo")]

        await wait_for(lambda: len(announced(state)) == 1 and len(on_zalo()) == 2)
        assert [s.chat_id for s in announced(state)] == [TG_ONLY]
        assert sorted(on_zalo()) == sorted([LINKED_ZALO, ZALO_ONLY])
        # If Zalo sent the last one, the tally waits for Telegram's run (the scheduler's
        # minute job): run it as the scheduler would. Zalo's outcomes are recorded after its
        # fake answered; until they are, the tally is not final and a run sends nothing.
        deadline = time.monotonic() + 10.0
        while not reports(state) and time.monotonic() < deadline:
            await running.channels["telegram"].notifier().run_announcement_reports()
            await asyncio.sleep(0.02)
        assert len(reports(state)) == 1
        assert "✅ Đã nhận: 3" in reports(state)[0].text
        # Both apps' periodic runs again: nothing more.
        for name in ("telegram", "zalo"):
            assert await running.channels[name].notifier().tick() == 0
    assert len(announced(state)) == 1


async def test_confirmed_while_no_app_runs_it_goes_out_at_the_next_start(
    runtime: Runtime,
) -> None:
    await seed(runtime, channel="telegram", ids=TELEGRAM_IDS)
    await make_user(runtime, external_id="office", role=Role.ADMIN, hamlet=None, name="Quản Trị")
    office = Chat(runtime, "office")  # the console: no app is sending
    await office.say("/announce")
    await office.press("Trưởng ấp")
    await office.press("Tất cả các ấp")
    await office.say("Nhắc trưởng ấp nộp danh sách hộ.")
    assert "#1" in await office.press("Gửi")
    state = FakeApiState()
    harness = TelegramHarness(runtime, state, schedule=True)
    await harness.start()
    try:
        # The catch-up run right after start-up sends it (and records it sent).
        await until(lambda: settled_sent(runtime), 1)
    finally:
        await harness.stop()
    assert [s.chat_id for s in announced(state)] == [HEAD]
    assert "(Quản Trị, 15/04/2026)" in announced(state)[0].text
    # The sender uses only the console: the tally is there on demand.
    assert "✅ Đã nhận: 1" in await office.say("/announce results")
