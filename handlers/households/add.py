"""Logging a household: the one-message form (stored at once when complete and clear), the
guided /them dialog, the questions a household may need (a field, a name typed without
Vietnamese keyboard, a possible duplicate) asked one household at a time, and saving."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from handlers.engine.context import Ctx
from handlers.engine.dialog import (
    REPEAT,
    SOFT_STATES,
    Answer,
    ask,
    close,
    draft,
    is_household_state,
)
from handlers.engine.i18n import fmt_date, fmt_pct, fmt_phone, fmt_short_date
from handlers.engine.messages import Option, Reply
from handlers.engine.router import LOGS, Menu, Router
from handlers.engine.states import AddState, EntryState
from handlers.parse.form_errors import FormError
from handlers.parse.household_form import (
    ProcedureChoice,
    check_address,
    check_dossier,
    check_name,
    check_phone,
    looks_like_one_line,
    no_dossier,
    parse_day,
    parse_one_line,
)
from handlers.parse.name_text import telex_suggestion, title_case
from models.campaigns import guided_earlier
from models.drafts import keep, take, waiting
from models.find import cards, visible_household
from models.households import Entry
from models.phones import format_old
from models.progress import hamlet_coverage
from models.records import Dialog
from models.registry import (
    Duplicate,
    HouseholdInput,
    OtherHamlet,
    active_procedures,
    add_to_household,
    create_household_entry,
    edit_entry,
    find_duplicates,
    own_entry,
)
from models.roster_match import LinkError, link
from models.text import fold

router = Router("add_household")

FIELDS = ("name", "address", "phone", "procedures", "dossier", "date")
# A message that arrives this long after it was written says which day it was stored under.
LATE = timedelta(hours=1)
SHORT_LABEL = 22  # characters of a procedure's button on a phone


# --- entry points -----------------------------------------------------------------------


def can_log(ctx: Ctx) -> bool:
    """The sender has a hamlet to log for. Whether that hamlet is still in the campaign is
    asked before anything is stored (`Ctx.closed_notice`)."""
    return ctx.me.hamlet_id is not None


async def refused(ctx: Ctx) -> list[Reply]:
    """Why this person cannot log a household now (no hamlet, or a closed one); [] if
    they can. A closed hamlet's households set aside stay kept."""
    if not can_log(ctx):
        return [Reply(ctx.t("add_needs_hamlet"))]
    return await ctx.logging_closed()


@router.command("them", "add", "ghi", menu=Menu(10, "add", "cmd_add", LOGS))
async def cmd_add(ctx: Ctx, arg: str) -> list[Reply]:
    refusal = await refused(ctx)
    if refusal:
        return refusal
    notice = await set_aside(ctx)
    if arg:
        return notice + await household_message(ctx, arg)
    return [*notice, ask(ctx, AddState.NAME, ctx.t("ask_name"), draft=_new_draft(ctx))]


@router.command("tiep", "next", "continue", menu=Menu(50, "next", "cmd_next", LOGS))
async def cmd_next(ctx: Ctx, arg: str) -> list[Reply]:
    """Take up the households set aside, oldest first."""
    refusal = await refused(ctx)
    if refusal:
        return refusal
    if ctx.dialog is not None and is_household_state(ctx.dialog.state):
        return [Reply(ctx.t("drafts_busy")), *await reask(ctx)]
    await set_aside(ctx)
    d = await take(ctx.session, ctx.me.id)
    if d is None:
        return [Reply(ctx.t("drafts_none"))]
    return [Reply(ctx.t("draft_resumed", name=_draft_name(ctx, d))), *await advance(ctx, d)]


async def free_text(ctx: Ctx, raw: str) -> list[Reply]:
    """A message outside any question: a household if it has the shape, else a hint."""
    if can_log(ctx) and looks_like_one_line(raw):
        return await household_message(ctx, raw)
    if not raw.strip():
        return [Reply(ctx.t("not_understood_empty"))]
    return [Reply(ctx.t("not_understood" if can_log(ctx) else "not_understood_staff"))]


def cancelled_text(ctx: Ctx, d: dict[str, Any]) -> str:
    """What /huy says when it drops the household draft `d` (one with a name): another
    visit to a household found is given up, the household itself stays as it was."""
    key = "find_visit_cancelled" if d.get("visit") else "cancelled_household"
    return ctx.t(key, name=d.get("name") or ctx.t("draft_unnamed"))


def queues(dialog: Dialog) -> bool:
    """A question about a household sent in one message: further households queue behind
    it rather than set it aside (they arrive in bursts)."""
    return is_household_state(dialog.state) and bool((dialog.draft or {}).get("line"))


def _new_draft(ctx: Ctx) -> dict[str, Any]:
    return {"mode": "add", "written": ctx.written_at.isoformat(), "arrived": ctx.now.isoformat()}


async def set_aside(ctx: Ctx) -> list[Reply]:
    """Close the open question so a new household or command can be handled in its place.
    A household in progress is kept (asked again with /tiep), never dropped."""
    dialog = ctx.dialog
    if dialog is None:
        return []
    state, d = dialog.state, draft(ctx)
    await close(ctx)
    ctx.set_aside = True
    return await park(ctx, state, d)


