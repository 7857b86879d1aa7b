"""Bulk invites: an admin sends a staff list (.xlsx/.csv) and gets a code and link per
person, plus a printable sheet with QR codes.

The core hands a sent file here when its header is a staff list's (`is_staff_list`), else
to the household lists. A list with any row to fix creates nothing: every problem is listed
by row and the whole file is sent again. A clean list is previewed and, once confirmed,
every invite is made in the one transaction of that message.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_datetime, fmt_int, t
from handlers.engine.messages import Attachment, Option, Reply, scratch_dir
from handlers.engine.router import Router
from handlers.engine.states import BulkInviteState
from handlers.parse.roster_file import RosterFileError, parse_roster
from handlers.parse.staff_file import (
    HamletRef,
    Invitee,
    StaffError,
    StaffFileError,
    error_text,
    file_error_text,
    looks_like_staff_list,
    parse_staff,
    resolve,
)
from handlers.render.invite_sheet import Card, SheetData, write_sheet
from models.audit import record
from models.campaign import Hamlet
from models.invites import BulkInviteError, InviteSpec, create_invites
from models.people import Invite, Role, User
from models.text import fold

router = Router("bulk_invites")

SHOWN_ERRORS = 20  # row errors listed in chat; the rest are counted
SHOWN_HAMLETS = 12
MESSAGE_CHARS = 3500  # one chat message of codes (Telegram's limit is 4096)


async def takes_file(ctx: Ctx, attachment: Attachment) -> bool:
    """Whether a sent file is for this flow rather than the household lists: its header is
    a staff list's; or, from an admin, it has neither kind of header (the reply then says
    what both need)."""
    if attachment.refused or not attachment.data:
        return False
    if await asyncio.to_thread(looks_like_staff_list, attachment.data, attachment.name):
        return True
    return ctx.me.role == Role.ADMIN and await asyncio.to_thread(
        _no_household_header, attachment.data, attachment.name
    )


def _no_household_header(data: bytes, name: str) -> bool:
    try:
        parse_roster(data, name)
    except RosterFileError as exc:
        return exc.key in ("roster_err_no_header", "roster_err_missing_column")
    return False


def rejected_text(lang: str, good: int, errors: list[StaffError], shown: int | None) -> str:
    """The rows to fix, each naming its row (`shown` of them; None: all)."""
    lines = [t(lang, "bulk_rejected", errors=fmt_int(lang, len(errors)), rows=fmt_int(lang, good))]
    listed = errors if shown is None else errors[:shown]
    lines += [f"• {error_text(lang, err)}" for err in listed]
    if len(errors) > len(listed):
        lines.append(t(lang, "bulk_more_errors", n=len(errors) - len(listed)))
    return "\n".join(lines)


async def hamlet_refs(session: AsyncSession) -> list[HamletRef]:
    """Every hamlet, closed ones too (so a row naming one is told it closed)."""
    hamlets = await session.scalars(select(Hamlet).order_by(Hamlet.code))
    return [HamletRef(h.id, h.code, h.name, h.unit, h.active) for h in hamlets]


async def on_file(ctx: Ctx, attachment: Attachment) -> list[Reply]:
    if ctx.me.role != Role.ADMIN:
        return [Reply(ctx.t("bulk_not_allowed"))]
    try:
        parsed = await asyncio.to_thread(parse_staff, attachment.data, attachment.name)
    except StaffFileError as exc:
        if exc.key == "bulk_err_no_header":
            return [Reply(ctx.t("bulk_err_which_list"))]
        return [Reply(file_error_text(ctx.lang, exc))]
    people, errors = resolve(parsed, await hamlet_refs(ctx.session))
    if errors or not people:
        return [Reply(rejected_text(ctx.lang, len(people), errors, SHOWN_ERRORS))]
    data = {"file": attachment.name[:200], "people": [_keep(p) for p in people]}
    return [await _ask_confirm(ctx, people, data)]


def _keep(p: Invitee) -> list[Any]:
    return [p.row, p.name, p.role.value, p.hamlet_code, p.unit, p.phone]


async def already_there(session: AsyncSession, people: list[Invitee]) -> list[tuple[Invitee, User]]:
    """Rows naming someone who already uses the bot in the same place (same hamlet; for
    the office, without one): a code they redeem re-assigns their account, so the admin is
    warned before creating (a namesake may well be another person: not refused)."""
    wanted = {fold(p.name) for p in people}
    users = await session.scalars(select(User).where(User.active))
    by_place: dict[tuple[int | None, str], User] = {}
    for user in users:
        key = fold(user.display_name)
        if key in wanted:
            by_place.setdefault((user.hamlet_id, key), user)
    found = []
    for p in people:
        same = by_place.get((p.hamlet_id, fold(p.name)))
        if same is not None:
            found.append((p, same))
    return found


def _warnings(lang: str, found: list[tuple[Invitee, User]]) -> list[str]:
    lines = [
        t(
            lang,
            "bulk_warn_existing",
            row=p.row,
            name=user.display_name,
            place=place_of(lang, p) or t(lang, "bulk_office"),
            who=t(lang, f"role_{user.role.value}"),
            role=t(lang, f"role_{p.role.value}"),
        )
        for p, user in found[:SHOWN_ERRORS]
    ]
    if len(found) > SHOWN_ERRORS:
        lines.append(t(lang, "bulk_more_warnings", n=len(found) - SHOWN_ERRORS))
    return lines


async def _ask_confirm(ctx: Ctx, people: list[Invitee], data: dict[str, Any]) -> Reply:
    roles = Counter(p.role for p in people)
    lines = [
        ctx.t("bulk_preview_role", role=ctx.t(f"role_{role.value}"), n=fmt_int(ctx.lang, n))
        for role, n in sorted(roles.items(), key=lambda item: list(Role).index(item[0]))
    ]
    hamlets = list(dict.fromkeys(p.hamlet_name for p in people if p.hamlet_name))
    if hamlets:
        shown = ", ".join(hamlets[:SHOWN_HAMLETS])
        if len(hamlets) > SHOWN_HAMLETS:
            shown += f" (+{len(hamlets) - SHOWN_HAMLETS})"
        lines.append(ctx.t("bulk_preview_hamlets", hamlets=shown))
    n = fmt_int(ctx.lang, len(people))
    text = ctx.t(
        "bulk_preview",
        file=data["file"],
        n=n,
        lines="\n".join(lines),
        expires=fmt_datetime(ctx.now + _ttl(ctx), ctx.settings.timezone),
    )
    warnings = _warnings(ctx.lang, await already_there(ctx.session, people))
    if warnings:
        text += "\n\n" + "\n".join([ctx.t("bulk_warn_title"), *warnings])
    options = [Option(ctx.t("bulk_btn_create", n=n), "yes"), Option(ctx.t("opt_cancel"), "cancel")]
    return ask(ctx, BulkInviteState.CONFIRM, text, options, draft=data, per_row=1)


def _ttl(ctx: Ctx) -> timedelta:
    return timedelta(hours=ctx.settings.invite_ttl_hours)


def _kept(data: dict[str, Any], refs: list[HamletRef]) -> tuple[list[Invitee], list[StaffError]]:
    """The people the preview showed, their hamlets looked up again (one may have closed
    since); ([], []) when the draft is not a kept list (lost to an older version, forged)."""
    raw = data.get("people")
    if not isinstance(raw, list) or not raw:
        return [], []
    by_code = {h.code: h for h in refs}
    people: list[Invitee] = []
    errors: list[StaffError] = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 6):
            return [], []
        row, name, role_value, code, unit, phone = item
        try:
            role = Role(role_value)
        except ValueError:
            return [], []
        if not (isinstance(row, int) and isinstance(name, str) and isinstance(code, str)):
            return [], []
        if role == Role.ADMIN or (role.needs_hamlet and not code):
            return [], []
        hamlet = by_code.get(code) if code else None
        if code and (hamlet is None or not hamlet.active):
            errors.append(StaffError(row, "bulk_err_hamlet_closed", {"hamlet": code}))
            continue
        people.append(
            Invitee(
                row=row,
                name=name,
                role=role,
                hamlet_id=hamlet.id if hamlet else None,
                hamlet_code=code,
                hamlet_name=hamlet.name if hamlet else "",
                unit=unit if isinstance(unit, str) and role == Role.SUPERVISOR else None,
                phone=phone if isinstance(phone, str) else "",
            )
        )
    return people, errors


@router.on_state(BulkInviteState.CONFIRM)
async def step_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    data = draft(ctx)
    if answer.value == "cancel":
        await close(ctx)
        return [Reply(ctx.t("bulk_cancelled"))]
    if ctx.me.role != Role.ADMIN:
        await close(ctx)
        return [Reply(ctx.t("admin_only"))]
    people, errors = _kept(data, await hamlet_refs(ctx.session))
    if not people and not errors:
        await close(ctx)
        return [Reply(ctx.t("bulk_gone"))]
    if errors:
        await close(ctx)
        return [Reply(_changed_text(ctx.lang, errors))]
    if answer.value != "yes":
        prefix = [Reply(ctx.t("choose_option"))] if answer.value != REPEAT and answer.text else []
        again = await _ask_confirm(ctx, people, {**data, "file": str(data.get("file", ""))})
        return [*prefix, again]
    try:
        made = await create_invites(
            ctx.session,
            [InviteSpec(p.role, p.hamlet_id, p.name, p.phone, p.unit) for p in people],
            created_by=ctx.me.id,
            now=ctx.now,
            ttl=_ttl(ctx),
        )
    except BulkInviteError:
        # A hamlet closed between the lookup above and now: nothing was added.
        await close(ctx)
        return [Reply(ctx.t("bulk_gone"))]
    await close(ctx)
    expires = fmt_datetime(made[0][1].expires_at, ctx.settings.timezone)
    username = ctx.inbound.bot_username
    cards = cards_for(ctx.lang, people, [code for code, _ in made], username)
    replies = [Reply(ctx.t("bulk_created", n=fmt_int(ctx.lang, len(made)), expires=expires))]
    replies += [Reply(text) for text in _chunks(code_lines(ctx.lang, cards, username))]
    path = scratch_dir(ctx.settings.data_dir) / f"ma-moi-{ctx.arrival_day:%Y%m%d}.docx"
    sheet = SheetData(
        campaign=ctx.settings.campaign.name,
        unit=ctx.settings.campaign.unit,
        made_on=ctx.arrival_day,
        expires=expires,
        bot_username=username,
        cards=tuple(cards),
    )
    lang = ctx.lang

    def write() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_sheet(path, sheet, lang)

    audit_sheet(ctx.session, actor_id=ctx.me.id, now=ctx.now, made=made)
    replies.append(Reply(ctx.t("bulk_sheet_caption"), file=path, cleanup=True, render=write))
    return replies


def _changed_text(lang: str, errors: list[StaffError]) -> str:
    lines = [t(lang, "bulk_changed")]
    lines += [f"• {error_text(lang, err)}" for err in errors[:SHOWN_ERRORS]]
    if len(errors) > SHOWN_ERRORS:
        lines.append(t(lang, "bulk_more_errors", n=len(errors) - SHOWN_ERRORS))
    return "\n".join(lines)


def place_of(lang: str, person: Invitee) -> str:
    """Where the invite is for: the hamlet, a supervisor's commune or every commune."""
    if person.hamlet_name:
        return person.hamlet_name
    if person.role == Role.SUPERVISOR:
        return person.unit or t(lang, "bulk_all_units")
    return ""


