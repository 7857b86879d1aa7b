"""Run `python -m bot …` as a user would, in a child process (several can run side by side)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from bot.runtime import Runtime

REPO = Path(__file__).resolve().parent.parent


def start(*args: str, stdin: int = subprocess.DEVNULL,
          env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
    """No input unless a test passes one (a file descriptor): a command never waits."""
    return subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=REPO, text=True,
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr)."""
    out, err = proc.communicate(timeout=90)
    return proc.returncode, out, err


def write_config(runtime: Runtime, folder: Path) -> Path:
    """The test configuration as a TOML file, on the test's own database (either backend)."""
    from tests.conftest import HAMLETS, PROCEDURES

    lines = ['language = "vi"', 'timezone = "Asia/Ho_Chi_Minh"', "[database]",
             f'url = "{runtime.settings.database_url}"', "[campaign]", 'code = "test-2026"',
             'name = "Mỗi ngày hướng dẫn 01 gia đình"', 'unit = "Đặc khu Kiên Hải"',
             "start = 2026-01-01", "end = 2026-12-31"]
    for h in HAMLETS:
        lines += ["[[hamlets]]", f'code = "{h["code"]}"', f'name = "{h["name"]}"',
                  f'households = {h["households"]}']
    for p in PROCEDURES:
        lines += ["[[procedures]]", f'code = "{p["code"]}"', f'name = "{p["name"]}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
