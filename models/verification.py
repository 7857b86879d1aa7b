"""Verification spot-checks: drawn batches, one check (call card) per household, each call.

A batch stores its seed, its rule and the entries the draw could choose from (as a
fingerprint) *before* any call is made, so the draw can be audited and replayed. A check
moves from "open" to a final outcome; an unreachable household stays open until it answers
or runs out of attempts ("could not verify").
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, JsonType, UTCDateTime


class Outcome(enum.StrEnum):
    CONFIRMED = "confirmed"
    NOT_GUIDED = "not_guided"  # the household says nobody guided them
    WRONG_DETAILS = "wrong_details"  # procedure, person or date does not match
    UNREACHABLE = "unreachable"  # no answer: call again later
    WRONG_NUMBER = "wrong_number"
    COULD_NOT_VERIFY = "could_not_verify"  # unreachable on every allowed attempt

    @property
    def fails(self) -> bool:
        """Only answers to "must match" questions fail a check (survey back-check practice)."""
        return self in (Outcome.NOT_GUIDED, Outcome.WRONG_DETAILS)

    @property
    def final(self) -> bool:
        return self != Outcome.UNREACHABLE

    @property
    def returns_to_officer(self) -> bool:
        """Sent back to the officer who logged the entry, to correct or explain."""
        return self in (Outcome.NOT_GUIDED, Outcome.WRONG_DETAILS, Outcome.WRONG_NUMBER)


# What a "details false" outcome says was wrong.
DETAILS = ("procedure", "person", "date")

OPEN = "open"
DONE = "done"


class Batch(Base):
    __tablename__ = "verification_batch"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seed: Mapped[str] = mapped_column(String(32))  # hex; replays use it verbatim
    # {"mode": "rate"|"count", "rate": .., "per_hamlet": .., "hamlets": [codes], "v": 1}
    rule: Mapped[dict[str, Any]] = mapped_column(JsonType)
    # The data the draw saw: the highest entry id, how many candidate entries, and a hash
    # of them, so a replay can tell "same data" from "data changed since".
    max_entry_id: Mapped[int] = mapped_column(BigId, default=0)
    population: Mapped[int] = mapped_column(Integer, default=0)
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)


class Check(Base):
    """One household to call (a call card)."""

    __tablename__ = "verification_check"
    __table_args__ = (
        UniqueConstraint("batch_id", "household_id"),
        Index("ix_verification_check_queue", "batch_id", "status", "queue_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("verification_batch.id"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    position: Mapped[int] = mapped_column(Integer)  # order in the drawn list, from 1
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    hamlet_id: Mapped[int] = mapped_column(ForeignKey("hamlet.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)  # added by a supervisor
    status: Mapped[str] = mapped_column(String(12), default=OPEN)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    detail: Mapped[str] = mapped_column(String(20), default="")  # for wrong_details
    note: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Who holds the card now: nobody else is handed it until the claim lapses.
    caller_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    queue_at: Mapped[datetime] = mapped_column(UTCDateTime)  # skipped/unreachable go last
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    overturned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    overturned_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    overturn_reason: Mapped[str] = mapped_column(Text, default="")
    officer_reply: Mapped[str] = mapped_column(Text, default="")
    officer_reply_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Call(Base):
    """One call attempt and what it found (the history behind a check's attempts)."""

    __tablename__ = "verification_call"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("verification_check.id"), index=True)
    caller_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Flag(Base):
    """An entry a supervisor wants in the next draw, whatever the random picks."""

    __tablename__ = "verification_flag"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), index=True)
    flagged_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    flagged_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("verification_batch.id"),
                                                 nullable=True)  # the draw that took it
