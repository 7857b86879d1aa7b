"""Excel and CSV exports of a report: the ranking, each hamlet's evidence, officers' activity.

The files are what supervisors hand to the award committee, so they must open cleanly in
Excel on a Vietnamese desktop: real numbers and dates (sortable, filterable), phone numbers
that keep their leading zero, Vietnamese text intact, and no cell that Excel could run as a
formula when a household's name or note happens to start with "=".

Both formats are drawn from the same `Table`s, so the sheet and the CSV never disagree about
columns; only the rendering of a value differs (a real date cell vs "2026-04-15" text).
Every sheet is also set up to print: A4, fitted to the page's width, the header row on every
page, page numbers in the footer (the office files the printout with the award dossier).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from handlers.engine.i18n import fmt_date, fmt_datetime, fmt_pct, fmt_phone, t
from handlers.render.verify_text import answer_text, detail_label
from models.check_rows import CheckRow
from models.progress import PaceKind
from models.reports import EvidenceRow, HamletRow, OfficerActivity, Report
from models.rules import CampaignConfig

# openpyxl (with numpy and lxml, ~30 MB) is imported by the functions that write a workbook,
# not by the bot's start (issue 22); these names are for the annotations only.
if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment, Border, Font, PatternFill
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.worksheet import Worksheet

TITLE_ROW, PERIOD_ROW, HEADER_ROW = 1, 2, 3
FIRST_DATA_ROW = HEADER_ROW + 1

MIN_WIDTH = 6  # "STT" and its filter arrow
PADDING = 2  # Excel's width unit is one "0" of the default font; room for the filter arrow
# Text wraps at this width rather than widening the table: every column added to a page's
# width shrinks the print of all of them (a fitted page is scaled as a whole).
TEXT_WIDTH = 26
# A header wraps to this many lines rather than widen a column of short values (a count
# under "Hộ đạt điều kiện giải đặc biệt"); Vietnamese words are short, so it can.
HEADER_LINES = 3
LINE_HEIGHT = 15  # points per line of the default 11-pt font
TITLE_SIZE = 14
TITLE_LINE = 20  # points per line of the 14-pt title

# A4 with the narrow margins below, in pixels at 96 dpi (Excel's column widths are pixels:
# 7 per width unit of the default font and 5 of cell padding). A table wider than the
# portrait page turns landscape; one wider still is scaled down to the page's width.
PORTRAIT_PIXELS = 745

# OWASP "CSV injection": spreadsheet apps treat a cell starting with these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Excel refuses these in sheet names; it also caps names at 31 chars and reserves "History".
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31
_RESERVED_SHEETS = {"history"}

# The control characters XML 1.0 forbids: openpyxl's ILLEGAL_CHARACTERS_RE, copied so the
# CSV export needs no openpyxl (tests/test_workbook.py checks that the two agree).
_ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


@dataclass(frozen=True)
class _Styles:
    header_font: Font
    header_fill: PatternFill
    header_align: Alignment
    title_font: Font
    period_font: Font
    banner_align: Alignment
    text_align: Alignment
    number_align: Alignment
    border: Border
    margins: PageMargins


@cache
def _styles() -> _Styles:
    """The sheets' fonts, fills, lines and margins, made once, on the first workbook."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.page import PageMargins

    thin = Side(style="thin", color="FF808080")
    return _Styles(
        header_font=Font(bold=True),
        header_fill=PatternFill(fill_type="solid", start_color="FFDDEBF7", end_color="FFDDEBF7"),
        header_align=Alignment(wrap_text=True, vertical="center"),
        title_font=Font(bold=True, size=TITLE_SIZE),
        period_font=Font(italic=True),
        # Merged across the table; wrapped, because a merged cell is never widened by Excel.
        banner_align=Alignment(horizontal="center", vertical="center", wrap_text=True),
        text_align=Alignment(wrap_text=True, vertical="top"),
        number_align=Alignment(vertical="top"),
        # Gridlines do not print; the table's own lines do.
        border=Border(left=thin, right=thin, top=thin, bottom=thin),
        margins=PageMargins(left=0.25, right=0.25, top=0.45, bottom=0.55, header=0.2, footer=0.25),
    )


