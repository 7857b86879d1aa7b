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


# Shaped like a real token, and not one the bot was given (commands other than `run` are
# given none): masked by its shape. Built here so no token-shaped literal sits in the repo.
OTHER_TOKEN = "7012345678" + ":" + "AAH-fake-" + "x" * 26
PHONES = ("0912 345 678", "+84912345678", "0983.111.222")


def _leak() -> None:
    # What a library raises with what it was given: a URL with a token, a row's values.
    raise ValueError(
        f"https://api.telegram.org/bot{OTHER_TOKEN}/sendMessage failed for "
        f"chat_id=5; row ('Nguyễn Văn Ánh', '{PHONES[0]}', '{PHONES[1]}'); "
        f"callback {PHONES[2]}"
    )


@pytest.mark.parametrize("secrets", [[TOKEN], []], ids=["run", "other-commands"])
def test_an_exceptions_own_message_is_redacted_in_its_traceback(secrets: list[str]) -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    setup_logging("INFO", secrets)
    (handler,) = [h for h in root.handlers if h.get_name() == "dvc-bot"]
    assert isinstance(handler, logging.StreamHandler)
    out = io.StringIO()
    handler.setStream(out)
    log = logging.getLogger("bot.notify")
    try:
        try:
            _leak()
        except ValueError:
            log.exception("push failed kind=%s", "weekly")
        log.warning("got %s from %s", PHONES[1], OTHER_TOKEN)
    finally:
        root.handlers[:], root.level = handlers, level

    logged = out.getvalue()
    assert "Traceback (most recent call last)" in logged and "_leak()" in logged
    assert "ValueError: https://api.telegram.org/bot***/sendMessage failed" in logged
    assert "row ('Nguyễn Văn Ánh', '***', '***'); callback ***" in logged
    assert "push failed kind=weekly" in logged and "got *** from ***" in logged
    assert OTHER_TOKEN.split(":")[1] not in logged and "7012345678" not in logged
    assert not [phone for phone in PHONES if phone in logged], logged
    assert "912345678" not in logged and "345 678" not in logged
