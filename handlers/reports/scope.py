"""Who may see which hamlets' reports, and what a typed report request means.

"/baocao tuần trước BNA", "/baocao quy1", "/baocao 01/04/2026 30/04/2026": period words are
folded (no marks, no spaces), hamlet codes matched, two dates make a custom range. Periods of
a campaign over several years are named with their year ("năm 2027", "quý 1/2027", "q1/2027",
"tháng 3/2027", "t3/2027", "6 tháng đầu năm 2027") or as the whole phase ("giai đoạn", "từ
đầu giai đoạn"); without a year ("quý 1", "năm", "tháng 3") they mean the current year's
(`models.periods.reference_year`: in a one-year campaign, the campaign's year as before).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from handlers.engine.context import Ctx
from handlers.engine.messages import Reply
from models.access import ranking_pool
from models.campaign import Campaign, Hamlet
from models.campaigns import all_campaigns
from models.people import Role
from models.periods import Period, PeriodError, resolve
from models.text import fold

SEES_ALL = (Role.SUPERVISOR, Role.ADMIN)
_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")

PERIOD_WORDS = {
    "tudau": "since_start",
    "tudauchiendich": "since_start",
    "tudaugiaidoan": "since_start",
    "tudauphongtrao": "since_start",
    "tudaugiaidoandennay": "since_start",
    "tudauphongtraodennay": "since_start",
    "tudauchiendichdennay": "since_start",
    "luyke": "since_start",
    "sincestart": "since_start",
    "since_start": "since_start",
    "tuannay": "this_week",
    "thisweek": "this_week",
    "this_week": "this_week",
    "tuantruoc": "last_week",
    "lastweek": "last_week",
    "last_week": "last_week",
    "thangnay": "this_month",
    "thismonth": "this_month",
    "this_month": "this_month",
    "quynay": "this_quarter",
    "thisquarter": "this_quarter",
    "this_quarter": "this_quarter",
    "quytruoc": "last_quarter",
    "lastquarter": "last_quarter",
    "last_quarter": "last_quarter",
    "quy1": "q1",
    "q1": "q1",
    "quyi": "q1",
    "quy2": "q2",
    "q2": "q2",
    "quyii": "q2",
    "quy3": "q3",
    "q3": "q3",
    "quyiii": "q3",
    "quy4": "q4",
    "q4": "q4",
    "quyiv": "q4",
    "soket": "half",
    "soket6thang": "half",
    "6thang": "half",
    "half": "half",
    "tongket": "year",
    "tongketnam": "year",
    "canam": "year",
    "nam": "year",
    "namnay": "year",
    "year": "year",
    "giaidoan": "phase",
    "cagiaidoan": "phase",
    "toangiaidoan": "phase",
    "tongketgiaidoan": "phase",
    "phase": "phase",
    "6thangdaunam": "h1",
    "6thangcuoinam": "h2",
}

# Folded words run together ("quy1/2027", "thang3nam2027", "6thangdaunam2027").
_SEP = r"(?:[/.\-]|nam)?"
_YEAR_WORDS = re.compile(r"^(?:nam|canam|tongketnam)?(\d{4})$")
_QUARTER_WORDS = re.compile(r"^(?:quy|q)(iv|iii|ii|i|[1-4])" + _SEP + r"(\d{4})$")
_MONTH_WORDS = re.compile(
    r"^(?:thang(\d{1,2})(?:" + _SEP + r"(\d{4}))?|t(\d{1,2})" + _SEP + r"(\d{4}))$"
)
_HALF_WORDS = re.compile(r"^(?:soket)?(?:6|sau)thang(dau|cuoi)(?:nam)?(\d{4})?$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def period_word(word: str) -> str | None:
    """The period kind folded words run together name (`models.periods`), or None: "tuantruoc"
    → "last_week", "nam2027" → "year:2027", "q1/2027" → "q1:2027", "thang3" → "month:03",
    "t3/2027" → "month:2027-03" ("t3" alone is "tổ 3", not March), "6thangcuoinam2027" →
    "h2:2027"."""
    if word in PERIOD_WORDS:
        return PERIOD_WORDS[word]
    if found := _YEAR_WORDS.match(word):
        return f"year:{found[1]}"
    if found := _QUARTER_WORDS.match(word):
        number = _ROMAN.get(found[1]) or int(found[1])
        return f"q{number}:{found[2]}"
    if found := _MONTH_WORDS.match(word):
        month, year = int(found[1] or found[3]), found[2] or found[4]
        if not 1 <= month <= 12:
            return None
        return f"month:{year}-{month:02}" if year else f"month:{month:02}"
    if found := _HALF_WORDS.match(word):
        half = "h1" if found[1] == "dau" else "h2"
        return f"{half}:{found[2]}" if found[2] else half
    return None


class ArgError(ValueError):
    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Request:
    period: Period
    hamlet: Hamlet | None  # one hamlet, or None for all the sender may see
    fmt: str = "xlsx"
    explicit: bool = False  # the sender named a period (not just the default)
    unit: str | None = None  # one commune's hamlets (several communes in one deployment)


def units_of(hamlets: list[Hamlet]) -> list[str]:
    """The communes these hamlets belong to, in first-seen order."""
    return list(dict.fromkeys(h.unit for h in hamlets if h.unit))


def match_unit(words: list[str], units: list[str]) -> str | None:
    """A commune named by its folded words: "hon tre" or "xa hon tre" → "Xã Hòn Tre"."""
    if not words:
        return None
    asked = " ".join(words)
    exact = [u for u in units if fold(u) == asked]
    if exact:
        return exact[0]
    found = [u for u in units if fold(u).endswith(" " + asked)]
    return found[0] if len(found) == 1 else None


def _split_period_unit(words: list[str], units: list[str]) -> tuple[str | None, str | None] | None:
    """Words → (period kind, commune), each optional, in either order; None if no reading."""
    for i in range(len(words) + 1):
        for head, tail in ((words[:i], words[i:]), (words[i:], words[:i])):
            kind = period_word("".join(head)) if head else None
            unit = match_unit(tail, units) if tail else None
            if (not head or kind) and (not tail or unit):
                return kind, unit
    return None


async def visible_hamlets(ctx: Ctx) -> list[Hamlet] | None:
    """Hamlets the sender's reports cover; None if their role gets no reports."""
    user = ctx.me
    if user.role in SEES_ALL:
        return await ctx.covered_hamlets()
    if user.role == Role.HAMLET_HEAD:
        own = await ctx.hamlet()
        return [own] if own is not None else []
    return None


