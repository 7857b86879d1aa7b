"""The pace aims at the running award round's end (issue 23, item 2): in 2027 of a
2026–2030 campaign "đạt 95,0% trước 31/12/2027" (the year's review), not the phase's
31/12/2030 — in /tiendo, /baocao and the 17:00 reminder. A one-year campaign without
configured rounds keeps the campaign's end (its default 6-month round would move the date
to 30/06)."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.notify import Notifier
from bot.runtime import Runtime
from handlers.reports.export import export
from models.people import Role
from models.periods import resolve
from models.progress import pace_end
from models.registry import campaign_by_code
from models.reports import active_hamlets
from models.rules import AwardRound, CampaignConfig
from tests.support.campaign import LONG_AGO, make_user, raw_config
from tests.support.chat import Chat
from tests.support.notify import Recorder

PHASE = CampaignConfig(code="tp", name="n", unit="", start=date(2026, 1, 1), end=date(2030, 12, 31))
ONE_YEAR = CampaignConfig(
    code="kh", name="n", unit="", start=date(2026, 1, 1), end=date(2026, 12, 31)
)


def _round(code: str, start: date, end: date) -> AwardRound:
    return AwardRound(code, code, start, end, 5, 10, 3)


def test_pace_end_rule() -> None:
    # A phase: the year's review ends first; before the start, the first year's; after the
    # end, the campaign's (the pace then says the campaign is over).
    assert pace_end(PHASE, date(2027, 4, 15)) == date(2027, 12, 31)
    assert pace_end(PHASE, date(2030, 2, 1)) == date(2030, 12, 31)
    assert pace_end(PHASE, date(2025, 12, 1)) == date(2026, 12, 31)
    assert pace_end(PHASE, date(2031, 1, 5)) == date(2030, 12, 31)
    # A one-year campaign without configured rounds: the campaign's end, even in its first
    # half (its default rounds would say the 6-month review's 30/06).
    half = ONE_YEAR.current_round(date(2026, 4, 15))
    assert half is not None and half.end == date(2026, 6, 30)
    assert pace_end(ONE_YEAR, date(2026, 4, 15)) == date(2026, 12, 31)
    # Configured rounds count, in a one-year campaign too; outside every round, the end.
    rounds = (
        _round("st6", date(2026, 1, 1), date(2026, 6, 30)),
        _round("tk", date(2026, 1, 1), date(2026, 12, 31)),
    )
    configured = replace(ONE_YEAR, rounds=rounds)
    assert pace_end(configured, date(2026, 4, 15)) == date(2026, 6, 30)
    assert pace_end(configured, date(2026, 8, 1)) == date(2026, 12, 31)
    gap = replace(PHASE, rounds=(_round("y26", date(2026, 1, 1), date(2026, 12, 31)),))
    assert pace_end(gap, date(2027, 4, 15)) == date(2030, 12, 31)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    raw = raw_config(tmp_path, database={"url": database_url})
    raw["campaign"] |= {"code": "tp-2026-2030", "end": date(2030, 12, 31)}
    return parse_settings(raw, tmp_path)


# BNA: 412 households, 392 needed for 95%. One guided in June 2026: on 15/04/2027, 391 to go
# in the 261 days to 31/12/2027 (today included): 1,498 → 1,5 a day, 10,5 → 11 a week (to
# 31/12/2030, 1.356 days, it would be 0,3 a day).
PACE_2027 = "Cần trung bình 1,5 hộ/ngày (11 hộ/tuần) để đạt 95,0% trước 31/12/2027 (còn 391 hộ)"


@pytest.fixture
async def bna(runtime: Runtime, clock: FixedClock) -> Chat:
    await make_user(runtime, external_id="bna", hamlet="BNA", name="Cán Bộ Một", joined=LONG_AGO)
    clock.set(datetime(2026, 6, 10, 3, 0, tzinfo=UTC))
    chat = Chat(runtime, "bna")
    assert "Đã lưu hộ" in await chat.say("Lê Văn Một; Tổ 1; 0912 300 001; 1")
    clock.set(datetime(2027, 4, 15, 3, 0, tzinfo=UTC))  # 10:00 on 15/04/2027
    return chat


async def test_tiendo_aims_at_the_year_review(bna: Chat) -> None:
    out = await bna.say("/tiendo")
    assert PACE_2027 in out
    assert "31/12/2030" not in out


async def test_baocao_aims_at_the_year_review(runtime: Runtime, bna: Chat) -> None:
    await make_user(runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None, joined=LONG_AGO)
    sup = Chat(runtime, "sup")
    out = await sup.say("/baocao BNA")
    assert "• Cần trung bình 1,5 hộ/ngày để đạt trước 31/12/2027" in out
    assert "⚠️ Theo nhịp hiện tại, ấp không kịp đạt mục tiêu trước 31/12/2027." in out
    assert "31/12/2030" not in out.replace("01/01/2026 – 31/12/2030", "")
    # The all-hamlets /tiendo line: the same pace.
    line = next(line for line in (await sup.say("/tiendo")).splitlines() if "(BNA)" in line)
    assert line.endswith("cần 1,5 hộ/ngày")


async def test_the_reminder_aims_at_the_year_review(
    runtime: Runtime, bna: Chat, clock: FixedClock
) -> None:
    await make_user(runtime, external_id="7003", hamlet="BNA", channel="telegram", joined=LONG_AGO)
    clock.set(datetime(2027, 4, 15, 10, 5, tzinfo=UTC))  # 17:05
    rec = Recorder()
    assert await Notifier(runtime.services, "telegram", rec).run_reminders() == 1
    (text,) = rec.to("7003")
    assert f"• ⚠️ {PACE_2027}; nhịp hiện nay dưới 0,1 hộ/ngày." in text.splitlines()


async def test_the_workbook_pace_column_aims_at_the_year_review(
    runtime: Runtime, bna: Chat, tmp_path: Path
) -> None:
    settings = runtime.settings
    today = date(2027, 4, 15)
    async with runtime.services.sessions() as session, session.begin():
        result = await export(
            session,
            settings,
            campaign_id=(await campaign_by_code(session, settings.campaign.code)).id,
            period=resolve("year", settings.campaign, today),
            today=today,
            hamlets=await active_hamlets(session, ["BNA"]),
            fmt="csv",
            lang="vi",
            folder=tmp_path,
            actor_id=None,
            now=runtime.services.clock.now(),
            via="test",
            viewer=Role.SUPERVISOR,
        )
    result.write()
    with result.paths[0].open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = next(row for row in rows if "Cần TB hộ/ngày để đạt" in row)
    row = next(row for row in rows if "BNA" in row)
    assert row[header.index("Cần TB hộ/ngày để đạt")] == "1.5"  # not 0.3 (to 31/12/2030)
