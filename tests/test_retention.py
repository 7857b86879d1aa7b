"""Processed updates' keys are pruned after `chat.delivery_days`: the table stops growing,
and a message redelivered within that time still counts once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot import scheduler
from bot.clock import FixedClock
from bot.notify import Notifier, Outcome
from bot.runtime import Runtime
from handlers.engine.messages import PRIVATE, Inbound, Reply
from models.concurrency import prune_deliveries
from models.records import Delivery
from tests.support.campaign import NOW, make_user


def _help(key: str) -> Inbound:
    return Inbound(
        channel="console",
        user_id="o1",
        chat_id="o1",
        chat_type=PRIVATE,
        text="/help",
        delivery_key=key,
    )


async def _keys(runtime: Runtime) -> set[str]:
    async with runtime.services.sessions() as session:
        return set(await session.scalars(select(Delivery.key)))


async def _nothing(_chat_id: str, _text: str) -> Outcome:
    return Outcome.SENT


async def test_old_delivery_keys_are_pruned_by_the_periodic_job(
    runtime: Runtime, clock: FixedClock
) -> None:
    await make_user(runtime, external_id="o1")
    for days in (45, 31, 29, 0):
        clock.set(NOW - timedelta(days=days))
        replies: list[Reply] = await runtime.core.handle(_help(f"d{days}"))
        assert replies
    clock.set(NOW)
    assert await _keys(runtime) == {f"console:d{d}" for d in (45, 31, 29, 0)}

    jobs = scheduler.build([Notifier(runtime.services, "console", _nothing)], runtime.settings)
    jobs.start(paused=True)
    try:
        prune = jobs.get_job("prune")
        assert prune is not None
        await prune.func()  # what APScheduler runs every hour
    finally:
        jobs.shutdown(wait=False)
    # The default chat.delivery_days is 30.
    assert await _keys(runtime) == {"console:d29", "console:d0"}
    # A redelivery within the retention still changes nothing.
    assert await runtime.core.handle(_help("d29")) == []
    assert await scheduler.prune(runtime.services) == 0


async def test_a_large_backlog_is_pruned_in_batches(runtime: Runtime) -> None:
    old = NOW - timedelta(days=60)
    async with runtime.services.sessions() as session, session.begin():
        session.add_all(Delivery(key=f"telegram:{i}", processed_at=old) for i in range(7))
        session.add(Delivery(key="telegram:new", processed_at=NOW))
    async with runtime.services.sessions() as session, session.begin():
        assert await prune_deliveries(session, NOW - timedelta(days=30), limit=5) == 5
    assert await scheduler.prune(runtime.services) == 2
    async with runtime.services.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 1


async def test_finished_inbox_rows_are_pruned_and_unfinished_kept(
    runtime: Runtime, clock: FixedClock
) -> None:
    from models.records import InboxUpdate

    core = runtime.core
    clock.set(NOW - timedelta(days=40))
    await core.record_inbound(
        "telegram", [("telegram:1:1", {"update_id": 1}), ("telegram:1:2", {"update_id": 2})]
    )
    await core.finish_inbound("telegram:1:1")  # handled 40 days ago
    clock.set(NOW)
    await core.record_inbound("telegram", [("telegram:1:3", {"update_id": 3})])
    await core.finish_inbound("telegram:1:3")  # handled today
    assert await scheduler.prune(runtime.services) >= 1
    async with runtime.services.sessions() as session:
        left = set(await session.scalars(select(InboxUpdate.key)))
    # The old finished one went; an unfinished one stays whatever its age.
    assert left == {"telegram:1:2", "telegram:1:3"}
