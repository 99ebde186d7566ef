"""`parkdesk import DIR [-o FILE]`: build the database and print what happened per article."""

from __future__ import annotations

import argparse
import sys

from parkdesk.ingest.build import build_database
from parkdesk.paths import CURATION_FILE


def run_import(args: argparse.Namespace) -> int:
    """Run the import; BuildError propagates to the CLI as a one-line message."""
    result = build_database(args.articles, args.output, args.curation or CURATION_FILE)
    if not args.quiet:
        for report in result.reports:
            print("\n".join(report.lines()))
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    b = result.bundle
    print(
        f"wrote {args.output}: {len(b.articles)} articles, {len(b.entities)} records, "
        f"{len(b.contacts)} contacts, {len(b.figures)} figures, {len(b.roles)} roles, "
        f"{len(b.relations)} relations, {len(b.mentions)} unreviewed mentions"
    )
    return 0
