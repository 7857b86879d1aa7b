"""Vietnamese phone numbers: validate, store E.164, show "0912 345 678"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers

# Mobile prefixes renumbered from 11 to 10 digits on 15/09/2018 (pitfalls §5).
_OLD_MOBILE_PREFIXES = {
    **{f"016{d}": f"03{d}" for d in "23456789"},
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    "0186": "056",
    "0188": "058",
    "0199": "059",
}
_ALLOWED = re.compile(r"^[\d\s.\-()+]+$")


class PhoneError(ValueError):
    """Why a phone number was refused; `reason` is a message-catalog key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Phone:
    e164: str
    converted_from: str | None = None  # the old 11-digit form, when we renumbered it

    @property
    def display(self) -> str:
        return format_phone(self.e164)


def _national_digits(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    # "+84…" or a bare "84…" of full length carries the country code instead of the 0;
    # people also write "+84 0912…", keeping the trunk 0 after the country code.
    international = "+" in raw or len(digits) >= 11
    if international and digits.startswith("84"):
        rest = digits[2:]
        return rest if rest.startswith("0") else "0" + rest
    return digits


def parse_phone(raw: str) -> Phone:
    """Parse what an officer typed; raise PhoneError with a catalog key if it is not usable."""
    text = unicodedata.normalize("NFKC", raw).strip()  # full-width digits become ASCII
    if not text:
        raise PhoneError("phone_empty")
    if not _ALLOWED.match(text):
        raise PhoneError("phone_letters")
    digits = _national_digits(text)
    if len(digits) < 9:
        raise PhoneError("phone_short")
    converted_from = None
    if len(digits) == 11 and digits[:4] in _OLD_MOBILE_PREFIXES:
        converted_from = digits
        digits = _OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:]
    if len(digits) > 11:
        raise PhoneError("phone_long")
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException as exc:
        raise PhoneError("phone_invalid") from exc
    if not phonenumbers.is_valid_number(number):
        raise PhoneError("phone_invalid")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(e164=e164, converted_from=converted_from)


def format_phone(e164: str) -> str:
    """National format with spaces, e.g. '0912 345 678'; unknown values shown as stored."""
    try:
        number = phonenumbers.parse(e164, "VN")
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


def format_old(digits: str) -> str:
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
