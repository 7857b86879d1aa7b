"""Award eligibility as a supervisor sees it: collective awards, special prizes and individual
awards over crafted datasets, the caps with ties, failed spot-checks, stored proposals.

Real SQLite file per test (conftest). Today is Wednesday 15/04/2026; every period used here
("since_start", "half", "year") starts on the campaign's first day, so coverage and the
proposal's traces count the same households.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from models.awards import (
    AwardRules,
    Eligibility,
    HamletStanding,
    Line,
    OfficerStanding,
    Section,
    Status,
    eligibility,
)
from models.campaign import Hamlet
from models.checks import overturn, record_outcome
from models.eligibility import FailRule
from models.households import Entry
from models.people import Role, User
from models.periods import resolve
from models.proposal import (
    AwardProposal,
    procedure_counts,
    store_proposal,
    stored_eligibility,
    traces,
)
from models.registry import (
    HouseholdInput,
    add_to_household,
    campaign_by_code,
    create_household_entry,
    load_entry,
    soft_delete_entry,
)
from models.rules import CampaignConfig
from models.sampling import Rule, create_batch
from models.verification import Check, Outcome
from tests.support.campaign import NOW, make_user, raw_config

TODAY = date(2026, 4, 15)  # NOW in Vietnam
DAY = date(2026, 4, 1)
REVIEWS = ("since_start", "half", "year")
_phones = itertools.count(913000001)

Made = Callable[..., Awaitable[Runtime]]
HamletView = tuple[str, Status, int | None, int]
OfficerView = tuple[str, Status, int | None, int]


# ------------------------------------------------------------------------------ helpers


@pytest.fixture
async def configured(settings: Settings, clock: FixedClock, tmp_path: Path) -> AsyncIterator[Made]:
    """A runtime over this test's database with raw_config overrides (own hamlets, caps…)."""
    made: list[Runtime] = []

    async def make(**overrides: Any) -> Runtime:
        overrides.setdefault("database", {"url": settings.database_url})
        rt = build_runtime(parse_settings(raw_config(tmp_path, **overrides), tmp_path), clock)
        made.append(rt)
        await sync_from_config(rt)
        return rt

    yield make
    for rt in made:
        await rt.close()


def _campaign_table(tmp_path: Path, **changes: Any) -> dict[str, Any]:
    table: dict[str, Any] = raw_config(tmp_path)["campaign"]
    return {**table, **changes}


def _hamlets(**sizes: int) -> list[dict[str, Any]]:
    return [{"code": code, "name": f"Ấp {code}", "households": n} for code, n in sizes.items()]


async def _campaign_id(rt: Runtime) -> int:
    async with rt.services.sessions() as session:
        return (await campaign_by_code(session, rt.settings.campaign.code)).id


async def _hamlet_ids(rt: Runtime) -> dict[str, int]:
    async with rt.services.sessions() as session:
        return {h.code: h.id for h in await session.scalars(select(Hamlet))}


async def _officer(rt: Runtime, hamlet: str, name: str) -> User:
    return await make_user(rt, external_id=f"o-{hamlet}-{name}", hamlet=hamlet, name=name)


async def _supervisor(rt: Runtime) -> User:
    return await make_user(
        rt, external_id="sup", role=Role.SUPERVISOR, hamlet=None, name="Phòng Văn hóa Xã hội"
    )


async def _log(
    rt: Runtime,
    hamlet: str,
    officer: User,
    count: int,
    *,
    procs: tuple[str, ...] = ("KS",),
    day: date = DAY,
    at: datetime = NOW,
) -> list[Entry]:
    """`count` new households in the hamlet, one entry each, in one unit of work."""
    camp = await _campaign_id(rt)
    hamlet_id = (await _hamlet_ids(rt))[hamlet]
    entries: list[Entry] = []
    async with rt.services.sessions() as session, session.begin():
        for _ in range(count):
            n = next(_phones)
            entries.append(
                await create_household_entry(
                    session,
                    campaign_id=camp,
                    hamlet_id=hamlet_id,
                    officer=officer,
                    now=at,
                    data=HouseholdInput(
                        name=f"Hộ {hamlet} {n}",
                        address=f"Tổ 1, {hamlet}",
                        phone=f"+84{n}",
                        procedure_codes=procs,
                        dossier_code="",
                        guided_on=day,
                    ),
                )
            )
    return entries


