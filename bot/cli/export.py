"""`python -m bot export`: write the report spreadsheet (xlsx or csv) for a period."""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime
from pathlib import Path

from bot.cli.common import campaign_settings, command_runtime, hamlets_named
from bot.config import ConfigError, Settings
from handlers.engine.i18n import t
from models.people import Role
from models.periods import KINDS, Period, PeriodError, is_kind, resolve
from models.registry import campaign_by_code

# Words rather than the characters: a bare ";" ends the command in a shell.
CSV_SEPARATORS = {"comma": ",", "semicolon": ";"}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="write the report spreadsheet (xlsx or csv)")
    p.add_argument("--config", required=True)
    p.add_argument(
        "--period",
        default="since_start",
        help="since_start | this_week | last_week | this_month | this_quarter | "
        "last_quarter | q1..q4 | half | year | phase, or with a year: year:2027, q1:2027, "
        "h1:2027, month:2027-03, or an award round's code (default: since_start)",
    )
    p.add_argument("--from", dest="start", help="first day, dd/mm/yyyy (with --to)")
    p.add_argument("--to", dest="end", help="last day, dd/mm/yyyy (with --from)")
    p.add_argument(
        "--hamlet", action="append", help="hamlet code (repeat for several; default: all hamlets)"
    )
    p.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    p.add_argument(
        "--csv-separator",
        choices=CSV_SEPARATORS,
        default="comma",
        help="CSV only: comma (default) or semicolon, with decimal commas, for "
        "Excel set to Vietnamese regional settings",
    )
    p.add_argument("--out", default=".", help="folder for the file(s) (default: here)")
    p.add_argument(
        "--campaign",
        help="code of an earlier campaign kept in the database (default: the configured one)",
    )


def period_of(settings: Settings, args: argparse.Namespace) -> Period:
    """The period `--period` or `--from`/`--to` name; a ConfigError (exit 2) otherwise."""
    today = datetime.now(settings.timezone).date()
    try:
        if args.start or args.end:
            if not (args.start and args.end):
                raise ConfigError("--from/--to", "cli_period_dates")
            start, end = (datetime.strptime(v, "%d/%m/%Y").date() for v in (args.start, args.end))
            return resolve("custom", settings.campaign, today, start=start, end=end)
        if not is_kind(args.period, settings.campaign) or args.period == "custom":
            raise ConfigError("--period", "cli_period_kind", kinds=", ".join(KINDS[:-1]))
        return resolve(args.period, settings.campaign, today)
    except (ValueError, PeriodError) as exc:
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError("--from/--to", "cli_period_dates") from exc


def run(settings: Settings, args: argparse.Namespace) -> int:
    if not args.campaign:
        period_of(settings, args)  # a wrong period is refused before the database is opened
    return asyncio.run(_export(settings, args))


async def _export(settings: Settings, args: argparse.Namespace) -> int:
    from handlers.reports.export import export

    lang = settings.language
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        async with runtime.services.sessions() as session, session.begin():
            if args.campaign:
                chosen = await campaign_settings(session, settings, args.campaign)
                if chosen is None:
                    return 2
                settings = chosen
            period = period_of(settings, args)
            hamlets = await hamlets_named(session, args.hamlet, lang)
            if hamlets is None:
                return 2
            camp = await campaign_by_code(session, settings.campaign.code)
            now = runtime.services.clock.now()
            result = await export(
                session,
                settings,
                campaign_id=camp.id,
                period=period,
                today=now.astimezone(settings.timezone).date(),
                hamlets=hamlets,
                fmt=args.format,
                lang=lang,
                folder=Path(args.out),
                actor_id=None,
                now=now,
                via="cli",
                viewer=Role.ADMIN,  # whoever runs the bot's commands
                separator=CSV_SEPARATORS[args.csv_separator],
            )
        await asyncio.to_thread(result.write)
        print(
            t(
                lang,
                "cli_export_done",
                hamlets=len(result.data.report.rows),
                rows=len(result.data.evidence),
            )
        )
        for path in result.paths:
            print(path)
        return 0
