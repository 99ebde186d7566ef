"""Reports of one metric side by side: which agree and which conflict.

A conflict is the same metric of the same record for the same period with values that differ
beyond rounding. Reports that agree (the same value, a rounding of it, or a bound it meets, such
as "over 70%" beside 76.21%) are one reading: the most precise value, "also reported as" the
others. Different metrics are never compared, nor are different periods (they are a series).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from parkdesk.core.figures.ranking import importance
from parkdesk.core.figures.wording import (
    amount_text,
    period_display,
    split_qualifier,
    value_display,
)
from parkdesk.core.records import Figure

_SCALES = {"thousand": 1e3, "million": 1e6, "hundred million": 1e8, "billion": 1e9,
           "trillion": 1e12}
_AT_LEAST = ("over", "more than", "at least")
_AT_MOST = ("nearly", "almost", "less than", "fewer than", "under", "up to", "at most")
_ABOUT = ("about", "approximately", "around")
ABOUT_TOLERANCE = 0.1  # "about 19" covers 17.1 to 20.9
NEARLY_TOLERANCE = 0.1  # "nearly 50" covers 45 to 50


@dataclass(frozen=True)
class Reading:
    """One value of a metric for one period, and the reports that agree with it."""

    figure: Figure  # the most precise report
    also: tuple[Figure, ...] = ()

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.figure, *self.also)

    @cached_property
    def period(self) -> str:
        """The period resolved, with the articles' words when they were relative."""
        quotes = [c.quote for f in self.figures for c in f.sources]
        return period_display(self.figure.refers_to, quotes)

    @cached_property
    def text(self) -> str:
        """"19.346 billion yuan (also reported as 19.3)"; a projection says so."""
        main = value_display(self.figure.value_text, self.figure.unit, self.figure.qualifier,
                             self.figure.refers_to)
        others = list(dict.fromkeys(
            _also_text(self.figure, f) for f in self.also
        ))
        others = [o for o in others if o and o != main]
        if others:
            main += f" (also reported as {' and '.join(others)})"
        return main


@dataclass(frozen=True)
class MetricLine:
    """A metric of one record: its readings, newest period first, and where reports conflict."""

    metric: str
    readings: tuple[Reading, ...]

    @property
    def conflicting_periods(self) -> tuple[str | None, ...]:
        """Periods with more than one reading: the articles disagree beyond rounding."""
        seen: dict[str | None, int] = {}
        for r in self.readings:
            seen[r.figure.refers_to] = seen.get(r.figure.refers_to, 0) + 1
        return tuple(p for p, n in seen.items() if n > 1)

    @property
    def conflict(self) -> bool:
        return bool(self.conflicting_periods)

    @property
    def label(self) -> str:
        return self.metric[:1].upper() + self.metric[1:]


def _also_text(main: Figure, other: Figure) -> str:
    if other.unit == main.unit and other.value_text == main.value_text and \
            split_qualifier(other.qualifier) == split_qualifier(main.qualifier):
        return ""  # the same words: only its source is added
    unit = None if other.unit == main.unit and other.unit != "%" else other.unit
    return amount_text(other.value_text, unit, other.qualifier)


def _base(f: Figure) -> float | None:
    """The value in base units, so that 0.5 billion and 500 million compare."""
    if f.value is None:
        return None
    unit = (f.unit or "").casefold()
    scale = next((s for word, s in sorted(_SCALES.items(), key=lambda x: -len(x[0]))
                  if unit.startswith(word + " ")), 1.0)
    return f.value * scale


def _currency(f: Figure) -> str:
    unit = (f.unit or "").casefold()
    for word in sorted(_SCALES, key=len, reverse=True):
        if unit.startswith(word + " "):
            return unit[len(word) + 1:]
    return unit


def _decimals(text: str) -> int:
    digits = text.replace(",", "")
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def _comparable(a: Figure, b: Figure) -> bool:
    """Whether two values can be compared: same unit, or both counts of something."""
    if a.value is None or b.value is None:
        return False
    if a.unit == b.unit or _currency(a) == _currency(b) != "":
        return True
    counted = {"%", *("m²", "km²", "ha", "mu", "㎡")}
    return bool(a.unit and b.unit) and a.unit not in counted and b.unit not in counted \
        and " " not in (a.unit or "") and " " not in (b.unit or "")


def agrees(precise: Figure, other: Figure) -> bool:
    """Whether `other` says the same as `precise`: equal, a rounding, or a bound it meets."""
    if precise.value is None or other.value is None:
        return " ".join(precise.value_text.casefold().split()) == \
            " ".join(other.value_text.casefold().split()) and precise.unit == other.unit
    if not _comparable(precise, other):
        return False
    a, b = _base(precise), _base(other)
    assert a is not None and b is not None
    approx = split_qualifier(other.qualifier).approx
    if a == b:
        return True
    if approx in _AT_LEAST:
        return a >= b
    if approx in _AT_MOST:
        return b * (1 - NEARLY_TOLERANCE) <= a <= b
    if approx in _ABOUT:
        return abs(a - b) <= ABOUT_TOLERANCE * abs(b)
    if split_qualifier(precise.qualifier).approx:
        return False
    in_other_unit = a / (b / other.value) if other.value else a
    return round(in_other_unit, _decimals(other.value_text)) == other.value


def _precision(f: Figure) -> tuple[int, int]:
    """Exact values before approximate ones, more decimals first."""
    return (1 if split_qualifier(f.qualifier).approx else 0, -_decimals(f.value_text))


def metric_lines(figures: Iterable[Figure]) -> list[MetricLine]:
    """A record's figures as one line per metric, most important metric first (`importance`)."""
    by_metric: dict[str, list[Figure]] = {}
    for f in figures:
        by_metric.setdefault(f.metric, []).append(f)
    lines = []
    for metric, group in by_metric.items():
        by_period: dict[str | None, list[Figure]] = {}
        for f in group:
            by_period.setdefault(f.refers_to, []).append(f)
        readings: list[Reading] = []
        for period in sorted(by_period, key=lambda p: (p is None, p or ""), reverse=False):
            found: list[list[Figure]] = []
            for f in sorted(by_period[period], key=_precision):
                home = next((r for r in found if agrees(r[0], f)), None)
                if home is None:
                    found.append([f])
                else:
                    home.append(f)
            readings += [Reading(r[0], tuple(r[1:])) for r in found]
        readings.sort(key=lambda r: (r.figure.refers_to is None, r.figure.refers_to or ""))
        newest_first = [r for r in readings if r.figure.refers_to][::-1] + \
            [r for r in readings if not r.figure.refers_to]
        lines.append(MetricLine(metric, tuple(newest_first)))
    lines.sort(key=lambda line: importance(line.metric, line.readings[0].figure))
    return lines
