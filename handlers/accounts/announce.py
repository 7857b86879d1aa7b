"""/thongbaochung (alias /announce): the office's announcement to officers and heads.

Supervisors and admins choose who (officers, heads, both) and where (every hamlet they
cover, or one of them), type the text, see it as recipients will and confirm. Confirming
stores the announcement and wakes the channels' notifiers (kind "announce"), which send it
once per person through the notification ledger; `/thongbaochung ketqua` shows the tally."""

from __future__ import annotations

import unicodedata
from datetime import datetime, time

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft
from handlers.engine.i18n import fmt_datetime, fmt_int
from handlers.engine.messages import Option, Reply
from handlers.engine.router import SUPERVISES, Menu, Router
from handlers.engine.states import AnnounceState
from handlers.render import announce_text
from models.access import covered_hamlets
from models.announcements import (
    ANNOUNCE_KIND,
    AUDIENCES,
    MAX_CHARS,
    Announcement,
    create,
    may_announce,
    outcome,
    reach,
    recent,
    sent_today,
)
from models.campaign import Hamlet
from models.hamlet_names import by_name, match_hamlets
from models.people import Role
from models.text import clean, fold

router = Router("announce")

ALL = "all"
SEND, EDIT, CANCEL = "yes", "edit", "cancel"  # "ok", "có", "không" typed pick them too
RESULT_WORDS = {"ketqua", "kq", "results", "result"}
RECENT = 5  # announcements listed by /thongbaochung ketqua


def _text_of(raw: str) -> str:
    """The announcement as typed: NFC, tidy spaces, line breaks kept (one blank line at most
    between paragraphs)."""
    lines: list[str] = []
    for line in unicodedata.normalize("NFC", raw).splitlines():
        line = clean(line)
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


