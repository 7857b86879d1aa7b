"""`python -m bot verify`: an auditor lists the spot-check batches and replays one from the
shell to see that its stored call list is exactly what its seed draws (run in this
process: tests/support/cli.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bot.clock import FixedClock
from bot.runtime import Runtime
from models.checks import add_flag, record_outcome
from models.households import Entry
from models.registry import campaign_by_code
from models.sampling import Rule
from models.verification import Check, Outcome
from tests.support.campaign import NOW
from tests.support.cli import InProcess, write_config
from tests.support.seed import seed
from tests.support.verification import draw_batch


@pytest.mark.slow
async def test_cli_verify_replay_list_and_tampering(
    runtime: Runtime, clock: FixedClock, tmp_path: Path, bot_cli: InProcess
) -> None:
    s = await seed(runtime)
    async with runtime.services.sessions() as session, session.begin():
        camp = await campaign_by_code(session, runtime.settings.campaign.code)
        f = await session.scalar(select(Entry).where(Entry.officer_id == s.l366.id))
        assert f is not None
        await add_flag(
            session,
            campaign_id=camp.id,
            entry=f,
            actor=s.supervisor,
            reason="số điện thoại trùng",
            now=NOW,
        )
    batch = await draw_batch(runtime, "a1b2c3d4e5f60718", Rule("rate", rate=0.10), s.supervisor.id)
    async with runtime.services.sessions() as session, session.begin():
        checks = list(
            await session.scalars(
                select(Check).where(Check.batch_id == batch.id).order_by(Check.position)
            )
        )
        await record_outcome(
            session,
            check=checks[0],
            caller=s.supervisor,
            outcome=Outcome.CONFIRMED,
            now=NOW,
            max_attempts=3,
            retry_after=timedelta(hours=1),
            lease=timedelta(minutes=30),
        )
    clock.set(NOW + timedelta(days=1, hours=2))
    other = await draw_batch(
        runtime, "0000000000000001", Rule("count", per_hamlet=2), None, ("L364",)
    )
    config = str(write_config(runtime, tmp_path))

    code, out, err = await bot_cli("verify", "--config", config, "--replay", str(batch.id))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == (
        f"Đợt kiểm tra #{batch.id}: rút lúc 15/04/2026 10:00 (giờ Việt Nam), "
        "người rút: Phòng Văn hóa Xã hội"
    )
    assert "Mã rút mẫu: a1b2c3d4e5f60718" in lines
    assert "Quy tắc: 10% số hộ mỗi ấp (ít nhất 1 hộ mỗi ấp, 1 hộ mỗi cán bộ)" in lines
    assert "Các ấp: BNA, L364, L365, L366, NHO" in lines
    assert f"Rút từ {batch.population} lượt ghi nhận; danh sách đã lưu: 7 hộ" in lines
    rows = [line for line in lines if line[:4].strip().rstrip(".").isdigit()]
    assert len(rows) == 7
    assert [int(r.split(".")[0]) for r in rows] == list(range(1, 8))
    assert all(f"lượt #{c.entry_id}" in r for c, r in zip(checks, rows, strict=True))
    assert "Đã xác nhận" in rows[0]
    assert sum("chưa gọi" in r for r in rows) == 6
    flagged = [r for r in rows if "🚩 được đánh dấu" in r]
    assert len(flagged) == 1 and "Hộ F" in flagged[0] and "L366" in flagged[0]
    assert "cán bộ Cán Bộ Ba Sáu Sáu" in flagged[0]
    assert lines[-1] == "✓ Rút lại với cùng mã rút mẫu cho đúng danh sách đã lưu (7 hộ)."
    assert "dấu vân tay" not in out

    code, out, err = await bot_cli("verify", "--config", config, "--list")
    assert code == 0, err
    assert out.splitlines() == [
        "2 đợt kiểm tra:",
        f"#{batch.id} · 15/04/2026 10:00 · 10% số hộ mỗi ấp (ít nhất 1 hộ mỗi ấp, 1 hộ mỗi "
        "cán bộ) · 7 hộ · đang mở: có kết quả 1/7, còn 6 hộ",
        f"#{other.id} · 16/04/2026 12:00 · 2 hộ mỗi ấp (không quá số hộ của ấp, ít nhất 1 "
        "hộ mỗi cán bộ) · 2 hộ · đang mở: có kết quả 0/2, còn 2 hộ",
    ]

    code, out, err = await bot_cli("verify", "--config", config, "--replay", "999")
    assert code == 2 and out == ""
    assert err.strip() == (
        "Không có đợt kiểm tra #999. Xem các đợt: python -m bot verify --config … --list"
    )

    # Someone reorders the stored list by hand: the replay says so, and where.
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            text(
                "UPDATE verification_check SET position = CASE position WHEN 2 THEN 5 "
                "ELSE 2 END WHERE batch_id = :b AND position IN (2, 5)"
            ),
            {"b": batch.id},
        )
    # And the other batch's data fingerprint no longer matches what its draw saw.
    async with runtime.services.sessions() as session, session.begin():
        await session.execute(
            text("UPDATE verification_batch SET fingerprint = 'x' WHERE id = :b"), {"b": other.id}
        )
    code, out, err = await bot_cli("verify", "--config", config, "--replay", str(batch.id))
    assert code == 1, err
    tail = out.splitlines()[-3:]
    assert tail == [
        "✗ Rút lại với cùng mã rút mẫu KHÔNG cho đúng danh sách đã lưu (7 hộ đã lưu, 7 hộ khi "
        "rút lại). Chỗ khác nhau:",
        f"  • Vị trí 2: đã lưu #{checks[4].entry_id}, rút lại ra #{checks[1].entry_id}",
        f"  • Vị trí 5: đã lưu #{checks[1].entry_id}, rút lại ra #{checks[4].entry_id}",
    ]
    code, out, err = await bot_cli("verify", "--config", config, "--replay", str(other.id))
    assert code == 0, err
    assert out.splitlines()[-2].startswith("✓ Rút lại với cùng mã rút mẫu")
    assert out.splitlines()[-1].startswith("ℹ Lưu ý: dữ liệu mà lần rút dựa vào đã khác")


async def test_cli_verify_empty_list_and_bad_arguments(
    runtime: Runtime, tmp_path: Path, bot_cli: InProcess
) -> None:
    config = str(write_config(runtime, tmp_path))
    code, out, err = await bot_cli("verify", "--config", config, "--list")
    assert (code, out) == (0, "Chưa có đợt kiểm tra nào.\n"), err
    code, out, err = await bot_cli("verify", "--config", config)
    assert code == 2 and "--replay" in err and out == ""
    code, out, err = await bot_cli("verify", "--config", str(tmp_path / "nope.toml"), "--list")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("Lỗi cấu hình")
