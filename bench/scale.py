"""Report latency against campaign size: 10k, 100k and 1M guided households.

For each backend (SQLite, PostgreSQL) and size, a dataset is generated once with
`bench.generate` (same seed: the first communes, their hamlets and their guided counts are
identical at every size; only the rest of the province grows) and cached: SQLite files
and the configs in bench/results/scale/, PostgreSQL databases `dvc_scale_<size>` (the prefix
set with `--pg-prefix`). A cached dataset is reused while its generator version and
parameters match; migrations are applied before measuring (a new index lands on the cached
data).

Measured with the clock fixed at Thursday 15/10/2026 10:00 in Vietnam, each operation
once to warm the caches (kept as "first") and then `--runs` times (default 5) in a fresh
session each; the median of those runs is reported with its ratio to the `SELECT 1`
baseline's median of the same run (a 3 ms blip of the machine doubles a 4 ms figure; the
ratio shows it):

- baseline: `SELECT 1` through a session, so machine noise is visible;
- commune report: `build_report` over one commune's hamlets (the first commune: the same
  hamlets and households at every size), `check_figures` and the `/baocao` table text, as
  /baocao does it;
- province report: the same over 1,000 hamlets (the first 1,000; every hamlet when the
  dataset has fewer: realistic hamlets of 150–900 households give ~36 hamlets for 10k
  guided households and ~350 for 100k, and 1,000 tiny hamlets would not be a province);
- weekly summary: `weekly_digest` (every active hamlet, last week's ranks, officers'
  activity) plus the message of every recipient (`summary_recipients`: supervisors and
  hamlet heads), then one real `Notifier.run_weekly()` with a deliver that only returns
  SENT (ledger writes included; the ledger rows are deleted afterwards);
- verification draw: `create_batch` (10% of the commune, stratified) in a transaction that
  is rolled back;
- export: `handlers.reports.export.gather` for the commune since the start (what /xuat reads),
  then `write_xlsx` of it.

Every SQL statement is timed (SQLAlchemy cursor events) and attributed to the bot function
that issued it, so each operation shows which queries dominate; with `--explain` (default:
on for the largest size) the slowest statement of each operation is explained
(EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).

Results are merged into bench/results/scale.json (keyed by backend and size, so sizes can
be run separately).

Run: python -m bench.scale [--sizes 10k,100k,1M] [--backends sqlite,postgresql]
                           [--runs 5] [--export-runs 3] [--regenerate]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bench.generate import (
    NOW,
    TODAY,
    VERSION,
    Params,
    database_exists,
    describe,
    generate,
    meta_path,
    parse_size,
    size_label,
)
from bench.report_speed import late_ok
from bot.clock import FixedClock
from bot.config import load_settings
from bot.db import upgrade
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime, build_runtime
from handlers.render.report_text import table
from handlers.render.workbook import ExportData, write_xlsx
from handlers.reports.export import gather
from handlers.reports.summaries import check_figures, weekly_digest, weekly_message
from models.campaign import Campaign, Hamlet
from models.households import Household
from models.notifications import Notification, summary_recipients
from models.people import Role
from models.periods import resolve
from models.reports import build_report
from models.sampling import Rule, create_batch

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "results" / "scale"
RESULT = ROOT / "bench" / "results" / "scale.json"
PG_BASE = "postgresql+asyncpg://postgres@127.0.0.1:5432"
PG_PREFIX = "dvc_scale_"  # PostgreSQL datasets are databases <prefix><size>, e.g. dvc_scale_10k
PROVINCE_HAMLETS = 1000
CHANNELS = ("telegram", "zalo")
_greenlet: Any = importlib.import_module("greenlet")  # SQLAlchemy's; no type stubs
GOAL = 2.0  # the commune report at the largest size at most this many times the smallest
OURS = (f"{os.sep}models{os.sep}", f"{os.sep}handlers{os.sep}", f"{os.sep}bot{os.sep}")


# --- SQL statements, timed and attributed ------------------------------------------------


@dataclass
class Statement:
    calls: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    sql: str = ""  # the slowest call's statement and parameters, for EXPLAIN
    params: Any = None


def _caller() -> str:
    """The bot function that issued the statement: "models/reports.py:_counts:171".

    SQLAlchemy runs the driver call in a greenlet; the coroutine frames that awaited it
    hang under the parent greenlet's current frame.
    """
    parent = _greenlet.getcurrent().parent
    frame = parent.gr_frame if parent is not None else None
    while frame is not None:
        path = frame.f_code.co_filename
        if any(part in path for part in OURS):
            short = os.path.relpath(path, ROOT)
            return f"{short}:{frame.f_code.co_name}:{frame.f_lineno}"
        frame = frame.f_back
    return "(other)"


class SqlLog:
    def __init__(self, engine: AsyncEngine) -> None:
        self.current: dict[str, Statement] | None = None
        sync = engine.sync_engine

        @event.listens_for(sync, "before_cursor_execute")
        def _before(
            conn: Any, _cursor: Any, _sql: str, _params: Any, _ctx: Any, _many: bool
        ) -> None:
            conn.info.setdefault("bench_t0", []).append(time.perf_counter())

        @event.listens_for(sync, "after_cursor_execute")
        def _after(conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
            spent = time.perf_counter() - conn.info["bench_t0"].pop()
            if self.current is None:
                return
            stat = self.current.setdefault(_caller(), Statement())
            stat.calls += 1
            stat.seconds += spent
            if spent >= stat.slowest and not many:
                stat.slowest, stat.sql, stat.params = spent, sql, params

    def start(self) -> None:
        self.current = {}

    def stop(self) -> dict[str, Statement]:
        got, self.current = self.current or {}, None
        return got


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Op:
    times: list[float] = field(default_factory=list)
    sql: list[dict[str, Statement]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        ms = [t * 1000 for t in self.times]
        later = ms[1:] or ms  # the first run is the warm-up (see repeat)
        queries: dict[str, dict[str, float]] = {}
        for run in self.sql[1:] or self.sql:
            for label, stat in run.items():
                q = queries.setdefault(label, {"calls": 0, "ms": 0.0})
                q["calls"] += stat.calls
                q["ms"] += stat.seconds * 1000
        n = len(self.sql[1:] or self.sql) or 1
        top: list[dict[str, Any]] = sorted(
            (
                {"at": label, "calls": q["calls"] / n, "ms": q["ms"] / n}
                for label, q in queries.items()
            ),
            key=lambda q: -float(q["ms"]),
        )
        return {
            "n": len(later),
            "first_ms": ms[0],
            "p50_ms": statistics.median(later),
            "min_ms": min(later),
            "max_ms": max(later),
            "sql_ms": sum(q["ms"] for q in top),
            "queries": top[:6],
            **self.extra,
        }

    def slowest(self) -> Statement | None:
        every = [s for run in self.sql for s in run.values() if s.sql]
        return max(every, key=lambda s: s.slowest) if every else None


async def repeat(runs: int, step: Callable[[], Awaitable[object]], log: SqlLog) -> Op:
    """One warm-up run that pays cold caches, then `runs` runs for the median."""
    op = Op()
    for _ in range(runs + 1):
        log.start()
        t0 = time.perf_counter()
        await step()
        op.times.append(time.perf_counter() - t0)
        op.sql.append(log.stop())
    return op


class Sink:
    """A transport that accepts every message at once."""

    def __init__(self) -> None:
        self.sent = 0

    async def __call__(self, external_id: str, message: str) -> Outcome:
        self.sent += 1
        return Outcome.SENT


@dataclass(frozen=True)
class Scope:
    campaign_id: int
    commune: str
    commune_hamlets: list[Hamlet]
    province: list[Hamlet]
    all_hamlets: int


async def scope(rt: Runtime) -> Scope:
    async with rt.services.sessions() as session:
        campaign_id = int(
            await session.scalar(
                select(Campaign.id).where(Campaign.code == rt.settings.campaign.code)
            )
            or 0
        )
        hamlets = list(
            await session.scalars(select(Hamlet).where(Hamlet.active).order_by(Hamlet.id))
        )
    commune = hamlets[0].unit  # the first commune: the same at every size
    return Scope(
        campaign_id=campaign_id,
        commune=commune,
        commune_hamlets=sorted((h for h in hamlets if h.unit == commune), key=lambda h: h.code),
        province=sorted(hamlets[:PROVINCE_HAMLETS], key=lambda h: h.code),
        all_hamlets=len(hamlets),
    )


async def measure(
    rt: Runtime, runs: int, export_runs: int, weekly_send: bool, explain: bool
) -> dict[str, Any]:
    log = SqlLog(rt.engine)
    settings = rt.settings
    camp = settings.campaign
    sessions = rt.services.sessions
    where = await scope(rt)
    since_start = resolve("since_start", camp, TODAY)
    last_week = resolve("last_week", camp, TODAY)
    ops: dict[str, Op] = {}

    async def select_one() -> None:
        async with sessions() as session:
            await session.execute(text("SELECT 1"))

    ops["baseline_select1"] = await repeat(max(runs * 6, 30), select_one, log)

    def report_step(hamlets: list[Hamlet], box: dict[str, Any]) -> Callable[[], Awaitable[None]]:
        async def step() -> None:
            async with sessions() as session:
                report = await build_report(
                    session,
                    campaign_id=where.campaign_id,
                    campaign=camp,
                    period=since_start,
                    today=TODAY,
                    hamlets=hamlets,
                )
                checks = await check_figures(
                    session, settings, campaign_id=where.campaign_id, viewer=Role.SUPERVISOR
                )
            box["chars"] = len(table(settings.language, report, checks))
            box["guided"] = sum(r.guided for r in report.rows)

        return step

    commune_box: dict[str, Any] = {}
    ops["commune_report"] = await repeat(runs, report_step(where.commune_hamlets, commune_box), log)
    ops["commune_report"].extra = {
        "hamlets": len(where.commune_hamlets),
        "guided": commune_box["guided"],
        "text_chars": commune_box["chars"],
    }
    province_box: dict[str, Any] = {}
    ops["province_report"] = await repeat(runs, report_step(where.province, province_box), log)
    ops["province_report"].extra = {
        "hamlets": len(where.province),
        "guided": province_box["guided"],
        "text_chars": province_box["chars"],
    }

    weekly_box: dict[str, int] = {}

    async def weekly_step() -> None:
        async with sessions() as session:
            recipients = await summary_recipients(session, CHANNELS[0], CHANNELS)
            digest = await weekly_digest(
                session, settings, campaign_id=where.campaign_id, period=last_week, today=TODAY
            )
        texts = [weekly_message(digest, user, settings.language) for user, _ext in recipients]
        weekly_box["recipients"] = len(recipients)
        weekly_box["messages"] = sum(1 for t in texts if t)

    ops["weekly_digest_and_texts"] = await repeat(runs, weekly_step, log)
    ops["weekly_digest_and_texts"].extra = {**weekly_box, "hamlets": where.all_hamlets}

    if weekly_send:
        sink = Sink()
        notifier = Notifier(late_ok(rt.services), CHANNELS[0], sink, channels=CHANNELS)
        sent_box: dict[str, int] = {}

        async def send_step() -> None:
            sent_box["sent"] = await notifier.run_weekly()

        ops["run_weekly"] = await repeat(0, send_step, log)
        ops["run_weekly"].extra = {"sent": sent_box["sent"]}
        async with sessions() as session, session.begin():
            await session.execute(delete(Notification).where(Notification.kind == "weekly"))

    draw_box: dict[str, int] = {}

    async def draw_step() -> None:
        async with sessions() as session, session.begin():
            batch = await create_batch(
                session,
                campaign_id=where.campaign_id,
                hamlets=where.commune_hamlets,
                rule=Rule("rate", rate=0.1),
                actor_id=None,
                now=NOW,
                seed="5ca1e0000000beef",
            )
            draw_box["size"] = batch.size if batch is not None else 0
            draw_box["population"] = batch.population if batch is not None else 0
            await session.rollback()

    ops["verification_draw"] = await repeat(runs, draw_step, log)
    ops["verification_draw"].extra = dict(draw_box)

    data_box: list[ExportData] = []

    async def gather_step() -> None:
        async with sessions() as session:
            data_box[:] = [
                await gather(
                    session,
                    settings,
                    campaign_id=where.campaign_id,
                    period=since_start,
                    today=TODAY,
                    hamlets=where.commune_hamlets,
                    made_at=NOW,
                    viewer=Role.SUPERVISOR,
                )
            ]

    ops["export_gather"] = await repeat(export_runs, gather_step, log)
    ops["export_gather"].extra = {"evidence_rows": len(data_box[0].evidence)}
    folder = Path(tempfile.mkdtemp(prefix="scale-export-"))
    try:

        async def write_step() -> None:
            await asyncio.to_thread(
                write_xlsx, data_box[0], settings.language, folder / "commune.xlsx"
            )

        ops["export_write_xlsx"] = await repeat(export_runs, write_step, log)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    result: dict[str, Any] = {
        "commune": where.commune,
        "hamlets_total": where.all_hamlets,
        "ops": {name: op.summary() for name, op in ops.items()},
    }
    if explain:
        result["plans"] = {
            name: await explain_slowest(rt.engine, op)
            for name, op in ops.items()
            if name != "baseline_select1"
        }
    return result


async def explain_slowest(engine: AsyncEngine, op: Op) -> dict[str, Any] | None:
    """The plan of the operation's slowest SELECT, with the parameters it ran with."""
    stat = op.slowest()
    if stat is None or not stat.sql.lstrip().upper().startswith(("SELECT", "WITH")):
        return None
    postgres = engine.dialect.name == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
    async with engine.connect() as conn:
        rows = list((await conn.exec_driver_sql(prefix + stat.sql, stat.params)).all())
        await conn.rollback()
    lines = (
        [str(r[0]) for r in rows]
        if postgres
        else [f"{'  ' * _depth(rows, r)}{r[-1]}" for r in rows]
    )
    return {"ms": stat.slowest * 1000, "sql": " ".join(stat.sql.split())[:1500], "plan": lines}


