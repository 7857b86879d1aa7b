"""/kiemtra (/verify): draw a verification sample, then work through its call cards.

Supervisors only. "/kiemtra" asks where and how many (or offers to continue an open batch);
"/kiemtra BNA 10%" draws at once. Each card has the outcome as one tap; a household with
several procedures (each counts toward the special prize) is asked about every one, in a
tick list after ✅; "details false → date" asks whether the household's date is within the
configured days. Text typed at any step of a card is a note kept with the outcome. A card is
held by one caller at a time, so several supervisors can share a batch.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import ColumnElement, func, select

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft, draft_int
from handlers.engine.i18n import fmt_date
from handlers.engine.messages import Option, Reply
from handlers.engine.router import SUPERVISES, Menu, Router
from handlers.engine.states import VerifyState
from handlers.households.attachments import audit_views, file_replies, files_label
from handlers.render.verify_text import (
    card_answer,
    card_text,
    local_time,
    match_text,
    outcome_label,
    rule_text,
)
from handlers.reports.scope import SEES_ALL
from models.attachments import EntryAttachment, of_household
from models.campaign import Hamlet
from models.check_scope import visible_checks
from models.checks import (
    Card,
    CheckError,
    batch_progress,
    check_within,
    load_card,
    next_card,
    open_batches,
    open_checks,
    record_outcome,
    release,
)
from models.households import Entry
from models.sampling import Rule, RuleError, create_batch
from models.text import clean
from models.verification import DETAILS, Batch, Check, Outcome, date_detail

router = Router("verify")

NOTE_MAX = 500
MAX_PER_HAMLET = 50
WAKE_RETURNS = "verify_return"  # pushed-message kind: checks sent back to their officer
_RATE = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%$")

OUTCOME_BUTTONS = (
    Outcome.CONFIRMED,
    Outcome.NOT_GUIDED,
    Outcome.WRONG_DETAILS,
    Outcome.UNREACHABLE,
    Outcome.WRONG_NUMBER,
)


def lease(ctx: Ctx) -> timedelta:
    return timedelta(minutes=ctx.settings.verification.claim_minutes)


def allowed(ctx: Ctx) -> bool:
    return ctx.me.role in SEES_ALL


def scope(ctx: Ctx) -> ColumnElement[bool]:
    """The checks the sender works on: a commune supervisor's hamlets', else all."""
    return visible_checks(ctx.me)


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


@router.command("kiemtra", "verify", menu=Menu(110, "verify", "cmd_verify", SUPERVISES))
async def cmd_verify(ctx: Ctx, arg: str) -> list[Reply]:
    if not allowed(ctx):
        return [Reply(ctx.t("verify_not_allowed"))]
    hamlets = await ctx.covered_hamlets()
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
        return await draw_sample(ctx, [chosen] if chosen else hamlets, rule or default_rule(ctx))
    batches = await open_batches(ctx.session, await ctx.campaign_id(), scope(ctx))
    if batches:
        options = [
            Option(ctx.t("verify_btn_continue", batch=b.batch.id, open=b.open), f"b:{b.batch.id}")
            for b in batches[:5]
        ]
        options.append(Option(ctx.t("verify_btn_new"), "new"))
        return [ask(ctx, VerifyState.MENU, ctx.t("verify_menu"), options, draft={})]
    return [_ask_scope(ctx, hamlets)]


def _ask_scope(ctx: Ctx, hamlets: list[Hamlet]) -> Reply:
    options = [Option(ctx.t("verify_btn_all"), "all")]
    options += [Option(f"{h.name} ({h.code})", f"h:{h.code}") for h in hamlets]
    return ask(ctx, VerifyState.SCOPE, ctx.t("verify_ask_scope"), options, draft={}, per_row=2)


def _size_label(ctx: Ctx, rule: Rule) -> str:
    return rule_text(
        ctx.lang, {"mode": rule.mode, "rate": rule.rate, "per_hamlet": rule.per_hamlet}
    )


def _ask_size(ctx: Ctx, data: dict[str, object]) -> Reply:
    default = default_rule(ctx)
    options = [
        Option(ctx.t("verify_size_default", size=_size_label(ctx, default)), _rule_value(default))
    ]
    for rule in (
        Rule("rate", rate=0.05),
        Rule("rate", rate=0.1),
        Rule("rate", rate=0.2),
        Rule("count", per_hamlet=3),
        Rule("count", per_hamlet=5),
    ):
        if rule != default:
            options.append(Option(_size_label(ctx, rule), _rule_value(rule)))
    return ask(ctx, VerifyState.SIZE, ctx.t("verify_ask_size"), options, draft=data)


@router.on_state(VerifyState.MENU)
async def step_menu(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == "new":
        return [_ask_scope(ctx, await ctx.covered_hamlets())]
    if answer.value and answer.value.startswith("b:") and answer.value[2:].isdigit():
        return await show_next(ctx, int(answer.value[2:]))
    prefix = [Reply(ctx.t("choose_option"))] if answer.value != REPEAT and answer.text else []
    return [*prefix, *await cmd_verify(ctx, "")]


@router.on_state(VerifyState.SCOPE)
async def step_scope(ctx: Ctx, answer: Answer) -> list[Reply]:
    hamlets = await ctx.covered_hamlets()
    value = answer.value or ""
    if value == "all":
        return [_ask_size(ctx, {"hamlet": None})]
    typed = answer.text.strip().upper()
    code = value[2:] if value.startswith("h:") else typed
    if any(h.code == code for h in hamlets):
        return [_ask_size(ctx, {"hamlet": code})]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, _ask_scope(ctx, hamlets)]


@router.on_state(VerifyState.SIZE)
async def step_size(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    if answer.value == REPEAT:
        return [_ask_size(ctx, data)]
    rule = _rule_from_value(answer.value) if answer.value else parse_size(answer.text)
    if rule is None:
        return [
            Reply(ctx.t("verify_size_invalid", text=answer.text[:30], max=MAX_PER_HAMLET)),
            _ask_size(ctx, data),
        ]
    hamlets = await ctx.covered_hamlets()
    code = data.get("hamlet")
    if code:
        hamlets = [h for h in hamlets if h.code == code]
    return await draw_sample(ctx, hamlets, rule)


async def draw_sample(ctx: Ctx, hamlets: list[Hamlet], rule: Rule) -> list[Reply]:
    batch = await create_batch(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        hamlets=hamlets,
        rule=rule,
        actor_id=ctx.me.id,
        now=ctx.now,
    )
    if batch is None:
        await close(ctx)
        where = ctx.t("verify_where", hamlet=hamlets[0].name) if len(hamlets) == 1 else ""
        return [Reply(ctx.t("verify_nothing_to_draw", where=where))]
    counts = await ctx.session.execute(
        select(Hamlet.code, func.count(Check.id))
        .join(Check, Check.hamlet_id == Hamlet.id)
        .where(Check.batch_id == batch.id)
        .group_by(Hamlet.code)
        .order_by(Hamlet.code)
    )
    flagged = (
        await ctx.session.scalar(
            select(func.count(Check.id)).where(Check.batch_id == batch.id, Check.flagged)
        )
        or 0
    )
    text = ctx.t(
        "verify_drawn",
        batch=batch.id,
        size=batch.size,
        rule=rule_text(ctx.lang, batch.rule),
        per_hamlet=" · ".join(f"{code} {n}" for code, n in counts),
        seed=batch.seed,
    )
    if flagged:
        text += "\n" + ctx.t("verify_drawn_flagged", n=flagged)
    return await show_next(ctx, batch.id, prefix=[Reply(text)])


async def show_next(
    ctx: Ctx, batch_id: int, prefix: list[Reply] | None = None, note: str = ""
) -> list[Reply]:
    """The caller's next card (the one they hold, else a free one), or why there is none."""
    replies = list(prefix or [])
    batch = await ctx.session.get(Batch, batch_id)
    if batch is None:
        await close(ctx)
        return [*replies, Reply(ctx.t("verify_list_empty"))]
    check = await next_card(
        ctx.session,
        batch_id=batch.id,
        caller_id=ctx.me.id,
        now=ctx.now,
        lease=lease(ctx),
        scope=scope(ctx),
    )
    if check is None:
        await close(ctx)
        return [*replies, Reply(await _no_card(ctx, batch))]
    return [*replies, await _card(ctx, batch, check, note)]


