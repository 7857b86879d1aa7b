"""Household totals are the office's decision (issue 17, item 3).

A hamlet configured with 289 households has 150 guided (51,9%). Its head imports a
156-row household list: the rows are imported (they feed /chuahuongdan) but the total stays
289 until a supervisor approves; supervisors are told (before / after / configured);
approving makes 156 the total from that day (audited), rejecting changes nothing and tells
the head why. A past period keeps the figures of the total in force at its end. A change
within the tolerance applies at once, as does a supervisor's own import.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import docx
import pytest
from alembic import command
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from bot.config import Settings, parse_settings
from bot.db import alembic_config
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime
from handlers.engine.messages import PRIVATE, Attachment, Inbound
from handlers.render.award_docs import write_submission
from models.campaign import Hamlet
from models.people import Identity, Role, User
from models.periods import Period
from models.records import AuditEvent
from models.registry import HouseholdInput, campaign_by_code, create_household_entry
from models.reports import build_report
from models.roster import Roster, RosterHousehold
from models.totals import APPROVED, PENDING, REJECTED, HamletTotal, totals_as_of
from tests.support.backends import BACKENDS, PostgresServer
from tests.support.campaign import HAMLETS, make_user, raw_config
from tests.support.chat import Chat
from tests.support.dossier import sample_dossier
from tests.support.telegram_fake import TelegramHarness, texts

pytestmark = pytest.mark.slow  # whole approval flows, on Telegram and in documents

CODE = "BNT"
NAME = "Ấp Bãi Nhà Tây"
CONFIGURED = 289
GUIDED = 150
TG = {"sup": "8001", "sup2": "8002", "head": "8003", "officer": "8004"}


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    hamlets = [*HAMLETS, {"code": CODE, "name": NAME, "households": CONFIGURED}]
    return parse_settings(
        raw_config(tmp_path, database={"url": database_url}, hamlets=hamlets), tmp_path
    )


async def _people(runtime: Runtime, channel: str = "console") -> dict[str, User]:
    def ext(key: str) -> str:
        return TG[key] if channel == "telegram" else key

    people = {
        "sup": await make_user(
            runtime,
            external_id=ext("sup"),
            role=Role.SUPERVISOR,
            hamlet=None,
            name="Phòng Văn hóa Xã hội",
            channel=channel,
        ),
        "sup2": await make_user(
            runtime,
            external_id=ext("sup2"),
            role=Role.SUPERVISOR,
            hamlet=None,
            name="Chị Giám Sát Hai",
            channel=channel,
        ),
        "head": await make_user(
            runtime,
            external_id=ext("head"),
            role=Role.HAMLET_HEAD,
            hamlet=CODE,
            name="Trưởng Ấp Tây",
            channel=channel,
        ),
        "officer": await make_user(
            runtime, external_id=ext("officer"), hamlet=CODE, name="Cán Bộ Tây", channel=channel
        ),
    }
    # 150 households guided in March (5 a day, 1–30/03).
    now = runtime.services.clock.now()
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet_id = await session.scalar(select(Hamlet.id).where(Hamlet.code == CODE))
        assert hamlet_id is not None
        for i in range(GUIDED):
            await create_household_entry(
                session,
                campaign_id=camp.id,
                hamlet_id=hamlet_id,
                officer=people["officer"],
                now=now,
                data=HouseholdInput(
                    name=f"Hộ Tây Số {i + 1}",
                    address="Tổ 1, ấp Bãi Nhà Tây",
                    phone=f"+8491300{i + 1:04d}",
                    procedure_codes=("KS",),
                    dossier_code="",
                    guided_on=date(2026, 3, 1) + timedelta(days=i // 5),
                ),
            )
    return people


SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Ngọc",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Trung",
    "Tuấn",
    "Vân",
    "Việt",
    "Yến",
]


def _roster(rows: int) -> bytes:
    names = [f"{s} Văn {g}" for s in SURNAMES for g in GIVEN]
    lines = ["STT;Họ tên chủ hộ;Địa chỉ;Mã hộ"]
    lines += [
        f"{i};{names[i - 1]};Tổ {i % 7 + 1}, ấp Bãi Nhà Tây;BNT-{i:03d}" for i in range(1, rows + 1)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


async def _send_file(runtime: Runtime, user: str, data: bytes, caption: str = "") -> str:
    replies = await runtime.core.handle(
        Inbound(
            channel="console",
            user_id=user,
            chat_id=user,
            chat_type=PRIVATE,
            text=caption,
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment("ds-ho-BNT.csv", data),
        )
    )
    return "\n".join(r.text for r in replies)


async def _hamlet(runtime: Runtime) -> Hamlet:
    async with runtime.services.sessions() as session:
        hamlet: Hamlet | None = await session.scalar(select(Hamlet).where(Hamlet.code == CODE))
        assert hamlet is not None
        return hamlet


async def _user(runtime: Runtime, external_id: str) -> User:
    async with runtime.services.sessions() as session:
        user: User | None = await session.scalar(
            select(User).join(Identity).where(Identity.external_id == external_id)
        )
        assert user is not None
        return user


async def _changes(runtime: Runtime) -> list[HamletTotal]:
    hamlet = await _hamlet(runtime)
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(HamletTotal)
                .where(HamletTotal.hamlet_id == hamlet.id)
                .order_by(HamletTotal.id)
            )
        )


async def _actions(runtime: Runtime, action: str) -> list[AuditEvent]:
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        )


class Pushes:
    """The console channel's pushed messages, as Notifier sends them."""

    def __init__(self, runtime: Runtime) -> None:
        self.sent: list[tuple[str, str]] = []

        async def deliver(external_id: str, text: str) -> Outcome:
            self.sent.append((external_id, text))
            return Outcome.SENT

        self.notifier = Notifier(runtime.services, "console", deliver)

    async def run(self) -> list[tuple[str, str]]:
        before = len(self.sent)
        await self.notifier.run_totals()
        return self.sent[before:]