async def _again(
    rt: Runtime, entries: Sequence[Entry], officer: User, procs: tuple[str, ...], day: date
) -> None:
    """A later visit to the same households (another entry each)."""
    async with rt.services.sessions() as session, session.begin():
        for entry in entries:
            await add_to_household(
                session,
                household_id=entry.household_id,
                officer=officer,
                now=NOW,
                data=HouseholdInput(
                    name="",
                    address="",
                    phone="",
                    procedure_codes=procs,
                    dossier_code="",
                    guided_on=day,
                ),
            )


async def _delete(rt: Runtime, entry: Entry, actor: User, at: datetime) -> None:
    async with rt.services.sessions() as session, session.begin():
        loaded = await load_entry(session, entry.id)
        assert loaded is not None
        await soft_delete_entry(session, entry=loaded, reason="ghi nhầm", actor=actor, now=at)


async def _elig(
    rt: Runtime,
    kind: str = "since_start",
    *,
    campaign: CampaignConfig | None = None,
    rules: AwardRules | None = None,
) -> Eligibility:
    camp = campaign or rt.settings.campaign
    cid = await _campaign_id(rt)
    async with rt.services.sessions() as session:
        return await eligibility(
            session,
            campaign_id=cid,
            campaign=camp,
            period=resolve(kind, camp, TODAY),
            today=TODAY,
            rules=rules or rt.settings.awards,
            fail_rule=FailRule(),
        )


def _hamlet_view(section: Section[HamletStanding]) -> list[HamletView]:
    """(code, status, rank, lacks) in the order the supervisor reads them."""
    return [(line.subject.code, line.status, line.rank, line.lacks) for line in section.lines]


def _officer_view(section: Section[OfficerStanding]) -> list[OfficerView]:
    return [(line.subject.name, line.status, line.rank, line.lacks) for line in section.lines]


def _standing(elig: Eligibility, code: str) -> HamletStanding:
    return next(h for h in elig.hamlets if h.code == code)


def _line(section: Section[HamletStanding], code: str) -> Line[HamletStanding]:
    found = [line for line in section.lines if line.subject.code == code]
    assert len(found) == 1, (code, _hamlet_view(section))
    return found[0]


def _officer_line(section: Section[OfficerStanding], user: User) -> Line[OfficerStanding]:
    found = [line for line in section.lines if line.subject.user_id == user.id]
    assert len(found) == 1, (user.display_name, _officer_view(section))
    return found[0]


async def _store(
    rt: Runtime, elig: Eligibility, made_by: int | None = None, at: datetime = NOW
) -> int:
    camp = rt.settings.campaign
    caps = {
        "collective": camp.max_collective_awards,
        "special": camp.max_special_prizes,
        "individual": camp.max_individual_awards,
    }
    cid = await _campaign_id(rt)
    async with rt.services.sessions() as session, session.begin():
        proposal = await store_proposal(
            session,
            campaign_id=cid,
            elig=elig,
            rules=rt.settings.awards,
            caps=caps,
            threshold=camp.coverage_threshold,
            made_by=made_by,
            now=at,
        )
        return proposal.id


async def _load(rt: Runtime, proposal_id: int) -> AwardProposal:
    """Read back in a fresh session: the JSON really went through the database."""
    async with rt.services.sessions() as session:
        proposal: AwardProposal | None = await session.get(AwardProposal, proposal_id)
        assert proposal is not None
        return proposal


# ------------------------------------------------------------ 1. the collective threshold


