"""An officer's own entries: list (/cuatoi), edit (/sua) and soft-delete (/xoa)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft, draft_int
from handlers.engine.i18n import fmt_date, fmt_phone, fmt_short_date
from handlers.engine.messages import Option, Reply
from handlers.engine.router import LOGS, Menu, Router
from handlers.engine.states import DeleteState, EntryState, FindState
from handlers.households.add import ask_confirm, free_text
from handlers.households.find import MAX_QUERY, by_phone, is_phone_only, parse_query
from handlers.households.find import on_action as find_action
from models.find import EntryFilter, my_entries_page
from models.households import Entry
from models.registry import my_entries, own_entry, soft_delete_entry
from models.text import clean, fold

router = Router("entries")

REASON_MAX = 300
MINE_PAGE = 10  # entries per page of /cuatoi
PICK_PAGE = 8  # entries offered at once by /sua and /xoa


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


_MONTH = re.compile(r"^(?:thang\s*)?(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$")
_MONTH_ONLY = re.compile(r"^thang\s*(\d{1,2})$")
# "06/12/2026", "6-12-26", "ngày 6/12": a day ("6/12" without a year: this year's).
_DAY = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}|\d{2}))?$")


def _day_filter(ctx: Ctx, folded: str, text: str) -> EntryFilter | Reply | None:
    """A day typed as /cuatoi's filter; None when the text is not a day. "6/12" is a day
    (6 December) and "12/26" a month (12/2026): the second number tells them apart."""
    match = _DAY.match(folded)
    if match is None:
        return None
    day, month, year_text = match.groups()
    if year_text is None and int(month) > 12 and not folded.startswith("ngay"):
        return None  # "12/26": a month
    year = int(year_text) if year_text else ctx.today.year
    year += 2000 if year < 100 else 0
    try:
        return EntryFilter(day=date(year, int(month), int(day)))
    except ValueError:
        return Reply(ctx.t("mine_bad_day", text=text[:20]))


def parse_filter(ctx: Ctx, arg: str) -> EntryFilter | Reply:
    """/cuatoi's filter: a day ("06/12/2026"), a month ("12/2026", "tháng 12"), a phone or
    part of one, an entry number (#12), or words of the name."""
    text = clean(arg)
    if not text:
        return EntryFilter()
    if len(text) > MAX_QUERY:
        return Reply(ctx.t("find_too_long", limit=MAX_QUERY))
    folded = fold(text)
    day = _day_filter(ctx, folded, text)
    if day is not None:
        return day
    month, only = _MONTH.match(folded), _MONTH_ONLY.match(folded)
    if month is not None or only is not None:
        number = int(month.group(1) if month is not None else only.group(1) if only else 0)
        year = int(month.group(2)) if month is not None else ctx.today.year
        year += 2000 if year < 100 else 0
        if not 1 <= number <= 12 or not 2000 <= year <= 2100:
            return Reply(ctx.t("mine_bad_month", text=text[:20]))
        return EntryFilter(month=date(year, number, 1))
    query = parse_query(text)
    if isinstance(query, str):
        return Reply(ctx.t(query, limit=MAX_QUERY))
    return EntryFilter(
        words=query.words,
        phone=query.phone,
        digits=query.digits,
        prefix=query.prefix,
        entry=query.entry,
    )


@router.command("cuatoi", "mine", "danhsach", menu=Menu(20, "mine", "cmd_mine", LOGS))
async def cmd_mine(ctx: Ctx, arg: str) -> list[Reply]:
    return await _mine_page(ctx, arg, 0)


async def _mine_page(ctx: Ctx, arg: str, page: int) -> list[Reply]:
    """One page of the officer's own entries, latest saved first, filtered by `arg`; «Xem
    thêm» when more follow."""
    f = parse_filter(ctx, arg)
    if isinstance(f, Reply):
        return [f]
    entries, total = await my_entries_page(
        ctx.session,
        ctx.me,
        f,
        campaign_id=await ctx.campaign_id(),
        offset=page * MINE_PAGE,
        limit=MINE_PAGE,
    )
    shown = clean(arg)[:MAX_QUERY]
    if not entries:
        _done = ctx.dialog is not None and ctx.dialog.state == FindState.MINE
        if _done:
            await close(ctx)
        if page:
            return [Reply(ctx.t("find_end"))]
        if shown:
            return [Reply(ctx.t("mine_none_filtered", filter=shown))]
        return [Reply(ctx.t("mine_empty"))]
    first, last = page * MINE_PAGE + 1, page * MINE_PAGE + len(entries)
    if shown:
        title = ctx.t("mine_title_filtered", filter=shown, total=total, first=first, last=last)
    elif page == 0:
        title = ctx.t("mine_title", shown=len(entries), total=total)
    else:
        title = ctx.t("mine_title_page", total=total, first=first, last=last)
    lines = [title, *(_entry_line(ctx, e) for e in entries), ctx.t("mine_hint")]
    if not shown and page == 0:
        lines.append(ctx.t("mine_filter_hint"))
    if last >= total:
        if ctx.dialog is not None and ctx.dialog.state == FindState.MINE:
            await close(ctx)
        return [Reply("\n\n".join(lines))]
    lines.append(ctx.t("mine_more_hint"))
    more = [Option(ctx.t("find_opt_more"), "more")]
    return [ask(ctx, FindState.MINE, "\n\n".join(lines), more, draft={"f": shown, "page": page})]


@router.on_state(FindState.MINE)
async def step_mine(ctx: Ctx, answer: Answer) -> list[Reply]:
    d = draft(ctx)
    arg, page = str(d.get("f") or ""), draft_int(ctx, "page")
    if answer.value == REPEAT:
        return await _mine_page(ctx, arg, page)
    if answer.value == "more":
        return await _mine_page(ctx, arg, page + 1)
    await close(ctx)
    # Not "Xem thêm": a message of its own (a phone, a household, a question).
    if is_phone_only(answer.text):
        return await by_phone(ctx, answer.text)
    return await free_text(ctx, answer.text)


async def _own_entry(ctx: Ctx, raw_id: str) -> Entry | None:
    """One of the sender's own live entries of their hamlet (`models.registry._mine`)."""
    digits = raw_id.strip().lstrip("#")
    if not digits.isdigit() or len(digits) > 18:
        return None
    return await own_entry(ctx.session, ctx.me, int(digits), campaign_id=await ctx.campaign_id())


async def _pick(ctx: Ctx, purpose: str, arg: str) -> list[Reply]:
    if arg:
        entry = await _own_entry(ctx, arg)
        if entry is None:
            return [Reply(ctx.t("entry_not_found", id=arg.strip().lstrip("#")[:12]))]
        return await _picked(ctx, purpose, entry)
    return await _pick_page(ctx, purpose, 0)


async def _pick_page(ctx: Ctx, purpose: str, page: int) -> list[Reply]:
    """The officer's entries to choose from, PICK_PAGE at a time, with «Xem thêm»."""
    campaign_id = await ctx.campaign_id()
    entries, total = await my_entries_page(
        ctx.session,
        ctx.me,
        EntryFilter(),
        campaign_id=campaign_id,
        offset=page * PICK_PAGE,
        limit=PICK_PAGE,
    )
    if not entries and page:
        page, (entries, total) = (
            0,
            await my_entries_page(
                ctx.session,
                ctx.me,
                EntryFilter(),
                campaign_id=campaign_id,
                offset=0,
                limit=PICK_PAGE,
            ),
        )
    if not entries:
        return [Reply(ctx.t("mine_empty"))]
    opts = [
        Option(f"#{e.id} {e.household.head_name} ({fmt_short_date(e.guided_on)})", str(e.id))
        for e in entries
    ]
    if page * PICK_PAGE + len(entries) < total:
        opts.append(Option(ctx.t("pick_more"), "more"))
    opts.append(Option(ctx.t("opt_cancel"), "cancel"))
    key = "ask_pick_edit" if purpose == "edit" else "ask_pick_delete"
    d = {"purpose": purpose, "page": page}
    return [ask(ctx, EntryState.PICK, ctx.t(key), opts, draft=d)]


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
    page = draft_int(ctx, "page")
    if answer.value == REPEAT:
        return await _pick_page(ctx, purpose, page)
    if answer.value == "more":
        return await _pick_page(ctx, purpose, page + 1)
    if answer.value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("cancelled"))]
    choice = answer.value or answer.text
    entry = await _own_entry(ctx, choice)
    if entry is None:
        return [
            Reply(ctx.t("entry_not_found", id=choice.strip().lstrip("#")[:12])),
            *await _pick_page(ctx, purpose, page),
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
    if what == "find":
        # «➕ Thêm thủ tục» on a household found (/tim) or suggested (/chuahuongdan).
        return await find_action(ctx, raw_id)
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
    latest = await my_entries(
        ctx.session, ctx.me, campaign_id=await ctx.campaign_id(), limit=1, newest_saved=True
    )
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
