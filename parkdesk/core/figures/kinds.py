"""What kind of quantity a figure is (money, area, date, count...), read from its unit and
metric, and which column of a projects table it belongs in: a figure lands in "investment",
"area" or "dates" only when it is that kind of figure."""

from __future__ import annotations

import re

from parkdesk.core.records import Figure

MONEY = "money"
AREA = "area"
DATE = "date"
PERCENT = "percent"
RANK = "rank"
COUNT = "count"
OTHER = "other"

AREA_UNITS = frozenset({"m²", "km²", "ha", "mu", "㎡", "acres", "square meters", "square metres"})
_MONEY_UNIT = re.compile(r"\b(yuan|rmb|cny|dollars?|us\$)\b", re.I)
_INVESTMENT = re.compile(r"\binvest(ment|ments|ed)?\b", re.I)
_AREA_WORDS = re.compile(r"\b(area|floor space|land)\b", re.I)
_DATE_WORDS = re.compile(
    r"\b(dates?|start|started|begin|began|completion|completed|open|opening|opened|"
    r"groundbreaking|signed|signing|launch|launched|topping-out|delivery|founded|established|"
    r"ceremony)\b",
    re.I,
)

COLUMNS = ("investment", "area", "dates", "other")


def figure_kind(figure: Figure) -> str:
    """MONEY, AREA, DATE, PERCENT, RANK, COUNT or OTHER."""
    unit = (figure.unit or "").strip()
    if unit and _MONEY_UNIT.search(unit):
        return MONEY
    if unit in AREA_UNITS:
        return AREA
    if unit == "%":
        return PERCENT
    if not unit and re.fullmatch(r"\d+(st|nd|rd|th)", figure.value_text.strip()):
        return RANK
    if not unit and _DATE_WORDS.search(figure.metric):
        return DATE
    if unit and figure.value is not None:
        return COUNT
    return OTHER


def is_investment(figure: Figure) -> bool:
    """Money the metric calls investment (not funding, credit or loans)."""
    return figure_kind(figure) == MONEY and bool(_INVESTMENT.search(figure.metric))


def project_column(figure: Figure) -> str:
    """The projects-table column of a figure: investment, area, dates or other."""
    kind = figure_kind(figure)
    if is_investment(figure):
        return "investment"
    if kind == AREA and _AREA_WORDS.search(figure.metric):
        return "area"
    if kind == DATE:
        return "dates"
    return "other"
