"""handlers/render/workbook.py: the xlsx and CSV exports, read back as Excel and a CSV reader
would."""

from __future__ import annotations

import codecs
import csv
import itertools
import unicodedata
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from handlers.render.workbook import ExportData, export_filename, write_csv, write_xlsx
from models.periods import Period
from models.progress import pace
from models.reports import EvidenceRow, HamletRow, OfficerActivity, Report
from models.rules import CampaignConfig

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TUYET = unicodedata.normalize("NFC", "Nguyễn Thị Ánh Tuyết")
OFFICER = "Trần Văn Cán Bộ"
FORMULA = '=HYPERLINK("http://x.example","bấm")'

SUMMARY_HEADERS_VI = [
    "Hạng",
    "Mã ấp",
    "Tên ấp",
    "Tổng số hộ",
    "Hộ đã được hướng dẫn",
    "Tỷ lệ bao phủ",
    "Đạt 95,0%",
    "Số hộ cần đạt",
    "Số thủ tục/hộ (giải đặc biệt)",
    "Hộ đạt điều kiện giải đặc biệt",
    "Hộ mới trong kỳ",
    "Lượt ghi nhận trong kỳ",
    "Ngày có ghi nhận",
    "Số ngày của kỳ",
    "Cần TB hộ/ngày để đạt",
    "Chậm tiến độ",
]
# The CSV keeps one row per entry (a data file); the printed sheets one per household.
ENTRY_HEADERS_VI = [
    "STT",
    "Chủ hộ",
    "Địa chỉ",
    "Số điện thoại",
    "SĐT dùng chung",
    "Thủ tục đã hướng dẫn",
    "Ngày hướng dẫn",
    "Mã hồ sơ",
    "Cán bộ ghi nhận",
    "Thời điểm ghi nhận",
    "Ghi chú",
    "Số tệp minh chứng",
]
EVIDENCE_HEADERS_VI = [
    "STT",
    "Chủ hộ",
    "Địa chỉ",
    "Số điện thoại",
    "SĐT dùng chung",
    "Thủ tục đã hướng dẫn",
    "Ngày hướng dẫn",
    "Mã hồ sơ",
    "Cán bộ ghi nhận",
    "Các lượt ghi nhận",
    "Thời điểm ghi nhận",
    "Ghi chú",
    "Số tệp minh chứng",
]
OFFICER_HEADERS_VI = [
    "Tên ấp",
    "Cán bộ ghi nhận",
    "Lượt ghi nhận trong kỳ",
    "Ngày có ghi nhận",
    "Lần ghi gần nhất",
    "Số ngày chưa ghi",
    "Không hoạt động",
]


def _hamlet(
    rank: int,
    code: str,
    name: str,
    total: int,
    guided: int,
    target: int,
    projected: date | None,
    behind: bool,
) -> HamletRow:
    # A hamlet still short of its target needs a pace; a reached one, none.
    needed = pace(guided, target, 100, date(2026, 4, 15), date(2026, 12, 31))
    return HamletRow(
        hamlet_id=rank,
        code=code,
        name=name,
        total=total,
        target=target,
        required_procedures=1 if total >= 365 else 2,
        guided=guided,
        special=guided // 2,
        new_households=guided // 3,
        week_new=guided // 4,
        entries=guided // 2,
        active_days=20,
        period_days=105,
        projected=projected,
        behind_pace=behind,
        rank=rank,
        pace=needed if projected is not None else None,
    )


_IDS = itertools.count(1)


def _evidence(
    code: str,
    name: str,
    head: str,
    *,
    phone: str = "+84912345678",
    note: str = "",
    recorded: datetime | None = None,
    household: int | None = None,
    day: date = date(2026, 4, 14),
    procedures: tuple[str, ...] = ("Đăng ký khai sinh", "Cấp phiếu lý lịch tư pháp"),
) -> EvidenceRow:
    entry = next(_IDS)
    return EvidenceRow(
        hamlet_code=code,
        hamlet_name=name,
        entry_id=entry,
        household_id=household or entry,
        head_name=head,
        address=f"Tổ 3, {name}",
        phone=phone,
        shares_phone=False,
        procedures=procedures,
        guided_on=day,
        dossier_code="000.00.12.H47-260414-0001",
        officer=OFFICER,
        recorded_at=recorded or datetime(2026, 4, 14, 2, 30, tzinfo=UTC),
        note=note,
    )