def refused_other(ctx: Ctx) -> str:
    """The refusal of a hamlet or commune outside the sender's scope."""
    unit = ctx.me.unit
    if ctx.me.role in SEES_ALL and unit is not None:
        return ctx.t("report_outside_scope", unit=unit)
    return ctx.t("report_other_hamlet_refused")


async def ranked_among(ctx: Ctx) -> list[Hamlet]:
    """The hamlets a report ranks the sender's among: a supervisor's scope (one commune, or
    all); for a head, every hamlet (their report shows only their own, with its rank)."""
    return await ranking_pool(ctx.session, ctx.me)


def period_of(ctx: Ctx, kind: str, start: date | None = None, end: date | None = None) -> Period:
    return resolve(kind, ctx.settings.campaign, ctx.today, start=start, end=end)


def parse_dates(ctx: Ctx, text: str) -> Period:
    """Two dd/mm/yyyy dates → a custom period inside the campaign."""
    found = _DATE.findall(text)
    if len(found) != 2:
        raise ArgError("report_dates_invalid")
    days: list[date] = []
    for d, m, y in found:
        year = int(y) + (2000 if len(y) == 2 else 0)
        try:
            days.append(date(year, int(m), int(d)))
        except ValueError as exc:
            raise ArgError("report_dates_invalid") from exc
    if days[1] < days[0]:
        raise ArgError("report_dates_reversed")
    try:
        return period_of(ctx, "custom", days[0], days[1])
    except PeriodError as exc:
        camp = ctx.settings.campaign
        raise ArgError(
            "report_dates_outside",
            start=camp.start.strftime("%d/%m/%Y"),
            end=camp.end.strftime("%d/%m/%Y"),
        ) from exc


