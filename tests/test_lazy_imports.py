"""The bot starts without the libraries only some commands need (issue 22): openpyxl (with
numpy and lxml), python-docx, matplotlib (with Pillow), segno and Alembic are imported by
the export, the chart, the papers, the invite sheet, a list sent as a file and the
migrations, and aiohttp's server by a process serving HTTP, not by `python -m bot run` or
the console chat. Checked in a fresh interpreter (the test process has imported them all
long since): what `run` imports, the schema check it starts with, then a console
conversation through the core."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a Python process

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("openpyxl", "docx", "matplotlib", "numpy", "lxml", "PIL", "segno", "alembic", "aiohttp")

CHILD = """
import asyncio, io, json, sys
from dataclasses import replace
from pathlib import Path

import bot.cli.app  # `python -m bot`
import bot.serve  # what `run` imports once the schema is checked
from bot.channels.console import ConsoleChannel
from bot.cli.common import EXAMPLE_CONFIG
from bot.cli.demo import DEMO_USER, _seed
from bot.config import load_settings
from bot.runtime import build_runtime, schema_is_current
from models.people import Role

heavy, db = sys.argv[1].split(","), Path(sys.argv[2])
settings = replace(
    load_settings(str(EXAMPLE_CONFIG)),
    database_url=f"sqlite+aiosqlite:///{db}",
    data_dir=db.parent,
)


async def main() -> list[str]:
    await _seed(settings, Role.OFFICER)
    runtime = build_runtime(settings)
    try:
        assert await schema_is_current(runtime)
        console = ConsoleChannel(runtime.core, DEMO_USER, "vi", stdout=io.StringIO())
        replies = []
        for line in ("/help", "Nguyễn Văn Khách; Tổ 3, ấp Bãi Nhà A; 0912 345 000; khai sinh"):
            replies += [reply.text for reply in await console.send(line)]
        return replies
    finally:
        await runtime.close()


replies = asyncio.run(main())
loaded = sorted({name.partition(".")[0] for name in sys.modules} & set(heavy))
print(json.dumps({"loaded": loaded, "replies": replies}))
"""


def test_start_and_a_conversation_import_no_heavy_library(
    tmp_path: Path, template_db: Path
) -> None:
    db = tmp_path / "bot.sqlite3"
    shutil.copy(template_db, db)  # migrated in this process: the child must not need Alembic
    result = subprocess.run(
        [sys.executable, "-c", CHILD, ",".join(HEAVY), str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert any("Đã lưu hộ" in text for text in found["replies"]), found["replies"]
    assert found["loaded"] == []


def test_the_check_sees_a_library_once_it_is_needed(tmp_path: Path) -> None:
    """The same check, made to fail: an export's workbook brings openpyxl in."""
    child = (
        "import sys, bot.serve, handlers.render.workbook as w\n"
        "from pathlib import Path\n"
        "table = w.Table('S', 'T', 'P', (w.Column('A'),), (('x',),))\n"
        "w.write_tables([table], Path(sys.argv[1]), 'vi')\n"
        "print(sorted({n.partition('.')[0] for n in sys.modules} & set(sys.argv[2].split(','))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", child, str(tmp_path / "x.xlsx"), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "openpyxl" in result.stdout
