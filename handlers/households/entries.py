"""An officer's own entries: list (/cuatoi), edit (/sua) and soft-delete (/xoa)."""

from __future__ import annotations

from datetime import timedelta

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_date, fmt_phone, fmt_short_date
from handlers.engine.messages import Option, Reply
from handlers.engine.router import LOGS, Menu, Router
from handlers.engine.states import DeleteState, EntryState
from handlers.households.add import ask_confirm
from models.households import Entry
from models.registry import count_my_entries, my_entries, own_entry, soft_delete_entry
from models.text import clean

router = Router("entries")

REASON_MAX = 300


def _entry_line(ctx: Ctx, entry: Entry) -> str:
    hh = entry.household
    procs = "; ".join(p.name for p in entry.procedures)
    text = ctx.t(
        "entry_line",
        id=entry.id,
        day=fmt_date(entry.guided_on),
        name=hh.head_name,
        phone=fmt_phone(hh.phone),
        address=hh.address,
        procedures=procs,
    )
    if entry.dossier_code:
        text += "\n" + ctx.t("entry_line_dossier", dossier=entry.dossier_code)
    return text


@router.command("cuatoi", "mine", "danhsach", menu=Menu(20, "mine", "cmd_mine", LOGS))
async def cmd_mine(ctx: Ctx, arg: str) -> list[Reply]:
    entries = await my_entries(ctx.session, ctx.me, limit=10, newest_saved=True)
    if not entries:
        return [Reply(ctx.t("mine_empty"))]
    total = await count_my_entries(ctx.session, ctx.me)
    lines = [ctx.t("mine_title", shown=len(entries), total=total)]
    lines += [_entry_line(ctx, e) for e in entries]
    lines.append(ctx.t("mine_hint"))
    return [Reply("\n\n".join(lines))]


async def _own_entry(ctx: Ctx, raw_id: str) -> Entry | None:
    """One of the sender's own live entries of their hamlet (`models.registry._mine`)."""
    digits = raw_id.strip().lstrip("#")
    if not digits.isdigit() or len(digits) > 18:
        return None
    return await own_entry(ctx.session, ctx.me, int(digits))


async def _pick(ctx: Ctx, purpose: str, arg: str) -> list[Reply]:
    if arg:
        entry = await _own_entry(ctx, arg)
        if entry is None:
            return [Reply(ctx.t("entry_not_found", id=arg.strip().lstrip("#")[:12]))]
        return await _picked(ctx, purpose, entry)
    entries = await my_entries(ctx.session, ctx.me, limit=8, newest_saved=True)
    if not entries:
        return [Reply(ctx.t("mine_empty"))]
    opts = [
        Option(f"#{e.id} {e.household.head_name} ({fmt_short_date(e.guided_on)})", str(e.id))
        for e in entries
    ]
    opts.append(Option(ctx.t("opt_cancel"), "cancel"))
    key = "ask_pick_edit" if purpose == "edit" else "ask_pick_delete"
    return [ask(ctx, EntryState.PICK, ctx.t(key), opts, draft={"purpose": purpose})]


async def _picked(ctx: Ctx, purpose: str, entry: Entry) -> list[Reply]:
    if purpose == "edit":
        hh = entry.household
        d = {
            "mode": "edit",
            "entry_id": entry.id,
            "name": hh.head_name,
            "address": hh.address,
            "phone": hh.phone,
            "phone_old": None,
            "procedures": [p.code for p in entry.procedures],
            "procedures_ok": True,
            "dossier": entry.dossier_code,
            "date": entry.guided_on.isoformat(),
        }
        return [await ask_confirm(ctx, d)]
    opts = [
        Option(ctx.t("reason_mistake"), "mistake"),
        Option(ctx.t("reason_duplicate"), "duplicate"),
        Option(ctx.t("opt_cancel"), "cancel"),
    ]
    text = ctx.t("ask_delete_reason", line=_entry_line(ctx, entry))
    return [ask(ctx, DeleteState.REASON, text, opts, draft={"entry_id": entry.id})]


@router.command("sua", "edit", menu=Menu(30, "edit", "cmd_edit", LOGS))
async def cmd_edit(ctx: Ctx, arg: str) -> list[Reply]:
    return await _pick(ctx, "edit", arg)


@router.command("xoa", "delete", menu=Menu(40, "delete", "cmd_delete", LOGS))
async def cmd_delete(ctx: Ctx, arg: str) -> list[Reply]:
    return await _pick(ctx, "delete", arg)


@router.on_state(EntryState.PICK)
async def on_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    purpose = str(draft(ctx).get("purpose", "edit"))
    if answer.value == REPEAT:
        return await _pick(ctx, purpose, "")
    if answer.value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("cancelled"))]
    choice = answer.value or answer.text
    entry = await _own_entry(ctx, choice)
    if entry is None:
        return [
            Reply(ctx.t("entry_not_found", id=choice.strip().lstrip("#")[:12])),
            *await _pick(ctx, purpose, ""),
        ]
    return await _picked(ctx, purpose, entry)


