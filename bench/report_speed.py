"""How fast supervisors' reports and the weekly summary are on a campaign of realistic size.

Seeds a fresh, migrated SQLite file (a temporary directory, removed afterwards) with
`--hamlets` generated hamlets ("Ấp Số 1"…, 200–450 households each), the 5 procedures of
the test configuration, `--households` guided households per hamlet (capped at the hamlet's
size: coverage never exceeds 100%) spread over the campaign days before "today", two
officers per hamlet and `--recipients` supervisors with console identities. The clock is
fixed at 15/10/2026 10:00 in Vietnam (a Thursday, so last week's summary is due). The
seeding goes through the domain functions of `models.registry` and is timed too.

Measured, in this order, on the same database and in the same process:

- baseline: `/help` round trips through the channel-neutral core (one transaction, the
  delivery key, the user lookup, no domain work), messages/s and p50;
- `/baocao` (every hamlet since the start, ranked table + coverage chart drawn by
  matplotlib in a worker thread), `/baocao tuantruoc` (last week), `/baocao H01` (one
  hamlet: officers, daily series, cumulative chart) and `/xuat tongket` (the whole year as
  an .xlsx with every evidence row), each `--runs` times (the export, which takes seconds,
  `--export-runs` times) through `runtime.core.handle`: p50/p95 in ms. The very first
  `/baocao` is reported apart ("cold"): it pays matplotlib's import and font loading once
  per process;
- contention: an officer's `/help` sent 0.1 s into a `/baocao` and into a `/xuat tongket`
  (3 times each): how long that officer waits. The core runs each message in one
  transaction that takes SQLite's write lock up front (BEGIN IMMEDIATE), so a message
  arriving meanwhile waits for the whole request, chart drawing and file writing included;
- the parts, called directly, so the core timings can be split: `build_report` over every
  hamlet (the data layer alone), `coverage_chart`, `cumulative_chart`, the export's queries
  (`gather`) and its `write_xlsx`, and the weekly digest (`weekly_digest`);
- the weekly summary: `Notifier.run_weekly()` to every supervisor, with a `deliver` that
  only returns `Outcome.SENT` (our code, not a network): messages/s. Then the same run again
  (`--runs` times): every message is already in the ledger, so nothing is sent; this shows
  what the scheduler's periodic catch-up run costs;
- verification: the 10% draw itself (`create_batch` over every hamlet, rolled back so each
  run sees the same data), then one real `/kiemtra 10%` through the core (draw + stored list
  + the first call card), `--runs` one-tap outcomes (each records the call and hands out
  the next card), and `/baocao` again now that it carries the verification section.

Reading it: the core figures minus the `/help` baseline are what the command itself costs;
the parts show whether that goes to SQL or to drawing/writing files. p95 over a handful of
runs is only indicative. Results go to bench/results/report_speed.json (gitignored).

Run: python -m bench.report_speed [--hamlets 13] [--households 300] [--recipients 200]
                                  [--runs 20] [--export-runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.db import upgrade
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.engine.context import Services
from handlers.engine.messages import PRIVATE, Inbound, Reply
from handlers.render import charts
from handlers.render.workbook import ExportData, write_xlsx
from handlers.reports.export import gather
from handlers.reports.summaries import weekly_digest
from models.campaign import Hamlet
from models.people import Identity, Role, User
from models.periods import Period, resolve
from models.registry import (
    HouseholdInput,
    add_to_household,
    campaign_by_code,
    create_household_entry,
    soft_delete_entry,
)
from models.reports import (
    Report,
    active_hamlets,
    build_report,
    daily_new_households,
)
from models.sampling import Rule, create_batch

ROOT = Path(__file__).resolve().parent.parent
# 10:00 in Vietnam on Thursday 15/10/2026: the summary of 05/10–11/10 is due.
NOW = datetime(2026, 10, 15, 3, 0, tzinfo=UTC)
CAMPAIGN_START = date(2026, 1, 1)
CAMPAIGN_END = date(2026, 12, 31)
SUPERVISOR = "sup-0000"  # the console id the /baocao and /xuat requests come from
OFFICER = "off-H01-0"  # the console id of an officer (contention check)
OFFICERS_PER_HAMLET = 2
DELAY_S = 0.1  # how far into a supervisor's request the officer's message arrives
BATCH = 50  # households per seeding transaction

PROCEDURES = [
    {"code": "KS", "name": "Đăng ký khai sinh"},
    {"code": "TTRU", "name": "Đăng ký thường trú"},
    {"code": "TAMTRU", "name": "Đăng ký tạm trú"},
    {"code": "LLTP", "name": "Cấp phiếu lý lịch tư pháp"},
    {"code": "KH", "name": "Đăng ký kết hôn"},
]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thị Kim", "Quốc"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hùng",
    "Khoa",
    "Lan",
    "Mai",
    "Nam",
    "Oanh",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Uyên",
    "Vy",
    "Xuân",
    "Yến",
]


# --- configuration and seeding ----------------------------------------------------------


def raw_config(tmp: Path, hamlets: int, rng: random.Random) -> dict[str, Any]:
    """Like tests/support/campaign.py's raw_config, with generated hamlets of 200–450
    households."""
    return {
        "language": "vi",
        "timezone": "Asia/Ho_Chi_Minh",
        "data_dir": str(tmp / "data"),
        "database": {"url": f"sqlite+aiosqlite:///{tmp / 'bench.sqlite3'}"},
        "campaign": {
            "code": "bench-2026",
            "name": "Mỗi ngày hướng dẫn 01 gia đình",
            "unit": "Đặc khu Kiên Hải",
            "start": CAMPAIGN_START,
            "end": CAMPAIGN_END,
        },
        "hamlets": [
            {"code": f"H{i:02d}", "name": f"Ấp Số {i}", "households": rng.randint(200, 450)}
            for i in range(1, hamlets + 1)
        ],
        "procedures": [dict(p) for p in PROCEDURES],
        "telegram": {"token": "123456:BENCH-token-not-real"},
    }


@dataclass(frozen=True)
class Params:
    hamlets: int
    households: int  # per hamlet, capped at the hamlet's size
    recipients: int  # supervisors who get the weekly summary
    runs: int
    export_runs: int


@dataclass
class Seeded:
    households: int
    entries: int
    deleted: int
    officers: int
    supervisors: int
    migrate_s: float
    users_s: float
    entries_s: float


def _user(role: Role, name: str, hamlet_id: int | None) -> User:
    return User(
        display_name=name,
        role=role,
        hamlet_id=hamlet_id,
        created_at=datetime(2026, 1, 1, 1, tzinfo=UTC),
        active=True,
    )


async def _make_users(rt: Runtime, hamlets: list[Hamlet], recipients: int) -> dict[int, list[User]]:
    """Officers per hamlet and supervisors, each with a console identity."""
    officers: dict[int, list[User]] = {}
    async with rt.services.sessions() as session, session.begin():
        people: list[tuple[User, str]] = []
        for h in hamlets:
            officers[h.id] = []
            for k in range(OFFICERS_PER_HAMLET):
                user = _user(Role.OFFICER, f"Cán Bộ {k + 1} {h.name}", h.id)
                officers[h.id].append(user)
                people.append((user, f"off-{h.code}-{k}"))
        for k in range(recipients):
            people.append((_user(Role.SUPERVISOR, f"Giám Sát {k + 1}", None), f"sup-{k:04d}"))
        session.add_all([user for user, _id in people])
        await session.flush()
        now = rt.services.clock.now()
        session.add_all(
            [
                Identity(user_id=user.id, channel="console", external_id=ext, created_at=now)
                for user, ext in people
            ]
        )
    return officers


async def _household(
    session: AsyncSession,
    *,
    campaign_id: int,
    hamlet: Hamlet,
    officer: User,
    day: date,
    phone: int,
    rng: random.Random,
    today: date,
    now: datetime,
) -> tuple[int, int]:
    """One guided household: its entry, sometimes a later second visit or a deletion.

    Returns (entries made, entries deleted).
    """
    codes = [p["code"] for p in PROCEDURES]
    procs = tuple(rng.sample(codes, rng.choices((1, 2, 3), weights=(60, 35, 5))[0]))
    entry = await create_household_entry(
        session,
        campaign_id=campaign_id,
        hamlet_id=hamlet.id,
        officer=officer,
        now=now,
        data=HouseholdInput(
            name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            address=f"Tổ {rng.randint(1, 12)}, {hamlet.name}",
            phone=f"+84{phone}",
            procedure_codes=procs,
            dossier_code=f"HS{phone}",
            guided_on=day,
        ),
    )
    roll = rng.random()
    if roll < 0.10 and day < today - timedelta(days=1):
        # A second visit for another procedure, some days later.
        later = day + timedelta(days=rng.randrange(1, (today - day).days))
        other = tuple(c for c in codes if c not in procs)[:1] or procs
        await add_to_household(
            session,
            household_id=entry.household_id,
            officer=officer,
            now=now,
            data=HouseholdInput(
                name="",
                address="",
                phone="",
                procedure_codes=other,
                dossier_code="",
                guided_on=later,
            ),
        )
        return 2, 0
    if roll > 0.99:
        await soft_delete_entry(session, entry=entry, reason="ghi nhầm", actor=officer, now=now)
        return 1, 1
    return 1, 0


async def seed(
    rt: Runtime, households: int, recipients: int, rng: random.Random, migrate_s: float
) -> Seeded:
    t0 = time.perf_counter()
    async with rt.services.sessions() as session:
        hamlets = await active_hamlets(session)
        campaign_id = (await campaign_by_code(session, rt.settings.campaign.code)).id
    officers = await _make_users(rt, hamlets, recipients)
    users_s = time.perf_counter() - t0

    now = rt.services.clock.now()
    today = now.astimezone(rt.settings.timezone).date()
    days = (today - CAMPAIGN_START).days  # entries on the days before today
    phone = 912_000_000  # +84912000001…: valid mobile numbers, as rosters need
    made = entries = deleted = 0
    t0 = time.perf_counter()
    for h in hamlets:
        n = min(households, h.total_households)
        guided_on = sorted(CAMPAIGN_START + timedelta(days=rng.randrange(days)) for _ in range(n))
        # A transaction per BATCH households: one per row would add a commit (and an fsync
        # of the WAL) to each, which is not what is being measured.
        for lo in range(0, n, BATCH):
            async with rt.services.sessions() as session, session.begin():
                for i in range(lo, min(lo + BATCH, n)):
                    phone += 1
                    made_now, deleted_now = await _household(
                        session,
                        campaign_id=campaign_id,
                        hamlet=h,
                        officer=officers[h.id][i % OFFICERS_PER_HAMLET],
                        day=guided_on[i],
                        phone=phone,
                        rng=rng,
                        today=today,
                        now=now,
                    )
                    made += 1
                    entries += made_now
                    deleted += deleted_now
    entries_s = time.perf_counter() - t0
    return Seeded(
        households=made,
        entries=entries,
        deleted=deleted,
        officers=OFFICERS_PER_HAMLET * len(hamlets),
        supervisors=recipients,
        migrate_s=migrate_s,
        users_s=users_s,
        entries_s=entries_s,
    )


# --- measuring --------------------------------------------------------------------------


def _stats(xs: list[float]) -> dict[str, float]:
    """Milliseconds; quantiles interpolated between the observed values (inclusive)."""
    ms = [x * 1000 for x in xs]
    if len(ms) == 1:
        return {"n": 1, "p50_ms": ms[0], "p95_ms": ms[0], "min_ms": ms[0], "max_ms": ms[0]}
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return {"n": len(ms), "p50_ms": q[49], "p95_ms": q[94], "min_ms": min(ms), "max_ms": max(ms)}


async def _repeat(
    runs: int, step: Callable[[], Awaitable[object]], after: Callable[[], None] | None = None
) -> list[float]:
    times: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        await step()
        times.append(time.perf_counter() - t0)
        if after is not None:
            after()  # outside the timing: cleaning up scratch files
    return times


def _inbound(text: str, sender: str = SUPERVISOR) -> Inbound:
    return Inbound(
        channel="console",
        user_id=sender,
        chat_id=sender,
        chat_type=PRIVATE,
        text=text,
        delivery_key=uuid.uuid4().hex,
    )


async def _meanwhile(
    rt: Runtime, text: str, want: str, runs: int, after: Callable[[], None]
) -> list[float]:
    """An officer's /help sent DELAY_S into a supervisor's request: how long it waits."""
    times: list[float] = []
    for _ in range(runs):
        task = asyncio.create_task(_command(rt, text, want)())
        await asyncio.sleep(DELAY_S)
        t0 = time.perf_counter()
        await rt.core.handle(_inbound("/help", OFFICER))
        times.append(time.perf_counter() - t0)
        await task
        after()
    return times


def _clear_outbox(settings: Settings) -> None:
    # Channels delete the charts/spreadsheets once sent (Reply.cleanup); the core doesn't.
    shutil.rmtree(settings.data_dir / "outbox", ignore_errors=True)


def _command(rt: Runtime, text: str, want: str) -> Callable[[], Coroutine[Any, Any, list[Reply]]]:
    """One request through the core; checks that the chart or the file came back."""

    async def step() -> list[Reply]:
        replies = await rt.core.handle(_inbound(text))
        got = [r.image if want == "image" else r.file for r in replies]
        if not any(p is not None and p.exists() for p in got):
            raise AssertionError(f"{text}: no {want} in {[r.text[:80] for r in replies]}")
        return replies

    return step


class Sink:
    """A transport that accepts everything at once: counts, never waits."""

    def __init__(self) -> None:
        self.sent = 0

    async def __call__(self, external_id: str, text: str) -> Outcome:
        self.sent += 1
        return Outcome.SENT


async def _parts(
    rt: Runtime, params: Params, period: Period, year: Period, today: date
) -> dict[str, dict[str, float]]:
    """The pieces behind /baocao and /xuat, called directly."""
    settings = rt.settings
    camp = settings.campaign
    out = settings.data_dir / "parts"
    runs = params.runs
    async with rt.services.sessions() as session:
        campaign_id = (await campaign_by_code(session, camp.code)).id
        hamlets = await active_hamlets(session)
        report: Report | None = None

        async def report_step() -> None:
            nonlocal report
            report = await build_report(
                session,
                campaign_id=campaign_id,
                campaign=camp,
                period=period,
                today=today,
                hamlets=hamlets,
            )

        build = await _repeat(runs, report_step)
        assert report is not None
        full: Report = report
        first = next(r for r in full.rows if r.hamlet_id == hamlets[0].id)
        daily = await daily_new_households(
            session, campaign_id=campaign_id, hamlet_id=hamlets[0].id, until=full.as_of
        )

        coverage = await _repeat(
            runs,
            lambda: asyncio.to_thread(
                charts.coverage_chart, full, settings.language, out / "coverage.png"
            ),
        )
        cumulative = await _repeat(
            runs,
            lambda: asyncio.to_thread(
                lambda: charts.cumulative_chart(
                    hamlet_name=hamlets[0].name,
                    daily=daily,
                    campaign_start=camp.start,
                    campaign_end=camp.end,
                    as_of=full.as_of,
                    target=first.target,
                    threshold=camp.coverage_threshold,
                    lang=settings.language,
                    path=out / "cumulative.png",
                )
            ),
        )

        data_box: list[ExportData] = []

        async def gather_step() -> None:
            data_box[:] = [
                await gather(
                    session,
                    settings,
                    campaign_id=campaign_id,
                    period=year,
                    today=today,
                    hamlets=hamlets,
                    made_at=rt.services.clock.now(),
                    viewer=Role.SUPERVISOR,
                )
            ]

        gathered = await _repeat(params.export_runs, gather_step)
        out.mkdir(parents=True, exist_ok=True)
        xlsx = await _repeat(
            params.export_runs,
            lambda: asyncio.to_thread(
                write_xlsx, data_box[0], settings.language, out / "year.xlsx"
            ),
        )
        week = resolve("last_week", camp, today)
        digest = await _repeat(
            runs,
            lambda: weekly_digest(
                session, settings, campaign_id=campaign_id, period=week, today=today
            ),
        )
    shutil.rmtree(out, ignore_errors=True)
    return {
        "build_report": _stats(build),
        "coverage_chart": _stats(coverage),
        "cumulative_chart": _stats(cumulative),
        "export_gather": _stats(gathered),
        "write_xlsx": _stats(xlsx),
        "weekly_digest": _stats(digest),
    }


def late_ok(services: Services) -> Services:
    """Services whose weekly summary may still go out on Thursday (NOW): three days after
    Monday's send time, past `weekly_latest_hours`; the work measured is the same."""
    cfg = services.settings.notifications
    return replace(
        services,
        settings=replace(services.settings, notifications=replace(cfg, weekly_latest_hours=7 * 24)),
    )


