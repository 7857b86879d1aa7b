"""The per-hamlet tallies reports read always equal a count over the entries themselves,
through every kind of change, on both backends; on PostgreSQL the report queries use
their indexes."""

from __future__ import annotations

import asyncio
import random
from datetime import date, timedelta

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.orm import selectinload

from bot.runtime import Runtime
from models import tally
from models.campaign import Hamlet
from models.households import Entry
from models.periods import previous_week, resolve
from models.progress import hamlet_counts
from models.registry import (
    HouseholdInput,
    add_to_household,
    campaign_by_code,
    create_household_entry,
    edit_entry,
    soft_delete_entry,
)
from models.reports import build_report, daily_new_households
from tests.support.campaign import NOW
from tests.support.seed import seed

CODES = ("KS", "TTRU", "TAMTRU", "LLTP", "KH")


def _input(rng: random.Random, k: int) -> HouseholdInput:
    return HouseholdInput(
        name=f"Hộ Thử {k}",
        address=f"Tổ {k % 7 + 1}",
        phone=f"+84912{k:06d}",
        procedure_codes=tuple(rng.sample(CODES, rng.randint(1, 3))),
        dossier_code="",
        guided_on=date(2026, 1, 1) + timedelta(days=rng.randint(0, 104)),
    )


async def _assert_consistent(runtime: Runtime) -> None:
    async with runtime.services.sessions() as session:
        assert await tally.stored(session) == await tally.recount(session)


@pytest.mark.slow
async def test_tallies_follow_adds_edits_and_deletes(runtime: Runtime) -> None:
    s = await seed(runtime)  # includes a deleted entry and households guided twice
    await _assert_consistent(runtime)
    rng = random.Random(7)
    officers = [s.bna_active, s.nho, s.l364, s.l365]
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlets = list(await session.scalars(select(Hamlet)))
    for step in range(120):
        async with runtime.services.sessions() as session, session.begin():
            entries = list(
                await session.scalars(
                    select(Entry)
                    .options(selectinload(Entry.procedures), selectinload(Entry.household))
                    .where(Entry.deleted_at.is_(None))
                    .order_by(Entry.id)
                )
            )
            action = rng.choice(("new", "new", "again", "edit", "delete"))
            officer = rng.choice(officers)
            if action == "new" or not entries:
                await create_household_entry(
                    session,
                    campaign_id=camp.id,
                    hamlet_id=rng.choice(hamlets).id,
                    data=_input(rng, step),
                    officer=officer,
                    now=NOW,
                )
            elif action == "again":
                await add_to_household(
                    session,
                    household_id=rng.choice(entries).household_id,
                    data=_input(rng, step),
                    officer=officer,
                    now=NOW,
                )
            elif action == "edit":
                entry = rng.choice(entries)
                hh = entry.household
                await edit_entry(
                    session,
                    entry=entry,
                    editor=officer,
                    now=NOW,
                    data=(
                        HouseholdInput(
                            name=hh.head_name,
                            address=hh.address,
                            phone=hh.phone,
                            procedure_codes=_input(rng, step).procedure_codes,
                            dossier_code="",
                            guided_on=_input(rng, step).guided_on,
                        )
                    ),
                )
            else:
                await soft_delete_entry(
                    session, entry=rng.choice(entries), reason="nhầm", actor=officer, now=NOW
                )
        if step % 20 == 19:
            await _assert_consistent(runtime)
    await _assert_consistent(runtime)

    # A rebuild from scratch gives the same tables.
    async with runtime.services.sessions() as session, session.begin():
        before = await tally.stored(session)
        await tally.rebuild_async(session)
        assert await tally.stored(session) == before


