"""Migrations go up, all the way down and up again on both backends, and match the models."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from bot.db import alembic_config, upgrade
from tests.support.backends import BACKENDS, PostgresServer


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create()
    yield server.db_url(name)
    server.drop(name)


def _tables(url: str) -> set[str]:
    """Table names, and on PostgreSQL the enum types (a downgrade must drop those too)."""

    async def read() -> set[str]:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as conn:
                names = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
                if engine.dialect.name == "postgresql":
                    types = await conn.exec_driver_sql(
                        "SELECT typname FROM pg_type t JOIN pg_namespace n"
                        " ON n.oid = t.typnamespace WHERE n.nspname = 'public'"
                        " AND t.typtype = 'e'"
                    )
                    names |= {f"type:{row[0]}" for row in types}
                return names
        finally:
            await engine.dispose()

    return asyncio.run(read())


@pytest.mark.slow
def test_upgrade_downgrade_upgrade_and_no_drift(empty_url: str) -> None:
    cfg = alembic_config(empty_url)
    upgrade(empty_url)
    command.check(cfg)  # raises when the models and the migrations disagree
    assert {"entry", "household", "hamlet", "download"} <= _tables(empty_url)

    command.downgrade(cfg, "base")
    assert _tables(empty_url) <= {"alembic_version"}

    upgrade(empty_url)
    command.check(cfg)