@dataclass(frozen=True)
class ExportData:
    campaign: CampaignConfig
    report: Report
    officers: tuple[OfficerActivity, ...]
    evidence: tuple[EvidenceRow, ...]
    made_at: datetime  # aware
    tz: ZoneInfo  # the campaign's timezone (Asia/Ho_Chi_Minh)
    checks: tuple[CheckRow, ...] = ()  # spot-checks of these hamlets; none: no checks sheet


class Kind(Enum):
    TEXT = "text"
    COUNT = "count"
    PCT = "pct"  # a fraction: 0.95 is shown as 95,0%
    RATE = "rate"  # a figure with one decimal: 1.4 is shown as 1,4
    DATE = "date"
    MOMENT = "moment"  # a local, naive datetime (Excel has no time zones)


# Excel number formats; DD/MM/YYYY is what Vietnamese offices read, whatever the PC locale.
# "#,##0" groups thousands with the reader's own separator (1.234 on a Vietnamese PC).
_NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.PCT: "0.0%",
    Kind.RATE: "0.0",
    Kind.DATE: "DD/MM/YYYY",
    Kind.MOMENT: "DD/MM/YYYY HH:MM",
}
_FIXED_LENGTHS = {Kind.PCT: len("100.0%"), Kind.DATE: 10, Kind.MOMENT: 16}
# ISO in CSV: Excel reads 10/05/2026 in the PC's own date order (5 October on an English
# PC, silently); 2026-05-10 is 10 May in every locale, then shown in the reader's format.
_CSV_DATE, _CSV_MOMENT = "%Y-%m-%d", "%Y-%m-%d %H:%M"

Value = str | int | float | date | datetime | None
Row = tuple[Value, ...]


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Table:
    name: str  # the wished-for sheet name, before Excel's rules are applied
    title: str
    period: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


# ---------------------------------------------------------------------------- public API


def write_xlsx(data: ExportData, lang: str, path: Path) -> Path:
    """Summary sheet, one evidence sheet per hamlet (report order), the spot-checks (if any
    were drawn), then the officers."""
    named = [*_check_tables(data, lang), _officers(data, lang)]
    return write_tables(
        [_summary(data, lang), *_evidence_sheets(data, lang), *named], path, lang, named=len(named)
    )