@pytest.mark.slow
async def test_collective_threshold_exactly_95_percent_close_and_far(runtime: Runtime) -> None:
    """NHO has 20 households: 19 (95%) is the target; 18 (90%) is within the 5-point
    margin, one household short; 17 (85%) and below is not listed at all."""
    officer = await _officer(runtime, "NHO", "Phạm Văn Nhỏ")
    await _log(runtime, "NHO", officer, 10)
    elig = await _elig(runtime)
    assert elig.collective.lines == (), _hamlet_view(elig.collective)
    assert _standing(elig, "NHO").target == 19

    await _log(runtime, "NHO", officer, 7)  # 17/20 = 85%
    elig = await _elig(runtime)
    assert elig.collective.lines == (), _hamlet_view(elig.collective)

    await _log(runtime, "NHO", officer, 1)  # 18/20 = 90%: close, lacks one household
    for kind in REVIEWS:
        elig = await _elig(runtime, kind)
        assert _hamlet_view(elig.collective) == [("NHO", Status.CLOSE, None, 1)], kind
        assert elig.collective.proposed == (), kind

    await _log(runtime, "NHO", officer, 1)  # 19/20 = exactly 95%
    for kind in REVIEWS:
        elig = await _elig(runtime, kind)
        assert _hamlet_view(elig.collective) == [("NHO", Status.PROPOSED, 1, 0)], kind
        nho = _standing(elig, "NHO")
        assert (nho.guided, nho.total, nho.coverage) == (19, 20, 0.95), kind
        # The other hamlets (nobody guided) are nowhere in the award lists.
        assert {line.subject.code for s in (elig.collective, elig.special) for line in s.lines} == {
            "NHO"
        }, kind
    # One procedure each, two required below 365 households: no special prize.
    assert elig.special.lines == (), _hamlet_view(elig.special)
    assert _officer_view(elig.individual) == [("Phạm Văn Nhỏ", Status.PROPOSED, 1, 0)]


async def test_special_prize_close_when_one_household_lacks_a_procedure(runtime: Runtime) -> None:
    """NHO needs 2 procedures per household: 19 of 20 with two is 95%, within the margin."""
    officer = await _officer(runtime, "NHO", "Phạm Văn Nhỏ")
    await _log(runtime, "NHO", officer, 19, procs=("KS", "TTRU"))
    last = await _log(runtime, "NHO", officer, 1)  # the 20th household: one procedure
    elig = await _elig(runtime)
    assert _hamlet_view(elig.collective) == [("NHO", Status.PROPOSED, 1, 0)]
    assert _hamlet_view(elig.special) == [("NHO", Status.CLOSE, None, 1)]
    await _again(runtime, last, officer, ("LLTP",), DAY + timedelta(days=1))
    elig = await _elig(runtime)
    assert _hamlet_view(elig.special) == [("NHO", Status.PROPOSED, 1, 0)]
    assert _standing(elig, "NHO").special == 20


# --------------------------------------------------- 2. the 365-household boundary (special)


async def test_required_procedures_at_364_365_366_households(runtime: Runtime) -> None:
    elig = await _elig(runtime)
    required = {h.code: h.required for h in elig.hamlets}
    assert required == {"BNA": 1, "L364": 2, "L365": 1, "L366": 1, "NHO": 2}, required
    targets = {h.code: h.target for h in elig.hamlets}
    # 95% rounded up: 345.8 → 346, 346.75 → 347, 347.7 → 348, 391.4 → 392, 19 exactly.
    assert targets == {"BNA": 392, "L364": 346, "L365": 347, "L366": 348, "NHO": 19}, targets


@pytest.mark.slow
async def test_a_hamlet_of_365_with_one_procedure_each_wins_the_special_prize(
    runtime: Runtime,
) -> None:
    """The real boundary, full size: every one of L365's 365 households guided through one
    procedure meets the special prize; the same in L364 would need two each."""
    l365 = await _officer(runtime, "L365", "Cán Bộ Ba Sáu Lăm")
    await _log(runtime, "L365", l365, 365)
    elig = await _elig(runtime)
    assert _hamlet_view(elig.special) == [("L365", Status.PROPOSED, 1, 0)]
    assert _hamlet_view(elig.collective) == [("L365", Status.PROPOSED, 1, 0)]
    standing = _standing(elig, "L365")
    assert (standing.required, standing.special, standing.guided) == (1, 365, 365)


