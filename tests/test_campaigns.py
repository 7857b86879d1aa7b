"""Next year's campaign in the same database (issue 23): `init` with a new campaign makes it
current; it starts at zero; the earlier one's data stays, read-only, its export still
works by its code; a household guided last campaign is counted again this one, and the
officer is told it was guided before. And the sister plans' example configurations load
and start the demo."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.config import Settings, load_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from models.campaign import Hamlet
from models.households import Entry
from models.people import Role
from models.roster import RosterLine, import_roster
from tests.support.campaign import make_user
from tests.support.chat import Chat, entry_id
from tests.support.cli import InProcess, write_config

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))

LINE = "Trần Thị Năm Trước; Tổ 2; 0912 270 001; 1"
NEW_YEAR = datetime(2027, 3, 10, 3, 0, tzinfo=UTC)  # 10:00 on 10/03/2027 in Vietnam


def _next_year(settings: Settings) -> Settings:
    campaign = replace(
        settings.campaign, code="test-2027", start=date(2027, 1, 1), end=date(2027, 12, 31)
    )
    return replace(settings, campaign=campaign)


async def _next_runtime(settings: Settings) -> Runtime:
    """`init` with next year's configuration, then the bot runs with it."""
    rt = build_runtime(_next_year(settings), FixedClock(NEW_YEAR))
    await sync_from_config(rt)
    return rt


