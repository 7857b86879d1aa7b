"""`python -m bot roster`: import a hamlet's household list from the shell (all or nothing,
confirmed or --yes) and show which roster each hamlet uses (run in this process:
tests/support/cli.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from models.campaign import Hamlet
from models.records import AuditEvent
from models.registry import HouseholdInput, campaign_by_code, create_household_entry
from models.roster import Roster, RosterHousehold
from tests.support.campaign import make_user
from tests.support.cli import InProcess, write_config
from tests.support.roster import HEADER, csv_bytes

GOOD = [  # L365: 4 households, 3 with a phone, 3 with a code
    ["1", "Nguyễn Văn An", "Tổ 1, ấp Ba Sáu Lăm", "0912 345 678", "L365-001"],
    ["2", "Võ Văn Đức", "Tổ 2, ấp Ba Sáu Lăm", "0983000111", "L365-002"],
    ["3", "Võ Thị Em", "Tổ 2, ấp Ba Sáu Lăm", "0983000111", ""],  # a shared family phone
    ["4", "Trần Thị Bình", "Tổ 3, ấp Ba Sáu Lăm", "", "L365-004"],
]
BAD = [
    ["1", "Nguyễn Văn An", "Tổ 1, ấp Bãi Nhà A", "0912 345 678", "BNA-001"],
    ["2", "", "Tổ 1, ấp Bãi Nhà A", "", "BNA-002"],  # row 3: no name
    ["3", "Lê Văn Cường", "Tổ 2, ấp Bãi Nhà A", "12ab", "BNA-003"],  # row 4: phone
    ["4", "Đỗ Thị Dung", "Tổ 2, ấp Bãi Nhà A", "", "BNA-001"],  # row 5: code of row 2
]


async def _guided(runtime: Runtime) -> None:
    """L365 guided: one household on the roster by phone, one whose phone two roster rows
    share (nobody's name matches: ambiguous), one not on the roster at all."""
    officer = await make_user(runtime, external_id="l365", hamlet="L365")
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        hamlet_id = await session.scalar(select(Hamlet.id).where(Hamlet.code == "L365"))
        assert hamlet_id is not None
        for name, phone in (
            ("Nguyễn Văn An", "+84912345678"),
            ("Võ Thị Cúc", "+84983000111"),
            ("Hộ Ngoài Danh Sách", "+84977000222"),
        ):
            await create_household_entry(
                session,
                campaign_id=camp.id,
                hamlet_id=hamlet_id,
                officer=officer,
                now=runtime.services.clock.now(),
                data=HouseholdInput(
                    name=name,
                    address="Tổ 1, ấp Ba Sáu Lăm",
                    phone=phone,
                    procedure_codes=("KS",),
                    dossier_code="",
                    guided_on=date(2026, 4, 1),
                ),
            )


async def _state(runtime: Runtime) -> tuple[dict[str, int], list[Roster]]:
    """(total households per hamlet code, every roster stored)."""
    async with runtime.services.sessions() as session:
        totals = {h.code: h.total_households for h in await session.scalars(select(Hamlet))}
        rosters = list(await session.scalars(select(Roster).order_by(Roster.id)))
    return totals, rosters


@pytest.mark.slow
async def test_cli_roster_import_replace_and_show(
    runtime: Runtime, tmp_path: Path, bot_cli: InProcess
) -> None:
    await _guided(runtime)
    config = str(write_config(runtime, tmp_path))
    good, bad, again = tmp_path / "ds-l365.csv", tmp_path / "bna.csv", tmp_path / "moi.csv"
    good.write_bytes(csv_bytes([HEADER, *GOOD]))
    bad.write_bytes(csv_bytes([HEADER, *BAD]))
    again.write_bytes(csv_bytes([HEADER, *GOOD[:3]]))
    imp = ("roster", "import", "--config", config)

    # Only the first one writes.
    code, out, err = await bot_cli(*imp, "--hamlet", "l365", str(good), "--yes")
    assert code == 0, err
    today = datetime.now(runtime.settings.timezone).strftime("%d/%m/%Y")
    assert out.splitlines() == [
        "📋 Danh sách hộ Ấp Ba Sáu Lăm (tệp ds-l365.csv): 4 hộ, 3 hộ có số điện thoại, "
        "3 hộ có mã hộ.",
        "Tổng số hộ của ấp sẽ tính là 4 (hiện tại: 365).",
        "✅ Đã nhập 4 hộ cho Ấp Ba Sáu Lăm. Tỷ lệ bao phủ của ấp từ nay tính trên 4 hộ.",
        # The command line is the office's own decision: applied from today, on record.
        f"Tổng số hộ của ấp: 365 → 4, áp dụng từ {today} (đã ghi vào lịch sử tổng số hộ; "
        "các kỳ trước vẫn tính trên số cũ).",
        "Ghép với các hộ đã hướng dẫn: 1 hộ đã khớp (theo số điện thoại, hoặc họ tên + địa "
        "chỉ); 1 hộ đã hướng dẫn không có trong danh sách.",
        "❓ 1 hộ chưa chắc là dòng nào (trùng số điện thoại hoặc trùng tên khác địa chỉ): gõ "
        "/ghepho để chọn giúp.",
    ]

    code, out, err = await bot_cli(*imp, "--hamlet", "BNA", str(bad), "--yes")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("❌ Chưa nhập danh sách: 3 dòng cần sửa (chưa lưu hộ nào; 1 ")
    assert [line[:9] for line in lines[1:]] == ["• Dòng 3 ", "• Dòng 4 ", "• Dòng 5 "]
    assert "họ tên chủ hộ" in lines[1] and "«12ab»" in lines[2] and "dòng 2" in lines[3]

    code, out, err = await bot_cli(*imp, "--hamlet", "XYZ", str(good), "--yes")
    assert code == 2 and out == ""
    assert "«XYZ»" in err and "BNA, L364, L365, L366, NHO" in err

    code, out, err = await bot_cli(*imp, "--hamlet", "NHO", str(good))  # stdin: no terminal
    assert code == 2, err
    assert out.startswith("📋 Danh sách hộ Ấp Nhỏ (tệp ds-l365.csv): 4 hộ")  # what it would do
    assert "--yes" in err and "Chưa nhập gì" in err

    code, out, err = await bot_cli(*imp, "--hamlet", "NHO", str(tmp_path / "nope.csv"), "--yes")
    assert (code, out) == (2, "")
    assert (
        err.strip() == f"Không mở được tệp «{tmp_path / 'nope.csv'}» (không có tệp này "
        "hoặc không có quyền đọc)."
    )

    totals, rosters = await _state(runtime)
    assert [(r.households, r.source, r.imported_by, r.replaced_at) for r in rosters] == [
        (4, "ds-l365.csv", None, None)
    ]
    assert totals == {"BNA": 412, "L364": 364, "L365": 4, "L366": 366, "NHO": 20}
    first = rosters[0]
    async with runtime.services.sessions() as session:
        rows = list(
            await session.scalars(
                select(RosterHousehold)
                .where(RosterHousehold.roster_id == first.id)
                .order_by(RosterHousehold.row)
            )
        )
        audits = list(
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "roster_import"))
        )
    assert [(r.row, r.head_name, r.phone, r.code) for r in rows] == [
        (2, "Nguyễn Văn An", "+84912345678", "L365-001"),
        (3, "Võ Văn Đức", "+84983000111", "L365-002"),
        (4, "Võ Thị Em", "+84983000111", ""),
        (5, "Trần Thị Bình", "", "L365-004"),
    ]
    assert [r.household_id is not None for r in rows] == [True, False, False, False]
    assert len(audits) == 1 and audits[0].actor_id is None and audits[0].after
    assert audits[0].after["source"] == "ds-l365.csv"
    assert audits[0].after["total_households"] == 4

    # A new list replaces the current one (kept, marked replaced) and the total follows it.
    code, out, err = await bot_cli(*imp, "--hamlet", "L365", str(again), "--yes")
    assert code == 0, err
    assert (
        "Danh sách này sẽ thay danh sách đang dùng (4 hộ; danh sách cũ vẫn được lưu lại)."
        in out.splitlines()
    )
    assert "✅ Đã nhập 3 hộ cho Ấp Ba Sáu Lăm." in out
    totals, rosters = await _state(runtime)
    assert [(r.households, r.replaced_at is not None) for r in rosters] == [(4, True), (3, False)]
    assert totals["L365"] == 3

    when = rosters[1].imported_at.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    l365 = (
        f"L365 · Ấp Ba Sáu Lăm: 3 hộ · tệp moi.csv · nhập lúc "
        f"{when:%d/%m/%Y %H:%M} · 1 hộ đã ghép, 1 hộ chưa chắc"
    )
    code, out, err = await bot_cli("roster", "show", "--config", config)
    assert code == 0, err
    assert out.splitlines() == [
        "BNA · Ấp Bãi Nhà A: chưa có danh sách hộ (tổng số hộ theo cấu hình: 412)",
        "L364 · Ấp Ba Sáu Tư: chưa có danh sách hộ (tổng số hộ theo cấu hình: 364)",
        l365,
        "L366 · Ấp Ba Sáu Sáu: chưa có danh sách hộ (tổng số hộ theo cấu hình: 366)",
        "NHO · Ấp Nhỏ: chưa có danh sách hộ (tổng số hộ theo cấu hình: 20)",
    ]
    code, out, err = await bot_cli("roster", "show", "--config", config, "--hamlet", "L365")
    assert (code, out.splitlines()) == (0, [l365]), err


