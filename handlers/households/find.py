"""Finding a household: /tim (/find) with a name or a phone, or a phone number sent alone.
Each result shows the household, its visits (day, procedures, who logged them) and what the
special prize still needs; the officers and head of its hamlet get «➕ Thêm thủ tục», which
logs another visit to that household asking only the procedure(s) and the day.

Scope: results come from `models.find` through `models.access.hamlet_clause` (officers and
heads: their hamlet; a commune supervisor: their commune; admins and other supervisors:
every hamlet). The core keeps groups and unregistered people away before this runs."""

from __future__ import annotations

import re
from typing import Any

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft, draft_int
from handlers.engine.i18n import fmt_date, fmt_phone
from handlers.engine.messages import Option, Reply
from handlers.engine.router import EVERYONE, LOGS, SUPERVISES, Menu, Router
from handlers.engine.states import EntryState, FindState, TodoState
from handlers.households import add
from models.campaign import Procedure
from models.campaigns import guided_earlier
from models.find import Card, Query, cards, find_households, procedure_days, visible_household
from models.people import Role
from models.phones import PhoneError, parse_phone
from models.registry import active_procedures
from models.text import clean, fold

router = Router("find")

PAGE = 5  # households per page
MAX_QUERY = 60  # characters: a name or a phone is far shorter
MAX_VISITS = 4  # visits shown per household, latest first
_PHONE_CHARS = re.compile(r"^[\d\s.\-()+]+$")
_WORD = re.compile(r"[^\w]+")
_ENTRY = re.compile(r"^#\s*(\d{1,18})$")
ACTION_ADD = "find:add:"
# Lists a «➕ Thêm thủ tục» is pressed on: closed quietly when the visit starts.
_LISTS = {FindState.RESULTS, FindState.QUERY, FindState.MINE, TodoState.PICK, EntryState.SAVED}


# --- reading what was typed ------------------------------------------------------------


def parse_query(text: str) -> Query | str:
    """A query, or the catalog key saying why the text cannot be searched for: words of the
    name (folded, and as typed for ranking), a phone, 4 digits or more of a phone (from its
    start when typed with the leading 0), or an entry number (#12)."""
    text = clean(text)
    if not text:
        return "find_ask"
    if len(text) > MAX_QUERY:
        return "find_too_long"
    entry = _ENTRY.match(text)
    if entry is not None:
        return Query(entry=int(entry.group(1)))
    if _PHONE_CHARS.match(text):
        try:
            return Query(phone=parse_phone(text).e164)
        except PhoneError:
            digits = re.sub(r"\D", "", text)
            if len(digits) < 4:
                return "find_digits_short"
            if text.lstrip("( ")[:1] == "0":
                return Query(prefix="+84" + digits[1:])  # "0912": numbers starting 0912
            return Query(digits=digits.lstrip("0") or digits)
    words = tuple(w for w in _WORD.sub(" ", fold(text)).replace("_", " ").split() if w)
    if sum(len(w) for w in words) < 2:
        return "find_too_short"
    exact = tuple(w for w in _WORD.sub(" ", text.casefold()).replace("_", " ").split() if w)
    return Query(words=words[:6], exact=exact[:6])


def is_phone_only(text: str) -> bool:
    """A message that is a valid phone number and nothing else (any usual form)."""
    text = clean(text)
    if not text or len(text) > 24 or not _PHONE_CHARS.match(text):
        return False
    try:
        parse_phone(text)
    except PhoneError:
        return False
    return True


def may_add(ctx: Ctx, hamlet_id: int) -> bool:
    """The people who log for the household's hamlet (its officers and head) log its
    visits; supervisors see it but add nothing."""
    me = ctx.me
    return me.role.logs_households and me.hamlet_id is not None and me.hamlet_id == hamlet_id


# --- /tim --------------------------------------------------------------------------------


@router.command("tim", "find", "timho", menu=Menu(55, "find", "cmd_find", EVERYONE))
async def cmd_find(ctx: Ctx, arg: str) -> list[Reply]:
    query = parse_query(arg)
    if query == "find_ask":
        return [ask(ctx, FindState.QUERY, ctx.t("find_ask"), draft={})]
    if isinstance(query, str):
        return [Reply(ctx.t(query, limit=MAX_QUERY))]
    return await show(ctx, clean(arg), query, 0)


async def by_phone(ctx: Ctx, text: str) -> list[Reply]:
    """A phone number sent alone: the households with that phone."""
    query = parse_query(text)
    assert isinstance(query, Query)
    return await show(ctx, clean(text), query, 0)