async def test_report_queries_use_indexes_on_postgresql(runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("EXPLAIN plans are checked on PostgreSQL")
    await seed(runtime)
    # Enough rows that reading a commune through the index is the planner's choice:
    # 400 hamlets' worth of daily tallies.
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        await session.execute(
            text(
                "INSERT INTO hamlet (code, name, unit, total_households, active, updated_at)"
                " SELECT 'G' || g, 'Ấp ' || g, 'Xã ' || (g / 13), 400, true, now()"
                " FROM generate_series(1, 400) g"
            )
        )
        await session.execute(
            text(
                "INSERT INTO hamlet_day_tally (campaign_id, hamlet_id, level, day, n)"
                " SELECT :c, h.id, lv, date '2026-01-01' + d, 1 FROM hamlet h,"
                " generate_series(0, 4) lv, generate_series(0, 104) d WHERE h.code LIKE 'G%'"
            ),
            {"c": camp.id},
        )
        await session.execute(
            text(
                "INSERT INTO hamlet_tally (campaign_id, hamlet_id, level, n)"
                " SELECT :c, h.id, lv, 105 FROM hamlet h, generate_series(0, 4) lv"
                " WHERE h.code LIKE 'G%'"
            ),
            {"c": camp.id},
        )
        await session.execute(text("ANALYZE hamlet_day_tally"))
        await session.execute(text("ANALYZE hamlet_tally"))
    statements = await _report_statements(runtime, camp.id)
    assert len(statements) >= 10
    async with runtime.services.sessions() as session:
        conn = await session.connection()
        for statement, params in statements:
            plan = "\n".join(
                str(r[0]) for r in await conn.exec_driver_sql("EXPLAIN " + statement, params)
            )
            # Aggregates only: never the households or their entries.
            assert " on entry" not in plan and " on household" not in plan, plan
            if "hamlet_day_tally" in plan:
                assert "Index" in plan and "Seq Scan on hamlet_day_tally" not in plan, (
                    statement,
                    plan,
                )


async def _report_statements(runtime: Runtime, campaign_id: int) -> list[tuple[str, object]]:
    """Every SELECT the reports send: a commune's and the province's /baocao for several
    periods, and an officer's /tiendo and chart series."""
    seen: list[tuple[str, object]] = []

    def capture(
        _conn: object,
        _cursor: object,
        statement: str,
        params: object,
        _context: object,
        _many: bool,
    ) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    campaign = runtime.settings.campaign
    today = NOW.date()
    async with runtime.services.sessions() as session:
        hamlets = list(await session.scalars(select(Hamlet).order_by(Hamlet.id)))
        commune = [h for h in hamlets if h.code.startswith("G")][:13]
        event.listen(runtime.engine.sync_engine, "before_cursor_execute", capture)
        try:
            for scope in (commune, hamlets):
                for key in ("since_start", "this_week", "last_week", "q1"):
                    period = resolve(key, campaign, today)
                    await build_report(
                        session,
                        campaign_id=campaign_id,
                        campaign=campaign,
                        period=period,
                        today=today,
                        hamlets=scope,
                        compare_with=previous_week(period.start),
                    )
            await hamlet_counts(
                session, campaign_id=campaign_id, hamlet=commune[0], campaign=campaign, today=today
            )
            await daily_new_households(
                session, campaign_id=campaign_id, hamlet_id=commune[0].id, until=today
            )
        finally:
            event.remove(runtime.engine.sync_engine, "before_cursor_execute", capture)
    return seen


async def test_two_people_changing_one_household_at_once(runtime: Runtime) -> None:
    # Only PostgreSQL runs these transactions side by side (SQLite has one writer).
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("concurrent writers are a PostgreSQL matter")
    s = await seed(runtime)

    def visit(codes: tuple[str, ...], day: date) -> HouseholdInput:
        return HouseholdInput(
            name="Hộ Hai Người Ghi",
            address="Tổ 1",
            phone="+84919999999",
            procedure_codes=codes,
            dossier_code="",
            guided_on=day,
        )

    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "L365"))
        assert hamlet is not None
        first = await create_household_entry(
            session,
            campaign_id=camp.id,
            hamlet_id=hamlet.id,
            data=visit(("KS",), date(2026, 4, 5)),
            officer=s.l365,
            now=NOW,
        )
    one, two = runtime.services.sessions(), runtime.services.sessions()
    await one.begin()
    await two.begin()
    await add_to_household(
        one,
        household_id=first.household_id,
        data=visit(("TTRU",), date(2026, 4, 3)),
        officer=s.l365,
        now=NOW,
    )
    # The supervisor adds to the same household while the officer's change is uncommitted.
    other = asyncio.create_task(
        add_to_household(
            two,
            household_id=first.household_id,
            data=visit(("TTRU",), date(2026, 4, 2)),
            officer=s.supervisor,
            now=NOW,
        )
    )
    await asyncio.sleep(0.3)
    await one.commit()
    await other
    await two.commit()
    await one.close()
    await two.close()
    await _assert_consistent(runtime)
