"""Award dossier documents: the Tờ trình and the Biên bản họp xét read back with python-docx."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn

from handlers.award_docs import DossierData, OfficerLine, write_minutes, write_submission

PROCEDURES = (("Đăng ký khai sinh", 180), ("Cấp phiếu lý lịch tư pháp", 120),
              ("Đăng ký thường trú", 95))


def _dossier(**changes: object) -> DossierData:
    data = DossierData(
        unit="Đặc khu Kiên Hải",
        campaign_name="Mỗi ngày hướng dẫn 01 gia đình thực hiện dịch vụ công trực tuyến",
        review="tổng kết năm 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        hamlet_code="BNA",
        hamlet_name="Ấp Bãi Nhà A",
        collective=True,
        collective_rank=1,
        special=False,
        special_rank=None,
        total_households=412,
        roster_based=True,
        guided=400,
        coverage=400 / 412,
        threshold=0.95,
        required_procedures=1,
        special_households=400,
        entries=463,
        active_days=301,
        period_days=365,
        procedures=PROCEDURES,
        officers=(OfficerLine("Nguyễn Thị Lan", 260, 210, proposed=True),
                  OfficerLine("Trần Văn Bảy", 140, 120, proposed=False)),
        checks_called=12,
        checks_confirmed=11,
        checks_failed=0,
        checks_overturned=0,
        checks_unreachable=1,
        snapshot_at=datetime(2027, 1, 5, 9, 30),
        proposal_id=17,
        evidence_file="minh-chung-BNA-2026.xlsx",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def _text(path: Path) -> tuple[list[str], str]:
    """The body's paragraphs, and all text including tables (header, figures, signatures)."""
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return paragraphs, "\n".join(paragraphs + cells)


def test_submission_contents(tmp_path: Path) -> None:
    path = tmp_path / "to-trinh.docx"
    write_submission(path, _dossier(), "vi")
    paragraphs, text = _text(path)
    assert "TỜ TRÌNH" in paragraphs
    assert any(p.startswith("Về việc đề nghị khen thưởng tập thể và cá nhân") for p in paragraphs)
    assert "Kính gửi: Ủy ban nhân dân Đặc khu Kiên Hải (qua Phòng Văn hóa – Xã hội)" in text
    assert "BAN NHÂN DÂN ẤP BÃI NHÀ A" in text
    assert "Ấp Bãi Nhà A, ngày …… tháng …… năm 2027" in text
    assert "97,1%" in text and "95,0%" in text
    assert "412 (theo danh sách hộ đã nhập vào hệ thống)" in text
    assert "400/412" in text
    assert "Nguyễn Thị Lan" in text and "Trần Văn Bảy" not in text
    assert "Đăng ký khai sinh: 180 hộ" in text
    assert "minh-chung-BNA-2026.xlsx" in text
    assert "Số liệu trích từ hệ thống lúc 09:30 05/01/2027, đề xuất số #17." in text
    assert "TRƯỞNG ẤP" in text and "(Ký, ghi rõ họ tên)" in text
    assert "giải đặc biệt" not in " ".join(paragraphs[:8])


def test_minutes_placeholders(tmp_path: Path) -> None:
    path = tmp_path / "bien-ban.docx"
    write_minutes(path, _dossier(), "vi")
    paragraphs, text = _text(path)
    assert "BIÊN BẢN" in paragraphs
    assert any(p.startswith("Họp xét đề nghị khen thưởng") for p in paragraphs)
    assert "Số: ……/BB-……" in text
    assert "Thời gian: …… giờ …… ngày ……/……/2027." in paragraphs
    assert any(p.startswith("Địa điểm: ……") for p in paragraphs)
    assert any(p.startswith("- Chủ trì: Ông/Bà ……") for p in paragraphs)
    assert sum(p.startswith("+ Ông/Bà ……") for p in paragraphs) == 3
    assert any("Kết quả biểu quyết: ……/…… thành viên tán thành (……%)." in p for p in paragraphs)
    assert "Ấp Bãi Nhà A" in text and "97,1%" in text and "412" in text
    assert "Nguyễn Thị Lan" in text
    assert "đề xuất số #17" in text and "09:30 05/01/2027" in text
    assert "THƯ KÝ" in text and "CHỦ TRÌ" in text


def test_page_and_font(tmp_path: Path) -> None:
    path = tmp_path / "to-trinh.docx"
    write_submission(path, _dossier(), "vi")
    document = docx.Document(str(path))
    section = document.sections[0]
    lengths = (section.page_width, section.page_height, section.top_margin,
               section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.cm, 1) if length else None for length in lengths] == [
        21.0, 29.7, 2.0, 2.0, 3.0, 2.0]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 13
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert fonts.get(qn("w:eastAsiaTheme")) is None


def test_special_prize_only(tmp_path: Path) -> None:
    data = _dossier(hamlet_name="Ấp Hòn Tre", total_households=210, guided=190,
                    coverage=190 / 210, collective=False, collective_rank=None, special=True,
                    special_rank=2, required_procedures=2, special_households=150,
                    officers=(OfficerLine("Lê Văn Tư", 190, 150, proposed=False),),
                    roster_based=False)
    path = tmp_path / "to-trinh.docx"
    write_submission(path, data, "vi")
    paragraphs, text = _text(path)
    assert any(p.startswith("Về việc đề nghị khen thưởng giải đặc biệt") for p in paragraphs)
    assert "Giải đặc biệt: đề nghị xét trao giải đặc biệt cho Ấp Hòn Tre – 150/210 hộ đã được " \
           "hướng dẫn đủ 2 thủ tục trở lên (xếp hạng thứ 2)." in text
    assert "Số hộ được hướng dẫn đủ 2 thủ tục trở lên" in text
    assert "210 (theo số hộ đã khai báo của ấp)" in text
    assert "chưa đạt mức 95,0%" in text
    assert "Khen thưởng tập thể" not in text and "Khen thưởng cá nhân" not in text


def test_english(tmp_path: Path) -> None:
    submission, minutes = tmp_path / "submission.docx", tmp_path / "minutes.docx"
    write_submission(submission, _dossier(), "en")
    write_minutes(minutes, _dossier(), "en")
    paragraphs, text = _text(submission)
    assert "SUBMISSION" in paragraphs and "TỜ TRÌNH" not in text
    assert "97.1%" in text and "SOCIALIST REPUBLIC OF VIETNAM" in text
    minutes_paragraphs, minutes_text = _text(minutes)
    assert "MINUTES" in minutes_paragraphs and "BIÊN BẢN" not in minutes_text
    assert "Kính gửi" not in text and "Thành phần" not in minutes_text
