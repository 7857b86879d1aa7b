"""Telegram end to end: our bot's household throughput and memory against a bare echo bot.

A fake Telegram Bot API (bench/fake_telegram_http.py, real HTTP on 127.0.0.1) runs in this
process with the load generator; each bot runs in a child process (bench/chat_child.py), so
the memory read from /proc/<pid>/status is the bot's own:

- baseline: a bare python-telegram-bot Application (defaults: updates handled one at a
  time, no rate limiter) that echoes each text with a "✅ Lưu" button and, on the tap,
  answers the callback query and sends one message;
- measured: our bot started as `python -m bot run` does (bot.serve.start) with
  `[telegram] base_url` on the fake, no scheduler, the clock fixed at 15/10/2026 10:00 in
  Vietnam, on a fresh migrated database per run (a temporary SQLite file, or a database
  created on the `--database-url` PostgreSQL server and dropped afterwards) holding the
  example configuration and `--users` officers, each with a Telegram identity in a hamlet.
  Telegram's pacing (`messages_per_second`) is raised to 10⁶/s so it is not the limit.

Each simulated officer sends one untimed /help, then `--per-user` one-line households
("Tên; Số k, Tổ t; 0912 xxx yyy; p", each with its own phone and address so none is a
duplicate), each followed by a tap on the reply's "✅ Lưu" button (a callback_query with the
button's callback data). An officer sends the next update only once the previous one is
answered (closed loop); the officers run concurrently. Latency is per update, from being
offered to the fake's getUpdates queue to the fake receiving the bot's chat message (the
summary with its buttons, then the "Đã lưu hộ" confirmation). Throughput is households over
the load's wall time. After each run the database's live entries are matched with the phones
sent: lost and duplicated must both be 0.

RSS: VmRSS once the bot is polling (idle), VmHWM (peak) after the load. Cold start: from
starting the bot's process to the first answer of the warm-up's /help messages (offered
once it polls), with our packages' bytecode compiled beforehand, as an installed bot has it
(`compile_bytecode`). CPU: the bot
process's user + system time over the load (/proc/<pid>/stat), per household, and ours/echo
within each run. Counted, not estimated, per household over the load (plus 0.3 s for the last
trailing calls): the SQL statements our bot sent to its database (a SQLAlchemy
before_cursor_execute listener inside the child, read with SIGUSR1) and the Bot API requests
each bot made, by method, getUpdates apart (the fake sees every request). Figures are medians
over `--runs` with their range (min–max); each run starts both bots afresh. Results:
bench/results/chat_throughput.json (gitignored).

Run: python -m bench.chat_throughput [--users 50] [--per-user 10] [--runs 3]
                                     [--database-url postgresql+asyncpg://user@host/db]
                                     [--pg-prefix chat_bench_]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bench.chat_child import (
    MESSAGES_PER_SECOND,
    NOW,
    READY,
    ROOT,
    SAVED,
    STATS,
    TOKEN,
    bench_settings,
)
from bench.fake_telegram_http import Call, FakeTelegram
from bench.report_speed import FAMILY, GIVEN, MIDDLE, write_result
from bot.clock import FixedClock
from bot.db import create_engine, upgrade
from bot.runtime import build_runtime, sync_from_config
from models.campaign import Hamlet
from models.households import Entry, Household
from models.people import Identity, Role, User

KINDS = ("echo", "bot")
REPLY_TIMEOUT = 60.0  # seconds an officer waits for an answer before the run fails
GOAL = 0.5  # bot/echo throughput on SQLite
PG_PREFIX = "chat_bench_"  # PostgreSQL databases: <prefix><12 hex digits>, dropped after the run
SETTLE = 0.3  # seconds after the last awaited answer before counting statements and calls
GET_UPDATES = "getUpdates"


@dataclass(frozen=True)
class Params:
    users: int
    per_user: int
    runs: int
    database_url: str | None  # None: a temporary SQLite file per run
    pg_prefix: str = PG_PREFIX


@dataclass
class Run:
    kind: str
    entries: int
    wall_s: float
    latencies: list[float] = field(repr=False)
    rss_idle_mb: float
    rss_peak_mb: float
    cpu_s: float  # the bot process's CPU time (user + system) during the load
    parent_cpu_s: float  # this process's (fake server + simulated users) during the load
    unexpected: list[str]  # messages that were not the awaited answer
    statements: int  # SQL statements the bot sent to its database during the load
    cold_start_s: float  # from starting the bot's process to its first reply (a /help)
    api_calls: dict[str, int]  # Bot API requests during the load by method, getUpdates too
    stored: int | None = None  # live entries in the database (bot only)
    lost: int | None = None
    duplicated: int | None = None


def chat_id(k: int) -> int:
    return 7_000_001 + k  # a private chat's id is its user's id


class Households:
    """One-line entries that never repeat a phone or a name with its address."""

    def __init__(self) -> None:
        self.made = 0

    def line(self) -> tuple[str, str]:
        """The line an officer types and the phone as stored (E.164)."""
        k = self.made
        self.made += 1
        name = (
            f"{FAMILY[k % len(FAMILY)]} {MIDDLE[k // len(FAMILY) % len(MIDDLE)]} "
            f"{GIVEN[k // (len(FAMILY) * len(MIDDLE)) % len(GIVEN)]}"
        )
        phone = f"{k % 1_000_000:06d}"
        return (
            f"{name}; Số {k + 1}, Tổ {k % 12 + 1}; 0912 {phone[:3]} {phone[3:]}; {k % 3 + 1}",
            f"+84912{phone}",
        )


# --- the database -----------------------------------------------------------------------


class Database:
    """A fresh database per run: a temporary SQLite file, or one created on the server."""

    def __init__(self, server_url: str | None, tmp: Path, prefix: str = PG_PREFIX) -> None:
        self.server_url = server_url
        if server_url is None:
            self.url = f"sqlite+aiosqlite:///{tmp / 'bench.sqlite3'}"
            self.name = ""
        else:
            self.name = f"{prefix}{uuid.uuid4().hex[:12]}"
            self.url = (
                make_url(server_url).set(database=self.name).render_as_string(hide_password=False)
            )

    async def _admin(self, sql: str) -> None:
        assert self.server_url is not None
        # CREATE/DROP DATABASE cannot run in a transaction; the URL's database is only
        # where we connect to issue them.
        engine = create_async_engine(self.server_url, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as conn:
                await conn.execute(text(sql))
        finally:
            await engine.dispose()

    async def __aenter__(self) -> Database:
        if self.server_url is not None:
            await self._admin(f'CREATE DATABASE "{self.name}"')
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.server_url is not None:
            await self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


async def prepare(url: str, data_dir: Path, users: int) -> None:
    """Migrated, the configuration synced, `users` officers with Telegram identities."""
    await asyncio.to_thread(upgrade, url)
    rt = build_runtime(bench_settings("http://unused/bot", url, data_dir), FixedClock(NOW))
    try:
        await sync_from_config(rt)
        async with rt.services.sessions() as s, s.begin():
            hamlets = list(await s.scalars(select(Hamlet).order_by(Hamlet.id)))
            officers = [
                User(
                    display_name=f"Cán Bộ {k + 1}",
                    role=Role.OFFICER,
                    hamlet_id=hamlets[k % len(hamlets)].id,
                    created_at=NOW,
                    active=True,
                )
                for k in range(users)
            ]
            s.add_all(officers)
            await s.flush()
            s.add_all(
                [
                    Identity(
                        user_id=u.id,
                        channel="telegram",
                        external_id=str(chat_id(k)),
                        created_at=NOW,
                    )
                    for k, u in enumerate(officers)
                ]
            )
    finally:
        await rt.close()


async def audit(url: str, phones: set[str]) -> tuple[int, int, int]:
    """(live entries, sent households with no entry, entries beyond one per household)."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(Household.phone, func.count(Entry.id))
                    .join(Entry, Entry.household_id == Household.id)
                    .where(Entry.deleted_at.is_(None))
                    .group_by(Household.phone)
                )
            ).all()
    finally:
        await engine.dispose()
    stored = {str(phone): int(n) for phone, n in rows}
    lost = sum(1 for p in phones if p not in stored)
    duplicated = sum(n - 1 if p in phones else n for p, n in stored.items())
    return sum(stored.values()), lost, duplicated