async def park(ctx: Ctx, state: str, d: dict[str, Any]) -> list[Reply]:
    """Keep a household's draft taken off the dialog (a question was set aside)."""
    if state in SOFT_STATES:
        return []
    if is_household_state(state) and d.get("mode") == "add":
        if not any(d.get(f) for f in ("name", "address", "phone")):
            return []  # /them with nothing typed yet: nothing to keep
        d.pop("queued", None)
        keep(ctx.session, user_id=ctx.me.id, draft=d, now=ctx.now)
        return [Reply(ctx.t("draft_set_aside", name=_draft_name(ctx, d)))]
    return [Reply(ctx.t("question_set_aside"))]


def _draft_name(ctx: Ctx, d: dict[str, Any]) -> str:
    name = d.get("name")
    return str(name) if name else ctx.t("draft_unnamed")


async def _catalog(ctx: Ctx) -> list[ProcedureChoice]:
    # Read once per message: the one-line form and its summary both need it.
    if ctx.catalog is None:
        ctx.catalog = [
            ProcedureChoice(p.code, p.name) for p in await active_procedures(ctx.session)
        ]
    return ctx.catalog


# --- one message, one household -----------------------------------------------------------


async def household_message(ctx: Ctx, raw: str) -> list[Reply]:
    """A household typed in one message: stored at once when complete and clear; otherwise
    its question is asked now, or queued behind the household being asked about."""
    closed = await ctx.logging_closed()
    if closed:
        return closed
    catalog = await _catalog(ctx)
    parsed = parse_one_line(raw, catalog, ctx.today, ctx.settings.campaign)
    if not parsed.readable:
        return [Reply(ctx.t("one_line_example"))]
    d = {**_new_draft(ctx), **parsed.draft, "line": True}
    d["errors"] = {f: [e.key, _plain(e.values)] for f, e in parsed.errors.items() if f in FIELDS}
    if d.get("name"):
        _check_name_keys(d)
    notes = [Reply(_phone_note(ctx, d))] if d.get("phone_old") else []
    extra = parsed.errors.get("extra")
    if extra is not None:
        # A part that fits no field is not stored, and the officer is told so.
        notes.append(Reply(ctx.t(extra.key, **extra.values)))
    busy = ctx.dialog is not None and is_household_state(ctx.dialog.state)
    question, dups = await _question(ctx, d)
    if question is None:
        entry = await _store(ctx, d, dups)
        return notes + await _saved(ctx, entry, d, resolved=False)
    if busy:
        d["queued"] = True
        keep(ctx.session, user_id=ctx.me.id, draft=d, now=ctx.now)
        return [Reply(ctx.t("queued", name=_draft_name(ctx, d))), *await _still_open(ctx)]
    return notes + await _ask(ctx, d, question, dups)


def _plain(values: dict[str, Any]) -> dict[str, str | int]:
    return {k: v if isinstance(v, int) else str(v) for k, v in values.items()}


def _check_name_keys(d: dict[str, Any]) -> None:
    """Names are stored in title case; a name typed with Telex/VNI keys left in is asked."""
    typed = str(d["name"])
    d["name"] = title_case(typed)
    suggestion = telex_suggestion(typed)
    if suggestion and suggestion != d["name"]:
        d["name_typed"], d["name_suggest"] = d["name"], suggestion
    else:
        d.pop("name_suggest", None)


async def advance(ctx: Ctx, d: dict[str, Any]) -> list[Reply]:
    """The next question of the household whose dialog is open (or of a waiting one, with
    nothing open), or store it when nothing is left to ask."""
    if d.get("mode") == "add":
        closed = await ctx.logging_closed()
        if closed:
            # The hamlet left the campaign (or the campaign ended) while this household was
            # being asked about: not stored, but kept (never dropped) in case its officer is
            # moved to another hamlet.
            await close(ctx)
            keep(ctx.session, user_id=ctx.me.id, draft=d, now=ctx.now)
            return closed
    question, dups = await _question(ctx, d)
    if question is None:
        if d.get("visit") and not await _visit_open(ctx, d):
            # The household was deleted or its hamlet changed since «➕ Thêm thủ tục».
            await close(ctx)
            return [Reply(ctx.t("find_gone"))]
        entry = await _store(ctx, d, dups)
        await close(ctx)
        return await _saved(ctx, entry, d, resolved=True)
    return await _ask(ctx, d, question, dups)


async def _visit_open(ctx: Ctx, d: dict[str, Any]) -> bool:
    """Another visit to a household found (/tim) or suggested: it must still be there, with
    a live entry, in the sender's own hamlet."""
    value = d.get("visit")
    if not isinstance(value, int):
        return False
    household = await visible_household(
        ctx.session, viewer=ctx.me, campaign_id=await ctx.campaign_id(), household_id=value
    )
    return household is not None and household.hamlet_id == ctx.me.hamlet_id


