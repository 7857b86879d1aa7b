"""One person on several channels: link codes (/lienket) and the linked accounts (/taikhoan).

/lienket           a code for oneself, to send from the other app (Zalo, Telegram)
/lienket MÃ        redeem a link (or invite) code from this account
/lienket TÊN       (admins) a code for someone else, found by name
/taikhoan          the channels one's account is used on
"""

from __future__ import annotations

from datetime import timedelta

from handlers.accounts.registration import channel_name, redeem_code, redeemed_replies, user_label
from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_date, fmt_datetime
from handlers.engine.messages import Option, Reply
from handlers.engine.router import Router
from handlers.engine.states import LinkState
from models.invites import (
    RedeemError,
    create_link_code,
    identities_of,
    looks_like_code,
    search_users,
)
from models.people import Role, User

router = Router("linking")

PICK_MAX = 8  # more matches than this: ask for a fuller name
QUERY_MAX = 60


def _is_admin(ctx: Ctx) -> bool:
    return ctx.me.role == Role.ADMIN


async def _issue(ctx: Ctx, user: User) -> list[Reply]:
    code, invite = await create_link_code(
        ctx.session,
        user=user,
        created_by=ctx.me.id,
        now=ctx.now,
        ttl=timedelta(hours=ctx.settings.invite_ttl_hours),
    )
    await close(ctx)
    expires = fmt_datetime(invite.expires_at, ctx.settings.timezone)
    if user.id == ctx.me.id:
        text = ctx.t("link_code_self", expires=expires)
    else:
        text = ctx.t(
            "link_code_for",
            name=user.display_name,
            who=await user_label(ctx, user),
            expires=expires,
        )
    return [Reply(text), Reply(f"/lienket {code}")]


async def _ask_pick(ctx: Ctx, users: list[User], query: str) -> Reply:
    opts = [Option(f"{u.display_name} ({await user_label(ctx, u)})", str(u.id)) for u in users]
    opts.append(Option(ctx.t("opt_cancel"), "cancel"))
    return ask(
        ctx,
        LinkState.PICK,
        ctx.t("ask_link_pick", query=query),
        opts,
        draft={"ids": [u.id for u in users], "query": query},
    )


async def _search(ctx: Ctx, query: str) -> list[Reply]:
    query = query[:QUERY_MAX]
    users = await search_users(ctx.session, query)
    if not users:
        return [Reply(ctx.t("link_name_none", query=query))]
    if len(users) == 1:
        return await _issue(ctx, users[0])
    if len(users) > PICK_MAX:
        return [Reply(ctx.t("link_name_many", count=len(users), query=query))]
    return [await _ask_pick(ctx, users, query)]


@router.command("lienket", "link")
async def cmd_link(ctx: Ctx, arg: str) -> list[Reply]:
    await close(ctx)
    if not arg:
        return await _issue(ctx, ctx.me)
    if looks_like_code(arg):
        result = await redeem_code(ctx, arg)
        # An admin's "/lienket nguyen van a" can look like a code: a name, then.
        if not (result is RedeemError.WRONG and _is_admin(ctx)):
            return await redeemed_replies(ctx, result)
    if not _is_admin(ctx):
        return [Reply(ctx.t("link_name_admin_only"))]
    return await _search(ctx, arg)


@router.on_state(LinkState.PICK)
async def on_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not _is_admin(ctx):
        await close(ctx)
        return [Reply(ctx.t("admin_only"))]
    if answer.value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("cancelled_plain"))]
    data = draft(ctx)
    ids = [i for i in data.get("ids", []) if isinstance(i, int)]
    query = str(data.get("query", ""))
    value = answer.value or ""
    if value != REPEAT and value.isdigit() and int(value) in ids:
        user = await ctx.session.get(User, int(value))
        if user is not None and user.active:
            return await _issue(ctx, user)
    users = [u for u in [await ctx.session.get(User, i) for i in ids] if u is not None and u.active]
    if not users:
        await close(ctx)
        return [Reply(ctx.t("link_name_none", query=query))]
    return [await _ask_pick(ctx, users, query)]


@router.command("taikhoan", "accounts")
async def cmd_accounts(ctx: Ctx, arg: str) -> list[Reply]:
    inbound = ctx.inbound
    lines = [ctx.t("accounts_title", name=ctx.me.display_name, who=await user_label(ctx, ctx.me))]
    for identity in await identities_of(ctx.session, ctx.me.id):
        here = identity.channel == inbound.channel and identity.external_id == inbound.user_id
        day = identity.created_at.astimezone(ctx.settings.timezone).date()
        lines.append(
            ctx.t(
                "accounts_line",
                channel=channel_name(ctx, identity.channel),
                day=fmt_date(day),
                here=ctx.t("accounts_here") if here else "",
            )
        )
    lines.append(ctx.t("accounts_hint"))
    return [Reply("\n".join(lines))]