# --- the child process ----------------------------------------------------------------


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak so far) of a process, in MB."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024  # kB
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/<pid>/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Child:
    """A bot in its own process (python -m bench.chat_child), stopped with SIGTERM."""

    def __init__(self, *args: str) -> None:
        self.args = args
        self.proc: asyncio.subprocess.Process | None = None
        self.spawned = 0.0

    async def __aenter__(self) -> Child:
        self.spawned = time.monotonic()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.chat_child",
            *self.args,
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        async with asyncio.timeout(120):
            while (line := await self.proc.stdout.readline()).strip() != READY.encode():
                if not line:
                    raise RuntimeError(f"bench.chat_child {self.args[0]} exited before ready")
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(30):
                await self.proc.wait()
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()

    async def statements(self) -> int:
        """SQL statements the bot has sent so far (it answers SIGUSR1 with a JSON line)."""
        assert self.proc is not None and self.proc.stdout is not None
        self.proc.send_signal(signal.SIGUSR1)
        async with asyncio.timeout(30):
            while line := await self.proc.stdout.readline():
                if line.startswith(b"{"):
                    with contextlib.suppress(ValueError):
                        found = json.loads(line)
                        if isinstance(found, dict) and STATS in found:
                            return int(found[STATS])
        raise RuntimeError(f"bench.chat_child {self.args[0]} exited without its statements")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid


