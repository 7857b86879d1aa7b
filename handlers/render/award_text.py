"""The award proposal as chat text: each list with the rule behind it, ties, close
candidates and exclusions spelled out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
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
from models.rules import HALF, PHASE, RESERVED_ROUND_CODES, YEAR, AwardRound, CampaignConfig

SINCE_START = "since_start"  # the review "from the start to date": a period kind, not a round
_YEAR_CODE = re.compile(rf"{YEAR}(\d{{4}})")


# --- naming a review ----------------------------------------------------------------------
# Every place that names a review (the proposal, its list, /hoso, the dossiers, the office's
# papers, the evidence book) goes through `stored_round` and `round_name` / `round_phrase`, so a
# configured round is called by its configured name and a span of several years never "năm".


def stored_round(campaign: CampaignConfig | None, code: str, start: date, end: date) -> AwardRound:
    """The round a proposal of this code and period belongs to: the configured one (its name,
    deadline and caps) while the campaign still has it, else a round made of the stored code
    and dates, named from the catalog by `round_name`."""
    found = (
        campaign.award_round(code)
        if campaign is not None and code not in RESERVED_ROUND_CODES and code != SINCE_START
        else None
    )
    within = campaign is not None and campaign.start <= start <= end <= campaign.end
    if found is not None and within:
        return replace(found, start=start, end=end)
    return AwardRound(code, "", start, end, 0, 0, 0)


def _year_review(r: AwardRound) -> bool:
    return r.code in (YEAR, PHASE) or _YEAR_CODE.fullmatch(r.code) is not None


def round_name(lang: str, r: AwardRound) -> str:
    """A review's name as a title: the configured name; else the catalog's by its code –
    "Sơ kết 6 tháng", "Tổng kết năm 2027", "Tổng kết giai đoạn 2026–2030", "Từ đầu phong trào
    đến nay", or "Kỳ dd/mm/yyyy – dd/mm/yyyy"."""
    if r.name:
        return r.name
    if r.code == HALF:
        return t(lang, "round_name_half")
    if r.code == SINCE_START:
        return t(lang, "round_name_since_start")
    if _year_review(r):
        if r.start.year == r.end.year:
            return t(lang, "round_name_year", year=r.end.year)
        return t(lang, "round_name_phase", first=r.start.year, last=r.end.year)
    return t(lang, "round_name_dates", start=fmt_date(r.start), end=fmt_date(r.end))


def round_label(lang: str, r: AwardRound) -> str:
    """Its name with its dates, for a button or a list: "Tổng kết năm 2027 (01/01/2027 –
    31/12/2027)"; a review named by its dates only once."""
    name = round_name(lang, r)
    if _named_by_dates(r):
        return name
    return t(lang, "round_label", name=name, start=fmt_date(r.start), end=fmt_date(r.end))


def _named_by_dates(r: AwardRound) -> bool:
    return not r.name and r.code not in (HALF, SINCE_START) and not _year_review(r)


def _lower_first(name: str) -> str:
    # "Khen thưởng năm 2027" → "khen thưởng năm 2027" mid-sentence; "CCHC …" stays.
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def round_phrase(lang: str, r: AwardRound) -> str:
    """A review as said mid-sentence in the papers, never in brackets: "tổng kết năm 2026",
    "sơ kết 6 tháng đầu năm 2026", "tổng kết giai đoạn 2026–2030", a configured name, or its
    dates."""
    dates = {"start": fmt_date(r.start), "end": fmt_date(r.end)}
    if r.name:
        return _lower_first(r.name)
    if r.code == HALF:
        whole_year = r.start.month == 1 and r.start.day == 1
        key = "doc_review_half" if whole_year else "doc_review_half_dates"
        return t(lang, key, year=r.end.year, **dates)
    if _year_review(r):
        if r.start.year == r.end.year:
            return t(lang, "doc_review_year", year=r.end.year)
        return t(lang, "round_phrase_phase", first=r.start.year, last=r.end.year)
    return t(lang, "doc_review_dates", **dates)


def round_deadline(lang: str, r: AwardRound) -> str:
    """ "Hạn gửi hồ sơ về Phòng Văn hóa – Xã hội: 20/02/2028", or "" without a deadline."""
    return t(lang, "round_deadline", day=fmt_date(r.deadline)) if r.deadline else ""


def review_name(
    lang: str, kind: str, start: date, end: date, campaign: CampaignConfig | None = None
) -> str:
    """The stored review (`period_kind` and dates) as a label, by `round_label`."""
    return round_label(lang, stored_round(campaign, kind, start, end))


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
    review = stored_round(campaign, elig.period.kind, elig.period.start, elig.period.end)
    head = [
        t(
            lang,
            "award_head",
            id=proposal_id,
            review=round_label(lang, review),
        ),
        t(
            lang,
            "award_snapshot",
            as_of=fmt_date(elig.as_of),
            at=fmt_datetime(snapshot_at, tz),
            entries=fmt_int(lang, entries),
        ),
    ]
    if review.deadline is not None:
        head.append(t(lang, "award_deadline", deadline=round_deadline(lang, review)))
    parts: list[list[str]] = [head]
    sections: list[Callable[[], list[str]]] = [
        lambda: section_text(lang, elig.collective, campaign),
        lambda: section_text(lang, elig.individual, campaign),
    ]
    if elig.special.cap:  # a plan without a special prize (cap 0) does not show one
        sections.insert(1, lambda: section_text(lang, elig.special, campaign))
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
