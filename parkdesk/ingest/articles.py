"""Reading one scraped article: title, date, outlet, contact block, and paragraphs without noise."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk.core.errors import ParkdeskError
from parkdesk.ingest.dates import (
    date_from_url,
    infer_year,
    outlet_from_url,
    outlet_name,
    parse_date_line,
)
from parkdesk.ingest.web_pages import is_web_page, read_page


class ArticleError(ParkdeskError):
    """An article file that cannot be read as an article; it is skipped with this message."""


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|svg)\b", re.I)
_IMAGE_NAME_END = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\s*\(\d+\))?$", re.I)
# Share and print widgets, "Up next", page links: a whole line of them.
_WIDGET = re.compile(
    r"^(?:Share(?:\s*[-–:]\s*[\w ]{1,20})?|Print|Up next|Next|Previous|(?:Next|Previous|Last|First) page|"
    r"Back to top|Read more|More|Related(?: stories| news)?|Close|Comments?|Font size|Large|Medium|Small"
    r"|(?:\d+\s+)*Next\s*>*|<*\s*Prev(?:ious)?(?:\s+\d+)*)$",
    re.I,
)
_CREDIT = re.compile(r"^\[(?:Photos?|Images?|Pictures?|Video)\b[^\]]*\]$", re.I)
_PAGINATION = re.compile(r"^(?:\d{1,3}\s+){2,}\d{1,3}$")
_PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")
_BYLINE = re.compile(
    r"^(?:Author|Reporter|Revisor|Editor|Editors|Translator|Photo|Photos|Video(?: & Photo)?|"
    r"Source|Proofreader|Writer|Correspondent)s?\s*[|｜丨:：]",
    re.I,
)
_CAPTION_TAIL = re.compile(
    r"(?:Image|Photo|Picture)s? (?:provided by|courtesy of|by)\b[^.]*$"
    r"|\[(?:Photos?|Images?)\s*(?:[/:]|provided to|provided by|by|courtesy of|for)[^\]]*\]\s*$",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:Copyright|©|All rights reserved)", re.I)
_PRESENTED_BY = re.compile(r"Presented by ([^.|]+)", re.I)
_CONTACT_HEADER = re.compile(r"^\s*Contact\s+Us\s*$", re.I)
_CONTACT_LINE = re.compile(r"^(?P<label>[^:：]{2,60})[:：]\s*(?P<value>.+)$")
_PHONE_START = re.compile(r"^\+?[\d(]")
_SENTENCE_END = re.compile(r"[.!?。！？\"”]$")


@dataclass(frozen=True)
class Paragraph:
    """One kept paragraph; `number` is what citations refer to (1-based)."""

    number: int
    text: str
    line: int  # line in the file, 1-based, for messages
    contact: bool = False  # part of a "Contact Us" block


@dataclass
class ParsedArticle:
    """An article after reading: metadata, paragraphs, and what was stripped as noise."""

    id: str
    file: str
    title: str
    published: str | None
    date_inferred: bool
    outlet: str | None
    sha256: str
    date_source: str | None  # "date line", "URL" or "text" (a year inferred from it)
    paragraphs: list[Paragraph]
    noise: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, text)
    warnings: list[str] = field(default_factory=list)


#: File endings the import reads: scraped text, and saved web pages.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def read_text(path: Path) -> str:
    """The article's text (a saved web page's main text); ArticleError naming the problem for
    empty, binary or non-UTF-8 files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path.name}: cannot be read ({exc.strerror}); skipped.") from exc
    if not data.strip():
        raise ArticleError(f"{path.name}: the file is empty; skipped.")
    if b"\x00" in data:
        raise ArticleError(f"{path.name}: looks like a binary file, not text; skipped.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path.name}: is not UTF-8 text (bad byte at position {exc.start}); "
            "save it as UTF-8 and import again; skipped."
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_web_page(path.name):
        return read_page(text).article_text()
    return text


def page_url(path: Path) -> str | None:
    """A saved web page's canonical URL (its metadata), None for text files or when it has none."""
    if not is_web_page(path.name):
        return None
    try:
        return read_page(path.read_text(encoding="utf-8", errors="replace")).url
    except OSError:
        return None


def normalise_line(line: str) -> str:
    """Line text as citations see it: no-break and odd spaces made plain, ends trimmed."""
    return re.sub(r"[\u00a0\u2002-\u200a\u3000\t]", " ", line).strip()


def noise_kind(line: str, blank_before: int) -> str | None:
    """Why a line is noise (image, caption, pagination, byline...), or None if it is content."""
    text = line.strip()
    if (_IMAGE_FILE.search(text) and len(text.split()) <= 4) or (
        _IMAGE_NAME_END.search(text) and len(text.split()) <= 12
    ):
        return "image file name"
    if _WIDGET.match(text):
        return "share or page widget"
    if _CREDIT.match(text):
        return "caption"
    if _PAGINATION.match(text):
        return "pagination"
    if _PUNCTUATION_ONLY.match(text):
        return "punctuation"
    if _BYLINE.match(text):
        return "byline"
    if _COPYRIGHT.match(text):
        return "copyright"
    if _CAPTION_TAIL.search(text):
        return "caption"
    # A picture removed by the scraper leaves a run of blank lines before its caption.
    if blank_before >= 3 and not _SENTENCE_END.search(text) and len(text.split()) <= 16:
        return "caption"
    return None


def _is_title(text: str) -> bool:
    return not _SENTENCE_END.search(text) and len(text.split()) <= 40 and len(text) <= 300


def _beside_images(lines: list[str]) -> set[int]:
    """Indexes of short lines just before or after an image's file name: its caption."""
    filled = [i for i, raw in enumerate(lines) if normalise_line(raw)]
    captions = set()
    for k, i in enumerate(filled):
        text = normalise_line(lines[i])
        if not (_IMAGE_NAME_END.search(text) and len(text.split()) <= 12):
            continue
        for j in (filled[k - 1] if k else None, filled[k + 1] if k + 1 < len(filled) else None):
            if j is None:
                continue
            near = normalise_line(lines[j])
            if len(near.split()) <= 12 and not _SENTENCE_END.search(near) and not parse_date_line(near):
                captions.add(j)
    return captions


def parse_article(
    path: Path, text: str | None = None, extra_noise: frozenset[str] = frozenset(),
    url: str | None = None,
) -> ParsedArticle:
    """Parse an article file. `extra_noise` holds lines the curation file marks as noise;
    `url` (from SOURCES.tsv) gives the date and outlet when the page prints none."""
    if text is None:
        text = read_text(path)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = text.split("\n")
    beside_images = _beside_images(lines)
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    paragraphs: list[Paragraph] = []
    noise: list[tuple[int, str, str]] = []
    in_contact = False
    blank = 0
    for lineno, raw in enumerate(lines, start=1):
        line = normalise_line(raw)
        if not line:
            blank += 1
            continue
        blank_before, blank = blank, 0
        if _CONTACT_HEADER.match(line):
            in_contact = True
            paragraphs.append(Paragraph(len(paragraphs) + 1, line, lineno, contact=True))
            continue
        if in_contact:
            m = _CONTACT_LINE.match(line)
            if m and (_PHONE_START.match(m["value"].strip()) or m["label"].lower() == "address"):
                paragraphs.append(Paragraph(len(paragraphs) + 1, line, lineno, contact=True))
                continue
            in_contact = False
        if published is None and (d := parse_date_line(line)):
            published, outlet = d.iso, outlet or d.outlet
            noise.append((lineno, "date line", line))
            continue
        if (m := _PRESENTED_BY.search(line)) and (outlet is None or "." in outlet):
            outlet = m[1].strip()  # "Presented by China Daily" beats a bare domain name
        if line in extra_noise:
            noise.append((lineno, "marked noise", line))
            continue
        kind = noise_kind(line, blank_before) or (
            "caption" if lineno - 1 in beside_images else None
        )
        if kind:
            noise.append((lineno, kind, line))
            continue
        if title is None and not paragraphs_have_content(paragraphs):
            if _is_title(line):
                title = line
                noise.append((lineno, "title", line))
                continue
            title = ""  # the first line of text is prose: there is no title line
        paragraphs.append(Paragraph(len(paragraphs) + 1, line, lineno))
    stem = path.stem
    date_inferred = False
    date_source = "date line" if published else None
    warnings: list[str] = []
    outlet = outlet_name(outlet) if outlet and "." in outlet else outlet
    outlet = outlet or outlet_from_url(url)
    if published is None and (published := date_from_url(url)):
        date_source = "URL"
    if published is None:
        year = infer_year(text)
        if year:
            published, date_inferred, date_source = year, True, "text"
            warnings.append(f"{path.name}: no date line; year {year} inferred from the text.")
    if not title:
        if published is None:
            raise ArticleError(f"{path.name}: has neither a title line nor a date; skipped.")
        words = paragraphs[0].text.split() if paragraphs else ["Untitled"]
        title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
        warnings.append(f"{path.name}: no title line; using its first words as the title.")
    if not paragraphs:
        raise ArticleError(f"{path.name}: has a title but no text; skipped.")
    return ParsedArticle(
        id=stem, file=path.name, title=title, published=published, date_inferred=date_inferred,
        outlet=outlet, sha256=sha, date_source=date_source, paragraphs=paragraphs, noise=noise,
        warnings=warnings,
    )


def paragraphs_have_content(paragraphs: list[Paragraph]) -> bool:
    """True once a non-contact paragraph has been kept (the title comes before any)."""
    return any(not p.contact for p in paragraphs)
