"""Spot-check figures where supervisors read them: /baocao, the weekly summary, the exports.

The seeded campaign drawn at 10% per hamlet gives 7 cards: NHO 2 (19 households), BNA 2
(one per officer), L364, L365 and L366 one each. Three are called: an NHO household
confirms, Lê Thị Lười's BNA household says nobody guided them, an L364 household never
answers (one attempt allowed → could not verify). So: 3 called, 1 ✅, 1 ❌, 1 📵, pass rate
1/2, 4 cards open, and BNA and Lê Thị Lười are not eligible.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from bot.runtime import Runtime
from handlers.reports.export import ExportResult, export
from handlers.reports.summaries import weekly_digest, weekly_message
from models.campaign import Hamlet
from models.checks import overturn, record_outcome
from models.people import Role, User
from models.periods import resolve
from models.records import AuditEvent
from models.registry import campaign_by_code
from models.reports import active_hamlets
from models.sampling import Rule, create_batch
from models.verification import Check, Outcome
from tests.support.campaign import NOW
from tests.support.chat import Chat
from tests.support.seed import Seeded, seed

pytestmark = pytest.mark.slow  # reports, spreadsheets and documents, read back

TODAY = date(2026, 4, 15)
CALLED = NOW + timedelta(hours=1)  # 04:00 UTC is 11:00 in Vietnam
SECTION = "🔎 Kiểm tra xác minh (gọi điện hộ ngẫu nhiên, cả phong trào):"
NOT_ELIGIBLE = (
    "🚫 Không đủ điều kiện khen thưởng: Ấp Bãi Nhà A (1 hộ kiểm tra không đạt); "
    "cán bộ Lê Thị Lười – BNA (1 hộ kiểm tra không đạt)"
)
CHECK_HEADERS_VI = [
    "Đợt kiểm tra",
    "Mã rút mẫu",
    "Mã ấp",
    "Tên ấp",
    "Chủ hộ",
    "Số điện thoại",
    "Ngày hướng dẫn",
    "Cán bộ ghi nhận",
    "Kết quả",
    "Thông tin sai",
    "Số lần gọi",
    "Người gọi gần nhất",
    "Lần gọi gần nhất",
    "Ghi chú",
    "Kết quả xem xét",
    "Giải trình của cán bộ",
]


@dataclass
class Drawn:
    seeded: Seeded
    batch_id: int
    failed_check: int


async def _campaign_id(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        return (await campaign_by_code(session, runtime.settings.campaign.code)).id


async def _draw(runtime: Runtime, s: Seeded) -> int:
    async with runtime.services.sessions() as session, session.begin():
        batch = await create_batch(
            session,
            campaign_id=await _campaign_id(runtime),
            hamlets=await active_hamlets(session),
            rule=Rule("rate", rate=0.1),
            actor_id=s.supervisor.id,
            now=NOW,
            seed="5eed5eed5eed5eed",
        )
        assert batch is not None
        return batch.id


async def _call(
    runtime: Runtime,
    s: Seeded,
    batch_id: int,
    hamlet: str,
    outcome: Outcome,
    *,
    officer: User | None = None,
    max_attempts: int = 3,
    detail: str = "",
    note: str = "",
) -> int:
    """Record one call on the hamlet's first card (the officer's, if given)."""
    async with runtime.services.sessions() as session, session.begin():
        stmt = (
            select(Check)
            .join(Hamlet, Hamlet.id == Check.hamlet_id)
            .where(Check.batch_id == batch_id, Hamlet.code == hamlet)
            .order_by(Check.position)
            .limit(1)
        )
        if officer is not None:
            stmt = stmt.where(Check.officer_id == officer.id)
        check: Check | None = await session.scalar(stmt)
        caller = await session.get(User, s.supervisor.id)
        assert check is not None and caller is not None
        await record_outcome(
            session,
            check=check,
            caller=caller,
            outcome=outcome,
            now=CALLED,
            detail=detail,
            note=note,
            max_attempts=max_attempts,
            retry_after=timedelta(hours=1),
            lease=timedelta(minutes=30),
        )
        return check.id


async def _drawn(runtime: Runtime) -> Drawn:
    s = await seed(runtime)
    batch_id = await _draw(runtime, s)
    await _call(runtime, s, batch_id, "NHO", Outcome.CONFIRMED)
    failed = await _call(
        runtime,
        s,
        batch_id,
        "BNA",
        Outcome.NOT_GUIDED,
        officer=s.bna_idle,
        note="Hộ nói chưa ai đến",
    )
    await _call(runtime, s, batch_id, "L364", Outcome.UNREACHABLE, max_attempts=1)
    return Drawn(seeded=s, batch_id=batch_id, failed_check=failed)


async def _overturn(runtime: Runtime, drawn: Drawn) -> None:
    async with runtime.services.sessions() as session, session.begin():
        check = await session.get(Check, drawn.failed_check)
        actor = await session.get(User, drawn.seeded.supervisor.id)
        assert check is not None and actor is not None
        await overturn(
            session, check=check, actor=actor, reason="Hộ nhớ nhầm, đã gọi lại", now=CALLED
        )


def _section(text: str) -> list[str]:
    assert SECTION in text, text
    return text.split(SECTION, 1)[1].strip().split("\n\n", 1)[0].splitlines()


# ------------------------------------------------------------------------------ /baocao


async def test_report_table_shows_checks_and_who_is_not_eligible(runtime: Runtime) -> None:
    await _drawn(runtime)
    text = await Chat(runtime, "sup").say("/baocao")
    assert _section(text) == [
        "• Đã gọi xong 3 hộ: ✅ 1 xác nhận · ❌ 1 không đạt · 📵 1 không xác minh được · "
        "⏳ 1 chưa xem xét · tỷ lệ đạt 50,0% · còn 4 hộ chưa gọi",
        "• Ấp Bãi Nhà A (BNA): 1 hộ · ✅ 0 · ❌ 1 · 📵 0 · ⏳ 1 chưa xem xét · đạt 0,0% · "
        "còn 1 chưa gọi",
        "• Ấp Ba Sáu Tư (L364): 1 hộ · ✅ 0 · ❌ 0 · 📵 1 · đạt – · còn 0 chưa gọi",
        "• Ấp Ba Sáu Lăm (L365): 0 hộ · ✅ 0 · ❌ 0 · 📵 0 · đạt – · còn 1 chưa gọi",
        "• Ấp Ba Sáu Sáu (L366): 0 hộ · ✅ 0 · ❌ 0 · 📵 0 · đạt – · còn 1 chưa gọi",
        "• Ấp Nhỏ (NHO): 1 hộ · ✅ 1 · ❌ 0 · 📵 0 · đạt 100,0% · còn 1 chưa gọi",
        NOT_ELIGIBLE,
    ]
    # The section comes after the ranking and its totals.
    assert text.index("Tổng: ") < text.index(SECTION)


async def test_no_checks_no_section(runtime: Runtime) -> None:
    await seed(runtime)
    chat = Chat(runtime, "sup")
    assert "Kiểm tra xác minh" not in await chat.say("/baocao")
    assert "Kiểm tra xác minh" not in await chat.say("/baocao BNA")


async def test_hamlet_head_sees_only_their_hamlet_and_answered_checks(runtime: Runtime) -> None:
    await _drawn(runtime)
    text = await Chat(runtime, "head").say("/baocao")
    # Trần Văn Siêng's household is drawn but not called yet: the hamlet must not know it
    # (issue 17), so neither he nor a count of checks left to call is shown.
    assert _section(text) == [
        "• Đã gọi xong 1 hộ: ✅ 0 xác nhận · ❌ 1 không đạt · 📵 0 không xác minh được · "
        "⏳ 1 chưa xem xét · tỷ lệ đạt 0,0%",
        "• Lê Thị Lười: 1 hộ · ✅ 0 · ❌ 1 · 📵 0 · ⏳ 1 chưa xem xét · đạt 0,0%",
        NOT_ELIGIBLE,
    ]
    assert "NHO" not in text and "L364" not in text and "chưa gọi" not in text


async def test_one_hamlet_view_for_the_supervisor(runtime: Runtime) -> None:
    await _drawn(runtime)
    lines = _section(await Chat(runtime, "sup").say("/baocao NHO"))
    assert lines == [
        "• Đã gọi xong 1 hộ: ✅ 1 xác nhận · ❌ 0 không đạt · 📵 0 không xác minh được · "
        "tỷ lệ đạt 100,0% · còn 1 hộ chưa gọi",
        "• Phạm Văn Nhỏ: 1 hộ · ✅ 1 · ❌ 0 · 📵 0 · đạt 100,0% · còn 1 chưa gọi",
    ]


async def test_overturn_restores_eligibility(runtime: Runtime) -> None:
    drawn = await _drawn(runtime)
    await _overturn(runtime, drawn)
    text = await Chat(runtime, "sup").say("/baocao")
    lines = _section(text)
    assert lines[0] == (
        "• Đã gọi xong 3 hộ: ✅ 1 xác nhận · ❌ 0 không đạt · 📵 1 không xác "
        "minh được · ↩️ 1 đã xem xét lại · tỷ lệ đạt 100,0% · còn 4 hộ chưa gọi"
    )
    assert (
        "• Ấp Bãi Nhà A (BNA): 1 hộ · ✅ 0 · ❌ 0 · 📵 0 · ↩️ 1 đã xem xét lại · đạt "
        "100,0% · còn 1 chưa gọi" in lines
    )
    assert "Không đủ điều kiện" not in text


async def test_english_report_names_the_reason(runtime: Runtime) -> None:
    await _drawn(runtime)
    chat = Chat(runtime, "sup")
    await chat.say("/lang en")
    text = await chat.say("/baocao")
    assert (
        "🚫 Not eligible for awards: Ấp Bãi Nhà A (1 household(s) failed the check); "
        "officer Lê Thị Lười – BNA (1 household(s) failed the check)"
    ) in text
    assert "pass rate 50.0% · 4 households left to call" in text


# ------------------------------------------------------------------------ weekly summary


async def _weekly(runtime: Runtime, user: User) -> str:
    async with runtime.services.sessions() as session:
        digest = await weekly_digest(
            session,
            runtime.settings,
            campaign_id=await _campaign_id(runtime),
            period=resolve("last_week", runtime.settings.campaign, TODAY),
            today=TODAY,
        )
    text = weekly_message(digest, user, "vi")
    assert text is not None
    return text


async def test_weekly_summary_shows_open_verification_work(runtime: Runtime) -> None:
    drawn = await _drawn(runtime)
    text = await _weekly(runtime, drawn.seeded.supervisor)
    assert (
        "🔎 Kiểm tra xác minh: còn 4 hộ chưa gọi · đã gọi xong 3 hộ: ✅ 1 · ❌ 1 · 📵 1"
        " · ⏳ 1 chưa xem xét" in text.splitlines()
    )
    assert NOT_ELIGIBLE in text.splitlines()
    assert text.splitlines()[-1].startswith("Gõ /baocao")  # the footer stays last

    # A head reads the answered checks only: nothing of the one still to call (issue 17).
    head = await _weekly(runtime, drawn.seeded.head_bna)
    assert (
        "🔎 Kiểm tra xác minh: đã gọi xong 1 hộ: ✅ 0 · ❌ 1 · 📵 0 · ⏳ 1 chưa xem xét"
        in head.splitlines()
    )
    assert NOT_ELIGIBLE in head.splitlines()
    assert "chưa gọi" not in head and "NHO" not in head


async def test_weekly_summary_without_checks_says_nothing_of_them(runtime: Runtime) -> None:
    s = await seed(runtime)
    assert "Kiểm tra xác minh" not in await _weekly(runtime, s.supervisor)
    assert "Kiểm tra xác minh" not in await _weekly(runtime, s.head_bna)


# ------------------------------------------------------------------------------ exports


async def _export(
    runtime: Runtime, folder: Path, fmt: str = "xlsx", lang: str = "vi"
) -> ExportResult:
    async with runtime.services.sessions() as session, session.begin():
        result = await export(
            session,
            runtime.settings,
            campaign_id=await _campaign_id(runtime),
            period=resolve("since_start", runtime.settings.campaign, TODAY),
            today=TODAY,
            hamlets=await active_hamlets(session),
            fmt=fmt,
            lang=lang,
            folder=folder,
            actor_id=None,
            now=NOW,
            via="test",
            viewer=Role.SUPERVISOR,
        )
    result.write()
    return result


def _rows(sheet: Worksheet) -> list[list[object]]:
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]


async def test_xlsx_has_a_checks_sheet_before_the_officers(
    runtime: Runtime, tmp_path: Path
) -> None:
    drawn = await _drawn(runtime)
    await _call(
        runtime,
        drawn.seeded,
        drawn.batch_id,
        "L365",
        Outcome.WRONG_DETAILS,
        detail="procedure,date",
    )
    result = await _export(runtime, tmp_path)
    book = openpyxl.load_workbook(result.paths[0])
    assert book.sheetnames == [
        "Tổng hợp",
        "NHO",
        "BNA",
        "L364",
        "L365",
        "L366",
        "Kiểm tra",
        "Cán bộ",
    ]
    sheet = book["Kiểm tra"]
    assert isinstance(sheet, Worksheet)
    assert [c.value for c in sheet[3]] == CHECK_HEADERS_VI
    rows = _rows(sheet)
    assert len(rows) == 7
    assert {r[0] for r in rows} == {drawn.batch_id}
    assert {r[1] for r in rows} == {"5eed5eed5eed5eed"}
    assert sorted(str(r[8]) for r in rows) == sorted(
        [
            "Đã xác nhận",
            "Hộ nói không được hướng dẫn",
            "Không xác minh được",
            "Sai thông tin",
            "Chưa gọi",
            "Chưa gọi",
            "Chưa gọi",
        ]
    )

    failed = next(r for r in rows if r[8] == "Hộ nói không được hướng dẫn")
    assert failed[2:4] == ["BNA", "Ấp Bãi Nhà A"]
    assert failed[4] in {"Nguyễn Thị Hai", "Trần Văn Ba"}  # Lê Thị Lười's households
    assert failed[7] == "Lê Thị Lười"
    assert failed[10:16] == [
        1,
        "Phòng Văn hóa Xã hội",
        datetime(2026, 4, 15, 11, 0),
        "Hộ nói chưa ai đến",
        None,
        None,
    ]
    assert isinstance(failed[6], datetime)  # the entry's date, a real date cell
    phone_cell = sheet.cell(4 + rows.index(failed), 6)
    assert phone_cell.data_type == "s"
    assert re.fullmatch(r"0\d{3} \d{3} \d{3}", str(phone_cell.value))

    wrong = next(r for r in rows if r[8] == "Sai thông tin")
    assert wrong[9] == "thủ tục, ngày hướng dẫn"
    unverified = next(r for r in rows if r[8] == "Không xác minh được")
    assert (unverified[2], unverified[10]) == ("L364", 1)
    waiting = next(r for r in rows if r[8] == "Chưa gọi")
    assert waiting[10:13] == [0, None, None]

    async with runtime.services.sessions() as session:
        audit = await session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert audit is not None and audit.after is not None and audit.after["checks"] == 7


async def test_overturned_check_in_the_sheet_and_english_labels(
    runtime: Runtime, tmp_path: Path
) -> None:
    drawn = await _drawn(runtime)
    await _overturn(runtime, drawn)
    book = openpyxl.load_workbook((await _export(runtime, tmp_path / "vi")).paths[0])
    sheet = book["Kiểm tra"]
    assert isinstance(sheet, Worksheet)
    failed = next(r for r in _rows(sheet) if r[8] == "Hộ nói không được hướng dẫn")
    assert failed[14] == "Hủy kết quả không đạt – Hộ nhớ nhầm, đã gọi lại"

    english = openpyxl.load_workbook((await _export(runtime, tmp_path / "en", lang="en")).paths[0])
    assert english.sheetnames[-2:] == ["Checks", "Officers"]
    sheet = english["Checks"]
    assert isinstance(sheet, Worksheet)
    assert {r[8] for r in _rows(sheet)} == {
        "Confirmed",
        "Household says not guided",
        "Could not verify",
        "Not called yet",
    }


async def test_xlsx_without_checks_has_no_checks_sheet(runtime: Runtime, tmp_path: Path) -> None:
    await seed(runtime)
    result = await _export(runtime, tmp_path)
    assert "Kiểm tra" not in openpyxl.load_workbook(result.paths[0]).sheetnames
    assert result.data.checks == ()


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


async def test_csv_in_chat_gets_a_fourth_file_with_checks(runtime: Runtime) -> None:
    await _drawn(runtime)
    chat = Chat(runtime, "sup")
    text = await chat.say("/xuat csv canam")
    files = [r.file for r in chat.last if r.file is not None]
    assert len(files) == 4
    assert "📥 Tệp CSV (kiểm tra xác minh)" in text
    assert all(f.exists() for f in files)  # the core wrote every part before replying
    assert files[3].name.endswith("-kiem-tra.csv")
    rows = _read_csv(files[3])
    assert rows[0] == CHECK_HEADERS_VI
    assert len(rows) == 1 + 7
    failed = next(r for r in rows if r[8] == "Hộ nói không được hướng dẫn")
    assert failed[7] == "Lê Thị Lười" and failed[12] == "2026-04-15 11:00"
    assert re.fullmatch(r"0\d{3} \d{3} \d{3}", failed[5])


async def test_csv_without_checks_stays_three_files(runtime: Runtime, tmp_path: Path) -> None:
    await seed(runtime)
    chat = Chat(runtime, "sup")
    await chat.say("/xuat csv canam")
    assert len([r for r in chat.last if r.file is not None]) == 3
    result = await _export(runtime, tmp_path, fmt="csv")
    assert [p.name.rsplit("-", 2)[-2:] for p in result.paths] == [
        ["tong", "hop.csv"],
        ["minh", "chung.csv"],
        ["can", "bo.csv"],
    ]
    assert all(p.exists() for p in result.paths)
