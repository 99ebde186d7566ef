"""Dates as people read them, in one form everywhere the app and the fact sheets show one.

Dates are stored as ISO text of any precision ("2024-02-29T16:15", "2023-11", "2021"). On screen
and on paper they read "29 Feb 2024", "Nov 2023" or "2021"; an article's date the import had to
infer says so. The export formats keep the ISO day (`iso_day`): they are data, read by programs.
"""

from __future__ import annotations

import re
from datetime import date

from parkdesk.core.i18n import QT_TRANSLATE_NOOP, translate

INFERRED = QT_TRANSLATE_NOOP("Dates", "date inferred")
# Month names as dates show them; a translation may give the month's number (zh_CN: 2月).
_MONTHS = (
    QT_TRANSLATE_NOOP("Dates", "Jan"), QT_TRANSLATE_NOOP("Dates", "Feb"),
    QT_TRANSLATE_NOOP("Dates", "Mar"), QT_TRANSLATE_NOOP("Dates", "Apr"),
    QT_TRANSLATE_NOOP("Dates", "May"), QT_TRANSLATE_NOOP("Dates", "Jun"),
    QT_TRANSLATE_NOOP("Dates", "Jul"), QT_TRANSLATE_NOOP("Dates", "Aug"),
    QT_TRANSLATE_NOOP("Dates", "Sep"), QT_TRANSLATE_NOOP("Dates", "Oct"),
    QT_TRANSLATE_NOOP("Dates", "Nov"), QT_TRANSLATE_NOOP("Dates", "Dec"),
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def display_date(value: str | date | None) -> str:
    """A readable date: "29 Feb 2024", "Nov 2023" or "2021"; other text as it is; "" for none."""
    if not value:
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    m = _ISO.match(value.strip())
    if not m:
        return value
    year, month, day = m.groups()
    if month and 1 <= int(month) <= 12:
        name = translate("Dates", _MONTHS[int(month) - 1])
        if day:
            return translate("Dates", "{day} {month} {year}").format(
                day=int(day), month=name, year=year)
        return translate("Dates", "{month} {year}").format(month=name, year=year)
    return year


def article_date(published: str | None, inferred: bool, missing: str = "") -> str:
    """An article's date as shown beside its title: "2021 (date inferred)"; `missing` if none."""
    if not published:
        return missing
    shown = display_date(published)
    return f"{shown} ({translate('Dates', INFERRED)})" if inferred else shown


def iso_day(value: str | None) -> str | None:
    """The day of an ISO date-time, for the export formats ("2024-02-29T16:15" -> "2024-02-29");
    anything else as it is."""
    return value.split("T")[0] if value else value