async def test_special_prize_boundary_with_a_lowered_large_hamlet_size(
    configured: Made, tmp_path: Path
) -> None:
    """large_hamlet_households = 5: S4 (4 households) needs 2 procedures each, S5 and S6 one.
    The same code path as 364/365/366, on hamlets small enough to craft by hand."""
    rt = await configured(
        campaign=_campaign_table(tmp_path, large_hamlet_households=5),
        hamlets=_hamlets(S4=4, S5=5, S6=6),
    )
    officers = {code: await _officer(rt, code, f"Cán Bộ {code}") for code in ("S4", "S5", "S6")}
    s4 = await _log(rt, "S4", officers["S4"], 4)
    await _log(rt, "S5", officers["S5"], 5)
    await _log(rt, "S6", officers["S6"], 6)
    elig = await _elig(rt)
    assert {h.code: h.required for h in elig.hamlets} == {"S4": 2, "S5": 1, "S6": 1}
    # Every hamlet fully guided: all three collectives; S4 ranks last on the special share.
    assert _hamlet_view(elig.collective) == [
        ("S5", Status.PROPOSED, 1, 0),
        ("S6", Status.PROPOSED, 1, 0),
        ("S4", Status.PROPOSED, 3, 0),
    ]
    # One procedure each is enough at 5 and 6 households, not at 4.
    assert _hamlet_view(elig.special) == [
        ("S5", Status.PROPOSED, 1, 0),
        ("S6", Status.PROPOSED, 1, 0),
    ]
    assert _standing(elig, "S4").special == 0

    # The same procedure again is not a second procedure.
    await _again(rt, s4[:1], officers["S4"], ("KS",), DAY + timedelta(days=1))
    assert _standing(await _elig(rt), "S4").special == 0
    # A second, different procedure for three of the four: 75%, still not listed.
    await _again(rt, s4[:3], officers["S4"], ("TTRU",), DAY + timedelta(days=1))
    elig = await _elig(rt)
    assert _standing(elig, "S4").special == 3
    assert [line.subject.code for line in elig.special.lines] == ["S5", "S6"]
    # The fourth too: S4 meets it, and ranks first on active days (2 against 1).
    await _again(rt, s4[3:], officers["S4"], ("TAMTRU",), DAY + timedelta(days=1))
    elig = await _elig(rt)
    assert _hamlet_view(elig.special) == [
        ("S4", Status.PROPOSED, 1, 0),
        ("S5", Status.PROPOSED, 2, 0),
        ("S6", Status.PROPOSED, 2, 0),
    ]


# ------------------------------------------------------------------- 3. failed spot-checks


@pytest.mark.slow
async def test_failed_check_excludes_hamlet_and_officer_until_overturned(runtime: Runtime) -> None:
    lan = await _officer(runtime, "NHO", "Nguyễn Thị Lan")
    bay = await _officer(runtime, "NHO", "Trần Văn Bảy")
    sup = await _supervisor(runtime)
    await _log(runtime, "NHO", lan, 12)
    await _log(runtime, "NHO", bay, 7)
    elig = await _elig(runtime)
    assert _hamlet_view(elig.collective) == [("NHO", Status.PROPOSED, 1, 0)]
    assert _officer_view(elig.individual) == [
        ("Nguyễn Thị Lan", Status.PROPOSED, 1, 0),
        ("Trần Văn Bảy", Status.PROPOSED, 2, 0),
    ]

    # One household per officer drawn (stratified); Lan's says it was not guided.
    cid = await _campaign_id(runtime)
    async with runtime.services.sessions() as session, session.begin():
        hamlets = list(await session.scalars(select(Hamlet).where(Hamlet.code == "NHO")))
        batch = await create_batch(
            session,
            campaign_id=cid,
            hamlets=hamlets,
            rule=Rule("count", per_hamlet=1),
            actor_id=sup.id,
            now=NOW,
            seed="a11a11a11a11a11a",
        )
        assert batch is not None
        checks = {
            c.officer_id: c
            for c in await session.scalars(select(Check).where(Check.batch_id == batch.id))
        }
        assert set(checks) == {lan.id, bay.id}
        for officer_id, outcome in ((lan.id, Outcome.NOT_GUIDED), (bay.id, Outcome.CONFIRMED)):
            await record_outcome(
                session,
                check=checks[officer_id],
                caller=sup,
                outcome=outcome,
                now=NOW,
                max_attempts=3,
                retry_after=timedelta(hours=1),
                lease=timedelta(minutes=30),
            )
        failed_id = checks[lan.id].id

    elig = await _elig(runtime)
    nho = _line(elig.collective, "NHO")
    assert (nho.status, nho.rank, nho.failed_checks) == (Status.EXCLUDED, None, (failed_id,))
    assert elig.collective.proposed == (), _hamlet_view(elig.collective)
    assert _officer_line(elig.individual, lan).status is Status.EXCLUDED
    assert _officer_line(elig.individual, lan).failed_checks == (failed_id,)
    # Bảy's own check held: he stays proposed, and moves up to rank 1.
    assert _officer_view(elig.individual) == [
        ("Trần Văn Bảy", Status.PROPOSED, 1, 0),
        ("Nguyễn Thị Lan", Status.EXCLUDED, None, 0),
    ]
    # The stored proposal keeps the exclusion and the check behind it.
    stored = stored_eligibility(await _load(runtime, await _store(runtime, elig, sup.id)))
    assert stored == elig
    assert _line(stored.collective, "NHO").failed_checks == (failed_id,)

    async with runtime.services.sessions() as session, session.begin():
        check = await session.get(Check, failed_id)
        assert check is not None
        await overturn(session, check=check, actor=sup, reason="hộ nhầm người", now=NOW)
    elig = await _elig(runtime)
    assert _hamlet_view(elig.collective) == [("NHO", Status.PROPOSED, 1, 0)]
    assert _line(elig.collective, "NHO").failed_checks == ()
    assert _officer_view(elig.individual) == [
        ("Nguyễn Thị Lan", Status.PROPOSED, 1, 0),
        ("Trần Văn Bảy", Status.PROPOSED, 2, 0),
    ]
    assert not elig.collective.having(Status.EXCLUDED)
    assert not elig.individual.having(Status.EXCLUDED)


