"""SQLite for SQLAlchemy's asyncio engine, run on the event loop's own thread.

aiosqlite hands every call (execute, each fetch, commit) to a worker thread and wakes the
loop when it is done: two thread switches per call, about 0.2 ms of CPU for work SQLite
does in microseconds, and most of a logged household's CPU (issue 22). Here the standard
`sqlite3` module is called directly. What could make that block the loop is handled:

- waiting for the write lock: the busy timeout is short; while another process holds the
  lock, the statement is retried after an asynchronous sleep (other chats go on), up to
  the timeout the connection asked for;
- long statements (reports, exports, the weekly summary): only work marked short runs on
  the loop (`models.offload.on_loop`); everything else goes to a worker thread, as with
  aiosqlite.

Within one process, writers already queue on the core's lock (handlers.engine.core).
The URL keeps its `sqlite+aiosqlite://` form: `create_engine` (bot.db) picks this driver.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import deque
from collections.abc import Awaitable, Callable, Generator, Iterator, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.engine.interfaces import AdaptedConnection
from sqlalchemy.util.concurrency import await_

from models.offload import runs_on_loop

T = TypeVar("T")

# How long SQLite itself waits for a lock before handing control back to the loop.
SPIN_MS = 5
# Between retries: short at first (a writer's transaction takes milliseconds), then longer.
BACKOFF = (0.002, 0.005, 0.01, 0.02, 0.05)


class _Ready(Awaitable[None]):
    """An awaitable that is done at once."""

    def __await__(self) -> Generator[Any, None, None]:
        return (yield from ())


_READY = _Ready()


def _locked(error: sqlite3.OperationalError) -> bool:
    return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class InlineCursor:
    """The DBAPI cursor SQLAlchemy's async adapter layer expects, without the awaits. As
    that layer does, a query's rows are read in full when it runs: no statement is left
    open on the connection (holding a read snapshot) while the caller takes its time."""

    server_side = False

    def __init__(self, connection: InlineConnection) -> None:
        self._connection = connection
        self._cursor = connection.driver.cursor()
        self._rows: deque[Any] = deque()
        self.description: Any = None

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    def _run(self, call: Callable[..., Any], *args: Any) -> None:
        def run_and_read() -> list[Any]:
            call(*args)
            return self._cursor.fetchall() if self._cursor.description else []

        rows = self._connection.run(run_and_read)
        self.description = self._cursor.description
        self._rows = deque(rows)

    def execute(self, operation: str, parameters: Any = None) -> None:
        if parameters is None:
            self._run(self._cursor.execute, operation)
        else:
            self._run(self._cursor.execute, operation, parameters)

    def executemany(self, operation: str, seq_of_parameters: Sequence[Any]) -> None:
        self._run(self._cursor.executemany, operation, seq_of_parameters)

    def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    def fetchmany(self, size: int | None = None) -> list[Any]:
        rows = self._rows
        return [rows.popleft() for _ in range(min(size or self.arraysize, len(rows)))]

    def fetchall(self) -> list[Any]:
        rows = list(self._rows)
        self._rows.clear()
        return rows

    def __iter__(self) -> Iterator[Any]:
        while self._rows:
            yield self._rows.popleft()

    def setinputsizes(self, *_: Any) -> None:
        return None

    async def _async_soft_close(self) -> None:
        return None  # the rows are read already; SQLAlchemy's async results call this

    def close(self) -> None:
        self._rows.clear()
        self._cursor.close()

    def __enter__(self) -> InlineCursor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class InlineConnection(AdaptedConnection):
    """A `sqlite3` connection as SQLAlchemy's asyncio engine uses a driver connection."""

    __slots__ = ("_wait_s", "dbapi", "driver")

    def __init__(self, dbapi: InlineDBAPI, driver: sqlite3.Connection, wait_s: float) -> None:
        self.dbapi = dbapi
        self.driver = driver
        self._connection = cast(Any, driver)  # what SQLAlchemy hands out as the driver's
        self._wait_s = wait_s

    def run(self, call: Callable[..., T], *args: Any) -> T:
        """One driver call: here inside `on_loop()`, else in a worker thread; while the
        database is locked by another process, retried after yielding to the loop."""
        deadline = time.monotonic() + self._wait_s
        attempt = 0
        while True:
            try:
                if not runs_on_loop():
                    return await_(asyncio.to_thread(call, *args))
                # SQLAlchemy checks that a statement of an async engine awaited something:
                # this costs two greenlet switches, not a trip through the event loop.
                await_(_READY)
                return call(*args)
            except sqlite3.OperationalError as error:
                if not _locked(error) or time.monotonic() >= deadline:
                    raise
            await_(asyncio.sleep(BACKOFF[min(attempt, len(BACKOFF) - 1)]))
            attempt += 1

    def cursor(self, server_side: bool = False) -> InlineCursor:
        return InlineCursor(self)

    def execute(self, operation: str, parameters: Any = None) -> InlineCursor:
        cursor = self.cursor()
        cursor.execute(operation, parameters)
        return cursor

    @property
    def isolation_level(self) -> str | None:
        return self.driver.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self.driver.isolation_level = cast(Any, value)

    def set_busy_wait(self, seconds: float) -> None:
        """Wait up to `seconds` for another process's lock, yielding to the loop."""
        self._wait_s = seconds
        self.driver.execute(f"PRAGMA busy_timeout={SPIN_MS}")

    def create_function(self, *args: Any, **kw: Any) -> None:
        self.driver.create_function(*args, **kw)

    def commit(self) -> None:
        self.run(self.driver.commit)

    def rollback(self) -> None:
        self.driver.rollback()

    def close(self) -> None:
        self.driver.close()

    def terminate(self) -> None:
        self.driver.close()


class InlineDBAPI:
    """The module-like object SQLAlchemy's dialect takes as its DBAPI."""

    paramstyle = "qmark"
    has_stop = False

    def __init__(self) -> None:
        self.sqlite = sqlite3
        for name in (
            "DatabaseError",
            "Error",
            "IntegrityError",
            "NotSupportedError",
            "OperationalError",
            "ProgrammingError",
            "InterfaceError",
            "InternalError",
            "DataError",
            "Warning",
            "sqlite_version",
            "sqlite_version_info",
            "PARSE_COLNAMES",
            "PARSE_DECLTYPES",
            "Binary",
        ):
            setattr(self, name, getattr(sqlite3, name))

    def connect(self, *args: Any, **kw: Any) -> InlineConnection:
        kw.pop("async_creator_fn", None)
        # A connection may be used from a worker thread (off_loop), one call at a time.
        kw["check_same_thread"] = False
        timeout = float(kw.pop("timeout", 5.0))
        return InlineConnection(self, sqlite3.connect(*args, **kw), timeout)


class SQLiteDialect_inline(SQLiteDialect_aiosqlite):
    """SQLAlchemy's aiosqlite dialect (SQL, types, pool) over `InlineDBAPI`."""

    supports_statement_cache = True
    has_terminate = True

    @classmethod
    def import_dbapi(cls) -> Any:
        return InlineDBAPI()

    def retrieve_dbapi_version(self, dbapi: Any) -> Any:
        return None

    def get_driver_connection(self, connection: Any) -> Any:
        return connection.driver

    def do_terminate(self, dbapi_connection: Any) -> None:
        dbapi_connection.terminate()
