"""The day a household was guided, as officers type it: "hôm qua", "4/12", "thứ 2",
"ngày 4 tháng 12 năm 2026"… Pure functions: the caller passes `today`, the day the message
was written in the campaign's timezone."""

from __future__ import annotations

import re
from datetime import date, timedelta

from handlers.parse.form_errors import FormError
from models.rules import CampaignConfig
from models.text import clean, fold

SHOWN_MAX = 20  # how much of what was typed an error message repeats

_TRAILING = re.compile(r"[\s.,;:!?]+$")
_NGAY = re.compile(r"^ngay\s*:?\s*")  # "ngày 4/12", "Ngày: 4/12"
_HOM = re.compile(r"^(?:hom|bua)\s+")  # "hôm thứ 2", "bữa chủ nhật"
_MUNG = re.compile(r"^(?:mung|mong)\s*")  # "mùng 4 tháng 12"
_BACK = {
    "hom nay": 0,
    "nay": 0,
    "today": 0,
    "hnay": 0,
    "bua nay": 0,
    "hom qua": 1,
    "qua": 1,
    "yesterday": 1,
    "hqua": 1,
    "bua qua": 1,
    "hom kia": 2,
    "bua kia": 2,
}
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d+))?$")
_WORDS = re.compile(r"^(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*(?:nam\s*)?(\d+))?$")
_WEEKDAY = re.compile(r"^(?:thu\s*(\d{1,2}|hai|ba|tu|nam|sau|bay)|t\s?([2-7])|chu\s*nhat|cn)$")
# Python's weekday(): Monday is 0. "Thứ 2" is Monday … "thứ 7" Saturday, "chủ nhật" Sunday.
_WEEKDAY_WORDS = {"hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7}


def _key(raw: str) -> str:
    """Folded, without end punctuation or the "ngày" label: what the patterns read."""
    return _NGAY.sub("", _TRAILING.sub("", fold(raw)))


def _weekday_key(key: str) -> str:
    return _HOM.sub("", key)


def is_day_text(raw: str) -> bool:
    """True when the text has the shape of a date — even an impossible one ("31/02",
    "thứ 8") — so a form parser can treat it as the date field and report what is wrong."""
    folded = _TRAILING.sub("", fold(raw))
    if not folded:
        return False
    key = _NGAY.sub("", folded)
    if key in _BACK or _WEEKDAY.match(_weekday_key(key)):
        return True
    bare = _MUNG.sub("", key)
    if _NUMERIC.match(bare) or _WORDS.match(bare):
        return True
    # "ngày 4", "ngày 4 tháng": labelled a date, and has a number in it.
    return key != folded and any(ch.isdigit() for ch in key)


def fmt_day(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def parse_day(raw: str, today: date, campaign: CampaignConfig) -> date:
    """What the officer typed → the day of guidance, or FormError(key, **values):
    date_empty; date_invalid(text); date_no_such_day(text); date_future(day, today);
    date_before_campaign(day, start); date_after_campaign(day, end).

    A date without a year is the latest such day not after `today`; a weekday is the latest
    such weekday (today itself when it matches); a two-digit year is 20yy.
    """
    text = clean(raw)
    if not text:
        raise FormError("date_empty")
    shown = text[:SHOWN_MAX]
    key = _key(text)
    if key in _BACK:
        day = today - timedelta(days=_BACK[key])
    elif match := _WEEKDAY.match(_weekday_key(key)):
        day = _weekday(match, today, shown)
    elif match := (_NUMERIC.match(_MUNG.sub("", key)) or _WORDS.match(_MUNG.sub("", key))):
        d, m, y = match.groups()
        if y is None:
            day = _yearless(int(d), int(m), today, campaign, shown)
        else:
            day = _with_year(int(d), int(m), y, shown)
    else:
        raise FormError("date_invalid", text=shown)
    return check_day(day, today, campaign)


def check_day(day: date, today: date, campaign: CampaignConfig) -> date:
    """A readable day that is not in the future and lies within the campaign."""
    if day > today:
        raise FormError("date_future", day=fmt_day(day), today=fmt_day(today))
    if day < campaign.start:
        raise FormError("date_before_campaign", day=fmt_day(day), start=fmt_day(campaign.start))
    if day > campaign.end:
        raise FormError("date_after_campaign", day=fmt_day(day), end=fmt_day(campaign.end))
    return day


def _weekday(match: re.Match[str], today: date, shown: str) -> date:
    number, short = match.group(1), match.group(2)
    if number is None and short is None:
        target = 6  # chủ nhật, cn
    else:
        word: str = short or number
        nth = int(word) if word.isdigit() else _WEEKDAY_WORDS[word]
        if not 2 <= nth <= 7:
            raise FormError("date_no_such_day", text=shown)  # "thứ 1", "thứ 8"
        target = nth - 2
    return today - timedelta(days=(today.weekday() - target) % 7)


def _with_year(d: int, m: int, y: str, shown: str) -> date:
    if len(y) not in (2, 4):
        raise FormError("date_invalid", text=shown)
    year = int(y) + (2000 if len(y) == 2 else 0)
    try:
        return date(year, m, d)
    except ValueError as exc:
        raise FormError("date_no_such_day", text=shown) from exc


def _yearless(d: int, m: int, today: date, campaign: CampaignConfig, shown: str) -> date:
    try:
        date(2000, m, d)  # a leap year: 29/02 exists, 31/02 and 0/5 never do
    except ValueError as exc:
        raise FormError("date_no_such_day", text=shown) from exc
    latest: date | None = None
    for year in range(today.year, today.year - 9, -1):  # 29/02 recurs within 8 years
        try:
            candidate = date(year, m, d)
        except ValueError:
            continue
        if candidate <= today:
            latest = candidate
            break
    try:
        this_year: date | None = date(today.year, m, d)
    except ValueError:
        this_year = None
    if this_year is not None and this_year > today and (latest is None or latest < campaign.start):
        # "20/12" typed on 05/12 of the campaign's first year: last year's 20/12 is outside
        # the campaign, so the officer meant this year's, which has not come yet.
        raise FormError("date_future", day=fmt_day(this_year), today=fmt_day(today))
    if latest is None:  # pragma: no cover - 29/02 always recurs within 8 years
        raise FormError("date_no_such_day", text=shown)
    return latest
