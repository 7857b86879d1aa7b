"""What the subcommands share: the runtime a command works with (`command_runtime`), hamlet
codes, roles, the console chat and the example config. Imports nothing of `bot.cli`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import ConfigError, Settings
from bot.runtime import Runtime, build_runtime, schema_is_current
from handlers.engine.i18n import t
from models.campaign import Hamlet
from models.people import Role

# Package data (pyproject.toml), so `python -m bot demo` works from an installed wheel too;
# the top-level config.example.toml is a symlink to it.
EXAMPLE_CONFIG = Path(__file__).resolve().parent.parent / "config.example.toml"


@asynccontextmanager
async def command_runtime(
    settings: Settings, args: argparse.Namespace
) -> AsyncIterator[Runtime | None]:
    """The runtime a command works with, closed when the block ends; None (after telling
    the user to run `init`) when the database is not at the current schema:

        async with command_runtime(settings, args) as runtime:
            if runtime is None:
                return 2
            ...
    """
    runtime = build_runtime(settings)
    try:
        if await schema_is_current(runtime):
            yield runtime
        else:
            print(t(settings.language, "cli_not_initialised", config=args.config), file=sys.stderr)
            yield None
    finally:
        await runtime.close()


async def check_schema(settings: Settings, args: argparse.Namespace) -> bool:
    """True when the database is at the current schema (else the user is told to `init`)."""
    async with command_runtime(settings, args) as runtime:
        return runtime is not None


async def hamlets_named(
    session: AsyncSession, codes: list[str] | None, lang: str
) -> list[Hamlet] | None:
    """Active hamlets with these codes (all of them when none are given); None after
    telling the user which codes are unknown."""
    hamlets = list(await session.scalars(select(Hamlet).where(Hamlet.active).order_by(Hamlet.code)))
    if not codes:
        return hamlets
    wanted = {code.upper() for code in codes}
    unknown = wanted - {h.code for h in hamlets}
    if unknown:
        print(
            t(
                lang,
                "cli_hamlet_unknown",
                code=", ".join(sorted(unknown)),
                codes=", ".join(h.code for h in hamlets),
            ),
            file=sys.stderr,
        )
        return None
    return [h for h in hamlets if h.code in wanted]


def parse_role(value: str) -> Role:
    """The role `--role` names; a ConfigError (exit 2) when it names none."""
    try:
        return Role.parse(value)
    except ValueError as exc:
        raise ConfigError("--role", "cfg_role") from exc


async def console_chat(settings: Settings, args: argparse.Namespace, user: str) -> int:
    """Talk to the bot in this terminal (or from a pipe) as the console user `user`."""
    from bot.channels.console import ConsoleChannel

    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        await ConsoleChannel(runtime.core, user, settings.language).run()
        return 0


async def campaign_settings(
    session: AsyncSession, settings: Settings, code: str
) -> Settings | None:
    """The settings with an earlier campaign of the database (by its code) as the campaign,
    for its reports and exports; None, after saying which codes there are, if none has it."""
    from dataclasses import replace

    from models.campaigns import all_campaigns, campaign_row, config_of

    row = await campaign_row(session, code)
    if row is None:
        codes = ", ".join(c.code for c in await all_campaigns(session))
        print(t(settings.language, "cli_campaign_unknown", code=code, codes=codes), file=sys.stderr)
        return None
    return replace(settings, campaign=config_of(row, settings.campaign))
