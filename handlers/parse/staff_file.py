"""Read a staff list (CSV or XLSX: name, role, hamlet, phone, commune) for bulk invites.

Pure: bytes in, rows and row errors out (`parse_staff`); then `resolve` matches each row's
hamlet and commune against the hamlets it is given (plain values, no session). Nothing is
created here: invites are made only when every row is clean, so a list is never half-invited.

`looks_like_staff_list` tells a staff list from a household list by its header (a "Vai trò"
column, or an "Ấp" column without "Địa chỉ"), so the core can route a sent file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import PurePath
from typing import Any

import openpyxl

from handlers.engine.i18n import CATALOGS, fmt_int, t
from handlers.parse.form_errors import FormError
from handlers.parse.household_form import check_name
from models.people import Role
from models.phones import PhoneError, parse_phone
from models.text import clean, fold

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 500  # people in one list: a commune's staff is a few dozen

_HEADER_SCAN = 11  # up to 10 title lines, then the header


@dataclass(frozen=True)
class StaffRow:
    row: int  # the row number the user sees in their spreadsheet
    name: str  # NFC, cleaned
    role: Role
    hamlet: str  # the hamlet as written (code or name), "" when none
    phone: str  # E.164, or ""
    unit: str  # the commune as written, "" when none


@dataclass(frozen=True)
class StaffError:
    """One problem on one row: `key` is a bulk_err_* catalog key using {row} and `values`."""

    row: int
    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedStaff:
    rows: tuple[StaffRow, ...]
    errors: tuple[StaffError, ...]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


class StaffFileError(ValueError):
    """The file as a whole cannot be used (format, encoding, header, size)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class HamletRef:
    """A hamlet as `resolve` needs it."""

    id: int
    code: str
    name: str
    unit: str
    active: bool


@dataclass(frozen=True)
class Invitee:
    """A clean row with its hamlet found: what one invite is made from."""

    row: int
    name: str
    role: Role
    hamlet_id: int | None
    hamlet_code: str
    hamlet_name: str
    unit: str | None  # a supervisor's commune; None: every commune (or not a supervisor)
    phone: str


# --- header ------------------------------------------------------------------------------

_NAME, _ROLE, _HAMLET, _PHONE, _UNIT, _ADDRESS = "name", "role", "hamlet", "phone", "unit", "addr"
_ALIASES = {
    _NAME: (
        "ho ten",
        "ho va ten",
        "ten",
        "ho ten can bo",
        "ho va ten can bo",
        "ten can bo",
        "ho ten nguoi duoc moi",
        "nguoi duoc moi",
        "name",
        "full name",
    ),
    _ROLE: (
        "vai tro",
        "chuc vu",
        "chuc danh",
        "nhiem vu",
        "vai tro su dung",
        "role",
        "position",
    ),
    _HAMLET: (
        "ap",
        "thon",
        "ap thon",
        "ten ap",
        "ma ap",
        "ap khu pho",
        "khu pho",
        "to dan pho",
        "ap phu trach",
        "hamlet",
        "hamlet code",
        "hamlet name",
        "village",
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
        "phone",
        "phone number",
        "mobile",
        "tel",
    ),
    _UNIT: (
        "xa",
        "phuong",
        "xa phuong",
        "xa phuong dac khu",
        "dac khu",
        "don vi",
        "pham vi",
        "xa phu trach",
        "commune",
        "ward",
        "unit",
        "scope",
    ),
    # Not a staff list's column: a household list has it.
    _ADDRESS: ("dia chi", "noi o", "address", "ho ten chu ho", "chu ho"),
}
_HEADER_KEYS = {
    alias.replace(" ", ""): name for name, aliases in _ALIASES.items() for alias in aliases
}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _key(value: object) -> str:
    """'Họ và tên (*)' → 'hovaten', 'Ấp/Thôn' → 'apthon'."""
    if not isinstance(value, str):
        return ""
    return _NOT_ALNUM.sub("", fold(_BRACKETS.sub(" ", value)))


