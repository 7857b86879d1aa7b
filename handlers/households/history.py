"""/lichsu (/history): a household's history for hamlet heads (their hamlet), supervisors
(their scope) and admins; and, for the office, one person's recent changes
(`/lichsu canbo TÊN`).

Officers are refused: the history shows other officers' entries and the hamlet's spot-check
results, which are the head's to see (their own entries are in /cuatoi). Every button is
checked again when pressed (the household must still be one the person covers, the
person one they may see); groups and unregistered people never get here (the core)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft, draft_int
from handlers.engine.i18n import fmt_date, fmt_phone, t
from handlers.engine.messages import Option, Reply
from handlers.engine.router import HEADS, SUPERVISES, Menu, Router
from handlers.engine.states import HistoryState
from handlers.households.attachments import files_label
from handlers.render.verify_text import outcome_label
from models.history import (
    Change,
    Event,
    Found,
    History,
    Kind,
    PersonChange,
    covered_household,
    find_households,
    household_history,
    person_changes,
)
from models.people import Role, User
from models.staff import find_people, visible
from models.text import fold

router = Router("history")

PICK_MAX = 8  # households (or people) offered as buttons
EVENTS_MAX = 30  # the latest events of a household shown (a chat message has a limit)
PAGE = 10  # one person's changes a page
QUERY_MAX = 60
_PERSON_WORDS = ("canbo", "officer")
OFFICE = (Role.SUPERVISOR, Role.ADMIN)


def when(ctx: Ctx, moment: datetime) -> str:
    """dd/mm/yyyy HH:MM in the campaign's timezone."""
    local = moment.astimezone(ctx.settings.timezone)
    return f"{fmt_date(local.date())} {local.strftime('%H:%M')}"


def _person_query(arg: str) -> str | None:
    """ "canbo Lan" / "cán bộ Lan" / "officer Lan" → "Lan" ("" with no name); None when
    the argument names a household."""
    words = arg.split()
    folded = fold(arg).split()
    for size in (2, 1):
        if len(folded) >= size and "".join(folded[:size]) in _PERSON_WORDS:
            return " ".join(words[size:])
    return None


@router.command("lichsu", "history", menu=Menu(96, "history", "cmd_history", HEADS))
async def cmd_history(ctx: Ctx, arg: str) -> list[Reply]:
    me = ctx.me
    if me.role not in (Role.HAMLET_HEAD, *OFFICE):
        return [Reply(ctx.t("history_officer_refused"))]
    if me.role == Role.HAMLET_HEAD and (closed := await ctx.closed_notice()):
        return closed
    await close(ctx)
    arg = arg.strip()[:QUERY_MAX]
    person = _person_query(arg)
    if person is not None:
        if me.role not in OFFICE:
            return [Reply(ctx.t("history_person_office_only"))]
        if not person:
            return [Reply(ctx.t("history_person_usage"))]
        return await _people(ctx, person)
    if not arg:
        usage = ctx.t("history_usage")
        if me.role in OFFICE:
            usage += "\n" + ctx.t("history_usage_office")
        return [Reply(usage)]
    return await _search(ctx, arg)


# --- a household -------------------------------------------------------------------------


def _label(ctx: Ctx, f: Found) -> str:
    key = "history_pick_label_deleted" if f.deleted_only else "history_pick_label"
    label = ctx.t(key, name=f.name, address=f.address)
    return f"{label} · {f.hamlet}" if ctx.me.role in OFFICE else label


async def _search(ctx: Ctx, query: str) -> list[Reply]:
    found = await find_households(
        ctx.session, ctx.me, campaign_id=await ctx.campaign_id(), query=query, limit=PICK_MAX
    )
    if not found:
        await close(ctx)
        return [Reply(ctx.t("history_none_found", query=query))]
    if len(found) > PICK_MAX:
        await close(ctx)
        return [Reply(ctx.t("history_too_many", count=PICK_MAX, query=query))]
    if len(found) == 1:
        return await _show(ctx, found[0].household_id)
    options = [Option(_label(ctx, f), f"h:{f.household_id}") for f in found]
    text = ctx.t("history_pick", count=len(found), query=query)
    data = {"q": query, "ids": [f.household_id for f in found]}
    return [ask(ctx, HistoryState.PICK, text, options, draft=data)]


@router.on_state(HistoryState.PICK)
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    if ctx.me.role not in (Role.HAMLET_HEAD, *OFFICE):
        await close(ctx)
        return [Reply(ctx.t("history_officer_refused"))]
    value = answer.value or ""
    data = draft(ctx)
    if value == REPEAT:
        return await _search(ctx, str(data.get("q") or ""))
    if answer.value is None and answer.text:
        return await _search(ctx, answer.text[:QUERY_MAX])  # another name typed instead
    raw = value[2:] if value.startswith("h:") else ""
    offered = data.get("ids") if isinstance(data.get("ids"), list) else []
    if not raw.isdigit() or int(raw) not in (offered or []):
        await close(ctx)
        return [Reply(ctx.t("history_stale"))]
    return await _show(ctx, int(raw))


