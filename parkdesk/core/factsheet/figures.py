"""Fact-sheet figures: key figures by metric in order of importance, project figures sorted
into the columns whose kind they are (core.figures)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from parkdesk.core.dates import display_date
from parkdesk.core.factsheet.model import FigureLine, FigureValue, Value
from parkdesk.core.figures.chart import line_chart
from parkdesk.core.figures.kinds import COLUMNS, project_column
from parkdesk.core.figures.readings import Reading, metric_lines
from parkdesk.core.records import Figure

# The source numbers of a record: (record type, id) -> numbers, as the sheet cites them.
Cite = Callable[[str, str], tuple[int, ...]]


def _numbers(reading: Reading, cite: Cite) -> tuple[int, ...]:
    return tuple(dict.fromkeys(n for f in reading.figures for n in cite("figure", f.id)))


def with_period(text: str, period: str) -> str:
    """`text (2023)`, unless the text already names the period."""
    if not period or period in text or period[:4] in text:
        return text
    return f"{text} ({period})"


def add_value(values: list[Value], value: Value) -> None:
    """Append a value; the same words from another article only add its source number."""
    for i, old in enumerate(values):
        if old.text == value.text:
            values[i] = Value(old.text, tuple(dict.fromkeys(old.sources + value.sources)),
                              old.projection)
            return
    values.append(value)


def key_figures(figures: Iterable[Figure], cite: Cite) -> list[FigureLine]:
    """One line per metric, most important first, one value per period."""
    lines = []
    for line in metric_lines(figures):
        values = tuple(
            FigureValue(r.text, r.period, r.figure.reported, r.figure.projection,
                        _numbers(r, cite))
            for r in line.readings
        )
        conflicts = tuple(display_date(p) or "undated" for p in line.conflicting_periods)
        chart = line_chart(line, lambda r: _numbers(r, cite))
        lines.append(FigureLine(line.label, values, conflicts, chart))
    return lines


def project_columns(figures: Iterable[Figure], cite: Cite) -> dict[str, tuple[Value, ...]]:
    """A project's figures by column (COLUMNS); dates and others are labelled by metric."""
    columns: dict[str, list[Value]] = {column: [] for column in COLUMNS}
    for line in metric_lines(figures):
        for r in line.readings:
            column = project_column(r.figure)
            text = with_period(r.text, r.period)
            if column in ("dates", "other"):
                text = f"{line.label}: {text}"
            add_value(columns[column], Value(text, _numbers(r, cite), r.figure.projection))
    return {column: tuple(values) for column, values in columns.items()}
