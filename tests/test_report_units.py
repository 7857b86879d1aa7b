"""A deployment covering several communes: /baocao gives one line per commune, and a
commune is named (with or without accents) to see its hamlets ranked among themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import Settings
from bot.runtime import Runtime
from models.campaign import Hamlet
from models.people import Role
from tests.support.campaign import LONG_AGO, SUMMARY_DAY, make_user
from tests.support.chat import Chat
from tests.support.communes import two_communes
from tests.support.notify import Recorder

HON_TRE = [("HT1", "Ấp Bãi Bấc"), ("HT2", "Ấp Bãi Nhà"), ("HT3", "Ấp Hòn Ngang")]
LAI_SON = [("LS1", "Ấp Bãi Nhà B"), ("LS2", "Ấp Bãi Giếng")]


@pytest.fixture
async def province(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Runtime]:
    rt = await two_communes(settings, clock, tmp_path, hon_tre=HON_TRE, lai_son=LAI_SON)
    for h, (code, name) in enumerate((("HT1", "Nguyễn Văn Bảy"), ("LS1", "Trần Thị Tám"))):
        await make_user(rt, external_id=code, hamlet=code, name=name)
        chat = Chat(rt, code)
        for k, given in enumerate(("An", "Bình", "Cường")):
            out = await chat.say(f"Lê Văn {given}; Tổ {k + 1}, {code}; 0912{h}0000{k}; 1")
            assert "Đã lưu hộ" in out
    await make_user(
        rt,
        external_id="sup",
        role=Role.SUPERVISOR,
        hamlet=None,
        name="Giám Sát Huyện",
        joined=LONG_AGO,
    )
    yield rt
    await rt.close()


async def test_hamlets_keep_their_commune_from_the_config(province: Runtime) -> None:
    async with province.services.sessions() as session:
        units = dict((await session.execute(select(Hamlet.code, Hamlet.unit))).all())
    assert units == {
        "HT1": "Xã Hòn Tre",
        "HT2": "Xã Hòn Tre",
        "HT3": "Xã Hòn Tre",
        "LS1": "Xã Lại Sơn",
        "LS2": "Xã Lại Sơn",
    }


@pytest.mark.slow
async def test_overview_then_one_commune_by_name(province: Runtime) -> None:
    sup = Chat(province, "sup")
    overview = await sup.say("/baocao")
    assert "theo xã, phường" in overview
    # Lại Sơn: 3 of 40 households (7.5%) beats Hòn Tre: 3 of 120 (2.5%).
    assert "1. Xã Lại Sơn: 3/40 hộ (7,5%) · 0/2 ấp đạt" in overview, overview
    assert "2. Xã Hòn Tre: 3/120 hộ (2,5%) · 0/3 ấp đạt" in overview
    assert "Ấp Bãi Bấc" not in overview  # no hamlet lines in the overview
    assert "/baocao Xã Lại Sơn" in overview

    commune = await sup.say("/baocao hon tre")  # no accents, no "xã"
    assert "🏛 Xã Hòn Tre – 3 ấp" in commune
    assert "Ấp Bãi Bấc" in commune and "Ấp Hòn Ngang" in commune
    assert "Ấp Bãi Giếng" not in commune

    last_week = await sup.say("/baocao tuần trước Xã Lại Sơn")
    assert "🏛 Xã Lại Sơn – 2 ấp" in last_week and "Ấp Bãi Nhà B" in last_week
    assert "Ấp Bãi Bấc" not in last_week

    unknown = await sup.say("/baocao Hòn")
    assert "Chưa hiểu «Hòn»" in unknown


@pytest.mark.slow
async def test_menu_asks_for_a_commune_then_lists_its_hamlets(province: Runtime) -> None:
    sup = Chat(province, "sup")
    await sup.say("/baocao")
    asked = await sup.press("Xem một ấp")
    assert "Gõ tên xã, phường" in asked
    wrong = await sup.say("Hòn Sơn")
    assert "Không tìm thấy xã, phường «Hòn Sơn»" in wrong and "Gõ tên xã, phường" in wrong
    commune = await sup.say("lai son")
    assert "🏛 Xã Lại Sơn – 2 ấp" in commune
    picked = await sup.press("Xem một ấp")
    assert "Ấp Bãi Giếng (LS2)" in picked and "HT1" not in picked  # its own hamlets only
    mistyped = await sup.say("99")  # the same commune's list again, not every hamlet
    assert "Ấp Bãi Giếng (LS2)" in mistyped and "HT1" not in mistyped
    assert "HT1" not in await sup.say("HT1")  # another commune's code is not a choice here
    hamlet = await sup.press("LS1")
    assert "Ấp Bãi Nhà B" in hamlet and "Xếp hạng: 1/2 ấp" in hamlet  # within its commune
    back = await sup.press("Tất cả")
    assert "theo xã, phường" in back


async def test_weekly_summary_for_several_communes_has_a_line_each(
    province: Runtime, clock: FixedClock
) -> None:
    from bot.notify import Notifier

    rec = Recorder()
    clock.set(SUMMARY_DAY)
    await Notifier(province.services, "console", rec).run_weekly()
    [text] = rec.to("sup")
    # Last week's summary (06/04–12/04): the entries logged on 15/04 are not in it.
    assert "Tóm tắt tuần 06/04 – 12/04/2026" in text
    assert "1. Xã Hòn Tre: 0/120 hộ (0,0%) · 0/3 ấp đạt" in text
    assert "2. Xã Lại Sơn: 0/40 hộ (0,0%) · 0/2 ấp đạt" in text
    assert "Ấp Bãi Bấc" not in text  # the communes' hamlets are one /baocao away
    assert "/baocao Xã Hòn Tre" in text


async def test_export_of_one_commune(province: Runtime) -> None:
    from openpyxl import load_workbook

    sup = Chat(province, "sup")
    await sup.say("/xuat tudau lai son")
    [xlsx] = [r.file for r in sup.last if r.file is not None]
    assert load_workbook(xlsx).sheetnames == ["Tổng hợp", "LS1", "LS2", "Cán bộ"]
