"""Every workbook the bot writes prints on A4 as the office hands it up (issue 18, item 4):
each sheet fitted to the page's width, as many pages tall as it needs, the header row on
every page, page numbers in the footer, the title merged across the table; the award
evidence is one row per household; CSV files with the separator Excel expects.

Read back with openpyxl: what Excel and LibreOffice print from (no office suite needed).
"""

from __future__ import annotations

import codecs
import csv
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from bot.runtime import Runtime
from handlers.render.award_book import BookData, per_household, write_book
from handlers.render.workbook import Column, Kind, Table, write_tables
from handlers.reports.export import csv_separator
from models.campaign import Hamlet
from models.check_rows import check_rows
from models.households import Entry, Household
from models.people import Role
from models.proposal import HouseholdTrace, latest_proposal, stored_eligibility, traces
from models.registry import campaign_by_code
from tests.support.chat import Chat
from tests.support.seed import seed

pytestmark = pytest.mark.slow  # every workbook written and read back

HEADER_ROW = 3


@dataclass
class Books:
    report: Path  # /xuat, with a checks sheet
    award: Path  # the proposal's evidence, every hamlet
    hamlet: Path  # one hamlet's evidence, as attached to its dossier


def _files(chat: Chat, ending: str) -> list[Path]:
    return [r.file for r in chat.last if r.file is not None and r.file.name.endswith(ending)]


async def _hamlet_book(runtime: Runtime, code: str, path: Path) -> Path:
    settings = runtime.settings
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, settings.campaign.code)
        proposal = await latest_proposal(session, camp.id)
        assert proposal is not None
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == code))
        assert hamlet is not None
        data = BookData(
            proposal_id=proposal.id,
            elig=stored_eligibility(proposal),
            snapshot_at=proposal.snapshot_at,
            max_entry_id=proposal.max_entry_id,
            fingerprint=proposal.fingerprint,
            campaign_name=settings.campaign.name,
            unit=settings.campaign.unit,
            tz=settings.timezone,
            households=tuple(await traces(session, proposal, [hamlet.id], viewer=Role.HAMLET_HEAD)),
            checks=tuple(
                await check_rows(
                    session, campaign_id=camp.id, hamlets=[hamlet], viewer=Role.HAMLET_HEAD
                )
            ),
            hamlet_ids=(hamlet.id,),
        )
    return write_book(data, "vi", path)


@pytest.fixture
async def books(runtime: Runtime, tmp_path: Path) -> Books:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    assert "Đã rút đợt kiểm tra" in await sup.say("/kiemtra L364 100%")
    await sup.say("/xuat tudau")
    (report,) = _files(sup, ".xlsx")
    report = Path(shutil.copy(report, tmp_path / "report.xlsx"))
    await sup.say("/khenthuong")
    await sup.press("Từ đầu phong trào")
    (award,) = _files(sup, "-minh-chung.xlsx")
    award = Path(shutil.copy(award, tmp_path / "award.xlsx"))
    return Books(report, award, await _hamlet_book(runtime, "BNA", tmp_path / "bna.xlsx"))


def _sheets(path: Path) -> list[Worksheet]:
    sheets: list[Worksheet] = []
    for sheet in load_workbook(path).worksheets:
        assert isinstance(sheet, Worksheet)
        sheets.append(sheet)
    return sheets


def _headers(sheet: Worksheet) -> list[object]:
    return [c.value for c in sheet[HEADER_ROW]]


def _assert_prints_on_a4(sheet: Worksheet) -> None:
    where = sheet.title
    setup = sheet.page_setup
    assert str(setup.paperSize) == sheet.PAPERSIZE_A4, where
    assert setup.orientation in ("portrait", "landscape"), where
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), where
    assert sheet.sheet_properties.pageSetUpPr is not None, where
    assert sheet.sheet_properties.pageSetUpPr.fitToPage, where
    assert sheet.print_options.horizontalCentered, where
    assert sheet.page_margins.left <= 0.3 and sheet.page_margins.right <= 0.3, where
    assert sheet.print_title_rows is not None, where
    assert sheet.print_title_rows.replace("$", "") == f"{HEADER_ROW}:{HEADER_ROW}", where
    footer = sheet.oddFooter
    assert footer is not None, where
    assert footer.center.text == "Trang &P/&N", where
    # The title and the period line: merged across the table, above its header.
    last = get_column_letter(sheet.max_column)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {f"A1:{last}1", f"A2:{last}2"} <= merged, (where, merged)
    title = sheet["A1"]
    assert isinstance(title, Cell) and title.value and title.alignment.wrap_text, where
    assert sheet.freeze_panes == "A4", where