def _data() -> ExportData:
    campaign = CampaignConfig(
        code="kh-2026",
        name="Mỗi ngày hướng dẫn 01 gia đình",
        unit="Đặc khu Kiên Hải",
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
    )
    rows = (
        _hamlet(1, "NHO", "Ấp Nhỏ", 20, 19, 19, None, False),
        _hamlet(2, "BNA", "Ấp Bãi Nhà A", 412, 300, 392, date(2026, 6, 30), False),
        _hamlet(3, "BNB", "Ấp Bãi Nhà B", 350, 12, 333, None, True),
    )
    report = Report(
        period=Period("since_start", date(2026, 1, 1), date(2026, 12, 31)),
        as_of=date(2026, 4, 15),
        threshold=0.95,
        campaign_end=date(2026, 12, 31),
        rows=rows,
    )
    evidence = (
        _evidence("BNA", "Ấp Bãi Nhà A", TUYET, note="Hộ nghèo"),
        _evidence("BNA", "Ấp Bãi Nhà A", FORMULA, phone="+84387654321", note="@SUM(A1)"),
        _evidence("NHO", "Ấp Nhỏ", "Lê Văn Tám", note="-gọi lại\x07 sau"),
    )
    officers = (
        OfficerActivity(
            user_id=1,
            name=OFFICER,
            hamlet_code="BNA",
            hamlet_name="Ấp Bãi Nhà A",
            entries=2,
            active_days=1,
            last_entry=date(2026, 4, 14),
            inactive=False,
            idle_days=1,
        ),
        OfficerActivity(
            user_id=2,
            name="Phạm Thị Hoa",
            hamlet_code="BNB",
            hamlet_name="Ấp Bãi Nhà B",
            entries=0,
            active_days=0,
            last_entry=None,
            inactive=True,
            idle_days=30,
        ),
    )
    return ExportData(
        campaign=campaign,
        report=report,
        officers=officers,
        evidence=evidence,
        made_at=datetime(2026, 4, 15, 3, 0, tzinfo=UTC),
        tz=TZ,
    )


