"""The sample is secret until called (issue 17, item 1).

A supervisor flags a household and draws a sample of hamlet BNA; until a check has an
outcome, nothing the hamlet's head or officer can get says that a household is on a list:
every reply and file they can reach (/baocao in its periods and menu, /xuat xlsx and csv,
/tiendo, /cuatoi, the weekly summary, the award commands) is exactly what it was before
the draw, with no "Chưa gọi", no count of checks to call, no flag. Once a call has an
outcome, the hamlet sees that result (and still nothing of the checks left to call).
Supervisors see everything throughout.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

import handlers.engine.core  # noqa: F401  (registers every command)
from bot.runtime import Runtime
from handlers.reports.summaries import weekly_digest, weekly_message
from models.households import Household
from models.notifications import returns_due
from models.people import Role, User
from models.periods import resolve
from models.registry import campaign_by_code
from models.text import fold
from models.verification import DONE, Batch, Check, Flag
from tests.support.campaign import LONG_AGO, make_user
from tests.support.chat import Chat
from tests.support.privacy import IMAGES, Person, file_text
from tests.support.seed import seed

pytestmark = pytest.mark.slow  # every reply and file, before and after the draw

BNA = [
    Person("Đinh Văn Hải Một", "Số 21 Đường Hải Âu", "0911 333 401"),
    Person("Mạc Thị Hải Hai", "Số 22 Đường Hải Âu", "0911 333 402"),
    Person("Tôn Văn Hải Ba", "Số 23 Đường Hải Âu", "0911 333 403"),
]
DRAWN_REASON = "Nghi vấn ghi khống hộ này"
PENDING_REASON = "Gọi lại hộ này đợt sau"
# What would give a pending check, a flag or the draw away, folded (no marks, lower case).
TRACES = [
    fold(s)
    for s in (
        "Chưa gọi",
        "Not called yet",
        "left to call",
        DRAWN_REASON,
        PENDING_REASON,
        "🚩",
        "Thẻ gọi",
        "seed",
    )
]
# Every message a head or an officer can send that reports on the hamlet, and each
# answer to the menu it opens (typed as the number of the option).
MESSAGES = [
    "/baocao",
    "/baocao tuannay",
    "/baocao tuantruoc",
    "/baocao thangnay",
    "/baocao quynay",
    "/baocao soket",
    "/baocao tongket",
    "/baocao BNA",
    "/baocao 01/04/2026 15/04/2026",
    "/xuat tudau",
    "/xuat csv tudau",
    "/xuat csv",
    "/xuat BNA canam",
    "/tiendo",
    "/tiendo BNA",
    "/cuatoi",
    "/giaitrinh",
    "/khenthuong",
    "/khenthuong nay",
    "/khenthuong_ct BNA",
    "/kiemtra",
    "/kiemtra_ds",
    "/kiemtra_xet",
    "/danhdau 1 x",
]
MENU_STEPS = 10  # the /baocao menu: 8 periods, custom dates, export


async def _campaign_id(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        return (await campaign_by_code(session, runtime.settings.campaign.code)).id


async def _weekly(runtime: Runtime, user: User) -> str:
    async with runtime.services.sessions() as session:
        today = runtime.services.clock.now().date()
        digest = await weekly_digest(
            session,
            runtime.settings,
            campaign_id=await _campaign_id(runtime),
            period=resolve("last_week", runtime.settings.campaign, today),
            today=today,
        )
    return weekly_message(digest, user, "vi") or ""


async def _seen(chat: Chat, message: str) -> list[str]:
    """The rendered reply and the text of every file it carries (charts aside)."""
    # Each request's files go to a folder of its own: its name is not what is compared.
    seen = [re.sub(r"[\\/]outbox[\\/][0-9a-f]+", "/outbox/…", await chat.say(message))]
    for reply in chat.last:
        for path in (reply.file, reply.image):
            if path is not None and path.suffix.lower() not in IMAGES:
                assert path.exists(), (message, path)
                seen.append(f"[{path.name}]\n{file_text(path)}")
    return seen


async def _everything(runtime: Runtime, who: str, user: User) -> dict[str, list[str]]:
    """What `who` gets from every message and menu step, and their weekly summary."""
    chat = Chat(runtime, who)
    got: dict[str, list[str]] = {}
    for message in MESSAGES:
        got[message] = await _seen(chat, message)
        await chat.say("/huy")
    for step in range(1, MENU_STEPS + 1):
        await chat.say("/baocao")
        got[f"/baocao → {step}"] = await _seen(chat, str(step))
        await chat.say("/huy")
    for step in range(1, 10):
        await chat.say("/xuat")
        got[f"/xuat → {step}"] = await _seen(chat, str(step))
        await chat.say("/huy")
    got["weekly"] = [await _weekly(runtime, user)]
    return got


def _check_rows(files: list[Path]) -> list[list[str]]:
    """The rows under the header of the spot-checks sheet or CSV part (none if absent)."""
    for path in files:
        if path.suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            if "Kiểm tra" in book.sheetnames:
                return [
                    [str(v) for v in row if v is not None]
                    for row in book["Kiểm tra"].iter_rows(min_row=4, values_only=True)
                ]
        elif path.name.endswith("-kiem-tra.csv"):
            with path.open(encoding="utf-8-sig", newline="") as f:
                return list(csv.reader(f))[1:]
    return []


def _assert_no_trace(got: dict[str, list[str]], who: str, seed: str) -> None:
    """No pending check, no flag, and not the draw's seed (with it and the hamlet's own
    entries the list could be drawn again)."""
    for message, texts in got.items():
        for text in texts:
            folded = fold(text)
            for trace in (*TRACES, seed):
                assert trace not in folded, (who, message, trace, text)


async def test_the_sample_is_secret_until_called(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="can_bo", name="Cán Bộ Bãi Nhà", joined=LONG_AGO)
    head = await make_user(
        runtime,
        external_id="truong_ap",
        role=Role.HAMLET_HEAD,
        name="Trưởng Ấp Bãi Nhà",
        joined=LONG_AGO,
    )
    await make_user(
        runtime,
        external_id="sup",
        hamlet=None,
        role=Role.SUPERVISOR,
        name="Phòng Văn hóa Xã hội",
        joined=LONG_AGO,
    )
    logger = Chat(runtime, "can_bo")
    ids = []
    for person in BNA:
        out = await logger.say(person.line)
        assert "Đã lưu hộ" in out, out
        ids.append(int(re.findall(r"#(\d+)", out)[0]))
    # What the hamlet sees before any draw: the same must be all it sees after one.
    before = {
        "head": await _everything(runtime, "truong_ap", head),
        "officer": await _everything(runtime, "can_bo", officer),
    }
    # The scan reads what it should: the head's spreadsheets list the hamlet's households.
    assert BNA[0].name in "\n".join(before["head"]["/xuat tudau"])
    assert "Tiến độ" in "\n".join(before["officer"]["/tiendo"])

    sup = Chat(runtime, "sup")
    assert "Đã đánh dấu" in await sup.say(f"/danhdau {ids[0]} {DRAWN_REASON}")
    out = await sup.say("/kiemtra BNA 100%")
    assert "Đã rút đợt kiểm tra #1: 3 hộ" in out and "📞 Thẻ gọi #" in out, out
    await sup.press("Dừng")
    assert "Đã đánh dấu" in await sup.say(f"/danhdau {ids[1]} {PENDING_REASON}")
    async with runtime.services.sessions() as session:
        checks = list(await session.scalars(select(Check).order_by(Check.position)))
        flags = list(await session.scalars(select(Flag).order_by(Flag.id)))
        seed = str(await session.scalar(select(Batch.seed)))
    assert len(checks) == 3 and {c.status for c in checks} == {"open"}
    assert [c.flagged for c in checks].count(True) == 1
    assert [f.batch_id for f in flags] == [1, None]  # one drawn, one waiting for the next

    # Supervisors see the list waiting to be called.
    assert "còn 3 hộ chưa gọi" in await sup.say("/baocao BNA")
    await sup.say("/huy")
    sup_files = "\n".join(await _seen(sup, "/xuat tudau"))
    assert sup_files.count("Chưa gọi") == 3

    after = {
        "head": await _everything(runtime, "truong_ap", head),
        "officer": await _everything(runtime, "can_bo", officer),
    }
    for who in ("head", "officer"):
        _assert_no_trace(after[who], who, seed)
        for message, texts in after[who].items():
            assert texts == before[who][message], (who, message)

    # The supervisor calls the first card: the household confirms.
    out = await sup.say("/kiemtra")
    out = await sup.press("Gọi tiếp")
    assert "📞 Thẻ gọi #" in out, out
    out = await sup.press("Đúng, đã được hướng dẫn")
    assert "Đã xác nhận" in out, out
    await sup.press("Dừng")
    async with runtime.services.sessions() as session:
        done = list(await session.scalars(select(Check).where(Check.status == DONE)))
        assert len(done) == 1
        called = await session.get(Household, done[0].household_id)
        assert called is not None

    # The answered result is the hamlet's to see; the two left to call still are not.
    answered = {
        "head": await _everything(runtime, "truong_ap", head),
        "officer": await _everything(runtime, "can_bo", officer),
    }
    for who in ("head", "officer"):
        _assert_no_trace(answered[who], who, seed)
    report = "\n".join(answered["head"]["/baocao"])
    assert "🔎 Kiểm tra" in report and "Đã gọi xong 1 hộ: ✅ 1 xác nhận" in report, report
    assert "Cán Bộ Bãi Nhà: 1 hộ · ✅ 1" in report, report
    weekly = answered["head"]["weekly"][0]
    assert "đã gọi xong 1 hộ: ✅ 1" in weekly, weekly
    chat = Chat(runtime, "truong_ap")
    for export in ("/xuat tudau", "/xuat csv tudau"):
        await chat.say(export)
        rows = _check_rows([r.file for r in chat.last if r.file is not None])
        assert len(rows) == 1, (export, rows)  # the one called, not the two left to call
        assert "Đã xác nhận" in rows[0] and called.head_name in rows[0], (export, rows)
    # The officer's own figures have no report to show them; their view is unchanged.
    for message in ("/tiendo", "/cuatoi", "/baocao", "/xuat tudau"):
        assert answered["officer"][message] == before["officer"][message], message
    # No push about the sample either: nothing goes back to the officer for a confirmation.
    async with runtime.services.sessions() as session:
        assert await returns_due(session, channel="console", since=LONG_AGO, max_attempts=3) == []


async def test_the_hamlets_dossier_leaves_pending_checks_out(runtime: Runtime) -> None:
    """The dossier (Tờ trình, Biên bản, evidence list) is the hamlet's own submission and
    goes back to it: its evidence list has no check still to call. The proposal's evidence
    book is the office's and lists them."""
    await seed(runtime)  # NHO: 19 of 20 households, proposed for the collective award
    sup = Chat(runtime, "sup")
    assert "Đã rút đợt kiểm tra #1: 19 hộ" in await sup.say("/kiemtra NHO 100%")
    await sup.press("Dừng")
    office = "\n".join(await _seen(sup, "/khenthuong nay"))
    assert office.count("Chưa gọi") >= 19  # the office's book: each household, each check
    dossier = await _seen(sup, str(_option(sup, "Hồ sơ Ấp Nhỏ")))
    assert len(dossier) == 4, dossier  # the message and three files
    assert "Hộ Nhỏ Số 1" in dossier[3]  # the evidence list is read
    for text in dossier:
        assert "chua goi" not in fold(text), text
    assert _check_rows([r.file for r in sup.last if r.file is not None]) == []
    async with runtime.services.sessions() as session:
        seed_ = str(await session.scalar(select(Batch.seed)))
    assert seed_ in office and all(seed_ not in text for text in dossier)


def _option(chat: Chat, label: str) -> int:
    options = [o.label for reply in chat.last for o in reply.options]
    return next(i for i, text in enumerate(options, 1) if label in text)
