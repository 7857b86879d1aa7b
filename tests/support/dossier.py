"""A hamlet's award dossier as the documents get it: one fixed, hand-countable sample
(tests/test_award_docs.py reads its papers back; others write it with a figure changed)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from handlers.render.award_docs import DossierData, OfficerLine, review_phrase

PROCEDURES = (
    ("Đăng ký khai sinh", 1800),
    ("Cấp phiếu lý lịch tư pháp", 1200),
    ("Đăng ký thường trú", 950),
)
LAN = OfficerLine(
    "Nguyễn Thị Lan",
    2600,
    210,
    proposed=True,
    checks_called=12,
    checks_confirmed=11,
    checks_failed=0,
)
BAY = OfficerLine(
    "Trần Văn Bảy", 1372, 120, proposed=True, checks_called=6, checks_confirmed=5, checks_failed=1
)
TAM = OfficerLine("Lê Văn Tám", 40, 12, proposed=False, checks_called=1, checks_confirmed=1)


def sample_dossier(**changes: object) -> DossierData:
    """The sample, with `changes` (DossierData fields) applied."""
    data = DossierData(
        unit="Đặc khu Kiên Hải",
        campaign_name="Mỗi ngày hướng dẫn 01 gia đình thực hiện dịch vụ công trực tuyến",
        review=review_phrase("vi", "year", date(2026, 1, 1), date(2026, 12, 31)),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        hamlet_code="BNA",
        hamlet_name="Ấp Bãi Nhà A",
        collective=True,
        special=True,
        total_households=4123,
        roster_based=True,
        guided=3972,
        coverage=3972 / 4123,
        threshold=0.95,
        required_procedures=1,
        special_households=3900,
        entries=4630,
        active_days=301,
        period_days=365,
        procedures=PROCEDURES,
        officers=(LAN, BAY, TAM),
        checks_called=19,
        checks_confirmed=17,
        checks_failed=0,
        checks_overturned=1,
        checks_unreachable=1,
        snapshot_at=datetime(2027, 1, 5, 9, 30),
        proposal_id=17,
        evidence_file="khen-thuong-17-BNA-minh-chung.xlsx",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]