def write_tables(tables: Sequence[Table], path: Path, lang: str, named: int = 1) -> Path:
    """One sheet per table, each ready to print on A4; the first and the last `named` keep
    their names on a clash."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook()
    default = workbook.worksheets[0]
    for table, title in zip(tables, _sheet_titles(tables, named), strict=True):
        sheet = workbook.create_sheet(title)
        assert isinstance(sheet, Worksheet)
        _fill_sheet(sheet, table, lang)
    workbook.remove(default)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


# File name endings of the CSV parts, in the order write_csv returns them; the spot-checks
# part comes last (and only when checks exist) so the first three never move.
CSV_PARTS = ("tong-hop", "minh-chung", "can-bo")
CHECKS_PART = "kiem-tra"


def csv_parts(data: ExportData) -> tuple[str, ...]:
    return (*CSV_PARTS, CHECKS_PART) if data.checks else CSV_PARTS


def csv_paths(folder: Path, stem: str, parts: Sequence[str] = CSV_PARTS) -> list[Path]:
    return [folder / f"{stem}-{part}.csv" for part in parts]


# Excel splits a CSV it opens at the list separator of the PC's regional settings, and
# reads numbers with that region's decimal mark: "," with "." (English), ";" with ","
# (Vietnamese, as most of Europe). Each separator goes with its region's decimal mark.
DECIMAL_MARKS = {",": ".", ";": ","}
DEFAULT_SEPARATOR = ","


def write_csv(
    data: ExportData, lang: str, folder: Path, stem: str, separator: str = DEFAULT_SEPARATOR
) -> list[Path]:
    """Summary, all evidence, officers (and spot-checks, if any) as CSV files in `folder`;
    returns their paths.

    UTF-8 with a BOM: without it Excel opens the file as the ANSI code page and mangles
    every Vietnamese letter.
    """
    if separator not in DECIMAL_MARKS:
        raise ValueError(f"CSV separator must be one of {sorted(DECIMAL_MARKS)}")
    folder.mkdir(parents=True, exist_ok=True)
    tables = (
        _summary(data, lang),
        _all_evidence(data, lang),
        _officers(data, lang),
        *_check_tables(data, lang),
    )
    paths = csv_paths(folder, stem, csv_parts(data))
    for path, table in zip(paths, tables, strict=True):
        _write_csv_table(path, table, separator)
    return paths


def export_filename(data: ExportData, suffix: str) -> str:
    """E.g. "bao-cao-2026-01-01_2026-04-15.xlsx"; ASCII without spaces, safe in any chat app.

    The dates are the figures' span (period start to as-of day), so two exports of a running
    period made on different days do not share a name.
    """
    report = data.report
    ext = re.sub(r"[^A-Za-z0-9]", "", suffix)
    name = f"bao-cao-{report.period.start.isoformat()}_{report.as_of.isoformat()}"
    return f"{name}.{ext}" if ext else name


# ---------------------------------------------------------------------------- the tables


def _needed_per_day(row: HamletRow) -> float | None:
    """Households a day the hamlet needs until the campaign's end (blank once reached or
    over): what the office acts on, where a projected date would be decades away."""
    pace = row.pace
    if pace is None or pace.kind in (PaceKind.REACHED, PaceKind.ENDED):
        return None
    return pace.needed_tenths / 10


def _yes_no(lang: str, flag: bool) -> str:
    return t(lang, "xl_yes" if flag else "xl_no")


def _period_line(data: ExportData, lang: str) -> str:
    report = data.report
    return t(
        lang,
        "xl_period",
        start=fmt_date(report.period.start),
        end=fmt_date(report.period.end),
        as_of=fmt_date(report.as_of),
        made=fmt_datetime(data.made_at, data.tz),
    )


def _report_title(data: ExportData, lang: str) -> str:
    return t(lang, "xl_title", campaign=data.campaign.name, unit=data.campaign.unit)


def columns_of(lang: str, spec: Iterable[tuple[str, Kind]]) -> tuple[Column, ...]:
    """Columns headed by catalog keys."""
    return _columns(lang, spec)


def _columns(lang: str, spec: Iterable[tuple[str, Kind]]) -> tuple[Column, ...]:
    return tuple(Column(t(lang, key), kind) for key, kind in spec)


def _summary(data: ExportData, lang: str) -> Table:
    report = data.report
    count = Kind.COUNT
    columns = (
        *_columns(
            lang,
            [
                ("xl_col_rank", count),
                ("xl_col_code", Kind.TEXT),
                ("xl_col_hamlet", Kind.TEXT),
                ("xl_col_total", count),
                ("xl_col_guided", count),
                ("xl_col_coverage", Kind.PCT),
            ],
        ),
        Column(t(lang, "xl_col_reached", threshold=fmt_pct(lang, report.threshold))),
        *_columns(
            lang,
            [
                ("xl_col_target", count),
                ("xl_col_required", count),
                ("xl_col_special", count),
                ("xl_col_new", count),
                ("xl_col_entries", count),
                ("xl_col_active_days", count),
                ("xl_col_period_days", count),
                ("xl_col_pace", Kind.RATE),
                ("xl_col_behind", Kind.TEXT),
            ],
        ),
    )
    rows = tuple(
        (
            r.rank,
            r.code,
            r.name,
            r.total,
            r.guided,
            r.coverage,
            _yes_no(lang, r.reached),
            r.target,
            r.required_procedures,
            r.special,
            r.new_households,
            r.entries,
            r.active_days,
            r.period_days,
            _needed_per_day(r),
            _yes_no(lang, r.behind_pace),
        )
        for r in report.rows
    )
    return Table(
        t(lang, "xl_summary_sheet"),
        _report_title(data, lang),
        _period_line(data, lang),
        columns,
        rows,
    )


def _evidence_columns(lang: str) -> tuple[Column, ...]:
    return _columns(
        lang,
        [
            ("xl_col_no", Kind.COUNT),
            ("xl_col_head", Kind.TEXT),
            ("xl_col_address", Kind.TEXT),
            ("xl_col_phone", Kind.TEXT),
            ("xl_col_shared_phone", Kind.TEXT),
            ("xl_col_procedures", Kind.TEXT),
            ("xl_col_guided_on", Kind.DATE),
            ("xl_col_dossier", Kind.TEXT),
            ("xl_col_officer", Kind.TEXT),
            ("xl_col_recorded_at", Kind.MOMENT),
            ("xl_col_note", Kind.TEXT),
            ("xl_col_files", Kind.COUNT),
        ],
    )


def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    """Wall-clock time in the campaign's zone, naive because Excel cannot store a zone."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(tz).replace(tzinfo=None)


