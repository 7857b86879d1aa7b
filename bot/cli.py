"""Command line: python -m bot {init, invite, chat, demo, export, verify, roster, run}."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import ConfigError, Settings, load_settings
from bot.logsetup import setup_logging
from bot.runtime import Runtime, build_runtime, migrate, schema_is_current, sync_from_config
from handlers.engine.i18n import fmt_datetime, t
from models.campaign import Hamlet
from models.invites import create_invite
from models.people import Identity, Role, User
from models.periods import KINDS, Period, PeriodError, resolve
from models.registry import campaign_by_code
from models.sync import SyncReport

# Package data (pyproject.toml), so `python -m bot demo` works from an installed wheel too;
# the top-level config.example.toml is a symlink to it.
EXAMPLE_CONFIG = Path(__file__).resolve().parent / "config.example.toml"


def _parser() -> argparse.ArgumentParser:
    # Subcommands in their own modules import this one's helpers: imported here, not on top.
    from bot import roster_cli, verify_cli

    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description=("Bot ghi nhận hộ gia đình được hướng dẫn dịch vụ công trực tuyến."),
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help="apply migrations and sync hamlets/procedures from config")
    p.add_argument("--config", required=True)

    p = sub.add_parser("invite", help="create a single-use invite code (printed last)")
    p.add_argument("--config", required=True)
    p.add_argument("--role", required=True, help="officer | hamlet_head | supervisor | admin")
    p.add_argument("--hamlet", help="hamlet code (officers and hamlet heads)")

    p = sub.add_parser("chat", help="talk to the bot in this terminal (or from a pipe)")
    p.add_argument("--config", required=True)
    p.add_argument("--user", required=True, help="your console user name")

    p = sub.add_parser("demo", help="fresh SQLite database, a demo officer, console chat")
    p.add_argument("--config", default=str(EXAMPLE_CONFIG))
    p.add_argument("--data", default="data", help="folder for demo.sqlite3 (default: data)")
    p.add_argument(
        "--role",
        default="officer",
        help="who you are in the demo: officer (default), hamlet_head, supervisor",
    )

    p = sub.add_parser("export", help="write the report spreadsheet (xlsx or csv)")
    p.add_argument("--config", required=True)
    p.add_argument(
        "--period",
        default="since_start",
        help="since_start | this_week | last_week | this_month | this_quarter | "
        "last_quarter | q1..q4 | half | year (default: since_start)",
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

    verify_cli.add_parser(sub)
    roster_cli.add_parser(sub)

    p = sub.add_parser(
        "run",
        help="run the bot: Telegram and/or Zalo (polling or webhooks), "
        "the HTTP server for webhooks/downloads/healthz",
    )
    p.add_argument("--config", required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    from bot import roster_cli, verify_cli

    args = _parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
        if args.command == "demo":
            settings = _demo_settings(settings, Path(args.data))
        secrets = run_secrets(settings) if args.command == "run" else []
        setup_logging("INFO" if args.command == "run" else "WARNING", secrets)
        return {
            "init": cmd_init,
            "invite": cmd_invite,
            "chat": cmd_chat,
            "demo": cmd_demo,
            "export": cmd_export,
            "verify": verify_cli.cmd_verify,
            "roster": roster_cli.cmd_roster,
            "run": cmd_run,
        }[args.command](settings, args)
    except ConfigError as err:
        print(t("vi", "cli_config_error", key=err.key, expected=err.expected), file=sys.stderr)
        return 2


def run_secrets(settings: Settings) -> list[str]:
    """Tokens and webhook secrets of the enabled channels, masked in every log line (this
    also checks that they are set before anything starts)."""
    found: list[str] = []
    for cfg in (settings.telegram, settings.zalo):
        if cfg.enabled:
            found.append(cfg.resolve_token())
            secret = cfg.resolve_secret()
            if secret:
                found.append(secret)
    return found


def cmd_init(settings: Settings, args: argparse.Namespace) -> int:
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


async def _check_schema(settings: Settings, args: argparse.Namespace) -> bool:
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


def cmd_invite(settings: Settings, args: argparse.Namespace) -> int:
    try:
        role = Role.parse(args.role)
    except ValueError as exc:
        raise ConfigError("--role", "cfg_role") from exc
    return asyncio.run(_invite(settings, args, role))


async def _invite(settings: Settings, args: argparse.Namespace, role: Role) -> int:
    lang = settings.language
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        async with runtime.services.sessions() as session, session.begin():
            hamlet = None
            if role.needs_hamlet or args.hamlet:
                if not args.hamlet:
                    print(t(lang, "cli_hamlet_required", role=role.value), file=sys.stderr)
                    return 2
                found = await hamlets_named(session, [args.hamlet], lang)
                if found is None:
                    return 2
                hamlet = found[0]
            now = runtime.services.clock.now()
            code, invite = await create_invite(
                session,
                role=role,
                hamlet=hamlet,
                created_by=None,
                now=now,
                ttl=timedelta(hours=settings.invite_ttl_hours),
            )
            where = t(lang, "registered_hamlet", hamlet=hamlet.name) if hamlet else ""
            print(
                t(
                    lang,
                    "cli_invite_created",
                    role=t(lang, f"role_{role.value}"),
                    where=where,
                    expires=fmt_datetime(invite.expires_at, settings.timezone),
                )
            )
            print(code)
        return 0


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    return asyncio.run(_chat(settings, args, args.user))


async def _chat(settings: Settings, args: argparse.Namespace, user: str) -> int:
    from bot.channels.console import ConsoleChannel

    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        await ConsoleChannel(runtime.core, user, settings.language).run()
        return 0


# --- export -------------------------------------------------------------------------------

# Words rather than the characters: a bare ";" ends the command in a shell.
CSV_SEPARATORS = {"comma": ",", "semicolon": ";"}


def _cli_period(settings: Settings, args: argparse.Namespace) -> Period:
    today = datetime.now(settings.timezone).date()
    try:
        if args.start or args.end:
            if not (args.start and args.end):
                raise ConfigError("--from/--to", "cli_period_dates")
            start, end = (datetime.strptime(v, "%d/%m/%Y").date() for v in (args.start, args.end))
            return resolve("custom", settings.campaign, today, start=start, end=end)
        if args.period not in KINDS or args.period == "custom":
            raise ConfigError("--period", "cli_period_kind", kinds=", ".join(KINDS[:-1]))
        return resolve(args.period, settings.campaign, today)
    except (ValueError, PeriodError) as exc:
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError("--from/--to", "cli_period_dates") from exc


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    period = _cli_period(settings, args)
    return asyncio.run(_export(settings, args, period))


async def _export(settings: Settings, args: argparse.Namespace, period: Period) -> int:
    from handlers.reports.export import export

    lang = settings.language
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        async with runtime.services.sessions() as session, session.begin():
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


# --- demo ---------------------------------------------------------------------------------

DEMO_USER = "demo"


def _demo_settings(settings: Settings, data: Path) -> Settings:
    """The example config, on a fresh demo database, with the campaign spanning this year."""
    from dataclasses import replace

    data = data.resolve()
    year = date.today().year
    campaign = replace(settings.campaign, start=date(year, 1, 1), end=date(year, 12, 31))
    return replace(
        settings,
        database_url=f"sqlite+aiosqlite:///{data / 'demo.sqlite3'}",
        data_dir=data,
        campaign=campaign,
    )


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    try:
        role = Role.parse(args.role)
    except ValueError as exc:
        raise ConfigError("--role", "cfg_role") from exc
    db_path = settings.data_dir / "demo.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    migrate(settings)
    hamlet_name = asyncio.run(_demo_seed(settings, role))
    print(
        t(
            settings.language,
            "cli_demo_ready",
            path=db_path,
            user=DEMO_USER,
            role=t(settings.language, f"role_{role.value}"),
            hamlet=hamlet_name,
        )
    )
    return asyncio.run(_chat(settings, args, DEMO_USER))


# Sample households: (hamlet index, name, phone, procedure indexes, days ago).
_DEMO_HOUSEHOLDS = (
    (0, "Nguyễn Văn Hùng", "+84912345678", (0,), 3),
    (0, "Trần Thị Mai", "+84983456789", (1, 2), 2),
    (0, "Lê Văn Tâm", "+84357654321", (2,), 1),
    (1, "Phạm Thị Hồng", "+84903111222", (0, 3), 9),
    (1, "Võ Văn Lợi", "+84903111333", (4,), 5),
    (2, "Huỳnh Thị Thu", "+84903111444", (0,), 12),
)


async def _demo_seed(settings: Settings, role: Role) -> str:
    """Officers in the first hamlets with a few households each; the console user "demo"
    is the first hamlet's officer (or its head, or a supervisor)."""
    from models.registry import HouseholdInput, campaign_by_code, create_household_entry

    runtime = build_runtime(settings)
    try:
        await sync_from_config(runtime)
        now = runtime.services.clock.now()
        today = now.astimezone(settings.timezone).date()
        async with runtime.services.sessions() as session, session.begin():
            codes = [h.code for h in settings.hamlets[:3]]
            found = {
                h.code: h
                for h in await session.scalars(select(Hamlet).where(Hamlet.code.in_(codes)))
            }
            hamlets = [found[c] for c in codes]
            camp = await campaign_by_code(session, settings.campaign.code)
            officers: list[User] = []
            for i, hamlet in enumerate(hamlets):
                officer = User(
                    display_name="Cán bộ Demo" if i == 0 else f"Cán bộ {hamlet.name}",
                    role=Role.OFFICER,
                    hamlet_id=hamlet.id,
                    created_at=now,
                    active=True,
                )
                session.add(officer)
                officers.append(officer)
            me = officers[0]
            if role != Role.OFFICER:
                me = User(
                    display_name=t(settings.language, f"role_{role.value}").capitalize() + " Demo",
                    role=role,
                    created_at=now,
                    active=True,
                    hamlet_id=hamlets[0].id if role.needs_hamlet else None,
                )
                session.add(me)
            await session.flush()
            session.add(
                Identity(user_id=me.id, channel="console", external_id=DEMO_USER, created_at=now)
            )
            procs = [p.code for p in settings.procedures]
            for index, name, phone, proc_idx, days_ago in _DEMO_HOUSEHOLDS:
                if index >= len(hamlets):
                    continue
                hamlet = hamlets[index]
                day = max(today - timedelta(days=days_ago), settings.campaign.start)
                await create_household_entry(
                    session,
                    campaign_id=camp.id,
                    hamlet_id=hamlet.id,
                    officer=officers[index],
                    now=now,
                    data=HouseholdInput(
                        name=name,
                        address=f"Tổ {len(name) % 5 + 1}, {hamlet.name}",
                        phone=phone,
                        procedure_codes=tuple(procs[i % len(procs)] for i in proc_idx),
                        dossier_code="",
                        guided_on=day,
                    ),
                )
            if me.hamlet_id is None:
                return t(settings.language, "cli_demo_all_hamlets")
            return str(hamlets[0].name)
    finally:
        await runtime.close()


# --- run ----------------------------------------------------------------------------------


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.channels.zalo_api import ZaloApiError
    from bot.serve import serve

    if not asyncio.run(_check_schema(settings, args)):
        return 2
    lang = settings.language
    channels = [
        name
        for name, cfg in (("Telegram", settings.telegram), ("Zalo", settings.zalo))
        if cfg.enabled
    ]
    http = (
        f"{settings.http.host}:{settings.http.port}"
        if settings.serves_http
        else t(lang, "cli_run_no_http")
    )
    print(
        t(lang, "cli_run_starting", channels=", ".join(channels) or "–", http=http), file=sys.stderr
    )
    try:
        asyncio.run(serve(settings))
    except ZaloApiError as exc:
        # The token is never part of the error; the code tells a wrong token from an outage.
        print(t(lang, "cli_run_zalo_failed", code=exc.code, error=exc.description), file=sys.stderr)
        return 1
    return 0
