"""The command line in tests, two ways:

- in this process (`InProcess`, the `bot_cli` fixture): `bot.cli.main([...])` as
  `python -m bot` calls it, with stdin replaced and stdout and stderr captured (conftest
  undoes the logging `main` sets up after each test). Nearly every CLI test runs this way:
  no interpreter start-up;
- as a user starts it (`start`/`finish`): `python -m bot …` in a child process, for the two
  smoke tests and for the tests that signal or kill the process.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from bot.cli import main
from bot.logsetup import NOISY_LOGGERS
from bot.runtime import Runtime
from tests.support.campaign import HAMLETS, PROCEDURES

REPO = Path(__file__).resolve().parents[2]
Result = tuple[int, str, str]  # (exit code, stdout, stderr)


# --- in this process -----------------------------------------------------------------------


class _Terminal(io.StringIO):
    """Typed answers at a terminal: what `input()` reads when stdin is a TTY."""

    def isatty(self) -> bool:
        return True


@contextlib.contextmanager
def restored_logging() -> Iterator[None]:
    """Undo what bot.logsetup.setup_logging (called by `main`) configures: its root handler,
    which writes to the stderr captured at the time, and the levels it sets."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    names = (*NOISY_LOGGERS, "telegram.ext.Application")
    levels = {name: logging.getLogger(name).level for name in names}
    try:
        yield
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers[:], root.level = handlers, level
        for name, old in levels.items():
            logging.getLogger(name).setLevel(old)


class InProcess:
    """`await cli("export", "--config", …)` → (exit code, stdout, stderr).

    `main` runs in a worker thread: it calls asyncio.run, and the test's own event loop is
    running in this one. Calls run one at a time (stdin and the capture are the process's).
    stdin is empty and not a terminal unless `stdin`/`tty` say otherwise."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    async def __call__(self, *args: str, stdin: str = "", tty: bool = False) -> Result:
        self._capsys.readouterr()  # what the test printed before is not the command's
        saved = sys.stdin
        sys.stdin = _Terminal(stdin) if tty else io.StringIO(stdin)
        try:
            code = await asyncio.to_thread(_exit_code, list(args))
        finally:
            sys.stdin = saved
        out, err = self._capsys.readouterr()
        return code, out, err


def _exit_code(argv: list[str]) -> int:
    """What `python -m bot ARGV` exits with (argparse's errors and --help exit early)."""
    try:
        return main(argv)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1


# --- in a child process --------------------------------------------------------------------


def start(
    *args: str, stdin: int = subprocess.DEVNULL, env: Mapping[str, str] | None = None
) -> subprocess.Popen[str]:
    """No input unless a test passes one (a file descriptor): a command never waits."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        text=True,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def finish(proc: subprocess.Popen[str]) -> Result:
    out, err = proc.communicate(timeout=90)
    return proc.returncode, out, err


# --- configuration -------------------------------------------------------------------------


def write_config(runtime: Runtime, folder: Path) -> Path:
    """The test configuration as a TOML file, on the test's own database (either backend)."""
    lines = [
        'language = "vi"',
        'timezone = "Asia/Ho_Chi_Minh"',
        "[database]",
        f'url = "{runtime.settings.database_url}"',
        "[campaign]",
        'code = "test-2026"',
        'name = "Mỗi ngày hướng dẫn 01 gia đình"',
        'unit = "Đặc khu Kiên Hải"',
        "start = 2026-01-01",
        "end = 2026-12-31",
    ]
    for h in HAMLETS:
        lines += [
            "[[hamlets]]",
            f'code = "{h["code"]}"',
            f'name = "{h["name"]}"',
            f"households = {h['households']}",
        ]
    for p in PROCEDURES:
        lines += ["[[procedures]]", f'code = "{p["code"]}"', f'name = "{p["name"]}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