def _depth(rows: list[Any], row: Any) -> int:
    """Nesting of an EXPLAIN QUERY PLAN row (id, parent, notused, detail)."""
    parents = {r[0]: r[1] for r in rows}
    depth, node = 0, row[1]
    while node:
        depth += 1
        node = parents.get(node, 0)
    return depth


# --- datasets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    backend: str
    size: int
    url: str
    config: Path

    @property
    def key(self) -> str:
        return f"{self.backend}-{size_label(self.size)}"


def dataset_for(backend: str, size: int, pg_base: str, pg_prefix: str = PG_PREFIX) -> Dataset:
    label = size_label(size)
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{CACHE / f'sqlite-{label}.sqlite3'}"
    else:
        url = f"{pg_base.rstrip('/')}/{pg_prefix}{label.lower()}"
    return Dataset(backend=backend, size=size, url=url, config=CACHE / f"{backend}-{label}.toml")


def read_meta(ds: Dataset) -> dict[str, Any] | None:
    path = meta_path(ds.config)
    if not path.exists() or not ds.config.exists():
        return None
    meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return meta


async def cached(ds: Dataset, params: Params) -> dict[str, Any] | None:
    """The dataset's metadata if the database holds what it says, else None."""
    meta = await asyncio.to_thread(read_meta, ds)
    if meta is None or meta.get("version") != VERSION:
        return None
    if any(meta["params"].get(k) != v for k, v in _comparable(params).items()):
        return None
    if not await database_exists(ds.url):
        return None
    settings = load_settings(ds.config)
    if settings.database_url != ds.url:
        return None
    rt = build_runtime(settings)
    try:
        async with rt.services.sessions() as session:
            rows = await session.scalar(select(func.count()).select_from(Household))
    except Exception:  # an empty or foreign database: generate again
        return None
    finally:
        await rt.close()
    return meta if rows == meta["built"]["households"] else None