async def test_every_sheet_of_every_workbook_prints_on_a4(books: Books) -> None:
    names = {}
    for path in (books.report, books.award, books.hamlet):
        sheets = _sheets(path)
        names[path.stem] = [s.title for s in sheets]
        for sheet in sheets:
            _assert_prints_on_a4(sheet)
    assert names["report"] == [
        "Tổng hợp",
        "NHO",
        "BNA",
        "L364",
        "L365",
        "L366",
        "Kiểm tra",
        "Cán bộ",
    ]
    assert names["award"] == names["bna"] == ["Đề xuất", "Hộ đã hướng dẫn", "Cá nhân", "Kiểm tra"]


async def test_wide_tables_landscape_narrow_ones_portrait(books: Books) -> None:
    report = {s.title: s for s in _sheets(books.report)}
    assert report["Tổng hợp"].page_setup.orientation == "landscape"  # 16 columns
    assert report["NHO"].page_setup.orientation == "landscape"
    assert report["Kiểm tra"].page_setup.orientation == "landscape"
    assert report["Cán bộ"].page_setup.orientation == "portrait"  # 7 columns
    award = {s.title: s for s in _sheets(books.award)}
    assert award["Hộ đã hướng dẫn"].page_setup.orientation == "landscape"
    assert award["Cá nhân"].page_setup.orientation == "portrait"


async def test_numbers_group_thousands_and_dates_are_dates(books: Books) -> None:
    summary = _sheets(books.report)[0]
    headers = _headers(summary)
    total = summary.cell(4, headers.index("Tổng số hộ") + 1)
    assert isinstance(total.value, int) and total.number_format == "#,##0"
    coverage = summary.cell(4, headers.index("Tỷ lệ bao phủ") + 1)
    assert isinstance(coverage.value, float) and coverage.number_format == "0.0%"
    nho = {s.title: s for s in _sheets(books.report)}["NHO"]
    guided = nho.cell(4, _headers(nho).index("Ngày hướng dẫn") + 1)
    assert isinstance(guided, Cell) and guided.is_date
    assert guided.number_format == "DD/MM/YYYY"
    assert nho.cell(4, 1).number_format == "#,##0"  # STT