# ------------------------------------------------------------------------ 4. caps and ties


async def _tie_scenario(configured: Made, tmp_path: Path) -> tuple[Runtime, dict[str, User]]:
    """A: 10/10 with two procedures each; B, C, D: 10/10 with one (equal on every metric);
    F: 19/20 (95%); E: 9/10 (90%, close). Officers: one per hamlet, F has two."""
    rt = await configured(
        campaign=_campaign_table(tmp_path, max_collective_awards=2, max_individual_awards=3),
        hamlets=_hamlets(A=10, B=10, C=10, D=10, E=10, F=20),
        awards={"close_individuals": 2},
    )
    people = {
        code: await _officer(rt, code[0], f"Cán Bộ {code}")
        for code in ("A", "B", "C", "D", "E", "F", "F2")
    }
    await _log(rt, "A", people["A"], 10, procs=("KS", "TTRU"))
    for code in ("B", "C", "D"):
        await _log(rt, code, people[code], 10)
    await _log(rt, "E", people["E"], 9)
    await _log(rt, "F", people["F"], 17)
    await _log(rt, "F", people["F2"], 2)
    return rt, people


@pytest.mark.slow
async def test_collective_tie_straddling_the_cap_is_listed_whole(
    configured: Made, tmp_path: Path
) -> None:
    rt, _people = await _tie_scenario(configured, tmp_path)
    elig = await _elig(rt, "half")
    assert _hamlet_view(elig.collective) == [
        ("A", Status.PROPOSED, 1, 0),
        ("B", Status.TIED, 2, 0),
        ("C", Status.TIED, 2, 0),
        ("D", Status.TIED, 2, 0),
        ("F", Status.OVER_CAP, 5, 0),
        ("E", Status.CLOSE, None, 1),
    ], _hamlet_view(elig.collective)
    assert elig.collective.cap == 2 and elig.collective.seats_left == 1
    assert len(elig.collective.tied) == 3
    # Nobody who met the threshold is dropped: every hamlet at or near it is listed.
    assert {line.subject.code for line in elig.collective.lines} == {"A", "B", "C", "D", "E", "F"}
    assert _hamlet_view(elig.special) == [("A", Status.PROPOSED, 1, 0)]

    # Four seats: the tie fits whole, all proposed at the shared rank; F is over the cap.
    wider = dataclasses.replace(rt.settings.campaign, max_collective_awards=4)
    elig = await _elig(rt, "half", campaign=wider)
    assert _hamlet_view(elig.collective) == [
        ("A", Status.PROPOSED, 1, 0),
        ("B", Status.PROPOSED, 2, 0),
        ("C", Status.PROPOSED, 2, 0),
        ("D", Status.PROPOSED, 2, 0),
        ("F", Status.OVER_CAP, 5, 0),
        ("E", Status.CLOSE, None, 1),
    ], _hamlet_view(elig.collective)
    assert elig.collective.tied == () and elig.collective.seats_left == 0


