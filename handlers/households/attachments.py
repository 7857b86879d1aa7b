"""Receipts and photos as evidence: a photo or PDF an officer sends is attached to one of
their entries, a shared contact starts a household with its phone, /tep shows an entry's
files, /xoatep lets the office delete them for good.

A file is checked (its content must be a JPEG, PNG or WebP photo or a PDF, within
`chat.file_mb`) and written to data_dir/attachments/pending under a name of its own while
its entry is decided:

- with a household line as caption, the household is handled as if typed: stored at once
  (the file is attached to the new entry), or asked about (the file waits in that
  household's draft and is attached when it is stored, see `before_route`/`after_route`);
- without one, the sender is asked which of their latest entries it belongs to, or
  "Không gắn" (the file is deleted). More photos arriving while that question is open join
  it (an album is several messages); a photo of an album whose first photo was attached
  goes to the same entry.

Attached files move to data_dir/attachments/ab/<sha256> (`models.attachments.store`) before
the transaction commits, atomically: a rollback can leave a file without a row, never a row
without its file. Pending files left behind are swept after `PENDING_TTL`.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path, PurePath

from sqlalchemy import func, select

from handlers.engine.context import Ctx
from handlers.engine.dialog import REPEAT, Answer, ask, close, draft, expired, is_household_state
from handlers.engine.i18n import fmt_datetime, fmt_phone, fmt_short_date
from handlers.engine.messages import PRIVATE, Attachment, Contact, Option, Reply, scratch_dir
from handlers.engine.router import EVERYONE, LOGS, SUPERVISES, Menu, Router
from handlers.engine.states import AttachState
from handlers.households import add
from handlers.parse.form_errors import FormError
from handlers.parse.household_form import (
    check_name,
    check_phone,
    clean_lines,
    looks_like_one_line,
    parse_one_line,
)
from handlers.parse.name_text import title_case
from handlers.reports.scope import SEES_ALL
from models import attachments as store
from models.attachments import (
    PDF,
    PENDING_TTL,
    EntryAttachment,
    FileGone,
    PendingFile,
    pending_files,
    sniff,
)
from models.campaign import Hamlet
from models.drafts import waiting
from models.households import Entry
from models.people import User
from models.records import AuditEvent
from models.registry import load_entry, my_entries, own_entry
from models.text import clean

router = Router("attachments")

MB = 1024 * 1024
PICK_ENTRIES = 5  # the sender's latest entries offered for a file without caption
PURGE_REASON_MIN = 5
CAPTION_SHOWN = 60  # characters of a caption not kept, quoted back
ALBUM_MINUTES = 10  # a photo of an album goes where its first photo went, this long after
# Names of list files (household rosters, staff lists): only those go to the list imports.
LIST_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls")
_SETTLED = "attachments_settled"  # session.info: pending files this message dealt with


def limit_bytes(ctx: Ctx) -> int:
    return ctx.settings.chat.file_mb * MB


def is_list(attachment: Attachment) -> bool:
    """A document named as a household or staff list (.csv, .xlsx…)."""
    return not attachment.photo and PurePath(attachment.name.strip().lower()).suffix in (
        LIST_SUFFIXES
    )


def is_evidence(ctx: Ctx, attachment: Attachment) -> bool:
    """A file from someone who logs households that is not named as a list: a receipt (its
    content is checked in `on_file`)."""
    return add.can_log(ctx) and not is_list(attachment)


def files_label(ctx: Ctx, kinds: Sequence[str]) -> str:
    """'2 ảnh', '1 tệp PDF', '2 ảnh, 1 tệp PDF'."""
    pdfs = sum(1 for k in kinds if k == PDF)
    photos = len(kinds) - pdfs
    parts = [ctx.t("att_photos", n=photos)] if photos else []
    if pdfs:
        parts.append(ctx.t("att_pdfs", n=pdfs))
    if len(parts) == 2:
        return ctx.t("att_files_and", first=parts[0], second=parts[1])
    return parts[0] if parts else ctx.t("att_photos", n=0)


def _label(ctx: Ctx, files: Sequence[PendingFile | EntryAttachment]) -> str:
    return files_label(ctx, [f.kind for f in files])


def _settled(ctx: Ctx, files: Sequence[PendingFile]) -> None:
    ctx.session.info.setdefault(_SETTLED, set()).update(f.name for f in files)


def _drop_later(ctx: Ctx, files: Sequence[PendingFile]) -> partial[None]:
    """Deletes the pending copies once the transaction has committed (run as a reply's
    `render`): a rollback keeps them for the question asked again."""
    _settled(ctx, files)
    return partial(store.drop_pending, ctx.settings.data_dir, list(files))


# --- a file arrives ---------------------------------------------------------------------


async def on_file(ctx: Ctx, attachment: Attachment) -> list[Reply]:
    """A photo or document that is not a list to import (see the core)."""
    if attachment.refused == "too_big":
        return [Reply(ctx.t("att_too_big", limit_mb=ctx.settings.chat.file_mb))]
    if attachment.refused or not attachment.data:
        return [Reply(ctx.t("att_failed"))]
    sniffed = sniff(attachment.data)
    if sniffed is None:
        if is_list(attachment):  # a list from someone who may not import lists
            return [Reply(ctx.t("roster_not_allowed")), Reply(ctx.t("att_accepts"))]
        return [Reply(ctx.t("att_wrong_type", name=_shown_name(attachment.name)))]
    if len(attachment.data) > limit_bytes(ctx):
        return [Reply(ctx.t("att_too_big", limit_mb=ctx.settings.chat.file_mb))]
    if not add.can_log(ctx):
        return [Reply(ctx.t("att_cannot_log"))]
    closed = await ctx.logging_closed()
    if closed:
        return closed
    name = _shown_name(attachment.name) or f"file{sniffed.ext}"
    pending = await asyncio.to_thread(
        store.keep_pending,
        ctx.settings.data_dir,
        attachment.data,
        sniffed=sniffed,
        filename=name,
        channel=ctx.inbound.channel,
        album=attachment.album,
    )
    raw = clean_lines(ctx.inbound.text or "")
    if raw.strip() and starts_household(ctx, raw):
        return await _with_household(ctx, raw, pending)
    replies = await _without_household(ctx, pending)
    if raw.strip():
        # Words that are no household (a note, a greeting) are not kept: said, never silently.
        caption = clean(raw)
        shown = caption if len(caption) <= CAPTION_SHOWN else caption[: CAPTION_SHOWN - 1] + "…"
        replies.insert(0, Reply(ctx.t("att_caption_not_kept", caption=shown)))
    return replies


def starts_household(ctx: Ctx, raw: str) -> bool:
    """A caption that reads as a household: the one-line form, or its start – a name and
    then a phone ("Hồ Văn Năm; 0913 111 000"), the rest asked like a household typed
    with a field missing."""
    if looks_like_one_line(raw):
        return True
    parsed = parse_one_line(raw, (), ctx.today, ctx.settings.campaign)
    return parsed.readable and ("phone" in parsed.draft or "phone" in parsed.errors)


def _shown_name(name: str) -> str:
    return clean(PurePath(name.replace("\\", "/")).name)[:120]


async def _latest_entry_id(ctx: Ctx) -> int:
    return int(
        await ctx.session.scalar(select(func.max(Entry.id)).where(Entry.officer_id == ctx.me.id))
        or 0
    )


async def _new_entries(ctx: Ctx, after_id: int) -> list[Entry]:
    """Entries this sender created in this message (ids above `after_id`), oldest first."""
    return list(
        await ctx.session.scalars(
            select(Entry)
            .where(
                Entry.officer_id == ctx.me.id,
                Entry.id > after_id,
                Entry.deleted_at.is_(None),
            )
            .order_by(Entry.id)
        )
    )


async def _with_household(ctx: Ctx, raw: str, pending: PendingFile) -> list[Reply]:
    """The caption is a household: handled as if typed, and the file follows it."""
    notices: list[Reply] = []
    if ctx.dialog is not None and not is_household_state(ctx.dialog.state):
        notices = await add.set_aside(ctx)  # a menu or another question: put aside
    latest = await _latest_entry_id(ctx)
    step = ctx.dialog.step if ctx.dialog is not None else None
    drafts_before = {row.id for row in await waiting(ctx.session, ctx.me.id)}
    replies = [*notices, *await add.household_message(ctx, raw)]
    new = await _new_entries(ctx, latest)
    if new:
        return [*replies, *await _attach(ctx, new[0], [pending])]
    label = _label(ctx, [pending])
    queued = [row for row in await waiting(ctx.session, ctx.me.id) if row.id not in drafts_before]
    if queued:
        # Queued behind the household being asked about: the file waits with it.
        row = queued[-1]
        row.draft = {**row.draft, "files": [pending.as_dict()]}
        name = _draft_name(ctx, row.draft)
        return [*replies, Reply(ctx.t("att_waiting_household", files=label, name=name))]
    dialog = ctx.dialog
    if dialog is not None and is_household_state(dialog.state) and dialog.step != step:
        # Its question is being asked: the file waits in the household's draft.
        d = draft(ctx)
        d["files"] = [pending.as_dict()]
        dialog.draft = d
        name = _draft_name(ctx, d)
        return [*replies, Reply(ctx.t("att_waiting_household", files=label, name=name))]
    # Not a household after all (unreadable): the file is asked about on its own.
    return [*replies, *await _ask_pick(ctx, [pending])]


def _draft_name(ctx: Ctx, d: dict[str, object]) -> str:
    name = d.get("name")
    return str(name) if name else ctx.t("draft_unnamed")


async def _without_household(ctx: Ctx, pending: PendingFile) -> list[Reply]:
    dialog = ctx.dialog
    if dialog is not None and dialog.state == AttachState.PICK and not expired(ctx):
        # More photos while the question is open (an album): one answer for them all.
        files = [*pending_files(draft(ctx).get("files")), pending]
        dialog.draft = {**draft(ctx), "files": [f.as_dict() for f in files]}
        return [
            Reply(
                ctx.t(
                    "att_added_to_question",
                    files=_label(ctx, [pending]),
                    total=_label(ctx, files),
                )
            )
        ]
    if dialog is not None and is_household_state(dialog.state) and pending.album:
        d = draft(ctx)
        files = pending_files(d.get("files"))
        if any(f.album == pending.album for f in files):
            # The rest of an album whose captioned photo is waiting for its household.
            d["files"] = [*(f.as_dict() for f in files), pending.as_dict()]
            dialog.draft = d
            return [
                Reply(
                    ctx.t(
                        "att_waiting_household",
                        files=_label(ctx, [pending]),
                        name=_draft_name(ctx, d),
                    )
                )
            ]
    if pending.album:
        entry = await _album_entry(ctx, pending.album)
        if entry is not None:
            return await _attach(ctx, entry, [pending], key="att_album_same")
    notices = await add.set_aside(ctx) if dialog is not None else []
    return [*notices, *await _ask_pick(ctx, [pending])]


async def _album_entry(ctx: Ctx, album: str) -> Entry | None:
    """The entry the latest photo of this album went to (the audit trail says), if still the
    sender's own."""
    since = ctx.now - timedelta(minutes=ALBUM_MINUTES)
    events = await ctx.session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.actor_id == ctx.me.id,
            AuditEvent.action == "attach",
            AuditEvent.target == "entry_attachment",
            AuditEvent.at >= since,
        )
        .order_by(AuditEvent.id.desc())
        .limit(20)
    )
    for event in events:
        after = event.after or {}
        if after.get("album") == album and isinstance(after.get("entry_id"), int):
            return await own_entry(
                ctx.session, ctx.me, int(after["entry_id"]), campaign_id=await ctx.campaign_id()
            )
    return None


