"""Charts render headless as real PNGs with every Vietnamese letter in the font."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from handlers.charts import coverage_chart, cumulative_chart
from models.periods import Period
from models.reports import HamletRow, Report

NAMES = ["Ấp Bãi Nhà A", "Ấp Hòn Đước", "Ấp Cây Dừa Ưng", "Ấp Thiềng Liềng", "Ấp Xẻo Ngược"]


def _report(n: int) -> Report:
    rows = tuple(
        HamletRow(hamlet_id=i, code=f"A{i:02d}", name=NAMES[i % len(NAMES)], total=400,
                  target=380, required_procedures=1, guided=400 - i * 6, special=300,
                  new_households=3, week_new=2, entries=5, active_days=4, period_days=7,
                  projected=None, behind_pace=i > 2, rank=i + 1)
        for i in range(n))
    return Report(period=Period("since_start", date(2026, 1, 1), date(2026, 4, 15)),
                  as_of=date(2026, 4, 15), threshold=0.95, campaign_end=date(2026, 12, 31),
                  rows=rows)


def _png(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000
    with Image.open(path) as image:
        return image.size


@pytest.fixture
def no_glyph_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(
            logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("always")
        yield
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "glyph" in m.lower() or "missing from" in m.lower()]


@pytest.mark.usefixtures("no_glyph_warnings")
def test_coverage_chart_grows_with_the_hamlets(tmp_path: Path) -> None:
    width13, height13 = _png(coverage_chart(_report(13), "vi", tmp_path / "c13.png"))
    assert width13 >= 800
    _, height5 = _png(coverage_chart(_report(5), "en", tmp_path / "c5.png"))
    _, height60 = _png(coverage_chart(_report(60), "vi", tmp_path / "sub" / "c60.png"))
    assert height5 <= height13 < height60
    coverage_chart(_report(0), "vi", tmp_path / "empty.png")
    assert (tmp_path / "empty.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.usefixtures("no_glyph_warnings")
def test_cumulative_chart_with_and_without_data(tmp_path: Path) -> None:
    start = date(2026, 1, 1)
    daily = [(start + timedelta(days=d), 1 + d % 2) for d in range(0, 100, 2)]
    width, height = _png(cumulative_chart(
        hamlet_name="Ấp Cây Dừa Ưng", daily=daily, campaign_start=start,
        campaign_end=date(2026, 12, 31), as_of=date(2026, 4, 15), target=380,
        threshold=0.95, lang="vi", path=tmp_path / "cum.png"))
    assert width >= 800 and height >= 400
    empty = cumulative_chart(
        hamlet_name="Ấp Hòn Đước", daily=[], campaign_start=start,
        campaign_end=date(2026, 12, 31), as_of=start, target=19, threshold=0.95,
        lang="en", path=tmp_path / "none.png")
    assert empty.read_bytes()[:4] == b"\x89PNG"
