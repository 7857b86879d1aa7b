"""Verification results per hamlet and officer, and the rule that turns them into eligibility.

Only "must match" answers fail a check (not guided, details false); an unreachable
household or a wrong number says nothing about the officer's work. The configured rule
(default: any failed check) marks the hamlet and the officer who logged the entry "not
eligible"; a supervisor's overturn of a failed check takes it out of the count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.campaign import Hamlet
from models.households import Entry
from models.people import User
from models.verification import OPEN, Check, Outcome


@dataclass(frozen=True)
class FailRule:
    failures: int = 1  # this many failed checks make a hamlet/officer not eligible (0: off)
    max_failure_rate: float | None = None  # or: failed / answered above this share

    def fails(self, tally: Tally) -> bool:
        if self.failures and tally.failed >= self.failures:
            return True
        if self.max_failure_rate is not None and tally.answered:
            return tally.failed / tally.answered > self.max_failure_rate
        return False


@dataclass
class Tally:
    key: int  # hamlet id or officer id
    name: str
    code: str = ""  # hamlet code (officers: their hamlet's code)
    confirmed: int = 0
    failed: int = 0
    overturned: int = 0
    unreachable: int = 0  # could not verify after every attempt
    wrong_number: int = 0
    open: int = 0
    failed_checks: list[int] = field(default_factory=list)
    eligible: bool = True

    @property
    def checked(self) -> int:
        """Checks with a final outcome."""
        return self.confirmed + self.failed + self.overturned + self.unreachable + \
            self.wrong_number

    @property
    def answered(self) -> int:
        """Checks where the household answered the must-match questions."""
        return self.confirmed + self.failed + self.overturned

    @property
    def pass_rate(self) -> float | None:
        if not self.answered:
            return None
        return (self.confirmed + self.overturned) / self.answered


@dataclass(frozen=True)
class Verification:
    hamlets: tuple[Tally, ...]
    officers: tuple[Tally, ...]
    total: Tally

    @property
    def any(self) -> bool:
        return self.total.checked + self.total.open > 0

    @property
    def not_eligible_hamlets(self) -> tuple[Tally, ...]:
        return tuple(t for t in self.hamlets if not t.eligible)

    @property
    def not_eligible_officers(self) -> tuple[Tally, ...]:
        return tuple(t for t in self.officers if not t.eligible)

    def hamlet(self, hamlet_id: int) -> Tally | None:
        return next((t for t in self.hamlets if t.key == hamlet_id), None)


def _count(tally: Tally, status: str, outcome: str | None, overturned: bool, check_id: int,
           n: int) -> None:
    if status == OPEN:
        tally.open += n
        return
    result = Outcome(outcome or Outcome.COULD_NOT_VERIFY)
    if result.fails:
        if overturned:
            tally.overturned += n
        else:
            tally.failed += n
            tally.failed_checks.append(check_id)
    elif result == Outcome.CONFIRMED:
        tally.confirmed += n
    elif result == Outcome.WRONG_NUMBER:
        tally.wrong_number += n
    else:
        tally.unreachable += n


async def verification(session: AsyncSession, *, campaign_id: int, rule: FailRule,
                       hamlets: Sequence[Hamlet] | None = None) -> Verification:
    """Figures over every check of the campaign (optionally only these hamlets)."""
    stmt = (
        select(Check.id, Check.hamlet_id, Check.officer_id, Check.status, Check.outcome,
               Check.overturned_at.is_not(None))
        .join(Entry, Entry.id == Check.entry_id)
        # An open card whose entry was deleted after the draw will never be called.
        .where(Check.campaign_id == campaign_id,
               (Check.status != OPEN) | Entry.deleted_at.is_(None))
    )
    if hamlets is not None:
        stmt = stmt.where(Check.hamlet_id.in_([h.id for h in hamlets]))
    rows = list(await session.execute(stmt.order_by(Check.id)))
    officer_ids = {row[2] for row in rows}
    officer_info: dict[int, tuple[str, int | None]] = {}
    hamlet_names: dict[int, tuple[str, str]] = {}
    if rows:  # names of the hamlets and officers checked only, not of a whole province
        officer_rows = await session.execute(
            select(User.id, User.display_name, User.hamlet_id).where(User.id.in_(officer_ids)))
        officer_info = {uid: (name, hid) for uid, name, hid in officer_rows}
        wanted = {row[1] for row in rows} | {hid for _n, hid in officer_info.values() if hid}
        hamlet_rows = await session.execute(
            select(Hamlet.id, Hamlet.name, Hamlet.code).where(Hamlet.id.in_(wanted)))
        hamlet_names = {hid: (name, code) for hid, name, code in hamlet_rows}
    by_hamlet: dict[int, Tally] = {}
    by_officer: dict[int, Tally] = {}
    total = Tally(key=0, name="")
    for check_id, hamlet_id, officer_id, status, outcome, overturned in rows:
        name, code = hamlet_names.get(hamlet_id, ("?", "?"))
        h = by_hamlet.setdefault(hamlet_id, Tally(key=hamlet_id, name=name, code=code))
        o_name, o_hamlet = officer_info.get(officer_id, ("?", hamlet_id))
        o = by_officer.setdefault(officer_id, Tally(
            key=officer_id, name=o_name, code=hamlet_names.get(o_hamlet or hamlet_id,
                                                               ("?", "?"))[1]))
        for tally in (h, o, total):
            _count(tally, status, outcome, bool(overturned), check_id, 1)
    for tally in (*by_hamlet.values(), *by_officer.values()):
        tally.eligible = not rule.fails(tally)
    return Verification(
        hamlets=tuple(sorted(by_hamlet.values(), key=lambda t: t.code)),
        officers=tuple(sorted(by_officer.values(), key=lambda t: (t.code, t.name, t.key))),
        total=total)


async def count_checks(session: AsyncSession, campaign_id: int) -> int:
    return await session.scalar(
        select(func.count(Check.id)).where(Check.campaign_id == campaign_id)) or 0

