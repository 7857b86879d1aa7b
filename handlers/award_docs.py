"""Award dossier documents (python-docx): the hamlet's submission (Tờ trình) and the minutes
of the review meeting (Biên bản họp xét), filled with the hamlet's figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True)
class OfficerLine:
    name: str
    households: int  # distinct households this officer guided in the period
    active_days: int
    proposed: bool  # on the individual award list


@dataclass(frozen=True)
class DossierData:
    unit: str  # "Đặc khu Kiên Hải" (the commune-level unit)
    campaign_name: str  # the movement's name
    review: str  # "sơ kết 6 tháng đầu năm 2026" / "tổng kết năm 2026" (from the catalog)
    period_start: date
    period_end: date
    hamlet_code: str
    hamlet_name: str  # "Ấp Bãi Nhà A"
    collective: bool  # proposed for the collective award
    collective_rank: int | None
    special: bool  # proposed for a special prize
    special_rank: int | None
    total_households: int
    roster_based: bool  # total = rows of an imported roster (else the configured figure)
    guided: int
    coverage: float
    threshold: float
    required_procedures: int  # 1 or 2, by the hamlet's size
    special_households: int  # households guided through the required procedures
    entries: int  # guidance entries in the period
    active_days: int  # days with at least one entry
    period_days: int
    procedures: tuple[tuple[str, int], ...]  # (procedure name, households), most first
    officers: tuple[OfficerLine, ...]
    checks_called: int
    checks_confirmed: int
    checks_failed: int  # unresolved failed checks (0 for a proposed hamlet)
    checks_overturned: int
    checks_unreachable: int
    snapshot_at: datetime  # local time the figures were taken
    proposal_id: int
    evidence_file: str  # the attached spreadsheet's file name


def write_submission(path: Path, data: DossierData, lang: str) -> None:
    """Tờ trình đề nghị khen thưởng."""
    raise NotImplementedError


def write_minutes(path: Path, data: DossierData, lang: str) -> None:
    """Biên bản họp xét đề nghị khen thưởng."""
    raise NotImplementedError
