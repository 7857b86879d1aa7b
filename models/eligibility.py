"""Verification results per hamlet and officer, and the rule that turns them into eligibility.

Only "must match" answers fail a check (`models.verification.MatchRule`, from
configuration: "not guided" always; by default the procedure, a guidance date more than 7 days
off, and a wrong number — the officer's evidence being wrong); an unreachable household says
nothing about the officer's work. A wrong number is its own figure everywhere, failing or not.
The configured rule (default: any failed check) marks the hamlet and the officer who logged
the entry "not eligible"; a supervisor's overturn of a failed check takes it out of the count.

Figures are for a viewer (`models.check_scope`): a hamlet's people count only checks with an
outcome, so their figures never say how many households are still to be called. Eligibility
is the same in every view: only an answered check can fail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.campaign import Hamlet
from models.check_scope import Viewer, sees_pending, visible_checks
from models.households import Entry
from models.people import Role, User
from models.verification import ANSWER, OPEN, Check, MatchRule, Outcome


@dataclass(frozen=True)
class FailRule:
    failures: int = 1  # this many failed checks make a hamlet/officer not eligible (0: off)
    max_failure_rate: float | None = None  # or: failed / answered above this share
    match: MatchRule = field(default_factory=MatchRule)  # which answers fail a check

    def fails(self, tally: Tally) -> bool:
        if self.failures and tally.failures >= self.failures:
            return True
        if self.max_failure_rate is not None and tally.answered:
            return tally.failures / tally.answered > self.max_failure_rate
        return False


@dataclass
class Tally:
    key: int  # hamlet id or officer id
    name: str
    code: str = ""  # hamlet code (officers: their hamlet's code)
    confirmed: int = 0  # with a detail that may drift (`MatchRule.tolerated`) included
    failed: int = 0  # the household's answer failed it, or its entry was deleted
    overturned: int = 0
    unreachable: int = 0  # could not verify after every attempt
    wrong_number: int = 0  # its own figure, whether the rule fails it or not
    open: int = 0
    failed_checks: list[int] = field(default_factory=list)  # all that count against it
    eligible: bool = True
    wrong_number_failing: int = 0  # of `wrong_number`, those the rule fails
    undecided: int = 0  # of the failures, those no supervisor has upheld yet (open cases)

    @property
    def checked(self) -> int:
        """Checks with a final outcome."""
        return self.confirmed + self.failed + self.overturned + self.unreachable + self.wrong_number

    @property
    def failures(self) -> int:
        """Checks that count against eligibility: failed ones and failing wrong numbers."""
        return self.failed + self.wrong_number_failing

    @property
    def answered(self) -> int:
        """Checks judged on the must-match questions (a wrong number when the rule fails it:
        the evidence itself was wrong)."""
        return self.confirmed + self.failures + self.overturned

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
    pending: bool = True  # checks still to be called are counted (`open`): the office's view

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


def _count(
    tally: Tally,
    rule: MatchRule,
    status: str,
    outcome: str | None,
    detail: str,
    overturned: bool,
    deleted: bool,
    check_id: int,
    upheld: bool = False,
) -> None:
    if status == OPEN:
        tally.open += 1
        return
    result = Outcome(outcome or Outcome.COULD_NOT_VERIFY)
    fails = deleted or rule.fails(result.value, detail)
    if fails and not overturned and not upheld:
        tally.undecided += 1
    if fails and overturned:
        tally.overturned += 1
    elif deleted:  # deleted while on an open list: failed, whatever was said
        tally.failed += 1
        tally.failed_checks.append(check_id)
    elif result == Outcome.WRONG_NUMBER:
        tally.wrong_number += 1
        if fails:
            tally.wrong_number_failing += 1
            tally.failed_checks.append(check_id)
    elif fails:
        tally.failed += 1
        tally.failed_checks.append(check_id)
    elif result in (Outcome.CONFIRMED, Outcome.WRONG_DETAILS):  # a detail that may drift
        tally.confirmed += 1
    else:
        tally.unreachable += 1


def _charged(detail: str | None, deleted: bool, drawn: object) -> tuple[int, ...]:
    """Who answers for a procedure the household denied: the officers who logged the
    denied procedures (a household counted for several may have them from several
    officers), not simply whoever's entry was drawn. Empty: the drawn entry's officer."""
    if detail != "procedure" or deleted or not isinstance(drawn, dict):
        return ()
    answer = drawn.get(ANSWER)
    if not isinstance(answer, dict) or not isinstance(answer.get("by"), dict):
        return ()
    confirmed = set(answer.get("confirmed") or [])
    denied = [c for c in answer.get("procedures") or [] if c not in confirmed]
    ids: list[int] = []
    for code in denied:
        for officer in answer["by"].get(code) or []:
            if isinstance(officer, int) and officer not in ids:
                ids.append(officer)
    return tuple(ids)


async def verification(
    session: AsyncSession,
    *,
    campaign_id: int,
    rule: FailRule,
    hamlets: Sequence[Hamlet] | None = None,
    viewer: Viewer = Role.SUPERVISOR,
    guided_within: tuple[date, date] | None = None,
) -> Verification:
    """Figures over every check of the campaign (optionally only these hamlets), as this
    viewer may see them (`models.check_scope`).

    Nothing drawn leaves the figures: a check whose entry was deleted while it was open
    (`models.frozen`) stays a check to call, and once called counts as failed whatever the
    household said, until a supervisor overturns it.
    """
    stmt = select(
        Check.id,
        Check.hamlet_id,
        Check.officer_id,
        Check.status,
        Check.outcome,
        Check.detail,
        Check.overturned_at.is_not(None),
        Check.entry_deleted_at.is_not(None),
        Check.upheld_at.is_not(None),
        Check.drawn,
    ).where(Check.campaign_id == campaign_id, visible_checks(viewer))
    if hamlets is not None:
        stmt = stmt.where(Check.hamlet_id.in_([h.id for h in hamlets]))
    if guided_within is not None:
        # A review period judges the work done in it: a check of an entry guided after the
        # period's end (or before its start) belongs to another review.
        first, last = guided_within
        stmt = stmt.join(Entry, Entry.id == Check.entry_id).where(
            Entry.guided_on >= first, Entry.guided_on <= last
        )
    rows = list(await session.execute(stmt.order_by(Check.id)))
    charged = {row[0]: _charged(row[5], bool(row[7]), row[9]) for row in rows}
    officer_ids = {row[2] for row in rows} | {o for ids in charged.values() for o in ids}
    officer_info: dict[int, tuple[str, int | None]] = {}
    hamlet_names: dict[int, tuple[str, str]] = {}
    if rows:  # names of the hamlets and officers checked only, not of a whole province
        officer_rows = await session.execute(
            select(User.id, User.display_name, User.hamlet_id).where(User.id.in_(officer_ids))
        )
        officer_info = {uid: (name, hid) for uid, name, hid in officer_rows}
        wanted = {row[1] for row in rows} | {hid for _n, hid in officer_info.values() if hid}
        hamlet_rows = await session.execute(
            select(Hamlet.id, Hamlet.name, Hamlet.code).where(Hamlet.id.in_(wanted))
        )
        hamlet_names = {hid: (name, code) for hid, name, code in hamlet_rows}
    by_hamlet: dict[int, Tally] = {}
    by_officer: dict[int, Tally] = {}
    total = Tally(key=0, name="")

    def officer_tally(officer_id: int, hamlet_id: int) -> Tally:
        o_name, o_hamlet = officer_info.get(officer_id, ("?", hamlet_id))
        return by_officer.setdefault(
            officer_id,
            Tally(
                key=officer_id,
                name=o_name,
                code=hamlet_names.get(o_hamlet or hamlet_id, ("?", "?"))[1],
            ),
        )

    for (
        check_id,
        hamlet_id,
        officer_id,
        status,
        outcome,
        detail,
        overturned,
        deleted,
        upheld,
        _drawn,
    ) in rows:
        name, code = hamlet_names.get(hamlet_id, ("?", "?"))
        h = by_hamlet.setdefault(hamlet_id, Tally(key=hamlet_id, name=name, code=code))
        answerable = charged[check_id] or (officer_id,)
        for tally in (h, total, *(officer_tally(o, hamlet_id) for o in answerable)):
            _count(
                tally,
                rule.match,
                status,
                outcome,
                detail or "",
                bool(overturned),
                bool(deleted),
                check_id,
                bool(upheld),
            )
        if officer_id not in answerable:  # what the household said of this officer's own
            _count(
                officer_tally(officer_id, hamlet_id),
                rule.match,
                status,
                Outcome.CONFIRMED.value,
                "",
                False,
                False,
                check_id,
            )
    for tally in (*by_hamlet.values(), *by_officer.values()):
        tally.eligible = not rule.fails(tally)
    return Verification(
        hamlets=tuple(sorted(by_hamlet.values(), key=lambda t: t.code)),
        officers=tuple(sorted(by_officer.values(), key=lambda t: (t.code, t.name, t.key))),
        total=total,
        pending=sees_pending(viewer),
    )


async def count_checks(session: AsyncSession, campaign_id: int) -> int:
    return (
        await session.scalar(select(func.count(Check.id)).where(Check.campaign_id == campaign_id))
        or 0
    )