async def _march(runtime: Runtime) -> tuple[int, int]:
    """(guided, total) of the hamlet in the March report (a past period)."""
    hamlet = await _hamlet(runtime)
    async with runtime.services.sessions() as session:
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        report = await build_report(
            session,
            campaign_id=camp.id,
            campaign=runtime.settings.campaign,
            period=Period("custom", date(2026, 3, 1), date(2026, 3, 31)),
            today=date(2026, 4, 15),
            hamlets=[hamlet],
        )
    row = report.rows[0]
    return row.guided, row.total


async def test_a_short_list_waits_for_a_supervisor_and_applies_from_the_approval(
    runtime: Runtime,
) -> None:
    await _people(runtime)
    head, sup = Chat(runtime, "head"), Chat(runtime, "sup")
    assert "150/289 hộ – 51,9%" in await head.say("/tiendo")

    preview = await _send_file(runtime, "head", _roster(156))
    assert "156 hộ" in preview and "cần Phòng VH-XH duyệt" in preview, preview
    assert "đang dùng: 289" in preview and "cấu hình: 289" in preview
    done = await head.say("Nhập danh sách")
    assert "Đã nhập 156 hộ cho Ấp Bãi Nhà Tây" in done
    assert "chờ Phòng VH-XH duyệt (289 → 156 hộ; số hộ cấu hình: 289)" in done, done
    assert "từ nay tính trên" not in done

    # The rows are in (they feed /chuahuongdan); the total is not.
    hamlet = await _hamlet(runtime)
    assert hamlet.total_households == CONFIGURED
    async with runtime.services.sessions() as session:
        roster = await session.scalar(
            select(Roster).where(Roster.hamlet_id == hamlet.id, Roster.replaced_at.is_(None))
        )
        assert roster is not None and roster.households == 156
        assert (
            await session.scalar(
                select(func.count(RosterHousehold.id)).where(RosterHousehold.roster_id == roster.id)
            )
            == 156
        )
    assert "150/289 hộ – 51,9%" in await head.say("/tiendo")
    assert "156 hộ trong danh sách" in await head.say("/chuahuongdan")
    [change] = [c for c in await _changes(runtime) if c.status == PENDING]
    assert (change.previous, change.total, change.configured) == (289, 156, 289)
    assert [e.target_id for e in await _actions(runtime, "total_request")] == [hamlet.id]

    # Every supervisor is told once, with before / after / configured; nobody else.
    pushes = Pushes(runtime)
    told = await pushes.run()
    assert sorted(ext for ext, _ in told) == ["sup", "sup2"]
    for _ext, text in told:
        assert "Ấp Bãi Nhà Tây (BNT)" in text and "Đang dùng: 289 hộ" in text
        assert "156 hộ (-46,0%)" in text and "Số hộ cấu hình: 289" in text
        assert "Trưởng Ấp Tây" in text and "/duyetso" in text
    assert await pushes.run() == []
    # The head sees it waiting, in /duyetso, /tiendo and the hamlet's report.
    assert "chờ Phòng VH-XH duyệt" in await head.say("/duyetso")
    waiting = (
        "⏳ Tổng số hộ theo danh sách mới (156 hộ) đang chờ Phòng VH-XH duyệt; số liệu "
        "vẫn tính trên 289 hộ."
    )
    assert waiting in await head.say("/tiendo")
    assert waiting in await head.say("/baocao")
    assert waiting in await sup.say(f"/tiendo {CODE}")
    assert "Lệnh này dành cho" in await Chat(runtime, "officer").say("/duyetso")

    listing = await sup.say("/duyetso")
    assert f"#{change.id} Ấp Bãi Nhà Tây (BNT): đang dùng 289 → theo danh sách 156 hộ" in listing
    assert "cấu hình 289" in listing and "ds-ho-BNT.csv" in listing
    asked = await sup.press("Duyệt #")
    assert "289 → 156 hộ, áp dụng từ hôm nay 15/04/2026" in asked
    decided = await sup.say("Đã đối chiếu với danh sách hộ của Công an")
    assert "Đã duyệt: tổng số hộ Ấp Bãi Nhà Tây là 156 từ 15/04/2026 (trước đó 289)" in decided
    assert "Không có thay đổi tổng số hộ nào chờ duyệt" in decided

    hamlet = await _hamlet(runtime)
    assert hamlet.total_households == 156 and hamlet.configured_households == CONFIGURED
    [approved] = [c for c in await _changes(runtime) if c.id == change.id]
    assert approved.status == APPROVED and approved.effective_from == date(2026, 4, 15)
    assert approved.reason == "Đã đối chiếu với danh sách hộ của Công an"
    [audit] = await _actions(runtime, "total_approve")
    sup_user = await _user(runtime, "sup")
    assert audit.actor_id == sup_user.id and audit.target_id == hamlet.id
    assert audit.before and audit.before["total_households"] == 289
    assert audit.after and audit.after["total_households"] == 156

    # The head is told; the supervisors are not told again.
    told = await pushes.run()
    assert [ext for ext, _ in told] == ["head"]
    assert (
        "đã duyệt tổng số hộ của Ấp Bãi Nhà Tây: 289 → 156 hộ, áp dụng từ 15/04/2026" in told[0][1]
    )
    assert "Đã đối chiếu" in told[0][1]

    # Today's figures use 156; March keeps the total in force then.
    assert "150/156 hộ – 96,2%" in await head.say("/tiendo")
    assert await _march(runtime) == (GUIDED, CONFIGURED)
    quarter = await sup.say(f"/baocao quy1 {CODE}")
    assert "150/289" in quarter and "150/156" not in quarter, quarter
    assert "150/156" in await sup.say(f"/baocao thangnay {CODE}")
    async with runtime.services.sessions() as session:
        assert await totals_as_of(session, [hamlet.id], date(2026, 4, 14)) == {hamlet.id: 289}
        assert await totals_as_of(session, [hamlet.id], date(2026, 4, 15)) == {hamlet.id: 156}

    history = await sup.say(f"/duyetso {CODE}")
    assert "156 hộ từ 15/04/2026 – danh sách hộ (tệp ds-ho-BNT.csv)" in history
    assert "289 hộ từ đầu – số hộ cấu hình" in history


