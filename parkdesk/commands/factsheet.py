"""`parkdesk factsheet PARK|zone|all -o FILE.pdf`: fact sheets as PDF, headless, in bulk."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from parkdesk.commands import add_db_option, open_directory, user_store_of
from parkdesk.core.factsheet.paper import DEFAULT_PAPER, PAPERS, paper_size

NAME = "factsheet"
HELP = "write a park's fact sheet as PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`factsheet PARK|zone|all -o FILE.pdf [--paper A4|Letter]`."""
    parser.add_argument("park", metavar="PARK|zone|all")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument("--paper", type=paper_size, choices=PAPERS, default=DEFAULT_PAPER)
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Write the sheets from the parsed arguments."""
    return factsheet(args.db, args.park, args.output, args.paper, user_store=user_store_of(args))


def ensure_headless_platform() -> None:
    """Use Qt's offscreen platform when there is no display to connect to (before Qt starts)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def factsheet(db: Path, park: str, output: Path, paper: str = DEFAULT_PAPER,
              user_store: Path | None = None) -> int:
    """Write the fact sheet(s) `park` names ("zone", "all" or a park) to `output` as PDF."""
    from parkdesk.core.factsheet.content import build_factsheet, find_sheets

    paper = paper_size(paper)
    ensure_headless_platform()
    directory = open_directory(db, user_store)
    try:
        sheets = [build_factsheet(directory, i) for i in find_sheets(directory, park)]
    finally:
        directory.close()
    from parkdesk.ui.printing import ensure_application, write_pdf

    ensure_application()
    pages = write_pdf(sheets, output, paper)
    what = "1 fact sheet" if len(sheets) == 1 else f"{len(sheets)} fact sheets"
    print(f"Wrote {output}: {what}, {pages} page{'s' if pages != 1 else ''} ({paper}).")
    return 0
