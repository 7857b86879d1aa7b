"""Household totals are the office's decision: /duyetso lists the changes a list import asks
for, a supervisor approves (from today) or rejects them with a reason; a hamlet head sees
their hamlet's requests and history. The texts pushed to supervisors and to whoever
imported the list are here too (bot/notify.py sends them)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft, draft_int
from handlers.engine.i18n import fmt_date, fmt_datetime, fmt_int, fmt_pct, t
from handlers.engine.messages import Option, Reply
from handlers.engine.router import HEADS, Menu, Router
from handlers.engine.states import TotalsState
from handlers.reports.scope import SEES_ALL, refused_other
from models.campaign import Hamlet
from models.people import Role, User
from models.reports import active_hamlets
from models.roster import Roster
from models.totals import (
    APPROVED,
    PENDING,
    REJECTED,
    SOURCE_ROSTER,
    SUPERSEDED,
    DecisionError,
    HamletTotal,
    decide,
    pending_changes,
)

router = Router("totals")

WAKE_TOTALS = "totals"  # pushed-message kind: a total awaiting approval, or decided
SHOWN_PENDING = 10
SHOWN_HISTORY = 12


def fmt_change(lang: str, before: int | None, after: int) -> str:
    """ "-46,0%" (of the total in force), or "" when there was none."""
    if not before:
        return ""
    share = (after - before) / before
    return ("+" if share > 0 else "") + fmt_pct(lang, share)


def _configured(lang: str, change: HamletTotal, hamlet: Hamlet) -> str:
    figure = (
        hamlet.configured_households
        if hamlet.configured_households is not None
        else change.configured
    )
    return fmt_int(lang, figure) if figure is not None else t(lang, "none")


async def _names(session: AsyncSession, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {int(i): str(n) for i, n in rows}


async def _files(session: AsyncSession, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await session.execute(select(Roster.id, Roster.source).where(Roster.id.in_(wanted)))
    return {int(i): str(s) for i, s in rows}


def request_text(
    lang: str, change: HamletTotal, hamlet: Hamlet, file: str, who: str, tz: ZoneInfo
) -> str:
    """A change waiting for approval, with before / after / configured figures."""
    before = change.previous if change.previous is not None else hamlet.total_households
    return t(
        lang,
        "total_request_push",
        hamlet=hamlet.name,
        code=hamlet.code,
        before=fmt_int(lang, before),
        total=fmt_int(lang, change.total),
        change=fmt_change(lang, before, change.total),
        configured=_configured(lang, change, hamlet),
        file=file,
        who=who,
        at=fmt_datetime(change.requested_at, tz),
    )


def decision_text(lang: str, change: HamletTotal, hamlet: Hamlet) -> str:
    """The decision, for whoever imported the list."""
    before = fmt_int(lang, change.previous if change.previous is not None else 0)
    if change.status == APPROVED:
        note = t(lang, "total_note", reason=change.reason) if change.reason else ""
        since = fmt_date(change.effective_from) if change.effective_from else ""
        return (
            t(
                lang,
                "total_approved_push",
                hamlet=hamlet.name,
                before=before,
                total=fmt_int(lang, change.total),
                since=since,
            )
            + note
        )
    return t(
        lang,
        "total_rejected_push",
        hamlet=hamlet.name,
        before=before,
        total=fmt_int(lang, change.total),
        reason=change.reason or t(lang, "none"),
    )


async def pushed_request_text(
    session: AsyncSession, lang: str, change: HamletTotal, tz: ZoneInfo
) -> str | None:
    hamlet = await session.get(Hamlet, change.hamlet_id)
    if hamlet is None:
        return None
    files = await _files(session, {change.roster_id})
    names = await _names(session, {change.requested_by})
    return request_text(
        lang,
        change,
        hamlet,
        files.get(change.roster_id or 0, "–"),
        names.get(change.requested_by or 0, "–"),
        tz,
    )


async def pushed_decision_text(session: AsyncSession, lang: str, change: HamletTotal) -> str | None:
    hamlet = await session.get(Hamlet, change.hamlet_id)
    return decision_text(lang, change, hamlet) if hamlet is not None else None


# --- /duyetso -------------------------------------------------------------------------


@router.command("duyetso", "totals", menu=Menu(100, "totals", "cmd_totals", HEADS))
async def cmd_totals(ctx: Ctx, arg: str) -> list[Reply]:
    if ctx.dialog is not None and ctx.dialog.state.startswith("totals."):
        await close(ctx)
    if ctx.me.role == Role.HAMLET_HEAD:
        hamlet = await ctx.hamlet()
        if hamlet is None:
            return [Reply(ctx.t("add_needs_hamlet"))]
        return [Reply(await history_text(ctx, hamlet))]
    if ctx.me.role not in SEES_ALL:
        return [Reply(ctx.t("totals_not_allowed"))]
    code = arg.strip().upper()
    if code:
        hamlets = await ctx.covered_hamlets()
        chosen = next((h for h in hamlets if h.code == code), None)
        if chosen is None and code in {h.code for h in await active_hamlets(ctx.session)}:
            return [Reply(refused_other(ctx))]  # another commune's hamlet
        if chosen is None:
            return [
                Reply(
                    ctx.t(
                        "totals_unknown_hamlet", code=code, codes=", ".join(h.code for h in hamlets)
                    )
                )
            ]
        return [Reply(await history_text(ctx, chosen))]
    return [await _pending_list(ctx)]


async def _pending_list(ctx: Ctx, prefix: str = "") -> Reply:
    changes = (await pending_changes(ctx.session, await ctx.scope_ids()))[:SHOWN_PENDING]
    if not changes:
        await close(ctx)
        return Reply((prefix + "\n\n" if prefix else "") + ctx.t("totals_none_pending"))
    hamlets = {
        h.id: h
        for h in await ctx.session.scalars(
            select(Hamlet).where(Hamlet.id.in_({c.hamlet_id for c in changes}))
        )
    }
    names = await _names(ctx.session, {c.requested_by for c in changes})
    files = await _files(ctx.session, {c.roster_id for c in changes})
    lines = [ctx.t("totals_pending_head", n=len(changes))]
    options: list[Option] = []
    for c in changes:
        hamlet = hamlets[c.hamlet_id]
        before = hamlet.total_households
        lines.append(
            ctx.t(
                "totals_pending_line",
                id=c.id,
                hamlet=hamlet.name,
                code=hamlet.code,
                before=fmt_int(ctx.lang, before),
                total=fmt_int(ctx.lang, c.total),
                change=fmt_change(ctx.lang, before, c.total),
                configured=_configured(ctx.lang, c, hamlet),
                file=files.get(c.roster_id or 0, "–"),
                who=names.get(c.requested_by or 0, "–"),
                at=fmt_datetime(c.requested_at, ctx.settings.timezone),
            )
        )
        options += [
            Option(ctx.t("totals_btn_approve", id=c.id, code=hamlet.code), f"a:{c.id}"),
            Option(ctx.t("totals_btn_reject", id=c.id, code=hamlet.code), f"r:{c.id}"),
        ]
    lines.append(ctx.t("totals_pending_hint"))
    options.append(Option(ctx.t("opt_cancel"), "cancel"))
    text = (prefix + "\n\n" if prefix else "") + "\n".join(lines)
    return ask(ctx, TotalsState.PICK, text, options, draft={}, per_row=2)


async def _change(ctx: Ctx, change_id: int) -> tuple[HamletTotal, Hamlet] | None:
    change = await ctx.session.get(HamletTotal, change_id)
    if change is None or change.status != PENDING:
        return None
    hamlet = await ctx.session.get(Hamlet, change.hamlet_id)
    covered = await ctx.scope_ids()
    if hamlet is None or (covered is not None and hamlet.id not in covered):
        return None
    return change, hamlet


@router.on_state(TotalsState.PICK)
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    if ctx.me.role not in SEES_ALL:
        await close(ctx)
        return [Reply(ctx.t("totals_not_allowed"))]
    value = answer.value or ""
    if value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("totals_cancelled"))]
    kind, _, raw = value.partition(":")
    if kind in ("a", "r") and raw.isdigit():
        found = await _change(ctx, int(raw))
        if found is None:
            return [await _pending_list(ctx, ctx.t("totals_gone"))]
        change, hamlet = found
        values = {
            "hamlet": hamlet.name,
            "before": fmt_int(ctx.lang, hamlet.total_households),
            "total": fmt_int(ctx.lang, change.total),
            "since": fmt_date(ctx.today),
        }
        if kind == "a":
            return [
                ask(
                    ctx,
                    TotalsState.REASON,
                    ctx.t("totals_ask_approve", **values),
                    [
                        Option(ctx.t("totals_btn_approve_plain"), "plain"),
                        Option(ctx.t("opt_cancel"), "cancel"),
                    ],
                    draft={"id": change.id, "approve": True},
                    per_row=1,
                )
            ]
        return [
            ask(
                ctx,
                TotalsState.REASON,
                ctx.t("totals_ask_reject", **values),
                [Option(ctx.t("opt_cancel"), "cancel")],
                draft={"id": change.id, "approve": False},
            )
        ]
    prefix = ctx.t("choose_option") if value != REPEAT and answer.text else ""
    return [await _pending_list(ctx, prefix)]


@router.on_state(TotalsState.REASON)
async def step_reason(ctx: Ctx, answer: Answer) -> list[Reply]:
    if ctx.me.role not in SEES_ALL:
        await close(ctx)
        return [Reply(ctx.t("totals_not_allowed"))]
    data = draft(ctx)
    change_id = draft_int(ctx, "id")
    approve = data.get("approve") is True
    value = answer.value or ""
    if value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("totals_cancelled"))]
    reason = "" if value == "plain" and approve else answer.text.strip()
    if value == REPEAT or (not reason and not (approve and value == "plain")):
        found = await _change(ctx, change_id)
        if found is None:
            return [await _pending_list(ctx, ctx.t("totals_gone"))]
        change, hamlet = found
        values = {
            "hamlet": hamlet.name,
            "before": fmt_int(ctx.lang, hamlet.total_households),
            "total": fmt_int(ctx.lang, change.total),
            "since": fmt_date(ctx.today),
        }
        key = "totals_ask_approve" if approve else "totals_ask_reject"
        options = [Option(ctx.t("totals_btn_approve_plain"), "plain")] if approve else []
        prefix = [] if value == REPEAT else [Reply(ctx.t("totals_reason_needed"))]
        return [
            *prefix,
            ask(
                ctx,
                TotalsState.REASON,
                ctx.t(key, **values),
                [*options, Option(ctx.t("opt_cancel"), "cancel")],
                draft=data,
            ),
        ]
    hamlet_before = await ctx.session.scalar(
        select(Hamlet.total_households)
        .join(HamletTotal, HamletTotal.hamlet_id == Hamlet.id)
        .where(HamletTotal.id == change_id)
    )
    try:
        change = await decide(
            ctx.session,
            change_id=change_id,
            approve=approve,
            reason=reason,
            actor_id=ctx.me.id,
            now=ctx.now,
            today=ctx.today,
        )
    except DecisionError:
        return [await _pending_list(ctx, ctx.t("totals_gone"))]
    decided = await ctx.session.get(Hamlet, change.hamlet_id)
    assert decided is not None
    ctx.wake.add(WAKE_TOTALS)
    before = fmt_int(ctx.lang, hamlet_before or 0)
    if approve:
        done = ctx.t(
            "totals_approved",
            hamlet=decided.name,
            total=fmt_int(ctx.lang, change.total),
            since=fmt_date(ctx.today),
            before=before,
        )
    else:
        done = ctx.t("totals_rejected", hamlet=decided.name, before=before)
    return [await _pending_list(ctx, done)]


# --- history ---------------------------------------------------------------------------


def _source(ctx: Ctx, row: HamletTotal, files: dict[int, str]) -> str:
    if row.source == SOURCE_ROSTER:
        return ctx.t("totals_src_roster", file=files.get(row.roster_id or 0, "–"))
    return ctx.t(f"totals_src_{row.source}")


async def history_text(ctx: Ctx, hamlet: Hamlet) -> str:
    rows = list(
        await ctx.session.scalars(
            select(HamletTotal)
            .where(HamletTotal.hamlet_id == hamlet.id)
            .order_by(HamletTotal.requested_at.desc(), HamletTotal.id.desc())
        )
    )
    names = await _names(ctx.session, {r.decided_by for r in rows} | {r.requested_by for r in rows})
    files = await _files(ctx.session, {r.roster_id for r in rows})
    tz = ctx.settings.timezone
    configured = (
        fmt_int(ctx.lang, hamlet.configured_households)
        if hamlet.configured_households is not None
        else ctx.t("none")
    )
    lines = [
        ctx.t(
            "totals_history_head",
            hamlet=hamlet.name,
            code=hamlet.code,
            total=fmt_int(ctx.lang, hamlet.total_households),
            configured=configured,
        )
    ]
    for row in rows[:SHOWN_HISTORY]:
        values = {
            "total": fmt_int(ctx.lang, row.total),
            "source": _source(ctx, row, files),
            "at": fmt_datetime(row.decided_at or row.requested_at, tz),
            "who": names.get(row.decided_by or row.requested_by or 0, ctx.t("totals_office")),
            "reason": ctx.t("total_note_inline", reason=row.reason) if row.reason else "",
        }
        if row.status == PENDING:
            lines.append(
                ctx.t(
                    "totals_hist_pending",
                    **values,
                    before=fmt_int(ctx.lang, hamlet.total_households),
                )
            )
        elif row.status == REJECTED:
            lines.append(ctx.t("totals_hist_rejected", **values))
        elif row.status == SUPERSEDED:
            lines.append(ctx.t("totals_hist_superseded", **values))
        elif row.effective_from is None:
            lines.append(ctx.t("totals_hist_initial", **values))
        else:
            lines.append(
                ctx.t("totals_hist_approved", **values, since=fmt_date(row.effective_from))
            )
    if len(rows) > SHOWN_HISTORY:
        lines.append(ctx.t("totals_hist_more", n=len(rows) - SHOWN_HISTORY))
    lines.append(ctx.t("totals_rule"))
    return "\n".join(lines)
