"""/chuahuongdan (/todo): households of the hamlet's roster not yet guided, the officer's
own areas first, so "one household a day" has a name every morning. A tap starts the entry
with the household's name, address and phone already filled in."""

from __future__ import annotations

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_int, fmt_phone
from handlers.engine.messages import Option, Reply
from handlers.engine.router import LOGS, SUPERVISES, Menu, Router
from handlers.engine.states import TodoState
from handlers.households.add import advance
from handlers.households.find import add_option, may_add
from handlers.households.find import on_action as find_action
from handlers.reports.scope import SEES_ALL
from models.campaign import Hamlet
from models.find import cards, lacking
from models.roster import RosterHousehold
from models.roster_match import Suggestion, Todo, todo
from models.totals import totals_as_of

router = Router("todo")


async def _hamlet_for(ctx: Ctx, arg: str) -> tuple[Hamlet | None, list[Reply]]:
    code = arg.strip().upper()
    if ctx.me.role in SEES_ALL:
        hamlets = await ctx.covered_hamlets()
        chosen = next((h for h in hamlets if h.code == code), None)
        if chosen is not None:
            return chosen, []
        options = [Option(f"{h.name} ({h.code})", f"h:{h.code}") for h in hamlets]
        prefix = [Reply(ctx.t("todo_unknown_hamlet", code=arg.strip()[:20]))] if code else []
        return None, [
            *prefix,
            ask(ctx, TodoState.HAMLET, ctx.t("todo_ask_hamlet"), options, draft={}, per_row=2),
        ]
    hamlet = await ctx.hamlet()
    if hamlet is None:
        return None, [Reply(ctx.t("add_needs_hamlet"))]
    return hamlet, []


@router.command("chuahuongdan", "todo", menu=Menu(90, "todo", "cmd_todo", LOGS | SUPERVISES))
async def cmd_todo(ctx: Ctx, arg: str) -> list[Reply]:
    hamlet, replies = await _hamlet_for(ctx, arg)
    if hamlet is None:
        return replies
    return await show_todo(ctx, hamlet)