# --- the simulated officers -----------------------------------------------------------


def save_button(call: Call) -> str | None:
    return next((data for label, data in call.buttons if "Lưu" in label), None)


async def answer(
    inbox: asyncio.Queue[Call], wanted: Callable[[Call], bool], unexpected: list[str]
) -> Call:
    """The next message in the chat that is the awaited answer; others are noted."""
    async with asyncio.timeout(REPLY_TIMEOUT):
        while not wanted(call := await inbox.get()):
            unexpected.append(f"{call.method}: {call.text[:200]}")
    return call


async def load(fake: FakeTelegram, lines: list[list[str]]) -> tuple[float, list[float], list[str]]:
    """Every officer's lines, each saved with the button, officers side by side."""
    latencies: list[float] = []
    unexpected: list[str] = []

    async def officer(k: int, mine: list[str]) -> None:
        chat = chat_id(k)
        inbox = fake.inbox(chat)
        for line in mine:
            t0 = fake.offer(fake.message_update(chat, line))
            summary = await answer(
                inbox, lambda c: save_button(c) is not None or SAVED in c.text, unexpected
            )
            latencies.append(summary.at - t0)
            data = save_button(summary)
            if data is None:
                continue  # our bot stores a complete line at once: one message, one reply
            t0 = fake.offer(fake.callback_update(chat, data, summary.message_id))
            saved = await answer(inbox, lambda c: SAVED in c.text, unexpected)
            latencies.append(saved.at - t0)

    t0 = time.monotonic()
    async with asyncio.TaskGroup() as group:
        for k, mine in enumerate(lines):
            group.create_task(officer(k, mine))
    return time.monotonic() - t0, latencies, unexpected


async def warm_up(fake: FakeTelegram, users: int) -> float:
    """One untimed /help per officer (connections, caches), then forget the answers; when
    the first answer arrived (time.monotonic())."""
    first: list[float] = []

    async def one(k: int) -> None:
        fake.offer(fake.message_update(chat_id(k), "/help"))
        await answer(fake.inbox(chat_id(k)), lambda c: True, [])
        first.append(time.monotonic())

    async with asyncio.TaskGroup() as group:
        for k in range(users):
            group.create_task(one(k))
    await asyncio.sleep(0.3)  # a reply in several messages: let the rest arrive
    fake.drain()
    return min(first)


