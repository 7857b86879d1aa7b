"""/nhansu (alias /people): the staff list for admins and supervisors in their scope, a
person's card, taking access away, moves between hamlets and role changes; /dangxuat
(alias /signout): a person signs one of their apps out.

/nhansu            the list: people by hamlet and role, apps, last activity, entries this
                   month, invites not used yet (admins: renew or cancel them)
/nhansu TÊN        a person's card (admins: take access away, move, change the role,
                   unlink one of their apps)
/dangxuat          sign out the app this is written from (not the only one)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_date, fmt_datetime
from handlers.engine.messages import Option, Reply
from handlers.engine.router import EVERYONE, SUPERVISES, Menu, Router
from handlers.engine.states import StaffState
from handlers.parse.effective_date import looks_like_day, parse_effective
from handlers.parse.form_errors import FormError
from handlers.render.staff_text import (
    card_text,
    channel_label,
    invite_label,
    person_who,
    staff_text,
    who,
)
from models.access import units
from models.campaign import Hamlet
from models.hamlet_names import by_name, match_hamlets
from models.people import Identity, Role, User
from models.staff import (
    REASON_MIN,
    PendingInvite,
    Person,
    Released,
    StaffError,
    change_role,
    clean_reason,
    deactivate,
    find_people,
    manages,
    pending_invite,
    pending_invites,
    person,
    resend_invite,
    revoke_invite,
    sign_out,
    staff_list,
    unlink,
    visible,
)
from models.staff import move as move_person

router = Router("staff")

PICK_MAX = 20  # more people than this: the list says to type a name instead of buttons
INVITE_BUTTONS = 8  # invites with "gửi lại" / "hủy" buttons under the list
QUERY_MAX = 60
CANCEL = "cancel"


def account_off(ctx: Ctx) -> list[Reply]:
    """What a person whose access was taken away is told, on every app: nothing else."""
    return [Reply(ctx.t("staff_account_off"))]


# The people whose command menu changed in this unit of work (a new role, a new hamlet, access
# taken away), kept with the session the core commits: the core sets their menus afterwards.
_MENUS = "staff.menus_changed"


def menu_changed(ctx: Ctx, user_id: int) -> None:
    """The person's command menu must follow their new role (or go back to the start one)."""
    ctx.session.info.setdefault(_MENUS, set()).add(user_id)


def menus_changed(ctx: Ctx) -> set[int]:
    """Whose menu this message changed (read by the core once the handler is done)."""
    found = ctx.session.info.pop(_MENUS, set())
    return {int(i) for i in found}


def _is_admin(ctx: Ctx) -> bool:
    return ctx.me.role == Role.ADMIN


def _month_start(ctx: Ctx) -> date:
    return ctx.today.replace(day=1)


def _cancel_option(ctx: Ctx) -> Option:
    return Option(ctx.t("opt_cancel"), CANCEL)


async def _person(ctx: Ctx, user: User) -> Any:
    return await person(
        ctx.session, user, campaign_id=await ctx.campaign_id(), month_start=_month_start(ctx)
    )


async def _target(ctx: Ctx) -> User | None:
    """The person the open dialog is about, if the sender may still see them."""
    uid = draft(ctx).get("uid")
    if not isinstance(uid, int) or isinstance(uid, bool):
        return None
    return await visible(ctx.session, ctx.me, uid)


async def _stale(ctx: Ctx) -> list[Reply]:
    await close(ctx)
    return [Reply(ctx.t("staff_stale"))]


def _error(ctx: Ctx, err: StaffError, name: str = "") -> Reply:
    return Reply(ctx.t(f"staff_error_{err}", name=name, min=REASON_MIN))


# --- the list ------------------------------------------------------------------------------


async def _list(ctx: Ctx) -> list[Reply]:
    staff = await staff_list(
        ctx.session,
        ctx.me,
        campaign_id=await ctx.campaign_id(),
        month_start=_month_start(ctx),
        now=ctx.now,
    )
    tz = ctx.settings.timezone
    replies = [Reply(staff_text(ctx.lang, tz, staff, _month_start(ctx)))]
    people = staff.people
    options: list[Option] = []
    if 0 < len(people) <= PICK_MAX:
        options += [Option(f"👤 {p.name}", f"u:{p.user_id}") for p in people]
    if _is_admin(ctx):
        for inv in staff.invites[:INVITE_BUTTONS]:
            label = invite_label(ctx.lang, inv)
            options.append(Option(ctx.t("opt_staff_resend", label=label), f"r:{inv.invite_id}"))
            options.append(Option(ctx.t("opt_staff_revoke", label=label), f"x:{inv.invite_id}"))
    if not options:
        await close(ctx)
        if people:
            replies.append(Reply(ctx.t("staff_pick_typed")))
        return replies
    question = ctx.t("staff_pick" if len(people) <= PICK_MAX else "staff_pick_typed")
    replies.append(ask(ctx, StaffState.PICK, question, options, draft={}))
    return replies