async def _receipts(ctx: Ctx, card: Card) -> list[EntryAttachment]:
    """The household's receipts: of its live entries, and of the sampled one."""
    return await of_household(ctx.session, card.entry.household_id, also_entry=card.entry.id)


async def _card(ctx: Ctx, batch: Batch, check: Check, note: str) -> Reply:
    card = await load_card(ctx.session, check)
    progress = await batch_progress(ctx.session, batch, scope(ctx))
    receipts = await _receipts(ctx, card)
    text = card_text(
        ctx.lang,
        card,
        batch,
        left=progress.open,
        max_attempts=ctx.settings.verification.max_attempts,
        note=note,
        tz=ctx.settings.timezone,
        files=files_label(ctx, [r.kind for r in receipts]) if receipts else "",
    )
    # The outcomes, «Để sau» and «Dừng» keep their numbers whether or not the household has
    # receipts (callers on text channels type them by heart): viewing the receipts is last.
    options = [Option(ctx.t(f"verify_btn_{o.value}"), f"o:{o.value}") for o in OUTCOME_BUTTONS]
    options += [Option(ctx.t("verify_btn_skip"), "skip"), Option(ctx.t("verify_btn_stop"), "stop")]
    if receipts:
        options.append(Option(ctx.t("verify_btn_files"), "files"))
    reply = ask(
        ctx,
        VerifyState.CARD,
        text,
        options,
        draft={"batch": batch.id, "check": check.id, "note": note},
    )
    return replace(reply, phone=card.entry.household.phone)


