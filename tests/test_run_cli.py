"""`python -m bot run` as an operator starts it: a child process with the Zalo channel
(Telegram off) long-polling the fake Zalo server, the HTTP server on a free port, then
SIGTERM. Someone registers with an invite typed into Zalo and the health check answers.

One of the suite's two smoke tests of the real `python -m bot` (with tests/test_demo.py):
the other CLI tests call `bot.cli.main` in the test's process; this one needs a process
of its own to stop with a signal. `init` and `invite` before it run in this process."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from pathlib import Path

import httpx
import pytest

from tests.support import cli
from tests.support.cli import InProcess
from tests.support.zalo_fake import TOKEN, FakeZalo

pytestmark = pytest.mark.slow  # a `python -m bot run` process


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _config(tmp: Path, zalo_url: str, port: int) -> Path:
    path = tmp / "config.toml"
    path.write_text(
        f"""
data_dir = "data"
[database]
url = "sqlite+aiosqlite:///{tmp / "bot.sqlite3"}"
[campaign]
code = "run-test"
name = "Mỗi ngày hướng dẫn 01 gia đình"
unit = "Đặc khu Kiên Hải"
start = 2026-01-01
end = 2026-12-31
[telegram]
enabled = false
[zalo]
token_env = "ZALO_BOT_TOKEN"
base_url = "{zalo_url}"
polling_timeout = 1
[http]
host = "127.0.0.1"
port = {port}
public_url = "https://bot.example.vn"
[notifications]
weekly = false
reminders = false
[[hamlets]]
code = "BNA"
name = "Ấp Bãi Nhà A"
households = 412
[[procedures]]
code = "KS"
name = "Đăng ký khai sinh"
""",
        encoding="utf-8",
    )
    return path


async def test_run_serves_zalo_and_health_until_sigterm(tmp_path: Path, bot_cli: InProcess) -> None:
    async with FakeZalo() as fake:
        port = _free_port()
        config = str(_config(tmp_path, fake.base_url, port))
        env = {**os.environ, "ZALO_BOT_TOKEN": TOKEN}
        code, _, err = await bot_cli("init", "--config", config)
        assert code == 0, err
        code, out, err = await bot_cli(
            "invite", "--config", config, "--role", "officer", "--hamlet", "BNA"
        )
        assert code == 0, err
        invite = out.strip().splitlines()[-1]

        proc = cli.start("run", "--config", config, env=env)
        try:
            await fake.wait_polling(1, timeout=30)
            fake.push(fake.text_update("zl-77", invite, name="Võ Thị Chạy"))
            (reply, *_) = await fake.wait_sent(1, timeout=15)
            assert reply.chat_id == "zl-77" and "Chào Võ Thị Chạy" in reply.text
            async with httpx.AsyncClient(trust_env=False) as client:
                health = await client.get(f"http://127.0.0.1:{port}/healthz")
            assert health.status_code == 200
            assert health.json()["channels"] == {"zalo": "up"}
        finally:
            proc.send_signal(signal.SIGTERM)
            code, _, err = await asyncio.to_thread(cli.finish, proc)
    assert code == 0, err
    assert "Zalo" in err and f"127.0.0.1:{port}" in err  # what `run` says it runs
    # Neither the token nor what people typed reaches the log.
    assert TOKEN not in err and TOKEN.split(":")[1] not in err
    assert "Võ Thị Chạy" not in err and invite not in err


async def test_run_with_a_refused_token_says_which_channel_and_exits_1(
    tmp_path: Path, bot_cli: InProcess
) -> None:
    async with FakeZalo() as fake:
        config = str(_config(tmp_path, fake.base_url, _free_port()))
        code, _, err = await bot_cli("init", "--config", config)
        assert code == 0, err
        wrong = TOKEN + "-revoked"
        proc = cli.start("run", "--config", config, env={**os.environ, "ZALO_BOT_TOKEN": wrong})
        code, _, err = await asyncio.to_thread(cli.finish, proc)
    assert code == 1
    assert "Không khởi động được kênh Zalo (mã lỗi 401" in err
    assert "kiểm tra token Zalo" in err
    assert wrong not in err and "Traceback" not in err
