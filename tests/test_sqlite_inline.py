"""SQLite on the event loop's thread (bot/sqlite_inline.py, issue 22): a chat message's
statements run on the loop, a command's in a worker thread; while another process holds the
write lock, the message waits without freezing the loop, and is stored once the lock goes;
a lock held past the wait ends in the polite error, with nothing stored."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from bot import db
from bot.runtime import Runtime
from models.households import Household
from tests.support.campaign import make_user
from tests.support.chat import Chat


@pytest.fixture(autouse=True)
def _sqlite_only(database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the SQLite driver; PostgreSQL's is asynchronous itself")


LINE = "Phạm Thị Khóa; Tổ 4; 0912 404 001; 1"


def _path(runtime: Runtime) -> Path:
    database = runtime.engine.url.database
    assert database is not None
    return Path(database)


async def _households(runtime: Runtime) -> int:
    async with runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Household)) or 0)


@pytest.fixture
async def threads(runtime: Runtime) -> AsyncIterator[list[tuple[str, int]]]:
    """(first words of each statement, the thread SQLite ran it in), from SQLite's own
    trace of the connections opened from now on."""
    seen: list[tuple[str, int]] = []

    def traced(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.driver.set_trace_callback(
            lambda sql: seen.append((" ".join(sql.split()[:3]), threading.get_ident()))
        )

    await runtime.engine.dispose()
    event.listen(runtime.engine.sync_engine, "connect", traced)
    yield seen
    event.remove(runtime.engine.sync_engine, "connect", traced)


async def test_a_household_runs_on_the_loop_and_a_report_off_it(
    runtime: Runtime, threads: list[tuple[str, int]]
) -> None:
    assert runtime.engine.url.drivername == f"sqlite+{db.INLINE_DRIVER}"
    await make_user(runtime, external_id="khoa")
    chat = Chat(runtime, "khoa")
    loop_thread = threading.get_ident()
    threads.clear()  # the set-up ran in worker threads, as any work not marked short

    assert "Đã lưu hộ" in await chat.say(LINE)
    assert threads and all(ident == loop_thread for _, ident in threads), threads

    threads.clear()
    await chat.say("/tiendo")
    assert any(ident != loop_thread for _, ident in threads), threads


async def test_another_process_holding_the_lock_does_not_freeze_the_loop(
    runtime: Runtime,
) -> None:
    await make_user(runtime, external_id="khoa")
    chat = Chat(runtime, "khoa")
    holder = sqlite3.connect(_path(runtime), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's write transaction
    try:
        saving = asyncio.create_task(chat.say(LINE))
        # The loop keeps serving others while the message waits for the lock.
        for _ in range(50):
            await asyncio.sleep(0)
        ticks = 0
        while not saving.done() and ticks < 20:
            await asyncio.sleep(0.005)
            ticks += 1
        assert not saving.done() and ticks == 20
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert "Đã lưu hộ" in await saving
    assert await _households(runtime) == 1


async def test_a_lock_held_too_long_ends_politely_with_nothing_stored(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_user(runtime, external_id="khoa")
    await runtime.engine.dispose()  # new connections take the shorter wait below
    monkeypatch.setattr(db, "BUSY_SECONDS", 0.2)
    chat = Chat(runtime, "khoa")
    holder = sqlite3.connect(_path(runtime), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        reply = await chat.say(LINE)
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert "Đã lưu hộ" not in reply and "lỗi" in reply.casefold()
    assert await _households(runtime) == 0
    assert "Đã lưu hộ" in await chat.say(LINE.replace("404 001", "404 002"))
