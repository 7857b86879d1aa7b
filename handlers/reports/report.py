"""/baocao: hamlets ranked for a period with a chart; one hamlet with its officers; exports.

Supervisors see every hamlet; a hamlet head sees their own; officers use /tiendo. When the
hamlets belong to several communes (a district's or province's deployment), /baocao first
shows one line per commune, and "/baocao <commune>" that commune's hamlets ranked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.messages import Option, Reply
from handlers.engine.router import HEADS, SUPERVISES, Menu, Router
from handlers.engine.states import ReportState
from handlers.households.progress import pending_total_line
from handlers.render import charts
from handlers.render.report_text import CheckFigures, hamlet_detail, period_name, table, units_table
from handlers.reports.export import export_replies, period_options, scratch_folder
from handlers.reports.scope import (
    SEES_ALL,
    ArgError,
    match_unit,
    outside_text,
    parse_dates,
    parse_request,
    period_of,
    ranked_among,
    reads_earlier_campaigns,
    refused_other,
    units_of,
    visible_hamlets,
)
from handlers.reports.summaries import check_figures
from models.campaign import Hamlet
from models.people import Role
from models.periods import Period, PeriodError
from models.reports import (
    Report,
    active_hamlets,
    build_report,
    daily_new_households,
    officer_activity,
)
from models.text import fold

router = Router("reports")


async def _outside(ctx: Ctx) -> Reply:
    return Reply(await outside_text(ctx))


@router.command("baocao", "report", menu=Menu(70, "report", "cmd_report", HEADS))
@reads_earlier_campaigns
async def cmd_report(ctx: Ctx, arg: str) -> list[Reply]:
    everyone = await active_hamlets(ctx.session)
    try:
        req = parse_request(ctx, arg, everyone, "since_start")
    except ArgError as err:
        return [Reply(ctx.t(err.key, **err.values))]
    except PeriodError:
        return [await _outside(ctx)]
    visible = await visible_hamlets(ctx)
    own = ctx.me.hamlet_id
    if (
        req.hamlet is not None
        and (visible is None or req.hamlet.id not in {h.id for h in visible})
        and req.hamlet.id != own
    ):
        return [Reply(refused_other(ctx))]
    if visible is None:
        return [Reply(ctx.t("report_not_allowed"))]
    if req.unit is not None and req.unit not in units_of(visible):
        return [Reply(refused_other(ctx))]
    hamlet = req.hamlet
    if hamlet is None and ctx.me.role not in SEES_ALL:
        hamlet = visible[0] if visible else None
        if hamlet is None:
            return [Reply(ctx.t("report_not_allowed"))]
    return await show(ctx, req.period, hamlet, req.unit if hamlet is None else None)


def _chart_path(ctx: Ctx) -> Path:
    # In a folder of its own: the shared outbox is never removed under another request.
    return scratch_folder(ctx.settings) / "bieu-do.png"


async def show(
    ctx: Ctx, period: Period, hamlet: Hamlet | None, unit: str | None = None
) -> list[Reply]:
    """The report message, its chart and the menu for the next question."""
    everyone = await ranked_among(ctx)
    several = len(units_of(everyone)) > 1
    if not several:
        unit = None  # a commune kept in an old menu, after the config went back to one
    campaign_id = await ctx.campaign_id()
    camp = ctx.settings.campaign
    if several and hamlet is None and unit is None:
        return await _overview(ctx, period, everyone)
    if several:  # ranks among the hamlet's own commune
        unit = hamlet.unit if hamlet is not None else unit
        everyone = [h for h in everyone if h.unit == unit]
    report = await build_report(
        ctx.session,
        campaign_id=campaign_id,
        campaign=camp,
        period=period,
        today=ctx.today,
        hamlets=everyone,
    )
    name = period_name(ctx.lang, period)
    image = _chart_path(ctx)
    checks = await check_figures(ctx.session, ctx.settings, campaign_id=campaign_id, viewer=ctx.me)
    draw: Callable[[], object]
    if hamlet is None:
        text = table(ctx.lang, report, checks)
        if unit is not None:
            text = ctx.t("report_unit_title", unit=unit, n=len(everyone)) + "\n" + text
        draw = partial(charts.coverage_chart, report, ctx.lang, image)
    else:
        text, draw = await _hamlet_view(ctx, report, hamlet, campaign_id, image, checks)
    replies = [
        Reply(text),
        Reply(ctx.t("report_chart_caption", name=name), image=image, cleanup=True, render=draw),
    ]
    replies.append(_menu(ctx, period, hamlet, unit))
    return replies


async def _overview(ctx: Ctx, period: Period, everyone: list[Hamlet]) -> list[Reply]:
    """One line per commune: a province's hundreds of hamlets would be dozens of messages."""
    report = await build_report(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        campaign=ctx.settings.campaign,
        period=period,
        today=ctx.today,
        hamlets=everyone,
    )
    text = units_table(ctx.lang, report, {h.id: h.unit for h in everyone})
    return [Reply(text), _menu(ctx, period, None, None)]