def _comparable(params: Params) -> dict[str, Any]:
    return {
        "households": params.households,
        "hamlets_min": params.hamlets_min,
        "hamlets_max": params.hamlets_max,
        "seed": params.seed,
    }


async def ensure(ds: Dataset, params: Params, regenerate: bool) -> tuple[dict[str, Any], bool]:
    """(metadata, generated now?)"""
    if not regenerate:
        meta = await cached(ds, params)
        if meta is not None:
            print(
                f"{ds.key}: reusing the dataset generated in "
                f"{meta['built']['seconds']['total']:.0f} s ({ds.url})",
                flush=True,
            )
            return meta, False
    print(f"{ds.key}: generating {ds.size:,} guided households into {ds.url}", flush=True)
    result = await generate(params, ds.url, ds.config, create=True, replace=True)
    print(describe(result), flush=True)
    return result.as_json(), True


async def run_one(
    ds: Dataset, params: Params, args: argparse.Namespace, explain: bool
) -> dict[str, Any]:
    meta, fresh = await ensure(ds, params, args.regenerate)
    await asyncio.to_thread(upgrade, ds.url)  # a migration added since lands on the data
    rt = build_runtime(load_settings(ds.config), FixedClock(NOW))
    try:
        async with rt.engine.connect() as conn:
            revision = await conn.scalar(text("SELECT version_num FROM alembic_version"))
        print(f"{ds.key}: measuring (schema {revision})", flush=True)
        t0 = time.perf_counter()
        measured = await measure(rt, args.runs, args.export_runs, not args.no_weekly_send, explain)
        measured["measure_s"] = time.perf_counter() - t0
    finally:
        await rt.close()
    return {
        "backend": ds.backend,
        "size": ds.size,
        "label": size_label(ds.size),
        "url": ds.url,
        "schema": revision,
        "generated_now": fresh,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "built": meta["built"],
        **measured,
    }


