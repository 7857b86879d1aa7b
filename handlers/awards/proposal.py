"""/khenthuong (/awards): the award proposal for a review period, its evidence spreadsheet,
and per hamlet the dossier (Tờ trình, Biên bản họp xét, evidence list). /khenthuong_ct
expands one hamlet's or officer's figures down to the households and checks behind them."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import select

from handlers.awards.rounds import Pick, pick, problem_text
from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_date, fmt_int, fmt_pct
from handlers.engine.messages import Option, Reply
from handlers.engine.router import HEADS, SUPERVISES, Menu, Router
from handlers.engine.states import AwardsState
from handlers.render.award_book import BookData, write_book
from handlers.render.award_docs import (
    DossierData,
    OfficerLine,
    write_minutes,
    write_submission,
)
from handlers.render.award_text import (
    DOSSIER_STATUSES,
    SINCE_START,
    dossier_hamlets,
    proposal_text,
    round_deadline,
    round_label,
    round_phrase,
    stored_round,
)
from handlers.render.docx_layout import locality_name
from handlers.render.report_text import fail_rule
from handlers.reports.export import scratch_folder
from handlers.reports.scope import SEES_ALL, period_of, reads_earlier_campaigns
from models.attachments import EXTENSIONS, PDF, of_hamlet, stored_path
from models.audit import record
from models.awards import Eligibility, HamletStanding, Line, eligibility
from models.campaign import Hamlet
from models.check_rows import check_rows
from models.check_scope import Viewer, sees_pending
from models.eligibility import verification
from models.people import Role
from models.periods import Period, PeriodError
from models.proposal import (
    AwardProposal,
    final_of_review,
    final_proposal,
    latest_proposal,
    procedure_counts,
    store_proposal,
    stored_eligibility,
    traces,
)
from models.roster import Roster, current_roster
from models.rules import AwardRound

router = Router("awards")


def _allowed(ctx: Ctx) -> bool:
    return ctx.me.role in SEES_ALL


async def scopes(ctx: Ctx) -> tuple[str | None, ...]:
    """The proposals the sender works from: a commune supervisor's commune's; a head's,
    the whole campaign's or their commune's (the latest decided wins); everyone else's,
    the whole campaign's."""
    me = ctx.me
    if me.role in SEES_ALL:
        return (me.unit,)
    hamlet = await ctx.hamlet()
    return (None, hamlet.unit) if hamlet is not None and hamlet.unit else (None,)


def _period_options(ctx: Ctx) -> list[Option]:
    """The rounds whose period has started, then "from the start to date"."""
    options = [
        Option(round_label(ctx.lang, r), f"p:{r.code}")
        for r in ctx.settings.campaign.started_rounds(ctx.today)
    ]
    try:
        period = period_of(ctx, SINCE_START)
    except PeriodError:
        return options
    since = stored_round(None, SINCE_START, period.start, period.end)
    return [*options, Option(round_label(ctx.lang, since), f"p:{SINCE_START}")]


def _ask_period(ctx: Ctx) -> Reply:
    return ask(ctx, AwardsState.PERIOD, ctx.t("award_ask_period"), _period_options(ctx), draft={})


async def _none_started(ctx: Ctx) -> list[Reply] | None:
    """Before any round (and the campaign) has begun there is nothing to choose."""
    if _period_options(ctx):
        return None
    await close(ctx)
    rounds = ctx.settings.campaign.award_rounds()
    first = min(rounds, key=lambda r: r.start)
    return [
        Reply(
            ctx.t(
                "award_none_started",
                review=round_label(ctx.lang, first),
                start=fmt_date(first.start),
            )
        )
    ]


def _not_picked(ctx: Ctx, chosen: Pick, arg: str) -> list[Reply]:
    text = problem_text(ctx, chosen, arg, "/khenthuong") or ctx.t(
        "award_unknown_arg", arg=arg.strip()[:40]
    )
    return [Reply(text), _ask_period(ctx)]


