"""`parkdesk factsheet PARK|zone|all -o FILE.pdf`: fact sheets as PDF, headless, in bulk."""

from __future__ import annotations

import argparse
import os
import sys

from parkdesk.core.directory import Directory
from parkdesk.core.factsheet import build_factsheet, find_sheets


def ensure_headless_platform() -> None:
    """Use Qt's offscreen platform when there is no display to connect to (before Qt starts)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _ensure_application() -> None:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # Kept on the function so it outlives this call; one per process is all Qt allows.
        _ensure_application.app = QApplication(["parkdesk"])  # type: ignore[attr-defined]


def run_factsheet(args: argparse.Namespace) -> int:
    """Write the fact sheet(s) `args.park` names to `args.output`; returns the exit code."""
    ensure_headless_platform()
    directory = Directory.open(args.db)
    try:
        ids = find_sheets(directory, args.park)
        sheets = [build_factsheet(directory, i) for i in ids]
    finally:
        directory.close()
    _ensure_application()
    from parkdesk.ui.printing import write_pdf

    pages = write_pdf(sheets, args.output, args.paper)
    what = "1 fact sheet" if len(sheets) == 1 else f"{len(sheets)} fact sheets"
    print(f"Wrote {args.output}: {what}, {pages} page{'s' if pages != 1 else ''} ({args.paper}).")
    return 0