async def test_a_rejected_change_changes_nothing_and_the_head_learns_why(runtime: Runtime) -> None:
    await _people(runtime)
    head, sup = Chat(runtime, "head"), Chat(runtime, "sup")
    await _send_file(runtime, "head", _roster(156))
    await head.say("Nhập danh sách")
    pushes = Pushes(runtime)
    await pushes.run()

    await sup.say("/duyetso")
    asked = await sup.press("Từ chối")
    assert "ghi lý do" in asked
    assert "Anh/chị vui lòng ghi lý do từ chối" in await sup.say("   ")
    decided = await sup.say("Danh sách thiếu tổ 5 và tổ 6")
    assert "Đã từ chối; tổng số hộ Ấp Bãi Nhà Tây vẫn là 289" in decided

    hamlet = await _hamlet(runtime)
    assert hamlet.total_households == CONFIGURED
    [change] = [c for c in await _changes(runtime) if c.source == "roster"]
    assert change.status == REJECTED and change.reason == "Danh sách thiếu tổ 5 và tổ 6"
    assert len(await _actions(runtime, "total_reject")) == 1
    told = await pushes.run()
    assert [ext for ext, _ in told] == ["head"]
    assert "không duyệt" in told[0][1] and "Lý do: Danh sách thiếu tổ 5 và tổ 6" in told[0][1]
    assert "vẫn là 289" in told[0][1]
    assert "150/289 hộ – 51,9%" in await head.say("/tiendo")
    assert await _march(runtime) == (GUIDED, CONFIGURED)
    # Decided once: the old buttons do nothing more.
    async with runtime.services.sessions() as session:
        assert (
            await session.scalar(
                select(func.count(HamletTotal.id)).where(HamletTotal.status == PENDING)
            )
            == 0
        )


