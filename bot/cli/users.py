"""`python -m bot users list|show|deactivate|move|role`: the staff list and changes to people
from the command line, as the system (every hamlet; audited with no acting person).

    users list --config c                                      everyone, by hamlet; invites
    users show "Nguyễn Văn An" --config c                      one person's card (or #12)
    users deactivate 12 --reason "mất điện thoại" --config c   take access away now
    users move 12 --hamlet L365 [--effective 13/04/2026] --config c
    users role 12 --role supervisor [--unit "Xã Hòn Tre"] [--effective …] --config c

A change takes effect when it is made; --effective records since when it holds: today or
an earlier day of the campaign, never a day to come.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import command_runtime, hamlets_named
from bot.config import Settings
from handlers.engine.i18n import fmt_date, t
from handlers.parse.effective_date import parse_effective
from handlers.parse.form_errors import FormError
from handlers.render.staff_text import card_text, staff_text, who
from models.access import units
from models.campaign import Hamlet
from models.people import Role, User
from models.registry import campaign_by_code
from models.staff import (
    REASON_MIN,
    StaffError,
    change_role,
    deactivate,
    find_people,
    move,
    person,
    staff_list,
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("users", help="the staff list; take access away, move, change a role")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("list", help="everyone by hamlet, and invites not used yet")
    a.add_argument("--config", required=True)
    a = actions.add_parser("show", help="one person's card")
    a.add_argument("person", help="a name (without marks is fine) or #id")
    a.add_argument("--config", required=True)
    a = actions.add_parser("deactivate", help="take a person's access away now")
    a.add_argument("person")
    a.add_argument("--reason", required=True, help=f"why (at least {REASON_MIN} characters)")
    a.add_argument("--config", required=True)
    a = actions.add_parser("move", help="attach an officer or hamlet head to another hamlet")
    a.add_argument("person")
    a.add_argument("--hamlet", required=True, help="the new hamlet's code")
    a.add_argument("--effective", help="since when, dd/mm/yyyy, not after today (default: today)")
    a.add_argument("--config", required=True)
    a = actions.add_parser("role", help="give a person another role")
    a.add_argument("person")
    a.add_argument("--role", required=True, help="officer | hamlet_head | supervisor | admin")
    a.add_argument("--hamlet", help="hamlet code (officers and hamlet heads)")
    a.add_argument("--unit", help="a supervisor's commune (default: every commune)")
    a.add_argument("--effective", help="since when, dd/mm/yyyy, not after today (default: today)")
    a.add_argument("--config", required=True)


def run(settings: Settings, args: argparse.Namespace) -> int:
    return asyncio.run(_run(settings, args))


def _err(text: str) -> int:
    print(text, file=sys.stderr)
    return 2


async def _run(settings: Settings, args: argparse.Namespace) -> int:
    lang = settings.language
    tz = settings.timezone
    async with command_runtime(settings, args) as runtime:
        if runtime is None:
            return 2
        now = runtime.services.clock.now()
        today = now.astimezone(tz).date()
        month = today.replace(day=1)
        async with runtime.services.sessions() as session, session.begin():
            campaign_id = (await campaign_by_code(session, settings.campaign.code)).id
            if args.action == "list":
                staff = await staff_list(
                    session, None, campaign_id=campaign_id, month_start=month, now=now
                )
                print(staff_text(lang, tz, staff, month))
                return 0
            user = await _one(session, args.person, lang)
            if user is None:
                return 2
            if args.action == "show":
                shown = await person(session, user, campaign_id=campaign_id, month_start=month)
                print(card_text(lang, tz, shown, month))
                return 0
            effective = today
            if getattr(args, "effective", None):
                try:
                    effective = parse_effective(args.effective, today, settings.campaign)
                except FormError as err:
                    return _err(t(lang, err.key, **err.values))
            try:
                text = await _change(session, args, user, lang, effective, now, settings)
            except StaffError as err:
                return _err(t(lang, f"staff_error_{err}", name=user.display_name, min=REASON_MIN))
            if text is None:
                return 2
            print(text)
            return 0


async def _change(
    session: AsyncSession,
    args: argparse.Namespace,
    user: User,
    lang: str,
    effective: date,
    now: datetime,
    settings: Settings,
) -> str | None:
    name = user.display_name
    today = now.astimezone(settings.timezone).date()
    start = settings.campaign.start
    if args.action == "deactivate":
        released = await deactivate(session, user=user, actor_id=None, reason=args.reason, now=now)
        return t(
            lang,
            "staff_off_done",
            name=name,
            dialogs=released.dialogs,
            links=released.links,
            cards=released.cards,
        )
    if args.action == "move":
        found = await hamlets_named(session, [args.hamlet], lang)
        if found is None:
            return None
        await move(
            session,
            user=user,
            hamlet=found[0],
            actor_id=None,
            effective=effective,
            today=today,
            start=start,
            now=now,
        )
        return t(lang, "staff_move_done", name=name, new=found[0].name, day=fmt_date(effective))
    try:
        role = Role.parse(args.role)
    except ValueError:
        _err(t(lang, "cli_users_role_bad"))
        return None
    hamlet: Hamlet | None = None
    if role.needs_hamlet:
        if not args.hamlet:
            _err(t(lang, "cli_hamlet_required", role=role.value))
            return None
        found = await hamlets_named(session, [args.hamlet], lang)
        if found is None:
            return None
        hamlet = found[0]
    unit = None
    if role == Role.SUPERVISOR and args.unit:
        known = await units(session)
        unit = next((u for u in known if u.casefold() == args.unit.strip().casefold()), None)
        if unit is None:
            _err(t(lang, "cli_users_unit_unknown", unit=args.unit, units=", ".join(known)))
            return None
    await change_role(
        session,
        user=user,
        role=role,
        hamlet=hamlet,
        unit=unit,
        actor_id=None,
        effective=effective,
        today=today,
        start=start,
        now=now,
    )
    return t(
        lang,
        "staff_role_done",
        name=name,
        new=who(lang, role, hamlet.name if hamlet else "", unit),
        day=fmt_date(effective),
    )


async def _one(session: AsyncSession, query: str, lang: str) -> User | None:
    """The one person `query` names (a name or #id); None after saying why not."""
    found = await find_people(session, None, query)
    if not found:
        _err(t(lang, "cli_users_unknown", query=query))
        return None
    if len(found) > 1:
        lines = [t(lang, "cli_users_ambiguous", count=len(found), query=query)]
        for user in found:
            hamlet = await session.get(Hamlet, user.hamlet_id) if user.hamlet_id else None
            lines.append(
                t(
                    lang,
                    "cli_users_match",
                    id=user.id,
                    name=user.display_name,
                    who=who(lang, user.role, hamlet.name if hamlet else "", user.unit),
                )
            )
        _err("\n".join(lines))
        return None
    return found[0]
