"""Figures over time: a metric reported for several years drawn as a small SVG line chart,
each point labelled with its value and its source numbers. Made here, without Qt, so that the
detail pane and the fact sheet show the same chart (the UI renders it with QtSvg).

Projections (expected, estimated, a target) are drawn hollow, on a dashed line.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from parkdesk.core.figures.readings import MetricLine, Reading
from parkdesk.core.figures.wording import split_qualifier

# Drawn at three times the size it is shown, so print stays sharp: see `SHOWN`.
WIDTH, HEIGHT = 720, 240
SHOWN = (WIDTH // 3, HEIGHT // 3)
_PAD_X, _PAD_TOP, _PAD_BOTTOM = 60, 54, 48
_INK, _MUTED, _LINE = "#1b2f4b", "#4a4f55", "#1565c0"


@dataclass(frozen=True)
class Point:
    """One value of a series: the year, the number, its label and its source numbers."""

    year: int
    value: float
    label: str
    projection: str | None  # "expected", "estimated"... or None for a reported value
    sources: tuple[int, ...] = ()


def _year(period: str | None) -> int | None:
    head = (period or "")[:4]
    return int(head) if head.isdigit() else None


def series(line: MetricLine) -> list[Reading]:
    """The readings of a line that make a series: numbers in one unit for two or more
    different years (oldest first); [] when there is no series to draw."""
    points = [r for r in line.readings
              if r.figure.value is not None and _year(r.figure.refers_to) is not None]
    units = {r.figure.unit for r in points}
    years = {_year(r.figure.refers_to) for r in points}
    if len(units) != 1 or len(years) < 2 or len(years) != len(points):
        return []
    return sorted(points, key=lambda r: r.figure.refers_to or "")


def points_of(readings: Sequence[Reading], cite: Callable[[Reading], tuple[int, ...]]
              ) -> list[Point]:
    """Chart points of a series, each with the source numbers `cite` gives its reading."""
    return [
        Point(_year(r.figure.refers_to) or 0, r.figure.value or 0.0, r.figure.value_text,
              split_qualifier(r.figure.qualifier).projection, cite(r))
        for r in readings
    ]


def chart_svg(points: Sequence[Point], unit: str | None) -> str:
    """A small line chart of the points, years along the bottom, values at the points."""
    lo = min(0.0, min(p.value for p in points))
    hi = max(p.value for p in points) or 1.0
    first, last = points[0].year, points[-1].year
    span = max(last - first, 1)
    inner_w = WIDTH - 2 * _PAD_X
    inner_h = HEIGHT - _PAD_TOP - _PAD_BOTTOM

    def xy(p: Point) -> tuple[float, float]:
        x = _PAD_X + (p.year - first) / span * inner_w
        y = _PAD_TOP + (1 - (p.value - lo) / (hi - lo or 1)) * inner_h
        return round(x, 1), round(y, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">',
        f'<line x1="{_PAD_X}" y1="{HEIGHT - _PAD_BOTTOM}" x2="{WIDTH - _PAD_X}" '
        f'y2="{HEIGHT - _PAD_BOTTOM}" stroke="{_MUTED}" stroke-width="3"/>',
    ]
    for a, b in pairwise(points):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        dash = ' stroke-dasharray="14 10"' if b.projection else ""
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{_LINE}" '
                     f'stroke-width="5"{dash}/>')
    for p in points:
        x, y = xy(p)
        fill = "#ffffff" if p.projection else _LINE
        parts.append(f'<circle cx="{x}" cy="{y}" r="11" fill="{fill}" stroke="{_LINE}" '
                     'stroke-width="5"/>')
        refs = "[" + ",".join(str(n) for n in p.sources) + "]" if p.sources else ""
        text = " ".join(x for x in (p.label, p.projection, refs) if x)
        anchor = "start" if p is points[0] and len(points) > 1 else \
            "end" if p is points[-1] else "middle"
        parts.append(f'<text x="{x}" y="{y - 24}" font-size="33" fill="{_INK}" '
                     f'text-anchor="{anchor}">{escape(text)}</text>')
        parts.append(f'<text x="{x}" y="{HEIGHT - 12}" font-size="30" fill="{_MUTED}" '
                     f'text-anchor="middle">{p.year}</text>')
    if unit:
        parts.append(f'<text x="6" y="{HEIGHT - _PAD_BOTTOM - 8}" font-size="24" '
                     f'fill="{_MUTED}">{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def data_uri(svg: str) -> str:
    """The SVG as a data: URI for an <img> in rich text."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def line_chart(line: MetricLine, cite: Callable[[Reading], tuple[int, ...]]) -> str | None:
    """The chart of a metric line as a data: URI, or None when it is not a series."""
    readings = series(line)
    if not readings:
        return None
    return data_uri(chart_svg(points_of(readings, cite), readings[0].figure.unit))