@router.command("khenthuong", "awards", menu=Menu(130, "awards", "cmd_awards", SUPERVISES))
@reads_earlier_campaigns
async def cmd_awards(ctx: Ctx, arg: str) -> list[Reply]:
    if not _allowed(ctx):
        return [Reply(ctx.t("award_not_allowed"))]
    nothing = await _none_started(ctx)
    if nothing is not None:
        return nothing
    if arg.strip():
        chosen = pick(ctx, arg)
        if chosen.code is None:
            return _not_picked(ctx, chosen, arg)
        return await propose(ctx, chosen.code)
    return [_ask_period(ctx)]


@router.on_state(AwardsState.PERIOD)
async def step_period(ctx: Ctx, answer: Answer) -> list[Reply]:
    value = answer.value or ""
    typed = value[2:] if value.startswith("p:") else answer.text or ""
    chosen = pick(ctx, typed) if typed.strip() else Pick()
    if chosen.code is not None:
        return await propose(ctx, chosen.code)
    nothing = await _none_started(ctx)
    if nothing is not None:
        return nothing
    if chosen.problem:
        return _not_picked(ctx, chosen, typed)
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, _ask_period(ctx)]


def _caps(ctx: Ctx, award_round: AwardRound | None) -> dict[str, int]:
    if award_round is not None:
        return award_round.caps()
    camp = ctx.settings.campaign
    return {
        "collective": camp.max_collective_awards,
        "special": camp.max_special_prizes,
        "individual": camp.max_individual_awards,
    }


def _review_period(ctx: Ctx, code: str) -> tuple[Period, AwardRound | None]:
    """A round's period (its code, start and end; figures up to today while it runs), or
    the campaign so far; PeriodError for neither."""
    if code == SINCE_START:
        return period_of(ctx, SINCE_START), None
    award_round = ctx.settings.campaign.award_round(code)
    if award_round is None or award_round.start > ctx.today:
        raise PeriodError(f"no round {code} running")
    return Period(award_round.code, award_round.start, award_round.end), award_round


async def propose(ctx: Ctx, code: str) -> list[Reply]:
    try:
        period, award_round = _review_period(ctx, code)
    except PeriodError:
        await close(ctx)
        return [Reply(ctx.t("award_outside"))]
    campaign_id = await ctx.campaign_id()
    elig = await eligibility(
        ctx.session,
        campaign_id=campaign_id,
        campaign=ctx.settings.campaign,
        period=period,
        today=ctx.today,
        rules=ctx.settings.awards,
        fail_rule=fail_rule(ctx.settings),
        unit=ctx.me.unit,
        award_round=award_round,
    )
    proposal = await store_proposal(
        ctx.session,
        campaign_id=campaign_id,
        elig=elig,
        rules=ctx.settings.awards,
        caps=_caps(ctx, award_round),
        threshold=ctx.settings.campaign.coverage_threshold,
        made_by=ctx.me.id,
        now=ctx.now,
        unit=ctx.me.unit,
    )
    text = proposal_text(
        ctx.lang,
        elig,
        ctx.settings.campaign,
        proposal_id=proposal.id,
        snapshot_at=proposal.snapshot_at,
        entries=proposal.entries,
        tz=ctx.settings.timezone,
    )
    book = await _book_reply(ctx, proposal, elig, None)
    status = await _draft_notice(ctx, proposal)
    if not dossier_hamlets(elig):
        # Nothing to prepare a dossier for: no question left open.
        await close(ctx)
        return [Reply(text), status, book, Reply(ctx.t("award_menu_none", id=proposal.id))]
    return [Reply(text), status, book, _menu(ctx, proposal, elig)]


async def _draft_notice(ctx: Ctx, proposal: AwardProposal) -> Reply:
    """A new proposal is a draft: it never replaces the review's final one by itself."""
    current = await final_of_review(ctx.session, proposal)
    if current is None:
        return Reply(ctx.t("proposals_new_draft", id=proposal.id))
    assert current.final_at is not None
    return Reply(
        ctx.t(
            "proposals_new_beside_final",
            id=proposal.id,
            old=current.id,
            at=_local(ctx, current.final_at),
        )
    )


def _menu(ctx: Ctx, proposal: AwardProposal, elig: Eligibility) -> Reply:
    hamlets = dossier_hamlets(elig)
    options = [Option(ctx.t("award_btn_dossier", hamlet=h.name), f"d:{h.code}") for h in hamlets]
    if len(hamlets) > 1:
        options.append(Option(ctx.t("award_btn_zip", n=len(hamlets)), "zip"))
    options.append(Option(ctx.t("award_btn_done"), "done"))
    return ask(
        ctx,
        AwardsState.MENU,
        ctx.t("award_menu", id=proposal.id),
        options,
        draft={"proposal": proposal.id},
    )


