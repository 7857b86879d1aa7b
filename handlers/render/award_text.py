"""The award proposal as chat text: each list with the rule behind it, ties, close
candidates and exclusions spelled out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.engine.i18n import fmt_date, fmt_datetime, fmt_int, fmt_pct, t
from models.awards import (
    Eligibility,
    HamletStanding,
    Line,
    OfficerStanding,
    Section,
    Status,
)
from models.rules import CampaignConfig

REVIEW_KINDS = ("half", "year", "since_start")


def review_name(lang: str, kind: str, start: date, end: date) -> str:
    key = f"award_review_{kind}" if kind in REVIEW_KINDS else "award_review_custom"
    return t(lang, key, start=fmt_date(start), end=fmt_date(end), year=end.year)


def _order(lang: str, order: tuple[str, ...]) -> str:
    return ", ".join(t(lang, f"award_metric_{m}") for m in order)


def _checks(lang: str, s: HamletStanding | OfficerStanding) -> str:
    tally = s.checks
    if tally is None or not tally.checked:
        return ""
    return t(
        lang, "award_checks_short", ok=tally.confirmed + tally.overturned, called=tally.checked
    )


def hamlet_figures(lang: str, h: HamletStanding) -> str:
    return t(
        lang,
        "award_hamlet_figures",
        pct=fmt_pct(lang, h.coverage),
        guided=fmt_int(lang, h.guided),
        total=fmt_int(lang, h.total),
        special_pct=fmt_pct(lang, h.special_share),
        required=h.required,
    ) + _checks(lang, h)


def officer_figures(lang: str, o: OfficerStanding) -> str:
    return t(
        lang, "award_officer_figures", households=fmt_int(lang, o.households), days=o.active_days
    ) + _checks(lang, o)


def _who(s: HamletStanding | OfficerStanding) -> str:
    if isinstance(s, HamletStanding):
        return f"{s.name} ({s.code})"
    return f"{s.name} ({s.hamlet_code})" if s.hamlet_code else s.name


def _figures(lang: str, s: HamletStanding | OfficerStanding) -> str:
    return hamlet_figures(lang, s) if isinstance(s, HamletStanding) else officer_figures(lang, s)


def _lacks(
    lang: str,
    kind: str,
    line: Line[HamletStanding] | Line[OfficerStanding],
    campaign: CampaignConfig,
) -> str:
    if kind == "collective":
        return t(
            lang,
            "award_lacks_coverage",
            n=fmt_int(lang, line.lacks),
            pct=fmt_pct(lang, campaign.coverage_threshold),
        )
    if kind == "special":
        assert isinstance(line.subject, HamletStanding)
        return t(
            lang, "award_lacks_special", n=fmt_int(lang, line.lacks), required=line.subject.required
        )
    return t(lang, "award_lacks_individual", n=fmt_int(lang, line.lacks))


def _checks_list(ids: tuple[int, ...]) -> str:
    return ", ".join(f"#{i}" for i in ids)


def section_text(
    lang: str, section: Section[HamletStanding] | Section[OfficerStanding], campaign: CampaignConfig
) -> list[str]:
    kind = section.kind
    rule = t(
        lang,
        f"award_rule_{kind}",
        pct=fmt_pct(lang, campaign.coverage_threshold),
        large=campaign.large_hamlet_households,
        large_n=campaign.procedures_required_large,
        small_n=campaign.procedures_required_small,
    )
    lines = [
        t(lang, f"award_title_{kind}", cap=section.cap),
        rule,
        t(lang, "award_ranked_by", order=_order(lang, section.order)),
    ]
    proposed = section.having(Status.PROPOSED)
    for line in proposed:
        lines.append(
            t(
                lang,
                "award_line",
                rank=line.rank,
                who=_who(line.subject),
                figures=_figures(lang, line.subject),
            )
        )
    tied = section.having(Status.TIED)
    if tied:
        lines.append(
            t(lang, "award_tied", rank=tied[0].rank, n=len(tied), seats=section.cap - len(proposed))
        )
        lines += [
            t(
                lang,
                "award_line",
                rank=line.rank,
                who=_who(line.subject),
                figures=_figures(lang, line.subject),
            )
            for line in tied
        ]
    if not proposed and not tied:
        lines.append(t(lang, f"award_none_{kind}"))
    over = section.having(Status.OVER_CAP)
    if over:
        lines.append(
            t(
                lang,
                "award_over_cap",
                n=len(over),
                names="; ".join(
                    f"{_who(x.subject)} – {t(lang, 'award_rank', rank=x.rank)}" for x in over[:10]
                ),
            )
        )
    for line in section.having(Status.CLOSE):
        lines.append(
            t(
                lang,
                "award_close",
                who=_who(line.subject),
                figures=_figures(lang, line.subject),
                lacks=_lacks(lang, kind, line, campaign),
            )
        )
    for line in section.having(Status.EXCLUDED):
        lines.append(
            t(
                lang,
                "award_excluded",
                who=_who(line.subject),
                figures=_figures(lang, line.subject),
                checks=_checks_list(line.failed_checks),
            )
        )
    return lines


def proposal_text(
    lang: str,
    elig: Eligibility,
    campaign: CampaignConfig,
    *,
    proposal_id: int,
    snapshot_at: datetime,
    entries: int,
    tz: ZoneInfo,
) -> str:
    head = [
        t(
            lang,
            "award_head",
            id=proposal_id,
            review=review_name(lang, elig.period.kind, elig.period.start, elig.period.end),
        ),
        t(
            lang,
            "award_snapshot",
            as_of=fmt_date(elig.as_of),
            at=fmt_datetime(snapshot_at, tz),
            entries=fmt_int(lang, entries),
        ),
    ]
    parts: list[list[str]] = [head]
    sections: list[Callable[[], list[str]]] = [
        lambda: section_text(lang, elig.collective, campaign),
        lambda: section_text(lang, elig.special, campaign),
        lambda: section_text(lang, elig.individual, campaign),
    ]
    parts += [make() for make in sections]
    parts.append([t(lang, "award_footer")])
    return "\n\n".join("\n".join(p) for p in parts)


DOSSIER_STATUSES = (Status.PROPOSED, Status.TIED)  # tied: the council picks, so it needs papers


def dossier_hamlets(elig: Eligibility) -> list[HamletStanding]:
    """Hamlets that get a dossier, in hamlet order: any proposal at all – the collective
    award, a special prize, or only some of their people (proposed or tied in each)."""
    wanted = {
        line.subject.hamlet_id
        for section in (elig.collective, elig.special)
        for line in section.having(*DOSSIER_STATUSES)
    }
    codes = {line.subject.hamlet_code for line in elig.individual.having(*DOSSIER_STATUSES)}
    return [h for h in elig.hamlets if h.hamlet_id in wanted or h.code in codes]
