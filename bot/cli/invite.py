"""`python -m bot invite`: create a single-use invite code (printed last), or one per person
of a staff list (`--file`), with a printable sheet of QR codes (`--out`).

A list with any row to fix creates nothing (exit 1, every problem by row on stderr)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import timedelta
from pathlib import Path

from bot.cli.common import command_runtime, hamlets_named, parse_role
from bot.config import Settings
from handlers.accounts.bulk_invites import (
    audit_sheet,
    cards_for,
    code_lines,
    hamlet_refs,
    rejected_text,
)
from handlers.engine.i18n import fmt_datetime, fmt_int, t
from handlers.parse.staff_file import (
    MAX_BYTES,
    StaffFileError,
    file_error_text,
    parse_staff,
    resolve,
)
from handlers.render.invite_sheet import SheetData, write_sheet
from models.invites import InviteSpec, create_invite, create_invites
from models.people import Role


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "invite",
        help="create a single-use invite code (printed last), or one per person of a staff "
        "list (--file) with a printable sheet",
    )
    p.add_argument("--config", required=True)
    p.add_argument("--role", help="officer | hamlet_head | supervisor | admin")
    p.add_argument("--hamlet", help="hamlet code (officers and hamlet heads)")
    p.add_argument(
        "--file",
        help="a staff list (.xlsx/.csv: name, role, hamlet, phone, commune): one invite per "
        "person, all or none",
    )
    p.add_argument(
        "--out", help="where to write the printable sheet (.docx; default: <file>-ma-moi.docx)"
    )
    p.add_argument(
        "--bot", help="the Telegram bot's username: t.me links and QR codes of the links"
    )


def run(settings: Settings, args: argparse.Namespace) -> int:
    lang = settings.language
    if args.file:
        path = Path(args.file)
        try:
            with path.open("rb") as fh:
                # One byte over the limit is enough for the parser to refuse a file too big.
                data = fh.read(MAX_BYTES + 1)
        except OSError:
            print(t(lang, "cli_bulk_no_file", path=args.file), file=sys.stderr)
            return 2
        out = Path(args.out) if args.out else path.with_name(f"{path.stem}-ma-moi.docx")
        return asyncio.run(_bulk(settings, args, path.name, data, out))
    if not args.role:
        print(t(lang, "cli_bulk_role_or_file"), file=sys.stderr)
        return 2
    role = parse_role(args.role)
    return asyncio.run(_invite(settings, args, role))


async def _bulk(
    settings: Settings, args: argparse.Namespace, name: str, data: bytes, out: Path
) -> int:
    lang = settings.language
    try:
        parsed = await asyncio.to_thread(parse_staff, data, name)
    except StaffFileError as exc:
        print(file_error_text(lang, exc), file=sys.stderr)
        return 1
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        async with runtime.services.sessions() as session, session.begin():
            people, errors = resolve(parsed, await hamlet_refs(session))
            if errors or not people:
                print(rejected_text(lang, len(people), errors, None), file=sys.stderr)
                return 1
            now = runtime.services.clock.now()
            made = await create_invites(
                session,
                [InviteSpec(p.role, p.hamlet_id, p.name, p.phone, p.unit) for p in people],
                created_by=None,
                now=now,
                ttl=timedelta(hours=settings.invite_ttl_hours),
            )
            audit_sheet(session, actor_id=None, now=now, made=made)
        username = (args.bot or "").strip().lstrip("@")
        expires = fmt_datetime(made[0][1].expires_at, settings.timezone)
        cards = cards_for(lang, people, [code for code, _ in made], username)
        print(t(lang, "bulk_created", n=fmt_int(lang, len(made)), expires=expires))
        print("\n".join(code_lines(lang, cards, username)))
        sheet = SheetData(
            campaign=settings.campaign.name,
            unit=settings.campaign.unit,
            made_on=now.astimezone(settings.timezone).date(),
            expires=expires,
            bot_username=username,
            cards=tuple(cards),
        )
        await asyncio.to_thread(write_sheet, out, sheet, lang)
        print(t(lang, "cli_bulk_sheet", path=out))
        return 0


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
