"""No input crashes a roster, suggestion or award step: junk typed or forged buttons in
every state, with drafts that lost their keys or name things that are gone; junk never
imports a roster, links a household or makes a proposal."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from handlers.engine.i18n import t
from handlers.engine.messages import PRIVATE, Attachment, Inbound
from handlers.engine.routes import default_routes
from models.people import Role
from models.proposal import AwardProposal
from models.records import Dialog
from models.roster import Roster, RosterHousehold
from tests.support.campaign import make_user
from tests.support.chat import Chat
from tests.support.seed import seed

pytestmark = pytest.mark.slow  # junk in every dialog state

STATES = sorted(
    s for s in default_routes().steps if s.startswith(("roster.", "todo.", "awards.", "papers."))
)
JUNK = ["", "🙂🙂", "x" * 3000, "99", "0", "/", "d:ZZZ", "r:999999", "h:", "yes", "zip"]
DRAFTS: tuple[dict[str, object], ...] = (
    {},
    {
        "proposal": 999,
        "hamlet": "ZZZ",
        "path": "/nonexistent/x.csv",
        "household": 999,
        "codes": ["BNA"],
        "skipped": ["x"],
    },
    {"proposal": "x", "hamlet": None, "path": None, "household": "y", "codes": "BNA", "old": "z"},
    {"proposal": 1, "old": 1},
)


def test_every_state_is_covered() -> None:
    assert STATES == [
        "awards.final_pick",
        "awards.final_replace",
        "awards.menu",
        "awards.period",
        "papers.review",
        "roster.confirm",
        "roster.hamlet",
        "roster.pick",
        "todo.hamlet",
        "todo.pick",
    ]


@pytest.mark.parametrize("state", STATES)
async def test_junk_in_each_state(runtime: Runtime, state: str) -> None:
    seeded = await seed(runtime)
    chat = Chat(runtime, "sup")
    for draft in DRAFTS:
        for text in JUNK:
            async with runtime.services.sessions() as session, session.begin():
                dialog = await session.get(Dialog, seeded.supervisor.id)
                if dialog is None:
                    dialog = Dialog(
                        user_id=seeded.supervisor.id,
                        state=state,
                        draft={},
                        options=[],
                        step=0,
                        updated_at=runtime.services.clock.now(),
                    )
                    session.add(dialog)
                dialog.state, dialog.draft = state, dict(draft)
                dialog.options = [["a", "yes"], ["b", "zip"], ["c", "r:1"]]
            out = await chat.say(text)
            assert t("vi", "error_internal") not in out, (state, draft, text[:20])
            forged = await runtime.core.handle(
                Inbound(
                    channel="console",
                    user_id="sup",
                    chat_id="sup",
                    chat_type=PRIVATE,
                    option=f"{uuid.uuid4().int % 100}:yes",
                    delivery_key=uuid.uuid4().hex,
                )
            )
            assert all(t("vi", "error_internal") not in r.text for r in forged)
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count(Roster.id))) == 0
        assert await session.scalar(select(func.count(AwardProposal.id))) == 0


async def _send(runtime: Runtime, user: str, name: str, data: bytes, refused: str = "") -> str:
    replies = await runtime.core.handle(
        Inbound(
            channel="console",
            user_id=user,
            chat_id=user,
            chat_type=PRIVATE,
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment(name, data, refused),
        )
    )
    return "\n".join(r.text for r in replies)


async def test_files_nobody_should_import(runtime: Runtime) -> None:
    await seed(runtime)
    await make_user(runtime, external_id="head2", role=Role.HAMLET_HEAD, hamlet="NHO")
    good = "Họ tên chủ hộ;Địa chỉ\nNguyễn Văn A;Tổ 1\n".encode()
    assert "Chỉ trưởng ấp và cán bộ giám sát" in await _send(runtime, "bna1", "ds.csv", good)
    assert "gửi lại" in await _send(runtime, "sup", "ds.csv", b"", refused="failed")
    assert "5 MB" in await _send(runtime, "sup", "ds.csv", b"", refused="too_big")
    for name, data in (
        ("ds.xls", b"\xd0\xcf\x11\xe0junk"),
        ("ds.pdf", b"%PDF-1.4"),
        ("ds.xlsx", b"PK\x03\x04broken"),
        ("ds.csv", b"\xff\xfe\x00junk"),
        ("ds.csv", b"a;b\n1;2\n"),
        ("ds.csv", b""),
    ):
        out = await _send(runtime, "sup", name, data)
        assert out and t("vi", "error_internal") not in out, name
    # A file from a group chat is ignored (personal data never goes to groups).
    replies = await runtime.core.handle(
        Inbound(
            channel="console",
            user_id="sup",
            chat_id="-100",
            chat_type="group",
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment("ds.csv", good),
        )
    )
    assert replies == []
    # A head imports only their own hamlet, whatever the caption says.
    out = await _send(runtime, "head2", "ds.csv", good)
    assert "Danh sách hộ Ấp Nhỏ" in out
    chat = Chat(runtime, "head2")
    out = await chat.say("Nhập danh sách")
    assert "Đã nhập 1 hộ cho Ấp Nhỏ" in out
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count(RosterHousehold.id))) == 1


async def test_unconfirmed_uploads_do_not_stay_on_disk(runtime: Runtime) -> None:
    await seed(runtime)
    folder = runtime.settings.data_dir / "uploads"
    folder.mkdir(parents=True)
    forgotten = folder / "forgotten.csv"
    forgotten.write_text("Họ tên chủ hộ;Địa chỉ\nNguyễn Văn A;Tổ 1\n", encoding="utf-8")
    two_days_ago = forgotten.stat().st_mtime - 2 * 24 * 3600
    os.utime(forgotten, (two_days_ago, two_days_ago))
    out = await _send(runtime, "sup", "ds.csv", "Họ tên chủ hộ;Địa chỉ\nTrần B;Tổ 2\n".encode())
    assert "Đọc được 1 hộ" in out
    kept = list(folder.iterdir())
    assert not forgotten.exists() and len(kept) == 1  # only the one awaiting an answer
    await Chat(runtime, "sup").say("/huy")
    out = await Chat(runtime, "sup").say("1")
    assert t("vi", "error_internal") not in out