@router.on_state(FindState.QUERY)
async def step_query(ctx: Ctx, answer: Answer) -> list[Reply]:
    if answer.value == REPEAT:
        return [ask(ctx, FindState.QUERY, ctx.t("find_ask"), draft={})]
    query = parse_query(answer.text)
    if isinstance(query, str):
        return [
            Reply(ctx.t(query, limit=MAX_QUERY)),
            ask(ctx, FindState.QUERY, ctx.t("find_ask"), draft={}),
        ]
    return await show(ctx, clean(answer.text), query, 0)


async def _earlier(ctx: Ctx, query: Query) -> str:
    """For someone of a hamlet, when an earlier campaign guided that phone there: a line
    saying so (it is not this campaign's household yet)."""
    hamlet_id = ctx.me.hamlet_id
    earlier = await ctx.earlier_campaign_ids()
    if hamlet_id is None or not earlier or not query.phone:
        return ""
    visit = await guided_earlier(
        ctx.session,
        campaign_ids=list(earlier),
        hamlet_id=hamlet_id,
        phone=query.phone,
        name_folded="",
    )
    if visit is None:
        return ""
    return "\n" + ctx.t(
        "find_guided_earlier",
        campaign=visit.campaign_name,
        code=visit.campaign_code,
        day=fmt_date(visit.last_day),
    )


async def _scope(ctx: Ctx) -> str:
    me = ctx.me
    if me.role in (Role.OFFICER, Role.HAMLET_HEAD):
        hamlet = await ctx.hamlet()
        return ctx.t("find_scope_hamlet", hamlet=hamlet.name if hamlet else "")
    if me.role == Role.SUPERVISOR and me.unit:
        return ctx.t("find_scope_unit", unit=me.unit)
    return ctx.t("find_scope_all")


def card_text(ctx: Ctx, n: int | None, card: Card, *, hamlet: bool) -> str:
    """One household found; numbered `n` when typing n picks its «➕ Thêm thủ tục», with a
    bullet when nothing is picked by a number (a supervisor's list)."""
    values = {"name": card.name, "phone": fmt_phone(card.phone), "address": card.address}
    lines = [
        ctx.t("find_card", n=n, **values) if n is not None else ctx.t("find_card_plain", **values)
    ]
    if hamlet:
        lines.append(ctx.t("find_card_hamlet", hamlet=card.hamlet_name))
    for visit in card.visits[:MAX_VISITS]:
        lines.append(
            ctx.t(
                "find_visit",
                day=fmt_date(visit.guided_on),
                procedures="; ".join(visit.procedures) or "–",
                officer=visit.officer or "–",
            )
        )
    if len(card.visits) > MAX_VISITS:
        lines.append(ctx.t("find_more_visits", count=len(card.visits) - MAX_VISITS))
    if card.missing:
        lines.append(
            ctx.t(
                "find_prize_missing",
                missing=card.missing,
                done=len(card.done),
                required=card.required,
            )
        )
    else:
        lines.append(ctx.t("find_prize_done", required=card.required))
    return "\n".join(lines)


def add_option(ctx: Ctx, label: str, household_id: int) -> Option:
    return Option(label, f"act:{ACTION_ADD}{household_id}")


async def show(ctx: Ctx, typed: str, query: Query, page: int) -> list[Reply]:
    """One page of results, with «➕ Thêm thủ tục» where the sender may add and «Xem thêm»
    when more follow; the query is kept in the dialog for the next page."""
    ids, total = await find_households(
        ctx.session,
        viewer=ctx.me,
        campaign_id=await ctx.campaign_id(),
        query=query,
        offset=page * PAGE,
        limit=PAGE,
    )
    shown = typed[:MAX_QUERY]
    if not ids:
        await _close_mine(ctx)
        scope = await _scope(ctx)
        if page:
            return [Reply(ctx.t("find_end"))]
        if query.phone:
            # The number is not repeated: the reply says nothing the sender did not write.
            return [Reply(ctx.t("find_phone_none", scope=scope) + await _earlier(ctx, query))]
        if query.entry:
            return [Reply(ctx.t("find_entry_none", id=query.entry, scope=scope))]
        return [
            Reply(ctx.t("find_none", query=shown, scope=scope) + "\n" + ctx.t("find_none_hint"))
        ]
    found = await cards(
        ctx.session,
        household_ids=ids,
        campaign=ctx.settings.campaign,
        campaign_id=await ctx.campaign_id(),
        today=ctx.arrival_day,
    )
    first = page * PAGE + 1
    last = page * PAGE + len(found)
    title = (
        ctx.t("find_title", query=shown, total=total)
        if total <= PAGE
        else ctx.t("find_title_page", query=shown, total=total, first=first, last=last)
    )
    wide = ctx.me.role not in (Role.OFFICER, Role.HAMLET_HEAD)
    blocks = [title]
    options: list[Option] = []
    for card in found:
        # A household's number is the one typed to pick its «➕ Thêm thủ tục», on every
        # page (text channels number the options from 1 on each message).
        number = None
        if may_add(ctx, card.hamlet_id):
            options.append(
                add_option(ctx, ctx.t("find_opt_add", name=card.name), card.household_id)
            )
            number = len(options)
        blocks.append(card_text(ctx, number, card, hamlet=wide))
    if options:
        blocks.append(ctx.t("find_add_hint"))
    more = last < total
    if more:
        options.append(Option(ctx.t("find_opt_more"), "more"))
        blocks.append(ctx.t("find_more_hint"))
    text = "\n\n".join(blocks)
    if not options:
        await _close_mine(ctx)
        return [Reply(text)]
    d = {"q": typed[:MAX_QUERY], "page": page}
    return [ask(ctx, FindState.RESULTS, text, options, draft=d)]


