"""The Zalo channel end to end, long polling and webhook, against the core in the same run.

A fresh, migrated SQLite file (a temporary directory, removed afterwards) with the example
configuration's hamlets and procedures and `--users` officers created directly in the
database, each with a Zalo identity; the clock is fixed at 15/10/2026 10:00 in Vietnam.
Two workloads of `--n` messages each, spread over the users:

- `/help` (one transaction, the delivery key, the user lookup, no domain writes);
- household entries: the one-line form "Tên; Tổ N; 09…; 1", stored at once,
  two messages per household (`--n` / 2 households), each with a unique phone.

Each workload goes, in this order and `--runs` times over:

- core, one at a time: `runtime.core.handle(Inbound(channel="zalo", ...))` called directly,
  sequentially (the baseline, as in bench/entry_throughput.py);
- core, all users at once: the same calls, every user in their own task, each user's
  messages in order (what the transport adds is the channel figures minus these);
- Zalo long polling: the bot started as `python -m bot run` does (bot.serve) against the
  fake Zalo Bot API server (tests/support/zalo_fake.py, real HTTP on 127.0.0.1); each update
  is pushed to the fake, the bot's getUpdates loop takes it (ONE update per call, as on Zalo),
  the adapter runs it through the core in its per-chat queue and sends the replies back with
  sendMessage;
- Zalo webhook: the bot started in webhook mode; each update is POSTed to its webhook with
  the secret (tests/support/zalo_fake.WebhookPusher), all users at once.

A user sends their next message only once the previous one is fully answered (as a person
in a chat does), so at most `--users` messages are in flight. Latency is per message: for
the channels, from just before the push (or the POST) to the moment the fake server
accepted the last reply's sendMessage (`ZSent.at`); for the core, the `handle` call.
Throughput is messages over the wall time of the whole workload. Users send without
pausing, so the bot is saturated: latencies are service plus queueing times (with 20 users
in flight, at best 20 / throughput on average). Every user sends one untimed `/help` first
(connections, caches). Also timed, once per run: `getUpdates` alone, `--n` calls by the
bot's own client (bot.channels.zalo_api) with updates already waiting in the fake, the
ceiling of long polling on this machine whatever the bot does with the updates.

The bot, the fake server and the senders share one process and one event loop, so the
fake's and the senders' HTTP work is counted against the bot, and the channels mostly use
one core (the SQLite calls run in aiosqlite's threads).

Reading it: the "core, users at once" row is what the channels are up against; the
channel rows minus it are the transport. With several users at once, SQLite's write lock
(BEGIN IMMEDIATE, waited out by SQLite's sleeping busy handler rather than in a queue)
makes the tails: p95/max in seconds for some users while others get through.

Results go to bench/results/zalo_speed.json (gitignored).

Run: python -m bench.zalo_speed [--n 200] [--users 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.report_speed import FAMILY, GIVEN, MIDDLE, NOW, _stats, write_result
from bot import serve
from bot.channels.base import route_of
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import ZaloApi
from bot.clock import FixedClock
from bot.config import Settings, load_settings
from bot.db import upgrade
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.engine.messages import PRIVATE, Inbound
from models.campaign import Hamlet
from models.households import Entry
from models.people import Identity, Role, User
from tests.support.zalo_fake import TOKEN, FakeZalo, WebhookPusher
from tests.support.zalo_harness import SECRET, zalo_settings

ROOT = Path(__file__).resolve().parent.parent
MODES = ("core_serial", "core_concurrent", "polling", "webhook")
WORKLOADS = ("help", "entry")
LABELS = {
    "core_serial": "core, one at a time",
    "core_concurrent": "core, users at once",
    "polling": "Zalo long polling",
    "webhook": "Zalo webhook",
}
# What each kind of message must be answered with (checked on every reply).
EXPECT = {"help": "/them", "line": "Đã lưu hộ"}


@dataclass(frozen=True)
class Params:
    n: int  # messages per workload and run
    users: int
    runs: int


@dataclass(frozen=True)
class Message:
    text: str
    kind: str  # a key of EXPECT


# A sender: one message from one user in; the reply texts and the latency (s) out.
Send = Callable[[str, Message], Awaitable[tuple[list[str], float]]]


class Households:
    """Household lines that never repeat a phone number or a name with its address."""

    def __init__(self) -> None:
        self.made = 0

    def line(self) -> str:
        k = self.made
        self.made += 1
        name = (
            f"{FAMILY[k % len(FAMILY)]} {MIDDLE[k // len(FAMILY) % len(MIDDLE)]} "
            f"{GIVEN[k // (len(FAMILY) * len(MIDDLE)) % len(GIVEN)]}"
        )
        return f"{name}; Tổ {k % 12 + 1}; 0912{k:06d}; 1"


def scripts(workload: str, params: Params, households: Households) -> list[list[Message]]:
    """Each user's messages, in order: `n` messages in all, spread evenly."""
    per_user: list[list[Message]] = [[] for _ in range(params.users)]
    if workload == "help":
        for i in range(params.n):
            per_user[i % params.users].append(Message("/help", "help"))
    else:
        for i in range(params.n):  # one message per household, stored at once
            per_user[i % params.users].append(Message(households.line(), "line"))
    return per_user