def _after_command(raw: str) -> str:
    """What follows the command word, line breaks kept."""
    parts = raw.strip().split(maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


def _text_problem(ctx: Ctx, text: str) -> Reply | None:
    if not text:
        return Reply(ctx.t("announce_text_empty"))
    if len(text) > MAX_CHARS:
        return Reply(
            ctx.t(
                "announce_text_too_long",
                length=fmt_int(ctx.lang, len(text)),
                limit=fmt_int(ctx.lang, MAX_CHARS),
            )
        )
    return None


async def _refused(ctx: Ctx) -> list[Reply]:
    await close(ctx)
    return [Reply(ctx.t("announce_not_allowed"))]


def _scope_unit(ctx: Ctx) -> str | None:
    return ctx.me.unit if ctx.me.role == Role.SUPERVISOR else None


def _day(ctx: Ctx, moment: datetime) -> datetime:
    return moment.astimezone(ctx.settings.timezone)


async def _place(ctx: Ctx, where: str) -> tuple[bool, Hamlet | None]:
    """(True, None) for every hamlet the sender covers, (True, hamlet) for one of them;
    (False, None) when `where` is none of those (any more)."""
    if where == ALL:
        return True, None
    for hamlet in await covered_hamlets(ctx.session, ctx.me):
        if hamlet.code == where:
            return True, hamlet
    return False, None


def _announcement(ctx: Ctx, d: dict[str, str], hamlet: Hamlet | None) -> Announcement:
    """The announcement the draft describes (not stored)."""
    return Announcement(
        created_by=ctx.me.id,
        created_at=ctx.now,
        text=d["text"],
        audience=d["audience"],
        unit=_scope_unit(ctx) if hamlet is None else None,
        hamlet_id=hamlet.id if hamlet is not None else None,
        finished_at=None,
    )


def _place_name(ctx: Ctx, hamlet: Hamlet | None) -> str:
    return announce_text.where(
        ctx.lang, unit=_scope_unit(ctx), hamlet=hamlet.name if hamlet is not None else None
    )


def _draft(ctx: Ctx) -> dict[str, str]:
    return {k: v for k, v in draft(ctx).items() if isinstance(k, str) and isinstance(v, str)}


# --- the questions ------------------------------------------------------------------


def _ask_audience(ctx: Ctx, d: dict[str, str]) -> Reply:
    opts = [Option(ctx.t(f"announce_audience_{a}"), a) for a in AUDIENCES]
    return ask(ctx, AnnounceState.AUDIENCE, ctx.t("announce_ask_audience"), opts, draft=d)


async def _ask_where(ctx: Ctx, d: dict[str, str]) -> Reply:
    unit = _scope_unit(ctx)
    everything = ctx.t("announce_option_unit", unit=unit) if unit else ctx.t("announce_option_all")
    opts = [Option(everything, ALL)]
    opts += [Option(h.name, h.code) for h in by_name(await covered_hamlets(ctx.session, ctx.me))]
    who = announce_text.who(ctx.lang, d["audience"])
    return ask(ctx, AnnounceState.WHERE, ctx.t("announce_ask_where", who=who), opts, draft=d)


def _ask_text(ctx: Ctx, d: dict[str, str]) -> Reply:
    limit = fmt_int(ctx.lang, MAX_CHARS)
    return ask(ctx, AnnounceState.TEXT, ctx.t("announce_ask_text", limit=limit), draft=d)


async def _next(ctx: Ctx, d: dict[str, str]) -> list[Reply]:
    """The next question the draft still needs, or the preview."""
    if d.get("audience") not in AUDIENCES:
        return [_ask_audience(ctx, {k: v for k, v in d.items() if k == "text"})]
    if "where" not in d:
        return [await _ask_where(ctx, d)]
    ok, hamlet = await _place(ctx, d["where"])
    if not ok:  # the sender's scope changed meanwhile
        return [await _ask_where(ctx, {k: v for k, v in d.items() if k != "where"})]
    ann = _announcement(ctx, {**d, "text": d.get("text", "")}, hamlet)
    if (await reach(ctx.session, ann)).reachable == 0:
        # Said when the place is chosen, before the text is typed: nobody there to tell.
        return await _nobody_there(ctx, d, hamlet)
    if "text" not in d:
        return [_ask_text(ctx, d)]
    return [await _preview(ctx, d, hamlet)]


async def _nobody_there(ctx: Ctx, d: dict[str, str], hamlet: Hamlet | None) -> list[Reply]:
    """Nobody of the chosen audience can be reached there: choose again (another hamlet, or
    another audience when no hamlet has anyone), the text typed so far kept."""
    who = announce_text.who(ctx.lang, d["audience"])
    place = _place_name(ctx, hamlet)
    rest = {k: v for k, v in d.items() if k != "where"}
    if hamlet is not None:
        notice = ctx.t("announce_nobody_here", where=place, who=who)
        return [Reply(notice), await _ask_where(ctx, rest)]
    notice = ctx.t("announce_nobody_anywhere", where=place, who=who)
    return [Reply(notice), _ask_audience(ctx, {k: v for k, v in rest.items() if k == "text"})]


async def _preview(ctx: Ctx, d: dict[str, str], hamlet: Hamlet | None) -> Reply:
    ann = _announcement(ctx, d, hamlet)
    message = announce_text.pushed(
        ctx.lang, sender=ctx.me.display_name, day=_day(ctx, ctx.now).date(), text=ann.text
    )
    text = announce_text.preview(
        ctx.lang,
        message=message,
        audience=ann.audience,
        place=_place_name(ctx, hamlet),
        reach=await reach(ctx.session, ann),
    )
    opts = [
        Option(ctx.t("announce_send"), SEND),
        Option(ctx.t("announce_edit"), EDIT),
        Option(ctx.t("announce_cancel"), CANCEL),
    ]
    return ask(ctx, AnnounceState.CONFIRM, text, opts, draft=d)


# --- the command and its steps ---------------------------------------------------------


@router.command("thongbaochung", "announce", menu=Menu(185, "announce", "cmd_announce", SUPERVISES))
async def cmd_announce(ctx: Ctx, arg: str) -> list[Reply]:
    if not may_announce(ctx.me):
        return [Reply(ctx.t("announce_not_allowed"))]
    if fold(arg).replace(" ", "") in RESULT_WORDS:
        return [await _results(ctx)]
    if not await covered_hamlets(ctx.session, ctx.me):
        return [Reply(ctx.t("announce_no_hamlets"))]
    d: dict[str, str] = {}
    text = _text_of(_after_command(ctx.inbound.text or ""))
    if text:  # "/thongbaochung Họp lúc 8 giờ…": the text first, who and where after
        problem = _text_problem(ctx, text)
        if problem is not None:
            return [problem, _ask_audience(ctx, d)]
        d["text"] = text
    return [_ask_audience(ctx, d)]


@router.on_state(AnnounceState.AUDIENCE)
async def on_audience(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not may_announce(ctx.me):
        return await _refused(ctx)
    d = _draft(ctx)
    if answer.value not in AUDIENCES:
        return [_ask_audience(ctx, d)]
    d["audience"] = str(answer.value)
    d.pop("where", None)
    return await _next(ctx, d)


@router.on_state(AnnounceState.WHERE)
async def on_where(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not may_announce(ctx.me):
        return await _refused(ctx)
    d = _draft(ctx)
    if d.get("audience") not in AUDIENCES:
        return await _next(ctx, {})
    if answer.value == REPEAT or (answer.value is None and not answer.text):
        return [await _ask_where(ctx, d)]
    where = answer.value or _typed_hamlet(answer.text, await covered_hamlets(ctx.session, ctx.me))
    ok, _hamlet = await _place(ctx, where or "")
    if not ok:
        shown = answer.text[:30] or str(answer.value)[:30]
        return [
            Reply(ctx.t("announce_hamlet_unknown", code=shown)),
            await _ask_where(ctx, d),
        ]
    d["where"] = str(where)
    return await _next(ctx, d)


def _typed_hamlet(text: str, hamlets: list[Hamlet]) -> str | None:
    """A hamlet typed by its code or name (with or without "Ấp", accents or case); None
    when it names none or several."""
    found = match_hamlets(text, hamlets)
    return found[0].code if len(found) == 1 else None


@router.on_state(AnnounceState.TEXT)
async def on_text(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not may_announce(ctx.me):
        return await _refused(ctx)
    d = _draft(ctx)
    if answer.value == REPEAT:
        return [_ask_text(ctx, d)]
    # The message as typed, line breaks kept (the answer's text has them folded).
    text = _text_of(ctx.inbound.text or "") if answer.text else ""
    problem = _text_problem(ctx, text)
    if problem is not None:
        return [problem, _ask_text(ctx, d)]
    d["text"] = text
    return await _next(ctx, d)


@router.on_state(AnnounceState.CONFIRM)
async def on_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    if not may_announce(ctx.me):
        return await _refused(ctx)
    d = _draft(ctx)
    if answer.value == CANCEL:
        await close(ctx)
        return [Reply(ctx.t("announce_cancelled"))]
    if answer.value == EDIT:
        d.pop("text", None)
        return [_ask_text(ctx, d)]
    if answer.value != SEND:
        hint = [] if answer.value == REPEAT else [Reply(ctx.t("announce_confirm_hint"))]
        return hint + await _next(ctx, d)
    ok, hamlet = await _place(ctx, d.get("where", ""))
    text = d.get("text", "")
    if not ok or d.get("audience") not in AUDIENCES or _text_problem(ctx, text) is not None:
        return await _next(ctx, d)  # a draft that no longer holds: ask what is missing
    return await _send(ctx, d, hamlet)


async def _send(ctx: Ctx, d: dict[str, str], hamlet: Hamlet | None) -> list[Reply]:
    ann = _announcement(ctx, d, hamlet)
    place = _place_name(ctx, hamlet)
    reached = await reach(ctx.session, ann)
    await close(ctx)
    if reached.reachable == 0:
        return [
            Reply(
                ctx.t(
                    "announce_nobody",
                    where=place,
                    who=announce_text.who(ctx.lang, ann.audience),
                )
            )
        ]
    local = _day(ctx, ctx.now)
    midnight = datetime.combine(local.date(), time(0), tzinfo=ctx.settings.timezone)
    earlier = await sent_today(ctx.session, ann, since=midnight)
    if earlier is not None:
        return [
            Reply(
                ctx.t(
                    "announce_duplicate",
                    time=fmt_datetime(earlier.created_at, ctx.settings.timezone)[:5],
                    id=earlier.id,
                )
            )
        ]
    await create(ctx.session, ann, reached=reached, now=ctx.now)
    ctx.wake.add(ANNOUNCE_KIND)  # the channels send it once this transaction commits
    return [Reply(ctx.t("announce_queued", id=ann.id, count=reached.reachable))]


async def _results(ctx: Ctx) -> Reply:
    rows = await recent(ctx.session, ctx.me, limit=RECENT)
    if not rows:
        return Reply(ctx.t("announce_results_none"))
    attempts = ctx.settings.notifications.max_attempts
    parts = [ctx.t("announce_results_title")]
    for ann, sender, hamlet in rows:
        parts.append(
            announce_text.results_entry(
                ctx.lang,
                number=ann.id,
                day=_day(ctx, ann.created_at).date(),
                sender=sender,
                audience=ann.audience,
                place=announce_text.where(ctx.lang, unit=ann.unit, hamlet=hamlet),
                text=ann.text,
                tally=await outcome(ctx.session, ann, now=ctx.now, max_attempts=attempts),
            )
        )
    return Reply("\n\n".join(parts))


router.add_help(35, SUPERVISES, lambda ctx: ctx.t("help_announce"))