async def test_a_new_campaign_starts_at_zero_and_keeps_the_old_one(
    runtime: Runtime, settings: Settings, tmp_path: Path, bot_cli: InProcess
) -> None:
    await make_user(runtime, external_id="nam")
    await make_user(runtime, external_id="vhxh", role=Role.SUPERVISOR, hamlet=None)
    old = Chat(runtime, "nam")
    saved = await old.say(LINE)
    assert "Đã lưu hộ" in saved
    old_entry = entry_id(saved)
    assert "1/412" in await old.say("/tiendo")
    office_2026 = Chat(runtime, "vhxh")
    proposed = await office_2026.say("/khenthuong nay")
    assert "#1" in proposed

    rt = await _next_runtime(settings)
    try:
        chat = Chat(rt, "nam")
        progress = await chat.say("/tiendo")
        assert "0/412" in progress and "1/412" not in progress
        # The earlier campaign's entries are not this one's: not listed, not changed.
        assert "Trần Thị Năm Trước" not in await chat.say("/cuatoi")
        refused = await chat.say(f"/sua {old_entry}")
        assert "Trần Thị Năm Trước" not in refused
        # The same household again: stored and counted for this campaign, with a word.
        again = await chat.say(LINE)
        assert "Đã lưu hộ" in again and "1/412" in again
        assert "phong trào trước" in again and "Mỗi ngày hướng dẫn 01 gia đình" in again
        # A household never guided before: no such word.
        other = await chat.say("Lê Văn Mới; Tổ 5; 0912 270 002; 1")
        assert "Đã lưu hộ" in other and "phong trào trước" not in other
        # The office reads either campaign: this one by default, the earlier by its code.
        office = Chat(rt, "vhxh")
        now = await office.say("/baocao")
        assert "Ấp Bãi Nhà A" in now and "2/412" in now
        before = await office.say("/baocao test-2026")
        assert "1/412" in before and "2/412" not in before
        assert "Phong trào trước «Mỗi ngày hướng dẫn 01 gia đình» (test-2026" in before
        assert "31/12/2026" in before or "01/01/2026" in before
        # Its award proposals are still there, by its code; this campaign has none yet.
        assert "Chưa có đề xuất" in await office.say("/khenthuong_ds")
        listed = await office.say("/khenthuong_ds test-2026")
        assert "#1 · Từ đầu phong trào đến nay (01/01/2026" in listed
        # A new proposal on the earlier campaign's data, and its dossier from the button.
        again = await office.say("/khenthuong test-2026 nay")
        assert "#2" in again and "31/12/2026" in again and "Trần Văn Cán Bộ (BNA) – 1 hộ" in again
        dossier = await office.press("Hồ sơ Ấp Bãi Nhà A")
        assert "khen-thuong-2-BNA-to-trinh.docx" in dossier
    finally:
        await rt.close()

    # The earlier campaign's export, by its code, from next year's configuration.
    config = write_config(runtime, tmp_path)
    text = config.read_text(encoding="utf-8")
    text = text.replace('code = "test-2026"', 'code = "test-2027"')
    text = text.replace("start = 2026-01-01", "start = 2027-01-01")
    config.write_text(text.replace("end = 2026-12-31", "end = 2027-12-31"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    code, _, stderr = await bot_cli(
        "export", "--config", str(config), "--campaign", "test-2026", "--out", str(out)
    )
    assert code == 0, stderr
    (path,) = out.glob("*.xlsx")
    book = load_workbook(path, read_only=True)
    try:
        names = [
            str(cell.value) for ws in book.worksheets for row in ws.iter_rows() for cell in row
        ]
    finally:
        book.close()
    assert any("Trần Thị Năm Trước" in n for n in names)
    assert not any("Lê Văn Mới" in n for n in names)
    code, _, stderr = await bot_cli(
        "export", "--config", str(config), "--campaign", "khong-co", "--out", str(out)
    )
    assert code == 2 and "test-2026" in stderr and "test-2027" in stderr


async def test_before_next_years_campaign_starts_nothing_is_logged(
    runtime: Runtime, settings: Settings, clock: FixedClock
) -> None:
    """Next year's configuration is in place before 1 January: a household guided now is
    not stored with a day the new campaign does not cover, and the office is shown where
    this year's figures are."""
    await make_user(runtime, external_id="nam")
    await make_user(runtime, external_id="vhxh", role=Role.SUPERVISOR, hamlet=None)
    assert "Đã lưu hộ" in await Chat(runtime, "nam").say(LINE)
    rt = build_runtime(_next_year(settings), FixedClock(clock.now()))
    await sync_from_config(rt)
    try:
        chat = Chat(rt, "nam")
        refused = await chat.say("Lê Văn Sớm; Tổ 5; 0912 270 005; 1")
        assert "bắt đầu từ ngày 01/01/2027" in refused and "Đã lưu" not in refused
        assert "bắt đầu từ ngày 01/01/2027" in await chat.say("/them")
        async with rt.services.sessions() as session:
            assert await session.scalar(select(func.count()).select_from(Entry)) == 1
        office = Chat(rt, "vhxh")
        report = await office.say("/baocao")
        assert "bắt đầu từ ngày 01/01/2027" in report and "/baocao test-2026" in report
        assert "1/412" in await office.say("/baocao test-2026")
    finally:
        await rt.close()


async def test_a_period_still_to_come_has_no_report(runtime: Runtime) -> None:
    await make_user(runtime, external_id="vhxh", role=Role.SUPERVISOR, hamlet=None)
    office = Chat(runtime, "vhxh")
    for typed in ("/baocao quý 4", "/baocao tháng 12/2026", "/xuat quý 4"):
        out = await office.say(typed)
        assert "chưa có số liệu" in out and "Xếp hạng" not in out, typed


async def test_the_household_list_says_who_was_guided_last_campaign(
    runtime: Runtime, settings: Settings
) -> None:
    await make_user(runtime, external_id="nam")
    async with runtime.services.sessions() as session, session.begin():
        hamlet = await session.scalar(select(Hamlet).where(Hamlet.code == "BNA"))
        assert hamlet is not None
        await import_roster(
            session,
            hamlet=hamlet,
            lines=[
                RosterLine(1, "Trần Thị Năm Trước", "Tổ 2", "+84912270001", "H1"),
                RosterLine(2, "Phan Văn Chưa", "Tổ 3", "+84912270003", "H2"),
                RosterLine(3, "Võ Thị Cuối Năm", "Tổ 4", "+84912270004", "H3"),
            ],
            source="ds.csv",
            fingerprint="f" * 64,
            actor_id=None,
            now=runtime.services.clock.now(),
        )
    old = Chat(runtime, "nam")
    assert "Đã lưu hộ" in await old.say(LINE)
    shown = await old.say("/chuahuongdan")  # links the list's row to the household
    assert "còn 2/3 hộ" in shown and "1. Phan Văn Chưa" in shown
    # Guided after the list was last looked at: never linked in that campaign.
    assert "Đã lưu hộ" in await old.say("Võ Thị Cuối Năm; Tổ 4; 0912 270 004; 1")

    rt = await _next_runtime(settings)
    try:
        chat = Chat(rt, "nam")
        # A phone alone: not this campaign's household yet, guided in the earlier one.
        found = await chat.say("0912 270 004")
        assert "phong trào trước" in found and "test-2026" in found
        shown = await chat.say("/chuahuongdan")
        # All wait for this campaign; those guided last campaign say so, linked or not.
        assert "còn 3/3 hộ" in shown

        def line(name: str) -> str:
            return next(x for x in shown.splitlines() if name in x)

        assert "phong trào trước" in line("Trần Thị Năm Trước")
        assert "phong trào trước" in line("Võ Thị Cuối Năm")
        assert "phong trào trước" not in line("Phan Văn Chưa")
        # Guided again this campaign: its row is linked to this campaign's household.
        await chat.say("/huy")
        assert "Đã lưu hộ" in await chat.say(LINE)
        shown = await chat.say("/chuahuongdan")
        assert "còn 2/3 hộ" in shown
        assert not re.search(r"✍️ \d+\. Trần Thị Năm Trước", shown)  # no longer to do
    finally:
        await rt.close()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_example_configurations_load(path: Path) -> None:
    settings = load_settings(path)
    campaign = settings.campaign
    assert campaign.multi_year and campaign.start.year == 2026 and campaign.end.year == 2030
    rounds = campaign.award_rounds()
    assert all(campaign.start <= r.start <= r.end <= campaign.end for r in rounds)
    assert {r.start.year for r in rounds} == {2026, 2027, 2028, 2029, 2030}
    assert any(r.start == campaign.start and r.end == campaign.end for r in rounds)
    assert all(r.max_collective_awards == 5 and r.max_individual_awards == 10 for r in rounds)
    if "cat-hai" in path.stem:
        assert all(r.deadline is not None and r.deadline.month == 2 for r in rounds)
        assert next(r for r in rounds if r.end.year == 2027 and r.start.year == 2027).deadline == (
            date(2028, 2, 20)
        )


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
async def test_the_demo_starts_with_an_example(
    path: Path, tmp_path: Path, bot_cli: InProcess
) -> None:
    code, out, err = await bot_cli(
        "demo", "--config", str(path), "--data", str(tmp_path), stdin="/tiendo\n"
    )
    assert code == 0, err
    settings = load_settings(path)
    assert settings.hamlets[0].name in out


async def test_another_communes_papers_use_its_own_words(
    tmp_path: Path, bot_cli: InProcess
) -> None:
    """Thượng Phúc is a xã with thôn: its dossiers and the office's papers say "xã" and
    "thôn" where Kiên Hải's say "đặc khu" and "ấp"."""
    path = ROOT / "examples" / "thuong-phuc-2026-2030.toml"
    script = "/khenthuong nam-2026\n1\n/vanban nam-2026\n"
    code, out, err = await bot_cli(
        "demo", "--config", str(path), "--data", str(tmp_path), "--role", "supervisor", stdin=script
    )
    assert code == 0, err
    papers = _texts(tmp_path)
    assert len(papers) == 5, out  # Tờ trình, Biên bản; the office's report, Tờ trình, decision
    for name, text in papers.items():
        assert not re.search(r"(?i)đặc khu|(?<!\w)ấp(?!\w)", text), name
        assert "thôn" in text.casefold() and "xã" in text.casefold(), name
        # The plan has no special prize: no "0 giải đặc biệt (tối đa 0)" in its papers.
        assert "giải đặc biệt (tối đa" not in text and "0 giải đặc biệt" not in text, name


def _texts(folder: Path) -> dict[str, str]:
    """Every paragraph and table cell of each .docx written under `folder`."""
    found: dict[str, str] = {}
    for paper in sorted(folder.glob("outbox/*/*.docx")):
        doc = Document(str(paper))
        cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
        found[paper.name] = "\n".join([p.text for p in doc.paragraphs] + cells)
    return found


async def test_a_plan_without_a_special_prize_shows_none(
    tmp_path: Path, bot_cli: InProcess
) -> None:
    """Thượng Phúc's plan has no special prize (its caps are 0): no "tối đa 0" section."""
    path = ROOT / "examples" / "thuong-phuc-2026-2030.toml"
    code, out, err = await bot_cli(
        "demo",
        "--config",
        str(path),
        "--data",
        str(tmp_path / "sup"),
        "--role",
        "supervisor",
        stdin="/khenthuong nam-2026\n/baocao\n/baocao T1\n",
    )
    assert code == 0, err
    assert "TẬP THỂ (tối đa 5" in out and "CÁ NHÂN (tối đa 10" in out
    assert "GIẢI ĐẶC BIỆT" not in out
    assert "Thôn 1" in out and "giải ĐB" not in out and "giải đặc biệt" not in out
    code, out, err = await bot_cli(
        "demo", "--config", str(path), "--data", str(tmp_path / "off"), stdin="/tiendo\n"
    )
    assert code == 0, err
    assert "Hộ đã được hướng dẫn" in out and "giải đặc biệt" not in out


async def test_init_says_which_campaign_is_current(
    runtime: Runtime, tmp_path: Path, bot_cli: InProcess
) -> None:
    config = write_config(runtime, tmp_path)
    code, out, err = await bot_cli("init", "--config", str(config))
    assert code == 0, err
    assert "Phong trào hiện tại: «Mỗi ngày hướng dẫn 01 gia đình» (test-2026" in out
    assert "Phong trào trước" not in out
    text = config.read_text(encoding="utf-8").replace('code = "test-2026"', 'code = "test-2027"')
    text = text.replace("start = 2026-01-01", "start = 2027-01-01")
    config.write_text(text.replace("end = 2026-12-31", "end = 2027-12-31"), encoding="utf-8")
    code, out, err = await bot_cli("init", "--config", str(config))
    assert code == 0, err
    assert "(test-2027, 01/01/2027 – 31/12/2027)" in out and "test-2026" in out
