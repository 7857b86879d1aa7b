"""Shared fixtures: a migrated database per test on each backend, a fixed clock, settings,
users. Every test that takes `settings` (or `runtime`) runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.db import upgrade
from bot.runtime import Runtime, build_runtime, sync_from_config
from models.people import Identity, Role, User
from tests.backends import ENV, PostgresServer, configured

BACKENDS = ["sqlite", "postgresql"]
_PG_REASON = pytest.StashKey[str | None]()

# 10:00 in Vietnam on Wednesday 15/04/2026 (a fixed "now" for every test).
NOW = datetime(2026, 4, 15, 3, 0, tzinfo=UTC)
# 08:00 on Monday 13/04: half an hour after last week's summary was due (Monday 07:30).
SUMMARY_DAY = datetime(2026, 4, 13, 1, 0, tzinfo=UTC)
# Registered at the campaign's start: there for every week's summary.
LONG_AGO = datetime(2026, 1, 1, 1, 0, tzinfo=UTC)

HAMLETS = [
    {"code": "BNA", "name": "Ấp Bãi Nhà A", "households": 412},
    {"code": "L364", "name": "Ấp Ba Sáu Tư", "households": 364},
    {"code": "L365", "name": "Ấp Ba Sáu Lăm", "households": 365},
    {"code": "L366", "name": "Ấp Ba Sáu Sáu", "households": 366},
    {"code": "NHO", "name": "Ấp Nhỏ", "households": 20},
]
PROCEDURES = [
    {"code": "KS", "name": "Đăng ký khai sinh"},
    {"code": "TTRU", "name": "Đăng ký thường trú"},
    {"code": "TAMTRU", "name": "Đăng ký tạm trú"},
    {"code": "LLTP", "name": "Cấp phiếu lý lịch tư pháp"},
    {"code": "KH", "name": "Đăng ký kết hôn"},
]


def raw_config(tmp: Path, **overrides: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "language": "vi",
        "timezone": "Asia/Ho_Chi_Minh",
        "database": {"url": f"sqlite+aiosqlite:///{tmp / 'bot.sqlite3'}"},
        "campaign": {
            "code": "test-2026", "name": "Mỗi ngày hướng dẫn 01 gia đình",
            "unit": "Đặc khu Kiên Hải", "start": date(2026, 1, 1), "end": date(2026, 12, 31),
        },
        "hamlets": [dict(h) for h in HAMLETS],
        "procedures": [dict(p) for p in PROCEDURES],
        "telegram": {"token": "123456:TEST-token-not-real"},
    }
    raw.update(overrides)
    return raw


def _postgres_skip_reason(config: pytest.Config) -> str | None:
    if _PG_REASON not in config.stash:
        server = configured()
        config.stash[_PG_REASON] = (f"{ENV} is not set" if server is None
                                    else server.reachable())
    return config.stash[_PG_REASON]


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


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def runtime(settings: Settings, clock: FixedClock) -> AsyncIterator[Runtime]:
    rt = build_runtime(settings, clock)
    await sync_from_config(rt)
    yield rt
    await rt.close()


async def make_user(runtime: Runtime, *, external_id: str, role: Role = Role.OFFICER,
                    hamlet: str | None = "BNA", name: str = "Trần Văn Cán Bộ",
                    channel: str = "console", joined: datetime | None = None) -> User:
    """A registered person; `joined` (when they registered) defaults to the clock's now."""
    from sqlalchemy import select

    from models.campaign import Hamlet

    async with runtime.services.sessions() as session, session.begin():
        hamlet_id = None
        if hamlet is not None:
            hamlet_id = await session.scalar(select(Hamlet.id).where(Hamlet.code == hamlet))
        user = User(display_name=name, role=role, hamlet_id=hamlet_id,
                    created_at=joined or runtime.services.clock.now(), active=True)
        session.add(user)
        await session.flush()
        session.add(Identity(user_id=user.id, channel=channel, external_id=external_id,
                             created_at=runtime.services.clock.now()))
    return user
