"""Reporting periods: this week, last week, a quarter, the 6-month and year-end reviews…

Every period is clamped to the campaign, so "this quarter" in a campaign that starts in
February begins on the campaign's first day.

A campaign over several years (a 2026–2030 phase) also has periods named with their year:
"year:2027", "q1:2027", "h1:2027" / "h2:2027" (the first / second six months), and
"month:2027-03"; "phase" is the whole campaign. A period named without its year ("q1",
"half", "year", "h1", "month:03") means the reference year's (`reference_year`): in a
one-year campaign its own year, so "q1" and "year" keep meaning what they always did; in a
campaign over several years the current calendar year, so "q1" is this year's first quarter
and "year" this calendar year, never the five-year span. `resolve` writes such a kind with
its year ("q1" → "q1:2027"), so a period kept in a menu's draft stays the same when the
year turns. A campaign's award round code (`CampaignConfig.award_rounds`) names the
round's period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from models.rules import CampaignConfig

# Kinds a user can ask for; "custom" carries its own dates. Besides these, the kinds with a
# year or a month (`QUALIFIED`) and a campaign's award round codes.
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
    "phase",
    "custom",
)

# "year:2027", "q1:2027", "h2:2027", "month:2027-03"; and, of the reference year, "h1",
# "h2", "month:03".
QUALIFIED = re.compile(
    r"^(?:(?P<unit>year|q[1-4]|h[12]):(?P<year>\d{4})"
    r"|month:(?P<m_year>\d{4})-(?P<month>\d{2})"
    r"|(?P<half>h[12])"
    r"|month:(?P<m_only>\d{2}))$"
)


class PeriodError(ValueError):
    """The asked period is unknown, reversed or outside the campaign."""


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date
    # The campaign runs over several years: its span from the start is a phase, not a year
    # (`handlers.render.report_text.period_name`). Not part of what the period is.
    multi_year: bool = field(default=False, compare=False)

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


def reference_year(campaign: CampaignConfig, today: date) -> int:
    """The year a period named without one belongs to: a one-year campaign's own year; in a
    campaign over several years today's, kept within the campaign's years (after the end,
    its last year)."""
    if not campaign.multi_year:
        return campaign.start.year
    return min(max(today.year, campaign.start.year), campaign.end.year)


def is_kind(kind: str, campaign: CampaignConfig | None = None) -> bool:
    """A kind `resolve` reads (with `campaign`, its award round codes too)."""
    if kind in KINDS or QUALIFIED.match(kind):
        return True
    return campaign is not None and campaign.award_round(kind) is not None


def with_year(kind: str, campaign: CampaignConfig, today: date) -> str:
    """The kind as `resolve` keeps it: a period of the reference year with its year ("h1" →
    "h1:2026"; in a campaign over several years also "q1" → "q1:2027", "half" → "h1:2027",
    "year" → "year:2027"); in a one-year campaign "phase" is its "year"."""
    year = reference_year(campaign, today)
    found = QUALIFIED.match(kind)
    if found and found["half"]:
        return f"{found['half']}:{year}"
    if found and found["m_only"]:
        return f"month:{year}-{found['m_only']}"
    if not campaign.multi_year:
        return "year" if kind == "phase" else kind
    if kind in ("q1", "q2", "q3", "q4", "year"):
        return f"{kind}:{year}"
    if kind == "half":
        return f"h1:{year}"
    return kind


def _quarter_of(campaign: CampaignConfig, number: int) -> tuple[date, date]:
    """Quarter N of the campaign year (calendar quarters of the start's year)."""
    first = date(campaign.start.year, 3 * (number - 1) + 1, 1)
    return first, _add_months(first, 3) - timedelta(days=1)


def _qualified_bounds(kind: str) -> tuple[date, date] | None:
    """The calendar dates of "year:2027", "q1:2027", "h2:2027" or "month:2027-03"."""
    found = QUALIFIED.match(kind)
    if found is None or not (found["year"] or found["m_year"]):
        return None
    try:
        if found["m_year"]:
            first = date(int(found["m_year"]), int(found["month"]), 1)
            return first, _add_months(first, 1) - timedelta(days=1)
        year, unit = int(found["year"]), found["unit"]
        if unit == "year":
            return date(year, 1, 1), date(year, 12, 31)
        if unit.startswith("q"):
            first = date(year, 3 * (int(unit[1]) - 1) + 1, 1)
            return first, _add_months(first, 3) - timedelta(days=1)
        first = date(year, 1 if unit == "h1" else 7, 1)
        return first, _add_months(first, 6) - timedelta(days=1)
    except ValueError as exc:  # month 13, year 0000
        raise PeriodError(f"no such period {kind}") from exc


def resolve(
    kind: str,
    campaign: CampaignConfig,
    today: date,
    *,
    start: date | None = None,
    end: date | None = None,
) -> Period:
    """The period a user means, clamped to the campaign."""
    kind = with_year(kind, campaign, today)
    qualified = _qualified_bounds(kind)
    award_round = campaign.award_round(kind) if kind not in KINDS else None
    if qualified is not None:
        lo, hi = qualified
    elif kind == "since_start":
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
    elif kind in ("year", "phase"):
        lo, hi = campaign.start, campaign.end
    elif kind == "custom":
        if start is None or end is None:
            raise PeriodError("custom period needs two dates")
        if end < start:
            raise PeriodError("end before start")
        lo, hi = start, end
    elif award_round is not None:
        lo, hi = award_round.start, award_round.end
    else:
        raise PeriodError(f"unknown period {kind}")
    lo, hi = max(lo, campaign.start), min(hi, campaign.end)
    if hi < lo:
        raise PeriodError("outside the campaign")
    return Period(kind, lo, hi, multi_year=campaign.multi_year)


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
