"""Spreadsheets for supervisors and hamlet heads: /xuat in chat, `python -m bot export`.

Every export is audited (who, which period, which hamlets, how many entries): the files
carry names and phone numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.messages import Option, Reply, scratch_dir
from handlers.engine.router import HEADS, Menu, Router
from handlers.engine.states import ExportState
from handlers.render.report_text import period_name
from handlers.render.workbook import (
    DEFAULT_SEPARATOR,
    ExportData,
    csv_parts,
    csv_paths,
    export_filename,
    write_csv,
    write_xlsx,
)
from handlers.reports.scope import (
    ArgError,
    outside_text,
    parse_dates,
    parse_request,
    period_of,
    reads_earlier_campaigns,
    refused_other,
    units_of,
    visible_hamlets,
)
from models.access import ranking_pool
from models.audit import record
from models.campaign import Hamlet
from models.check_rows import check_rows
from models.check_scope import Viewer
from models.periods import Period, PeriodError, reference_year
from models.reports import active_hamlets, build_report, evidence, officer_activity

router = Router("exports")

if TYPE_CHECKING:
    from bot.config import Settings

# What each CSV part is called in the chat message that carries it.
PART_NAMES = {
    "tong-hop": "export_part_summary",
    "minh-chung": "export_part_evidence",
    "can-bo": "export_part_officers",
    "kiem-tra": "export_part_checks",
}

# "/xuat csv;" (or "csv ;"): CSV separated by semicolons, for Excel set to Vietnamese
# regional settings; the mark is taken off before the period and hamlet are read.
_CSV_SEPARATOR = re.compile(r"\bcsv\s*([;,])", re.IGNORECASE)

PERIOD_CHOICES = (
    "since_start",
    "this_week",
    "last_week",
    "this_month",
    "this_quarter",
    "last_quarter",
    "half",
    "year",
)


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]
    data: ExportData
    write: Callable[[], object]  # writes every file in `paths`; blocking, for a thread


async def gather(
    session: AsyncSession,
    settings: Settings,
    *,
    campaign_id: int,
    period: Period,
    today: date,
    hamlets: list[Hamlet],
    made_at: datetime,
    viewer: Viewer,
) -> ExportData:
    """Figures, officers, evidence rows and spot-checks for these hamlets (ranked among all
    hamlets). Spot-checks are the campaign's, whatever the period: eligibility is judged
    over the whole campaign; only those the viewer may see (`models.check_scope`)."""
    everyone = await ranking_pool(session, viewer)
    report = await build_report(
        session,
        campaign_id=campaign_id,
        campaign=settings.campaign,
        period=period,
        today=today,
        hamlets=everyone,
    )
    wanted = {h.id for h in hamlets}
    report = replace(report, rows=tuple(r for r in report.rows if r.hamlet_id in wanted))
    officers = await officer_activity(
        session,
        campaign_id=campaign_id,
        period=period,
        today=today,
        hamlets=hamlets,
        inactive_days=settings.inactive_days,
        tz=settings.timezone,
    )
    rows = await evidence(
        session, campaign_id=campaign_id, period=period, today=today, hamlets=hamlets
    )
    checks = await check_rows(session, campaign_id=campaign_id, hamlets=hamlets, viewer=viewer)
    return ExportData(
        campaign=settings.campaign,
        report=report,
        officers=tuple(officers),
        evidence=tuple(rows),
        made_at=made_at,
        tz=settings.timezone,
        checks=tuple(checks),
    )


async def export(
    session: AsyncSession,
    settings: Settings,
    *,
    campaign_id: int,
    period: Period,
    today: date,
    hamlets: list[Hamlet],
    fmt: str,
    lang: str,
    folder: Path,
    actor_id: int | None,
    now: datetime,
    via: str,
    viewer: Viewer,
    separator: str = DEFAULT_SEPARATOR,
) -> ExportResult:
    """Gather the export for `viewer` and audit who exported what; the files are written by
    `write`. `separator` is the CSV files' (`handlers.render.workbook.DECIMAL_MARKS`)."""
    data = await gather(
        session,
        settings,
        campaign_id=campaign_id,
        period=period,
        today=today,
        hamlets=hamlets,
        made_at=now,
        viewer=viewer,
    )
    write: Callable[[], object]
    if fmt == "csv":
        stem = export_filename(data, "").rstrip(".")
        paths = csv_paths(folder, stem, csv_parts(data))
        write = partial(write_csv, data, lang, folder, stem, separator)
    else:
        paths = [folder / export_filename(data, "xlsx")]
        write = partial(write_xlsx, data, lang, paths[0])
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="export",
        target="report",
        target_id=None,
        after={
            "period": period.key,
            "kind": period.kind,
            "format": fmt,
            "via": via,
            **({"separator": separator} if fmt == "csv" else {}),
            "hamlets": sorted(h.code for h in hamlets),
            "entries": len(data.evidence),
            "checks": len(data.checks),
            "files": [p.name for p in paths],
        },
    )
    return ExportResult(paths=paths, data=data, write=write)


