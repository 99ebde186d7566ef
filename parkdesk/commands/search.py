"""`parkdesk search TEXT`: the app's search, printed as a table or JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from parkdesk.commands import add_db_option, open_directory, user_store_of

NAME = "search"
HELP = "search the directory as the app does"
EPILOG = ("Text that starts with a hyphen goes after `--`: parkdesk search -- -nanhai. "
          "Numbers may be written in any form (0757-8631 6675, +86 757 86316675, 2210).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`search TEXT... [--limit N] [--json]`."""
    parser.epilog = EPILOG
    parser.add_argument("text", metavar="TEXT", nargs="+",
                        help="words, a name, a phone number or part of one (several words: one query)")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the matches as JSON")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Search from the parsed arguments."""
    return search(args.db, " ".join(args.text), args.limit, as_json=args.json,
                  user_store=user_store_of(args))


def search(db: Path, text: str, limit: int = 20, as_json: bool = False,
           user_store: Path | None = None) -> int:
    """Print kind, name, park and the matched number or address per match, or "No matches"."""
    from parkdesk.core.search.describe import hit_kind, hit_matched

    directory = open_directory(db, user_store)
    try:
        result = directory.search_result(text, max(0, limit))
    finally:
        directory.close()
    hits = result.hits
    if as_json:
        print(json.dumps(
            [{"id": h.entity_id, "kind": h.kind, "name": h.name, "park": h.park,
              "matched": h.matched, "matched_kind": h.matched_kind, "contact_id": h.contact_id,
              "folder": h.folder, "reviewed": h.reviewed} for h in hits],
            ensure_ascii=False, indent=2,
        ))
        return 0
    if not hits:
        print(result.note or "No matches")
        return 0
    if result.corrected:
        print(f"Showing results for {result.corrected}")
    width = max(len(hit_kind(h)) for h in hits)
    for h in hits:
        matched = hit_matched(h)
        print(f"{hit_kind(h):<{width}}  {h.name}" + (f"  ({h.park})" if h.park else "")
              + (f"  {matched}" if matched else ""))
    return 0
