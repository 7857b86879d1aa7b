"""/canhbao: quality flags for the office, each with the entries behind it and a button to
put them into the next draw."""

from __future__ import annotations

from sqlalchemy import select

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_date
from handlers.engine.messages import Option, Reply
from handlers.engine.router import SUPERVISES, Menu, Router
from handlers.engine.states import QualityState
from handlers.verification.calls import allowed
from models.checks import add_flag
from models.quality import KINDS, Finding, findings
from models.registry import load_entry
from models.verification import Flag

router = Router("quality")

SHOWN = 5  # findings listed per kind (all of them can be flagged)


@router.command("canhbao", "quality", menu=Menu(160, "quality", "cmd_quality", SUPERVISES))
async def cmd_quality(ctx: Ctx, arg: str) -> list[Reply]:
    if not allowed(ctx):
        return [Reply(ctx.t("verify_not_allowed"))]
    found = await findings(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        tz=ctx.settings.timezone,
        rules=ctx.settings.quality,
        hamlet_ids=await ctx.scope_ids(),
    )
    if not any(found.values()):
        return [Reply(ctx.t("quality_none"))]
    rules = ctx.settings.quality
    lines = [ctx.t("quality_title")]
    options: list[Option] = []
    kept: dict[str, list[int]] = {}
    for kind in KINDS:
        items = found[kind]
        if not items:
            continue
        lines.append("")
        lines.append(
            ctx.t(
                f"quality_kind_{kind}",
                count=len(items),
                days=rules.late_days,
                n=rules.burst_count,
                minutes=rules.burst_minutes,
                start=rules.night_from.strftime("%H:%M"),
                end=rules.night_to.strftime("%H:%M"),
            )
        )
        for item in items[:SHOWN]:
            lines.append(await _line(ctx, item))
        if len(items) > SHOWN:
            lines.append(ctx.t("quality_more", count=len(items) - SHOWN))
        kept[kind] = sorted({i for item in items for i in item.entry_ids})
        options.append(
            Option(
                ctx.t(
                    "opt_quality_flag", what=ctx.t(f"quality_short_{kind}"), count=len(kept[kind])
                ),
                "flag:" + kind,
            )
        )
    options.append(Option(ctx.t("notify_btn_done"), "done"))
    return [ask(ctx, QualityState.MENU, "\n".join(lines), options, draft={"entries": kept})]


async def _line(ctx: Ctx, item: Finding) -> str:
    """The entries behind one finding: number, household, day, and the fact."""
    parts = []
    for entry_id in item.entry_ids[:4]:
        entry = await load_entry(ctx.session, entry_id)
        if entry is None:
            continue
        parts.append(
            ctx.t(
                "quality_entry",
                id=entry.id,
                name=entry.household.head_name,
                day=fmt_date(entry.guided_on),
            )
        )
    more = len(item.entry_ids) - 4
    text = "• " + "; ".join(parts) + (ctx.t("quality_and_more", count=more) if more > 0 else "")
    return text + (
        f" ({ctx.t('quality_detail_' + item.kind, value=item.detail)})" if item.detail else ""
    )


@router.on_state(QualityState.MENU)
async def on_quality(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    if value == REPEAT:
        return await cmd_quality(ctx, "")
    if value == "done":
        await close(ctx)
        return [Reply(ctx.t("quality_closed"))]
    kept = draft(ctx).get("entries") or {}
    kind = value.removeprefix("flag:")
    if not value.startswith("flag:") or kind not in kept:
        return [Reply(ctx.t("choose_option")), *await cmd_quality(ctx, "")]
    added = 0
    campaign_id = await ctx.campaign_id()
    reason = ctx.t("quality_flag_reason", what=ctx.t(f"quality_short_{kind}"))
    for entry_id in kept[kind]:
        pending = await ctx.session.scalar(
            select(Flag.id).where(Flag.entry_id == entry_id, Flag.batch_id.is_(None))
        )
        entry = await load_entry(ctx.session, int(entry_id))
        if pending is not None or entry is None or entry.deleted_at is not None:
            continue
        await add_flag(
            ctx.session,
            campaign_id=campaign_id,
            entry=entry,
            actor=ctx.me,
            reason=reason,
            now=ctx.now,
        )
        added += 1
    return [Reply(ctx.t("quality_flagged", count=added, what=ctx.t(f"quality_short_{kind}")))]