async def _question(ctx: Ctx, d: dict[str, Any]) -> tuple[str | None, list[Duplicate]]:
    """What must be asked before `d` can be stored: a field, the name, a duplicate."""
    field = _missing(d)
    if field is not None:
        return "field:" + field, []
    if d.get("name_suggest"):
        return "name", []
    if d.get("mode") == "edit":
        return "confirm", []
    if d.get("dup_answer"):
        return None, []
    dups = await _duplicates(ctx, d)
    return ("dup" if dups else None), dups


async def _duplicates(ctx: Ctx, d: dict[str, Any]) -> list[Duplicate]:
    hamlet = await ctx.hamlet()
    hamlet_id = ctx.me.hamlet_id
    assert hamlet_id is not None  # only officers with a hamlet log households
    return await find_duplicates(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        hamlet_id=hamlet_id,
        hamlet_name=hamlet.name if hamlet else "",
        name=d["name"],
        address=d["address"],
        phone=d["phone"],
    )


async def _ask(ctx: Ctx, d: dict[str, Any], question: str, dups: list[Duplicate]) -> list[Reply]:
    if question.startswith("field:"):
        return await ask_field(ctx, question[6:], d)
    if question == "name":
        return [_ask_name_check(ctx, d)]
    if question == "confirm":
        return [await ask_confirm(ctx, d)]
    return [_ask_duplicate(ctx, d, dups)]


# --- questions ------------------------------------------------------------------------


def _missing(d: dict[str, Any]) -> str | None:
    for name in FIELDS:
        if name == "procedures":
            if not d.get("procedures") or not d.get("procedures_ok"):
                return name
        elif d.get(name) is None:
            return name
    return None


async def ask_field(ctx: Ctx, field: str, d: dict[str, Any]) -> list[Reply]:
    """The question for one field, after what was wrong with it, if it was typed wrong."""
    errors = d.get("errors") or {}
    error = errors.pop(field, None) if isinstance(errors, dict) else None
    prefix = [Reply(ctx.t(error[0], **error[1]))] if error else []
    return [*prefix, await _field_question(ctx, field, d)]


async def _field_question(ctx: Ctx, field: str, d: dict[str, Any]) -> Reply:
    if field == "name":
        return ask(ctx, AddState.NAME, ctx.t("ask_name"), draft=d)
    if field == "address":
        hamlet = await ctx.hamlet()
        opts = [Option(hamlet.name, "hamlet")] if hamlet else []
        return ask(ctx, AddState.ADDRESS, ctx.t("ask_address"), opts, draft=d)
    if field == "phone":
        return ask(ctx, AddState.PHONE, ctx.t("ask_phone"), draft=d)
    if field == "procedures":
        return await ask_procedures(ctx, d)
    if field == "dossier":
        return ask(
            ctx,
            AddState.DOSSIER,
            ctx.t("ask_dossier"),
            [Option(ctx.t("opt_skip"), "skip")],
            draft=d,
        )
    # The options carry their dates: "Hôm nay (05/12)" means 05/12 even if tapped after
    # midnight.
    today = ctx.today
    yesterday = today - timedelta(days=1)
    opts = [Option(ctx.t("opt_today", day=fmt_short_date(today)), "d:" + today.isoformat())]
    if yesterday >= ctx.settings.campaign.start:
        opts.append(
            Option(
                ctx.t("opt_yesterday", day=fmt_short_date(yesterday)), "d:" + yesterday.isoformat()
            )
        )
    text = ctx.t("ask_date")
    if d.get("name"):
        text = ctx.t("ask_for_household", name=d["name"]) + "\n" + text
    return ask(ctx, AddState.DATE, text, opts, draft=d, per_row=2)


def short_label(ctx: Ctx, proc: ProcedureChoice) -> str:
    """A procedure's button: its configured short name, or its name cut to fit a phone."""
    configured = {p.code: p.short for p in ctx.settings.procedures}.get(proc.code, "")
    if configured:
        return configured
    if len(proc.name) <= SHORT_LABEL:
        return proc.name
    cut = proc.name[: SHORT_LABEL - 1].rsplit(" ", 1)[0]
    return cut + "…"


async def ask_procedures(
    ctx: Ctx, d: dict[str, Any], prefix: str = "", *, edit: bool = False
) -> Reply:
    chosen = set(d.get("procedures") or [])
    catalog = await _choices(ctx, d)
    visit = bool(d.get("visit"))
    opts = [
        Option(("✅ " if p.code in chosen else "") + short_label(ctx, p), "p:" + p.code)
        for p in catalog
    ]
    if chosen and not visit:
        opts.append(Option(ctx.t("opt_done"), "done"))
    lines = [ctx.t("find_ask_procedures" if visit else "ask_procedures")]
    lines += [f"{i}. {p.name}" for i, p in enumerate(catalog, 1)]
    names = [p.name for p in catalog if p.code in chosen]
    if names:
        lines.append(ctx.t("procedures_chosen", names="; ".join(names)))
    text = (prefix + "\n" if prefix else "") + "\n".join(lines)
    return replace(ask(ctx, AddState.PROCEDURES, text, opts, draft=d, per_row=2), edit=edit)


async def _choices(ctx: Ctx, d: dict[str, Any]) -> list[ProcedureChoice]:
    """The procedures offered: all of them, or for another visit to a household, those it
    has not been guided through yet."""
    catalog = await _catalog(ctx)
    has = set(d.get("has") or []) if d.get("visit") else set()
    return [p for p in catalog if p.code not in has] or catalog


