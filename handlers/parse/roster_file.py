"""Read a hamlet's household roster (CSV or XLSX) into validated rows, or say what is wrong.

Pure: bytes in, rows and row errors out. Nothing is stored here; the importer stores a
roster only when the whole file is clean, so a file is never half-imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from handlers.parse.form_errors import FormError
from handlers.parse.household_form import check_address, check_name
from handlers.parse.sheet_file import (
    PHONE_ALIASES,
    Header,
    Layout,
    Parsed,
    Refusals,
    SheetFileError,
    cell_text,
    header_keys,
    read_table,
    row_error_text,
)
from handlers.parse.sheet_file import RowError as RowError
from handlers.parse.sheet_file import file_error_text as file_error_text
from models.phones import PhoneError, parse_phone
from models.text import clean, fold

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000


@dataclass(frozen=True)
class RosterRow:
    row: int  # the row number the user sees in their spreadsheet (the header is row 1)
    head_name: str  # NFC, cleaned
    address: str
    phone: str  # E.164, or "" when the file has none for this household
    code: str  # the household code (mã hộ) as written, or ""


ParsedRoster = Parsed[RosterRow]


class RosterFileError(SheetFileError):
    """The file as a whole cannot be read (format, encoding, header, size)."""


_REFUSALS = Refusals(
    RosterFileError,
    empty="roster_err_empty",
    too_big="roster_err_too_big",
    xls="roster_err_xls",
    format="roster_err_format",
    unreadable="roster_err_unreadable",
    encoding="roster_err_encoding",
    no_header="roster_err_no_header",
)


def parse_roster(data: bytes, filename: str) -> ParsedRoster:
    """Read a roster file (CSV or XLSX) into validated rows and row errors.

    Raises RosterFileError when the file as a whole cannot be used (format, encoding,
    size, no header, a required column missing, no household at all). A row whose name,
    address, phone and code cells are all blank (a spare numbered line of a template, say)
    is skipped but still counts for row numbering.
    """
    return read_table(
        data, filename, refusals=_REFUSALS, layout=_LAYOUT, max_bytes=MAX_BYTES, read=_read_body
    )


def error_text(lang: str, err: RowError) -> str:
    """One row error as a full sentence ("Dòng 7 – địa chỉ: còn trống…"); its `key` is a
    roster_err_* key, its reason's short text a roster_reason_* one when there is one."""
    return row_error_text(lang, err, ("roster_reason_",))


# --- header ------------------------------------------------------------------------------

_NAME, _ADDRESS, _PHONE, _CODE, _SKIP = "name", "address", "phone", "code", "skip"
_COLUMN_LABELS = {_NAME: "Họ tên chủ hộ", _ADDRESS: "Địa chỉ"}
_ALIASES = {
    _NAME: (
        "ho ten chu ho",
        "ho va ten chu ho",
        "chu ho",
        "ten chu ho",
        "ho va ten",
        "ho ten",
        "ho ten chu ho gia dinh",
        "chu ho gia dinh",
        "ten chu ho gia dinh",
        "head name",
        "name",
        "full name",
        "head of household",
        "household head",
    ),
    _ADDRESS: (
        "dia chi",
        "noi o",
        "address",
        "dia chi thuong tru",
        "noi thuong tru",
        "dia chi cu tru",
        "noi cu tru",
        "noi o hien nay",
        "dia chi noi o",
        "cho o",
        "cho o hien nay",
        "dia chi ho",
    ),
    _PHONE: (
        *PHONE_ALIASES,
        "dien thoai di dong",
        "so dien thoai lien he",
        "telephone",
    ),
    _CODE: ("ma ho", "ma ho gia dinh", "ma hgd", "code", "household code", "ma so ho"),
    _SKIP: ("stt", "tt", "so tt", "so thu tu", "no"),
}


def _complete(columns: Mapping[str, int]) -> bool:
    return _NAME in columns and _ADDRESS in columns


