"""handlers/render/charts.py: real PNGs with Vietnamese names, no missing glyphs, any number
of rows."""

from __future__ import annotations

import logging
import subprocess
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from handlers.render.charts import _cumulative_steps, coverage_chart, cumulative_chart
from models.periods import Period
from models.reports import HamletRow, Report

pytestmark = pytest.mark.slow  # matplotlib draws

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
START = date(2026, 1, 1)
END = date(2026, 12, 31)
AS_OF = date(2026, 4, 15)
# Between them: ấ ư ơ đ ộ ầ ờ ỏ, upper- and lower-case.
NAMES = (
    "Ấp Bãi Nhà A",
    "Ấp Hòn Đước",
    "Ấp Cây Dừa Ưng",
    "Ấp Bãi Nhà B",
    "Ấp Xẻo Ộp",
    "Ấp Thiềng Liềng",
    "Ấp Ngự Trị Ơn",
    "Ấp Đầu Bờ",
    "Ấp Lại Sơn",
    "Ấp Bãi Giếng",
    "Ấp Hòn Tre",
    "Ấp Bãi Bấc",
    "Ấp Đông Hồ",
)


def _row(i: int) -> HamletRow:
    total = 200 + 37 * i
    guided = total * (97 - 7 * (i % 14)) // 100
    return HamletRow(
        hamlet_id=i + 1,
        code=f"H{i:02d}",
        name=NAMES[i % len(NAMES)],
        total=total,
        target=-(-total * 95 // 100),
        required_procedures=2,
        guided=guided,
        special=0,
        new_households=3,
        week_new=1,
        entries=5,
        active_days=4,
        period_days=7,
        projected=None,
        behind_pace=False,
        rank=i + 1,
    )


def _report(n: int) -> Report:
    rows = sorted((_row(i) for i in range(n)), key=lambda r: -r.coverage)
    ranked = tuple(HamletRow(**{**r.__dict__, "rank": k}) for k, r in enumerate(rows, 1))
    return Report(
        period=Period("since_start", START, END),
        as_of=AS_OF,
        threshold=0.95,
        campaign_end=END,
        rows=ranked,
    )


def _daily() -> list[tuple[date, int]]:
    return [(START + timedelta(days=d), 1 + d % 3) for d in range(0, 105, 2)]


def _cumulative(path: Path, daily: list[tuple[date, int]], lang: str = "vi") -> Path:
    return cumulative_chart(
        hamlet_name="Ấp Cây Dừa Ưng",
        daily=daily,
        campaign_start=START,
        campaign_end=END,
        as_of=AS_OF,
        target=380,
        threshold=0.95,
        lang=lang,
        path=path,
    )


@contextmanager
def _no_font_trouble(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fails if any glyph went missing or a font was not found while drawing."""
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        yield
    messages = [str(w.message) for w in caught] + [
        r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")
    ]
    trouble = [m for m in messages if "Glyph" in m or "missing from font" in m or "findfont" in m]
    assert trouble == []


def _png(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    with Image.open(path) as image:
        assert image.format == "PNG"
        return image.size


def test_coverage_chart_is_a_png_with_every_vietnamese_letter(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = tmp_path / "not" / "yet" / "there.png"
    with _no_font_trouble(caplog):
        result = coverage_chart(_report(13), "vi", target)
    assert result == target
    assert target.stat().st_size > 10_000
    width, height = _png(target)
    assert 900 <= width <= 1400
    assert 400 <= height <= 1200


def test_coverage_chart_grows_with_the_hamlets(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with _no_font_trouble(caplog):
        _w5, small = _png(coverage_chart(_report(5), "vi", tmp_path / "5.png"))
        width, large = _png(coverage_chart(_report(60), "en", tmp_path / "60.png"))
    assert large > 2 * small
    # 60 rows still get about 30 pixels each, and Telegram's 20:1 ratio limit is far off.
    assert large / 60 >= 30
    assert large / width < 5


def test_coverage_chart_without_hamlets(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    empty = Report(
        period=Period("since_start", START, END),
        as_of=AS_OF,
        threshold=0.95,
        campaign_end=END,
        rows=(),
    )
    with _no_font_trouble(caplog):
        width, height = _png(coverage_chart(empty, "vi", tmp_path / "empty.png"))
    assert width > height > 100


def test_cumulative_chart(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with _no_font_trouble(caplog):
        path = _cumulative(tmp_path / "charts" / "cum.png", _daily())
    assert path.stat().st_size > 10_000
    width, height = _png(path)
    assert 900 <= width <= 1400
    assert 450 <= height <= 900


def test_cumulative_chart_without_households(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with _no_font_trouble(caplog):
        path = _cumulative(tmp_path / "cum.png", [], lang="en")
        first_day = cumulative_chart(
            hamlet_name="Ấp Hòn Đước",
            daily=[],
            campaign_start=START,
            campaign_end=END,
            as_of=START,
            target=19,
            threshold=0.95,
            lang="vi",
            path=tmp_path / "day1.png",
        )
    assert _png(path)[0] > 900
    assert _png(first_day)[0] > 900


def test_cumulative_chart_before_the_campaign_starts(tmp_path: Path) -> None:
    path = cumulative_chart(
        hamlet_name="Ấp Hòn Đước",
        daily=[],
        campaign_start=START,
        campaign_end=END,
        as_of=START - timedelta(days=3),
        target=10,
        threshold=0.95,
        lang="vi",
        path=tmp_path / "early.png",
    )
    assert _png(path)[0] > 900


def test_cumulative_steps() -> None:
    early = START - timedelta(days=2)  # typed before the start: counts from day 1
    daily = [(early, 2), (START, 1), (date(2026, 1, 5), 3), (date(2026, 5, 1), 9)]
    days, counts = _cumulative_steps(daily, START, AS_OF)
    assert days == [START, date(2026, 1, 5), AS_OF]
    assert counts == [3, 6, 6]  # the day after as_of is ignored; the line runs to as_of


def test_the_servers_default_font_cannot_drop_diacritics(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # cmr10 ships with matplotlib and has none of ấ ư ơ đ ộ: drawn with it, every one of
    # them would be a "Glyph … missing from font(s)" warning and an empty box.
    import matplotlib

    with matplotlib.rc_context({"font.family": ["cmr10"]}), _no_font_trouble(caplog):
        coverage_chart(_report(13), "vi", tmp_path / "c.png")
        _cumulative(tmp_path / "d.png", _daily())
    assert matplotlib.rcParams["font.family"] != ["cmr10"]  # our pinning was undone too


def test_charts_draw_in_worker_threads(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=3) as pool:
        jobs = [
            pool.submit(coverage_chart, _report(13), "vi", tmp_path / f"{i}.png") for i in range(2)
        ]
        jobs.append(pool.submit(_cumulative, tmp_path / "cum.png", _daily()))
        paths = [job.result(timeout=60) for job in jobs]
    assert [_png(p)[0] > 900 for p in paths] == [True, True, True]


def test_importing_the_module_does_not_load_matplotlib() -> None:
    code = "import sys, handlers.render.charts; print('matplotlib' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "False"
