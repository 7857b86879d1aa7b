"""Household rosters in the database: importing (all or nothing, 5,000 rows, re-import),
the total households a roster sets, linking guided households without guessing, and the
not-yet-guided suggestions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime import Runtime, sync_from_config
from handlers.parse.roster_file import parse_roster
from models.campaign import Hamlet
from models.households import Entry
from models.people import User
from models.registry import (
    HouseholdInput,
    campaign_by_code,
    create_household_entry,
    load_entry,
    soft_delete_entry,
)
from models.roster import Roster, RosterHousehold, RosterLine, area_of, import_roster
from models.roster_match import link, match_hamlet, todo
from tests.support.campaign import make_user


def _line(
    row: int, name: str, address: str = "Tổ 1, ấp Bãi Nhà A", phone: str = "", code: str = ""
) -> RosterLine:
    return RosterLine(row, name, address, phone, code)


async def _hamlet(session: AsyncSession, code: str = "BNA") -> Hamlet:
    hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == code))
    assert hamlet is not None
    return hamlet


async def _log(
    runtime: Runtime, officer: User, name: str, phone: str, address: str = "Tổ 1, ấp Bãi Nhà A"
) -> Entry:
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet = await _hamlet(session)
        return await create_household_entry(
            session,
            campaign_id=camp.id,
            hamlet_id=hamlet.id,
            officer=officer,
            now=runtime.services.clock.now(),
            data=HouseholdInput(
                name=name,
                address=address,
                phone=phone,
                procedure_codes=("KS",),
                dossier_code="",
                guided_on=date(2026, 4, 10),
            ),
        )


async def _import(runtime: Runtime, lines: list[RosterLine]) -> Roster:
    async with runtime.services.sessions() as session, session.begin():
        return await import_roster(
            session,
            hamlet=await _hamlet(session),
            lines=lines,
            source="ds.xlsx",
            fingerprint="f" * 64,
            actor_id=None,
            now=runtime.services.clock.now(),
        )


def test_area_of_addresses() -> None:
    assert area_of("Tổ 3, ấp Bãi Nhà A") == "to 3"
    assert area_of("số 12 tổ dân phố 5") == "to dan pho 5"
    assert area_of("Xóm Bến, Hòn Tre") == "xom ben"
    assert area_of("Khu B") == "khu b"
    assert area_of("ấp Bãi Nhà A") == ""


async def test_roster_sets_total_and_survives_a_config_sync(runtime: Runtime) -> None:
    await _import(runtime, [_line(i + 2, f"Hộ Số {i}", code=f"C{i}") for i in range(7)])
    await sync_from_config(runtime)  # as every start does
    async with runtime.services.sessions() as session:
        hamlet = await _hamlet(session)
        assert hamlet.total_households == 7
        assert hamlet.configured_households == 412  # kept as history


@pytest.mark.slow
async def test_5000_row_roster_from_a_file(runtime: Runtime) -> None:
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middles = ["Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thanh", "Quốc", "Kim", "Đức", "Thu"]
    given = [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Em",
        "Giang",
        "Hà",
        "Khánh",
        "Lan",
        "Mai",
        "Nam",
        "Oanh",
        "Phúc",
        "Quý",
        "Sơn",
        "Tâm",
        "Uyên",
        "Vinh",
        "Xuân",
        "Yến",
        "Bảo",
        "Châu",
        "Đạt",
        "Hải",
        "Hiền",
        "Hòa",
        "Hùng",
        "Hương",
        "Lộc",
        "Long",
        "Nga",
        "Nhung",
        "Phong",
        "Phương",
        "Quân",
        "Tài",
        "Thảo",
        "Trang",
        "Tuấn",
        "Vy",
        "Ánh",
        "Duyên",
        "Hạnh",
        "Hiếu",
        "Khoa",
        "Linh",
        "Loan",
        "My",
        "Ngân",
        "Thắng",
    ]
    lines = ["Họ tên chủ hộ,Địa chỉ,Số điện thoại,Mã hộ"]
    lines += [
        f"{surnames[i % 10]} {middles[i // 10 % 10]} {given[i // 100]},"
        f"Tổ {i % 40 + 1} ấp Bãi Nhà A,09{i:08d},H{i:05d}"
        for i in range(5000)
    ]
    parsed = parse_roster("\n".join(lines).encode(), "ds.csv")
    assert parsed.ok and len(parsed.rows) == 5000
    roster = await _import(
        runtime, [RosterLine(r.row, r.head_name, r.address, r.phone, r.code) for r in parsed.rows]
    )
    async with runtime.services.sessions() as session:
        assert (
            await session.scalar(
                select(func.count(RosterHousehold.id)).where(RosterHousehold.roster_id == roster.id)
            )
            == 5000
        )
        assert (await _hamlet(session)).total_households == 5000
        area = await session.scalar(
            select(RosterHousehold.area).where(RosterHousehold.code == "H00041")
        )
        assert area == "to 2"


async def test_links_by_phone_then_name_and_address_and_asks_the_rest(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="o1")
    by_phone = await _log(runtime, officer, "Nguyễn Văn Một", "+84912000101")
    by_key = await _log(runtime, officer, "Nguyễn Thị Hai", "+84912000102")
    shared = await _log(runtime, officer, "Lê Thị Bốn", "+84912000104")
    namesake = await _log(runtime, officer, "Trần Văn Ba", "+84912000103")
    claimed_twice = await _log(runtime, officer, "Đỗ Văn Năm", "+84912000105")
    also_claims = await _log(runtime, officer, "Đỗ Văn Năm Con", "+84912000105")
    await _import(
        runtime,
        [
            _line(2, "Nguyễn Văn Một", "Tổ 9 (viết khác)", "+84912000101"),
            _line(3, "NGUYỄN THỊ HAI", "tổ 1, Ấp Bãi Nhà A"),  # folded name + address
            _line(4, "Lê Thị Bốn", phone="+84912000104"),
            _line(5, "Lê Văn Chồng", phone="+84912000104"),
            _line(6, "Trần Văn Ba", "Tổ 2, ấp Bãi Nhà A"),  # same name, other address
            _line(7, "Đỗ Văn Năm Cha", phone="+84912000105"),  # one row, two households' phone
        ],
    )
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet = await _hamlet(session)
        result = await match_hamlet(
            session, campaign_id=camp.id, hamlet_id=hamlet.id, now=runtime.services.clock.now()
        )
        links = dict(
            (
                await session.execute(
                    select(RosterHousehold.row, RosterHousehold.household_id).where(
                        RosterHousehold.household_id.is_not(None)
                    )
                )
            ).all()
        )
    assert links == {2: by_phone.household_id, 3: by_key.household_id, 4: shared.household_id}
    assert result.linked == 3 and result.unmatched == 0
    asked = {a.household_id for a in result.ambiguous}
    assert asked == {namesake.household_id, claimed_twice.household_id, also_claims.household_id}

    # A person's choice links it; asking again no longer lists it.
    async with runtime.services.sessions() as session, session.begin():
        row_id = await session.scalar(select(RosterHousehold.id).where(RosterHousehold.row == 6))
        assert row_id is not None
        await link(
            session,
            row_id=row_id,
            household_id=namesake.household_id,
            actor_id=officer.id,
            now=runtime.services.clock.now(),
        )
        again = await match_hamlet(
            session, campaign_id=camp.id, hamlet_id=hamlet.id, now=runtime.services.clock.now()
        )
    assert namesake.household_id not in {a.household_id for a in again.ambiguous}


async def test_reimport_keeps_links_and_replaces_the_old_roster(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="o1")
    entry = await _log(runtime, officer, "Nguyễn Văn Một", "+84912000101")
    first = await _import(
        runtime,
        [
            _line(2, "Nguyễn Văn Một", phone="+84912000101", code="A1"),
            _line(3, "Hộ Khác", code="A2"),
        ],
    )
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        await match_hamlet(
            session,
            campaign_id=camp.id,
            hamlet_id=(await _hamlet(session)).id,
            now=runtime.services.clock.now(),
        )
    second = await _import(
        runtime,
        [_line(5, "Nguyễn Văn Một (đổi tên)", code="A1"), _line(6, "Hộ Khác"), _line(7, "Hộ Mới")],
    )
    async with runtime.services.sessions() as session:
        old = await session.get(Roster, first.id)
        assert old is not None and old.replaced_at is not None
        carried = await session.scalar(
            select(RosterHousehold.household_id).where(
                RosterHousehold.roster_id == second.id, RosterHousehold.code == "A1"
            )
        )
        assert carried == entry.household_id
        assert (await _hamlet(session)).total_households == 3


async def test_todo_suggests_own_area_first_and_deleted_entries_come_back(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="o1")
    entry = await _log(runtime, officer, "Hộ Đã Làm", "+84912000101", "Tổ 3, ấp Bãi Nhà A")
    await _import(
        runtime,
        [
            _line(2, "Hộ Tổ Một", "Tổ 1, ấp Bãi Nhà A"),
            _line(3, "Hộ Đã Làm", "Tổ 3, ấp Bãi Nhà A", "+84912000101"),
            _line(4, "Hộ Tổ Ba", "Tổ 3, ấp Bãi Nhà A"),
            _line(5, "Hộ Không Rõ Tổ", "ấp Bãi Nhà A"),
        ],
    )
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet = await _hamlet(session)
        result = await todo(
            session,
            campaign_id=camp.id,
            hamlet_id=hamlet.id,
            officer_id=officer.id,
            limit=5,
            now=runtime.services.clock.now(),
        )
    assert [s.head_name for s in result.suggestions] == ["Hộ Tổ Ba", "Hộ Tổ Một", "Hộ Không Rõ Tổ"]
    assert result.suggestions[0].near and not result.suggestions[1].near
    assert (result.waiting, result.total) == (3, 4)

    async with runtime.services.sessions() as session, session.begin():
        loaded = await load_entry(session, entry.id)
        assert loaded is not None
        await soft_delete_entry(
            session,
            entry=loaded,
            reason="ghi nhầm",
            actor=officer,
            now=runtime.services.clock.now(),
        )
        again = await todo(
            session,
            campaign_id=camp.id,
            hamlet_id=hamlet.id,
            officer_id=officer.id,
            limit=5,
            now=runtime.services.clock.now(),
        )
    assert "Hộ Đã Làm" in [s.head_name for s in again.suggestions]
    assert again.waiting == 4
