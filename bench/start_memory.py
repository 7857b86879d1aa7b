"""Start-up cost of the bot (issue 22): import time, resident memory after start, cold start
to the first reply, and which heavy libraries start-up pulls in.

Each figure is taken in fresh processes, `--runs` times, and the median printed:

- import: `python -X importtime -c "import bot.serve"`, the cumulative time of `bot.serve`
  (what `python -m bot run` imports to serve);
- RSS: a child process imports `bot.cli.app` and `bot.serve` (as `run` does), builds the
  runtime on an SQLite database `python -m bot init` made from the example configuration,
  checks the schema as `run` does, has the core answer one console message (/help), then
  prints its peak resident memory (`ru_maxrss`) and the heavy libraries in `sys.modules`;
- cold start: the wall time of `printf '/help\\n' | python -m bot chat --config C --user
  bench` on that database (start, the schema check, one reply: what `run` does before its
  first answer, less the messenger), and of `printf '/help\\n' | python -m bot demo --data
  DIR` (a fresh database, the migrations, the sample households, the reply).

Run: python -m bench.start_memory [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("openpyxl", "docx", "matplotlib", "numpy", "lxml", "PIL", "segno", "alembic", "aiohttp")

CHILD = """
import asyncio, io, resource, sys
import bot.cli.app, bot.serve
from bot.channels.console import ConsoleChannel
from bot.config import load_settings
from bot.runtime import build_runtime, schema_is_current


async def main() -> None:
    runtime = build_runtime(load_settings(sys.argv[1]))
    try:
        assert await schema_is_current(runtime)
        await ConsoleChannel(runtime.core, "bench", "vi", stdout=io.StringIO()).send("/help")
    finally:
        await runtime.close()


asyncio.run(main())
heavy = sorted({n.partition(".")[0] for n in sys.modules} & set(sys.argv[2].split(",")))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, ",".join(heavy))
"""


def _python(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )


def import_ms() -> float:
    err = _python("-X", "importtime", "-c", "import bot.serve").stderr
    match = re.search(r"\|\s*(\d+)\s*\|\s*bot\.serve\s*$", err, re.MULTILINE)
    assert match, err[-500:]
    return int(match.group(1)) / 1000


def rss(config: Path) -> tuple[float, str]:
    """Peak RSS in MB (ru_maxrss is in KiB on Linux) and the heavy libraries loaded."""
    kib, _, heavy = _python("-c", CHILD, str(config), ",".join(HEAVY)).stdout.strip().partition(" ")
    return int(kib) / 1024, heavy


def chat_start_s(config: Path) -> float:
    start = time.perf_counter()
    _python("-m", "bot", "chat", "--config", str(config), "--user", "bench", stdin="/help\n")
    return time.perf_counter() - start


def cold_start_s(data: Path) -> float:
    shutil.rmtree(data, ignore_errors=True)
    start = time.perf_counter()
    _python("-m", "bot", "demo", "--data", str(data), stdin="/help\n")
    return time.perf_counter() - start


def measure(runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="start-memory-") as tmp:
        folder = Path(tmp)
        config = folder / "config.toml"
        shutil.copy(ROOT / "bot" / "config.example.toml", config)  # data_dir: tmp/data
        _python("-m", "bot", "init", "--config", str(config))
        imports, memory, chat, cold, heavy = [], [], [], [], set()
        for run in range(runs):
            imports.append(import_ms())
            mb, loaded = rss(config)
            memory.append(mb)
            heavy.add(loaded)
            chat.append(chat_start_s(config))
            cold.append(cold_start_s(folder / f"demo-{run}"))
    return {
        "runs": runs,
        "import_bot_serve_ms": statistics.median(imports),
        "import_range_ms": [min(imports), max(imports)],
        "rss_after_one_message_mb": statistics.median(memory),
        "rss_range_mb": [min(memory), max(memory)],
        "heavy_loaded": sorted(heavy),
        "chat_first_reply_s": statistics.median(chat),
        "chat_range_s": [min(chat), max(chat)],
        "cold_start_demo_s": statistics.median(cold),
        "cold_range_s": [min(cold), max(cold)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="one JSON line, nothing else")
    args = parser.parse_args()
    result = measure(args.runs)
    if args.json:
        print(json.dumps(result))
        return
    print(f"medians of {result['runs']} runs (min–max)")
    rows = (
        ("import bot.serve", "import_bot_serve_ms", "import_range_ms", "ms", ".0f"),
        ("RSS after one message", "rss_after_one_message_mb", "rss_range_mb", "MB", ".1f"),
        ("chat to first reply", "chat_first_reply_s", "chat_range_s", "s", ".2f"),
        ("demo to first reply", "cold_start_demo_s", "cold_range_s", "s", ".2f"),
    )
    for label, key, span, unit, fmt in rows:
        lo, hi = result[span]
        print(f"  {label:<24}{result[key]:8{fmt}} {unit:<3} ({lo:{fmt}}–{hi:{fmt}})")
    print(f"  {'heavy libraries loaded':<24}{'; '.join(result['heavy_loaded']) or 'none'}")


if __name__ == "__main__":
    main()
