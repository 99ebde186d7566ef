"""`parkdesk search TEXT`: the app's search, printed as a table or JSON."""

from __future__ import annotations

import argparse
import json

from parkdesk.core.directory import Directory
from parkdesk.core.records import KIND_LABELS


def run_search(args: argparse.Namespace) -> int:
    """Print kind, name and park per match, or "No matches"."""
    directory = Directory.open(args.db)
    try:
        hits = directory.search(args.text, max(0, args.limit))
    finally:
        directory.close()
    if args.json:
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
