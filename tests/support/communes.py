"""A deployment covering two communes of the special zone, Xã Hòn Tre and Xã Lại Sơn, each
with its own hamlets (the tests of commune-scoped reports, announcements and supervisors)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.clock import FixedClock
from bot.config import Settings, parse_settings
from bot.runtime import Runtime, build_runtime, sync_from_config
from tests.support.campaign import raw_config

HON_TRE_UNIT = "Xã Hòn Tre"
LAI_SON_UNIT = "Xã Lại Sơn"


async def two_communes(
    settings: Settings,
    clock: FixedClock,
    tmp_path: Path,
    *,
    hon_tre: Sequence[tuple[str, str]],
    lai_son: Sequence[tuple[str, str]],
) -> Runtime:
    """A runtime on the test database whose hamlets, (code, name) each, are Hòn Tre's (40
    households each) and Lại Sơn's (20 each), synced from the config; the caller closes it."""
    hamlets = [
        {"code": c, "name": n, "households": 40, "unit": HON_TRE_UNIT} for c, n in hon_tre
    ] + [{"code": c, "name": n, "households": 20, "unit": LAI_SON_UNIT} for c, n in lai_son]
    rt = build_runtime(
        parse_settings(
            raw_config(tmp_path, hamlets=hamlets, database={"url": settings.database_url}), tmp_path
        ),
        clock,
    )
    await sync_from_config(rt)
    return rt
