"""The README's first command: the console demo, scripted through a pipe (no TTY).

One of the suite's two smoke tests of the real `python -m bot` in a child process (with
tests/test_run_cli.py); every other CLI test calls `bot.cli.main` in the test's process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a `python -m bot` process

ROOT = Path(__file__).resolve().parent.parent


def test_demo_runs_from_a_pipe(tmp_path: Path) -> None:
    script = "\n".join(
        [
            "/tiendo",
            "Nguyễn Văn Khách; Tổ 3, ấp Bãi Nhà A; 0912 345 000; khai sinh",
            "/cuatoi",
            "",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--data", str(tmp_path)],
        input=script,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "3/412 hộ" in out  # the three sample households
    assert "Đã lưu hộ" in out and "4/412" in out
    assert "Nguyễn Văn Khách" in out and "0912 345 000" in out
    assert (tmp_path / "demo.sqlite3").exists()
