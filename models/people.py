"""Users, their channel identities and the invites that register them."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, BigId, UTCDateTime


class Role(enum.StrEnum):
    OFFICER = "officer"
    HAMLET_HEAD = "hamlet_head"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @classmethod
    def parse(cls, text: str) -> Role:
        """Accept the English value or a Vietnamese nickname (canbo, truongap, giamsat)."""
        key = text.strip().lower().replace("-", "_")
        aliases = {
            "canbo": cls.OFFICER,
            "head": cls.HAMLET_HEAD,
            "truongap": cls.HAMLET_HEAD,
            "giamsat": cls.SUPERVISOR,
            "quantri": cls.ADMIN,
        }
        if key in aliases:
            return aliases[key]
        return cls(key)

    @property
    def needs_hamlet(self) -> bool:
        return self in (Role.OFFICER, Role.HAMLET_HEAD)

    @property
    def logs_households(self) -> bool:
        return self in (Role.OFFICER, Role.HAMLET_HEAD, Role.ADMIN)


RoleColumn = Enum(
    Role,
    name="user_role",
    native_enum=False,
    length=20,
    values_callable=lambda roles: [r.value for r in roles],
)


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(RoleColumn)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id"), nullable=True)
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Pushed messages each user can turn off (/thongbao); on by default.
    summary_muted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    reminders_muted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Access taken away by an admin (`active` false too): when, by whom, why. A new invite
    # gives it back; the person's entries stay and still count for their hamlet.
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    deactivated_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    deactivation_reason: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # A supervisor's scope: one commune (a hamlet's `unit`), or None for every commune.
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)

    identities: Mapped[list[Identity]] = relationship(back_populates="user")


class Identity(Base):
    """One account on one channel (Telegram user id, Zalo id, console name)."""

    __tablename__ = "identity"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set when the channel says the user blocked the bot; cleared when they write again.
    blocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # When the user last wrote from this account: pushed messages go to the channel a
    # person linked on several channels used last (never to both).
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship(back_populates="identities")


class Invite(Base):
    """A single-use registration code; only its SHA-256 is stored."""

    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[Role] = mapped_column(RoleColumn)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id"), nullable=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    # A link code: redeeming it adds the sender's channel account to this existing user
    # (same entries, role and hamlet) instead of registering someone new.
    link_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    # The scope the invite gives a supervisor (None: every commune).
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Who it is for (bulk invites, the staff list); the phone only as typed in the list.
    invitee_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    invitee_phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
