"""`parkdesk factsheet PARK|zone|all -o FILE.pdf`: fact sheets as PDF, headless, in bulk."""

from __future__ import annotations

import argparse
import os
import sys

from parkdesk.core.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.factsheet import build_factsheet, find_sheets
from parkdesk.core.factsheet_model import PAPERS


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


def paper_size(text: str) -> str:
    """One of PAPERS, whatever the case it is written in ("a4" -> "A4")."""
    for paper in PAPERS:
        if paper.casefold() == text.strip().casefold():
            return paper
    raise ParkdeskError(f"Unknown paper size {text!r}; choose {' or '.join(PAPERS)}.")


def run_factsheet(args: argparse.Namespace) -> int:
    """Write the fact sheet(s) `args.park` names to `args.output`; returns the exit code."""
    paper = paper_size(args.paper)
    ensure_headless_platform()
    directory = Directory.open(args.db)
    try:
        ids = find_sheets(directory, args.park)
        sheets = [build_factsheet(directory, i) for i in ids]
    finally:
        directory.close()
    _ensure_application()
    from parkdesk.ui.printing import write_pdf

    pages = write_pdf(sheets, args.output, paper)
    what = "1 fact sheet" if len(sheets) == 1 else f"{len(sheets)} fact sheets"
    print(f"Wrote {args.output}: {what}, {pages} page{'s' if pages != 1 else ''} ({paper}).")
    return 0
