"""The test campaign every test shares: a fixed "now", the hamlets and procedures, the raw
configuration, and registered users (conftest.py builds its fixtures from these)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.runtime import Runtime
from models.campaign import Hamlet
from models.people import Identity, Role, User

# 10:00 in Vietnam on Wednesday 15/04/2026 (a fixed "now" for every test).
NOW = datetime(2026, 4, 15, 3, 0, tzinfo=UTC)
# 08:00 on Monday 13/04: half an hour after last week's summary was due (Monday 07:30).
SUMMARY_DAY = datetime(2026, 4, 13, 1, 0, tzinfo=UTC)
# Registered at the campaign's start: there for every week's summary.
LONG_AGO = datetime(2026, 1, 1, 1, 0, tzinfo=UTC)

HAMLETS = [
    {"code": "BNA", "name": "Ấp Bãi Nhà A", "households": 412},
    {"code": "L364", "name": "Ấp Ba Sáu Tư", "households": 364},
    {"code": "L365", "name": "Ấp Ba Sáu Lăm", "households": 365},
    {"code": "L366", "name": "Ấp Ba Sáu Sáu", "households": 366},
    {"code": "NHO", "name": "Ấp Nhỏ", "households": 20},
]
PROCEDURES = [
    {"code": "KS", "name": "Đăng ký khai sinh"},
    {"code": "TTRU", "name": "Đăng ký thường trú"},
    {"code": "TAMTRU", "name": "Đăng ký tạm trú"},
    {"code": "LLTP", "name": "Cấp phiếu lý lịch tư pháp"},
    {"code": "KH", "name": "Đăng ký kết hôn"},
]


def raw_config(tmp: Path, **overrides: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "language": "vi",
        "timezone": "Asia/Ho_Chi_Minh",
        "database": {"url": f"sqlite+aiosqlite:///{tmp / 'bot.sqlite3'}"},
        "campaign": {
            "code": "test-2026",
            "name": "Mỗi ngày hướng dẫn 01 gia đình",
            "unit": "Đặc khu Kiên Hải",
            "start": date(2026, 1, 1),
            "end": date(2026, 12, 31),
        },
        "hamlets": [dict(h) for h in HAMLETS],
        "procedures": [dict(p) for p in PROCEDURES],
        "telegram": {"token": "123456:TEST-token-not-real"},
    }
    raw.update(overrides)
    return raw


async def make_user(
    runtime: Runtime,
    *,
    external_id: str,
    role: Role = Role.OFFICER,
    hamlet: str | None = "BNA",
    name: str = "Trần Văn Cán Bộ",
    channel: str = "console",
    joined: datetime | None = None,
) -> User:
    """A registered person; `joined` (when they registered) defaults to the clock's now."""
    async with runtime.services.sessions() as session, session.begin():
        hamlet_id = None
        if hamlet is not None:
            hamlet_id = await session.scalar(select(Hamlet.id).where(Hamlet.code == hamlet))
        user = User(
            display_name=name,
            role=role,
            hamlet_id=hamlet_id,
            created_at=joined or runtime.services.clock.now(),
            active=True,
        )
        session.add(user)
        await session.flush()
        session.add(
            Identity(
                user_id=user.id,
                channel=channel,
                external_id=external_id,
                created_at=runtime.services.clock.now(),
            )
        )
    return user
