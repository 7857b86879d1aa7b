"""Quality flags for the office: patterns in how entries were recorded that a careful
supervisor would want to phone about (entered long after the day, in bursts, at night, one
phone across hamlets, a dossier code used twice, a household deleted and entered again)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, true
from sqlalchemy.ext.asyncio import AsyncSession

from models.households import Entry, Household
from models.rules import QualityRules

KINDS = ("late", "burst", "night", "phone_hamlets", "dossier_repeat", "reentered")


@dataclass
class Finding:
    """One pattern and the entries behind it (ids, oldest first)."""

    kind: str
    entry_ids: list[int] = field(default_factory=list)
    detail: str = ""  # a short fact for the list: "12 ngày", "6 mục/10 phút", a code


@dataclass(frozen=True)
class _Row:
    id: int
    officer_id: int
    hamlet_id: int
    household_id: int
    guided_on: date
    created_at: datetime
    deleted_at: datetime | None
    dossier_code: str
    phone: str
    name_folded: str


async def findings(
    session: AsyncSession,
    *,
    campaign_id: int,
    tz: ZoneInfo,
    rules: QualityRules,
    hamlet_ids: Collection[int] | None = None,
) -> dict[str, list[Finding]]:
    """Every finding of the campaign by kind (only these hamlets' entries, if given),
    newest first within a kind."""
    rows = [
        _Row(**r._asdict())
        for r in await session.execute(
            select(
                Entry.id,
                Entry.officer_id,
                Entry.hamlet_id,
                Entry.household_id,
                Entry.guided_on,
                Entry.created_at,
                Entry.deleted_at,
                Entry.dossier_code,
                Household.phone,
                Household.name_folded,
            )
            .join(Household, Household.id == Entry.household_id)
            .where(
                Entry.campaign_id == campaign_id,
                Entry.hamlet_id.in_(hamlet_ids) if hamlet_ids is not None else true(),
            )
            .order_by(Entry.officer_id, Entry.created_at, Entry.id)
        )
    ]
    live = [r for r in rows if r.deleted_at is None]
    found: dict[str, list[Finding]] = {kind: [] for kind in KINDS}

    for r in live:
        late = (r.created_at.astimezone(tz).date() - r.guided_on).days
        if late >= rules.late_days:
            found["late"].append(Finding("late", [r.id], str(late)))
        at = r.created_at.astimezone(tz).time()
        if _at_night(at, rules):
            found["night"].append(Finding("night", [r.id], at.strftime("%H:%M")))

    window = timedelta(minutes=rules.burst_minutes)
    by_officer: dict[int, list[_Row]] = defaultdict(list)
    for r in live:
        by_officer[r.officer_id].append(r)
    for mine in by_officer.values():
        start = 0
        taken: set[int] = set()
        for end, r in enumerate(mine):
            while r.created_at - mine[start].created_at > window:
                start += 1
            burst = mine[start : end + 1]
            if len(burst) >= rules.burst_count and not taken & {b.id for b in burst}:
                taken |= {b.id for b in burst}
                found["burst"].append(Finding("burst", [b.id for b in burst], str(len(burst))))

    by_phone: dict[str, list[_Row]] = defaultdict(list)
    for r in live:
        by_phone[r.phone].append(r)
    for phone_rows in by_phone.values():
        if len({r.hamlet_id for r in phone_rows}) > 1:
            found["phone_hamlets"].append(
                Finding(
                    "phone_hamlets",
                    sorted(r.id for r in phone_rows),
                    str(len({r.hamlet_id for r in phone_rows})),
                )
            )

    by_code: dict[str, list[_Row]] = defaultdict(list)
    for r in live:
        if r.dossier_code.strip():
            by_code[r.dossier_code.strip().casefold()].append(r)
    for code_rows in by_code.values():
        if len({r.household_id for r in code_rows}) > 1:
            found["dossier_repeat"].append(
                Finding(
                    "dossier_repeat", sorted(r.id for r in code_rows), code_rows[0].dossier_code
                )
            )

    # Deleted, then the same household (same phone and name) entered again after it.
    for gone in rows:
        if gone.deleted_at is None:
            continue
        deleted_at = gone.deleted_at
        again = [
            r
            for r in live
            if r.phone == gone.phone
            and r.name_folded == gone.name_folded
            and r.created_at > deleted_at
        ]
        if again:
            found["reentered"].append(Finding("reentered", [gone.id, *(r.id for r in again)]))

    for items in found.values():
        items.sort(key=lambda f: -max(f.entry_ids))
    return found


def _at_night(at: time, rules: QualityRules) -> bool:
    if rules.night_from > rules.night_to:  # the night spans midnight: 22:00 – 05:00
        return at >= rules.night_from or at < rules.night_to
    return rules.night_from <= at < rules.night_to
