"""An award proposal as it was made: the review period, the rules, every line's figures,
and the data snapshot (time and last entry) its figures were taken from.

The dossier documents and the evidence spreadsheet are drawn from the stored proposal and
the snapshot, so what a hamlet signs is what the supervisor was shown, even if entries are
added or deleted afterwards.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    ForeignKey,
    Integer,
    String,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from models.audit import record
from models.awards import (
    AwardRules,
    Eligibility,
    HamletStanding,
    Line,
    OfficerStanding,
    Section,
    Status,
)
from models.base import Base, BigId, JsonType, UTCDateTime
from models.campaign import Procedure
from models.check_scope import Viewer, visible_checks
from models.eligibility import Tally
from models.households import Entry, Household, entry_procedure
from models.people import User
from models.periods import Period
from models.roster import Roster, RosterHousehold
from models.rules import RESERVED_ROUND_CODES
from models.verification import Check

# Period kinds a proposal may record that are not award rounds ("since_start", "custom").
NOT_ROUNDS = RESERVED_ROUND_CODES


class AwardProposal(Base):
    __tablename__ = "award_proposal"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    made_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    snapshot_at: Mapped[datetime] = mapped_column(UTCDateTime)
    max_entry_id: Mapped[int] = mapped_column(BigId)
    period_kind: Mapped[str] = mapped_column(String(16))  # the round's code, or NOT_ROUNDS
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    as_of: Mapped[date] = mapped_column(Date)
    threshold: Mapped[str] = mapped_column(String(16))  # exact, as configured
    caps: Mapped[dict[str, Any]] = mapped_column(JsonType)
    rules: Mapped[dict[str, Any]] = mapped_column(JsonType)
    result: Mapped[dict[str, Any]] = mapped_column(JsonType)
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the result
    entries: Mapped[int] = mapped_column(Integer)  # live entries the figures counted
    # The one the emulation council decided on (`mark_final`); documents say final or draft.
    final_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    final_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    # The commune whose hamlets it ranks (made by a supervisor bound to it); None: every
    # hamlet of the campaign. One final proposal per review and scope.
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)

    @property
    def final(self) -> bool:
        return self.final_at is not None


# --- (de)serialising the lines -----------------------------------------------------------


def _tally(data: dict[str, Any] | None) -> Tally | None:
    return Tally(**data) if data is not None else None


def _line_data(line: Line[Any], key: int) -> dict[str, Any]:
    return {
        "key": key,
        "status": line.status.value,
        "rank": line.rank,
        "lacks": line.lacks,
        "failed_checks": list(line.failed_checks),
    }


def _section_data(section: Section[Any], key: str) -> dict[str, Any]:
    return {
        "kind": section.kind,
        "cap": section.cap,
        "order": list(section.order),
        "lines": [_line_data(line, getattr(line.subject, key)) for line in section.lines],
    }


def result_data(elig: Eligibility) -> dict[str, Any]:
    return {
        "hamlets": [asdict(h) for h in elig.hamlets],
        "officers": [asdict(o) for o in elig.officers],
        "collective": _section_data(elig.collective, "hamlet_id"),
        "special": _section_data(elig.special, "hamlet_id"),
        "individual": _section_data(elig.individual, "user_id"),
    }


def _section(data: dict[str, Any], subjects: dict[int, Any]) -> Section[Any]:
    lines = tuple(
        Line(
            subject=subjects[line["key"]],
            status=Status(line["status"]),
            rank=line["rank"],
            lacks=line["lacks"],
            failed_checks=tuple(line["failed_checks"]),
        )
        for line in data["lines"]
    )
    return Section(data["kind"], data["cap"], tuple(data["order"]), lines)


def stored_eligibility(proposal: AwardProposal) -> Eligibility:
    data = proposal.result
    hamlets = {
        h["hamlet_id"]: HamletStanding(**{**h, "checks": _tally(h["checks"])})
        for h in data["hamlets"]
    }
    officers = {
        o["user_id"]: OfficerStanding(**{**o, "checks": _tally(o["checks"])})
        for o in data["officers"]
    }
    return Eligibility(
        period=Period(proposal.period_kind, proposal.period_start, proposal.period_end),
        as_of=proposal.as_of,
        threshold=float(proposal.threshold),
        collective=_section(data["collective"], hamlets),
        special=_section(data["special"], hamlets),
        individual=_section(data["individual"], officers),
        hamlets=tuple(hamlets.values()),
        officers=tuple(officers.values()),
    )


async def store_proposal(
    session: AsyncSession,
    *,
    campaign_id: int,
    elig: Eligibility,
    rules: AwardRules,
    caps: dict[str, int],
    threshold: float,
    made_by: int | None,
    now: datetime,
    unit: str | None = None,
) -> AwardProposal:
    live = (
        Entry.campaign_id == campaign_id,
        Entry.deleted_at.is_(None),
        Entry.guided_on >= elig.period.start,
        Entry.guided_on <= elig.as_of,
        # A commune's proposal counts its own hamlets' entries.
        Entry.hamlet_id.in_([h.hamlet_id for h in elig.hamlets]) if unit is not None else true(),
    )
    max_id = await session.scalar(select(func.max(Entry.id))) or 0
    counted = await session.scalar(select(func.count(Entry.id)).where(*live)) or 0
    result = result_data(elig)
    digest = hashlib.sha256(
        json.dumps(result, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()
    proposal = AwardProposal(
        campaign_id=campaign_id,
        made_by=made_by,
        snapshot_at=now,
        max_entry_id=max_id,
        period_kind=elig.period.kind,
        period_start=elig.period.start,
        period_end=elig.period.end,
        as_of=elig.as_of,
        threshold=str(threshold),
        caps=caps,
        rules=asdict(rules),
        result=result,
        fingerprint=digest,
        entries=counted,
        unit=unit,
    )
    session.add(proposal)
    await session.flush()
    record(
        session,
        at=now,
        actor_id=made_by,
        action="award_proposal",
        target="award_proposal",
        target_id=proposal.id,
        after={
            "period": elig.period.key,
            "as_of": elig.as_of.isoformat(),
            "max_entry_id": max_id,
            "entries": counted,
            "fingerprint": digest,
            "collective": [line.subject.code for line in elig.collective.proposed],
            "special": [line.subject.code for line in elig.special.proposed],
            "individual": [line.subject.user_id for line in elig.individual.proposed],
        },
    )
    return proposal


# --- the households and checks behind the figures ------------------------------------------


@dataclass
class HouseholdTrace:
    """One guided household as the proposal counted it."""

    hamlet_id: int
    household_id: int
    head_name: str
    address: str
    phone: str
    roster_code: str = ""
    roster_row: int | None = None
    procedures: list[str] = field(default_factory=list)  # distinct, catalog order
    days: list[date] = field(default_factory=list)
    dossier_codes: list[str] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)
    entry_ids: list[int] = field(default_factory=list)
    # Outcomes of its spot-checks: "open", or the outcome with ":deleted" (the entry was
    # deleted after the draw: failed, whatever was said) and ":overturned" marks.
    checks: list[str] = field(default_factory=list)


def snapshot_filter(proposal: AwardProposal) -> tuple[ColumnElement[bool], ...]:
    """The entries as they stood when the proposal was made."""
    return (
        Entry.campaign_id == proposal.campaign_id,
        Entry.id <= proposal.max_entry_id,
        Entry.created_at <= proposal.snapshot_at,
        or_(Entry.deleted_at.is_(None), Entry.deleted_at > proposal.snapshot_at),
        Entry.guided_on >= proposal.period_start,
        Entry.guided_on <= proposal.as_of,
    )


async def traces(
    session: AsyncSession, proposal: AwardProposal, hamlet_ids: Sequence[int], *, viewer: Viewer
) -> list[HouseholdTrace]:
    """Every household counted for these hamlets, with the entries behind it and the checks
    the viewer may see (`models.check_scope`)."""
    wanted = (*snapshot_filter(proposal), Entry.hamlet_id.in_(hamlet_ids))
    rows = await session.execute(
        select(
            Entry.id,
            Entry.hamlet_id,
            Entry.guided_on,
            Entry.dossier_code,
            User.display_name,
            Household.id,
            Household.head_name,
            Household.address,
            Household.phone,
        )
        .join(Household, Household.id == Entry.household_id)
        .join(User, User.id == Entry.officer_id)
        .where(*wanted)
        .order_by(Entry.hamlet_id, Household.id, Entry.guided_on, Entry.id)
    )
    by_household: dict[int, HouseholdTrace] = {}
    entry_household: dict[int, int] = {}
    for entry_id, hamlet_id, day, dossier, officer, hid, name, address, phone in rows:
        trace = by_household.setdefault(hid, HouseholdTrace(hamlet_id, hid, name, address, phone))
        trace.entry_ids.append(entry_id)
        entry_household[entry_id] = hid
        if day not in trace.days:
            trace.days.append(day)
        if dossier and dossier not in trace.dossier_codes:
            trace.dossier_codes.append(dossier)
        if officer not in trace.officers:
            trace.officers.append(officer)
    procs = await session.execute(
        select(entry_procedure.c.entry_id, Procedure.name)
        .join(Procedure, Procedure.id == entry_procedure.c.procedure_id)
        .join(Entry, Entry.id == entry_procedure.c.entry_id)
        .where(*wanted)
        .order_by(Procedure.position)
    )
    for entry_id, name in procs:
        trace = by_household[entry_household[entry_id]]
        if name not in trace.procedures:
            trace.procedures.append(name)
    links = await session.execute(
        select(RosterHousehold.household_id, RosterHousehold.code, RosterHousehold.row)
        .join(Roster, Roster.id == RosterHousehold.roster_id)
        .where(
            Roster.replaced_at.is_(None),
            Roster.hamlet_id.in_(hamlet_ids),
            RosterHousehold.household_id.is_not(None),
        )
    )
    for linked_id, code, row in links:
        linked = by_household.get(int(linked_id or 0))
        if linked is not None:
            linked.roster_code, linked.roster_row = str(code), int(row)
    outcomes: dict[int, list[str]] = defaultdict(list)
    checks = await session.execute(
        select(
            Check.household_id,
            Check.status,
            Check.outcome,
            Check.overturned_at,
            Check.entry_deleted_at,
        )
        .where(
            Check.campaign_id == proposal.campaign_id,
            Check.hamlet_id.in_(hamlet_ids),
            visible_checks(viewer),
        )
        .order_by(Check.id)
    )
    for hid, status, outcome, overturned, deleted in checks:
        label = "open" if status == "open" else str(outcome)
        if deleted is not None:
            label += ":deleted"
        outcomes[hid].append(f"{label}:overturned" if overturned is not None else label)
    for hid, labels in outcomes.items():
        if hid in by_household:
            by_household[hid].checks = labels
    return list(by_household.values())


async def procedure_counts(
    session: AsyncSession, proposal: AwardProposal, hamlet_id: int
) -> list[tuple[str, int]]:
    """(procedure, households guided through it), most first."""
    rows = await session.execute(
        select(Procedure.name, func.count(func.distinct(Entry.household_id)))
        .join(entry_procedure, entry_procedure.c.procedure_id == Procedure.id)
        .join(Entry, Entry.id == entry_procedure.c.entry_id)
        .where(*snapshot_filter(proposal), Entry.hamlet_id == hamlet_id)
        .group_by(Procedure.name, Procedure.position)
        .order_by(func.count(func.distinct(Entry.household_id)).desc(), Procedure.position)
    )
    return [(str(name), int(n)) for name, n in rows]


def in_scopes(scopes: Sequence[str | None]) -> ColumnElement[bool]:
    """Proposals of these scopes (a commune, or None for the whole campaign)."""
    units = [u for u in scopes if u is not None]
    whole = AwardProposal.unit.is_(None) if None in scopes else false()
    return or_(whole, AwardProposal.unit.in_(units)) if units else whole


async def final_proposal(
    session: AsyncSession,
    campaign_id: int,
    period_kind: str | None = None,
    *,
    scopes: Sequence[str | None] = (None,),
) -> AwardProposal | None:
    """The latest proposal marked final (of this review kind, if given) among those of
    `scopes` (by default the whole campaign's)."""
    stmt = select(AwardProposal).where(
        AwardProposal.campaign_id == campaign_id,
        AwardProposal.final_at.is_not(None),
        in_scopes(scopes),
    )
    if period_kind is not None:
        stmt = stmt.where(AwardProposal.period_kind == period_kind)
    return await session.scalar(
        stmt.order_by(AwardProposal.final_at.desc(), AwardProposal.id.desc()).limit(1)
    )


async def latest_proposal(
    session: AsyncSession, campaign_id: int, *, scopes: Sequence[str | None] = (None,)
) -> AwardProposal | None:
    return await session.scalar(
        select(AwardProposal)
        .where(AwardProposal.campaign_id == campaign_id, in_scopes(scopes))
        .order_by(AwardProposal.id.desc())
        .limit(1)
    )


# --- final or draft -----------------------------------------------------------------------


def _same_review(proposal: AwardProposal) -> tuple[ColumnElement[bool], ...]:
    """A round is its code: its dates may be corrected in the configuration and it stays the
    same review. A period that is not a round ("from the start to date", given dates) is its
    dates."""
    same = (
        AwardProposal.campaign_id == proposal.campaign_id,
        AwardProposal.period_kind == proposal.period_kind,
        in_scopes((proposal.unit,)),
    )
    if proposal.period_kind not in NOT_ROUNDS:
        return same
    return (
        *same,
        AwardProposal.period_start == proposal.period_start,
        AwardProposal.period_end == proposal.period_end,
    )


async def final_of_review(session: AsyncSession, proposal: AwardProposal) -> AwardProposal | None:
    """The proposal marked final for the same review as `proposal`: the same round (its code)
    and scope, or for a period that is no round the same dates."""
    return await session.scalar(
        select(AwardProposal)
        .where(*_same_review(proposal), AwardProposal.final_at.is_not(None))
        .order_by(AwardProposal.final_at.desc(), AwardProposal.id.desc())
        .limit(1)
    )


async def proposals(
    session: AsyncSession,
    campaign_id: int,
    limit: int = 20,
    *,
    scopes: Sequence[str | None] | None = None,
) -> list[AwardProposal]:
    """The campaign's proposals (of these scopes; None: all), newest first."""
    return list(
        await session.scalars(
            select(AwardProposal)
            .where(
                AwardProposal.campaign_id == campaign_id,
                in_scopes(scopes) if scopes is not None else true(),
            )
            .order_by(AwardProposal.id.desc())
            .limit(limit)
        )
    )


async def mark_final(
    session: AsyncSession, *, proposal: AwardProposal, actor_id: int, now: datetime
) -> AwardProposal | None:
    """Mark the proposal the council decided on; one final per review. Returns the one it
    replaces (back to draft), each change audited."""
    replaced = await final_of_review(session, proposal)
    if replaced is not None and replaced.id == proposal.id:
        return None
    if replaced is not None:
        before = {
            "final_at": replaced.final_at.isoformat() if replaced.final_at else None,
            "final_by": replaced.final_by,
        }
        replaced.final_at = None
        replaced.final_by = None
        record(
            session,
            at=now,
            actor_id=actor_id,
            action="award_unfinal",
            target="award_proposal",
            target_id=replaced.id,
            before=before,
            after={"final_at": None, "replaced_by": proposal.id},
        )
    proposal.final_at = now
    proposal.final_by = actor_id
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="award_final",
        target="award_proposal",
        target_id=proposal.id,
        before={"final_at": None},
        after={
            "final_at": now.isoformat(),
            "final_by": actor_id,
            "fingerprint": proposal.fingerprint,
            "replaces": replaced.id if replaced else None,
        },
    )
    await session.flush()
    return replaced
