"""/thongbao: turn the weekly summary and the daily reminder off or on, one tap each."""

from __future__ import annotations

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close
from handlers.engine.messages import Option, Reply
from handlers.engine.router import EVERYONE, Menu, Router
from handlers.engine.states import NotifyState
from models.audit import record
from models.people import Role, User

router = Router("notify_settings")


def gets_summary(user: User) -> bool:
    return user.role == Role.SUPERVISOR or (
        user.role == Role.HAMLET_HEAD and user.hamlet_id is not None
    )


def gets_reminders(user: User) -> bool:
    return user.role in (Role.OFFICER, Role.HAMLET_HEAD) and user.hamlet_id is not None


def _status(ctx: Ctx) -> Reply:
    user = ctx.me
    cfg = ctx.settings.notifications
    lines = [ctx.t("notify_title")]
    options: list[Option] = []
    if gets_summary(user):
        state = "off" if user.summary_muted else "on"
        lines.append(
            ctx.t(
                f"notify_summary_{state}",
                day=ctx.t(f"weekday_{cfg.weekly_weekday}"),
                time=cfg.weekly_time.strftime("%H:%M"),
            )
        )
        flip = "on" if user.summary_muted else "off"
        options.append(Option(ctx.t(f"notify_btn_summary_{flip}"), f"summary:{flip}"))
    if gets_reminders(user):
        state = "off" if user.reminders_muted else "on"
        lines.append(ctx.t(f"notify_reminder_{state}", time=cfg.reminder_time.strftime("%H:%M")))
        flip = "on" if user.reminders_muted else "off"
        options.append(Option(ctx.t(f"notify_btn_reminder_{flip}"), f"reminder:{flip}"))
    if not options:
        return Reply(ctx.t("notify_none"))
    options.append(Option(ctx.t("notify_btn_done"), "done"))
    return ask(ctx, NotifyState.MENU, "\n".join(lines), options)


@router.command(
    "thongbao", "notify", "notifications", menu=Menu(180, "notify", "cmd_notify", EVERYONE)
)
async def cmd_notify(ctx: Ctx, arg: str) -> list[Reply]:
    return [_status(ctx)]


@router.on_state(NotifyState.MENU)
async def step_menu(ctx: Ctx, answer: Answer) -> list[Reply]:
    user = ctx.me
    value = answer.value
    if value is None or value == REPEAT:
        prefix = [Reply(ctx.t("choose_option"))] if answer.text else []
        return [*prefix, _status(ctx)]
    if value == "done":
        await close(ctx)
        return [Reply(ctx.t("notify_saved"))]
    what, _, state = value.partition(":")
    before = {"summary_muted": user.summary_muted, "reminders_muted": user.reminders_muted}
    if what == "summary" and gets_summary(user):
        user.summary_muted = state == "off"
    elif what == "reminder" and gets_reminders(user):
        user.reminders_muted = state == "off"
    after = {"summary_muted": user.summary_muted, "reminders_muted": user.reminders_muted}
    if after != before:
        record(
            ctx.session,
            at=ctx.now,
            actor_id=user.id,
            action="notify_settings",
            target="app_user",
            target_id=user.id,
            before=before,
            after=after,
        )
    return [Reply(ctx.t("notify_saved")), _status(ctx)]


router.add_help(
    25,
    {Role.OFFICER},
    lambda ctx: ctx.t(
        "help_reminder", time=ctx.settings.notifications.reminder_time.strftime("%H:%M")
    ),
)