def _evidence_row(number: int, row: EvidenceRow, lang: str, tz: ZoneInfo) -> Row:
    # The phone is text on purpose: as a number Excel would drop the leading 0.
    return (
        number,
        row.head_name,
        row.address,
        fmt_phone(row.phone),
        _yes_no(lang, row.shares_phone),
        "; ".join(row.procedures),
        row.guided_on,
        row.dossier_code,
        row.officer,
        _local(row.recorded_at, tz),
        row.note,
        row.files,
    )


def _hamlets_with_evidence(data: ExportData) -> list[tuple[str, str, list[EvidenceRow]]]:
    """(code, name, rows) per report hamlet in rank order, empty ones included.

    Rows of a hamlet missing from the report get a sheet of their own at the end rather
    than vanishing from an evidence file.
    """
    groups: dict[str, tuple[str, list[EvidenceRow]]] = {
        r.code: (r.name, []) for r in data.report.rows
    }
    for row in data.evidence:
        groups.setdefault(row.hamlet_code, (row.hamlet_name, []))[1].append(row)
    return [(code, name, rows) for code, (name, rows) in groups.items()]


def _household_columns(lang: str) -> tuple[Column, ...]:
    return _columns(
        lang,
        [
            ("xl_col_no", Kind.COUNT),
            ("xl_col_head", Kind.TEXT),
            ("xl_col_address", Kind.TEXT),
            ("xl_col_phone", Kind.TEXT),
            ("xl_col_shared_phone", Kind.TEXT),
            ("xl_col_procedures", Kind.TEXT),
            ("xl_col_guided_days", Kind.DATE),
            ("xl_col_dossier", Kind.TEXT),
            ("xl_col_officer", Kind.TEXT),
            ("xl_col_entry_ids", Kind.TEXT),
            ("xl_col_recorded_at", Kind.MOMENT),
            ("xl_col_note", Kind.TEXT),
            ("xl_col_files", Kind.COUNT),
        ],
    )


def _unique(values: Sequence[str]) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]


def _household_row(number: int, rows: Sequence[EvidenceRow], lang: str, tz: ZoneInfo) -> Row:
    """One household however many times it was guided: what the office counts and a caller
    checks. Its entries stay traceable by number ("#12, #40")."""
    first = rows[0]
    days = sorted({r.guided_on for r in rows})
    return (
        number,
        first.head_name,
        first.address,
        fmt_phone(first.phone),
        _yes_no(lang, any(r.shares_phone for r in rows)),
        "; ".join(_unique([p for r in rows for p in r.procedures])),
        # One day stays a real date (sorts and filters); several are listed, one a line.
        days[0] if len(days) == 1 else "\n".join(fmt_date(d) for d in days),
        "; ".join(_unique([r.dossier_code for r in rows])),
        "; ".join(_unique([r.officer for r in rows])),
        ", ".join(f"#{r.entry_id}" for r in sorted(rows, key=lambda r: r.entry_id)),
        _local(max(r.recorded_at for r in rows), tz),
        "; ".join(_unique([r.note for r in rows])),
        sum(r.files for r in rows),
    )