async def _attach(
    ctx: Ctx, entry: Entry, files: list[PendingFile], *, key: str = "att_attached"
) -> list[Reply]:
    try:
        done = await store.attach(
            ctx.session,
            entry=entry,
            files=files,
            actor=ctx.me,
            data_dir=ctx.settings.data_dir,
            now=ctx.now,
        )
    except FileGone:
        _settled(ctx, files)
        return [Reply(ctx.t("att_file_gone", days=PENDING_TTL.days))]
    household = await load_entry(ctx.session, entry.id)
    name = household.household.head_name if household is not None else ""
    said = [ctx.t(key, files=_label(ctx, done.rows), id=entry.id, name=name)] if done.rows else []
    if done.already:
        said.append(_already(ctx, done.already, entry.id, name))
    return [Reply("\n".join(said), render=_drop_later(ctx, files))]


def _already(ctx: Ctx, files: Sequence[PendingFile], entry_id: int, name: str) -> str:
    """Files whose content the entry already holds: said, not attached twice."""
    if len(files) == 1:
        key = "att_already_pdf" if files[0].kind == PDF else "att_already_photo"
        return ctx.t(key, id=entry_id, name=name)
    return ctx.t("att_already_many", files=_label(ctx, files), id=entry_id, name=name)


# --- which entry ------------------------------------------------------------------------


