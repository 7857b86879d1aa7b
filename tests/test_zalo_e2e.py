"""End to end on Zalo: `python -m bot run`'s start-up (bot.serve) with the real Zalo adapter
long-polling the fake Zalo Bot API server on 127.0.0.1, users typing text only."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.channels.zalo import ChatQueues
from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from models.campaign import Hamlet
from models.households import Entry, Household
from models.invites import create_invite
from models.people import Identity, Role
from tests.support.campaign import make_user, raw_config
from tests.support.zalo_harness import ZaloHarness, running_zalo, text

ZALO_ID = "6ede9afa66b88fe6d6a9"  # Zalo ids are opaque strings


async def _count(runtime: Runtime, model: type) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _invite(runtime: Runtime, role: Role = Role.OFFICER, hamlet: str = "BNA") -> str:
    async with runtime.services.sessions() as session, session.begin():
        found = await session.scalar(select(Hamlet).where(Hamlet.code == hamlet))
        code, _ = await create_invite(
            session,
            role=role,
            hamlet=found,
            created_by=None,
            now=runtime.services.clock.now(),
            ttl=timedelta(hours=3),
        )
    return code


async def test_register_log_by_numbers_progress_and_duplicate(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    code = await _invite(runtime)
    async with running_zalo(settings, clock) as (fake, running):
        zalo = ZaloHarness(fake, running)
        lan = zalo.user(ZALO_ID, "Nguyễn Thị Lan")
        out = text(await lan.say("xin chào"))
        assert "chưa được đăng ký" in out and "gửi mã" in out
        # The invite code typed as it was read out: lower case, with a space.
        out = text(await lan.say(f"{code[:5].lower()} {code[5:]}"))
        assert "Chào Nguyễn Thị Lan" in out and "cán bộ ấp – Ấp Bãi Nhà A" in out

        assert "Họ và tên chủ hộ" in text(await lan.say("/them"))
        out = text(await lan.say("Nguyễn Văn Bình"))
        assert "1. Ấp Bãi Nhà A" in out and "(Trả lời 1)" in out
        assert "Số điện thoại" in text(await lan.say("1"))
        out = text(await lan.say("0912.345.678"))
        assert "2. Đăng ký thường trú" in out and "Trả lời bằng số từ 1 đến 5" in out
        assert "Mã hồ sơ" in text(await lan.say("1, 4"))
        assert "Ngày hướng dẫn" in text(await lan.say("bỏ qua"))  # the option's words
        out = text(await lan.say("2"))  # "Hôm qua": the last answer saves
        assert "📞 SĐT: 0912 345 678" in out and "14/04/2026" in out
        assert "Đăng ký khai sinh; Cấp phiếu lý lịch tư pháp" in out
        assert "Đã lưu hộ" in out and "1/412" in out
        assert "1. ✏️ Sửa" in out and "2. ↩️ Hoàn tác" in out

        out = text(await lan.say("/tiendo"))
        assert "1/412 hộ" in out

        # The same household again: the duplicate question, answered by typing.
        out = text(await lan.say("Nguyễn Văn Bình; Tổ 5; 0912345678; 2"))
        assert "có thể đã được ghi nhận" in out and "trùng số điện thoại" in out
        out = text(await lan.say("cùng hộ"))
        assert "vào hộ đã có" in out
    assert await _count(runtime, Household) == 1
    assert await _count(runtime, Entry) == 2
    async with runtime.services.sessions() as session:
        identity = (await session.scalars(select(Identity).where(Identity.channel == "zalo"))).one()
        assert identity.external_id == ZALO_ID


async def test_redelivered_message_is_processed_once(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=ZALO_ID, channel="zalo")
    async with running_zalo(settings, clock) as (fake, running):
        zalo = ZaloHarness(fake, running)
        line = "Lê Thị Hoa; Tổ 5; 0987654321; 1"
        update = fake.text_update(ZALO_ID, line, message_id="2d758cb5e222177a4e35")
        first = await zalo.deliver(update)
        assert "Đã lưu hộ" in text(first)
        # Zalo delivers the same message again (same message id): nothing more happens.
        fake.push(update)
        await fake.wait_until(lambda: not fake.updates)
        # After a restart the in-memory memory is gone; the database still knows it.
        running.channels["zalo"].__dict__["_recent"].clear()
        again = await zalo.deliver(update)
        assert again == []
    assert await _count(runtime, Entry) == 1


@pytest.mark.slow
async def test_long_report_is_split_on_lines_under_2000_characters(
    tmp_path: Path, template_db: Path, clock: FixedClock
) -> None:
    hamlets = [
        {"code": f"A{i:02d}", "name": f"Ấp Thử Nghiệm Số {i:02d}", "households": 300 + i}
        for i in range(1, 23)
    ]
    shutil.copy(template_db, tmp_path / "bot.sqlite3")
    settings = parse_settings(raw_config(tmp_path, hamlets=hamlets), tmp_path)
    runtime = build_runtime(settings, clock)
    try:
        await sync_from_config(runtime)
        await make_user(
            runtime, external_id="sup-zalo", role=Role.SUPERVISOR, hamlet=None, channel="zalo"
        )
        async with running_zalo(settings, clock) as (fake, running):
            out = await ZaloHarness(fake, running).say("sup-zalo", "/baocao")
    finally:
        await runtime.close()
    report = [s for s in out if s.method == "sendMessage"]
    assert sum(len(s.text) for s in report) > 3000
    assert all(1 <= len(s.text) <= 2000 for s in out)
    first, second = report[0].text, report[1].text
    assert "Ấp Thử Nghiệm Số 01" in first and "Ấp Thử Nghiệm Số 22" in second
    # Split between lines: every hamlet's ranked line is whole, in one message.
    for i in range(1, 23):
        line = f"{i}. Ấp Thử Nghiệm Số {i:02d} (A{i:02d})"
        assert (
            sum(
                line in s.text.split("\n") or any(x.startswith(line) for x in s.text.split("\n"))
                for s in report
            )
            == 1
        )
    # Options come last, numbered, in the last part.
    assert "Xuất Excel" in report[-1].text and "Trả lời bằng số" in report[-1].text
    # No public address configured: the chart is left out (with its caption).
    assert not [s for s in out if s.method == "sendPhoto"]
    assert "Biểu đồ" not in text(out)


async def test_stickers_get_a_text_only_reply_and_groups_get_no_data(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=ZALO_ID, channel="zalo")
    async with running_zalo(settings, clock) as (fake, running):
        zalo = ZaloHarness(fake, running)
        await zalo.say(ZALO_ID, "Lê Thị Hoa; Tổ 5; 0987654321; 1")
        await zalo.say(ZALO_ID, "1")
        sticker = fake.event_update("message.sticker.received", ZALO_ID, sticker="st-1")
        out = await zalo.deliver(sticker)
        assert "chỉ đọc được tin nhắn chữ" in text(out)
        # A picture in a group: never downloaded, nothing said there.
        picture = fake.image_update(ZALO_ID, chat_type="GROUP", chat_id="g-1")
        assert await zalo.deliver(picture) == [] and fake.photo_fetches == []
        group = fake.text_update(ZALO_ID, "/cuatoi", chat_type="GROUP", chat_id="g-1")
        out = await zalo.deliver(group)
        assert len(out) == 1 and "tin nhắn riêng" in out[0].text
        assert "Lê Thị Hoa" not in out[0].text and "0987" not in out[0].text
        chatter = fake.text_update(ZALO_ID, "chào cả nhà", chat_type="GROUP", chat_id="g-1")
        assert await zalo.deliver(chatter) == []


@pytest.mark.slow
async def test_a_refused_reply_does_not_stop_the_bot(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=ZALO_ID, channel="zalo")
    async with running_zalo(settings, clock) as (fake, running):
        zalo = ZaloHarness(fake, running)
        fake.errors[ZALO_ID] = [(200, 400, "invalid chat")]  # an error inside HTTP 200
        assert await zalo.say(ZALO_ID, "/tiendo") == []
        fake.errors[ZALO_ID] = [(502, 502, "bad gateway")]  # retried, then delivered once
        out = await zalo.say(ZALO_ID, "/tiendo")
        assert len(out) == 1 and "/412" in out[0].text
        assert fake.refused == [(ZALO_ID, 200), (ZALO_ID, 502)]


async def test_one_chats_messages_never_overlap_or_overtake() -> None:
    queues = ChatQueues()
    log: list[str] = []
    gate = asyncio.Event()

    def job(name: str, wait: asyncio.Event | None = None) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            log.append(f"{name}+")
            if wait is not None:
                await wait.wait()
            else:
                await asyncio.sleep(0.01)  # a message that takes a while (a database write)
            log.append(f"{name}-")

        return run

    queues.submit("chat", job("a", gate))
    queues.submit("chat", job("b"))
    await asyncio.sleep(0)
    gate.set()
    for _ in range(3):  # "a" ends and hands the lock to "b", which is now running
        await asyncio.sleep(0)
    assert log == ["a+", "a-", "b+"]
    queues.submit("chat", job("c"))
    queues.submit("other", job("x"))
    await queues.drain()
    mine = [e for e in log if e[0] in "abc"]
    assert mine == ["a+", "a-", "b+", "b-", "c+", "c-"]
    assert "x+" in log  # another chat is not held up behind this one
