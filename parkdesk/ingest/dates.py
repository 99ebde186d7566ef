"""Publication dates: from the date line in every form the outlets print, from the URL, or
inferred from the text; and the outlet named beside the date or by the page's host."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

_TIME = r"(?:\s+(?P<time>\d{1,2}:\d{2})(?::\d{2})?)?"
# "2021-08-09 18:04", optionally after an outlet name ("Foshan China 2021-08-09 18:04")
_ISO = re.compile(rf"^(?P<prefix>.*?)\s*(?P<date>\d{{4}}-\d{{2}}-\d{{2}}){_TIME}\s*$")
# "send date:2024-02-29 16:15"
_SEND = re.compile(rf"^\s*send date\s*[:：]\s*(?P<date>\d{{4}}-\d{{2}}-\d{{2}}){_TIME}\s*$", re.I)
# "chinadaily.com.cn| Updated: Feb 21, 2022", "Updated: April 20,2022", "Updated: Dec 14, 2017 Print"
_UPDATED = re.compile(
    r"^(?P<prefix>.*?)[|｜丨]?\s*(?:Updated|Published)\s*[:：]\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s*\d{1,2}\s*,?\s*\d{4}|\d{4}-\d{2}-\d{2})"
    rf"{_TIME}\s*(?:Print)?\s*$",
    re.I,
)
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")
_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}")
_FUTURE = re.compile(r"\b(?:by|until|before|in)\s+the\s+end\s+of\s+((?:19|20)\d{2})|\bby\s+((?:19|20)\d{2})", re.I)
# Dates in URL paths: /2022-03/26/, /20210823/, /201712/14/
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})/(?P<d>\d{2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})/(?P<d>\d{2})/"),
)
# Outlets by the domain of their pages or of the name they print beside the date.
OUTLETS = {
    "chinadaily.com.cn": "China Daily",
    "foshannews.net": "Foshan China",
    "fs-hitech.foshan.gov.cn": "FHIDZ website",
}
MONTHS = {
    name: n for n, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")),
        start=1,
    ) for name in names
}


@dataclass(frozen=True)
class DateLine:
    """A recognised date line: the ISO date, and the outlet written beside it, if any."""

    iso: str
    outlet: str | None


def outlet_name(text: str | None) -> str | None:
    """The outlet a domain or date-line prefix stands for ("chinadaily.com.cn" -> China Daily)."""
    if not text:
        return None
    host = text.lower().strip()
    for domain, name in OUTLETS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return text


def _clean_outlet(prefix: str | None) -> str | None:
    if not prefix:
        return None
    # "By Li Qiao | chinadaily.com.cn |": the byline is not the outlet.
    parts = [p.strip(" :：-") for p in re.split(r"[|｜丨]", prefix)]
    parts = [p for p in parts if p and not re.match(r"(?:By|Source|Author)\b", p, re.I)]
    return outlet_name(parts[-1]) if parts else None


def _month_day_year(text: str) -> date | None:
    m = re.fullmatch(r"([A-Za-z]+)\.?\s*(\d{1,2})\s*,?\s*(\d{4})", text.strip())
    if not m or m[1].lower() not in MONTHS:
        return None
    try:
        return date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    except ValueError:
        return None


def parse_date_line(line: str) -> DateLine | None:
    """Recognise a publication-date line in any of the formats the articles use."""
    text = line.strip()
    if m := _SEND.match(text):
        iso = m["date"] + (f"T{m['time']:0>5}" if m["time"] else "")
        return DateLine(iso, None) if _valid(m["date"]) else None
    if m := _UPDATED.match(text):
        day = _month_day_year(m["date"]) if not m["date"][0].isdigit() else None
        iso = day.isoformat() if day else (m["date"] if _valid(m["date"]) else None)
        if iso is None:
            return None
        return DateLine(iso + (f"T{m['time']:0>5}" if m["time"] else ""), _clean_outlet(m["prefix"]))
    if (m := _ISO.match(text)) and _valid(m["date"]) and len(m["prefix"]) <= 40:
        iso = m["date"] + (f"T{m['time']:0>5}" if m["time"] else "")
        return DateLine(iso, _clean_outlet(m["prefix"]))
    return None


def date_from_url(url: str | None) -> str | None:
    """The publication date written in a URL's path (/2022-03/26/, /20210823/), if any."""
    if not url:
        return None
    path = urlsplit(url).path
    for rx in _URL_DATES:
        if (m := rx.search(path)) and _valid(f"{m['y']}-{m['m']}-{m['d']}"):
            return f"{m['y']}-{m['m']}-{m['d']}"
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of a page by its host: a known outlet's name, else the host itself."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return outlet_name(host) if host else None


def _valid(day: str) -> bool:
    try:
        datetime.strptime(day, "%Y-%m-%d")
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