async def one_run(kind: str, params: Params, households: Households) -> Run:
    tmp = Path(tempfile.mkdtemp(prefix="chat_throughput-"))
    try:
        # The echo bot has no database: None makes it an unused SQLite path, not a server's.
        server = params.database_url if kind == "bot" else None
        async with (
            FakeTelegram(TOKEN) as fake,
            Database(server, tmp, params.pg_prefix) as db,
        ):
            args = ["echo", "--base-url", fake.base_url]
            if kind == "bot":
                await prepare(db.url, tmp / "data", params.users)
                args = [
                    "bot",
                    "--base-url",
                    fake.base_url,
                    "--database-url",
                    db.url,
                    "--data-dir",
                    str(tmp / "data"),
                ]
            made = [
                [households.line() for _ in range(params.per_user)] for _ in range(params.users)
            ]
            async with Child(*args) as child:
                await fake.wait_polling()
                idle = memory_mb(child.pid)["VmRSS"]
                cold_start = await warm_up(fake, params.users) - child.spawned
                statements = await child.statements()
                calls, polls = len(fake.calls), fake.get_updates
                cpu, parent_cpu = cpu_seconds(child.pid), time.process_time()
                wall, latencies, unexpected = await load(
                    fake, [[line for line, _ in mine] for mine in made]
                )
                cpu = cpu_seconds(child.pid) - cpu
                parent_cpu = time.process_time() - parent_cpu
                # Calls that follow the awaited answer (an edit, say) belong to the load too.
                await asyncio.sleep(SETTLE)
                statements = await child.statements() - statements
                api_calls = dict(Counter(c.method for c in fake.calls[calls:]))
                api_calls[GET_UPDATES] = fake.get_updates - polls
                peak = memory_mb(child.pid)["VmHWM"]
            run = Run(
                kind,
                params.users * params.per_user,
                wall,
                latencies,
                idle,
                peak,
                cpu,
                parent_cpu,
                unexpected,
                statements,
                cold_start,
                api_calls,
            )
            if kind == "bot":  # after the bot stopped: everything it did is committed
                run.stored, run.lost, run.duplicated = await audit(
                    db.url, {phone for mine in made for _, phone in mine}
                )
            return run
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --- results ----------------------------------------------------------------------------


def _q(xs: list[float], q: int) -> float:
    """The q-th percentile in ms, interpolated between observed values."""
    return statistics.quantiles([x * 1000 for x in xs], n=100, method="inclusive")[q - 1]


def spread(xs: list[float]) -> dict[str, float]:
    """The median of the runs and their range."""
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs)}


FIGURES = (
    "entries_per_s",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "max_ms",
    "rss_idle_mb",
    "rss_peak_mb",
    "cold_start_s",
    "cpu_ms_per_household",
    "cpu_share",
    "load_generator_cpu_share",
    "statements_per_household",
)


