"""Expiring download links for files a channel cannot send itself (Zalo has no upload).

Only a SHA-256 of the token is stored. A spreadsheet link is bound to the person it was
made for and works once, and only while they still hold the role (and hamlet) they had
when they asked for it; a chart link is for the messenger's servers to fetch the image,
so it may be fetched several times until it expires and carries no personal data.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from models.audit import record
from models.base import Base, BigId, UTCDateTime
from models.people import Role, RoleColumn, User

FILE = "file"
IMAGE = "image"


class Download(Base):
    __tablename__ = "download"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # FILE | IMAGE
    path: Mapped[str] = mapped_column(String(500))
    filename: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    role: Mapped[Role] = mapped_column(RoleColumn)  # the owner's role when it was made
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    fetches: Mapped[int] = mapped_column(Integer, default=0)
    # Set once the file is deleted from disk (used, expired): the row stays as evidence.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Refusal(enum.StrEnum):
    UNKNOWN = "download_unknown"
    EXPIRED = "download_expired"
    USED = "download_used"
    ROLE = "download_role"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    # 32 bytes: a guess is hopeless, and the URL stays short enough for a chat message.
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Offer:
    token: str
    download: Download


async def offer(
    session: AsyncSession,
    *,
    path: str,
    filename: str,
    kind: str,
    user: User,
    now: datetime,
    ttl: timedelta,
) -> Offer:
    token = new_token()
    row = Download(
        token_hash=hash_token(token),
        kind=kind,
        path=path,
        filename=filename,
        user_id=user.id,
        role=user.role,
        hamlet_id=user.hamlet_id,
        created_at=now,
        expires_at=now + ttl,
        fetches=0,
    )
    session.add(row)
    await session.flush()
    if kind == FILE:
        record(
            session,
            at=now,
            actor_id=user.id,
            action="download_offer",
            target="download",
            target_id=row.id,
            after={"filename": filename, "expires_at": row.expires_at.isoformat()},
        )
    return Offer(token, row)


async def find(session: AsyncSession, token: str) -> Download | None:
    if not token or len(token) > 100:
        return None
    return await session.scalar(select(Download).where(Download.token_hash == hash_token(token)))


async def check(session: AsyncSession, row: Download | None, now: datetime) -> Refusal | None:
    """Why this link cannot be used now, or None when it can."""
    if row is None:
        return Refusal.UNKNOWN
    if row.expires_at <= now or (row.purged_at is not None and row.used_at is None):
        return Refusal.EXPIRED
    if row.kind == IMAGE:
        return None
    if row.used_at is not None:
        return Refusal.USED
    owner = await session.get(User, row.user_id)
    if (
        owner is None
        or not owner.active
        or owner.role != row.role
        or owner.hamlet_id != row.hamlet_id
    ):
        return Refusal.ROLE
    return None


async def claim(session: AsyncSession, token: str, now: datetime) -> Download | Refusal:
    """Use the link: a file link is spent (and audited), an image link counted."""
    row = await find(session, token)
    refusal = await check(session, row, now)
    if refusal is not None:
        if row is not None and row.kind == FILE:
            record(
                session,
                at=now,
                actor_id=None,
                action="download_refused",
                target="download",
                target_id=row.id,
                after={"reason": refusal.value},
            )
        return refusal
    assert row is not None
    row.fetches += 1
    if row.kind == FILE:
        row.used_at = now
        record(
            session,
            at=now,
            actor_id=row.user_id,
            action="download",
            target="download",
            target_id=row.id,
            after={"filename": row.filename},
        )
    return row


async def to_purge(session: AsyncSession, now: datetime) -> list[Download]:
    """Links whose file should leave the disk: used file links and expired ones."""
    rows = await session.scalars(
        select(Download).where(
            Download.purged_at.is_(None),
            (Download.expires_at <= now) | Download.used_at.is_not(None),
        )
    )
    return list(rows)