async def _no_card(ctx: Ctx, batch: Batch) -> str:
    checks = await open_checks(ctx.session, batch.id, scope(ctx))
    if not checks:
        return ctx.t("verify_batch_done", batch=batch.id)
    # No free card although some are open: they wait for a retry or others hold them.
    waiting = sum(1 for c in checks if c.retry_at is not None and c.retry_at > ctx.now)
    return ctx.t(
        "verify_batch_waiting", batch=batch.id, waiting=waiting, held=len(checks) - waiting
    )


async def _current(ctx: Ctx) -> tuple[Batch, Check, str] | None:
    """The card the caller's dialog is on, with the note typed so far."""
    batch = await ctx.session.get(Batch, draft_int(ctx, "batch"))
    check = await check_within(ctx.session, draft_int(ctx, "check"), scope(ctx))
    if batch is None or check is None:
        return None
    return batch, check, str(draft(ctx).get("note") or "")


def _with_note(ctx: Ctx, question: str, data: dict[str, object]) -> str:
    """A card's sub-question, with the note typed so far (it goes with the outcome)."""
    note = str(data.get("note") or "")
    return f"{question}\n{ctx.t('verify_card_note', note=note)}" if note else question


def _ask_detail(ctx: Ctx, data: dict[str, object]) -> Reply:
    options = [Option(ctx.t(f"vdetail_{d}").capitalize(), f"d:{d}") for d in DETAILS]
    options.append(Option(ctx.t("verify_btn_back"), "back"))
    return ask(
        ctx,
        VerifyState.DETAIL,
        _with_note(ctx, ctx.t("verify_ask_detail"), data),
        options,
        draft=data,
    )


@router.on_state(VerifyState.CARD)
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
        await release(ctx.session, check=check, caller_id=ctx.me.id, now=ctx.now, to_back=False)
        await close(ctx)
        return [Reply(ctx.t("verify_stopped"))]
    if value == "skip":
        await release(ctx.session, check=check, caller_id=ctx.me.id, now=ctx.now, to_back=True)
        return await show_next(ctx, batch.id)
    if value == "files":
        # The receipts, one message each, then the card again (the call goes on).
        card = await load_card(ctx.session, check)
        receipts = await _receipts(ctx, card)
        audit_views(ctx, card.entry, receipts)
        return [*file_replies(ctx, receipts), await _card(ctx, batch, check, note)]
    if value == f"o:{Outcome.WRONG_DETAILS.value}":
        return [_ask_detail(ctx, draft(ctx))]
    if value == f"o:{Outcome.CONFIRMED.value}":
        card = await load_card(ctx.session, check)
        if len(card.procedures) > 1:  # each one asked: default, all confirmed
            return [
                _ask_procedures(ctx, card, {**draft(ctx), "confirmed": card.codes, "via": "card"})
            ]
        return await _record(
            ctx, batch, check, Outcome.CONFIRMED, "", note, answer=_answer(card, card.codes)
        )
    if value.startswith("o:") and value[2:] in {o.value for o in OUTCOME_BUTTONS}:
        return await _record(ctx, batch, check, Outcome(value[2:]), "", note)
    return [await _card(ctx, batch, check, note)]


def add_note(ctx: Ctx, text: str, note: str) -> tuple[str, Reply]:
    """Text typed at any step of a card is a note kept with its outcome: the note now, and
    what to tell the caller."""
    text = clean(text)
    if not text or text.rstrip(".)").isdigit():
        # A number that is no option ("9" of 7) is a mistyped choice, not a note.
        return note, Reply(ctx.t("choose_option"))
    combined = f"{note}; {text}" if note else text
    if len(combined) > NOTE_MAX:
        return note, Reply(ctx.t("verify_note_too_long", limit=NOTE_MAX))
    return combined, Reply(ctx.t("verify_note_saved"))