def zalo_id(k: int) -> str:
    return f"{k + 1:04d}" + "5e1f0a2b3c4d5e6f"  # 20 characters, like Zalo's opaque ids


# --- setup ------------------------------------------------------------------------------


async def prepare(tmp: Path, users: int) -> tuple[Settings, Runtime]:
    """A migrated database, the configuration synced, `users` officers with Zalo ids."""
    settings = load_settings(ROOT / "config.example.toml")
    settings = replace(
        settings, database_url=f"sqlite+aiosqlite:///{tmp / 'bench.sqlite3'}", data_dir=tmp / "data"
    )
    await asyncio.to_thread(upgrade, settings.database_url)
    rt = build_runtime(settings, FixedClock(NOW))
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
                Identity(user_id=u.id, channel="zalo", external_id=zalo_id(k), created_at=NOW)
                for k, u in enumerate(officers)
            ]
        )
    return settings, rt


class BenchZalo(ZaloChannel):
    """The real adapter, plus a future per message resolved once it is fully handled (its
    replies sent). Lighter than tests' InstrumentedZalo, whose shared condition would wake
    every waiting sender on every message, which the bench would then measure."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.waiting: dict[str, asyncio.Future[None]] = {}

    def expect(self, key: str) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting[key] = future
        return future

    async def _handle(self, key: str, inbound: Inbound, text: bool) -> None:
        try:
            await super()._handle(key, inbound, text)
        finally:
            future = self.waiting.pop(inbound.delivery_key, None)
            if future is not None and not future.done():
                future.set_result(None)


# --- senders ----------------------------------------------------------------------------


def core_sender(rt: Runtime) -> Send:
    async def send(user: str, message: Message) -> tuple[list[str], float]:
        t0 = time.perf_counter()
        replies = await rt.core.handle(
            Inbound(
                channel="zalo",
                user_id=user,
                chat_id=user,
                chat_type=PRIVATE,
                text=message.text,
                delivery_key=uuid.uuid4().hex,
            )
        )
        took = time.perf_counter() - t0
        return [r.text + "".join(f"\n{o.label}" for o in r.options) for r in replies], took

    return send


def channel_sender(
    fake: FakeZalo, channel: BenchZalo, post: Callable[[dict[str, Any]], Awaitable[int]] | None
) -> Send:
    """Through the fake Zalo server: pushed to its getUpdates queue, or POSTed by `post`."""

    async def send(user: str, message: Message) -> tuple[list[str], float]:
        update = fake.text_update(user, message.text)
        done = channel.expect(update["message"]["message_id"])
        start = len(fake.sent)  # this user's earlier messages are all answered by now
        t0 = time.monotonic()  # the clock of ZSent.at
        if post is None:
            fake.push(update)
        else:
            status = await post(update)
            if status != 200:
                raise AssertionError(f"webhook answered HTTP {status}")
        async with asyncio.timeout(30):
            await done
        mine = [s for s in fake.sent[start:] if s.chat_id == user]
        if not mine:
            raise AssertionError(f"no reply to {message.text!r}")
        return [s.text for s in mine], max(s.at for s in mine) - t0

    return send


# --- driving ----------------------------------------------------------------------------


@dataclass
class Outcome:
    wall_s: float
    latencies: list[float]


async def drive(send: Send, per_user: list[list[Message]], *, together: bool) -> Outcome:
    """Every user's messages in order, the users side by side (or one after another)."""
    latencies: list[float] = []

    async def one_user(k: int, messages: list[Message]) -> None:
        for message in messages:
            texts, latency = await send(zalo_id(k), message)
            reply = "\n".join(texts)
            if EXPECT[message.kind] not in reply:
                raise AssertionError(f"{message.text!r} got {reply[:300]!r}")
            latencies.append(latency)

    t0 = time.perf_counter()
    if together:
        async with asyncio.TaskGroup() as group:
            for k, messages in enumerate(per_user):
                group.create_task(one_user(k, messages))
    else:
        # Interleaved, as the users' messages would arrive: each user's in order.
        order = [
            (k, ms[i])
            for i in range(max(map(len, per_user), default=0))
            for k, ms in enumerate(per_user)
            if i < len(ms)
        ]
        for k, message in order:
            await one_user(k, [message])
    return Outcome(time.perf_counter() - t0, latencies)


