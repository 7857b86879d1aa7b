"""`python -m bot run`: the bot itself: every enabled channel (polling or webhooks), the HTTP
server for webhooks/downloads/healthz."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.cli.common import check_schema
from bot.config import Settings
from handlers.engine.i18n import t


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "run",
        help="run the bot: Telegram and/or Zalo (polling or webhooks), "
        "the HTTP server for webhooks/downloads/healthz",
    )
    p.add_argument("--config", required=True)


def run_secrets(settings: Settings) -> list[str]:
    """Tokens and webhook secrets of the enabled channels, masked in every log line (this
    also checks that they are set before anything starts)."""
    found: list[str] = []
    for name in settings.enabled_channels:
        cfg = settings.channels[name]
        found.append(cfg.resolve_token())
        secret = cfg.resolve_secret()
        if secret:
            found.append(secret)
    return found


def run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.channels.base import StartError
    from bot.serve import serve

    if not asyncio.run(check_schema(settings, args)):
        return 2
    lang = settings.language
    channels = [name.capitalize() for name in settings.enabled_channels]
    http = (
        f"{settings.http.host}:{settings.http.port}"
        if settings.serves_http
        else t(lang, "cli_run_no_http")
    )
    print(
        t(lang, "cli_run_starting", channels=", ".join(channels) or "–", http=http), file=sys.stderr
    )
    try:
        asyncio.run(serve(settings))
    except StartError as exc:
        # The token is never part of the error; the code tells a wrong token from an outage.
        error = exc.description
        text = t(lang, "cli_run_channel_failed", channel=exc.channel, code=exc.code, error=error)
        print(text, file=sys.stderr)
        return 1
    return 0
