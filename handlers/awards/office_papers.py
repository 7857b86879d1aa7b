"""/vanban (/papers): the culture & society office's own papers for an award round (sơ kết 6
tháng, tổng kết năm, a configured round, the phase of a longer campaign) – the zone report, the
submission to the emulation council and the draft award decision – drawn from the round's
stored award proposal: the one marked final, else the latest, and then every paper says it is
a draft."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from handlers.awards.rounds import Pick, pick, problem_text
from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close
from handlers.engine.i18n import fmt_datetime
from handlers.engine.messages import Option, Reply
from handlers.engine.router import SUPERVISES, Menu, Router
from handlers.engine.states import PapersState
from handlers.render.award_text import round_label, stored_round
from handlers.render.office_docs import (
    OfficeData,
    review_words,
    write_decision,
    write_report,
    write_submission,
)
from handlers.reports.export import scratch_folder
from handlers.reports.scope import SEES_ALL, reads_earlier_campaigns
from models.audit import record
from models.campaign import Procedure
from models.households import Entry, entry_procedure
from models.proposal import (
    AwardProposal,
    final_proposal,
    in_scopes,
    snapshot_filter,
    stored_eligibility,
)

router = Router("office_papers")

STATE = PapersState.REVIEW


def _allowed(ctx: Ctx) -> bool:
    return ctx.me.role in SEES_ALL


async def review_proposal(ctx: Ctx, kind: str) -> AwardProposal | None:
    """The review's proposal the papers are drawn from: the latest one marked final, else the
    latest one made."""
    campaign_id = await ctx.campaign_id()
    final = await final_proposal(ctx.session, campaign_id, kind, scopes=(ctx.me.unit,))
    if final is not None:
        return final
    latest: AwardProposal | None = await ctx.session.scalar(
        select(AwardProposal)
        .where(
            AwardProposal.campaign_id == campaign_id,
            AwardProposal.period_kind == kind,
            in_scopes((ctx.me.unit,)),
        )
        .order_by(AwardProposal.id.desc())
        .limit(1)
    )
    return latest


async def _options(ctx: Ctx) -> list[Option]:
    """The rounds whose period has started (the reviews with awards), with their proposal."""
    options = []
    for award_round in ctx.settings.campaign.started_rounds(ctx.today):
        proposal = await review_proposal(ctx, award_round.code)
        if proposal is None:
            state = ctx.t("op_option_none")
        else:
            state = ctx.t(
                "op_option_final" if proposal.final else "op_option_draft", id=proposal.id
            )
        options.append(
            Option(
                ctx.t("op_option", state=state, review=round_label(ctx.lang, award_round)),
                f"r:{award_round.code}",
            )
        )
    return options


async def _ask(ctx: Ctx) -> Reply:
    return ask(ctx, STATE, ctx.t("op_ask_review"), await _options(ctx), draft={})


async def _not_picked(ctx: Ctx, chosen: Pick, arg: str) -> list[Reply]:
    text = problem_text(ctx, chosen, arg, "/vanban") or ctx.t(
        "op_unknown_arg", arg=arg.strip()[:40]
    )
    return [Reply(text), await _ask(ctx)]


@router.command("vanban", "papers", menu=Menu(150, "papers", "cmd_papers", SUPERVISES))
@reads_earlier_campaigns
async def cmd_papers(ctx: Ctx, arg: str) -> list[Reply]:
    if not _allowed(ctx):
        return [Reply(ctx.t("op_not_allowed"))]
    if arg.strip():
        chosen = pick(ctx, arg, since_start=False)
        if chosen.code is None:
            return await _not_picked(ctx, chosen, arg)
        return await papers(ctx, chosen.code)
    return [await _ask(ctx)]


@router.on_state(STATE)
async def step_review(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not _allowed(ctx):  # a role changed while the question was open
        await close(ctx)
        return [Reply(ctx.t("op_not_allowed"))]
    value = answer.value or ""
    typed = value[2:] if value.startswith("r:") else answer.text or ""
    chosen = pick(ctx, typed, since_start=False) if typed.strip() else Pick()
    if chosen.code is not None:
        return await papers(ctx, chosen.code)
    if chosen.problem:
        return await _not_picked(ctx, chosen, typed)
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, await _ask(ctx)]


async def papers(ctx: Ctx, code: str) -> list[Reply]:
    if ctx.dialog is not None and ctx.dialog.state == STATE:
        await close(ctx)  # another open question (an awards menu) is not ours to end
    award_round = ctx.settings.campaign.award_round(code)
    if award_round is None or award_round.start > ctx.today:
        return [Reply(ctx.t("award_outside"))]
    proposal = await review_proposal(ctx, code)
    if proposal is None:
        return [Reply(ctx.t("op_none", review=round_label(ctx.lang, award_round)))]
    data = await office_data(ctx, proposal)
    review = review_words(ctx.lang, data)
    folder = scratch_folder(ctx.settings)
    stem = f"van-ban-{proposal.id}"
    report, submission, decision = (
        folder / f"{stem}-bao-cao.docx",
        folder / f"{stem}-to-trinh.docx",
        folder / f"{stem}-du-thao-quyet-dinh.docx",
    )
    lang = ctx.lang

    def write() -> None:
        folder.mkdir(parents=True, exist_ok=True)
        write_report(report, data, lang)
        write_submission(submission, data, lang)
        write_decision(decision, data, lang)

    _audit(ctx, proposal, code)
    tz = ctx.settings.timezone
    at = fmt_datetime(proposal.snapshot_at, tz)
    if proposal.final_at is not None:
        head = ctx.t(
            "op_ready_final",
            review=review,
            id=proposal.id,
            at=at,
            final_at=fmt_datetime(proposal.final_at, tz),
        )
    else:
        head = ctx.t("op_ready_draft", review=review, id=proposal.id, at=at)
    draft = "" if proposal.final else ctx.t("op_caption_draft")
    return [
        Reply(head),
        Reply(
            ctx.t("op_caption_report", review=review, draft=draft),
            file=report,
            cleanup=True,
            render=write,
        ),
        Reply(ctx.t("op_caption_submission", draft=draft), file=submission, cleanup=True),
        Reply(ctx.t("op_caption_decision"), file=decision, cleanup=True),
    ]


def _audit(ctx: Ctx, proposal: AwardProposal, kind: str) -> None:
    # The papers name the officers proposed and go outside the bot: who took which, as every
    # export is recorded.
    record(
        ctx.session,
        at=ctx.now,
        actor_id=ctx.me.id,
        action="export",
        target="award_proposal",
        target_id=proposal.id,
        after={
            "files": "office_papers",
            "review": kind,
            "final": proposal.final,
            "via": ctx.inbound.channel,
        },
    )


async def office_data(ctx: Ctx, proposal: AwardProposal) -> OfficeData:
    elig = stored_eligibility(proposal)
    camp = ctx.settings.campaign
    return OfficeData(
        elig=elig,
        award_round=stored_round(camp, elig.period.kind, elig.period.start, elig.period.end),
        campaign_start=camp.start,
        campaign_end=camp.end,
        unit=camp.unit,
        campaign_name=camp.name,
        procedures=tuple(await zone_procedures(ctx, proposal, [h.hamlet_id for h in elig.hamlets])),
        proposal_id=proposal.id,
        snapshot_at=_local(proposal.snapshot_at, ctx),
        entries=proposal.entries,
        final_at=_local(proposal.final_at, ctx) if proposal.final_at is not None else None,
        large_hamlet_households=camp.large_hamlet_households,
        procedures_required_large=camp.procedures_required_large,
        procedures_required_small=camp.procedures_required_small,
    )


def _local(moment: datetime, ctx: Ctx) -> datetime:
    return moment.astimezone(ctx.settings.timezone)


async def zone_procedures(
    ctx: Ctx, proposal: AwardProposal, hamlet_ids: list[int]
) -> list[tuple[str, int]]:
    """(procedure, households guided through it) over the proposal's hamlets, as the data
    stood at its snapshot; most first."""
    households = func.count(func.distinct(Entry.household_id))
    rows = await ctx.session.execute(
        select(Procedure.name, households)
        .join(entry_procedure, entry_procedure.c.procedure_id == Procedure.id)
        .join(Entry, Entry.id == entry_procedure.c.entry_id)
        .where(*snapshot_filter(proposal), Entry.hamlet_id.in_(hamlet_ids))
        .group_by(Procedure.name, Procedure.position)
        .order_by(households.desc(), Procedure.position)
    )
    return [(str(name), int(n)) for name, n in rows]
