"""No input crashes a verification step: junk typed or forged buttons in every state, even
with a draft that lost its keys (e.g. after the batch or check it named went away)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

import handlers.verification.calls  # registers the states
import handlers.verification.review  # noqa: F401
from bot.runtime import Runtime
from handlers.engine.i18n import t
from handlers.engine.messages import PRIVATE, Inbound
from handlers.engine.routes import default_routes
from models.records import Dialog
from models.verification import Call, Check
from tests.support.chat import Chat
from tests.support.seed import seed

pytestmark = pytest.mark.slow  # junk in every dialog state

STATES = sorted(s for s in default_routes().steps if s.startswith("verify."))
JUNK = ["", "🙂🙂", "x" * 3000, "99", "0", "/", "%", "150%", "-3", "#", "c:999999"]


def test_every_verification_state_is_covered() -> None:
    assert STATES == [
        "verify.card",
        "verify.date",
        "verify.decide",
        "verify.detail",
        "verify.explain",
        "verify.explain_pick",
        "verify.menu",
        "verify.procs",
        "verify.reason",
        "verify.review",
        "verify.scope",
        "verify.size",
    ]


@pytest.mark.parametrize("state", STATES)
async def test_junk_in_each_state(runtime: Runtime, state: str) -> None:
    seeded = await seed(runtime)
    chat = Chat(runtime, "sup")
    await chat.say("/kiemtra NHO 2")  # a real batch with a held card exists
    for draft in ({}, {"batch": 999, "check": 999}, {"batch": "x", "check": None}):
        for text in JUNK:
            async with runtime.services.sessions() as session, session.begin():
                dialog = await session.get(Dialog, seeded.supervisor.id)
                assert dialog is not None or state
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
                dialog.state, dialog.draft, dialog.options = state, dict(draft), [["a", "b"]]
            out = await chat.say(text)
            assert t("vi", "error_internal") not in out, (state, draft, text[:20])
            forged = await runtime.core.handle(
                Inbound(
                    channel="console",
                    user_id="sup",
                    chat_id="sup",
                    chat_type=PRIVATE,
                    option=f"{uuid.uuid4().int % 100}:o:confirmed",
                    delivery_key=uuid.uuid4().hex,
                )
            )
            assert all(t("vi", "error_internal") not in r.text for r in forged)
    async with runtime.services.sessions() as session:
        # Junk never recorded a call outcome.
        assert await session.scalar(select(func.count(Call.id))) == 0
        assert await session.scalar(select(func.count(Check.id)).where(Check.status != "open")) == 0


async def test_a_mistyped_option_number_is_not_taken_as_a_note(runtime: Runtime) -> None:
    await seed(runtime)
    chat = Chat(runtime, "sup")
    await chat.say("/kiemtra NHO 2")
    out = await chat.say("9")
    assert "gõ số thứ tự (hoặc bấm nút, nếu có)" in out and "📝 Ghi chú" not in out
    out = await chat.say("Gọi lần 1 không nghe máy")
    assert "📝 Ghi chú: Gọi lần 1 không nghe máy" in out
