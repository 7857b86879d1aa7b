"""Validate and parse what officers type for a household: each field, and the one-line form."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from handlers.form_errors import FormError
from models.phones import Phone, PhoneError, parse_phone
from models.rules import CampaignConfig
from models.text import clean, fold, has_letter

NAME_MAX = 100
ADDRESS_MAX = 200
DOSSIER_MAX = 60

_NAME_EXTRA = set(" .'-()")
_ADDRESS_EXTRA = set(" ,./-()#:'\"&+")
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?$")
_DOSSIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\-_ ]*$")
_DOSSIER_PREFIX = re.compile(r"^(mã\s*hồ\s*sơ|ma\s*ho\s*so|mã\s*hs|mhs|hs)\s*[:#]?\s*", re.I)
_SPLIT_PROCS = re.compile(r"\s*(?:,|\+|&|\bvà\b|\band\b)\s*", re.I)
_ONE_LINE_SPLIT = re.compile(r"\s*[;|\n]\s*")
_TODAY = {"hom nay", "today", "nay"}
_YESTERDAY = {"hom qua", "yesterday", "qua"}


def _only(text: str, extra: set[str], allow_digits: bool) -> bool:
    for ch in text:
        cat = unicodedata.category(ch)
        if cat.startswith("L") or cat.startswith("M") or ch in extra:
            continue
        if allow_digits and cat == "Nd":
            continue
        return False
    return True


def check_name(raw: str) -> str:
    text = clean(raw)
    if not text:
        raise FormError("name_empty")
    if len(text) > NAME_MAX:
        raise FormError("name_too_long", limit=NAME_MAX)
    if sum(ch.isdigit() for ch in text) >= 7:
        raise FormError("name_looks_like_phone")
    if not has_letter(text) or len(text) < 2:
        raise FormError("name_invalid")
    if not _only(text, _NAME_EXTRA, allow_digits=False):
        raise FormError("name_symbols")
    return text


def check_address(raw: str) -> str:
    text = clean(raw)
    if not text:
        raise FormError("address_empty")
    if len(text) > ADDRESS_MAX:
        raise FormError("address_too_long", limit=ADDRESS_MAX)
    if not has_letter(text) or len(text) < 2:
        raise FormError("address_invalid")
    if not _only(text, _ADDRESS_EXTRA, allow_digits=True):
        raise FormError("address_symbols")
    return text


def check_phone(raw: str) -> Phone:
    try:
        return parse_phone(raw)
    except PhoneError as exc:
        raise FormError(exc.reason) from exc


def check_dossier(raw: str) -> str:
    text = _DOSSIER_PREFIX.sub("", clean(raw))
    if not text:
        raise FormError("dossier_empty")
    if len(text) > DOSSIER_MAX:
        raise FormError("dossier_too_long", limit=DOSSIER_MAX)
    if not _DOSSIER.match(text) or not any(ch.isdigit() for ch in text):
        raise FormError("dossier_invalid")
    return text


def parse_day(raw: str, today: date, campaign: CampaignConfig) -> date:
    text = clean(raw)
    key = fold(text)
    if not text:
        raise FormError("date_empty")
    if key in _TODAY:
        day = today
    elif key in _YESTERDAY:
        day = today - timedelta(days=1)
    else:
        match = _DATE.match(text)
        if not match:
            raise FormError("date_invalid")
        d, m, y = match.groups()
        year = today.year if y is None else int(y) + (2000 if len(y) == 2 else 0)
        try:
            day = date(year, int(m), int(d))
        except ValueError as exc:
            raise FormError("date_invalid") from exc
        if y is None and day > today:
            # "25/12" typed in early January means last December.
            try:
                day = day.replace(year=year - 1)
            except ValueError as exc:
                raise FormError("date_invalid") from exc
    if day > today:
        raise FormError("date_future")
    if day < campaign.start:
        raise FormError("date_before_campaign", start=campaign.start.strftime("%d/%m/%Y"))
    if day > campaign.end:
        raise FormError("date_after_campaign", end=campaign.end.strftime("%d/%m/%Y"))
    return day


@dataclass(frozen=True)
class ProcedureChoice:
    code: str
    name: str


def match_procedures(raw: str, catalog: Sequence[ProcedureChoice]) -> list[str]:
    """'1, 3', 'KS', 'khai sinh + ly lich' → procedure codes, in catalog order."""
    text = clean(raw)
    if not text:
        raise FormError("procedure_empty")
    tokens = [tok for tok in _SPLIT_PROCS.split(text) if tok]
    if len(tokens) == 1 and re.fullmatch(r"[\d\s]+", tokens[0]):
        tokens = tokens[0].split()
    chosen: list[str] = []
    for token in tokens:
        code = _match_one(token, catalog)
        if code not in chosen:
            chosen.append(code)
    order = {p.code: i for i, p in enumerate(catalog)}
    return sorted(chosen, key=order.__getitem__)


def _match_one(token: str, catalog: Sequence[ProcedureChoice]) -> str:
    if token.isdigit():
        index = int(token)
        if 1 <= index <= len(catalog):
            return catalog[index - 1].code
        raise FormError("procedure_number", token=token, count=len(catalog))
    for proc in catalog:
        if proc.code.casefold() == token.casefold():
            return proc.code
    key = fold(token)
    if len(key) < 3:
        raise FormError("procedure_unknown", token=token)
    hits = [p for p in catalog if key in fold(p.name)]
    if len(hits) > 1:
        # Prefer a whole-name match ("khai sinh" vs "khai sinh cho con nuôi").
        exact = [p for p in hits if fold(p.name).endswith(key)]
        hits = exact if len(exact) == 1 else hits
    if len(hits) == 1:
        return hits[0].code
    if not hits:
        raise FormError("procedure_unknown", token=token)
    raise FormError("procedure_ambiguous", token=token,
                    names="; ".join(p.name for p in hits[:4]))


# --- the one-line form ----------------------------------------------------------------


@dataclass
class OneLine:
    draft: dict[str, Any] = field(default_factory=dict)
    error: FormError | None = None


def looks_like_one_line(text: str) -> bool:
    return len([p for p in _ONE_LINE_SPLIT.split(text) if p.strip()]) >= 3


def _is_phoneish(part: str) -> bool:
    digits = sum(ch.isdigit() for ch in part)
    if digits >= 5 and digits >= len(part.replace(" ", "")) * 0.7:
        return True
    # A short number starting 0 or +84 is a phone cut short, not procedures "0123".
    bare = re.sub(r"[\s.\-]", "", part)
    return len(bare) >= 3 and bare[0] in "0+" and bare.lstrip("+").isdigit()


def parse_one_line(
    text: str, catalog: Sequence[ProcedureChoice], today: date, campaign: CampaignConfig,
) -> OneLine:
    """name; address; phone; procedures [; dossier code] [; date] — any separator of ; | or
    new lines. Fields after the name are recognised by their shape, so order is forgiving.
    Valid fields are kept even when another one is wrong, so the dialog only asks for that one.
    """
    parts = [p for p in _ONE_LINE_SPLIT.split(clean_lines(text)) if p]
    result = OneLine()
    d = result.draft

    def fail(err: FormError) -> None:
        if result.error is None:
            result.error = err

    name, rest = parts[0], parts[1:]
    try:
        d["name"] = check_name(name)
    except FormError as err:
        fail(err)
    for part in rest:
        try:
            if "phone" not in d and _is_phoneish(part):
                phone = check_phone(part)
                d["phone"] = phone.e164
                d["phone_old"] = phone.converted_from
            elif "date" not in d and (_DATE.match(part) or fold(part) in _TODAY | _YESTERDAY):
                d["date"] = parse_day(part, today, campaign).isoformat()
            elif "address" not in d and "phone" not in d and "procedures" not in d:
                d["address"] = check_address(part)
            elif "procedures" not in d and not _DOSSIER_PREFIX.match(part):
                d["procedures"] = match_procedures(part, catalog)
                d["procedures_ok"] = True
            elif "dossier" not in d:
                d["dossier"] = check_dossier(part)
            else:
                raise FormError("one_line_extra", part=part[:40])
        except FormError as err:
            fail(err)
    d.setdefault("dossier", "")
    d.setdefault("date", today.isoformat())
    return result


def clean_lines(text: str) -> str:
    """NFC and tidy spaces, but keep line breaks: they separate one-line fields too."""
    lines = [clean(line) for line in unicodedata.normalize("NFC", text).splitlines()]
    return "\n".join(line for line in lines if line)
