"""What the scheduled messages say: the weekly summary per recipient, the daily reminder.

Figures are computed once per run and rendered per recipient (role and language).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.render.report_text import (
    CheckFigures,
    Suggested,
    fail_rule,
    reminder,
    weekly_all,
    weekly_hamlet,
    weekly_units,
)
from models.access import supervised_units
from models.campaign import Hamlet
from models.check_scope import Viewer
from models.eligibility import verification
from models.notifications import streak
from models.people import Role, User
from models.periods import Period, previous_week
from models.progress import hamlet_progress
from models.reports import (
    HamletRow,
    OfficerActivity,
    Report,
    active_hamlets,
    build_report,
    officer_activity,
)
from models.roster_match import todo

if TYPE_CHECKING:
    from bot.config import Settings


@dataclass(frozen=True)
class WeeklyDigest:
    report: Report  # every hamlet, with last week's ranks to show moves
    officers: tuple[OfficerActivity, ...]
    inactive_days: int
    checks: CheckFigures | None = None  # None until the first spot-check is drawn
    # What a hamlet's head may see of them: answered checks only (`models.check_scope`).
    hamlet_checks: CheckFigures | None = None
    unit_of: dict[int, str] = field(default_factory=dict)  # hamlet id → commune
    # One commune's own digest, for the supervisors bound to it.
    units: dict[str, WeeklyDigest] = field(default_factory=dict, compare=False, repr=False)
    # Texts already written (every supervisor gets the same one per language), and each
    # hamlet's row and officers by hamlet, so a province's heads do not each search them.
    _texts: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _rows: dict[int, HamletRow] = field(default_factory=dict, compare=False, repr=False)
    _officers: dict[str, list[OfficerActivity]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def supervisors_text(self, lang: str) -> str:
        if lang not in self._texts:
            inactive = [a for a in self.officers if a.inactive]
            if len(set(self.unit_of.values())) > 1:  # a line per commune, not per hamlet
                self._texts[lang] = weekly_units(
                    lang, self.report, self.unit_of, len(inactive), self.inactive_days
                )
            else:
                self._texts[lang] = weekly_all(
                    lang, self.report, inactive, self.inactive_days, self.checks
                )
        return self._texts[lang]

    def hamlet_part(self, hamlet_id: int) -> tuple[HamletRow, list[OfficerActivity]] | None:
        if not self._rows:
            self._rows.update((r.hamlet_id, r) for r in self.report.rows)
            for a in self.officers:
                self._officers.setdefault(a.hamlet_code, []).append(a)
        row = self._rows.get(hamlet_id)
        return None if row is None else (row, self._officers.get(row.code, []))


async def check_figures(
    session: AsyncSession,
    settings: Settings,
    *,
    campaign_id: int,
    viewer: Viewer,
    hamlets: list[Hamlet] | None = None,
) -> CheckFigures | None:
    """Spot-check results judged by the configured rule, as far as the viewer may see them
    (optionally only these hamlets); None while there are none to show."""
    rule = fail_rule(settings)
    figures = await verification(
        session, campaign_id=campaign_id, rule=rule, viewer=viewer, hamlets=hamlets
    )
    return CheckFigures(figures=figures, rule=rule) if figures.any else None


async def weekly_digest(
    session: AsyncSession, settings: Settings, *, campaign_id: int, period: Period, today: date
) -> WeeklyDigest:
    """Every hamlet's week; and, for each commune a supervisor is bound to, that commune's
    own (ranked among its hamlets only: they learn nothing of other communes)."""
    hamlets = await active_hamlets(session)
    digest = await _digest(
        session, settings, campaign_id=campaign_id, period=period, today=today, hamlets=hamlets
    )
    for unit in await supervised_units(session):
        own = [h for h in hamlets if h.unit == unit]
        digest.units[unit] = await _digest(
            session,
            settings,
            campaign_id=campaign_id,
            period=period,
            today=today,
            hamlets=own,
            checks_of=own,
        )
    return digest


async def _digest(
    session: AsyncSession,
    settings: Settings,
    *,
    campaign_id: int,
    period: Period,
    today: date,
    hamlets: list[Hamlet],
    checks_of: list[Hamlet] | None = None,
) -> WeeklyDigest:
    """`checks_of`: the hamlets whose spot-checks count (None: the campaign's, including
    hamlets that have left it)."""
    report = await build_report(
        session,
        campaign_id=campaign_id,
        campaign=settings.campaign,
        period=period,
        today=today,
        hamlets=hamlets,
        compare_with=previous_week(period.start),
    )
    officers = await officer_activity(
        session,
        campaign_id=campaign_id,
        period=period,
        today=today,
        hamlets=hamlets,
        inactive_days=settings.inactive_days,
        tz=settings.timezone,
    )
    return WeeklyDigest(
        report=report,
        officers=tuple(officers),
        inactive_days=settings.inactive_days,
        unit_of={h.id: h.unit for h in hamlets if h.unit},
        checks=await check_figures(
            session, settings, campaign_id=campaign_id, viewer=Role.SUPERVISOR, hamlets=checks_of
        ),
        hamlet_checks=await check_figures(
            session,
            settings,
            campaign_id=campaign_id,
            viewer=Role.HAMLET_HEAD,
            hamlets=checks_of,
        ),
    )


def weekly_message(digest: WeeklyDigest, user: User, lang: str) -> str | None:
    """Supervisors get every hamlet of their scope; a hamlet head gets theirs; anyone else
    nothing."""
    if user.role == Role.SUPERVISOR:
        if user.unit is None:
            return digest.supervisors_text(lang)
        own = digest.units.get(user.unit)
        return own.supervisors_text(lang) if own is not None and own.report.rows else None
    if user.role == Role.HAMLET_HEAD and user.hamlet_id is not None:
        part = digest.hamlet_part(user.hamlet_id)
        if part is None:
            return None
        row, officers = part
        return weekly_hamlet(
            lang, digest.report, row, officers, digest.inactive_days, digest.hamlet_checks
        )
    return None


async def reminder_message(
    session: AsyncSession,
    *,
    settings: Settings,
    campaign_id: int,
    user: User,
    today: date,
    now: datetime,
    lang: str,
) -> str | None:
    """The 17:00 nudge: the streak, the pace the hamlet needs to reach the target by the
    campaign's end and, when the hamlet has a household list, the day's first suggestion of
    /chuahuongdan (by name: a pushed message is plain text, it carries no button)."""
    if user.hamlet_id is None:
        return None
    hamlet = await session.get(Hamlet, user.hamlet_id)
    if hamlet is None:
        return None
    yesterday = today - timedelta(days=1)
    progress = await hamlet_progress(
        session, campaign_id=campaign_id, hamlet=hamlet, campaign=settings.campaign, today=today
    )
    first = await todo(
        session,
        campaign_id=campaign_id,
        hamlet_id=hamlet.id,
        officer_id=user.id if user.role.logs_households else None,
        limit=1,
        now=now,
    )
    suggestion = (
        Suggested(first.suggestions[0].head_name, first.suggestions[0].address)
        if first.suggestions
        else None
    )
    return reminder(
        lang,
        hamlet=hamlet.name,
        today=today,
        hamlet_streak=await streak(
            session, campaign_id=campaign_id, until=yesterday, hamlet_id=hamlet.id
        ),
        own_streak=await streak(
            session, campaign_id=campaign_id, until=yesterday, officer_id=user.id
        ),
        progress=progress,
        suggestion=suggestion,
    )
