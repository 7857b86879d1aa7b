"""Typed settings loaded from a TOML file (tomllib); every number of the campaign lives here.

Each setting is defined once in `bot.config.sections` (key, type, default, constraint,
description); loading refuses unknown keys, and docs/configuration.md is generated from the
same definitions (`python -m bot.config.doc docs/configuration.md`)."""

from __future__ import annotations

from bot.config.errors import ConfigError
from bot.config.sections import (
    ChannelConfig,
    ChatConfig,
    HttpConfig,
    NotificationConfig,
    TelegramConfig,
    VerificationConfig,
    ZaloConfig,
)
from bot.config.settings import Settings, load_settings, parse_settings
from bot.config.values import LANGUAGES, POLLING, WEBHOOK

__all__ = [
    "LANGUAGES",
    "POLLING",
    "WEBHOOK",
    "ChannelConfig",
    "ChatConfig",
    "ConfigError",
    "HttpConfig",
    "NotificationConfig",
    "Settings",
    "TelegramConfig",
    "VerificationConfig",
    "ZaloConfig",
    "load_settings",
    "parse_settings",
]
