"""Reviewing imported articles: the queue of findings still to decide, and the changes that
accepting, attaching, setting or rejecting a finding makes (each one change of the journal,
so Undo takes it back). Qt-free; the app and `parkdesk review` share it.

Every operation a decision makes carries `article`: undoing the article's import hides the
records, citations and decisions that came from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.queries import kind_of
from parkdesk.core.records import ENTERPRISE, INSTITUTION, PERSON, PROJECT
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.articles import (
    CONTACT_KINDS,
    FIGURE_KINDS,
    NAME_KINDS,
    Finding,
    StoredArticle,
)
from parkdesk.core.userstore.changes import ChangeError, Op
from parkdesk.core.userstore.layer import Layer

ArticleLookup = Callable[[str], StoredArticle | None]

#: The metric a figure of each kind is given unless the reviewer types another.
DEFAULT_METRICS = {"money": "Investment", "area": "Area", "length": "Length",
                   "percent": "Share", "rank": "Ranking", "count": "Number", "date": "Date"}


@dataclass(frozen=True)
class Decided:
    """One decision as changes: the journal entry's summary and its operations."""

    summary: str
    ops: list[Op]


@dataclass(frozen=True)
class QueueArticle:
    """An imported article in the review queue, with the findings still to decide."""

    article_id: str
    article: StoredArticle
    pending: list[Finding]


def pending(layer: Layer, article_id: str, article: StoredArticle) -> list[Finding]:
    """The findings of an imported article not decided yet, in reading order."""
    del article_id
    return [f for f in article.findings if f["id"] not in layer.decisions]


def queue(layer: Layer, lookup: ArticleLookup) -> list[QueueArticle]:
    """The imported articles in effect, oldest import first, with their pending findings."""
    out = []
    for imported in sorted(layer.articles.values(), key=lambda a: a.entered.seq):
        article = lookup(imported.sha256)
        if article is not None:
            out.append(QueueArticle(imported.article_id, article,
                                    pending(layer, imported.article_id, article)))
    return out


def find(layer: Layer, lookup: ArticleLookup, finding_id: str) -> tuple[str, StoredArticle, Finding]:
    """The article and finding of an id (`review list` shows them); ChangeError if none."""
    for item in queue(layer, lookup):
        finding = item.article.finding(finding_id)
        if finding is not None:
            return item.article_id, item.article, finding
    raise ChangeError(f"There is no finding {finding_id!r} in your imported articles; "
                      "`parkdesk review list` shows their ids.")


def _tag(article_id: str, ops: list[Op]) -> list[Op]:
    for op in ops:
        op["article"] = article_id
    return ops


def _cite(record_type: str, record_id: str, article_id: str, f: Finding) -> Op:
    return ch.add_citation(record_type, record_id, article_id, f["paragraph"], f["start"],
                           f["end"], f["text"])


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def guess_kind(f: Finding) -> str:
    """The kind of record a name finding most likely is (person, enterprise, project...)."""
    if f["kind"] == "person":
        return PERSON
    label = (f.get("label") or "").lower()
    for kind in (PROJECT, INSTITUTION, ENTERPRISE):
        if kind in label:
            return kind
    words = f["text"].lower()
    if any(w in words for w in ("university", "institute", "school", "hospital", "laboratory",
                                "center", "centre", "academy")):
        return INSTITUTION
    if any(w in words for w in ("project", "park", "base", "town", "valley", "phase")):
        return PROJECT
    return ENTERPRISE


# "… total industrial output value of 472.657 …": the words before "of" name the metric.
_METRIC_BEFORE = re.compile(r"((?:[A-Za-z][\w-]* ){0,4}[A-Za-z][\w-]*) of (?:about |nearly |over |"
                            r"more than |around |some |up to |at least )?$")
_NOT_METRIC = {"a", "an", "the", "one", "all", "most", "some", "each", "part", "total", "project",
               "projects", "plant", "company", "companies", "base"}


def default_metric(f: Finding, paragraph: str | None = None) -> str:
    """A figure's metric unless typed: the words before "of" in the article ("Total industrial
    output value"), else by kind ("Investment", "Area"…); a date of an event names it."""
    if f["kind"] == "date" and f.get("label"):
        return f"Date ({f['label']})"
    if paragraph:
        before = paragraph[max(0, f["start"] - 80): f["start"]]
        if m := _METRIC_BEFORE.search(before):
            words = m[1].split()
            # "expects a total sales revenue" -> "total sales revenue"; "… yuan and operating
            # income" -> "operating income"
            cuts = [i for i, w in enumerate(words)
                    if w.lower() in ("a", "an", "the", "and", "with", "while", "or", "its", "their")]
            if cuts:
                words = words[cuts[-1] + 1:]
            if words and words[-1].lower() not in _NOT_METRIC:
                text = " ".join(words)
                return "Investment" if "invest" in text.lower() else text[0].upper() + text[1:]
    return DEFAULT_METRICS.get(f["kind"], "Figure")


def context(article: StoredArticle, f: Finding, width: int = 90) -> str:
    """The words around a finding in its paragraph, for a reviewer deciding about it."""
    text = article.paragraphs[f["paragraph"] - 1] if 0 < f["paragraph"] <= len(article.paragraphs) else ""
    start, end = max(0, f["start"] - width), min(len(text), f["end"] + width)
    while 0 < start < f["start"] and not text[start - 1].isspace():
        start += 1  # begin and end on whole words
    while f["end"] < end < len(text) and not text[end].isspace():
        end -= 1
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def reject(article_id: str, f: Finding) -> Decided:
    """Not for the directory: the finding leaves the queue."""
    return Decided(f"Rejected “{_short(f['text'])}”",
                   [ch.decide(f["id"], article_id, "rejected")])


