"""Campaign, hamlets and the procedure catalog: mirrored from configuration by `bot init`."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, UTCDateTime


class Campaign(Base):
    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    coverage_threshold: Mapped[float] = mapped_column(Float)
    large_hamlet_households: Mapped[int] = mapped_column(Integer)
    procedures_required_large: Mapped[int] = mapped_column(Integer)
    procedures_required_small: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Hamlet(Base):
    """A hamlet (ấp/thôn/tổ dân phố). Never hard-deleted: removed ones are deactivated."""

    __tablename__ = "hamlet"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), default="")
    # Coverage's denominator today: the approved total in force (an imported roster's row
    # count, or the configured figure, which `configured_households` keeps either way). Its
    # history with effective dates is `hamlet_total` (models/totals.py): period figures read
    # the total in force at the period's end through `totals_as_of`.
    total_households: Mapped[int] = mapped_column(Integer)
    configured_households: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Procedure(Base):
    """An online public service (thủ tục hành chính) households are guided through."""

    __tablename__ = "procedure"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