async def _search(ctx: Ctx, query: str) -> list[Reply]:
    query = query[:QUERY_MAX]
    found = await find_people(ctx.session, ctx.me, query)
    if not found:
        await close(ctx)
        return [Reply(ctx.t("staff_none_found", query=query))]
    if len(found) == 1:
        return await _card(ctx, found[0])
    if len(found) > PICK_MAX:
        await close(ctx)
        return [Reply(ctx.t("staff_many_found", count=len(found), query=query))]
    options = [
        Option(f"{u.display_name} ({person_who(ctx.lang, await _person(ctx, u))})", f"u:{u.id}")
        for u in found
    ]
    return [
        ask(
            ctx,
            StaffState.PICK,
            ctx.t("staff_pick_match", count=len(found), query=query),
            options,
            draft={},
        )
    ]


@router.command("nhansu", "people", menu=Menu(165, "people", "cmd_people", SUPERVISES))
async def cmd_people(ctx: Ctx, arg: str) -> list[Reply]:
    if not manages(ctx.me):
        return [Reply(ctx.t("staff_not_allowed"))]
    await close(ctx)
    if arg.strip():
        return await _search(ctx, arg.strip())
    return await _list(ctx)


@router.on_state(StaffState.PICK)
async def on_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not manages(ctx.me):
        await close(ctx)
        return [Reply(ctx.t("staff_not_allowed"))]
    value = answer.value or ""
    if value == REPEAT:
        return await _list(ctx)
    kind, _, raw = value.partition(":")
    if not raw.isdigit():
        if answer.text and answer.value is None:
            return await _search(ctx, answer.text)  # a name typed instead of a button
        return await _list(ctx)
    if kind == "u":
        user = await visible(ctx.session, ctx.me, int(raw))
        if user is None:
            return await _stale(ctx)
        return await _card(ctx, user)
    if kind in ("r", "x"):
        return await _invite_action(ctx, kind, int(raw))
    return await _list(ctx)


async def _invite_action(ctx: Ctx, kind: str, invite_id: int) -> list[Reply]:
    await close(ctx)
    if not _is_admin(ctx):
        return [Reply(ctx.t("admin_only"))]
    invite = await pending_invite(ctx.session, ctx.me, invite_id, now=ctx.now)
    if invite is None:
        return [Reply(ctx.t("staff_invite_gone"))]
    pending = await pending_invites(ctx.session, ctx.me, now=ctx.now)
    shown = next((i for i in pending if i.invite_id == invite_id), None)
    label = invite_label(ctx.lang, shown) if isinstance(shown, PendingInvite) else ""
    if kind == "x":
        await revoke_invite(ctx.session, invite=invite, actor_id=ctx.me.id, now=ctx.now)
        return [Reply(ctx.t("staff_invite_revoked", label=label))]
    try:
        code, fresh = await resend_invite(
            ctx.session,
            invite=invite,
            actor_id=ctx.me.id,
            now=ctx.now,
            ttl=timedelta(hours=ctx.settings.invite_ttl_hours),
        )
    except StaffError as err:
        return [_error(ctx, err)]
    username = ctx.inbound.bot_username
    link = ctx.t("invite_link", link=f"https://t.me/{username}?start={code}") if username else ""
    expires = fmt_datetime(fresh.expires_at, ctx.settings.timezone)
    return [
        Reply(ctx.t("staff_invite_resent", label=label, expires=expires, link=link)),
        Reply(f"/start {code}"),
    ]


# --- a person's card -------------------------------------------------------------------------


def _card_options(ctx: Ctx, user: User, shown: Person) -> list[Option]:
    if not _is_admin(ctx) or not user.active or user.id == ctx.me.id:
        return []
    options = [Option(ctx.t("opt_staff_off"), "off")]
    if user.role.needs_hamlet:
        options.append(Option(ctx.t("opt_staff_move"), "move"))
    options.append(Option(ctx.t("opt_staff_role"), "role"))
    for app in shown.apps:
        label = channel_label(ctx.lang, app.channel)
        options.append(
            Option(ctx.t("opt_staff_unlink", channel=label), f"unlink:{app.identity_id}")
        )
    options.append(Option(ctx.t("opt_staff_close"), CANCEL))
    return options


