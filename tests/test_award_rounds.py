"""Award rounds (issue 23, item 1): /khenthuong offers the rounds whose period has started,
labelled with their real names and dates, counts only each round's own entries, applies its
caps, and every paper names the round (and its deadline, where the plan sets one).

A campaign over five years (01/01/2026–31/12/2030), today 01/08/2027 10:00. The seeded
entries (tests/support/seed.py) all date from March–April 2026: NHO guided 19 of its 20
households then (95%, the one collective of 2026) and nobody in 2027. In 2027, BNA's
"Trần Văn Siêng" guided three households and NHO's officer none.
"""

from __future__ import annotations

import io
import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.render.award_text import review_name
from handlers.render.docx_layout import WORD_JOINER
from models.campaign import Hamlet
from models.proposal import AwardProposal, stored_eligibility
from models.registry import HouseholdInput, campaign_by_code, create_household_entry
from tests.support.campaign import raw_config
from tests.support.chat import Chat
from tests.support.seed import Seeded, seed

pytestmark = pytest.mark.slow  # proposals and papers over a seeded campaign

THUONG_PHUC = Path(__file__).resolve().parent.parent / "examples/thuong-phuc-2026-2030.toml"
IN_2027 = datetime(2027, 8, 1, 3, 0, tzinfo=UTC)  # 10:00 on 01/08/2027 in Vietnam
FIVE_YEARS = {
    "code": "test-2026-2030",
    "name": "Mỗi ngày hướng dẫn 01 gia đình",
    "unit": "Đặc khu Kiên Hải",
    "start": date(2026, 1, 1),
    "end": date(2030, 12, 31),
}


def _round(code: str, name: str, start: date, end: date, deadline: date) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "start": start,
        "end": end,
        "max_collective_awards": 5,
        "max_individual_awards": 10,
        "max_special_prizes": 2,
        "deadline": deadline,
    }


# A plan like Cát Hải's: yearly rounds and one for the phase, dossiers due 20/02.
CONFIGURED = [
    *(
        _round(
            f"nam{year}",
            f"Khen thưởng năm {year}",
            date(year, 1, 1),
            date(year, 12, 31),
            date(year + 1, 2, 20),
        )
        for year in (2026, 2027, 2028)
    ),
    _round(
        "giaidoan",
        "Tổng kết giai đoạn 2026–2030",
        date(2026, 1, 1),
        date(2030, 12, 31),
        date(2031, 2, 20),
    ),
]


@asynccontextmanager
async def _running(
    tmp_path: Path, database_url: str, clock: FixedClock, **overrides: Any
) -> AsyncIterator[Runtime]:
    raw = raw_config(
        tmp_path, database={"url": database_url}, **{"campaign": FIVE_YEARS, **overrides}
    )
    clock.set(IN_2027)
    runtime = build_runtime(parse_settings(raw, tmp_path), clock)
    await sync_from_config(runtime)
    try:
        yield runtime
    finally:
        await runtime.close()


async def _seed_two_years(runtime: Runtime) -> Seeded:
    """The 2026 seed, and three BNA households guided in 2027."""
    seeded = await seed(runtime)
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        bna = await session.scalar(select(Hamlet.id).where(Hamlet.code == "BNA"))
        assert bna is not None
        for n, day in enumerate((date(2027, 2, 3), date(2027, 3, 9), date(2027, 7, 30)), 1):
            await create_household_entry(
                session,
                campaign_id=camp.id,
                hamlet_id=bna,
                officer=seeded.bna_active,
                now=IN_2027,
                data=HouseholdInput(
                    name=f"Hộ Năm Sau {n}",
                    address="Tổ 4, BNA",
                    phone=f"+8491288800{n}",
                    procedure_codes=("KS",),
                    dossier_code="",
                    guided_on=day,
                ),
            )
    return seeded


async def _latest(runtime: Runtime) -> AwardProposal:
    async with runtime.services.sessions() as session:
        proposal: AwardProposal | None = await session.scalar(
            select(AwardProposal).order_by(AwardProposal.id.desc())
        )
        assert proposal is not None
        return proposal


