"""Household rosters: a hamlet's list of every household, imported from the hamlet office's
spreadsheet. Once a hamlet has one, its row count becomes the hamlet's total households:
at once, or after a supervisor's approval when it changes the total by more than the
configured tolerance (models/totals.py).

A new import replaces the previous roster (kept, marked replaced), all in one transaction,
so a hamlet never has half a list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, String, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from models.audit import record, snapshot
from models.base import Base, BigId, UTCDateTime
from models.campaign import Hamlet
from models.text import fold
from models.totals import SOURCE_ROSTER, propose_total


class Roster(Base):
    """One import of a hamlet's household list."""

    __tablename__ = "roster"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    hamlet_id: Mapped[int] = mapped_column(ForeignKey("hamlet.id"), index=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    source: Mapped[str] = mapped_column(String(200))  # the file's name
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file
    households: Mapped[int] = mapped_column(Integer)
    replaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RosterHousehold(Base):
    """One household of a roster; `household_id` links it to the household guided."""

    __tablename__ = "roster_household"
    __table_args__ = (
        Index("ix_roster_household_roster_phone", "roster_id", "phone"),
        Index("ix_roster_household_roster_key", "roster_id", "name_folded", "address_folded"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id"), index=True)
    row: Mapped[int] = mapped_column(Integer)  # the row number in the imported file
    code: Mapped[str] = mapped_column(String(40), default="")
    head_name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    address_folded: Mapped[str] = mapped_column(String(300))
    area: Mapped[str] = mapped_column(String(100), default="")  # folded "to 3", "khu b"…
    phone: Mapped[str] = mapped_column(String(20), default="")  # E.164 or ""
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id"), nullable=True, index=True
    )
    match: Mapped[str] = mapped_column(String(16), default="")  # phone | name | chosen
    matched_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    matched_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


# Groups below the hamlet that addresses name: tổ 3, xóm Bến, khu B, khóm 2, đội 1, cụm 4…
_AREA = re.compile(
    r"\b(to dan pho|tdp|to|xom|khu pho|kp|khu|khom|cum|doi)\s*(?:so\s*)?"
    r"([0-9]+[a-z]?|[a-z]\b|[a-z]+(?:\s[a-z]+)?)"
)


def area_of(address: str) -> str:
    """The group an address names ("Tổ 3, ấp Bãi Nhà" → "to 3"), or "" if none."""
    match = _AREA.search(fold(address))
    if match is None:
        return ""
    return f"{match.group(1)} {match.group(2)}"


@dataclass(frozen=True)
class RosterLine:
    """A validated row to store (the importer's input)."""

    row: int
    head_name: str
    address: str
    phone: str
    code: str


async def current_roster(session: AsyncSession, hamlet_id: int) -> Roster | None:
    return await session.scalar(
        select(Roster).where(Roster.hamlet_id == hamlet_id, Roster.replaced_at.is_(None))
    )


async def roster_sizes(session: AsyncSession) -> dict[int, int]:
    """Households per hamlet of every hamlet that has a roster."""
    rows = await session.execute(
        select(Roster.hamlet_id, Roster.households).where(Roster.replaced_at.is_(None))
    )
    return {int(h): int(n) for h, n in rows}


async def import_roster(
    session: AsyncSession,
    *,
    hamlet: Hamlet,
    lines: Sequence[RosterLine],
    source: str,
    fingerprint: str,
    actor_id: int | None,
    now: datetime,
    today: date | None = None,
    tolerance: float | None = None,
) -> Roster:
    """Store a clean roster as the hamlet's current one; links to guided households carry
    over from the roster it replaces when the row is the same household (code, or name and
    address). Its row count becomes the hamlet's total from `today`, or, when `tolerance`
    is given and the count moves the total by more, once a supervisor approves
    (`models.totals`; `change_of_roster` tells which)."""
    previous = await current_roster(session, hamlet.id)
    roster = Roster(
        hamlet_id=hamlet.id,
        imported_at=now,
        imported_by=actor_id,
        source=source[:200],
        fingerprint=fingerprint,
        households=len(lines),
    )
    session.add(roster)
    await session.flush()
    carried: dict[tuple[str, str], tuple[int, str]] = {}
    by_code: dict[str, tuple[int, str]] = {}
    if previous is not None:
        previous.replaced_at = now
        old = await session.execute(
            select(
                RosterHousehold.code,
                RosterHousehold.name_folded,
                RosterHousehold.address_folded,
                RosterHousehold.household_id,
                RosterHousehold.match,
            ).where(
                RosterHousehold.roster_id == previous.id, RosterHousehold.household_id.is_not(None)
            )
        )
        for code, name, address, household_id, how in old:
            pair = (int(household_id or 0), str(how))
            if code:
                by_code[code] = pair
            carried[(name, address)] = pair
    values = []
    used: set[int] = set()
    for line in lines:
        name_folded, address_folded = fold(line.head_name), fold(line.address)
        link = by_code.get(line.code) if line.code else None
        link = link or carried.get((name_folded, address_folded))
        if link is not None and link[0] in used:
            link = None
        if link is not None:
            used.add(link[0])
        values.append(
            {
                "roster_id": roster.id,
                "row": line.row,
                "code": line.code,
                "head_name": line.head_name,
                "name_folded": name_folded,
                "address": line.address,
                "address_folded": address_folded,
                "area": area_of(line.address),
                "phone": line.phone,
                "household_id": link[0] if link else None,
                "match": link[1] if link else "",
                "matched_at": now if link else None,
                "matched_by": None,
            }
        )
    if values:
        # One executemany: a 5,000-household roster is one round trip, not 5,000.
        await session.execute(insert(RosterHousehold), values)
    before = snapshot(hamlet)
    if hamlet.configured_households is None:
        hamlet.configured_households = hamlet.total_households
    # The rows are the hamlet's list at once; its total is the office's decision.
    change = await propose_total(
        session,
        hamlet=hamlet,
        total=len(lines),
        source=SOURCE_ROSTER,
        actor_id=actor_id,
        now=now,
        today=today,
        tolerance=tolerance,
        roster_id=roster.id,
    )
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="roster_import",
        target="hamlet",
        target_id=hamlet.id,
        before=before,
        after=snapshot(
            hamlet,
            {
                "roster_id": roster.id,
                "source": roster.source,
                "fingerprint": fingerprint,
                "households": len(lines),
                "total_change": change.id,
                "total_status": change.status,
                "replaced_roster": previous.id if previous else None,
            },
        ),
    )
    return roster


async def roster_rows(session: AsyncSession, roster_id: int) -> list[RosterHousehold]:
    return list(
        await session.scalars(
            select(RosterHousehold)
            .where(RosterHousehold.roster_id == roster_id)
            .order_by(RosterHousehold.row)
        )
    )


async def count_rows(session: AsyncSession, roster_id: int) -> int:
    return (
        await session.scalar(
            select(func.count(RosterHousehold.id)).where(RosterHousehold.roster_id == roster_id)
        )
        or 0
    )


async def unlink_household(session: AsyncSession, household_id: int) -> None:
    await session.execute(
        update(RosterHousehold)
        .where(RosterHousehold.household_id == household_id)
        .values(household_id=None, match="", matched_at=None)
    )
