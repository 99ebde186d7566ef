"""Figures in a paragraph: money (with a conversion kept in the same figure), areas, lengths,
percentages and percentage points, rankings, and counts of any noun, in digits or in words,
each with the qualifier written before it ("about", "over", "expected"...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "one hundred": 100, "a hundred": 100,
    "one thousand": 1000, "a thousand": 1000,
}
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?:{_DIGITS}|(?i:{_WORD}))"
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred million": 1e8}
_SCALE = r"(?:hundred million|thousand|million|billion|trillion)"
_CONVERSION = rf"(?:\s*\((?P<conv>(?:about |around |roughly )?(?:US|HK)?\$\s?(?:{_DIGITS})(?:\s*{_SCALE})?)\))?"
_MONEY = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})[\s-]*(?P<scale>{_SCALE})?[\s-]*(?P<cur>yuan|RMB|CNY|US dollars|dollars)\b"
    rf"{_CONVERSION}"
    rf"|(?<![\w.,$])(?P<cur2>RMB|CNY|¥|US\$|HK\$|\$)\s?(?P<num2>{_DIGITS})(?:\s*(?P<scale2>{_SCALE}))?\b",
    re.I,
)
_AREA = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})[\s-]*(?P<unit>square[\s-]kilomet(?:er|re)s?|square[\s-]met(?:er|re)s?|sq\s?km"
    r"|km2|km²|㎡|m2|m²|hectares?|acres?|mu)(?![\w²])",
    re.I,
)
_LENGTH = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})[\s-]*(?P<unit>kilomet(?:er|re)s?|km)(?![\w²])", re.I)
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})\s*(?P<unit>%|percent(?:age points?)?|per cent|pct)(?![\w])", re.I
)
_RANKS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "top": 1}
_RANK = re.compile(
    r"\b(?P<verb>[Rr]ank(?:s|ed|ing)?|[Pp]laced|[Pp]lacing)\s+(?:(?:No\.\s?(?P<no>\d+))|"
    r"(?P<n>\d+)(?:st|nd|rd|th)\b|(?P<w>first|second|third|fourth|fifth)\b)"
)
# A count: a number, up to three modifiers, and a plural noun ("4,937 patents",
# "three provincial-level incubators", "dozens of maker spaces").
_STOP = (
    "is|was|has|this|its|his|as|us|thus|plus|less|across|the|a|an|and|or|of|in|on|at|to|by|for|"
    "from|with|into|are|were|have|had|will|would|can|could|been|be|that|which|who|than|more|"
    "over|about|under|per|each|every|such|these|those|their|our|yuan|percent|square|years?|"
    "months?|days?|hours?|million|billion|thousand|hundred|within|without|through|between|"
    "among|now|also|all|both|nearly|some|while|where|when|including|like|respectively|"
    f"{_WORD}"
)
_MOD = rf"(?!(?:{_STOP})\b)[a-z][a-z-]*"
_PLURAL = rf"(?!(?:{_STOP})\b)(?:[a-z][a-z-]*[^su\W]s|people|staff|personnel)"
_COUNT = re.compile(
    rf"(?<![\w.,$-])(?P<num>{_DIGITS}|(?i:{_WORD})|(?i:dozens|hundreds|thousands|scores)\s+of)"
    rf"\s+(?P<noun>(?:{_MOD}\s+){{0,3}}{_PLURAL})\b(?!-)"
)
_YEARLIKE = re.compile(r"(?:19|20)\d{2}$")
_QUALIFIER = re.compile(
    r"(?P<q>about|around|approximately|roughly|nearly|almost|over|more than|at least|up to|"
    r"less than|fewer than|under|some|exceeding|exceed|above|close to)\s+$",
    re.I,
)
_MODAL = re.compile(r"\b(expected|estimated|planned|target(?:ed|s)?|aims?|projected)\b", re.I)


@dataclass(frozen=True)
class Quantity:
    """A figure found in text: kind, span, value in `unit`, and words around it."""

    kind: str  # money, area, length, percent, rank, count
    start: int
    end: int
    value: float | None
    unit: str | None
    qualifier: str | None = None
    converted: str | None = None  # "$2.53 billion": the amount as converted in the text


def number(text: str) -> float | None:
    """The value of "4,937", "16.1", "Six", "one hundred"; None for "dozens of"."""
    key = text.strip().lower()
    if key in _WORDS:
        return float(_WORDS[key])
    try:
        return float(key.replace(",", ""))
    except ValueError:
        return None


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 40) : start]
    if m := _QUALIFIER.search(before):
        q = m["q"].lower()
        return {"exceeding": "over", "exceed": "over", "above": "over"}.get(q, q)
    clause = re.split(r"[.;:!?]|,\s", before)[-1]
    if m := _MODAL.search(clause):
        word = m[1].lower()
        return {"aim": "target", "aims": "target", "targets": "target", "targeted": "target"}.get(word, word)
    return None


# Where a number may start: the figure patterns are tried there only, not at every character.
_START = re.compile(
    rf"(?<![\w.,$-])(?:\d|(?i:{_WORD}|dozens|hundreds|thousands|scores)\b)|RMB|CNY|¥|US\$|HK\$|\$"
)


def _matches(rx: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`rx.finditer(text)` restricted to the places a number starts (same non-overlap rule)."""
    out: list[re.Match[str]] = []
    end = 0
    for pos in starts:
        if pos >= end and (m := rx.match(text, pos)):
            out.append(m)
            end = m.end()
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, in reading order; no two overlap."""
    found: list[Quantity] = []
    taken = bytearray(len(text))  # characters already in a figure: linear, not pairwise

    def add(kind: str, m: re.Match[str], value: float | None, unit: str | None, **kw: str | None) -> None:
        if 1 not in taken[m.start() : m.end()]:
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            found.append(Quantity(kind, m.start(), m.end(), value, unit,
                                  _qualifier(text, m.start()), **kw))

    starts = [m.start() for m in _START.finditer(text)]
    if not starts:
        return []
    for m in _matches(_MONEY, text, starts):
        num, scale = (m["num"], m["scale"]) if m["num"] else (m["num2"], m["scale2"])
        cur = m["cur"] or ("yuan" if m["cur2"] in ("RMB", "CNY", "¥") else "dollars")
        unit = f"{(scale or '').lower()} {cur}".strip()
        add("money", m, number(num), unit, converted=m["conv"])
    for m in _matches(_AREA, text, starts):
        add("area", m, number(m["num"]), m["unit"])
    for m in _matches(_LENGTH, text, starts):
        add("length", m, number(m["num"]), m["unit"])
    for m in _matches(_PERCENT, text, starts):
        unit = "percentage points" if m["unit"].lower().startswith("percentage") else "%"
        add("percent", m, number(m["num"]), unit)
    for m in _RANK.finditer(text):
        value = int(m["no"] or m["n"]) if (m["no"] or m["n"]) else _RANKS[m["w"].lower()]
        add("rank", m, float(value), "rank")
    for m in _matches(_COUNT, text, starts):
        if _YEARLIKE.match(m["num"]):
            continue  # "2023 high-level talent teams": a year before a noun, not a count
        noun = m["noun"].split()[-1].lower()
        add("count", m, number(m["num"]), noun)
    return sorted(found, key=lambda q: (q.start, q.end))