async def ask_confirm(ctx: Ctx, d: dict[str, Any]) -> Reply:
    """An edited entry's details before they replace the stored ones."""
    opts = [
        Option(ctx.t("opt_save"), "save"),
        Option(ctx.t("opt_edit"), "edit"),
        Option(ctx.t("opt_cancel"), "cancel"),
    ]
    title = ctx.t("summary_title_edit", id=d["entry_id"])
    return ask(
        ctx, AddState.CONFIRM, title + "\n" + await summary(ctx, d), opts, draft=d, per_row=3
    )


async def summary(ctx: Ctx, d: dict[str, Any]) -> str:
    catalog = await _catalog(ctx)
    names = [p.name for p in catalog if p.code in set(d.get("procedures") or [])]
    return "\n".join(
        [
            ctx.t("summary_name", name=d["name"]),
            ctx.t("summary_address", address=d["address"]),
            ctx.t("summary_phone", phone=fmt_phone(d["phone"])),
            ctx.t("summary_procedures", names="; ".join(names)),
            ctx.t("summary_dossier", dossier=d["dossier"] or ctx.t("none")),
            ctx.t("summary_date", day=fmt_date(date.fromisoformat(d["date"]))),
        ]
    )


def _ask_name_check(ctx: Ctx, d: dict[str, Any]) -> Reply:
    opts = [
        Option(ctx.t("opt_name_use", name=d["name_suggest"]), "use"),
        Option(ctx.t("opt_name_keep", name=d["name"]), "keep"),
    ]
    return ask(
        ctx,
        AddState.NAME_CHECK,
        ctx.t("ask_name_check", typed=d["name"], name=d["name_suggest"]),
        opts,
        draft=d,
    )


async def reask(ctx: Ctx) -> list[Reply]:
    d = draft(ctx)
    state = ctx.dialog.state if ctx.dialog else ""
    if state == AddState.CONFIRM:
        return [await ask_confirm(ctx, d)]
    if state == AddState.FIELD:
        return [_ask_which_field(ctx, d)]
    if state == AddState.NAME_CHECK:
        return [_ask_name_check(ctx, d)]
    if state == AddState.DUPLICATE:
        return await advance(ctx, {k: v for k, v in d.items() if k != "dup_answer"})
    return await ask_field(ctx, state.removeprefix("add."), d)


def _phone_note(ctx: Ctx, d: dict[str, Any]) -> str:
    return ctx.t("phone_converted", old=format_old(d["phone_old"]), new=fmt_phone(d["phone"]))


# --- answers --------------------------------------------------------------------------


async def _field_answer(ctx: Ctx, answer: Answer, field: str) -> list[Reply]:
    if answer.value == REPEAT:
        return await reask(ctx)
    d = draft(ctx)
    extra: list[Reply] = []
    try:
        if field == "name":
            d["name"] = check_name(answer.text)
            _check_name_keys(d)
        elif field == "address":
            if answer.value == "hamlet":
                hamlet = await ctx.hamlet()
                d["address"] = hamlet.name if hamlet else check_address(answer.text)
            else:
                d["address"] = check_address(answer.text)
        elif field == "phone":
            phone = check_phone(answer.text)
            d["phone"], d["phone_old"] = phone.e164, phone.converted_from
            if phone.converted_from:
                extra.append(Reply(_phone_note(ctx, d)))
        elif field == "dossier":
            skip = answer.value == "skip" or no_dossier(answer.text)
            d["dossier"] = "" if skip else check_dossier(answer.text)
        elif field == "date":
            if answer.value and answer.value.startswith("d:"):
                day = date.fromisoformat(answer.value[2:])
            else:
                day = parse_day(answer.text, ctx.today, ctx.settings.campaign)
            d["date"], d["date_typed"] = day.isoformat(), True
    except (FormError, ValueError) as err:
        key, values = (
            (err.key, err.values)
            if isinstance(err, FormError)
            else ("date_invalid", {"text": answer.text[:20]})
        )
        return [Reply(ctx.t(key, **values)), await _field_question(ctx, field, d)]
    return [*extra, *await advance(ctx, d)]


@router.on_state(AddState.NAME, AddState.ADDRESS, AddState.PHONE, AddState.DOSSIER, AddState.DATE)
async def on_field_answer(ctx: Ctx, answer: Answer) -> list[Reply]:
    state = ctx.dialog.state if ctx.dialog else AddState.NAME
    return await _field_answer(ctx, answer, state.removeprefix("add."))