async def _take_note(ctx: Ctx, batch: Batch, check: Check, text: str, note: str) -> list[Reply]:
    note, said = add_note(ctx, text, note)
    return [said, await _card(ctx, batch, check, note)]


@router.on_state(VerifyState.DETAIL)
async def step_detail(ctx: Ctx, answer: Answer) -> list[Reply]:
    current = await _current(ctx)
    if current is None:
        await close(ctx)
        return [Reply(ctx.t("verify_list_empty"))]
    batch, check, note = current
    value = answer.value
    if value is None:  # typed: a note, kept with the outcome
        note, said = add_note(ctx, answer.text, note)
        return [said, _ask_detail(ctx, {**draft(ctx), "note": note})]
    if value == "d:date" and _asks_date(ctx):
        return [await _ask_date(ctx, check, draft(ctx))]
    if value == "d:procedure":
        card = await load_card(ctx.session, check)
        if len(card.procedures) > 1:  # which ones the household does confirm
            return [_ask_procedures(ctx, card, {**draft(ctx), "confirmed": [], "via": "detail"})]
        return await _record(
            ctx, batch, check, Outcome.WRONG_DETAILS, "procedure", note, answer=_answer(card, [])
        )
    if value.startswith("d:") and value[2:] in DETAILS:
        return await _record(ctx, batch, check, Outcome.WRONG_DETAILS, value[2:], note)
    if value == "back":
        return [await _card(ctx, batch, check, note)]
    return [_ask_detail(ctx, draft(ctx))]


def _answer(card: Card, confirmed: list[str]) -> dict[str, object]:
    """Which procedures the household confirmed, and who logged each ("by": a procedure
    denied fails the officers who logged it, not whoever's entry was drawn)."""
    return {
        "procedures": card.codes,
        "confirmed": [c for c in card.codes if c in confirmed],
        "by": {p.code: list(p.officers) for p in card.procedures},
    }


def _confirmed(card: Card, data: dict[str, object]) -> list[str]:
    ticked = data.get("confirmed")
    chosen = {str(c) for c in ticked} if isinstance(ticked, list) else set()
    return [c for c in card.codes if c in chosen]


def _ask_procedures(ctx: Ctx, card: Card, data: dict[str, object]) -> Reply:
    """A household counted for several procedures: which ones it confirms (a tick list)."""
    confirmed = _confirmed(card, data)
    options = [
        Option(
            ctx.t("verify_proc_on" if p.code in confirmed else "verify_proc_off", name=p.name),
            f"p:{p.code}",
        )
        for p in card.procedures
    ]
    n, k = len(card.procedures), len(confirmed)
    options.append(
        Option(
            ctx.t("verify_btn_save_all", n=n)
            if k == n
            else ctx.t("verify_btn_save_some", k=k, n=n),
            "save",
        )
    )
    back = "verify_btn_back_details" if data.get("via") == "detail" else "verify_btn_back"
    options.append(Option(ctx.t(back), "back"))
    return ask(
        ctx,
        VerifyState.PROCS,
        _with_note(ctx, ctx.t("verify_ask_procedures"), data),
        options,
        draft={**data, "confirmed": confirmed},
    )


@router.on_state(VerifyState.PROCS)
async def step_procedures(ctx: Ctx, answer: Answer) -> list[Reply]:
    """The tick list of a household's procedures: all confirmed → ✅; any not → ⚠️ details
    false (procedure), with which ones were confirmed kept."""
    current = await _current(ctx)
    if current is None:
        await close(ctx)
        return [Reply(ctx.t("verify_list_empty"))]
    batch, check, note = current
    card = await load_card(ctx.session, check)
    data = draft(ctx)
    value = answer.value
    if value is None:  # typed: a note, kept with the outcome
        note, said = add_note(ctx, answer.text, note)
        return [said, _ask_procedures(ctx, card, {**data, "note": note})]
    confirmed = _confirmed(card, data)
    if value.startswith("p:") and value[2:] in card.codes:
        code = value[2:]
        confirmed = [c for c in confirmed if c != code] if code in confirmed else [*confirmed, code]
        return [_ask_procedures(ctx, card, {**data, "confirmed": confirmed})]
    if value == "save":
        if len(confirmed) == len(card.codes):
            return await _record(
                ctx, batch, check, Outcome.CONFIRMED, "", note, answer=_answer(card, confirmed)
            )
        return await _record(
            ctx,
            batch,
            check,
            Outcome.WRONG_DETAILS,
            "procedure",
            note,
            answer=_answer(card, confirmed),
        )
    if value == "back":
        if data.get("via") == "detail":
            return [_ask_detail(ctx, data)]
        return [await _card(ctx, batch, check, note)]
    return [_ask_procedures(ctx, card, data)]


