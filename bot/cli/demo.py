"""`python -m bot demo`: a fresh SQLite database with a few households, a demo officer (or
hamlet head, or supervisor), and the console chat as that person."""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.cli.common import EXAMPLE_CONFIG, console_chat, parse_role
from bot.config import Settings
from bot.runtime import build_runtime, migrate, sync_from_config
from handlers.engine.i18n import t
from models.campaign import Hamlet
from models.people import Identity, Role, User
from models.registry import HouseholdInput, campaign_by_code, create_household_entry

DEMO_USER = "demo"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="fresh SQLite database, a demo officer, console chat")
    p.add_argument("--config", default=str(EXAMPLE_CONFIG))
    p.add_argument("--data", default="data", help="folder for demo.sqlite3 (default: data)")
    p.add_argument(
        "--role",
        default="officer",
        help="who you are in the demo: officer (default), hamlet_head, supervisor",
    )


def demo_settings(settings: Settings, data: Path) -> Settings:
    """The config, on a fresh demo database; a campaign that is not running today is moved
    to this year (its configured award rounds dropped: they lie in its own dates)."""
    data = data.resolve()
    today = date.today()
    campaign = settings.campaign
    if not campaign.start <= today <= campaign.end:
        year = today.year
        campaign = replace(campaign, start=date(year, 1, 1), end=date(year, 12, 31), rounds=())
    return replace(
        settings,
        database_url=f"sqlite+aiosqlite:///{data / 'demo.sqlite3'}",
        data_dir=data,
        campaign=campaign,
    )


def run(settings: Settings, args: argparse.Namespace) -> int:
    """`settings` are `demo_settings`' (the caller applies them before logging starts)."""
    role = parse_role(args.role)
    db_path = settings.data_dir / "demo.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    migrate(settings)
    hamlet_name = asyncio.run(_seed(settings, role))
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
    return asyncio.run(console_chat(settings, args, DEMO_USER))


# Sample households: (hamlet index, name, phone, procedure indexes, days ago).
_DEMO_HOUSEHOLDS = (
    (0, "Nguyễn Văn Hùng", "+84912345678", (0,), 3),
    (0, "Trần Thị Mai", "+84983456789", (1, 2), 2),
    (0, "Lê Văn Tâm", "+84357654321", (2,), 1),
    (1, "Phạm Thị Hồng", "+84903111222", (0, 3), 9),
    (1, "Võ Văn Lợi", "+84903111333", (4,), 5),
    (2, "Huỳnh Thị Thu", "+84903111444", (0,), 12),
)


async def _seed(settings: Settings, role: Role) -> str:
    """Officers in the first hamlets with a few households each; the console user "demo"
    is the first hamlet's officer (or its head, or a supervisor)."""
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