async def run(params: Params) -> dict[str, Any]:
    rng = random.Random(2026)
    tmp = Path(tempfile.mkdtemp(prefix="report_speed-"))
    try:
        settings = parse_settings(raw_config(tmp, params.hamlets, rng), tmp)
        t0 = time.perf_counter()
        await asyncio.to_thread(upgrade, settings.database_url)
        migrate_s = time.perf_counter() - t0
        rt = build_runtime(settings, FixedClock(NOW))
        try:
            await sync_from_config(rt)
            seeded = await seed(rt, params.households, params.recipients, rng, migrate_s)
            return await _measure(rt, seeded, params)
        finally:
            await rt.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


async def _measure(rt: Runtime, seeded: Seeded, params: Params) -> dict[str, Any]:
    settings = rt.settings
    runs, recipients = params.runs, params.recipients
    today = NOW.astimezone(settings.timezone).date()

    def clear() -> None:
        _clear_outbox(settings)

    help_n = max(10 * runs, 100)
    help_times = await _repeat(help_n, lambda: rt.core.handle(_inbound("/help")))

    t0 = time.perf_counter()
    await _command(rt, "/baocao", "image")()
    cold = time.perf_counter() - t0
    clear()
    core = {
        "baocao": await _repeat(runs, _command(rt, "/baocao", "image"), clear),
        "baocao_tuantruoc": await _repeat(runs, _command(rt, "/baocao tuantruoc", "image"), clear),
        "baocao_hamlet": await _repeat(runs, _command(rt, "/baocao H01", "image"), clear),
        "xuat_tongket": await _repeat(
            params.export_runs, _command(rt, "/xuat tongket", "file"), clear
        ),
    }

    contention = {
        "help_during_baocao": await _meanwhile(rt, "/baocao", "image", 3, clear),
        "help_during_xuat_tongket": await _meanwhile(
            rt, "/xuat tongket", "file", min(3, params.export_runs), clear
        ),
    }

    camp = settings.campaign
    parts = await _parts(
        rt, params, resolve("since_start", camp, today), resolve("year", camp, today), today
    )

    # The machine may be busier now than at the start: the baseline again, for comparison.
    help_end = await _repeat(help_n, lambda: rt.core.handle(_inbound("/help")))

    sink = Sink()
    notifier = Notifier(late_ok(rt.services), "console", sink)
    t0 = time.perf_counter()
    first_sent = await notifier.run_weekly()
    first_s = time.perf_counter() - t0
    assert first_sent == sink.sent == recipients, (first_sent, sink.sent, recipients)
    again: list[int] = []

    async def rerun() -> None:
        again.append(await notifier.run_weekly())

    second = await _repeat(runs, rerun)
    assert sum(again) == 0 and sink.sent == recipients, (again, sink.sent)

    verification = await _verification(rt, runs, clear)

    async with rt.services.sessions() as session:
        total = sum(h.total_households for h in await session.scalars(select(Hamlet)))
    return {
        "params": {**asdict(params), "today": today.isoformat()},
        "seed": {
            "households": seeded.households,
            "entries": seeded.entries,
            "deleted": seeded.deleted,
            "hamlet_households_total": total,
            "officers": seeded.officers,
            "supervisors": seeded.supervisors,
            "migrate_s": seeded.migrate_s,
            "users_s": seeded.users_s,
            "entries_s": seeded.entries_s,
            "entries_per_s": seeded.entries / seeded.entries_s,
        },
        "baseline_help": {**_stats(help_times), "per_s": help_n / sum(help_times)},
        "baseline_help_end": {**_stats(help_end), "per_s": help_n / sum(help_end)},
        "core": {
            "baocao_cold_ms": cold * 1000,
            **{name: _stats(times) for name, times in core.items()},
        },
        "contention": {name: _stats(times) for name, times in contention.items()},
        "parts": parts,
        "weekly": {
            "recipients": recipients,
            "sent": first_sent,
            "first_run_s": first_s,
            "messages_per_s": first_sent / first_s if first_s else 0.0,
            "per_message_ms": first_s * 1000 / max(first_sent, 1),
            "rerun": {**_stats(second), "sent": sum(again)},
        },
        "verification": verification,
    }