async def _proposal(ctx: Ctx) -> AwardProposal | None:
    pid = draft(ctx).get("proposal")
    if not isinstance(pid, int):
        return None
    proposal = await ctx.session.get(AwardProposal, pid)
    if proposal is None or proposal.campaign_id != await ctx.campaign_id():
        return None
    return proposal


@router.on_state(AwardsState.MENU)
async def step_menu(ctx: Ctx, answer: Answer) -> list[Reply]:
    proposal = await _proposal(ctx)
    value = answer.value or ""
    if proposal is None or value == "done":
        await close(ctx)
        return [Reply(ctx.t("award_closed"))]
    elig = stored_eligibility(proposal)
    hamlets = {h.code: h for h in dossier_hamlets(elig)}
    if value.startswith("d:") and value[2:] in hamlets:
        files = await dossier_replies(ctx, proposal, elig, hamlets[value[2:]])
        return [*files, _menu(ctx, proposal, elig)]
    if value == "zip" and hamlets:
        return [
            await _zip_reply(ctx, proposal, elig, list(hamlets.values())),
            _menu(ctx, proposal, elig),
        ]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, _menu(ctx, proposal, elig)]


# --- files ---------------------------------------------------------------------------------


def _round_of(ctx: Ctx, proposal: AwardProposal) -> AwardRound:
    """The stored proposal's round: its configured name and deadline, or the catalog's."""
    return stored_round(
        ctx.settings.campaign, proposal.period_kind, proposal.period_start, proposal.period_end
    )


def _stem(proposal: AwardProposal, code: str | None = None) -> str:
    tail = f"-{code}" if code else ""
    return f"khen-thuong-{proposal.id}{tail}"


async def _book_data(
    ctx: Ctx,
    proposal: AwardProposal,
    elig: Eligibility,
    hamlet_ids: tuple[int, ...] | None,
    viewer: Viewer,
) -> BookData:
    ids = list(hamlet_ids) if hamlet_ids is not None else [h.hamlet_id for h in elig.hamlets]
    hamlets = list(await ctx.session.scalars(select(Hamlet).where(Hamlet.id.in_(ids))))
    camp = ctx.settings.campaign
    return BookData(
        proposal_id=proposal.id,
        elig=elig,
        snapshot_at=proposal.snapshot_at,
        max_entry_id=proposal.max_entry_id,
        fingerprint=proposal.fingerprint,
        campaign_name=camp.name,
        unit=camp.unit,
        tz=ctx.settings.timezone,
        review=round_label(ctx.lang, _round_of(ctx, proposal)),
        households=tuple(await traces(ctx.session, proposal, ids, viewer=viewer)),
        checks=tuple(
            await check_rows(
                ctx.session, campaign_id=proposal.campaign_id, hamlets=hamlets, viewer=viewer
            )
        ),
        hamlet_ids=hamlet_ids,
    )


async def _book_reply(
    ctx: Ctx, proposal: AwardProposal, elig: Eligibility, hamlet: HamletStanding | None
) -> Reply:
    ids = (hamlet.hamlet_id,) if hamlet is not None else None
    data = await _book_data(ctx, proposal, elig, ids, ctx.me)
    path = (
        scratch_folder(ctx.settings) / f"{_stem(proposal, hamlet.code if hamlet else None)}"
        "-minh-chung.xlsx"
    )
    _audit_files(ctx, proposal, "evidence", hamlet, len(data.households))
    text = ctx.t(
        "award_book_ready", id=proposal.id, households=fmt_int(ctx.lang, len(data.households))
    )
    return Reply(text, file=path, cleanup=True, render=partial(write_book, data, ctx.lang, path))


