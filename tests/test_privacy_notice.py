"""The notice on personal data (Decree 13/2023/NĐ-CP): given once at registration, in one
short message, and again with /quyenriengtu — what is kept, why, who sees it, how long."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from bot.runtime import Runtime
from models.campaign import Hamlet
from models.invites import create_invite
from models.people import Role
from tests.support.campaign import make_user
from tests.support.chat import Chat

NOTICE = "Dữ liệu cá nhân (theo Nghị định 13/2023/NĐ-CP)"


async def _code(runtime: Runtime) -> str:
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "L365"))
        code, _ = await create_invite(
            session,
            role=Role.OFFICER,
            hamlet=hamlet,
            created_by=None,
            now=runtime.services.clock.now(),
            ttl=timedelta(hours=1),
        )
        return code


async def test_registration_states_what_is_kept_why_who_and_how_long(runtime: Runtime) -> None:
    chat = Chat(runtime, "new-officer")
    said = await chat.say(f"/start {await _code(runtime)}")
    assert "đã được đăng ký" in said
    [notice] = [r.text for r in chat.last if NOTICE in r.text]
    camp = runtime.settings.campaign
    until = camp.end.replace(year=camp.end.year + 5).strftime("%d/%m/%Y")
    for part in (
        "họ tên, địa chỉ, số điện thoại",  # what
        f"«{camp.name}»",  # why
        "chỉ xem hộ của ấp mình",  # who
        f"Giữ đến: {until} (5 năm",  # how long
        "Phòng Văn hóa – Xã hội",  # whom to ask
        "/quyenriengtu",
    ):
        assert part in notice, part
    assert len(notice) < 1200  # one short message


async def test_quyenriengtu_repeats_it_with_the_configured_terms(runtime: Runtime) -> None:
    runtime.services.settings = replace(
        runtime.settings,
        privacy=replace(runtime.settings.privacy, keep_years=10, contact="Văn phòng UBND đặc khu"),
    )
    await make_user(runtime, external_id="o1")
    again = await Chat(runtime, "o1").say("/quyenriengtu")
    assert NOTICE in again
    assert "10 năm sau khi phong trào kết thúc" in again
    assert "liên hệ Văn phòng UBND đặc khu" in again
    english = await Chat(runtime, "o1").say("/privacy")
    assert NOTICE in english  # the alias, same language as the person's


async def test_a_stranger_may_read_it_before_registering(runtime: Runtime) -> None:
    stranger = Chat(runtime, "not-yet")
    assert "/quyenriengtu" in await stranger.say("xin chào")
    assert NOTICE in await stranger.say("/quyenriengtu")
