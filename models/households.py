"""Households and the guidance entries logged for them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, BigId, UTCDateTime
from models.campaign import Procedure


class Household(Base):
    __tablename__ = "household"
    __table_args__ = (
        Index("ix_household_campaign_phone", "campaign_id", "phone"),
        Index("ix_household_campaign_key", "campaign_id", "name_folded", "address_folded"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    hamlet_id: Mapped[int] = mapped_column(ForeignKey("hamlet.id"), index=True)
    head_name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    address_folded: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(20))
    shares_phone: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    entries: Mapped[list[Entry]] = relationship(back_populates="household")


entry_procedure = Table(
    "entry_procedure",
    Base.metadata,
    Column("entry_id", ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True),
    Column("procedure_id", ForeignKey("procedure.id"), primary_key=True),
)


class Entry(Base):
    """One guidance visit: a household guided through one or more procedures on a day."""

    __tablename__ = "entry"
    __table_args__ = (
        Index("ix_entry_hamlet_day", "hamlet_id", "guided_on"),
        Index("ix_entry_officer_created", "officer_id", "created_at"),
        # Officers' activity (last day, days and entries per officer of some hamlets) from
        # the index alone, live entries only.
        Index(
            "ix_entry_live_hamlet_officer_day",
            "campaign_id",
            "hamlet_id",
            "officer_id",
            "guided_on",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    hamlet_id: Mapped[int] = mapped_column(ForeignKey("hamlet.id"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    guided_on: Mapped[date] = mapped_column(Date)
    dossier_code: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    delete_reason: Mapped[str] = mapped_column(Text, default="")
    # The household's details as the officer typed them for this visit: a visit added to an
    # existing household (same phone, same name and address) keeps what was entered.
    entered_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    entered_address: Mapped[str] = mapped_column(String(300), default="", server_default="")
    entered_phone: Mapped[str] = mapped_column(String(20), default="", server_default="")

    household: Mapped[Household] = relationship(back_populates="entries")
    procedures: Mapped[list[Procedure]] = relationship(
        secondary=entry_procedure, order_by=Procedure.position
    )
