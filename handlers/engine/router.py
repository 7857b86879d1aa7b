"""Routers: each conversation module declares its commands, dialog states, menu entries and
help sections on one `Router`, and the core receives the routers explicitly
(`handlers/engine/routes.py`). Nothing registers itself into a global by being imported, and a name
claimed twice stops the start-up instead of silently replacing the first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from models.people import Role

if TYPE_CHECKING:
    from handlers.engine.context import Ctx
    from handlers.engine.dialog import Answer
    from handlers.engine.messages import Reply

StepHandler = Callable[["Ctx", "Answer"], Awaitable[list["Reply"]]]
CommandHandler = Callable[["Ctx", str], Awaitable[list["Reply"]]]
HelpText = Callable[["Ctx"], str]


# Who sees a menu entry or a help section.
LOGS = frozenset({Role.OFFICER, Role.HAMLET_HEAD})  # people attached to a hamlet log
HEADS = frozenset({Role.HAMLET_HEAD, Role.SUPERVISOR, Role.ADMIN})  # a hamlet's figures
SUPERVISES = frozenset({Role.SUPERVISOR, Role.ADMIN})
EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class Menu:
    """How a command shows in Telegram's "/" list: its place, its English alias, the catalog
    key of its description, who sees it."""

    position: int
    en: str
    description: str
    roles: frozenset[Role]


class State(StrEnum):
    """A dialog state. Each feature subclasses it (`handlers/engine/states.py`); `ask` takes only
    these, so a mistyped state is a type error, and the stored value stays a plain string."""


@dataclass(frozen=True)
class MenuEntry:
    """A command in Telegram's "/" list: its place, the catalog key of its description, and
    who sees it (`loggable`: only people attached to a hamlet)."""

    position: int
    vi: str
    en: str
    description: str
    roles: frozenset[Role]
    loggable: bool = False


@dataclass(frozen=True)
class HelpSection:
    """A paragraph of /help for these roles, at this place (`loggable`: people attached to a
    hamlet, whatever their role)."""

    position: int
    roles: frozenset[Role]
    text: HelpText
    loggable: bool = False


T = TypeVar("T")


class DuplicateRoute(RuntimeError):
    """Two handlers claim one command or one state."""


@dataclass
class Router:
    name: str
    commands: dict[str, CommandHandler] = field(default_factory=dict)
    steps: dict[str, StepHandler] = field(default_factory=dict)
    menu: list[MenuEntry] = field(default_factory=list)
    help: list[HelpSection] = field(default_factory=list)

    def command(
        self, *names: str, menu: Menu | None = None
    ) -> Callable[[CommandHandler], CommandHandler]:
        """Register a command under each of its names (the Vietnamese one first); with `menu`
        it is in the "/" list. Commands only for loggers need the person to be attached to
        a hamlet to show."""

        def register(fn: CommandHandler) -> CommandHandler:
            for name in names:
                _claim(self.commands, name, fn, f"{self.name}: /{name}")
            if menu is not None:
                self.menu.append(
                    MenuEntry(
                        menu.position,
                        names[0],
                        menu.en,
                        menu.description,
                        menu.roles,
                        loggable=menu.roles == LOGS,
                    )
                )
            return fn

        return register

    def on_state(self, *states: State) -> Callable[[StepHandler], StepHandler]:
        def register(fn: StepHandler) -> StepHandler:
            for state in states:
                _claim(self.steps, str(state), fn, f"{self.name}: state {state}")
            return fn

        return register

    def add_help(
        self, position: int, roles: Iterable[Role], text: HelpText, *, loggable: bool = False
    ) -> None:
        self.help.append(HelpSection(position, frozenset(roles), text, loggable))


def _claim(table: dict[str, T], key: str, value: T, what: str) -> None:
    if key in table:
        raise DuplicateRoute(f"{what} is registered twice")
    table[key] = value


@dataclass(frozen=True)
class Routes:
    """Every router's commands and states in one place, checked for duplicates."""

    commands: dict[str, CommandHandler]
    steps: dict[str, StepHandler]
    menu: tuple[MenuEntry, ...]
    help: tuple[HelpSection, ...]

    @classmethod
    def of(cls, routers: Iterable[Router]) -> Routes:
        commands: dict[str, CommandHandler] = {}
        steps: dict[str, StepHandler] = {}
        menu: list[MenuEntry] = []
        sections: list[HelpSection] = []
        for router in routers:
            for name, handler in router.commands.items():
                _claim(commands, name, handler, f"/{name} (again in {router.name})")
            for state, step in router.steps.items():
                _claim(steps, state, step, f"state {state} (again in {router.name})")
            menu += router.menu
            sections += router.help
        return cls(
            commands,
            steps,
            tuple(sorted(menu, key=lambda m: m.position)),
            tuple(sorted(sections, key=lambda h: h.position)),
        )
