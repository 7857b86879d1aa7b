"""Receipts and photos attached to entries as evidence (the portal's confirmation screen,
a dossier receipt): the row; the file itself lives in the data folder under its SHA-256."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, UTCDateTime

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
