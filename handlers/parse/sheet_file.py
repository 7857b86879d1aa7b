"""Read a list sent as a file (CSV or XLSX) into its header row and the rows below it.

Pure: bytes in, a table out. What the columns mean and what makes a row good is each list's
own parser (roster_file: households; staff_file: staff); what is the same for every list is
here: the file kinds and text encodings, the delimiter, the title lines above the header,
header cells matched by their folded text, the shapes of a row error and a parsed list, and
the file-level refusal with its catalog key.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from handlers.engine.i18n import CATALOGS, fmt_int, t
from models.text import fold

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

HEADER_SCAN = 11  # up to 10 title lines, then the header

Row = Sequence[object]
R = TypeVar("R")
T = TypeVar("T")


@dataclass(frozen=True)
class RowError:
    """One problem on one row. `key` is a catalog key whose template uses {row} besides
    `values`; when `values` has a `reason` (the validator's key), the template also uses
    {detail}, that reason's short text. row_error_text() renders all of this; to do it by
    hand: t(lang, err.key, row=err.row, detail=<reason text>, **err.values).
    """

    row: int  # the row number the user sees in their spreadsheet (the header's + 1, …)
    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Parsed(Generic[R]):
    """A list read: its clean rows and the errors of the others."""

    rows: tuple[R, ...]
    errors: tuple[RowError, ...]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


class SheetFileError(ValueError):
    """The file as a whole cannot be used (format, encoding, header, size)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Refusals:
    """How one kind of list refuses a whole file: its exception class and catalog keys."""

    error: type[SheetFileError]
    empty: str  # no data, or nothing in it
    too_big: str  # {limit_mb}
    xls: str  # an old Excel (.xls) file
    format: str  # neither .xlsx nor .csv
    unreadable: str  # damaged, encrypted, not a workbook
    encoding: str  # a CSV whose text cannot be decoded
    no_header: str  # content, but no header row in the first lines


# --- header ------------------------------------------------------------------------------

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(value: object) -> str:
    """'Họ tên chủ hộ (*)' → 'hotenchuho', 'SĐT:' → 'sdt', 'Ấp/Thôn' → 'apthon'."""
    if not isinstance(value, str):
        return ""
    return _NOT_ALNUM.sub("", fold(_BRACKETS.sub(" ", value)))


def header_keys(aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Each folded header text ("ho ten", …) as header_key() gives it → its field."""
    return {alias.replace(" ", ""): name for name, aliases in aliases.items() for alias in aliases}


# A phone column's header, in any list ("Số điện thoại", "SĐT", "Di động", "Phone", …).
PHONE_ALIASES = (
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
)


def _never(columns: Mapping[str, int]) -> bool:
    return False


@dataclass(frozen=True)
class Layout:
    """What a list's header row looks like."""

    keys: Mapping[str, str]  # header_key() of a header cell → field (header_keys())
    complete: Callable[[Mapping[str, int]], bool]  # columns a list can be read by
    # columns that look like this list's header with a column missing (its parser says which)
    near: Callable[[Mapping[str, int]], bool] = _never


@dataclass(frozen=True)
class Header:
    index: int  # 0-based position among the table's rows
    columns: dict[str, int]  # field → 0-based column
    complete: bool


def _scan(head: Sequence[Row], layout: Layout) -> Header | None:
    """The first complete header row, else the first row that looks like a near one."""
    near: Header | None = None
    for index, row in enumerate(head):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            name = layout.keys.get(header_key(value))
            if name is not None and name not in columns:
                columns[name] = col
        if layout.complete(columns):
            return Header(index, columns, True)
        if near is None and layout.near(columns):
            near = Header(index, columns, False)
    return near


# --- cells -------------------------------------------------------------------------------

_INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060")


def cell_text(value: object) -> str:
    """A cell as text: stripped, invisible characters gone, 912345678.0 → "912345678"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.translate(_INVISIBLE).strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def has_content(row: Row) -> bool:
    return any(cell_text(value) for value in row)


# --- the table ---------------------------------------------------------------------------

Read = Callable[[Header, Iterator[Row], int], T]  # header, the rows below, the first's number


def read_table(
    data: bytes,
    filename: str,
    *,
    refusals: Refusals,
    layout: Layout,
    max_bytes: int | None,
    read: Read[T],
) -> T:
    """Find the header of a CSV or XLSX file and hand it, the rows below it and the first
    of those rows' number (as the user sees it: the header is row 1 when it is on top) to
    `read`; return what `read` returns.

    The header is the first complete one (of the worksheets in turn; of the CSV read with
    each usual delimiter, the one its first line has most of first, unless an Excel "sep="
    line names one), else the first near one (`read` refuses it). Raises `refusals.error`
    when the file cannot be used: no data, over `max_bytes` (when given), not .xlsx/.csv,
    unreadable, no header at all. Whatever `read` raises on a worksheet, besides a
    SheetFileError, is "unreadable" (malformed XML).
    """
    if not data:
        raise refusals.error(refusals.empty)
    if max_bytes is not None and len(data) > max_bytes:
        raise refusals.error(refusals.too_big, limit_mb=max_bytes // (1024 * 1024))
    if _kind(data, filename, refusals) == "xlsx":
        return _read_xlsx(data, refusals, layout, read)
    return _read_csv(data, refusals, layout, read)


_XLSX_EXT = (".xlsx", ".xlsm")
_CSV_EXT = (".csv", ".txt", ".tsv")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel (.xls), or an encrypted .xlsx


def _kind(data: bytes, filename: str, refusals: Refusals) -> Literal["xlsx", "csv"]:
    ext = PurePath(filename.strip().lower()).suffix
    if data.startswith(b"PK\x03\x04"):  # a zip: .xlsx (whatever the name says)
        return "xlsx"
    if data.startswith(_OLE_MAGIC) or ext == ".xls":
        raise refusals.error(refusals.xls)
    if ext in _CSV_EXT:
        return "csv"
    if ext in _XLSX_EXT:
        raise refusals.error(refusals.unreadable)  # named .xlsx but not a workbook
    raise refusals.error(refusals.format)


def _decode(data: bytes, refusals: Refusals) -> str:
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
        raise refusals.error(refusals.encoding) from exc


# --- CSV ---------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t")


def _read_csv(data: bytes, refusals: Refusals, layout: Layout, read: Read[T]) -> T:
    text = _decode(data, refusals).lstrip("\ufeff")
    if not text.strip():
        raise refusals.error(refusals.empty)
    first, _, rest = text.partition("\n")
    hint = first.strip().lower()
    if len(hint) == 5 and hint.startswith("sep="):
        # Excel's "sep=;" line: it picks the delimiter and is not shown as a row.
        return _read_csv_with(rest, hint[4], refusals, layout, read)
    near: str | None = None
    # The likeliest delimiter first: the one the first line has most of.
    for delimiter in sorted(_DELIMITERS, key=first.count, reverse=True):
        found = _scan(_csv_rows(text, delimiter, refusals, HEADER_SCAN), layout)
        if found is not None and found.complete:
            return _read_csv_with(text, delimiter, refusals, layout, read)
        if found is not None and near is None:
            near = delimiter
    if near is not None:
        return _read_csv_with(text, near, refusals, layout, read)
    sample = text[:4096]
    delimiter = max(_DELIMITERS, key=sample.count)
    return _read_csv_with(text, delimiter, refusals, layout, read)


def _csv_rows(
    text: str, delimiter: str, refusals: Refusals, limit: int | None = None
) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(islice(reader, limit))
    except csv.Error as exc:
        raise refusals.error(refusals.unreadable) from exc


def _read_csv_with(
    text: str, delimiter: str, refusals: Refusals, layout: Layout, read: Read[T]
) -> T:
    rows = _csv_rows(text, delimiter, refusals)
    head = rows[:HEADER_SCAN]
    header = _scan(head, layout)
    if header is None:
        if not any(has_content(row) for row in head):
            raise refusals.error(refusals.empty)
        raise refusals.error(refusals.no_header)
    return read(header, iter(rows[header.index + 1 :]), header.index + 2)


# --- XLSX --------------------------------------------------------------------------------


def _read_xlsx(data: bytes, refusals: Refusals, layout: Layout, read: Read[T]) -> T:
    import openpyxl  # only when a workbook arrives: it brings numpy and lxml (issue 22)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles, extensions…
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # not a workbook: damaged zip, .docx, .ods, …
        raise refusals.error(refusals.unreadable) from exc
    try:
        return _read_book(book, refusals, layout, read)
    except SheetFileError:
        raise
    except Exception as exc:  # malformed sheet XML
        raise refusals.error(refusals.unreadable) from exc
    finally:
        book.close()


def _read_book(book: Workbook, refusals: Refusals, layout: Layout, read: Read[T]) -> T:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    near: tuple[Callable[[], Iterator[Row]], Header] | None = None
    seen_content = False
    for sheet in book.worksheets:
        if not isinstance(sheet, ReadOnlyWorksheet):  # pragma: no cover - read_only=True
            continue
        sheet.reset_dimensions()  # some programs write a wrong size; read what is there
        rows: Iterator[Row] = sheet.iter_rows(values_only=True)
        head = list(islice(rows, HEADER_SCAN))
        seen_content = seen_content or any(has_content(row) for row in head)
        header = _scan(head, layout)
        if header is None:
            continue
        if header.complete:
            return read(header, chain(head[header.index + 1 :], rows), header.index + 2)
        near = near or (partial(sheet.iter_rows, values_only=True), header)
    if near is not None:
        again, header = near  # read that sheet's rows again, from the top
        return read(header, islice(again(), header.index + 1, None), header.index + 2)
    if not seen_content:
        raise refusals.error(refusals.empty)
    raise refusals.error(refusals.no_header)


# --- messages ----------------------------------------------------------------------------


def row_error_text(lang: str, err: RowError, reason_prefixes: Sequence[str]) -> str:
    """One row error as a full sentence; the reason's short text is the first catalog key
    of `reason_prefixes` + reason, else the reason's own key, else the reason as it is."""
    values: dict[str, Any] = dict(err.values)
    reason = values.get("reason")
    if isinstance(reason, str):
        values["detail"] = _reason_text(lang, reason, values, reason_prefixes)
    return t(lang, err.key, **values, row=err.row)


def _reason_text(lang: str, reason: str, values: dict[str, Any], prefixes: Sequence[str]) -> str:
    for key in (*(prefix + reason for prefix in prefixes), reason):
        if key in CATALOGS["vi"]:
            return t(lang, key, **values)
    return reason


def file_error_text(lang: str, exc: SheetFileError) -> str:
    """Why the whole file was refused, with numbers in the user's format."""
    values = {
        k: fmt_int(lang, v) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in exc.values.items()
    }
    return t(lang, exc.key, **values)
