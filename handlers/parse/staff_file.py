"""Read a staff list (CSV or XLSX: name, role, hamlet, phone, commune) for bulk invites.

Pure: bytes in, rows and row errors out (`parse_staff`); then `resolve` matches each row's
hamlet and commune against the hamlets it is given (plain values, no session). Nothing is
created here: invites are made only when every row is clean, so a list is never half-invited.

`looks_like_staff_list` tells a staff list from a household list by its header (a "Vai trò"
column, or an "Ấp" column without "Địa chỉ"), so the core can route a sent file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from handlers.parse.form_errors import FormError
from handlers.parse.household_form import check_name
from handlers.parse.sheet_file import (
    PHONE_ALIASES,
    Header,
    Layout,
    Parsed,
    Refusals,
    RowError,
    SheetFileError,
    cell_text,
    header_key,
    header_keys,
    read_table,
    row_error_text,
)
from handlers.parse.sheet_file import file_error_text as file_error_text
from models.people import Role
from models.phones import PhoneError, parse_phone
from models.text import clean, fold

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 500  # people in one list: a commune's staff is a few dozen


@dataclass(frozen=True)
class StaffRow:
    row: int  # the row number the user sees in their spreadsheet
    name: str  # NFC, cleaned
    role: Role
    hamlet: str  # the hamlet as written (code or name), "" when none
    phone: str  # E.164, or ""
    unit: str  # the commune as written, "" when none


StaffError = RowError  # one problem on one row: a bulk_err_* key using {row} and `values`
ParsedStaff = Parsed[StaffRow]


class StaffFileError(SheetFileError):
    """The file as a whole cannot be used (format, encoding, header, size)."""


_REFUSALS = Refusals(
    StaffFileError,
    empty="bulk_err_empty",
    too_big="bulk_err_too_big",
    xls="bulk_err_xls",
    format="bulk_err_format",
    unreadable="bulk_err_unreadable",
    encoding="bulk_err_encoding",
    no_header="bulk_err_no_header",
)


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
    _PHONE: PHONE_ALIASES,
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


def _is_staff(columns: Mapping[str, int]) -> bool:
    """A staff list's header: a name and a role; or a name and a hamlet, no address."""
    if _NAME not in columns:
        return False
    return _ROLE in columns or (_HAMLET in columns and _ADDRESS not in columns)


_LAYOUT = Layout(header_keys(_ALIASES), _is_staff)


def looks_like_staff_list(data: bytes, filename: str) -> bool:
    """Whether a sent file is a staff list (by its header); never raises."""
    try:
        return read_table(
            data, filename, refusals=_REFUSALS, layout=_LAYOUT, max_bytes=None, read=_found
        )
    except Exception:  # anything unreadable is for the household-list reader to explain
        return False


def _found(header: Header, rows: Iterator[Sequence[object]], first_row: int) -> bool:
    return True


def parse_staff(data: bytes, filename: str) -> ParsedStaff:
    """Read a staff list into validated rows and row errors.

    Raises StaffFileError when the file as a whole cannot be used: empty, too big, not
    .xlsx/.csv, unreadable, no header with a name and a role column, too many rows, nobody."""
    return read_table(
        data, filename, refusals=_REFUSALS, layout=_LAYOUT, max_bytes=MAX_BYTES, read=_read_body
    )


# --- rows ----------------------------------------------------------------------------------

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
_ROLE_KEYS = {header_key(alias): role for role, aliases in _ROLES.items() for alias in aliases}


def role_of(text: str) -> Role | None:
    """The role a cell names ("Cán bộ", "trưởng ấp", "GIÁM SÁT", "officer"), or None."""
    return _ROLE_KEYS.get(header_key(text))


def _phone_text(raw: str) -> str:
    if len(raw) == 9 and raw.isdigit() and raw[0] != "0":
        return "0" + raw  # the 0 Excel dropped
    return raw


def _read_body(header: Header, rows: Iterator[Sequence[object]], first_row: int) -> ParsedStaff:
    if _ROLE not in header.columns:
        raise StaffFileError("bulk_err_no_role")
    cols = header.columns

    def cell(row: Sequence[object], name: str) -> str:
        col = cols.get(name)
        return cell_text(row[col]) if col is not None and col < len(row) else ""

    good: list[StaffRow] = []
    errors: list[RowError] = []
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
        found: list[RowError] = []
        name = ""
        try:
            name = check_name(raw[_NAME])
        except FormError as exc:
            found.append(RowError(number, "bulk_err_name", {**exc.values, "reason": exc.key}))
        role = role_of(raw[_ROLE])
        if not raw[_ROLE]:
            found.append(RowError(number, "bulk_err_role_empty"))
        elif role is None:
            found.append(RowError(number, "bulk_err_role", {"value": raw[_ROLE][:40]}))
        elif role == Role.ADMIN:
            found.append(RowError(number, "bulk_err_role_admin"))
        hamlet = clean(raw[_HAMLET])
        if role is not None and role.needs_hamlet and not hamlet:
            found.append(RowError(number, "bulk_err_hamlet_empty"))
        phone = ""
        if raw[_PHONE]:
            try:
                phone = parse_phone(_phone_text(raw[_PHONE])).e164
            except PhoneError as exc:
                found.append(
                    RowError(
                        number, "bulk_err_phone", {"value": raw[_PHONE][:30], "reason": exc.reason}
                    )
                )
        if phone:
            first = phones.setdefault(phone, number)
            if first != number:
                found.append(RowError(number, "bulk_err_dup_phone", {"first": first}))
        if name and role is not None:
            first = people.setdefault((fold(name), fold(hamlet)), number)
            if first != number:
                found.append(RowError(number, "bulk_err_dup_person", {"first": first}))
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
) -> tuple[list[Invitee], list[RowError]]:
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
                RowError(
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
                        RowError(
                            row.row,
                            "bulk_err_hamlet_twice",
                            {"value": row.hamlet[:60], "codes": ", ".join(h.code for h in live)},
                        )
                    )
                    continue
                hamlet = live[0] if live else None
            if hamlet is None:
                errors.append(RowError(row.row, "bulk_err_hamlet", {"value": row.hamlet[:60]}))
                continue
            if not hamlet.active:
                errors.append(RowError(row.row, "bulk_err_hamlet_closed", {"hamlet": hamlet.name}))
                continue
            if unit is not None and hamlet.unit != unit:
                errors.append(
                    RowError(
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


def error_text(lang: str, err: RowError) -> str:
    """One row error as a full sentence ("Dòng 7 – vai trò «thư ký» chưa rõ: …"); its
    reason's short text a bulk_reason_* key, else a roster_reason_* one, when there is one."""
    return row_error_text(lang, err, ("bulk_reason_", "roster_reason_"))
