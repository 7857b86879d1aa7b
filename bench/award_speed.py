"""How fast rosters, suggestions and award proposals are on a campaign of realistic size.

Seeds the same campaign as bench/report_speed.py (13 hamlets of 200–450 households, ~300
guided per hamlet, two officers each; clock 15/10/2026), then measures through the
channel-neutral core, against a `/help` baseline in the same run:

- roster import: each hamlet's household list sent as an .xlsx (every household the hamlet
  has guided, with its phone, plus the ones not yet guided, up to the hamlet's size): the
  file message (parse + preview) and the "Nhập danh sách" tap (store + link to guided
  households), and once a 5,000-row roster for one hamlet;
- `/chuahuongdan` by an officer (matching pass + the suggestions in their area);
- `/khenthuong nay` (eligibility over every hamlet and officer, the stored proposal and the
  evidence spreadsheet of every guided household), `eligibility()` alone, and one hamlet's
  dossier (Tờ trình + Biên bản .docx + its evidence .xlsx).

Results go to bench/results/award_speed.json (gitignored).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from bench.report_speed import (
    NOW,
    _clear_outbox,
    _inbound,
    _repeat,
    _stats,
    raw_config,
    seed,
    write_result,
)
from bot.clock import FixedClock
from bot.config import parse_settings
from bot.db import upgrade
from bot.runtime import Runtime, build_runtime, sync_from_config
from handlers.engine.messages import PRIVATE, Attachment, Inbound, Reply
from handlers.render.report_text import fail_rule
from models.awards import eligibility
from models.campaign import Hamlet
from models.households import Household
from models.periods import resolve
from models.registry import campaign_by_code

SUPERVISOR = "sup-0000"
OFFICER = "off-H01-0"


def _xlsx(rows: list[tuple[str, str, str, str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ tên chủ hộ", "Địa chỉ", "Số điện thoại", "Mã hộ"])
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def _rosters(rt: Runtime, rng: random.Random) -> dict[str, bytes]:
    """Per hamlet: its guided households (shuffled, as an office would list them) and the
    rest of its households, not yet guided."""
    files: dict[str, bytes] = {}
    async with rt.services.sessions() as session:
        hamlets = list(await session.scalars(select(Hamlet).order_by(Hamlet.code)))
        for h in hamlets:
            guided = list(
                await session.execute(
                    select(Household.head_name, Household.address, Household.phone).where(
                        Household.hamlet_id == h.id
                    )
                )
            )
            rows = [(str(n), str(a), "0" + str(p)[3:], "") for n, a, p in guided]
            for i in range(max(h.total_households - len(rows), 0)):
                rows.append(
                    (
                        f"Chưa Hướng Dẫn {_word(i)}",
                        f"Tổ {i % 12 + 1}, {h.name}",
                        f"086{rng.randrange(10**7):07d}",
                        "",
                    )
                )
            rng.shuffle(rows)
            files[h.code] = _xlsx(
                [(n, a, p, f"{h.code}-{k:04d}") for k, (n, a, p, _c) in enumerate(rows, 1)]
            )
    return files


def _word(i: int) -> str:
    letters = "ABCDEGHIKLMNOPQRSTUVXY"
    word = ""
    i += 1
    while i:
        i, r = divmod(i - 1, len(letters))
        word = letters[r] + word
    return word.capitalize()


async def _send_file(rt: Runtime, name: str, data: bytes, caption: str) -> list[Reply]:
    return await rt.core.handle(
        Inbound(
            channel="console",
            user_id=SUPERVISOR,
            chat_id=SUPERVISOR,
            chat_type=PRIVATE,
            text=caption,
            delivery_key=uuid.uuid4().hex,
            attachment=Attachment(name, data),
        )
    )


async def _import(rt: Runtime, code: str, data: bytes) -> tuple[float, float, str]:
    t0 = time.perf_counter()
    preview = await _send_file(rt, f"ds-{code}.xlsx", data, code)
    parse_s = time.perf_counter() - t0
    assert any("📋" in r.text for r in preview), [r.text[:600] for r in preview]
    t0 = time.perf_counter()
    done = await rt.core.handle(_inbound("1"))
    import_s = time.perf_counter() - t0
    text = "\n".join(r.text for r in done)
    assert "✅" in text, text[:200]
    return parse_s, import_s, text


async def run(hamlets: int, households: int, runs: int) -> dict[str, Any]:
    rng = random.Random(2026)
    tmp = Path(tempfile.mkdtemp(prefix="award_speed-"))
    try:
        settings = parse_settings(raw_config(tmp, hamlets, rng), tmp)
        await asyncio.to_thread(upgrade, settings.database_url)
        rt = build_runtime(settings, FixedClock(NOW))
        try:
            await sync_from_config(rt)
            seeded = await seed(rt, households, 1, rng, 0.0)
            return await _measure(rt, rng, runs, seeded.households)
        finally:
            await rt.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


async def _measure(rt: Runtime, rng: random.Random, runs: int, households: int) -> dict[str, Any]:
    settings = rt.settings
    help_times = await _repeat(max(10 * runs, 100), lambda: rt.core.handle(_inbound("/help")))

    files = await _rosters(rt, rng)
    parse, store = [], []
    matched = ""
    for code, data in files.items():
        p, s, matched = await _import(rt, code, data)
        parse.append(p)
        store.append(s)
    big = [
        (f"Hộ Lớn {_word(i)}", f"Tổ {i % 40 + 1}, Ấp Số 1", f"07{i:08d}", f"BIG-{i:05d}")
        for i in range(5000)
    ]
    big_parse, big_store, _text = await _import(rt, "H01", _xlsx(big))
    # Back to the real roster of H01 for the suggestions below.
    await _import(rt, "H01", files["H01"])

    todo = await _repeat(runs, lambda: rt.core.handle(_inbound("/chuahuongdan", OFFICER)))

    async with rt.services.sessions() as session:
        campaign_id = (await campaign_by_code(session, settings.campaign.code)).id
    today = NOW.astimezone(settings.timezone).date()
    period = resolve("since_start", settings.campaign, today)

    async def elig_only() -> None:
        async with rt.services.sessions() as session:
            await eligibility(
                session,
                campaign_id=campaign_id,
                campaign=settings.campaign,
                period=period,
                today=today,
                rules=settings.awards,
                fail_rule=fail_rule(settings),
            )

    elig = await _repeat(runs, elig_only)

    async def propose() -> None:
        replies = await rt.core.handle(_inbound("/khenthuong nay"))
        assert any(r.file is not None and r.file.exists() for r in replies)

    proposals = await _repeat(max(runs // 2, 3), propose, lambda: _clear_outbox(settings))

    async def dossier() -> None:
        replies = await rt.core.handle(_inbound("1"))  # the first hamlet's dossier button
        assert sum(1 for r in replies if r.file is not None and r.file.exists()) == 3, [
            r.text[:80] for r in replies
        ]

    dossiers = await _repeat(max(runs // 2, 3), dossier, lambda: _clear_outbox(settings))
    return {
        "params": {"hamlets": len(files), "guided_households": households, "runs": runs},
        "baseline_help": {**_stats(help_times), "per_s": len(help_times) / sum(help_times)},
        "roster_file_message": _stats(parse),
        "roster_import_tap": _stats(store),
        "roster_rows_total": sum(_rows(d) for d in files.values()),
        "roster_5000": {"file_message_ms": big_parse * 1000, "import_tap_ms": big_store * 1000},
        "last_match_report": matched,
        "chuahuongdan": _stats(todo),
        "eligibility_direct": _stats(elig),
        "khenthuong": _stats(proposals),
        "dossier": _stats(dossiers),
    }


def _rows(data: bytes) -> int:
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return int(sheet.max_row or 1) - 1


def _row(label: str, st: dict[str, float]) -> str:
    return (
        f"  {label:<34}{st['p50_ms']:9.1f} {st['p95_ms']:9.1f} {st['max_ms']:9.1f}"
        f"   n={st['n']:.0f}"
    )


def _print(r: dict[str, Any]) -> None:
    p, b = r["params"], r["baseline_help"]
    print(
        f"campaign: {p['hamlets']} hamlets, {p['guided_households']} guided households, "
        f"rosters of {r['roster_rows_total']} households in all"
    )
    print(f"baseline /help: {b['per_s']:.1f} msg/s, p50 {b['p50_ms']:.1f} ms")
    print(f"\n{'through the core, ms':<36}{'p50':>9} {'p95':>9} {'max':>9}")
    print(_row("roster .xlsx sent (parse+preview)", r["roster_file_message"]))
    print(_row("roster import tap (store+link)", r["roster_import_tap"]))
    big = r["roster_5000"]
    print(
        f"  {'5,000-row roster: file / import':<34}{big['file_message_ms']:9.1f} "
        f"{big['import_tap_ms']:9.1f}"
    )
    print(_row("/chuahuongdan (officer)", r["chuahuongdan"]))
    print(_row("eligibility() alone", r["eligibility_direct"]))
    print(_row("/khenthuong nay (+ evidence xlsx)", r["khenthuong"]))
    print(_row("one hamlet's dossier (3 files)", r["dossier"]))
    print(f"\nlast import said: {r['last_match_report'].splitlines()[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--hamlets", type=int, default=13)
    parser.add_argument("--households", type=int, default=300, help="per hamlet")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    result = asyncio.run(run(args.hamlets, args.households, args.runs))
    _print(result)
    write_result("award_speed", result)


if __name__ == "__main__":
    main()
