"""Announcements from the office to officers and heads (/thongbaochung): stored once, sent
through the notification ledger (kind "announce", one row per person), so a restart never
sends one twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, UTCDateTime


class Audience:
    OFFICERS = "officers"
    HEADS = "heads"
    BOTH = "both"


class Announcement(Base):
    __tablename__ = "announcement"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(16))  # Audience.*
    # Whom it goes to: one commune's hamlets (the sender's scope or chosen), one hamlet, or
    # (both None) every hamlet.
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id"), nullable=True)
    # When every recipient had a final outcome and the sender was told the tally.
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