async def _card(ctx: Ctx, user: User) -> list[Reply]:
    shown = await _person(ctx, user)
    text = card_text(ctx.lang, ctx.settings.timezone, shown, _month_start(ctx))
    options = _card_options(ctx, user, shown)
    if not options:
        await close(ctx)
        return [Reply(text)]
    return [ask(ctx, StaffState.CARD, text, options, draft={"uid": user.id}, per_row=2)]


@router.on_state(StaffState.CARD)
async def on_card(ctx: Ctx, answer: Answer) -> list[Reply]:
    user = await _target(ctx)
    if user is None or not manages(ctx.me):
        return await _stale(ctx)
    value = answer.value or ""
    if value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("staff_closed"))]
    kind, _, raw = value.partition(":")
    if value not in ("off", "move", "role") and not (kind == "unlink" and raw.isdigit()):
        return await _card(ctx, user)
    if not _is_admin(ctx):
        await close(ctx)
        return [Reply(ctx.t("admin_only"))]
    if not user.active or user.id == ctx.me.id or (value == "move" and not user.role.needs_hamlet):
        return await _stale(ctx)
    if value == "off":
        return [_ask_reason(ctx, user)]
    if kind == "unlink":
        apps = {a.identity_id for a in (await _person(ctx, user)).apps}
        if int(raw) not in apps:
            return await _stale(ctx)
        return [
            await _ask_confirm(ctx, user, {"uid": user.id, "action": "unlink", "app": int(raw)})
        ]
    if value == "move":
        return [await _ask_hamlet(ctx, user, {"uid": user.id, "action": "move"})]
    return [_ask_role(ctx, user)]


# --- taking access away ----------------------------------------------------------------------


def _ask_reason(ctx: Ctx, user: User) -> Reply:
    return ask(
        ctx,
        StaffState.REASON,
        ctx.t("staff_ask_reason", name=user.display_name, min=REASON_MIN),
        [_cancel_option(ctx)],
        draft={"uid": user.id, "action": "off"},
    )


@router.on_state(StaffState.REASON)
async def on_reason(ctx: Ctx, answer: Answer) -> list[Reply]:
    user = await _target(ctx)
    if user is None or not user.active or not _is_admin(ctx):
        return await _stale(ctx)
    if answer.value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("staff_cancelled"))]
    if answer.value == REPEAT or answer.value is not None:
        return [_ask_reason(ctx, user)]
    try:
        reason = clean_reason(answer.text)
    except StaffError:
        return [Reply(ctx.t("staff_error_reason_short", min=REASON_MIN)), _ask_reason(ctx, user)]
    return [await _ask_confirm(ctx, user, {"uid": user.id, "action": "off", "reason": reason})]


# --- moving, changing the role ---------------------------------------------------------------


async def _hamlets(ctx: Ctx) -> list[Hamlet]:
    """The campaign's hamlets, by name (as the buttons show them)."""
    return by_name(await ctx.session.scalars(select(Hamlet).where(Hamlet.active)))


async def _ask_hamlet(ctx: Ctx, user: User, data: dict[str, Any]) -> Reply:
    moving = data.get("action") == "move"
    options = [
        Option(h.name, h.code)
        for h in await _hamlets(ctx)
        if not (moving and h.id == user.hamlet_id)
    ]
    options.append(_cancel_option(ctx))
    if moving:
        text = ctx.t("staff_ask_hamlet", name=user.display_name)
    else:
        role = _role_of(data) or Role.OFFICER
        text = ctx.t(
            "staff_ask_role_hamlet",
            name=user.display_name,
            role=ctx.t(f"role_{role.value}"),
        )
    return ask(ctx, StaffState.HAMLET, text, options, draft=data, per_row=2)


def _ask_role(ctx: Ctx, user: User) -> Reply:
    options = [Option(ctx.t(f"role_{r.value}"), r.value) for r in Role]
    options.append(_cancel_option(ctx))
    current = who(ctx.lang, user.role, "", user.unit) if not user.hamlet_id else None
    return ask(
        ctx,
        StaffState.ROLE,
        ctx.t(
            "staff_ask_role",
            name=user.display_name,
            who=current or ctx.t(f"role_{user.role.value}"),
        ),
        options,
        draft={"uid": user.id, "action": "role"},
        per_row=2,
    )


