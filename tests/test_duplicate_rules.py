"""Duplicate rules: address keys (punctuation, marks, abbreviations, the hamlet's own name),
compatible addresses, and find_duplicates' candidates and reasons across hamlets."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from models.campaign import Hamlet
from models.duplicates import address_key, addresses_compatible
from models.households import Entry
from models.people import User
from models.registry import (
    Duplicate,
    HouseholdInput,
    add_to_household,
    campaign_by_code,
    create_household_entry,
    find_duplicates,
    load_entry,
    soft_delete_entry,
)
from tests.support.campaign import make_user

BNA = "Ấp Bãi Nhà A"


@pytest.mark.parametrize(
    ("address", "hamlet", "key"),
    [
        ("Tổ 3, Ấp Bãi Nhà A", BNA, "to 3"),
        ("to 3 ap bai nha a", BNA, "to 3"),
        ("tổ 3 - bãi nhà a", BNA, "to 3"),
        ("Tổ 3", BNA, "to 3"),
        ("Tổ 3,", BNA, "to 3"),
        ("  TỔ   3 ;  ẤP  BÃI NHÀ A. ", BNA, "to 3"),
        (unicodedata.normalize("NFD", "Tổ 3, ấp Bãi Nhà A"), BNA, "to 3"),
        ("t3", BNA, "to 3"),
        ("T.3 Bãi Nhà A", BNA, "to 3"),
        ("to3", BNA, "to 3"),
        ("Tổ 03", BNA, "to 3"),
        ("Bãi Nhà A tổ 3", BNA, "to 3"),
        ("tổ 3, thôn Bãi Nhà A", BNA, "to 3"),  # another prefix word goes with the name
        ("Ấp Bãi Nhà A", BNA, ""),
        ("bai nha a", BNA, ""),
        ("Tổ 3, khu B, xã Hòn Tre", BNA, "to 3 khu b xa hon tre"),
        ("Tổ 3, Bãi Nhà B", BNA, "to 3 bai nha b"),  # another hamlet's name stays
        ("số 12 tdp5", "Tổ dân phố 5", "so 12"),
        ("kp2, số 7", "Khu phố 2", "so 7"),
        ("tổ 2, thôn 2", "Thôn 2", "to 2"),  # "2" alone is not the hamlet's name
        ("tổ 2", "Thôn 2", "to 2"),
        ("tổ 3, xóm Bến", "Ấp Nhỏ", "to 3 xom ben"),
        ("Tổ 3, Ấp Bãi Nhà A", "", "to 3 ap bai nha a"),
    ],
)
def test_address_key(address: str, hamlet: str, key: str) -> None:
    assert address_key(address, hamlet) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tổ 3, Ấp Bãi Nhà A", "to 3 ap bai nha a"),
        ("Tổ 3, Ấp Bãi Nhà A", "Tổ 3"),
        ("tổ 3 - bãi nhà a", "to 3,"),
        ("t3", "Tổ 3"),
        ("Tổ 3", "tổ 3, khu B"),  # a shorter address of the same place
        ("Tổ 3", "số 5 tổ 3"),
        ("Tổ 3", "Tổ 3, Bãi Nhà B"),  # words of one inside the other
        ("Tổ 3", "Ấp Bãi Nhà A"),  # only the hamlet given
        ("", "Tổ 3"),
    ],
)
def test_same_place(a: str, b: str) -> None:
    ka, kb = address_key(a, BNA), address_key(b, BNA)
    assert addresses_compatible(ka, kb)
    assert addresses_compatible(kb, ka)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tổ 3", "Tổ 4"),
        ("Tổ 3", "Tổ 13"),
        ("Tổ 1", "tổ 10, ấp Bãi Nhà A"),
        ("Tổ 3, khu B", "Tổ 3, khu C"),
        ("số 12 tổ 3", "số 21 tổ 3"),
    ],
)
def test_different_places(a: str, b: str) -> None:
    ka, kb = address_key(a, BNA), address_key(b, BNA)
    assert not addresses_compatible(ka, kb)
    assert not addresses_compatible(kb, ka)


# --- find_duplicates on the database ------------------------------------------------------


async def _ids(runtime: Runtime, code: str = "BNA") -> tuple[int, int, str]:
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == code))
        assert hamlet is not None
        return camp.id, hamlet.id, hamlet.name


async def _log(
    runtime: Runtime,
    officer: User,
    name: str,
    address: str,
    phone: str,
    *,
    hamlet: str = "BNA",
    procedures: tuple[str, ...] = ("KS",),
    day: date = date(2026, 4, 10),
) -> Entry:
    campaign_id, hamlet_id, _ = await _ids(runtime, hamlet)
    async with runtime.services.sessions() as session, session.begin():
        return await create_household_entry(
            session,
            campaign_id=campaign_id,
            hamlet_id=hamlet_id,
            officer=officer,
            now=runtime.services.clock.now(),
            data=HouseholdInput(
                name=name,
                address=address,
                phone=phone,
                procedure_codes=procedures,
                dossier_code="",
                guided_on=day,
            ),
        )


async def _find(
    runtime: Runtime, name: str, address: str, phone: str, *, hamlet: str = "BNA", **kw: int
) -> list[Duplicate]:
    campaign_id, hamlet_id, hamlet_name = await _ids(runtime, hamlet)
    async with runtime.services.sessions() as session:
        return await find_duplicates(
            session,
            campaign_id=campaign_id,
            hamlet_id=hamlet_id,
            hamlet_name=hamlet_name,
            name=name,
            address=address,
            phone=phone,
            **kw,
        )


def _found(dups: list[Duplicate]) -> list[tuple[int, str]]:
    return [(d.household.id, d.reason) for d in dups]


async def test_users_report_unaccented_name_and_comma_free_address(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="a")
    mai = await _log(runtime, officer, "Trần Thị Mai", "Tổ 3, Ấp Bãi Nhà A", "+84988000111")
    assert _found(await _find(runtime, "tran thi mai", "to 3 ap bai nha a", "+84988000113")) == [
        (mai.household_id, "similar")
    ]
    # Same spelling (up to case), same address key: name_address.
    for address in ("to 3 ap bai nha a", "Tổ 3", "tổ 3 - bãi nhà a", "t3"):
        dups = await _find(runtime, "TRẦN THỊ MAI", address, "+84988000113")
        assert _found(dups) == [(mai.household_id, "name_address")], address
        assert dups[0].by_name_address and not dups[0].by_phone
    # A shorter or longer address of the same place, or only the hamlet: similar.
    for address in ("Tổ 3, khu B", "Ấp Bãi Nhà A"):
        dups = await _find(runtime, "Trần Thị Mai", address, "+84988000113")
        assert _found(dups) == [(mai.household_id, "similar")], address
        assert not dups[0].by_name_address and not dups[0].by_phone
    # Another group, or another name: not a duplicate.
    assert await _find(runtime, "Trần Thị Mai", "Tổ 4", "+84988000113") == []
    assert await _find(runtime, "Trần Thị Mại", "Tổ 3", "+84988000113") != []  # folds alike
    assert await _find(runtime, "Trần Thị Mây", "Tổ 3", "+84988000113") == []


async def test_phone_is_campaign_wide_but_names_stay_in_the_hamlet(runtime: Runtime) -> None:
    here = await make_user(runtime, external_id="a")
    there = await make_user(runtime, external_id="b", hamlet="NHO")
    far_name = await _log(runtime, there, "Lê Văn Tám", "Tổ 3", "+84912000001", hamlet="NHO")
    far_phone = await _log(runtime, there, "Phạm Thị Chín", "Tổ 1", "+84912000002", hamlet="NHO")
    near = await _log(runtime, here, "Lê Văn Tám", "Tổ 3, ấp Bãi Nhà A", "+84912000003")
    # From Bãi Nhà A: the namesake in Ấp Nhỏ is not a candidate; the phone there is.
    dups = await _find(runtime, "Lê Văn Tám", "Tổ 3", "+84912000002")
    assert _found(dups) == [(far_phone.household_id, "phone"), (near.household_id, "name_address")]
    assert dups[0].by_phone and not dups[0].by_name_address
    # From Ấp Nhỏ: its own namesake, not Bãi Nhà A's.
    assert _found(
        await _find(runtime, "Lê Văn Tám", "Tổ 3, ấp Nhỏ", "+84912000009", hamlet="NHO")
    ) == [(far_name.household_id, "name_address")]
    # Same phone and same name: the phone is the reason given.
    assert _found(await _find(runtime, "Lê Văn Tám", "Tổ 3", "+84912000003")) == [
        (near.household_id, "phone")
    ]


async def test_order_limit_exclude_and_details(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="a", name="Cán Bộ Một")
    other = await make_user(runtime, external_id="b", name="Cán Bộ Hai")
    similar = await _log(runtime, officer, "Ngô Văn Hai", "Tổ 5, khu B", "+84900000001")
    same = await _log(runtime, officer, "Ngô Văn Hai", "tổ 5", "+84900000002")
    phone = await _log(runtime, officer, "Đỗ Thị Ba", "Tổ 9", "+84900000003")
    # A second visit to `same` by another officer, later: the newest is described.
    async with runtime.services.sessions() as session, session.begin():
        await add_to_household(
            session,
            household_id=same.household_id,
            officer=other,
            now=runtime.services.clock.now(),
            data=HouseholdInput(
                name="Ngô Văn Hai",
                address="tổ 5",
                phone="+84900000002",
                procedure_codes=("TTRU", "KS"),
                dossier_code="",
                guided_on=date(2026, 4, 12),
            ),
        )
    dups = await _find(runtime, "Ngô Văn Hai", "Tổ 5", "+84900000003")
    assert _found(dups) == [
        (phone.household_id, "phone"),
        (same.household_id, "name_address"),
        (similar.household_id, "similar"),
    ]
    assert dups[1].procedures == ["Đăng ký khai sinh", "Đăng ký thường trú"]
    assert dups[1].last_guided_on == date(2026, 4, 12)
    assert dups[1].officer_name == "Cán Bộ Hai"
    assert dups[2].procedures == ["Đăng ký khai sinh"]
    assert dups[2].officer_name == "Cán Bộ Một"
    assert _found(await _find(runtime, "Ngô Văn Hai", "Tổ 5", "+84900000003", limit=2)) == [
        (phone.household_id, "phone"),
        (same.household_id, "name_address"),
    ]
    assert _found(
        await _find(
            runtime, "Ngô Văn Hai", "Tổ 5", "+84900000003", exclude_household=same.household_id
        )
    ) == [(phone.household_id, "phone"), (similar.household_id, "similar")]


async def test_deleted_entries_do_not_count(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="a")
    gone = await _log(runtime, officer, "Võ Văn Mười", "Tổ 2", "+84933000001")
    kept = await _log(runtime, officer, "Võ Văn Mười", "Tổ 2", "+84933000002")
    async with runtime.services.sessions() as session, session.begin():
        entry = await load_entry(session, gone.id)
        assert entry is not None
        await soft_delete_entry(
            session, entry=entry, reason="x", actor=officer, now=runtime.services.clock.now()
        )
    assert _found(await _find(runtime, "Võ Văn Mười", "Tổ 2", "+84933000001")) == [
        (kept.household_id, "name_address")
    ]
    async with runtime.services.sessions() as session, session.begin():
        entry = await load_entry(session, kept.id)
        assert entry is not None
        await soft_delete_entry(
            session, entry=entry, reason="x", actor=officer, now=runtime.services.clock.now()
        )
    assert await _find(runtime, "Võ Văn Mười", "Tổ 2", "+84933000001") == []