def _households(rows: Sequence[EvidenceRow]) -> list[list[EvidenceRow]]:
    """The entries grouped by household, in the order each household first appears."""
    groups: dict[int, list[EvidenceRow]] = {}
    for row in rows:
        groups.setdefault(row.household_id, []).append(row)
    return list(groups.values())


def _evidence_sheets(data: ExportData, lang: str) -> list[Table]:
    columns = _household_columns(lang)
    period = _period_line(data, lang)
    # A printed page carries its title only: say what the list is, not just whose.
    return [
        Table(
            code,
            t(lang, "xl_evidence_title", hamlet=name, code=code),
            period,
            columns,
            tuple(
                _household_row(n, group, lang, data.tz)
                for n, group in enumerate(_households(rows), 1)
            ),
        )
        for code, name, rows in _hamlets_with_evidence(data)
    ]


def _all_evidence(data: ExportData, lang: str) -> Table:
    """Every hamlet in one list, numbered straight through, hamlet code and name first."""
    columns = (
        *_columns(lang, [("xl_col_code", Kind.TEXT), ("xl_col_hamlet", Kind.TEXT)]),
        *_evidence_columns(lang),
    )
    ordered = [row for _code, _name, rows in _hamlets_with_evidence(data) for row in rows]
    rows = tuple(
        (row.hamlet_code, row.hamlet_name, *_evidence_row(n, row, lang, data.tz))
        for n, row in enumerate(ordered, 1)
    )
    return Table("", _report_title(data, lang), _period_line(data, lang), columns, rows)


def _officers(data: ExportData, lang: str) -> Table:
    columns = _columns(
        lang,
        [
            ("xl_col_hamlet", Kind.TEXT),
            ("xl_col_officer", Kind.TEXT),
            ("xl_col_entries", Kind.COUNT),
            ("xl_col_active_days", Kind.COUNT),
            ("xl_col_last_entry", Kind.DATE),
            ("xl_col_idle_days", Kind.COUNT),
            ("xl_col_inactive", Kind.TEXT),
        ],
    )
    rows = tuple(
        (
            a.hamlet_name,
            a.name,
            a.entries,
            a.active_days,
            a.last_entry,
            a.idle_days,
            _yes_no(lang, a.inactive),
        )
        for a in data.officers
    )
    return Table(
        t(lang, "xl_officers_sheet"),
        _report_title(data, lang),
        _period_line(data, lang),
        columns,
        rows,
    )


def _outcome_label(lang: str, row: CheckRow) -> str:
    """The answer, and a deletion after the draw: a deleted entry answered ✅ does not read
    "confirmed" while it counts as failed."""
    label = t(lang, f"vout_{row.outcome}") if row.outcome else t(lang, "xl_check_open")
    if row.entry_deleted:
        key = (
            "xl_check_deleted"
            if row.overturned or row.status == "open"
            else "xl_check_deleted_failed"
        )
        label = t(lang, key, outcome=label)
    return label


def _details(lang: str, row: CheckRow) -> str:
    """What was wrong, and which of the household's procedures it confirmed."""
    parts = [
        detail_label(lang, row.detail),
        answer_text(lang, list(row.procedures), list(row.confirmed)) if row.procedures else "",
    ]
    return " · ".join(p for p in parts if p)


