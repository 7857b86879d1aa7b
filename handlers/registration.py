"""Registration with an invite code, the reply to strangers and groups, and /lang."""

from __future__ import annotations

from handlers.context import Ctx
from handlers.dialog import close, command
from handlers.help import help_text, role_name
from handlers.io import Reply
from models.campaign import Hamlet
from models.invites import RedeemError, redeem_invite
from models.text import clean

NAME_MAX = 100


def unregistered(ctx: Ctx) -> list[Reply]:
    return [Reply(ctx.t("unregistered"))]


def group_pointer(ctx: Ctx) -> list[Reply]:
    username = ctx.inbound.bot_username
    link = f"https://t.me/{username}" if username else ""
    return [Reply(ctx.t("group_pointer", link=link).strip())]


async def _redeem(ctx: Ctx, code: str) -> list[Reply]:
    name = clean(ctx.inbound.sender_name)[:NAME_MAX] or ctx.t("default_user_name")
    result = await redeem_invite(ctx.session, code=code, channel=ctx.inbound.channel,
                                 external_id=ctx.inbound.user_id, display_name=name,
                                 existing=ctx.user, now=ctx.now)
    if isinstance(result, RedeemError):
        return [Reply(ctx.t(result.value))]
    ctx.user = result.user
    hamlet = await ctx.session.get(Hamlet, result.user.hamlet_id) \
        if result.user.hamlet_id else None
    where = ctx.t("registered_hamlet", hamlet=hamlet.name) if hamlet else ""
    text = ctx.t("registered", name=result.user.display_name,
                 role=role_name(ctx, result.user.role), where=where)
    return [Reply(text), Reply(help_text(ctx))]


async def start_unregistered(ctx: Ctx, arg: str) -> list[Reply]:
    if not arg:
        return unregistered(ctx)
    return await _redeem(ctx, arg)


@command("start", "batdau")
async def cmd_start(ctx: Ctx, arg: str) -> list[Reply]:
    if arg:
        await close(ctx)
        return await _redeem(ctx, arg)
    return [Reply(ctx.t("welcome_back", name=ctx.me.display_name)), Reply(help_text(ctx))]


@command("huy", "cancel")
async def cmd_cancel(ctx: Ctx, arg: str) -> list[Reply]:
    if ctx.dialog is None or ctx.dialog.state == "menu":
        await close(ctx)
        return [Reply(ctx.t("nothing_to_cancel"))]
    await close(ctx)
    return [Reply(ctx.t("cancelled"))]


@command("ngonngu", "lang", "language")
async def cmd_language(ctx: Ctx, arg: str) -> list[Reply]:
    choice = arg.strip().lower()[:2]
    if choice not in ("vi", "en"):
        choice = "en" if ctx.lang == "vi" else "vi"
    ctx.me.language = choice
    ctx.lang = choice
    return [Reply(ctx.t("language_set"))]