async def _count(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        return len(list(await session.scalars(select(AwardProposal.id))))


def _labels(chat: Chat) -> list[str]:
    return [option.label for option in chat.last[-1].options]


def _guided(proposal: AwardProposal) -> dict[str, int]:
    return {h.code: h.guided for h in stored_eligibility(proposal).hamlets}


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for table in document.tables for row in table.rows for c in row.cells]
    # Spaces kept together and "2026–2030" kept on one line read as plain text here
    return "\n".join(parts).replace("\u00a0", " ").replace(WORD_JOINER, "")


def _files(chat: Chat) -> dict[str, Path]:
    return {r.file.name: r.file for r in chat.last if r.file is not None}


# --------------------------------------------------- the default rounds of a five-year campaign


async def test_five_years_offer_the_started_years_and_the_phase(
    tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    async with _running(tmp_path, database_url, clock) as runtime:
        await _seed_two_years(runtime)
        sup = Chat(runtime, "sup")
        out = await sup.say("/khenthuong")
        assert "Xét khen thưởng cho kỳ nào?" in out
        assert _labels(sup) == [
            "Tổng kết năm 2026 (01/01/2026 – 31/12/2026)",
            "Tổng kết năm 2027 (01/01/2027 – 31/12/2027)",
            "Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)",
            "Từ đầu phong trào đến nay (01/01/2026 – 01/08/2027)",
        ]
        assert "2028" not in out and "Tổng kết năm 2030" not in out

        # The 2027 round counts 2027 alone: NHO, all guided in 2026, has nobody in it.
        out = await sup.press("Tổng kết năm 2027")
        assert "ĐỀ XUẤT KHEN THƯỞNG #1 – Tổng kết năm 2027 (01/01/2027 – 31/12/2027)" in out
        assert "Số liệu tính đến hết ngày 01/08/2027" in out
        assert "TẬP THỂ (tối đa 6 ấp)" in out and "CÁ NHÂN (tối đa 26 người)" in out
        assert "Trần Văn Siêng (BNA) – 3 hộ" in out and "Ấp Nhỏ (NHO) –" not in out
        assert "Hạn gửi hồ sơ" not in out  # no deadline unless the plan sets one
        year2027 = await _latest(runtime)
        assert year2027.period_kind == "year2027"
        assert (year2027.period_start, year2027.period_end) == (
            date(2027, 1, 1),
            date(2027, 12, 31),
        )
        assert year2027.as_of == date(2027, 8, 1)
        assert _guided(year2027) == {"BNA": 3, "L364": 0, "L365": 0, "L366": 0, "NHO": 0}
        await sup.say("/huy")

        # Typed: "năm 2026" is that year's round; there NHO is the collective at 95%.
        out = await sup.say("/khenthuong năm 2026")
        assert "#2 – Tổng kết năm 2026 (01/01/2026 – 31/12/2026)" in out
        assert "1. Ấp Nhỏ (NHO) – 95,0% (19/20 hộ)" in out
        year2026 = await _latest(runtime)
        assert year2026.period_kind == "year2026" and year2026.as_of == date(2026, 12, 31)
        assert _guided(year2026)["NHO"] == 19 and _guided(year2026)["BNA"] == 5
        await sup.say("/huy")

        # "giai đoạn" is the whole phase: both years.
        out = await sup.say("/khenthuong giai đoạn")
        assert "#3 – Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)" in out
        phase = await _latest(runtime)
        assert phase.period_kind == "phase" and _guided(phase)["BNA"] == 8
        await sup.say("/huy")
        # "nam" alone, as in a one-year campaign: this year's round.
        await sup.say("/khenthuong nam")
        assert (await _latest(runtime)).period_kind == "year2027"
        await sup.say("/huy")

        listing = await sup.say("/khenthuong_ds")
        assert "#3 · Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)" in listing
        assert "#2 · Tổng kết năm 2026 (01/01/2026 – 31/12/2026)" in listing
        assert "#1 · Tổng kết năm 2027 (01/01/2027 – 31/12/2027)" in listing


async def test_a_round_not_started_or_missing_is_refused(
    tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    async with _running(tmp_path, database_url, clock) as runtime:
        await _seed_two_years(runtime)
        sup = Chat(runtime, "sup")
        out = await sup.say("/khenthuong year2029")
        assert (
            "Đợt «Tổng kết năm 2029 (01/01/2029 – 31/12/2029)» đến ngày 01/01/2029 mới bắt đầu"
            in out
        )
        assert "Tổng kết năm 2027" in out  # asked again, with the rounds that have started
        out = await sup.say("/khenthuong năm 2031")
        assert "không có đợt khen nào tính riêng năm 2031" in out
        assert "• Tổng kết năm 2028 (01/01/2028 – 31/12/2028) – mã year2028 (bắt đầu từ" in out
        assert "• Tổng kết năm 2027 (01/01/2027 – 31/12/2027) – mã year2027\n" in out
        out = await sup.say("/khenthuong tuần này")
        assert "Không rõ đợt xét «tuần này»" in out and "mã phase" in out
        assert await _count(runtime) == 0


async def test_one_final_per_round(tmp_path: Path, database_url: str, clock: FixedClock) -> None:
    async with _running(tmp_path, database_url, clock) as runtime:
        await _seed_two_years(runtime)
        sup = Chat(runtime, "sup")
        for typed in ("năm 2026", "năm 2027", "năm 2027"):
            await sup.say(f"/khenthuong {typed}")
            await sup.say("/huy")
        assert "✅ Đã chốt đề xuất #1 – Tổng kết năm 2026" in await sup.say("/khenthuong_chot 1")
        # Another round: its own final, beside the 2026 one.
        assert "✅ Đã chốt đề xuất #2 – Tổng kết năm 2027" in await sup.say("/khenthuong_chot 2")
        # The same round: asked before replacing.
        out = await sup.say("/khenthuong_chot 3")
        assert (
            "Đợt xét «Tổng kết năm 2027 (01/01/2027 – 31/12/2027)» đã có bản chính thức #2" in out
        )
        await sup.press("Thay bằng #3")
        async with runtime.services.sessions() as session:
            finals = {p.id: p.final for p in await session.scalars(select(AwardProposal))}
        assert finals == {1: True, 2: False, 3: True}
        # /hoso gives the latest final, or the final of the round typed.
        assert "#3" in await sup.say("/hoso")
        year_2026 = await sup.say("/hoso năm 2026")
        assert "#1" in year_2026 and "#3" not in year_2026
        assert "#3" in await sup.say("/hoso nam 2027")
        assert "Chưa có đề xuất khen thưởng chính thức" in await sup.say("/hoso giai đoạn")


async def test_phase_papers_never_say_year(
    tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    async with _running(tmp_path, database_url, clock) as runtime:
        await _seed_two_years(runtime)
        sup = Chat(runtime, "sup")
        await sup.say("/khenthuong giai doan")
        await sup.press("Hồ sơ Ấp Bãi Nhà A")
        submission = next(p for n, p in _files(sup).items() if n.endswith("-to-trinh.docx"))
        text = _docx_text(submission)
        assert "“Mỗi ngày hướng dẫn 01 gia đình”, tổng kết giai đoạn 2026–2030" in text
        assert "“Mỗi ngày hướng dẫn 01 gia đình” giai đoạn 2026–2030;" in text  # the plan
        assert "năm 2030" not in text and "tổng kết năm" not in text
        await sup.say("/huy")

        out = await sup.say("/vanban")
        assert "Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030) · đề xuất #1 dự thảo" in out
        assert "Tổng kết năm 2026 (01/01/2026 – 31/12/2026) · chưa có đề xuất" in out
        out = await sup.say("/vanban giai đoạn")
        assert "Văn bản tổng kết giai đoạn 2026–2030 của Phòng Văn hóa – Xã hội" in out
        files = _files(sup)
        report = _docx_text(next(p for n, p in files.items() if n.endswith("-bao-cao.docx")))
        assert "Tổng kết giai đoạn 2026–2030 thực hiện phong trào thi đua" in report
        assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO" in report
        assert "NĂM 2031" not in report and "tổng kết năm" not in report
        to_council = _docx_text(next(p for n, p in files.items() if n.endswith("-to-trinh.docx")))
        assert "giai đoạn 2026–2030;" in to_council


# ------------------------------------------------------------------- configured rounds


async def test_configured_rounds_names_caps_and_deadline(
    tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    async with _running(tmp_path, database_url, clock, awards={"rounds": CONFIGURED}) as runtime:
        await _seed_two_years(runtime)
        sup = Chat(runtime, "sup")
        await sup.say("/khenthuong")
        assert _labels(sup) == [
            "Khen thưởng năm 2026 (01/01/2026 – 31/12/2026)",
            "Khen thưởng năm 2027 (01/01/2027 – 31/12/2027)",
            "Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)",
            "Từ đầu phong trào đến nay (01/01/2026 – 01/08/2027)",
        ]
        out = await sup.press("Khen thưởng năm 2027")
        assert "ĐỀ XUẤT KHEN THƯỞNG #1 – Khen thưởng năm 2027 (01/01/2027 – 31/12/2027)" in out
        assert "TẬP THỂ (tối đa 5 ấp)" in out and "CÁ NHÂN (tối đa 10 người)" in out
        assert "GIẢI ĐẶC BIỆT (tối đa 2 ấp)" in out
        assert "⏰ Hạn gửi hồ sơ về Phòng Văn hóa – Xã hội: 20/02/2028" in out
        proposal = await _latest(runtime)
        assert proposal.period_kind == "nam2027"
        assert proposal.caps == {"collective": 5, "individual": 10, "special": 2}
        elig = stored_eligibility(proposal)
        assert (elig.collective.cap, elig.individual.cap, elig.special.cap) == (5, 10, 2)
        assert _guided(proposal)["NHO"] == 0 and _guided(proposal)["BNA"] == 3

        out = await sup.press("Hồ sơ Ấp Bãi Nhà A")
        assert "⏰ Hạn gửi hồ sơ về Phòng Văn hóa – Xã hội: 20/02/2028" in out
        submission = next(p for n, p in _files(sup).items() if n.endswith("-to-trinh.docx"))
        text = _docx_text(submission)
        assert "“Mỗi ngày hướng dẫn 01 gia đình”, khen thưởng năm 2027" in text
        assert "Hạn gửi hồ sơ về Phòng Văn hóa – Xã hội: 20/02/2028." in text
        assert "giai đoạn 2026–2030;" in text
        book = next(p for n, p in _files(sup).items() if n.endswith("-minh-chung.xlsx"))
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(book.read_bytes())).worksheets[0]
        cells = [str(c) for row in sheet.iter_rows(max_row=4, values_only=True) for c in row]
        assert any(c.startswith("Khen thưởng năm 2027 (01/01/2027 – 31/12/2027)") for c in cells)
        await sup.say("/huy")

        # Typed: a year, a code, and a round not yet begun.
        await sup.say("/khenthuong nam 2026")
        assert (await _latest(runtime)).period_kind == "nam2026"
        await sup.say("/huy")
        out = await sup.say("/khenthuong nam2028")
        assert "Đợt «Khen thưởng năm 2028 (01/01/2028 – 31/12/2028)» đến ngày 01/01/2028" in out
        assert (await _latest(runtime)).id == 2

        listing = await sup.say("/khenthuong_ds")
        assert "#2 · Khen thưởng năm 2026 (01/01/2026 – 31/12/2026)" in listing
        # The hamlet head's /hoso: the council's final proposal, with the round's deadline.
        assert "✅ Đã chốt đề xuất #1 – Khen thưởng năm 2027" in await sup.say("/khenthuong_chot 1")
        out = await Chat(runtime, "head").say("/hoso")
        assert "khen thưởng năm 2027" in out
        assert "⏰ Hạn gửi hồ sơ về Phòng Văn hóa – Xã hội: 20/02/2028" in out
        out = await sup.say("/vanban năm 2027")
        assert "Văn bản khen thưởng năm 2027 của Phòng Văn hóa – Xã hội" in out
        report = _docx_text(next(p for n, p in _files(sup).items() if n.endswith("-bao-cao.docx")))
        assert "Khen thưởng năm 2027 thực hiện phong trào thi đua" in report
        assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2028" in report


async def test_the_thuong_phuc_rounds_typed(
    tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    """The example plan's rounds (examples/): its own 6-month review answers "6 tháng"."""
    plan = tomllib.loads(THUONG_PHUC.read_text(encoding="utf-8"))
    caps = {k: v for k, v in plan["campaign"].items() if k.startswith("max_")}
    async with _running(
        tmp_path,
        database_url,
        clock,
        campaign={**FIVE_YEARS, **caps},
        awards={"rounds": plan["awards"]["rounds"]},
    ) as runtime:
        await _seed_two_years(runtime)
        sup = Chat(runtime, "sup")
        for typed, code, label in (
            ("6 thang", "so-ket-6t-2026", "Sơ kết 6 tháng đầu năm 2026 (01/01/2026 – 30/06/2026)"),
            ("năm 2027", "nam-2027", "Khen thưởng năm 2027 (01/01/2027 – 31/12/2027)"),
            ("giai đoạn", "tong-ket-gd", "Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)"),
            ("nam-2026", "nam-2026", "Khen thưởng năm 2026 (01/01/2026 – 31/12/2026)"),
        ):
            out = await sup.say(f"/khenthuong {typed}")
            assert "ĐỀ XUẤT KHEN THƯỞNG #" in out and label in out, typed
            proposal = await _latest(runtime)
            assert proposal.period_kind == code
            assert proposal.caps == {"collective": 5, "individual": 10, "special": 0}, typed
            await sup.say("/huy")


# ------------------------------------------------------------------ one year, as before


async def test_one_year_default_rounds_unchanged(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    await sup.say("/khenthuong")
    assert _labels(sup) == [
        "Sơ kết 6 tháng (01/01/2026 – 30/06/2026)",
        "Tổng kết năm 2026 (01/01/2026 – 31/12/2026)",
        "Từ đầu phong trào đến nay (01/01/2026 – 15/04/2026)",
    ]
    out = await sup.press("Sơ kết 6 tháng")
    assert "ĐỀ XUẤT KHEN THƯỞNG #1 – Sơ kết 6 tháng (01/01/2026 – 30/06/2026)" in out
    assert (await _latest(runtime)).period_kind == "half"
    await sup.say("/huy")
    out = await sup.say("/khenthuong abc")
    assert "Không rõ kỳ xét «abc». Gõ /khenthuong 6 thang, /khenthuong nam" in out
    await sup.say("/huy")
    await sup.say("/khenthuong tongket")
    assert (await _latest(runtime)).period_kind == "year"


def test_stored_reviews_named_by_their_code() -> None:
    """A proposal whose round is no longer configured keeps a name from its code and dates;
    a span of several years is never a year."""
    jan, dec = date(2026, 1, 1), date(2026, 12, 31)
    assert review_name("vi", "half", jan, date(2026, 6, 30)) == (
        "Sơ kết 6 tháng (01/01/2026 – 30/06/2026)"
    )
    assert review_name("vi", "year", jan, dec) == "Tổng kết năm 2026 (01/01/2026 – 31/12/2026)"
    assert review_name("vi", "year", jan, date(2030, 12, 31)) == (
        "Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)"
    )
    assert review_name("vi", "year2027", date(2027, 1, 1), date(2027, 12, 31)) == (
        "Tổng kết năm 2027 (01/01/2027 – 31/12/2027)"
    )
    assert review_name("vi", "phase", jan, date(2030, 12, 31)) == (
        "Tổng kết giai đoạn 2026–2030 (01/01/2026 – 31/12/2030)"
    )
    assert review_name("vi", "nam2027", date(2027, 1, 1), date(2027, 12, 31)) == (
        "Kỳ 01/01/2027 – 31/12/2027"
    )
    assert review_name("en", "phase", jan, date(2030, 12, 31)) == (
        "Phase review 2026–2030 (01/01/2026 – 31/12/2030)"
    )
