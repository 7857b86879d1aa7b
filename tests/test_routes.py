"""Explicit routing: every conversation's router reaches the core through handlers/engine/routes.py,
states are enums, a name claimed twice stops the start-up, the "/" menu and /help come from
the routers, and a dialog left in a state that no longer exists answers like a stale
button."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from bot.runtime import Runtime
from handlers.engine import states
from handlers.engine.i18n import CATALOGS
from handlers.engine.messages import Reply
from handlers.engine.router import EVERYONE, DuplicateRoute, Menu, Router, Routes, State
from handlers.engine.routes import ROUTERS, default_routes
from models.records import Dialog
from tests.support.chat import Chat
from tests.support.seed import seed


async def _nothing(ctx: object, arg: str) -> list[Reply]:
    return []


class _Demo(State):
    ONE = "demo.one"


def test_a_command_claimed_by_two_routers_stops_the_start() -> None:
    first, second = Router("first"), Router("second")
    first.command("baocao")(_nothing)
    second.command("xuat", "baocao")(_nothing)
    with pytest.raises(DuplicateRoute, match="baocao"):
        Routes.of([first, second])


def test_a_state_or_name_registered_twice_on_one_router_is_refused() -> None:
    router = Router("demo")
    router.on_state(_Demo.ONE)(_nothing)  # type: ignore[arg-type]
    with pytest.raises(DuplicateRoute, match=r"demo\.one"):
        router.on_state(_Demo.ONE)(_nothing)  # type: ignore[arg-type]
    with pytest.raises(DuplicateRoute, match="/x"):
        router.command("x", "x")(_nothing)


def test_every_state_has_exactly_one_step_and_every_step_a_state() -> None:
    routes = default_routes()
    declared = {
        str(member)
        for enum in vars(states).values()
        if isinstance(enum, type) and issubclass(enum, State) and enum is not State
        for member in enum
    }
    assert declared == set(routes.steps)
    assert len({r.name for r in ROUTERS}) == len(ROUTERS)


def test_the_menu_comes_from_the_routers() -> None:
    routes = default_routes()
    names = [entry.vi for entry in routes.menu]
    assert names[:3] == ["them", "cuatoi", "sua"] and names[-1] == "help"
    assert len(set(names)) == len(names)
    assert all(entry.vi in routes.commands and entry.en in routes.commands for entry in routes.menu)
    assert all(entry.description in CATALOGS["vi"] for entry in routes.menu)
    positions = [entry.position for entry in routes.menu]
    assert positions == sorted(positions)
    assert Menu(1, "x", "cmd_help", EVERYONE).roles == EVERYONE


async def test_help_is_assembled_per_role_from_the_routers(runtime: Runtime) -> None:
    await seed(runtime)
    officer = await Chat(runtime, "bna1").say("/help")
    head = await Chat(runtime, "head").say("/help")
    office = await Chat(runtime, "sup").say("/help")
    assert "/them" in officer and "/giaitrinh" in officer and "/khenthuong" not in officer
    assert "/hoso" in head and "/baocao" in head and "/kiemtra_xet" not in head
    assert "/kiemtra_xet" in office and "/vanban" in office and "/hoso" not in office
    for text in (officer, head, office):  # everyone: the common part and the rules last
        assert text.rstrip().endswith(text.rstrip().rsplit("\n\n", 1)[-1])
        assert "/huy" in text


async def test_a_dialog_in_a_state_that_no_longer_exists_is_a_stale_button(
    runtime: Runtime,
) -> None:
    seeded = await seed(runtime)
    chat = Chat(runtime, "sup")
    await chat.say("/khenthuong")  # a question with options
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            update(Dialog)
            .where(Dialog.user_id == seeded.supervisor.id)
            .values(state="removed.in_an_upgrade")
        )
    out = await chat.say("1")
    assert CATALOGS["vi"]["stale_button"] in out
    assert CATALOGS["vi"]["error_internal"] not in out
    async with runtime.services.sessions() as session:
        assert await session.get(Dialog, seeded.supervisor.id) is None  # closed
    assert "Khen thưởng" in await chat.say("/help")  # and the next message is served