async def _receipts(
    ctx: Ctx, proposal: AwardProposal, hamlet: HamletStanding
) -> list[tuple[Path, str]]:
    """The hamlet's receipts (photos, PDFs of its live entries in the review period) as
    <hamlet>/<folder>/<entry>-<n>.<ext> in the archive."""
    rows = await of_hamlet(
        ctx.session,
        campaign_id=proposal.campaign_id,
        hamlet_id=hamlet.hamlet_id,
        start=proposal.period_start,
        end=proposal.as_of,
    )
    folder = f"{hamlet.code}/{ctx.t('att_zip_folder')}"
    numbered: dict[int, int] = {}
    named: list[tuple[Path, str]] = []
    for row, entry in rows:
        n = numbered[entry.id] = numbered.get(entry.id, 0) + 1
        ext = EXTENSIONS.get(row.mime, ".pdf" if row.kind == PDF else ".jpg")
        named.append(
            (stored_path(ctx.settings.data_dir, row.sha256), f"{folder}/{entry.id}-{n}{ext}")
        )
    return named


def _audit_files(
    ctx: Ctx,
    proposal: AwardProposal,
    what: str,
    hamlet: HamletStanding | None,
    households: int,
    receipts: int = 0,
) -> None:
    # The files carry names and phone numbers: who took which, like every export.
    record(
        ctx.session,
        at=ctx.now,
        actor_id=ctx.me.id,
        action="export",
        target="award_proposal",
        target_id=proposal.id,
        after={
            "files": what,
            "hamlet": hamlet.code if hamlet else None,
            "households": households,
            **({"receipts": receipts} if receipts else {}),
            "via": ctx.inbound.channel,
        },
    )


async def dossier_data(
    ctx: Ctx, proposal: AwardProposal, elig: Eligibility, hamlet: HamletStanding, evidence_file: str
) -> DossierData:
    def chosen(lines: tuple[Line[HamletStanding], ...]) -> bool:
        return any(
            line.subject.hamlet_id == hamlet.hamlet_id and line.status in DOSSIER_STATUSES
            for line in lines
        )

    proposed = {line.subject.user_id for line in elig.individual.having(*DOSSIER_STATUSES)}
    officers = tuple(
        OfficerLine(
            o.name,
            o.households,
            o.active_days,
            o.user_id in proposed,
            checks_called=o.checks.checked if o.checks else 0,
            checks_confirmed=o.checks.confirmed if o.checks else 0,
            checks_failed=o.checks.failures if o.checks else 0,
        )
        for o in sorted(elig.officers, key=lambda o: (-o.households, o.name))
        if o.hamlet_code == hamlet.code
    )
    checks = hamlet.checks
    camp = ctx.settings.campaign
    review = _round_of(ctx, proposal)
    row = await ctx.session.get(Hamlet, hamlet.hamlet_id)
    # A hamlet of another commune (hamlets[].unit) writes to that commune's committee
    unit = (row.unit if row is not None and row.unit else "") or camp.unit
    return DossierData(
        unit=unit,
        campaign_name=camp.name,
        review=round_phrase(ctx.lang, review),
        period_start=elig.period.start,
        period_end=elig.as_of,
        hamlet_code=hamlet.code,
        hamlet_name=hamlet.name,
        collective=chosen(elig.collective.lines),
        special=chosen(elig.special.lines),
        total_households=hamlet.total,
        roster_based=hamlet.roster,
        guided=hamlet.guided,
        configured_households=hamlet.configured,
        coverage=hamlet.coverage,
        threshold=elig.threshold,
        required_procedures=hamlet.required,
        special_households=hamlet.special,
        entries=hamlet.entries,
        active_days=hamlet.active_days,
        period_days=hamlet.period_days,
        procedures=tuple(await procedure_counts(ctx.session, proposal, hamlet.hamlet_id)),
        officers=officers,
        checks_called=checks.checked if checks else 0,
        checks_confirmed=checks.confirmed if checks else 0,
        checks_failed=checks.failed if checks else 0,
        checks_overturned=checks.overturned if checks else 0,
        checks_unreachable=checks.unreachable if checks else 0,
        checks_wrong_number=checks.wrong_number if checks else 0,
        # As judged when the proposal was made; with none, by the rule in force.
        wrong_number_fails=bool(checks.wrong_number_failing)
        if checks and checks.wrong_number
        else "phone" in ctx.settings.verification.must_match,
        snapshot_at=proposal.snapshot_at.astimezone(ctx.settings.timezone),
        proposal_id=proposal.id,
        evidence_file=evidence_file,
        locality=locality_name(unit),
        final=proposal.final,
        deadline=review.deadline,
        campaign_start=camp.start,
        campaign_end=camp.end,
    )


