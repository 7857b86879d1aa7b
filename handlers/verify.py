"""/kiemtra (/verify): draw a verification sample, then work through its call cards.

Supervisors only. "/kiemtra" asks where and how many (or offers to continue an open batch);
"/kiemtra BNA 10%" draws at once. Each card has the outcome as one tap; typing text adds
a note. A card is held by one caller at a time, so several supervisors can share a batch.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import func, select

from handlers.context import Ctx
from handlers.dialog import REPEAT, Answer, ask, close, command, draft, draft_int, on_state
from handlers.io import Option, Reply
from handlers.report_scope import SEES_ALL
from handlers.verify_text import card_text, local_time, outcome_label, rule_text
from models.campaign import Hamlet
from models.checks import (
    CheckError,
    batch_progress,
    load_card,
    next_card,
    open_batches,
    open_checks,
    record_outcome,
    release,
)
from models.reports import active_hamlets
from models.sampling import Rule, RuleError, create_batch
from models.text import clean
from models.verification import DETAILS, Batch, Check, Outcome

NOTE_MAX = 500
MAX_PER_HAMLET = 50
WAKE_RETURNS = "verify_return"  # pushed-message kind: checks sent back to their officer
_RATE = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%$")

OUTCOME_BUTTONS = (Outcome.CONFIRMED, Outcome.NOT_GUIDED, Outcome.WRONG_DETAILS,
                   Outcome.UNREACHABLE, Outcome.WRONG_NUMBER)


def lease(ctx: Ctx) -> timedelta:
    return timedelta(minutes=ctx.settings.verification.claim_minutes)


def allowed(ctx: Ctx) -> bool:
    return ctx.me.role in SEES_ALL


def parse_size(text: str) -> Rule | None:
    """'10%' → a rate; '3' → households per hamlet; anything else None."""
    text = text.strip()
    match = _RATE.match(text)
    try:
        if match:
            return Rule("rate", rate=float(match.group(1).replace(",", ".")) / 100)
        if text.isdigit() and 1 <= int(text) <= MAX_PER_HAMLET:
            return Rule("count", per_hamlet=int(text))
    except RuleError:
        return None
    return None


def default_rule(ctx: Ctx) -> Rule:
    cfg = ctx.settings.verification
    if cfg.per_hamlet:
        return Rule("count", per_hamlet=cfg.per_hamlet)
    return Rule("rate", rate=cfg.rate)


def _rule_value(rule: Rule) -> str:
    return f"r:{rule.rate}" if rule.mode == "rate" else f"c:{rule.per_hamlet}"


def _rule_from_value(value: str) -> Rule | None:
    kind, _, number = value.partition(":")
    try:
        if kind == "r":
            return Rule("rate", rate=float(number))
        if kind == "c":
            return Rule("count", per_hamlet=int(number))
    except (ValueError, RuleError):
        return None
    return None


@command("kiemtra", "verify")
async def cmd_verify(ctx: Ctx, arg: str) -> list[Reply]:
    if not allowed(ctx):
        return [Reply(ctx.t("verify_not_allowed"))]
    hamlets = await active_hamlets(ctx.session)
    by_code = {h.code: h for h in hamlets}
    chosen: Hamlet | None = None
    rule: Rule | None = None
    for token in arg.split():
        if token.upper() in by_code and chosen is None:
            chosen = by_code[token.upper()]
        elif rule is None and (size := parse_size(token)) is not None:
            rule = size
        else:
            return [Reply(ctx.t("verify_unknown_arg", arg=arg[:60]))]
    if chosen is not None or rule is not None:
        return await draw_sample(ctx, [chosen] if chosen else hamlets,
                                 rule or default_rule(ctx))
    batches = await open_batches(ctx.session, await ctx.campaign_id())
    if batches:
        options = [Option(ctx.t("verify_btn_continue", batch=b.batch.id, open=b.open),
                          f"b:{b.batch.id}") for b in batches[:5]]
        options.append(Option(ctx.t("verify_btn_new"), "new"))
        return [ask(ctx, "verify.menu", ctx.t("verify_menu"), options, draft={})]
    return [_ask_scope(ctx, hamlets)]


def _ask_scope(ctx: Ctx, hamlets: list[Hamlet]) -> Reply:
    options = [Option(ctx.t("verify_btn_all"), "all")]
    options += [Option(f"{h.name} ({h.code})", f"h:{h.code}") for h in hamlets]
    return ask(ctx, "verify.scope", ctx.t("verify_ask_scope"), options, draft={}, per_row=2)


def _size_label(ctx: Ctx, rule: Rule) -> str:
    return rule_text(ctx.lang, {"mode": rule.mode, "rate": rule.rate,
                                "per_hamlet": rule.per_hamlet})


def _ask_size(ctx: Ctx, data: dict[str, object]) -> Reply:
    default = default_rule(ctx)
    options = [Option(ctx.t("verify_size_default", size=_size_label(ctx, default)),
                      _rule_value(default))]
    for rule in (Rule("rate", rate=0.05), Rule("rate", rate=0.1), Rule("rate", rate=0.2),
                 Rule("count", per_hamlet=3), Rule("count", per_hamlet=5)):
        if rule != default:
            options.append(Option(_size_label(ctx, rule), _rule_value(rule)))
    return ask(ctx, "verify.size", ctx.t("verify_ask_size"), options, draft=data)


@on_state("verify.menu")
async def step_menu(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == "new":
        return [_ask_scope(ctx, await active_hamlets(ctx.session))]
    if answer.value and answer.value.startswith("b:") and answer.value[2:].isdigit():
        return await show_next(ctx, int(answer.value[2:]))
    prefix = [Reply(ctx.t("choose_option"))] if answer.value != REPEAT and answer.text else []
    return [*prefix, *await cmd_verify(ctx, "")]


@on_state("verify.scope")
async def step_scope(ctx: Ctx, answer: Answer) -> list[Reply]:
    hamlets = await active_hamlets(ctx.session)
    value = answer.value or ""
    if value == "all":
        return [_ask_size(ctx, {"hamlet": None})]
    typed = answer.text.strip().upper()
    code = value[2:] if value.startswith("h:") else typed
    if any(h.code == code for h in hamlets):
        return [_ask_size(ctx, {"hamlet": code})]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, _ask_scope(ctx, hamlets)]


@on_state("verify.size")
async def step_size(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    if answer.value == REPEAT:
        return [_ask_size(ctx, data)]
    rule = _rule_from_value(answer.value) if answer.value else parse_size(answer.text)
    if rule is None:
        return [Reply(ctx.t("verify_size_invalid", text=answer.text[:30], max=MAX_PER_HAMLET)),
                _ask_size(ctx, data)]
    hamlets = await active_hamlets(ctx.session)
    code = data.get("hamlet")
    if code:
        hamlets = [h for h in hamlets if h.code == code]
    return await draw_sample(ctx, hamlets, rule)


async def draw_sample(ctx: Ctx, hamlets: list[Hamlet], rule: Rule) -> list[Reply]:
    batch = await create_batch(ctx.session, campaign_id=await ctx.campaign_id(),
                               hamlets=hamlets, rule=rule, actor_id=ctx.me.id, now=ctx.now)
    if batch is None:
        await close(ctx)
        where = ctx.t("verify_where", hamlet=hamlets[0].name) if len(hamlets) == 1 else ""
        return [Reply(ctx.t("verify_nothing_to_draw", where=where))]
    counts = await ctx.session.execute(
        select(Hamlet.code, func.count(Check.id)).join(Check, Check.hamlet_id == Hamlet.id)
        .where(Check.batch_id == batch.id).group_by(Hamlet.code).order_by(Hamlet.code))
    flagged = await ctx.session.scalar(select(func.count(Check.id)).where(
        Check.batch_id == batch.id, Check.flagged)) or 0
    text = ctx.t("verify_drawn", batch=batch.id, size=batch.size,
                 rule=rule_text(ctx.lang, batch.rule),
                 per_hamlet=" · ".join(f"{code} {n}" for code, n in counts), seed=batch.seed)
    if flagged:
        text += "\n" + ctx.t("verify_drawn_flagged", n=flagged)
    return await show_next(ctx, batch.id, prefix=[Reply(text)])


async def show_next(ctx: Ctx, batch_id: int, prefix: list[Reply] | None = None,
                    note: str = "") -> list[Reply]:
    """The caller's next card (the one they hold, else a free one), or why there is none."""
    replies = list(prefix or [])
    batch = await ctx.session.get(Batch, batch_id)
    if batch is None:
        await close(ctx)
        return [*replies, Reply(ctx.t("verify_list_empty"))]
    check = await next_card(ctx.session, batch_id=batch.id, caller_id=ctx.me.id, now=ctx.now,
                            lease=lease(ctx))
    if check is None:
        await close(ctx)
        return [*replies, Reply(await _no_card(ctx, batch))]
    return [*replies, await _card(ctx, batch, check, note)]


