"""Registration with an invite or link code, the reply to strangers and groups, and /lang."""

from __future__ import annotations

import handlers.households.add
from handlers.accounts.help import help_text, role_name
from handlers.engine.context import Ctx
from handlers.engine.dialog import SOFT_STATES, close, is_household_state
from handlers.engine.i18n import fmt_date
from handlers.engine.messages import Reply
from handlers.engine.router import EVERYONE, Menu, Router
from models.campaign import Hamlet
from models.drafts import count_waiting
from models.invites import AccountHasEntries, Redeemed, RedeemError, redeem_invite
from models.people import User
from models.text import clean

router = Router("registration")

NAME_MAX = 100


def unregistered(ctx: Ctx) -> list[Reply]:
    return [Reply(ctx.t("unregistered"))]


def group_pointer(ctx: Ctx) -> list[Reply]:
    username = ctx.inbound.bot_username
    link = f"https://t.me/{username}" if username else ""
    return [Reply(ctx.t("group_pointer", link=link).strip())]


CHANNEL_KEYS = {
    "telegram": "link_channel_telegram",
    "zalo": "link_channel_zalo",
    "console": "link_channel_console",
}


def channel_name(ctx: Ctx, channel: str) -> str:
    """ "Telegram", "Zalo", "máy tính (console)"; an unknown channel by its own name."""
    key = CHANNEL_KEYS.get(channel)
    return ctx.t(key) if key else channel


async def user_label(ctx: Ctx, user: User) -> str:
    """ "cán bộ ấp, Ấp Bãi Nhà A" or "giám sát (Phòng VH-XH)"."""
    role = role_name(ctx, user.role)
    hamlet = await ctx.session.get(Hamlet, user.hamlet_id) if user.hamlet_id else None
    return ctx.t("link_who_hamlet", role=role, hamlet=hamlet.name) if hamlet else role


async def redeem_code(ctx: Ctx, code: str) -> Redeemed | RedeemError | AccountHasEntries:
    """Redeem an invite or link code for the sender; on success the sender is its user."""
    name = clean(ctx.inbound.sender_name)[:NAME_MAX] or ctx.t("default_user_name")
    result = await redeem_invite(
        ctx.session,
        code=code,
        channel=ctx.inbound.channel,
        external_id=ctx.inbound.user_id,
        display_name=name,
        existing=ctx.user,
        now=ctx.now,
    )
    if isinstance(result, Redeemed):
        ctx.user = result.user
        ctx.lang = result.user.language or ctx.lang
    return result


async def redeemed_replies(
    ctx: Ctx,
    result: Redeemed | RedeemError | AccountHasEntries,
) -> list[Reply]:
    channel = channel_name(ctx, ctx.inbound.channel)
    if isinstance(result, AccountHasEntries):
        return [Reply(ctx.t("link_has_entries", channel=channel, count=result.entries))]
    if isinstance(result, RedeemError):
        return [Reply(ctx.t(result.value, channel=channel))]
    user = result.user
    if result.linked:
        text = ctx.t(
            "link_done", channel=channel, name=user.display_name, who=await user_label(ctx, user)
        )
        if result.merged_user_id is not None:
            text += "\n" + ctx.t("link_done_merged", channel=channel)
        return [Reply(text), Reply(help_text(ctx))]
    hamlet = await ctx.session.get(Hamlet, user.hamlet_id) if user.hamlet_id else None
    where = ctx.t("registered_hamlet", hamlet=hamlet.name) if hamlet else ""
    text = ctx.t("registered", name=user.display_name, role=role_name(ctx, user.role), where=where)
    return [Reply(text), Reply(privacy_notice(ctx)), Reply(help_text(ctx))]


def privacy_notice(ctx: Ctx) -> str:
    """What is kept, why, who sees it and for how long (Decree 13/2023/NĐ-CP)."""
    camp = ctx.settings.campaign
    privacy = ctx.settings.privacy
    end = camp.end
    try:
        until = end.replace(year=end.year + privacy.keep_years)
    except ValueError:  # 29/02 in a year without one
        until = end.replace(year=end.year + privacy.keep_years, day=28)
    return ctx.t(
        "privacy_notice",
        campaign=camp.name,
        contact=privacy.contact,
        unit=camp.unit,
        until=fmt_date(until),
        years=privacy.keep_years,
    )


@router.command("quyenriengtu", "privacy", menu=Menu(185, "privacy", "cmd_privacy", EVERYONE))
async def cmd_privacy(ctx: Ctx, arg: str) -> list[Reply]:
    return [Reply(privacy_notice(ctx))]


async def _redeem(ctx: Ctx, code: str) -> list[Reply]:
    return await redeemed_replies(ctx, await redeem_code(ctx, code))


async def start_unregistered(ctx: Ctx, arg: str) -> list[Reply]:
    if not arg:
        return unregistered(ctx)
    return await _redeem(ctx, arg)


@router.command("start", "batdau")
async def cmd_start(ctx: Ctx, arg: str) -> list[Reply]:
    if arg:
        await close(ctx)
        return await _redeem(ctx, arg)
    return [Reply(ctx.t("welcome_back", name=ctx.me.display_name)), Reply(help_text(ctx))]


@router.command("huy", "cancel", menu=Menu(190, "cancel", "cmd_cancel", EVERYONE))
async def cmd_cancel(ctx: Ctx, arg: str) -> list[Reply]:
    if ctx.dialog is None or ctx.dialog.state in SOFT_STATES:
        await close(ctx)
        # Households kept aside are not dropped by /huy; say they wait, or they are forgotten.
        kept = await count_waiting(ctx.session, ctx.me.id)
        if kept:
            return [Reply(ctx.t("nothing_to_cancel_kept", n=kept))]
        return [Reply(ctx.t("nothing_to_cancel"))]
    d = dict(ctx.dialog.draft or {})
    household = is_household_state(ctx.dialog.state) and d.get("mode") == "add" and d.get("name")
    await close(ctx)
    if not household:
        logs = handlers.households.add.can_log(ctx)
        return [Reply(ctx.t("cancelled" if logs else "cancelled_plain"))]
    # The next household waiting its turn is asked now.
    return [
        Reply(handlers.households.add.cancelled_text(ctx, d)),
        *await handlers.households.add.next_waiting(ctx),
    ]


@router.command("ngonngu", "lang", "language")
async def cmd_language(ctx: Ctx, arg: str) -> list[Reply]:
    choice = arg.strip().lower()[:2]
    if choice not in ("vi", "en"):
        choice = "en" if ctx.lang == "vi" else "vi"
    ctx.me.language = choice
    ctx.lang = choice
    return [Reply(ctx.t("language_set"))]
