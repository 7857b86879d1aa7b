"""Run `python -m bot …` as a user would, in a child process (several can run side by side)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

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