async def _dossier_files(
    ctx: Ctx,
    proposal: AwardProposal,
    elig: Eligibility,
    hamlet: HamletStanding,
    folder: Path,
) -> tuple[list[Path], Callable[[], None], int]:
    stem = _stem(proposal, hamlet.code)
    book_path = folder / f"{stem}-minh-chung.xlsx"
    submission = folder / f"{stem}-to-trinh.docx"
    minutes = folder / f"{stem}-bien-ban.docx"
    data = await dossier_data(ctx, proposal, elig, hamlet, book_path.name)
    # The dossier is the hamlet's own submission: it goes to the hamlet, so its evidence
    # list holds what the hamlet may see, not the checks still to be called.
    book = await _book_data(ctx, proposal, elig, (hamlet.hamlet_id,), Role.HAMLET_HEAD)

    def write() -> None:
        folder.mkdir(parents=True, exist_ok=True)
        write_submission(submission, data, ctx.lang)
        write_minutes(minutes, data, ctx.lang)
        write_book(book, ctx.lang, book_path)

    return [submission, minutes, book_path], write, len(book.households)


async def open_checks_warning(
    ctx: Ctx, proposal: AwardProposal, hamlets: list[HamletStanding]
) -> str:
    """For the office only: hamlets whose sampled households are not all called yet, so
    their figures may still change. Never for a hamlet's people – the sample is secret."""
    if not sees_pending(ctx.me):
        return ""
    rows = list(
        await ctx.session.scalars(
            select(Hamlet).where(Hamlet.id.in_([h.hamlet_id for h in hamlets]))
        )
    )
    # The checks this review counts: those of entries guided within its period
    figures = await verification(
        ctx.session,
        campaign_id=proposal.campaign_id,
        rule=fail_rule(ctx.settings),
        hamlets=rows,
        viewer=ctx.me,
        guided_within=(proposal.period_start, proposal.as_of),
    )
    lines = []
    for hamlet in hamlets:
        tally = figures.hamlet(hamlet.hamlet_id)
        if tally is not None and tally.open:
            lines.append(
                ctx.t("award_doc_open_checks", hamlet=hamlet.name, n=fmt_int(ctx.lang, tally.open))
            )
    return "\n".join(lines)


def _warned(warning: str, text: str) -> str:
    # With the first file rather than on its own: the warning belongs to these files
    return f"{warning}\n\n{text}" if warning else text


async def dossier_replies(
    ctx: Ctx, proposal: AwardProposal, elig: Eligibility, hamlet: HamletStanding
) -> list[Reply]:
    """The hamlet's three files, with a warning (office only) if its checks are not done."""
    warning = await open_checks_warning(ctx, proposal, [hamlet])
    paths, write, households = await _dossier_files(
        ctx, proposal, elig, hamlet, scratch_folder(ctx.settings)
    )
    _audit_files(ctx, proposal, "dossier", hamlet, households)
    status = ctx.t("award_doc_final" if proposal.final else "award_doc_draft")
    deadline = round_deadline(ctx.lang, _round_of(ctx, proposal))
    submission = ctx.t("award_doc_submission", hamlet=hamlet.name, status=status)
    if deadline:
        submission += "\n" + ctx.t("award_deadline", deadline=deadline)
    captions = [
        _warned(warning, submission),
        ctx.t("award_doc_minutes", hamlet=hamlet.name),
        ctx.t("award_doc_evidence", hamlet=hamlet.name, households=fmt_int(ctx.lang, households)),
    ]
    return [
        Reply(caption, file=path, cleanup=True, render=write if i == 0 else None)
        for i, (caption, path) in enumerate(zip(captions, paths, strict=True))
    ]


