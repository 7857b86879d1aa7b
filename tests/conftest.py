"""Shared fixtures: a migrated database per test on each backend, a fixed clock, settings,
users. Every test that takes `settings` (or `runtime`) runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.db import upgrade
from bot.runtime import Runtime, build_runtime, sync_from_config
from tests.support.backends import BACKENDS, ENV, PostgresServer, configured
from tests.support.campaign import HAMLETS as HAMLETS
from tests.support.campaign import LONG_AGO as LONG_AGO
from tests.support.campaign import NOW as NOW
from tests.support.campaign import PROCEDURES as PROCEDURES
from tests.support.campaign import SUMMARY_DAY as SUMMARY_DAY
from tests.support.campaign import make_user as make_user
from tests.support.campaign import raw_config as raw_config
from tests.support.cli import InProcess, restored_logging

_PG_REASON = pytest.StashKey[str | None]()


def _postgres_skip_reason(config: pytest.Config) -> str | None:
    if _PG_REASON not in config.stash:
        server = configured()
        config.stash[_PG_REASON] = f"{ENV} is not set" if server is None else server.reachable()
    return config.stash[_PG_REASON]


# Slow, and in a module this change could not edit (tests/test_config.py, being reworked with
# the configuration): move the mark into the module, or run its commands in this process.
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass is `slow` (a database created per test, on a server): `-m "not
    slow"` leaves it out, as it does the tests marked in their modules."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and any(
            value == "postgresql" for value in callspec.params.values()
        )
        if on_postgres:
            item.add_marker(pytest.mark.slow)


def pytest_report_header(config: pytest.Config) -> str:
    reason = _postgres_skip_reason(config)
    if reason is None:
        server = configured()
        assert server is not None
        return f"PostgreSQL pass: on {server.url.render_as_string(hide_password=True)}"
    return f"PostgreSQL pass: SKIPPED ({reason}); only SQLite is tested"


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    # Also under -q, which hides the header: a run always says whether PostgreSQL was tested.
    reason = _postgres_skip_reason(config)
    if reason is not None:
        terminalreporter.write_line(f"PostgreSQL pass SKIPPED: {reason}", yellow=True)
    else:
        terminalreporter.write_line(pytest_report_header(config))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrations run once; each test copies the migrated file (fast and still real)."""
    path = tmp_path_factory.mktemp("template") / "bot.sqlite3"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres(request: pytest.FixtureRequest) -> PostgresServer:
    reason = _postgres_skip_reason(request.config)
    server = configured()
    if reason is not None or server is None:
        pytest.skip(f"PostgreSQL pass skipped: {reason}")
    return server


@pytest.fixture(scope="session")
def pg_template(postgres: PostgresServer) -> Iterator[str]:
    """One migrated database per run; each test gets a copy (CREATE DATABASE … TEMPLATE)."""
    name = postgres.create()
    upgrade(postgres.db_url(name))
    yield name
    postgres.drop(name)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("template_db")
        shutil.copy(template, tmp_path / "bot.sqlite3")
        yield f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create(template=request.getfixturevalue("pg_template"))
    yield server.db_url(name)
    server.drop(name)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return parse_settings(raw_config(tmp_path, database={"url": database_url}), tmp_path)


@pytest.fixture(autouse=True)
def _logging_restored() -> Iterator[None]:
    """Each test leaves logging as it found it: the CLI run in this process and the tests of
    the bot's logging call setup_logging (a root handler on the captured stderr, levels)."""
    with restored_logging():
        yield


@pytest.fixture
def bot_cli(capsys: pytest.CaptureFixture[str]) -> InProcess:
    """`python -m bot …` run in this process: `await bot_cli("export", …)` gives (exit code,
    stdout, stderr)."""
    return InProcess(capsys)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def runtime(settings: Settings, clock: FixedClock) -> AsyncIterator[Runtime]:
    rt = build_runtime(settings, clock)
    await sync_from_config(rt)
    yield rt
    await rt.close()
