"""One bot for bench.chat_throughput, in a process of its own so that /proc/<pid>/status
tells that bot's memory and nothing of the load generator's.

    python -m bench.chat_child echo --base-url http://127.0.0.1:PORT/bot
    python -m bench.chat_child bot --base-url URL --database-url URL --data-dir DIR

Prints "ready" once it is long polling; stops cleanly on SIGTERM. The bot-specific imports
are inside the runners, so the echo bot's RSS carries python-telegram-bot alone.
"""

from __future__ import annotations

import argparse
import asyncio
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


async def run_bot(base_url: str, database_url: str, data_dir: Path, stop: asyncio.Event) -> None:
    """Our bot as `python -m bot run` starts it (bot.serve), the clock fixed at NOW."""
    from bot import serve
    from bot.clock import FixedClock

    settings = bench_settings(base_url, database_url, data_dir)
    # No scheduler: a weekly summary or reminder caught up at start would be noise here.
    running = await serve.start(settings, clock=FixedClock(NOW), schedule=False)
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
    if args.kind == "echo":
        await run_echo(args.base_url, stop)
    else:
        await run_bot(args.base_url, args.database_url, Path(args.data_dir), stop)


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
