"""PNG charts for supervisors: hamlets ranked by coverage, one hamlet's cumulative progress.

Drawing is plain synchronous work meant for `asyncio.to_thread`, so it uses matplotlib's
object-oriented API (a `Figure` on its own Agg canvas) and never pyplot, whose global figure
registry is neither thread-safe nor ever freed without `close`. matplotlib is imported only
when a chart is drawn: it costs a noticeable fraction of a second, and the bot's start-up and
most tests never draw.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handlers.engine.i18n import fmt_date, fmt_pct, t
from models.reports import Report

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DPI = 120
# Bundled with matplotlib and covers every Vietnamese letter; a server's default font may not.
FONT = "DejaVu Sans"

# Behind the value labels, so the dashed target line and the pace line don't strike through
# the digits of the hamlets closest to them.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}

REACHED_COLOR = "#2e7d32"
PENDING_COLOR = "#4a78b0"
TARGET_COLOR = "#c62828"
PACE_COLOR = "#8a8a8a"

WIDTH_IN = 9.0
COVERAGE_ROW_IN = 0.3  # per hamlet: 9-point names stay legible with 60 hamlets
COVERAGE_FRAME_IN = 1.6  # title, axis, legend
COVERAGE_MIN_HEIGHT_IN = 3.2
CUMULATIVE_HEIGHT_IN = 5.4

# rcParams are process-wide: rc_context from two worker threads at once could restore each
# other's settings mid-drawing, and matplotlib's font and text caches are not thread-safe
# either. Charts are rare and take a fraction of a second, so one at a time is cheap.
_LOCK = threading.Lock()


@contextmanager
def _drawing() -> Iterator[None]:
    """matplotlib loaded on Agg, the font pinned and the global settings held for one chart."""
    import matplotlib

    with _LOCK:
        # No display on servers. Our figures get their Agg canvas explicitly anyway; this
        # only keeps anything else in the process from probing for a GUI. A no-op once set.
        matplotlib.use("Agg")
        with matplotlib.rc_context(
            {
                "font.family": [FONT],
                "font.sans-serif": [FONT],
                "axes.unicode_minus": False,
                "svg.fonttype": "path",
            }
        ):
            yield


def _new_figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fig.savefig(path, format="png", dpi=DPI, facecolor="white")
    finally:
        # Break the figure's reference cycles now rather than at the next GC pass: the
        # renderer's buffers are a few megabytes for a tall chart.
        fig.clear()
    return path


def _hamlet_label(name: str, code: str) -> str:
    return f"{name} ({code})" if code and code != name else name


def coverage_chart(report: Report, lang: str, path: Path) -> Path:
    """Horizontal bars of every hamlet's coverage, rank 1 on top, with the target line."""
    rows = report.rows
    height = max(COVERAGE_MIN_HEIGHT_IN, COVERAGE_FRAME_IN + COVERAGE_ROW_IN * len(rows))
    with _drawing():
        fig = _new_figure(WIDTH_IN, height)
        ax = fig.add_subplot()
        values = [r.coverage * 100 for r in rows]
        positions = list(range(len(rows)))
        bars = ax.barh(
            positions,
            values,
            height=0.7,
            color=[REACHED_COLOR if r.reached else PENDING_COLOR for r in rows],
        )
        ax.bar_label(
            bars,
            labels=[fmt_pct(lang, r.coverage) for r in rows],
            padding=3,
            fontsize=8,
            bbox=LABEL_BOX,
        )
        ax.set_yticks(positions, [_hamlet_label(r.name, r.code) for r in rows], fontsize=9)
        # Without rows the y range would default to 0..1 and leave a stray half-band.
        ax.set_ylim(len(rows) - 0.5 if rows else 0.5, -0.5)  # inverted: rank 1 at the top

        threshold_line = ax.axvline(
            report.threshold * 100,
            color=TARGET_COLOR,
            linestyle="--",
            linewidth=1.2,
            label=t(lang, "chart_threshold_line", pct=fmt_pct(lang, report.threshold)),
        )
        # Room right of 100% for the percentage labels; data above 100% is a data error,
        # but it should still show rather than run off the chart.
        ax.set_xlim(0, max([100.0, *values]) + 13)
        ax.set_xticks(range(0, 101, 10))
        ax.set_xlabel(t(lang, "chart_coverage_axis"))
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(
            t(lang, "chart_coverage_title", day=fmt_date(report.as_of)), fontsize=12, loc="left"
        )
        # Outside the axes: the top bars (best hamlets) and the bottom ones can both be long,
        # so no corner of the plot is reliably empty.
        fig.legend(handles=[threshold_line], loc="outside lower right", frameon=False, fontsize=9)
        return _save(fig, path)


