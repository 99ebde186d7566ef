"""Small statistics for the benchmark: medians, percentiles, ratios, the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100), nearest rank: an observed value, never interpolated."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def spread(values: Sequence[float]) -> dict[str, float]:
    """p50, p95 and max of one run's samples."""
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "max": max(values)}


def median_of_runs(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each statistic's median over repeated runs."""
    return {k: median([r[k] for r in runs]) for k in runs[0]} if runs else {}


def table(rows: list[tuple[str, str, str, str]]) -> str:
    """Rows of (measure, value, floor/ratio, target): aligned plain text."""
    head = ("measure", "median", "floor · ratio", "target")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(str(c).ljust(w) for c, w in zip(head, widths, strict=True)), line]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)
