"""/help: what the sender can do, with a real one-line example from the configured catalog."""

from __future__ import annotations

from handlers.context import Ctx
from handlers.dialog import command
from handlers.i18n import fmt_date, fmt_pct
from handlers.io import Reply
from handlers.verify_text import match_text
from models.people import Role


def role_name(ctx: Ctx, role: Role) -> str:
    return ctx.t(f"role_{role.value}")


def help_text(ctx: Ctx) -> str:
    camp = ctx.settings.campaign
    first_proc = ctx.settings.procedures[0].name
    parts = [ctx.t("help_title", campaign=camp.name)]
    user = ctx.me
    if user.hamlet_id is not None:
        parts.append(ctx.t("help_officer", procedure=first_proc) + "\n" + ctx.t("help_explain")
                     + "\n" + ctx.t("help_todo"))
    if user.role == Role.HAMLET_HEAD:
        parts.append(ctx.t("help_head") + "\n" + ctx.t("help_dossier"))
        parts.append(ctx.t("help_roster"))
    elif user.role == Role.OFFICER:
        parts.append(ctx.t("help_reminder",
                           time=ctx.settings.notifications.reminder_time.strftime("%H:%M")))
    if user.role in (Role.SUPERVISOR, Role.ADMIN):
        parts.append(ctx.t("help_supervisor"))
        parts.append(ctx.t("help_verify") + "\n" + ctx.t("help_verify_frozen") + "\n"
                     + match_text(ctx.lang, ctx.settings.verification.match))
        parts.append(ctx.t("help_awards"))
        parts.append(ctx.t("help_roster"))
    if user.role == Role.ADMIN:
        parts.append(ctx.t("help_admin") + "\n" + ctx.t("help_link_admin"))
    parts.append(ctx.t("help_common") + "\n" + ctx.t("help_link"))
    parts.append(ctx.t(
        "help_rules", threshold=fmt_pct(ctx.lang, camp.coverage_threshold),
        large=camp.large_hamlet_households, n_large=camp.procedures_required_large,
        n_small=camp.procedures_required_small, start=fmt_date(camp.start),
        end=fmt_date(camp.end)) + " " + ctx.t(
        "help_rules_roster", tolerance=fmt_pct(ctx.lang, ctx.settings.roster_total_tolerance)))
    return "\n\n".join(parts)


@command("help", "trogiup", "huongdan")
async def cmd_help(ctx: Ctx, arg: str) -> list[Reply]:
    return [Reply(help_text(ctx))]