# --- output ------------------------------------------------------------------------------------

ROWS = (
    ("baseline_select1", "SELECT 1 (baseline)"),
    ("commune_report", "commune report"),
    ("province_report", "province report"),
    ("weekly_digest_and_texts", "weekly digest + texts"),
    ("run_weekly", "run_weekly (1 run)"),
    ("verification_draw", "10% draw, rolled back"),
    ("export_gather", "export gather (commune)"),
    ("export_write_xlsx", "export write_xlsx"),
)


def growth(results: dict[str, Any], backend: str) -> dict[str, Any] | None:
    sizes = sorted(
        (r for r in results.values() if r["backend"] == backend), key=lambda r: r["size"]
    )
    if len(sizes) < 2:
        return None
    small, large = sizes[0], sizes[-1]
    factor = large["ops"]["commune_report"]["p50_ms"] / small["ops"]["commune_report"]["p50_ms"]
    return {
        "from": small["label"],
        "to": large["label"],
        "factor": factor,
        "goal": GOAL,
        "met": factor <= GOAL,
    }


def ratio(result: dict[str, Any], key: str) -> float | None:
    """An operation's median over the `SELECT 1` baseline's median of the same run."""
    op, base = result["ops"].get(key), result["ops"].get("baseline_select1")
    if not op or not base or not base["p50_ms"]:
        return None
    return float(op["p50_ms"]) / float(base["p50_ms"])


