"""Wiring: settings + engine + clock → the channel-neutral core; init and schema checks."""

from __future__ import annotations

from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.db import alembic_config, create_engine, sessionmaker, upgrade
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
        settings=settings, sessions=sessionmaker(engine), clock=clock or SystemClock()
    )
    return Runtime(settings=settings, engine=engine, services=services, core=Core(services))


async def sync_from_config(runtime: Runtime) -> SyncReport:
    s = runtime.settings
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


async def schema_is_current(runtime: Runtime) -> bool:
    head = ScriptDirectory.from_config(
        alembic_config(runtime.settings.database_url)
    ).get_current_head()
    async with runtime.engine.connect() as conn:
        current = await conn.run_sync(
            lambda c: MigrationContext.configure(c).get_current_revision()
        )
    return current == head


async def database_ok(runtime: Runtime) -> bool:
    """The database answers a trivial query (for /healthz)."""
    async with runtime.engine.connect() as conn:
        return bool(await conn.scalar(text("SELECT 1")) == 1)