async def warm_up(send: Send, users: int) -> None:
    await drive(send, [[Message("/help", "help")] for _ in range(users)], together=True)


async def workloads(
    send: Send, params: Params, households: Households, *, together: bool
) -> dict[str, Outcome]:
    await warm_up(send, params.users)
    return {
        w: await drive(send, scripts(w, params, households), together=together) for w in WORKLOADS
    }


async def get_updates_alone(n: int) -> list[float]:
    """`n` getUpdates round trips with an update waiting each time: nothing else runs."""
    times: list[float] = []
    async with FakeZalo() as fake:
        api = ZaloApi(TOKEN, base_url=fake.base_url)
        try:
            for k in range(n):
                fake.push(fake.text_update(zalo_id(k), "/help"))
            await api.get_updates(1)  # the connection is opened outside the timing
            for _ in range(n - 1):
                t0 = time.perf_counter()
                if await api.get_updates(1) is None:
                    raise AssertionError("getUpdates came back empty")
                times.append(time.perf_counter() - t0)
        finally:
            await api.aclose()
    return times


async def over_zalo(
    settings: Settings, params: Params, households: Households, *, webhook: bool
) -> tuple[dict[str, Outcome], int]:
    """One start of the bot against a fresh fake server; also the getUpdates calls made."""
    async with FakeZalo() as fake:
        on_zalo = zalo_settings(settings, fake, webhook=webhook)
        running = await serve.start(
            on_zalo, clock=FixedClock(NOW), factories={"zalo": BenchZalo}, schedule=False
        )
        pusher: WebhookPusher | None = None
        try:
            channel = running.channels["zalo"]
            assert isinstance(channel, BenchZalo)
            post = None
            if webhook:
                assert running.http is not None
                path = route_of(on_zalo.webhook_url("zalo"), "/zalo/webhook")
                pusher = WebhookPusher(f"http://127.0.0.1:{running.http.port}{path}", SECRET)
                post = pusher.push
            else:
                await fake.wait_polling()
            polls = sum(method == "getUpdates" for method, _ in fake.calls)
            send = channel_sender(fake, channel, post)
            outcome = await workloads(send, params, households, together=True)
            polls = sum(method == "getUpdates" for method, _ in fake.calls) - polls
        finally:
            if pusher is not None:
                await pusher.close()
            await serve.stop(running)
    return outcome, polls


# --- the run ----------------------------------------------------------------------------


