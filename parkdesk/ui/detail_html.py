"""Building blocks of the detail pane's HTML: escaping, dates, links, numbered sources.

Everything that comes from the database passes through `esc()`; links are only made for
http(s) article addresses and for our own `phone:`/`entity:` anchors.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from urllib.parse import quote, unquote

from PySide6.QtCore import QCoreApplication

from parkdesk.core.addresses import readable_address
from parkdesk.core.dates import article_date, display_date
from parkdesk.core.db.directory import Source
from parkdesk.core.figures.chart import SHOWN as CHART_SHOWN
from parkdesk.core.figures.chart import line_chart
from parkdesk.core.figures.readings import metric_lines
from parkdesk.core.i18n import QT_TRANSLATE_NOOP
from parkdesk.core.records import Contact, Figure
from parkdesk.core.sources import SourceNumbers
from parkdesk.core.userstore.layer import ImportedArticle

PHONE_SCHEME = "phone"
ENTITY_SCHEME = "entity"
SOURCE_ANCHOR = "src-"



def esc(text: object) -> str:
    """Text as HTML that shows literally (quotes escaped too, for attributes)."""
    return html.escape(str(text), quote=True)


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: nothing else becomes a link."""
    if url and re.match(r"^https?://[^\s<>\"]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def link(scheme: str, key: str, text: str, title: str = "") -> str:
    """An internal link (`phone:` or `entity:`) with escaped text."""
    attr = f' title="{esc(title)}"' if title else ""
    return f'<a href="{scheme}:{quote(key, safe="")}"{attr}>{esc(text)}</a>'


def entity_link(entity_id: str, name: str) -> str:
    """A link that selects an entity in the tree."""
    return link(ENTITY_SCHEME, entity_id, name, QCoreApplication.translate("DetailHtml", "Show in the tree"))


# How a relation reads on its object's page, {other} standing for the subject's link.
_OBJECT_VIEW = {
    "works at": QT_TRANSLATE_NOOP("DetailHtml", "{other} works here"),
    "located in": QT_TRANSLATE_NOOP("DetailHtml", "{other} is located here"),
    "grew up in": QT_TRANSLATE_NOOP("DetailHtml", "{other} grew up here"),
    "invests in": QT_TRANSLATE_NOOP("DetailHtml", "{other} invests here"),
    "signed to settle in": QT_TRANSLATE_NOOP("DetailHtml", "{other} signed to settle here"),
    "partners in": QT_TRANSLATE_NOOP("DetailHtml", "{other} is a partner here"),
    "operates": QT_TRANSLATE_NOOP("DetailHtml", "Operated by {other}"),
    "serves": QT_TRANSLATE_NOOP("DetailHtml", "Served by {other}"),
    "co-founded": QT_TRANSLATE_NOOP("DetailHtml", "Co-founded by {other}"),
}


# How a relation reads on its subject's page, {other} standing for the object's link (others:
# the predicate as the article has it, "Focus of X").
_SUBJECT_VIEW = {
    "works at": QT_TRANSLATE_NOOP("DetailHtml", "Works at {other}"),
    "located in": QT_TRANSLATE_NOOP("DetailHtml", "Located in {other}"),
    "grew up in": QT_TRANSLATE_NOOP("DetailHtml", "Grew up in {other}"),
    "invests in": QT_TRANSLATE_NOOP("DetailHtml", "Invests in {other}"),
    "signed to settle in": QT_TRANSLATE_NOOP("DetailHtml", "Signed to settle in {other}"),
    "partners in": QT_TRANSLATE_NOOP("DetailHtml", "Partner in {other}"),
    "operates": QT_TRANSLATE_NOOP("DetailHtml", "Operates {other}"),
    "serves": QT_TRANSLATE_NOOP("DetailHtml", "Serves {other}"),
    "co-founded": QT_TRANSLATE_NOOP("DetailHtml", "Co-founded {other}"),
}


def relation_html(predicate: str, other_html: str, on_subject_page: bool) -> str:
    """A relation phrased from the shown entity's side, around the other entity's link:
    "Works at X" on the subject's page, "X works here" (or "Operated by X") on the object's."""
    predicate = " ".join(predicate.split())
    if on_subject_page and predicate.casefold() in _SUBJECT_VIEW:
        pattern = QCoreApplication.translate("DetailHtml", _SUBJECT_VIEW[predicate.casefold()])
    elif on_subject_page:
        return esc(predicate[:1].upper() + predicate[1:]) + " " + other_html
    elif predicate.casefold() in _OBJECT_VIEW:
        pattern = QCoreApplication.translate("DetailHtml", _OBJECT_VIEW[predicate.casefold()])
    elif predicate.endswith(" of"):  # "regional centre of": X is its regional centre
        pattern = QCoreApplication.translate("DetailHtml", "{other} is its {relation}").replace("{relation}", predicate[:-3])
    else:
        pattern = QCoreApplication.translate("DetailHtml", "{other} {relation} this").replace("{relation}", predicate)
    before, _, after = pattern.partition("{other}")
    return esc(before) + other_html + esc(after)


def parse_link(href: str) -> tuple[str, str]:
    """(scheme, key) of one of our links, e.g. ("phone", "c-1"); ("", href) otherwise."""
    scheme, sep, rest = href.partition(":")
    if sep and scheme in (PHONE_SCHEME, ENTITY_SCHEME):
        return scheme, unquote(rest)
    return "", href


def describe_source(source: Source) -> str:
    """Where a fact comes from, in three lines: title; outlet, date, paragraph; the words."""
    article, citation = source.article, source.citation
    parts = []
    if article.outlet:
        parts.append(article.outlet)
    if article.published:
        parts.append(article_date(article.published, article.date_inferred))
    parts.append(QCoreApplication.translate("DetailHtml", "paragraph {number}").format(number=citation.paragraph))
    return f"{article.title}\n{', '.join(parts)}\n“{citation.quote}”"


class SourceList:
    """Numbers the sources cited on one page and renders the Sources section."""

    def __init__(self, imported: Mapping[str, ImportedArticle] | None = None) -> None:
        self._numbers = SourceNumbers()  # one number per citation: tooltips show each quote
        self.imported = imported or {}  # articles the user imported, by id: said as such

    @property
    def entries(self) -> list[Source]:
        """The cited sources, in the order of their numbers."""
        return self._numbers.entries

    def number(self, source: Source) -> int:
        """The reference number of a source, adding it when new."""
        return self._numbers.number(source)

    def refs(self, sources: list[Source]) -> str:
        """Superscript links like [1][2] to the Sources section."""
        numbers = sorted({self.number(s) for s in sources})
        return "".join(
            f'<sup><a href="#{SOURCE_ANCHOR}{n}" class="ref">[{n}]</a></sup>' for n in numbers
        )

    def cited(self, text_html: str, sources: list[Source], summary: str = "") -> str:
        """`text_html` with its sources on hover (tooltip, after `summary` if given) and as
        references."""
        if not sources:
            return text_html
        tip = "\n\n".join(
            ([summary] if summary else [])
            + [f"[{self.number(s)}] {describe_source(s)}" for s in sources]
        )
        return f'<span title="{esc(tip)}">{text_html}</span>{self.refs(sources)}'

    def section(self) -> str:
        """The Sources section: each article once, then its numbered citations; "" if none."""
        if not self.entries:
            return ""
        by_article: dict[str, list[int]] = {}
        for n, source in enumerate(self.entries, start=1):
            by_article.setdefault(source.article.id, []).append(n)
        parts = ["<h3>" + esc(QCoreApplication.translate("DetailHtml", "Sources")) + "</h3>"]
        for numbers in by_article.values():
            article = self.entries[numbers[0] - 1].article
            where = [esc(article.outlet)] if article.outlet else []
            if article.published:
                where.append(esc(article_date(article.published, article.date_inferred)))
            url = web_url(article.url)
            open_text = QCoreApplication.translate("DetailHtml", "Open article")
            no_url = QCoreApplication.translate("DetailHtml", "(no web address recorded)")
            opener = (
                f'<a href="{esc(url)}" title="{esc(url)}">{esc(open_text)}</a>'
                if url
                else f'<span class="muted">{esc(no_url)}</span>'
            )
            if article.id in self.imported:
                when = display_date(self.imported[article.id].entered.date)
                mine = esc(QCoreApplication.translate(
                    "DetailHtml", "{file}, imported and reviewed by you, {date}").format(
                        file=article.file, date=when))
                mine = f'<span class="user">{mine}</span>'
                opener = f"{opener} · {mine}" if url else mine
            parts.append(
                f'<p class="article"><b>{esc(article.title)}</b> — '
                f"{', '.join(where)}{' · ' if where else ''}{opener}</p>"
            )
            # Paragraphs, not a table: a long page lays out several times faster.
            for n in numbers:
                citation = self.entries[n - 1].citation
                para = esc(QCoreApplication.translate("DetailHtml", "paragraph {number}").format(number=citation.paragraph))
                parts.append(
                    f'<p class="cite"><a name="{SOURCE_ANCHOR}{n}"></a>'
                    f'<span class="num">[{n}]</span>&nbsp;&nbsp;'
                    f'<span class="para">{para}</span>&nbsp;&nbsp; '
                    f'<span class="quote">“{esc(citation.quote)}”</span></p>'
                )
        return "".join(parts)


def heading(kind_label: str, name: str, refs: str = "") -> str:
    """The page title with the kind above it."""
    return f'<p class="kind">{esc(kind_label)}</p><h2>{esc(name)}{refs}</h2>'


def facts_table(rows: list[tuple[str, str]]) -> str:
    """A two-column table of (label, HTML value) rows; labels are escaped here."""
    if not rows:
        return ""
    body = "".join(f"<tr><th>{esc(label)}</th><td>{value}</td></tr>" for label, value in rows)
    return f'<table class="facts">{body}</table>'


def section(title: str, body: str, empty: str = "") -> str:
    """A titled section; `empty` (plain text) shows when there is no body; "" drops it."""
    if body:
        return f"<h3>{esc(title)}</h3>{body}"
    if empty:
        return f'<h3>{esc(title)}</h3><p class="muted">{esc(empty)}</p>'
    return ""


def figure_rows(figures: list[Figure], sources_of: Callable[[Figure], list[Source]],
                sources: SourceList, after: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """One row per metric, most important first (core.figures.ranking): each period's value
    with its qualifier, period and sources; reports that agree are one value ("also reported
    as"), and only reports of one period that differ beyond rounding are called a conflict.
    `after[figure id]` is HTML such as the user's "outdated" mark, put behind the value."""
    rows = []
    for_period = QCoreApplication.translate("DetailHtml", "for {period}")
    reported_on = QCoreApplication.translate("DetailHtml", "reported {date}")
    for line in metric_lines(figures):
        values = []
        for reading in line.readings:
            f = reading.figure
            when = []
            if reading.period:
                when.append(esc(for_period.format(period=reading.period)))
            reported = sorted({display_date(x.reported) for x in reading.figures if x.reported})
            if reported:
                when.append(esc(reported_on.format(date=", ".join(reported))))
            meta = f' <span class="muted">({" · ".join(when)})</span>' if when else ""
            text = esc(reading.text)
            if f.projection:
                text = f'<span class="proj">{text}</span>'
            cited = [s for x in reading.figures for s in sources_of(x)]
            summary = reading.text + (" — " + for_period.format(period=reading.period)
                                      if reading.period else "")
            marks = "".join((after or {}).get(x.id, "") for x in reading.figures)
            values.append(sources.cited(text, cited, summary) + meta + marks)
        chart = line_chart(line, lambda r: tuple(sorted(
            {sources.number(s) for x in r.figures for s in sources_of(x)})))
        if chart:
            width, height = CHART_SHOWN
            values.append(f'<img src="{chart}" width="{width}" height="{height}">')
        for period in line.conflicting_periods:
            text = (QCoreApplication.translate(
                "DetailPage", "The articles give different values for {period}.").format(
                    period=display_date(period)) if period else
                QCoreApplication.translate("DetailPage", "The articles give different values."))
            values.append(f'<span class="warn">{esc(text)}</span>')
        rows.append((line.label, "<br>".join(values)))
    return rows


def phone_html(contact: Contact, sources: SourceList, contact_sources: list[Source]) -> str:
    """A contact's number as a copy link (or its address as text), with its sources."""
    if contact.kind != "phone":
        return sources.cited(esc(readable_address(contact.raw)), contact_sources)
    text = link(PHONE_SCHEME, contact.id, contact.display)
    if not contact.valid:
        warning = contact.warning or QCoreApplication.translate("DetailHtml", "not a valid number")
        text += f' <span class="warn">({esc(warning)})</span>'
    return sources.cited(text, contact_sources)


STYLE = """
h2 { margin-top: 0; margin-bottom: 4px; }
h3 { margin-top: 14px; margin-bottom: 4px; color: #1f4e79; }
p.kind { color: #607d8b; margin-bottom: 0; font-size: small; }
th { text-align: left; font-weight: normal; color: #546e7a; padding-right: 14px; }
td, th { padding-top: 2px; padding-bottom: 2px; padding-right: 10px; vertical-align: top; }
p.cite { margin-left: 14px; margin-top: 1px; margin-bottom: 1px; }
span.num { color: #607d8b; }
span.para { color: #546e7a; }
p.article { margin-top: 8px; margin-bottom: 2px; }
.muted { color: #78909c; }
.warn { color: #b45309; }
.proj { font-style: italic; }
.quote { color: #37474f; font-style: italic; }
a { color: #1565c0; text-decoration: none; }
a.ref { color: #78909c; }
.user { color: #2e7d32; }
p.note { background-color: #fff8e1; padding: 4px; }
"""
