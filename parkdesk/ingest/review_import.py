"""Reading an article for the user's review: the same reader and rules as the bundled build,
every finding kept with the record it is proposed to be (a name like a record's, the same
phone number, the record named in the same sentence as a figure), as plain data for the
user store. Nothing is decided here: the reviewer accepts, attaches or rejects each finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.queries import phone_contacts, record_names
from parkdesk.core.phones import normalise
from parkdesk.core.userstore.articles import FIGURE_KINDS, NAME_KINDS, Finding, StoredArticle
from parkdesk.ingest.articles import (
    ARTICLE_SUFFIXES,
    ArticleError,
    page_url,
    parse_article,
    read_text,
)
from parkdesk.ingest.extract import Finding as RuleFinding
from parkdesk.ingest.extract import extract
from parkdesk.ingest.linking import NameIndex
from parkdesk.ingest.names import sentences


def article_files(paths: list[Path]) -> list[Path]:
    """The article files among `paths`, a folder standing for the articles in it (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            files.append(path)
    return files


def written_names(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Names worth finding verbatim in a text: several words, or an acronym ("FHIDZ")."""
    return [(rid, n) for rid, n in names
            if (len(n) >= 5 and " " in n.strip()) or (len(n) >= 3 and n.isupper() and n.isalpha())]


def named_records(names: list[tuple[str, str]], text: str) -> list[tuple[int, str, str]]:
    """(position, record id, name) of every record name or alias written in `text` (whole
    words), longest names first where they overlap."""
    found: list[tuple[int, str, str]] = []
    taken = bytearray(len(text))
    for rid, name in sorted(names, key=lambda pair: -len(pair[1])):
        if name not in text:
            continue  # the substring test is far cheaper than the pattern
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if 1 not in taken[m.start():m.end()]:
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                found.append((m.start(), rid, name))
    return sorted(found)


def _phone_key(text: str) -> str:
    phone = normalise(text)
    return phone.e164 or re.sub(r"\D", "", text)


class Proposer:
    """What each finding may be in the directory as it is now. Made from plain lists (see
    `of`), so a worker thread can read articles with it while the window keeps its database."""

    def __init__(self, names: list[tuple[str, str]], phones: list[tuple[str, str, str | None]],
                 articles: set[str]) -> None:
        self.names = NameIndex(names)
        self.written = written_names(names)
        self.numbers = {e164 or _phone_key(raw): cid for cid, raw, e164 in phones}
        self.articles = articles  # article ids in the directory: a new one must differ

    @classmethod
    def of(cls, directory: Directory) -> Proposer:
        """A proposer for the directory as shown (with the user's layer)."""
        return cls(record_names(directory), phone_contacts(directory), set(directory.articles()))

    def link(self, f: RuleFinding) -> tuple[str, str, float, str] | None:
        """(record id, record type, score, reason), or None."""
        if f.kind == "phone":
            if contact := self.numbers.get(_phone_key(f.text)):
                return contact, "contact", 1.0, "the same number"
            owner = self.names.propose(f.label) if f.label else None
            return (owner.record_id, "entity", owner.score, f"the owner written, {f.label!r}") if owner else None
        if f.kind == "date" and f.about:
            event = self.names.propose(f.about)
            return (event.record_id, "entity", event.score, f"the {f.label} of {f.about!r}") if event else None
        if f.kind in NAME_KINDS:
            name = self.names.propose(f.about if f.kind == "alias" and f.about else f.text)
            return (name.record_id, "entity", name.score, name.reason) if name else None
        return None


def _finding(article_id: str, f: RuleFinding, link: tuple[str, str, float, str] | None) -> Finding:
    return {
        "id": f"{article_id}/{f.paragraph}/{f.start}/{f.kind}", "kind": f.kind, "text": f.text,
        "paragraph": f.paragraph, "start": f.start, "end": f.end, "value": f.value,
        "unit": f.unit, "label": f.label, "qualifier": f.qualifier, "resolved": f.resolved,
        "converted": f.converted, "about": f.about,
        "link_id": link[0] if link else None, "link_type": link[1] if link else None,
        "link_score": link[2] if link else None, "link_reason": link[3] if link else None,
    }


def _with_sentence_links(text: str, found: list[RuleFinding],
                         links: list[tuple[str, str, float, str] | None],
                         proposer: Proposer) -> None:
    """A figure with no record of its own is proposed for the record named in its sentence
    (a name the rules linked, else a record's name or alias written there)."""
    written: list[tuple[int, str, str]] | None = None
    for s, e in sentences(text):
        named = [(f.start, link[0], f.text) for f, link in zip(found, links, strict=True)
                 if link and link[1] == "entity" and f.kind in NAME_KINDS and s <= f.start < e]
        figures = [i for i, f in enumerate(found)
                   if f.kind in FIGURE_KINDS and links[i] is None and s <= f.start < e]
        if not figures:
            continue
        if not named:
            if written is None:
                written = named_records(proposer.written, text)
            named = [(at, rid, name) for at, rid, name in written if s <= at < e]
        for i in figures:
            if named:
                _at, rid, name = min(named, key=lambda n: abs(n[0] - found[i].start))
                links[i] = (rid, "entity", 0.5, f"named in the same sentence, {name!r}")


def read_for_review(path: Path, proposer: Proposer) -> tuple[StoredArticle, str]:
    """An article file read for review, and its text as read; ArticleError when it cannot be."""
    path = Path(path)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(f"{path.name}: is not an article (*.txt, or a saved *.html page); skipped.")
    text = read_text(path)
    art = parse_article(path, text, url=page_url(path))
    article_id = re.sub(r"[^\w.-]+", "-", art.id).strip("-") or "article"
    if article_id in proposer.articles:
        article_id = f"{article_id}-{art.sha256[:8]}"
    proposer.articles.add(article_id)  # a second file of the same name in this import differs
    findings: list[Finding] = []
    for p in art.paragraphs:
        found = extract(p, art.published)
        links = [proposer.link(f) for f in found]
        _with_sentence_links(p.text, found, links, proposer)
        findings.extend(_finding(article_id, f, link) for f, link in zip(found, links, strict=True))
    stored = StoredArticle(
        sha256=art.sha256, article_id=article_id, file=art.file, title=art.title,
        published=art.published, date_inferred=art.date_inferred, outlet=art.outlet,
        url=page_url(path), date_source=art.date_source,
        paragraphs=tuple(p.text for p in art.paragraphs), findings=tuple(findings),
    )
    return stored, text


@dataclass
class ReadArticles:
    """What reading a set of files gave: articles to import, and one sentence per file skipped."""

    read: list[tuple[StoredArticle, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    cancelled: bool = False


def read_files(paths: list[Path], proposer: Proposer,
               progress: Callable[[int, int, str], bool] | None = None) -> ReadArticles:
    """Read every article among `paths` (folders: the articles in them); `progress(done,
    total, file)` is told before each file and stops the reading when it returns False."""
    result = ReadArticles()
    files = article_files(paths)
    seen: set[str] = set()
    for n, path in enumerate(files):
        if progress is not None and not progress(n, len(files), path.name):
            result.cancelled = True
            break
        try:
            article, text = read_for_review(path, proposer)
        except ArticleError as exc:
            result.skipped.append(str(exc))
            continue
        if article.sha256 in seen:
            result.skipped.append(f"{path.name}: the same text as another file of this import; skipped.")
            continue
        seen.add(article.sha256)
        result.read.append((article, text))
    if not files:
        result.skipped.append("No articles (*.txt, saved *.html pages) among the files given.")
    return result