def summarise(params: Params, runs: list[Run]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "params": {
            **asdict(params),
            "clock": NOW.isoformat(),
            "messages_per_second": MESSAGES_PER_SECOND,
            "database": "postgresql" if params.database_url else "sqlite",
        }
    }
    if params.database_url:  # no credentials in the results
        result["params"]["database_url"] = make_url(params.database_url).render_as_string()
    for kind in KINDS:
        mine = [r for r in runs if r.kind == kind]
        per_run: list[dict[str, Any]] = [
            {
                "entries_per_s": r.entries / r.wall_s,
                "wall_s": r.wall_s,
                "p50_ms": _q(r.latencies, 50),
                "p95_ms": _q(r.latencies, 95),
                "p99_ms": _q(r.latencies, 99),
                "max_ms": max(r.latencies) * 1000,
                "rss_idle_mb": r.rss_idle_mb,
                "rss_peak_mb": r.rss_peak_mb,
                "cold_start_s": r.cold_start_s,
                "cpu_ms_per_household": r.cpu_s / r.entries * 1000,
                "cpu_share": r.cpu_s / r.wall_s,
                "load_generator_cpu_share": r.parent_cpu_s / r.wall_s,
                "statements": r.statements,
                "statements_per_household": r.statements / r.entries,
                "api_calls": r.api_calls,
                "api_calls_per_household": {m: n / r.entries for m, n in r.api_calls.items()},
                "entries_sent": r.entries,
                "entries_stored": r.stored,
                "lost": r.lost,
                "duplicated": r.duplicated,
                "unexpected_messages": r.unexpected[:20],
            }
            for r in mine
        ]
        ranges = {key: spread([float(p[key]) for p in per_run]) for key in FIGURES}
        methods = sorted({m for p in per_run for m in p["api_calls"]})
        calls = {
            m: spread([float(p["api_calls_per_household"].get(m, 0)) for p in per_run])
            for m in methods
        }
        result[kind] = {
            **{key: v["median"] for key, v in ranges.items()},
            "ranges": ranges,
            "api_calls_per_household": calls,
            "runs": per_run,
        }
    echo, bot = result["echo"]["runs"], result["bot"]["runs"]
    result["bot"]["lost"] = sum(int(r["lost"]) for r in bot)
    result["bot"]["duplicated"] = sum(int(r["duplicated"]) for r in bot)
    result["ratio"] = result["bot"]["entries_per_s"] / result["echo"]["entries_per_s"]
    # Each run's pair was measured minutes apart at most: steadier when the machine is busy.
    result["ratio_runs"] = [
        b["entries_per_s"] / e["entries_per_s"] for e, b in zip(echo, bot, strict=True)
    ]
    result["cpu_ratio_runs"] = [
        b["cpu_ms_per_household"] / e["cpu_ms_per_household"]
        for e, b in zip(echo, bot, strict=True)
    ]
    result["cpu_ratio"] = spread(result["cpu_ratio_runs"])  # ours/echo, CPU per household
    for key in ("rss_idle_mb", "cold_start_s"):  # ours/echo, each run's pair
        result[f"{key}_ratio"] = spread([b[key] / e[key] for e, b in zip(echo, bot, strict=True)])
    result["goal"] = f"bot/echo throughput ≥ {GOAL} on SQLite"
    result["goal_met"] = result["ratio"] >= GOAL if not params.database_url else None
    return result


def _cell(r: dict[str, float], digits: int) -> str:
    """median (min–max)"""
    return f"{r['median']:.{digits}f} ({r['min']:.{digits}f}–{r['max']:.{digits}f})"


