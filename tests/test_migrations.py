"""Migrations go up, all the way down and up again on both backends, and match the models."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from bot.config import parse_settings
from bot.db import alembic_config, head_revision, upgrade
from bot.runtime import build_runtime, schema_is_current
from tests.support.backends import BACKENDS, PostgresServer
from tests.support.campaign import raw_config


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


def test_head_revision_is_alembics() -> None:
    """`run` reads the head from the scripts without Alembic (issue 22): the same answer."""
    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert head_revision() == scripts.get_current_head()


def test_schema_is_current_only_at_head(empty_url: str, tmp_path: Path) -> None:
    """Not migrated, one step behind, at head: only the last is current."""
    settings = parse_settings(raw_config(tmp_path, database={"url": empty_url}), tmp_path)

    def current() -> bool:
        async def check() -> bool:
            runtime = build_runtime(settings)
            try:
                return await schema_is_current(runtime)
            finally:
                await runtime.close()

        return asyncio.run(check())

    assert not current()
    upgrade(empty_url)
    assert current()
    command.downgrade(alembic_config(empty_url), "-1")
    assert not current()
