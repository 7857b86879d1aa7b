"""Reporting periods: this week, last week, a quarter, the 6-month and year-end reviews…

Every period is clamped to the campaign, so "this quarter" in a campaign that starts in
February begins on the campaign's first day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models.rules import CampaignConfig

# Kinds a user can ask for; "custom" carries its own dates.
KINDS = (
    "since_start",
    "this_week",
    "last_week",
    "this_month",
    "this_quarter",
    "last_quarter",
    "q1",
    "q2",
    "q3",
    "q4",
    "half",
    "year",
    "custom",
)


class PeriodError(ValueError):
    """The asked period is unknown, reversed or outside the campaign."""


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def as_of(self, today: date) -> date:
        """The last day with figures: the period's end, or today while it is running."""
        return min(self.end, today)

    def days_elapsed(self, today: date) -> int:
        return max((self.as_of(today) - self.start).days + 1, 0)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


def _quarter_of(campaign: CampaignConfig, number: int) -> tuple[date, date]:
    """Quarter N of the campaign year (calendar quarters of the start's year)."""
    first = date(campaign.start.year, 3 * (number - 1) + 1, 1)
    return first, _add_months(first, 3) - timedelta(days=1)


def resolve(
    kind: str,
    campaign: CampaignConfig,
    today: date,
    *,
    start: date | None = None,
    end: date | None = None,
) -> Period:
    """The period a user means, clamped to the campaign."""
    if kind == "since_start":
        lo, hi = campaign.start, min(today, campaign.end)
    elif kind == "this_week":
        lo = week_start(today)
        lo, hi = lo, lo + timedelta(days=6)
    elif kind == "last_week":
        lo = week_start(today) - timedelta(days=7)
        lo, hi = lo, lo + timedelta(days=6)
    elif kind == "this_month":
        lo = today.replace(day=1)
        hi = _add_months(lo, 1) - timedelta(days=1)
    elif kind == "this_quarter":
        lo = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        hi = _add_months(lo, 3) - timedelta(days=1)
    elif kind == "last_quarter":
        hi = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1) - timedelta(days=1)
        lo = date(hi.year, hi.month - 2, 1)
    elif kind in ("q1", "q2", "q3", "q4"):
        lo, hi = _quarter_of(campaign, int(kind[1]))
    elif kind == "half":
        lo = campaign.start
        hi = _add_months(lo.replace(day=1), 6) - timedelta(days=1)
    elif kind == "year":
        lo, hi = campaign.start, campaign.end
    elif kind == "custom":
        if start is None or end is None:
            raise PeriodError("custom period needs two dates")
        if end < start:
            raise PeriodError("end before start")
        lo, hi = start, end
    else:
        raise PeriodError(f"unknown period {kind}")
    lo, hi = max(lo, campaign.start), min(hi, campaign.end)
    if hi < lo:
        raise PeriodError("outside the campaign")
    return Period(kind, lo, hi)


def previous_week(period_start: date) -> Period:
    """The 7 days before a weekly period, for rank changes."""
    return Period("custom", period_start - timedelta(days=7), period_start - timedelta(days=1))


def weekly_fired(now_local: datetime, weekday: int, at: time) -> datetime:
    """The latest weekly send time at or before `now_local` (with its tzinfo)."""
    fire_day = now_local.date() - timedelta(days=(now_local.weekday() - weekday) % 7)
    if now_local.replace(tzinfo=None) < datetime.combine(fire_day, at):
        fire_day -= timedelta(days=7)
    return datetime.combine(fire_day, at, tzinfo=now_local.tzinfo)


def weekly_due(
    now_local: datetime, weekday: int, at: time, campaign: CampaignConfig
) -> Period | None:
    """The week whose summary is due at `now_local`: the 7 days before the latest send time.

    With the default Monday 07:30, from Monday 07:30 to the next Monday 07:29 that is the
    Monday–Sunday just ended. None when that week lies outside the campaign.
    """
    fire_day = weekly_fired(now_local, weekday, at).date()
    start, end = fire_day - timedelta(days=7), fire_day - timedelta(days=1)
    if end < campaign.start or start > campaign.end:
        return None
    return Period("week", max(start, campaign.start), min(end, campaign.end))


def reminder_due(
    now_local: datetime, at: time, latest: time, campaign: CampaignConfig
) -> date | None:
    """Today, if now is between the reminder time and the latest catch-up time of a
    campaign day; otherwise None."""
    today = now_local.date()
    if not campaign.start <= today <= campaign.end:
        return None
    if not at <= now_local.time().replace(tzinfo=None) <= latest:
        return None
    return today
