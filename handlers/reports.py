"""/baocao: hamlets ranked for a period with a chart; one hamlet with its officers; exports.

Supervisors see every hamlet; a hamlet head sees their own; officers use /tiendo.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from handlers import add_household, charts
from handlers.context import Ctx
from handlers.dialog import REPEAT, Answer, ask, close, command, draft, on_state
from handlers.exports import export_replies, period_options
from handlers.household_form import looks_like_one_line
from handlers.io import Option, Reply
from handlers.report_scope import (
    SEES_ALL,
    ArgError,
    parse_dates,
    parse_request,
    period_of,
    visible_hamlets,
)
from handlers.report_text import CheckFigures, hamlet_detail, period_name, table
from handlers.summaries import check_figures
from models.campaign import Hamlet
from models.periods import Period, PeriodError
from models.reports import (
    Report,
    active_hamlets,
    build_report,
    daily_new_households,
    officer_activity,
)


def _outside(ctx: Ctx) -> Reply:
    camp = ctx.settings.campaign
    return Reply(ctx.t("report_dates_outside", start=camp.start.strftime("%d/%m/%Y"),
                       end=camp.end.strftime("%d/%m/%Y")))


@command("baocao", "report")
async def cmd_report(ctx: Ctx, arg: str) -> list[Reply]:
    everyone = await active_hamlets(ctx.session)
    try:
        req = parse_request(ctx, arg, everyone, "since_start")
    except ArgError as err:
        return [Reply(ctx.t(err.key, **err.values))]
    except PeriodError:
        return [_outside(ctx)]
    visible = await visible_hamlets(ctx)
    own = ctx.me.hamlet_id
    if req.hamlet is not None and (visible is None or req.hamlet.id not in {
            h.id for h in visible}) and req.hamlet.id != own:
        return [Reply(ctx.t("report_other_hamlet_refused"))]
    if visible is None:
        return [Reply(ctx.t("report_not_allowed"))]
    hamlet = req.hamlet
    if hamlet is None and ctx.me.role not in SEES_ALL:
        hamlet = visible[0] if visible else None
        if hamlet is None:
            return [Reply(ctx.t("report_not_allowed"))]
    return await show(ctx, req.period, hamlet)


def _chart_path(ctx: Ctx) -> Path:
    return ctx.settings.data_dir / "outbox" / f"{uuid.uuid4().hex}.png"


async def show(ctx: Ctx, period: Period, hamlet: Hamlet | None) -> list[Reply]:
    """The report message, its chart and the menu for the next question."""
    everyone = await active_hamlets(ctx.session)
    campaign_id = await ctx.campaign_id()
    camp = ctx.settings.campaign
    report = await build_report(ctx.session, campaign_id=campaign_id, campaign=camp,
                                period=period, today=ctx.today, hamlets=everyone)
    name = period_name(ctx.lang, period)
    image = _chart_path(ctx)
    checks = await check_figures(ctx.session, ctx.settings, campaign_id=campaign_id)
    draw: Callable[[], object]
    if hamlet is None:
        text = table(ctx.lang, report, checks)
        draw = partial(charts.coverage_chart, report, ctx.lang, image)
    else:
        text, draw = await _hamlet_view(ctx, report, hamlet, campaign_id, image, checks)
    replies = [Reply(text), Reply(ctx.t("report_chart_caption", name=name), image=image,
                                  cleanup=True, render=draw)]
    replies.append(_menu(ctx, period, hamlet))
    return replies


async def _hamlet_view(ctx: Ctx, report: Report, hamlet: Hamlet, campaign_id: int,
                       image: Path,
                       checks: CheckFigures | None) -> tuple[str, Callable[[], object]]:
    row = next(r for r in report.rows if r.hamlet_id == hamlet.id)
    officers = await officer_activity(
        ctx.session, campaign_id=campaign_id, period=report.period, today=ctx.today,
        hamlets=[hamlet], inactive_days=ctx.settings.inactive_days, tz=ctx.settings.timezone)
    text = hamlet_detail(ctx.lang, report, row, len(report.rows), officers,
                         ctx.settings.inactive_days, checks)
    camp = ctx.settings.campaign
    daily = await daily_new_households(ctx.session, campaign_id=campaign_id,
                                       hamlet_id=hamlet.id, until=report.as_of)
    draw = partial(
        charts.cumulative_chart, hamlet_name=hamlet.name, daily=daily,
        campaign_start=camp.start, campaign_end=camp.end, as_of=report.as_of,
        target=row.target, threshold=camp.coverage_threshold, lang=ctx.lang, path=image)
    return text, draw


def _menu_options(ctx: Ctx, hamlet: Hamlet | None) -> list[Option]:
    options = [*period_options(ctx), Option(ctx.t("report_btn_custom"), "custom")]
    if ctx.me.role in SEES_ALL:
        options.append(Option(ctx.t("report_btn_pick"), "pick"))
        if hamlet is not None:
            options.append(Option(ctx.t("report_btn_all"), "all"))
    options.append(Option(ctx.t("report_btn_xlsx"), "xlsx"))
    return options


def _menu(ctx: Ctx, period: Period, hamlet: Hamlet | None) -> Reply:
    data = {"kind": period.kind, "start": period.start.isoformat(),
            "end": period.end.isoformat(), "hamlet": hamlet.code if hamlet else None}
    return ask(ctx, "report.menu", ctx.t("report_menu"), _menu_options(ctx, hamlet),
               draft=data, per_row=2)


def _period_from_draft(ctx: Ctx) -> Period:
    data = draft(ctx)
    kind = str(data.get("kind") or "since_start")
    if kind in ("custom", "week"):
        return period_of(ctx, "custom", date.fromisoformat(data["start"]),
                         date.fromisoformat(data["end"]))
    return period_of(ctx, kind)


async def _hamlet_from_draft(ctx: Ctx) -> Hamlet | None:
    code = draft(ctx).get("hamlet")
    if not code:
        return None
    visible = await visible_hamlets(ctx) or []
    return next((h for h in visible if h.code == code), None)


@on_state("report.menu")
async def step_menu(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value
    try:
        period = _period_from_draft(ctx)
    except PeriodError:
        await close(ctx)
        return [_outside(ctx)]
    hamlet = await _hamlet_from_draft(ctx)
    if value == REPEAT:
        return [_menu(ctx, period, hamlet)]
    if value is None:
        if looks_like_one_line(answer.text):
            # A household typed in one line while the menu was open: log it.
            await close(ctx)
            return await add_household.free_text(ctx, answer.text)
        # A mistyped choice ("99") keeps the menu rather than dropping it.
        return [Reply(ctx.t("choose_option")), _menu(ctx, period, hamlet)]
    if value.startswith("p:"):
        try:
            return await show(ctx, period_of(ctx, value[2:]), hamlet)
        except PeriodError:
            return [_outside(ctx), _menu(ctx, period, hamlet)]
    if value == "custom":
        return [ask(ctx, "report.dates", ctx.t("report_ask_dates"), draft=draft(ctx))]
    if value == "pick" and ctx.me.role in SEES_ALL:
        return [_pick(ctx, await active_hamlets(ctx.session))]
    if value == "all" and ctx.me.role in SEES_ALL:
        return await show(ctx, period, None)
    if value == "xlsx":
        hamlets = [hamlet] if hamlet else (await visible_hamlets(ctx) or [])
        return [*await export_replies(ctx, period, hamlets, "xlsx"),
                _menu(ctx, period, hamlet)]
    return [_menu(ctx, period, hamlet)]


def _pick(ctx: Ctx, hamlets: list[Hamlet]) -> Reply:
    options = [Option(f"{h.name} ({h.code})", f"h:{h.code}") for h in hamlets]
    return ask(ctx, "report.pick", ctx.t("report_pick_hamlet"), options, draft=draft(ctx),
               per_row=2)


@on_state("report.pick")
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    hamlets = await active_hamlets(ctx.session)
    if answer.value is None or not answer.value.startswith("h:"):
        typed = answer.text.strip().upper()
        match = next((h for h in hamlets if h.code == typed), None)
        if match is None:
            prefix = [Reply(ctx.t("choose_option"))] if answer.text else []
            return [*prefix, _pick(ctx, hamlets)]
    else:
        match = next((h for h in hamlets if h.code == answer.value[2:]), None)
        if match is None:
            return [_pick(ctx, hamlets)]
    try:
        period = _period_from_draft(ctx)
    except PeriodError:
        await close(ctx)
        return [_outside(ctx)]
    return await show(ctx, period, match)


@on_state("report.dates")
async def step_dates(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT or not answer.text:
        return [ask(ctx, "report.dates", ctx.t("report_ask_dates"), draft=draft(ctx))]
    try:
        period = parse_dates(ctx, answer.text)
    except ArgError as err:
        return [Reply(ctx.t(err.key, **err.values)),
                ask(ctx, "report.dates", ctx.t("report_ask_dates"), draft=draft(ctx))]
    return await show(ctx, period, await _hamlet_from_draft(ctx))
