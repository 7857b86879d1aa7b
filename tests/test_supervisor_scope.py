"""A supervisor bound to one commune (`User.unit`): reports, exports, progress, spot-checks,
quality warnings, awards and the weekly summary hold that commune's hamlets only — never a
name, a figure, a rank or a check of another commune. An unscoped supervisor still sees all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from bot.clock import FixedClock
from bot.config import Settings
from bot.notify import Notifier
from bot.runtime import Runtime
from models.households import Entry
from models.people import Role, User
from models.verification import Check
from tests.support.campaign import LONG_AGO, SUMMARY_DAY, make_user
from tests.support.chat import Chat, entry_id
from tests.support.communes import two_communes
from tests.support.notify import Recorder

HON_TRE = [("HT1", "Ấp Bãi Bấc"), ("HT2", "Ấp Hòn Ngang")]
LAI_SON = [("LS1", "Ấp Bãi Nhà B"), ("LS2", "Ấp Bãi Giếng")]
# Names that must never reach Lại Sơn's supervisor.
HON_TRE_WORDS = ("Hòn Tre", "Ấp Bãi Bấc", "Ấp Hòn Ngang", "HT1", "HT2", "Nguyễn Văn Bảy", "Cường")


@pytest.fixture
async def communes(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Runtime]:
    rt = await two_communes(settings, clock, tmp_path, hon_tre=HON_TRE, lai_son=LAI_SON)
    people = (("HT1", "Nguyễn Văn Bảy", "Cường"), ("LS1", "Trần Thị Tám", "Dũng"))
    for h, (code, name, given) in enumerate(people):
        await make_user(rt, external_id=code, hamlet=code, name=name)
        chat = Chat(rt, code)
        for k, middle in enumerate(("An", "Bình", "Chi")):
            line = f"Lê {middle} {given}; Tổ {k + 1}, {code}; 0912{h}0000{k}; 1"
            out = await chat.say(line)
            assert "Đã lưu hộ" in out
    for external_id, name in (("zone", "Phòng VH-XH Đặc Khu"), ("lai-son", "Giám Sát Lại Sơn")):
        await make_user(
            rt,
            external_id=external_id,
            role=Role.SUPERVISOR,
            hamlet=None,
            name=name,
            joined=LONG_AGO,
        )
    async with rt.services.sessions() as session, session.begin():
        await session.execute(
            update(User).where(User.display_name == "Giám Sát Lại Sơn").values(unit="Xã Lại Sơn")
        )
    yield rt
    await rt.close()


def _clean(text: str) -> None:
    for word in HON_TRE_WORDS:
        assert word not in text, word


async def test_reports_progress_and_exports_hold_the_commune_only(communes: Runtime) -> None:
    sup = Chat(communes, "lai-son")
    report = await sup.say("/baocao")
    assert "Ấp Bãi Nhà B" in report and "Ấp Bãi Giếng" in report
    assert "1/2" in report or "2 ấp" in report  # ranked among its own two hamlets
    _clean(report)
    refused = "chỉ xem được số liệu các ấp thuộc Xã Lại Sơn"
    assert refused in await sup.say("/baocao HT1")
    assert refused in await sup.say("/baocao hon tre")
    assert refused in await sup.say("/tiendo HT1")
    assert refused in await sup.say("/xuat HT1")
    assert refused in await sup.say("/duyetso HT1")
    progress = await sup.say("/tiendo")
    assert "Ấp Bãi Nhà B" in progress
    _clean(progress)

    await sup.say("/xuat tudau")
    [xlsx] = [r.file for r in sup.last if r.file is not None]
    book = load_workbook(xlsx)
    assert "HT1" not in book.sheetnames and "LS1" in book.sheetnames
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            _clean(" ".join(str(v) for v in row if v is not None))

    # The zone's office still sees both communes.
    zone = await Chat(communes, "zone").say("/baocao")
    assert "Xã Hòn Tre" in zone and "Xã Lại Sơn" in zone


async def test_spot_checks_and_warnings_stay_in_the_commune(communes: Runtime) -> None:
    zone = Chat(communes, "zone")
    drawn = await zone.say("/kiemtra 3")  # every hamlet: both communes' entries
    assert "HT1" in drawn or "Ấp Bãi Bấc" in drawn
    sup = Chat(communes, "lai-son")
    listing = await sup.say("/kiemtra_ds")
    _clean(listing)
    # Calling through the zone's list, Lại Sơn's supervisor gets Lại Sơn's cards only.
    menu = await sup.say("/kiemtra")
    assert "còn 3 hộ" in menu  # Lại Sơn's three of the list's six
    card = await sup.press("Gọi tiếp")
    seen = 0
    while "Để sau" in card and seen < 6:
        seen += 1
        _clean(card)
        card = await sup.press("Để sau")
    assert seen >= 3, card
    async with communes.services.sessions() as session:
        ht_check = await session.scalar(
            select(Check.id)
            .join(Entry, Entry.id == Check.entry_id)
            .where(
                Entry.hamlet_id.in_(
                    select(Entry.hamlet_id).where(
                        Entry.officer_id.in_(
                            select(User.id).where(User.display_name == "Nguyễn Văn Bảy")
                        )
                    )
                )
            )
        )
        ht_entry = await session.scalar(
            select(Entry.id)
            .join(User, User.id == Entry.officer_id)
            .where(User.display_name == "Nguyễn Văn Bảy")
        )
    assert ht_check is not None and ht_entry is not None
    review = await sup.say(f"/kiemtra_xet {ht_check}")
    _clean(review)
    flagged = await sup.say(f"/danhdau {ht_entry} số lạ")
    assert "Không tìm thấy" in flagged or "không có" in flagged.lower()
    _clean(await sup.say("/canhbao"))


async def test_awards_of_a_commune_are_its_own(communes: Runtime) -> None:
    zone = Chat(communes, "zone")
    zone_text = await zone.say("/khenthuong nam")
    zone_id = entry_id(zone_text.split("#", 1)[1]) if "#" in zone_text else None
    sup = Chat(communes, "lai-son")
    text = await sup.say("/khenthuong nam")
    assert "Ấp Bãi Nhà B" in text
    _clean(text)
    listing = await sup.say("/khenthuong_ds")
    _clean(listing)
    if zone_id is not None:
        assert f"#{zone_id} " not in listing
        assert "Không có đề xuất" in await sup.say(f"/khenthuong_chot {zone_id}")
    # The zone's list shows both, each with its own scope.
    assert "Tổng kết năm" in await zone.say("/khenthuong_ds")


async def test_weekly_summary_of_a_commune_supervisor(communes: Runtime, clock: FixedClock) -> None:
    rec = Recorder()
    clock.set(SUMMARY_DAY)
    await Notifier(communes.services, "console", rec).run_weekly()
    [own] = rec.to("lai-son")
    assert "Ấp Bãi Nhà B" in own and "Ấp Bãi Giếng" in own
    _clean(own)
    [zone] = rec.to("zone")
    assert "Xã Hòn Tre" in zone and "Xã Lại Sơn" in zone


async def test_an_invite_carries_the_commune_to_the_supervisor(communes: Runtime) -> None:
    await make_user(communes, external_id="admin", role=Role.ADMIN, hamlet=None, name="Quản Trị")
    admin = Chat(communes, "admin")
    asked = await admin.say("/moi giamsat")
    assert "theo dõi xã, phường nào" in asked and "Tất cả các xã, phường" in asked
    made = await admin.press("Xã Lại Sơn")
    assert "phạm vi: Xã Lại Sơn" in made
    code = next(r.text for r in admin.last if r.text.startswith("/start "))
    newcomer = Chat(communes, "new-sup")
    assert "đã được đăng ký" in await newcomer.say(code)
    async with communes.services.sessions() as session:
        user = await session.scalar(
            select(User).where(User.role == Role.SUPERVISOR).order_by(User.id.desc())
        )
    assert user is not None and user.unit == "Xã Lại Sơn"
    report = await newcomer.say("/baocao")
    assert "Ấp Bãi Nhà B" in report
    _clean(report)
    # Typed in one go, with the commune's words; "tất cả" binds to none.
    assert "phạm vi: Xã Hòn Tre" in await admin.say("/moi giamsat hon tre")
    assert "phạm vi: tất cả" in await admin.say("/moi giamsat tất cả")