def _role_of(data: dict[str, Any]) -> Role | None:
    try:
        return Role(str(data.get("role", "")))
    except ValueError:
        return None


@router.on_state(StaffState.ROLE)
async def on_role(ctx: Ctx, answer: Answer) -> list[Reply]:
    user = await _target(ctx)
    if user is None or not user.active or not _is_admin(ctx) or user.id == ctx.me.id:
        return await _stale(ctx)
    if answer.value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("staff_cancelled"))]
    role = _role_of({"role": answer.value or ""})
    if role is None:
        return [_ask_role(ctx, user)]
    data = {"uid": user.id, "action": "role", "role": role.value}
    if role.needs_hamlet:
        return [await _ask_hamlet(ctx, user, data)]
    if role == Role.SUPERVISOR:
        return [await _ask_unit(ctx, user, data)]
    return [await _ask_confirm(ctx, user, data)]


@router.on_state(StaffState.HAMLET)
async def on_hamlet(ctx: Ctx, answer: Answer) -> list[Reply]:
    user = await _target(ctx)
    data = draft(ctx)
    if user is None or not user.active or not _is_admin(ctx):
        return await _stale(ctx)
    if answer.value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("staff_cancelled"))]
    moving = data.get("action") == "move"
    if (moving and not user.role.needs_hamlet) or (not moving and _role_of(data) is None):
        return await _stale(ctx)
    if answer.value == REPEAT or not (answer.value or answer.text).strip():
        return [await _ask_hamlet(ctx, user, data)]
    typed = answer.value or answer.text
    found = match_hamlets(typed, await _hamlets(ctx))
    shown = typed.strip()[:40]
    if not found:
        problem = ctx.t("staff_hamlet_unknown", text=shown)
    elif len(found) > 1:
        problem = ctx.t("staff_hamlet_many", text=shown, codes=", ".join(h.code for h in found))
    elif moving and found[0].id == user.hamlet_id:
        problem = ctx.t("staff_hamlet_same", name=user.display_name, hamlet=found[0].name)
    else:
        return [await _ask_confirm(ctx, user, {**data, "hamlet": found[0].code})]
    return [Reply(problem), await _ask_hamlet(ctx, user, data)]


async def _ask_unit(ctx: Ctx, user: User, data: dict[str, Any]) -> Reply:
    found = await units(ctx.session)
    options = [Option(ctx.t("opt_staff_all_units"), "all")]
    options += [Option(u, f"n{i}") for i, u in enumerate(found)]
    options.append(_cancel_option(ctx))
    return ask(
        ctx,
        StaffState.UNIT,
        ctx.t("staff_ask_unit", name=user.display_name),
        options,
        draft={**data, "units": found},
        per_row=1,
    )


@router.on_state(StaffState.UNIT)
async def on_unit(ctx: Ctx, answer: Answer) -> list[Reply]:
    user = await _target(ctx)
    data = draft(ctx)
    if user is None or not user.active or not _is_admin(ctx) or _role_of(data) != Role.SUPERVISOR:
        return await _stale(ctx)
    if answer.value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("staff_cancelled"))]
    found = [u for u in data.get("units", []) if isinstance(u, str)]
    value = answer.value or ""
    data = {k: v for k, v in data.items() if k != "units"}
    if value == "all":
        return [await _ask_confirm(ctx, user, {**data, "unit": None})]
    if value.startswith("n") and value[1:].isdigit() and int(value[1:]) < len(found):
        unit = found[int(value[1:])]
        if unit in await units(ctx.session):
            return [await _ask_confirm(ctx, user, {**data, "unit": unit})]
    return [await _ask_unit(ctx, user, data)]


# --- confirming a change ---------------------------------------------------------------------


async def _hamlet_named(ctx: Ctx, code: object) -> Hamlet | None:
    if not isinstance(code, str) or not code:
        return None
    return await ctx.session.scalar(select(Hamlet).where(Hamlet.code == code))


def _effective(ctx: Ctx, data: dict[str, Any]) -> date:
    raw = data.get("effective")
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    return ctx.today


def _yes_label(ctx: Ctx, action: object) -> str:
    if action == "off":
        return ctx.t("opt_staff_confirm_off")
    if action == "unlink":
        return ctx.t("opt_staff_unlink_yes")
    return ctx.t("opt_staff_yes")


