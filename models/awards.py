"""Award eligibility for a review period: collectives, special prizes and individuals.

Every line carries the figures that decided it and the rule behind it. Rankings follow the
configured metric order; candidates that tie on every metric share a rank, and a tie that
straddles a cap is shown as such: the council decides, the code never does silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from sqlalchemy import distinct, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from models.campaign import Hamlet
from models.eligibility import FailRule, Tally, verification
from models.households import Entry, entry_procedure
from models.people import User
from models.periods import Period
from models.reports import build_report
from models.rules import AwardRound, CampaignConfig
from models.totals import SOURCE_ROSTER

HAMLET_METRICS = ("coverage", "special_share", "guided", "active_days", "entries")
OFFICER_METRICS = ("households", "active_days", "entries")


@dataclass(frozen=True)
class AwardRules:
    """What config decides beyond the campaign's thresholds and caps."""

    collective_order: tuple[str, ...] = ("coverage", "special_share")
    special_order: tuple[str, ...] = ("special_share", "coverage", "active_days")
    individual_order: tuple[str, ...] = ("households", "active_days")
    close_margin: float = 0.05  # hamlets this close below a threshold are "close"
    close_individuals: int = 3  # officers listed as close just outside the cap
    individual_min_households: int = 1


class Status(StrEnum):
    PROPOSED = "proposed"  # within the cap
    TIED = "tied"  # tied across the cap: the council chooses among them
    OVER_CAP = "over_cap"  # eligible, ranked below the cap
    CLOSE = "close"  # just below a threshold, with what it lacks
    EXCLUDED = "excluded"  # meets the figures but a failed check rules it out


@dataclass(frozen=True)
class HamletStanding:
    hamlet_id: int
    code: str
    name: str
    total: int
    roster: bool  # total counts an imported roster's rows
    guided: int
    target: int  # households needed for the coverage threshold
    required: int  # procedures per household for the special prize
    special: int  # households guided through `required` procedures
    entries: int
    active_days: int
    period_days: int
    checks: Tally | None
    configured: int | None = None  # the configured figure, shown beside a list's count
    roster_id: int | None = None  # the list whose count `total` is, when `roster`

    @property
    def coverage(self) -> float:
        return self.guided / self.total if self.total else 0.0

    @property
    def special_share(self) -> float:
        return self.special / self.total if self.total else 0.0

    def metric(self, name: str) -> float:
        return float(getattr(self, name))


@dataclass(frozen=True)
class OfficerStanding:
    user_id: int
    name: str
    hamlet_code: str
    hamlet_name: str
    households: int  # distinct households guided in the period
    active_days: int
    entries: int
    checks: Tally | None

    def metric(self, name: str) -> float:
        return float(getattr(self, name))


S = TypeVar("S", HamletStanding, OfficerStanding)


@dataclass(frozen=True)
class Line(Generic[S]):
    subject: S
    status: Status
    rank: int | None = None  # shared by tied candidates
    lacks: int = 0  # households short of the threshold (close lines)
    failed_checks: tuple[int, ...] = ()  # excluded lines: the checks that rule them out


@dataclass(frozen=True)
class Section(Generic[S]):
    kind: str  # collective | special | individual
    cap: int
    order: tuple[str, ...]
    lines: tuple[Line[S], ...]

    def having(self, *statuses: Status) -> tuple[Line[S], ...]:
        return tuple(line for line in self.lines if line.status in statuses)

    @property
    def proposed(self) -> tuple[Line[S], ...]:
        return self.having(Status.PROPOSED)

    @property
    def tied(self) -> tuple[Line[S], ...]:
        return self.having(Status.TIED)

    @property
    def seats_left(self) -> int:
        """Places the council fills from the tied candidates."""
        return self.cap - len(self.proposed)


@dataclass(frozen=True)
class Eligibility:
    period: Period
    as_of: date
    threshold: float
    collective: Section[HamletStanding]
    special: Section[HamletStanding]
    individual: Section[OfficerStanding]
    hamlets: tuple[HamletStanding, ...] = field(default=())
    officers: tuple[OfficerStanding, ...] = field(default=())


def ranked(
    candidates: Sequence[S], order: Sequence[str], cap: int, key_name: Callable[[S], str]
) -> list[Line[S]]:
    """Competition ranking (1, 2, 2, 4) on the metrics in order, best first.

    A group of equals that fits under the cap is proposed whole; one that straddles the
    cap is TIED (all of it listed); below that, OVER_CAP.
    """

    def key(s: S) -> tuple[float, ...]:
        return tuple(s.metric(m) for m in order)

    ordered = sorted(candidates, key=lambda s: (tuple(-v for v in key(s)), key_name(s)))
    lines: list[Line[S]] = []
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and key(ordered[j]) == key(ordered[i]):
            j += 1
        rank = i + 1
        if j <= cap:
            status = Status.PROPOSED
        elif i < cap:
            status = Status.TIED
        else:
            status = Status.OVER_CAP
        lines.extend(Line(subject=s, status=status, rank=rank) for s in ordered[i:j])
        i = j
    return lines


