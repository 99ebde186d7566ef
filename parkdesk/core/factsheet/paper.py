"""The paper sizes a fact sheet is printed on, and reading one as a user writes it.

A module of its own, with nothing else: `parkdesk` builds its argument parser (with
`factsheet --paper`) on every start, the app's included, and needs only these.
"""

from __future__ import annotations

from parkdesk.core.errors import ParkdeskError

#: Named as Qt names them (see ui/printing.py).
PAPERS = ("A4", "Letter")
DEFAULT_PAPER = "A4"


def paper_size(text: str) -> str:
    """One of PAPERS, whatever the case it is written in ("a4" -> "A4"); ParkdeskError if none."""
    for paper in PAPERS:
        if paper.casefold() == text.strip().casefold():
            return paper
    raise ParkdeskError(f"Unknown paper size {text!r}; choose {' or '.join(PAPERS)}.")
