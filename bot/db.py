"""Engine and session wiring, SQLite pragmas, running Alembic migrations and reading their
head revision."""

from __future__ import annotations

import ast
import asyncio
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.dialects import registry
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

import migrations
from bot.sqlite_inline import InlineConnection

# Alembic (~10 MB) is imported by `upgrade` alone: `run` checks the schema with
# `head_revision` and a SELECT, without it (issue 22).
if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent
BUSY_SECONDS = 10.0  # how long a statement waits for another process's write lock
INLINE_DRIVER = "inline"
registry.register(f"sqlite.{INLINE_DRIVER}", "bot.sqlite_inline", "SQLiteDialect_inline")


def _json_dumps(value: Any) -> str:
    # Keep Vietnamese readable in the database instead of \u escapes (pitfalls §2).
    return json.dumps(value, ensure_ascii=False)


def _sqlite_setup(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves, so writers take the lock up front (no upgrade deadlock).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        if isinstance(dbapi_connection, InlineConnection):
            # It waits for another process's lock yielding to the event loop, not in SQLite.
            dbapi_connection.set_busy_wait(BUSY_SECONDS)
        else:
            cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(SINGLE_STATEMENT):
            return  # one statement is atomic by itself: no BEGIN, no COMMIT
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def ensure_sqlite_dir(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str) -> AsyncEngine:
    ensure_sqlite_dir(url)
    parsed = make_url(url)
    if parsed.drivername == "sqlite+aiosqlite":
        # The same database through `sqlite3` on the loop's thread (bot.sqlite_inline).
        url = parsed.set(drivername=f"sqlite+{INLINE_DRIVER}").render_as_string(hide_password=False)
    # hide_parameters: a database error must not quote names or phones into a log line.
    pool: dict[str, Any] = {}
    if make_url(url).get_backend_name() == "postgresql":
        # Room for every chat handled at once (telegram.concurrent_chats, 16 by default) and
        # the scheduler: with SQLAlchemy's 5, the rest opened and closed a connection each
        # time, a login and a type lookup per message.
        pool = {"pool_size": 20, "max_overflow": 10}
    engine = create_async_engine(
        url, json_serializer=_json_dumps, pool_pre_ping=False, hide_parameters=True, **pool
    )
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    return engine


def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[Any]:
    return async_sessionmaker(engine, expire_on_commit=False)


# Execution option of the engine behind `single_statement_sessions`.
SINGLE_STATEMENT = "single_statement"


def single_statement_sessions(engine: AsyncEngine) -> async_sessionmaker[Any]:
    """Sessions for work that is one statement (the inbox's bookkeeping): committed as it
    runs, without a transaction around it (SQLite: no BEGIN IMMEDIATE; PostgreSQL:
    autocommit)."""
    if engine.dialect.name == "sqlite":
        # Not SQLAlchemy's AUTOCOMMIT level: resetting it afterwards would turn the
        # driver's own implicit transactions back on (see _sqlite_setup).
        return sessionmaker(engine.execution_options(**{SINGLE_STATEMENT: True}))
    return sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))


def alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logging"] = False
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations (blocking; env.py runs its own event loop)."""
    from alembic import command

    ensure_sqlite_dir(url)
    command.upgrade(alembic_config(url), revision)


async def upgrade_async(url: str, revision: str = "head") -> None:
    # env.py calls asyncio.run(), which cannot nest in a running loop (pitfalls §3).
    await asyncio.to_thread(upgrade, url, revision)


class MigrationsError(RuntimeError):
    """The migration scripts do not form one line with one head."""


@cache
def head_revision() -> str:
    """The newest migration's revision, read from the scripts' `revision` and
    `down_revision` assignments without running them (or importing Alembic): the one
    revision no other script names as its `down_revision`. Alembic's own answer is the same
    (tests/test_migrations.py compares them)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values = _assignments(script, ("revision", "down_revision"))
        revision = values.get("revision")
        if not isinstance(revision, str):
            raise MigrationsError(f"{script.name}: no revision")
        revisions.add(revision)
        down = values.get("down_revision")
        parents.update([down] if isinstance(down, str) else down or ())
    heads = revisions - parents
    if len(heads) != 1:
        raise MigrationsError(f"expected one head revision, found {sorted(heads)}")
    return heads.pop()


def _assignments(script: Path, names: tuple[str, ...]) -> dict[str, Any]:
    """Literal values assigned at a script's top level to `names` (`x = …` or `x: T = …` on
    one line, as Alembic writes them): read by a pattern, as parsing every script took a
    tenth of the bot's start-up."""
    found: dict[str, Any] = {}
    for match in _ASSIGNMENT.finditer(script.read_text(encoding="utf-8")):
        if match["name"] in names:
            found[match["name"]] = ast.literal_eval(match["value"].strip())
    return found


_ASSIGNMENT = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?P<value>[^\n#]+)", re.M)
