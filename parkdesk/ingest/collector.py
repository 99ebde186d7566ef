"""The bundle being built, article by article: the articles read so far, every citation checked
as it is made, and the spans of each paragraph that records claim (what is left are mentions)."""

from __future__ import annotations

from parkdesk.core.errors import BuildError
from parkdesk.core.records import Citation
from parkdesk.ingest.articles import ParsedArticle
from parkdesk.ingest.curation import Anchor, Curation
from parkdesk.ingest.report import ArticleReport


class Collector:
    """Builds the bundle article by article; every citation is checked as it is made."""

    def __init__(self, curation: Curation) -> None:
        self.cur = curation
        self.articles: dict[str, ParsedArticle] = {}
        self.citations: dict[str, list[Citation]] = {}
        # (article, paragraph) -> spans claimed by a record: each paragraph looks up its own
        # (a list per article scanned for every paragraph made imports quadratic).
        self.claimed: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self.reports: dict[str, ArticleReport] = {}
        self.known_numbers: dict[tuple[str, int, int], str] = {}  # a new article's phone -> contact

    def cite(self, art: ParsedArticle, para: int, start: int, end: int) -> Citation:
        text = art.paragraphs[para - 1].text
        quote = text[start:end]
        if not quote:
            raise BuildError(f"{art.file}: empty citation at paragraph {para}.")
        self.claimed.setdefault((art.id, para), []).append((start, end))
        return Citation(art.id, para, start, end, quote)

    def locate(self, anchor: Anchor, what: str) -> tuple[ParsedArticle, Citation]:
        art = self.articles.get(anchor.article)
        if art is None:
            raise MissingArticleError(anchor.article)
        for p in art.paragraphs:
            at = p.text.find(anchor.quote)
            if at >= 0:
                return art, self.cite(art, p.number, at, at + len(anchor.quote))
        raise BuildError(
            f"unverifiable citation: {what}: the words {anchor.quote!r} are not in {art.file}."
        )


class MissingArticleError(Exception):
    pass
