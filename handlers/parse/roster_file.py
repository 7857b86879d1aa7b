"""Read a hamlet's household roster (CSV or XLSX) into validated rows, or say what is wrong.

Pure: bytes in, rows and row errors out. Nothing is stored here; the importer stores a
roster only when the whole file is clean, so a file is never half-imported.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, islice
from pathlib import PurePath
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from handlers.engine.i18n import CATALOGS, fmt_int, t
from handlers.parse.form_errors import FormError
from handlers.parse.household_form import check_address, check_name
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


@dataclass(frozen=True)
class RowError:
    """One problem on one row. `key` is a roster_err_* catalog key whose template uses
    {row} besides `values`; when `values` has a `reason` (the validator's key), the template
    also uses {detail}, that reason's short text. error_text() renders all of this; to do it by
    hand: t(lang, err.key, row=err.row, detail=<reason text>, **err.values).
    """

    row: int
    key: str  # a message catalog key (roster_err_*)
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedRoster:
    rows: tuple[RosterRow, ...]
    errors: tuple[RowError, ...]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


class RosterFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, header, size)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def parse_roster(data: bytes, filename: str) -> ParsedRoster:
    """Read a roster file (CSV or XLSX) into validated rows and row errors.

    Raises RosterFileError when the file as a whole cannot be used (format, encoding,
    size, no header, a required column missing, no household at all). A row whose name,
    address, phone and code cells are all blank (a spare numbered line of a template, say)
    is skipped but still counts for row numbering.
    """
    if not data:
        raise RosterFileError("roster_err_empty")
    if len(data) > MAX_BYTES:
        raise RosterFileError("roster_err_too_big", limit_mb=MAX_BYTES // (1024 * 1024))
    kind = _kind(data, filename)
    if kind == "xlsx":
        return _parse_xlsx(data)
    return _parse_csv(data)


def error_text(lang: str, err: RowError) -> str:
    """One row error as a full sentence ("Dòng 7 – địa chỉ: còn trống…")."""
    values: dict[str, Any] = dict(err.values)
    reason = values.get("reason")
    if isinstance(reason, str):
        values["detail"] = _reason_text(lang, reason, values)
    return t(lang, err.key, **values, row=err.row)


def file_error_text(lang: str, exc: RosterFileError) -> str:
    """Why the whole file was refused, with numbers in the user's format."""
    values = {
        k: fmt_int(lang, v) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in exc.values.items()
    }
    return t(lang, exc.key, **values)


_REASON_PREFIX = "roster_reason_"  # short reason texts that read well inside a row report


def _reason_text(lang: str, reason: str, values: dict[str, Any]) -> str:
    own = _REASON_PREFIX + reason
    if own in CATALOGS["vi"]:
        return t(lang, own, **values)
    if reason in CATALOGS["vi"]:  # a validator reason this module has no short text for yet
        return t(lang, reason, **values)
    return reason


# --- format and decoding ----------------------------------------------------------------

_XLSX_EXT = (".xlsx", ".xlsm")
_CSV_EXT = (".csv", ".txt", ".tsv")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel (.xls), or an encrypted .xlsx


def _kind(data: bytes, filename: str) -> str:
    ext = PurePath(filename.strip().lower()).suffix
    if data.startswith(b"PK\x03\x04"):  # a zip: .xlsx (whatever the name says)
        return "xlsx"
    if data.startswith(_OLE_MAGIC) or ext == ".xls":
        raise RosterFileError("roster_err_xls")
    if ext in _CSV_EXT:
        return "csv"
    if ext in _XLSX_EXT:
        raise RosterFileError("roster_err_unreadable")  # named .xlsx but not a workbook
    raise RosterFileError("roster_err_format")


def _decode(data: bytes) -> str:
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        head = data[:400]
        if len(head) >= 4 and b"\x00" in head:
            # UTF-16 without a byte-order mark: one byte of each ASCII character is 0.
            if head[1::2].count(0) > len(head) // 4:
                return data.decode("utf-16-le")
            if head[0::2].count(0) > len(head) // 4:
                return data.decode("utf-16-be")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterFileError("roster_err_encoding") from exc


# --- CSV ---------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t")


def _parse_csv(data: bytes) -> ParsedRoster:
    text = _decode(data).lstrip("\ufeff")
    if not text.strip():
        raise RosterFileError("roster_err_empty")
    first, _, rest = text.partition("\n")
    hint = first.strip().lower()
    if len(hint) == 5 and hint.startswith("sep="):
        # Excel's "sep=;" line: it picks the delimiter and is not shown as a row.
        return _parse_csv_with(rest, hint[4])
    best: tuple[int, str] | None = None
    for delimiter in _DELIMITERS:
        found = _scan_header(_csv_rows(text, delimiter, _HEADER_SCAN))
        if found is not None:
            score = 2 if found.complete else 1
            if best is None or score > best[0]:
                best = (score, delimiter)
    if best is not None:
        return _parse_csv_with(text, best[1])
    sample = text[:4096]
    delimiter = max(_DELIMITERS, key=sample.count)
    return _parse_csv_with(text, delimiter)


def _csv_rows(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(islice(reader, limit))
    except csv.Error as exc:
        raise RosterFileError("roster_err_unreadable") from exc


def _parse_csv_with(text: str, delimiter: str) -> ParsedRoster:
    rows = _csv_rows(text, delimiter)
    head = rows[:_HEADER_SCAN]
    header = _scan_header(head)
    if header is None:
        if not any(_has_content(row) for row in head):
            raise RosterFileError("roster_err_empty")
        raise RosterFileError("roster_err_no_header")
    header.require()
    return _read_body(iter(rows[header.index + 1 :]), header.index + 2, header)


# --- XLSX --------------------------------------------------------------------------------


def _parse_xlsx(data: bytes) -> ParsedRoster:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles, extensions…
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # not a workbook: damaged zip, .docx, .ods, …
        raise RosterFileError("roster_err_unreadable") from exc
    try:
        return _read_book(book)
    except RosterFileError:
        raise
    except Exception as exc:  # malformed sheet XML
        raise RosterFileError("roster_err_unreadable") from exc
    finally:
        book.close()


def _read_book(book: Workbook) -> ParsedRoster:
    partial: _Header | None = None
    seen_content = False
    for sheet in book.worksheets:
        if not isinstance(sheet, ReadOnlyWorksheet):  # pragma: no cover - read_only=True
            continue
        sheet.reset_dimensions()  # some programs write a wrong size; read what is there
        rows: Iterator[Sequence[object]] = sheet.iter_rows(values_only=True)
        head = list(islice(rows, _HEADER_SCAN))
        seen_content = seen_content or any(_has_content(row) for row in head)
        header = _scan_header(head)
        if header is None:
            continue
        if header.complete:
            return _read_body(chain(head[header.index + 1 :], rows), header.index + 2, header)
        partial = partial or header
    if partial is not None:
        partial.require()
    if not seen_content:
        raise RosterFileError("roster_err_empty")
    raise RosterFileError("roster_err_no_header")


# --- header ------------------------------------------------------------------------------

_HEADER_SCAN = 11  # up to 10 title lines, then the header
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
        "so dien thoai",
        "dien thoai",
        "sdt",
        "so dt",
        "dt",
        "dtdd",
        "so di dong",
        "di dong",
        "dien thoai di dong",
        "so dien thoai lien he",
        "phone",
        "phone number",
        "mobile",
        "tel",
        "telephone",
    ),
    _CODE: ("ma ho", "ma ho gia dinh", "ma hgd", "code", "household code", "ma so ho"),
    _SKIP: ("stt", "tt", "so tt", "so thu tu", "no"),
}
_HEADER_KEYS = {
    alias.replace(" ", ""): name for name, aliases in _ALIASES.items() for alias in aliases
}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _header_key(value: object) -> str:
    """'Họ tên chủ hộ (*)' → 'hotenchuho', 'SĐT:' → 'sdt'."""
    if not isinstance(value, str):
        return ""
    return _NOT_ALNUM.sub("", fold(_BRACKETS.sub(" ", value)))


