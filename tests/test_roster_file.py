"""Reading a hamlet's household roster (CSV / XLSX): formats, header, row checks, messages."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence

import openpyxl
import pytest

from handlers.engine.i18n import t
from handlers.parse.roster_file import (
    MAX_BYTES,
    ParsedRoster,
    RosterFileError,
    RowError,
    error_text,
    file_error_text,
    parse_roster,
)
from handlers.texts import en, vi
from tests.support.roster import HEADER, csv_bytes

GOOD = [
    ["1", "Nguyễn Văn An", "Tổ 1, ấp Bãi Nhà A", "0912 345 678", "BNA-001"],
    ["2", "Trần Thị Bình", "Tổ 2, ấp Bãi Nhà A", "", "BNA-002"],
    ["3", "Lê Văn Cường", "Tổ 2, ấp Bãi Nhà A", "0912345678", ""],  # a shared phone is fine
]


def xlsx_bytes(rows: Sequence[Sequence[object]], sheets_before: int = 0) -> bytes:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    for i in range(sheets_before):  # sheets with no roster on them (notes, a cover page)
        sheet = first if i == 0 else book.create_sheet()
        sheet.append(["Ghi chú: danh sách ở trang sau"])
    sheet = first if sheets_before == 0 else book.create_sheet("Danh sách")
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def parse_ok(data: bytes, filename: str) -> ParsedRoster:
    parsed = parse_roster(data, filename)
    assert parsed.errors == (), parsed.errors
    assert parsed.ok
    return parsed


def refused(data: bytes, filename: str) -> RosterFileError:
    with pytest.raises(RosterFileError) as info:
        parse_roster(data, filename)
    return info.value


def check_good(parsed: ParsedRoster, first_row: int = 2) -> None:
    assert [r.row for r in parsed.rows] == [first_row, first_row + 1, first_row + 2]
    a, b, c = parsed.rows
    assert (a.head_name, a.address, a.phone, a.code) == (
        "Nguyễn Văn An",
        "Tổ 1, ấp Bãi Nhà A",
        "+84912345678",
        "BNA-001",
    )
    assert (b.phone, b.code) == ("", "BNA-002")
    assert (c.phone, c.code) == ("+84912345678", "")


# --- formats -----------------------------------------------------------------------------


def test_comma_csv_with_bom() -> None:
    data = csv_bytes([HEADER, *GOOD])
    assert data.startswith(b"\xef\xbb\xbf")
    check_good(parse_ok(data, "danh_sach.csv"))


def test_semicolon_csv_without_bom_and_title_lines() -> None:
    rows = [
        ["DANH SÁCH HỘ GIA ĐÌNH ẤP BÃI NHÀ A"],
        ["(kèm theo kế hoạch số 12)"],
        [],
        HEADER,
        *GOOD,
    ]
    check_good(
        parse_ok(csv_bytes(rows, sep=";", encoding="utf-8", newline="\n"), "DS.CSV"), first_row=5
    )


def test_utf16_tab_csv() -> None:
    # Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated.
    data = csv_bytes([HEADER, *GOOD], sep="\t", encoding="utf-16")
    check_good(parse_ok(data, "danh sach.txt"))


def test_excel_sep_hint_line() -> None:
    data = b"sep=;\r\n" + csv_bytes([HEADER, *GOOD], sep=";", encoding="utf-8")
    check_good(parse_ok(data, "a.csv"))


def test_headers_any_order_case_and_marks_extra_columns_ignored() -> None:
    rows: list[list[object]] = [
        ["ĐỊA CHỈ", "Ghi chú", "sdt", "HO VA TEN (*)", "Mã HGĐ"],
        ["Ấp Bãi Nhà A", "hộ nghèo", "0987654321", "Phạm Thị Dung", 17],
    ]
    (row,) = parse_ok(csv_bytes(rows), "x.csv").rows
    assert (row.head_name, row.address, row.phone, row.code) == (
        "Phạm Thị Dung",
        "Ấp Bãi Nhà A",
        "+84987654321",
        "17",
    )


def test_xlsx_with_title_line_and_numbers() -> None:
    rows: list[list[object]] = [
        ["DANH SÁCH HỘ GIA ĐÌNH ẤP BÃI NHÀ A"],
        ["STT", "Họ và tên", "Nơi ở", "Điện thoại", "Mã hộ"],
        [1, "Nguyễn Văn An", "Tổ 1, ấp Bãi Nhà A", 912345678, 1001],  # Excel dropped the 0
        [2, "Trần Thị Bình", "Tổ 2, ấp Bãi Nhà A", 987654321.0, 1002.0],
        [None, None, None, None, None],  # a blank row still counts for numbering
        [4, "Lê Văn Cường", "Tổ 3, ấp Bãi Nhà A", "01629 123 456", "BNA-3"],  # old 11 digits
    ]
    parsed = parse_ok(xlsx_bytes(rows), "danh_sach.xlsx")
    assert [(r.row, r.phone, r.code) for r in parsed.rows] == [
        (3, "+84912345678", "1001"),
        (4, "+84987654321", "1002"),
        (6, "+84329123456", "BNA-3"),
    ]


def test_xlsx_found_by_content_and_on_a_later_sheet() -> None:
    data = xlsx_bytes([HEADER, *GOOD], sheets_before=1)
    check_good(parse_ok(data, "tải về"))  # no extension: the zip signature decides


def test_several_phones_in_one_cell_keeps_the_first() -> None:
    rows = [HEADER, ["1", "Nguyễn Văn An", "Tổ 1", "0912345678 / 0987654321", ""]]
    (row,) = parse_ok(csv_bytes(rows), "a.csv").rows
    assert row.phone == "+84912345678"


def test_nfd_names_come_out_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn A")
    assert nfd != "Nguyễn Văn A"
    rows = [
        HEADER,
        ["1", "Nguye\u0302\u0303n Văn A", unicodedata.normalize("NFD", "Tổ 1"), "", ""],
        ["2", nfd, "Tổ 2", "", ""],
    ]
    parsed = parse_ok(csv_bytes(rows), "a.csv")
    assert [r.head_name for r in parsed.rows] == ["Nguyễn Văn A", "Nguyễn Văn A"]
    assert parsed.rows[0].address == "Tổ 1"


# --- row errors --------------------------------------------------------------------------


def test_bad_rows_are_reported_with_their_row_numbers() -> None:
    rows = [
        ["Danh sách hộ"],  # 1
        HEADER,  # 2
        ["1", "Nguyễn Văn An", "Tổ 1", "0912345678", ""],  # 3 fine
        ["2", "", "Tổ 1", "", ""],  # 4 no name
        ["3", "Trần 😀 Bình", "", "", ""],  # 5 symbols + no address
        [],  # 6 blank: skipped
        ["5", "Lê Văn Cường", "Tổ 2", "0912abc", ""],  # 7 phone letters
        ["6", "Võ Văn Dũng", "Tổ 2", "12345", ""],  # 8 phone short
        ["7", "Đỗ Thị Em", "Tổ 3", "", "X" * 41],  # 9 code too long
        ["8", "", "", "", ""],  # 10 only STT: skipped
    ]
    parsed = parse_roster(csv_bytes(rows), "a.csv")
    assert not parsed.ok
    assert [r.row for r in parsed.rows] == [3]
    assert parsed.errors == (
        RowError(4, "roster_err_name", {"reason": "name_empty"}),
        RowError(5, "roster_err_name", {"reason": "name_symbols"}),
        RowError(5, "roster_err_address", {"reason": "address_empty"}),
        RowError(7, "roster_err_phone", {"value": "0912abc", "reason": "phone_letters"}),
        RowError(8, "roster_err_phone", {"value": "12345", "reason": "phone_short"}),
        RowError(9, "roster_err_code", {"limit": 40}),
    )


def test_duplicate_codes_and_households() -> None:
    rows = [
        HEADER,  # 1
        ["1", "Nguyễn Văn An", "Tổ 1, ấp Bãi Nhà A", "", "H1"],  # 2
        ["2", "Trần Thị Bình", "Tổ 1, ấp Bãi Nhà A", "", "H2"],  # 3
        ["3", "Lê Văn Cường", "Tổ 2, ấp Bãi Nhà A", "", "h1"],  # 4 code of row 2
        ["4", "NGUYEN VAN AN", "to 1,  ap bai nha a", "", ""],  # 5 row 2 again
        ["5", "Trần Thị Bình", "Tổ 1, Ấp Bãi Nhà A", "", "H2"],  # 6 row 3 again: one error
    ]
    parsed = parse_roster(csv_bytes(rows), "a.csv")
    assert [r.row for r in parsed.rows] == [2, 3]
    assert parsed.errors == (
        RowError(4, "roster_err_dup_code", {"code": "h1", "first": 2}),
        RowError(5, "roster_err_dup_household", {"first": 2}),
        RowError(6, "roster_err_dup_code", {"code": "H2", "first": 3}),
    )


def test_header_only_is_empty() -> None:
    assert refused(csv_bytes([HEADER, [], ["", "", ""]]), "a.csv").key == "roster_err_empty"


# --- whole-file errors -------------------------------------------------------------------


def test_missing_columns() -> None:
    err = refused(csv_bytes([["STT", "Họ tên chủ hộ", "SĐT"], ["1", "An", "0912345678"]]), "a.csv")
    assert (err.key, err.values) == ("roster_err_missing_column", {"column": "Địa chỉ"})
    err = refused(xlsx_bytes([["STT", "Địa chỉ", "Mã hộ"], [1, "Tổ 1", "H1"]]), "a.xlsx")
    assert (err.key, err.values) == ("roster_err_missing_column", {"column": "Họ tên chủ hộ"})


def test_no_header() -> None:
    rows = [["DANH SÁCH HỘ GIA ĐÌNH"], ["Nguyễn Văn An", "Tổ 1"], ["Trần Thị Bình", "Tổ 2"]]
    assert refused(csv_bytes(rows), "a.csv").key == "roster_err_no_header"
    assert refused(xlsx_bytes(rows), "a.xlsx").key == "roster_err_no_header"
    # The header sits lower than the title lines allowed.
    late = [["tiêu đề"]] * 11 + [HEADER, *GOOD]
    assert refused(csv_bytes(late), "a.csv").key == "roster_err_no_header"


@pytest.mark.parametrize(
    ("data", "filename", "key"),
    [
        (b"", "a.csv", "roster_err_empty"),
        (b"\xef\xbb\xbf\r\n \r\n", "a.csv", "roster_err_empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "danh sach.xls", "roster_err_xls"),
        (b"anything", "DS.XLS", "roster_err_xls"),
        (b"%PDF-1.4", "a.pdf", "roster_err_format"),
        (b"Ho ten,Dia chi", "a.docx", "roster_err_format"),
        (b"not a zip", "a.xlsx", "roster_err_unreadable"),
        (b"PK\x03\x04 broken zip", "a.xlsx", "roster_err_unreadable"),
        # Windows-1258: "Hộ tên chủ hộ" with 0xEA for ê, 0xD0 for Đ – not UTF-8.
        (
            b"Ho\xd2 t\xean chu\xd2 ho\xf2,\xd0i\xea\xf2a chi\xd2\r\nNguy\xean,T\xf4\xf2 1",
            "a.csv",
            "roster_err_encoding",
        ),
    ],
)
def test_file_refused(data: bytes, filename: str, key: str) -> None:
    assert refused(data, filename).key == key


def test_too_big_and_too_many(monkeypatch: pytest.MonkeyPatch) -> None:
    err = refused(b"a" * (MAX_BYTES + 1), "a.csv")
    assert (err.key, err.values) == ("roster_err_too_big", {"limit_mb": 5})
    monkeypatch.setattr("handlers.parse.roster_file.MAX_ROWS", 2)
    err = refused(csv_bytes([HEADER, *GOOD]), "a.csv")
    assert (err.key, err.values) == ("roster_err_too_many", {"limit": 2})


# --- speed -------------------------------------------------------------------------------


GIVEN = ["An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Minh", "Nam", "Phúc", "Thảo"]


def big_rows(n: int) -> list[list[object]]:
    head: list[list[object]] = [["DANH SÁCH HỘ GIA ĐÌNH ẤP BÃI NHÀ A"], list(HEADER)]
    return head + [
        [
            i,
            f"Nguyễn Văn {GIVEN[i % 10]}",
            f"Số nhà {i}, tổ {i % 12 + 1}, ấp Bãi Nhà A",
            912000000 + i,
            f"BNA-{i:05d}",
        ]
        for i in range(1, n + 1)
    ]


@pytest.mark.slow
def test_five_thousand_rows_csv_and_xlsx() -> None:
    # How fast is measured in bench/award_speed.py, not here: a timed test fails on a busy
    # machine and proves nothing on a fast one.
    rows = big_rows(5000)
    for data, name in ((csv_bytes(rows), "big.csv"), (xlsx_bytes(rows), "big.xlsx")):
        parsed = parse_roster(data, name)
        assert parsed.errors == ()
        assert len(parsed.rows) == 5000
        assert (parsed.rows[0].row, parsed.rows[-1].row) == (3, 5002)


# --- messages ----------------------------------------------------------------------------


def all_row_errors() -> list[RowError]:
    reasons = {
        "roster_err_name": [
            "name_empty",
            "name_too_long",
            "name_looks_like_phone",
            "name_invalid",
            "name_symbols",
        ],
        "roster_err_address": [
            "address_empty",
            "address_too_long",
            "address_invalid",
            "address_symbols",
        ],
        "roster_err_phone": ["phone_letters", "phone_short", "phone_long", "phone_invalid"],
    }
    errors = [
        RowError(7, key, {"reason": reason, "limit": 100, "value": "0912abc"})
        for key, keys in reasons.items()
        for reason in keys
    ]
    return [
        *errors,
        RowError(7, "roster_err_code", {"limit": 40}),
        RowError(7, "roster_err_dup_code", {"code": "H1", "first": 3}),
        RowError(7, "roster_err_dup_household", {"first": 3}),
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_row_error_texts_read_as_sentences(lang: str) -> None:
    row_word = "Dòng 7" if lang == "vi" else "Row 7"
    for err in all_row_errors():
        text = error_text(lang, err)
        assert text.startswith(row_word), text
        assert "{" not in text and "roster_" not in text and "_" not in text, text
        assert str(err.values.get("reason")) not in text, text
    first = "dòng 3" if lang == "vi" else "row 3"
    assert first in error_text(lang, all_row_errors()[-1])


def test_row_errors_from_a_real_file_render_in_both_languages() -> None:
    rows = [HEADER, ["1", "Trần 😀 Bình", "Tổ 1", "0912abc", ""]]
    errors = parse_roster(csv_bytes(rows), "a.csv").errors
    assert [error_text("vi", e) for e in errors] == [
        "Dòng 2 – họ tên chủ hộ: chỉ được gồm chữ cái và khoảng trắng (không có chữ số hay "
        "ký hiệu).",
        "Dòng 2 – số điện thoại «0912abc» không hợp lệ: chỉ được gồm chữ số (có thể có dấu "
        "cách, dấu chấm, gạch ngang hoặc +84).",
    ]
    assert error_text("en", errors[0]).startswith("Row 2 – head of household: may contain")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_file_error_texts(lang: str) -> None:
    errors = [
        RosterFileError(key)
        for key in (
            "roster_err_empty",
            "roster_err_xls",
            "roster_err_format",
            "roster_err_unreadable",
            "roster_err_encoding",
            "roster_err_no_header",
        )
    ]
    errors += [
        RosterFileError("roster_err_too_big", limit_mb=5),
        RosterFileError("roster_err_too_many", limit=20_000),
        RosterFileError("roster_err_missing_column", column="Địa chỉ"),
    ]
    for exc in errors:
        text = file_error_text(lang, exc)
        assert text and "{" not in text and "roster_" not in text, text
    assert "20.000" in file_error_text("vi", errors[-2])
    assert "20,000" in file_error_text("en", errors[-2])
    assert "«Địa chỉ»" in file_error_text(lang, errors[-1])


def test_every_key_is_in_both_catalogs() -> None:
    roster_keys = {k for k in vi.MESSAGES if k.startswith(("roster_err_", "roster_reason_"))}
    assert roster_keys == {
        k for k in en.MESSAGES if k.startswith(("roster_err_", "roster_reason_"))
    }
    assert len(roster_keys) >= 29
    assert t("vi", "roster_err_xls") != t("en", "roster_err_xls")