async def _ask_pick(
    ctx: Ctx, files: list[PendingFile], prefix: str = "", *, step: str = ""
) -> list[Reply]:
    entries = await my_entries(
        ctx.session,
        ctx.me,
        campaign_id=await ctx.campaign_id(),
        limit=PICK_ENTRIES,
        newest_saved=True,
    )
    lead = [Reply(prefix)] if prefix else []
    if not entries:
        return [
            *lead,
            Reply(
                ctx.t("att_no_entries", files=_label(ctx, files)), render=_drop_later(ctx, files)
            ),
        ]
    options = [
        Option(
            ctx.t(
                "att_btn_entry",
                id=e.id,
                name=e.household.head_name,
                day=fmt_short_date(e.guided_on),
            ),
            f"e:{e.id}",
        )
        for e in entries
    ]
    options.append(Option(ctx.t("att_btn_none"), "no"))
    question = ask(
        ctx,
        AttachState.PICK,
        ctx.t("att_ask_pick", files=_label(ctx, files)),
        options,
        draft={"files": [f.as_dict() for f in files]},
    )
    return [*lead, question]


@router.on_state(AttachState.PICK)
async def step_pick(ctx: Ctx, answer: Answer) -> list[Reply]:
    files = pending_files(draft(ctx).get("files"))
    if not files:
        await close(ctx)
        return [Reply(ctx.t("stale_button"))]
    value = answer.value or ""
    if value == REPEAT:
        return await _ask_pick(ctx, files)
    if value == "no":
        await close(ctx)
        return [
            Reply(ctx.t("att_not_kept", files=_label(ctx, files)), render=_drop_later(ctx, files))
        ]
    if value.startswith("e:") and value[2:].isdigit():
        entry = await own_entry(
            ctx.session, ctx.me, int(value[2:]), campaign_id=await ctx.campaign_id()
        )
        if entry is None:
            return [Reply(ctx.t("att_entry_gone", id=value[2:])), *await _ask_pick(ctx, files)]
        await close(ctx)
        return await _attach(ctx, entry, files)
    return [Reply(ctx.t("choose_option")), *await _ask_pick(ctx, files)]


