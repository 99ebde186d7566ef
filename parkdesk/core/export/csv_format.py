"""The CSV export: one row per phone number, UTF-8 with BOM (for Excel), RFC 4180 quoting.

There is no bare E.164 column: spreadsheets read "+8675786683830" as a number and drop the
plus; the international and tel: forms carry the same digits as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TextIO

from parkdesk.core.dates import iso_day
from parkdesk.core.export.walk import Visit, walk

BOM = "\ufeff"
COLUMNS = (
    "owner",
    "owner_kind",
    "park",
    "kind",
    "label",
    "national",
    "international",
    "tel_uri",
    "raw",
    "valid",
    "warning",
    "source",
    "source_url",
    "owner_id",
    "contact_id",
)


def _source_cell(sources: list[dict]) -> tuple[str, str]:
    """Human source text (title, outlet, date, paragraph) and the URLs, one line each."""
    texts, urls = [], []
    for s in sources:
        parts = (s["outlet"], iso_day(s["date"]), f"paragraph {s['paragraph']}")
        where = ", ".join(p for p in parts if p)
        text = f"{s['title']} ({where})"
        if text not in texts:
            texts.append(text)
        if s["url"] and s["url"] not in urls:
            urls.append(s["url"])
    return "\n".join(texts), "\n".join(urls)


def rows(document: dict) -> list[dict[str, str]]:
    """The phone rows of a document, in document order."""
    return [row for visit in walk(document) for row in visit_rows(visit)]


def visit_rows(visit: Visit) -> Iterable[dict[str, str]]:
    """The phone rows of one entity node (none for a frame)."""
    if not visit.in_scope:
        return
    node = visit.node
    park = None
    for contact in node["contacts"]:
        if contact["kind"] != "phone":
            continue
        if park is None:
            park = visit.park or {"name": ""}
        source, source_url = _source_cell(contact["sources"])
        if contact.get("source") == "user":  # the user's number, above the article's
            source = "\n".join(t for t in (f"entered by you, {contact['entered']}", source) if t)
        yield {
            "owner": node["name"],
            "owner_kind": node["kind"],
            "park": park["name"],
            "kind": contact["line"] or "",
            "label": contact["label"] or "",
            "national": contact["national"] or "",
            "international": contact["international"] or "",
            "tel_uri": contact["tel_uri"] or "",
            "raw": contact["raw"],
            "valid": "yes" if contact["valid"] else "no",
            "warning": contact["warning"] or "",
            "source": source,
            "source_url": source_url,
            "owner_id": node["id"],
            "contact_id": contact["id"],
        }


def write_csv(visits: Iterable[Visit], out: TextIO) -> None:
    """The CSV text of `visits`: BOM first, CRLF line ends, fields quoted as RFC 4180 needs."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for visit in visits:
        for row in visit_rows(visit):
            writer.writerow(row.values())


def render_csv(document: dict) -> str:
    """The CSV text of a whole document (see write_csv)."""
    buffer = io.StringIO(newline="")
    write_csv(walk(document), buffer)
    return buffer.getvalue()
