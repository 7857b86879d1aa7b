"""Logging a household: the guided dialog, the one-line form, duplicates, and saving."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from typing import Any

from handlers.context import Ctx
from handlers.dialog import REPEAT, Answer, ask, close, command, draft, on_state, save_draft
from handlers.form_errors import FormError
from handlers.household_form import (
    ProcedureChoice,
    check_address,
    check_dossier,
    check_name,
    check_phone,
    looks_like_one_line,
    match_procedures,
    parse_day,
    parse_one_line,
)
from handlers.i18n import fmt_date, fmt_pct, fmt_phone, fmt_short_date
from handlers.io import Option, Reply
from models.households import Entry
from models.phones import format_old
from models.progress import hamlet_progress
from models.registry import (
    Duplicate,
    HouseholdInput,
    active_procedures,
    add_to_household,
    create_household_entry,
    edit_entry,
    find_duplicates,
    load_entry,
)
from models.roster_match import LinkError, link
from models.text import fold

FIELDS = ("name", "address", "phone", "procedures", "dossier", "date")


# --- entry points -----------------------------------------------------------------------


def _can_log(ctx: Ctx) -> bool:
    return ctx.me.hamlet_id is not None


@command("them", "add", "ghi")
async def cmd_add(ctx: Ctx, arg: str) -> list[Reply]:
    if not _can_log(ctx):
        return [Reply(ctx.t("add_needs_hamlet"))]
    notice = [Reply(ctx.t("dialog_replaced"))] if ctx.dialog is not None and \
        ctx.dialog.state.startswith(("add.", "edit.", "delete.")) else []
    if arg:
        return notice + await one_line(ctx, arg)
    return [*notice, ask(ctx, "add.name", ctx.t("ask_name"), draft={"mode": "add"})]


async def free_text(ctx: Ctx, raw: str) -> list[Reply]:
    """A message outside any dialog: the one-line form if it has the shape, else a hint."""
    if _can_log(ctx) and looks_like_one_line(raw):
        return await one_line(ctx, raw)
    if not raw.strip():
        return [Reply(ctx.t("not_understood_empty"))]
    return [Reply(ctx.t("not_understood"))]


async def _catalog(ctx: Ctx) -> list[ProcedureChoice]:
    # Read once per message: the one-line form and its summary both need it.
    if ctx.catalog is None:
        ctx.catalog = [ProcedureChoice(p.code, p.name)
                       for p in await active_procedures(ctx.session)]
    return ctx.catalog


async def one_line(ctx: Ctx, raw: str) -> list[Reply]:
    catalog = await _catalog(ctx)
    parsed = parse_one_line(raw, catalog, ctx.today, ctx.settings.campaign)
    d = {"mode": "add", **parsed.draft}
    replies: list[Reply] = []
    if parsed.error is not None:
        replies.append(Reply(ctx.t(parsed.error.key, **parsed.error.values)))
    elif d.get("phone_old"):
        replies.append(Reply(_phone_note(ctx, d)))
    replies.append(await next_question(ctx, d))
    return replies


# --- questions ------------------------------------------------------------------------


def _missing(d: dict[str, Any]) -> str | None:
    for name in FIELDS:
        if name == "procedures":
            if not d.get("procedures") or not d.get("procedures_ok"):
                return name
        elif d.get(name) is None:
            return name
    return None


async def next_question(ctx: Ctx, d: dict[str, Any]) -> Reply:
    field = _missing(d)
    if field is None:
        return await ask_confirm(ctx, d)
    return await ask_field(ctx, field, d)


async def ask_field(ctx: Ctx, field: str, d: dict[str, Any]) -> Reply:
    if field == "name":
        return ask(ctx, "add.name", ctx.t("ask_name"), draft=d)
    if field == "address":
        hamlet = await ctx.hamlet()
        opts = [Option(hamlet.name, "hamlet")] if hamlet else []
        return ask(ctx, "add.address", ctx.t("ask_address"), opts, draft=d)
    if field == "phone":
        return ask(ctx, "add.phone", ctx.t("ask_phone"), draft=d)
    if field == "procedures":
        return await ask_procedures(ctx, d)
    if field == "dossier":
        return ask(ctx, "add.dossier", ctx.t("ask_dossier"),
                   [Option(ctx.t("opt_skip"), "skip")], draft=d)
    today = ctx.today
    return ask(ctx, "add.date", ctx.t("ask_date"), [
        Option(ctx.t("opt_today", day=fmt_short_date(today)), "today"),
        Option(ctx.t("opt_yesterday", day=fmt_short_date(today - timedelta(days=1))),
               "yesterday"),
    ], draft=d, per_row=2)


async def ask_procedures(ctx: Ctx, d: dict[str, Any], prefix: str = "") -> Reply:
    chosen = set(d.get("procedures") or [])
    catalog = await _catalog(ctx)
    opts = [Option(("✅ " if p.code in chosen else "") + p.name, "p:" + p.code)
            for p in catalog]
    if chosen:
        opts.append(Option(ctx.t("opt_done"), "done"))
    names = [p.name for p in catalog if p.code in chosen]
    text = ctx.t("ask_procedures")
    if names:
        text += "\n" + ctx.t("procedures_chosen", names="; ".join(names))
    return ask(ctx, "add.procedures", (prefix + "\n" if prefix else "") + text, opts, draft=d)


async def ask_confirm(ctx: Ctx, d: dict[str, Any]) -> Reply:
    d.pop("pending", None)
    opts = [Option(ctx.t("opt_save"), "save"), Option(ctx.t("opt_edit"), "edit"),
            Option(ctx.t("opt_cancel"), "cancel")]
    return ask(ctx, "add.confirm", await summary(ctx, d), opts, draft=d, per_row=3)


async def summary(ctx: Ctx, d: dict[str, Any]) -> str:
    catalog = await _catalog(ctx)
    names = [p.name for p in catalog if p.code in set(d.get("procedures") or [])]
    title = ctx.t("summary_title_edit", id=d["entry_id"]) if d.get("mode") == "edit" \
        else ctx.t("summary_title")
    return "\n".join([
        title,
        ctx.t("summary_name", name=d["name"]),
        ctx.t("summary_address", address=d["address"]),
        ctx.t("summary_phone", phone=fmt_phone(d["phone"])),
        ctx.t("summary_procedures", names="; ".join(names)),
        ctx.t("summary_dossier", dossier=d["dossier"] or ctx.t("none")),
        ctx.t("summary_date", day=fmt_date(date.fromisoformat(d["date"]))),
    ])


async def _reask(ctx: Ctx) -> list[Reply]:
    d = draft(ctx)
    state = ctx.dialog.state if ctx.dialog else ""
    if state == "add.confirm":
        return [await ask_confirm(ctx, d)]
    if state == "add.field":
        return [_ask_which_field(ctx, d)]
    if state == "add.duplicate":
        return await _ask_duplicate(ctx, d)
    return [await ask_field(ctx, state.removeprefix("add."), d)]


def _phone_note(ctx: Ctx, d: dict[str, Any]) -> str:
    return ctx.t("phone_converted", old=format_old(d["phone_old"]), new=fmt_phone(d["phone"]))


# --- answers --------------------------------------------------------------------------


async def _field_answer(ctx: Ctx, answer: Answer, field: str) -> list[Reply]:
    if answer.value == REPEAT:
        return await _reask(ctx)
    d = draft(ctx)
    extra: list[Reply] = []
    try:
        if field == "name":
            d["name"] = check_name(answer.text)
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
            d["dossier"] = "" if answer.value == "skip" else check_dossier(answer.text)
        elif field == "date":
            if answer.value == "today":
                day = ctx.today
            elif answer.value == "yesterday":
                day = parse_day("hôm qua", ctx.today, ctx.settings.campaign)
            else:
                day = parse_day(answer.text, ctx.today, ctx.settings.campaign)
            d["date"] = day.isoformat()
    except FormError as err:
        return [Reply(ctx.t(err.key, **err.values)), await ask_field(ctx, field, d)]
    return [*extra, await next_question(ctx, d)]


@on_state("add.name", "add.address", "add.phone", "add.dossier", "add.date")
async def on_field_answer(ctx: Ctx, answer: Answer) -> list[Reply]:
    state = ctx.dialog.state if ctx.dialog else "add.name"
    return await _field_answer(ctx, answer, state.removeprefix("add."))


@on_state("add.procedures")
async def on_procedures(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await _reask(ctx)
    d = draft(ctx)
    chosen: list[str] = list(d.get("procedures") or [])
    if answer.value == "done" or (answer.value is None and _is_done_word(answer.text)):
        if not chosen:
            return [await ask_procedures(ctx, d, ctx.t("procedure_empty"))]
        d["procedures_ok"] = True
        return [await next_question(ctx, d)]
    if answer.value and answer.value.startswith("p:") and answer.text:
        # A typed number is a whole answer (text channels have no toggling buttons).
        d["procedures"], d["procedures_ok"] = [answer.value[2:]], True
        return [await next_question(ctx, d)]
    if answer.value and answer.value.startswith("p:"):
        code = answer.value[2:]
        if code in chosen:
            chosen.remove(code)
        else:
            chosen.append(code)
        d["procedures"] = chosen
        return [await ask_procedures(ctx, d)]
    # Typed: "1, 3" or names. A typed list is a complete answer: no need to press Done.
    try:
        d["procedures"] = match_procedures(answer.text, await _catalog(ctx))
    except FormError as err:
        return [await ask_procedures(ctx, d, ctx.t(err.key, **err.values))]
    d["procedures_ok"] = True
    return [await next_question(ctx, d)]


def _is_done_word(text: str) -> bool:
    return fold(text) in {"xong", "done", "ok", "xong roi"}


@on_state("add.confirm")
async def on_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await _reask(ctx)
    d = draft(ctx)
    if answer.value == "save":
        return await _save(ctx, d)
    if answer.value == "edit":
        return [_ask_which_field(ctx, d)]
    if answer.value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("cancelled_entry"))]
    return [Reply(ctx.t("choose_option")), await ask_confirm(ctx, d)]


def _ask_which_field(ctx: Ctx, d: dict[str, Any]) -> Reply:
    opts = [Option(ctx.t(f"field_{f}"), f) for f in FIELDS]
    opts.append(Option(ctx.t("opt_back"), "back"))
    return ask(ctx, "add.field", ctx.t("ask_which_field"), opts, draft=d, per_row=2)


@on_state("add.field")
async def on_field(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await _reask(ctx)
    d = draft(ctx)
    if answer.value == "back":
        return [await ask_confirm(ctx, d)]
    if answer.value in FIELDS:
        if answer.value == "procedures":
            d["procedures_ok"] = False
            return [await ask_procedures(ctx, d)]
        return [await ask_field(ctx, answer.value, d)]
    return [Reply(ctx.t("choose_option")), _ask_which_field(ctx, d)]


# --- saving and duplicates -------------------------------------------------------------


def _input(d: dict[str, Any]) -> HouseholdInput:
    return HouseholdInput(name=d["name"], address=d["address"], phone=d["phone"],
                          procedure_codes=tuple(d["procedures"]), dossier_code=d["dossier"],
                          guided_on=date.fromisoformat(d["date"]))


async def _save(ctx: Ctx, d: dict[str, Any]) -> list[Reply]:
    if _missing(d) is not None:  # a draft from an older version or a stale path
        return [await next_question(ctx, d)]
    if d.get("mode") == "edit":
        return await _save_edit(ctx, d)
    dups = await find_duplicates(ctx.session, campaign_id=await ctx.campaign_id(),
                                 name=d["name"], address=d["address"], phone=d["phone"])
    if dups:
        d["duplicates"] = [dup.household.id for dup in dups]
        save_draft(ctx, d)
        return await _ask_duplicate(ctx, d, dups)
    hamlet_id = ctx.me.hamlet_id
    assert hamlet_id is not None
    entry = await create_household_entry(
        ctx.session, campaign_id=await ctx.campaign_id(), hamlet_id=hamlet_id,
        data=_input(d), officer=ctx.me, now=ctx.now)
    return await _saved(ctx, entry, "saved_new")


async def _saved(ctx: Ctx, entry: Entry, key: str) -> list[Reply]:
    row_id = draft(ctx).get("roster_row")
    if isinstance(row_id, int):
        # Started from a /chuahuongdan suggestion: the household is that roster row.
        with contextlib.suppress(LinkError):
            await link(ctx.session, row_id=row_id, household_id=entry.household_id,
                       actor_id=ctx.me.id, now=ctx.now)
    hamlet = await ctx.hamlet()
    text = ctx.t(key, id=entry.id)
    if hamlet is not None:
        prog = await hamlet_progress(ctx.session, campaign_id=await ctx.campaign_id(),
                                     hamlet=hamlet, campaign=ctx.settings.campaign,
                                     today=ctx.today)
        text += "\n" + ctx.t("saved_progress", hamlet=hamlet.name, guided=prog.guided,
                             total=prog.total, pct=fmt_pct(ctx.lang, prog.coverage))
    opts = [Option(ctx.t("opt_add_next"), "add"), Option(ctx.t("opt_progress"), "progress")]
    return [ask(ctx, "menu", text, opts, draft={}, per_row=2)]


async def _ask_duplicate(ctx: Ctx, d: dict[str, Any],
                         dups: list[Duplicate] | None = None) -> list[Reply]:
    if dups is None:
        dups = await find_duplicates(ctx.session, campaign_id=await ctx.campaign_id(),
                                     name=d["name"], address=d["address"], phone=d["phone"])
        if not dups:
            return await _save(ctx, d)
    lines = [ctx.t("dup_title")]
    opts: list[Option] = []
    for dup in dups:
        hh = dup.household
        reason = ctx.t("dup_by_phone") if dup.by_phone else ctx.t("dup_by_name")
        if hh.hamlet_id == ctx.me.hamlet_id:
            lines.append(ctx.t("dup_line", id=hh.id, name=hh.head_name, address=hh.address,
                               phone=fmt_phone(hh.phone), reason=reason))
        else:
            # Another hamlet's household: say it exists, without its personal data.
            lines.append(ctx.t("dup_line_other_hamlet", id=hh.id, reason=reason))
        if dup.procedures:
            lines.append(ctx.t("dup_done", names="; ".join(dup.procedures),
                               day=fmt_date(dup.last_guided_on) if dup.last_guided_on else "",
                               officer=dup.officer_name))
        label_key = "opt_dup_same" if len(dups) == 1 else "opt_dup_same_n"
        opts.append(Option(ctx.t(label_key, id=hh.id), f"same:{hh.id}"))
    lines.append(ctx.t("dup_question"))
    opts.append(Option(ctx.t("opt_dup_other"), "other"))
    opts.append(Option(ctx.t("opt_dup_mistake"), "mistake"))
    return [ask(ctx, "add.duplicate", "\n".join(lines), opts, draft=d)]


@on_state("add.duplicate")
async def on_duplicate(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return await _reask(ctx)
    d = draft(ctx)
    value = answer.value or ""
    if value.startswith("same:") and value[5:].isdigit():
        household_id = int(value[5:])
        if household_id not in (d.get("duplicates") or []):
            return await _ask_duplicate(ctx, d)
        entry = await add_to_household(ctx.session, household_id=household_id, data=_input(d),
                                       officer=ctx.me, now=ctx.now)
        return await _saved(ctx, entry, "saved_same_household")
    if value == "other":
        hamlet_id = ctx.me.hamlet_id
        assert hamlet_id is not None
        # Only a phone match means a shared phone; a name+address match is just a namesake.
        dups = await find_duplicates(ctx.session, campaign_id=await ctx.campaign_id(),
                                     name=d["name"], address=d["address"], phone=d["phone"])
        shared = any(dup.by_phone for dup in dups)
        entry = await create_household_entry(
            ctx.session, campaign_id=await ctx.campaign_id(), hamlet_id=hamlet_id,
            data=_input(d), officer=ctx.me, now=ctx.now, shares_phone=shared)
        key = "saved_other_household" if shared else "saved_separate_household"
        return await _saved(ctx, entry, key)
    if value == "mistake":
        await close(ctx)
        return [Reply(ctx.t("dropped_entry"))]
    return [Reply(ctx.t("choose_option")), *await _ask_duplicate(ctx, d)]


async def _save_edit(ctx: Ctx, d: dict[str, Any]) -> list[Reply]:
    entry = await load_entry(ctx.session, int(d["entry_id"]))
    if entry is None or entry.deleted_at is not None or entry.officer_id != ctx.me.id:
        await close(ctx)
        return [Reply(ctx.t("entry_not_found", id=d["entry_id"]))]
    changed = await edit_entry(ctx.session, entry=entry, data=_input(d), editor=ctx.me,
                               now=ctx.now)
    await close(ctx)
    return [Reply(ctx.t("edited" if changed else "edit_nothing", id=entry.id))]


# --- after saving: quick buttons --------------------------------------------------------


@on_state("menu")
async def on_menu(ctx: Ctx, answer: Answer) -> list[Reply]:
    from handlers.progress import cmd_progress

    if answer.value == "add":
        return await cmd_add(ctx, "")
    if answer.value == "progress":
        await close(ctx)
        return await cmd_progress(ctx, "")
    if answer.value == REPEAT:
        return []
    await close(ctx)
    return await free_text(ctx, ctx.inbound.text)
