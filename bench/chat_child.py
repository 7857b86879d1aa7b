"""One bot for bench.chat_throughput, in a process of its own so that /proc/<pid>/status
tells that bot's memory and nothing of the load generator's.

    python -m bench.chat_child echo --base-url http://127.0.0.1:PORT/bot
    python -m bench.chat_child bot --base-url URL --database-url URL --data-dir DIR

Prints "ready" once it is long polling; stops cleanly on SIGTERM. On SIGUSR1 it prints one
JSON line, {"statements": N}: the SQL statements our bot has sent to its database so far
(a SQLAlchemy before_cursor_execute listener on the engine; always 0 for the echo bot), so
the parent can count those of its load phase. The bot-specific imports are inside the
runners, so the echo bot's RSS carries python-telegram-bot alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-chat-throughput"
NOW = datetime(2026, 10, 15, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam, as bench.report_speed
POLL_TIMEOUT = 10  # getUpdates long-poll seconds, both bots
# Telegram's pacing (25/s by default) would be the bottleneck, not the bot: the limiter
# stays in the path but at a million a second it never waits.
MESSAGES_PER_SECOND = 1_000_000.0
READY = "ready"
STATS = "statements"  # the key of the JSON line printed on SIGUSR1


class Counter:
    """SQL statements sent to the database (our bot's engine; none for the echo bot)."""

    def __init__(self) -> None:
        self.statements = 0

    def statement(self, *_: object) -> None:
        self.statements += 1

    def report(self) -> None:
        print(json.dumps({STATS: self.statements}), flush=True)


SAVED = "Đã lưu hộ"  # in the save confirmation of both bots


def bench_settings(base_url: str, database_url: str, data_dir: Path) -> Settings:
    """config.example.toml (13 hamlets, 13 procedures) with Telegram polling the fake."""
    from dataclasses import replace

    from bot.config import HttpConfig, ZaloConfig, load_settings

    settings = load_settings(ROOT / "config.example.toml")
    telegram = replace(
        settings.telegram,
        enabled=True,
        token=TOKEN,
        token_env=None,
        mode="polling",
        base_url=base_url,
        base_file_url=base_url.removesuffix("/bot") + "/file/bot",
        polling_timeout=POLL_TIMEOUT,
        messages_per_second=MESSAGES_PER_SECOND,
    )
    # No public URL: no HTTP server (it only serves webhooks, downloads and /healthz).
    return replace(
        settings,
        database_url=database_url,
        data_dir=data_dir,
        telegram=telegram,
        zalo=ZaloConfig(enabled=False),
        http=HttpConfig(port=0, public_url=""),
    )


async def run_echo(base_url: str, stop: asyncio.Event) -> None:
    """The baseline: python-telegram-bot's defaults, one echo, one button answered."""
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
    from telegram.ext import (
        Application,
        CallbackQueryHandler,
        ContextTypes,
        MessageHandler,
        filters,
    )

    # The same button the real bot offers, so the simulated users behave the same.
    save = InlineKeyboardMarkup([[InlineKeyboardButton("✅ Lưu", callback_data="save")]])

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.message is not None:
            await update.message.reply_text(update.message.text or "…", reply_markup=save)

    async def tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is not None:
            await query.answer()
            await context.bot.send_message(query.from_user.id, f"✅ {SAVED} (echo)")

    app = Application.builder().token(TOKEN).base_url(base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.add_handler(CallbackQueryHandler(tapped))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=POLL_TIMEOUT)
        print(READY, flush=True)
        await stop.wait()
        await app.updater.stop()
        await app.stop()


async def run_bot(
    base_url: str, database_url: str, data_dir: Path, stop: asyncio.Event, counter: Counter
) -> None:
    """Our bot as `python -m bot run` starts it (bot.serve), the clock fixed at NOW."""
    from sqlalchemy import event

    from bot import serve
    from bot.clock import FixedClock

    settings = bench_settings(base_url, database_url, data_dir)
    # No scheduler: a weekly summary or reminder caught up at start would be noise here.
    running = await serve.start(settings, clock=FixedClock(NOW), schedule=False)
    event.listen(running.runtime.engine.sync_engine, "before_cursor_execute", counter.statement)
    sql_log = os.environ.get("CHAT_CHILD_SQL_LOG")  # a file to list every statement in
    if sql_log:
        out = Path(sql_log).open("a", encoding="utf-8")  # noqa: SIM115, ASYNC230 - bot's life

        def log_statement(_c: object, _cur: object, statement: str, *_: object) -> None:
            out.write(" ".join(statement.split())[:160] + "\n")

        event.listen(running.runtime.engine.sync_engine, "before_cursor_execute", log_statement)
    try:
        print(READY, flush=True)
        await stop.wait()
    finally:
        await serve.stop(running)


async def _main(args: argparse.Namespace) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    counter = Counter()
    loop.add_signal_handler(signal.SIGUSR1, counter.report)
    if args.kind == "echo":
        await run_echo(args.base_url, stop)
    else:
        await run_bot(args.base_url, args.database_url, Path(args.data_dir), stop, counter)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("kind", choices=("echo", "bot"))
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--data-dir", default="")
    args = parser.parse_args()
    if args.kind == "bot" and not (args.database_url and args.data_dir):
        parser.error("bot needs --database-url and --data-dir")
    logging.basicConfig(level=logging.WARNING, format="child %(levelname)s %(name)s: %(message)s")
    profile = os.environ.get("CHAT_CHILD_PROFILE")  # where to write a cProfile of this bot
    if not profile:
        asyncio.run(_main(args))
        return
    import cProfile

    with cProfile.Profile() as prof:
        asyncio.run(_main(args))
    prof.dump_stats(f"{profile}.{args.kind}")


if __name__ == "__main__":
    main()
