"""Logging that never carries secrets: tokens and phone numbers are masked in every record,
in its message, its traceback and its stack alike."""

from __future__ import annotations

import logging
import re

NOISY_LOGGERS = (
    "httpx",
    "httpcore",
    "telegram",
    "aiosqlite",
    "sqlalchemy",
    "asyncpg",
    "apscheduler",
    "alembic",
)
MASK = "***"

# Shaped like a Telegram or Zalo bot token (bot id, colon, secret), wherever it sits: also
# inside a request URL ("…/bot123456:AAE…/sendMessage"), and when the token is not one the
# bot was told about (commands other than `run`, a library's own error text).
_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{10,}")
# A Vietnamese phone number as typed or stored: +84… or 0…, with or without spaces, dots or
# dashes between the digits ("0912 345 678", "0912.345.678", "+84912345678"). A database
# error quotes the row it failed on; a library's exception may quote what a person typed.
_PHONE = re.compile(r"(?<![\w+])(?:\+84|0)(?:[ .-]?\d){9,10}(?!\w)")


def redact(text: str, secrets: list[str] | tuple[str, ...] = ()) -> str:
    """`text` with the given secrets, anything shaped like a bot token and phone numbers
    masked."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return _PHONE.sub(MASK, _TOKEN.sub(MASK, text))


class RedactFilter(logging.Filter):
    """Masks the record itself (message, traceback, stack), for every handler after this
    one: a library's exception often quotes the request URL, which carries the bot token."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message, self.secrets)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse a record's exc_text rather than format the exception again.
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


class RedactingFormatter(logging.Formatter):
    """Formats a record and masks the whole text: the message, the exception's traceback
    (its message included) and the stack, however the record was made."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


_FORMATTER = logging.Formatter()


def setup_logging(level: str = "INFO", secrets: list[str] | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets or [])
    )
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