async def test_award_evidence_is_one_row_per_household(books: Books, runtime: Runtime) -> None:
    """BNA's Nguyễn Văn Một was guided twice (02/03 and 14/04): one row, both entries."""
    async with runtime.services.sessions() as session:
        ids = list(
            await session.scalars(
                select(Entry.id)
                .join(Household, Household.id == Entry.household_id)
                .where(Household.head_name == "Nguyễn Văn Một", Entry.deleted_at.is_(None))
                .order_by(Entry.id)
            )
        )
    assert len(ids) == 2
    for path, households in ((books.award, 19 + 5 + 3 + 2 + 1), (books.hamlet, 5)):
        sheet = {s.title: s for s in _sheets(path)}["Hộ đã hướng dẫn"]
        headers = _headers(sheet)
        rows = [r for r in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
        assert len(rows) == households
        assert [r[0] for r in rows] == list(range(1, households + 1))  # STT: households
        heads = [r[headers.index("Chủ hộ")] for r in rows]
        assert heads.count("Nguyễn Văn Một") == 1
        mot = rows[heads.index("Nguyễn Văn Một")]
        assert mot[headers.index("Lượt ghi nhận")] == f"#{ids[0]}, #{ids[1]}"
        assert mot[headers.index("Thủ tục đã hướng dẫn")] == "Đăng ký khai sinh; Đăng ký thường trú"
        assert mot[headers.index("Ngày hướng dẫn")] == "02/03/2026\n14/04/2026"
        # Two lines of dates: the row is as tall as its text, or it prints clipped.
        row = HEADER_ROW + 1 + heads.index("Nguyễn Văn Một")
        assert (sheet.row_dimensions[row].height or 0) >= 30


def test_traces_of_one_household_are_joined() -> None:
    """However the traces come (one per entry or per household), the list counts a
    household once, its entries, days, procedures and officers joined."""
    first = HouseholdTrace(
        1,
        7,
        "Nguyễn Văn Một",
        "Tổ 1",
        "+84912000001",
        procedures=["Đăng ký khai sinh"],
        days=[date(2026, 3, 2)],
        officers=["Trần Văn Siêng"],
        entry_ids=[12],
    )
    second = HouseholdTrace(
        1,
        7,
        "Nguyễn Văn Một",
        "Tổ 1",
        "+84912000001",
        procedures=["Đăng ký thường trú"],
        days=[date(2026, 4, 14)],
        dossier_codes=["G22-0001"],
        officers=["Lê Thị Lười"],
        entry_ids=[40],
    )
    other = HouseholdTrace(1, 8, "Lê Thị Bốn", "Tổ 2", "+84912000002", entry_ids=[13])
    (one, two) = per_household([first, other, second])
    assert (one.household_id, two.household_id) == (7, 8)
    assert one.entry_ids == [12, 40]
    assert one.procedures == ["Đăng ký khai sinh", "Đăng ký thường trú"]
    assert one.days == [date(2026, 3, 2), date(2026, 4, 14)]
    assert one.officers == ["Trần Văn Siêng", "Lê Thị Lười"]
    assert one.dossier_codes == ["G22-0001"]
    assert two is other


def test_long_text_wraps_and_the_row_grows(tmp_path: Path) -> None:
    long_address = "Tổ 3, khu phố Bãi Nhà, ấp Bãi Nhà A, đặc khu Kiên Hải, tỉnh An Giang"
    table = Table(
        "T",
        "Một tiêu đề khá dài của bảng để thử việc gộp ô và xuống dòng",
        "Kỳ báo cáo",
        (Column("STT", Kind.COUNT), Column("Địa chỉ"), Column("Số hộ", Kind.COUNT)),
        ((1, long_address, 12345), (2, "Tổ 1", 7)),
    )
    path = write_tables([table], tmp_path / "t.xlsx", "en")
    (sheet,) = _sheets(path)
    assert sheet.oddFooter is not None
    assert sheet.oddFooter.center.text == "Page &P of &N"
    assert sheet.page_setup.orientation == "portrait"
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:C1", "A2:C2"}
    width = sheet.column_dimensions["B"].width
    assert width is not None and width < len(long_address)
    address = sheet["B4"]
    assert isinstance(address, Cell) and address.alignment.wrap_text
    assert (sheet.row_dimensions[4].height or 0) >= 45  # three lines
    assert sheet.row_dimensions[5].height is None  # one line: Excel's own height
    count = sheet["C4"]
    assert isinstance(count, Cell) and count.value == 12345
    assert count.number_format == "#,##0"
    # The title is taller than one line when the table is narrower than it.
    assert (sheet.row_dimensions[1].height or 0) >= 40


def _read(path: Path, separator: str) -> list[list[str]]:
    assert path.read_bytes().startswith(codecs.BOM_UTF8)  # Excel reads the file as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=separator))


async def test_csv_comma_by_default_semicolon_on_request(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    text = await sup.say("/xuat csv tudau")
    assert "phân cách bằng dấu phẩy" in text and "/xuat csv;" in text
    comma = [_read(p, ",") for p in _files(sup, ".csv")]
    text = await sup.say("/xuat csv; tudau")
    assert "phân cách bằng dấu chấm phẩy" in text
    semi = [_read(p, ";") for p in _files(sup, ".csv")]
    assert len(comma) == len(semi) == 3
    for summary, pct in ((comma[0], "95.0"), (semi[0], "95,0")):
        header = summary[0]
        assert header[5] == "Tỷ lệ bao phủ (%)"
        nho = next(row for row in summary if row[1] == "NHO")
        assert nho[3:6] == ["20", "19", pct]  # a number Excel reads in that region
    # The same files but for the separator (and the decimal mark).
    assert [row[:5] for row in comma[1]] == [row[:5] for row in semi[1]]
    assert comma[1][1][8] == semi[1][1][8] == "2026-03-01"  # ISO: one reading everywhere

    # Asked before the period: the separator is kept through the question.
    await sup.say("/xuat csv;")
    text = await sup.press("Từ đầu phong trào")
    assert "chấm phẩy" in text
    assert _read(_files(sup, "-tong-hop.csv")[0], ";")[0][5] == "Tỷ lệ bao phủ (%)"


def test_csv_separator_mark_is_read_off_the_arguments() -> None:
    assert csv_separator("csv tuantruoc") == ("csv tuantruoc", ",")
    assert csv_separator("csv; tuantruoc")[1] == ";"
    assert csv_separator("CSV ; BNA")[1] == ";"
    rest, separator = csv_separator("tuantruoc csv;")
    assert separator == ";" and rest.split() == ["tuantruoc", "csv"]
    assert csv_separator("") == ("", ",")
