"""Message catalog lookup and the formats users see (dd/mm/yyyy, 95,0%, 0912 345 678)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.texts import catalog
from models.phones import format_phone

CATALOGS: dict[str, dict[str, str]] = {"vi": catalog("vi"), "en": catalog("en")}


def template(lang: str, key: str) -> str:
    """A message as the catalog has it, before its values are put in."""
    messages = CATALOGS.get(lang, CATALOGS["vi"])
    return messages.get(key) or CATALOGS["vi"][key]


def t(lang: str, key: str, /, **values: object) -> str:
    text = template(lang, key)
    return text.format(**values) if values else text


def fmt_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def fmt_short_date(day: date) -> str:
    return day.strftime("%d/%m")


def fmt_datetime(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M %d/%m/%Y")


def fmt_pct(lang: str, fraction: float) -> str:
    text = f"{fraction * 100:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def fmt_int(lang: str, number: int) -> str:
    """1.234 in Vietnamese, 1,234 in English."""
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "vi" else text


def fmt_phone(e164: str) -> str:
    return format_phone(e164)


def fmt_decimal(lang: str, number: float, digits: int = 1) -> str:
    """1,5 and 1.234,5 in Vietnamese (1.5, 1,234.5 in English); whole numbers without
    decimals (2, not 2,0)."""
    text = f"{number:,.{digits}f}"
    if digits and text.endswith("." + "0" * digits):
        text = text[: -(digits + 1)]
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text
