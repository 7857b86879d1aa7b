"""Reports as chat text: the ranked hamlet table, one hamlet with its officers, the weekly
summary and the daily reminder. Pure functions of the figures and a language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from handlers.engine.i18n import fmt_date, fmt_decimal, fmt_int, fmt_pct, fmt_short_date, t
from models.eligibility import FailRule, Tally, Verification
from models.periods import KINDS, QUALIFIED, Period
from models.progress import PaceKind, Progress
from models.reports import HamletRow, OfficerActivity, Report

if TYPE_CHECKING:
    from bot.config import Settings


def period_name(lang: str, period: Period) -> str:
    """What a period is called: "Tuần trước", "Quý 1/2027", "Tháng 3/2027", "Năm 2027",
    "6 tháng đầu năm 2027"; in a campaign over several years its span from the start is
    "Từ đầu giai đoạn đến nay" and the whole campaign "Giai đoạn 2026–2030", never a year."""
    kind = period.kind
    found = QUALIFIED.match(kind)
    if found is not None and (found["year"] or found["m_year"]):
        if found["m_year"]:
            return t(lang, "period_month_of", month=int(found["month"]), year=found["m_year"])
        unit, year = found["unit"], found["year"]
        if unit == "year":
            return t(lang, "period_year_of", year=year)
        if unit.startswith("q"):
            return t(lang, "period_quarter_of", n=int(unit[1]), year=year)
        return t(lang, f"period_{unit}_of", year=year)
    if kind == "since_start" and period.multi_year:
        return t(lang, "period_since_start_phase")
    if kind == "phase" or (kind == "year" and period.start.year != period.end.year):
        return t(lang, "period_phase_of", start=period.start.year, end=period.end.year)
    if kind in KINDS and kind != "custom":
        return t(lang, f"period_{kind}")
    return t(lang, "period_range", start=fmt_date(period.start), end=fmt_date(period.end))


def span_dates(start: date, end: date) -> dict[str, str]:
    """A span's two dates for a heading ({start} – {end}): the start without its year
    ("06/04 – 12/04/2026") unless the span crosses into a new year ("29/12/2026 –
    04/01/2027"), as a week of a campaign over several years does."""
    first = fmt_date(start) if start.year != end.year else fmt_short_date(start)
    return {"start": first, "end": fmt_date(end)}


def period_line(lang: str, period: Period) -> str:
    return t(
        lang,
        "report_period",
        name=period_name(lang, period),
        start=fmt_date(period.start),
        end=fmt_date(period.end),
    )


def _marks(row: HamletRow) -> str:
    return (" ✅" if row.reached else "") + (" ⚠️" if row.behind_pace else "")


def _outlook(lang: str, row: HamletRow, end: date) -> str:
    """What it takes to reach the target by the campaign's end (or the running award
    round's, `models.progress.pace_end`): the pace needed, never a projected date (at a
    slow pace that date is decades away and says nothing)."""
    if row.reached:
        return t(lang, "report_reached")
    pace = row.pace
    end = pace.end if pace is not None and pace.end is not None else end
    if pace is None or pace.kind == PaceKind.ENDED:
        return t(lang, "report_outlook_ended", end=fmt_date(end))
    per_day = fmt_decimal(lang, pace.needed_tenths / 10)
    if pace.kind == PaceKind.ON_PACE:
        return t(lang, "report_outlook_on_pace", end=fmt_date(end), per_day=per_day)
    return t(lang, "report_outlook_behind", end=fmt_date(end), per_day=per_day)


def _behind_note(lang: str, report: Report, row: HamletRow) -> str:
    """The hamlet will not make it at its pace: before the campaign ends, or before the
    running award round's end when the pace aims at that (a campaign over several years)."""
    end = row.pace.end if row.pace is not None else None
    if end is None or end == report.campaign_end:
        return t(lang, "report_hamlet_behind")
    return t(lang, "report_hamlet_behind_by", end=fmt_date(end))


def _bullet(text: str) -> str:
    return "• " + text[:1].upper() + text[1:]


def week_label(as_of: date) -> str:
    """'06/04 – 12/04': the week (Monday on) the week's figure counts, by its dates — a
    past period's week is not "this week"."""
    monday = as_of - timedelta(days=as_of.weekday())
    if monday.year != as_of.year:  # the week of New Year's Day: "29/12/2026 – 01/01/2027"
        return f"{fmt_date(monday)} – {fmt_date(as_of)}"
    return f"{fmt_short_date(monday)} – {fmt_short_date(as_of)}"


def _new(lang: str, report: Report, row: HamletRow) -> str:
    if report.period.kind == "since_start":
        # From the start to today: its last week is this week.
        return t(lang, "report_week_new", n=row.week_new)
    return t(lang, "report_period_new", n=row.new_households)


def _row_lines(lang: str, report: Report, row: HamletRow, rank: int) -> list[str]:
    return [
        t(lang, "report_row_head", rank=rank, hamlet=row.name, code=row.code, marks=_marks(row)),
        t(
            lang,
            "report_row_cover" if report.special_prize else "report_row_cover_plain",
            guided=fmt_int(lang, row.guided),
            total=fmt_int(lang, row.total),
            pct=fmt_pct(lang, row.coverage),
            special=fmt_int(lang, row.special),
            n=row.required_procedures,
        ),
        t(
            lang,
            "report_row_pace",
            new=_new(lang, report, row),
            active=row.active_days,
            days=row.period_days,
            outlook=_outlook(lang, row, report.campaign_end),
        ),
    ]


def table(lang: str, report: Report, checks: CheckFigures | None = None) -> str:
    """Every hamlet ranked by coverage: the message supervisors read at a glance."""
    lines = [
        t(lang, "report_title"),
        period_line(lang, report.period),
        t(lang, "report_legend", pct=fmt_pct(lang, report.threshold)),
        "",
    ]
    for row in report.rows:
        lines += _row_lines(lang, report, row, row.rank)
    if not report.rows:
        lines.append(t(lang, "report_no_hamlets"))
    lines += ["", _total_line(lang, report)]
    if report.behind:
        lines.append(t(lang, "report_behind", hamlets=", ".join(r.name for r in report.behind)))
    lines.append(t(lang, "report_rule_note" if report.special_prize else "report_rule_note_plain"))
    if checks is not None:
        lines += checks_section(lang, checks)
    return "\n".join(lines)


def _unit_lines(lang: str, report: Report, unit_of: dict[int, str]) -> list[str]:
    """One line per commune, best coverage first, and how to see one commune's hamlets."""
    groups: dict[str, list[HamletRow]] = {}
    for row in report.rows:
        groups.setdefault(unit_of.get(row.hamlet_id) or "—", []).append(row)

    def coverage(rows: list[HamletRow]) -> float:
        total = sum(r.total for r in rows)
        return sum(r.guided for r in rows) / total if total else 0.0

    ordered = sorted(
        groups.items(), key=lambda kv: (-coverage(kv[1]), -sum(r.guided for r in kv[1]), kv[0])
    )
    lines = [
        t(
            lang,
            "report_unit_row",
            rank=rank,
            unit=unit,
            guided=fmt_int(lang, sum(r.guided for r in rows)),
            total=fmt_int(lang, sum(r.total for r in rows)),
            pct=fmt_pct(lang, coverage(rows)),
            reached=sum(1 for r in rows if r.reached),
            n=len(rows),
            new=fmt_int(lang, sum(r.new_households for r in rows)),
        )
        for rank, (unit, rows) in enumerate(ordered, 1)
    ]
    named = [unit for unit, _rows in ordered if unit != "—"]
    if named:
        lines += ["", t(lang, "report_units_hint", example=named[0])]
    return lines


def _total_line(lang: str, report: Report) -> str:
    guided = sum(r.guided for r in report.rows)
    total = sum(r.total for r in report.rows)
    return t(
        lang,
        "report_total",
        guided=fmt_int(lang, guided),
        total=fmt_int(lang, total),
        pct=fmt_pct(lang, guided / total if total else 0),
        new=fmt_int(lang, report.new_households),
        reached=sum(1 for r in report.rows if r.reached),
        n=len(report.rows),
    )


def units_table(lang: str, report: Report, unit_of: dict[int, str]) -> str:
    """The /baocao overview of a deployment covering several communes."""
    return "\n".join(
        [
            t(lang, "report_units_title"),
            period_line(lang, report.period),
            t(lang, "report_legend", pct=fmt_pct(lang, report.threshold)),
            "",
            *_unit_lines(lang, report, unit_of),
            "",
            _total_line(lang, report),
        ]
    )


def weekly_units(
    lang: str, report: Report, unit_of: dict[int, str], inactive: int, inactive_days: int
) -> str:
    """The Monday summary when the hamlets span several communes: a line per commune."""
    guided = sum(r.guided for r in report.rows)
    total = sum(r.total for r in report.rows)
    lines = [
        t(
            lang,
            "weekly_title",
            **span_dates(report.period.start, report.period.end),
        ),
        t(
            lang,
            "weekly_totals",
            new=fmt_int(lang, report.new_households),
            guided=fmt_int(lang, guided),
            total=fmt_int(lang, total),
            pct=fmt_pct(lang, guided / total if total else 0),
        ),
        "",
        *_unit_lines(lang, report, unit_of),
    ]
    if inactive:
        lines.append(
            t(lang, "weekly_inactive_count", n=fmt_int(lang, inactive), days=inactive_days)
        )
    return "\n".join(lines)


def _officer_line(lang: str, a: OfficerActivity, inactive_days: int) -> str:
    last = fmt_date(a.last_entry) if a.last_entry else t(lang, "report_never")
    flag = t(lang, "report_inactive_flag", days=a.idle_days) if a.inactive else ""
    return t(
        lang,
        "report_officer",
        name=a.name,
        entries=fmt_int(lang, a.entries),
        days=a.active_days,
        last=last,
        flag=flag,
    )


def hamlet_detail(
    lang: str,
    report: Report,
    row: HamletRow,
    hamlets_ranked: int,
    officers: Sequence[OfficerActivity] | None,
    inactive_days: int,
    checks: CheckFigures | None = None,
) -> str:
    """One hamlet's figures for the period; with its officers' activity when allowed."""
    lines = [
        t(lang, "report_hamlet_title", hamlet=row.name, code=row.code, marks=_marks(row)),
        period_line(lang, report.period),
        t(lang, "report_hamlet_rank", rank=row.rank, n=hamlets_ranked),
        t(
            lang,
            "report_hamlet_cover",
            guided=fmt_int(lang, row.guided),
            total=fmt_int(lang, row.total),
            pct=fmt_pct(lang, row.coverage),
            target=fmt_int(lang, row.target),
        ),
        t(
            lang,
            "report_hamlet_special",
            special=fmt_int(lang, row.special),
            n=row.required_procedures,
        )
        if report.special_prize
        else "",
        t(
            lang,
            "report_hamlet_new",
            new=fmt_int(lang, row.new_households),
            entries=fmt_int(lang, row.entries),
            week=row.week_new,
            days=week_label(report.as_of),
        ),
        t(lang, "report_hamlet_days", active=row.active_days, days=row.period_days),
        _bullet(_outlook(lang, row, report.campaign_end)),
    ]
    lines = [line for line in lines if line]  # no special-prize line in a plan without one
    if row.behind_pace:
        lines.append(_behind_note(lang, report, row))
    if officers is not None:
        lines += ["", t(lang, "report_officers_title", days=inactive_days)]
        lines += [_officer_line(lang, a, inactive_days) for a in officers] or [
            t(lang, "report_no_officers")
        ]
    if checks is not None:
        lines += hamlet_checks_section(lang, checks, row.hamlet_id)
    return "\n".join(lines)


def _rank_change(lang: str, row: HamletRow) -> str:
    change = row.rank_change
    if change is None or change == 0:
        return t(lang, "weekly_rank_same")
    if change > 0:
        return t(lang, "weekly_rank_up", n=change)
    return t(lang, "weekly_rank_down", n=-change)


def weekly_all(
    lang: str,
    report: Report,
    inactive: Sequence[OfficerActivity],
    inactive_days: int,
    checks: CheckFigures | None = None,
) -> str:
    """The Monday summary for supervisors: every hamlet, last week's gains and rank moves."""
    guided = sum(r.guided for r in report.rows)
    total = sum(r.total for r in report.rows)
    lines = [
        t(
            lang,
            "weekly_title",
            **span_dates(report.period.start, report.period.end),
        ),
        t(
            lang,
            "weekly_totals",
            new=fmt_int(lang, report.new_households),
            guided=fmt_int(lang, guided),
            total=fmt_int(lang, total),
            pct=fmt_pct(lang, guided / total if total else 0),
        ),
        "",
    ]
    for row in report.rows:
        lines.append(
            t(
                lang,
                "weekly_row",
                rank=row.rank,
                change=_rank_change(lang, row),
                hamlet=row.name,
                new=row.new_households,
                guided=fmt_int(lang, row.guided),
                total=fmt_int(lang, row.total),
                pct=fmt_pct(lang, row.coverage),
                marks=_marks(row),
            )
        )
    lines.append("")
    if report.behind:
        lines.append(t(lang, "report_behind", hamlets=", ".join(r.name for r in report.behind)))
    if inactive:
        people = ", ".join(
            t(lang, "weekly_inactive_person", name=a.name, hamlet=a.hamlet_name, days=a.idle_days)
            for a in inactive
        )
        lines.append(t(lang, "weekly_inactive", days=inactive_days, people=people))
    if checks is not None and checks.figures.any:
        figures = checks.figures
        lines += _weekly_checks(lang, checks, figures.total, figures.hamlets, figures.officers)
    lines.append(t(lang, "weekly_footer"))
    return "\n".join(lines)


def weekly_hamlet(
    lang: str,
    report: Report,
    row: HamletRow,
    officers: Sequence[OfficerActivity],
    inactive_days: int,
    checks: CheckFigures | None = None,
) -> str:
    """The Monday summary for a hamlet head: their hamlet, its rank, its officers."""
    lines = [
        t(
            lang,
            "weekly_hamlet_title",
            hamlet=row.name,
            **span_dates(report.period.start, report.period.end),
        ),
        t(
            lang,
            "weekly_hamlet_new",
            new=fmt_int(lang, row.new_households),
            entries=fmt_int(lang, row.entries),
            active=row.active_days,
            days=row.period_days,
        ),
        t(
            lang,
            "report_hamlet_cover",
            guided=fmt_int(lang, row.guided),
            total=fmt_int(lang, row.total),
            pct=fmt_pct(lang, row.coverage),
            target=fmt_int(lang, row.target),
        ),
        t(
            lang,
            "weekly_hamlet_rank",
            rank=row.rank,
            n=len(report.rows),
            change=_rank_change(lang, row),
        ),
        _bullet(_outlook(lang, row, report.campaign_end)),
    ]
    if row.behind_pace:
        lines.append(_behind_note(lang, report, row))
    if officers:
        lines += ["", t(lang, "report_officers_title", days=inactive_days)]
        lines += [_officer_line(lang, a, inactive_days) for a in officers]
    hamlet = checks.figures.hamlet(row.hamlet_id) if checks is not None else None
    if checks is not None and hamlet is not None:
        lines += _weekly_checks(
            lang, checks, hamlet, [hamlet], _officers_of(checks.figures, hamlet)
        )
    lines.append(t(lang, "weekly_footer"))
    return "\n".join(lines)


# ---------------------------------------------------------------------- verification


@dataclass(frozen=True)
class CheckFigures:
    """Spot-check results and the rule that judged them (the reason a text names)."""

    figures: Verification
    rule: FailRule


def fail_rule(settings: Settings) -> FailRule:
    config = settings.verification
    return FailRule(
        failures=config.failures, max_failure_rate=config.max_failure_rate, match=config.match
    )


def _rate(lang: str, tally: Tally) -> str:
    rate = tally.pass_rate
    return t(lang, "report_checks_no_rate") if rate is None else fmt_pct(lang, rate)


def _counts(
    lang: str,
    tally: Tally,
    figures: Verification,
    open_key: str,
    wrong_key: str = "report_checks_wrong_number_row",
) -> dict[str, object]:
    # A wrong number is its own figure, never "could not verify" (whether the rule fails it
    # is the reason's to say). The checks left to call only where the figures count them
    # (the office's view).
    return {
        "checked": tally.checked,
        "confirmed": tally.confirmed,
        "failed": tally.failed,
        "wrong_number": t(lang, wrong_key, n=tally.wrong_number) if tally.wrong_number else "",
        "unverified": tally.unreachable,
        "rate": _rate(lang, tally),
        "open": t(lang, open_key, n=tally.open) if figures.pending else "",
        "review": (
            t(lang, "report_checks_overturned", n=tally.overturned) if tally.overturned else ""
        )
        + (t(lang, "report_checks_undecided", n=tally.undecided) if tally.undecided else ""),
    }


def _check_row(lang: str, name: str, tally: Tally, figures: Verification) -> str:
    return t(
        lang,
        "report_checks_row",
        name=name,
        **_counts(lang, tally, figures, "report_checks_open_row"),
    )


def _check_total(lang: str, tally: Tally, figures: Verification) -> str:
    return t(
        lang,
        "report_checks_total",
        **_counts(lang, tally, figures, "report_checks_open_total", "report_checks_wrong_number"),
    )


def _reason(lang: str, tally: Tally, rule: FailRule) -> str:
    wrong = (
        t(lang, "report_checks_reason_wrong_number", n=tally.wrong_number_failing)
        if tally.wrong_number_failing
        else ""
    )
    if (rule.failures and tally.failures >= rule.failures) or rule.max_failure_rate is None:
        return t(lang, "report_checks_reason_count", n=tally.failures, wrong_number=wrong)
    return t(
        lang,
        "report_checks_reason_rate",
        n=tally.failures,
        answered=tally.answered,
        max=fmt_pct(lang, rule.max_failure_rate),
        wrong_number=wrong,
    )


def _not_eligible(
    lang: str, checks: CheckFigures, hamlets: Sequence[Tally], officers: Sequence[Tally]
) -> list[str]:
    items = [
        t(
            lang,
            "report_checks_ne_hamlet",
            hamlet=h.name,
            code=h.code,
            reason=_reason(lang, h, checks.rule),
        )
        for h in hamlets
        if not h.eligible
    ]
    items += [
        t(
            lang,
            "report_checks_ne_officer",
            name=o.name,
            code=o.code,
            reason=_reason(lang, o, checks.rule),
        )
        for o in officers
        if not o.eligible
    ]
    return [t(lang, "report_checks_not_eligible", items="; ".join(items))] if items else []


def _officers_of(figures: Verification, hamlet: Tally) -> list[Tally]:
    """The hamlet's own officers (an officer's figures cover every check of their work)."""
    return [o for o in figures.officers if o.code == hamlet.code]


def checks_section(lang: str, checks: CheckFigures) -> list[str]:
    """Every hamlet's spot-checks under the ranking; nothing before the first draw."""
    figures = checks.figures
    if not figures.any:
        return []
    lines = ["", t(lang, "report_checks_title"), _check_total(lang, figures.total, figures)]
    lines += [
        _check_row(
            lang, t(lang, "report_checks_hamlet_name", hamlet=h.name, code=h.code), h, figures
        )
        for h in figures.hamlets
    ]
    return lines + _not_eligible(lang, checks, figures.hamlets, figures.officers)


def hamlet_checks_section(lang: str, checks: CheckFigures, hamlet_id: int) -> list[str]:
    """One hamlet's spot-checks and its officers'; nothing if none of its households drawn."""
    hamlet = checks.figures.hamlet(hamlet_id)
    if hamlet is None:
        return []
    officers = _officers_of(checks.figures, hamlet)
    lines = ["", t(lang, "report_checks_title"), _check_total(lang, hamlet, checks.figures)]
    lines += [_check_row(lang, o.name, o, checks.figures) for o in officers]
    return lines + _not_eligible(lang, checks, [hamlet], officers)


def _weekly_checks(
    lang: str,
    checks: CheckFigures,
    scope: Tally,
    hamlets: Sequence[Tally],
    officers: Sequence[Tally],
) -> list[str]:
    """The verification work still open and the results so far, in two lines at most."""
    return [
        t(lang, "weekly_checks", **_counts(lang, scope, checks.figures, "weekly_checks_open")),
        *_not_eligible(lang, checks, hamlets, officers),
    ]


# --- pace: /tiendo and the reminder ----------------------------------------------------


def _pace_rate(lang: str, tenths: int | None) -> str:
    if not tenths:
        return t(lang, "pace_under_tenth")
    return fmt_decimal(lang, tenths / 10)


def threshold_text(lang: str, threshold: float) -> str:
    """95,0%: the campaign's target, written as every other percentage."""
    return fmt_pct(lang, threshold)


def pace_line(lang: str, p: Progress) -> str:
    """What the hamlet must do to reach the target by the campaign's end, or the running
    award round's (`models.progress.pace_end`), or that it has, or that the campaign is
    over: one line, plain text (the reminder pushes it too)."""
    pace = p.pace
    values = {
        "threshold": threshold_text(lang, p.threshold),
        "end": fmt_date(pace.end or p.campaign_end),
        "remaining": fmt_int(lang, pace.remaining),
        "per_day": fmt_decimal(lang, pace.needed_tenths / 10),
        "per_week": fmt_int(lang, pace.needed_week),
        "current": _pace_rate(lang, pace.current_tenths),
    }
    if pace.kind == PaceKind.REACHED:
        return t(lang, "pace_reached", **values)
    if pace.kind == PaceKind.ENDED:
        return t(lang, "pace_ended", **values)
    if pace.kind == PaceKind.ON_PACE:
        return t(lang, "pace_on_track", **values)
    if pace.current_tenths is None:
        return t(lang, "pace_start", **values)
    return t(lang, "pace_behind", **values)


def pace_short(lang: str, p: Progress) -> str:
    """The same in a few words, for one line per hamlet ("" once reached: ✅ says it)."""
    pace = p.pace
    if pace.kind == PaceKind.ENDED:
        return t(lang, "pace_short_ended")
    if pace.kind == PaceKind.ON_PACE:
        return t(lang, "pace_short_on_track")
    if pace.kind == PaceKind.BEHIND:
        return t(lang, "pace_short_behind", per_day=fmt_decimal(lang, pace.needed_tenths / 10))
    return ""


@dataclass(frozen=True)
class Suggested:
    """The day's first household of /chuahuongdan, named in the reminder."""

    name: str
    address: str


def reminder(
    lang: str,
    *,
    hamlet: str,
    today: date,
    hamlet_streak: int,
    own_streak: int,
    progress: Progress | None = None,
    suggestion: Suggested | None = None,
) -> str:
    """Plain text (pushed messages carry no buttons): the streak, the pace the hamlet
    needs, and with a household list the first household still to guide."""
    lines = [t(lang, "reminder_title", hamlet=hamlet, day=fmt_date(today))]
    if hamlet_streak > 0:
        lines.append(t(lang, "reminder_streak", hamlet_days=hamlet_streak, own_days=own_streak))
    else:
        lines.append(t(lang, "reminder_no_streak"))
    if progress is not None:
        lines.append(pace_line(lang, progress))
    if suggestion is not None:
        lines.append(
            t(lang, "reminder_suggestion", name=suggestion.name, address=suggestion.address)
        )
    lines.append(t(lang, "reminder_footer"))
    return "\n".join(lines)
