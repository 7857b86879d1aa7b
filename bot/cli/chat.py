"""`python -m bot chat`: talk to the bot in this terminal (or from a pipe)."""

from __future__ import annotations

import argparse
import asyncio

from bot.cli.common import console_chat
from bot.config import Settings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("chat", help="talk to the bot in this terminal (or from a pipe)")
    p.add_argument("--config", required=True)
    p.add_argument("--user", required=True, help="your console user name")


def run(settings: Settings, args: argparse.Namespace) -> int:
    return asyncio.run(console_chat(settings, args, args.user))