def _near(columns: Mapping[str, int]) -> bool:
    """A header with a required column missing (or a misspelt one)."""
    return _NAME in columns or _ADDRESS in columns or len(columns) >= 2


_LAYOUT = Layout(header_keys(_ALIASES), _complete, _near)


def _require(header: Header) -> None:
    for field_name in (_NAME, _ADDRESS):
        if field_name not in header.columns:
            raise RosterFileError("roster_err_missing_column", column=_COLUMN_LABELS[field_name])


# --- rows --------------------------------------------------------------------------------

_PHONE_SPLIT = re.compile(r"[/,;|\n]")
CODE_MAX = 40


def _text(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return cell_text(value)  # code 15.0 → "15"


def _phone_text(raw: str) -> str:
    """The number to parse: the first of several ("0912… / 0987…"), the 0 Excel dropped."""
    text = raw
    if _PHONE_SPLIT.search(text):
        text = next((part.strip() for part in _PHONE_SPLIT.split(text) if part.strip()), "")
    if len(text) == 9 and text.isdigit() and text[0] != "0":
        text = "0" + text
    return text


def _read_body(header: Header, rows: Iterator[Sequence[object]], first_row: int) -> ParsedRoster:
    _require(header)
    name_col = header.columns[_NAME]
    address_col = header.columns[_ADDRESS]
    phone_col = header.columns.get(_PHONE)
    code_col = header.columns.get(_CODE)

    def cell(row: Sequence[object], col: int | None) -> str:
        return _text(row[col]) if col is not None and col < len(row) else ""

    good: list[RosterRow] = []
    errors: list[RowError] = []
    codes: dict[str, int] = {}
    households: dict[tuple[str, str], tuple[int, str]] = {}
    count = 0
    for number, row in enumerate(rows, start=first_row):
        raw_name, raw_address = cell(row, name_col), cell(row, address_col)
        raw_phone, raw_code = cell(row, phone_col), cell(row, code_col)
        if not (raw_name or raw_address or raw_phone or raw_code):
            continue
        count += 1
        if count > MAX_ROWS:
            raise RosterFileError("roster_err_too_many", limit=MAX_ROWS)
        row_errors: list[RowError] = []
        name = address = phone = code = ""
        try:
            name = check_name(raw_name)
        except FormError as exc:
            row_errors.append(
                RowError(number, "roster_err_name", {**exc.values, "reason": exc.key})
            )
        try:
            address = check_address(raw_address)
        except FormError as exc:
            row_errors.append(
                RowError(number, "roster_err_address", {**exc.values, "reason": exc.key})
            )
        if raw_phone:
            try:
                phone = parse_phone(_phone_text(raw_phone)).e164
            except PhoneError as exc:
                row_errors.append(
                    RowError(number, "roster_err_phone", {"value": raw_phone, "reason": exc.reason})
                )
        code = clean(raw_code)
        code_first: int | None = None
        if len(code) > CODE_MAX:
            row_errors.append(RowError(number, "roster_err_code", {"limit": CODE_MAX}))
        elif code:
            code_first = codes.setdefault(fold(code), number)
            if code_first != number:
                row_errors.append(
                    RowError(number, "roster_err_dup_code", {"code": code, "first": code_first})
                )
        if name and address:
            # Namesakes at one address exist (no house numbers in many hamlets): two rows
            # with different household codes are two households; without codes, a repeat.
            first, first_code = households.setdefault(
                (fold(name), fold(address)), (number, fold(code))
            )
            namesakes = bool(code) and bool(first_code) and first_code != fold(code)
            if first != number and first != code_first and not namesakes:
                row_errors.append(RowError(number, "roster_err_dup_household", {"first": first}))
        if row_errors:
            errors.extend(row_errors)
        else:
            good.append(RosterRow(number, name, address, phone, code))
    if count == 0:
        raise RosterFileError("roster_err_empty")
    return ParsedRoster(rows=tuple(good), errors=tuple(errors))
