"""Entries per second through the channel-neutral core on SQLite, against a baseline.

Baseline: the same core answering /help (one transaction, delivery key, user lookup,
no domain writes). Measured: one-line household entries, each stored at once.
Run: python -m bench.entry_throughput [--n 300]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bot.config import load_settings
from bot.db import upgrade
from bot.runtime import build_runtime, sync_from_config
from handlers.engine.messages import PRIVATE, Inbound
from models.people import Identity, Role, User

NAMES = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hùng", "Khoa", "Lan", "Mai"]
ROOT = Path(__file__).resolve().parent.parent


def _inbound(text: str, option: str | None = None) -> Inbound:
    return Inbound(
        channel="console",
        user_id="bench",
        chat_id="bench",
        chat_type=PRIVATE,
        text=text,
        option=option,
        delivery_key=uuid.uuid4().hex,
    )


async def run(n: int) -> dict[str, float]:
    from dataclasses import replace

    tmp = Path(tempfile.mkdtemp())
    settings = load_settings(ROOT / "config.example.toml")
    settings = replace(settings, database_url=f"sqlite+aiosqlite:///{tmp / 'bench.sqlite3'}")
    await asyncio.to_thread(upgrade, settings.database_url)
    rt = build_runtime(settings)
    await sync_from_config(rt)
    async with rt.services.sessions() as s, s.begin():
        user = User(
            display_name="Bench",
            role=Role.OFFICER,
            hamlet_id=1,
            created_at=rt.services.clock.now(),
            active=True,
        )
        s.add(user)
        await s.flush()
        s.add(
            Identity(
                user_id=user.id,
                channel="console",
                external_id="bench",
                created_at=rt.services.clock.now(),
            )
        )

    base: list[float] = []
    for _ in range(n):
        t0 = time.perf_counter()
        await rt.core.handle(_inbound("/help"))
        base.append(time.perf_counter() - t0)

    entry: list[float] = []
    for i in range(n):
        t0 = time.perf_counter()
        replies = await rt.core.handle(
            _inbound(f"Nguyễn Văn {NAMES[i % len(NAMES)]}; Tổ {i}; 0912{i:06d}; 1, 2")
        )
        assert "Đã lưu" in replies[0].text, replies  # stored at once: no confirmation tap
        entry.append(time.perf_counter() - t0)
    await rt.close()

    def ms(xs: list[float], q: int) -> float:
        return statistics.quantiles(xs, n=100)[q - 1] * 1000

    return {
        "n": n,
        "baseline_per_s": n / sum(base),
        "entries_per_s": n / sum(entry),
        "baseline_p50_ms": ms(base, 50),
        "entry_p50_ms": ms(entry, 50),
        "entry_p95_ms": ms(entry, 95),
        "entry_p99_ms": ms(entry, 99),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    result = asyncio.run(run(parser.parse_args().n))
    for key, value in result.items():
        print(f"{key:>18}  {value:10.2f}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "entry_throughput.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