def _sheet(path: Path, name: str) -> Worksheet:
    sheet = load_workbook(path)[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def _cell(sheet: Worksheet, ref: str) -> Cell:
    cell = sheet[ref]
    assert isinstance(cell, Cell)
    return cell


def _row(sheet: Worksheet, row: int) -> list[object]:
    return [c.value for c in sheet[row]]


def _data_rows(sheet: Worksheet) -> int:
    return sheet.max_row - 3


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    return write_xlsx(_data(), "vi", tmp_path / "report.xlsx")


def test_sheets_in_order(xlsx: Path) -> None:
    assert load_workbook(xlsx).sheetnames == ["Tổng hợp", "NHO", "BNA", "BNB", "Cán bộ"]


def test_headers_title_and_period_in_vietnamese(xlsx: Path) -> None:
    summary = _sheet(xlsx, "Tổng hợp")
    assert _row(summary, 3) == SUMMARY_HEADERS_VI
    assert _row(_sheet(xlsx, "BNA"), 3) == EVIDENCE_HEADERS_VI
    assert _row(_sheet(xlsx, "Cán bộ"), 3) == OFFICER_HEADERS_VI
    title = _cell(summary, "A1")
    assert title.value == "Báo cáo kết quả Mỗi ngày hướng dẫn 01 gia đình – Đặc khu Kiên Hải"
    assert title.font.b
    assert _cell(summary, "A2").value == (
        "Kỳ báo cáo: 01/01/2026 – 31/12/2026 · số liệu đến ngày 15/04/2026"
        " · lập lúc 10:00 15/04/2026"
    )
    assert _cell(summary, "F3").font.b
    assert _cell(summary, "F3").alignment.wrap_text
    assert _cell(_sheet(xlsx, "BNA"), "A1").value == (
        "Minh chứng hướng dẫn hộ gia đình – Ấp Bãi Nhà A (BNA)"
    )


def test_one_row_per_hamlet_and_household(xlsx: Path) -> None:
    counts = {
        name: _data_rows(_sheet(xlsx, name)) for name in ("Tổng hợp", "NHO", "BNA", "BNB", "Cán bộ")
    }
    assert counts == {"Tổng hợp": 3, "NHO": 1, "BNA": 2, "BNB": 0, "Cán bộ": 2}
    summary = _sheet(xlsx, "Tổng hợp")
    assert [summary.cell(r, 2).value for r in (4, 5, 6)] == ["NHO", "BNA", "BNB"]
    assert _row(_sheet(xlsx, "BNB"), 3) == EVIDENCE_HEADERS_VI


def test_values_and_types(xlsx: Path) -> None:
    summary = _sheet(xlsx, "Tổng hợp")
    coverage = _cell(summary, "F4")
    assert coverage.value == pytest.approx(0.95)
    assert coverage.number_format == "0.0%"
    assert [_cell(summary, ref).value for ref in ("A4", "D4", "E4", "G4", "P6")] == [
        1,
        20,
        19,
        "Có",
        "Có",
    ]
    assert _cell(summary, "O4").value is None  # reached: nothing more needed
    per_day = _cell(summary, "O5")
    assert per_day.value == pytest.approx(0.4)  # households a day, never a far-off date
    assert per_day.number_format == "0.0"


def test_evidence_cells(xlsx: Path) -> None:
    sheet = _sheet(xlsx, "BNA")
    assert [_cell(sheet, ref).value for ref in ("A4", "A5")] == [1, 2]
    name = _cell(sheet, "B4").value
    assert name == TUYET
    assert isinstance(name, str) and unicodedata.is_normalized("NFC", name)
    assert _cell(sheet, "C4").value == "Tổ 3, Ấp Bãi Nhà A"
    phone = _cell(sheet, "D4")
    assert phone.value == "0912 345 678"
    assert phone.data_type == "s"
    assert _cell(sheet, "E4").value == "Không"
    assert _cell(sheet, "F4").value == "Đăng ký khai sinh; Cấp phiếu lý lịch tư pháp"
    assert _cell(sheet, "G4").value == datetime(2026, 4, 14)  # one day: a real date
    assert str(_cell(sheet, "J4").value).startswith("#")
    recorded = _cell(sheet, "K4")
    assert recorded.value == datetime(2026, 4, 14, 9, 30)  # 02:30 UTC is 09:30 in Vietnam
    assert recorded.number_format == "DD/MM/YYYY HH:MM"
    assert _cell(sheet, "I4").value == OFFICER


def test_a_household_guided_twice_is_one_row_with_its_entries(tmp_path: Path) -> None:
    data = _data()
    first = _evidence(
        "BNB",
        "Ấp Bãi Nhà B",
        "Hồ Văn Hai Lần",
        household=900,
        day=date(2026, 3, 2),
        procedures=("Đăng ký khai sinh",),
    )
    second = _evidence(
        "BNB",
        "Ấp Bãi Nhà B",
        "Hồ Văn Hai Lần",
        household=900,
        day=date(2026, 4, 9),
        procedures=("Đăng ký tạm trú",),
        recorded=datetime(2026, 4, 20, 4, 0, tzinfo=UTC),
    )
    data = replace(data, evidence=(*data.evidence, first, second))
    path = write_xlsx(data, "vi", tmp_path / "r.xlsx")
    sheet = _sheet(path, "BNB")
    assert _data_rows(sheet) == 1
    row = _row(sheet, 4)
    assert row[:2] == [1, "Hồ Văn Hai Lần"]
    assert row[5] == "Đăng ký khai sinh; Đăng ký tạm trú"
    assert row[6] == "02/03/2026\n09/04/2026"
    assert row[9] == f"#{first.entry_id}, #{second.entry_id}"
    assert row[10] == datetime(2026, 4, 20, 11, 0)  # the latest recording, local time


def test_frozen_filtered_and_fitted(xlsx: Path) -> None:
    expected = {
        "Tổng hợp": "A3:P6",
        "NHO": "A3:M4",
        "BNA": "A3:M5",
        "BNB": "A3:M3",
        "Cán bộ": "A3:G5",
    }
    for name, ref in expected.items():
        sheet = _sheet(xlsx, name)
        assert sheet.freeze_panes == "A4"
        assert sheet.auto_filter.ref == ref
    evidence = _sheet(xlsx, "BNA")
    widths = {col: evidence.column_dimensions[col].width for col in "ABCG"}
    assert widths["C"] > widths["A"] >= 6
    assert widths["G"] >= 10  # a date fits
    assert all(evidence.column_dimensions[c].width <= 50 for c in "ABCDEFGHIJKL")


def test_text_that_looks_like_a_formula_stays_text(xlsx: Path) -> None:
    sheet = _sheet(xlsx, "BNA")
    head = _cell(sheet, "B5")
    assert head.value == FORMULA  # exactly as typed, no quote added
    assert head.data_type == "s"
    assert _cell(sheet, "L5").value == "@SUM(A1)"
    with zipfile.ZipFile(xlsx) as archive:
        xml = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")
        )
    assert "<f>" not in xml and "<f " not in xml


def test_control_characters_are_dropped(xlsx: Path) -> None:
    assert _cell(_sheet(xlsx, "NHO"), "L4").value == "-gọi lại sau"