@router.on_state(AddState.NAME_CHECK)
async def on_name_check(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await reask(ctx)
    d = draft(ctx)
    if answer.value == "use":
        d["name"] = d.pop("name_suggest")
        return await advance(ctx, d)
    if answer.value == "keep" or fold(answer.text) in _KEEP_WORDS:
        d.pop("name_suggest", None)
        return await advance(ctx, d)
    if fold(answer.text) in _WRONG_WORDS:
        # Neither: the officer types the name as it should be.
        d.pop("name_suggest", None)
        d.pop("name", None)
        return [await _field_question(ctx, "name", d)]
    # Typed: the name as it should be – a full name, not a word of reply.
    try:
        name = title_case(check_name(answer.text))
    except FormError as err:
        return [Reply(ctx.t(err.key, **err.values)), _ask_name_check(ctx, d)]
    if len(name.split()) < 2 or fold(name) in _YES_NO:
        return [Reply(ctx.t("choose_option")), _ask_name_check(ctx, d)]
    d["name"] = name
    d.pop("name_suggest", None)
    return await advance(ctx, d)


_KEEP_WORDS = {"giu", "giu nguyen", "giu nhu da go", "de nguyen", "nhu cu"}
_WRONG_WORDS = {"khong", "ko", "k", "sai", "khong phai", "khong dung", "sai roi", "no"}
_YES_NO = {
    "phai",
    "da",
    "dung",
    "dung roi",
    "da dung",
    "vang",
    "co",
    "phai roi",
    "da phai",
    "khong phai",
    "khong dung",
}


@router.on_state(AddState.PROCEDURES)
async def on_procedures(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await reask(ctx)
    d = draft(ctx)
    chosen: list[str] = list(d.get("procedures") or [])
    if answer.value == "done" or (answer.value is None and _is_done_word(answer.text)):
        if not chosen:
            return [await ask_procedures(ctx, d, ctx.t("procedure_empty"))]
        d["procedures_ok"] = True
        return await advance(ctx, d)
    if answer.value and answer.value.startswith("p:") and (answer.text or d.get("visit")):
        # A typed number is a whole answer (text channels have no toggling buttons); so is a
        # tap for another visit to a household (several: typed, "1, 3").
        d["procedures"], d["procedures_ok"] = [answer.value[2:]], True
        return await advance(ctx, d)
    if answer.value and answer.value.startswith("p:"):
        code = answer.value[2:]
        if code in chosen:
            chosen.remove(code)
        else:
            chosen.append(code)
        d["procedures"] = chosen
        # The same message ticks its boxes instead of a new message per tap.
        return [await ask_procedures(ctx, d, edit=True)]
    # Typed: "1, 3" or names. A typed list is a complete answer: no need to press Done –
    # when every part names exactly one procedure offered; otherwise asked again, nothing
    # picked for the officer.
    offered = await _choices(ctx, d)
    try:
        reading = read_procedures(
            answer.text,
            offered,
            await _catalog(ctx),
            has=set(d.get("has") or []) if d.get("visit") else set(),
            shorts={p.code: p.short for p in ctx.settings.procedures},
        )
    except FormError as err:
        return [await ask_procedures(ctx, d, ctx.t(err.key, **err.values))]
    if reading.had or reading.unsure:
        return [await ask_procedures(ctx, d, _unclear(ctx, d, reading, offered))]
    d["procedures"] = reading.codes
    d["procedures_ok"] = True
    return await advance(ctx, d)


@dataclass
class ProcedureReading:
    """What a typed answer to the procedure question names: the procedures offered it
    names surely; those the household already has; the parts that only partly match."""

    codes: list[str] = field(default_factory=list)
    had: list[str] = field(default_factory=list)
    unsure: list[tuple[str, list[ProcedureChoice]]] = field(default_factory=list)


_SPLIT_PROCEDURES = re.compile(r"\s*(?:,|;|\+|&|\bvà\b|\band\b)\s*", re.I)
_NOT_WORD = re.compile(r"[\W_]+")


def _words(text: str) -> list[str]:
    return _NOT_WORD.sub(" ", fold(text)).split()


def read_procedures(
    text: str,
    offered: list[ProcedureChoice],
    catalog: list[ProcedureChoice],
    *,
    has: set[str],
    shorts: dict[str, str],
) -> ProcedureReading:
    """Read '1, 3', 'KS', 'khai sinh + tạm trú' against the procedures offered (numbered
    as shown). A part names a procedure surely by its number, its code, its whole name or
    button label, or the last words of its name that no other procedure ends with ("khai
    sinh" → Đăng ký khai sinh, never «Liên thông khai sinh – …»), read against the whole
    catalog so that a procedure the household already has is said so. Any other part that
    is found inside names is `unsure`: asked, never picked. FormError: nothing fits."""
    clean_text = text.strip()
    if not clean_text:
        raise FormError("procedure_empty")
    tokens = [tok for tok in _SPLIT_PROCEDURES.split(clean_text) if tok]
    if len(tokens) == 1 and re.fullmatch(r"[\d\s]+", tokens[0]):
        tokens = tokens[0].split()
    reading = ProcedureReading()
    offered_codes = {p.code for p in offered}
    for token in tokens:
        if token.isdigit():
            index = int(token)
            if not 1 <= index <= len(offered):
                raise FormError("procedure_number", token=token, count=len(offered))
            code = offered[index - 1].code
        else:
            sure = _sure(token, catalog, shorts)
            partial = [p for p in _partial(token, offered, shorts) if p is not sure]
            if sure is not None and sure.code in offered_codes:
                code = sure.code
            elif sure is not None:
                reading.had.append(sure.code)
                if partial:
                    reading.unsure.append((token, partial))
                continue
            elif partial:
                reading.unsure.append((token, partial))
                continue
            else:
                had = [p.code for p in _partial(token, catalog, shorts) if p.code in has]
                if not had:
                    raise FormError("procedure_unknown", token=token)
                reading.had += had
                continue
        if code not in reading.codes:
            reading.codes.append(code)
    order = {p.code: i for i, p in enumerate(offered)}
    reading.codes.sort(key=order.__getitem__)
    return reading


def _sure(
    token: str, catalog: list[ProcedureChoice], shorts: dict[str, str]
) -> ProcedureChoice | None:
    for proc in catalog:
        if proc.code.casefold() == token.strip().casefold():
            return proc
    key = _words(token)
    if not key:
        return None
    whole = [
        p
        for p in catalog
        if _words(p.name) == key or (shorts.get(p.code) and _words(shorts[p.code]) == key)
    ]
    if len(whole) == 1:
        return whole[0]
    if len(whole) > 1 or len(key) < 2:
        return None
    ends = [p for p in catalog if _words(p.name)[-len(key) :] == key]
    return ends[0] if len(ends) == 1 else None


def _partial(
    token: str, choices: list[ProcedureChoice], shorts: dict[str, str]
) -> list[ProcedureChoice]:
    """Procedures the token is found inside, or whose name and label hold all its words
    ("thẻ BHYT": «Liên thông … cấp thẻ BHYT …» and «Gia hạn thẻ bảo hiểm y tế» (Gia hạn
    BHYT))."""
    words = _words(token)
    key = " ".join(words)
    if len(key.replace(" ", "")) < 3:
        return []
    hits = []
    for proc in choices:
        name, label = _words(proc.name), _words(shorts.get(proc.code, ""))
        if key in " ".join(name) or key in " ".join(label) or set(words) <= {*name, *label}:
            hits.append(proc)
    return hits


def _unclear(
    ctx: Ctx, d: dict[str, Any], reading: ProcedureReading, offered: list[ProcedureChoice]
) -> str:
    """Why a typed answer was not taken: procedures the household has (with the day),
    then the parts that only partly match, with the numbers of what they might mean."""
    catalog = {p.code: p.name for p in offered + list(ctx.catalog or [])}
    days = d.get("has_days") if isinstance(d.get("has_days"), dict) else {}
    lines = []
    for code in dict.fromkeys(reading.had):
        day = days.get(code) if days else None
        name = catalog.get(code, code)
        if isinstance(day, str):
            shown = fmt_date(date.fromisoformat(day))
            lines.append(ctx.t("procedure_had_on", name=name, day=shown))
        else:
            lines.append(ctx.t("procedure_had", name=name))
    number = {p.code: i for i, p in enumerate(offered, 1)}
    for token, choices in reading.unsure:
        names = "; ".join(f"{number[p.code]}. {p.name}" for p in choices[:4])
        key = "procedure_partial_other" if reading.had else "procedure_partial"
        lines.append(ctx.t(key, token=token[:40], names=names))
    return "\n".join(lines)


def _is_done_word(text: str) -> bool:
    return fold(text) in {"xong", "done", "ok", "xong roi"}


@router.on_state(AddState.CONFIRM)
async def on_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await reask(ctx)
    d = draft(ctx)
    if d.get("mode") != "edit" and answer.value != "cancel":
        # A summary waiting for "Lưu" from before households were stored at once.
        return await advance(ctx, d)
    if answer.value == "save":
        return await _save_edit(ctx, d)
    if answer.value == "edit":
        return [_ask_which_field(ctx, d)]
    if answer.value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("edit_cancelled"))]
    return [Reply(ctx.t("choose_option")), await ask_confirm(ctx, d)]