async def test_a_change_within_the_tolerance_applies_at_once(runtime: Runtime) -> None:
    await _people(runtime)
    head = Chat(runtime, "head")
    preview = await _send_file(runtime, "head", _roster(280))  # -3,1%: within 5%
    assert "duyệt" not in preview and "sẽ tính là 280 (hiện tại: 289)" in preview
    done = await head.say("Nhập danh sách")
    assert "Tỷ lệ bao phủ của ấp từ nay tính trên 280 hộ" in done
    assert "289 → 280, áp dụng từ 15/04/2026" in done and "chờ" not in done
    assert (await _hamlet(runtime)).total_households == 280
    [change] = [c for c in await _changes(runtime) if c.source == "roster"]
    assert change.status == APPROVED and change.effective_from == date(2026, 4, 15)
    assert len(await _actions(runtime, "total_change")) == 1
    assert await Pushes(runtime).run() == []
    assert "150/280" in await head.say("/tiendo")
    assert await _march(runtime) == (GUIDED, CONFIGURED)


async def test_a_supervisors_own_import_is_recorded_and_applied_at_once(runtime: Runtime) -> None:
    people = await _people(runtime)
    sup = Chat(runtime, "sup")
    preview = await _send_file(runtime, "sup", _roster(156), caption=CODE)
    assert "sẽ tính là 156 (hiện tại: 289)" in preview
    done = await sup.say("Nhập danh sách")
    assert "289 → 156, áp dụng từ 15/04/2026" in done
    assert (await _hamlet(runtime)).total_households == 156
    [change] = [c for c in await _changes(runtime) if c.source == "roster"]
    assert change.status == APPROVED and change.decided_by == people["sup"].id
    [audit] = await _actions(runtime, "total_change")
    assert audit.actor_id == people["sup"].id
    assert await Pushes(runtime).run() == []
    assert await _march(runtime) == (GUIDED, CONFIGURED)


