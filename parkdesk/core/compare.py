"""The parks side by side: contacts, counts per kind, key figures with their periods and
projects, one column per park, as plain data for the comparison view, its print-out (HTML)
and its CSV. An empty cell says "not published", never nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from html import escape
from pathlib import Path

from parkdesk.core.addresses import readable_address
from parkdesk.core.atomic import replacing
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.queries import count_below
from parkdesk.core.figures.readings import metric_lines
from parkdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from parkdesk.core.records import ENTERPRISE, INSTITUTION, PERSON, PROJECT, Entity

NOT_PUBLISHED = QT_TRANSLATE_NOOP("Compare", "not published")


@dataclass(frozen=True)
class CompareRow:
    """One line of the comparison: its section, its label, one cell per park ("" = none)."""

    section: str
    label: str
    cells: tuple[str, ...]

    def shown(self) -> tuple[str, ...]:
        """The cells as shown: an empty one says NOT_PUBLISHED."""
        return tuple(c or NOT_PUBLISHED for c in self.cells)


@dataclass(frozen=True)
class Comparison:
    """The parks (columns) and the rows."""

    parks: tuple[str, ...]
    rows: tuple[CompareRow, ...]


def _figures(park: Entity, directory: Directory) -> dict[str, str]:
    """A park's own key figures by label, each value with its period."""
    cells: dict[str, str] = {}
    for line in metric_lines(directory.figures(park.id)):
        cells[line.label] = "\n".join(
            r.text + (f" ({r.period})" if r.period else "") for r in line.readings
        )
    return cells


def build_comparison(directory: Directory) -> Comparison:
    """Every park of the zone, side by side."""
    parks = directory.parks()
    rows: list[CompareRow] = []

    def row(section: str, label: str, cells: list[str]) -> None:
        rows.append(CompareRow(translate("Compare", section), translate("Compare", label),
                               tuple(cells)))

    contacts = [directory.contacts(p.id, include_children=True) for p in parks]
    row(QT_TRANSLATE_NOOP("Compare", "Contacts"), QT_TRANSLATE_NOOP("Compare", "Phone"), ["\n".join(c.display for c in cs if c.kind == "phone")
                              for cs in contacts])
    row(QT_TRANSLATE_NOOP("Compare", "Contacts"), QT_TRANSLATE_NOOP("Compare", "Address"), ["\n".join(readable_address(c.raw) for c in cs
                                          if c.kind == "address") for cs in contacts])
    row(QT_TRANSLATE_NOOP("Compare", "Contacts"), QT_TRANSLATE_NOOP("Compare", "District"), [p.district or "" for p in parks])
    for label, kinds in (
            (QT_TRANSLATE_NOOP("Compare", "Number of projects and carriers"), (PROJECT,)),
            (QT_TRANSLATE_NOOP("Compare", "Number of enterprises and institutions"),
             (ENTERPRISE, INSTITUTION)),
            (QT_TRANSLATE_NOOP("Compare", "Number of people"), (PERSON,))):
        row(QT_TRANSLATE_NOOP("Compare", "In the park"), label, [f"{count_below(directory, p.id, kinds):,}" for p in parks])
    figures = [_figures(p, directory) for p in parks]
    labels = list(dict.fromkeys(label for f in figures for label in f))
    for label in labels:
        row(QT_TRANSLATE_NOOP("Compare", "Key figures"), label, [f.get(label, "") for f in figures])
    if not labels:
        row(QT_TRANSLATE_NOOP("Compare", "Key figures"), QT_TRANSLATE_NOOP("Compare", "Key figures"),
            ["" for _ in parks])
    projects = []
    for p in parks:
        names = []
        for project in directory.children(p.id, (PROJECT,)):
            line = next((m for m in metric_lines(directory.figures(project.id))
                         if m.readings), None)
            headline = f" — {line.label}: {line.readings[0].text}" if line else ""
            names.append(project.name + (f" ({project.status})" if project.status else "")
                         + headline)
        projects.append("\n".join(f"• {n}" for n in names) if len(names) > 1 else "".join(names))
    row(QT_TRANSLATE_NOOP("Compare", "Projects"),
        QT_TRANSLATE_NOOP("Compare", "Projects and carriers"), projects)
    return Comparison(tuple(p.name for p in parks), tuple(rows))


def comparison_csv(comparison: Comparison) -> str:
    """The comparison as CSV: section, row, then one column per park."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Section", "Row", *comparison.parks])
    for r in comparison.rows:
        writer.writerow([r.section, r.label, *r.shown()])
    return out.getvalue()


def write_comparison_csv(comparison: Comparison, path: Path | str) -> None:
    """Write the CSV atomically (UTF-8 with a byte-order mark, for spreadsheets)."""
    with replacing(path, suffix=".csv.tmp") as tmp:
        tmp.write_text(comparison_csv(comparison), encoding="utf-8-sig", newline="")


def comparison_html(comparison: Comparison, title: str = "The parks compared") -> str:
    """The comparison as one HTML table, for printing."""
    width = 80 // max(len(comparison.parks), 1)
    head = "".join(f'<th width="{width}%">{escape(p)}</th>' for p in comparison.parks)
    body, section = [], ""
    for r in comparison.rows:
        if r.section != section:
            section = r.section
            body.append(f'<tr><td class="section" colspan="{len(comparison.parks) + 1}">'
                        f"<b>{escape(section)}</b></td></tr>")
        cells = "".join(
            f'<td class="{"none" if not c else ""}">'
            + "<br/>".join(escape(line) for line in (c or translate("Compare", NOT_PUBLISHED)).split("\n")) + "</td>"
            for c in r.cells
        )
        body.append(f'<tr><th width="20%">{escape(r.label)}</th>{cells}</tr>')
    style = ("th { text-align: left; background-color: #e6ebf1; } td.none { color: #6b7178; "
             "font-style: italic; } td.section { background-color: #d5dde6; } "
             "td, th { vertical-align: top; border-bottom: 1px solid #cfd5dc; font-size: 9pt; }")
    return (f'<html><head><meta charset="utf-8"/><title>{escape(title)}</title>'
            f"<style>{style}</style></head><body><h2>{escape(title)}</h2>"
            '<table width="100%" cellspacing="0" cellpadding="3">'
            f"<tr><th></th>{head}</tr>{''.join(body)}</table></body></html>")