async def _verification(rt: Runtime, runs: int, clear: Callable[[], None]) -> dict[str, Any]:
    async with rt.services.sessions() as session:
        campaign_id = (await campaign_by_code(session, rt.settings.campaign.code)).id
        hamlets = list(await session.scalars(select(Hamlet).order_by(Hamlet.code)))
    sizes: list[int] = []

    async def draw_only() -> None:
        async with rt.services.sessions() as session, session.begin():
            batch = await create_batch(
                session,
                campaign_id=campaign_id,
                hamlets=hamlets,
                rule=Rule("rate", rate=0.1),
                actor_id=None,
                now=NOW,
            )
            assert batch is not None
            sizes.append(batch.size)
            await session.rollback()

    draw = await _repeat(runs, draw_only)
    t0 = time.perf_counter()
    first = await rt.core.handle(_inbound("/kiemtra 10%"))
    draw_core = time.perf_counter() - t0
    assert any("📞" in r.text for r in first), [r.text[:80] for r in first]

    async def tap() -> None:
        replies = await rt.core.handle(_inbound("1"))  # "✅ confirmed" typed as its number
        assert any("📞" in r.text for r in replies), [r.text[:80] for r in replies]

    taps = await _repeat(runs, tap)
    report = await _repeat(max(runs // 2, 3), _command(rt, "/baocao", "image"), clear)
    return {
        "batch_size": sizes[0],
        "draw_direct": _stats(draw),
        "draw_core_ms": draw_core * 1000,
        "outcome_tap": _stats(taps),
        "baocao_with_checks": _stats(report),
    }


def _row(label: str, st: dict[str, float]) -> str:
    return (
        f"  {label:<30}{st['p50_ms']:9.1f} {st['p95_ms']:9.1f} {st['max_ms']:9.1f}"
        f"   n={st['n']:.0f}"
    )


def _print(result: dict[str, Any]) -> None:
    p, s = result["params"], result["seed"]
    print(
        f"campaign: {p['hamlets']} hamlets, {s['households']} households "
        f"({s['hamlet_households_total']} in the hamlets), {s['entries']} entries "
        f"({s['deleted']} deleted), {s['supervisors']} supervisors; today {p['today']}"
    )
    print(
        f"seed: migrate {s['migrate_s']:.2f} s, users {s['users_s']:.2f} s, entries "
        f"{s['entries_s']:.2f} s ({s['entries_per_s']:.0f} entries/s)"
    )
    print()
    for key, when in (("baseline_help", "first"), ("baseline_help_end", "after the reports")):
        b = result[key]
        print(
            f"baseline /help ({when}): "
            f"{b['per_s']:.1f} msg/s, p50 {b['p50_ms']:.1f} ms, p95 {b['p95_ms']:.1f} ms "
            f"(n={b['n']:.0f})"
        )
    header = f"{'p50':>9} {'p95':>9} {'max':>9}"
    print(f"\n{'through the core, ms':<32}{header}")
    print(f"  {'/baocao (first, cold)':<30}{result['core']['baocao_cold_ms']:9.1f}")
    labels = {
        "baocao": "/baocao",
        "baocao_tuantruoc": "/baocao tuantruoc",
        "baocao_hamlet": "/baocao H01",
        "xuat_tongket": "/xuat tongket",
    }
    for key, label in labels.items():
        print(_row(label, result["core"][key]))
    print(f"\n{'an officer /help sent meanwhile, ms':<32}{header}")
    for key, st in result["contention"].items():
        print(_row(key.replace("help_during_", "during ").replace("_", " "), st))
    print(f"\n{'parts, called directly, ms':<32}{header}")
    for key, st in result["parts"].items():
        print(_row(key, st))
    w = result["weekly"]
    print(
        f"\nweekly summary: {w['sent']} sent in {w['first_run_s']:.2f} s = "
        f"{w['messages_per_s']:.1f} msg/s ({w['per_message_ms']:.1f} ms each)"
    )
    r = w["rerun"]
    print(
        f"  again (all in the ledger): sent {r['sent']}, p50 {r['p50_ms']:.1f} ms, "
        f"p95 {r['p95_ms']:.1f} ms (n={r['n']:.0f})"
    )
    v = result["verification"]
    print(f"\nverification (10% sample = {v['batch_size']} households), ms{header:>27}")
    print(_row("create_batch (rolled back)", v["draw_direct"]))
    print(f"  {'/kiemtra 10% (draw + 1st card)':<30}{v['draw_core_ms']:9.1f}")
    print(_row("one-tap outcome + next card", v["outcome_tap"]))
    print(_row("/baocao with checks", v["baocao_with_checks"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--hamlets", type=int, default=13)
    parser.add_argument("--households", type=int, default=300, help="per hamlet")
    parser.add_argument("--recipients", type=int, default=200, help="supervisors")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--export-runs", type=int, default=5, help="runs of the year's spreadsheet (seconds each)"
    )
    args = parser.parse_args()
    params = Params(
        hamlets=args.hamlets,
        households=args.households,
        recipients=args.recipients,
        runs=args.runs,
        export_runs=args.export_runs,
    )
    if min(asdict(params).values()) < 1:
        parser.error("every count must be at least 1")
    result = asyncio.run(run(params))
    _print(result)
    write_result("report_speed", result)


def write_result(name: str, result: dict[str, Any]) -> None:
    """bench/results/NAME.json (gitignored), and say where."""
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