def _review(lang: str, row: CheckRow) -> str:
    """A supervisor's decision on a failed check, with its reason; blank while none."""
    if row.overturned:
        return t(lang, "xl_review_overturned", reason=row.overturn_reason or "–")
    if row.upheld:
        return t(lang, "xl_review_upheld", reason=row.uphold_reason or "–")
    return ""


def _check_row(row: CheckRow, lang: str, tz: ZoneInfo, seeds: bool) -> Row:
    called = _local(row.last_call_at, tz) if row.last_call_at else None
    return (
        row.batch_id,
        *((row.seed,) if seeds else ()),
        row.hamlet_code,
        row.hamlet_name,
        row.head_name,
        fmt_phone(row.phone),
        row.guided_on,
        row.officer,
        _outcome_label(lang, row),
        _details(lang, row),
        row.attempts,
        row.last_caller,
        called,
        row.note,
        _review(lang, row),
        row.officer_reply,
    )


def _check_tables(data: ExportData, lang: str) -> list[Table]:
    """The spot-check list, one row per check; no table at all before the first draw."""
    if not data.checks:
        return []
    return [
        checks_table(
            data.checks, lang, data.tz, _report_title(data, lang), _period_line(data, lang)
        )
    ]


def checks_table(
    checks: Sequence[CheckRow], lang: str, tz: ZoneInfo, title: str, period: str
) -> Table:
    """One row per check; the seed column only for the office (`CheckRow.seed`)."""
    seeds = any(row.seed for row in checks)
    columns = _columns(
        lang,
        [
            ("xl_col_batch", Kind.COUNT),
            *([("xl_col_seed", Kind.TEXT)] if seeds else []),
            ("xl_col_code", Kind.TEXT),
            ("xl_col_hamlet", Kind.TEXT),
            ("xl_col_head", Kind.TEXT),
            ("xl_col_phone", Kind.TEXT),
            ("xl_col_guided_on", Kind.DATE),
            ("xl_col_officer", Kind.TEXT),
            ("xl_col_outcome", Kind.TEXT),
            ("xl_col_detail", Kind.TEXT),
            ("xl_col_attempts", Kind.COUNT),
            ("xl_col_last_caller", Kind.TEXT),
            ("xl_col_last_call", Kind.MOMENT),
            ("xl_col_note", Kind.TEXT),
            ("xl_col_overturned", Kind.TEXT),
            ("xl_col_officer_reply", Kind.TEXT),
        ],
    )
    rows = tuple(_check_row(row, lang, tz, seeds) for row in checks)
    return Table(t(lang, "xl_checks_sheet"), title, period, columns, rows)


# ---------------------------------------------------------------------------- text safety


def _clean(text: str) -> str:
    """NFC (one code point per Vietnamese letter) and no control characters XML forbids."""
    return _ILLEGAL_CHARACTERS.sub("", unicodedata.normalize("NFC", text))


def _looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def _csv_text(text: str) -> str:
    # A CSV has no cell types, so the only defence is the quote OWASP recommends: Excel
    # shows the text, not its result. The quote is visible, which is the price of safety.
    text = _clean(text)
    return "'" + text if _looks_like_formula(text) else text


# ---------------------------------------------------------------------------- sheet names


def _sheet_title(wanted: str, taken: set[str]) -> str:
    """A name Excel accepts: allowed characters, ≤ 31 chars, unique ignoring case."""
    base = " ".join(_SHEET_FORBIDDEN.sub("_", _clean(wanted)).split()).strip("'") or "_"
    if base.casefold() in _RESERVED_SHEETS:
        base += "_"
    candidate = base[:SHEET_NAME_MAX].rstrip("'")
    copy = 2
    while candidate.casefold() in taken:
        tail = f" ({copy})"
        candidate = base[: SHEET_NAME_MAX - len(tail)].rstrip("'") + tail
        copy += 1
    taken.add(candidate.casefold())
    return candidate