def scratch_folder(settings: Settings) -> Path:
    """A fresh folder for one request's files sent in chat; the channel deletes them (and
    it) after sending."""
    return scratch_dir(settings.data_dir)


async def export_replies(
    ctx: Ctx, period: Period, hamlets: list[Hamlet], fmt: str, separator: str = DEFAULT_SEPARATOR
) -> list[Reply]:
    result = await export(
        ctx.session,
        ctx.settings,
        campaign_id=await ctx.campaign_id(),
        period=period,
        today=ctx.today,
        hamlets=hamlets,
        fmt=fmt,
        lang=ctx.lang,
        folder=scratch_folder(ctx.settings),
        actor_id=ctx.me.id,
        now=ctx.now,
        via=ctx.inbound.channel,
        viewer=ctx.me,
        separator=separator,
    )
    name = period_name(ctx.lang, period)
    if fmt == "csv":
        parts = csv_parts(result.data)  # the same parts, in the same order, as the paths
        # Which separator the files use, once: the other is a word away when Excel
        # shows every column in one cell.
        hint = ctx.t("export_csv_hint_semicolon" if separator == ";" else "export_csv_hint_comma")
        return [
            Reply(
                ctx.t("export_ready_csv", part=ctx.t(PART_NAMES[part]), name=name)
                + (f"\n{hint}" if i == 0 else ""),
                file=path,
                cleanup=True,
                render=result.write if i == 0 else None,
            )
            for i, (part, path) in enumerate(zip(parts, result.paths, strict=True))
        ]
    return [
        Reply(
            ctx.t(
                "export_ready",
                name=name,
                hamlets=len(result.data.report.rows),
                rows=len(result.data.evidence),
            ),
            file=result.paths[0],
            cleanup=True,
            render=result.write,
        )
    ]


def period_options(ctx: Ctx) -> list[Option]:
    """The period buttons of /baocao and /xuat. In a campaign over several years, labelled
    with their years: this calendar year (and the last), its first six months (the second
    too once started), the whole phase — never "Tổng kết năm" for five years."""
    camp = ctx.settings.campaign
    if not camp.multi_year:
        return [Option(ctx.t(f"period_{kind}"), f"p:{kind}") for kind in PERIOD_CHOICES]
    year = reference_year(camp, ctx.today)
    kinds = [
        *PERIOD_CHOICES[:6],
        f"h1:{year}",
        *([f"h2:{year}"] if ctx.today >= date(year, 7, 1) else []),
        f"year:{year}",
        f"year:{year - 1}",
        "phase",
    ]
    options = []
    for kind in kinds:
        try:
            period = period_of(ctx, kind)
        except PeriodError:
            continue  # last year, before the campaign began
        options.append(Option(period_name(ctx.lang, period), f"p:{period.kind}"))
    return options


