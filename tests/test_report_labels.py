"""Report labels a head or the office can trust: hamlet heads are never listed as idle
officers, and a past period's week figure is labelled by its dates, not "this week"."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from models.people import Role
from tests.support.campaign import LONG_AGO, make_user
from tests.support.chat import Chat


@pytest.mark.slow
async def test_heads_are_not_idle_officers_and_weeks_carry_their_dates(runtime: Runtime) -> None:
    await make_user(
        runtime, external_id="head", role=Role.HAMLET_HEAD, name="Trưởng Ấp Nghỉ", joined=LONG_AGO
    )
    await make_user(runtime, external_id="idle", name="Cán Bộ Nghỉ", joined=LONG_AGO)
    await make_user(runtime, external_id="busy", name="Cán Bộ Chăm", joined=LONG_AGO)
    await make_user(runtime, external_id="sup", role=Role.SUPERVISOR, hamlet=None)
    busy = Chat(runtime, "busy")
    assert "Đã lưu hộ" in await busy.say("Lê Văn Tuần; Tổ 1; 0912 300 001; 1; 08/04/2026")
    assert "Đã lưu hộ" in await busy.say("Lê Văn Nay; Tổ 1; 0912 300 002; 1")

    out = await Chat(runtime, "sup").say("/baocao tuantruoc BNA")
    idle_line = next(line for line in out.splitlines() if "Cán Bộ Nghỉ" in line)
    head_line = next(line for line in out.splitlines() if "Trưởng Ấp Nghỉ" in line)
    assert "💤" in idle_line and "💤" not in head_line
    # Last week (06/04 – 12/04): its week is named by its dates, never "tuần này".
    assert "tuần 06/04 – 12/04: +1" in out and "tuần này" not in out
