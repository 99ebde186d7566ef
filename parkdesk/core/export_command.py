"""`parkdesk export`: render a scope in one format and write it atomically (or to stdout).

The app's File -> Export... calls `export_to_path` too, so both give the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from parkdesk.core.atomic import write_bytes
from parkdesk.core.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.export_csv import render_csv
from parkdesk.core.export_json import build_document, render_json
from parkdesk.core.export_scope import EVERYTHING, Scope, resolve_park
from parkdesk.core.export_vcard import render_vcards

RENDERERS = {"json": render_json, "vcard": render_vcards, "csv": render_csv}
EXTENSIONS = {"json": ".json", "vcard": ".vcf", "csv": ".csv"}
LABELS = {
    "json": "JSON document (.json)",
    "vcard": "vCard 4.0 address cards (.vcf)",
    "csv": "CSV table of phone numbers (.csv)",
}


def render(directory: Directory, fmt: str, scope: Scope = EVERYTHING) -> bytes:
    """The export of `scope` in format `fmt` ("json", "vcard" or "csv"), as UTF-8 bytes."""
    if fmt not in RENDERERS:
        raise ParkdeskError(f"Unknown export format {fmt!r}; use json, vcard or csv.")
    return RENDERERS[fmt](build_document(directory, scope)).encode("utf-8")


def export_to_path(directory: Directory, fmt: str, scope: Scope, path: Path) -> int:
    """Render and write one export; returns the number of bytes written."""
    data = render(directory, fmt, scope)
    write_bytes(data, path)
    return len(data)


def run_export(args: argparse.Namespace, stdout: BinaryIO | None = None) -> int:
    """Run `parkdesk export`; errors are raised as ParkdeskError for cli.main to print."""
    directory = Directory.open(args.db)
    try:
        scope = resolve_park(directory, args.park)
        data = render(directory, args.format, scope)
        if args.output is None:
            out = stdout or sys.stdout.buffer
            out.write(data)
            out.flush()
        else:
            write_bytes(data, args.output)
    finally:
        directory.close()
    return 0
