"""Officers' entries on Zalo (typed text only), through `python -m bot run`'s start-up with
the real Zalo adapter long-polling the fake Zalo Bot API server."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import Settings
from bot.runtime import Runtime
from models.households import Entry, Household
from tests.support.campaign import NOW, make_user
from tests.support.zalo_harness import ZaloHarness, running_zalo, text

ZALO_ID = "7fa0c1d2e3b4a5968778"


async def _rows(runtime: Runtime) -> tuple[list[Household], list[Entry]]:
    async with runtime.services.sessions() as session:
        households = list(await session.scalars(select(Household).order_by(Household.id)))
        entries = list(
            await session.scalars(
                select(Entry).where(Entry.deleted_at.is_(None)).order_by(Entry.id)
            )
        )
    return households, entries


def _ms(seconds: float) -> int:
    return int((NOW + timedelta(seconds=seconds)).timestamp() * 1000)


async def test_nervous_ones_never_merge_another_family(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=ZALO_ID, channel="zalo")
    async with running_zalo(settings, clock) as (fake, running):
        zalo = ZaloHarness(fake, running)
        assert "Đã lưu hộ" in text(await zalo.say(ZALO_ID, "Lê Thị Hoa; Tổ 5; 0987654321; 1"))
        # Another family sharing the phone, then "1" and "1" typed on a weak signal before
        # any answer came back; the duplicate question is only sent at 10:00:08.
        clock.set(NOW + timedelta(seconds=8))
        out = text(
            await zalo.deliver(
                fake.text_update(ZALO_ID, "Phan Văn Khác; Tổ 9; 0987 654 321; 2", sent_ms=_ms(2))
            )
        )
        assert "có thể đã được ghi nhận" in out and "1. Hộ khác" in out
        assert "Cùng hộ" not in out.split("1. ")[1].split("\n")[0]  # merging is never first
        for second in (3, 4):
            out = text(await zalo.deliver(fake.text_update(ZALO_ID, "1", sent_ms=_ms(second))))
            assert "được gửi trước khi câu hỏi" in out and "có thể đã được ghi nhận" in out
        households, entries = await _rows(runtime)
        assert len(households) == 1 and len(entries) == 1
        # Read, then answered: a separate household sharing the phone, typed name kept.
        out = text(await zalo.deliver(fake.text_update(ZALO_ID, "1", sent_ms=_ms(20))))
        assert "hộ riêng" in out
    households, entries = await _rows(runtime)
    assert [h.head_name for h in households] == ["Lê Thị Hoa", "Phan Văn Khác"]
    assert all(h.shares_phone for h in households)


@pytest.mark.slow
async def test_forms_from_a_fresh_start_and_commands_without_slash(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    await make_user(runtime, external_id=ZALO_ID, channel="zalo")
    async with running_zalo(settings, clock) as (fake, running):
        zalo = ZaloHarness(fake, running)
        # The multi-line form /help shows, as the first message of the day.
        out = text(
            await zalo.say(ZALO_ID, "Lê Văn Dòng\nTổ 1, ấp Bãi Nhà A\n0912 000 701\nkhai sinh")
        )
        assert "Đã lưu hộ" in out and "Tổ 1, ấp Bãi Nhà A" in out
        assert "1. ✏️ Sửa" in out and "2. ↩️ Hoàn tác" in out
        # Commas, as people write lists; the address keeps its own comma.
        out = text(await zalo.say(ZALO_ID, "Lê B, Tổ 1, ấp Bãi Nhà A, 0912 000 102, khai sinh"))
        assert "Chủ hộ: Lê B" in out and "Địa chỉ: Tổ 1, ấp Bãi Nhà A" in out
        # Dashes too.
        out = text(await zalo.say(ZALO_ID, "Hà Văn Gạch - Tổ 2 - 0912-000-703 - 2"))
        assert "Đã lưu hộ" in out and "0912 000 703" in out
        # Undo by its word, then commands typed without the slash.
        out = text(await zalo.say(ZALO_ID, "hoàn tác"))
        assert "Đã hoàn tác" in out and "Hà Văn Gạch" in out
        assert "3/412 hộ" not in text(await zalo.say(ZALO_ID, "tiến độ"))
        assert "2/412 hộ" in text(await zalo.say(ZALO_ID, "tien do"))
        assert "Hướng dẫn dùng bot" in text(await zalo.say(ZALO_ID, "huong dan"))
        assert "Họ và tên chủ hộ" in text(await zalo.say(ZALO_ID, "them"))
        assert "Đã hủy" in text(await zalo.say(ZALO_ID, "huy"))
        # A sentence with commas is not taken for a household.
        out = text(await zalo.say(ZALO_ID, "Ghi giúp hộ bà Tư, số điện thoại mai gửi, cảm ơn"))
        assert "chưa hiểu" in out
        # Natural replies at a confirmation: "ok" keeps the edit, "không" cancels it.
        first = (await _rows(runtime))[1][0].id
        assert f"mục #{first}" in text(await zalo.say(ZALO_ID, f"sửa {first}"))
        assert "không có gì thay đổi" in text(await zalo.say(ZALO_ID, "ok"))
        await zalo.say(ZALO_ID, f"sua {first}")
        assert "Đã hủy sửa" in text(await zalo.say(ZALO_ID, "không"))
    _, entries = await _rows(runtime)
    assert len(entries) == 2