def accept_new(article_id: str, f: Finding, kind: str, name: str, parent: str,
               title: str | None = None) -> Decided:
    """A name finding as a new record (a person with the title the article gives)."""
    if f["kind"] not in NAME_KINDS:
        raise ChangeError(f"“{f['text']}” is a {f['kind']}, not a name; set it as a figure "
                          "or a contact of a record instead.")
    add = ch.add_entity(kind, name, parent, aliases=[f["text"]] if f["text"] != name else None)
    ops = [add, _cite("entity", add["id"], article_id, f)]
    if kind == PERSON and (title or f.get("label")):
        ops.append(ch.add_role(add["id"], title or f["label"], parent))
    ops.append(ch.decide(f["id"], article_id, "accepted", add["id"], "entity"))
    return Decided(f"Added {add['name']} from an imported article", _tag(article_id, ops))


def attach(directory: Directory, article_id: str, f: Finding, record_id: str,
           metric: str | None = None, paragraph: str | None = None) -> Decided:
    """The finding belongs to an existing record: a name cites it (and becomes an alias when
    written otherwise), a number becomes its contact, a figure its figure (`metric`, else
    guessed from its `paragraph`)."""
    if f["kind"] in FIGURE_KINDS:
        return set_figure(directory, article_id, f, record_id,
                          metric or default_metric(f, paragraph))
    contact = directory.contact(record_id) if f["kind"] in CONTACT_KINDS else None
    if contact is not None:
        ops = [_cite("contact", contact.id, article_id, f),
               ch.decide(f["id"], article_id, "attached", contact.id, "contact")]
        return Decided(f"Cited {contact.display} from an imported article", _tag(article_id, ops))
    entity = directory.entity(record_id)
    if entity is None:
        raise ChangeError(f"There is no record {record_id!r} to attach “{f['text']}” to.")
    if f["kind"] in CONTACT_KINDS:
        add = ch.add_contact(entity.id, f["kind"], f.get("label") or entity.name, f["text"])
        ops = [add, _cite("contact", add["id"], article_id, f),
               ch.decide(f["id"], article_id, "attached", add["id"], "contact")]
        return Decided(f"Added {f['text']} to {entity.name}", _tag(article_id, ops))
    ops = [_cite("entity", entity.id, article_id, f)]
    if f["text"] != entity.name and f["text"] not in entity.aliases:
        ops.append(ch.add_alias(entity.id, f["text"]))
    ops.append(ch.decide(f["id"], article_id, "attached", entity.id, "entity"))
    return Decided(f"Attached “{_short(f['text'])}” to {entity.name}", _tag(article_id, ops))


def set_figure(directory: Directory, article_id: str, f: Finding, entity_id: str,
               metric: str) -> Decided:
    """A figure finding as a figure of a record, with its metric."""
    if f["kind"] not in FIGURE_KINDS:
        raise ChangeError(f"“{f['text']}” is not a figure or a date.")
    if kind_of(directory, entity_id) is None:
        raise ChangeError(f"There is no record {entity_id!r} to give the figure to.")
    reported = None
    art = directory.articles().get(article_id)
    if art is not None and art.published:
        reported = art.published[:10]
    add = ch.add_figure(entity_id, metric, f["text"], value=f.get("value"),
                        qualifier=f.get("qualifier"),
                        refers_to=f.get("resolved") if f["kind"] == "date" else None,
                        reported=reported)
    ops = [add, _cite("figure", add["id"], article_id, f),
           ch.decide(f["id"], article_id, "set", add["id"], "figure")]
    name = directory.name_of(entity_id)
    return Decided(f"Set {_short(f['text'], 32)} as {add['metric']} of {name}",
                   _tag(article_id, ops))


def can_attach_to_proposal(directory: Directory, f: Finding) -> bool:
    """Whether the finding has a proposed record that is still there."""
    link = f.get("link_id")
    if not link:
        return False
    if f.get("link_type") == "contact":
        return directory.contact(link) is not None
    return kind_of(directory, link) is not None


def accept_proposals(directory: Directory, article_id: str, article: StoredArticle,
                     findings: list[Finding]) -> Decided:
    """Every pending finding with a proposed record attached to it, as one change."""
    ops: list[Op] = []
    for f in findings:
        if can_attach_to_proposal(directory, f):
            paragraph = article.paragraphs[f["paragraph"] - 1]
            ops.extend(attach(directory, article_id, f, f["link_id"], paragraph=paragraph).ops)
    n = sum(op["op"] == "finding.decide" for op in ops)
    return Decided(f"Accepted {n} proposal{'s' if n != 1 else ''} of “{_short(article.title)}”",
                   ops)


def proposal_text(directory: Directory, f: Finding) -> str | None:
    """The proposed record as a reader names it ("Nanhai Park", "Nanhai Park: 0757 8631 6675")."""
    link = f.get("link_id")
    if not link:
        return None
    if f.get("link_type") == "contact":
        contact = directory.contact(link)
        return f"{contact.label}: {contact.display}" if contact else None
    return directory.name_of(link) or None
