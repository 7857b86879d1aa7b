"""`python -m bot invite`: create a single-use invite code (printed last)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import timedelta

from bot.cli.common import command_runtime, hamlets_named, parse_role
from bot.config import Settings
from handlers.engine.i18n import fmt_datetime, t
from models.invites import create_invite
from models.people import Role


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("invite", help="create a single-use invite code (printed last)")
    p.add_argument("--config", required=True)
    p.add_argument("--role", required=True, help="officer | hamlet_head | supervisor | admin")
    p.add_argument("--hamlet", help="hamlet code (officers and hamlet heads)")


def run(settings: Settings, args: argparse.Namespace) -> int:
    role = parse_role(args.role)
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
