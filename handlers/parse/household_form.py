"""Validate and parse what officers type for a household: each field, and the one-line form."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any, NamedTuple

from handlers.parse.form_dates import is_day_text
from handlers.parse.form_dates import parse_day as parse_day
from handlers.parse.form_errors import FormError
from models.phones import Phone, PhoneError, parse_phone
from models.rules import CampaignConfig
from models.text import clean, fold, has_letter

NAME_MAX = 100
ADDRESS_MAX = 200
DOSSIER_MAX = 60
DOSSIER_MIN = 4  # the portal's codes are long; "0" or "12" is not one

_NAME_EXTRA = set(" .'-()")
_ADDRESS_EXTRA = set(" ,./-()#:'\"&+")
_DOSSIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\-_ ]*$")
_DOSSIER_PREFIX = re.compile(
    r"^(mã\s*hồ\s*sơ|ma\s*ho\s*so|số\s*hồ\s*sơ|so\s*ho\s*so|mã\s*hs|ma\s*hs|mhs|hs)"
    r"\s*[:#.]?\s*",
    re.I,
)
_SPLIT_PROCS = re.compile(r"\s*(?:,|;|\+|&|\bvà\b|\band\b)\s*", re.I)


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
    if (
        not _DOSSIER.match(text)
        or not any(ch.isdigit() for ch in text)
        or len(text.replace(" ", "")) < DOSSIER_MIN
    ):
        raise FormError("dossier_invalid")
    return text


# "No code" said in words at the dossier question.
NO_DOSSIER = {
    "khong",
    "ko",
    "k",
    "khong co",
    "ko co",
    "chua",
    "chua co",
    "khong co ma",
    "bo qua",
    "skip",
    "none",
    "no",
    "xong",
    "-",
    "0",
}


def no_dossier(raw: str) -> bool:
    return fold(raw).strip(" .!") in NO_DOSSIER


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
    # Sure only by the whole name, or the last words of exactly one name ("khai sinh" →
    # Đăng ký khai sinh, not «Liên thông khai sinh – …»); a part found inside a name is
    # asked, never picked: the household's evidence must hold what the officer meant.
    words = key.split()
    whole = [p for p in catalog if fold(p.name).split() == words]
    if len(whole) == 1:
        return whole[0].code
    if len(words) >= 2:
        ends = [p for p in catalog if fold(p.name).split()[-len(words) :] == words]
        if len(ends) == 1:
            return ends[0].code
    hits = [p for p in catalog if key in fold(p.name)]
    if not hits:
        raise FormError("procedure_unknown", token=token)
    if len(hits) == 1:
        raise FormError("procedure_unsure", token=token, name=hits[0].name)
    raise FormError("procedure_ambiguous", token=token, names="; ".join(p.name for p in hits[:4]))


# --- the one-line form ----------------------------------------------------------------
#
# One household per message: "Lê Văn B; Tổ 1, ấp Bãi Nhà A; 0912 000 102; 1, 3; 4/12".
# The phone anchors the fields: before it the name, then the address; after it procedures,
# a dossier code and a date, told apart by their shape.

# The order in which `OneLine.error` picks the error to show; "extra" is a part left over.
ERROR_ORDER = ("name", "address", "phone", "procedures", "dossier", "date", "extra")

_PRIMARY = re.compile(r"[;|\n]")
_PRIMARY_SPLIT = re.compile(r"[;|\n]+")
# Only when no ; | or new line is present. A hyphen needs spaces around it to separate:
# "0912-345-678" and "4-12-2026" stay whole.
_SECONDARY_SPLIT = re.compile(r",|\s+[-–—]+\s+|\.\s+")
_LEAD = re.compile(r"^(?:[\s•*·–—.,]|-\s)+")
_TRAIL = re.compile(r"[\s.,;:!?]+$")
_LABELS = {  # "SĐT: 0912…", "Địa chỉ: Tổ 1": the label is dropped
    "ten",
    "ho ten",
    "ho va ten",
    "chu ho",
    "ten chu ho",
    "dia chi",
    "dc",
    "d/c",
    "sdt",
    "so dien thoai",
    "dien thoai",
    "dt",
    "so dt",
    "thu tuc",
    "tt",
    "ngay huong dan",
}
_NUM_TOKEN = re.compile(r"\+?[\d().\-]*\d[\d().\-]*")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_]{5,}")
_CODE_PREFIX = re.compile(r"(?:ma\s*ho\s*so|so\s*ho\s*so|ma\s*hs|mhs)\s*[:#.]?")
_HS_PREFIX = re.compile(r"hs\s*[:#.]?\s*\S*\d")
_LONE_DAY_WORDS = {"nay", "qua"}  # too common to split off the end of a procedure


class _Chunk(NamedTuple):
    text: str
    start: int  # where it sits in the cleaned message
    end: int


@dataclass
class _Layout:
    text: str
    chunks: list[_Chunk]
    primary: bool  # split on ; | or new lines
    phone: int | None = None  # index of the phone chunk
    phone_valid: bool = False


@dataclass
class OneLine:
    draft: dict[str, Any] = field(default_factory=dict)
    error: FormError | None = None  # the first of `errors` in ERROR_ORDER: shown to the user
    errors: dict[str, FormError] = field(default_factory=dict)  # field → why it was refused
    readable: bool = True  # False: not a household at all; reply with an example


def looks_like_one_line(text: str) -> bool:
    """Loose, for messages outside any question: three parts or more split by ; | or new
    lines, or any split around a phone-like part. Commas alone, with no phone, are how
    people write sentences ("Ghi giúp hộ bà Tư, số mai gửi, cảm ơn"), not a household."""
    layout = _layout(text)
    if layout.phone is not None:
        return len(layout.chunks) >= 3 or reads_as_household(text)
    if len(layout.chunks) < 3:
        return False
    # Without ; | or new lines: a household missing its phone ends with procedure numbers.
    return layout.primary or bool(re.fullmatch(r"[\d\s,+&]+", layout.chunks[-1].text))


def reads_as_household(text: str) -> bool:
    """Strict: a phone (valid or typed wrong) with at least a name and an address before it.
    Decides that a message typed while the bot asks something else is a new household."""
    layout = _layout(text)
    return layout.phone is not None and layout.phone >= 2


def _is_phoneish(part: str) -> bool:
    digits = sum(ch.isdigit() for ch in part)
    if digits >= 5 and digits >= len(part.replace(" ", "")) * 0.7:
        return True
    # A short number starting 0 or +84 is a phone cut short, not procedures "0123".
    bare = re.sub(r"[\s.\-]", "", part)
    return len(bare) >= 3 and bare[0] in "0+" and bare.lstrip("+").isdigit()


def _valid_phone(part: str) -> bool:
    try:
        parse_phone(part)
    except PhoneError:
        return False
    return True


def _is_dossier_text(part: str) -> bool:
    """'mã hồ sơ …', 'MHS: …', 'hs 2412…', or a code like 'G22.123-241205-0001'."""
    key = fold(part)
    if _CODE_PREFIX.match(key) or _HS_PREFIX.match(key):
        return True
    return bool(_CODE.fullmatch(part)) and any(ch.isdigit() for ch in part)


_NUMBER_ONLY = re.compile(r"\+?[\d\s.\-()]+")
_LETTER_O_PHONE = re.compile(r"[Oo][\d\s.\-]{8,13}")  # "O912345678": a letter O for a zero


def _phone_chunk(part: str) -> bool:
    """A field that is a phone number, perhaps a wrong one (so it is reported as such)."""
    if _LETTER_O_PHONE.fullmatch(part):
        return True
    if not _is_phoneish(part) or is_day_text(part):
        return False
    bare = part.lstrip("(")
    numeric_phone = bool(_NUMBER_ONLY.fullmatch(part)) and bare[:1] in "0+"
    return numeric_phone or not _is_dossier_text(part)


def _tidy(text: str, start: int, end: int) -> _Chunk:
    """Trim spaces, bullets, end punctuation and a field label off text[start:end]."""
    part = text[start:end]
    lead = _LEAD.match(part)
    if lead:
        start += lead.end()
    trail = _TRAIL.search(text, start, end)
    if trail:
        end = trail.start()
    colon = text.find(":", start, end)
    if 0 < colon - start <= 20 and fold(text[start:colon]) in _LABELS:
        start = colon + 1
        while start < end and text[start].isspace():
            start += 1
    return _Chunk(text[start:end], start, end)


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[_Chunk]:
    chunks, pos = [], start
    for sep in pattern.finditer(text, start, end):
        chunks.append(_tidy(text, pos, sep.start()))
        pos = sep.end()
    chunks.append(_tidy(text, pos, end))
    return [c for c in chunks if c.text]


def _layout(raw: str) -> _Layout:
    text = clean_lines(raw)
    primary = bool(_PRIMARY.search(text))
    layout = _Layout(
        text, _split(text, 0, len(text), _PRIMARY_SPLIT if primary else _SECONDARY_SPLIT), primary
    )
    if primary and not any(_phone_chunk(c.text) for c in layout.chunks):
        # "Đinh Văn Em, Tổ 2, 0912 345 144, 1; 3": commas between the fields, a ; between
        # the procedures. The commas are the fields' separators when they bring out a phone.
        by_comma = _Layout(text, _split(text, 0, len(text), _SECONDARY_SPLIT), False)
        if any(_phone_chunk(c.text) for c in by_comma.chunks):
            layout = by_comma
    phoneish = [i for i, c in enumerate(layout.chunks) if _phone_chunk(c.text)]
    valid = [i for i in phoneish if _valid_phone(layout.chunks[i].text)]
    if phoneish:
        layout.phone = (valid or phoneish)[0]
        layout.phone_valid = bool(valid)
        return layout
    for i, chunk in enumerate(layout.chunks):  # "Tổ 1 ấp Bãi Nhà A 0912 000 102 khai sinh"
        span = _phone_inside(chunk.text)
        if span is None:
            continue
        s, e = chunk.start + span[0], chunk.start + span[1]
        parts = [_tidy(text, chunk.start, s), _Chunk(text[s:e], s, e), _tidy(text, e, chunk.end)]
        before = [c for c in parts[:1] if c.text]
        layout.chunks[i : i + 1] = before + [p for p in parts[1:] if p.text]
        layout.phone = i + len(before)
        layout.phone_valid = True
        break
    return layout


def _phone_inside(text: str) -> tuple[int, int] | None:
    """The span of a valid phone among the words of `text`: the longest, then the first."""
    tokens = []
    for word in re.finditer(r"\S+", text):
        bare = word.group().rstrip(".,:;")
        numeric = bool(bare) and bool(_NUM_TOKEN.fullmatch(bare))
        tokens.append((word.start(), word.start() + len(bare), numeric))
    best: tuple[int, int] | None = None
    best_digits = 0
    for i, (start, _, numeric) in enumerate(tokens):
        if not numeric:
            continue
        for j in range(i, min(i + 6, len(tokens))):
            if not tokens[j][2]:
                break
            candidate = text[start : tokens[j][1]]
            digits = sum(ch.isdigit() for ch in candidate)
            bare = candidate.lstrip("(")
            if not 9 <= digits <= 13 or digits <= best_digits:
                continue
            if not (bare[:1] in "0+" or bare.startswith("84")) or is_day_text(candidate):
                continue
            if _valid_phone(candidate):
                best, best_digits = (start, tokens[j][1]), digits
    return best


def parse_one_line(
    text: str,
    catalog: Sequence[ProcedureChoice],
    today: date,
    campaign: CampaignConfig,
) -> OneLine:
    """One household in one message (see the section comment). Fields are separated by
    ; | or new lines, else by commas, spaced dashes or '. '. Each field is kept or refused
    on its own, so the dialog asks again only for the refused ones; a field that was typed
    but refused is left out of the draft, never replaced by a default: the date is today
    (and `date_typed` False) only when no date was typed at all.
    """
    layout = _layout(text)
    result = OneLine()
    chunks = layout.chunks
    if layout.phone is None:
        if len(chunks) < 3:
            result.readable = False
            return result
        _read_by_shape(result, layout, catalog, today, campaign)
    else:
        if layout.phone == 0:
            result.readable = False  # nothing before the phone: no name
            return result
        _read_around_phone(result, layout, catalog, today, campaign)
    d = result.draft
    if "dossier" not in d and "dossier" not in result.errors:
        d["dossier"] = ""
    d["date_typed"] = "date" in d or "date" in result.errors
    if not d["date_typed"]:
        d["date"] = today.isoformat()
    result.error = next((result.errors[k] for k in ERROR_ORDER if k in result.errors), None)
    return result


def _keep(result: OneLine, name: str, read: Callable[[], Any]) -> None:
    try:
        result.draft[name] = read()
    except FormError as err:
        result.errors.setdefault(name, err)


def _read_phone(result: OneLine, part: str) -> None:
    try:
        phone = check_phone(part)
    except FormError as err:
        result.errors.setdefault("phone", err)
        return
    result.draft["phone"] = phone.e164
    result.draft["phone_old"] = phone.converted_from


def _read_procedures(result: OneLine, part: str, catalog: Sequence[ProcedureChoice]) -> None:
    _keep(result, "procedures", lambda: match_procedures(part, catalog))
    if "procedures" in result.draft:
        result.draft["procedures_ok"] = True


def _extra(result: OneLine, part: str) -> None:
    result.errors.setdefault("extra", FormError("one_line_extra", part=part[:40]))


def _read_around_phone(
    result: OneLine,
    layout: _Layout,
    catalog: Sequence[ProcedureChoice],
    today: date,
    campaign: CampaignConfig,
) -> None:
    assert layout.phone is not None
    before = layout.chunks[: layout.phone]
    after = layout.chunks[layout.phone + 1 :]
    name_part = before[0].text
    address = ""
    if len(before) > 1:
        # The address may hold commas itself: keep it as typed between the name and phone.
        address = (
            ", ".join(c.text for c in before[1:])
            if layout.primary
            else layout.text[before[1].start : before[-1].end]
        )
    else:
        # "Trương Văn Toàn Tổ 2 0912…": no separator; the address starts at its first word.
        at = _ADDRESS_START.search(name_part)
        if at is not None and at.start() > 0:
            name_part, address = name_part[: at.start()].strip(), name_part[at.start() :]
    _keep(result, "name", lambda: check_name(name_part))
    if address:
        _keep(result, "address", lambda: check_address(address))
    _read_phone(result, layout.chunks[layout.phone].text)

    codes = {p.code.casefold() for p in catalog}
    procedures: list[str] = []
    dates: list[str] = []
    dossiers: list[str] = []
    for chunk in after:
        # Commas after the phone separate procedures too ("1, 3"), but "4 - 12 - 2026" is
        # one date.
        pieces = (
            [chunk]
            if is_day_text(chunk.text)
            else _split(layout.text, chunk.start, chunk.end, _SECONDARY_SPLIT)
        )
        for piece in pieces:
            part = piece.text
            if part.casefold() in codes:
                procedures.append(part)
            elif is_day_text(part):
                dates.append(part)
            elif (
                "address" not in result.draft
                and "address" not in result.errors
                and _ADDRESS_START.match(part)
                and _no_procedure(part, catalog)
            ):
                # "Ngô Văn Kiên, 0912…, Tổ 2, 1": the address typed after the phone.
                _keep(result, "address", partial(check_address, part))
            elif _is_phoneish(part) and part.lstrip("(")[:1] in "0+" and _valid_phone(part):
                _extra(result, part)  # a second phone number
            elif _is_dossier_text(part):
                dossiers.append(part)
            else:
                rest, day, dossier = _peel(part)
                if day is None and _mentions_day(rest):
                    # "3/12 buổi chiều", "hôm qua lúc 9h": a date the officer meant – asked
                    # about, never left to default to today.
                    day, rest = rest, ""
                dates += [day] if day else []
                dossiers += [dossier] if dossier else []
                procedures += [rest] if rest else []
    if procedures:
        _read_procedures(result, ", ".join(procedures), catalog)
    if dossiers:
        _keep(result, "dossier", lambda: check_dossier(dossiers[0]))
    if dates:
        _keep(result, "date", lambda: parse_day(dates[0], today, campaign).isoformat())
    for part in dossiers[1:] + dates[1:]:
        _extra(result, part)


# Words an address starts with ("Tổ 3", "ấp Bãi Nhà A", "số 12 đường …").
_ADDRESS_START = re.compile(
    r"(?<!\w)(?:tổ|ấp|thôn|xóm|khu|khóm|số nhà|số|đường|hẻm|kp|tdp)(?=\s*\d|\s+\w)", re.IGNORECASE
)
_DAY_INSIDE = re.compile(r"(?<![\d.])\d{1,2}\s*[/\-]\s*\d{1,2}(?![\d])")
_DAY_WORDS = (
    "hom nay",
    "hom qua",
    "hom kia",
    "sang nay",
    "chieu nay",
    "toi nay",
    "toi qua",
    "sang qua",
    "chieu qua",
    "trua nay",
    "bua qua",
    "bua nay",
)


def _mentions_day(part: str) -> bool:
    folded = fold(part)
    return bool(_DAY_INSIDE.search(part)) or any(w in folded for w in _DAY_WORDS)


def _no_procedure(part: str, catalog: Sequence[ProcedureChoice]) -> bool:
    try:
        match_procedures(part, catalog)
    except FormError:
        return True
    return False


def _peel(part: str) -> tuple[str, str | None, str | None]:
    """'khai sinh G22.123-241205-0001 4/12' → ('khai sinh', '4/12', 'G22.123-241205-0001'):
    a date and a dossier code written after the procedures without a separator."""
    words = part.split(" ")
    day: str | None = None
    dossier: str | None = None
    while len(words) > 1:
        if day is None and (k := _day_suffix(words)):
            day, words = " ".join(words[-k:]), words[:-k]
        elif (
            dossier is None and _CODE.fullmatch(words[-1]) and any(ch.isdigit() for ch in words[-1])
        ):
            k = 1
            for n in (3, 2, 1):  # "… mã hồ sơ G22…", "… hs G22…"
                if len(words) > n + 1 and fold(" ".join(words[-n - 1 : -1])).rstrip(":#.") in {
                    "ma ho so",
                    "so ho so",
                    "ma hs",
                    "mhs",
                    "hs",
                }:
                    k = n + 1
                    break
            dossier, words = " ".join(words[-k:]), words[:-k]
        else:
            break
    return " ".join(words), day, dossier


def _day_suffix(words: list[str]) -> int:
    """How many last words read as a date (0: none), leaving at least one word before."""
    for k in range(min(6, len(words) - 1), 0, -1):
        tail = " ".join(words[-k:])
        if is_day_text(tail) and not (k == 1 and fold(tail) in _LONE_DAY_WORDS):
            return k
    return 0


def _read_by_shape(
    result: OneLine,
    layout: _Layout,
    catalog: Sequence[ProcedureChoice],
    today: date,
    campaign: CampaignConfig,
) -> None:
    """No phone: the name first, then each part by its shape (the phone is asked next)."""
    first, *rest = layout.chunks
    _keep(result, "name", lambda: check_name(first.text))
    typed: set[str] = set()
    for chunk in rest:
        part = chunk.text
        if "date" not in typed and is_day_text(part):
            name, read = "date", lambda p=part: parse_day(p, today, campaign).isoformat()
        elif "dossier" not in typed and _is_dossier_text(part):
            name, read = "dossier", lambda p=part: check_dossier(p)
        elif "address" not in typed and "procedures" not in typed:
            name, read = "address", lambda p=part: check_address(p)
        elif "procedures" not in typed:
            typed.add("procedures")
            _read_procedures(result, part, catalog)
            continue
        else:
            _extra(result, part)
            continue
        typed.add(name)
        _keep(result, name, read)


def clean_lines(text: str) -> str:
    """NFC and tidy spaces, but keep line breaks: they separate one-line fields too."""
    lines = [clean(line) for line in unicodedata.normalize("NFC", text).splitlines()]
    return "\n".join(line for line in lines if line)