def _failed(checks: Tally | None) -> tuple[int, ...]:
    if checks is None or checks.eligible:
        return ()
    return tuple(checks.failed_checks)


def collective_section(
    hamlets: Sequence[HamletStanding], campaign: CampaignConfig, rules: AwardRules
) -> Section[HamletStanding]:
    eligible = [h for h in hamlets if h.guided >= h.target and not _failed(h.checks)]
    lines = ranked(
        eligible, rules.collective_order, campaign.max_collective_awards, lambda h: h.code
    )
    for h in hamlets:
        if h.guided >= h.target and _failed(h.checks):
            lines.append(Line(h, Status.EXCLUDED, failed_checks=_failed(h.checks)))
        elif h.guided < h.target and h.coverage >= campaign.coverage_threshold - rules.close_margin:
            lines.append(
                Line(h, Status.CLOSE, lacks=h.target - h.guided, failed_checks=_failed(h.checks))
            )
    return Section(
        "collective", campaign.max_collective_awards, rules.collective_order, tuple(lines)
    )


def special_section(
    hamlets: Sequence[HamletStanding], campaign: CampaignConfig, rules: AwardRules
) -> Section[HamletStanding]:
    """Every household of the hamlet guided through the required number of procedures."""

    def met(h: HamletStanding) -> bool:
        return h.total > 0 and h.special >= h.total

    eligible = [h for h in hamlets if met(h) and not _failed(h.checks)]
    lines = ranked(eligible, rules.special_order, campaign.max_special_prizes, lambda h: h.code)
    for h in hamlets:
        if met(h) and _failed(h.checks):
            lines.append(Line(h, Status.EXCLUDED, failed_checks=_failed(h.checks)))
        elif not met(h) and h.total and h.special_share >= 1 - rules.close_margin:
            lines.append(
                Line(h, Status.CLOSE, lacks=h.total - h.special, failed_checks=_failed(h.checks))
            )
    return Section("special", campaign.max_special_prizes, rules.special_order, tuple(lines))


def individual_section(
    officers: Sequence[OfficerStanding], campaign: CampaignConfig, rules: AwardRules
) -> Section[OfficerStanding]:
    cap = campaign.max_individual_awards
    working = [o for o in officers if o.households >= rules.individual_min_households]
    eligible = [o for o in working if not _failed(o.checks)]
    lines = ranked(eligible, rules.individual_order, cap, lambda o: f"{o.name}\x00{o.user_id}")
    # The next few outside the cap are "close": what they lack is the households between
    # them and the last one listed for a seat (proposed, or tied across the cap).
    cutoff = min(
        (
            line.subject.households
            for line in lines
            if line.status in (Status.PROPOSED, Status.TIED)
        ),
        default=0,
    )
    close_left = rules.close_individuals
    result: list[Line[OfficerStanding]] = []
    for line in lines:
        if line.status is Status.OVER_CAP and close_left > 0:
            close_left -= 1
            result.append(
                Line(
                    line.subject,
                    Status.CLOSE,
                    rank=line.rank,
                    lacks=max(cutoff - line.subject.households, 0),
                )
            )
        else:
            result.append(line)
    result.extend(
        Line(o, Status.EXCLUDED, failed_checks=_failed(o.checks))
        for o in working
        if _failed(o.checks)
    )
    return Section("individual", cap, rules.individual_order, tuple(result))


async def officer_standings(
    session: AsyncSession,
    *,
    campaign_id: int,
    period: Period,
    as_of: date,
    checks: dict[int, Tally],
    hamlet_ids: list[int] | None = None,
) -> list[OfficerStanding]:
    rows = await session.execute(
        select(
            Entry.officer_id,
            func.count(distinct(Entry.household_id)),
            func.count(distinct(Entry.guided_on)),
            func.count(),
        )
        .where(
            Entry.campaign_id == campaign_id,
            Entry.deleted_at.is_(None),
            Entry.guided_on >= period.start,
            Entry.guided_on <= as_of,
            Entry.hamlet_id.in_(hamlet_ids) if hamlet_ids is not None else true(),
        )
        .group_by(Entry.officer_id)
    )
    figures = {int(o): (int(h), int(d), int(n)) for o, h, d, n in rows}
    if not figures:
        return []
    people = await session.execute(
        select(User.id, User.display_name, Hamlet.code, Hamlet.name)
        .outerjoin(Hamlet, Hamlet.id == User.hamlet_id)
        .where(User.id.in_(figures))
    )
    result = []
    for user_id, name, code, hamlet_name in people:
        households, days, entries = figures[int(user_id)]
        result.append(
            OfficerStanding(
                user_id=int(user_id),
                name=str(name),
                hamlet_code=str(code or ""),
                hamlet_name=str(hamlet_name or ""),
                households=households,
                active_days=days,
                entries=entries,
                checks=checks.get(int(user_id)),
            )
        )
    return result


