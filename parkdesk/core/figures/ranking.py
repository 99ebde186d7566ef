"""Which figures matter most: the one ranking of metrics that every list of key figures uses.

Output, revenue, enterprises, high-tech enterprises, investment and area come first, in that
order; then the rest (ranks among other zones always in the rest), money before counts before shares. Within a rank, amounts come before
percentages and the plainest name (fewest words) first.
"""

from __future__ import annotations

import re

from parkdesk.core.figures.kinds import RANK, figure_kind
from parkdesk.core.records import Figure

# A metric about an event or a channel ("... at the Cologne Dental Exhibition", "... through the
# ICBC partnership") is not the record's headline count, whatever noun it counts.
_SIDE = re.compile(r"\b(at|from|through|with|to|in the)\b", re.I)
_HEADLINE = (
    ("output", re.compile(r"\boutput\b", re.I), False),
    ("revenue", re.compile(r"\b(revenue|income|sales)\b", re.I), False),
    ("high-tech enterprises", re.compile(r"\bhigh[- ]tech (enterprises|companies)\b", re.I),
     True),
    ("enterprises", re.compile(r"\b(enterprises|companies|firms|smes)\b", re.I), True),
    ("investment", re.compile(r"\binvest(ment|ed)?\b", re.I), False),
    ("area", re.compile(r"\b(area|floor space|land)\b", re.I), False),
)
RANKED = ("output", "revenue", "enterprises", "high-tech enterprises", "investment", "area")


def headline(metric: str) -> str | None:
    """The headline group of a metric (one of RANKED), or None for the rest."""
    for name, pattern, plain_only in _HEADLINE:
        if pattern.search(metric) and not (plain_only and _SIDE.search(metric)):
            return name
    return None


def importance(metric: str, figure: Figure | None = None) -> tuple[int, int, int, str]:
    """A sort key: smaller is more important."""
    group = None if figure is not None and figure_kind(figure) == RANK else headline(metric)
    rank = RANKED.index(group) if group else len(RANKED)
    unit = (figure.unit or "") if figure else ""
    if unit == "%":
        share = 2
    elif "yuan" in unit:
        share = 0
    else:
        share = 1
    return (rank, share, len(metric.split()), metric.casefold())
