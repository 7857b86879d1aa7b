"""Award proposals have a life (issue 18, item 5): /khenthuong_ds lists them final or draft,
a supervisor marks the one the council decided on (audited), a new proposal never silently
replaces a final one, and a review period judges only the checks of entries within it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.runtime import Runtime
from models.households import Entry, Household
from models.proposal import AwardProposal
from models.records import AuditEvent
from tests.support.chat import Chat
from tests.support.seed import seed

pytestmark = pytest.mark.slow  # award proposals over the seeded campaign


async def _audit(runtime: Runtime, action: str) -> list[AuditEvent]:
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        )


async def _proposal(runtime: Runtime, proposal_id: int) -> AwardProposal:
    async with runtime.services.sessions() as session:
        proposal: AwardProposal | None = await session.get(AwardProposal, proposal_id)
        assert proposal is not None
        return proposal


async def test_list_mark_final_and_never_replace_silently(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    assert "Chưa có đề xuất khen thưởng nào" in await sup.say("/khenthuong_ds")

    out = await sup.say("/khenthuong 6thang")
    assert "📝 Đề xuất #1 là bản dự thảo" in out and "/khenthuong_chot 1" in out
    await sup.say("/huy")
    listing = await sup.say("/khenthuong_ds")
    assert "#1 · Sơ kết 6 tháng (01/01/2026 – 30/06/2026)" in listing
    assert "Phòng Văn hóa Xã hội" in listing and "📝 Dự thảo" in listing
    assert "đề xuất 1 tập thể" in listing
    out = await sup.press("Chốt #1")
    assert "✅ Đã chốt đề xuất #1 – Sơ kết 6 tháng" in out
    assert (await _proposal(runtime, 1)).final
    (marked,) = await _audit(runtime, "award_final")
    assert marked.target_id == 1 and marked.after is not None
    assert marked.after["fingerprint"] == (await _proposal(runtime, 1)).fingerprint
    listing = await sup.say("/khenthuong_ds")
    assert "✅ Chính thức – chốt lúc" in listing and "Chốt #1" not in listing

    # A second proposal for the same review is a draft beside the final one.
    out = await sup.say("/khenthuong 6thang")
    assert "Đợt xét này đã có bản chính thức #1" in out and "Đề xuất #2 vừa lập" in out
    await sup.say("/huy")
    assert not (await _proposal(runtime, 2)).final
    # Marking it asks first; keeping changes nothing.
    out = await sup.say("/khenthuong_chot 2")
    assert "đã có bản chính thức #1" in out and "Thay bằng #2?" in out
    out = await sup.press("Giữ #1")
    assert "Giữ nguyên bản chính thức #1" in out
    assert (await _proposal(runtime, 1)).final and not (await _proposal(runtime, 2)).final
    await sup.say("/khenthuong_chot 2")
    out = await sup.press("Thay bằng #2")
    assert "✅ Đã chốt đề xuất #2" in out and "Bản #1 trở về dự thảo" in out
    assert not (await _proposal(runtime, 1)).final and (await _proposal(runtime, 2)).final
    (unmarked,) = await _audit(runtime, "award_unfinal")
    assert unmarked.target_id == 1 and unmarked.after == {"final_at": None, "replaced_by": 2}
    assert "đã là bản chính thức" in await sup.say("/khenthuong_chot 2")
    assert "Không có đề xuất #99" in await sup.say("/khenthuong_chot 99")
    assert "/khenthuong_chot SỐ_ĐỀ_XUẤT" in await sup.say("/khenthuong_chot abc")

    # Another review (the year) has its own final one, untouched by the half-year's.
    await sup.say("/khenthuong nam")
    await sup.say("/huy")
    out = await sup.say("/khenthuong_chot 3")
    assert "✅ Đã chốt đề xuất #3 – Tổng kết năm 2026" in out
    assert (await _proposal(runtime, 2)).final and (await _proposal(runtime, 3)).final


async def test_hamlet_people_cannot_list_or_mark(runtime: Runtime) -> None:
    await seed(runtime)
    await Chat(runtime, "sup").say("/khenthuong 6thang")
    for who in ("head", "bna1"):
        chat = Chat(runtime, who)
        for command in ("/khenthuong_ds", "/khenthuong_chot 1"):
            out = await chat.say(command)
            assert "dành cho cán bộ giám sát" in out and "#1" not in out
    assert not (await _proposal(runtime, 1)).final


async def test_a_review_period_judges_checks_of_its_own_entries(
    runtime: Runtime, clock: FixedClock
) -> None:
    """A household guided in July whose check fails does not rule the officer out of the
    6-month review (01/01–30/06), only out of the year's."""
    seeded = await seed(runtime)
    clock.set(datetime(2026, 8, 1, 3, 0, tzinfo=UTC))
    officer = Chat(runtime, "l366")
    await officer.say("Trần Văn Tháng Bảy, Tổ 2, 0912 777 001, 1, 10/07")
    async with runtime.services.sessions() as session:
        july = await session.scalar(
            select(Entry).join(Household).where(Household.head_name == "Trần Văn Tháng Bảy")
        )
        assert july is not None and july.guided_on == date(2026, 7, 10)
    sup = Chat(runtime, "sup")
    out = await sup.say("/kiemtra L366 100%")
    for _ in range(2):  # Hộ F (13/04) confirms; the July household says nobody came
        out = await sup.press(
            "Không được hướng dẫn" if "Tháng Bảy" in out.rsplit("📞 Thẻ gọi #", 1)[-1] else "Đúng"
        )
    half = await sup.say("/khenthuong 6thang")
    await sup.say("/huy")
    year = await sup.say("/khenthuong nam")
    await sup.say("/huy")
    name = seeded.l366.display_name
    assert name in year and "kiểm tra không đạt" in year.split(name, 1)[1].split("\n")[0]
    assert "kiểm tra không đạt" not in half.split("Ba Sáu Sáu")[-1].split("\n")[0]
