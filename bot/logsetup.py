"""Logging that never carries secrets: tokens are masked in every record."""

from __future__ import annotations

import logging

NOISY_LOGGERS = ("httpx", "httpcore", "telegram", "aiosqlite", "sqlalchemy", "asyncpg",
                 "apscheduler", "alembic")


class RedactFilter(logging.Filter):
    """Masks the secrets in a record's message, its traceback and its stack: a library's
    exception often quotes the request URL, which carries the bot token."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def _redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        redacted = self._redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse a record's exc_text rather than format the exception again.
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._redact(record.stack_info)
        return True


_FORMATTER = logging.Formatter()


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
