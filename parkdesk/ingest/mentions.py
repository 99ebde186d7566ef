"""The findings no record claims, kept as mentions for a reviewer, each with the record it is
proposed to be (the contact with its number, or the record with a name like it)."""

from __future__ import annotations

from parkdesk.core.records import Citation, Mention
from parkdesk.ingest.articles import ParsedArticle
from parkdesk.ingest.collector import Collector
from parkdesk.ingest.extract import Finding, extract
from parkdesk.ingest.linking import NameIndex

_NAME_KINDS = ("organisation", "person", "alias")


def _unclaimed(f: Finding, spans: list[tuple[int, int]]) -> bool:
    """True if no record claims the finding: not inside a claimed span, and not cutting one
    (a longer name that holds a record's whole name, "X Park Phase II", is a new finding)."""
    if any(s <= f.start and f.end <= e for s, e in spans):
        return False
    crossing = [(s, e) for s, e in spans if s < f.end and f.start < e]
    if not crossing:
        return True
    return f.kind == "organisation" and all(f.start <= s and e <= f.end for s, e in crossing)


def unclaimed_mentions(col: Collector, index: NameIndex) -> list[Mention]:
    """What the rules find that no record claims, each with the record it may be."""
    mentions = []
    for art in col.articles.values():
        report = col.reports[art.id]
        for p in art.paragraphs:
            spans = col.claimed.get((art.id, p.number), [])
            found = [f for f in extract(p, art.published) if _unclaimed(f, spans)]
            links: dict[str, tuple[str, float, str]] = {}
            for f in found:
                link = _proposal(col, art, f, index, links)
                report.unattached.append(f)
                if link:
                    report.links.append((f.text, link[0], link[1]))
                mentions.append(
                    Mention(
                        id=f"{art.id}/{p.number}/{f.start}/{f.kind}", article_id=art.id,
                        kind=f.kind, text=f.text,
                        citation=Citation(art.id, p.number, f.start, f.end, f.text),
                        value=f.value, unit=f.unit, label=f.label, qualifier=f.qualifier,
                        resolved=f.resolved, converted=f.converted, about=f.about,
                        link_id=link[0] if link else None, link_score=link[1] if link else None,
                        link_reason=link[2] if link else None,
                    )
                )
    return mentions


def _proposal(
    col: Collector, art: ParsedArticle, f: Finding, index: NameIndex,
    links: dict[str, tuple[str, float, str]],
) -> tuple[str, float, str] | None:
    """The record a finding is proposed to be: the contact with its number, or the record
    with a name like it (a Han alias follows the name it glosses)."""
    if f.kind == "phone":
        contact = col.known_numbers.get((art.id, f.paragraph, f.start))
        return (contact, 1.0, "the same number") if contact else None
    if f.kind == "date" and f.about:
        event = index.propose(f.about)
        return (event.record_id, event.score, f"the {f.label} of {f.about!r}") if event else None
    if f.kind not in _NAME_KINDS:
        return None
    if f.kind == "alias":
        return links.get(f.about or "")
    link = index.propose(f.text)
    if link is None:
        return None
    links[f.text] = (link.record_id, link.score, link.reason)
    return links[f.text]
