"""Award dossiers end to end (console Chat and the Telegram fake, over the seeded campaign):
a dossier for every hamlet with any proposal, individuals only included; the office warned
about sampled households not yet called; a hamlet head's /hoso from the final proposal,
with nothing about the sample in it.

Seeded proposal "since the start" (tests/support/seed.py): NHO is the collective (19/20); no
special prize; every officer with a household is proposed as an individual (cap 26), so
BNA, L364, L365 and L366 are proposed for individuals only.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot.runtime import Runtime
from handlers.engine.i18n import t
from handlers.engine.messages import Reply
from handlers.render.award_docs import draft_marks
from models.campaign import Hamlet
from models.people import Role
from models.proposal import AwardProposal
from models.records import AuditEvent
from models.registry import campaign_by_code
from models.sampling import Rule, create_batch
from models.verification import Check
from tests.support.campaign import NOW, make_user
from tests.support.chat import Chat
from tests.support.seed import TELEGRAM_IDS, Seeded, seed
from tests.support.telegram_fake import Sent, TelegramHarness, seeded_telegram, texts

pytestmark = pytest.mark.slow  # award dossiers written and read back

ALL_HAMLETS = ["Ấp Ba Sáu Lăm", "Ấp Ba Sáu Sáu", "Ấp Ba Sáu Tư", "Ấp Bãi Nhà A", "Ấp Nhỏ"]
WARNING = "còn {n} hộ trong mẫu kiểm tra chưa được gọi điện: kết quả có thể thay đổi."


def _files(replies: list[Reply]) -> dict[str, Path]:
    return {r.file.name: r.file for r in replies if r.file is not None}


def _text(path: Path | io.BytesIO) -> str:
    document = docx.Document(path if isinstance(path, io.BytesIO) else str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for table in document.tables for row in table.rows for c in row.cells]
    return "\n".join(parts).replace("\u00a0", " ")


async def _propose(chat: Chat) -> str:
    await chat.say("/khenthuong")
    return await chat.press("Từ đầu phong trào")


async def _latest(runtime: Runtime) -> AwardProposal:
    async with runtime.services.sessions() as session:
        proposal: AwardProposal | None = await session.scalar(
            select(AwardProposal).order_by(AwardProposal.id.desc())
        )
        assert proposal is not None
        return proposal


async def _finalize(runtime: Runtime, by: int) -> int:
    """The council's decision (its own command is another module's): the latest proposal."""
    async with runtime.services.sessions() as session, session.begin():
        proposal: AwardProposal | None = await session.scalar(
            select(AwardProposal).order_by(AwardProposal.id.desc())
        )
        assert proposal is not None
        proposal.final_at, proposal.final_by = NOW, by
        return int(proposal.id)


async def _draw(runtime: Runtime, seeded: Seeded, code: str, per_hamlet: int) -> int:
    """A spot-check list for one hamlet, nobody called yet; returns how many were drawn."""
    async with runtime.services.sessions() as session, session.begin():
        hamlets = list(await session.scalars(select(Hamlet).where(Hamlet.code == code)))
        campaign = await campaign_by_code(session, runtime.settings.campaign.code)
        batch = await create_batch(
            session,
            campaign_id=campaign.id,
            hamlets=hamlets,
            rule=Rule("count", per_hamlet=per_hamlet),
            actor_id=seeded.supervisor.id,
            now=NOW,
            seed="d0551e7d0551e7d0",
        )
        assert batch is not None
        drawn = list(await session.scalars(select(Check).where(Check.batch_id == batch.id)))
        return len(drawn)


# ------------------------------------------------------------ 1. every hamlet gets one


async def test_every_hamlet_with_any_proposal_gets_a_dossier(runtime: Runtime) -> None:
    await seed(runtime)
    sup = Chat(runtime, "sup")
    await _propose(sup)
    labels = [o.label for r in sup.last for o in r.options]
    assert (
        sorted(label.removeprefix("📄 Hồ sơ ") for label in labels if label.startswith("📄"))
        == ALL_HAMLETS
    )
    assert "📦 Tất cả 5 hồ sơ (.zip)" in labels

    # BNA: two officers proposed, nothing else – a dossier about individuals only.
    out = await sup.press("Hồ sơ Ấp Bãi Nhà A")
    assert "⚠️" not in out  # nothing drawn yet
    files = _files(sup.last)
    assert sorted(files) == [
        "khen-thuong-1-BNA-bien-ban.docx",
        "khen-thuong-1-BNA-minh-chung.xlsx",
        "khen-thuong-1-BNA-to-trinh.docx",
    ]
    assert "bản dự thảo" in out
    submission = _text(files["khen-thuong-1-BNA-to-trinh.docx"])
    assert "Về việc đề nghị khen thưởng cá nhân trong phong trào thi đua" in submission
    assert "tập thể" not in submission and "giải đặc biệt" not in submission
    assert "1. Khen thưởng cá nhân" in submission
    assert "Trần Văn Siêng" in submission and "Lê Thị Lười" in submission
    assert "BAN NHÂN DÂN ẤP BÃI NHÀ A" in submission
    assert "Kiên Hải, ngày …… tháng …… năm 2026" in submission
    assert "(bản đề xuất số 1, bản dự thảo)" in submission
    assert draft_marks(files["khen-thuong-1-BNA-to-trinh.docx"]) == ["DỰ THẢO"]
    minutes = _text(files["khen-thuong-1-BNA-bien-ban.docx"])
    assert "a) Khen thưởng cá nhân" in minutes
    assert "- Ông/Bà Trần Văn Siêng: đã hướng dẫn 3 hộ" in minutes
    assert draft_marks(files["khen-thuong-1-BNA-bien-ban.docx"]) == ["DỰ THẢO"]

    # NHO: the collective and its one officer.
    await sup.press("Hồ sơ Ấp Nhỏ")
    files = _files(sup.last)
    nho = _text(files["khen-thuong-1-NHO-to-trinh.docx"])
    assert "Về việc đề nghị khen thưởng tập thể và cá nhân" in nho
    assert "1. Khen thưởng tập thể" in nho and "2. Khen thưởng cá nhân" in nho
    assert "tặng Giấy khen cho tập thể Ban nhân dân ấp Nhỏ: đã hướng dẫn 19/20 hộ" in nho
    assert "95,0%" in nho and "Phạm Văn Nhỏ" in nho


# ------------------------------------------------------- 2. the office is warned, not heads


async def test_office_is_warned_about_households_not_yet_called(runtime: Runtime) -> None:
    seeded = await seed(runtime)
    drawn = await _draw(runtime, seeded, "BNA", per_hamlet=3)
    assert drawn == 3
    sup = Chat(runtime, "sup")
    await _propose(sup)
    out = await sup.press("Hồ sơ Ấp Bãi Nhà A")
    warning = "⚠️ Ấp Bãi Nhà A " + WARNING.format(n=3)
    assert warning in out
    # With the first file, the Tờ trình
    assert sup.last[0].text.startswith(warning + "\n\n📄 Tờ trình")
    assert sup.last[0].file is not None and sup.last[0].file.name.endswith("to-trinh.docx")
    out = await sup.press("Hồ sơ Ấp Nhỏ")
    assert "⚠️" not in out  # nothing drawn in NHO
    out = await sup.press("Tất cả 5 hồ sơ")
    assert warning in out and out.count("⚠️") == 1

    # The council decides; the head of BNA gets the files, and not a word about the sample.
    await _finalize(runtime, seeded.supervisor.id)
    head = Chat(runtime, "head")
    out = await head.say("/hoso")
    assert "⚠️" not in out and "mẫu" not in out and "gọi" not in out
    files = _files(head.last)
    assert len(files) == 3
    book = load_workbook(files["khen-thuong-1-BNA-minh-chung.xlsx"])
    cells = [
        str(v)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    assert t("vi", "xl_check_open") not in cells  # no household on a list shows as such
    for name in ("khen-thuong-1-BNA-to-trinh.docx", "khen-thuong-1-BNA-bien-ban.docx"):
        assert "mẫu kiểm tra" not in _text(files[name])


# --------------------------------------------------------------- 3. the head's /hoso


async def test_head_gets_own_dossier_from_the_final_proposal_only(runtime: Runtime) -> None:
    seeded = await seed(runtime)
    head = Chat(runtime, "head")
    out = await head.say("/hoso")
    assert "Phòng VH-XH chưa chốt đề xuất khen thưởng chính thức" in out
    assert head.last[-1].file is None

    sup = Chat(runtime, "sup")
    await _propose(sup)
    out = await head.say("/hoso")  # a draft is not for the hamlet
    assert "chưa chốt đề xuất khen thưởng chính thức" in out and not _files(head.last)

    proposal_id = await _finalize(runtime, seeded.supervisor.id)
    out = await head.say("/hoso")
    assert "Hồ sơ khen thưởng của Ấp Bãi Nhà A theo đề xuất chính thức" in out
    files = _files(head.last)
    assert sorted(files) == [
        f"khen-thuong-{proposal_id}-BNA-bien-ban.docx",
        f"khen-thuong-{proposal_id}-BNA-minh-chung.xlsx",
        f"khen-thuong-{proposal_id}-BNA-to-trinh.docx",
    ]
    assert "bản chính thức" in out
    submission = files[f"khen-thuong-{proposal_id}-BNA-to-trinh.docx"]
    text = _text(submission)
    assert draft_marks(submission) == []
    assert "(bản đề xuất số 1, bản chính thức)" in text and "DỰ THẢO" not in text
    assert "Trần Văn Siêng" in text and "Phạm Văn Nhỏ" not in text  # only their hamlet
    book = load_workbook(files[f"khen-thuong-{proposal_id}-BNA-minh-chung.xlsx"])
    codes = {
        row[1]
        for row in book["Hộ đã hướng dẫn"].iter_rows(min_row=4, values_only=True)
        if row[0] is not None
    }
    assert codes == {"BNA"}
    async with runtime.services.sessions() as session:
        exports = list(
            await session.scalars(
                select(AuditEvent.after).where(
                    AuditEvent.action == "export", AuditEvent.actor_id == seeded.head_bna.id
                )
            )
        )
        assert [(e["files"], e["hamlet"]) for e in exports if e] == [("dossier", "BNA")]

    # An officer may not; the office gets every hamlet's, zipped.
    out = await Chat(runtime, "bna1").say("/hoso")
    assert "dành cho trưởng ấp" in out
    out = await sup.say("/hoso")
    assert f"Hồ sơ khen thưởng theo đề xuất chính thức #{proposal_id}" in out
    archive = next(r.file for r in sup.last if r.file is not None)
    with zipfile.ZipFile(archive) as zf:
        assert sorted({name.split("/")[0] for name in zf.namelist()}) == [
            "BNA",
            "L364",
            "L365",
            "L366",
            "NHO",
        ]
        assert len(zf.namelist()) == 15


async def test_head_of_a_hamlet_without_a_proposal(runtime: Runtime) -> None:
    sup = await make_user(
        runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Phòng Văn hóa Xã hội"
    )
    await make_user(
        runtime, external_id="head", role=Role.HAMLET_HEAD, hamlet="BNA", name="Trưởng Ấp"
    )
    await _propose(Chat(runtime, "sup"))
    await _finalize(runtime, sup.id)
    out = await Chat(runtime, "head").say("/hoso")
    assert "Ấp Bãi Nhà A không có tập thể hay cá nhân nào được đề nghị khen thưởng" in out
    assert (await _latest(runtime)).final


async def test_english_alias(runtime: Runtime) -> None:
    await seed(runtime)
    out = await Chat(runtime, "head").say("/dossier")
    assert "chưa chốt đề xuất" in out


# ----------------------------------------------------------------- 4. through Telegram


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    async with seeded_telegram(runtime) as harness:
        yield harness


def _documents(sent: list[Sent]) -> dict[str, bytes]:
    return {
        name: data for s in sent if s.method == "sendDocument" for name, data in s.files.values()
    }


async def test_head_dossier_on_telegram(tg: TelegramHarness, runtime: Runtime) -> None:
    sup, head = int(TELEGRAM_IDS["sup"]), int(TELEGRAM_IDS["head"])
    sent = await tg.say(head, "/hoso")
    assert "chưa chốt đề xuất khen thưởng chính thức" in texts(sent)
    assert not _documents(sent)

    await tg.say(sup, "/khenthuong")
    await tg.press(sup, "Từ đầu phong trào")
    async with runtime.services.sessions() as session:
        sup_id = await session.scalar(select(AwardProposal.made_by))
    assert sup_id is not None
    await _finalize(runtime, sup_id)

    sent = await tg.say(head, "/hoso")
    assert "Hồ sơ khen thưởng của Ấp Bãi Nhà A theo đề xuất chính thức" in texts(sent)
    docs = _documents(sent)
    assert sorted(n.rsplit("-", 1)[-1] for n in docs) == ["ban.docx", "chung.xlsx", "trinh.docx"]
    submission = next(d for n, d in docs.items() if n.endswith("to-trinh.docx"))
    text = _text(io.BytesIO(submission))
    assert "TỜ TRÌNH" in text and "Về việc đề nghị khen thưởng cá nhân" in text
    assert "TM. BAN NHÂN DÂN ẤP\nTRƯỞNG ẤP\n(Ký, ghi rõ họ tên)" in text
    assert "DỰ THẢO" not in text
