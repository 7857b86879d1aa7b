"""handlers/parse/household_form.py: one household typed in one message, the way officers type it.
Pure functions: no database."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from handlers.parse.form_errors import FormError
from handlers.parse.household_form import (
    ERROR_ORDER,
    OneLine,
    ProcedureChoice,
    looks_like_one_line,
    match_procedures,
    parse_one_line,
    reads_as_household,
)
from models.rules import CampaignConfig
from tests.support.campaign import PROCEDURES

CATALOG = [ProcedureChoice(p["code"], p["name"]) for p in PROCEDURES]
TODAY = date(2026, 4, 15)  # a Wednesday
CAMPAIGN = CampaignConfig(
    code="test-2026", name="n", unit="u", start=date(2026, 1, 1), end=date(2026, 12, 31)
)
PHONE = "+84912000102"


def parse(text: str) -> OneLine:
    return parse_one_line(text, CATALOG, TODAY, CAMPAIGN)


def _subset(draft: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    return {key: draft.get(key, "<missing>") for key in expected}


# Every line is a whole household; `expected` lists the draft fields to check.
GOOD_LINES: list[tuple[str, dict[str, Any]]] = [
    # semicolons, bars, new lines: the address may hold commas
    (
        "Lê Thị Hoa; Tổ 5, ấp Bãi Nhà A; 0912 000 102; khai sinh, 4",
        {
            "name": "Lê Thị Hoa",
            "address": "Tổ 5, ấp Bãi Nhà A",
            "phone": PHONE,
            "procedures": ["KS", "LLTP"],
        },
    ),
    (
        "Lê Thị Hoa | Tổ 5 | 0912000102 | 1",
        {"name": "Lê Thị Hoa", "address": "Tổ 5", "procedures": ["KS"]},
    ),
    (
        "Lê Văn B\nTổ 1, ấp Bãi Nhà A\n0912 000 102\nkhai sinh",
        {
            "name": "Lê Văn B",
            "address": "Tổ 1, ấp Bãi Nhà A",
            "phone": PHONE,
            "procedures": ["KS"],
            "date": "2026-04-15",
            "date_typed": False,
            "dossier": "",
        },
    ),
    (
        "Lê Văn B\nTổ 1\nấp Bãi Nhà A\n0912 000 102\n2\n01/04/2026",
        {
            "address": "Tổ 1, ấp Bãi Nhà A",
            "procedures": ["TTRU"],
            "date": "2026-04-01",
            "date_typed": True,
        },
    ),
    (
        "  Lê Văn B ;  Tổ 1 ;; 0912 000 102 ; 1 ;  ",
        {"name": "Lê Văn B", "address": "Tổ 1", "procedures": ["KS"]},
    ),
    # commas only
    (
        "Lê B, Tổ 1, ấp Bãi Nhà A, 0912 000 102, 1",
        {"name": "Lê B", "address": "Tổ 1, ấp Bãi Nhà A", "phone": PHONE, "procedures": ["KS"]},
    ),
    ("Lê B, Tổ 1, 0912 000 102, 1, 3", {"address": "Tổ 1", "procedures": ["KS", "TAMTRU"]}),
    (
        "Nguyễn Thị Ánh Tuyết, số 12/3 đường Nguyễn Trãi, khu phố 2, 0912.000.102, KS, TTRU",
        {
            "name": "Nguyễn Thị Ánh Tuyết",
            "address": "số 12/3 đường Nguyễn Trãi, khu phố 2",
            "procedures": ["KS", "TTRU"],
        },
    ),
    (
        "Đỗ Đức Đạt,Tổ 3,0912000102,lý lịch tư pháp",
        {"name": "Đỗ Đức Đạt", "address": "Tổ 3", "procedures": ["LLTP"]},
    ),
    # dashes and ". " as separators; hyphens inside a phone or date are not
    (
        "Lê B - Tổ 1, ấp Bãi Nhà A - 0912-000-102 - 1, 3",
        {
            "name": "Lê B",
            "address": "Tổ 1, ấp Bãi Nhà A",
            "phone": PHONE,
            "procedures": ["KS", "TAMTRU"],
        },
    ),
    (
        "Lê B – Tổ 1 – 0912 000 102 – kết hôn – 4-4-2026",
        {"address": "Tổ 1", "procedures": ["KH"], "date": "2026-04-04", "date_typed": True},
    ),
    ("Lê B — Tổ 1 — 0912 000 102 — 5", {"address": "Tổ 1", "procedures": ["KH"]}),
    (
        "Lê B. Tổ 1. +84 912 000 102. khai sinh. hôm qua",
        {
            "name": "Lê B",
            "address": "Tổ 1",
            "phone": PHONE,
            "procedures": ["KS"],
            "date": "2026-04-14",
        },
    ),
    ("Trần Thị Mai-Anh, Tổ 1, 0912000102, 1", {"name": "Trần Thị Mai-Anh", "address": "Tổ 1"}),
    # phones in every form
    ("Lê B; Tổ 1; 0912 000 102; 1", {"phone": PHONE}),
    ("Lê B; Tổ 1; 0912.000.102; 1", {"phone": PHONE}),
    ("Lê B; Tổ 1; 0912-000-102; 1", {"phone": PHONE}),
    ("Lê B; Tổ 1; +84 912 000 102; 1", {"phone": PHONE}),
    ("Lê B; Tổ 1; +84912000102; 1", {"phone": PHONE}),
    ("Lê B; Tổ 1; 84912000102; 1", {"phone": PHONE}),
    ("Lê B, Tổ 1, 84912000102, 1", {"phone": PHONE, "address": "Tổ 1"}),
    ("Lê B, Tổ 1, ０９１２０００１０２, 1", {"phone": PHONE}),
    ("Lê B; Tổ 1; 0162 234 5678; 1", {"phone": "+84322345678", "phone_old": "01622345678"}),
    ("Lê B, Tổ 1, 028 3823 4567, 1", {"phone": "+842838234567"}),
    # the phone inside a part, found among its words
    (
        "Lê B, Tổ 1 ấp Bãi Nhà A 0912 000 102 khai sinh",
        {"name": "Lê B", "address": "Tổ 1 ấp Bãi Nhà A", "phone": PHONE, "procedures": ["KS"]},
    ),
    (
        "Lê B, Tổ 1 0912000102 khai sinh 4/4",
        {"address": "Tổ 1", "procedures": ["KS"], "date": "2026-04-04"},
    ),
    (
        "Lê B, Tổ 1, 0912 000 102 khai sinh mhs G22.123-241205-0001 thứ 2",
        {"procedures": ["KS"], "dossier": "G22.123-241205-0001", "date": "2026-04-13"},
    ),
    # procedures by number, code and words
    ("Lê B; Tổ 1; 0912000102; 1 3", {"procedures": ["KS", "TAMTRU"]}),
    ("Lê B; Tổ 1; 0912000102; ks + lltp", {"procedures": ["KS", "LLTP"]}),
    ("Lê B; Tổ 1; 0912000102; khai sinh và kết hôn", {"procedures": ["KS", "KH"]}),
    (
        "Lê B, Tổ 1, 0912000102, thuong tru, tam tru",
        {"procedures": ["TTRU", "TAMTRU"], "procedures_ok": True},
    ),
    # dossier codes
    (
        "Lê B; Tổ 1; 0912000102; 1; G22.123-241205-0001",
        {"procedures": ["KS"], "dossier": "G22.123-241205-0001"},
    ),
    (
        "Lê B, Tổ 1, 0912000102, 1, mã hồ sơ: 000.00.00.H47-241205-0001",
        {"dossier": "000.00.00.H47-241205-0001"},
    ),
    ("Lê B, Tổ 1, 0912000102, 1, MHS 241205-0001", {"dossier": "241205-0001"}),
    ("Lê B, Tổ 1, 0912000102, 1, hs 2412050001", {"dossier": "2412050001"}),
    # dates in several forms, in any order after the phone
    ("Lê B; Tổ 1; 0912000102; 1; hôm qua", {"date": "2026-04-14", "date_typed": True}),
    ("Lê B; Tổ 1; 0912000102; 1; hôm nay", {"date": "2026-04-15", "date_typed": True}),
    ("Lê B; Tổ 1; 0912000102; 1; 4/4", {"date": "2026-04-04"}),
    ("Lê B; Tổ 1; 0912000102; 1; 04/04/26", {"date": "2026-04-04"}),
    ("Lê B; Tổ 1; 0912000102; 1; 4.4.2026", {"date": "2026-04-04"}),
    ("Lê B; Tổ 1; 0912000102; 1; ngày 4 tháng 4", {"date": "2026-04-04"}),
    ("Lê B; Tổ 1; 0912000102; 1; Ngày: 4/4", {"date": "2026-04-04"}),
    ("Lê B; Tổ 1; 0912000102; 1; thứ hai", {"date": "2026-04-13"}),
    ("Lê B; Tổ 1; 0912000102; 1; CN", {"date": "2026-04-12"}),
    ("Lê B; Tổ 1; 0912000102; hôm kia; 2", {"date": "2026-04-13", "procedures": ["TTRU"]}),
    (
        "Lê B, Tổ 1, 0912000102, 4/4, G22.123-241205-0001, 1",
        {"date": "2026-04-04", "dossier": "G22.123-241205-0001", "procedures": ["KS"]},
    ),
    ("Lê B; Tổ 1; 0912000102; 1; 4 - 4 - 2026", {"date": "2026-04-04"}),
    ("Lê B; Tổ 1; 0912000102; 1 3 hôm qua", {"procedures": ["KS", "TAMTRU"], "date": "2026-04-14"}),
    # separators mixed up
    (
        "Lê B, Tổ 1, 0912000102. khai sinh, hôm qua",
        {"address": "Tổ 1", "procedures": ["KS"], "date": "2026-04-14"},
    ),
    ("Lê B; Tổ 1; 0912 000 102 - khai sinh", {"phone": PHONE, "procedures": ["KS"]}),
    ("Lê B, Tổ 1 - ấp Bãi Nhà A, 0912000102, 1", {"address": "Tổ 1 - ấp Bãi Nhà A"}),
    ("Lê B, KP. 3, TP. Rạch Giá, 0912000102, 1", {"address": "KP. 3, TP. Rạch Giá"}),
    # labels
    (
        "Tên: Lê B\nĐịa chỉ: Tổ 1, ấp Bãi Nhà A\nSĐT: 0912 000 102\nThủ tục: 1, 2",
        {
            "name": "Lê B",
            "address": "Tổ 1, ấp Bãi Nhà A",
            "phone": PHONE,
            "procedures": ["KS", "TTRU"],
        },
    ),
    (
        "- Lê B\n- Tổ 1\n- 0912 000 102\n- 1.",
        {"name": "Lê B", "address": "Tổ 1", "phone": PHONE, "procedures": ["KS"]},
    ),
    # no phone but ; or new lines: the old shape-based reading, the phone asked next
    (
        "Lê B; Tổ 1; khai sinh",
        {"name": "Lê B", "address": "Tổ 1", "phone": "<missing>", "procedures": ["KS"]},
    ),
    ("Lê B\nTổ 1\n1\nhôm qua", {"address": "Tổ 1", "procedures": ["KS"], "date": "2026-04-14"}),
]


@pytest.mark.parametrize(("text", "expected"), GOOD_LINES)
def test_good_lines(text: str, expected: dict[str, Any]) -> None:
    result = parse(text)
    assert result.readable
    assert result.errors == {}
    assert result.error is None
    assert _subset(result.draft, expected) == expected


def test_a_full_line_fills_every_field() -> None:
    result = parse("Lê Văn B, Tổ 1, ấp Bãi Nhà A, 0912 000 102, 1, 3, G22.123-241205-0001, hôm qua")
    assert result.draft == {
        "name": "Lê Văn B",
        "address": "Tổ 1, ấp Bãi Nhà A",
        "phone": PHONE,
        "phone_old": None,
        "procedures": ["KS", "TAMTRU"],
        "procedures_ok": True,
        "dossier": "G22.123-241205-0001",
        "date": "2026-04-14",
        "date_typed": True,
    }


def test_names_are_kept_as_typed() -> None:
    # Title case and Telex are someone else's job.
    assert parse("lê văn b, Tổ 1, 0912000102, 1").draft["name"] == "lê văn b"
    assert parse("le van b, Tổ 1, 0912000102, 1").draft["name"] == "le van b"


# (line, {field: error key}, fields that must be absent from the draft)
BAD_FIELDS: list[tuple[str, dict[str, str], set[str]]] = [
    ("Trần Văn Sai; Tổ 4; 0912 34; 1", {"phone": "phone_short"}, {"phone"}),
    ("Trần Văn Ngắn; Tổ 4; 0123; 1", {"phone": "phone_short"}, {"phone"}),
    ("Lê B, Tổ 1, 0912 345 678 999, 1", {"phone": "phone_long"}, {"phone"}),
    ("Lê B, Tổ 1, 0112 345 678, 1", {"phone": "phone_invalid"}, {"phone"}),
    # a date typed but unreadable is asked again, never replaced by today
    ("Lê B, Tổ 1, 0912000102, 1, 31/02", {"date": "date_no_such_day"}, {"date"}),
    ("Lê B; Tổ 1; 0912000102; 1; 13/13", {"date": "date_no_such_day"}, {"date"}),
    ("Lê B; Tổ 1; 0912000102; 1; thứ 8", {"date": "date_no_such_day"}, {"date"}),
    ("Lê B; Tổ 1; 0912000102; 1; 4/12/026", {"date": "date_invalid"}, {"date"}),
    ("Lê B; Tổ 1; 0912000102; 1; ngày 4", {"date": "date_invalid"}, {"date"}),
    ("Lê B; Tổ 1; 0912000102; 1; 16/04/2026", {"date": "date_future"}, {"date"}),
    ("Lê B; Tổ 1; 0912000102; 1; 31/12/2025", {"date": "date_before_campaign"}, {"date"}),
    ("Lê B; Tổ 1; 0912000102; 1; 4/12", {"date": "date_future"}, {"date"}),
    ("Lê B; Tổ 1; 31/02", {"date": "date_no_such_day"}, {"date", "phone"}),
    # other fields
    (
        "Lê B; Tổ 1; 0912000102; 9",
        {"procedures": "procedure_number"},
        {"procedures", "procedures_ok"},
    ),
    ("Lê B; Tổ 1; 0912000102; làm giấy gì đó", {"procedures": "procedure_unknown"}, {"procedures"}),
    ("Lê B; Tổ 1; 0912000102; đăng ký", {"procedures": "procedure_ambiguous"}, {"procedures"}),
    ("Lê B; Tổ 1; 0912000102; 1; mã hồ sơ: ###", {"dossier": "dossier_invalid"}, {"dossier"}),
    ("B; Tổ 1; 0912000102; 1", {"name": "name_invalid"}, {"name"}),
    ("Lê B 😀; Tổ 1; 0912000102; 1", {"name": "name_symbols"}, {"name"}),
    ("Lê B; 😀😀; 0912000102; 1", {"address": "address_invalid"}, {"address"}),
    ("Lê B; Tổ 1; 0912000102; 1; 0987654321", {"extra": "one_line_extra"}, set()),
    ("Lê B; Tổ 1; 0912000102; 1; 4/4; 5/4", {"extra": "one_line_extra"}, set()),
]


@pytest.mark.parametrize(("text", "errors", "absent"), BAD_FIELDS)
def test_a_wrong_field_is_refused_alone(
    text: str, errors: dict[str, str], absent: set[str]
) -> None:
    result = parse(text)
    assert result.readable
    assert {k: e.key for k, e in result.errors.items()} == errors
    first = next(k for k in ERROR_ORDER if k in errors)
    assert result.error is result.errors[first]
    assert not absent & result.draft.keys()
    # Every other typed field is kept.
    for name in {"name", "address", "phone"} - absent - errors.keys():
        assert name in result.draft


def test_an_unreadable_date_is_not_replaced_by_today() -> None:
    result = parse("Lê B, Tổ 1, 0912000102, 1, 31/02")
    assert "date" not in result.draft
    assert result.draft["date_typed"] is True
    assert result.errors["date"].values == {"text": "31/02"}
    assert result.draft["procedures"] == ["KS"] and result.draft["phone"] == PHONE
    # No date typed at all: today, and the draft says so.
    result = parse("Lê B, Tokyo 1, 0912000102, 1")
    assert (result.draft["date"], result.draft["date_typed"]) == ("2026-04-15", False)


def test_an_unreadable_dossier_is_not_replaced_by_nothing() -> None:
    result = parse("Lê B; Tổ 1; 0912000102; 1; mã hồ sơ: ###")
    assert "dossier" not in result.draft
    assert parse("Lê B; Tổ 1; 0912000102; 1").draft["dossier"] == ""


def test_error_values_for_the_messages() -> None:
    result = parse("Lê B; Tổ 1; 0912000102; 1; 16/04/2026")
    assert result.errors["date"].values == {"day": "16/04/2026", "today": "15/04/2026"}
    result = parse("Lê B; Tổ 1; 0912000102; 1; 4/4; 5/4")
    assert result.errors["extra"].values == {"part": "5/4"}


def test_first_error_follows_the_field_order() -> None:
    result = parse("B; Tổ 1; 0912 34; 9; 31/02")
    assert set(result.errors) == {"name", "phone", "procedures", "date"}
    assert result.error is result.errors["name"]


def test_only_name_before_the_phone_leaves_the_address_to_ask() -> None:
    result = parse("Lê B, 0912000102, 1")
    assert result.readable and result.errors == {}
    assert "address" not in result.draft
    assert (result.draft["name"], result.draft["phone"]) == ("Lê B", PHONE)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        "xin chào",
        "🙂",
        "🙂" * 5000,
        "x" * 5000,
        "0912 345 678",
        "0912 345 678, Lê B, Tổ 1, 1",
        "0912345678; Lê B; Tổ 1",
        "Lê B, Tổ 1",
        "Lê B; Tổ 1",
        "1",
        "Nhập nhầm",
        "hôm qua",
    ],
)
def test_unreadable_lines(text: str) -> None:
    result = parse(text)
    assert not result.readable
    assert result.draft == {} and result.error is None


def test_a_long_line_does_not_hang_or_crash() -> None:
    text = "Lê B, " + ", ".join(["Tổ 1"] * 1000) + ", 0912000102, 1"
    result = parse(text)
    assert result.draft["phone"] == PHONE
    assert result.errors["address"].key == "address_too_long"


@pytest.mark.parametrize(
    ("text", "strict", "loose"),
    [
        ("Lê B, Tổ 1, 0912 000 102, khai sinh", True, True),
        ("Lê B; Tổ 1; 0912 000 102", True, True),
        ("Lê Văn B\nTổ 1, ấp Bãi Nhà A\n0912 000 102\nkhai sinh", True, True),
        ("Lê B - Tổ 1 - +84 912 000 102 - 1", True, True),
        ("Lê B, Tổ 1 ấp Bãi Nhà A 0912000102 khai sinh", True, True),
        ("0912 345 678", False, False),
        ("Tổ 3, ấp Bãi Nhà A", False, False),
        ("Nhập nhầm", False, False),
        ("1", False, False),
        ("Lê Văn B", False, False),
        ("Lê B, 0912 000 102", False, False),
        ("Lê B, 0912 000 102, khai sinh", False, True),
        ("Lê B; Tổ 1; 0912 34; 1", True, True),  # a household whose phone is typed wrong
        ("Lê B; Tổ 1; khai sinh", False, True),
        # Commas alone, no phone: a sentence or an address, not a household.
        ("Tổ 3, ấp Bãi Nhà A, xã Hòn Tre", False, False),
        ("Ghi giúp hộ bà Tư, số mai gửi, cảm ơn", False, False),
        ("Cho hỏi. Làm sao xem. Cảm ơn", False, False),
        ("", False, False),
        ("🙂", False, False),
    ],
)
def test_reads_as_household_and_looks_like_one_line(text: str, strict: bool, loose: bool) -> None:
    assert reads_as_household(text) is strict
    assert looks_like_one_line(text) is loose


# Lines officers sent while trying the bot: each field lands where it was meant, a wrong
# phone is reported as a phone (never taken for a dossier code), and a date that cannot be
# read is an error, never today.
@pytest.mark.parametrize(
    ("line", "fields", "errors"),
    [
        (
            "Đinh Văn Em, Tổ 2, 0912345144, 1; 3",
            {"name": "Đinh Văn Em", "address": "Tổ 2", "procedures": ["KS", "TAMTRU"]},
            {},
        ),
        ("Đinh Văn Em, Tổ 2, 0912345144, khai sinh; tạm trú", {"procedures": ["KS", "TAMTRU"]}, {}),
        (
            "Cao Văn Lâm, Tổ 2, 0912345199, 1, 3/12 buổi chiều",
            {"procedures": ["KS"]},
            {"date": "date_invalid"},
        ),
        ("Cao Văn Lâm, Tổ 2, 0912345199, 1, hôm qua lúc 9h", {}, {"date": "date_invalid"}),
        ("Lê Văn A, Tổ 2, 091234, 1", {"dossier": "", "address": "Tổ 2"}, {"phone": "phone_short"}),
        ("Lê Văn A, Tổ 2, 0112345678, 1", {"dossier": ""}, {"phone": "phone_invalid"}),
        ("Lê Văn A, Tổ 2, O912345678, 1", {"dossier": ""}, {"phone": "phone_letters"}),
        ("Lê Văn Chín, Tổ 2, 1", {"name": "Lê Văn Chín", "address": "Tổ 2"}, {}),
        (
            "Trương Văn Toàn Tổ 2 0912345609 1",
            {"name": "Trương Văn Toàn", "address": "Tổ 2", "phone": "+84912345609"},
            {},
        ),
        ("Ngô Văn Kiên, 0912345112, Tổ 2, 1", {"address": "Tổ 2", "procedures": ["KS"]}, {}),
    ],
)
def test_lines_officers_sent(line: str, fields: dict[str, Any], errors: dict[str, str]) -> None:
    result = parse_one_line(line, CATALOG, TODAY, CAMPAIGN)
    assert result.readable and looks_like_one_line(line)
    for key, value in fields.items():
        assert result.draft.get(key) == value, (key, result.draft)
    assert {k: e.key for k, e in result.errors.items()} == errors
    if "date" in errors:
        assert "date" not in result.draft


LONG_CATALOG = [
    ProcedureChoice("KS", "Đăng ký khai sinh"),
    ProcedureChoice("LT", "Liên thông khai sinh – thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi"),
    ProcedureChoice("LL", "Cấp phiếu lý lịch tư pháp"),
]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("khai sinh", "KS"), ("Đăng ký khai sinh", "KS"), ("ly lich tu phap", "LL"), ("LT", "LT")],
)
def test_a_procedure_is_taken_only_when_it_is_sure(typed: str, code: str) -> None:
    assert match_procedures(typed, LONG_CATALOG) == [code]


@pytest.mark.parametrize("typed", ["ly lich", "the bhyt", "thuong tru", "phieu ly lich"])
def test_part_of_one_name_is_asked_never_picked(typed: str) -> None:
    """A value the officer did not give is never stored: «thẻ BHYT» might be a procedure
    the catalog does not have."""
    with pytest.raises(FormError) as err:
        match_procedures(typed, LONG_CATALOG)
    assert err.value.key == "procedure_unsure"
