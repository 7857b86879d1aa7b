"""Wiring: settings + engine + clock → the channel-neutral core; init and schema checks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.db import (
    create_engine,
    head_revision,
    sessionmaker,
    single_statement_sessions,
    upgrade,
)
from handlers.engine.context import Services
from handlers.engine.core import Core
from models.sync import SyncReport, sync_catalog


@dataclass
class Runtime:
    settings: Settings
    engine: AsyncEngine
    services: Services
    core: Core

    async def close(self) -> None:
        await self.engine.dispose()


def build_runtime(settings: Settings, clock: Clock | None = None) -> Runtime:
    engine = create_engine(settings.database_url)
    services = Services(
        settings=settings,
        sessions=sessionmaker(engine),
        clock=clock or SystemClock(),
        single=single_statement_sessions(engine),
    )
    return Runtime(settings=settings, engine=engine, services=services, core=Core(services))


async def sync_from_config(runtime: Runtime) -> SyncReport:
    s = runtime.settings
    runtime.services.catalog = None  # the procedures may change here
    async with runtime.services.sessions() as session, session.begin():
        now = runtime.services.clock.now()
        return await sync_catalog(
            session,
            s.campaign,
            s.hamlets,
            s.procedures,
            now,
            today=now.astimezone(s.timezone).date(),
        )


def migrate(settings: Settings) -> None:
    upgrade(settings.database_url)


# Alembic's own table: one row holding the revision the database was migrated to.
VERSION_TABLE = "alembic_version"


def _stamped_revisions(conn: Connection) -> list[str]:
    if not inspect(conn).has_table(VERSION_TABLE):
        return []  # never migrated
    return list(conn.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))


async def schema_is_current(runtime: Runtime) -> bool:
    """The database is stamped with the newest migration (read as Alembic stores it, without
    importing Alembic: `run` needs no more of it, issue 22)."""
    async with runtime.engine.connect() as conn:
        stamped = await conn.run_sync(_stamped_revisions)
    return stamped == [head_revision()]


async def database_ok(runtime: Runtime) -> bool:
    """The database answers a trivial query (for /healthz)."""
    async with runtime.engine.connect() as conn:
        return bool(await conn.scalar(text("SELECT 1")) == 1)