def _ask_which_field(ctx: Ctx, d: dict[str, Any]) -> Reply:
    opts = [Option(ctx.t(f"field_{f}"), f) for f in FIELDS]
    opts.append(Option(ctx.t("opt_back"), "back"))
    return ask(ctx, AddState.FIELD, ctx.t("ask_which_field"), opts, draft=d, per_row=2)


@router.on_state(AddState.FIELD)
async def on_field(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await reask(ctx)
    d = draft(ctx)
    if answer.value == "back":
        return [await ask_confirm(ctx, d)]
    if answer.value in FIELDS:
        if answer.value == "procedures":
            d["procedures_ok"] = False
            return [await ask_procedures(ctx, d)]
        return [await _field_question(ctx, answer.value, d)]
    return [Reply(ctx.t("choose_option")), _ask_which_field(ctx, d)]


# --- duplicates -----------------------------------------------------------------------


def _ask_duplicate(ctx: Ctx, d: dict[str, Any], dups: list[Duplicate]) -> Reply:
    # Only this hamlet's households are shown and can be added to. Another hamlet's (a
    # phone match: names only match within the hamlet) stays out of reach: not its id, name,
    # address, procedures or officer, only that the phone is recorded elsewhere and what to
    # do about it. Its household is never joined from here.
    own = [dup for dup in dups if dup.household.hamlet_id == ctx.me.hamlet_id]
    elsewhere = len(own) < len(dups)
    d["duplicates"] = [dup.household.id for dup in own]
    lines = [ctx.t("dup_title", name=d["name"])]
    same: list[Option] = []
    for dup in own:
        hh = dup.household
        lines.append(
            ctx.t(
                "dup_line",
                id=hh.id,
                name=hh.head_name,
                address=hh.address,
                phone=fmt_phone(hh.phone),
                reason=ctx.t(f"dup_reason_{dup.reason}"),
            )
        )
        if dup.procedures:
            lines.append(
                ctx.t(
                    "dup_done",
                    names="; ".join(dup.procedures),
                    day=fmt_date(dup.last_guided_on) if dup.last_guided_on else "",
                    officer=dup.officer_name,
                )
            )
        label_key = "opt_dup_same" if len(own) == 1 else "opt_dup_same_n"
        same.append(Option(ctx.t(label_key, id=hh.id), f"same:{hh.id}"))
    if elsewhere:
        lines.append(ctx.t("dup_other_hamlet"))
    lines.append(ctx.t("dup_question"))
    shared_phone = any(dup.by_phone for dup in dups)
    # Merging is never first: a "1" typed in haste must not join two families.
    opts = [
        Option(ctx.t("opt_dup_other_phone" if shared_phone else "opt_dup_other"), "other"),
        *same,
        Option(ctx.t("opt_dup_mistake"), "mistake"),
    ]
    return ask(ctx, AddState.DUPLICATE, "\n".join(lines), opts, draft=d)


@router.on_state(AddState.DUPLICATE)
async def on_duplicate(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await reask(ctx)
    d = draft(ctx)
    value = answer.value or ""
    if (
        value.startswith("same:")
        and value[5:].isdigit()
        and int(value[5:]) in (d.get("duplicates") or [])
    ):
        d["dup_answer"] = value
        return await advance(ctx, d)
    if value == "other":
        d["dup_answer"] = "other"
        return await advance(ctx, d)
    if value == "mistake":
        await close(ctx)
        return [Reply(ctx.t("dropped_entry")), *await next_waiting(ctx)]
    return [Reply(ctx.t("choose_option")), *await reask(ctx)]


# --- saving -----------------------------------------------------------------------------


def _input(d: dict[str, Any]) -> HouseholdInput:
    return HouseholdInput(
        name=d["name"],
        address=d["address"],
        phone=d["phone"],
        procedure_codes=tuple(d["procedures"]),
        dossier_code=d["dossier"],
        guided_on=date.fromisoformat(d["date"]),
    )


async def _store(ctx: Ctx, d: dict[str, Any], dups: list[Duplicate]) -> Entry:
    answer = str(d.get("dup_answer") or "")
    hamlet_id = ctx.me.hamlet_id
    assert hamlet_id is not None
    if answer.startswith("same:") and int(answer[5:]) in (d.get("duplicates") or []):
        try:
            return await add_to_household(
                ctx.session,
                household_id=int(answer[5:]),
                hamlet_id=hamlet_id,
                data=_input(d),
                officer=ctx.me,
                now=ctx.now,
            )
        except OtherHamlet:
            # A draft from an older version offered another hamlet's household: it is
            # stored for this hamlet instead, as a household of its own.
            answer = d["dup_answer"] = "other"
    shared = False
    if answer == "other":
        # Only a phone match means a shared phone; a name+address match is a namesake.
        shared = any(dup.by_phone for dup in await _duplicates(ctx, d))
        d["shared_phone"] = shared
    return await create_household_entry(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        hamlet_id=hamlet_id,
        data=_input(d),
        officer=ctx.me,
        now=ctx.now,
        shares_phone=shared,
    )


def _saved_key(d: dict[str, Any], entry: Entry) -> str:
    answer = str(d.get("dup_answer") or "")
    if answer.startswith("same:"):
        return "saved_same_household"
    if answer == "other":
        return "saved_other_household" if d.get("shared_phone") else "saved_separate_household"
    return "saved_new"


async def _saved(ctx: Ctx, entry: Entry, d: dict[str, Any], *, resolved: bool) -> list[Reply]:
    """The stored household with ✏️ Sửa / ↩️ Hoàn tác, then the next waiting household."""
    row_id = d.get("roster_row")
    if isinstance(row_id, int):
        # Started from a /chuahuongdan suggestion: the household is that roster row.
        with contextlib.suppress(LinkError):
            await link(
                ctx.session,
                row_id=row_id,
                household_id=entry.household_id,
                actor_id=ctx.me.id,
                now=ctx.now,
            )
    lines = [ctx.t(_saved_key(d, entry), id=entry.id), await summary(ctx, d)]
    late = _late_note(ctx, d)
    if late:
        lines.append(late)
    if d.get("visit"):
        lines.append(await _prize_line(ctx, entry.household_id))
    hamlet = await ctx.hamlet()
    if hamlet is not None:
        prog = await hamlet_coverage(
            ctx.session,
            campaign_id=await ctx.campaign_id(),
            hamlet_id=hamlet.id,
            today=ctx.arrival_day,
        )
        lines.append(
            ctx.t(
                "saved_progress",
                hamlet=hamlet.name,
                guided=prog.guided,
                total=prog.total,
                pct=fmt_pct(ctx.lang, prog.coverage),
            )
        )
    earlier = await _guided_earlier(ctx, entry, d)
    if earlier:
        lines.append(earlier)
    undo = ctx.settings.chat.undo_minutes
    actions = [
        Option(ctx.t("opt_edit"), f"act:edit:{entry.id}", typed=ctx.t("typed_edit", id=entry.id))
    ]
    if undo:
        lines.append(ctx.t("saved_undo_hint", minutes=undo))
        actions.append(
            Option(
                ctx.t("opt_undo"), f"act:undo:{entry.id}", typed=ctx.t("typed_undo", id=entry.id)
            )
        )
    text = "\n".join(lines)
    more = await next_waiting(ctx) if resolved or ctx.dialog is None else []
    if ctx.dialog is not None:
        # Another household's question is open: numbers answer that one, so text channels
        # name the words to type for these actions, and the question is shown again last.
        again = [] if more else await _still_open(ctx)
        return [Reply(text, tuple(actions), options_per_row=2, words_only=True), *more, *again]
    return [
        ask(ctx, EntryState.SAVED, text, actions, draft={"entry_id": entry.id}, per_row=2),
        *more,
    ]


async def _guided_earlier(ctx: Ctx, entry: Entry, d: dict[str, Any]) -> str:
    """A word when an earlier campaign guided this household too: it still counts for this
    one (each campaign counts its own), but the officer may want to know."""
    campaigns = await ctx.earlier_campaign_ids()
    if not campaigns:
        return ""  # one campaign in the database: no query
    visit = await guided_earlier(
        ctx.session,
        campaign_ids=list(campaigns),
        hamlet_id=entry.hamlet_id,
        phone=str(d.get("phone") or ""),
        name_folded=fold(str(d.get("name") or "")),
    )
    if visit is None:
        return ""
    return ctx.t(
        "guided_in_earlier_campaign",
        campaign=visit.campaign_name,
        code=visit.campaign_code,
        day=fmt_date(visit.last_day),
    )


async def _prize_line(ctx: Ctx, household_id: int) -> str:
    """What the special prize still needs for this household, now."""
    (card,) = await cards(
        ctx.session,
        household_ids=[household_id],
        campaign=ctx.settings.campaign,
        campaign_id=await ctx.campaign_id(),
        today=ctx.arrival_day,
    )
    if card.missing:
        return ctx.t(
            "find_saved_prize_missing",
            done=len(card.done),
            required=card.required,
            missing=card.missing,
        )
    return ctx.t("find_saved_prize_done", required=card.required)


async def _still_open(ctx: Ctx) -> list[Reply]:
    """The household question still waiting, shown again under what came in between, so the
    next "1" answers the question on screen."""
    return [Reply(ctx.t("still_open")), *await reask(ctx)]


def _late_note(ctx: Ctx, d: dict[str, Any]) -> str:
    """A message written well before it arrived was stored under its writing day: say so."""
    if d.get("date_typed") or not d.get("written") or not d.get("arrived"):
        return ""
    written = datetime.fromisoformat(str(d["written"]))
    arrived = datetime.fromisoformat(str(d["arrived"]))
    if arrived - written < LATE:
        return ""
    tz = ctx.settings.timezone
    return ctx.t(
        "late_message",
        written=written.astimezone(tz).strftime("%H:%M %d/%m"),
        arrived=arrived.astimezone(tz).strftime("%H:%M %d/%m"),
    )


async def next_waiting(ctx: Ctx) -> list[Reply]:
    """With no household question open: ask the next queued household, or mention those
    set aside."""
    if await ctx.closed_hamlet() is not None:
        return []  # nothing more is logged for this hamlet: its drafts stay as they are
    rows = await waiting(ctx.session, ctx.me.id)
    queued = next((r for r in rows if r.draft.get("queued")), None)
    if queued is not None:
        d = dict(queued.draft)
        await ctx.session.delete(queued)
        d.pop("queued", None)
        return [Reply(ctx.t("queue_next", name=_draft_name(ctx, d))), *await advance(ctx, d)]
    if rows:
        return [
            Reply(ctx.t("drafts_waiting", count=len(rows), name=_draft_name(ctx, rows[0].draft)))
        ]
    return []


async def _save_edit(ctx: Ctx, d: dict[str, Any]) -> list[Reply]:
    entry = await own_entry(
        ctx.session, ctx.me, int(d["entry_id"]), campaign_id=await ctx.campaign_id()
    )
    if entry is None:
        await close(ctx)
        return [Reply(ctx.t("entry_not_found", id=d["entry_id"]))]
    if _missing(d) is not None:
        return await advance(ctx, d)
    changed = await edit_entry(ctx.session, entry=entry, data=_input(d), editor=ctx.me, now=ctx.now)
    await close(ctx)
    return [Reply(ctx.t("edited" if changed else "edit_nothing", id=entry.id))]


# /help: logging households, for everyone attached to a hamlet.
router.add_help(
    10,
    LOGS,
    lambda ctx: ctx.t("help_officer", procedure=ctx.settings.procedures[0].name),
    loggable=True,
)