async def _zip_reply(
    ctx: Ctx, proposal: AwardProposal, elig: Eligibility, hamlets: list[HamletStanding]
) -> Reply:
    """Every hamlet's dossier in one archive, with the warning about checks not done."""
    warning = await open_checks_warning(ctx, proposal, hamlets)
    folder = scratch_folder(ctx.settings)
    parts: list[tuple[list[Path], Callable[[], None]]] = []
    receipts: list[tuple[Path, str]] = []  # (stored file, its name in the archive)
    for hamlet in hamlets:
        paths, write, households = await _dossier_files(
            ctx, proposal, elig, hamlet, folder / hamlet.code
        )
        files = await _receipts(ctx, proposal, hamlet)
        receipts += files
        _audit_files(ctx, proposal, "dossier", hamlet, households, len(files))
        parts.append((paths, write))
    archive = folder / f"{_stem(proposal)}-ho-so.zip"

    def write_zip() -> None:
        archive.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for paths, write in parts:
                write()
                for path in paths:
                    zf.write(path, f"{path.parent.name}/{path.name}")
                    path.unlink()
                path.parent.rmdir()
            for stored, name in receipts:
                if stored.exists():  # purged since: left out
                    zf.write(stored, name)

    text = ctx.t("award_zip_ready", n=len(hamlets))
    deadline = round_deadline(ctx.lang, _round_of(ctx, proposal))
    if deadline:
        text += "\n" + ctx.t("award_deadline", deadline=deadline)
    return Reply(
        _warned(warning, text),
        file=archive,
        cleanup=True,
        render=write_zip,
    )


# --- /hoso: the dossier of the final proposal ------------------------------------------------


@router.command("hoso", "dossier", menu=Menu(120, "dossier", "cmd_dossier", HEADS))
@reads_earlier_campaigns
async def cmd_dossier(ctx: Ctx, arg: str) -> list[Reply]:
    """A hamlet head gets their own hamlet's dossier from the council's final proposal; the
    office gets every hamlet's, as from /khenthuong."""
    me = ctx.me
    if me.role not in SEES_ALL and me.role != Role.HAMLET_HEAD:
        return [Reply(ctx.t("dossier_not_allowed"))]
    if me.role == Role.HAMLET_HEAD and me.hamlet_id is None:
        return [Reply(ctx.t("dossier_no_hamlet"))]
    kind: str | None = None  # a round typed ("/hoso năm 2026"): its final proposal
    if arg.strip():
        chosen = pick(ctx, arg, since_start=True)
        if chosen.code is None:
            text = problem_text(ctx, chosen, arg, "/hoso") or ctx.t(
                "award_unknown_arg", arg=arg.strip()[:40]
            )
            return [Reply(text)]
        kind = chosen.code
    proposal = await final_proposal(
        ctx.session, await ctx.campaign_id(), kind, scopes=await scopes(ctx)
    )
    if proposal is None:
        return [Reply(ctx.t("dossier_office_none" if me.role in SEES_ALL else "dossier_not_final"))]
    elig = stored_eligibility(proposal)
    # The dates go in the review's own words, so the message's brackets do not nest
    review = round_phrase(ctx.lang, _round_of(ctx, proposal))
    hamlets = dossier_hamlets(elig)
    if me.role in SEES_ALL:
        if not hamlets:
            return [Reply(ctx.t("award_menu_none", id=proposal.id))]
        head = Reply(ctx.t("dossier_office_ready", id=proposal.id, review=review))
        if len(hamlets) == 1:
            return [head, *await dossier_replies(ctx, proposal, elig, hamlets[0])]
        return [head, await _zip_reply(ctx, proposal, elig, hamlets)]
    own = next((h for h in hamlets if h.hamlet_id == me.hamlet_id), None)
    if own is None:
        row = await ctx.session.get(Hamlet, me.hamlet_id)
        return [
            Reply(
                ctx.t("dossier_nothing", review=review, hamlet=row.name if row is not None else "")
            )
        ]
    return [
        Reply(ctx.t("dossier_head_ready", hamlet=own.name, review=review)),
        *await dossier_replies(ctx, proposal, elig, own),
    ]


# --- /khenthuong_ct: the households and checks behind one line ------------------------------