def _print(result: dict[str, Any]) -> None:
    p = result["params"]
    print(
        f"Telegram long polling against a local fake Bot API: {p['users']} officers × "
        f"{p['per_user']} households, closed loop, {p['database']}; our rate limiter raised to "
        f"{p['messages_per_second']:.0f} msg/s so Telegram's pacing is not the limit."
    )
    print(
        f"Medians of {p['runs']} runs (min–max); per household = over the load, divided by "
        "the households sent."
    )
    rows: list[tuple[str, str, int, float]] = [  # label, figure, digits, scale
        ("households/s", "entries_per_s", 1, 1),
        ("latency p50 ms", "p50_ms", 0, 1),
        ("latency p95 ms", "p95_ms", 0, 1),
        ("latency p99 ms", "p99_ms", 0, 1),
        ("RSS idle MB", "rss_idle_mb", 1, 1),
        ("RSS peak MB", "rss_peak_mb", 1, 1),
        ("cold start to 1st reply s", "cold_start_s", 2, 1),
        ("CPU ms/household", "cpu_ms_per_household", 2, 1),
        ("CPU % of one core", "cpu_share", 0, 100),
        ("SQL statements/household", "statements_per_household", 2, 1),
    ]
    width = 30
    print(f"{'':<{width}}{'echo':<26}ours")
    for label, key, digits, scale in rows:
        cells = []
        for kind in KINDS:
            r = {k: v * scale for k, v in result[kind]["ranges"][key].items()}
            no_database = kind == "echo" and key.startswith("statements")
            cells.append("—" if no_database else _cell(r, digits))
        print(f"{label:<{width}}{cells[0]:<26}{cells[1]}")
    print("Bot API calls/household")
    methods = sorted(
        {m for kind in KINDS for m in result[kind]["api_calls_per_household"]},
        key=lambda m: (m == GET_UPDATES, m),
    )
    for m in methods:
        cells = [
            _cell(result[k]["api_calls_per_household"][m], 2)
            if m in result[k]["api_calls_per_household"]
            else "0"
            for k in KINDS
        ]
        label = f"  {m}" + (" (long polls)" if m == GET_UPDATES else "")
        print(f"{label:<{width}}{cells[0]:<26}{cells[1]}")
    print(
        "CPU = the bot process's user + system time (/proc/<pid>/stat); the fake server and "
        "the simulated users took "
        + ", ".join(
            f"{result[k]['load_generator_cpu_share'] * 100:.0f}% with {name}"
            for k, name in zip(KINDS, ("echo", "ours"), strict=True)
        )
        + f" of one core ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end)"
    )
    bot = result["bot"]
    sent = sum(int(r["entries_sent"]) for r in bot["runs"])
    stored = sum(int(r["entries_stored"]) for r in bot["runs"])
    print(
        f"ours: {sent} households sent, {stored} entries stored, lost {bot['lost']}, "
        f"duplicated {bot['duplicated']}"
    )
    odd = sum(len(r["unexpected_messages"]) for k in KINDS for r in result[k]["runs"])
    if odd:
        print(f"{odd} unexpected messages (see the JSON)")
    verdict = {True: "met", False: "NOT met", None: "this run is not on SQLite"}
    print(
        f"CPU per household ours/echo {_cell(result['cpu_ratio'], 2)} (goal ≤ 3 on SQLite, "
        "≤ 3.5 on PostgreSQL), per run " + ", ".join(f"{x:.2f}" for x in result["cpu_ratio_runs"])
    )
    print(
        f"idle RSS ours/echo {_cell(result['rss_idle_mb_ratio'], 2)} (goal ≤ 2), cold start "
        f"ours/echo {_cell(result['cold_start_s_ratio'], 2)} (goal ≤ 3)"
    )
    print(
        f"throughput ours/echo {result['ratio']:.2f}, per run "
        + ", ".join(f"{x:.2f}" for x in result["ratio_runs"])
        + f" (goal ≥ {GOAL} on SQLite: {verdict[result['goal_met']]})"
    )


def compile_bytecode() -> None:
    """Our packages' bytecode, as an installed bot has it after its first start. Without
    it (this machine sets PYTHONDONTWRITEBYTECODE=1, so none is ever written) each start
    compiles our 160 modules from source, about 0.3 s, while the echo bot's libraries come
    precompiled from their install."""
    for package in ("bot", "handlers", "models", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)


async def run(params: Params) -> dict[str, Any]:
    compile_bytecode()
    households = Households()
    runs: list[Run] = []
    for _ in range(params.runs):
        for kind in KINDS:
            runs.append(await one_run(kind, params, households))
    return summarise(params, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=50, help="officers sending at once")
    parser.add_argument("--per-user", type=int, default=10, help="households per officer")
    parser.add_argument("--runs", type=int, default=3, help="runs of each bot (medians, range)")
    parser.add_argument(
        "--database-url",
        default=None,
        help="postgresql+asyncpg://user@host/db: each run creates a fresh "
        "database on that server (connecting to db) and drops it; "
        "default: a temporary SQLite file",
    )
    parser.add_argument(
        "--pg-prefix",
        default=PG_PREFIX,
        help=f"name prefix of the PostgreSQL databases the runs create (default {PG_PREFIX})",
    )
    args = parser.parse_args()
    params = Params(args.users, args.per_user, args.runs, args.database_url, args.pg_prefix)
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,40}", params.pg_prefix):
        parser.error("--pg-prefix: lower-case letters, digits and _ (a PostgreSQL name)")
    if min(params.users, params.per_user, params.runs) < 1:
        parser.error("--users, --per-user and --runs must be at least 1")
    if 2 * params.users * params.per_user * params.runs > 1_000_000:
        parser.error("at most a million households in all (the phone numbers run out)")
    if args.database_url and make_url(args.database_url).drivername != "postgresql+asyncpg":
        parser.error("--database-url must be a postgresql+asyncpg:// URL")
    result = asyncio.run(run(params))
    _print(result)
    write_result("chat_throughput", result)


if __name__ == "__main__":
    main()