async def test_cli_roster_import_asks_at_a_terminal(
    runtime: Runtime, tmp_path: Path, bot_cli: InProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = str(write_config(runtime, tmp_path))
    good = tmp_path / "ds.csv"
    good.write_bytes(csv_bytes([HEADER, *GOOD]))
    imp = ("roster", "import", "--config", config, "--hamlet")
    monkeypatch.delenv("CI", raising=False)

    code, out, err = await bot_cli(*imp, "NHO", str(good), stdin="y\n", tty=True)
    assert code == 0, err
    assert "Nhập danh sách này? (y/N) ✅ Đã nhập 4 hộ cho Ấp Nhỏ." in out
    code, out, err = await bot_cli(*imp, "L364", str(good), stdin="khong\n", tty=True)
    assert code == 1, err
    assert out.splitlines()[-1].endswith("(y/N) Đã hủy, danh sách hộ không thay đổi.")
    monkeypatch.setenv("CI", "true")  # never asks, even at a terminal
    code, out, err = await bot_cli(*imp, "BNA", str(good), stdin="y\n", tty=True)
    assert code == 2 and "--yes" in err and "(y/N)" not in out

    totals, rosters = await _state(runtime)
    assert [(r.hamlet_id, r.households) for r in rosters] == [(rosters[0].hamlet_id, 4)]
    assert (totals["NHO"], totals["L364"], totals["BNA"]) == (4, 364, 412)
