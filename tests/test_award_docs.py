"""Award dossier documents: the Tờ trình and the Biên bản họp xét read back with python-docx,
for each mix of proposals (collective, special prize, individuals), draft and final."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from handlers.render.award_docs import (
    DossierData,
    OfficerLine,
    draft_marks,
    review_phrase,
    write_minutes,
    write_submission,
)
from handlers.render.docx_layout import (
    locality_name,
    no_nested_brackets,
    place_date_vi,
    sentence_unit,
)
from tests.support.dossier import LAN, sample_dossier

COLLECTIVE_ONLY = {"special": False, "officers": (dataclasses.replace(LAN, proposed=False),)}
SPECIAL_ONLY = {
    "hamlet_name": "Ấp Hòn Tre",
    "total_households": 210,
    "guided": 190,
    "coverage": 190 / 210,
    "collective": False,
    "required_procedures": 2,
    "special_households": 150,
    "roster_based": False,
    "officers": (OfficerLine("Lê Văn Tư", 190, 150, proposed=False),),
}
INDIVIDUALS_ONLY = {
    "hamlet_name": "Ấp Bãi Xếp",
    "collective": False,
    "special": False,
    "guided": 1200,
    "coverage": 1200 / 4123,
}


def _clean(text: str) -> str:
    return text.replace("\u00a0", " ")


def _read(path: Path) -> tuple[DocxDocument, list[str], str]:
    """The document, its body paragraphs, and all its text (tables, headers) in one string."""
    document = docx.Document(str(path))
    paragraphs = [_clean(p.text) for p in document.paragraphs]
    cells = [_clean(c.text) for t in document.tables for row in t.rows for c in row.cells]
    section = document.sections[0]
    headers = [
        p.text for part in (section.header, section.first_page_header) for p in part.paragraphs
    ]
    return document, paragraphs, "\n".join(paragraphs + cells + headers)


def _submission(
    tmp_path: Path,
    data: DossierData | None = None,
) -> tuple[DocxDocument, list[str], str]:
    path = tmp_path / "to-trinh.docx"
    write_submission(path, data or sample_dossier(), "vi")
    return _read(path)


def _minutes(
    tmp_path: Path,
    data: DossierData | None = None,
) -> tuple[DocxDocument, list[str], str]:
    path = tmp_path / "bien-ban.docx"
    write_minutes(path, data or sample_dossier(), "vi")
    return _read(path)


def _headings(paragraphs: list[str]) -> list[str]:
    """The outline: "I. …", "1. …", "a) …" lines."""
    return [p for p in paragraphs if re.match(r"^([IVX]+\.|\d+\.|[a-zđ]\)) ", p)]


def _subject(paragraphs: list[str], title: str) -> str:
    return paragraphs[paragraphs.index(title) + 1]


def _common(paragraphs: list[str], text: str) -> None:
    """What every dossier paper must show, whatever is proposed."""
    assert "BAN NHÂN DÂN ẤP" in text and "ỦY BAN NHÂN DÂN\nĐẶC KHU KIÊN HẢI" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Kiên Hải, ngày …… tháng …… năm 2027" in text
    assert (
        "Số liệu trích từ hệ thống quản lý ngày 05/01/2027 lúc 09:30 (bản đề xuất số 17, "
        "bản dự thảo)." in text
    )
    assert "#" not in text and "seed" not in text.casefold()
    assert "xếp hạng" not in text and "hạng thứ" not in text  # a hamlet never ranks itself
    assert "Ban Nhân dân" not in text and "Đặc khu Kiên Hải" not in text  # sentence case
    for p in paragraphs:
        assert not re.search(r"\([^()]*\(", p), p  # no brackets inside brackets


# ----------------------------------------------------------------- the Tờ trình, per mix


def test_submission_all_three(tmp_path: Path) -> None:
    document, paragraphs, text = _submission(tmp_path)
    _common(paragraphs, text)
    assert "TỜ TRÌNH" in paragraphs
    assert _subject(paragraphs, "TỜ TRÌNH") == (
        "Về việc đề nghị khen thưởng tập thể, cá nhân và giải đặc biệt trong phong trào thi "
        "đua “Mỗi ngày hướng dẫn 01 gia đình thực hiện dịch vụ công trực tuyến”, tổng kết năm "
        "2026"
    )
    assert "Kính gửi: Ủy ban nhân dân đặc khu Kiên Hải (qua Phòng Văn hóa - Xã hội)." in text
    assert "BAN NHÂN DÂN ẤP BÃI NHÀ A" in text
    assert "Ban nhân dân ấp Bãi Nhà A báo cáo kết quả thực hiện mô hình" in text
    assert _headings(paragraphs) == [
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Số liệu minh chứng",
        "2. Tóm tắt thành tích",
        "3. Các thủ tục được hướng dẫn nhiều nhất",
        "II. NỘI DUNG ĐỀ NGHỊ KHEN THƯỞNG",
        "1. Khen thưởng tập thể",
        "2. Giải đặc biệt",
        "3. Khen thưởng cá nhân",
    ]
    # Figures: thousands with dots, shares with a comma and one decimal.
    assert "3.972" in text
    assert "Tổng số hộ của ấp theo danh sách hộ đã nhập vào hệ thống\n4.123" in text
    assert "96,3%" in text and "95,0%" in text and "301/365" in text
    assert "Số hộ được hướng dẫn đủ 1 thủ tục trở lên\n3.900" in text
    assert "Tặng Giấy khen" not in text
    assert (
        "Đề nghị Chủ tịch Ủy ban nhân dân đặc khu Kiên Hải tặng Giấy khen cho tập thể Ban "
        "nhân dân ấp Bãi Nhà A: đã hướng dẫn 3.972/4.123 hộ gia đình" in text
    )
    assert "xét trao giải đặc biệt cho ấp Bãi Nhà A: 3.900/4.123 hộ" in text
    assert "tặng Giấy khen cho 2 cá nhân" in text
    # The individuals' table: households, days, checks called / confirmed / failed.
    officers = document.tables[-2]
    assert [c.text for c in officers.rows[1].cells] == [
        "1",
        "Nguyễn Thị Lan",
        "2.600",
        "210",
        "12",
        "11",
        "0",
    ]
    assert [c.text for c in officers.rows[2].cells] == [
        "2",
        "Trần Văn Bảy",
        "1.372",
        "120",
        "6",
        "5",
        "1",
    ]
    assert "Lê Văn Tám" not in text  # not proposed
    assert (
        "Hồ sơ kèm theo: Biên bản họp xét đề nghị khen thưởng; danh sách minh chứng các hộ "
        "đã được hướng dẫn (tệp khen-thuong-17-BNA-minh-chung.xlsx)." in paragraphs
    )
    assert (
        paragraphs.count(
            "Ban nhân dân ấp Bãi Nhà A kính trình Ủy ban nhân dân đặc khu "
            "Kiên Hải xem xét, quyết định./."
        )
        == 1
    )
    signature = [c.text for c in document.tables[-1].rows[0].cells]
    assert signature[0] == "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    assert signature[1].split("\n")[:3] == [
        "TM. BAN NHÂN DÂN ẤP",
        "TRƯỞNG ẤP",
        "(Ký, ghi rõ họ tên)",
    ]
    assert signature[1].split("\n")[-1].startswith("……")  # the name, written by hand


def test_submission_individuals_only(tmp_path: Path) -> None:
    _document, paragraphs, text = _submission(tmp_path, sample_dossier(**INDIVIDUALS_ONLY))
    _common(paragraphs, text)
    assert _subject(paragraphs, "TỜ TRÌNH").startswith(
        "Về việc đề nghị khen thưởng cá nhân trong phong trào thi đua"
    )
    assert _headings(paragraphs)[4:] == [
        "II. NỘI DUNG ĐỀ NGHỊ KHEN THƯỞNG",
        "1. Khen thưởng cá nhân",
    ]
    assert "tập thể" not in text and "giải đặc biệt" not in text
    assert "Tỷ lệ tối thiểu" not in text and "thủ tục trở lên" not in text
    assert "1.200/4.123" in text and "29,1%" in text
    assert "2 cá nhân được đề nghị khen thưởng đã trực tiếp hướng dẫn 3.972 hộ." in text
    assert "Nguyễn Thị Lan" in text and "Trần Văn Bảy" in text
    assert "TM. BAN NHÂN DÂN ẤP" in text and "BAN NHÂN DÂN ẤP BÃI XẾP" in text


def test_submission_collective_only(tmp_path: Path) -> None:
    _document, paragraphs, text = _submission(tmp_path, sample_dossier(**COLLECTIVE_ONLY))
    _common(paragraphs, text)
    assert _subject(paragraphs, "TỜ TRÌNH").startswith(
        "Về việc đề nghị khen thưởng tập thể trong phong trào thi đua"
    )
    assert _headings(paragraphs)[4:] == [
        "II. NỘI DUNG ĐỀ NGHỊ KHEN THƯỞNG",
        "1. Khen thưởng tập thể",
    ]
    assert "Tỷ lệ tối thiểu để xét khen thưởng tập thể\n95,0%" in text
    assert "đạt tiêu chuẩn xét khen thưởng tập thể, từ 95,0% trở lên" in text
    assert "cá nhân" not in text and "giải đặc biệt" not in text
    assert "Nguyễn Thị Lan" not in text


def test_submission_special_only(tmp_path: Path) -> None:
    _document, paragraphs, text = _submission(tmp_path, sample_dossier(**SPECIAL_ONLY))
    _common(paragraphs, text)
    assert _subject(paragraphs, "TỜ TRÌNH").startswith(
        "Về việc đề nghị khen thưởng giải đặc biệt trong phong trào thi đua"
    )
    assert _headings(paragraphs)[4:] == ["II. NỘI DUNG ĐỀ NGHỊ KHEN THƯỞNG", "1. Giải đặc biệt"]
    assert (
        "Đề nghị Ủy ban nhân dân đặc khu Kiên Hải xét trao giải đặc biệt cho ấp Hòn Tre: "
        "150/210 hộ đã được hướng dẫn đủ 2 thủ tục dịch vụ công trực tuyến trở lên" in text
    )
    assert "Số hộ được hướng dẫn đủ 2 thủ tục trở lên\n150" in text
    assert "Tổng số hộ của ấp theo số hộ đã khai báo\n210" in text
    assert "Khen thưởng tập thể" not in text and "Khen thưởng cá nhân" not in text
    assert "95,0%" not in text  # the collective standard is not this paper's business
    assert "Lê Văn Tư" not in text


# ------------------------------------------------------------------ the Biên bản, per mix


def test_minutes_all_three(tmp_path: Path) -> None:
    document, paragraphs, text = _minutes(tmp_path)
    _common(paragraphs, text)
    assert "BIÊN BẢN" in paragraphs
    assert _subject(paragraphs, "BIÊN BẢN").startswith(
        "Họp xét đề nghị khen thưởng tập thể, cá nhân và giải đặc biệt trong phong trào"
    )
    assert "Số: ……/BB-……" in text
    # One outline, I → 1 → a), never a second "1." under a numbered point
    assert _headings(paragraphs) == [
        "I. THỜI GIAN, ĐỊA ĐIỂM",
        "II. THÀNH PHẦN THAM DỰ",
        "III. NỘI DUNG CUỘC HỌP",
        "1. Kết quả thực hiện mô hình của ấp Bãi Nhà A",
        "a) Số liệu minh chứng",
        "b) Tóm tắt thành tích",
        "c) Các thủ tục được hướng dẫn nhiều nhất",
        "2. Đề nghị khen thưởng",
        "a) Khen thưởng tập thể",
        "b) Giải đặc biệt",
        "c) Khen thưởng cá nhân",
        "3. Ý kiến thảo luận của các thành viên",
        "IV. KẾT QUẢ BIỂU QUYẾT",
    ]
    assert "- Thời gian: …… giờ …… ngày …… tháng …… năm 2027." in paragraphs
    assert any(p.startswith("- Địa điểm: ……") for p in paragraphs)
    assert any(p.startswith("- Chủ trì: Ông/Bà ……") for p in paragraphs)
    assert sum(p.startswith("+ Ông/Bà ……") for p in paragraphs) == 3
    assert any(p.startswith("Kết quả biểu quyết: ……/…… thành viên tán thành") for p in paragraphs)
    # Each person's achievements, with their own checks.
    assert (
        "- Ông/Bà Nguyễn Thị Lan: đã hướng dẫn 2.600 hộ, có hướng dẫn trong 210 ngày; được "
        "gọi điện kiểm tra 12 hộ, 11 hộ xác nhận đúng, không có trường hợp không đạt." in paragraphs
    )
    assert (
        "- Ông/Bà Trần Văn Bảy: đã hướng dẫn 1.372 hộ, có hướng dẫn trong 120 ngày; được "
        "gọi điện kiểm tra 6 hộ, 5 hộ xác nhận đúng, 1 trường hợp không đạt." in paragraphs
    )
    assert "Lê Văn Tám" not in text
    signature = [c.text for c in document.tables[-1].rows[0].cells]
    assert [s.split("\n")[:2] for s in signature] == [
        ["THƯ KÝ", "(Ký, ghi rõ họ tên)"],
        ["CHỦ TRÌ", "(Ký, ghi rõ họ tên)"],
    ]


def test_minutes_individuals_only(tmp_path: Path) -> None:
    _document, paragraphs, text = _minutes(tmp_path, sample_dossier(**INDIVIDUALS_ONLY))
    _common(paragraphs, text)
    assert _subject(paragraphs, "BIÊN BẢN").startswith(
        "Họp xét đề nghị khen thưởng cá nhân trong phong trào thi đua"
    )
    heads = _headings(paragraphs)
    assert heads[heads.index("2. Đề nghị khen thưởng") + 1] == "a) Khen thưởng cá nhân"
    assert "b) Giải đặc biệt" not in heads and "tập thể" not in text
    assert "- Ông/Bà Nguyễn Thị Lan: đã hướng dẫn 2.600 hộ" in text


def test_minutes_collective_only(tmp_path: Path) -> None:
    _document, paragraphs, text = _minutes(tmp_path, sample_dossier(**COLLECTIVE_ONLY))
    _common(paragraphs, text)
    heads = _headings(paragraphs)
    assert heads[heads.index("2. Đề nghị khen thưởng") + 1 :] == [
        "a) Khen thưởng tập thể",
        "3. Ý kiến thảo luận của các thành viên",
        "IV. KẾT QUẢ BIỂU QUYẾT",
    ]
    assert "Ông/Bà Nguyễn Thị Lan" not in text


def test_minutes_special_only(tmp_path: Path) -> None:
    _document, paragraphs, text = _minutes(tmp_path, sample_dossier(**SPECIAL_ONLY))
    _common(paragraphs, text)
    heads = _headings(paragraphs)
    assert heads[heads.index("2. Đề nghị khen thưởng") + 1] == "a) Giải đặc biệt"
    assert "150/210" in text and "Khen thưởng cá nhân" not in text


# ------------------------------------------------------------------------ draft and final


@pytest.mark.parametrize("write", [write_submission, write_minutes])
def test_draft_is_marked_and_final_is_not(tmp_path: Path, write: object) -> None:
    assert callable(write)
    draft, final = tmp_path / "draft.docx", tmp_path / "final.docx"
    write(draft, sample_dossier(), "vi")
    write(final, sample_dossier(final=True), "vi")
    assert draft_marks(draft) == ["DỰ THẢO"]
    assert draft_marks(final) == []
    _document, _paragraphs, text = _read(final)
    assert "(bản đề xuất số 17, bản chính thức)" in text and "DỰ THẢO" not in text


# --------------------------------------------------------------------------- the layout


def test_page_font_numbers_and_no_trailing_page(tmp_path: Path) -> None:
    for write in (write_submission, write_minutes):
        path = tmp_path / "doc.docx"
        write(path, sample_dossier(), "vi")
        document = docx.Document(str(path))
        section = document.sections[0]
        lengths = (
            section.page_width,
            section.page_height,
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
        assert [round(length.cm, 1) if length else None for length in lengths] == [
            21.0,
            29.7,
            2.0,
            2.0,
            3.0,
            2.0,
        ]
        normal = document.styles["Normal"]
        assert normal.font.name == "Times New Roman" and normal.font.size.pt == 13
        fonts = normal.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
        assert fonts.get(qn("w:eastAsiaTheme")) is None
        # Page numbers at the top from page 2; the first page's header has only the mark.
        assert section.different_first_page_header_footer
        assert "PAGE" in "".join(
            t.text or "" for t in section.header._element.iter(qn("w:instrText"))
        )
        assert not list(section.first_page_header._element.iter(qn("w:instrText")))
        # Nothing after the signature but one empty 1 pt paragraph; no page breaks.
        body = [child for child in document.element.body if child.tag in (qn("w:p"), qn("w:tbl"))]
        assert body[-2].tag == qn("w:tbl")
        assert body[-1].tag == qn("w:p") and not "".join(
            t.text or "" for t in body[-1].iter(qn("w:t"))
        )
        assert not [
            br for br in document.element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"
        ]


def test_locality_and_sentence_case_helpers() -> None:
    assert locality_name("Đặc khu Kiên Hải") == "Kiên Hải"
    assert locality_name("Xã Thượng Phúc") == "Thượng Phúc"
    assert locality_name("Kiên Hải") == "Kiên Hải"
    assert sentence_unit("Đặc khu Kiên Hải") == "đặc khu Kiên Hải"
    assert sentence_unit("Ấp Bãi Nhà A") == "ấp Bãi Nhà A"
    assert place_date_vi("Kiên Hải", year=2027) == "Kiên Hải, ngày …… tháng …… năm 2027"
    assert (
        place_date_vi("Kiên Hải", year=2027, month=1, day=5)
        == "Kiên Hải, ngày 05 tháng 01 năm 2027"
    )
    assert no_nested_brackets("Tờ trình (tổng kết (2026))") == "Tờ trình (tổng kết, 2026)"
    assert (
        review_phrase("vi", "half", date(2026, 1, 1), date(2026, 6, 30))
        == "sơ kết 6 tháng đầu năm 2026"
    )


def test_unit_locality_and_configured_total(tmp_path: Path) -> None:
    _document, _paragraphs, text = _submission(
        tmp_path,
        sample_dossier(unit="Xã Thượng Phúc", locality="Thượng Phúc", configured_households=4100),
    )
    assert "Tổng số hộ của ấp\n4.123 theo danh sách hộ (số hộ đã khai báo 4.100)" in text
    assert "Thượng Phúc, ngày …… tháng …… năm 2027" in text
    assert "Ủy ban nhân dân xã Thượng Phúc" in text and "XÃ THƯỢNG PHÚC" in text


def test_english(tmp_path: Path) -> None:
    submission, minutes = tmp_path / "submission.docx", tmp_path / "minutes.docx"
    write_submission(submission, sample_dossier(), "en")
    write_minutes(minutes, sample_dossier(), "en")
    _document, paragraphs, text = _read(submission)
    assert "SUBMISSION" in paragraphs and "TỜ TRÌNH" not in text
    assert "96.3%" in text and "3,972" in text and "SOCIALIST REPUBLIC OF VIETNAM" in text
    assert "DRAFT" in text and "Kính gửi" not in text
    _document, minutes_paragraphs, minutes_text = _read(minutes)
    assert "MINUTES" in minutes_paragraphs and "BIÊN BẢN" not in minutes_text
    assert "THÀNH PHẦN" not in minutes_text
