"""Messages for workbooks (Vietnamese first, then English); merged into the catalog by
handlers/texts/__init__.py. Keys are unique across every part."""

from __future__ import annotations

VI: dict[str, str] = {
    "xl_col_guided_days": "Ngày hướng dẫn",
    "xl_col_entry_ids": "Các lượt ghi nhận",
    # Excel's footer codes: &P this page, &N the number of pages.
    "xl_footer_pages": "Trang &P/&N",
    "xl_evidence_title": "Minh chứng hướng dẫn hộ gia đình – {hamlet} ({code})",
    "export_csv_hint_comma": "Tệp phân cách bằng dấu phẩy. Nếu Excel dồn mọi cột vào một ô "
    "(máy đặt vùng Việt Nam), gõ /xuat csv; để lấy tệp phân cách "
    "bằng dấu chấm phẩy.",
    "export_csv_hint_semicolon": "Tệp phân cách bằng dấu chấm phẩy, số thập phân dùng dấu "
    "phẩy – mở thẳng bằng Excel đặt vùng Việt Nam.",
}

EN: dict[str, str] = {
    "xl_col_guided_days": "Dates guided",
    "xl_col_entry_ids": "Entries",
    "xl_footer_pages": "Page &P of &N",
    "xl_evidence_title": "Evidence of households guided – {hamlet} ({code})",
    "export_csv_hint_comma": "Comma-separated. If Excel puts every column in one cell (a PC "
    "set to Vietnamese regional settings), type /xuat csv; for "
    "semicolon-separated files.",
    "export_csv_hint_semicolon": "Semicolon-separated with decimal commas – opens directly in "
    "Excel set to Vietnamese regional settings.",
}