@pytest.mark.slow
async def test_individual_tie_at_the_cap_and_the_close_ones(
    configured: Made, tmp_path: Path
) -> None:
    rt, people = await _tie_scenario(configured, tmp_path)
    elig = await _elig(rt, "year")
    # F 17 households; A, B, C, D 10 each over one day; E 9; F2 2. Cap 3: the four at 10
    # straddle it (rank 2, two seats left). The two close ones lack what separates them
    # from the last one listed for a seat (10 households).
    assert _officer_view(elig.individual) == [
        ("Cán Bộ F", Status.PROPOSED, 1, 0),
        ("Cán Bộ A", Status.TIED, 2, 0),
        ("Cán Bộ B", Status.TIED, 2, 0),
        ("Cán Bộ C", Status.TIED, 2, 0),
        ("Cán Bộ D", Status.TIED, 2, 0),
        ("Cán Bộ E", Status.CLOSE, 6, 1),
        ("Cán Bộ F2", Status.CLOSE, 7, 8),
    ], _officer_view(elig.individual)
    assert elig.individual.seats_left == 2 and len(elig.individual.tied) == 4
    assert {line.subject.user_id for line in elig.individual.lines} == {
        u.id for u in people.values()
    }

    # Five seats: the tie fits, all four proposed at rank 2; one close one, then over cap.
    wider = dataclasses.replace(rt.settings.campaign, max_individual_awards=5)
    rules = dataclasses.replace(rt.settings.awards, close_individuals=1)
    elig = await _elig(rt, "year", campaign=wider, rules=rules)
    assert _officer_view(elig.individual) == [
        ("Cán Bộ F", Status.PROPOSED, 1, 0),
        ("Cán Bộ A", Status.PROPOSED, 2, 0),
        ("Cán Bộ B", Status.PROPOSED, 2, 0),
        ("Cán Bộ C", Status.PROPOSED, 2, 0),
        ("Cán Bộ D", Status.PROPOSED, 2, 0),
        ("Cán Bộ E", Status.CLOSE, 6, 1),
        ("Cán Bộ F2", Status.OVER_CAP, 7, 0),
    ], _officer_view(elig.individual)
    assert elig.individual.seats_left == 0


async def test_every_seat_tied_still_tells_the_close_ones_what_they_lack(
    configured: Made, tmp_path: Path
) -> None:
    """Cap 2 and three officers tied at 10: no one is proposed outright; the officer with
    6 lacks 4 households, not 0."""
    rt = await configured(
        campaign=_campaign_table(tmp_path, max_individual_awards=2),
        hamlets=_hamlets(A=10, B=10, C=10, E=10),
    )
    people = {code: await _officer(rt, code, f"Cán Bộ {code}") for code in "ABCE"}
    for code in "ABC":
        await _log(rt, code, people[code], 10)
    await _log(rt, "E", people["E"], 6)
    elig = await _elig(rt)
    assert _officer_view(elig.individual) == [
        ("Cán Bộ A", Status.TIED, 1, 0),
        ("Cán Bộ B", Status.TIED, 1, 0),
        ("Cán Bộ C", Status.TIED, 1, 0),
        ("Cán Bộ E", Status.CLOSE, 4, 4),
    ], _officer_view(elig.individual)
    assert elig.individual.seats_left == 2


# ----------------------------------------------------------------- 5. an empty campaign


async def test_empty_campaign_has_no_proposals_and_round_trips(runtime: Runtime) -> None:
    sup = await _supervisor(runtime)
    for kind in REVIEWS:
        elig = await _elig(runtime, kind)
        for section in (elig.collective, elig.special, elig.individual):
            assert section.lines == (), (kind, section.kind, section.lines)
            assert section.proposed == () and section.tied == ()
        assert elig.officers == ()
        assert [h.code for h in elig.hamlets] == ["BNA", "L364", "L365", "L366", "NHO"]
        assert all(h.guided == 0 and h.checks is None for h in elig.hamlets)
        proposal = await _load(runtime, await _store(runtime, elig, sup.id))
        assert (proposal.entries, proposal.max_entry_id) == (0, 0)
        assert proposal.period_kind == kind and proposal.as_of == TODAY
        assert stored_eligibility(proposal) == elig, kind


# ------------------------------------------------------------ 6. the proposal's snapshot