async def _app_of(ctx: Ctx, user: User, data: dict[str, Any]) -> Identity | None:
    app = data.get("app")
    if not isinstance(app, int) or isinstance(app, bool):
        return None
    identity = await ctx.session.get(Identity, app)
    return identity if identity is not None and identity.user_id == user.id else None


async def _ask_confirm(ctx: Ctx, user: User, data: dict[str, Any]) -> Reply:
    action = data.get("action")
    day = fmt_date(_effective(ctx, data))
    shown = await _person(ctx, user)
    old = person_who(ctx.lang, shown)
    yes = _yes_label(ctx, action)
    if action == "off":
        text = ctx.t("staff_confirm_off", name=user.display_name, who=old, reason=data["reason"])
    elif action == "unlink":
        identity = await _app_of(ctx, user, data)
        channel = channel_label(ctx.lang, identity.channel if identity else "")
        linked = identity.created_at.astimezone(ctx.settings.timezone).date() if identity else None
        text = ctx.t(
            "staff_unlink_confirm",
            name=user.display_name,
            channel=channel,
            day=fmt_date(linked) if linked else "—",
        )
        if len(shown.apps) < 2:
            text += "\n" + ctx.t("staff_unlink_last", name=user.display_name)
    elif action == "move":
        hamlet = await _hamlet_named(ctx, data.get("hamlet"))
        old_hamlet = await ctx.session.get(Hamlet, user.hamlet_id) if user.hamlet_id else None
        text = ctx.t(
            "staff_confirm_move",
            name=user.display_name,
            old=old_hamlet.name if old_hamlet else "—",
            new=hamlet.name if hamlet else "—",
            day=day,
        )
    else:
        role = _role_of(data) or user.role
        hamlet = await _hamlet_named(ctx, data.get("hamlet"))
        unit = data.get("unit") if isinstance(data.get("unit"), str) else None
        new = who(ctx.lang, role, hamlet.name if hamlet and role.needs_hamlet else "", unit)
        text = ctx.t("staff_confirm_role", name=user.display_name, old=old, new=new, day=day)
    options = [Option(yes, "yes"), _cancel_option(ctx)]
    return ask(ctx, StaffState.CONFIRM, text, options, draft=data)


@router.on_state(StaffState.CONFIRM)
async def on_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    user = await _target(ctx)
    data = draft(ctx)
    action = data.get("action")
    if user is None or not _is_admin(ctx) or action not in ("off", "move", "role", "unlink"):
        return await _stale(ctx)
    if not user.active or user.id == ctx.me.id:
        return await _stale(ctx)
    if answer.value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("staff_cancelled"))]
    if answer.value != "yes":
        return await _not_confirmed(ctx, user, data, answer)
    effective = _effective(ctx, data)
    name = user.display_name
    released: Released | None = None
    try:
        if action == "unlink":
            identity = await _app_of(ctx, user, data)
            if identity is None:
                return await _stale(ctx)
            channel = channel_label(ctx.lang, identity.channel)
            await unlink(
                ctx.session, user=user, identity_id=identity.id, actor_id=ctx.me.id, now=ctx.now
            )
            await close(ctx)
            return [Reply(ctx.t("staff_unlink_done", name=name, channel=channel))]
        if action == "off":
            released = await deactivate(
                ctx.session,
                user=user,
                actor_id=ctx.me.id,
                reason=str(data.get("reason", "")),
                now=ctx.now,
            )
            done = ctx.t(
                "staff_off_done",
                name=name,
                dialogs=released.dialogs,
                links=released.links,
                cards=released.cards,
            )
        elif action == "move":
            hamlet = await _hamlet_named(ctx, data.get("hamlet"))
            if hamlet is None:
                return await _stale(ctx)
            released = await move_person(
                ctx.session,
                user=user,
                hamlet=hamlet,
                actor_id=ctx.me.id,
                effective=effective,
                today=ctx.today,
                start=ctx.settings.campaign.start,
                now=ctx.now,
            )
            done = ctx.t("staff_move_done", name=name, new=hamlet.name, day=fmt_date(effective))
        else:
            role = _role_of(data)
            if role is None:
                return await _stale(ctx)
            hamlet = await _hamlet_named(ctx, data.get("hamlet"))
            unit = data.get("unit") if isinstance(data.get("unit"), str) else None
            released = await change_role(
                ctx.session,
                user=user,
                role=role,
                hamlet=hamlet,
                unit=unit,
                actor_id=ctx.me.id,
                effective=effective,
                today=ctx.today,
                start=ctx.settings.campaign.start,
                now=ctx.now,
            )
            new = person_who(ctx.lang, await _person(ctx, user))
            done = ctx.t("staff_role_done", name=name, new=new, day=fmt_date(effective))
    except StaffError as err:
        await close(ctx)
        return [_error(ctx, err, name)]
    await close(ctx)
    menu_changed(ctx, user.id)
    if released is not None and (released.cards or released.links or released.dialogs):
        done += "\n" + released_text(ctx, released)
    return [Reply(done)]


