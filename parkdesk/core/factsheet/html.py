"""Fact-sheet HTML: a FactSheet as the rich-text subset Qt's QTextDocument lays out and prints."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from parkdesk.core.dates import article_date
from parkdesk.core.factsheet.model import MAX_ROWS, FactSheet, Value
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
    text = "<br/>".join(_e(v.text) + _refs(v.sources) for v in values)
    return f'<span class="small">{text}</span>' if small and text else text


# A sheet is a summary: a project's further figures beyond these are left to the app.
MAX_OTHER = 2


def _other(values: tuple[Value, ...]) -> str:
    shown = _values(values[:MAX_OTHER], small=True)
    if len(values) > MAX_OTHER:
        shown += f'<br/><span class="small">and {len(values) - MAX_OTHER} more in parkdesk</span>'
    return shown


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


def _more(shown: int, total: int, what: str) -> str:
    if total <= shown:
        return ""
    return f'<p class="more">Showing {shown} of {total:,} {what}; the app lists them all.</p>'


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
        rows.append([_e(a.label), (_e(a.text) + _refs(a.sources), 2)])
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


def _figures(sheet: FactSheet) -> str:
    if not sheet.figures:
        return "<h2>Key figures</h2>" + _none(sheet, "figures")
    rows = []
    for f in sheet.figures:
        values = f.values
        rows.append([
            _e(f.metric[:1].upper() + f.metric[1:]),
            "<br/>".join(_e(f"{v.value} {v.unit or ''}".strip().replace(" %", "%")) for v in values),
            "<br/>".join(_e(v.refers_to) for v in values),
            "<br/>".join(_refs(v.sources) for v in values),
        ])
    headers = [("Figure", 56), ("Value", 24), ("Refers to", 12), ("Source", 8)]
    note = (
        '<p class="more">Where a figure has several values, each is listed as reported.</p>'
        if any(len(f.values) > 1 for f in sheet.figures) else ""
    )
    return "<h2>Key figures</h2>" + _grid(headers, rows) + note


def _parks(sheet: FactSheet) -> str:
    if not sheet.parks:
        return ""
    rows = [
        [_e(p.name), _e(p.district), str(p.projects), str(p.organisations)] for p in sheet.parks
    ]
    headers = [("Park", 30), ("District", 26), ("Projects", 14),
               ("Enterprises and institutions", 30)]
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
            part for part in (_values(p.dates), _other(p.other)) if part
        )
        rows.append([name, _e(p.status), _values(p.investment), _values(p.area),
                     dates_and_other])
    headers = [("Name", 30), ("Status", 13), ("Investment", 13), ("Area", 12),
               ("Key dates and other figures", 32)]
    return title + _grid(headers, rows) + _more(
        len(sheet.projects), sheet.projects_total, "projects and carriers"
    )


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
    return title + _grid(headers, rows) + _more(
        min(len(sheet.organisations), MAX_ROWS), sheet.organisations_total,
        "enterprises and institutions",
    )


def _people(sheet: FactSheet) -> str:
    title = "<h2>People</h2>"
    if not sheet.people:
        return title + _none(sheet, "people")
    rows = []
    for p in sheet.people:
        titles = []
        for t in p.titles:
            where = " · ".join(x for x in (t.organisation, t.reported and f"reported {t.reported}")
                               if x)
            line = _e(t.title) + _refs(t.sources)
            if where:
                line += f'<br/><span class="small">{_e(where)}</span>'
            titles.append(line)
        if not titles:
            titles = ['<span class="small">no title published</span>' + _refs(p.sources)]
        rows.append([_e(p.name), "<br/>".join(titles)])
    return title + _grid([("Name", 30), ("Titles", 70)], rows) + _more(
        len(sheet.people), sheet.people_total, "people"
    )


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
