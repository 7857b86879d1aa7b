"""`python -m bot roster`: import a hamlet's household roster from a CSV/XLSX file, or show the
roster each hamlet uses.

An import stores the file only when every row is clean (nothing half-imported: the roster,
the hamlet's new total, the audit record and the links to guided households are one
transaction). Exit codes: 0 imported (or shown), 1 the file has errors or the import was not
confirmed, 2 a usage problem (unknown hamlet, no such file, no confirmation possible without
--yes, database not initialised).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from bot.cli.common import command_runtime, hamlets_named
from bot.config import Settings
from handlers.engine.i18n import fmt_int, t
from handlers.parse.roster_file import (
    MAX_BYTES,
    ParsedRoster,
    RosterFileError,
    file_error_text,
    parse_roster,
)
from handlers.rosters.roster import imported_text, rejected_text
from models.campaign import Hamlet
from models.registry import campaign_by_code
from models.roster import Roster, RosterLine, current_roster, import_roster
from models.roster_match import match_hamlet
from models.text import fold
from models.totals import change_of_roster


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "roster",
        help="household rosters: import a hamlet's list (CSV/XLSX), "
        "or show the roster each hamlet uses",
    )
    what = p.add_subparsers(dest="roster_command", required=True)
    p = what.add_parser(
        "import",
        help="import PATH as the hamlet's roster (replaces the "
        "current one; asks first unless --yes)",
    )
    p.add_argument("--config", required=True)
    p.add_argument("--hamlet", required=True, help="hamlet code")
    p.add_argument(
        "--yes",
        action="store_true",
        help="import without asking (needed when not run from a terminal)",
    )
    p.add_argument("path", metavar="PATH", help="the roster file (.csv or .xlsx)")
    p = what.add_parser("show", help="each hamlet's current roster")
    p.add_argument("--config", required=True)
    p.add_argument("--hamlet", help="only this hamlet")


def run(settings: Settings, args: argparse.Namespace) -> int:
    if args.roster_command == "show":
        return asyncio.run(_show(settings, args))
    path = Path(args.path)
    try:
        with path.open("rb") as fh:
            # One byte over the limit is enough for the parser to refuse a file too big.
            data = fh.read(MAX_BYTES + 1)
    except OSError:
        print(t(settings.language, "cli_roster_no_file", path=args.path), file=sys.stderr)
        return 2
    return asyncio.run(_import(settings, args, path.name, data))


# --- import ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    hamlet_id: int
    name: str
    total: int  # the hamlet's total households now
    previous: Roster | None  # the roster the import replaces


async def _import(settings: Settings, args: argparse.Namespace, name: str, data: bytes) -> int:
    lang = settings.language
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        async with runtime.services.sessions() as session, session.begin():
            found = await hamlets_named(session, [args.hamlet], lang)
            if found is None:
                return 2
            hamlet = found[0]
            target = _Target(
                hamlet.id,
                hamlet.name,
                hamlet.total_households,
                await current_roster(session, hamlet.id),
            )
        try:
            parsed = await asyncio.to_thread(parse_roster, data, name)
        except RosterFileError as exc:
            print(file_error_text(lang, exc), file=sys.stderr)
            return 1
        if not parsed.ok:
            print(rejected_text(lang, parsed, shown=None), file=sys.stderr)
            return 1
        print(preview_text(lang, target, name, parsed))
        if not args.yes:
            if not _can_ask():
                print(t(lang, "cli_roster_needs_yes"), file=sys.stderr)
                return 2
            # No transaction is open while the user thinks (SQLite writers would wait).
            if not _confirm(lang):
                print(t(lang, "roster_cancelled"))
                return 1
        lines = [RosterLine(r.row, r.head_name, r.address, r.phone, r.code) for r in parsed.rows]
        async with runtime.services.sessions() as session, session.begin():
            # Locked (PostgreSQL) so two imports into one hamlet cannot interleave.
            hamlet_now = await session.scalar(
                select(Hamlet).where(Hamlet.id == target.hamlet_id, Hamlet.active).with_for_update()
            )
            replaced = await current_roster(session, target.hamlet_id)
            previous_id = target.previous.id if target.previous else None
            if hamlet_now is None or (replaced.id if replaced else None) != previous_id:
                print(t(lang, "cli_roster_changed", hamlet=target.name), file=sys.stderr)
                return 1
            now = runtime.services.clock.now()
            # Run by the office on the server: its decision, applied from today (recorded).
            roster = await import_roster(
                session,
                hamlet=hamlet_now,
                lines=lines,
                source=name,
                fingerprint=hashlib.sha256(data).hexdigest(),
                actor_id=None,
                now=now,
                today=now.astimezone(settings.timezone).date(),
            )
            change = await change_of_roster(session, roster.id)
            camp = await campaign_by_code(session, settings.campaign.code)
            result = await match_hamlet(
                session, campaign_id=camp.id, hamlet_id=hamlet_now.id, now=now
            )
        print(imported_text(lang, target.name, roster.households, result, change))
        return 0


def preview_text(lang: str, target: _Target, name: str, parsed: ParsedRoster) -> str:
    rows = len(parsed.rows)
    lines = [
        t(
            lang,
            "roster_preview",
            hamlet=target.name,
            file=name,
            rows=fmt_int(lang, rows),
            phones=fmt_int(lang, sum(1 for r in parsed.rows if r.phone)),
            codes=fmt_int(lang, sum(1 for r in parsed.rows if r.code)),
        )
    ]
    if target.previous is not None:
        lines.append(
            t(lang, "roster_preview_replaces", rows=fmt_int(lang, target.previous.households))
        )
    lines.append(
        t(lang, "cli_roster_total", total=fmt_int(lang, rows), before=fmt_int(lang, target.total))
    )
    return "\n".join(lines)


def _can_ask() -> bool:
    """A person at a terminal can answer; CI jobs, cron and pipes cannot (never wait)."""
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        return False
    return sys.stdin is not None and sys.stdin.isatty()


def _confirm(lang: str) -> bool:
    try:
        answer = input(t(lang, "cli_roster_confirm"))
    except (EOFError, KeyboardInterrupt):
        print()
        return False
    return fold(answer) in {"y", "yes", "c", "co"}


# --- show --------------------------------------------------------------------------------


async def _show(settings: Settings, args: argparse.Namespace) -> int:
    lang = settings.language
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        async with runtime.services.sessions() as session:
            hamlets = await hamlets_named(session, [args.hamlet] if args.hamlet else None, lang)
            if hamlets is None:
                return 2
            camp = await campaign_by_code(session, settings.campaign.code)
            now = runtime.services.clock.now()
            lines = []
            for hamlet in hamlets:
                # Worked out as the chat would link them now; rolled back below (read-only).
                result = await match_hamlet(
                    session, campaign_id=camp.id, hamlet_id=hamlet.id, now=now
                )
                roster = result.roster
                if roster is None:
                    lines.append(
                        t(
                            lang,
                            "cli_roster_show_none",
                            code=hamlet.code,
                            hamlet=hamlet.name,
                            total=fmt_int(lang, hamlet.total_households),
                        )
                    )
                    continue
                lines.append(
                    t(
                        lang,
                        "cli_roster_show_row",
                        code=hamlet.code,
                        hamlet=hamlet.name,
                        rows=fmt_int(lang, roster.households),
                        file=roster.source,
                        when=roster.imported_at.astimezone(settings.timezone).strftime(
                            "%d/%m/%Y %H:%M"
                        ),
                        linked=fmt_int(lang, result.linked),
                        ambiguous=fmt_int(lang, len(result.ambiguous)),
                    )
                )
            await session.rollback()
        for line in lines:
            print(line)
        return 0