async def _hamlet_view(
    ctx: Ctx,
    report: Report,
    hamlet: Hamlet,
    campaign_id: int,
    image: Path,
    checks: CheckFigures | None,
) -> tuple[str, Callable[[], object]]:
    row = next(r for r in report.rows if r.hamlet_id == hamlet.id)
    officers = await officer_activity(
        ctx.session,
        campaign_id=campaign_id,
        period=report.period,
        today=ctx.today,
        hamlets=[hamlet],
        inactive_days=ctx.settings.inactive_days,
        tz=ctx.settings.timezone,
    )
    text = hamlet_detail(
        ctx.lang, report, row, len(report.rows), officers, ctx.settings.inactive_days, checks
    )
    if waiting := await pending_total_line(ctx, hamlet):
        text += "\n" + waiting
    camp = ctx.settings.campaign
    daily = await daily_new_households(
        ctx.session, campaign_id=campaign_id, hamlet_id=hamlet.id, until=report.as_of
    )
    draw = partial(
        charts.cumulative_chart,
        hamlet_name=hamlet.name,
        daily=daily,
        campaign_start=camp.start,
        campaign_end=camp.end,
        as_of=report.as_of,
        target=row.target,
        threshold=camp.coverage_threshold,
        lang=ctx.lang,
        path=image,
    )
    return text, draw


def _menu_options(ctx: Ctx, hamlet: Hamlet | None, unit: str | None) -> list[Option]:
    options = [*period_options(ctx), Option(ctx.t("report_btn_custom"), "custom")]
    if ctx.me.role in SEES_ALL:
        options.append(Option(ctx.t("report_btn_pick"), "pick"))
        if hamlet is not None or unit is not None:
            options.append(Option(ctx.t("report_btn_all"), "all"))
    options.append(Option(ctx.t("report_btn_xlsx"), "xlsx"))
    return options


def _menu(ctx: Ctx, period: Period, hamlet: Hamlet | None, unit: str | None = None) -> Reply:
    data = {
        "kind": period.kind,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "hamlet": hamlet.code if hamlet else None,
        "unit": unit,
    }
    return ask(
        ctx,
        ReportState.MENU,
        ctx.t("report_menu"),
        _menu_options(ctx, hamlet, unit),
        draft=data,
        per_row=2,
    )


def _unit_from_draft(ctx: Ctx) -> str | None:
    unit = draft(ctx).get("unit")
    return str(unit) if unit else None


def _period_from_draft(ctx: Ctx) -> Period:
    data = draft(ctx)
    kind = str(data.get("kind") or "since_start")
    if kind in ("custom", "week"):
        return period_of(
            ctx, "custom", date.fromisoformat(data["start"]), date.fromisoformat(data["end"])
        )
    return period_of(ctx, kind)


async def _hamlet_from_draft(ctx: Ctx) -> Hamlet | None:
    code = draft(ctx).get("hamlet")
    if not code:
        return None
    visible = await visible_hamlets(ctx) or []
    return next((h for h in visible if h.code == code), None)