@router.on_state(TodoState.HAMLET)
async def step_hamlet(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    code = value[2:] if value.startswith("h:") else answer.text
    if value == REPEAT:
        code = ""
    hamlet, replies = await _hamlet_for(ctx, code)
    if hamlet is None:
        return replies
    return await show_todo(ctx, hamlet)


def _line(ctx: Ctx, n: int | None, s: Suggestion) -> str:
    phone = fmt_phone(s.phone) if s.phone else ctx.t("todo_no_phone")
    values = {"mark": "📍 " if s.near else "", "name": s.head_name, "address": s.address}
    line = (
        ctx.t("todo_line_plain", phone=phone, **values)
        if n is None
        else ctx.t("todo_line", n=n, phone=phone, **values)
    )
    return line + ctx.t("todo_guided_earlier") if s.earlier else line


async def show_todo(ctx: Ctx, hamlet: Hamlet) -> list[Reply]:
    """The roster's households not yet guided, then those short of the special prize.
    A household's number is the one typed to pick it: the second list goes on from the
    first; people who pick nothing (supervisors) see bullets, not numbers."""
    result: Todo = await todo(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        hamlet_id=hamlet.id,
        officer_id=ctx.me.id if ctx.me.role.logs_households else None,
        limit=ctx.settings.todo_suggestions,
        now=ctx.now,
        earlier_campaign_ids=await ctx.earlier_campaign_ids(),
    )
    can_log = may_add(ctx, hamlet.id)
    options: list[Option] = []
    if result.roster is None:
        lines = [ctx.t("todo_no_roster", hamlet=hamlet.name)]
    elif not result.suggestions:
        lines = [ctx.t("todo_all_done", hamlet=hamlet.name, total=fmt_int(ctx.lang, result.total))]
    else:
        lines = [
            ctx.t(
                "todo_title",
                hamlet=hamlet.name,
                waiting=fmt_int(ctx.lang, result.waiting),
                total=fmt_int(ctx.lang, result.total),
            )
        ]
        if any(s.near for s in result.suggestions):
            lines.append(ctx.t("todo_near_first"))
        for i, s in enumerate(result.suggestions, 1):
            lines.append(_line(ctx, i if can_log else None, s))
        if can_log:
            lines.append(ctx.t("todo_tap_hint"))
            options = [
                Option(ctx.t("todo_btn_log", n=i, name=s.head_name), f"r:{s.row_id}")
                for i, s in enumerate(result.suggestions, 1)
            ]
    text = "\n".join(lines)
    short_lines, short_options = await _short_of_prize(ctx, hamlet, can_log, 0, len(options))
    if short_lines:
        text += "\n\n" + "\n".join(short_lines)
    options += short_options
    if not options:
        await close(ctx)
        return [Reply(text)]
    return [ask(ctx, TodoState.PICK, text, options, draft={"hamlet": hamlet.code})]


async def _short_of_prize_page(ctx: Ctx, hamlet: Hamlet, page: int) -> list[Reply]:
    """A later page of the households short of the special prize, on its own (numbered
    from 1 again, as its options are)."""
    lines, options = await _short_of_prize(ctx, hamlet, may_add(ctx, hamlet.id), page, 0)
    if not lines:
        await close(ctx)
        return [Reply(ctx.t("find_end"))]
    text = "\n".join(lines)
    if not options:
        await close(ctx)
        return [Reply(text)]
    d = {"hamlet": hamlet.code, "lacking": page}
    return [ask(ctx, TodoState.PICK, text, options, draft=d)]


async def _short_of_prize(
    ctx: Ctx, hamlet: Hamlet, can_log: bool, page: int, numbered: int
) -> tuple[list[str], list[Option]]:
    """Households already guided that still lack a procedure for the special prize (one
    page of them), each with «➕» (another visit: only the procedure and the day are
    asked), and «Xem thêm» when more follow. `numbered`: options already on the message
    before these, so the numbers shown are the numbers typed."""
    campaign = ctx.settings.campaign
    total = (await totals_as_of(ctx.session, [hamlet.id], ctx.arrival_day))[hamlet.id]
    required = campaign.procedures_required(total)
    size = ctx.settings.todo_suggestions
    ids, count = await lacking(
        ctx.session,
        campaign_id=await ctx.campaign_id(),
        hamlet_id=hamlet.id,
        required=required,
        officer_id=ctx.me.id if ctx.me.role.logs_households else None,
        limit=size,
        offset=page * size,
    )
    if not ids:
        return [], []
    found = await cards(
        ctx.session,
        household_ids=ids,
        campaign=campaign,
        campaign_id=await ctx.campaign_id(),
        today=ctx.arrival_day,
    )
    first, last = page * size + 1, page * size + len(found)
    values = {"required": required, "total": fmt_int(ctx.lang, count)}
    if page:
        title = ctx.t("todo_lacking_title_page", first=first, last=last, **values)
    elif last < count:
        title = ctx.t("todo_lacking_title_first", shown=len(found), **values)
    else:
        title = ctx.t("todo_lacking_title", **values)
    lines = [title]
    for i, card in enumerate(found, numbered + 1):
        lines.append(
            ctx.t(
                "todo_lacking_line" if can_log else "todo_lacking_line_plain",
                n=i,
                name=card.name,
                address=card.address,
                phone=fmt_phone(card.phone),
                done=len(card.done),
                missing=card.missing,
            )
        )
    options: list[Option] = []
    if can_log:
        lines.append(ctx.t("todo_lacking_hint"))
        options = [
            add_option(ctx, ctx.t("todo_btn_add", n=i, name=card.name), card.household_id)
            for i, card in enumerate(found, numbered + 1)
        ]
    if last < count:
        lines.append(ctx.t("todo_lacking_more_hint"))
        options.append(Option(ctx.t("todo_opt_lacking_more"), f"lack:{page + 1}"))
    return lines, options


@router.on_state(TodoState.PICK)
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    if value.startswith("act:"):
        # «➕» on a household short of the special prize (typed as its number).
        return await find_action(ctx, value[4:].removeprefix("find:"))
    hamlet = next(
        (h for h in await ctx.covered_hamlets() if h.code == draft(ctx).get("hamlet")), None
    )
    if value.startswith("lack:") and value[5:].isdigit() and hamlet is not None:
        return await _short_of_prize_page(ctx, hamlet, int(value[5:]))
    if value.startswith("r:") and value[2:].isdigit():
        row = await ctx.session.get(RosterHousehold, int(value[2:]))
        if row is not None and row.household_id is None:
            d: dict[str, object] = {
                "mode": "add",
                "name": row.head_name,
                "address": row.address,
                "roster_row": row.id,
            }
            if row.phone:
                d["phone"] = row.phone
            return [Reply(ctx.t("todo_prefilled", name=row.head_name)), *await advance(ctx, d)]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    if hamlet is None:
        await close(ctx)
        return prefix
    page = draft(ctx).get("lacking")
    if isinstance(page, int) and page > 0:
        return [*prefix, *await _short_of_prize_page(ctx, hamlet, page)]
    return [*prefix, *await show_todo(ctx, hamlet)]


router.add_help(12, LOGS, lambda ctx: ctx.t("help_todo"), loggable=True)