@router.on_state(DeleteState.REASON)
async def on_reason(ctx: Ctx, answer: Answer) -> list[Reply]:
    d = draft(ctx)
    entry = await _own_entry(ctx, str(d.get("entry_id", "")))
    if entry is None:
        await close(ctx)
        return [Reply(ctx.t("entry_not_found", id=d.get("entry_id", "?")))]
    if answer.value == REPEAT:
        return await _picked(ctx, "delete", entry)
    if answer.value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("cancelled"))]
    if answer.value in ("mistake", "duplicate"):
        reason = ctx.t(f"reason_{answer.value}")
    else:
        reason = clean(answer.text)
        if len(reason) < 3:
            return [Reply(ctx.t("reason_empty")), *await _picked(ctx, "delete", entry)]
        if len(reason) > REASON_MAX:
            return [
                Reply(ctx.t("reason_too_long", limit=REASON_MAX)),
                *await _picked(ctx, "delete", entry),
            ]
    d["reason"] = reason
    opts = [Option(ctx.t("opt_confirm_delete"), "yes"), Option(ctx.t("opt_keep"), "no")]
    return [
        ask(
            ctx,
            DeleteState.CONFIRM,
            ctx.t("ask_delete_confirm", id=entry.id, reason=reason),
            opts,
            draft=d,
            per_row=2,
        )
    ]


@router.on_state(DeleteState.CONFIRM)
async def on_delete_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    d = draft(ctx)
    entry = await _own_entry(ctx, str(d.get("entry_id", "")))
    if entry is None:
        await close(ctx)
        return [Reply(ctx.t("entry_not_found", id=d.get("entry_id", "?")))]
    if answer.value == "yes":
        await soft_delete_entry(
            ctx.session, entry=entry, reason=str(d["reason"]), actor=ctx.me, now=ctx.now
        )
        await close(ctx)
        return [Reply(ctx.t("deleted", id=entry.id))]
    if answer.value == "no":
        await close(ctx)
        return [Reply(ctx.t("delete_kept", id=entry.id))]
    opts = [Option(ctx.t("opt_confirm_delete"), "yes"), Option(ctx.t("opt_keep"), "no")]
    return [
        ask(
            ctx,
            DeleteState.CONFIRM,
            ctx.t("ask_delete_confirm", id=entry.id, reason=d.get("reason", "")),
            opts,
            per_row=2,
        )
    ]


# --- right after saving: ✏️ Sửa / ↩️ Hoàn tác ---------------------------------------------


async def on_action(ctx: Ctx, action: str) -> list[Reply]:
    """A button on a saved household, pressed whenever: 'edit:12' or 'undo:12'."""
    what, _, raw_id = action.partition(":")
    if what == "undo":
        return await _undo(ctx, raw_id)
    entry = await _own_entry(ctx, raw_id)
    if entry is None:
        return [Reply(ctx.t("entry_not_found", id=raw_id[:12]))]
    if ctx.dialog is not None and ctx.dialog.state == EntryState.SAVED:
        await close(ctx)
    return await _picked(ctx, "edit", entry)


@router.on_state(EntryState.SAVED)
async def on_saved(ctx: Ctx, answer: Answer) -> list[Reply]:
    """Typed '1'/'2' (or the words) under a saved household on a text channel."""
    value = answer.value or ""
    if value.startswith("act:"):
        return await on_action(ctx, value[4:])
    return []


@router.command("hoantac", "undo")
async def cmd_undo(ctx: Ctx, arg: str) -> list[Reply]:
    """Undo a household just saved: the latest one, or the one named."""
    if arg:
        return await _undo(ctx, arg)
    latest = await my_entries(ctx.session, ctx.me, limit=1, newest_saved=True)
    if not latest:
        return [Reply(ctx.t("mine_empty"))]
    return await _undo(ctx, str(latest[0].id))


async def _undo(ctx: Ctx, raw_id: str) -> list[Reply]:
    entry = await _own_entry(ctx, raw_id)
    if entry is None:
        digits = raw_id.strip().lstrip("#")[:12]
        return [Reply(ctx.t("undo_gone", id=digits))]
    minutes = ctx.settings.chat.undo_minutes
    if ctx.now - entry.created_at > timedelta(minutes=minutes):
        return [Reply(ctx.t("undo_too_late", id=entry.id, minutes=minutes))]
    await soft_delete_entry(
        ctx.session, entry=entry, reason=ctx.t("undo_reason"), actor=ctx.me, now=ctx.now
    )
    if ctx.dialog is not None and ctx.dialog.state == EntryState.SAVED:
        await close(ctx)
    return [Reply(ctx.t("undone", id=entry.id, name=entry.household.head_name))]