async def test_a_newer_list_replaces_a_waiting_one(runtime: Runtime) -> None:
    await _people(runtime)
    head, sup = Chat(runtime, "head"), Chat(runtime, "sup")
    await _send_file(runtime, "head", _roster(156))
    await head.say("Nhập danh sách")
    await sup.say("/duyetso")  # the supervisor opens the list …
    await _send_file(runtime, "head", _roster(285))  # … while a corrected list comes in
    await head.say("Nhập danh sách")
    out = await sup.press("Duyệt #")
    assert "không còn chờ duyệt" in out
    statuses = [(c.total, c.status) for c in await _changes(runtime) if c.source == "roster"]
    assert statuses == [(156, "superseded"), (285, APPROVED)]
    assert (await _hamlet(runtime)).total_households == 285


async def test_help_states_the_rule(runtime: Runtime) -> None:
    await _people(runtime)
    text = await Chat(runtime, "head").say("/help")
    assert "thay đổi quá 5,0% thì phải chờ Phòng VH-XH duyệt (/duyetso)" in text
    assert "Số liệu của một kỳ đã qua tính trên tổng số hộ đang dùng vào ngày cuối kỳ" in text


async def test_award_detail_and_dossier_show_the_configured_figure(
    runtime: Runtime, tmp_path: Path
) -> None:
    await _people(runtime)
    sup = Chat(runtime, "sup")
    await _send_file(runtime, "sup", _roster(156), caption=CODE)
    await sup.say("Nhập danh sách")
    await sup.say("/khenthuong nay")
    detail = await sup.say(f"/khenthuong_ct {CODE}")
    assert "Tổng số hộ: 156 theo danh sách (cấu hình 289)" in detail, detail
    assert "tệp ds-ho-BNT.csv" in detail

    path = tmp_path / "to-trinh.docx"
    write_submission(
        path,
        sample_dossier(
            total_households=156,
            configured_households=289,
            roster_based=True,
            guided=150,
            coverage=150 / 156,
        ),
        "vi",
    )
    document = docx.Document(str(path))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "156 theo danh sách hộ (số hộ đã khai báo 289)" in cells


# --- end to end: the real python-telegram-bot Application ------------------------------


@pytest.fixture
async def tg(runtime: Runtime) -> AsyncIterator[TelegramHarness]:
    await _people(runtime, channel="telegram")
    harness = TelegramHarness(runtime)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


async def _pushed(tg: TelegramHarness, chat_id: int, part: str, limit: float = 10.0) -> str:
    """A message pushed to `chat_id` after a user's action (sent by a background task)."""

    async def wait() -> str:
        while True:
            for sent in tg.state.sent:
                if sent.chat_id == chat_id and part in sent.text:
                    return sent.text
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(wait(), limit)


