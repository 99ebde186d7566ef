"""`parkdesk search TEXT`: the app's search, printed as a table or JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from parkdesk.commands import add_db_option

NAME = "search"
HELP = "search the directory as the app does"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`search TEXT [--limit N] [--json]`."""
    parser.add_argument("text", metavar="TEXT")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the matches as JSON")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Search from the parsed arguments."""
    return search(args.db, args.text, args.limit, as_json=args.json)


def search(db: Path, text: str, limit: int = 20, as_json: bool = False) -> int:
    """Print kind, name and park per match, or "No matches"."""
    from parkdesk.core.db.directory import Directory
    from parkdesk.core.records import KIND_LABELS

    directory = Directory.open(db)
    try:
        hits = directory.search(text, max(0, limit))
    finally:
        directory.close()
    if as_json:
        print(json.dumps(
            [{"id": h.entity_id, "kind": h.kind, "name": h.name, "park": h.park} for h in hits],
            ensure_ascii=False, indent=2,
        ))
        return 0
    if not hits:
        print("No matches")
        return 0
    width = max(len(KIND_LABELS.get(h.kind, h.kind)) for h in hits)
    for h in hits:
        kind = KIND_LABELS.get(h.kind, h.kind)
        print(f"{kind:<{width}}  {h.name}" + (f"  ({h.park})" if h.park else ""))
    return 0
