"""/moi (admins): create an invite code in chat, choosing role and hamlet with buttons."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from handlers.accounts.help import role_name
from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_datetime
from handlers.engine.messages import Option, Reply
from handlers.engine.router import Router
from handlers.engine.states import InviteState
from handlers.reports.scope import match_unit
from models.access import units
from models.campaign import Hamlet
from models.hamlet_names import by_name, match_hamlets
from models.invites import create_invite
from models.people import Role
from models.text import fold

router = Router("invites")


def _is_admin(ctx: Ctx) -> bool:
    return ctx.me.role == Role.ADMIN


def _role(value: str) -> Role | None:
    try:
        return Role(value)
    except ValueError:
        return None


async def _issue(
    ctx: Ctx, role: Role, hamlet: Hamlet | None, unit: str | None = None
) -> list[Reply]:
    code, invite = await create_invite(
        ctx.session,
        role=role,
        hamlet=hamlet,
        created_by=ctx.me.id,
        now=ctx.now,
        ttl=timedelta(hours=ctx.settings.invite_ttl_hours),
        unit=unit,
    )
    await close(ctx)
    username = ctx.inbound.bot_username
    link = ctx.t("invite_link", link=f"https://t.me/{username}?start={code}") if username else ""
    where = ctx.t("registered_hamlet", hamlet=hamlet.name) if hamlet else ""
    if role == Role.SUPERVISOR and len(await units(ctx.session)) > 1:
        where = ctx.t("invite_scope_unit", unit=unit) if unit else ctx.t("invite_scope_all")
    return [
        Reply(
            ctx.t(
                "invite_created",
                role=role_name(ctx, role),
                where=where,
                expires=fmt_datetime(invite.expires_at, ctx.settings.timezone),
                link=link,
            )
        ),
        Reply(f"/start {code}"),
    ]


async def _hamlets(ctx: Ctx) -> list[Hamlet]:
    """The campaign's hamlets, by name (as the buttons show them)."""
    return by_name(await ctx.session.scalars(select(Hamlet).where(Hamlet.active)))


async def _typed_hamlet(ctx: Ctx, typed: str) -> Hamlet | Reply:
    """The hamlet typed by code or name (with or without "Ấp"), or why there is none."""
    found = match_hamlets(typed, await _hamlets(ctx))
    if len(found) == 1:
        return found[0]
    shown = typed.strip()[:40]
    if found:
        codes = ", ".join(h.code for h in found)
        return Reply(ctx.t("invite_hamlet_many", code=shown, codes=codes))
    return Reply(ctx.t("invite_hamlet_unknown", code=shown))


def _ask_role(ctx: Ctx) -> Reply:
    opts = [Option(role_name(ctx, r), r.value) for r in Role]
    return ask(ctx, InviteState.ROLE, ctx.t("ask_invite_role"), opts, draft={}, per_row=2)


async def _ask_hamlet(ctx: Ctx, role: Role) -> Reply:
    opts = [Option(h.name, h.code) for h in await _hamlets(ctx)]
    return ask(
        ctx,
        InviteState.HAMLET,
        ctx.t("ask_invite_hamlet"),
        opts,
        draft={"role": role.value},
        per_row=2,
    )


@router.command("moi", "invite")
async def cmd_invite(ctx: Ctx, arg: str) -> list[Reply]:
    if not _is_admin(ctx):
        return [Reply(ctx.t("admin_only"))]
    words = arg.split()
    if not words:
        return [_ask_role(ctx)]
    try:
        role = Role.parse(words[0])
    except ValueError:
        return [Reply(ctx.t("invite_usage"))]
    if role == Role.SUPERVISOR:
        return await _supervisor(ctx, " ".join(words[1:]))
    if not role.needs_hamlet:
        return await _issue(ctx, role, None)
    if len(words) < 2:
        return [await _ask_hamlet(ctx, role)]
    hamlet = await _typed_hamlet(ctx, " ".join(words[1:]))
    if isinstance(hamlet, Reply):
        return [hamlet, await _ask_hamlet(ctx, role)]
    return await _issue(ctx, role, hamlet)


@router.on_state(InviteState.ROLE)
async def on_role(ctx: Ctx, answer: Answer) -> list[Reply]:
    role = _role(answer.value or "")
    if answer.value == REPEAT or role is None:
        return [_ask_role(ctx)]
    if not _is_admin(ctx):
        await close(ctx)
        return [Reply(ctx.t("admin_only"))]
    if role == Role.SUPERVISOR:
        return await _supervisor(ctx, "")
    if not role.needs_hamlet:
        return await _issue(ctx, role, None)
    return [await _ask_hamlet(ctx, role)]


async def _supervisor(ctx: Ctx, typed: str) -> list[Reply]:
    """A supervisor's invite: with several communes, bound to one of them or to all."""
    communes = await units(ctx.session)
    if len(communes) < 2:
        return await _issue(ctx, Role.SUPERVISOR, None)
    if typed:
        if fold(typed) in ("tatca", "tat ca", "all"):
            return await _issue(ctx, Role.SUPERVISOR, None)
        unit = match_unit(fold(typed).split(), communes)
        if unit is not None:
            return await _issue(ctx, Role.SUPERVISOR, None, unit)
        return [Reply(ctx.t("report_unit_unknown", text=typed[:60])), _ask_unit(ctx, communes)]
    return [_ask_unit(ctx, communes)]


def _ask_unit(ctx: Ctx, communes: list[str]) -> Reply:
    opts = [Option(ctx.t("invite_btn_all_units"), "all")]
    opts += [Option(unit, f"u:{i}") for i, unit in enumerate(communes)]
    return ask(ctx, InviteState.UNIT, ctx.t("ask_invite_unit"), opts, draft={}, per_row=2)


@router.on_state(InviteState.UNIT)
async def on_unit(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not _is_admin(ctx):
        await close(ctx)
        return [Reply(ctx.t("admin_only"))]
    communes = await units(ctx.session)
    value = answer.value or ""
    if value == "all":
        return await _issue(ctx, Role.SUPERVISOR, None)
    index = value[2:] if value.startswith("u:") else ""
    if index.isdigit() and int(index) < len(communes):
        return await _issue(ctx, Role.SUPERVISOR, None, communes[int(index)])
    if answer.text and value != REPEAT:
        return await _supervisor(ctx, answer.text)
    return [_ask_unit(ctx, communes)]


@router.on_state(InviteState.HAMLET)
async def on_hamlet(ctx: Ctx, answer: Answer) -> list[Reply]:
    role = _role(str(draft(ctx).get("role", ""))) or Role.OFFICER
    if not _is_admin(ctx):
        await close(ctx)
        return [Reply(ctx.t("admin_only"))]
    typed = answer.value or answer.text
    if answer.value == REPEAT or not typed.strip():
        return [await _ask_hamlet(ctx, role)]
    hamlet = await _typed_hamlet(ctx, typed)
    if isinstance(hamlet, Reply):
        return [hamlet, await _ask_hamlet(ctx, role)]
    return await _issue(ctx, role, hamlet)


router.add_help(40, {Role.ADMIN}, lambda ctx: ctx.t("help_admin") + "\n" + ctx.t("help_link_admin"))
