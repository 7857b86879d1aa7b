"""Bookkeeping rows: dialog state, processed deliveries and the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, JsonType, UTCDateTime


class Dialog(Base):
    """Where a user is in a conversation; kept in the database so restarts resume it."""

    __tablename__ = "dialog"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(40))
    draft: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    # Options offered with the last question, so a typed "2" means the same on every channel.
    options: Mapped[list[list[str]]] = mapped_column(JsonType, default=list)
    # Bumped on every question; buttons carry it so a press on an old question is detected.
    step: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When the current question was asked: a typed answer written before it was not an
    # answer to it, and a question left this long stops capturing free text.
    asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class HouseholdDraft(Base):
    """A household waiting for its question: queued behind another household's question,
    or set aside when a new household arrived in the middle of it. Asked in turn."""

    __tablename__ = "household_draft"
    __table_args__ = (Index("ix_household_draft_user", "user_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    draft: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InboxUpdate(Base):
    """An update as the messenger delivered it, recorded before it is confirmed to the
    messenger: a crash at any moment loses nothing, and a restart works the rest off in
    order. `done_at` is set once it has been handled (or skipped as unreadable)."""

    __tablename__ = "inbox_update"
    __table_args__ = (Index("ix_inbox_update_pending", "channel", "done_at", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(120), unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The replies, written in the same transaction as the update's effect (an outbox): a
    # restart after the effect sends them instead of handling the update again.
    replies: Mapped[list[dict[str, Any]] | None] = mapped_column(JsonType, nullable=True)
    replies_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Delivery(Base):
    """An inbound message already processed (keyed per channel), so redeliveries are no-ops."""

    __tablename__ = "delivery"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class AuditEvent(Base):
    """Who did what to which row, with the row before and after."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_target", "target", "target_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int | None] = mapped_column(BigId, nullable=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JsonType, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JsonType, nullable=True)