@router.command("khenthuong_ct", "awards_detail")
async def cmd_detail(ctx: Ctx, arg: str) -> list[Reply]:
    if not _allowed(ctx):
        return [Reply(ctx.t("award_not_allowed"))]
    proposal = await latest_proposal(ctx.session, await ctx.campaign_id(), scopes=await scopes(ctx))
    if proposal is None:
        return [Reply(ctx.t("award_detail_none"))]
    elig = stored_eligibility(proposal)
    code = arg.strip().upper()
    hamlet = next((h for h in elig.hamlets if h.code == code), None)
    if hamlet is None:
        codes = ", ".join(h.code for h in elig.hamlets)
        return [Reply(ctx.t("award_detail_usage", id=proposal.id, codes=codes))]
    return [Reply(await detail_text(ctx, proposal, elig, hamlet))]


DETAIL_HOUSEHOLDS = 10


async def detail_text(
    ctx: Ctx, proposal: AwardProposal, elig: Eligibility, hamlet: HamletStanding
) -> str:
    lang = ctx.lang
    households = await traces(ctx.session, proposal, [hamlet.hamlet_id], viewer=ctx.me)
    meeting = [h for h in households if len(h.procedures) >= hamlet.required]
    total = await _total_line(ctx, hamlet)
    lines = [
        ctx.t(
            "award_detail_head",
            id=proposal.id,
            hamlet=hamlet.name,
            at=_local(ctx, proposal.snapshot_at),
            max_entry=proposal.max_entry_id,
        ),
        total,
        ctx.t(
            "award_detail_guided",
            guided=fmt_int(lang, hamlet.guided),
            listed=fmt_int(lang, len(households)),
            start=fmt_date(elig.period.start),
            as_of=fmt_date(elig.as_of),
            pct=fmt_pct(lang, hamlet.coverage),
        ),
        ctx.t(
            "award_detail_special",
            special=fmt_int(lang, hamlet.special),
            listed=fmt_int(lang, len(meeting)),
            required=hamlet.required,
        ),
    ]
    checks = hamlet.checks
    if checks is not None and (checks.checked or checks.open):
        lines.append(
            ctx.t(
                "award_detail_checks",
                called=checks.checked,
                ok=checks.confirmed,
                failed=checks.failed,
                overturned=checks.overturned,
                wrong_number=checks.wrong_number,
                unreachable=checks.unreachable,
                open=checks.open,
            )
        )
    lines.append(ctx.t("award_detail_list", n=min(DETAIL_HOUSEHOLDS, len(households))))
    for h in households[:DETAIL_HOUSEHOLDS]:
        lines.append(
            ctx.t(
                "award_detail_household",
                name=h.head_name,
                days=", ".join(d.strftime("%d/%m") for d in h.days),
                procedures=len(h.procedures),
                entries=", ".join(f"#{i}" for i in h.entry_ids),
            )
        )
    lines.append(ctx.t("award_detail_more", sheet=ctx.t("award_xl_sheet_households")))
    return "\n".join(lines)


async def _total_line(ctx: Ctx, hamlet: HamletStanding) -> str:
    """Where the total comes from: the list in force at the period's end, with the
    configured figure beside it (models/totals.py), or the configured figure."""
    lang = ctx.lang
    configured = hamlet.configured
    if configured is None:  # a proposal stored before figures kept it
        row = await ctx.session.get(Hamlet, hamlet.hamlet_id)
        configured = row.configured_households if row is not None else None
    listed = await current_roster(ctx.session, hamlet.hamlet_id)
    if hamlet.roster:
        roster = await ctx.session.get(Roster, hamlet.roster_id) if hamlet.roster_id else listed
        if roster is not None:
            return ctx.t(
                "award_detail_total_roster",
                total=fmt_int(lang, hamlet.total),
                configured=fmt_int(lang, configured if configured is not None else hamlet.total),
                file=roster.source,
                at=_local(ctx, roster.imported_at),
            )
    if listed is not None and listed.households != hamlet.total:
        return ctx.t(
            "award_detail_total_config_list",
            total=fmt_int(lang, hamlet.total),
            rows=fmt_int(lang, listed.households),
        )
    return ctx.t("award_detail_total_config", total=fmt_int(lang, hamlet.total))


def _local(ctx: Ctx, moment: datetime) -> str:
    return moment.astimezone(ctx.settings.timezone).strftime("%H:%M %d/%m/%Y")


router.add_help(21, {Role.HAMLET_HEAD}, lambda ctx: ctx.t("help_dossier"))
router.add_help(33, SUPERVISES, lambda ctx: ctx.t("help_awards"))
