"""Which award round a supervisor means: a button's code, or what they typed after
/khenthuong or /vanban – a round's code or name, "6 tháng" / "năm" / "nay" as before rounds
were configurable, "năm 2027", "giai đoạn". Shared by the proposal and the office's papers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from handlers.engine.context import Ctx
from handlers.engine.i18n import fmt_date
from handlers.render.award_text import SINCE_START, round_label
from models.rules import HALF, PHASE, YEAR, AwardRound, CampaignConfig
from models.text import fold

# Typed words of the one-year plan (folded, spaces removed) → a default round's code.
_TYPED = {
    "6thang": HALF,
    "sanket": HALF,
    "soket": HALF,
    "soket6thang": HALF,
    "half": HALF,
    "nam": YEAR,
    "canam": YEAR,
    "tongket": YEAR,
    "tongketnam": YEAR,
    "year": YEAR,
    "nay": SINCE_START,
    "homnay": SINCE_START,
    "today": SINCE_START,
    "now": SINCE_START,
}
_PHASE_WORDS = {"giaidoan", "cagiaidoan", "tongketgiaidoan", "phase"}
_YEAR_TYPED = re.compile(r"(?:(?:ca )?nam |year )?(\d{4})")


@dataclass(frozen=True)
class Pick:
    """What was meant: a round (`code`, or SINCE_START), or why nothing could be picked (a
    catalog key with its values; "" with no code: not understood)."""

    code: str | None = None
    problem: str = ""
    values: tuple[tuple[str, object], ...] = ()


def plain_one_year(campaign: CampaignConfig) -> bool:
    """The Kiên Hải plan's shape: one year, its 6-month and year-end reviews; its messages
    stay as they were before rounds were configurable."""
    return not campaign.rounds and not campaign.multi_year


def year_round(campaign: CampaignConfig, year: int) -> AwardRound | None:
    """The round that covers exactly this calendar year (within the campaign), if any."""
    first, last = max(date(year, 1, 1), campaign.start), min(date(year, 12, 31), campaign.end)
    return next(
        (
            r
            for r in campaign.award_rounds()
            if r.start.year == r.end.year == year and r.start <= first and r.end >= last
        ),
        None,
    )


def half_round(campaign: CampaignConfig, today: date) -> AwardRound | None:
    """A configured review of a year's first six months (to 30/06): this year's, else the
    latest that has begun."""
    halves = [
        r
        for r in campaign.award_rounds()
        if r.start.year == r.end.year
        and r.start <= max(date(r.end.year, 1, 1), campaign.start)
        and (r.end.month, r.end.day) == (6, 30)
    ]
    begun = [r for r in halves if r.start <= today]
    return max(begun, key=lambda r: r.end, default=None) or (halves[0] if halves else None)


def phase_round(campaign: CampaignConfig) -> AwardRound | None:
    """The round of the whole campaign: "phase", else one over all of its dates."""
    rounds = campaign.award_rounds()
    return next((r for r in rounds if r.code == PHASE), None) or next(
        (r for r in rounds if r.start <= campaign.start and r.end >= campaign.end), None
    )


def _by_code(campaign: CampaignConfig, key: str) -> AwardRound | None:
    return next((r for r in campaign.award_rounds() if fold(r.code).replace(" ", "") == key), None)


def _by_name(campaign: CampaignConfig, folded: str) -> AwardRound | None:
    return next((r for r in campaign.award_rounds() if r.name and fold(r.name) == folded), None)


def pick(ctx: Ctx, text: str, *, since_start: bool = True) -> Pick:
    """The round meant by `text` (a button's value or typed words)."""
    campaign = ctx.settings.campaign
    folded = fold(text)
    key = folded.replace(" ", "")
    if since_start and key in ("since_start", *(k for k, v in _TYPED.items() if v == SINCE_START)):
        return Pick(SINCE_START)
    found = _by_code(campaign, key) or _by_name(campaign, folded)
    if found is None and key in _TYPED and _TYPED[key] != SINCE_START:
        code = _TYPED[key]
        found = campaign.award_round(code)
        if found is None and code == YEAR:  # a campaign of several years: this year's round
            found = year_round(campaign, ctx.today.year)
        elif found is None and code == HALF:  # a plan's own 6-month review, the latest begun
            found = half_round(campaign, ctx.today)
    if found is None:
        typed_year = _YEAR_TYPED.fullmatch(folded)
        if typed_year is not None:
            year = int(typed_year.group(1))
            found = year_round(campaign, year)
            if found is None:
                return Pick(problem="award_no_year_round", values=(("year", year),))
        elif key in _PHASE_WORDS:
            found = phase_round(campaign)
            if found is None:
                return Pick(problem="award_no_phase_round")
    if found is None:
        return Pick()
    if found.start > ctx.today:
        return Pick(
            problem="award_round_not_started",
            values=(("review", round_label(ctx.lang, found)), ("start", fmt_date(found.start))),
        )
    return Pick(found.code)


def rounds_list(ctx: Ctx) -> str:
    """Every round of the campaign, one a line, with its code (and its start, if later)."""
    lines = []
    for r in ctx.settings.campaign.award_rounds():
        key = "award_rounds_line" if r.start <= ctx.today else "award_rounds_line_later"
        lines.append(
            ctx.t(key, review=round_label(ctx.lang, r), code=r.code, start=fmt_date(r.start))
        )
    return "\n".join(lines)


def problem_text(ctx: Ctx, chosen: Pick, arg: str, command: str) -> str:
    """Why `arg` picked nothing, in words: the plain one-year plan keeps its old line
    (`plain_key`, left to the caller when this returns "")."""
    if chosen.problem:
        values = dict(chosen.values)
        if chosen.problem != "award_round_not_started":
            values["rounds"] = rounds_list(ctx)
        return ctx.t(chosen.problem, **values)
    if plain_one_year(ctx.settings.campaign):
        return ""
    return ctx.t(
        "award_unknown_round",
        arg=arg.strip()[:40],
        command=command,
        year=ctx.today.year,
        rounds=rounds_list(ctx),
    )