async def guided_within(
    session: AsyncSession,
    *,
    campaign_id: int,
    start: date,
    as_of: date,
    required: dict[int, int],
) -> dict[int, tuple[int, int]]:
    """Per hamlet (of `required`: hamlet → procedures a household needs for the special
    prize), the households guided between `start` and `as_of` and, of them, those guided
    through the required number of distinct procedures in that time – live entries only."""
    if not required:
        return {}
    per_household = (
        select(
            Entry.hamlet_id.label("hamlet_id"),
            Entry.household_id.label("household_id"),
            func.count(distinct(entry_procedure.c.procedure_id)).label("procedures"),
        )
        .join(entry_procedure, entry_procedure.c.entry_id == Entry.id, isouter=True)
        .where(
            Entry.campaign_id == campaign_id,
            Entry.deleted_at.is_(None),
            Entry.guided_on >= start,
            Entry.guided_on <= as_of,
            Entry.hamlet_id.in_(list(required)),
        )
        .group_by(Entry.hamlet_id, Entry.household_id)
        .subquery()
    )
    rows = await session.execute(
        select(per_household.c.hamlet_id, per_household.c.procedures, func.count()).group_by(
            per_household.c.hamlet_id, per_household.c.procedures
        )
    )
    out: dict[int, tuple[int, int]] = {}
    for hamlet_id, procedures, households in rows:
        guided, special = out.get(int(hamlet_id), (0, 0))
        met = int(procedures) >= required[int(hamlet_id)]
        out[int(hamlet_id)] = (guided + int(households), special + (int(households) if met else 0))
    return out


async def eligibility(
    session: AsyncSession,
    *,
    campaign_id: int,
    campaign: CampaignConfig,
    period: Period,
    today: date,
    rules: AwardRules,
    fail_rule: FailRule,
    unit: str | None = None,
    award_round: AwardRound | None = None,
) -> Eligibility:
    """The three award lists as the data stand now, for the review period: among every
    hamlet, or one commune's (`unit`); with the round's caps when it is a round's."""
    if award_round is not None:
        campaign = replace(
            campaign,
            max_collective_awards=award_round.max_collective_awards,
            max_individual_awards=award_round.max_individual_awards,
            max_special_prizes=award_round.max_special_prizes,
        )
    query = select(Hamlet).where(Hamlet.active).order_by(Hamlet.code)
    if unit is not None:
        query = query.where(Hamlet.unit == unit)
    hamlets = list(await session.scalars(query))
    report = await build_report(
        session,
        campaign_id=campaign_id,
        campaign=campaign,
        period=period,
        today=today,
        hamlets=hamlets,
    )
    checks = await verification(
        session,
        campaign_id=campaign_id,
        rule=fail_rule,
        hamlets=hamlets if unit is not None else None,
        guided_within=(period.start, report.as_of),
    )
    by_hamlet = {t.key: t for t in checks.hamlets}
    # The campaign's figures count every household guided since its start. A round that
    # begins later (a year of a longer campaign) counts the households guided within it.
    if period.start > campaign.start:
        within = await guided_within(
            session,
            campaign_id=campaign_id,
            start=period.start,
            as_of=report.as_of,
            required={r.hamlet_id: r.required_procedures for r in report.rows},
        )
        counted = {r.hamlet_id: within.get(r.hamlet_id, (0, 0)) for r in report.rows}
    else:
        counted = {r.hamlet_id: (r.guided, r.special) for r in report.rows}
    standings = tuple(
        HamletStanding(
            hamlet_id=r.hamlet_id,
            code=r.code,
            name=r.name,
            total=r.total,
            roster=r.total_source == SOURCE_ROSTER,
            guided=counted[r.hamlet_id][0],
            target=r.target,
            required=r.required_procedures,
            special=counted[r.hamlet_id][1],
            entries=r.entries,
            active_days=r.active_days,
            period_days=r.period_days,
            checks=by_hamlet.get(r.hamlet_id),
            configured=r.configured,
            roster_id=r.roster_id,
        )
        for r in sorted(report.rows, key=lambda r: r.code)
    )
    officers = await officer_standings(
        session,
        campaign_id=campaign_id,
        period=period,
        as_of=report.as_of,
        checks={t.key: t for t in checks.officers},
        hamlet_ids=[h.id for h in hamlets] if unit is not None else None,
    )
    return Eligibility(
        period=period,
        as_of=report.as_of,
        threshold=campaign.coverage_threshold,
        collective=collective_section(standings, campaign, rules),
        special=special_section(standings, campaign, rules),
        individual=individual_section(officers, campaign, rules),
        hamlets=standings,
        officers=tuple(sorted(officers, key=lambda o: (o.hamlet_code, o.name))),
    )
