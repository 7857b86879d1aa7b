"""Receipts and photos attached to entries as evidence (the portal's confirmation screen,
a dossier receipt): the row; the file itself lives in the data folder under its SHA-256."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import re
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from models.access import covers
from models.audit import record, snapshot
from models.base import Base, BigId, UTCDateTime
from models.campaign import Hamlet
from models.households import Entry
from models.people import Role, User

PHOTO = "photo"
PDF = "pdf"


class EntryAttachment(Base):
    __tablename__ = "entry_attachment"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # the file's name on disk
    kind: Mapped[str] = mapped_column(String(16))  # PHOTO | PDF
    mime: Mapped[str] = mapped_column(String(80))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(200), default="", server_default="")
    channel: Mapped[str] = mapped_column(String(16))  # the app it was sent from
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Purged by the office (with a reason, audited): the file is gone, the row stays.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    purged_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    purge_reason: Mapped[str] = mapped_column(String(500), default="", server_default="")


# --- the files: sniffed, kept while a question waits, stored under their SHA-256 -----------

# (kind, MIME type, extension) by the file's first bytes, whatever its name says.
_SIGNATURES: tuple[tuple[bytes, int, str, str, str], ...] = (
    (b"\xff\xd8\xff", 0, PHOTO, "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, PHOTO, "image/png", ".png"),
    (b"WEBP", 8, PHOTO, "image/webp", ".webp"),
    (b"%PDF-", 0, PDF, "application/pdf", ".pdf"),
)
EXTENSIONS = {mime: ext for _magic, _at, _kind, mime, ext in _SIGNATURES}
PENDING_TTL = timedelta(days=7)  # a file nobody attached is deleted after this
_PENDING_NAME = re.compile(r"[0-9a-f]{32}")
_SHA = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Sniffed:
    kind: str  # PHOTO | PDF
    mime: str
    ext: str


def sniff(data: bytes) -> Sniffed | None:
    """What the file is by its content: a JPEG, PNG or WebP photo, or a PDF; None otherwise
    (an .exe renamed .jpg, a Word file, a spreadsheet)."""
    for magic, at, kind, mime, ext in _SIGNATURES:
        if data[at : at + len(magic)] == magic and (at == 0 or data[:4] == b"RIFF"):
            return Sniffed(kind, mime, ext)
    return None


def folder(data_dir: Path) -> Path:
    return data_dir / "attachments"


def stored_path(data_dir: Path, sha256: str) -> Path:
    """Where a file lives: data_dir/attachments/ab/<sha256> (content-addressed)."""
    if not _SHA.fullmatch(sha256):
        raise ValueError("not a SHA-256")
    return folder(data_dir) / sha256[:2] / sha256


def pending_path(data_dir: Path, name: str) -> Path:
    if not _PENDING_NAME.fullmatch(name):
        raise ValueError("not a pending file's name")
    return folder(data_dir) / "pending" / name


@dataclass(frozen=True)
class PendingFile:
    """A file received and checked, waiting for its entry (in a dialog's draft as a dict)."""

    name: str  # its own file under data_dir/attachments/pending
    sha256: str
    kind: str
    mime: str
    size: int
    filename: str
    channel: str
    album: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha": self.sha256,
            "kind": self.kind,
            "mime": self.mime,
            "size": self.size,
            "filename": self.filename,
            "channel": self.channel,
            "album": self.album,
        }

    @classmethod
    def from_dict(cls, data: object) -> PendingFile | None:
        """None for anything that is not one of ours (an older draft, a damaged row)."""
        if not isinstance(data, dict):
            return None
        name, sha, kind = data.get("name"), data.get("sha"), data.get("kind")
        size = data.get("size")
        if not (
            isinstance(name, str)
            and _PENDING_NAME.fullmatch(name)
            and isinstance(sha, str)
            and _SHA.fullmatch(sha)
            and kind in (PHOTO, PDF)
            and isinstance(size, int)
        ):
            return None
        return cls(
            name=name,
            sha256=sha,
            kind=str(kind),
            mime=str(data.get("mime") or ""),
            size=size,
            filename=str(data.get("filename") or "")[:200],
            channel=str(data.get("channel") or "")[:16],
            album=str(data.get("album") or "")[:64],
        )


