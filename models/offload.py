"""Where a database statement runs (SQLite, through bot.sqlite_inline): on the event loop's
own thread, which is fastest for the short statements of a chat message, or in a worker
thread, so that a long one (a report, an export, the weekly summary) does not hold up every
other chat meanwhile.

Worker threads are the default; `on_loop()` marks work known to be short (logging a
household, answering its questions, the inbox's bookkeeping) and `off_loop()` takes a part
of it back off the loop. PostgreSQL's driver is asynchronous itself: there, nothing changes.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

_on_loop: contextvars.ContextVar[bool] = contextvars.ContextVar("db_on_loop", default=False)


def runs_on_loop() -> bool:
    return _on_loop.get()


@contextlib.contextmanager
def _placed(on_loop: bool) -> Iterator[None]:
    token = _on_loop.set(on_loop)
    try:
        yield
    finally:
        _on_loop.reset(token)


def on_loop() -> contextlib.AbstractContextManager[None]:
    """Statements in this block (in this task) run on the event loop's thread."""
    return _placed(True)


def off_loop() -> contextlib.AbstractContextManager[None]:
    """Statements in this block (in this task) run in a worker thread."""
    return _placed(False)
