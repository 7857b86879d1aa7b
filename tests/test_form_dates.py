"""handlers/parse/form_dates.py: the day of guidance as officers type it. Pure functions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from handlers.parse.form_dates import is_day_text, parse_day
from handlers.parse.form_errors import FormError
from models.rules import CampaignConfig

# Wednesday 15/04/2026, as in tests/support/campaign.py.
WED = date(2026, 4, 15)
# A campaign over two years, so year-less dates and year boundaries can be tested freely.
LONG = CampaignConfig(code="c", name="n", unit="u", start=date(2025, 1, 1), end=date(2027, 12, 31))
Y2026 = CampaignConfig(code="c", name="n", unit="u", start=date(2026, 1, 1), end=date(2026, 12, 31))


def _error(raw: str, today: date = WED, campaign: CampaignConfig = LONG) -> tuple[str, Any]:
    with pytest.raises(FormError) as info:
        parse_day(raw, today, campaign)
    return info.value.key, info.value.values


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # relative words, with or without accents, any case
        ("hôm nay", date(2026, 4, 15)),
        ("Hôm nay", date(2026, 4, 15)),
        ("hom nay", date(2026, 4, 15)),
        ("nay", date(2026, 4, 15)),
        ("today", date(2026, 4, 15)),
        ("TODAY", date(2026, 4, 15)),
        ("hôm qua", date(2026, 4, 14)),
        ("HÔM QUA", date(2026, 4, 14)),
        ("qua", date(2026, 4, 14)),
        ("yesterday", date(2026, 4, 14)),
        ("ngày hôm qua", date(2026, 4, 14)),
        ("hôm qua.", date(2026, 4, 14)),
        ("hôm kia", date(2026, 4, 13)),
        ("hom kia", date(2026, 4, 13)),
        # numbers: a date without a year is the latest one not in the future
        ("4/12", date(2025, 12, 4)),
        ("04/12", date(2025, 12, 4)),
        ("04/12/25", date(2025, 12, 4)),
        ("4-12-2025", date(2025, 12, 4)),
        ("4.12.2025", date(2025, 12, 4)),
        ("4 / 12 / 2025", date(2025, 12, 4)),
        ("15/4", date(2026, 4, 15)),
        ("14/04/2026", date(2026, 4, 14)),
        ("16/4", date(2025, 4, 16)),
        ("ngày 4/12", date(2025, 12, 4)),
        ("Ngày: 4/12", date(2025, 12, 4)),
        ("ngay 4-12", date(2025, 12, 4)),
        ("ngày 4 tháng 12", date(2025, 12, 4)),
        ("ngày 4 tháng 12 năm 2025", date(2025, 12, 4)),
        ("NGÀY 4 THÁNG 12 NĂM 2025", date(2025, 12, 4)),
        ("4 tháng 12", date(2025, 12, 4)),
        ("mùng 4 tháng 12", date(2025, 12, 4)),
        ("1/4/26", date(2026, 4, 1)),
        # weekdays: the latest such day, today itself when it matches (today is a Wednesday)
        ("thứ 2", date(2026, 4, 13)),
        ("thứ hai", date(2026, 4, 13)),
        ("t2", date(2026, 4, 13)),
        ("T2", date(2026, 4, 13)),
        ("thứ 3", date(2026, 4, 14)),
        ("thứ ba", date(2026, 4, 14)),
        ("T3", date(2026, 4, 14)),
        ("thứ 4", date(2026, 4, 15)),
        ("thứ tư", date(2026, 4, 15)),
        ("thu tu", date(2026, 4, 15)),
        ("t4", date(2026, 4, 15)),
        ("thứ 5", date(2026, 4, 9)),
        ("thứ năm", date(2026, 4, 9)),
        ("t5", date(2026, 4, 9)),
        ("thứ 6", date(2026, 4, 10)),
        ("thứ sáu", date(2026, 4, 10)),
        ("t6", date(2026, 4, 10)),
        ("thứ 7", date(2026, 4, 11)),
        ("thứ bảy", date(2026, 4, 11)),
        ("thứ bẩy", date(2026, 4, 11)),
        ("T7", date(2026, 4, 11)),
        ("chủ nhật", date(2026, 4, 12)),
        ("Chủ Nhật", date(2026, 4, 12)),
        ("chu nhat", date(2026, 4, 12)),
        ("CN", date(2026, 4, 12)),
        ("ngày chủ nhật", date(2026, 4, 12)),
        ("hôm thứ 2", date(2026, 4, 13)),
        ("ngày thứ sáu", date(2026, 4, 10)),
    ],
)
def test_accepted_forms(raw: str, expected: date) -> None:
    assert is_day_text(raw)
    assert parse_day(raw, WED, LONG) == expected


@pytest.mark.parametrize(
    ("raw", "today", "expected"),
    [
        # Across new year: "31/12" typed on 02/01/2027 is last week, not next December.
        ("31/12", date(2027, 1, 2), date(2026, 12, 31)),
        ("hôm qua", date(2027, 1, 1), date(2026, 12, 31)),
        ("hôm kia", date(2027, 1, 1), date(2026, 12, 30)),
        ("thứ 5", date(2027, 1, 2), date(2026, 12, 31)),  # 02/01/2027 is a Saturday
        ("1/1", date(2027, 1, 1), date(2027, 1, 1)),
        # A weekday typed on that weekday is today.
        ("thứ 2", date(2026, 4, 13), date(2026, 4, 13)),
        ("thứ hai", date(2026, 4, 13), date(2026, 4, 13)),
        ("chủ nhật", date(2026, 4, 12), date(2026, 4, 12)),
        # "Chủ nhật" typed on a Saturday is six days ago; "thứ 7" on a Sunday is yesterday.
        ("chủ nhật", date(2026, 4, 18), date(2026, 4, 12)),
        ("cn", date(2026, 4, 18), date(2026, 4, 12)),
        ("thứ 7", date(2026, 4, 19), date(2026, 4, 18)),
        # 29/02 is the latest one that exists.
        ("29/02", date(2026, 4, 15), date(2024, 2, 29)),
        ("29/2", date(2028, 3, 1), date(2028, 2, 29)),
        ("29/02/2028", date(2028, 3, 1), date(2028, 2, 29)),
    ],
)
def test_relative_to_the_day_typed(raw: str, today: date, expected: date) -> None:
    campaign = CampaignConfig(
        code="c", name="n", unit="u", start=date(2024, 1, 1), end=date(2028, 12, 31)
    )
    assert parse_day(raw, today, campaign) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "31/02",
        "30/02",
        "31/11",
        "31/04",
        "0/5",
        "5/0",
        "13/13",
        "32/1",
        "1/13",
        "31/02/2026",
        "29/02/2026",
        "29/02/27",
        "ngày 31 tháng 2",
        "31-11-2025",
        "thứ 8",
        "thứ 1",
        "Thứ 9",
    ],
)
def test_impossible_dates(raw: str) -> None:
    assert is_day_text(raw)  # the form still knows it was meant as the date
    assert _error(raw) == ("date_no_such_day", {"text": raw})


@pytest.mark.parametrize(
    "raw",
    [
        "abc",
        "🙂",
        "🙂🙂🙂",
        "khai sinh",
        "1",
        "12",
        "2026",
        "4/12/026",
        "4//12",
        "ngày 4",
        "ngày mai lại",
        "0912 345 678",
        "G22.123-241205-0001",
        "hôm",
        "thứ",
        "thứ mười",
    ],
)
def test_unreadable(raw: str) -> None:
    key, values = _error(raw)
    assert key == "date_invalid"
    assert values == {"text": raw}


def test_unreadable_text_is_cleaned_and_cut_to_20_characters() -> None:
    assert _error("  abc   def  ") == ("date_invalid", {"text": "abc def"})
    key, values = _error("x" * 5000)
    assert key == "date_invalid" and values["text"] == "x" * 20
    key, values = _error("🙂" * 5000)
    assert key == "date_invalid" and values["text"] == "🙂" * 20


@pytest.mark.parametrize("raw", ["", " ", "\n\t", "\u00a0"])
def test_empty(raw: str) -> None:
    assert _error(raw) == ("date_empty", {})
    assert not is_day_text(raw)


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("16/04/2026", "16/04/2026"),
        ("4/12/2026", "04/12/2026"),
        ("1/1/27", "01/01/2027"),
        ("ngày 16 tháng 4 năm 2026", "16/04/2026"),
    ],
)
def test_future(raw: str, day: str) -> None:
    assert _error(raw) == ("date_future", {"day": day, "today": "15/04/2026"})


def test_before_and_after_campaign() -> None:
    assert _error("31/12/2025", campaign=Y2026) == (
        "date_before_campaign",
        {"day": "31/12/2025", "start": "01/01/2026"},
    )
    # "Hôm qua" on the campaign's first day is the day before it started.
    assert _error("hôm qua", today=date(2026, 1, 1), campaign=Y2026) == (
        "date_before_campaign",
        {"day": "31/12/2025", "start": "01/01/2026"},
    )
    assert _error("thứ 2", today=date(2026, 1, 1), campaign=Y2026) == (
        "date_before_campaign",
        {"day": "29/12/2025", "start": "01/01/2026"},
    )
    # Logged late, after the campaign ended.
    assert _error("hôm nay", today=date(2027, 1, 3), campaign=Y2026) == (
        "date_after_campaign",
        {"day": "03/01/2027", "end": "31/12/2026"},
    )
    assert _error("2/1", today=date(2027, 1, 3), campaign=Y2026) == (
        "date_after_campaign",
        {"day": "02/01/2027", "end": "31/12/2026"},
    )
    # The campaign's own first and last days are accepted.
    assert parse_day("1/1", date(2026, 1, 1), Y2026) == date(2026, 1, 1)
    assert parse_day("31/12", date(2027, 1, 3), Y2026) == date(2026, 12, 31)


def test_future_is_checked_before_the_campaign() -> None:
    assert _error("4/12/2027", campaign=Y2026) == (
        "date_future",
        {"day": "04/12/2027", "today": "15/04/2026"},
    )


@pytest.mark.parametrize(
    ("raw", "today", "day"),
    [
        # Last year's 20/12 is before the campaign and this year's has not come: the officer
        # meant this year's, so "not yet" rather than "before the campaign".
        ("20/12", date(2026, 12, 5), "20/12/2026"),
        ("ngày 20 tháng 12", date(2026, 12, 5), "20/12/2026"),
        ("16/4", date(2026, 4, 15), "16/04/2026"),
    ],
)
def test_yearless_date_not_yet_come_in_the_campaigns_first_year(
    raw: str, today: date, day: str
) -> None:
    key, values = _error(raw, today=today, campaign=Y2026)
    assert (key, values["day"]) == ("date_future", day)


def test_yearless_date_from_last_year_inside_the_campaign_is_accepted() -> None:
    # With the campaign begun last year, "20/12" on 05/12 is last year's.
    assert parse_day("20/12", date(2026, 12, 5), LONG) == date(2025, 12, 20)


def test_yearless_date_before_campaign_that_already_passed_this_year() -> None:
    # 10/01 is before the campaign even this year, which is not "future".
    campaign = CampaignConfig(
        code="c", name="n", unit="u", start=date(2026, 3, 1), end=date(2026, 12, 31)
    )
    assert _error("10/1", campaign=campaign) == (
        "date_before_campaign",
        {"day": "10/01/2026", "start": "01/03/2026"},
    )


@pytest.mark.parametrize(
    "raw",
    [
        "hôm nay",
        "hôm qua",
        "hôm kia",
        "4/12",
        "31/02",
        "13/13",
        "04/12/26",
        "ngày 4 tháng 12",
        "thứ 2",
        "t7",
        "cn",
        "chủ nhật",
        "ngày 4",
        "4/12/026",
        "4/12.",
    ],
)
def test_is_day_text_shapes(raw: str) -> None:
    assert is_day_text(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "Lê Văn B",
        "Tổ 1, ấp Bãi Nhà A",
        "0912 345 678",
        "0912-345-678",
        "84912345678",
        "1",
        "1, 3",
        "khai sinh",
        "KS",
        "G22.123-241205-0001",
        "mã hồ sơ 123",
        "t8",
        "t1",
        "🙂",
        "thứ",
        "ngày",
    ],
)
def test_is_day_text_rejects_other_fields(raw: str) -> None:
    assert not is_day_text(raw)
