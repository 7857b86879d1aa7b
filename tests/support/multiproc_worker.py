"""One of several bot processes sharing one database (driven by tests/test_processes.py).

    python -m tests.support.multiproc_worker CONFIG NOW TASK INPUT OUTPUT [PEER_OUTPUT…]

It builds the real runtime from the config file, writes OUTPUT.ready, waits for OUTPUT.go
(so both processes start their work at the same moment), does TASK and writes what it did
to OUTPUT as JSON:

- messages: INPUT lists messages per person; each person's messages are handled in order,
  people side by side, through the real core. Output: delivery key → reply texts.
- weekly: the weekly summary run, with a transport that takes 20 ms per message. Output: the
  external ids it sent to.
- cards: INPUT {"batch": id, "callers": [user ids]}; each caller takes a card, waits, records
  "confirmed" in a second transaction, and repeats until none is left. Output: [caller, check].

weekly and cards meet at a second barrier: once a process has claimed its first summary
(or card) it writes OUTPUT.working and goes on only when every PEER_OUTPUT.working exists.
Each process therefore holds a claim while the others claim theirs: a test's "both did
some of the work" is established, not left to how the processes happened to be scheduled.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.clock import FixedClock
from bot.config import load_settings
from bot.notify import Notifier
from bot.notify import Outcome as Sent
from bot.runtime import Runtime, build_runtime
from handlers.engine.messages import PRIVATE, Inbound
from models.checks import next_card, record_outcome
from models.people import User
from models.verification import Check, Outcome

LEASE = timedelta(minutes=30)
BARRIER_SECONDS = 60.0  # a peer that never claims anything has failed: say so, never hang


class Rendezvous:
    """The barrier every process reaches while holding its first claim (see the module's
    docstring). Claims are committed before `reached` is awaited, so a waiting process
    blocks no one: the others can always claim something else."""

    def __init__(self, out: Path, peers: list[Path]) -> None:
        self._mine = out.with_suffix(".working")
        self._theirs = [peer.with_suffix(".working") for peer in peers]
        self._met = False

    async def reached(self) -> None:
        if self._met:
            return
        self._mine.touch()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + BARRIER_SECONDS
        while not all(path.exists() for path in self._theirs):
            if loop.time() > deadline:
                missing = [str(path) for path in self._theirs if not path.exists()]
                raise SystemExit(f"no peer claim within {BARRIER_SECONDS} s: {missing}")
            await asyncio.sleep(0.005)
        self._met = True


async def _messages(runtime: Runtime, people: dict[str, list[dict[str, str]]]) -> Any:
    replies: dict[str, list[str]] = {}

    async def person(external_id: str, messages: list[dict[str, str]]) -> None:
        for m in messages:
            got = await runtime.core.handle(
                Inbound(
                    channel="console",
                    user_id=external_id,
                    chat_id=external_id,
                    chat_type=PRIVATE,
                    text=m["text"],
                    delivery_key=m["key"],
                )
            )
            replies[m["key"]] = [r.text for r in got]

    await asyncio.gather(*(person(who, ms) for who, ms in people.items()))
    return replies


async def _weekly(runtime: Runtime, barrier: Rendezvous) -> Any:
    sent: list[str] = []

    async def deliver(external_id: str, _text: str) -> Sent:
        await barrier.reached()  # called once the summary's claim is committed
        await asyncio.sleep(0.02)  # a network round trip: widens any race
        sent.append(external_id)
        return Sent.SENT

    await Notifier(runtime.services, "console", deliver).run_weekly()
    return sent


async def _cards(runtime: Runtime, batch_id: int, callers: list[int], barrier: Rendezvous) -> Any:
    taken: list[tuple[int, int]] = []
    now = runtime.services.clock.now()

    async def caller(user_id: int) -> None:
        while True:
            async with runtime.services.sessions() as session, session.begin():
                check = await next_card(
                    session, batch_id=batch_id, caller_id=user_id, now=now, lease=LEASE
                )
                if check is None:
                    return
                check_id = check.id
            taken.append((user_id, check_id))
            await barrier.reached()
            await asyncio.sleep(0.005)  # the caller dials the household
            async with runtime.services.sessions() as session, session.begin():
                card = await session.get(Check, check_id)
                me = await session.get(User, user_id)
                assert card is not None and me is not None
                await record_outcome(
                    session,
                    check=card,
                    caller=me,
                    outcome=Outcome.CONFIRMED,
                    now=now,
                    max_attempts=3,
                    retry_after=timedelta(hours=1),
                    lease=LEASE,
                )

    await asyncio.gather(*(caller(c) for c in callers))
    return taken


def _wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.005)


async def work(config: str, now: str, task: str, data: Any, out: Path, peers: list[Path]) -> Any:
    runtime = build_runtime(load_settings(config), FixedClock(datetime.fromisoformat(now)))
    try:
        async with runtime.services.sessions() as session:
            await session.get(User, 0)  # connect before the start signal
        out.with_suffix(".ready").touch()
        await asyncio.to_thread(_wait_for, out.with_suffix(".go"))
        if task == "messages":
            return await _messages(runtime, data)
        barrier = Rendezvous(out, peers)
        if task == "weekly":
            return await _weekly(runtime, barrier)
        if task == "cards":
            return await _cards(runtime, data["batch"], data["callers"], barrier)
        raise SystemExit(f"unknown task {task}")
    finally:
        await runtime.close()


def main(config: str, now: str, task: str, source: str, output: str, *peers: str) -> None:
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    out = Path(output)
    result = asyncio.run(work(config, now, task, data, out, [Path(p) for p in peers]))
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