async def _card(ctx: Ctx, batch: Batch, check: Check, note: str) -> Reply:
    card = await load_card(ctx.session, check)
    progress = await batch_progress(ctx.session, batch)
    text = card_text(ctx.lang, card, batch, left=progress.open,
                     max_attempts=ctx.settings.verification.max_attempts, note=note)
    options = [Option(ctx.t(f"verify_btn_{o.value}"), f"o:{o.value}") for o in OUTCOME_BUTTONS]
    options += [Option(ctx.t("verify_btn_skip"), "skip"), Option(ctx.t("verify_btn_stop"),
                                                                  "stop")]
    reply = ask(ctx, "verify.card", text, options,
                draft={"batch": batch.id, "check": check.id, "note": note})
    return replace(reply, phone=card.entry.household.phone)


async def _no_card(ctx: Ctx, batch: Batch) -> str:
    checks = await open_checks(ctx.session, batch.id)
    if not checks:
        return ctx.t("verify_batch_done", batch=batch.id)
    # No free card although some are open: they wait for a retry or others hold them.
    waiting = sum(1 for c in checks if c.retry_at is not None and c.retry_at > ctx.now)
    return ctx.t("verify_batch_waiting", batch=batch.id, waiting=waiting,
                 held=len(checks) - waiting)


