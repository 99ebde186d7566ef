"""Dates written in an article's text, each resolved against the article's own date.

"Dec 2" in a January article is the December before; "last year", "the first quarter of this
year" and "by the end of this year" become explicit periods (2021, 2022-Q1, 2022-12). The
words stay as written; the resolved form sits beside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdesk.ingest.dates import MONTHS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_REL = r"(?i:this|last|next|the|the previous|the following)\s+year"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_DATE = re.compile(
    "|".join((
        # Apr 20, 2022 / March 23 / Dec. 2
        rf"(?P<md>\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?!\d)(?:(?:st|nd|rd|th)\b)?"
        r"(?:,?\s*(?P<y1>(?:19|20)\d{2})(?!\d))?)",
        # 20 April 2022
        rf"(?P<dm>\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\b(?:,?\s+(?P<y2>(?:19|20)\d{{2}})(?!\d))?)",
        # September 2023
        rf"(?P<my>\b(?P<m3>{_MONTH})\.?,?\s+(?P<y3>(?:19|20)\d{{2}})(?!\d))",
        # the first quarter of this year / of 2023; the second half of last year
        r"(?P<part>\b(?i:the)\s+(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
        rf"(?P<unit>quarter|half)\s+of\s+(?:(?P<rel1>{_REL})|(?P<y4>(?:19|20)\d{{2}})(?!\d)))",
        # the end / beginning of this year / of 2023
        r"(?P<edge>\b(?i:the)\s+(?P<which>end|beginning|start|middle)\s+of\s+"
        rf"(?:(?P<rel2>{_REL})|(?P<y5>(?:19|20)\d{{2}})(?!\d)))",
        rf"(?P<rel>\b(?P<rel3>{_REL.replace('the|', '')}))",
        r"(?P<month_rel>\b(?P<rel4>(?i:this|last|next))\s+month)",
        # a month alone after a preposition: "in June", "since March"
        rf"(?:\b(?:in|since|from|until|by|before|after|early|late|mid-)\s+(?P<mo>(?P<m5>{_MONTH})\b)(?!\s*\d))",
        r"(?P<range>(?<![\d,.])(?P<ya>(?:19|20)\d{2})\s*[-–]\s*(?P<yb>(?:19|20)\d{2})(?!\d))",
        r"(?P<year>(?<![\d,.-])(?P<y6>(?:19|20)\d{2})(?!\d|[,.]\d|%|-\d|\s*(?:yuan|percent)))",
    ))
)


@dataclass(frozen=True)
class TextDate:
    """A date as written (span in the paragraph) and its resolved form, or None if unknown."""

    text: str
    start: int
    end: int
    resolved: str | None


def _pub(published: str | None) -> tuple[int, int] | None:
    if not published or not re.match(r"\d{4}", published):
        return None
    month = int(published[5:7]) if len(published) >= 7 else 0
    return int(published[:4]), month


_FUTURE = re.compile(r"\b(?:will|shall|expected|expects?|plans?|planned|scheduled|aims?|to be|"
                     r"by|before|until|next)\b[^.;!?]*$", re.I)


def _year_of(month: int, pub: tuple[int, int] | None, future: bool = False) -> int | None:
    """The year of a month written without one: a month after the article's is last year's,
    unless the sentence speaks of what is to come ("will open before October")."""
    if pub is None:
        return None
    year, pub_month = pub
    return year - 1 if pub_month and month > pub_month and not future else year


def _relative_year(words: str, pub: tuple[int, int] | None) -> int | None:
    if pub is None:
        return None
    words = words.lower()
    if words.startswith(("last", "the previous")):
        return pub[0] - 1
    if words.startswith(("next", "the following")):
        return pub[0] + 1
    return pub[0]  # this year, the year


def _resolve(
    m: re.Match[str], pub: tuple[int, int] | None, future: bool, anchor: int | None
) -> tuple[str, str | None]:
    """The group that matched and the resolved form of it; `anchor` is the last year written
    before it in the paragraph ("in 2023 ... compared with the previous year" is 2022)."""
    if m["md"] or m["dm"]:
        month = MONTHS[(m["m1"] or m["m2"]).lower()]
        day = int(m["d1"] or m["d2"])
        written = m["y1"] or m["y2"]
        year = int(written) if written else _year_of(month, pub, future)
        group = "md" if m["md"] else "dm"
        if year is None or not 1 <= day <= 31:
            return group, None
        return group, f"{year:04d}-{month:02d}-{day:02d}"
    if m["my"]:
        return "my", f"{m['y3']}-{MONTHS[m['m3'].lower()]:02d}"
    if m["part"]:
        year = int(m["y4"]) if m["y4"] else _relative_year(m["rel1"], pub)
        n = _ORDINAL[m["ord"].lower()]
        if year is None or (m["unit"] == "half" and n > 2):
            return "part", None
        return "part", f"{year}-{'Q' if m['unit'] == 'quarter' else 'H'}{n}"
    if m["edge"]:
        year = int(m["y5"]) if m["y5"] else _relative_year(m["rel2"], pub)
        month = {"end": 12, "middle": 6}.get(m["which"].lower(), 1)
        return "edge", None if year is None else f"{year}-{month:02d}"
    if m["rel"]:
        anaphoric = m["rel3"].lower().startswith("the ")
        year = _relative_year(m["rel3"], (anchor, 0) if anaphoric and anchor else pub)
        return "rel", None if year is None else str(year)
    if m["month_rel"]:
        if pub is None or not pub[1]:
            return "month_rel", None
        shift = {"last": -1, "next": 1}.get(m["rel4"].lower(), 0)
        index = pub[0] * 12 + pub[1] - 1 + shift
        return "month_rel", f"{index // 12}-{index % 12 + 1:02d}"
    if m["mo"]:
        month = MONTHS[m["m5"].lower()]
        year = _year_of(month, pub, future or m[0].lower().startswith(("by", "before", "until")))
        return "mo", None if year is None else f"{year}-{month:02d}"
    if m["range"]:
        return "range", f"{m['ya']}/{m['yb']}"
    return "year", m["y6"]


def find_text_dates(text: str, published: str | None) -> list[TextDate]:
    """Every date in `text`, longest forms first where they overlap, resolved against the
    article's date `published` (ISO; a year alone resolves years but not bare months)."""
    pub = _pub(published)
    found = []
    anchor: int | None = None
    for m in _DATE.finditer(text):
        future = bool(_FUTURE.search(text, max(0, m.start() - 80), m.start()))
        group, resolved = _resolve(m, pub, future, anchor)
        found.append(TextDate(m[group], m.start(group), m.end(group), resolved))
        if resolved and re.match(r"\d{4}", resolved) and group in ("year", "md", "dm", "my"):
            anchor = int(resolved[:4])
    return found
