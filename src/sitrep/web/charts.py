"""The dyad chart as SVG geometry, computed here and drawn by the template (no JS library).

Bars: events per period stacked by PLOVER quad. Line: the cooperation–conflict index (mean
intensity, -10 .. +10) on the right-hand axis. Each bar links to its events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

WIDTH, HEIGHT = 900, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 16, 40
QUAD_NAMES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}


@dataclass(slots=True)
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[dict[str, Any]] = field(default_factory=list)
    line: str = ""  # SVG polyline points of the index
    dots: list[dict[str, Any]] = field(default_factory=list)
    y_ticks: list[dict[str, Any]] = field(default_factory=list)
    x_labels: list[dict[str, Any]] = field(default_factory=list)
    zero_y: float = 0.0
    plot: dict[str, float] = field(default_factory=dict)


def period_range(period: str) -> tuple[str, str]:
    """The since/until filter values covering a period label (2020-W26 -> its Monday..Sunday)."""
    if "-W" in period:
        year, week = period.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        sunday = date.fromisocalendar(int(year), int(week), 7)
        return monday.isoformat(), sunday.isoformat()
    return period, period


def dyad_chart(
    counts: list[dict[str, Any]], index: list[dict[str, Any]], events_url: str, dyad: list[str]
) -> Chart:
    chart = Chart()
    periods = sorted({c["period"] for c in counts} | {i["period"] for i in index})
    if not periods:
        return chart
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    chart.plot = {"x": LEFT, "y": TOP, "w": plot_w, "h": plot_h}
    slot = plot_w / len(periods)
    top = max((c["total"] for c in counts), default=1) or 1
    by_period = {c["period"]: c for c in counts}
    for n, period in enumerate(periods):
        x = LEFT + n * slot + slot * 0.1
        y = TOP + plot_h
        since, until = period_range(period)
        for quad in ("1", "2", "3", "4", "none"):
            value = by_period.get(period, {}).get("by", {}).get(quad, 0)
            if not value:
                continue
            height = plot_h * value / top
            y -= height
            params = [("dyad", dyad[0]), ("dyad", dyad[1]), ("since", since), ("until", until)]
            if quad != "none":
                params.append(("quad", quad))
            chart.bars.append(
                {
                    "x": round(x, 1),
                    "y": round(y, 1),
                    "w": round(max(slot * 0.8, 1), 1),
                    "h": round(height, 1),
                    "quad": quad,
                    "title": f"{period}: {value} {QUAD_NAMES.get(quad, 'unscored')} events",
                    "href": f"{events_url}?{urlencode(params)}",
                }
            )
    for value in _ticks(top):
        chart.y_ticks.append({"y": round(TOP + plot_h - plot_h * value / top, 1), "label": value})
    step = max(1, len(periods) // 12)
    chart.x_labels = [
        {"x": round(LEFT + (n + 0.5) * slot, 1), "label": p}
        for n, p in enumerate(periods)
        if n % step == 0
    ]
    chart.zero_y = TOP + plot_h / 2
    points = []
    for n, period in enumerate(periods):
        row = next((i for i in index if i["period"] == period), None)
        if row is None or row["mean"] is None:
            continue
        x = LEFT + (n + 0.5) * slot
        y = TOP + plot_h / 2 - (plot_h / 2) * row["mean"] / 10
        points.append(f"{x:.1f},{y:.1f}")
        chart.dots.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "title": f"{period}: index {row['mean']:+.2f} over {row['events']} events",
            }
        )
    chart.line = " ".join(points)
    return chart


def _ticks(top: int) -> list[int]:
    step = max(1, round(top / 4))
    return list(range(0, top + 1, step))
