"""Fact-sheet HTML: a FactSheet as the rich-text subset Qt's QTextDocument lays out and prints."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from parkdesk.core.addresses import readable_address
from parkdesk.core.dates import article_date, display_date
from parkdesk.core.factsheet.model import FactSheet, Value
from parkdesk.core.figures.chart import SHOWN as CHART_SHOWN
from parkdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from parkdesk.core.qr import qr_data_uri

# The QR image's side in CSS pixels (1/96 inch): 120 px is about 32 mm on paper.
QR_SIZE = 120

# A row's rule is its cells' bottom border, with no border-collapse: Qt's collapsed borders draw
# the same rules but took 40 of the 100 ms of painting a 16-page sheet.
STYLE = """
h1 { font-size: 18pt; margin-top: 0px; margin-bottom: 2px; color: #1b2f4b; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 4px; color: #1b2f4b; }
p { margin-top: 0px; margin-bottom: 3px; }
p.sub { font-size: 10pt; color: #3c4650; margin-bottom: 6px; }
p.none { font-style: italic; color: #4a4f55; }
p.more { font-size: 8pt; color: #4a4f55; margin-top: 3px; }
table.grid { border-width: 0px; margin-bottom: 8px; }
table.grid th { background-color: #e6ebf1; font-weight: bold; text-align: left;
                border-bottom: 1px solid #7d8791; }
table.grid td { border-bottom: 1px solid #cfd5dc; }
td, th { vertical-align: top; }
span.small { font-size: 8pt; color: #4a4f55; }
span.proj { font-style: italic; }
p.warn { font-size: 8pt; color: #8a4b00; margin-top: 3px; }
td.qr { text-align: center; font-size: 8pt; }
"""


# Small counts in words ("Zone of five parks"; 一区五园).
_COUNTS = dict(enumerate((
    QT_TRANSLATE_NOOP("FactSheet", "no"), QT_TRANSLATE_NOOP("FactSheet", "one"),
    QT_TRANSLATE_NOOP("FactSheet", "two"), QT_TRANSLATE_NOOP("FactSheet", "three"),
    QT_TRANSLATE_NOOP("FactSheet", "four"), QT_TRANSLATE_NOOP("FactSheet", "five"),
    QT_TRANSLATE_NOOP("FactSheet", "six"), QT_TRANSLATE_NOOP("FactSheet", "seven"),
    QT_TRANSLATE_NOOP("FactSheet", "eight"),
)))


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _refs(numbers: Iterable[int]) -> str:
    numbers = list(numbers)
    if not numbers:
        return ""
    return "<sup>[" + ",".join(str(n) for n in numbers) + "]</sup>"


def _values(values: Iterable[Value], small: bool = False) -> str:
    text = "<br/>".join(_figure_value(v.text, v.projection) + _refs(v.sources) for v in values)
    return f'<span class="small">{text}</span>' if small and text else text


def _cell(cell: str | tuple[str, int]) -> str:
    if isinstance(cell, tuple):
        return f'<td colspan="{cell[1]}">{cell[0]}</td>'
    return f"<td>{cell}</td>"


def _grid(headers: list[tuple[str, int]], rows: list[list]) -> str:
    """A bordered table; `headers` are (label, width %), cells ready HTML or (HTML, colspan)."""
    head = "".join(f'<th width="{w}%">{_e(translate("FactSheet", label))}</th>'
                   for label, w in headers)
    body = ["<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows]
    return _table(f"<thead><tr>{head}</tr></thead>", body, "grid")


def _table(head: str, rows: list[str], style: str) -> str:
    """One table of the rows, under `head` (a header row each page it runs onto repeats)."""
    return (f'<table class="{style}" width="100%" border="0" cellspacing="0" cellpadding="2">'
            + head + "<tbody>" + "".join(rows) + "</tbody></table>")


def _h2(text: str) -> str:
    return f"<h2>{_e(text)}</h2>"


def _none(text: str) -> str:
    """The honest "nothing published" line, `text` already translated."""
    return f'<p class="none">{_e(text)}</p>'


def _listed(shown: int, total: int) -> str:
    """The line under a list cut at LIST_LIMIT: how many it has and where all of them are."""
    if total <= shown:
        return ""
    text = translate("FactSheet", "The first {shown} of {total} are listed here. parkdesk shows "
                                  "all of them, and File › Export… writes them all to a file.")
    return f'<p class="more">{_e(text.format(shown=f"{shown:,}", total=f"{total:,}"))}</p>'


def _header(sheet: FactSheet) -> str:
    if sheet.kind == "zone":
        count = len(sheet.parks)
        text = (translate("FactSheet", "Zone of one park") if count == 1 else
                translate("FactSheet", "Zone of {count} parks"))
        word = translate("FactSheet", _COUNTS[count]) if count in _COUNTS else str(count)
        where: list[str | None] = [text.format(count=word)]
    else:
        where = [sheet.district, sheet.zone_name]
    where.insert(0, sheet.chinese_name)
    parts = [f"<h1>{_e(sheet.title)}</h1>"]
    sub = " · ".join(_e(w) for w in where if w)
    parts.append(f'<p class="sub">{sub}{_refs(sheet.title_sources)}</p>')
    if sheet.description:
        parts.append(f"<p>{_e(sheet.description)}</p>")
    return "".join(parts)


def _contacts(sheet: FactSheet) -> str:
    rows: list[list] = []
    for p in sheet.phones:
        if p.tel_uri:
            rows.append([_e(p.label), _e(p.national) + _refs(p.sources), _e(p.international)])
        else:
            rows.append([_e(p.label), _e(p.raw) + _refs(p.sources),
                         '<span class="small">'
                         + _e(translate("FactSheet", "not a valid number as published"))
                         + "</span>"])
    for a in sheet.addresses:
        rows.append([_e(a.label), (_e(readable_address(a.text)) + _refs(a.sources), 2)])
    if rows:
        table = _grid([(QT_TRANSLATE_NOOP("FactSheet", "For"), 34),
                       (QT_TRANSLATE_NOOP("FactSheet", "National"), 30),
                       (QT_TRANSLATE_NOOP("FactSheet", "International"), 36)], rows)
    else:
        table = _none(translate("FactSheet", "No contact details published for {subject}.")
                      .format(subject=sheet.subject))
    main = sheet.main_phone
    heading = _h2(translate("FactSheet", "Contacts"))
    if main is None:
        return heading + table
    scan = translate("FactSheet", "Scan to call")
    qr = (
        f'<img src="{qr_data_uri(main.tel_uri or "")}" width="{QR_SIZE}" height="{QR_SIZE}"/>'
        f"<br/>{_e(scan)}<br/>{_e(main.national)}"
    )
    return (
        heading
        + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="78%">{table}</td><td width="4%"></td>'
        f'<td class="qr" width="18%">{qr}</td></tr></table>'
    )


def _figure_value(text: str, projection: bool) -> str:
    return f'<span class="proj">{_e(text)}</span>' if projection else _e(text)


def _figures(sheet: FactSheet) -> str:
    heading = _h2(translate("FactSheet", "Key figures"))
    if not sheet.figures:
        return heading + _none(translate("FactSheet", "No figures published for {subject}.")
                               .format(subject=sheet.subject))
    reported = translate("FactSheet", "reported {date}")
    rows = []
    for f in sheet.figures:
        values = f.values
        value = "<br/>".join(_figure_value(v.text, v.projection) for v in values)
        if f.chart:
            width, height = CHART_SHOWN
            value += f'<br/><img src="{f.chart}" width="{width}" height="{height}"/>'
        rows.append([
            _e(f.metric),
            value,
            "<br/>".join(_e(v.period or (reported.format(date=display_date(v.reported))
                                         if v.reported else "")) for v in values),
            "<br/>".join(_refs(v.sources) for v in values),
        ])
    headers = [(QT_TRANSLATE_NOOP("FactSheet", "Figure"), 40),
               (QT_TRANSLATE_NOOP("FactSheet", "Value"), 34),
               (QT_TRANSLATE_NOOP("FactSheet", "Refers to"), 16),
               (QT_TRANSLATE_NOOP("FactSheet", "Source"), 10)]
    notes = []
    if any(v.projection for f in sheet.figures for v in f.values):
        italics = _e(translate("FactSheet", "Italics"))
        rest = _e(translate("FactSheet", ": a projection (expected, estimated, planned or a "
                                         "target), not a reported result."))
        notes.append(f'<p class="more"><i>{italics}</i>{rest}</p>')
    conflict = translate("FactSheet", "{figure}: the articles give different values for "
                                      "{period}; each is listed as reported.")
    for f in sheet.figures:
        for period in f.conflicts:
            text = conflict.format(figure=f.metric, period=period)
            notes.append(f'<p class="warn">{_e(text)}</p>')
    return heading + _grid(headers, rows) + "".join(notes)


def _parks(sheet: FactSheet) -> str:
    if not sheet.parks:
        return ""
    not_published = _e(translate("FactSheet", "not published"))
    rows = [
        [_e(p.name) + (f'<br/><span class="small">{_e(p.chinese_name)}</span>'
                       if p.chinese_name else ""), _e(p.district), "<br/>".join(_e(n) for n in p.phones) or
         f'<span class="small">{not_published}</span>', str(p.projects), str(p.organisations)]
        for p in sheet.parks
    ]
    headers = [(QT_TRANSLATE_NOOP("FactSheet", "Park"), 24),
               (QT_TRANSLATE_NOOP("FactSheet", "District"), 20),
               (QT_TRANSLATE_NOOP("FactSheet", "Phone"), 18),
               (QT_TRANSLATE_NOOP("FactSheet", "Projects"), 12),
               (QT_TRANSLATE_NOOP("FactSheet", "Enterprises and institutions"), 26)]
    return _h2(translate("FactSheet", "Parks")) + _grid(headers, rows)


def _projects(sheet: FactSheet) -> str:
    title = _h2(translate("FactSheet", "Projects and carriers"))
    if not sheet.projects:
        return title + _none(translate("FactSheet", "No projects or carriers published for "
                                       "{subject}.").format(subject=sheet.subject))
    rows = []
    for p in sheet.projects:
        # Sub-projects follow their parent: an arrow says so without repeating its long name.
        name = ("↳ " if p.part_of else "") + _e(p.name) + _refs(p.sources)
        if p.subkind:
            name += f'<br/><span class="small">{_e(p.subkind)}</span>'
        dates_and_other = "<br/>".join(
            part for part in (_values(p.dates), _values(p.other, small=True)) if part
        )
        rows.append([name, _e(p.status), _values(p.investment), _values(p.area),
                     dates_and_other])
    headers = [(QT_TRANSLATE_NOOP("FactSheet", "Name"), 30),
               (QT_TRANSLATE_NOOP("FactSheet", "Status"), 13),
               (QT_TRANSLATE_NOOP("FactSheet", "Investment"), 13),
               (QT_TRANSLATE_NOOP("FactSheet", "Area"), 12),
               (QT_TRANSLATE_NOOP("FactSheet", "Key dates and other figures"), 32)]
    return title + _grid(headers, rows) + _listed(len(sheet.projects), sheet.projects_total)


def _organisations(sheet: FactSheet) -> str:
    title = _h2(translate("FactSheet", "Enterprises and institutions"))
    if not sheet.organisations:
        return title + _none(translate("FactSheet", "No enterprises or institutions published "
                                       "for {subject}.").format(subject=sheet.subject))
    if any(o.where for o in sheet.organisations):
        rows = [[_e(o.name) + _refs(o.sources), _e(o.kind), _e(o.where)]
                for o in sheet.organisations]
        headers = [(QT_TRANSLATE_NOOP("FactSheet", "Name"), 50),
                   (QT_TRANSLATE_NOOP("FactSheet", "Kind"), 16),
                   (QT_TRANSLATE_NOOP("FactSheet", "Project or carrier"), 34)]
    else:
        rows = [[_e(o.name) + _refs(o.sources), _e(o.kind)] for o in sheet.organisations]
        headers = [(QT_TRANSLATE_NOOP("FactSheet", "Name"), 80),
                   (QT_TRANSLATE_NOOP("FactSheet", "Kind"), 20)]
    listed = _listed(len(sheet.organisations), sheet.organisations_total)
    return title + _grid(headers, rows) + listed


def _people(sheet: FactSheet) -> str:
    title = _h2(translate("FactSheet", "People"))
    if not sheet.people:
        return title + _none(translate("FactSheet", "No people published for {subject}.")
                             .format(subject=sheet.subject))
    reported = translate("FactSheet", "reported {date}")
    rows = []
    for p in sheet.people:
        titles = []
        for t in p.titles:
            when = t.standing or (t.reported and reported.format(date=display_date(t.reported)))
            where = " · ".join(x for x in (t.organisation, when) if x)
            line = _e(t.title) + _refs(t.sources)
            if where:
                line += f'<br/><span class="small">{_e(where)}</span>'
            titles.append(line)
        if not titles:
            none = _e(translate("FactSheet", "no title published"))
            titles = [f'<span class="small">{none}</span>' + _refs(p.sources)]
        rows.append([_e(p.name), "<br/>".join(titles)])
    headers = [(QT_TRANSLATE_NOOP("FactSheet", "Name"), 30),
               (QT_TRANSLATE_NOOP("FactSheet", "Titles"), 70)]
    return title + _grid(headers, rows) + _listed(len(sheet.people), sheet.people_total)


def _sources(sheet: FactSheet) -> str:
    title = _h2(translate("FactSheet", "Sources"))
    if not sheet.sources:
        return title + _none(translate("FactSheet", "No sources published for {subject}.")
                             .format(subject=sheet.subject))
    rows = []
    for ref in sheet.sources:
        text = f"<b>{_e(ref.title)}</b>. "
        text += ", ".join(_e(x) for x in (ref.outlet, article_date(ref.published, ref.date_inferred, translate("FactSheet", "undated"))) if x) + "."
        if ref.url:
            text += f" {_e(ref.url)}"
        rows.append(f'<tr><td width="5%">[{ref.number}]</td><td width="95%">{text}</td></tr>')
    return title + _table("", rows, "refs")


def render_html(sheet: FactSheet) -> str:
    """The whole sheet as one HTML document; every database text is escaped."""
    body = "".join(
        (
            _header(sheet),
            _contacts(sheet),
            _figures(sheet),
            _parks(sheet),
            _projects(sheet),
            _organisations(sheet),
            _people(sheet),
            _sources(sheet),
        )
    )
    title = translate("FactSheet", "{name} fact sheet").format(name=sheet.title)
    return (
        '<html><head><meta charset="utf-8"/>'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