def print_tables(results: dict[str, Any]) -> None:
    for backend in ("sqlite", "postgresql"):
        found = sorted(
            (r for r in results.values() if r["backend"] == backend), key=lambda r: r["size"]
        )
        if not found:
            continue
        print(
            f"\n{backend}: median ms of the runs after a warm-up (× the SELECT 1 median of "
            f"the same run; first run in brackets)"
        )
        head = "".join(f"{r['label'] + ' households':>32}" for r in found)
        print(f"  {'':<28}{head}")
        for key, label in ROWS:
            cells = ""
            for r in found:
                op = r["ops"].get(key)
                x = ratio(r, key)
                times = f"{x:.0f}×" if x is not None and key != "baseline_select1" else ""
                cells += (
                    f"{op['p50_ms']:>12.1f} {times:>8} [{op['first_ms']:>8.1f}]"
                    if op
                    else f"{'–':>32}"
                )
            print(f"  {label:<28}{cells}")
        for r in found:
            b, ops = r["built"], r["ops"]
            print(
                f"  {r['label']}: {b['communes']} communes, {r['hamlets_total']} hamlets, "
                f"{b['households']:,} household rows, {b['entries']:,} entries; commune "
                f"{r['commune']!r} = {ops['commune_report']['hamlets']} hamlets / "
                f"{ops['commune_report']['guided']:,} guided; province "
                f"{ops['province_report']['hamlets']} hamlets; weekly "
                f"{ops['weekly_digest_and_texts']['messages']} messages; draw "
                f"{ops['verification_draw']['size']} of "
                f"{ops['verification_draw']['population']} entries; export "
                f"{ops['export_gather']['evidence_rows']} rows; generated in "
                f"{b['seconds']['total']:.0f} s"
            )
        g = growth(results, backend)
        if g is not None:
            verdict = "met" if g["met"] else "MISSED"
            print(
                f"  commune report {g['to']}/{g['from']}: {g['factor']:.2f}× "
                f"(goal ≤ {GOAL:.0f}×: {verdict})"
            )


