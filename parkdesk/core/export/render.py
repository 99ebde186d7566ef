"""Writing one export: a scope in one format, streamed to a binary file, to bytes, or atomically
to a path, with progress and a way to cancel between entities.

`parkdesk export` and the app's File -> Export... both call these, so both give the same bytes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from parkdesk.core.atomic import replacing
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.export.contact_csv import GOOGLE, OUTLOOK, write_google, write_outlook
from parkdesk.core.export.csv_format import write_csv
from parkdesk.core.export.json_format import write_json
from parkdesk.core.export.scope import EVERYTHING, Scope
from parkdesk.core.export.stream import Cancelled, open_stream
from parkdesk.core.export.vcard_format import DEFAULT_VERSION, VCARD_VERSIONS, write_vcards

FORMATS = ("json", "vcard", "csv", GOOGLE, OUTLOOK)
EXTENSIONS = {"json": ".json", "vcard": ".vcf", "csv": ".csv", GOOGLE: ".csv", OUTLOOK: ".csv"}
LABELS = {
    "json": "JSON document (.json)",
    "vcard": "vCard 3.0 address cards, for phones (.vcf)",
    "csv": "CSV table of phone numbers (.csv)",
    GOOGLE: "CSV for Google Contacts, one row per contact (.csv)",
    OUTLOOK: "CSV for Outlook, one row per contact (.csv)",
}
#: progress(done, total): entities written so far, of how many.
Progress = Callable[[int, int], None]

__all__ = ["EXTENSIONS", "FORMATS", "LABELS", "Cancelled", "export_to_path", "render",
           "write_export"]


def _check(fmt: str, vcard_version: str) -> None:
    if fmt not in FORMATS:
        raise ParkdeskError(f"Unknown export format {fmt!r}; use {', '.join(FORMATS)}.")
    if vcard_version not in VCARD_VERSIONS:
        raise ParkdeskError(f"Unknown vCard version {vcard_version!r}; use 3.0 or 4.0.")


def write_export(directory: Directory, fmt: str, scope: Scope, out: BinaryIO,
                 vcard_version: str = DEFAULT_VERSION,
                 cancelled: Callable[[], bool] | None = None,
                 progress: Progress | None = None) -> None:
    """Write the export of `scope` in format `fmt` to `out` as UTF-8, entity by entity.

    `cancelled()` is asked before each entity (True raises Cancelled); `progress(done, total)`
    is called every few hundred entities and at the end.
    """
    _check(fmt, vcard_version)
    stream = open_stream(directory, scope)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        total = stream.total()
        step = None if progress is None else (lambda done: progress(done, total))
        if fmt == "json":
            write_json(stream, text, cancelled, step)
        else:
            facts = frozenset({"contacts"} if fmt == "csv" else {"contacts", "sources", "roles"})
            visits = stream.visits(cancelled, step, facts)
            if fmt == "csv":
                write_csv(visits, text)
            elif fmt == "vcard":
                write_vcards(visits, stream.organisations(), text, vcard_version)
            elif fmt == GOOGLE:
                write_google(visits, stream.organisations(), text, stream.rows.most_phones())
            else:
                write_outlook(visits, stream.organisations(), text)
        text.flush()
    finally:
        text.detach()  # the caller's file stays open
        stream.close()


def render(directory: Directory, fmt: str, scope: Scope = EVERYTHING,
           vcard_version: str = DEFAULT_VERSION) -> bytes:
    """The export of `scope` in format `fmt` as UTF-8 bytes (for small scopes and tests);
    vCards in `vcard_version` ("3.0", the default, or "4.0")."""
    buffer = io.BytesIO()
    write_export(directory, fmt, scope, buffer, vcard_version)
    return buffer.getvalue()


def export_to_path(directory: Directory, fmt: str, scope: Scope, path: Path,
                   vcard_version: str = DEFAULT_VERSION,
                   cancelled: Callable[[], bool] | None = None,
                   progress: Progress | None = None) -> int:
    """Write one export to `path` atomically (a cancelled or failed export leaves no file and
    the old one as it was); returns the number of bytes written."""
    _check(fmt, vcard_version)
    with replacing(path) as tmp, tmp.open("wb") as f:
        write_export(directory, fmt, scope, f, vcard_version, cancelled, progress)
        f.flush()
        os.fsync(f.fileno())
        size = f.tell()
    return size
