"""/khenthuong_ds (/awards_list) and /khenthuong_chot (/awards_final): the proposals made so
far, final or draft, and marking the one the emulation council decided on.

Every /khenthuong stores a new proposal; none replaces the final one of its review unless a
supervisor says so here, and both the marking and the replaced one are audited."""

from __future__ import annotations

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft_int
from handlers.engine.i18n import fmt_datetime
from handlers.engine.messages import Option, Reply
from handlers.engine.router import SUPERVISES, Menu, Router
from handlers.engine.states import AwardsState
from handlers.render.award_text import review_name
from handlers.reports.scope import SEES_ALL, reads_earlier_campaigns
from models.checks import users_named
from models.proposal import (
    AwardProposal,
    final_of_review,
    mark_final,
    proposals,
    stored_eligibility,
)

router = Router("award_list")

LISTED = 10  # proposals listed; older ones are kept, just not shown
BUTTONS = 6  # drafts offered for marking


def _review(ctx: Ctx, proposal: AwardProposal) -> str:
    return review_name(
        ctx.lang,
        proposal.period_kind,
        proposal.period_start,
        proposal.period_end,
        ctx.settings.campaign,
    )


def _at(ctx: Ctx, proposal: AwardProposal) -> str:
    moment = proposal.final_at or proposal.snapshot_at
    return fmt_datetime(moment, ctx.settings.timezone)


async def _line(ctx: Ctx, proposal: AwardProposal, names: dict[int, str]) -> str:
    elig = stored_eligibility(proposal)
    state = (
        ctx.t(
            "proposals_state_final",
            at=_at(ctx, proposal),
            by=names.get(proposal.final_by or 0, "?"),
        )
        if proposal.final
        else ctx.t("proposals_state_draft")
    )
    return ctx.t(
        "proposals_line",
        id=proposal.id,
        review=_review(ctx, proposal),
        at=fmt_datetime(proposal.snapshot_at, ctx.settings.timezone),
        by=names.get(proposal.made_by or 0, "?"),
        collective=len(elig.collective.proposed),
        special=len(elig.special.proposed),
        individual=len(elig.individual.proposed),
        state=state,
    )


@router.command(
    "khenthuong_ds", "awards_list", menu=Menu(140, "awards_list", "cmd_awards_list", SUPERVISES)
)
@reads_earlier_campaigns
async def cmd_list(ctx: Ctx, arg: str) -> list[Reply]:
    if ctx.me.role not in SEES_ALL:
        return [Reply(ctx.t("award_not_allowed"))]
    listed = await proposals(
        ctx.session, await ctx.campaign_id(), limit=LISTED, scopes=_listed_scopes(ctx)
    )
    if not listed:
        return [Reply(ctx.t("proposals_empty"))]
    people = {p.made_by for p in listed} | {p.final_by for p in listed}
    names = await users_named(ctx.session, [i for i in people if i])
    lines = [ctx.t("proposals_title")] + [await _line(ctx, p, names) for p in listed]
    options = [
        Option(ctx.t("proposals_btn_final", id=p.id, review=_review(ctx, p)), f"f:{p.id}")
        for p in listed
        if not p.final
    ][:BUTTONS]
    if not options:
        return [Reply("\n\n".join(lines))]
    options.append(Option(ctx.t("proposals_btn_close"), "close"))
    return [
        Reply("\n\n".join(lines)),
        ask(ctx, AwardsState.FINAL_PICK, ctx.t("proposals_ask"), options, draft={}),
    ]


@router.on_state(AwardsState.FINAL_PICK)
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    if value.startswith("f:") and value[2:].isdigit():
        return await _mark(ctx, int(value[2:]))
    if value == "close":
        await close(ctx)
        return [Reply(ctx.t("proposals_closed"))]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, *await cmd_list(ctx, "")]


@router.command("khenthuong_chot", "awards_final")
@reads_earlier_campaigns
async def cmd_final(ctx: Ctx, arg: str) -> list[Reply]:
    if ctx.me.role not in SEES_ALL:
        return [Reply(ctx.t("award_not_allowed"))]
    digits = arg.strip().lstrip("#")
    if not digits.isdigit():
        return [Reply(ctx.t("proposals_usage"))]
    return await _mark(ctx, int(digits[:12]))


def _listed_scopes(ctx: Ctx) -> tuple[str | None, ...] | None:
    """A commune supervisor's proposals are their commune's; the zone office sees all."""
    return (ctx.me.unit,) if ctx.me.unit is not None else None


async def _proposal(ctx: Ctx, proposal_id: int) -> AwardProposal | None:
    proposal = await ctx.session.get(AwardProposal, proposal_id)
    if proposal is None or proposal.campaign_id != await ctx.campaign_id():
        return None
    if ctx.me.unit is not None and proposal.unit != ctx.me.unit:
        return None  # another commune's: as if it did not exist
    return proposal


async def _mark(ctx: Ctx, proposal_id: int, *, replacing: int | None = None) -> list[Reply]:
    proposal = await _proposal(ctx, proposal_id)
    if proposal is None:
        await close(ctx)
        return [Reply(ctx.t("proposals_not_found", id=proposal_id))]
    if proposal.final:
        await close(ctx)
        return [Reply(ctx.t("proposals_already_final", id=proposal.id, at=_at(ctx, proposal)))]
    current = await final_of_review(ctx.session, proposal)
    if current is not None and current.id != replacing:
        # A final proposal is never replaced silently: the supervisor says which one goes.
        names = await users_named(ctx.session, [current.final_by or 0])
        return [
            ask(
                ctx,
                AwardsState.FINAL_REPLACE,
                ctx.t(
                    "proposals_replace_ask",
                    review=_review(ctx, proposal),
                    old=current.id,
                    at=_at(ctx, current),
                    by=names.get(current.final_by or 0, "?"),
                    id=proposal.id,
                ),
                [
                    Option(ctx.t("proposals_btn_replace", id=proposal.id), "yes"),
                    Option(ctx.t("proposals_btn_keep", old=current.id), "no"),
                ],
                draft={"proposal": proposal.id, "old": current.id},
                per_row=2,
            )
        ]
    replaced = await mark_final(ctx.session, proposal=proposal, actor_id=ctx.me.id, now=ctx.now)
    await close(ctx)
    text = ctx.t("proposals_marked", id=proposal.id, review=_review(ctx, proposal))
    if replaced is not None:
        text += "\n" + ctx.t("proposals_marked_replaced", old=replaced.id)
    return [Reply(text)]


@router.on_state(AwardsState.FINAL_REPLACE)
async def step_replace(ctx: Ctx, answer: Answer) -> list[Reply]:
    proposal_id = draft_int(ctx, "proposal")
    if answer.value == "yes":
        return await _mark(ctx, proposal_id, replacing=draft_int(ctx, "old"))
    if answer.value == "no":
        old = draft_int(ctx, "old")
        await close(ctx)
        return [Reply(ctx.t("proposals_kept", old=old))]
    prefix = [Reply(ctx.t("choose_option"))] if answer.value != REPEAT and answer.text else []
    return [*prefix, *await _mark(ctx, proposal_id)]