async def outside_text(ctx: Ctx) -> str:
    """The answer when a report's period lies outside the campaign: before it starts (next
    year's campaign already configured), where the earlier campaign's figures are; else the
    campaign's dates."""
    camp = ctx.settings.campaign
    if ctx.today < camp.start:
        earlier = await ctx.earlier_campaign_ids()
        row = await ctx.session.get(Campaign, earlier[0]) if earlier else None
        text = ctx.t("report_not_started", campaign=camp.name, start=f"{camp.start:%d/%m/%Y}")
        if row is not None:
            text += " " + ctx.t("report_earlier_hint", code=row.code)
        return text
    return ctx.t(
        "report_dates_outside",
        start=camp.start.strftime("%d/%m/%Y"),
        end=camp.end.strftime("%d/%m/%Y"),
    )


CommandHandler = Callable[[Ctx, str], Awaitable[list[Reply]]]


def reads_earlier_campaigns(handler: CommandHandler) -> CommandHandler:
    """A command that also reads an earlier campaign named by its code among its arguments
    (`earlier_campaign_arg`); its answer then starts by saying which campaign it is."""

    @functools.wraps(handler)
    async def command(ctx: Ctx, arg: str) -> list[Reply]:
        arg = await earlier_campaign_arg(ctx, arg)
        replies = await handler(ctx, arg)
        if ctx.switched_campaign is None:
            return replies
        camp = ctx.settings.campaign
        notice = ctx.t(
            "earlier_campaign_notice",
            campaign=camp.name,
            code=camp.code,
            start=f"{camp.start:%d/%m/%Y}",
            end=f"{camp.end:%d/%m/%Y}",
        )
        return [Reply(notice), *replies]

    return command


async def earlier_campaign_arg(ctx: Ctx, arg: str) -> str:
    """An earlier campaign named by its code among the arguments ("/baocao kienhai-2026
    năm 2026"): the context switched to it for the rest of the message, and the arguments
    without the code; else the arguments as they are. The earlier campaign's data is read
    as it was, with the same scope rules."""
    tokens = arg.split()
    if not tokens or not await ctx.earlier_campaign_ids():
        return arg  # one campaign in the database: nothing to look up
    codes = {c.code.casefold(): c.code for c in await all_campaigns(ctx.session)}
    for i, token in enumerate(tokens):
        code = codes.get(token.casefold())
        current = code == ctx.settings.campaign.code
        if code is not None and not current and await ctx.use_campaign(code):
            return " ".join(tokens[:i] + tokens[i + 1 :])
    return arg


def parse_request(ctx: Ctx, arg: str, hamlets: list[Hamlet], default: str) -> Request:
    """Read '/baocao' arguments; raises ArgError with the catalog key to answer.

    A commune may be named ("/baocao Hòn Tre", "/baocao tuần trước xã Hòn Tre") when the
    hamlets belong to several."""
    period: Period | None = None
    text = arg
    if _DATE.search(text):
        period = parse_dates(ctx, text)
        text = _DATE.sub(" ", text)
    by_code = {h.code: h for h in hamlets}
    hamlet: Hamlet | None = None
    fmt = "xlsx"
    words: list[str] = []
    for token in text.split():
        if token.upper() in by_code and hamlet is None:
            hamlet = by_code[token.upper()]
        elif fold(token) in ("csv", "xlsx", "excel"):
            fmt = "csv" if fold(token) == "csv" else "xlsx"
        else:
            words.append(fold(token))
    unit: str | None = None
    if words:
        units = units_of(hamlets) if len(units_of(hamlets)) > 1 else []
        reading = _split_period_unit(words, units)
        if reading is None or (reading[0] is not None and period is not None):
            raise ArgError("report_unknown_arg", arg=arg[:60])
        kind, unit = reading
        if kind is not None:
            period = period_of(ctx, kind)
    if period is not None and period.start > ctx.today:
        # A period still to come has no figures (a report of it would rank empty hamlets).
        raise ArgError("report_period_future", start=f"{period.start:%d/%m/%Y}")
    return Request(
        period=period or period_of(ctx, default),
        hamlet=hamlet,
        fmt=fmt,
        explicit=period is not None,
        unit=unit,
    )