# --- files waiting in a household's draft: attached when it is stored --------------------


@dataclass(frozen=True)
class Waiting:
    files: tuple[PendingFile, ...]
    household: bool  # in a household's draft (else: the "which entry" question)
    name: str
    latest: int  # the sender's latest entry id before this message


async def before_route(ctx: Ctx) -> Waiting | None:
    """Files waiting in the sender's open dialog before this message is handled."""
    if ctx.user is None or ctx.inbound.chat_type != PRIVATE:
        return None
    dialog = ctx.dialog
    if dialog is None:
        return None
    household = is_household_state(dialog.state)
    if not household and dialog.state != AttachState.PICK:
        return None
    files = pending_files((dialog.draft or {}).get("files"))
    if not files:
        return None
    name = str((dialog.draft or {}).get("name") or "")
    return Waiting(tuple(files), household, name, await _latest_entry_id(ctx))


async def after_route(ctx: Ctx, before: Waiting | None) -> list[Reply]:
    """Files that waited in the dialog and are no longer there: attached to the household's
    new entry, still waiting in a draft put aside, or (the household dropped, the question
    set aside) told as not kept. Never silently lost."""
    if before is None or ctx.user is None:
        return []
    settled: set[str] = ctx.session.info.get(_SETTLED, set())
    current = {
        f.name
        for f in pending_files(draft(ctx).get("files"))
        if ctx.dialog is not None
        and (is_household_state(ctx.dialog.state) or ctx.dialog.state == AttachState.PICK)
    }
    gone = [f for f in before.files if f.name not in current and f.name not in settled]
    if not gone:
        return []
    parked = {
        f.name
        for row in await waiting(ctx.session, ctx.me.id)
        for f in pending_files(row.draft.get("files"))
    }
    gone = [f for f in gone if f.name not in parked]
    if not gone:
        return []
    if before.household:
        new = await _new_entries(ctx, before.latest)
        if new:
            return await _attach(ctx, new[0], gone)
        name = before.name or ctx.t("draft_unnamed")
        if ctx.dialog is None:
            prefix = ctx.t("att_ask_pick_dropped", files=_label(ctx, gone))
            return await _ask_pick(ctx, gone, prefix)
        text = ctx.t("att_dropped_with_household", files=_label(ctx, gone), name=name)
        return [Reply(text, render=_drop_later(ctx, gone))]
    return [Reply(ctx.t("att_abandoned", files=_label(ctx, gone)), render=_drop_later(ctx, gone))]