async def _current(ctx: Ctx) -> tuple[Batch, Check, str] | None:
    """The card the caller's dialog is on, with the note typed so far."""
    batch = await ctx.session.get(Batch, draft_int(ctx, "batch"))
    check = await ctx.session.get(Check, draft_int(ctx, "check"))
    if batch is None or check is None:
        return None
    return batch, check, str(draft(ctx).get("note") or "")


def _ask_detail(ctx: Ctx) -> Reply:
    options = [Option(ctx.t(f"vdetail_{d}").capitalize(), f"d:{d}") for d in DETAILS]
    options.append(Option(ctx.t("verify_btn_back"), "back"))
    return ask(ctx, "verify.detail", ctx.t("verify_ask_detail"), options, draft=draft(ctx))


@on_state("verify.card")
async def step_card(ctx: Ctx, answer: Answer) -> list[Reply]:
    current = await _current(ctx)
    if current is None:
        await close(ctx)
        return [Reply(ctx.t("verify_list_empty"))]
    batch, check, note = current
    value = answer.value
    if value == REPEAT:
        return [await _card(ctx, batch, check, note)]
    if value is None:
        return await _take_note(ctx, batch, check, answer.text, note)
    if value == "stop":
        await release(ctx.session, check=check, caller_id=ctx.me.id, now=ctx.now,
                      to_back=False)
        await close(ctx)
        return [Reply(ctx.t("verify_stopped"))]
    if value == "skip":
        await release(ctx.session, check=check, caller_id=ctx.me.id, now=ctx.now, to_back=True)
        return await show_next(ctx, batch.id)
    if value == f"o:{Outcome.WRONG_DETAILS.value}":
        return [_ask_detail(ctx)]
    if value.startswith("o:"):
        return await _record(ctx, batch, check, Outcome(value[2:]), "", note)
    return [await _card(ctx, batch, check, note)]


async def _take_note(ctx: Ctx, batch: Batch, check: Check, text: str,
                     note: str) -> list[Reply]:
    text = clean(text)
    if not text or text.rstrip(".)").isdigit():
        # A number that is no option ("9" of 7) is a mistyped choice, not a note.
        return [Reply(ctx.t("choose_option")), await _card(ctx, batch, check, note)]
    combined = f"{note}; {text}" if note else text
    if len(combined) > NOTE_MAX:
        return [Reply(ctx.t("verify_note_too_long", limit=NOTE_MAX)),
                await _card(ctx, batch, check, note)]
    return [Reply(ctx.t("verify_note_saved")), await _card(ctx, batch, check, combined)]


@on_state("verify.detail")
async def step_detail(ctx: Ctx, answer: Answer) -> list[Reply]:
    current = await _current(ctx)
    if current is None:
        await close(ctx)
        return [Reply(ctx.t("verify_list_empty"))]
    batch, check, note = current
    value = answer.value or ""
    if value.startswith("d:") and value[2:] in DETAILS:
        return await _record(ctx, batch, check, Outcome.WRONG_DETAILS, value[2:], note)
    if value == "back":
        return [await _card(ctx, batch, check, note)]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, _ask_detail(ctx)]


async def _record(ctx: Ctx, batch: Batch, check: Check, outcome: Outcome, detail: str,
                  note: str) -> list[Reply]:
    cfg = ctx.settings.verification
    try:
        done = await record_outcome(
            ctx.session, check=check, caller=ctx.me, outcome=outcome, now=ctx.now,
            detail=detail, note=note, max_attempts=cfg.max_attempts,
            retry_after=timedelta(minutes=cfg.retry_minutes), lease=lease(ctx))
    except CheckError:
        return await show_next(ctx, batch.id, prefix=[Reply(ctx.t("verify_taken"))])
    if done.outcome == Outcome.UNREACHABLE:
        assert check.retry_at is not None
        text = ctx.t("verify_recorded_retry", check=check.id, attempts=check.attempts,
                     max=cfg.max_attempts, at=local_time(check.retry_at, ctx.settings.timezone))
    elif done.outcome == Outcome.COULD_NOT_VERIFY:
        text = ctx.t("verify_recorded_gave_up", check=check.id, max=cfg.max_attempts)
    else:
        text = ctx.t("verify_recorded", check=check.id,
                     outcome=outcome_label(ctx.lang, done.outcome.value, detail,
                                          icon=True))
    if done.outcome.returns_to_officer:
        card = await load_card(ctx.session, check)
        text += "\n" + ctx.t("verify_sent_back", officer=card.officer_name)
        ctx.wake.add(WAKE_RETURNS)
    return await show_next(ctx, batch.id, prefix=[Reply(text)])
