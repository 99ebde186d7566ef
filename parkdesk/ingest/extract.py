"""Rule-based extraction from paragraphs: phones, contact lines, money, areas, percentages,
counts, dates, and names of organisations and people. Each finding keeps its exact span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdesk.ingest.articles import Paragraph


@dataclass(frozen=True)
class Finding:
    """Something a rule found: its kind, the exact text, where, and a parsed value."""

    kind: str  # phone, address, money, area, percent, count, date, organisation, person
    text: str
    paragraph: int
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    label: str | None = None  # contact-line owner label, or a person's title


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "hundred million": 1e8}
_MONEY = re.compile(
    rf"(?P<num>{_NUM}|one hundred|one)[\s-]*(?P<scale>hundred million|thousand|million|billion)?"
    r"[\s-]*(?P<cur>yuan|RMB|CNY|US dollars|dollars)\b",
    re.I,
)
_AREA = re.compile(
    rf"(?P<num>{_NUM})[\s-]*(?P<unit>square[\s-]kilometers?|square[\s-]kilometres?|square[\s-]meters?"
    r"|square[\s-]metres?|km2|km²|㎡|m2|m²|hectares?|mu)(?![a-z])",
    re.I,
)
_PERCENT = re.compile(rf"(?P<num>{_NUM})\s*(?P<unit>%|percent(?:age points)?)", re.I)
_COUNT = re.compile(
    rf"(?<![\w.,-])(?P<num>{_NUM})\s+(?:[a-z-]+\s+){{0,3}}?(?P<noun>enterprises|companies|projects|"
    r"teams|groups|institutions|organizations|organisations|stations|policies|buildings|members|"
    r"clients|parks|specialists|contacts|times)\b",
    re.I,
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|(?:{_MONTHS})\s+\d{{4}}|"
    r"(?:the\s+)?end\s+of\s+(?:this|last|next)\s+year|(?:19|20)\d{2})\b"
)
_PHONE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?0\d{2,3}[\s-]?\d{7,8}(?:\s*(?:ext\.?|转)\s*\d{1,5})?(?!\d)")
_ORG = re.compile(
    r"(?P<name>(?:[A-Z][\w&'.-]*|\([A-Z][\w ]*\))(?:\s+(?:[A-Z][\w&'.-]*|of|and|for|the|&|"
    r"\([A-Z][\w ]*\)))*?\s+(?:Co\.,\s*Ltd\.|Group|Bank(?: of [A-Z]\w+)*|Institute|University|"
    r"Academy(?: of [A-Z]\w+)*|Committee|Administration))"
)
_TITLE_WORDS = (
    r"(?:[Dd]eputy |[Aa]ssistant |[Vv]ice |[Ee]xecutive )*(?:[Gg]eneral [Mm]anager|[Dd]irector|"
    r"[Mm]anager|[Ff]ounder|[Ss]ecretary|[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Dd]ean|[Hh]ead|CEO)"
)
_PERSON_TITLE_AFTER = re.compile(
    rf"(?P<name>[A-Z][a-z]+ [A-Z][a-z]+),\s+(?:the\s+)?(?P<title>{_TITLE_WORDS}\b[^\";]*?)(?=[,.;\"]|$)"
)
_PERSON_TITLE_BEFORE = re.compile(rf"\b(?P<title>{_TITLE_WORDS}) (?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\b")


def _number(text: str) -> float | None:
    words = {"one": 1.0, "one hundred": 100.0}
    if text.lower() in words:
        return words[text.lower()]
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _finding(kind: str, p: Paragraph, m: re.Match, group: int | str = 0, **kw) -> Finding:
    return Finding(kind, m[group], p.number, m.start(group), m.end(group), **kw)


def find_quantities(p: Paragraph) -> list[Finding]:
    """Money, areas, percentages and counts in a paragraph, in reading order."""
    found: list[Finding] = []
    for m in _MONEY.finditer(p.text):
        scale = (m["scale"] or "").lower()
        unit = f"{scale} {m['cur']}".strip()
        found.append(_finding("money", p, m, value=_number(m["num"]), unit=unit))
    for m in _AREA.finditer(p.text):
        found.append(_finding("area", p, m, value=_number(m["num"]), unit=m["unit"]))
    for m in _PERCENT.finditer(p.text):
        found.append(_finding("percent", p, m, value=_number(m["num"]), unit="%"))
    taken = [(f.start, f.end) for f in found]
    for m in _COUNT.finditer(p.text):
        if not any(s <= m.start() < e for s, e in taken):
            found.append(_finding("count", p, m, value=_number(m["num"]), unit=m["noun"].lower()))
    return sorted(found, key=lambda f: (f.start, f.end))


def find_dates(p: Paragraph) -> list[Finding]:
    """Dates and years mentioned in a paragraph."""
    return [_finding("date", p, m) for m in _DATE.finditer(p.text)]


def find_phones(p: Paragraph) -> list[Finding]:
    """Every phone number; `0757-1(或0757-2)` gives two findings (或 means "or")."""
    label = None
    if p.contact and (m := re.match(r"^([^:：]+)[:：]", p.text)):
        label = m[1].strip()
    return [_finding("phone", p, m, label=label) for m in _PHONE.finditer(p.text)]


def find_address(p: Paragraph) -> Finding | None:
    """The postal address line of a contact block."""
    m = re.match(r"^\s*Address\s*[:：]\s*(?P<addr>.+?)\s*$", p.text, re.I)
    if p.contact and m:
        return _finding("address", p, m, "addr", label="Address")
    return None


_ORG_PREFIX = re.compile(rf"^(?:The\s+|{_TITLE_WORDS}(?:\s+[A-Z][a-z]+){{0,2}}\s+of\s+(?:the\s+)?)")


def _organisations(p: Paragraph) -> list[Finding]:
    found = []
    for m in _ORG.finditer(p.text):
        start = m.start("name")
        # "Founder X of Acme Co., Ltd." or "Director of the Committee": keep the organisation.
        while prefix := _ORG_PREFIX.match(p.text[start : m.end("name")]):
            if not prefix.end():
                break
            start += prefix.end()
        name = p.text[start : m.end("name")]
        if len(name.split()) >= 2:
            found.append(Finding("organisation", name, p.number, start, m.end("name")))
    return found


def find_names(p: Paragraph) -> list[Finding]:
    """Organisation names (Co., Ltd., Bank, Institute...) and people with their titles."""
    found = _organisations(p)
    for rx in (_PERSON_TITLE_AFTER, _PERSON_TITLE_BEFORE):
        for m in rx.finditer(p.text):
            found.append(_finding("person", p, m, "name", label=m["title"].strip()))
    return sorted(found, key=lambda f: (f.start, f.end, f.kind))


def extract(p: Paragraph) -> list[Finding]:
    """Everything the rules find in one paragraph."""
    found = find_phones(p) + find_quantities(p) + find_dates(p) + find_names(p)
    if addr := find_address(p):
        found.append(addr)
    # A phone number's digits are not also a count or a year.
    phones = [(f.start, f.end) for f in found if f.kind == "phone"]
    found = [
        f for f in found
        if f.kind == "phone" or not any(s <= f.start < e for s, e in phones)
    ]
    return sorted(found, key=lambda f: (f.start, f.end, f.kind))