# --- a shared contact -------------------------------------------------------------------


async def on_contact(ctx: Ctx, contact: Contact) -> list[Reply]:
    """A contact card: a new household with its phone (and name) filled in, asked for the
    rest like /them; nothing is stored by the contact alone."""
    refusal = await add.refused(ctx)
    if refusal:
        return refusal
    try:
        phone = check_phone(contact.phone)
    except FormError:
        return [Reply(ctx.t("att_contact_bad_phone"))]
    notices = await add.set_aside(ctx)
    d: dict[str, object] = {
        "mode": "add",
        "written": ctx.written_at.isoformat(),
        "arrived": ctx.now.isoformat(),
        "phone": phone.e164,
        "phone_old": phone.converted_from,
    }
    name = ""
    try:
        if contact.name.strip():
            name = title_case(check_name(contact.name))
    except FormError:
        name = ""
    if len(name.split()) >= 2:
        d["name"] = name
        said = ctx.t("att_contact_prefilled_named", name=name, phone=fmt_phone(phone.e164))
    else:
        said = ctx.t("att_contact_prefilled", phone=fmt_phone(phone.e164))
    return [*notices, Reply(said), *await add.advance(ctx, d)]


# --- /tep: seeing an entry's files ---------------------------------------------------------


def file_replies(ctx: Ctx, rows: Sequence[EntryAttachment]) -> list[Reply]:
    """Each file as a reply of its own (a photo, or a PDF document), copied under a readable
    name after the commit and deleted once sent; on channels without uploads, a single-use
    link for the person who asked (`Reply.personal`)."""
    folder = scratch_dir(ctx.settings.data_dir)
    replies: list[Reply] = []
    by_entry: dict[int, int] = {}
    totals: dict[int, int] = {}
    for row in rows:
        totals[row.entry_id] = totals.get(row.entry_id, 0) + 1
    for row in rows:
        n = by_entry[row.entry_id] = by_entry.get(row.entry_id, 0) + 1
        ext = store.EXTENSIONS.get(row.mime, ".pdf" if row.kind == PDF else ".jpg")
        target = folder / f"bien-nhan-{row.entry_id}-{n}{ext}"
        source = store.stored_path(ctx.settings.data_dir, row.sha256)
        caption = ctx.t(
            "att_file_caption",
            id=row.entry_id,
            n=n,
            total=totals[row.entry_id],
            at=fmt_datetime(row.created_at, ctx.settings.timezone),
        )
        photo = row.kind != PDF
        replies.append(
            Reply(
                caption,
                image=target if photo else None,
                file=None if photo else target,
                cleanup=True,
                render=partial(_copy, source, target),
                personal=True,
            )
        )
    return replies


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def audit_views(ctx: Ctx, entry: Entry, rows: Sequence[EntryAttachment]) -> None:
    """Views by anyone but the entry's own officer (a head, the office) are recorded."""
    if entry.officer_id != ctx.me.id:
        store.record_views(
            ctx.session, rows=list(rows), actor=ctx.me, via=ctx.inbound.channel, now=ctx.now
        )