async def test_telegram_head_imports_and_the_supervisor_approves(
    tg: TelegramHarness, runtime: Runtime
) -> None:
    head, sup, sup2 = int(TG["head"]), int(TG["sup"]), int(TG["sup2"])
    sent = await tg.send_file(head, "ds-ho-BNT.csv", _roster(156))
    assert "cần Phòng VH-XH duyệt" in texts(sent)
    sent = await tg.press(head, "Nhập danh sách")
    assert "chờ Phòng VH-XH duyệt (289 → 156 hộ" in texts(sent)
    for chat in (sup, sup2):
        text = await _pushed(tg, chat, "Đề nghị đổi tổng số hộ")
        assert "Đang dùng: 289 hộ → theo danh sách mới: 156 hộ" in text
    assert "150/289" in texts(await tg.say(head, "/tiendo"))

    sent = await tg.say(sup, "/duyetso")
    assert "đang dùng 289 → theo danh sách 156 hộ" in texts(sent)
    await tg.press(sup, "Duyệt #")
    sent = await tg.press(sup, "Duyệt, không ghi chú")
    assert "Đã duyệt: tổng số hộ Ấp Bãi Nhà Tây là 156" in texts(sent)
    text = await _pushed(tg, head, "đã duyệt tổng số hộ")
    assert "289 → 156 hộ, áp dụng từ" in text
    assert "150/156" in texts(await tg.say(head, "/tiendo"))
    async with runtime.services.sessions() as session:
        assert (
            await session.scalar(
                select(func.count(AuditEvent.id)).where(AuditEvent.action == "total_approve")
            )
            == 1
        )


# --- the migration rebuilds each hamlet's history from what is on record -----------------


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create()
    yield server.db_url(name)
    server.drop(name)


def test_migration_rebuilds_the_history_of_totals(empty_url: str) -> None:
    cfg = alembic_config(empty_url)
    command.upgrade(cfg, "0011")
    at = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)

    async def before() -> None:
        engine = create_async_engine(empty_url)
        async with engine.begin() as conn:
            await conn.execute(
                insert(Hamlet),
                [
                    {
                        "id": 1,
                        "code": "BNA",
                        "name": "Ấp Bãi Nhà A",
                        "unit": "",
                        "total_households": 412,
                        "configured_households": 412,
                        "active": True,
                        "updated_at": at,
                    },
                    {
                        "id": 2,
                        "code": CODE,
                        "name": NAME,
                        "unit": "",
                        "total_households": 156,
                        "configured_households": CONFIGURED,
                        "active": True,
                        "updated_at": at,
                    },
                ],
            )
            await conn.execute(
                insert(Roster),
                [
                    {
                        "id": 1,
                        "hamlet_id": 2,
                        "imported_at": datetime(2026, 2, 10, 3, tzinfo=UTC),
                        "imported_by": None,
                        "source": "ds-1.csv",
                        "fingerprint": "a" * 64,
                        "households": 300,
                        "replaced_at": datetime(2026, 3, 31, 20, tzinfo=UTC),
                    },
                    # 03:00 on 01/04 in Vietnam: effective from 01/04.
                    {
                        "id": 2,
                        "hamlet_id": 2,
                        "imported_at": datetime(2026, 3, 31, 20, tzinfo=UTC),
                        "imported_by": None,
                        "source": "ds-2.csv",
                        "fingerprint": "b" * 64,
                        "households": 156,
                        "replaced_at": None,
                    },
                ],
            )
        await engine.dispose()

    async def after() -> tuple[list[tuple[int, int, date | None, str]], list[dict[int, int]]]:
        engine = create_async_engine(empty_url)
        async with async_sessionmaker(engine)() as session:
            rows = [
                (r.hamlet_id, r.total, r.effective_from, r.source)
                for r in await session.scalars(
                    select(HamletTotal)
                    .where(HamletTotal.status == APPROVED)
                    .order_by(HamletTotal.id)
                )
            ]
            totals = [
                await totals_as_of(session, [1, 2], day)
                for day in (date(2026, 1, 31), date(2026, 3, 31), date(2026, 4, 1))
            ]
        await engine.dispose()
        return rows, totals

    asyncio.run(before())
    command.upgrade(cfg, "head")
    rows, totals = asyncio.run(after())
    assert rows == [
        (1, 412, None, "initial"),
        (2, 289, None, "initial"),
        (2, 300, date(2026, 2, 10), "roster"),
        (2, 156, date(2026, 4, 1), "roster"),
    ]
    assert totals == [{1: 412, 2: 289}, {1: 412, 2: 300}, {1: 412, 2: 156}]
