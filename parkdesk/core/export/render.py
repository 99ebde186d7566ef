"""Rendering one export: a scope in one format, as bytes or written atomically to a file.

`parkdesk export` and the app's File -> Export... both call these, so both give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from parkdesk.core.atomic import write_bytes
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.export.csv_format import render_csv
from parkdesk.core.export.json_format import build_document, render_json
from parkdesk.core.export.scope import EVERYTHING, Scope
from parkdesk.core.export.vcard_format import DEFAULT_VERSION, VCARD_VERSIONS, render_vcards
from parkdesk.core.i18n import QT_TRANSLATE_NOOP

RENDERERS = {"json": render_json, "vcard": render_vcards, "csv": render_csv}
FORMATS = tuple(RENDERERS)
EXTENSIONS = {"json": ".json", "vcard": ".vcf", "csv": ".csv"}
LABELS = {
    "json": QT_TRANSLATE_NOOP("Export", "JSON document (.json)"),
    "vcard": QT_TRANSLATE_NOOP("Export", "vCard 3.0 address cards, for phones (.vcf)"),
    "csv": QT_TRANSLATE_NOOP("Export", "CSV table of phone numbers (.csv)"),
}


def render(directory: Directory, fmt: str, scope: Scope = EVERYTHING,
           vcard_version: str = DEFAULT_VERSION) -> bytes:
    """The export of `scope` in format `fmt` ("json", "vcard" or "csv"), as UTF-8 bytes;
    vCards in `vcard_version` ("3.0", the default, or "4.0")."""
    if fmt not in RENDERERS:
        raise ParkdeskError(f"Unknown export format {fmt!r}; use json, vcard or csv.")
    if vcard_version not in VCARD_VERSIONS:
        raise ParkdeskError(f"Unknown vCard version {vcard_version!r}; use 3.0 or 4.0.")
    document = build_document(directory, scope)
    if fmt == "vcard":
        return render_vcards(document, vcard_version).encode("utf-8")
    return RENDERERS[fmt](document).encode("utf-8")


def export_to_path(directory: Directory, fmt: str, scope: Scope, path: Path) -> int:
    """Render and write one export; returns the number of bytes written."""
    data = render(directory, fmt, scope)
    write_bytes(data, path)
    return len(data)
