"""`python -m bot`: the parser, assembled from the subcommands' modules, and the dispatch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Protocol

from bot.cli import chat, demo, export, init, invite, roster, run, users, verify
from bot.config import ConfigError, Settings, load_settings
from bot.logsetup import setup_logging
from handlers.engine.i18n import t


class Command(Protocol):
    """A subcommand's module: it adds its parser, then runs with the loaded settings."""

    def add_parser(self, sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None: ...

    def run(self, settings: Settings, args: argparse.Namespace) -> int: ...


# Name (as each module registers it) -> module, in `--help`'s order.
COMMANDS: dict[str, Command] = {
    "init": init,
    "invite": invite,
    "chat": chat,
    "demo": demo,
    "export": export,
    "verify": verify,
    "roster": roster,
    "users": users,
    "run": run,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description=("Bot ghi nhận hộ gia đình được hướng dẫn dịch vụ công trực tuyến."),
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS.values():
        command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
        if args.command == "demo":
            settings = demo.demo_settings(settings, Path(args.data))
        secrets = run.run_secrets(settings) if args.command == "run" else []
        setup_logging("INFO" if args.command == "run" else "WARNING", secrets)
        return COMMANDS[args.command].run(settings, args)
    except ConfigError as err:
        print(t("vi", "cli_config_error", key=err.key, expected=err.expected), file=sys.stderr)
        return 2