def test_english_headers(tmp_path: Path) -> None:
    path = write_xlsx(_data(), "en", tmp_path / "report.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Summary", "NHO", "BNA", "BNB", "Officers"]
    summary = workbook["Summary"]
    assert isinstance(summary, Worksheet)
    assert _row(summary, 3)[:7] == [
        "Rank",
        "Hamlet code",
        "Hamlet",
        "Households",
        "Households guided",
        "Coverage",
        "Reached 95.0%",
    ]
    assert _cell(summary, "G4").value == "Yes"
    assert _row(_sheet(path, "BNA"), 3)[:4] == ["No.", "Household head", "Address", "Phone"]


def test_sheet_names_follow_excel_rules(tmp_path: Path) -> None:
    data = _data()
    odd = (
        replace(data.report.rows[0], code="TỔ/1"),
        replace(data.report.rows[1], code="tổ:1"),
        replace(data.report.rows[2], code="Ấp rất dài [*?] tên vượt quá ba mươi mốt ký tự"),
    )
    data = replace(data, report=replace(data.report, rows=odd), evidence=())
    names = load_workbook(write_xlsx(data, "vi", tmp_path / "odd.xlsx")).sheetnames
    assert names[1:3] == ["TỔ_1", "tổ_1 (2)"]
    assert len(set(map(str.casefold, names))) == len(names)
    for name in names:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")


def test_evidence_of_a_hamlet_outside_the_report_is_kept(tmp_path: Path) -> None:
    data = _data()
    extra = _evidence("L364", "Ấp Ba Sáu Tư", "Võ Thị Sáu")
    data = replace(data, evidence=(*data.evidence, extra))
    path = write_xlsx(data, "vi", tmp_path / "report.xlsx")
    assert load_workbook(path).sheetnames[-2:] == ["L364", "Cán bộ"]
    assert _cell(_sheet(path, "L364"), "B4").value == "Võ Thị Sáu"


def _read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_files(tmp_path: Path) -> None:
    paths = write_csv(_data(), "vi", tmp_path / "out", "bao-cao")
    assert [p.name for p in paths] == [
        "bao-cao-tong-hop.csv",
        "bao-cao-minh-chung.csv",
        "bao-cao-can-bo.csv",
    ]
    summary, evidence, officers = (_read_csv(p) for p in paths)

    # A percentage is a number of percent points, the header says so; dates are ISO.
    assert summary[0] == [h + " (%)" if h == "Tỷ lệ bao phủ" else h for h in SUMMARY_HEADERS_VI]
    assert len(summary) == 4
    assert summary[1][:7] == ["1", "NHO", "Ấp Nhỏ", "20", "19", "95.0", "Có"]
    assert summary[2][14] == "0.4"  # households a day needed
    assert summary[1][14] == ""

    assert evidence[0] == ["Mã ấp", "Tên ấp", *ENTRY_HEADERS_VI]
    assert len(evidence) == 4
    assert evidence[1][:6] == ["NHO", "Ấp Nhỏ", "1", "Lê Văn Tám", "Tổ 3, Ấp Nhỏ", "0912 345 678"]
    assert evidence[2][3] == TUYET
    assert evidence[2][8:12] == [
        "2026-04-14",
        "000.00.12.H47-260414-0001",
        OFFICER,
        "2026-04-14 09:30",
    ]
    assert evidence[3][3] == "'" + FORMULA
    assert evidence[3][12] == "'@SUM(A1)"
    assert evidence[1][12] == "'-gọi lại sau"

    assert officers[0] == OFFICER_HEADERS_VI
    assert officers[1] == ["Ấp Bãi Nhà A", OFFICER, "2", "1", "2026-04-14", "1", "Không"]
    assert officers[2][4] == ""


def test_export_filename() -> None:
    data = _data()
    assert export_filename(data, ".xlsx") == "bao-cao-2026-01-01_2026-04-15.xlsx"
    assert export_filename(data, "xlsx") == "bao-cao-2026-01-01_2026-04-15.xlsx"
    stem = export_filename(data, "")
    assert stem == "bao-cao-2026-01-01_2026-04-15"
    assert stem.isascii() and " " not in stem


def test_the_characters_removed_are_those_openpyxl_refuses() -> None:
    """The CSV export cleans text without importing openpyxl (issue 22), with a copy of its
    pattern: the two must not drift apart."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from handlers.render import workbook

    assert workbook._ILLEGAL_CHARACTERS.pattern == ILLEGAL_CHARACTERS_RE.pattern