def pending_files(values: object) -> list[PendingFile]:
    if not isinstance(values, list):
        return []
    return [f for f in (PendingFile.from_dict(v) for v in values) if f is not None]


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        scratch.write_bytes(data)
        scratch.replace(path)
    finally:
        scratch.unlink(missing_ok=True)


def keep_pending(
    data_dir: Path,
    data: bytes,
    *,
    sniffed: Sniffed,
    filename: str,
    channel: str,
    album: str = "",
    now: float | None = None,
) -> PendingFile:
    """Write a received file to the pending folder (its own name: the same photo sent twice
    waits twice) and sweep pending files older than `PENDING_TTL`. Blocking: run it in a
    worker thread."""
    name = uuid.uuid4().hex
    path = pending_path(data_dir, name)
    _write_atomically(path, data)
    stale = (now if now is not None else time.time()) - PENDING_TTL.total_seconds()
    for old in path.parent.iterdir():
        with contextlib.suppress(OSError):
            if old != path and old.stat().st_mtime < stale:
                old.unlink()
    return PendingFile(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        kind=sniffed.kind,
        mime=sniffed.mime,
        size=len(data),
        filename=filename,
        channel=channel,
        album=album,
    )


def drop_pending(data_dir: Path, files: list[PendingFile]) -> None:
    for f in files:
        with contextlib.suppress(OSError, ValueError):
            pending_path(data_dir, f.name).unlink(missing_ok=True)


class FileGone(Exception):
    """A pending file is no longer on disk (swept after `PENDING_TTL`, or lost)."""


def store(data_dir: Path, f: PendingFile) -> Path:
    """Copy a pending file to its content-addressed place (atomically: a reader never sees a
    half-written file). Written before the transaction commits: a rollback leaves the file
    without a row (harmless, never served; the same content stored again reuses it), never
    a row without its file. Blocking: run it in a worker thread."""
    target = stored_path(data_dir, f.sha256)
    if target.exists():
        return target
    try:
        data = pending_path(data_dir, f.name).read_bytes()
    except OSError as exc:
        raise FileGone(f.name) from exc
    if hashlib.sha256(data).hexdigest() != f.sha256:
        raise FileGone(f.name)
    _write_atomically(target, data)
    return target


# --- rows: attach, list, view, purge -----------------------------------------------------


@dataclass(frozen=True)
class Attached:
    rows: list[EntryAttachment]  # attached now
    already: list[PendingFile]  # the entry already holds the same content: not attached


def may_view(user: User, entry: Entry, hamlet: Hamlet) -> bool:
    """The entry's officer, the head of its hamlet, supervisors and admins covering it."""
    if entry.officer_id == user.id and user.active:
        return True
    return user.role in (Role.HAMLET_HEAD, Role.SUPERVISOR, Role.ADMIN) and covers(user, hamlet)


def may_purge(user: User, hamlet: Hamlet) -> bool:
    """The office only: supervisors and admins covering the entry's hamlet."""
    return user.role in (Role.SUPERVISOR, Role.ADMIN) and covers(user, hamlet)


async def attach(
    session: AsyncSession,
    *,
    entry: Entry,
    files: list[PendingFile],
    actor: User,
    data_dir: Path,
    now: datetime,
) -> Attached:
    """Rows for files now stored under their SHA-256, each audited ("attach"). A file whose
    content the entry already holds (not purged), or that came twice in `files`, is not
    attached again: it would count twice as evidence."""
    held = {row.sha256 for row in await of_entry(session, entry.id)}
    rows: list[EntryAttachment] = []
    new: list[PendingFile] = []
    already: list[PendingFile] = []
    for f in files:
        if f.sha256 in held:
            already.append(f)
            continue
        held.add(f.sha256)
        new.append(f)
        await asyncio.to_thread(store, data_dir, f)
        row = EntryAttachment(
            entry_id=entry.id,
            sha256=f.sha256,
            kind=f.kind,
            mime=f.mime[:80],
            size=f.size,
            filename=f.filename[:200],
            channel=f.channel[:16],
            created_by=actor.id,
            created_at=now,
            purge_reason="",
        )
        session.add(row)
        rows.append(row)
    await session.flush()
    for row, f in zip(rows, new, strict=True):
        record(
            session,
            at=now,
            actor_id=actor.id,
            action="attach",
            target="entry_attachment",
            target_id=row.id,
            after=snapshot(row, {"album": f.album} if f.album else None),
        )
    return Attached(rows, already)