@dataclass(frozen=True)
class _Header:
    index: int  # 0-based among the rows read
    columns: dict[str, int]

    @property
    def staff(self) -> bool:
        """A staff list's header: a name and a role; or a name and a hamlet, no address."""
        cols = self.columns
        if _NAME not in cols:
            return False
        return _ROLE in cols or (_HAMLET in cols and _ADDRESS not in cols)


def _scan(head: Sequence[Sequence[object]]) -> _Header | None:
    for index, row in enumerate(head):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            name = _HEADER_KEYS.get(_key(value))
            if name is not None and name not in columns:
                columns[name] = col
        header = _Header(index, columns)
        if header.staff:
            return header
    return None


# --- format and decoding -------------------------------------------------------------------

_CSV_EXT = (".csv", ".txt", ".tsv")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel (.xls), or an encrypted .xlsx


def _kind(data: bytes, filename: str) -> str:
    ext = PurePath(filename.strip().lower()).suffix
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(_OLE_MAGIC) or ext == ".xls":
        raise StaffFileError("bulk_err_xls")
    if ext in _CSV_EXT:
        return "csv"
    if ext in (".xlsx", ".xlsm"):
        raise StaffFileError("bulk_err_unreadable")
    raise StaffFileError("bulk_err_format")


def _decode(data: bytes) -> str:
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StaffFileError("bulk_err_encoding") from exc


def _csv_tables(data: bytes) -> Iterator[list[list[str]]]:
    """The CSV read with each usual delimiter, the likeliest first."""
    text = _decode(data).lstrip("\ufeff")
    first = text.partition("\n")[0]
    for delimiter in sorted((",", ";", "\t"), key=first.count, reverse=True):
        try:
            yield list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as exc:
            raise StaffFileError("bulk_err_unreadable") from exc