def _sheet_titles(tables: Sequence[Table], named: int = 1) -> list[str]:
    """The summary and the last `named` sheets (checks, officers) keep their names; a
    hamlet whose code clashes with one of them gets the suffix."""
    taken: set[str] = set()
    first_named = len(tables) - named
    fixed = (0, *range(first_named, len(tables)))
    titles = {i: _sheet_title(tables[i].name, taken) for i in fixed}
    titles.update({i: _sheet_title(tables[i].name, taken) for i in range(1, first_named)})
    return [titles[i] for i in range(len(tables))]


# ---------------------------------------------------------------------------- xlsx


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    from openpyxl.cell.cell import Cell

    cell = sheet.cell(row, column)
    # Only the title rows are merged, and they are written through their first cell.
    assert isinstance(cell, Cell)
    return cell


def _put(cell: Cell, value: Value, kind: Kind) -> None:
    if value is None or value == "":
        return
    if isinstance(value, str):
        cell.value = _clean(value)
        # openpyxl turns any "=…" string into a formula; forcing the string type stores the
        # exact text the officer typed (no added quote), and quotePrefix is the flag Excel
        # itself sets for '=… so the cell stays text even after someone edits it.
        cell.data_type = "s"
        if _looks_like_formula(value):
            cell.quotePrefix = True
        return
    cell.value = value
    if kind in _NUMBER_FORMATS:
        cell.number_format = _NUMBER_FORMATS[kind]


def _fill_sheet(sheet: Worksheet, table: Table, lang: str) -> None:
    from openpyxl.utils import get_column_letter

    styles = _styles()
    widths = _widths(table)
    for col, column in enumerate(table.columns, 1):
        cell = _cell(sheet, HEADER_ROW, col)
        _put(cell, column.header, Kind.TEXT)
        cell.font, cell.fill = styles.header_font, styles.header_fill
        cell.alignment, cell.border = styles.header_align, styles.border
    for offset, row in enumerate(table.rows):
        for col, (value, column) in enumerate(zip(row, table.columns, strict=True), 1):
            cell = _cell(sheet, FIRST_DATA_ROW + offset, col)
            _put(cell, value, column.kind)
            text = column.kind is Kind.TEXT
            cell.alignment = styles.text_align if text else styles.number_align
            cell.border = styles.border
    last = get_column_letter(len(table.columns))
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(table.rows)}"
    _size_columns(sheet, widths)
    _size_rows(sheet, table, widths)
    _banner(sheet, TITLE_ROW, table.title, styles.title_font, widths)
    _banner(sheet, PERIOD_ROW, table.period, styles.period_font, widths)
    _print_setup(sheet, widths, lang)


