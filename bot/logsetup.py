"""Logging that never carries secrets: tokens are masked in every record."""

from __future__ import annotations

import logging

NOISY_LOGGERS = ("httpx", "httpcore", "telegram", "aiosqlite", "sqlalchemy", "asyncpg",
                 "apscheduler", "alembic")


class RedactFilter(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            redacted = message
            for secret in self.secrets:
                redacted = redacted.replace(secret, "***")
            if redacted != message:
                record.msg, record.args = redacted, None
        return True


def setup_logging(level: str = "INFO", secrets: list[str] | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactFilter(secrets or []))
    handler.set_name("dvc-bot")
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if h.get_name() != "dvc-bot"] + [handler]
    root.setLevel(level)
    # Libraries log request URLs (with the bot token), message texts and SQL parameters
    # (names, phones) at DEBUG/INFO; only our own modules may log below WARNING.
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("telegram.ext.Application").setLevel(max(root.level, logging.INFO))
