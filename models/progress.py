"""Coverage, special-prize counts and pace for a hamlet: the queries and the pure rules."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from models import tally
from models.campaign import Hamlet
from models.periods import week_start
from models.rules import CampaignConfig
from models.totals import totals_as_of


def target_households(total: int, threshold: float) -> int:
    """Households needed to reach the threshold (95% of 20 is 19, not 18.999…)."""
    return math.ceil(Decimal(str(threshold)) * total)


@dataclass(frozen=True)
class HamletCounts:
    guided: int
    special: int
    entries_today: int
    entries_week: int
    active_days: int


@dataclass(frozen=True)
class Progress:
    hamlet_code: str
    hamlet_name: str
    total: int
    guided: int
    special: int
    required_procedures: int
    entries_today: int
    entries_week: int
    active_days: int
    days_elapsed: int
    threshold: float
    target: int
    today: date
    campaign_end: date
    projected: date | None
    campaign_start: date | None = None
    # The day the pace aims at (`pace_end`): the running award round's end; None: the
    # campaign's end.
    pace_end: date | None = None

    @property
    def coverage(self) -> float:
        return self.guided / self.total if self.total else 0.0

    @property
    def reached(self) -> bool:
        return self.guided >= self.target

    @property
    def remaining(self) -> int:
        return max(self.target - self.guided, 0)

    @property
    def projected_after_end(self) -> bool:
        return self.projected is not None and self.projected > self.campaign_end

    @property
    def pace(self) -> Pace:
        return pace(
            self.guided,
            self.target,
            self.days_elapsed,
            self.today,
            self.pace_end or self.campaign_end,
            start=self.campaign_start,
        )


def days_elapsed(campaign: CampaignConfig, today: date) -> int:
    """Campaign days up to and including today (0 before the start)."""
    last = min(today, campaign.end)
    return max((last - campaign.start).days + 1, 0)


def project(guided: int, target: int, elapsed: int, today: date) -> date | None:
    """Date the target is reached at the pace so far (households per elapsed day)."""
    if guided >= target:
        return None
    if elapsed <= 0 or guided <= 0:
        return None
    days_needed = math.ceil((target - guided) * elapsed / guided)
    return today + timedelta(days=days_needed)


def pace_end(campaign: CampaignConfig, today: date) -> date:
    """The day "reach 95% before …" aims at on `today`: the end of the award round running
    then that ends first (`CampaignConfig.current_round`: in 2027 of a 2026–2030 campaign
    the 2027 review's 31/12/2027, not the phase's 31/12/2030), else the campaign's end.

    A one-year campaign without configured rounds keeps the campaign's end: its default
    rounds would aim at the 6-month review's 30/06 until July, and its hamlets were always
    told the year-end date (a year's target at half the pace)."""
    if not campaign.multi_year and not campaign.rounds:
        return campaign.end
    running = campaign.current_round(max(today, campaign.start))
    return running.end if running is not None else campaign.end


class PaceKind(enum.StrEnum):
    REACHED = "reached"  # the target is met
    ENDED = "ended"  # the campaign is over and the target was not met
    ON_PACE = "on_pace"  # the pace so far is enough to meet it by the end
    BEHIND = "behind"  # a faster pace is needed (or none yet: nothing guided so far)


@dataclass(frozen=True)
class Pace:
    """What the hamlet must do to reach the target by `end` (the campaign's, or the running
    award round's: `pace_end`), instead of a projected date years away. Rates are in
    tenths of a household a day, rounded so they never flatter: the pace needed up, the
    pace so far down."""

    kind: PaceKind
    remaining: int  # households still needed
    days_left: int  # campaign days from today (included) to the end
    needed_tenths: int  # households a day needed, ×10, rounded up
    needed_week: int  # households a week needed, rounded up
    current_tenths: int | None  # households a day so far, ×10, rounded down (None: no pace)
    end: date | None = None  # the day it aims at (`pace_end`)


def pace(
    guided: int, target: int, elapsed: int, today: date, end: date, *, start: date | None = None
) -> Pace:
    """The average a day (and a week) the remaining households need from today (or the
    campaign's `start`, when it has not begun) until `end`, both included."""
    remaining = max(target - guided, 0)
    current = (guided * 10) // elapsed if elapsed > 0 and guided > 0 else None
    if remaining == 0:
        return Pace(PaceKind.REACHED, 0, 0, 0, 0, current, end)
    if today > end:
        return Pace(PaceKind.ENDED, remaining, 0, 0, 0, current, end)
    days_left = (end - max(today, start or today)).days + 1
    needed = -(-remaining * 10 // days_left)
    week = -(-remaining * 7 // days_left)
    # Enough when guided/elapsed >= remaining/days_left, compared exactly.
    enough = elapsed > 0 and guided > 0 and guided * days_left >= remaining * elapsed
    kind = PaceKind.ON_PACE if enough else PaceKind.BEHIND
    return Pace(kind, remaining, days_left, needed, week, current, end)


def compute_progress(
    hamlet: Hamlet,
    counts: HamletCounts,
    campaign: CampaignConfig,
    today: date,
    total: int | None = None,
) -> Progress:
    """`total`: the hamlet's total in force on `today` (default: its current total)."""
    total = hamlet.total_households if total is None else total
    elapsed = days_elapsed(campaign, today)
    target = target_households(total, campaign.coverage_threshold)
    return Progress(
        hamlet_code=hamlet.code,
        hamlet_name=hamlet.name,
        total=total,
        guided=counts.guided,
        special=counts.special,
        required_procedures=campaign.procedures_required(total),
        entries_today=counts.entries_today,
        entries_week=counts.entries_week,
        active_days=counts.active_days,
        days_elapsed=elapsed,
        threshold=campaign.coverage_threshold,
        target=target,
        today=today,
        campaign_end=campaign.end,
        projected=project(counts.guided, target, elapsed, today),
        campaign_start=campaign.start,
        pace_end=pace_end(campaign, today),
    )


async def hamlet_counts(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet: Hamlet,
    campaign: CampaignConfig,
    today: date,
    total: int | None = None,
) -> HamletCounts:
    if total is None:
        total = (await totals_as_of(session, [hamlet.id], today))[hamlet.id]
    since_start = (
        await tally.figures(
            session,
            campaign_id=campaign_id,
            campaign_start=campaign.start,
            start=campaign.start,
            as_of=today,
            hamlet_ids=[hamlet.id],
        )
    ).get(hamlet.id, tally.HamletFigures())
    week = await tally.daily(
        session,
        campaign_id=campaign_id,
        hamlet_id=hamlet.id,
        level=tally.ENTRIES,
        until=today,
        since=week_start(today),
    )
    guided = since_start.guided
    special = since_start.reached.get(campaign.procedures_required(total), 0)
    today_n = sum(n for day, n in week if day == today)
    week_n, days = sum(n for _day, n in week), since_start.days
    return HamletCounts(
        guided=guided, special=special, entries_today=today_n, entries_week=week_n, active_days=days
    )


async def hamlet_progress(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet: Hamlet,
    campaign: CampaignConfig,
    today: date,
) -> Progress:
    # The total in force on `today` (models/totals.py), as every period figure uses.
    total = (await totals_as_of(session, [hamlet.id], today))[hamlet.id]
    counts = await hamlet_counts(
        session, campaign_id=campaign_id, hamlet=hamlet, campaign=campaign, today=today, total=total
    )
    return compute_progress(hamlet, counts, campaign, today, total)


@dataclass(frozen=True)
class Coverage:
    """Households guided against the total in force: the line under a stored household."""

    guided: int
    total: int

    @property
    def coverage(self) -> float:
        return self.guided / self.total if self.total else 0.0


async def hamlet_coverage(
    session: AsyncSession, *, campaign_id: int, hamlet_id: int, today: date
) -> Coverage:
    """Two statements where `hamlet_progress` takes four: the one line a save reply shows."""
    total = (await totals_as_of(session, [hamlet_id], today))[hamlet_id]
    guided = await tally.guided_in_hamlet(session, campaign_id, hamlet_id, today)
    return Coverage(guided=guided, total=total)