async def _show(ctx: Ctx, household_id: int) -> list[Reply]:
    await close(ctx)
    household = await covered_household(
        ctx.session, ctx.me, household_id, campaign_id=await ctx.campaign_id()
    )
    if household is None:
        return [Reply(ctx.t("history_stale"))]
    history = await household_history(
        ctx.session,
        ctx.me,
        household,
        undo_reasons=(t("vi", "undo_reason"), t("en", "undo_reason")),
        limit=EVENTS_MAX,
    )
    return [Reply(render_history(ctx, history))]


def render_history(ctx: Ctx, h: History) -> str:
    lines = [
        ctx.t(
            "history_title",
            name=h.name,
            address=h.address,
            phone=fmt_phone(h.phone) if h.phone else ctx.t("history_empty_value"),
            hamlet=h.hamlet,
        ),
        ctx.t("history_live", n=h.live_entries) if h.live_entries else ctx.t("history_live_none"),
    ]
    if h.dropped:
        lines.append(ctx.t("history_dropped", n=h.dropped))
    if not h.events:
        lines.append(ctx.t("history_empty"))
    for e in h.events:
        lines.append(
            ctx.t(
                "history_line",
                when=when(ctx, e.at),
                who=e.actor or ctx.t("history_system"),
                what=_what(ctx, e),
            )
        )
    return "\n".join(lines)


def _day(raw: str) -> str:
    try:
        return fmt_date(date.fromisoformat(raw))
    except ValueError:
        return raw


