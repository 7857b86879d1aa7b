"""Household rosters from chat: a hamlet head or supervisor sends the hamlet's list (CSV or
XLSX), sees what was read or every row that must be fixed, and confirms; /ghepho resolves
the guided households the bot could not link to a roster row by itself."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_date, fmt_int, fmt_pct, fmt_phone, t
from handlers.engine.messages import Attachment, Option, Reply
from handlers.engine.router import Router
from handlers.engine.states import RosterState
from handlers.parse.roster_file import (
    MAX_BYTES,
    ParsedRoster,
    RosterFileError,
    error_text,
    file_error_text,
    parse_roster,
)
from handlers.reports.scope import SEES_ALL
from handlers.rosters.totals import WAKE_TOTALS, fmt_change
from models.campaign import Hamlet
from models.households import Entry, Household
from models.people import Role, User
from models.reports import active_hamlets
from models.roster import RosterHousehold, RosterLine, current_roster, import_roster
from models.roster_match import Ambiguous, LinkError, MatchResult, link, match_hamlet
from models.totals import PENDING, HamletTotal, change_of_roster, exceeds

router = Router("roster")

SHOWN_ERRORS = 15  # row errors listed in chat; the rest are counted
SHOWN_CANDIDATES = 6
UPLOAD_TTL_S = 24 * 3600  # an unconfirmed upload is deleted after this


def can_import(ctx: Ctx) -> bool:
    return ctx.me.role in SEES_ALL or ctx.me.role == Role.HAMLET_HEAD


def upload_folder(ctx: Ctx) -> Path:
    return ctx.settings.data_dir / "uploads"


def _lines(parsed: ParsedRoster) -> list[RosterLine]:
    return [RosterLine(r.row, r.head_name, r.address, r.phone, r.code) for r in parsed.rows]


def rejected_text(lang: str, parsed: ParsedRoster, shown: int | None = SHOWN_ERRORS) -> str:
    """The rows to fix, each naming its row (`shown` of them; None: all)."""
    lines = [
        t(
            lang,
            "roster_rejected",
            errors=fmt_int(lang, len(parsed.errors)),
            rows=fmt_int(lang, len(parsed.rows)),
        )
    ]
    listed = parsed.errors if shown is None else parsed.errors[:shown]
    lines += [f"• {error_text(lang, err)}" for err in listed]
    if len(parsed.errors) > len(listed):
        lines.append(t(lang, "roster_more_errors", n=len(parsed.errors) - len(listed)))
    return "\n".join(lines)


async def _parse(attachment: Attachment) -> ParsedRoster:
    # Parsing a few thousand rows takes a moment: off the event loop.
    return await asyncio.to_thread(parse_roster, attachment.data, attachment.name)


async def on_file(ctx: Ctx, attachment: Attachment) -> list[Reply]:
    if not can_import(ctx):
        return [Reply(ctx.t("roster_not_allowed"))]
    if attachment.refused == "too_big":
        return [Reply(ctx.t("roster_err_too_big", limit_mb=MAX_BYTES // (1024 * 1024)))]
    if attachment.refused:
        return [Reply(ctx.t("roster_download_failed"))]
    try:
        parsed = await _parse(attachment)
    except RosterFileError as exc:
        return [Reply(file_error_text(ctx.lang, exc))]
    if not parsed.ok:
        return [Reply(rejected_text(ctx.lang, parsed))]
    # Kept until confirmed or cancelled (a restart resumes the question), then deleted.
    stored = upload_folder(ctx) / f"{uuid.uuid4().hex}{Path(attachment.name).suffix.lower()[:6]}"
    await asyncio.to_thread(_keep, stored, attachment.data)
    data = {
        "path": str(stored),
        "name": attachment.name[:200],
        "sha": hashlib.sha256(attachment.data).hexdigest(),
        "rows": len(parsed.rows),
        "phones": sum(1 for r in parsed.rows if r.phone),
        "codes": sum(1 for r in parsed.rows if r.code),
    }
    await _drop_upload(ctx)
    if ctx.me.role == Role.HAMLET_HEAD:
        hamlet = await ctx.hamlet()
        if hamlet is None:
            await asyncio.to_thread(_discard, stored)
            return [Reply(ctx.t("add_needs_hamlet"))]
        return [await _ask_confirm(ctx, hamlet, data)]
    hamlets = await ctx.covered_hamlets()
    caption = ctx.inbound.text.strip().upper()
    chosen = next((h for h in hamlets if h.code == caption), None)
    if chosen is not None:
        return [await _ask_confirm(ctx, chosen, data)]
    return [_ask_hamlet(ctx, hamlets, data)]


async def _drop_upload(ctx: Ctx) -> None:
    """A file sent while another waited for confirmation replaces it."""
    old = draft(ctx).get("path") if ctx.dialog and ctx.dialog.state.startswith("roster.") else None
    # Only files this module kept are ever deleted, whatever a draft says.
    if isinstance(old, str) and Path(old).parent == upload_folder(ctx):
        await asyncio.to_thread(_discard, Path(old))


def _keep(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Lists nobody confirmed hold names and phones: they do not stay on disk for long.
    stale = time.time() - UPLOAD_TTL_S
    for old in path.parent.iterdir():
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < stale:
                old.unlink()
    path.write_bytes(data)


def _discard(path: Path) -> None:
    path.unlink(missing_ok=True)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _ask_hamlet(ctx: Ctx, hamlets: list[Hamlet], data: dict[str, Any]) -> Reply:
    options = [Option(f"{h.name} ({h.code})", f"h:{h.code}") for h in hamlets]
    options.append(Option(ctx.t("opt_cancel"), "cancel"))
    return ask(
        ctx,
        RosterState.HAMLET,
        ctx.t("roster_ask_hamlet", rows=data["rows"]),
        options,
        draft=data,
        per_row=2,
    )


async def _ask_confirm(ctx: Ctx, hamlet: Hamlet, data: dict[str, Any]) -> Reply:
    data = {**data, "hamlet": hamlet.code}
    previous = await current_roster(ctx.session, hamlet.id)
    text = ctx.t(
        "roster_preview",
        hamlet=hamlet.name,
        file=data["name"],
        rows=fmt_int(ctx.lang, data["rows"]),
        phones=fmt_int(ctx.lang, data["phones"]),
        codes=fmt_int(ctx.lang, data["codes"]),
    )
    if previous is not None:
        text += "\n" + ctx.t("roster_preview_replaces", rows=fmt_int(ctx.lang, previous.households))
    tolerance = _tolerance(ctx)
    if tolerance is not None and exceeds(hamlet.total_households, data["rows"], tolerance):
        text += "\n" + ctx.t(
            "roster_preview_total_wait",
            total=fmt_int(ctx.lang, data["rows"]),
            before=fmt_int(ctx.lang, hamlet.total_households),
            configured=_configured(ctx.lang, hamlet),
            change=fmt_change(ctx.lang, hamlet.total_households, data["rows"]),
            tolerance=fmt_pct(ctx.lang, tolerance),
        )
    else:
        text += "\n" + ctx.t(
            "roster_preview_total",
            total=fmt_int(ctx.lang, data["rows"]),
            before=fmt_int(ctx.lang, hamlet.total_households),
        )
    options = [Option(ctx.t("roster_btn_import"), "yes"), Option(ctx.t("opt_cancel"), "cancel")]
    return ask(ctx, RosterState.CONFIRM, text, options, draft=data, per_row=2)


async def _cancel(ctx: Ctx) -> list[Reply]:
    await _drop_upload(ctx)
    await close(ctx)
    return [Reply(ctx.t("roster_cancelled"))]


def _upload_ok(data: dict[str, Any]) -> bool:
    """The draft still describes a kept upload (not one lost to an older version)."""
    return (
        isinstance(data.get("path"), str)
        and isinstance(data.get("name"), str)
        and all(isinstance(data.get(k), int) for k in ("rows", "phones", "codes"))
    )


async def _gone(ctx: Ctx) -> list[Reply]:
    await _drop_upload(ctx)
    await close(ctx)
    return [Reply(ctx.t("roster_upload_gone"))]


@router.on_state(RosterState.HAMLET)
async def step_hamlet(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    if answer.value == "cancel":
        return await _cancel(ctx)
    if not _upload_ok(data):
        return await _gone(ctx)
    hamlets = await ctx.covered_hamlets()
    value = answer.value or ""
    code = value[2:] if value.startswith("h:") else answer.text.strip().upper()
    chosen = next((h for h in hamlets if h.code == code), None)
    if chosen is not None:
        return [await _ask_confirm(ctx, chosen, data)]
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return [*prefix, _ask_hamlet(ctx, hamlets, data)]


@router.on_state(RosterState.CONFIRM)
async def step_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    if answer.value == "cancel":
        return await _cancel(ctx)
    if not _upload_ok(data):
        return await _gone(ctx)
    if answer.value != "yes":
        prefix = [Reply(ctx.t("choose_option"))] if answer.value != REPEAT and answer.text else []
        hamlet = await _draft_hamlet(ctx, data)
        if hamlet is None:
            return [*prefix, *await _cancel(ctx)]
        return [*prefix, await _ask_confirm(ctx, hamlet, data)]
    hamlet = await _draft_hamlet(ctx, data)
    path = Path(str(data["path"]))
    content = await asyncio.to_thread(_read, path)
    if hamlet is None or content is None:
        return await _gone(ctx)
    try:
        parsed = await _parse(Attachment(str(data.get("name", path.name)), content))
    except RosterFileError as exc:
        return [Reply(file_error_text(ctx.lang, exc)), *await _cancel(ctx)]
    if not parsed.ok:
        return [Reply(rejected_text(ctx.lang, parsed)), *await _cancel(ctx)]
    roster = await import_roster(
        ctx.session,
        hamlet=hamlet,
        lines=_lines(parsed),
        source=str(data.get("name", "")),
        fingerprint=hashlib.sha256(content).hexdigest(),
        actor_id=ctx.me.id,
        now=ctx.now,
        today=ctx.today,
        tolerance=_tolerance(ctx),
    )
    change = await change_of_roster(ctx.session, roster.id)
    if change is not None and change.status == PENDING:
        ctx.wake.add(WAKE_TOTALS)  # supervisors are told now, not at the next run
    result = await match_hamlet(
        ctx.session, campaign_id=await ctx.campaign_id(), hamlet_id=hamlet.id, now=ctx.now
    )
    await _drop_upload(ctx)
    await close(ctx)
    return [
        Reply(
            imported_text(
                ctx.lang,
                hamlet.name,
                roster.households,
                result,
                change,
                configured=hamlet.configured_households,
            )
        )
    ]


def _tolerance(ctx: Ctx) -> float | None:
    """A hamlet head's list may change the total by this much at once; beyond, a supervisor
    decides. A supervisor's own import is the office's decision (None: applied at once)."""
    return None if ctx.me.role in SEES_ALL else ctx.settings.roster_total_tolerance


def _configured(lang: str, hamlet: Hamlet) -> str:
    return (
        fmt_int(lang, hamlet.configured_households)
        if hamlet.configured_households is not None
        else t(lang, "none")
    )


async def _draft_hamlet(ctx: Ctx, data: dict[str, Any]) -> Hamlet | None:
    code = data.get("hamlet")
    if not isinstance(code, str):
        return None
    hamlet = await ctx.session.scalar(select(Hamlet).where(Hamlet.code == code, Hamlet.active))
    if hamlet is None:
        return None
    if ctx.me.role == Role.HAMLET_HEAD and hamlet.id != ctx.me.hamlet_id:
        return None
    return hamlet


def imported_text(
    lang: str,
    hamlet: str,
    rows: int,
    result: MatchResult,
    change: HamletTotal | None = None,
    configured: int | None = None,
) -> str:
    """What was imported and linked; and what became of the hamlet's total (`change`):
    waiting for a supervisor, or applied from its day."""
    before = change.previous if change is not None and change.previous is not None else rows
    if change is not None and change.status == PENDING:
        lines = [
            t(
                lang,
                "roster_imported_wait",
                hamlet=hamlet,
                rows=fmt_int(lang, rows),
                before=fmt_int(lang, before),
                total=fmt_int(lang, change.total),
                configured=fmt_int(lang, configured) if configured is not None else t(lang, "none"),
            )
        ]
    else:
        lines = [t(lang, "roster_imported", hamlet=hamlet, rows=fmt_int(lang, rows))]
        if change is not None and change.effective_from is not None and before != rows:
            lines.append(
                t(
                    lang,
                    "roster_total_recorded",
                    before=fmt_int(lang, before),
                    total=fmt_int(lang, rows),
                    since=fmt_date(change.effective_from),
                )
            )
    lines.append(
        t(
            lang,
            "roster_matched",
            linked=fmt_int(lang, result.linked),
            unmatched=fmt_int(lang, result.unmatched),
        )
    )
    if result.ambiguous:
        lines.append(t(lang, "roster_ambiguous", n=fmt_int(lang, len(result.ambiguous))))
    return "\n".join(lines)


# --- /ghepho: a person chooses where the bot would have had to guess ---------------------


async def _scope(ctx: Ctx, arg: str) -> list[Hamlet] | None:
    if ctx.me.role == Role.HAMLET_HEAD:
        own = await ctx.hamlet()
        return [own] if own is not None else []
    if ctx.me.role in SEES_ALL:
        hamlets = await ctx.covered_hamlets()
        code = arg.strip().upper()
        return [h for h in hamlets if h.code == code] if code else hamlets
    return None


@router.command("ghepho", "match")
async def cmd_match(ctx: Ctx, arg: str) -> list[Reply]:
    hamlets = await _scope(ctx, arg)
    if hamlets is None:
        return [Reply(ctx.t("roster_match_not_allowed"))]
    return await _next_ambiguous(ctx, [h.code for h in hamlets], skipped=[])


async def _next_ambiguous(
    ctx: Ctx, codes: list[str], skipped: list[int], prefix: list[Reply] | None = None
) -> list[Reply]:
    hamlets = [h for h in await active_hamlets(ctx.session, codes)]
    with_roster = 0
    for hamlet in hamlets:
        result = await match_hamlet(
            ctx.session, campaign_id=await ctx.campaign_id(), hamlet_id=hamlet.id, now=ctx.now
        )
        if result.roster is None:
            continue
        with_roster += 1
        for amb in result.ambiguous:
            if amb.household_id not in skipped:
                return [*(prefix or []), await _ask_pick(ctx, hamlet, amb, codes, skipped)]
    await close(ctx)
    key = "roster_match_done" if with_roster else "roster_none_for_match"
    return [*(prefix or []), Reply(ctx.t(key))]


async def _household_line(ctx: Ctx, household: Household) -> str:
    entry = await ctx.session.scalar(
        select(Entry)
        .where(Entry.household_id == household.id, Entry.deleted_at.is_(None))
        .order_by(Entry.id)
        .limit(1)
    )
    officer = await ctx.session.get(User, entry.officer_id) if entry else None
    phone = fmt_phone(household.phone) if household.phone else ctx.t("none")
    return ctx.t(
        "roster_match_household",
        name=household.head_name,
        address=household.address,
        phone=phone,
        entry=entry.id if entry else "–",
        officer=officer.display_name if officer else "–",
    )


async def _ask_pick(
    ctx: Ctx, hamlet: Hamlet, amb: Ambiguous, codes: list[str], skipped: list[int]
) -> Reply:
    household = await ctx.session.get(Household, amb.household_id)
    assert household is not None
    rows = list(
        await ctx.session.scalars(
            select(RosterHousehold)
            .where(RosterHousehold.id.in_(amb.row_ids))
            .order_by(RosterHousehold.row)
        )
    )[:SHOWN_CANDIDATES]
    lines = [
        ctx.t("roster_match_title", hamlet=hamlet.name),
        await _household_line(ctx, household),
        ctx.t("roster_match_candidates"),
    ]
    options = []
    for i, row in enumerate(rows, 1):
        phone = fmt_phone(row.phone) if row.phone else ctx.t("none")
        lines.append(
            ctx.t(
                "roster_match_row",
                n=i,
                row=row.row,
                name=row.head_name,
                address=row.address,
                phone=phone,
            )
        )
        options.append(Option(ctx.t("roster_btn_row", n=i, row=row.row), f"r:{row.id}"))
    options += [Option(ctx.t("roster_btn_skip"), "skip"), Option(ctx.t("opt_cancel"), "cancel")]
    return ask(
        ctx,
        RosterState.PICK,
        "\n".join(lines),
        options,
        per_row=2,
        draft={"codes": codes, "skipped": skipped, "household": household.id},
    )


@router.on_state(RosterState.PICK)
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    codes = [str(c) for c in data.get("codes") or []]
    skipped = [int(s) for s in data.get("skipped") or [] if isinstance(s, int)]
    household_id = data.get("household")
    value = answer.value or ""
    if value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("roster_match_stopped"))]
    if value == "skip" and isinstance(household_id, int):
        return await _next_ambiguous(ctx, codes, [*skipped, household_id])
    if value.startswith("r:") and value[2:].isdigit() and isinstance(household_id, int):
        try:
            row = await link(
                ctx.session,
                row_id=int(value[2:]),
                household_id=household_id,
                actor_id=ctx.me.id,
                now=ctx.now,
            )
        except LinkError:
            return await _next_ambiguous(
                ctx, codes, skipped, prefix=[Reply(ctx.t("roster_link_failed"))]
            )
        return await _next_ambiguous(
            ctx, codes, skipped, prefix=[Reply(ctx.t("roster_linked", row=row.row))]
        )
    prefix = [Reply(ctx.t("choose_option"))] if value != REPEAT and answer.text else []
    return await _next_ambiguous(ctx, codes, skipped, prefix=prefix)


router.add_help(
    35, {Role.HAMLET_HEAD, Role.SUPERVISOR, Role.ADMIN}, lambda ctx: ctx.t("help_roster")
)
