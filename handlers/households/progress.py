"""/tiendo: a hamlet's coverage, special-prize count, activity and the pace it needs to
reach the target by the campaign's end."""

from __future__ import annotations

from sqlalchemy import select

from handlers.engine.context import Ctx
from handlers.engine.i18n import fmt_date, fmt_int, fmt_pct
from handlers.engine.messages import Reply
from handlers.engine.router import EVERYONE, Menu, Router
from handlers.render.report_text import pace_line, pace_short
from handlers.reports.scope import refused_other
from models.access import covers
from models.campaign import Hamlet
from models.people import Role
from models.progress import Progress, hamlet_progress
from models.reports import active_hamlets
from models.totals import pending_changes

router = Router("progress")


def render(ctx: Ctx, p: Progress) -> str:
    lines = [
        ctx.t("progress_title", hamlet=p.hamlet_name, day=fmt_date(p.today)),
        ctx.t(
            "progress_coverage",
            guided=fmt_int(ctx.lang, p.guided),
            total=fmt_int(ctx.lang, p.total),
            pct=fmt_pct(ctx.lang, p.coverage),
            threshold=fmt_pct(ctx.lang, p.threshold),
            mark=" ✅" if p.reached else "",
        ),
    ]
    if p.reached:
        lines.append(ctx.t("progress_target_reached", target=fmt_int(ctx.lang, p.target)))
    else:
        lines.append(
            ctx.t(
                "progress_target",
                target=fmt_int(ctx.lang, p.target),
                remaining=fmt_int(ctx.lang, p.remaining),
            )
        )
    if ctx.settings.campaign.has_special_prize:
        lines.append(
            ctx.t(
                "progress_special",
                special=fmt_int(ctx.lang, p.special),
                total=fmt_int(ctx.lang, p.total),
                n=p.required_procedures,
            )
        )
    lines += [
        ctx.t("progress_entries", today=p.entries_today, week=p.entries_week),
        ctx.t("progress_days", active=p.active_days, elapsed=p.days_elapsed),
    ]
    if not p.reached:
        lines.append(pace_line(ctx.lang, p))
    lines.append(ctx.t("progress_rule_note"))
    return "\n".join(lines)


@router.command("tiendo", "progress", menu=Menu(60, "progress", "cmd_progress", EVERYONE))
async def cmd_progress(ctx: Ctx, arg: str) -> list[Reply]:
    user = ctx.me
    hamlet: Hamlet | None
    staff = user.role in (Role.SUPERVISOR, Role.ADMIN)
    closed = [] if arg and staff else await ctx.closed_notice()
    if closed:
        return closed  # its people are told it left the campaign, not shown its figures
    if arg and staff:
        hamlet = await ctx.session.scalar(select(Hamlet).where(Hamlet.code == arg.strip().upper()))
        if hamlet is None:
            return [Reply(ctx.t("hamlet_unknown", code=arg.strip()[:20]))]
        if not covers(user, hamlet):
            return [Reply(refused_other(ctx))]
    elif arg:
        own = await ctx.hamlet()
        if own is None or arg.strip().upper() != own.code:
            return [Reply(ctx.t("progress_other_hamlet_refused"))]
        hamlet = own
    else:
        hamlet = await ctx.hamlet()
    if hamlet is None:
        return await _all_hamlets(ctx)
    prog = await hamlet_progress(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        hamlet=hamlet,
        campaign=ctx.settings.campaign,
        today=ctx.today,
    )
    text = render(ctx, prog)
    if waiting := await pending_total_line(ctx, hamlet):
        text += "\n" + waiting
    return [Reply(text)]


async def pending_total_line(ctx: Ctx, hamlet: Hamlet) -> str:
    """A total waiting for the office's approval, so nobody reads the figures as final on
    the list's count: "" when none waits."""
    waiting = await pending_changes(ctx.session, [hamlet.id])
    if not waiting:
        return ""
    change = waiting[-1]
    return ctx.t(
        "total_pending_line",
        total=fmt_int(ctx.lang, change.total),
        current=fmt_int(
            ctx.lang, change.previous if change.previous is not None else hamlet.total_households
        ),
    )


async def _all_hamlets(ctx: Ctx) -> list[Reply]:
    """Supervisors without a hamlet get one line per hamlet of their scope (counts only, no
    personal data)."""
    if ctx.me.role in (Role.SUPERVISOR, Role.ADMIN):
        hamlets = await ctx.covered_hamlets()
    else:
        hamlets = await active_hamlets(ctx.session)
    rows: list[Progress] = []
    for hamlet in hamlets:
        rows.append(
            await hamlet_progress(
                ctx.session,
                campaign_id=await ctx.campaign_id(),
                hamlet=hamlet,
                campaign=ctx.settings.campaign,
                today=ctx.today,
            )
        )
    rows.sort(key=lambda p: (-p.coverage, p.hamlet_code))
    lines = [ctx.t("progress_all_title", day=fmt_date(ctx.today))]
    for i, p in enumerate(rows, 1):
        lines.append(
            ctx.t(
                "progress_all_line",
                rank=i,
                hamlet=p.hamlet_name,
                code=p.hamlet_code,
                guided=fmt_int(ctx.lang, p.guided),
                total=fmt_int(ctx.lang, p.total),
                pct=fmt_pct(ctx.lang, p.coverage),
                mark=" ✅" if p.reached else "",
            )
            + pace_short(ctx.lang, p)
        )
    lines.append(ctx.t("progress_all_hint"))
    return [Reply("\n".join(lines))]