async def _close_mine(ctx: Ctx) -> None:
    if ctx.dialog is not None and ctx.dialog.state in (FindState.RESULTS, FindState.QUERY):
        await close(ctx)


@router.on_state(FindState.RESULTS)
async def step_results(ctx: Ctx, answer: Answer) -> list[Reply]:
    d = draft(ctx)
    typed = str(d.get("q") or "")
    query = parse_query(typed)
    page = draft_int(ctx, "page")
    value = answer.value or ""
    if not isinstance(query, Query):
        await close(ctx)
        return [Reply(ctx.t("stale_button"))]
    if value == REPEAT:
        return await show(ctx, typed, query, page)
    if value == "more":
        return await show(ctx, typed, query, page + 1)
    if value.startswith("act:"):
        return await on_action(ctx, value[4:].removeprefix("find:"))
    text = answer.text
    if text.rstrip(".)").isdigit() and len(text) <= 3:
        return [Reply(ctx.t("choose_option")), *await show(ctx, typed, query, page)]
    # Anything else is a message of its own: another phone, a household, a question.
    await close(ctx)
    if is_phone_only(text):
        return await by_phone(ctx, text)
    return await add.free_text(ctx, text)


# --- ➕ Thêm thủ tục: another visit to a household already guided ----------------------


async def on_action(ctx: Ctx, action: str) -> list[Reply]:
    """'add:123' from a button (any time later: re-checked here)."""
    what, _, raw_id = action.partition(":")
    digits = raw_id.strip()
    if what != "add" or not digits.isdigit() or len(digits) > 18:
        return [Reply(ctx.t("find_gone"))]
    return await start_visit(ctx, int(digits))


async def start_visit(ctx: Ctx, household_id: int) -> list[Reply]:
    household = await visible_household(
        ctx.session, viewer=ctx.me, campaign_id=await ctx.campaign_id(), household_id=household_id
    )
    if household is None:
        return [Reply(ctx.t("find_gone"))]
    if not may_add(ctx, household.hamlet_id):
        return [Reply(ctx.t("find_add_refused"))]
    refusal = await add.refused(ctx)
    if refusal:
        return refusal
    days = await procedure_days(ctx.session, household.id)
    have = set(days)
    procedures = await active_procedures(ctx.session)
    if all(p.code in have for p in procedures):
        return [Reply(ctx.t("find_all_done", name=household.head_name))]
    if ctx.dialog is not None and ctx.dialog.state in _LISTS:
        await close(ctx)  # the list the button was on: nothing to keep
    notice = await add.set_aside(ctx)
    d: dict[str, Any] = {
        "mode": "add",
        "written": ctx.written_at.isoformat(),
        "arrived": ctx.now.isoformat(),
        "name": household.head_name,
        "address": household.address,
        "phone": household.phone,
        "phone_old": None,
        "dossier": "",
        "visit": household.id,
        "has": sorted(have),
        "has_days": {code: day.isoformat() for code, day in days.items()},
        "duplicates": [household.id],
        "dup_answer": f"same:{household.id}",
    }
    intro = ctx.t(
        "find_visit_intro",
        name=household.head_name,
        phone=fmt_phone(household.phone),
        done=_names(procedures, have),
    )
    return [*notice, Reply(intro), *await add.advance(ctx, d)]


def _names(procedures: list[Procedure], codes: set[str]) -> str:
    return "; ".join(p.name for p in procedures if p.code in codes) or "–"


router.add_help(11, LOGS, lambda ctx: ctx.t("help_find"), loggable=True)
router.add_help(11, SUPERVISES, lambda ctx: ctx.t("help_find_staff"))