async def test_traces_follow_the_snapshot(runtime: Runtime) -> None:
    """Traces list the households the figures counted, as the data stood at the proposal:
    an entry deleted later still shows, one added later does not."""
    nho_officer = await _officer(runtime, "NHO", "Phạm Văn Nhỏ")
    bna_officer = await _officer(runtime, "BNA", "Trần Văn Siêng")
    before = NOW - timedelta(hours=2)
    h1, h2 = await _log(runtime, "NHO", nho_officer, 2, at=before)
    (h3,) = await _log(runtime, "NHO", nho_officer, 1, procs=("KS", "TTRU"), at=before)
    (gone,) = await _log(runtime, "NHO", nho_officer, 1, at=before)
    await _delete(runtime, gone, nho_officer, NOW - timedelta(hours=1))  # before the snapshot
    await _again(runtime, [h2], nho_officer, ("TTRU",), DAY + timedelta(days=3))
    bna = await _log(runtime, "BNA", bna_officer, 2, at=before)

    elig = await _elig(runtime)
    ids = await _hamlet_ids(runtime)
    assert (_standing(elig, "NHO").guided, _standing(elig, "BNA").guided) == (3, 2)
    proposal_id = await _store(runtime, elig, at=NOW)

    # After the snapshot: h1's entry deleted, two new households logged.
    later = NOW + timedelta(hours=1)
    await _delete(runtime, h1, nho_officer, later)
    added = await _log(runtime, "NHO", nho_officer, 2, at=later)
    live = await _elig(runtime)
    assert _standing(live, "NHO").guided == 4  # the live figures moved on

    proposal = await _load(runtime, proposal_id)
    assert proposal.entries == 6  # live entries counted: h1, h2 (twice), h3, BNA × 2
    async with runtime.services.sessions() as session:
        nho = await traces(session, proposal, [ids["NHO"]], viewer=Role.SUPERVISOR)
        both = await traces(session, proposal, [ids["NHO"], ids["BNA"]], viewer=Role.SUPERVISOR)
        counts = await procedure_counts(session, proposal, ids["NHO"])
    households = {t.household_id for t in nho}
    assert len(nho) == _standing(elig, "NHO").guided == 3
    assert households == {h1.household_id, h2.household_id, h3.household_id}, households
    assert gone.household_id not in households
    assert not households & {e.household_id for e in added}
    assert {t.household_id for t in both} == households | {e.household_id for e in bna}
    by_id = {t.household_id: t for t in nho}
    assert by_id[h2.household_id].procedures == ["Đăng ký khai sinh", "Đăng ký thường trú"]
    assert by_id[h2.household_id].days == [DAY, DAY + timedelta(days=3)]
    assert len(by_id[h2.household_id].entry_ids) == 2
    assert by_id[h1.household_id].officers == ["Phạm Văn Nhỏ"]
    assert counts == [("Đăng ký khai sinh", 3), ("Đăng ký thường trú", 2)]
    # What was stored is what the supervisor saw, whatever happened since.
    assert stored_eligibility(proposal) == elig


# ------------------------------------------------------------- 7. ranking order from config


async def test_collective_order_from_config(configured: Made) -> None:
    """X: all 20 households guided, one procedure each (coverage 100%, special share 0%);
    Y: 19 of 20 with two procedures each (coverage 95%, special share 95%)."""
    rt = await configured(
        hamlets=_hamlets(X=20, Y=20), awards={"collective_order": ["special_share", "coverage"]}
    )
    assert rt.settings.awards.collective_order == ("special_share", "coverage")
    x = await _officer(rt, "X", "Cán Bộ X")
    y = await _officer(rt, "Y", "Cán Bộ Y")
    await _log(rt, "X", x, 20)
    await _log(rt, "Y", y, 19, procs=("KS", "TTRU"))
    elig = await _elig(rt)
    assert _hamlet_view(elig.collective) == [
        ("Y", Status.PROPOSED, 1, 0),
        ("X", Status.PROPOSED, 2, 0),
    ]
    assert elig.collective.order == ("special_share", "coverage")
    # The same data under the default order puts X first.
    default = await _elig(rt, rules=AwardRules())
    assert _hamlet_view(default.collective) == [
        ("X", Status.PROPOSED, 1, 0),
        ("Y", Status.PROPOSED, 2, 0),
    ]