def _cumulative_steps(
    daily: list[tuple[date, int]], start: date, as_of: date
) -> tuple[list[date], list[int]]:
    """Step points (day, households guided up to the end of that day) from start to as_of."""
    # Entries dated before the campaign (typed before the start, say) still count, from day 1.
    total = sum(n for day, n in daily if day <= start)
    days, counts = [start], [total]
    for day, n in daily:
        if start < day <= as_of:
            total += n
            days.append(day)
            counts.append(total)
    if as_of > days[-1]:
        days.append(as_of)
        counts.append(total)
    return days, counts


def cumulative_chart(
    *,
    hamlet_name: str,
    daily: list[tuple[date, int]],
    campaign_start: date,
    campaign_end: date,
    as_of: date,
    target: int,
    threshold: float,
    lang: str,
    path: Path,
) -> Path:
    """A hamlet's cumulative households against the one-a-day pace and the target."""
    days, counts = _cumulative_steps(daily, campaign_start, max(as_of, campaign_start))
    campaign_days = (campaign_end - campaign_start).days + 1
    with _drawing():
        from matplotlib.dates import AutoDateLocator, DateFormatter

        fig = _new_figure(WIDTH_IN, CUMULATIVE_HEIGHT_IN)
        ax = fig.add_subplot()
        # "post": a day's households count from that day on, matching the pace line's
        # "1 on day 1" at the day's own tick.
        # matplotlib takes dates through its unit converters; its stubs only admit floats.
        x_days: Any = days
        x_span: Any = [campaign_start, campaign_end]
        actual = ax.step(
            x_days,
            counts,
            where="post",
            color=PENDING_COLOR,
            linewidth=2.2,
            label=t(lang, "chart_actual"),
        )[0]
        ax.annotate(
            str(counts[-1]),
            xy=(days[-1], counts[-1]),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=9,
            color=PENDING_COLOR,
            fontweight="bold",
            bbox=LABEL_BOX,
        )
        pace = ax.plot(
            x_span,
            [1, campaign_days],
            color=PACE_COLOR,
            linestyle=":",
            linewidth=1.6,
            label=t(lang, "chart_pace_line"),
        )[0]
        target_line = ax.axhline(
            target,
            color=TARGET_COLOR,
            linestyle="--",
            linewidth=1.2,
            label=t(lang, "chart_target_line", target=target, pct=fmt_pct(lang, threshold)),
        )

        # Scale to the target and the actual curve, not to the pace line's end: a small
        # hamlet's target can be a fraction of a year's days, and the curve that matters
        # would be squashed into the bottom of the plot. The pace line is simply clipped.
        ax.set_ylim(0, max(target, counts[-1], 5) * 1.12)
        ax.set_xlim(*x_span)
        locator = AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(DateFormatter("%d/%m"))  # type: ignore[no-untyped-call]
        ax.set_ylabel(t(lang, "chart_cumulative_axis"))
        ax.grid(alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(t(lang, "chart_cumulative_title", hamlet=hamlet_name), fontsize=12, loc="left")
        # Outside the axes: the pace and target lines cross every corner of the plot.
        fig.legend(
            handles=[actual, pace, target_line],
            loc="outside lower center",
            ncols=3,
            frameon=False,
            fontsize=9,
        )
        return _save(fig, path)
