"""Saved web pages (.html): the page's main text as an article's plain text, so the reader and
its rules treat a saved page like a scraped text file.

Python's own `html.parser` plus our boilerplate rules, not a general extractor: the zone's outlets
put an article's text in paragraphs inside the page body, and everything that is not the article
(scripts, styles, navigation, headers, footers, asides, forms, share widgets) sits in elements we
can name. That needs no new dependency and keeps every kept line a line the reader can cite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements whose whole content is never article text.
_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "head",
})
#: Elements that end a block of text (a paragraph of the article).
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "td", "th",
    "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
    "dd", "dt", "pre",
})
#: Class or id words of containers that hold page furniture rather than the article.
_FURNITURE = re.compile(r"\b(share|social|breadcrumb|menu|navbar|sidebar|related|comment|footer|header|advert|ad-|banner|copyright|toolbar)", re.I)
_DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate",
              "publish_date", "date", "dc.date", "dcterms.date")
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}))?")
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
                   "source", "track", "wbr"})


@dataclass
class WebPage:
    """What a saved page says: title, publication date (ISO), canonical URL, text blocks."""

    title: str = ""
    published: str | None = None
    url: str | None = None
    blocks: list[str] = field(default_factory=list)

    def article_text(self) -> str:
        """The page as an article text file: title, date line, then blank-separated blocks."""
        head = [self.title] if self.title else []
        if self.published:
            head.append(self.published)
        return "\n".join(head) + "\n\n" + "\n\n".join(self.blocks) + "\n"


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = WebPage()
        self._skip_depth = 0  # open elements whose content is skipped
        self._stack: list[tuple[str, bool]] = []  # (tag, skips its content)
        self._text: list[str] = []
        self._in_title = False
        self._title_text: list[str] = []
        self._h1: str | None = None
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.page.url = self.page.url or a.get("href") or None
            return
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag in _BLOCKS:
                self._end_block()
            return
        skips = tag in _SKIPPED or bool(_FURNITURE.search(f"{a.get('class', '')} {a.get('id', '')}"))
        self._stack.append((tag, skips))
        if skips:
            self._skip_depth += 1
        if tag in _BLOCKS:
            self._end_block()
        if tag == "h1" and self._h1 is None:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID:
            return
        # Close up to the matching open element (pages often leave elements unclosed).
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                for _t, skips in self._stack[i:]:
                    self._skip_depth -= skips
                del self._stack[i:]
                break
        if tag in _BLOCKS:
            if tag == "h1" and self._in_h1:
                self._in_h1 = False
                self._h1 = " ".join("".join(self._text).split())
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_text.append(data)
            return
        if self._skip_depth == 0:
            self._text.append(data)

    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content", "").strip()
        if key == "og:url" and content:
            self.page.url = self.page.url or content
        elif key == "og:title" and content and not self.page.title:
            self.page.title = " ".join(content.split())
        elif key in _DATE_META and self.page.published is None and (m := _ISO.search(content)):
            self.page.published = m[1] + (f" {m[2]:0>5}" if m[2] else "")

    def _end_block(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            self.page.blocks.append(text)

    def finish(self) -> WebPage:
        self.close()
        self._end_block()
        page = self.page
        title = page.title or self._h1 or " ".join("".join(self._title_text).split())
        page.title = title
        if title and page.blocks and page.blocks[0] == title:
            del page.blocks[0]  # the page's own heading, kept as the title line
        return page


def read_page(html: str) -> WebPage:
    """The title, date, canonical URL and text blocks of a saved web page."""
    reader = _PageReader()
    reader.feed(html)
    return reader.finish()


def is_web_page(name: str) -> bool:
    """True for a saved web page's file name (.html or .htm)."""
    return name.lower().endswith((".html", ".htm"))
