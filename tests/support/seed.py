"""A seeded campaign with hand-countable figures (see the comments for the expected values).

Today is Wednesday 15/04/2026 (conftest NOW). Weeks: this week Mon 13/04–, last week
06/04–12/04, the week before 30/03–05/04.

- NHO (20 households, needs 2 procedures): 19 households on 01/03…19/03 → exactly 95% ✅;
  10 of them with 2 procedures → special 10.
- BNA (412, needs 1): H1 02/03 (+ a second entry 14/04), H2 06/04, H3 10/04, H4 13/04,
  H5 15/04, and H6 14/04 deleted → guided 5, special 5, this week new 2 (H4, H5).
  Officer "Lê Thị Lười" last logged 10/04 → 5 idle days (inactive with N = 3).
- L364 (364, needs 2): A 07/04 two procedures, B 08/04 + 14/04 (2 distinct over two
  entries), C 09/04 one → guided 3, special 2.
- L365 (365, needs 1): D 01/04, E 02/04 → guided 2, special 2.
- L366 (366, needs 1): F 13/04 → guided 1, special 1.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from bot.runtime import Runtime
from models.campaign import Hamlet
from models.households import Entry
from models.people import Role, User
from models.registry import (
    HouseholdInput,
    add_to_household,
    campaign_by_code,
    create_household_entry,
    soft_delete_entry,
)
from tests.support.campaign import make_user

_phones = itertools.count(912000001)
# Telegram identities need numeric ids (they are the private chats' ids too).
TELEGRAM_IDS = {
    "sup": "7001",
    "head": "7002",
    "bna1": "7003",
    "bna2": "7004",
    "nho": "7005",
    "l364": "7006",
    "l365": "7007",
    "l366": "7008",
}


@dataclass
class Seeded:
    supervisor: User
    head_bna: User
    bna_active: User
    bna_idle: User
    nho: User
    l364: User
    l365: User
    l366: User


async def _make(
    runtime: Runtime,
    external_id: str,
    hamlet: str | None,
    name: str,
    role: Role = Role.OFFICER,
    channel: str = "console",
    joined: date = date(2026, 1, 1),
) -> User:
    return await make_user(
        runtime,
        external_id=external_id,
        role=role,
        hamlet=hamlet,
        name=name,
        channel=channel,
        joined=datetime(joined.year, joined.month, joined.day, 1, tzinfo=UTC),
    )


async def set_joined(runtime: Runtime, user: User, when: datetime) -> None:
    """When `user` registered (weekly summaries skip weeks that ended before)."""
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(update(User).where(User.id == user.id).values(created_at=when))


async def seed(
    runtime: Runtime, channel: str = "console", ids: dict[str, str] | None = None
) -> Seeded:
    async def _user(runtime: Runtime, external_id: str, *args: Any, **kwargs: Any) -> User:
        return await _make(runtime, (ids or {}).get(external_id, external_id), *args, **kwargs)

    s = Seeded(
        supervisor=await _user(
            runtime, "sup", None, "Phòng Văn hóa Xã hội", Role.SUPERVISOR, channel
        ),
        head_bna=await _user(
            runtime,
            "head",
            "BNA",
            "Trưởng Ấp Bãi Nhà",
            Role.HAMLET_HEAD,
            channel,
            joined=date(2026, 4, 15),
        ),
        bna_active=await _user(runtime, "bna1", "BNA", "Trần Văn Siêng", channel=channel),
        bna_idle=await _user(runtime, "bna2", "BNA", "Lê Thị Lười", channel=channel),
        nho=await _user(runtime, "nho", "NHO", "Phạm Văn Nhỏ", channel=channel),
        l364=await _user(runtime, "l364", "L364", "Cán Bộ Ba Sáu Tư", channel=channel),
        l365=await _user(runtime, "l365", "L365", "Cán Bộ Ba Sáu Lăm", channel=channel),
        l366=await _user(runtime, "l366", "L366", "Cán Bộ Ba Sáu Sáu", channel=channel),
    )
    now = runtime.services.clock.now()
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet_ids = {h.code: h.id for h in await session.scalars(select(Hamlet))}

        async def add(
            hamlet: str, officer: User, name: str, day: date, procs: tuple[str, ...]
        ) -> Entry:
            return await create_household_entry(
                session,
                campaign_id=camp.id,
                hamlet_id=hamlet_ids[hamlet],
                officer=officer,
                now=now,
                data=HouseholdInput(
                    name=name,
                    address=f"Tổ 1, {hamlet}",
                    phone=f"+84{next(_phones)}",
                    procedure_codes=procs,
                    dossier_code="",
                    guided_on=day,
                ),
            )

        async def again(entry: Entry, officer: User, day: date, procs: tuple[str, ...]) -> None:
            await add_to_household(
                session,
                household_id=entry.household_id,
                officer=officer,
                now=now,
                data=HouseholdInput(
                    name="",
                    address="",
                    phone="",
                    procedure_codes=procs,
                    dossier_code="",
                    guided_on=day,
                ),
            )

        for i in range(19):
            procs = ("KS", "TTRU") if i < 10 else ("KS",)
            day = date(2026, 3, 1) + timedelta(days=i)
            await add("NHO", s.nho, f"Hộ Nhỏ Số {i + 1}", day, procs)
        h1 = await add("BNA", s.bna_active, "Nguyễn Văn Một", date(2026, 3, 2), ("KS",))
        await again(h1, s.bna_active, date(2026, 4, 14), ("TTRU",))
        await add("BNA", s.bna_idle, "Nguyễn Thị Hai", date(2026, 4, 6), ("KS", "TTRU"))
        await add("BNA", s.bna_idle, "Trần Văn Ba", date(2026, 4, 10), ("TAMTRU",))
        await add("BNA", s.bna_active, "Lê Thị Bốn", date(2026, 4, 13), ("KS",))
        await add("BNA", s.bna_active, "Phạm Văn Năm", date(2026, 4, 15), ("LLTP",))
        h6 = await add("BNA", s.bna_active, "Ghi Nhầm Sáu", date(2026, 4, 14), ("KS",))
        await soft_delete_entry(session, entry=h6, reason="ghi nhầm", actor=s.bna_active, now=now)
        await add("L364", s.l364, "Hộ A", date(2026, 4, 7), ("KS", "TTRU"))
        b = await add("L364", s.l364, "Hộ B", date(2026, 4, 8), ("KS",))
        await again(b, s.l364, date(2026, 4, 14), ("TAMTRU",))
        await add("L364", s.l364, "Hộ C", date(2026, 4, 9), ("KS",))
        await add("L365", s.l365, "Hộ D", date(2026, 4, 1), ("KS",))
        await add("L365", s.l365, "Hộ E", date(2026, 4, 2), ("KS",))
        await add("L366", s.l366, "Hộ F", date(2026, 4, 13), ("KS",))
    return s
