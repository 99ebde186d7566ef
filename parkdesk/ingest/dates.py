"""Publication dates as the articles write them, and inference when they do not."""

from __future__ import annotations

import re
from datetime import datetime

# "2021-08-09 18:04", optionally after an outlet name ("Foshan China 2021-08-09 18:04")
_ISO = re.compile(r"^(?P<prefix>.*?)\s*(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<time>\d{1,2}:\d{2}))?\s*$")
# "send date:2024-02-29 16:15"
_SEND = re.compile(r"^\s*send date\s*[:：]\s*(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<time>\d{1,2}:\d{2}))?\s*$", re.I)
# "chinadaily.com.cn| Updated: Feb 21, 2022"
_UPDATED = re.compile(
    r"^(?P<prefix>.*?)[|｜丨]?\s*Updated\s*:\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\s*$", re.I
)
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")
_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}")
_FUTURE = re.compile(r"\b(?:by|until|before|in)\s+the\s+end\s+of\s+((?:19|20)\d{2})|\bby\s+((?:19|20)\d{2})", re.I)


class DateLine:
    """A recognised date line: the ISO date, and the outlet written beside it, if any."""

    def __init__(self, iso: str, outlet: str | None) -> None:
        self.iso = iso
        self.outlet = outlet


def _clean_outlet(prefix: str | None) -> str | None:
    if not prefix:
        return None
    outlet = prefix.strip(" |｜丨:：-")
    return outlet or None


def parse_date_line(line: str) -> DateLine | None:
    """Recognise a publication-date line in any of the formats the articles use."""
    text = line.strip()
    if m := _SEND.match(text):
        iso = m["date"] + (f"T{m['time']:0>5}" if m["time"] else "")
        return DateLine(iso, None) if _valid(m["date"]) else None
    if m := _UPDATED.match(text):
        for fmt in ("%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%b. %d, %Y"):
            try:
                day = datetime.strptime(m["date"], fmt).date()
            except ValueError:
                continue
            return DateLine(day.isoformat(), _clean_outlet(m["prefix"]))
        return None
    if (m := _ISO.match(text)) and _valid(m["date"]) and len(m["prefix"]) <= 40:
        iso = m["date"] + (f"T{m['time']:0>5}" if m["time"] else "")
        return DateLine(iso, _clean_outlet(m["prefix"]))
    return None


def _valid(date: str) -> bool:
    try:
        datetime.strptime(date, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def infer_year(text: str) -> str | None:
    """The year an undated article was most likely written: the latest year it speaks of
    as present or past (ranges such as 2020-2025 and targets such as "by 2025" ignored)."""
    text = _RANGE.sub(" ", text)
    future = {y for pair in _FUTURE.findall(text) for y in pair if y}
    years = [y for y in _YEAR.findall(text) if y not in future]
    return max(years) if years else None
