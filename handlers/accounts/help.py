"""/help: what the sender can do, with a real one-line example from the configured catalog."""

from __future__ import annotations

from handlers.engine.context import Ctx
from handlers.engine.i18n import fmt_date, fmt_pct
from handlers.engine.messages import Reply
from handlers.engine.router import EVERYONE, Menu, Router
from models.people import Role

router = Router("help")


def role_name(ctx: Ctx, role: Role) -> str:
    return ctx.t(f"role_{role.value}")


def help_text(ctx: Ctx) -> str:
    """The paragraphs of every router's help this person may use, in order, under the
    campaign's title (`Router.add_help`)."""
    user = ctx.me
    parts = [ctx.t("help_title", campaign=ctx.settings.campaign.name)]
    for section in ctx.help_sections:
        wanted = user.hamlet_id is not None if section.loggable else user.role in section.roles
        if wanted:
            parts.append(section.text(ctx))
    return "\n\n".join(parts)


def _common(ctx: Ctx) -> str:
    return ctx.t("help_common") + "\n" + ctx.t("help_link")


def _rules(ctx: Ctx) -> str:
    camp = ctx.settings.campaign
    return (
        ctx.t(
            "help_rules",
            threshold=fmt_pct(ctx.lang, camp.coverage_threshold),
            large=camp.large_hamlet_households,
            n_large=camp.procedures_required_large,
            n_small=camp.procedures_required_small,
            start=fmt_date(camp.start),
            end=fmt_date(camp.end),
        )
        + " "
        + ctx.t(
            "help_rules_roster", tolerance=fmt_pct(ctx.lang, ctx.settings.roster_total_tolerance)
        )
    )


router.add_help(90, EVERYONE, _common)
router.add_help(95, EVERYONE, _rules)


@router.command("help", "trogiup", "huongdan", menu=Menu(200, "help", "cmd_help", EVERYONE))
async def cmd_help(ctx: Ctx, arg: str) -> list[Reply]:
    return [Reply(help_text(ctx))]
