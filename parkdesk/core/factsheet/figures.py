"""Fact-sheet figures: key figures grouped by metric, project figures sorted into columns."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from parkdesk.core.factsheet.model import FigureLine, FigureValue, Value
from parkdesk.core.records import Figure

# The source numbers of a record: (record type, id) -> numbers, as the sheet cites them.
Cite = Callable[[str, str], tuple[int, ...]]
COLUMNS = ("investment", "area", "dates", "other")

# Which column of the projects table a figure goes to, by words of its metric.
_INVESTMENT = re.compile(r"\b(investment|invest|invested|funding|funds|capital|cost)\b", re.I)
_AREA = re.compile(r"\b(area|floor space|land)\b", re.I)
_DATE = re.compile(
    r"\b(dates?|start|started|begin|began|completion|completed|open|opening|opened|"
    r"groundbreaking|signed|signing|launch|launched|topping-out|delivery|founded|established)\b",
    re.I,
)


def project_column(figure: Figure) -> str:
    """The projects-table column of a figure: investment, area, dates or other."""
    if _INVESTMENT.search(figure.metric):
        return "investment"
    if _AREA.search(figure.metric):
        return "area"
    if _DATE.search(figure.metric) and not figure.unit:
        return "dates"
    return "other"


def figure_value(figure: Figure) -> str:
    """The value as the sheet prints it: qualifier and value ("about 19.3")."""
    return " ".join(p for p in (figure.qualifier, figure.value_text) if p)


def with_year(text: str, refers_to: str | None) -> str:
    """`text (2023)`, unless the text already names that year."""
    if not refers_to or refers_to[:4] in text:
        return text
    return f"{text} ({refers_to})"


def add_value(values: list[Value], value: Value) -> None:
    """Append a value; the same words from another article only add its source number."""
    for i, old in enumerate(values):
        if old.text == value.text:
            values[i] = Value(old.text, tuple(dict.fromkeys(old.sources + value.sources)))
            return
    values.append(value)


def key_figures(figures: Iterable[Figure], cite: Cite) -> list[FigureLine]:
    """One line per metric, its values side by side when articles disagree or years differ."""
    groups: dict[str, list[FigureValue]] = {}
    for f in figures:
        groups.setdefault(f.metric, []).append(
            FigureValue(figure_value(f), f.unit, f.refers_to, cite("figure", f.id))
        )
    return [FigureLine(metric, tuple(values)) for metric, values in groups.items()]


def project_columns(figures: Iterable[Figure], cite: Cite) -> dict[str, tuple[Value, ...]]:
    """A project's figures by column (COLUMNS); dates and others are labelled by metric."""
    columns: dict[str, list[Value]] = {column: [] for column in COLUMNS}
    for f in figures:
        column = project_column(f)
        text = with_year(f.display, f.refers_to)
        if column in ("dates", "other"):
            text = f"{f.metric[:1].upper()}{f.metric[1:]}: {text}"
        add_value(columns[column], Value(text, cite("figure", f.id)))
    return {column: tuple(values) for column, values in columns.items()}
