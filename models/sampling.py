"""Drawing a verification sample: stratified by hamlet and officer, seeded, replayable.

The draw is a pure function of (candidates, rule, seed, flagged entries): candidates are
read in a fixed order and every hamlet gets its own random stream derived from the seed,
so the same seed over the same data gives the same list, and adding a hamlet to the
campaign does not change the picks in the others.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.audit import record
from models.campaign import Hamlet
from models.frozen import details
from models.households import Entry
from models.verification import Batch, Check, Flag

ALGORITHM = 1  # bump if the draw changes, so old batches replay with the old rules


class RuleError(ValueError):
    """A sample size nobody can draw (e.g. 0% or 150%)."""


@dataclass(frozen=True)
class Rule:
    mode: str  # "rate": a share of each hamlet's households; "count": a number per hamlet
    rate: float = 0.0
    per_hamlet: int = 0

    def __post_init__(self) -> None:
        if self.mode == "rate" and not 0 < self.rate <= 1:
            raise RuleError("rate")
        if self.mode == "count" and self.per_hamlet < 1:
            raise RuleError("count")
        if self.mode not in ("rate", "count"):
            raise RuleError(self.mode)

    def target(self, households: int, officers: int) -> int:
        """How many households to call in a hamlet with this many candidates.

        At least one per hamlet and one per officer (every stratum represented), never
        more than there are: a 10% rate over 3 households still calls one.
        """
        if households == 0:
            return 0
        if self.mode == "rate":
            # Half up, not banker's, in decimal: 29% of 50 is 14.5 → 15, where the float
            # product 14.499999999999998 would round down.
            exact = Decimal(str(self.rate)) * households
            wanted = int(exact.to_integral_value(rounding=ROUND_HALF_UP))
        else:
            wanted = self.per_hamlet
        return min(households, max(wanted, 1, officers))

    def as_json(self) -> dict[str, Any]:
        if self.mode == "rate":
            return {"mode": "rate", "rate": self.rate}
        return {"mode": "count", "per_hamlet": self.per_hamlet}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rule:
        if data.get("mode") == "count":
            return cls("count", per_hamlet=int(data["per_hamlet"]))
        return cls("rate", rate=float(data["rate"]))


@dataclass(frozen=True, order=True)
class Candidate:
    entry_id: int
    household_id: int
    hamlet_id: int
    hamlet_code: str
    officer_id: int


@dataclass(frozen=True)
class Pick:
    candidate: Candidate
    flagged: bool = False


def new_seed() -> str:
    return secrets.token_hex(8)


def fingerprint(candidates: Iterable[Candidate]) -> str:
    digest = hashlib.sha256()
    for c in sorted(candidates):
        digest.update(f"{c.entry_id},{c.household_id},{c.hamlet_id},{c.officer_id};".encode())
    return digest.hexdigest()


def _draw_hamlet(rng: random.Random, entries: list[Candidate], rule: Rule) -> list[Candidate]:
    by_household: dict[int, list[Candidate]] = defaultdict(list)
    by_officer: dict[int, list[Candidate]] = defaultdict(list)
    for c in entries:
        by_household[c.household_id].append(c)
        by_officer[c.officer_id].append(c)
    target = rule.target(len(by_household), len(by_officer))
    picked: dict[int, Candidate] = {}

    # One household per officer first, so each officer's work is checked. Officers with the
    # fewest households choose first: one who only logged a household another officer also
    # logged is not left out when that other officer happens to pick it.
    def households_of(officer: int) -> tuple[int, int]:
        return len({c.household_id for c in by_officer[officer]}), officer

    for officer in sorted(by_officer, key=households_of):
        options = [c for c in by_officer[officer] if c.household_id not in picked]
        if options and len(picked) < target:
            choice = rng.choice(options)
            picked[choice.household_id] = choice
    rest = sorted(h for h in by_household if h not in picked)
    for household in rng.sample(rest, max(0, target - len(picked))):
        picked[household] = max(by_household[household])  # its latest entry
    return list(picked.values())


def draw(
    candidates: Sequence[Candidate], rule: Rule, seed: str, flagged: Sequence[Candidate] = ()
) -> list[Pick]:
    """The call list: random households per hamlet, then flagged entries, in call order."""
    by_hamlet: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(candidates):
        by_hamlet[c.hamlet_code].append(c)
    chosen: list[Candidate] = []
    for code in sorted(by_hamlet):
        chosen += _draw_hamlet(random.Random(f"{seed}:{code}"), by_hamlet[code], rule)
    chosen.sort()
    # Calls alternate between hamlets rather than finishing one hamlet first.
    random.Random(f"{seed}:order").shuffle(chosen)
    picks = [Pick(c) for c in chosen]
    taken = {c.household_id: i for i, c in enumerate(chosen)}
    for c in sorted(flagged):
        if c.household_id in taken:
            index = taken[c.household_id]
            picks[index] = Pick(picks[index].candidate, flagged=True)
        else:
            taken[c.household_id] = len(picks)
            picks.append(Pick(c, flagged=True))
    return picks


# ------------------------------------------------------------------------ reading the data


async def candidates(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet_ids: Sequence[int],
    as_of: datetime,
    max_entry_id: int | None = None,
    before_batch: int | None = None,
) -> list[Candidate]:
    """Entries the draw may choose from, as the data stood at `as_of`.

    Live entries only; households already on an earlier list of this campaign are left
    out (each household is called at most once, barring a supervisor's flag).
    """
    earlier = select(Check.household_id).where(Check.campaign_id == campaign_id)
    if before_batch is not None:
        earlier = earlier.where(Check.batch_id < before_batch)
    stmt = (
        select(Entry.id, Entry.household_id, Entry.hamlet_id, Hamlet.code, Entry.officer_id)
        .join(Hamlet, Hamlet.id == Entry.hamlet_id)
        .where(
            Entry.campaign_id == campaign_id,
            Entry.hamlet_id.in_(hamlet_ids),
            Entry.created_at <= as_of,
            or_(Entry.deleted_at.is_(None), Entry.deleted_at > as_of),
            Entry.household_id.not_in(earlier),
        )
    )
    if max_entry_id is not None:
        stmt = stmt.where(Entry.id <= max_entry_id)
    rows = await session.execute(stmt)
    return sorted(Candidate(*row) for row in rows)


async def open_flags(
    session: AsyncSession, campaign_id: int, hamlet_ids: Sequence[int]
) -> list[tuple[Flag, Candidate]]:
    rows = await session.execute(
        select(Flag, Entry.id, Entry.household_id, Entry.hamlet_id, Hamlet.code, Entry.officer_id)
        .join(Entry, Entry.id == Flag.entry_id)
        .join(Hamlet, Hamlet.id == Entry.hamlet_id)
        .where(
            Flag.campaign_id == campaign_id,
            Flag.batch_id.is_(None),
            Entry.deleted_at.is_(None),
            Entry.hamlet_id.in_(hamlet_ids),
        )
        .order_by(Flag.id)
    )
    return [
        (flag, Candidate(entry_id, household_id, hamlet_id, code, officer_id))
        for flag, entry_id, household_id, hamlet_id, code, officer_id in rows
    ]


async def _details(session: AsyncSession, entry_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The drawn entries as they stand now (kept on each check: edits show on the card)."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(entry_ids), 500):
        entries = await session.scalars(
            select(Entry)
            .options(selectinload(Entry.household), selectinload(Entry.procedures))
            .where(Entry.id.in_(entry_ids[start : start + 500]))
        )
        found.update((e.id, details(e)) for e in entries)
    return found


async def create_batch(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlets: Sequence[Hamlet],
    rule: Rule,
    actor_id: int | None,
    now: datetime,
    seed: str | None = None,
) -> Batch | None:
    """Draw and store the list (seed, rule, data fingerprint) before anyone calls.

    None (and nothing stored) when there is nobody left to call.
    """
    seed = seed or new_seed()
    hamlet_ids = [h.id for h in hamlets]
    max_entry_id = (
        await session.scalar(select(func.max(Entry.id)).where(Entry.campaign_id == campaign_id))
        or 0
    )
    pool = await candidates(
        session,
        campaign_id=campaign_id,
        hamlet_ids=hamlet_ids,
        as_of=now,
        max_entry_id=max_entry_id,
    )
    flags = await open_flags(session, campaign_id, hamlet_ids)
    picks = draw(pool, rule, seed, [c for _flag, c in flags])
    if not picks:
        return None
    batch = Batch(
        campaign_id=campaign_id,
        created_by=actor_id,
        created_at=now,
        seed=seed,
        rule={**rule.as_json(), "hamlets": sorted(h.code for h in hamlets), "v": ALGORITHM},
        max_entry_id=max_entry_id,
        population=len(pool),
        fingerprint=fingerprint(pool),
        size=len(picks),
    )
    session.add(batch)
    await session.flush()
    drawn = await _details(session, [p.candidate.entry_id for p in picks])
    for position, pick in enumerate(picks, 1):
        c = pick.candidate
        session.add(
            Check(
                batch_id=batch.id,
                campaign_id=campaign_id,
                position=position,
                entry_id=c.entry_id,
                household_id=c.household_id,
                hamlet_id=c.hamlet_id,
                officer_id=c.officer_id,
                flagged=pick.flagged,
                queue_at=now,
                drawn=drawn.get(c.entry_id),
            )
        )
    for flag, _c in flags:
        flag.batch_id = batch.id
    record(
        session,
        at=now,
        actor_id=actor_id,
        action="verify_draw",
        target="verification_batch",
        target_id=batch.id,
        after={
            "seed": seed,
            "rule": batch.rule,
            "population": len(pool),
            "size": len(picks),
            "flagged": [f.entry_id for f, _c in flags],
            "entries": [p.candidate.entry_id for p in picks],
        },
    )
    await session.flush()
    return batch


@dataclass(frozen=True)
class Replay:
    batch: Batch
    stored: list[int]  # entry ids in call order, as stored
    redrawn: list[int]  # entry ids the same seed draws over the data as it stood
    same_data: bool  # the candidates' fingerprint matches the one stored at draw time

    @property
    def matches(self) -> bool:
        return self.stored == self.redrawn


async def replay(session: AsyncSession, batch_id: int) -> Replay | None:
    """Draw again with the batch's seed and rule over the data as it stood then."""
    batch = await session.get(Batch, batch_id)
    if batch is None:
        return None
    codes = list(batch.rule.get("hamlets") or [])
    hamlet_ids = list(await session.scalars(select(Hamlet.id).where(Hamlet.code.in_(codes))))
    pool = await candidates(
        session,
        campaign_id=batch.campaign_id,
        hamlet_ids=hamlet_ids,
        as_of=batch.created_at,
        max_entry_id=batch.max_entry_id,
        before_batch=batch.id,
    )
    checks = list(
        await session.scalars(
            select(Check).where(Check.batch_id == batch.id).order_by(Check.position)
        )
    )
    flagged_ids = set(await session.scalars(select(Flag.entry_id).where(Flag.batch_id == batch.id)))
    flag_rows = await session.execute(
        select(Entry.id, Entry.household_id, Entry.hamlet_id, Hamlet.code, Entry.officer_id)
        .join(Hamlet, Hamlet.id == Entry.hamlet_id)
        .where(Entry.id.in_(flagged_ids))
    )
    flagged = [Candidate(*row) for row in flag_rows]
    picks = draw(pool, Rule.from_json(batch.rule), batch.seed, flagged)
    return Replay(
        batch=batch,
        stored=[c.entry_id for c in checks],
        redrawn=[p.candidate.entry_id for p in picks],
        same_data=fingerprint(pool) == batch.fingerprint,
    )