def print_headline(result: dict[str, Any]) -> None:
    base = result["ops"]["baseline_select1"]
    print(
        f"\n{result['backend']} {result['label']}: SELECT 1 median {base['p50_ms']:.2f} ms "
        f"({base['n']} runs)"
    )
    for key in ("commune_report", "weekly_digest_and_texts"):
        op, x = result["ops"][key], ratio(result, key)
        print(
            f"  {dict(ROWS)[key]}: median {op['p50_ms']:.1f} ms of {op['n']} runs "
            f"(range {op['min_ms']:.1f}–{op['max_ms']:.1f}), {x or 0:.0f}× SELECT 1"
        )


def print_queries(result: dict[str, Any]) -> None:
    print(
        f"\n{result['backend']} {result['label']}: where the time goes (SQL ms per run, "
        f"bot function that issued it)"
    )
    for key, label in ROWS[1:]:
        op = result["ops"].get(key)
        if not op:
            continue
        print(f"  {label}: p50 {op['p50_ms']:.0f} ms, SQL {op['sql_ms']:.0f} ms")
        for q in op["queries"][:3]:
            print(f"      {q['ms']:9.1f} ms  {q['calls']:5.0f}×  {q['at']}")
    for name, plan in (result.get("plans") or {}).items():
        if plan:
            print(f"  plan of the slowest statement of {name} ({plan['ms']:.0f} ms):")
            for line in plan["plan"][:14]:
                print(f"      {line[:150]}")


def environment() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }


async def postgres_version(url: str) -> str:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return str(await conn.scalar(text("SHOW server_version")))
    finally:
        await engine.dispose()


def load_results() -> dict[str, Any]:
    if RESULT.exists():
        data: dict[str, Any] = json.loads(RESULT.read_text(encoding="utf-8"))
        return dict(data.get("results", {}))
    return {}


def save_results(results: dict[str, Any], env: dict[str, Any]) -> None:
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    out = {
        "environment": env,
        "today": TODAY.isoformat(),
        "results": results,
        "growth": {b: growth(results, b) for b in ("sqlite", "postgresql")},
    }
    RESULT.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten to {RESULT.relative_to(ROOT)}")


async def main_async(args: argparse.Namespace) -> None:
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    for b in backends:
        if b not in ("sqlite", "postgresql"):
            raise SystemExit(f"unknown backend {b}")
    env = environment()
    if "postgresql" in backends:
        env["postgresql"] = await postgres_version(f"{args.pg_url.rstrip('/')}/postgres")
    results = await asyncio.to_thread(load_results) if not args.fresh_json else {}
    largest = max(sizes)
    for backend in backends:
        for size in sizes:
            ds = dataset_for(backend, size, args.pg_url, args.pg_prefix)
            params = Params(households=size, seed=args.seed)
            explain = args.explain or (args.explain is None and size == largest)
            result = await run_one(ds, params, args, bool(explain))
            results[ds.key] = result
            print_queries(result)
            print_headline(result)
            await asyncio.to_thread(save_results, results, env)
    print_tables(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10k,100k", help="e.g. 10k,100k,1M")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--runs", type=int, default=5, help="measured runs after the warm-up (median of these)"
    )
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--pg-url", default=PG_BASE, help="PostgreSQL server URL without a database name"
    )
    parser.add_argument(
        "--pg-prefix",
        default=PG_PREFIX,
        help=f"name prefix of the PostgreSQL databases (<prefix><size>; default {PG_PREFIX})",
    )
    parser.add_argument("--regenerate", action="store_true", help="ignore cached datasets")
    parser.add_argument(
        "--no-weekly-send",
        action="store_true",
        help="skip the real Notifier.run_weekly() (ledger writes)",
    )
    parser.add_argument(
        "--explain",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="explain the slowest statements (default: largest size only)",
    )
    parser.add_argument(
        "--fresh-json", action="store_true", help="start scale.json afresh instead of merging"
    )
    args = parser.parse_args()
    if args.runs < 1 or args.export_runs < 1:
        parser.error("runs must be at least 1")
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,40}", args.pg_prefix):
        parser.error("--pg-prefix: lower-case letters, digits and _ (a PostgreSQL name)")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
