"""The bot's log never shows its token: not in messages, not in tracebacks."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logsetup import setup_logging

TOKEN = "123456:TEST-token-not-real"


@pytest.fixture
def bot_log() -> Iterator[io.StringIO]:
    """What the bot's own log handler (as `python -m bot run` sets it up) writes."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    setup_logging("INFO", [TOKEN])
    (handler,) = [h for h in root.handlers if h.get_name() == "dvc-bot"]
    assert isinstance(handler, logging.StreamHandler)
    out = io.StringIO()
    handler.setStream(out)
    yield out
    root.handlers[:], root.level = handlers, level


def _fail() -> None:
    # What an HTTP library raises: the request URL, with the token in its path.
    raise ConnectionError(f"POST https://api.telegram.org/bot{TOKEN}/sendMessage: reset")


def test_token_is_masked_in_tracebacks(bot_log: io.StringIO) -> None:
    log = logging.getLogger("bot.channels.telegram")
    try:
        _fail()
    except ConnectionError:
        log.exception("send failed")
    try:
        try:
            _fail()
        except ConnectionError as exc:
            raise RuntimeError("gave up") from exc
    except RuntimeError as exc:
        log.error("telegram error: %r", type(exc).__name__, exc_info=exc)
    log.warning("url was https://api.telegram.org/bot%s/getMe", TOKEN, stack_info=True)

    logged = bot_log.getvalue()
    assert "Traceback (most recent call last)" in logged and "_fail()" in logged
    assert "The above exception was the direct cause" in logged  # the chained one too
    assert "https://api.telegram.org/bot***/sendMessage" in logged
    assert "bot***/getMe" in logged and "Stack (most recent call last)" in logged
    assert TOKEN not in logged and "TEST-token" not in logged