async def _entry_in_scope(ctx: Ctx, entry_id: int) -> tuple[Entry, Hamlet] | None:
    entry = await load_entry(ctx.session, entry_id)
    if entry is None:
        return None
    hamlet = await ctx.session.get(Hamlet, entry.hamlet_id)
    if hamlet is None or not store.may_view(ctx.me, entry, hamlet):
        return None
    return entry, hamlet


def _entry_number(arg: str) -> int | None:
    head = arg.strip().split(" ", 1)[0].lstrip("#")
    return int(head) if head.isdigit() and len(head) < 12 else None


@router.command("tep", "files", "bienhan", menu=Menu(35, "files", "cmd_files", EVERYONE))
async def cmd_files(ctx: Ctx, arg: str) -> list[Reply]:
    entry_id = _entry_number(arg)
    if entry_id is None:
        return [Reply(ctx.t("att_files_usage"))]
    found = await _entry_in_scope(ctx, entry_id)
    if found is None:
        return [Reply(ctx.t("att_files_not_found"))]
    entry, _hamlet = found
    rows = await store.of_entry(ctx.session, entry.id)
    purged = await _purge_lines(ctx, entry.id)
    if not rows:
        if purged:
            return [Reply("\n".join(purged))]
        return [Reply(ctx.t("att_files_none", id=entry.id))]
    audit_views(ctx, entry, rows)
    title = ctx.t(
        "att_files_title", id=entry.id, name=entry.household.head_name, files=_label(ctx, rows)
    )
    return [Reply("\n".join([title, *purged])), *file_replies(ctx, rows)]


async def _purge_lines(ctx: Ctx, entry_id: int) -> list[str]:
    """The entry's files the office deleted: how many, when, by whom, why."""
    purges = await store.purges_of_entry(ctx.session, entry_id)
    people = {
        uid: name
        for uid, name in await ctx.session.execute(
            select(User.id, User.display_name).where(User.id.in_({p.by for p in purges}))
        )
    }
    return [
        ctx.t(
            "att_files_purged",
            files=files_label(ctx, p.kinds),
            id=entry_id,
            at=fmt_datetime(p.at, ctx.settings.timezone),
            who=people.get(p.by, "?") if p.by is not None else "?",
            reason=p.reason or "?",
        )
        for p in purges
    ]


# --- /xoatep: the office deletes an entry's files for good ------------------------------


async def _purgeable(ctx: Ctx, entry_id: int) -> tuple[Entry, list[EntryAttachment]] | Reply:
    entry = await load_entry(ctx.session, entry_id)
    hamlet = await ctx.session.get(Hamlet, entry.hamlet_id) if entry is not None else None
    if entry is None or hamlet is None or not store.may_purge(ctx.me, hamlet):
        return Reply(ctx.t("att_files_not_found"))
    rows = await store.of_entry(ctx.session, entry.id)
    if not rows:
        return Reply(ctx.t("att_files_none", id=entry.id))
    return entry, rows


def _ask_reason(ctx: Ctx, entry: Entry, rows: Sequence[EntryAttachment]) -> Reply:
    return ask(
        ctx,
        AttachState.PURGE_REASON,
        ctx.t(
            "att_purge_ask_reason",
            files=_label(ctx, rows),
            id=entry.id,
            name=entry.household.head_name,
            min=PURGE_REASON_MIN,
        ),
        draft={"entry_id": entry.id},
    )