def _asks_date(ctx: Ctx) -> bool:
    """How far off the household's date is matters only if the date must match, within
    a tolerance."""
    cfg = ctx.settings.verification
    return "date" in cfg.must_match and cfg.date_tolerance_days > 0


async def _ask_date(ctx: Ctx, check: Check, data: dict[str, object]) -> Reply:
    days = ctx.settings.verification.date_tolerance_days
    entry = await ctx.session.get(Entry, check.entry_id)
    day = fmt_date(entry.guided_on) if entry is not None else "?"
    options = [
        Option(ctx.t("verify_btn_date_within", n=days), "within"),
        Option(ctx.t("verify_btn_date_beyond", n=days), "beyond"),
        Option(ctx.t("verify_btn_back_details"), "back"),
    ]
    return ask(
        ctx,
        VerifyState.DATE,
        _with_note(ctx, ctx.t("verify_ask_date", day=day, n=days), data),
        options,
        draft=data,
    )


@router.on_state(VerifyState.DATE)
async def step_date(ctx: Ctx, answer: Answer) -> list[Reply]:
    """ "Details false → date": within the configured days it is recorded, not failed."""
    current = await _current(ctx)
    if current is None:
        await close(ctx)
        return [Reply(ctx.t("verify_list_empty"))]
    batch, check, note = current
    value = answer.value
    if value is None:  # typed: a note, kept with the outcome
        note, said = add_note(ctx, answer.text, note)
        return [said, await _ask_date(ctx, check, {**draft(ctx), "note": note})]
    days = ctx.settings.verification.date_tolerance_days
    if value == "within":
        return await _record(
            ctx, batch, check, Outcome.WRONG_DETAILS, date_detail(within=days), note
        )
    if value == "beyond":
        return await _record(
            ctx, batch, check, Outcome.WRONG_DETAILS, date_detail(beyond=days), note
        )
    if value == "back":
        return [_ask_detail(ctx, draft(ctx))]
    return [await _ask_date(ctx, check, draft(ctx))]


async def _record(
    ctx: Ctx,
    batch: Batch,
    check: Check,
    outcome: Outcome,
    detail: str,
    note: str,
    answer: dict[str, object] | None = None,
) -> list[Reply]:
    cfg = ctx.settings.verification
    try:
        done = await record_outcome(
            ctx.session,
            check=check,
            caller=ctx.me,
            outcome=outcome,
            now=ctx.now,
            detail=detail,
            note=note,
            max_attempts=cfg.max_attempts,
            retry_after=timedelta(minutes=cfg.retry_minutes),
            lease=lease(ctx),
            answer=answer,
        )
    except CheckError:
        return await show_next(ctx, batch.id, prefix=[Reply(ctx.t("verify_taken"))])
    if done.outcome == Outcome.UNREACHABLE:
        assert check.retry_at is not None
        text = ctx.t(
            "verify_recorded_retry",
            check=check.id,
            attempts=check.attempts,
            max=cfg.max_attempts,
            at=local_time(check.retry_at, ctx.settings.timezone),
        )
    elif done.outcome == Outcome.COULD_NOT_VERIFY:
        text = ctx.t("verify_recorded_gave_up", check=check.id, max=cfg.max_attempts)
    else:
        text = ctx.t(
            "verify_recorded",
            check=check.id,
            outcome=outcome_label(ctx.lang, done.outcome.value, detail, icon=True),
        )
        if cfg.match.tolerated(done.outcome.value, detail):
            text += "\n" + ctx.t("verify_recorded_tolerated")
    card = (
        await load_card(ctx.session, check)
        if answer is not None or done.outcome.returns_to_officer
        else None
    )
    if card is not None and (said := card_answer(ctx.lang, card)):
        text += "\n" + said
    if card is not None and done.outcome.returns_to_officer:
        text += "\n" + ctx.t("verify_sent_back", officer=card.officer_name)
        ctx.wake.add(WAKE_RETURNS)
    return await show_next(ctx, batch.id, prefix=[Reply(text)])


router.add_help(
    32,
    SUPERVISES,
    lambda ctx: "\n".join(
        (
            ctx.t("help_verify"),
            ctx.t("help_verify_frozen"),
            match_text(ctx.lang, ctx.settings.verification.match),
        )
    ),
)