async def run(params: Params) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="zalo_speed-"))
    households = Households()
    got: dict[str, dict[str, list[Outcome]]] = {m: {w: [] for w in WORKLOADS} for m in MODES}
    polls: list[int] = []
    round_trips: list[list[float]] = []
    try:
        settings, rt = await prepare(tmp, params.users)
        try:
            for _ in range(params.runs):
                by_mode = {
                    "core_serial": await workloads(
                        core_sender(rt), params, households, together=False
                    ),
                    "core_concurrent": await workloads(
                        core_sender(rt), params, households, together=True
                    ),
                }
                by_mode["polling"], calls = await over_zalo(
                    settings, params, households, webhook=False
                )
                polls.append(calls)
                round_trips.append(await get_updates_alone(params.n))
                by_mode["webhook"], _ = await over_zalo(settings, params, households, webhook=True)
                for mode, outcomes in by_mode.items():
                    for workload, outcome in outcomes.items():
                        got[mode][workload].append(outcome)
            async with rt.services.sessions() as session:
                entries = int(await session.scalar(select(func.count()).select_from(Entry)) or 0)
        finally:
            await rt.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if entries != households.made:
        raise AssertionError(f"{households.made} households sent, {entries} entries stored")
    result = summarise(params, got, polls, entries)
    result["get_updates_alone"] = {
        "calls_per_s": statistics.median(len(t) / sum(t) for t in round_trips),
        "calls_per_s_runs": [len(t) / sum(t) for t in round_trips],
        **_stats([x for t in round_trips for x in t]),
    }
    return result


def summarise(
    params: Params, got: dict[str, dict[str, list[Outcome]]], polls: list[int], entries: int
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "params": {**asdict(params), "clock": NOW.isoformat()},
        "entries_stored": entries,
        "polling_get_updates_calls": polls,
    }
    for mode in MODES:
        result[mode] = {}
        for workload in WORKLOADS:
            outcomes = got[mode][workload]
            per_s = [len(o.latencies) / o.wall_s for o in outcomes]
            stats: dict[str, Any] = {
                "msg_per_s": statistics.median(per_s),
                "msg_per_s_runs": per_s,
                **_stats([x for o in outcomes for x in o.latencies]),
            }
            if workload == "entry":
                stats["entries_per_s"] = stats["msg_per_s"] / 2
            result[mode][workload] = stats
    return result


def _print(result: dict[str, Any]) -> None:
    p = result["params"]
    print(
        f"Zalo end to end: {p['n']} messages per workload from {p['users']} users, "
        f"{p['runs']} runs; msg/s median of the runs (range), latency over all runs"
    )
    print(f"{'':<28}{'msg/s':>8}  {'range':<13}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}")
    for workload, title in (("help", "/help"), ("entry", "entry line + “1” to save")):
        print(title)
        base = result["core_serial"][workload]["msg_per_s"]
        for mode in MODES:
            st = result[mode][workload]
            runs = st["msg_per_s_runs"]
            span = f"{min(runs):.0f}–{max(runs):.0f}"
            print(
                f"  {LABELS[mode]:<26}{st['msg_per_s']:8.1f}  {span:<13}{st['p50_ms']:8.1f}"
                f"{st['p95_ms']:8.1f}{st['max_ms']:8.1f}   ×{st['msg_per_s'] / base:.2f}"
            )
    e = {mode: result[mode]["entry"]["entries_per_s"] for mode in MODES}
    print("households/s: " + ", ".join(f"{LABELS[m]} {v:.1f}" for m, v in e.items()))
    calls = result["polling_get_updates_calls"]
    sent = p["n"] + 2 * (p["n"] // 2) + p["users"]  # both workloads and the warm-up
    print(
        f"getUpdates calls per polling run: {', '.join(map(str, calls))} "
        f"for {sent} updates; {result['entries_stored']} entries stored"
    )
    g = result["get_updates_alone"]
    print(
        f"getUpdates alone (an update waiting, nothing else running): "
        f"{g['calls_per_s']:.0f} calls/s, p50 {g['p50_ms']:.1f} ms, p95 {g['p95_ms']:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=200, help="messages per workload and run")
    parser.add_argument("--users", type=int, default=20, help="Zalo users sending")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    params = Params(n=args.n, users=args.users, runs=args.runs)
    if min(asdict(params).values()) < 1 or params.n < 2:
        parser.error("--n must be at least 2, --users and --runs at least 1")
    result = asyncio.run(run(params))
    _print(result)
    write_result("zalo_speed", result)


if __name__ == "__main__":
    main()