def _banner(sheet: Worksheet, row: int, text: str, font: Font, widths: Sequence[int]) -> None:
    """A line above the table, merged across its width: in the first column alone a long
    title wraps inside a few characters ("Báo" and nothing more)."""
    cell = _cell(sheet, row, 1)
    _put(cell, text, Kind.TEXT)
    cell.font, cell.alignment = font, _styles().banner_align
    if len(widths) > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    # Excel never grows a row for a merged cell's wrapped text: size it here.
    size = font.sz or 11
    room = max(1.0, sum(widths) * 0.9 * 11 / size)  # larger letters, fewer to a line
    lines = sum(max(1, -(-len(part) // int(room))) for part in text.splitlines() or [""])
    sheet.row_dimensions[row].height = lines * (TITLE_LINE if size > 11 else LINE_HEIGHT)


def _print_setup(sheet: Worksheet, widths: Sequence[int], lang: str) -> None:
    """A4, as wide as the table needs, every column on the page (as many pages tall as the
    rows need), the header row on every page, page numbers in the footer."""
    from openpyxl.worksheet.properties import PageSetupProperties

    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    wide = sum(width * 7 + 5 for width in widths) > PORTRAIT_PIXELS
    setup.orientation = "landscape" if wide else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0  # 0: no limit on the number of pages tall
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = _styles().margins
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    footer = sheet.oddFooter  # the only footer: odd and even pages are not told apart
    assert footer is not None
    footer.center.text, footer.center.size = t(lang, "xl_footer_pages"), 9
    footer.left.text, footer.left.size = "&A", 9  # the sheet's name: whose a loose page is


def _shown_length(value: Value, kind: Kind) -> int:
    if value is None:
        return 0
    if kind in _FIXED_LENGTHS:
        return _FIXED_LENGTHS[kind]
    if kind is Kind.COUNT and isinstance(value, int | float):
        return len(f"{value:,}")  # with the thousands separator the format adds
    return max(len(line) for line in str(value).splitlines() or [""])


def _header_need(header: str) -> int:
    longest_word = max((len(word) for word in header.split()), default=0)
    return max(longest_word, -(-len(header) // HEADER_LINES))


def _width(table: Table, index: int) -> int:
    column = table.columns[index]
    data = max((_shown_length(row[index], column.kind) for row in table.rows), default=0)
    if column.kind is Kind.TEXT:
        data = min(data, TEXT_WIDTH)  # longer text wraps
    need = max(data, _header_need(column.header)) + PADDING
    return max(need, MIN_WIDTH)


def _widths(table: Table) -> list[int]:
    return [_width(table, index) for index in range(len(table.columns))]


def _wrapped_lines(text: str, width: int) -> int:
    """Lines a text takes when wrapped at word boundaries in `width` characters; a word
    longer than a line is broken, as Excel does."""
    width = max(width, 1)
    total = 0
    for paragraph in text.splitlines() or [""]:
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > width:
                lines, used = lines + 1, 0
            if len(word) > width:  # starts a line (above) and is broken across more
                lines += (len(word) - 1) // width
                used = len(word) % width or width
            else:
                used += len(word) + (1 if used else 0)
        total += lines
    return total


def _row_lines(row: Row, table: Table, widths: Sequence[int]) -> int:
    return max(
        (
            _wrapped_lines(value, width - PADDING)
            for value, column, width in zip(row, table.columns, widths, strict=True)
            if isinstance(value, str) and column.kind is Kind.TEXT
        ),
        default=1,
    )


def _size_rows(sheet: Worksheet, table: Table, widths: Sequence[int]) -> None:
    lines = max(
        _wrapped_lines(column.header, width - PADDING)
        for column, width in zip(table.columns, widths, strict=True)
    )
    sheet.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * lines
    # LibreOffice (and phone viewers) keep a row's height when opening a file, whatever
    # its wrapped text needs: a row of wrapped text is given its height here, or prints
    # clipped.
    for offset, row in enumerate(table.rows):
        lines = _row_lines(row, table, widths)
        if lines > 1:
            sheet.row_dimensions[FIRST_DATA_ROW + offset].height = LINE_HEIGHT * lines


def _size_columns(sheet: Worksheet, widths: Sequence[int]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width


# ---------------------------------------------------------------------------- csv


def _csv_cell(value: Value, kind: Kind, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _csv_text(value)
    if isinstance(value, datetime):
        return value.strftime(_CSV_MOMENT)
    if isinstance(value, date):
        return value.strftime(_CSV_DATE)
    if kind is Kind.PCT:
        # Percent points, a number Excel can sort and sum ("95,0%" would stay text);
        # the header says "(%)". One decimal, as every report shows it.
        return f"{value * 100:.1f}".replace(".", decimal)
    return str(value).replace(".", decimal)


def _csv_header(column: Column) -> str:
    return _csv_text(f"{column.header} (%)" if column.kind is Kind.PCT else column.header)


def _write_csv_table(path: Path, table: Table, separator: str) -> None:
    decimal = DECIMAL_MARKS[separator]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator)
        writer.writerow([_csv_header(column) for column in table.columns])
        for row in table.rows:
            writer.writerow(
                [
                    _csv_cell(value, column.kind, decimal)
                    for value, column in zip(row, table.columns, strict=True)
                ]
            )
