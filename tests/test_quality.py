"""/canhbao on a crafted campaign with one case of each pattern: every kind is listed with
its entries, a tap puts them in the next draw, and only supervisors may ask."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.runtime import Runtime
from models.people import Role
from models.verification import Flag
from tests.support.campaign import NOW, make_user
from tests.support.chat import Chat


@pytest.mark.slow
async def test_each_pattern_is_flagged_with_its_entries(
    runtime: Runtime, clock: FixedClock
) -> None:
    await make_user(runtime, external_id="o1", name="Cán Bộ Một")
    await make_user(runtime, external_id="o2", hamlet="NHO", name="Cán Bộ Hai")
    await make_user(runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None)
    one, two, sup = Chat(runtime, "o1"), Chat(runtime, "o2"), Chat(runtime, "sup")

    # Recorded 14 days after the guidance day.
    assert "Đã lưu hộ" in await one.say("Lê Văn Muộn; Tổ 1; 0912 100 001; 1; 01/04/2026")
    # Recorded at 23:30.
    clock.set(NOW + timedelta(hours=13, minutes=30))
    assert "Đã lưu hộ" in await one.say("Lê Văn Đêm; Tổ 1; 0912 100 002; 1")
    # Five in five minutes, the next morning.
    for k, name in enumerate(("An", "Bình", "Cường", "Dũng", "Giang")):
        clock.set(NOW + timedelta(days=1, minutes=k))
        assert "Đã lưu hộ" in await one.say(f"Trần Văn {name}; Tổ 2; 0912 100 01{k}; 1")
    clock.set(NOW + timedelta(days=1, hours=2))
    # The same phone in another hamlet, and a dossier code used twice.
    assert "ấp khác" in await two.say("Phạm Văn Khác; Tổ 1; 0912 100 001; 1")
    assert "hộ riêng" in await two.say("1")
    await two.say("Phạm Văn Mã; Tổ 2; 0912 200 001; 1; H56.26-260415-0001")
    await two.say("Phạm Thị Mã; Tổ 3; 0912 200 002; 2; H56.26-260415-0001")
    # Deleted, then entered again.
    await two.say("Đỗ Văn Lại; Tổ 4; 0912 200 003; 1")
    assert "Đã hoàn tác" in await two.say("hoàn tác")
    clock.set(NOW + timedelta(days=1, hours=3))
    assert "Đã lưu hộ" in await two.say("Đỗ Văn Lại; Tổ 4; 0912 200 003; 1")

    out = await sup.say("/canhbao")
    for header in (
        "Ghi nhận muộn",
        "Ghi dồn",
        "Ghi vào ban đêm",
        "Một số điện thoại ở nhiều ấp",
        "Mã hồ sơ dùng cho nhiều hộ",
        "Hộ bị xóa rồi ghi lại",
    ):
        assert header in out, (header, out)
    assert "Lê Văn Muộn" in out and "ghi sau 14 ngày" in out
    assert "Lê Văn Đêm" in out and "lúc 23:30" in out
    assert "Trần Văn An" in out and "Phạm Văn Khác" in out and "mã H56.26-260415-0001" in out
    assert "Đỗ Văn Lại" in out

    out = await sup.press("ghi muộn")
    assert "Đã đánh dấu 1 mục «ghi muộn»" in out
    async with runtime.services.sessions() as session:
        flags = list(await session.scalars(select(Flag)))
    assert len(flags) == 1 and flags[0].reason == "Cảnh báo: ghi muộn"
    # Officers and heads cannot see the warnings.
    assert "dành cho cán bộ giám sát" in await one.say("/canhbao")