@dataclass(frozen=True)
class _Header:
    index: int  # 0-based position among the rows read
    columns: dict[str, int]  # field → 0-based column

    @property
    def complete(self) -> bool:
        return _NAME in self.columns and _ADDRESS in self.columns

    def require(self) -> None:
        for field_name in (_NAME, _ADDRESS):
            if field_name not in self.columns:
                raise RosterFileError(
                    "roster_err_missing_column", column=_COLUMN_LABELS[field_name]
                )


def _scan_header(head: Sequence[Sequence[object]]) -> _Header | None:
    """The first complete header row, else the first row that looks like a partial one."""
    partial: _Header | None = None
    for index, row in enumerate(head):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            field_name = _HEADER_KEYS.get(_header_key(value))
            if field_name is not None and field_name not in columns:
                columns[field_name] = col
        header = _Header(index, columns)
        if header.complete:
            return header
        required = (_NAME in columns) + (_ADDRESS in columns)
        if partial is None and (required or len(columns) >= 2):
            partial = header
    return partial


# --- rows --------------------------------------------------------------------------------

_INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060")
_PHONE_SPLIT = re.compile(r"[/,;|\n]")
CODE_MAX = 40


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.translate(_INVISIBLE).strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 912345678.0 → "912345678", code 15.0 → "15"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _has_content(row: Sequence[object]) -> bool:
    return any(_text(value) for value in row)


def _phone_text(raw: str) -> str:
    """The number to parse: the first of several ("0912… / 0987…"), the 0 Excel dropped."""
    text = raw
    if _PHONE_SPLIT.search(text):
        text = next((part.strip() for part in _PHONE_SPLIT.split(text) if part.strip()), "")
    if len(text) == 9 and text.isdigit() and text[0] != "0":
        text = "0" + text
    return text


def _read_body(rows: Iterator[Sequence[object]], first_row: int, header: _Header) -> ParsedRoster:
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
