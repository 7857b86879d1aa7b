"""One of several bot processes sharing one database (driven by tests/test_processes.py).

    python -m tests.multiproc_worker CONFIG NOW TASK INPUT OUTPUT

It builds the real runtime from the config file, writes OUTPUT.ready, waits for OUTPUT.go
(so both processes start their work at the same moment), does TASK and writes what it did
to OUTPUT as JSON:

- messages: INPUT lists messages per person; each person's messages are handled in order,
  people side by side, through the real core. Output: delivery key → reply texts.
- weekly: the weekly summary run, with a transport that takes 20 ms per message. Output: the
  external ids it sent to.
- cards: INPUT {"batch": id, "callers": [user ids]}; each caller takes a card, waits, records
  "confirmed" in a second transaction, and repeats until none is left. Output: [caller, check].
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
from handlers.io import PRIVATE, Inbound
from models.checks import next_card, record_outcome
from models.people import User
from models.verification import Check, Outcome

LEASE = timedelta(minutes=30)


async def _messages(runtime: Runtime, people: dict[str, list[dict[str, str]]]) -> Any:
    replies: dict[str, list[str]] = {}

    async def person(external_id: str, messages: list[dict[str, str]]) -> None:
        for m in messages:
            got = await runtime.core.handle(Inbound(
                channel="console", user_id=external_id, chat_id=external_id,
                chat_type=PRIVATE, text=m["text"], delivery_key=m["key"]))
            replies[m["key"]] = [r.text for r in got]

    await asyncio.gather(*(person(who, ms) for who, ms in people.items()))
    return replies


async def _weekly(runtime: Runtime) -> Any:
    sent: list[str] = []

    async def deliver(external_id: str, _text: str) -> Sent:
        await asyncio.sleep(0.02)  # a network round trip: widens any race
        sent.append(external_id)
        return Sent.SENT

    await Notifier(runtime.services, "console", deliver).run_weekly()
    return sent


async def _cards(runtime: Runtime, batch_id: int, callers: list[int]) -> Any:
    taken: list[tuple[int, int]] = []
    now = runtime.services.clock.now()

    async def caller(user_id: int) -> None:
        while True:
            async with runtime.services.sessions() as session, session.begin():
                check = await next_card(session, batch_id=batch_id, caller_id=user_id,
                                        now=now, lease=LEASE)
                if check is None:
                    return
                check_id = check.id
            taken.append((user_id, check_id))
            await asyncio.sleep(0.005)  # the caller dials the household
            async with runtime.services.sessions() as session, session.begin():
                card = await session.get(Check, check_id)
                me = await session.get(User, user_id)
                assert card is not None and me is not None
                await record_outcome(session, check=card, caller=me, outcome=Outcome.CONFIRMED,
                                     now=now, max_attempts=3, retry_after=timedelta(hours=1),
                                     lease=LEASE)

    await asyncio.gather(*(caller(c) for c in callers))
    return taken


def _wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.005)


async def work(config: str, now: str, task: str, data: Any, out: Path) -> Any:
    runtime = build_runtime(load_settings(config), FixedClock(datetime.fromisoformat(now)))
    try:
        async with runtime.services.sessions() as session:
            await session.get(User, 0)  # connect before the start signal
        out.with_suffix(".ready").touch()
        await asyncio.to_thread(_wait_for, out.with_suffix(".go"))
        if task == "messages":
            return await _messages(runtime, data)
        if task == "weekly":
            return await _weekly(runtime)
        if task == "cards":
            return await _cards(runtime, data["batch"], data["callers"])
        raise SystemExit(f"unknown task {task}")
    finally:
        await runtime.close()


def main(config: str, now: str, task: str, source: str, output: str) -> None:
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    out = Path(output)
    result = asyncio.run(work(config, now, task, data, out))
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:6])
