"""`python -m bot init`: apply the migrations, then sync hamlets and procedures from the
config."""

from __future__ import annotations

import argparse
import asyncio

from bot.config import Settings
from bot.runtime import build_runtime, migrate, sync_from_config
from handlers.engine.i18n import t
from models.sync import SyncReport


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="apply migrations and sync hamlets/procedures from config")
    p.add_argument("--config", required=True)


def run(settings: Settings, args: argparse.Namespace) -> int:
    migrate(settings)
    report = asyncio.run(_sync(settings))
    lang = settings.language
    if report.changed:
        print(
            t(
                lang,
                "cli_init_done",
                created=report.created,
                updated=report.updated,
                deactivated=report.deactivated,
            )
        )
    else:
        print(t(lang, "cli_init_nothing"))
    return 0


async def _sync(settings: Settings) -> SyncReport:
    runtime = build_runtime(settings)
    try:
        return await sync_from_config(runtime)
    finally:
        await runtime.close()
