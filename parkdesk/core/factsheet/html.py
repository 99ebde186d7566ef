"""Fact-sheet HTML: a FactSheet as the rich-text subset Qt's QTextDocument lays out and prints."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from parkdesk.core.addresses import readable_address
from parkdesk.core.dates import article_date, display_date
from parkdesk.core.factsheet.model import FactSheet, Value
from parkdesk.core.figures.chart import SHOWN as CHART_SHOWN
from parkdesk.core.qr import qr_data_uri

# The QR image's side in CSS pixels (1/96 inch): 120 px is about 32 mm on paper.
QR_SIZE = 120

STYLE = """
h1 { font-size: 18pt; margin-top: 0px; margin-bottom: 2px; color: #1b2f4b; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 4px; color: #1b2f4b; }
p { margin-top: 0px; margin-bottom: 3px; }
p.sub { font-size: 10pt; color: #3c4650; margin-bottom: 6px; }
p.none { font-style: italic; color: #4a4f55; }
p.more { font-size: 8pt; color: #4a4f55; margin-top: 3px; }
table.grid { border-collapse: collapse; border-width: 0px; margin-bottom: 8px; }
table.grid th { background-color: #e6ebf1; font-weight: bold; text-align: left;
                border-bottom: 1px solid #7d8791; }
table.grid td { border-bottom: 1px solid #cfd5dc; }
td, th { vertical-align: top; }
span.small { font-size: 8pt; color: #4a4f55; }
span.proj { font-style: italic; }
p.warn { font-size: 8pt; color: #8a4b00; margin-top: 3px; }
td.qr { text-align: center; font-size: 8pt; }
"""


_COUNTS = dict(enumerate(("no", "one", "two", "three", "four", "five", "six", "seven", "eight")))


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
    head = "".join(f'<th width="{w}%">{_e(label)}</th>' for label, w in headers)
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    return (
        '<table class="grid" width="100%" border="0" cellspacing="0" cellpadding="2">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _none(sheet: FactSheet, what: str) -> str:
    return f'<p class="none">No {what} published for {sheet.subject}.</p>'


def _header(sheet: FactSheet) -> str:
    if sheet.kind == "zone":
        count = len(sheet.parks)
        where: list[str | None] = [f"Zone of {_COUNTS.get(count, str(count))} park{'s' if count != 1 else ''}"]
    else:
        where = [sheet.district, sheet.zone_name]
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
                         '<span class="small">not a valid number as published</span>'])
    for a in sheet.addresses:
        rows.append([_e(a.label), (_e(readable_address(a.text)) + _refs(a.sources), 2)])
    if rows:
        table = _grid([("For", 34), ("National", 30), ("International", 36)], rows)
    else:
        table = _none(sheet, "contact details")
    main = sheet.main_phone
    if main is None:
        return "<h2>Contacts</h2>" + table
    qr = (
        f'<img src="{qr_data_uri(main.tel_uri or "")}" width="{QR_SIZE}" height="{QR_SIZE}"/>'
        f"<br/>Scan to call<br/>{_e(main.national)}"
    )
    return (
        "<h2>Contacts</h2>"
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="78%">{table}</td><td width="4%"></td>'
        f'<td class="qr" width="18%">{qr}</td></tr></table>'
    )


def _figure_value(text: str, projection: bool) -> str:
    return f'<span class="proj">{_e(text)}</span>' if projection else _e(text)


def _figures(sheet: FactSheet) -> str:
    if not sheet.figures:
        return "<h2>Key figures</h2>" + _none(sheet, "figures")
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
            "<br/>".join(_e(v.period or (f"reported {display_date(v.reported)}"
                                         if v.reported else "")) for v in values),
            "<br/>".join(_refs(v.sources) for v in values),
        ])
    headers = [("Figure", 40), ("Value", 34), ("Refers to", 16), ("Source", 10)]
    notes = []
    if any(v.projection for f in sheet.figures for v in f.values):
        notes.append('<p class="more"><i>Italics</i>: a projection (expected, estimated, '
                     "planned or a target), not a reported result.</p>")
    for f in sheet.figures:
        for period in f.conflicts:
            notes.append(f'<p class="warn">{_e(f.metric)}: the articles give different values '
                         f"for {_e(period)}; each is listed as reported.</p>")
    return "<h2>Key figures</h2>" + _grid(headers, rows) + "".join(notes)


def _parks(sheet: FactSheet) -> str:
    if not sheet.parks:
        return ""
    rows = [
        [_e(p.name), _e(p.district), "<br/>".join(_e(n) for n in p.phones) or
         '<span class="small">not published</span>', str(p.projects), str(p.organisations)]
        for p in sheet.parks
    ]
    headers = [("Park", 24), ("District", 20), ("Phone", 18), ("Projects", 12),
               ("Enterprises and institutions", 26)]
    return "<h2>Parks</h2>" + _grid(headers, rows)


def _projects(sheet: FactSheet) -> str:
    title = "<h2>Projects and carriers</h2>"
    if not sheet.projects:
        return title + _none(sheet, "projects or carriers")
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
    headers = [("Name", 30), ("Status", 13), ("Investment", 13), ("Area", 12),
               ("Key dates and other figures", 32)]
    return title + _grid(headers, rows)


def _organisations(sheet: FactSheet) -> str:
    title = "<h2>Enterprises and institutions</h2>"
    if not sheet.organisations:
        return title + _none(sheet, "enterprises or institutions")
    if any(o.where for o in sheet.organisations):
        rows = [[_e(o.name) + _refs(o.sources), _e(o.kind), _e(o.where)]
                for o in sheet.organisations]
        headers = [("Name", 50), ("Kind", 16), ("Project or carrier", 34)]
    else:
        rows = [[_e(o.name) + _refs(o.sources), _e(o.kind)] for o in sheet.organisations]
        headers = [("Name", 80), ("Kind", 20)]
    return title + _grid(headers, rows)


def _people(sheet: FactSheet) -> str:
    title = "<h2>People</h2>"
    if not sheet.people:
        return title + _none(sheet, "people")
    rows = []
    for p in sheet.people:
        titles = []
        for t in p.titles:
            when = t.standing or (t.reported and f"reported {display_date(t.reported)}")
            where = " · ".join(x for x in (t.organisation, when) if x)
            line = _e(t.title) + _refs(t.sources)
            if where:
                line += f'<br/><span class="small">{_e(where)}</span>'
            titles.append(line)
        if not titles:
            titles = ['<span class="small">no title published</span>' + _refs(p.sources)]
        rows.append([_e(p.name), "<br/>".join(titles)])
    return title + _grid([("Name", 30), ("Titles", 70)], rows)


def _sources(sheet: FactSheet) -> str:
    title = "<h2>Sources</h2>"
    if not sheet.sources:
        return title + _none(sheet, "sources")
    rows = []
    for ref in sheet.sources:
        text = f"<b>{_e(ref.title)}</b>. "
        text += ", ".join(_e(x) for x in (ref.outlet, article_date(ref.published, ref.date_inferred, "undated")) if x) + "."
        if ref.url:
            text += f" {_e(ref.url)}"
        rows.append(f'<tr><td width="5%">[{ref.number}]</td><td width="95%">{text}</td></tr>')
    return title + '<table width="100%" cellspacing="0" cellpadding="2">' + "".join(rows) + \
        "</table>"


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
    return (
        '<html><head><meta charset="utf-8"/>'
        f"<title>{_e(sheet.title)} fact sheet</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
