"""Verification spot-checks: drawn batches, one check (call card) per household, each call.

A batch stores its seed, its rule and the entries the draw could choose from (as a
fingerprint) *before* any call is made, so the draw can be audited and replayed. A check
moves from "open" to a final outcome; an unreachable household stays open until it answers
or runs out of attempts ("could not verify").

Drawn entries are frozen without telling anyone they were drawn: an officer may still edit or
delete one, but each check keeps the entry as it was drawn (`drawn`), so the caller sees what
changed since, and a deletion while the check is open is recorded on it (`entry_deleted_at`):
the check stays on the list, is still called, and then counts as failed whatever the
household says, until a supervisor overturns it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
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
    def final(self) -> bool:
        return self != Outcome.UNREACHABLE

    @property
    def returns_to_officer(self) -> bool:
        """Sent back to the officer who logged the entry, to correct or explain."""
        return self in (Outcome.NOT_GUIDED, Outcome.WRONG_DETAILS, Outcome.WRONG_NUMBER)


# What a "details false" outcome says was wrong.
DETAILS = ("procedure", "person", "date")
# What a rule may require to match (`MatchRule.must_match`): those details, and "phone" (the
# entry's number reaches the household: a wrong number is the officer's evidence being wrong).
MATCHES = (*DETAILS, "phone")

OPEN = "open"
DONE = "done"
ANSWER = "answer"  # `Check.drawn` key of the household's answer (`Check.answer`)

# Outcomes that can fail a check, depending on the rule (`MatchRule.fails`).
JUDGED_OUTCOMES = (
    Outcome.NOT_GUIDED.value,
    Outcome.WRONG_DETAILS.value,
    Outcome.WRONG_NUMBER.value,
)


def date_detail(*, within: int | None = None, beyond: int | None = None) -> str:
    """The "details false → date" answer with how far off the household's date is:
    "date<=7" (within 7 days of the entry's), "date>7" (more), "date" (not asked)."""
    if within is not None:
        return f"date<={within}"
    if beyond is not None:
        return f"date>{beyond}"
    return "date"


def detail_words(detail: str) -> list[tuple[str, str]]:
    """ "procedure,date<=7" → [("procedure", ""), ("date", "<=7")]: each wrong detail and
    what was said of it."""
    words: list[tuple[str, str]] = []
    for word in (w.strip() for w in detail.split(",")):
        if not word:
            continue
        cut = next((i for i, ch in enumerate(word) if ch in "<>"), len(word))
        words.append((word[:cut], word[cut:]))
    return words


@dataclass(frozen=True)
class MatchRule:
    """Which answers fail a check (survey back-check practice: separate the questions that
    must match from those that may drift). "Not guided" always fails. Of the details, only
    those in `must_match` do ("procedure", "person", "date"; "phone" for a wrong number);
    a guidance date the household remembers within `date_tolerance_days` of the entry's
    is recorded but does not fail.

    Judged when figures are read, not when the call is recorded, so every check of the
    campaign is judged by the rule in force (as the failure count rule is)."""

    must_match: frozenset[str] = field(
        default_factory=lambda: frozenset({"procedure", "date", "phone"})
    )
    date_tolerance_days: int = 7

    def fails(self, outcome: str | None, detail: str = "") -> bool:
        if outcome == Outcome.NOT_GUIDED.value:
            return True
        if outcome == Outcome.WRONG_NUMBER.value:
            return "phone" in self.must_match
        if outcome != Outcome.WRONG_DETAILS.value:
            return False
        words = detail_words(detail)
        # Nothing said what was wrong (older cards): the answer failed the check.
        return not words or any(self._fails(name, said) for name, said in words)

    def _fails(self, name: str, said: str) -> bool:
        if name not in DETAILS:
            return True  # a detail this version does not know: judged as wrong
        if name not in self.must_match:
            return False
        if name == "date" and said.startswith("<=") and said[2:].isdigit():
            return int(said[2:]) > self.date_tolerance_days
        return True

    def tolerated(self, outcome: str | None, detail: str = "") -> bool:
        """A "details false" answer that does not fail: recorded, counted as confirmed."""
        return outcome == Outcome.WRONG_DETAILS.value and not self.fails(outcome, detail)


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
    # A supervisor kept the failure: final, like an overturn, and off the list of open cases.
    upheld_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    upheld_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    uphold_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    officer_reply: Mapped[str] = mapped_column(Text, default="")
    officer_reply_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The entry as drawn, before any call (`models.frozen.details`): household name,
    # address and phone, the procedures, the guidance date and dossier code. None for checks
    # drawn before this was kept.
    drawn: Mapped[dict[str, Any] | None] = mapped_column(JsonType, nullable=True)
    # When the entry was deleted while this check was open (undo included): the check stays
    # on the list, is called, and then counts as failed until a supervisor overturns it.
    entry_deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    @property
    def answer(self) -> dict[str, Any]:
        """What the household answered beyond the outcome, kept beside the draw in `drawn`
        (no column of its own): "procedures", every procedure of the household the card
        showed (codes), and "confirmed", those the household confirmed."""
        value = (self.drawn or {}).get(ANSWER)
        return value if isinstance(value, dict) else {}

    def failed(self, rule: MatchRule) -> bool:
        """Called and failed, overturned or not: the household's answer failed it by the
        rule, or its entry was deleted while it was open."""
        return self.status == DONE and (
            self.entry_deleted_at is not None or rule.fails(self.outcome, self.detail)
        )

    def failing(self, rule: MatchRule) -> bool:
        """Counts against eligibility now: called (only an answered check can fail, so no
        figure tells a hamlet what is still on a list), not overturned, and failed
        (`failed`)."""
        return self.overturned_at is None and self.failed(rule)

    def open_case(self, rule: MatchRule) -> bool:
        """A failing check nobody has decided on: neither overturned nor upheld. Both
        decisions are final; only open cases are offered for review."""
        return self.upheld_at is None and self.failing(rule)


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
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("verification_batch.id"), nullable=True
    )  # the draw that took it