def _sheets(data: bytes, limit: int | None) -> Iterator[list[Sequence[object]]]:
    """Each worksheet's rows (the first `limit` only, when given)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles, extensions…
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # not a workbook: damaged zip, .docx, .ods, …
        raise StaffFileError("bulk_err_unreadable") from exc
    try:
        for sheet in book.worksheets:
            reset = getattr(sheet, "reset_dimensions", None)
            if reset is not None:
                reset()  # some programs write a wrong size; read what is there
            rows = sheet.iter_rows(values_only=True)
            yield list(islice(rows, limit) if limit else rows)
    except StaffFileError:
        raise
    except Exception as exc:  # malformed sheet XML
        raise StaffFileError("bulk_err_unreadable") from exc
    finally:
        book.close()


def _tables(data: bytes, filename: str, limit: int | None) -> Iterator[list[Sequence[object]]]:
    if _kind(data, filename) == "xlsx":
        yield from _sheets(data, limit)
    else:
        for table in _csv_tables(data):
            yield list(table[:limit] if limit else table)


def looks_like_staff_list(data: bytes, filename: str) -> bool:
    """Whether a sent file is a staff list (by its header); never raises."""
    if not data:
        return False
    try:
        return any(_scan(table[:_HEADER_SCAN]) for table in _tables(data, filename, _HEADER_SCAN))
    except Exception:  # anything unreadable is for the household-list reader to explain
        return False


def parse_staff(data: bytes, filename: str) -> ParsedStaff:
    """Read a staff list into validated rows and row errors.

    Raises StaffFileError when the file as a whole cannot be used: empty, too big, not
    .xlsx/.csv, unreadable, no header with a name and a role column, too many rows, nobody."""
    if not data:
        raise StaffFileError("bulk_err_empty")
    if len(data) > MAX_BYTES:
        raise StaffFileError("bulk_err_too_big", limit_mb=MAX_BYTES // (1024 * 1024))
    seen_content = False
    for table in _tables(data, filename, None):
        head = table[:_HEADER_SCAN]
        seen_content = seen_content or any(_has_content(row) for row in head)
        header = _scan(head)
        if header is None:
            continue
        if _ROLE not in header.columns:
            raise StaffFileError("bulk_err_no_role")
        return _read_body(table[header.index + 1 :], header.index + 2, header)
    if not seen_content:
        raise StaffFileError("bulk_err_empty")
    raise StaffFileError("bulk_err_no_header")


# --- rows ----------------------------------------------------------------------------------

_INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060")
_ROLES = {
    Role.OFFICER: (
        "can bo",
        "can bo ap",
        "can bo thon",
        "can bo huong dan",
        "cbhd",
        "cb",
        "officer",
    ),
    Role.HAMLET_HEAD: (
        "truong ap",
        "truong thon",
        "truong khu pho",
        "to truong to dan pho",
        "head",
        "hamlet head",
        "hamlet_head",
    ),
    Role.SUPERVISOR: ("giam sat", "can bo giam sat", "supervisor"),
    Role.ADMIN: ("quan tri", "quan tri vien", "admin"),
}
_ROLE_KEYS = {_key(alias): role for role, aliases in _ROLES.items() for alias in aliases}


def role_of(text: str) -> Role | None:
    """The role a cell names ("Cán bộ", "trưởng ấp", "GIÁM SÁT", "officer"), or None."""
    return _ROLE_KEYS.get(_key(text))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.translate(_INVISIBLE).strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 912345678.0 → "912345678"
    return str(value)


def _has_content(row: Sequence[object]) -> bool:
    return any(_text(value) for value in row)


def _phone_text(raw: str) -> str:
    if len(raw) == 9 and raw.isdigit() and raw[0] != "0":
        return "0" + raw  # the 0 Excel dropped
    return raw


def _read_body(rows: Iterable[Sequence[object]], first_row: int, header: _Header) -> ParsedStaff:
    cols = header.columns

    def cell(row: Sequence[object], name: str) -> str:
        col = cols.get(name)
        return _text(row[col]) if col is not None and col < len(row) else ""

    good: list[StaffRow] = []
    errors: list[StaffError] = []
    phones: dict[str, int] = {}
    people: dict[tuple[str, str], int] = {}
    count = 0
    for number, row in enumerate(rows, start=first_row):
        raw = {name: cell(row, name) for name in (_NAME, _ROLE, _HAMLET, _PHONE, _UNIT)}
        if not any(raw.values()):
            continue  # a spare numbered line of a template
        count += 1
        if count > MAX_ROWS:
            raise StaffFileError("bulk_err_too_many", limit=MAX_ROWS)
        found: list[StaffError] = []
        name = ""
        try:
            name = check_name(raw[_NAME])
        except FormError as exc:
            found.append(StaffError(number, "bulk_err_name", {**exc.values, "reason": exc.key}))
        role = role_of(raw[_ROLE])
        if not raw[_ROLE]:
            found.append(StaffError(number, "bulk_err_role_empty"))
        elif role is None:
            found.append(StaffError(number, "bulk_err_role", {"value": raw[_ROLE][:40]}))
        elif role == Role.ADMIN:
            found.append(StaffError(number, "bulk_err_role_admin"))
        hamlet = clean(raw[_HAMLET])
        if role is not None and role.needs_hamlet and not hamlet:
            found.append(StaffError(number, "bulk_err_hamlet_empty"))
        phone = ""
        if raw[_PHONE]:
            try:
                phone = parse_phone(_phone_text(raw[_PHONE])).e164
            except PhoneError as exc:
                found.append(
                    StaffError(
                        number, "bulk_err_phone", {"value": raw[_PHONE][:30], "reason": exc.reason}
                    )
                )
        if phone:
            first = phones.setdefault(phone, number)
            if first != number:
                found.append(StaffError(number, "bulk_err_dup_phone", {"first": first}))
        if name and role is not None:
            first = people.setdefault((fold(name), fold(hamlet)), number)
            if first != number:
                found.append(StaffError(number, "bulk_err_dup_person", {"first": first}))
        if found:
            errors.extend(found)
        elif role is not None:
            good.append(StaffRow(number, name, role, hamlet, phone, clean(raw[_UNIT])))
    if count == 0:
        raise StaffFileError("bulk_err_nobody")
    return ParsedStaff(rows=tuple(good), errors=tuple(errors))


# --- hamlets and communes ------------------------------------------------------------------


_PLACE_WORDS = ("to dan pho", "khu pho", "dac khu", "thi tran", "phuong", "thon", "ap", "xa")


def _place_key(text: str) -> str:
    """'Ấp Bãi Nhà A' and 'bãi nhà a' alike; 'Xã Thượng Phúc' and 'Thượng Phúc' alike."""
    key = " ".join(fold(text).replace("-", " ").split())
    for word in _PLACE_WORDS:
        if key.startswith(word + " "):
            return key[len(word) + 1 :]
    return key


def resolve(
    parsed: ParsedStaff, hamlets: Sequence[HamletRef]
) -> tuple[list[Invitee], list[StaffError]]:
    """Each clean row with its hamlet (by code, else by name; the commune column tells
    namesakes apart) and a supervisor's commune; the row errors of the file and of this,
    by row."""
    by_code = {h.code.upper(): h for h in hamlets}
    by_name: dict[str, list[HamletRef]] = {}
    for h in hamlets:
        by_name.setdefault(_place_key(h.name), []).append(h)
    units = {_place_key(h.unit): h.unit for h in hamlets if h.active and h.unit}
    found: list[Invitee] = []
    errors = list(parsed.errors)
    for row in parsed.rows:
        unit_key = _place_key(row.unit) if row.unit else ""
        unit = units.get(unit_key) if unit_key else None
        if row.unit and unit is None:
            errors.append(
                StaffError(
                    row.row,
                    "bulk_err_unit",
                    {"value": row.unit[:60], "units": ", ".join(sorted(set(units.values())))},
                )
            )
            continue
        hamlet: HamletRef | None = None
        if row.hamlet:
            hamlet = by_code.get(row.hamlet.upper().replace(" ", ""))
            if hamlet is None:
                named = by_name.get(_place_key(row.hamlet), [])
                if unit is not None:
                    named = [h for h in named if h.unit == unit]
                live = [h for h in named if h.active] or named
                if len(live) > 1:
                    errors.append(
                        StaffError(
                            row.row,
                            "bulk_err_hamlet_twice",
                            {"value": row.hamlet[:60], "codes": ", ".join(h.code for h in live)},
                        )
                    )
                    continue
                hamlet = live[0] if live else None
            if hamlet is None:
                errors.append(StaffError(row.row, "bulk_err_hamlet", {"value": row.hamlet[:60]}))
                continue
            if not hamlet.active:
                errors.append(
                    StaffError(row.row, "bulk_err_hamlet_closed", {"hamlet": hamlet.name})
                )
                continue
            if unit is not None and hamlet.unit != unit:
                errors.append(
                    StaffError(
                        row.row,
                        "bulk_err_hamlet_unit",
                        {"hamlet": hamlet.name, "unit": unit},
                    )
                )
                continue
        found.append(
            Invitee(
                row=row.row,
                name=row.name,
                role=row.role,
                hamlet_id=hamlet.id if hamlet and row.role.needs_hamlet else None,
                hamlet_code=hamlet.code if hamlet and row.role.needs_hamlet else "",
                hamlet_name=hamlet.name if hamlet and row.role.needs_hamlet else "",
                unit=unit if row.role == Role.SUPERVISOR else None,
                phone=row.phone,
            )
        )
    errors.sort(key=lambda e: e.row)
    return found, errors


# --- messages ------------------------------------------------------------------------------


def error_text(lang: str, err: StaffError) -> str:
    """One row error as a full sentence ("Dòng 7 – vai trò «thư ký» chưa rõ: …")."""
    values: dict[str, Any] = dict(err.values)
    reason = values.get("reason")
    if isinstance(reason, str):
        values["detail"] = _reason_text(lang, reason, values)
    return t(lang, err.key, **values, row=err.row)


def _reason_text(lang: str, reason: str, values: dict[str, Any]) -> str:
    for key in ("bulk_reason_" + reason, "roster_reason_" + reason, reason):
        if key in CATALOGS["vi"]:
            return t(lang, key, **values)
    return reason


def file_error_text(lang: str, exc: StaffFileError) -> str:
    """Why the whole file was refused, with numbers in the user's format."""
    values = {
        k: fmt_int(lang, v) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in exc.values.items()
    }
    return t(lang, exc.key, **values)
