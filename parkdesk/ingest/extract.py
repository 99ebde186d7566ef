"""Rule-based reading of one paragraph: phones and contact lines with their owner, figures,
dates resolved against the article's date, and names of organisations and people.

Each finding keeps its kind, exact span and paragraph, and the words a reviewer needs beside
it (owner, title, qualifier, resolved date, conversion); the build adds the link it proposes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdesk.ingest.articles import Paragraph
from parkdesk.ingest.names import Name, sentences
from parkdesk.ingest.names import find_names as _names
from parkdesk.ingest.quantities import find_quantities as _quantities
from parkdesk.ingest.text_dates import find_text_dates


@dataclass(frozen=True)
class Finding:
    """Something a rule found: its kind, the exact text, where, and what it says."""

    kind: str  # phone, address, money, area, length, percent, rank, count, date, organisation, person, alias
    text: str
    paragraph: int
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    label: str | None = None  # a contact's owner, a person's title, a name's likely kind, an event
    qualifier: str | None = None  # about, over, nearly, at least, expected...
    resolved: str | None = None  # a date's ISO form or period (2022-03-23, 2021-12, 2022-Q1)
    converted: str | None = None  # an amount's conversion as written ("$2.53 billion")
    about: str | None = None  # the name an event, a title or a Han alias is about
    link_id: str | None = None  # the existing record this is proposed to be (or belong to)
    link_score: float | None = None  # 1.0 for the same phone number; name similarity otherwise
    link_reason: str | None = None


_PHONE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?0\d{2,3}[\s-]?\d{7,8}(?:\s*(?:ext\.?|转)\s*\d{1,5})?(?!\d)")
_CONTACT_LINE = re.compile(r"^(?P<label>[^:：\d]{2,60}?)\s*[:：]\s*[+\d(]")
_EVENT = re.compile(
    r"\b(ceremony|groundbreaking|broke ground|topping-out|topped out|inaugurat\w+|re-?opened|"
    r"opened|opening|signed|signing|launched|launch|began|started|kicked off|completed|"
    r"put into (?:operation|use)|unveiled|established|founded|held|moved into|settled)\b",
    re.I,
)


def _finding(kind: str, p: Paragraph, start: int, end: int, **kw: object) -> Finding:
    return Finding(kind, p.text[start:end], p.number, start, end, **kw)  # type: ignore[arg-type]


def find_quantities(p: Paragraph) -> list[Finding]:
    """Money, areas, lengths, percentages, rankings and counts in a paragraph, in reading order."""
    return [
        _finding(q.kind, p, q.start, q.end, value=q.value, unit=q.unit, qualifier=q.qualifier,
                 converted=q.converted)
        for q in _quantities(p.text)
    ]


def find_dates(
    p: Paragraph, published: str | None = None, names: list[Name] | None = None
) -> list[Finding]:
    """Dates in a paragraph, resolved against the article's date; a date in a sentence that
    tells of an event (a ceremony, an opening, a signing) carries the event and its subject."""
    found = []
    dates = find_text_dates(p.text, published)
    if not dates:
        return []
    if names is None:
        names = _names(p.text)
    names = [n for n in names if n.kind == "organisation"]
    bounds = sentences(p.text)
    for d in dates:
        label = about = None
        s, e = next(((s, e) for s, e in bounds if s <= d.start < e), (0, len(p.text)))
        if m := _EVENT.search(p.text, s, e):
            label = m[1].lower()
            subject = [n for n in names if s <= n.start and n.end <= e]
            about = p.text[subject[0].start : subject[0].end] if subject else None
        found.append(_finding("date", p, d.start, d.end, resolved=d.resolved, label=label,
                              about=about))
    return found


def contact_label(p: Paragraph) -> str | None:
    """The owner written before a contact line's number ("Chancheng Park:0757-..."), if the
    paragraph is such a line (in a "Contact Us" block or standing alone)."""
    m = _CONTACT_LINE.match(p.text)
    if not m or (not p.contact and not _PHONE.search(p.text, m.end() - 1)):
        return None
    return m["label"].strip()


def find_phones(p: Paragraph) -> list[Finding]:
    """Every phone number; `0757-1(或0757-2)` gives two findings (或 means "or")."""
    label = contact_label(p)
    return [_finding("phone", p, m.start(), m.end(), label=label) for m in _PHONE.finditer(p.text)]


def find_address(p: Paragraph) -> Finding | None:
    """The postal address line of a contact block."""
    m = re.match(r"^\s*Address\s*[:：]\s*(?P<addr>.+?)\s*$", p.text, re.I)
    if p.contact and m:
        return _finding("address", p, m.start("addr"), m.end("addr"), label="Address")
    return None


def find_names(p: Paragraph, names: list[Name] | None = None) -> list[Finding]:
    """Organisations, parks and projects by their head word, people with their titles, and
    names in Han characters (an alias of the name before them)."""
    return [
        _finding(n.kind, p, n.start, n.end, label=n.label, about=n.about)
        for n in (_names(p.text) if names is None else names)
    ]


def extract(p: Paragraph, published: str | None = None) -> list[Finding]:
    """Everything the rules find in one paragraph; `published` resolves dates without a year."""
    found = find_phones(p)
    if addr := find_address(p):
        found.append(addr)
    contact = _Marks(len(p.text), found)
    taken = _Marks(len(p.text), found)
    quantities = [q for q in find_quantities(p) if not taken.overlaps(q)]
    found += quantities
    taken.mark(quantities)
    names = _names(p.text)
    # A phone number's digits are not also a count or a year; an amount's year is no date.
    found += [d for d in find_dates(p, published, names) if not taken.overlaps(d)]
    found += [n for n in find_names(p, names) if not contact.overlaps(n)]
    return sorted(found, key=lambda f: (f.start, f.end, f.kind))


class _Marks:
    """Characters of a paragraph already taken by a finding (linear in the paragraph)."""

    def __init__(self, size: int, findings: list[Finding]) -> None:
        self.taken = bytearray(size)
        self.mark(findings)

    def mark(self, findings: list[Finding]) -> None:
        for f in findings:
            self.taken[f.start : f.end] = b"\x01" * (f.end - f.start)

    def overlaps(self, f: Finding) -> bool:
        return 1 in self.taken[f.start : f.end]
