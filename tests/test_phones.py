"""models/phones.py: what officers type → E.164 storage and "0912 345 678" display."""

from __future__ import annotations

import pytest

from handlers.texts.vi import MESSAGES
from models.phones import Phone, PhoneError, format_phone, parse_phone

MOBILE_FORMS = [
    "0912345678",
    "+84 912 345 678",
    "+84912345678",
    "84912345678",
    "0912-345-678",
    "0912.345.678",
    "0912 345 678",
    " 0912 345 678 ",
    "0912\u00a0345\u00a0678",  # non-breaking spaces pasted from a document
    "０９１２３４５６７８",  # full-width digits from a phone keyboard
    "＋８４ ９１２ ３４５ ６７８",
]


@pytest.mark.parametrize("raw", MOBILE_FORMS)
def test_mobile_forms_normalise_to_e164(raw: str) -> None:
    phone = parse_phone(raw)
    assert phone == Phone(e164="+84912345678", converted_from=None)
    assert phone.display == "0912 345 678"


def test_format_phone_shows_national_groups() -> None:
    assert format_phone("+84912345678") == "0912 345 678"
    assert format_phone("+84362345678") == "0362 345 678"


def test_format_phone_keeps_unparseable_value_as_stored() -> None:
    assert format_phone("not a phone") == "not a phone"


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0297 3 830 123", "+842973830123"),
        ("0292 3 123 456", "+842923123456"),
        ("02973830123", "+842973830123"),
        ("+84 297 383 0123", "+842973830123"),
    ],
)
def test_landlines_are_valid_and_stored_e164(raw: str, e164: str) -> None:
    phone = parse_phone(raw)
    assert phone.e164 == e164
    assert phone.e164.startswith("+842")
    assert phone.converted_from is None
    assert phone.display.replace(" ", "") == "0" + e164[3:]


@pytest.mark.parametrize(
    ("raw", "e164", "old"),
    [
        ("01662345678", "+84362345678", "01662345678"),
        ("0166 234 5678", "+84362345678", "01662345678"),
        ("0123 456 7890", "+84834567890", "01234567890"),
        ("01861234567", "+84561234567", "01861234567"),
        ("01991234567", "+84591234567", "01991234567"),
        ("01201234567", "+84701234567", "01201234567"),
        ("+84 166 234 5678", "+84362345678", "01662345678"),
    ],
)
def test_old_eleven_digit_mobiles_are_renumbered(raw: str, e164: str, old: str) -> None:
    phone = parse_phone(raw)
    assert phone.e164 == e164
    assert phone.converted_from == old


def test_renumbered_display_uses_the_new_number() -> None:
    assert parse_phone("01662345678").display == "0362 345 678"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("123", "phone_short"),
        ("0912 345", "phone_short"),
        ("abc", "phone_letters"),
        ("09l2345678", "phone_letters"),
        ("0912345678 (Lan)", "phone_letters"),
        ("", "phone_empty"),
        ("   ", "phone_empty"),
        ("\u3000", "phone_empty"),  # a full-width space only
        ("0912345678901", "phone_long"),
        ("0000000000", "phone_invalid"),
        ("0112345678", "phone_invalid"),
    ],
)
def test_invalid_numbers_give_a_catalog_reason(raw: str, reason: str) -> None:
    with pytest.raises(PhoneError) as info:
        parse_phone(raw)
    assert info.value.reason == reason
    assert isinstance(info.value, ValueError)


REASONS = ["phone_empty", "phone_letters", "phone_short", "phone_long", "phone_invalid"]


@pytest.mark.parametrize("reason", REASONS)
def test_every_reason_has_a_vietnamese_message(reason: str) -> None:
    assert reason in MESSAGES
    assert MESSAGES[reason].strip()


def test_reasons_raised_are_all_in_the_catalog() -> None:
    samples = ["", "x", "1", "0912345678901", "0000000000", "09l2345678", "123"]
    seen = set()
    for raw in samples:
        with pytest.raises(PhoneError) as info:
            parse_phone(raw)
        seen.add(info.value.reason)
    assert seen <= set(MESSAGES)
    assert seen == set(REASONS)


def test_country_code_in_parentheses_is_accepted() -> None:
    assert parse_phone("(+84) 912 345 678").e164 == "+84912345678"


def test_country_code_with_trunk_zero_is_accepted() -> None:
    assert parse_phone("+84 0912 345 678").e164 == "+84912345678"