def link_of(username: str, code: str) -> str:
    return f"https://t.me/{username}?start={code}" if username else ""


def cards_for(lang: str, people: list[Invitee], codes: list[str], username: str) -> list[Card]:
    """Each person's card for the sheet: the QR code holds their link, or the bare code."""
    return [
        Card(
            name=person.name,
            role=t(lang, f"role_{person.role.value}"),
            place=place_of(lang, person),
            code=code,
            target=link_of(username, code) or code,
        )
        for person, code in zip(people, codes, strict=True)
    ]


def audit_sheet(
    session: AsyncSession, *, actor_id: int | None, now: datetime, made: list[tuple[str, Invite]]
) -> None:
    """The sheet names people and carries working codes, and leaves the bot on paper:
    recorded as every export is."""
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="export",
        target="invite",
        target_id=made[0][1].id,
        after={"files": "invite_sheet", "invites": [invite.id for _, invite in made]},
    )


def code_lines(lang: str, cards: list[Card], username: str) -> list[str]:
    """One line per person: name, role and place, code (and link where there is one)."""
    lines = []
    for n, card in enumerate(cards, start=1):
        place = t(lang, "bulk_place", place=card.place) if card.place else ""
        values = {"n": n, "name": card.name, "role": card.role, "place": place, "code": card.code}
        if username:
            lines.append(t(lang, "bulk_line_link", **values, link=link_of(username, card.code)))
        else:
            lines.append(t(lang, "bulk_line_code", **values))
    return lines


def _chunks(lines: list[str]) -> list[str]:
    """Lines gathered into messages of at most MESSAGE_CHARS."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + 1 + len(line) > MESSAGE_CHARS:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


router.add_help(41, {Role.ADMIN}, lambda ctx: ctx.t("help_bulk_invites"))