async def of_entry(session: AsyncSession, entry_id: int) -> list[EntryAttachment]:
    """An entry's files not purged, oldest first."""
    return list(
        await session.scalars(
            select(EntryAttachment)
            .where(EntryAttachment.entry_id == entry_id, EntryAttachment.purged_at.is_(None))
            .order_by(EntryAttachment.id)
        )
    )


@dataclass(frozen=True)
class Purge:
    """Files of an entry the office deleted together: when, by whom, why."""

    at: datetime
    by: int | None
    reason: str
    kinds: tuple[str, ...]  # PHOTO | PDF, one per file


async def purges_of_entry(session: AsyncSession, entry_id: int) -> list[Purge]:
    """The entry's files deleted by the office (/xoatep), grouped by deletion, oldest first."""
    rows = await session.scalars(
        select(EntryAttachment)
        .where(EntryAttachment.entry_id == entry_id, EntryAttachment.purged_at.is_not(None))
        .order_by(EntryAttachment.purged_at, EntryAttachment.id)
    )
    groups: dict[tuple[datetime, int | None, str], list[str]] = {}
    for row in rows:
        assert row.purged_at is not None
        groups.setdefault((row.purged_at, row.purged_by, row.purge_reason), []).append(row.kind)
    return [Purge(at, by, reason, tuple(kinds)) for (at, by, reason), kinds in groups.items()]


async def of_household(
    session: AsyncSession, household_id: int, *, also_entry: int | None = None
) -> list[EntryAttachment]:
    """The files of a household's live entries (and of `also_entry`, even deleted: a
    sampled entry), not purged, oldest first."""
    live = Entry.deleted_at.is_(None)
    wanted = or_(live, Entry.id == also_entry) if also_entry is not None else live
    return list(
        await session.scalars(
            select(EntryAttachment)
            .join(Entry, Entry.id == EntryAttachment.entry_id)
            .where(Entry.household_id == household_id, wanted, EntryAttachment.purged_at.is_(None))
            .order_by(EntryAttachment.id)
        )
    )


async def of_hamlet(
    session: AsyncSession, *, campaign_id: int, hamlet_id: int, start: date, end: date
) -> list[tuple[EntryAttachment, Entry]]:
    """The files of a hamlet's live entries guided within [start, end], not purged."""
    rows = await session.execute(
        select(EntryAttachment, Entry)
        .join(Entry, Entry.id == EntryAttachment.entry_id)
        .where(
            Entry.campaign_id == campaign_id,
            Entry.hamlet_id == hamlet_id,
            Entry.deleted_at.is_(None),
            Entry.guided_on >= start,
            Entry.guided_on <= end,
            EntryAttachment.purged_at.is_(None),
        )
        .order_by(Entry.id, EntryAttachment.id)
    )
    return [(a, e) for a, e in rows]


def record_views(
    session: AsyncSession, *, rows: list[EntryAttachment], actor: User, via: str, now: datetime
) -> None:
    for row in rows:
        record(
            session,
            at=now,
            actor_id=actor.id,
            action="view",
            target="entry_attachment",
            target_id=row.id,
            after={"entry_id": row.entry_id, "via": via},
        )


async def purge(
    session: AsyncSession, *, entry: Entry, actor: User, reason: str, now: datetime, data_dir: Path
) -> tuple[list[EntryAttachment], list[Path]]:
    """Mark an entry's files purged (audited, the rows stay); the paths whose content no
    other file not purged shares, to delete from disk once the transaction has committed."""
    rows = await of_entry(session, entry.id)
    for row in rows:
        before = snapshot(row)
        row.purged_at = now
        row.purged_by = actor.id
        row.purge_reason = reason[:500]
        record(
            session,
            at=now,
            actor_id=actor.id,
            action="purge",
            target="entry_attachment",
            target_id=row.id,
            before=before,
            after=snapshot(row),
        )
    await session.flush()
    shas = sorted({row.sha256 for row in rows})
    shared = set(
        await session.scalars(
            select(EntryAttachment.sha256).where(
                EntryAttachment.sha256.in_(shas), EntryAttachment.purged_at.is_(None)
            )
        )
    )
    return rows, [stored_path(data_dir, sha) for sha in shas if sha not in shared]


def delete_files(paths: list[Path]) -> None:
    """After the commit: the purged files leave the disk."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