def released_text(ctx: Ctx, released: Released) -> str:
    return ctx.t(
        "staff_released",
        cards=released.cards,
        links=released.links,
        dialogs=released.dialogs,
    )


async def _not_confirmed(ctx: Ctx, user: User, data: dict[str, Any], answer: Answer) -> list[Reply]:
    """Anything but the confirming button: a typed effective date (moves and role changes),
    or a reminder naming the buttons actually shown."""
    action = data.get("action")
    if answer.value == REPEAT:
        return [await _ask_confirm(ctx, user, data)]
    typed = answer.text.strip() if answer.value is None else ""
    dated = action in ("move", "role")
    if typed and looks_like_day(typed):
        if not dated:
            notice = ctx.t("staff_confirm_no_date", yes=_yes_label(ctx, action))
            return [Reply(notice), await _ask_confirm(ctx, user, data)]
        try:
            day = parse_effective(typed, ctx.today, ctx.settings.campaign)
        except FormError as err:
            return [Reply(ctx.t(err.key, **err.values)), await _ask_confirm(ctx, user, data)]
        return [await _ask_confirm(ctx, user, {**data, "effective": day.isoformat()})]
    key = "staff_confirm_again_dated" if dated else "staff_confirm_again"
    notice = ctx.t(key, yes=_yes_label(ctx, action), cancel=ctx.t("opt_cancel"))
    return [Reply(notice), await _ask_confirm(ctx, user, data)]


# --- signing one app out ---------------------------------------------------------------------


async def _here(ctx: Ctx) -> tuple[Identity | None, list[Identity]]:
    mine = list(
        await ctx.session.scalars(
            select(Identity)
            .where(Identity.user_id == ctx.me.id)
            .order_by(Identity.created_at, Identity.id)
        )
    )
    inbound = ctx.inbound
    here = next(
        (i for i in mine if i.channel == inbound.channel and i.external_id == inbound.user_id),
        None,
    )
    return here, [i for i in mine if i is not here]


def _others(ctx: Ctx, others: list[Identity]) -> str:
    return ", ".join(channel_label(ctx.lang, i.channel) for i in others)


@router.command("dangxuat", "signout")
async def cmd_signout(ctx: Ctx, arg: str) -> list[Reply]:
    await close(ctx)
    here, others = await _here(ctx)
    channel = channel_label(ctx.lang, ctx.inbound.channel)
    if here is None:
        return [Reply(ctx.t("staff_signout_unknown"))]
    if not others:
        return [Reply(ctx.t("staff_signout_last", channel=channel))]
    return [
        ask(
            ctx,
            StaffState.SIGNOUT,
            ctx.t("staff_signout_ask", channel=channel, others=_others(ctx, others)),
            [Option(ctx.t("opt_staff_signout"), "yes"), _cancel_option(ctx)],
            draft={"identity": here.id},
        )
    ]


@router.on_state(StaffState.SIGNOUT)
async def on_signout(ctx: Ctx, answer: Answer) -> list[Reply]:
    here, others = await _here(ctx)
    channel = channel_label(ctx.lang, ctx.inbound.channel)
    if here is None or draft(ctx).get("identity") != here.id:
        return await _stale(ctx)
    if answer.value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("staff_signout_kept", channel=channel))]
    if answer.value != "yes":
        return await cmd_signout(ctx, "")
    await close(ctx)
    try:
        await sign_out(ctx.session, user=ctx.me, identity=here, now=ctx.now)
    except StaffError:
        return [Reply(ctx.t("staff_signout_last", channel=channel))]
    return [Reply(ctx.t("staff_signout_done", channel=channel, others=_others(ctx, others)))]


router.add_help(41, SUPERVISES, lambda ctx: ctx.t("help_people"))
router.add_help(92, EVERYONE, lambda ctx: ctx.t("help_signout"))
