"""Around the calls: open work (/kiemtra_ds), reviewing failures (/kiemtra_xet), flagging an
entry for the next draw (/danhdau), and the officer's side (/giaitrinh)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft, draft_int
from handlers.engine.i18n import fmt_date, fmt_datetime
from handlers.engine.messages import Option, Reply
from handlers.engine.router import LOGS, Menu, Router
from handlers.engine.states import VerifyState
from handlers.render.report_text import fail_rule
from handlers.render.verify_text import (
    card_answer,
    card_lines,
    check_state,
    outcome_label,
    returned_text,
    review_label,
    rule_text,
)
from handlers.verification.calls import allowed, scope
from models.campaign import Hamlet
from models.checks import (
    add_flag,
    check_within,
    hamlet_codes,
    household_names,
    load_card,
    officer_reply,
    open_batches,
    open_cases,
    open_checks,
    overturn,
    returned_to,
    uphold,
    users_named,
)
from models.eligibility import verification
from models.frozen import changed_checks
from models.registry import load_entry
from models.text import clean
from models.verification import Check, Flag, MatchRule

router = Router("verify_review")

LIST_MAX = 30  # open cards listed per batch; the rest are counted
REASON_MIN = 5
REPLY_MAX = 1000


@router.command("kiemtra_ds", "verify_list")
async def cmd_list(ctx: Ctx, arg: str) -> list[Reply]:
    if not allowed(ctx):
        return [Reply(ctx.t("verify_not_allowed"))]
    campaign_id = await ctx.campaign_id()
    batches = await open_batches(ctx.session, campaign_id, scope(ctx))
    failed = await open_cases(ctx.session, campaign_id, rule=_match(ctx), scope=scope(ctx))
    if not batches:
        review = [Reply(ctx.t("verify_list_review", n=len(failed)))] if failed else []
        return [Reply(ctx.t("verify_list_empty")), *review]
    cfg = ctx.settings.verification
    lease_start = ctx.now - timedelta(minutes=cfg.claim_minutes)
    replies: list[Reply] = []
    options: list[Option] = []
    for progress in batches:
        batch = progress.batch
        checks = await open_checks(ctx.session, batch.id, scope(ctx))
        callers = await users_named(ctx.session, [c.caller_id for c in checks if c.caller_id])
        names = await household_names(ctx.session, [c.household_id for c in checks])
        codes = await hamlet_codes(ctx.session)
        lines = [
            ctx.t(
                "verify_list_batch",
                batch=batch.id,
                day=fmt_date(batch.created_at.astimezone(ctx.settings.timezone).date()),
                rule=rule_text(ctx.lang, batch.rule),
                seed=batch.seed,
                done=progress.done,
                total=progress.total,
                open=progress.open,
            )
        ]
        if progress.deleted:
            lines.append(ctx.t("verify_list_deleted", n=progress.deleted))
        edited = await changed_checks(ctx.session, [c.id for c in checks[:LIST_MAX]])
        for check in checks[:LIST_MAX]:
            state = check_state(
                ctx.lang,
                check,
                now=ctx.now,
                tz=ctx.settings.timezone,
                max_attempts=cfg.max_attempts,
                callers=callers,
                lease_start=lease_start,
            )
            # Nothing changes on a list unseen: an entry edited or deleted since the draw.
            if check.id in edited:
                state += " · " + ctx.t("verify_state_changed")
            if check.entry_deleted_at is not None:
                state += " · " + ctx.t("verify_state_deleted")
            lines.append(
                ctx.t(
                    "verify_list_line",
                    check=check.id,
                    code=codes.get(check.hamlet_id, "?"),
                    name=names.get(check.household_id, "?"),
                    state=state,
                )
            )
        if len(checks) > LIST_MAX:
            lines.append(ctx.t("verify_list_more", n=len(checks) - LIST_MAX))
        replies.append(Reply("\n".join(lines)))
        options.append(
            Option(
                ctx.t("verify_btn_continue", batch=batch.id, open=progress.open), f"b:{batch.id}"
            )
        )
    if failed:
        replies.append(Reply(ctx.t("verify_list_review", n=len(failed))))
    options.append(Option(ctx.t("verify_btn_new"), "new"))
    replies.append(ask(ctx, VerifyState.MENU, ctx.t("verify_menu"), options, draft={}))
    return replies


# --------------------------------------------------------------------------- /kiemtra_xet


async def _pick_failed(ctx: Ctx) -> list[Reply]:
    checks = await open_cases(
        ctx.session, await ctx.campaign_id(), rule=_match(ctx), scope=scope(ctx)
    )
    if not checks:
        await close(ctx)
        return [Reply(ctx.t("verify_review_empty"))]
    names = await household_names(ctx.session, [c.household_id for c in checks])
    codes = await hamlet_codes(ctx.session)
    options = [
        Option(
            f"#{c.id} {codes.get(c.hamlet_id, '?')} · {names.get(c.household_id, '?')}"
            f" · {review_label(ctx.lang, c)}",
            f"c:{c.id}",
        )
        for c in checks[:20]
    ]
    options.append(Option(ctx.t("opt_cancel"), "cancel"))
    return [ask(ctx, VerifyState.REVIEW, ctx.t("verify_review_pick"), options, draft={})]


@router.command("kiemtra_xet", "verify_review")
async def cmd_review(ctx: Ctx, arg: str) -> list[Reply]:
    if not allowed(ctx):
        return [Reply(ctx.t("verify_not_allowed"))]
    digits = arg.strip().lstrip("#")
    if digits.isdigit():
        check = await check_within(ctx.session, int(digits), scope(ctx))
        if check is not None and _reviewable(ctx, check):
            return [await _review_card(ctx, check)]
        if (
            check is not None
            and check.campaign_id == await ctx.campaign_id()
            and (decided := await _decision(ctx, check))
        ):
            return [Reply(decided), *await _pick_failed(ctx)]
    return await _pick_failed(ctx)


async def _decision(ctx: Ctx, check: Check) -> str:
    """What was decided on a case no longer open ("" when it never failed)."""
    tz = ctx.settings.timezone
    if check.upheld_at is not None:
        who = await users_named(ctx.session, [check.upheld_by or 0])
        return ctx.t(
            "verify_review_was_upheld",
            check=check.id,
            at=fmt_datetime(check.upheld_at, tz),
            by=who.get(check.upheld_by or 0, "?"),
            reason=check.uphold_reason,
        )
    if check.overturned_at is not None:
        who = await users_named(ctx.session, [check.overturned_by or 0])
        return ctx.t(
            "verify_review_was_overturned",
            check=check.id,
            at=fmt_datetime(check.overturned_at, tz),
            by=who.get(check.overturned_by or 0, "?"),
            reason=check.overturn_reason,
        )
    return ""


async def _review_card(ctx: Ctx, check: Check) -> Reply:
    card = await load_card(ctx.session, check)
    tz = ctx.settings.timezone
    callers = await users_named(ctx.session, [check.decided_by] if check.decided_by else [])
    lines = card_lines(ctx.lang, card, max_attempts=ctx.settings.verification.max_attempts, tz=tz)
    lines.append(
        ctx.t(
            "verify_review_result",
            outcome=outcome_label(ctx.lang, check.outcome, check.detail),
            caller=callers.get(check.decided_by or 0, "?"),
            at=fmt_datetime(check.decided_at, tz) if check.decided_at else "?",
        )
    )
    if answer := card_answer(ctx.lang, card):
        lines.append(answer)
    if check.note:
        lines.append(ctx.t("verify_card_note", note=check.note))
    if check.officer_reply_at is not None:
        lines.append(
            ctx.t(
                "verify_review_reply",
                at=fmt_datetime(check.officer_reply_at, tz),
                reply=check.officer_reply,
            )
        )
    else:
        lines.append(ctx.t("verify_review_no_reply"))
    lines += ["", ctx.t("verify_review_ask")]
    options = [
        Option(ctx.t("verify_btn_overturn"), "overturn"),
        Option(ctx.t("verify_btn_keep"), "keep"),
    ]
    return ask(
        ctx, VerifyState.DECIDE, "\n".join(lines), options, draft={"check": check.id}, per_row=2
    )


@router.on_state(VerifyState.REVIEW)
async def step_review(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    if value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("verify_review_closed"))]
    if value.startswith("c:") and value[2:].isdigit():
        check = await check_within(ctx.session, int(value[2:]), scope(ctx))
        if check is not None and _reviewable(ctx, check):
            return [await _review_card(ctx, check)]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, *await _pick_failed(ctx)]


def _match(ctx: Ctx) -> MatchRule:
    return ctx.settings.verification.match


def _reviewable(ctx: Ctx, check: Check | None) -> bool:
    """An open case: failed by the configured rule (a deletion after the draw included) and
    neither overturned nor upheld (`Check.open_case`)."""
    return check is not None and check.open_case(_match(ctx))


async def _decided_check(ctx: Ctx) -> Check | None:
    check = await check_within(ctx.session, draft_int(ctx, "check"), scope(ctx))
    return check if _reviewable(ctx, check) else None


@router.on_state(VerifyState.DECIDE)
async def step_decide(ctx: Ctx, answer: Answer) -> list[Reply]:
    check = await _decided_check(ctx)
    if check is None:
        return await _pick_failed(ctx)
    if answer.value in DECISIONS:
        return [_ask_reason(ctx, check, answer.value or "")]
    prefix = [Reply(ctx.t("choose_option"))] if answer.value != REPEAT and answer.text else []
    return [*prefix, await _review_card(ctx, check)]


# Both decisions are final and need a reason (kept in the audit row and on the workbook).
DECISIONS = {"overturn": "verify_ask_overturn_reason", "keep": "verify_ask_uphold_reason"}


def _ask_reason(ctx: Ctx, check: Check, decision: str) -> Reply:
    return ask(
        ctx,
        VerifyState.REASON,
        ctx.t(DECISIONS[decision], check=check.id),
        draft={"check": check.id, "decision": decision},
    )


@router.on_state(VerifyState.REASON)
async def step_reason(ctx: Ctx, answer: Answer) -> list[Reply]:
    check = await _decided_check(ctx)
    if check is None:
        return await _pick_failed(ctx)
    decision = str(draft(ctx).get("decision") or "overturn")
    decision = decision if decision in DECISIONS else "overturn"
    reason = clean(answer.text)
    if answer.value == REPEAT or len(reason) < REASON_MIN:
        prefix = (
            [] if answer.value == REPEAT else [Reply(ctx.t("verify_reason_short", min=REASON_MIN))]
        )
        return [*prefix, _ask_reason(ctx, check, decision)]
    reason = reason[:REPLY_MAX]
    decide = overturn if decision == "overturn" else uphold
    await decide(
        ctx.session, check=check, actor=ctx.me, reason=reason, now=ctx.now, rule=_match(ctx)
    )
    await close(ctx)
    await ctx.session.flush()
    left = await open_cases(
        ctx.session, await ctx.campaign_id(), rule=_match(ctx), scope=scope(ctx)
    )
    more = [Reply(ctx.t("verify_list_review", n=len(left)))] if left else []
    if decision == "keep":
        return [Reply(ctx.t("verify_upheld", check=check.id, reason=reason)), *more]
    figures = await verification(
        ctx.session, campaign_id=await ctx.campaign_id(), rule=fail_rule(ctx.settings)
    )
    lines = [ctx.t("verify_overturned", check=check.id, reason=reason)]
    for tallies, key in ((figures.hamlets, check.hamlet_id), (figures.officers, check.officer_id)):
        tally = next((t for t in tallies if t.key == key), None)
        if tally is None:
            continue
        if tally.eligible:
            lines.append(ctx.t("verify_status_eligible", name=tally.name))
        else:
            lines.append(ctx.t("verify_status_not_eligible", name=tally.name, n=tally.failures))
    return [Reply("\n".join(lines)), *more]


# ------------------------------------------------------------------------------ /danhdau


@router.command("danhdau", "flag")
async def cmd_flag(ctx: Ctx, arg: str) -> list[Reply]:
    if not allowed(ctx):
        return [Reply(ctx.t("verify_not_allowed"))]
    head, _, reason = arg.strip().partition(" ")
    digits = head.lstrip("#")
    if not digits.isdigit():
        return [Reply(ctx.t("verify_flag_usage"))]
    entry = await load_entry(ctx.session, int(digits))
    campaign_id = await ctx.campaign_id()
    covered = await ctx.scope_ids()
    if (
        entry is None
        or entry.deleted_at is not None
        or entry.campaign_id != campaign_id
        or (covered is not None and entry.hamlet_id not in covered)
    ):
        return [Reply(ctx.t("verify_flag_not_found", id=digits[:12]))]
    pending = await ctx.session.scalar(
        select(Flag.id).where(Flag.entry_id == entry.id, Flag.batch_id.is_(None))
    )
    if pending is not None:
        return [Reply(ctx.t("verify_flag_already", id=entry.id))]
    await add_flag(
        ctx.session,
        campaign_id=campaign_id,
        entry=entry,
        actor=ctx.me,
        reason=clean(reason)[:REPLY_MAX],
        now=ctx.now,
    )
    hamlet = await ctx.session.get(Hamlet, entry.hamlet_id)
    return [
        Reply(
            ctx.t(
                "verify_flag_done",
                id=entry.id,
                name=entry.household.head_name,
                code=hamlet.code if hamlet else "?",
            )
        )
    ]


# ---------------------------------------------------------------------------- /giaitrinh


async def _explain_one(ctx: Ctx, check: Check) -> list[Reply]:
    card = await load_card(ctx.session, check)
    return [
        Reply(returned_text(ctx.lang, card)),
        ask(
            ctx,
            VerifyState.EXPLAIN,
            ctx.t("verify_explain_ask", check=check.id),
            draft={"check": check.id},
        ),
    ]


@router.command("giaitrinh", "explain", menu=Menu(170, "explain", "cmd_explain", LOGS))
async def cmd_explain(ctx: Ctx, arg: str) -> list[Reply]:
    pending = await returned_to(ctx.session, ctx.me)
    digits = arg.strip().lstrip("#")
    if digits:
        check = next((c for c in pending if str(c.id) == digits), None)
        if check is None:
            return [Reply(ctx.t("verify_explain_not_found", id=digits[:12]))]
        return await _explain_one(ctx, check)
    if not pending:
        return [Reply(ctx.t("verify_explain_none"))]
    if len(pending) == 1:
        return await _explain_one(ctx, pending[0])
    names = await household_names(ctx.session, [c.household_id for c in pending])
    options = [
        Option(
            f"#{c.id} {names.get(c.household_id, '?')} · "
            f"{outcome_label(ctx.lang, c.outcome, c.detail)}",
            f"c:{c.id}",
        )
        for c in pending[:20]
    ]
    return [ask(ctx, VerifyState.EXPLAIN_PICK, ctx.t("verify_explain_pick"), options, draft={})]


@router.on_state(VerifyState.EXPLAIN_PICK)
async def step_explain_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    if value.startswith("c:"):
        return await cmd_explain(ctx, value[2:])
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, *await cmd_explain(ctx, "")]


@router.on_state(VerifyState.EXPLAIN)
async def step_explain(ctx: Ctx, answer: Answer) -> list[Reply]:
    check_id = draft_int(ctx, "check")
    check = next((c for c in await returned_to(ctx.session, ctx.me) if c.id == check_id), None)
    if check is None:
        await close(ctx)
        return [Reply(ctx.t("verify_explain_not_found", id=check_id))]
    text = clean(answer.text)
    if answer.value == REPEAT or len(text) < REASON_MIN or len(text) > REPLY_MAX:
        prefix = []
        if answer.value != REPEAT:
            prefix = [
                Reply(
                    ctx.t("verify_reason_short", min=REASON_MIN)
                    if len(text) < REASON_MIN
                    else ctx.t("verify_note_too_long", limit=REPLY_MAX)
                )
            ]
        return [
            *prefix,
            ask(
                ctx,
                VerifyState.EXPLAIN,
                ctx.t("verify_explain_ask", check=check.id),
                draft={"check": check.id},
            ),
        ]
    await officer_reply(ctx.session, check=check, officer=ctx.me, text=text, now=ctx.now)
    await close(ctx)
    return [Reply(ctx.t("verify_explain_saved", check=check.id))]


router.add_help(11, LOGS, lambda ctx: ctx.t("help_explain"), loggable=True)