@router.on_state(ReportState.MENU)
async def step_menu(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value
    try:
        period = _period_from_draft(ctx)
    except PeriodError:
        await close(ctx)
        return [await _outside(ctx)]
    hamlet = await _hamlet_from_draft(ctx)
    unit = _unit_from_draft(ctx)
    if value == REPEAT:
        return [_menu(ctx, period, hamlet, unit)]
    if value is None:
        # A mistyped choice ("99") keeps the menu rather than dropping it.
        return [Reply(ctx.t("choose_option")), _menu(ctx, period, hamlet, unit)]
    if value.startswith("p:"):
        try:
            return await show(ctx, period_of(ctx, value[2:]), hamlet, unit)
        except PeriodError:
            return [await _outside(ctx), _menu(ctx, period, hamlet, unit)]
    if value == "custom":
        return [ask(ctx, ReportState.DATES, ctx.t("report_ask_dates"), draft=draft(ctx))]
    if value == "pick" and ctx.me.role in SEES_ALL:
        if len(units_of(await ctx.covered_hamlets())) > 1 and unit is None and hamlet is None:
            return [_ask_unit(ctx)]
        return [_pick(ctx, await _pickable(ctx))]
    if value == "all" and ctx.me.role in SEES_ALL:
        return await show(ctx, period, None)
    if value == "xlsx":
        visible = await visible_hamlets(ctx) or []
        hamlets = [hamlet] if hamlet else [h for h in visible if unit is None or h.unit == unit]
        return [
            *await export_replies(ctx, period, hamlets, "xlsx"),
            _menu(ctx, period, hamlet, unit),
        ]
    return [_menu(ctx, period, hamlet, unit)]


def _ask_unit(ctx: Ctx) -> Reply:
    # Hundreds of communes do not fit as buttons: the name is typed (marks optional).
    return ask(ctx, ReportState.UNIT, ctx.t("report_ask_unit"), draft=draft(ctx))


@router.on_state(ReportState.UNIT)
async def step_unit(ctx: Ctx, answer: Answer) -> list[Reply]:
    everyone = await ctx.covered_hamlets()
    unit = match_unit(fold(answer.text).split(), units_of(everyone))
    if unit is None:
        prefix = (
            [Reply(ctx.t("report_unit_unknown", text=answer.text[:60]))]
            if answer.text and answer.value != REPEAT
            else []
        )
        return [*prefix, _ask_unit(ctx)]
    try:
        period = _period_from_draft(ctx)
    except PeriodError:
        await close(ctx)
        return [await _outside(ctx)]
    return await show(ctx, period, None, unit)


def _pick(ctx: Ctx, hamlets: list[Hamlet]) -> Reply:
    options = [Option(f"{h.name} ({h.code})", f"h:{h.code}") for h in hamlets]
    return ask(
        ctx, ReportState.PICK, ctx.t("report_pick_hamlet"), options, draft=draft(ctx), per_row=2
    )


async def _pickable(ctx: Ctx) -> list[Hamlet]:
    """The hamlets offered to pick from: those of the commune the menu was about."""
    everyone = await ctx.covered_hamlets()
    hamlet = await _hamlet_from_draft(ctx)
    scope = hamlet.unit if hamlet is not None else _unit_from_draft(ctx)
    if scope is None or len(units_of(everyone)) < 2:
        return everyone
    return [h for h in everyone if h.unit == scope]


@router.on_state(ReportState.PICK)
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    hamlets = await _pickable(ctx)
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
        return [await _outside(ctx)]
    return await show(ctx, period, match)


@router.on_state(ReportState.DATES)
async def step_dates(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT or not answer.text:
        return [ask(ctx, ReportState.DATES, ctx.t("report_ask_dates"), draft=draft(ctx))]
    try:
        period = parse_dates(ctx, answer.text)
    except ArgError as err:
        return [
            Reply(ctx.t(err.key, **err.values)),
            ask(ctx, ReportState.DATES, ctx.t("report_ask_dates"), draft=draft(ctx)),
        ]
    return await show(ctx, period, await _hamlet_from_draft(ctx), _unit_from_draft(ctx))


router.add_help(20, {Role.HAMLET_HEAD}, lambda ctx: ctx.t("help_head"))
router.add_help(31, SUPERVISES, lambda ctx: ctx.t("help_supervisor"))
