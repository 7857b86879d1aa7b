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
    report, earlier = asyncio.run(_sync(settings))
    lang = settings.language
    camp = settings.campaign
    print(
        t(
            lang,
            "cli_init_campaign",
            campaign=camp.name,
            code=camp.code,
            start=f"{camp.start:%d/%m/%Y}",
            end=f"{camp.end:%d/%m/%Y}",
        )
    )
    if earlier:
        print(t(lang, "cli_init_earlier", codes=", ".join(earlier)))
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


async def _sync(settings: Settings) -> tuple[SyncReport, list[str]]:
    """What the sync changed, and the codes of the campaigns kept from before this one."""
    from models.campaigns import all_campaigns

    runtime = build_runtime(settings)
    try:
        report = await sync_from_config(runtime)
        async with runtime.services.sessions() as session:
            codes = [c.code for c in await all_campaigns(session)]
        return report, [c for c in codes if c != settings.campaign.code]
    finally:
        await runtime.close()
