"""The two database backends the suite runs on: a SQLite file per test, and (when a server is
reachable) a PostgreSQL database per test cloned from a migrated template.

The PostgreSQL pass reads its server from TEST_POSTGRES_URL (`.ci/run` sets it to the server
on 127.0.0.1:5432); without it, or when the server does not answer, those tests are skipped
and the run's header says why.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import asyncpg
from sqlalchemy.engine import URL, make_url

ENV = "TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]  # what the `database_url` fixture is parametrized by
_T = TypeVar("_T")
_counter = itertools.count(1)


def _run(make: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
    # Fixtures may be set up while a test's event loop runs: use a loop of our own.
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(make())
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    value: _T = box["value"]
    return value


class PostgresServer:
    """Creates and drops throwaway databases on one server."""

    def __init__(self, url: str) -> None:
        self.url: URL = make_url(url)
        self.prefix = f"dvc_t{os.getpid()}"

    def db_url(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _dsn(self) -> str:
        return self.url.set(drivername="postgresql").render_as_string(hide_password=False)

    async def _exec(self, *statements: str) -> None:
        conn = await asyncpg.connect(self._dsn(), timeout=5)
        try:
            for statement in statements:
                await conn.execute(statement)
        finally:
            await conn.close()

    def reachable(self) -> str | None:
        """None if the server answers, else the reason it does not."""
        try:
            _run(lambda: self._exec("SELECT 1"))
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            return f"{type(exc).__name__}: {exc}"
        return None

    def create(self, template: str | None = None) -> str:
        name = f"{self.prefix}_{next(_counter)}"
        clause = f" TEMPLATE {template}" if template else ""
        _run(
            lambda: self._exec(
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                f'CREATE DATABASE "{name}"{clause}',
            )
        )
        return name

    def drop(self, name: str) -> None:
        _run(lambda: self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def configured() -> PostgresServer | None:
    url = os.environ.get(ENV, "").strip()
    return PostgresServer(url) if url else None