def _ask_confirm(ctx: Ctx, entry: Entry, rows: Sequence[EntryAttachment], reason: str) -> Reply:
    return ask(
        ctx,
        AttachState.PURGE_CONFIRM,
        ctx.t(
            "att_purge_confirm",
            files=_label(ctx, rows),
            id=entry.id,
            name=entry.household.head_name,
            reason=reason,
        ),
        [Option(ctx.t("att_btn_purge"), "yes"), Option(ctx.t("att_btn_keep"), "no")],
        draft={"entry_id": entry.id, "reason": reason},
        per_row=2,
    )


def _reason(text: str) -> str | None:
    reason = clean(text)[:500]
    return reason if len(reason) >= PURGE_REASON_MIN and not reason.isdigit() else None


@router.command("xoatep", "purgefiles", menu=Menu(145, "purgefiles", "cmd_purge_files", SUPERVISES))
async def cmd_purge(ctx: Ctx, arg: str) -> list[Reply]:
    if ctx.me.role not in SEES_ALL:
        return [Reply(ctx.t("att_purge_not_allowed"))]
    entry_id = _entry_number(arg)
    if entry_id is None:
        return [Reply(ctx.t("att_purge_usage"))]
    found = await _purgeable(ctx, entry_id)
    if isinstance(found, Reply):
        return [found]
    entry, rows = found
    rest = arg.strip().split(" ", 1)
    reason = _reason(rest[1]) if len(rest) > 1 else None
    if reason is None:
        return [_ask_reason(ctx, entry, rows)]
    return [_ask_confirm(ctx, entry, rows, reason)]


async def _current_purge(ctx: Ctx) -> tuple[Entry, list[EntryAttachment]] | Reply:
    value = draft(ctx).get("entry_id")
    if not isinstance(value, int):
        await close(ctx)
        return Reply(ctx.t("stale_button"))
    found = await _purgeable(ctx, value)
    if isinstance(found, Reply):
        await close(ctx)
    return found


@router.on_state(AttachState.PURGE_REASON)
async def step_purge_reason(ctx: Ctx, answer: Answer) -> list[Reply]:
    found = await _current_purge(ctx)
    if isinstance(found, Reply):
        return [found]
    entry, rows = found
    if answer.value == REPEAT:
        return [_ask_reason(ctx, entry, rows)]
    reason = _reason(answer.text)
    if reason is None:
        return [
            Reply(ctx.t("att_purge_reason_short", min=PURGE_REASON_MIN)),
            _ask_reason(ctx, entry, rows),
        ]
    return [_ask_confirm(ctx, entry, rows, reason)]


@router.on_state(AttachState.PURGE_CONFIRM)
async def step_purge_confirm(ctx: Ctx, answer: Answer) -> list[Reply]:
    found = await _current_purge(ctx)
    if isinstance(found, Reply):
        return [found]
    entry, rows = found
    reason = _reason(str(draft(ctx).get("reason") or ""))
    if reason is None:
        return [_ask_reason(ctx, entry, rows)]
    if answer.value == REPEAT:
        return [_ask_confirm(ctx, entry, rows, reason)]
    if answer.value == "no":
        await close(ctx)
        return [Reply(ctx.t("att_purge_kept", id=entry.id))]
    if answer.value != "yes":
        return [Reply(ctx.t("choose_option")), _ask_confirm(ctx, entry, rows, reason)]
    purged, paths = await store.purge(
        ctx.session,
        entry=entry,
        actor=ctx.me,
        reason=reason,
        now=ctx.now,
        data_dir=ctx.settings.data_dir,
    )
    await close(ctx)
    text = ctx.t("att_purged", files=_label(ctx, purged), id=entry.id)
    return [Reply(text, render=partial(store.delete_files, paths))]


router.add_help(14, LOGS, lambda ctx: ctx.t("help_files"), loggable=True)
# With the spot-checks' help (32: the call card shows the receipts), before the awards' (33).
router.add_help(33, SUPERVISES, lambda ctx: ctx.t("help_purge_files"))
