"""A fault run: the real `python -m bot run` in a child process against a fake Bot API over
HTTP that answers a share of sends with 500 and a share with 429, while officers log
households flat out; the process is killed (SIGKILL, at random moments) several times and
started again, then stopped with SIGTERM. Prints what a supervisor would ask: households
attempted, acknowledged, lost, stored twice; replies lost and sent twice.

    python -m bench.fault_run --officers 20 --per-officer 15 --kills 3
    python -m bench.fault_run --database-url postgresql+asyncpg://postgres@127.0.0.1/test

The kills are not timed to spare sends in flight: a reply Telegram accepted just before
the kill, whose answer the process never read, is sent again after the restart (the only
way a reply can arrive twice); the run counts those.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from bench.fake_telegram_http import FakeTelegram
from bot.clock import SystemClock
from bot.config import load_settings
from bot.db import upgrade
from bot.runtime import build_runtime, sync_from_config
from models.campaign import Hamlet
from models.households import Entry, Household
from models.people import Identity, Role, User

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-fault-run-token"
SAVED = "Đã lưu hộ"
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Mai",
    "Tô",
    "Cao",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hải",
    "Hùng",
    "Khoa",
    "Lâm",
    "Minh",
    "Nam",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thành",
    "Trung",
    "Tuấn",
    "Vinh",
    "Xuân",
]


def _config(folder: Path, fake: FakeTelegram, database_url: str) -> Path:
    path = folder / "config.toml"
    path.write_text(
        f"""
data_dir = "data"
[database]
url = "{database_url}"
[campaign]
code = "fault-run"
name = "Mỗi ngày hướng dẫn 01 gia đình"
unit = "Đặc khu Kiên Hải"
start = 2026-01-01
end = 2026-12-31
[[hamlets]]
code = "BNA"
name = "Ấp Bãi Nhà A"
households = 2000
[[procedures]]
code = "KS"
name = "Đăng ký khai sinh"
[telegram]
token = "{TOKEN}"
base_url = "{fake.base_url}"
base_file_url = "{fake.base_file_url}"
polling_timeout = 1
messages_per_second = 30
[notifications]
weekly = false
reminders = false
""",
        encoding="utf-8",
    )
    return path


async def _officers(config: Path, chats: list[int]) -> None:
    settings = load_settings(config)
    await asyncio.to_thread(upgrade, settings.database_url)  # alembic runs its own loop
    runtime = build_runtime(settings, SystemClock())
    try:
        await sync_from_config(runtime)
        async with runtime.services.sessions() as session, session.begin():
            hamlet = await session.scalar(select(Hamlet.id).where(Hamlet.code == "BNA"))
            now = runtime.services.clock.now()
            for chat in chats:
                user = User(
                    display_name=f"Cán Bộ {chat}",
                    role=Role.OFFICER,
                    hamlet_id=hamlet,
                    created_at=now,
                    active=True,
                )
                session.add(user)
                await session.flush()
                session.add(
                    Identity(
                        user_id=user.id, channel="telegram", external_id=str(chat), created_at=now
                    )
                )
    finally:
        await runtime.close()


async def _stored(config: Path) -> tuple[int, int]:
    runtime = build_runtime(load_settings(config), SystemClock())
    try:
        async with runtime.services.sessions() as session:
            households = await session.scalar(select(func.count()).select_from(Household))
            entries = await session.scalar(select(func.count()).select_from(Entry))
        return int(households or 0), int(entries or 0)
    finally:
        await runtime.close()


def _bot(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--config", str(config)],
        cwd=ROOT,
        text=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _saved(fake: FakeTelegram) -> list[str]:
    return [c.text for c in fake.calls if c.method == "sendMessage" and SAVED in c.text]


async def run(args: argparse.Namespace) -> dict[str, object]:
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="fault_run-"))
    database_url = args.database_url or f"sqlite+aiosqlite:///{folder / 'bot.sqlite3'}"
    chats = [8100 + k for k in range(args.officers)]
    total = args.officers * args.per_officer
    async with FakeTelegram(TOKEN) as fake:
        fake.faults = random.Random(args.seed)
        fake.rate_5xx, fake.rate_429 = args.rate_5xx, args.rate_429
        config = _config(folder, fake, database_url)
        await _officers(config, chats)
        started = time.monotonic()
        proc = _bot(config)
        await fake.wait_polling(60)
        for i in range(args.per_officer):
            for k, chat in enumerate(chats):
                name = f"{FAMILY[k % len(FAMILY)]} Văn {GIVEN[i % len(GIVEN)]} {i // 20 + 1}"
                fake.offer(
                    fake.message_update(
                        chat, f"{name.removesuffix(' 1')}; Tổ {i + 1}; 0913 {k:02d}{i:04d}; 1"
                    )
                )
        marks = sorted(rng.uniform(0.1, 0.8) * total for _ in range(args.kills))
        for mark in marks:
            while len(_saved(fake)) < mark:  # noqa: ASYNC110 (the fake has no such event)
                await asyncio.sleep(0.02)
            await asyncio.sleep(rng.uniform(0, 0.3))
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            proc = _bot(config)
        deadline = time.monotonic() + args.limit
        while len(set(_saved(fake))) < total and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)  # anything sent twice arrives now
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        elapsed = time.monotonic() - started
    households, entries = await _stored(config)
    replies = Counter(_saved(fake))
    return {
        "database": "postgresql" if database_url.startswith("postgresql") else "sqlite",
        "officers": args.officers,
        "kills": args.kills,
        "faults_500": fake.injected.count(500),
        "faults_429": fake.injected.count(429),
        "households_attempted": total,
        "households_acknowledged": len(replies),
        "households_stored": households,
        "households_lost": total - households,
        "entries_stored_twice": entries - households,
        "replies_lost": total - len(replies),
        "replies_sent_twice": sum(n - 1 for n in replies.values() if n > 1),
        "seconds": round(elapsed, 1),
        "exit_code": proc.returncode,
        "stderr_tail": err[-300:] if proc.returncode else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=20)
    parser.add_argument("--per-officer", type=int, default=15)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--rate-5xx", type=float, default=0.10)
    parser.add_argument("--rate-429", type=float, default=0.10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=300.0, help="seconds to wait at most")
    parser.add_argument("--database-url", default="")
    result = asyncio.run(run(parser.parse_args()))
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