def csv_separator(arg: str) -> tuple[str, str]:
    """The arguments without a separator mark ("csv;"), and the CSV separator asked for."""
    marked = _CSV_SEPARATOR.search(arg)
    if marked is None:
        return arg, DEFAULT_SEPARATOR
    return _CSV_SEPARATOR.sub("csv ", arg, count=1), marked.group(1)


@router.command("xuat", "export", menu=Menu(80, "export", "cmd_export", HEADS))
@reads_earlier_campaigns
async def cmd_export(ctx: Ctx, arg: str) -> list[Reply]:
    visible = await visible_hamlets(ctx)
    if visible is None:
        return [Reply(ctx.t("export_not_allowed"))]
    arg, separator = csv_separator(arg)
    try:
        req = parse_request(ctx, arg, await active_hamlets(ctx.session), "since_start")
        if req.unit is not None and req.unit not in units_of(visible):
            return [Reply(refused_other(ctx))]
    except ArgError as err:
        return [Reply(ctx.t(err.key, **err.values))]
    except PeriodError:
        return [Reply(await outside_text(ctx))]
    hamlets = visible
    if req.unit is not None:
        hamlets = [h for h in visible if h.unit == req.unit]
    if req.hamlet is not None:
        if req.hamlet.id not in {h.id for h in visible}:
            return [Reply(refused_other(ctx))]
        hamlets = [req.hamlet]
    if req.explicit:
        return await export_replies(ctx, req.period, hamlets, req.fmt, separator)
    return [
        ask(
            ctx,
            ExportState.PERIOD,
            ctx.t("export_ask_period"),
            [*period_options(ctx), Option(ctx.t("report_btn_custom"), "custom")],
            draft={"fmt": req.fmt, "hamlets": [h.code for h in hamlets], "separator": separator},
            per_row=2,
        )
    ]


async def _draft_hamlets(ctx: Ctx) -> list[Hamlet]:
    codes = list(draft(ctx).get("hamlets") or [])
    visible = await visible_hamlets(ctx) or []
    return [h for h in visible if h.code in codes]


@router.on_state(ExportState.PERIOD)
async def step_period(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    if answer.value == "custom":
        return [ask(ctx, ExportState.DATES, ctx.t("report_ask_dates"), draft=data)]
    if answer.value is None or not answer.value.startswith("p:"):
        if answer.value != REPEAT and answer.text:
            return [Reply(ctx.t("choose_option")), *await step_period(ctx, Answer("", REPEAT))]
        return [
            ask(
                ctx,
                ExportState.PERIOD,
                ctx.t("export_ask_period"),
                [*period_options(ctx), Option(ctx.t("report_btn_custom"), "custom")],
                draft=data,
                per_row=2,
            )
        ]
    try:
        period = period_of(ctx, answer.value[2:])
    except PeriodError:
        return [Reply(await outside_text(ctx))]
    hamlets = await _draft_hamlets(ctx)
    await close(ctx)
    return await export_replies(
        ctx,
        period,
        hamlets,
        str(data.get("fmt") or "xlsx"),
        str(data.get("separator") or DEFAULT_SEPARATOR),
    )


@router.on_state(ExportState.DATES)
async def step_dates(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    if answer.value == REPEAT or not answer.text:
        return [ask(ctx, ExportState.DATES, ctx.t("report_ask_dates"), draft=data)]
    try:
        period = parse_dates(ctx, answer.text)
    except ArgError as err:
        return [
            Reply(ctx.t(err.key, **err.values)),
            ask(ctx, ExportState.DATES, ctx.t("report_ask_dates"), draft=data),
        ]
    hamlets = await _draft_hamlets(ctx)
    await close(ctx)
    return await export_replies(
        ctx,
        period,
        hamlets,
        str(data.get("fmt") or "xlsx"),
        str(data.get("separator") or DEFAULT_SEPARATOR),
    )
