"""Verification spot-checks in the domain: the stratified, seeded draw and its replay,
outcomes and what they do to eligibility, and two supervisors calling from one batch.

Real SQLite file (conftest), seeded campaign (tests/support/seed.py): live households per hamlet
NHO 19 (one officer), BNA 5 (two officers; H6 deleted), L364 3, L365 2, L366 1.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.runtime import Runtime
from models.campaign import Hamlet
from models.checks import (
    CheckError,
    add_flag,
    failed_checks,
    next_card,
    overturn,
    record_outcome,
    release,
    returned_to,
)
from models.eligibility import FailRule, Tally, verification
from models.households import Entry, Household
from models.people import Role, User
from models.records import AuditEvent
from models.registry import (
    HouseholdInput,
    add_to_household,
    campaign_by_code,
    create_household_entry,
    load_entry,
    soft_delete_entry,
)
from models.sampling import (
    Candidate,
    Pick,
    Replay,
    Rule,
    RuleError,
    candidates,
    create_batch,
    draw,
    open_flags,
    replay,
)
from models.verification import DONE, OPEN, Batch, Call, Check, Flag, MatchRule, Outcome
from tests.support.campaign import NOW, make_user
from tests.support.seed import Seeded, seed

pytestmark = pytest.mark.slow  # sample draws and calls over the seeded campaign

TEN_PERCENT = Rule("rate", rate=0.10)
LEASE = timedelta(minutes=30)
RETRY = timedelta(minutes=60)
SEEDS = [f"{i:016x}" for i in range(0, 4000, 97)]  # 42 fixed seeds


# ------------------------------------------------------------------------------ helpers


async def _hamlets(runtime: Runtime, codes: Sequence[str] | None = None) -> list[Hamlet]:
    async with runtime.services.sessions() as session:
        stmt = select(Hamlet).where(Hamlet.active).order_by(Hamlet.code)
        if codes is not None:
            stmt = stmt.where(Hamlet.code.in_(codes))
        return list(await session.scalars(stmt))


async def _campaign_id(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        return (await campaign_by_code(session, runtime.settings.campaign.code)).id


async def _pool(runtime: Runtime, codes: Sequence[str] | None = None) -> list[Candidate]:
    hamlets = await _hamlets(runtime, codes)
    camp = await _campaign_id(runtime)
    async with runtime.services.sessions() as session:  # one session at a time (SQLite)
        return await candidates(
            session,
            campaign_id=camp,
            hamlet_ids=[h.id for h in hamlets],
            as_of=runtime.services.clock.now(),
        )


async def _batch(
    runtime: Runtime,
    rule: Rule = TEN_PERCENT,
    seed_: str = "00c0ffee00c0ffee",
    codes: Sequence[str] | None = None,
    actor: User | None = None,
) -> Batch | None:
    hamlets = await _hamlets(runtime, codes)
    camp = await _campaign_id(runtime)
    async with runtime.services.sessions() as session, session.begin():
        return await create_batch(
            session,
            campaign_id=camp,
            hamlets=hamlets,
            rule=rule,
            actor_id=actor.id if actor else None,
            now=runtime.services.clock.now(),
            seed=seed_,
        )


async def _must_batch(
    runtime: Runtime,
    rule: Rule = TEN_PERCENT,
    seed_: str = "00c0ffee00c0ffee",
    codes: Sequence[str] | None = None,
    actor: User | None = None,
) -> Batch:
    batch = await _batch(runtime, rule, seed_, codes, actor)
    assert batch is not None
    return batch


async def _checks(runtime: Runtime, batch_id: int) -> list[Check]:
    async with runtime.services.sessions() as session:
        return list(
            await session.scalars(
                select(Check).where(Check.batch_id == batch_id).order_by(Check.position)
            )
        )


async def _codes_by_hamlet_id(runtime: Runtime) -> dict[int, str]:
    return {h.id: h.code for h in await _hamlets(runtime)}


def _per_hamlet(picks: Sequence[Pick]) -> dict[str, int]:
    return dict(Counter(p.candidate.hamlet_code for p in picks))


def _officers(s: Seeded) -> set[int]:
    """Everyone who logged a live entry in the seed."""
    return {u.id for u in (s.bna_active, s.bna_idle, s.nho, s.l364, s.l365, s.l366)}


async def _entry_of(runtime: Runtime, head_name: str) -> Entry:
    async with runtime.services.sessions() as session:
        entry: Entry | None = await session.scalar(
            select(Entry)
            .join(Household, Household.id == Entry.household_id)
            .where(Household.head_name == head_name)
            .order_by(Entry.id.desc())
            .limit(1)
        )
        assert entry is not None
        return entry


async def _add_household(
    runtime: Runtime, hamlet: str, officer: User, name: str, phone: str
) -> Entry:
    camp = await _campaign_id(runtime)
    hamlet_id = {h.code: h.id for h in await _hamlets(runtime)}[hamlet]
    async with runtime.services.sessions() as session, session.begin():
        entry: Entry = await create_household_entry(
            session,
            campaign_id=camp,
            hamlet_id=hamlet_id,
            officer=officer,
            now=runtime.services.clock.now(),
            data=HouseholdInput(
                name=name,
                address=f"Tổ 9, {hamlet}",
                phone=phone,
                procedure_codes=("KS",),
                dossier_code="",
                guided_on=date(2026, 4, 14),
            ),
        )
        return entry


async def _record(
    runtime: Runtime, check_id: int, caller: User, outcome: Outcome, max_attempts: int = 3
) -> Outcome:
    async with runtime.services.sessions() as session, session.begin():
        check = await session.get(Check, check_id)
        assert check is not None
        recorded = await record_outcome(
            session,
            check=check,
            caller=caller,
            outcome=outcome,
            now=runtime.services.clock.now(),
            max_attempts=max_attempts,
            retry_after=RETRY,
            lease=LEASE,
        )
        return recorded.outcome


async def _next(runtime: Runtime, batch_id: int, caller: User) -> int | None:
    async with runtime.services.sessions() as session, session.begin():
        card = await next_card(
            session,
            batch_id=batch_id,
            caller_id=caller.id,
            now=runtime.services.clock.now(),
            lease=LEASE,
        )
        return card.id if card else None


ANY_FAILURE = FailRule()
PHONE_MAY_DRIFT = FailRule(match=MatchRule(must_match=frozenset({"procedure", "date"})))


async def _figures(
    runtime: Runtime, rule: FailRule = ANY_FAILURE
) -> tuple[dict[str, Tally], dict[int, Tally]]:
    camp = await _campaign_id(runtime)
    async with runtime.services.sessions() as session:
        v = await verification(session, campaign_id=camp, rule=rule)
    return {t.code: t for t in v.hamlets}, {t.key: t for t in v.officers}


# ------------------------------------------------------------------- sample sizes (pure)


def test_rule_target_sizes_and_half_up_rounding() -> None:
    ten = Rule("rate", rate=0.10)
    assert ten.target(19, 1) == 2  # 1.9 → 2 (NHO)
    assert ten.target(5, 2) == 2  # 0.5 → 1, but one per officer (BNA)
    assert ten.target(3, 1) == 1  # 0.3 → 0, still one per hamlet
    assert ten.target(2, 2) == 2 and ten.target(2, 1) == 1 and ten.target(1, 1) == 1
    assert ten.target(0, 0) == 0  # a hamlet with nobody logged draws nobody
    assert ten.target(15, 1) == 2  # 1.5 → 2
    assert ten.target(25, 1) == 3  # 2.5 → 3 half up (banker's rounding would say 2)
    assert ten.target(45, 1) == 5  # 4.5 → 5 (banker's: 4)
    assert Rule("rate", rate=0.29).target(50, 1) == 15  # 14.5, not float 14.4999… → 14
    assert Rule("rate", rate=0.35).target(90, 1) == 32  # 31.5 (float 31.499999…)
    assert Rule("rate", rate=0.01).target(19, 1) == 1  # rounds to zero: still one
    assert Rule("rate", rate=1.0).target(7, 3) == 7
    assert ten.target(3, 5) == 3  # never more than there are
    three = Rule("count", per_hamlet=3)
    assert three.target(19, 1) == 3 and three.target(2, 1) == 2 and three.target(10, 4) == 4
    for bad in (
        dict(mode="rate", rate=0.0),
        dict(mode="rate", rate=1.5),
        dict(mode="count", per_hamlet=0),
        dict(mode="share", rate=0.1),
    ):
        with pytest.raises(RuleError):
            Rule(**bad)  # type: ignore[arg-type]
    for rule in (ten, three):
        assert Rule.from_json(rule.as_json()) == rule


def test_draw_is_a_pure_function_of_seed_and_data() -> None:
    pool = [Candidate(i, 100 + i, 1 + i % 3, f"H{i % 3}", 50 + i % 4) for i in range(1, 91)]
    rule = Rule("rate", rate=0.2)
    assert draw(pool, rule, "abc") == draw(list(reversed(pool)), rule, "abc")
    lists = {tuple(p.candidate.entry_id for p in draw(pool, rule, s)) for s in SEEDS[:10]}
    assert len(lists) == 10


# -------------------------------------------------------------- stratified, over real data


async def test_every_hamlet_and_officer_drawn_with_rule_sizes(runtime: Runtime) -> None:
    s = await seed(runtime)
    pool = await _pool(runtime)
    assert len({c.household_id for c in pool}) == 30
    for seed_ in SEEDS:
        picks = draw(pool, TEN_PERCENT, seed_)
        assert _per_hamlet(picks) == {"NHO": 2, "BNA": 2, "L364": 1, "L365": 1, "L366": 1}
        assert {p.candidate.officer_id for p in picks} == _officers(s)
        assert len({p.candidate.household_id for p in picks}) == len(picks)
    # Stored the same way, in call order 1..n, before anyone calls.
    batch = await _must_batch(runtime, actor=s.supervisor)
    checks = await _checks(runtime, batch.id)
    codes = await _codes_by_hamlet_id(runtime)
    assert Counter(codes[c.hamlet_id] for c in checks) == Counter(
        {"NHO": 2, "BNA": 2, "L364": 1, "L365": 1, "L366": 1}
    )
    assert [c.position for c in checks] == list(range(1, 8))
    assert all(c.status == OPEN and c.attempts == 0 and not c.flagged for c in checks)
    assert batch.size == 7 and batch.population == len(pool) and batch.created_by == s.supervisor.id
    assert batch.rule == {
        "mode": "rate",
        "rate": 0.1,
        "v": 1,
        "hamlets": ["BNA", "L364", "L365", "L366", "NHO"],
    }


async def test_tiny_rates_and_count_mode(runtime: Runtime) -> None:
    s = await seed(runtime)
    pool = await _pool(runtime)
    for seed_ in SEEDS[:10]:
        # 1% rounds to zero everywhere: still one per hamlet (two in BNA: two officers).
        tiny = draw(pool, Rule("rate", rate=0.01), seed_)
        assert _per_hamlet(tiny) == {"NHO": 1, "BNA": 2, "L364": 1, "L365": 1, "L366": 1}
        assert {p.candidate.officer_id for p in tiny} == _officers(s)
        # Three per hamlet, capped at what a hamlet has.
        three = draw(pool, Rule("count", per_hamlet=3), seed_)
        assert _per_hamlet(three) == {"NHO": 3, "BNA": 3, "L364": 3, "L365": 2, "L366": 1}


async def test_tiny_hamlet_logged_by_two_officers_draws_both(runtime: Runtime) -> None:
    """L365: D and E by one officer; a second officer also guided E. Both officers' work
    is checked whatever the seed (the second only logged a household the first also did)."""
    s = await seed(runtime)
    newcomer = await make_user(runtime, external_id="l365b", hamlet="L365", name="Cán Bộ Mới Lăm")
    e = await _entry_of(runtime, "Hộ E")
    async with runtime.services.sessions() as session, session.begin():
        await add_to_household(
            session,
            household_id=e.household_id,
            officer=newcomer,
            now=NOW,
            data=HouseholdInput(
                name="",
                address="",
                phone="",
                procedure_codes=("TTRU",),
                dossier_code="",
                guided_on=date(2026, 4, 14),
            ),
        )
    pool = await _pool(runtime, ["L365"])
    for seed_ in SEEDS:
        picks = draw(pool, TEN_PERCENT, seed_)
        assert len(picks) == 2  # 2 households, 2 officers
        assert {p.candidate.officer_id for p in picks} == {s.l365.id, newcomer.id}
    # With a single officer, the same hamlet draws one.
    assert _per_hamlet(draw(await _pool(runtime, ["L366"]), TEN_PERCENT, "x")) == {"L366": 1}


async def test_deleted_entries_are_never_drawn(runtime: Runtime, clock: FixedClock) -> None:
    s = await seed(runtime)
    h6 = await _entry_of(runtime, "Ghi Nhầm Sáu")  # deleted in the seed
    f = await _entry_of(runtime, "Hộ F")
    clock.set(NOW + timedelta(minutes=5))
    async with runtime.services.sessions() as session, session.begin():
        entry = await load_entry(session, f.id)
        assert entry is not None
        await soft_delete_entry(session, entry=entry, reason="nhầm", actor=s.l366, now=clock.now())
    everyone = Rule("count", per_hamlet=50)
    for seed_ in SEEDS[:10]:
        picks = draw(await _pool(runtime), everyone, seed_)
        ids = {p.candidate.entry_id for p in picks}
        assert h6.id not in ids and f.id not in ids
        # L366's only household is gone: the hamlet has nobody to call.
        assert _per_hamlet(picks) == {"NHO": 19, "BNA": 5, "L364": 3, "L365": 2}
    batch = await _must_batch(runtime, everyone)
    assert {c.entry_id for c in await _checks(runtime, batch.id)}.isdisjoint({h6.id, f.id})


async def test_households_on_an_earlier_batch_are_not_drawn_again(runtime: Runtime) -> None:
    await seed(runtime)
    seen: list[int] = []
    three = Rule("count", per_hamlet=3)
    sizes = []
    for i in range(10):
        batch = await _batch(runtime, three, f"{i:016x}")
        if batch is None:
            break
        households = [c.household_id for c in await _checks(runtime, batch.id)]
        sizes.append(len(households))
        seen += households
    # Every live household called exactly once, then nothing is left to draw.
    assert len(seen) == len(set(seen)) == 30
    assert sizes[0] == 12 and sizes[-1] >= 1 and len(sizes) == 7  # NHO: 19 = 6×3 + 1
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count(Batch.id))) == len(sizes)


async def test_flagged_entry_is_added_marked_and_consumed(runtime: Runtime) -> None:
    s = await seed(runtime)
    seed_ = "f1a6f1a6f1a6f1a6"
    random_picks = draw(await _pool(runtime), TEN_PERCENT, seed_)
    picked = {p.candidate.household_id for p in random_picks}
    async with runtime.services.sessions() as session:
        nho_entries = list(
            await session.scalars(
                select(Entry).where(Entry.officer_id == s.nho.id).order_by(Entry.id)
            )
        )
    extra = next(e for e in nho_entries if e.household_id not in picked)
    already = next(e for e in nho_entries if e.household_id in picked)
    camp = await _campaign_id(runtime)
    async with runtime.services.sessions() as session, session.begin():
        for entry in (extra, already):
            await add_flag(
                session,
                campaign_id=camp,
                entry=entry,
                actor=s.supervisor,
                reason="hộ phản ánh",
                now=NOW,
            )
    batch = await _must_batch(runtime, seed_=seed_)
    checks = await _checks(runtime, batch.id)
    # The random list is unchanged; the flagged household the draw skipped comes last.
    assert [c.entry_id for c in checks[:-1]] == [p.candidate.entry_id for p in random_picks]
    assert checks[-1].entry_id == extra.id and checks[-1].flagged
    assert {c.household_id for c in checks if c.flagged} == {
        already.household_id,
        extra.household_id,
    }
    assert len(checks) == len(random_picks) + 1 == batch.size
    hamlet_ids = [h.id for h in await _hamlets(runtime)]
    async with runtime.services.sessions() as session:
        flags = list(await session.scalars(select(Flag)))
        assert {f.batch_id for f in flags} == {batch.id}  # consumed by this draw
        assert await open_flags(session, camp, hamlet_ids) == []
    later = await _must_batch(runtime, seed_="0000000000000002")
    later_checks = await _checks(runtime, later.id)
    assert not any(c.flagged for c in later_checks)
    assert {extra.household_id, already.household_id}.isdisjoint(
        c.household_id for c in later_checks
    )
    async with runtime.services.sessions() as session:
        audit = await session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "verify_draw", AuditEvent.target_id == batch.id
            )
        )
    assert audit is not None and audit.after is not None
    assert sorted(audit.after["flagged"]) == sorted([extra.id, already.id])
    replayed = await _replay(runtime, batch.id)
    assert replayed.matches and replayed.same_data


# --------------------------------------------------------------------------- reproducible


async def _replay(runtime: Runtime, batch_id: int) -> Replay:
    async with runtime.services.sessions() as session:
        result = await replay(session, batch_id)
    assert result is not None
    return result


async def test_same_seed_same_list_and_replay_survives_later_changes(
    runtime: Runtime, clock: FixedClock
) -> None:
    s = await seed(runtime)
    pool = await _pool(runtime)
    assert draw(pool, TEN_PERCENT, "5eed5eed5eed5eed") == draw(
        pool, TEN_PERCENT, "5eed5eed5eed5eed"
    )
    first = await _must_batch(runtime, seed_="5eed5eed5eed5eed", actor=s.supervisor)
    stored = [c.entry_id for c in await _checks(runtime, first.id)]
    assert stored == [p.candidate.entry_id for p in draw(pool, TEN_PERCENT, "5eed5eed5eed5eed")]
    result = await _replay(runtime, first.id)
    assert result.matches and result.same_data and result.redrawn == stored

    # Later: new households, a drawn entry and an undrawn one deleted, another batch.
    clock.set(NOW + timedelta(hours=2))
    for i in range(4):
        await _add_household(runtime, "NHO", s.nho, f"Hộ Mới {i}", f"+8491999000{i}")
    undrawn = next(c for c in pool if c.entry_id not in stored)
    async with runtime.services.sessions() as session, session.begin():
        for entry_id in (stored[0], undrawn.entry_id):
            entry = await load_entry(session, entry_id)
            assert entry is not None
            await soft_delete_entry(
                session, entry=entry, reason="sửa", actor=s.supervisor, now=clock.now()
            )
    second = await _must_batch(runtime, seed_="5eed5eed5eed5eed")
    clock.set(NOW + timedelta(hours=3))
    third = await _must_batch(runtime, seed_="0123456789abcdef")

    for batch in (first, second, third):
        result = await _replay(runtime, batch.id)
        assert result.matches, batch.id
        assert result.same_data, batch.id
    assert (await _replay(runtime, first.id)).stored == stored
    # Same seed, different data (first batch's households gone, new ones in): another list.
    assert [c.entry_id for c in await _checks(runtime, second.id)] != stored
    async with runtime.services.sessions() as session:
        assert await replay(session, 999_999) is None


async def test_different_seeds_give_different_lists(runtime: Runtime) -> None:
    officer = await make_user(runtime, external_id="l366b", hamlet="L366", name="Cán Bộ Sáu")
    for i in range(60):
        await _add_household(runtime, "L366", officer, f"Hộ Thứ {i + 1}", f"+849180{i:05d}")
    pool = await _pool(runtime)
    assert len(pool) == 60
    lists = [[p.candidate.entry_id for p in draw(pool, TEN_PERCENT, s)] for s in SEEDS[:8]]
    assert all(len(x) == 6 for x in lists)
    assert len({tuple(sorted(x)) for x in lists}) == 8  # different households, not just order
    assert lists[0] == [p.candidate.entry_id for p in draw(pool, TEN_PERCENT, SEEDS[0])]


# ------------------------------------------------------------------- outcomes, eligibility


async def test_outcomes_eligibility_and_overturn(runtime: Runtime) -> None:
    s = await seed(runtime)
    batch = await _must_batch(runtime, Rule("count", per_hamlet=3), codes=["NHO", "L364"])
    checks = await _checks(runtime, batch.id)
    codes = await _codes_by_hamlet_id(runtime)
    nho = [c for c in checks if codes[c.hamlet_id] == "NHO"]
    l364 = [c for c in checks if codes[c.hamlet_id] == "L364"]
    assert len(nho) == 3 and len(l364) == 3

    assert await _record(runtime, nho[0].id, s.supervisor, Outcome.CONFIRMED) == Outcome.CONFIRMED
    assert (
        await _record(runtime, nho[1].id, s.supervisor, Outcome.UNREACHABLE) == Outcome.UNREACHABLE
    )
    assert (
        await _record(runtime, l364[0].id, s.supervisor, Outcome.WRONG_NUMBER)
        == Outcome.WRONG_NUMBER
    )
    hamlets, officers = await _figures(runtime)
    assert hamlets["NHO"].confirmed == 1 and hamlets["NHO"].open == 2
    assert hamlets["NHO"].eligible and officers[s.nho.id].eligible
    # A wrong number is its own figure; by default it fails the check (the officer's
    # evidence is wrong)…
    assert hamlets["L364"].wrong_number == 1 and hamlets["L364"].failed == 0
    assert hamlets["L364"].failures == 1 and hamlets["L364"].pass_rate == 0.0
    assert not hamlets["L364"].eligible and not officers[s.l364.id].eligible
    # …unless the configured rule lets the phone drift: then it says as little as no answer.
    hamlets, officers = await _figures(runtime, PHONE_MAY_DRIFT)
    assert hamlets["L364"].eligible and officers[s.l364.id].eligible
    assert hamlets["L364"].wrong_number == 1 and hamlets["L364"].pass_rate is None

    await _record(runtime, nho[2].id, s.supervisor, Outcome.NOT_GUIDED)
    hamlets, officers = await _figures(runtime, PHONE_MAY_DRIFT)
    assert not hamlets["NHO"].eligible and not officers[s.nho.id].eligible
    assert hamlets["NHO"].failed_checks == [nho[2].id]
    assert hamlets["L364"].eligible and officers[s.l364.id].eligible  # others untouched
    camp = await _campaign_id(runtime)
    lenient = PHONE_MAY_DRIFT.match
    async with runtime.services.sessions() as session:
        assert [c.id for c in await failed_checks(session, camp, rule=lenient)] == [nho[2].id]
        assert sorted(c.id for c in await failed_checks(session, camp)) == sorted(
            [l364[0].id, nho[2].id]
        )
        assert [c.id for c in await returned_to(session, s.nho)] == [nho[2].id]
        calls = list(await session.scalars(select(Call).where(Call.check_id == nho[2].id)))
    assert [(c.outcome, c.caller_id) for c in calls] == [("not_guided", s.supervisor.id)]

    async with runtime.services.sessions() as session, session.begin():
        check = await session.get(Check, nho[2].id)
        assert check is not None
        await overturn(
            session,
            check=check,
            actor=s.supervisor,
            reason="hộ nhầm người, đã xác minh lại",
            now=NOW,
        )
    hamlets, officers = await _figures(runtime, PHONE_MAY_DRIFT)
    assert hamlets["NHO"].eligible and officers[s.nho.id].eligible
    assert hamlets["NHO"].overturned == 1 and hamlets["NHO"].failed == 0
    assert hamlets["NHO"].pass_rate == 1.0
    async with runtime.services.sessions() as session:
        assert await failed_checks(session, camp, rule=lenient) == []
        assert [
            c.id for c in await failed_checks(session, camp, include_overturned=True, rule=lenient)
        ] == [nho[2].id]
        audit = await session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "verify_overturn", AuditEvent.target_id == nho[2].id
            )
        )
    assert audit is not None and audit.actor_id == s.supervisor.id
    assert audit.target == "verification_check"
    assert audit.before is not None and audit.before["overturned_at"] is None
    assert audit.after is not None and audit.after["overturn_reason"].startswith("hộ nhầm")

    # "Details false" fails too; only the L364 hamlet and officer.
    await _record(runtime, l364[1].id, s.supervisor, Outcome.WRONG_DETAILS)
    hamlets, officers = await _figures(runtime)
    assert not hamlets["L364"].eligible and not officers[s.l364.id].eligible
    assert hamlets["NHO"].eligible


async def test_attempt_cap_and_retry_time(runtime: Runtime, clock: FixedClock) -> None:
    s = await seed(runtime)
    batch = await _must_batch(runtime, codes=["L366"])  # one household
    (check,) = await _checks(runtime, batch.id)
    other = await make_user(
        runtime, external_id="sup2", role=Role.SUPERVISOR, hamlet=None, name="Giám Sát Hai"
    )

    assert await _next(runtime, batch.id, s.supervisor) == check.id
    assert (
        await _record(runtime, check.id, s.supervisor, Outcome.UNREACHABLE) == Outcome.UNREACHABLE
    )
    async with runtime.services.sessions() as session:
        row = await session.get(Check, check.id)
    assert row is not None and row.status == OPEN and row.attempts == 1
    assert row.retry_at == NOW + RETRY and row.caller_id is None
    # Not handed out again (to anyone) before the retry time.
    for who in (s.supervisor, other):
        assert await _next(runtime, batch.id, who) is None
    clock.set(NOW + RETRY - timedelta(minutes=1))
    assert await _next(runtime, batch.id, other) is None
    clock.set(NOW + RETRY)
    assert await _next(runtime, batch.id, other) == check.id
    assert await _record(runtime, check.id, other, Outcome.UNREACHABLE) == Outcome.UNREACHABLE
    async with runtime.services.sessions() as session:
        row = await session.get(Check, check.id)
    assert row is not None and row.status == OPEN and row.attempts == 2
    assert row.retry_at == NOW + 2 * RETRY

    clock.set(NOW + 2 * RETRY)
    assert await _next(runtime, batch.id, s.supervisor) == check.id
    assert (
        await _record(runtime, check.id, s.supervisor, Outcome.UNREACHABLE)
        == Outcome.COULD_NOT_VERIFY
    )
    async with runtime.services.sessions() as session:
        row = await session.get(Check, check.id)
        calls = list(
            await session.scalars(
                select(Call.outcome).where(Call.check_id == check.id).order_by(Call.id)
            )
        )
    assert row is not None and row.status == DONE and row.outcome == "could_not_verify"
    assert row.retry_at is None and row.decided_by == s.supervisor.id and row.attempts == 3
    assert calls == ["unreachable"] * 3
    clock.set(NOW + 10 * RETRY)
    assert await _next(runtime, batch.id, other) is None
    with pytest.raises(CheckError):
        await _record(runtime, check.id, s.supervisor, Outcome.CONFIRMED)
    hamlets, officers = await _figures(runtime)
    assert hamlets["L366"].unreachable == 1 and hamlets["L366"].eligible
    assert officers[s.l366.id].eligible and hamlets["L366"].checked == 1


async def test_fail_rule_thresholds(runtime: Runtime) -> None:
    assert not FailRule().fails(Tally(key=1, name="", confirmed=5))
    assert FailRule().fails(Tally(key=1, name="", confirmed=50, failed=1))
    assert not FailRule(failures=2).fails(Tally(key=1, name="", failed=1))
    rate = FailRule(failures=99, max_failure_rate=0.5)
    assert not rate.fails(Tally(key=1, name="", confirmed=1, failed=1))  # 50%: not above
    assert rate.fails(Tally(key=1, name="", confirmed=1, failed=2))
    assert not rate.fails(Tally(key=1, name="", unreachable=4))  # nobody answered
    assert not rate.fails(Tally(key=1, name="", confirmed=1, failed=1, overturned=1))

    s = await seed(runtime)
    batch = await _must_batch(runtime, Rule("count", per_hamlet=4), codes=["NHO"])
    a, b, c, d = (x.id for x in await _checks(runtime, batch.id))
    await _record(runtime, a, s.supervisor, Outcome.NOT_GUIDED)
    await _record(runtime, b, s.supervisor, Outcome.CONFIRMED)
    hamlets, officers = await _figures(runtime, FailRule(failures=2))
    assert hamlets["NHO"].eligible and officers[s.nho.id].eligible
    hamlets, _ = await _figures(runtime, FailRule())
    assert not hamlets["NHO"].eligible
    hamlets, _ = await _figures(runtime, FailRule(failures=99, max_failure_rate=0.4))
    assert not hamlets["NHO"].eligible  # 1 of 2 answered = 50% > 40%
    await _record(runtime, c, s.supervisor, Outcome.CONFIRMED)
    hamlets, officers = await _figures(runtime, FailRule(failures=99, max_failure_rate=0.4))
    assert hamlets["NHO"].eligible and officers[s.nho.id].eligible  # 1 of 3 ≈ 33%
    await _record(runtime, d, s.supervisor, Outcome.WRONG_DETAILS)  # a second failure
    hamlets, officers = await _figures(runtime, FailRule(failures=2))
    assert not hamlets["NHO"].eligible and not officers[s.nho.id].eligible
    assert hamlets["NHO"].failed == 2 and hamlets["NHO"].pass_rate == 0.5
    hamlets, _ = await _figures(runtime, FailRule(failures=99, max_failure_rate=0.4))
    assert not hamlets["NHO"].eligible  # 2 of 4 = 50% > 40%


# ---------------------------------------------------------------------------- concurrency


async def test_two_supervisors_call_one_batch_at_once(runtime: Runtime) -> None:
    s = await seed(runtime)
    other = await make_user(
        runtime, external_id="sup2", role=Role.SUPERVISOR, hamlet=None, name="Giám Sát Hai"
    )
    batch = await _must_batch(runtime, Rule("count", per_hamlet=50))
    all_ids = {c.id for c in await _checks(runtime, batch.id)}
    assert len(all_ids) == 30

    async def caller(user: User) -> list[int]:
        """As the chat does it: one unit of work hands out the card, the phone call takes
        a moment, a later one records the tapped outcome."""
        got: list[int] = []
        while True:
            async with runtime.services.sessions() as session, session.begin():
                card = await next_card(
                    session,
                    batch_id=batch.id,
                    caller_id=user.id,
                    now=runtime.services.clock.now(),
                    lease=LEASE,
                )
                if card is None:
                    return got
                card_id, position = card.id, card.position
            await asyncio.sleep(0.002)  # on the phone
            async with runtime.services.sessions() as session, session.begin():
                check = await session.get(Check, card_id)
                assert check is not None
                outcome = Outcome.CONFIRMED if position % 3 else Outcome.NOT_GUIDED
                await record_outcome(
                    session,
                    check=check,
                    caller=user,
                    outcome=outcome,
                    now=runtime.services.clock.now(),
                    max_attempts=3,
                    retry_after=RETRY,
                    lease=LEASE,
                )
            got.append(card_id)

    mine, theirs = await asyncio.gather(caller(s.supervisor), caller(other))
    assert set(mine).isdisjoint(theirs)
    assert len(mine) + len(theirs) == 30 and set(mine) | set(theirs) == all_ids
    assert mine and theirs  # the work was shared
    async with runtime.services.sessions() as session:
        checks = list(await session.scalars(select(Check).where(Check.batch_id == batch.id)))
        calls = Counter(await session.scalars(select(Call.check_id)))
        callers = dict((await session.execute(select(Call.check_id, Call.caller_id))).all())
    assert all(c.status == DONE and c.attempts == 1 and c.caller_id is None for c in checks)
    assert calls == Counter({i: 1 for i in all_ids})
    assert all(callers[i] == s.supervisor.id for i in mine)
    assert all(callers[i] == other.id for i in theirs)
    assert {c.id: c.decided_by for c in checks} == callers


async def test_claim_is_not_handed_to_another_until_the_lease_lapses(
    runtime: Runtime, clock: FixedClock
) -> None:
    s = await seed(runtime)
    other = await make_user(
        runtime, external_id="sup2", role=Role.SUPERVISOR, hamlet=None, name="Giám Sát Hai"
    )
    batch = await _must_batch(runtime, codes=["L365", "L366"])  # two cards
    first, second = (c.id for c in await _checks(runtime, batch.id))
    assert await _next(runtime, batch.id, s.supervisor) == first
    assert await _next(runtime, batch.id, other) == second
    assert await _next(runtime, batch.id, s.supervisor) == first  # a restart resumes it
    # B gives theirs back (to the end of the queue): B gets it again, never A's.
    async with runtime.services.sessions() as session, session.begin():
        card = await session.get(Check, second)
        assert card is not None
        await release(session, check=card, caller_id=other.id, now=clock.now(), to_back=True)
    clock.set(NOW + LEASE)  # exactly the lease: A's claim still holds
    assert await _next(runtime, batch.id, other) == second
    await _record(runtime, second, other, Outcome.CONFIRMED)
    assert await _next(runtime, batch.id, other) is None  # A's claim still (just) holds
    clock.set(NOW + LEASE + timedelta(seconds=1))
    assert await _next(runtime, batch.id, other) == first  # lapsed: B may take it
    with pytest.raises(CheckError):  # A comes back too late
        await _record(runtime, first, s.supervisor, Outcome.CONFIRMED)
    assert await _next(runtime, batch.id, s.supervisor) is None
    await _record(runtime, first, other, Outcome.CONFIRMED)
    async with runtime.services.sessions() as session:
        calls = list(await session.execute(select(Call.check_id, Call.caller_id)))
    assert sorted(calls) == sorted([(first, other.id), (second, other.id)])
