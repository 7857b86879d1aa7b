"""The culture & society office's papers (issue 18, item 2): /vanban sends the zone report,
the submission to the emulation council and the draft award decision, all drawn from the
review's stored proposal, read back here with python-docx. Supervisors only.

Seeded review (tests/support/seed.py), today 15/04/2026: the 6-month review counts 01/01–15/04;
NHO (19/20, 95%) is the one collective; every officer who guided a household is an individual;
no hamlet meets the special prize.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from sqlalchemy import select, update

from bot.runtime import Runtime
from handlers.engine.i18n import fmt_int, fmt_pct, t
from handlers.render.docx_layout import draft_marks, sentence_unit
from models.awards import Eligibility
from models.campaign import Hamlet
from models.proposal import AwardProposal, stored_eligibility
from models.records import AuditEvent, Dialog
from models.registry import HouseholdInput, campaign_by_code, create_household_entry
from tests.support.campaign import NOW
from tests.support.chat import Chat
from tests.support.seed import Seeded, seed

pytestmark = pytest.mark.slow  # the office's papers written and read back


@dataclass
class Paper:
    doc: DocxDocument
    text: str  # body paragraphs and every table cell
    tables: list[list[list[str]]]

    def table(self, *head: str) -> list[list[str]]:
        """The rows (head row aside) of the table whose head starts with these labels."""
        found = [rows[1:] for rows in self.tables if tuple(rows[0][: len(head)]) == head]
        assert len(found) == 1, (head, [rows[0] for rows in self.tables])
        return found[0]


def _read(path: Path) -> Paper:
    document = docx.Document(str(path))
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell for rows in tables for row in rows for cell in row]
    )
    return Paper(document, text, tables)


_KINDS = {
    "-bao-cao.docx": "report",
    "-to-trinh.docx": "submission",
    "-du-thao-quyet-dinh.docx": "decision",
}


async def _papers(chat: Chat, message: str) -> tuple[str, dict[str, Paper]]:
    """What the bot said, and the papers it sent by kind (from their file names)."""
    out = await chat.say(message)
    papers = {}
    for reply in chat.last:
        if reply.file is not None:
            (kind,) = [k for end, k in _KINDS.items() if reply.file.name.endswith(end)]
            papers[kind] = _read(reply.file)
    return out, papers


async def _proposal(runtime: Runtime) -> AwardProposal:
    async with runtime.services.sessions() as session:
        proposal: AwardProposal | None = await session.scalar(
            select(AwardProposal).order_by(AwardProposal.id.desc())
        )
        assert proposal is not None
        return proposal


def _hamlet_rows(elig: Eligibility) -> list[list[str]]:
    return [
        [
            str(i),
            h.name,
            fmt_int("vi", h.total) + ("*" if h.roster else ""),
            fmt_int("vi", h.guided),
            fmt_pct("vi", h.coverage),
            str(h.required),
            fmt_int("vi", h.special),
            fmt_int("vi", h.entries),
            f"{h.active_days}/{h.period_days}",
        ]
        for i, h in enumerate(elig.hamlets, start=1)
    ]


async def _log_later(runtime: Runtime, seeded: Seeded) -> None:
    """A household logged after the proposal: the papers must not count it."""
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        nho = await session.scalar(select(Hamlet.id).where(Hamlet.code == "NHO"))
        assert nho is not None
        await create_household_entry(
            session,
            campaign_id=camp.id,
            hamlet_id=nho,
            officer=seeded.nho,
            now=NOW + timedelta(minutes=5),
            data=HouseholdInput(
                name="Hộ Nhỏ Số 20",
                address="Tổ 2, NHO",
                phone="+84912999999",
                procedure_codes=("KH",),
                dossier_code="",
                guided_on=date(2026, 4, 15),
            ),
        )


async def test_papers_are_the_stored_proposal_draft_then_final(runtime: Runtime) -> None:
    seeded = await seed(runtime)
    sup = Chat(runtime, "sup")
    await sup.say("/khenthuong 6 thang")
    proposal = await _proposal(runtime)
    elig = stored_eligibility(proposal)
    await _log_later(runtime, seeded)

    out, papers = await _papers(sup, "/vanban 6 thang")
    assert set(papers) == {"report", "submission", "decision"}, out
    assert f"đề xuất #{proposal.id}" in out and "chưa được chốt" in out and "DỰ THẢO" in out
    assert "/khenthuong_chot" in out
    for name, paper in papers.items():
        assert draft_marks(paper.doc) == ["DỰ THẢO"], name
        assert (
            f"Số liệu trích từ đề xuất khen thưởng #{proposal.id}: chốt số liệu lúc "
            "10:00 15/04/2026, tính đến hết ngày 15/04/2026" in paper.text
        ), name
        assert "Kiên Hải, ngày …… tháng …… năm 2026" in paper.text, name
        assert "seed" not in paper.text.casefold(), name

    # The report: every hamlet with the proposal's figures, the zone's totals.
    report = papers["report"]
    rows = report.table("STT", "Ấp", "Tổng số hộ", "Số hộ đã hướng dẫn")
    assert rows[:-1] == _hamlet_rows(elig)
    assert rows[-1][1:5] == ["Tổng cộng", "1.527", "30", "2,0%"]
    nho = next(row for row in rows if row[1] == "Ấp Nhỏ")
    assert nho[2:] == ["20", "19", "95,0%", "2", "10", "19", "19/105"]
    bna = next(row for row in rows if row[1] == "Ấp Bãi Nhà A")
    assert bna[2:8] == ["412", "5", "1,2%", "1", "5", "6"]
    assert "BÁO CÁO" in report.text and "PHÒNG VĂN HÓA – XÃ HỘI" in report.text
    assert "Sơ kết 6 tháng đầu năm 2026 thực hiện phong trào thi đua" in report.text
    assert "1/5 ấp đạt tỷ lệ từ 95,0% trở lên: Ấp Nhỏ (95,0%)" in report.text
    assert "Trong kỳ chưa có hộ nào được gọi điện kiểm tra ngẫu nhiên." in report.text
    assert "Đăng ký khai sinh (" in report.text  # the procedures most guided
    assert "TRƯỞNG PHÒNG" in report.text and "Nơi nhận:" in report.text
    assert "……" in report.text  # causes, lessons and tasks are left to write

    # The submission and the decision list exactly the proposed collectives and people.
    collectives = [line.subject.name for line in elig.collective.proposed]
    people = [(line.subject.name, line.subject.hamlet_name) for line in elig.individual.proposed]
    assert collectives == ["Ấp Nhỏ"] and len(people) == 6
    submission = papers["submission"]
    assert "Kính gửi: Hội đồng Thi đua – Khen thưởng đặc khu Kiên Hải" in submission.text
    listed = submission.table("STT", "Tập thể")
    assert [row[1] for row in listed] == collectives
    assert listed[0][2:5] == ["20", "19", "95,0%"]
    listed_people = submission.table("STT", "Họ và tên", "Ấp")
    assert [(row[1], row[2]) for row in listed_people] == people
    assert "Không có ấp đủ điều kiện giải đặc biệt." in submission.text
    assert "TRƯỞNG PHÒNG" in submission.text

    decision = papers["decision"]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN ĐẶC KHU KIÊN HẢI" in decision.text
    assert "CHỦ TỊCH" in decision.text and "TM. ỦY BAN NHÂN DÂN" not in decision.text
    assert (
        "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân đặc khu cho 1 tập thể và 6 cá nhân"
        in decision.text
    )
    assert "(Kèm theo Quyết định số ……/QĐ-UBND" in decision.text
    annex_collectives = decision.table("STT", "Tên tập thể")
    assert [row[1] for row in annex_collectives] == [
        f"Ban nhân dân {sentence_unit(n)}" for n in collectives
    ]
    annex_people = decision.table("STT", "Họ và tên", "Đơn vị")
    assert [(row[1], row[2]) for row in annex_people] == people
    assert [row[3] for row in annex_people] == [
        fmt_int("vi", line.subject.households) for line in elig.individual.proposed
    ]
    for heading in ("Điều 1.", "Điều 2.", "Điều 3."):
        assert heading in decision.text

    # Once the council's decision is recorded, only the decision stays a draft.
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            update(AwardProposal)
            .where(AwardProposal.id == proposal.id)
            .values(final_at=NOW + timedelta(hours=1))
        )
    out, papers = await _papers(sup, "/vanban 6 thang")
    assert "bản chính thức, chốt lúc 11:00 15/04/2026" in out and "DỰ THẢO" not in out
    assert draft_marks(papers["report"].doc) == []
    assert draft_marks(papers["submission"].doc) == []
    assert draft_marks(papers["decision"].doc) == ["DỰ THẢO"]
    assert "đề xuất đã được chốt là bản chính thức lúc 11:00 15/04/2026" in papers["report"].text
    assert papers["report"].table("STT", "Ấp", "Tổng số hộ")[:-1] == _hamlet_rows(elig)

    async with runtime.services.sessions() as session:
        exports = list(
            await session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == "export", AuditEvent.target_id == proposal.id)
                .order_by(AuditEvent.id)
            )
        )
    papers_audit = [e.after for e in exports if e.after and e.after["files"] == "office_papers"]
    assert [(a["review"], a["final"]) for a in papers_audit] == [("half", False), ("half", True)]


async def test_the_review_is_chosen_from_a_question(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    out = await sup.say("/papers")
    assert t("vi", "op_ask_review") in out
    assert "Sơ kết 6 tháng (01/01/2026 – 30/06/2026) · chưa có đề xuất" in out
    for junk in ("abc", "9", "🙂"):  # not an answer: the question again, nothing sent
        out = await sup.say(junk)
        assert t("vi", "op_ask_review") in out and not any(r.file for r in sup.last), junk
    out = await sup.press("Tổng kết")
    assert "Chưa có đề xuất khen thưởng nào cho đợt «Tổng kết năm 2026" in out
    assert "/khenthuong" in out and not any(r.file for r in sup.last)

    await sup.say("/khenthuong nam")
    out = await sup.say("/vanban")
    assert "Tổng kết năm 2026 (01/01/2026 – 31/12/2026) · đề xuất #1 dự thảo" in out
    out, papers = await _papers(sup, "2")
    assert set(papers) == {"report", "submission", "decision"}, out
    assert "Tổng kết năm 2026 thực hiện phong trào thi đua" in papers["report"].text
    assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027" in papers["report"].text
    # A 6-month review has no proposal of its own: the year's is never used for it.
    out = await sup.say("/vanban 6 thang")
    assert "Chưa có đề xuất khen thưởng nào cho đợt «Sơ kết 6 tháng" in out
    out = await sup.say("/vanban hom qua")
    assert "Không rõ đợt xét «hom qua»" in out and t("vi", "op_ask_review") in out


async def test_heads_and_officers_are_refused(runtime: Runtime) -> None:
    await seed(runtime)
    await Chat(runtime, "sup").say("/khenthuong 6 thang")
    for user in ("head", "bna1"):
        chat = Chat(runtime, user)
        for message in ("/vanban", "/papers 6 thang", "/vanban nam"):
            out = await chat.say(message)
            assert out.strip() == t("vi", "op_not_allowed"), (user, message, out)
            assert not any(r.file or r.options for r in chat.last)
    async with runtime.services.sessions() as session:
        dialogs = list(await session.scalars(select(Dialog.state)))
        exports = list(
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        )
    assert "papers.review" not in dialogs
    assert not [e for e in exports if e.after and e.after.get("files") == "office_papers"]