def _value(ctx: Ctx, name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return ctx.t("history_empty_value")
    if isinstance(value, bool):
        return ctx.t("history_yes" if value else "history_no")
    if name == "phone":
        return fmt_phone(str(value))
    if name == "guided_on":
        return _day(str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _changes(ctx: Ctx, changes: tuple[Change, ...]) -> str:
    return "; ".join(
        ctx.t(
            "history_change",
            label=ctx.t(f"history_field_{c.field}"),
            before=_value(ctx, c.field, c.before),
            after=_value(ctx, c.field, c.after),
        )
        for c in changes
    )


def _text(ctx: Ctx, key: str, text: str) -> str:
    return ctx.t(key, text=text) if text else ""


def _what(ctx: Ctx, e: Event) -> str:
    checks = (Kind.CALLED, Kind.CHECKED)
    outcome = outcome_label(ctx.lang, e.outcome, e.detail) if e.kind in checks else ""
    match e.kind:
        case Kind.LOGGED:
            dossier = ctx.t("history_dossier", code=e.dossier_code) if e.dossier_code else ""
            key = "history_logged" if e.procedures else "history_logged_plain"
            return ctx.t(
                key,
                id=e.entry_id,
                procedures=", ".join(e.procedures),
                day=_day(e.guided_on),
                dossier=dossier,
            )
        case Kind.EDITED:
            return ctx.t("history_edited", id=e.entry_id, changes=_changes(ctx, e.changes))
        case Kind.HOUSEHOLD_EDITED:
            return ctx.t("history_household_edited", changes=_changes(ctx, e.changes))
        case Kind.DELETED:
            if e.undo:
                return ctx.t("history_undone", id=e.entry_id)
            return ctx.t("history_deleted", id=e.entry_id, reason=e.text)
        case Kind.FLAGGED:
            return ctx.t(
                "history_flagged", id=e.entry_id, reason=_text(ctx, "history_reason", e.text)
            )
        case Kind.DRAWN:
            return ctx.t("history_drawn", id=e.entry_id, check=e.check_id)
        case Kind.CALLED:
            return ctx.t("history_called", id=e.entry_id, outcome=outcome)
        case Kind.CHECKED:
            return ctx.t(
                "history_checked",
                id=e.entry_id,
                outcome=outcome,
                note=_text(ctx, "history_note", e.text),
            )
        case Kind.REPLIED:
            return ctx.t("history_replied", id=e.entry_id, text=e.text)
        case Kind.OVERTURNED:
            return ctx.t("history_overturned", id=e.entry_id, text=e.text)
        case Kind.UPHELD:
            return ctx.t("history_upheld", id=e.entry_id, text=e.text)
        case Kind.ATTACHED:
            return ctx.t("history_attached", id=e.entry_id, files=files_label(ctx, e.files))
        case Kind.VIEWED:
            return ctx.t("history_viewed", id=e.entry_id, files=files_label(ctx, e.files))
        case Kind.PURGED:
            return ctx.t(
                "history_purged", id=e.entry_id, files=files_label(ctx, e.files), reason=e.text
            )
        case Kind.ROSTER:
            how = ctx.t(f"history_how_{e.how}") if e.how in ("phone", "name", "chosen") else ""
            code = ctx.t("history_roster_code", code=e.code) if e.code else ""
            return ctx.t("history_roster", row=e.row, code=code, how=how).rstrip()
    return ""


# --- one person's changes (the office) -----------------------------------------------------


async def _people(ctx: Ctx, query: str) -> list[Reply]:
    found = await find_people(ctx.session, ctx.me, query)
    if not found:
        return [Reply(ctx.t("history_person_none", query=query))]
    if len(found) > PICK_MAX:
        return [Reply(ctx.t("history_person_many", count=PICK_MAX, query=query))]
    if len(found) == 1:
        return await _changes_page(ctx, found[0], 0)
    options = [Option(f"👤 {u.display_name}", f"u:{u.id}") for u in found]
    text = ctx.t("history_person_pick", count=len(found), query=query)
    data = {"q": query, "ids": [u.id for u in found]}
    return [ask(ctx, HistoryState.PERSON, text, options, draft=data)]


async def _person(ctx: Ctx, raw: object) -> User | None:
    """The person a button names, if the sender may still see them."""
    if ctx.me.role not in OFFICE or not isinstance(raw, int) or isinstance(raw, bool):
        return None
    return await visible(ctx.session, ctx.me, raw)


@router.on_state(HistoryState.PERSON)
async def step_person(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    data = draft(ctx)
    if value == REPEAT and ctx.me.role in OFFICE:
        return await _people(ctx, str(data.get("q") or ""))
    if answer.value is None and answer.text and ctx.me.role in OFFICE:
        await close(ctx)
        return await _people(ctx, answer.text[:QUERY_MAX])
    raw = value[2:] if value.startswith("u:") else ""
    offered = data.get("ids") if isinstance(data.get("ids"), list) else []
    person = await _person(ctx, int(raw)) if raw.isdigit() and int(raw) in (offered or []) else None
    if person is None:
        await close(ctx)
        return [Reply(ctx.t("history_stale"))]
    return await _changes_page(ctx, person, 0)


@router.on_state(HistoryState.CHANGES)
async def step_changes(ctx: Ctx, answer: Answer) -> list[Reply]:
    person = await _person(ctx, draft(ctx).get("uid"))
    if person is None:
        await close(ctx)
        return [Reply(ctx.t("history_stale"))]
    page = draft_int(ctx, "page")
    if answer.value == "more":
        return await _changes_page(ctx, person, page + 1)
    if answer.value == REPEAT:
        return await _changes_page(ctx, person, page)
    await close(ctx)
    return [Reply(ctx.t("history_stale"))]


async def _changes_page(ctx: Ctx, person: User, page: int) -> list[Reply]:
    result = await person_changes(ctx.session, ctx.me, person.id, page=page, size=PAGE)
    if not result.items:
        await close(ctx)
        key = "history_person_empty" if page == 0 else "history_person_end"
        return [Reply(ctx.t(key, name=person.display_name))]
    lines = [ctx.t("history_person_title", name=person.display_name, page=page + 1)]
    lines += [
        ctx.t("history_person_line", when=when(ctx, c.at), what=_change_text(ctx, c))
        for c in result.items
    ]
    if not result.more:
        await close(ctx)
        return [Reply("\n".join(lines))]
    lines.append(ctx.t("history_more_hint"))
    options = [Option(ctx.t("history_more"), "more")]
    data = {"uid": person.id, "page": page}
    return [ask(ctx, HistoryState.CHANGES, "\n".join(lines), options, draft=data)]


def _change_text(ctx: Ctx, c: PersonChange) -> str:
    values: dict[str, object] = {"id": c.entry_id, "household": c.household, "hamlet": c.hamlet}
    match c.kind:
        case Kind.LOGGED:
            return ctx.t("history_person_logged", procedures=", ".join(c.procedures), **values)
        case Kind.EDITED:
            return ctx.t("history_person_edited", changes=_changes(ctx, c.changes), **values)
        case Kind.HOUSEHOLD_EDITED:
            return ctx.t("history_person_household", changes=_changes(ctx, c.changes), **values)
        case _:
            return ctx.t("history_person_deleted", reason=c.text, **values)


router.add_help(42, HEADS, lambda ctx: ctx.t("help_history"))
router.add_help(43, SUPERVISES, lambda ctx: ctx.t("help_history_office"))
