"""`parkdesk import DIR [-o FILE]`: build the database and print what happened per article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.paths import CURATION_FILE, DEFAULT_DB

NAME = "import"
HELP = "build the database from a folder of articles"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`import DIR [-o FILE] [--curation FILE] [-q]`."""
    parser.add_argument("articles", type=Path, metavar="DIR", help="folder of articles (*.txt, saved *.html pages)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_DB, metavar="FILE",
                        help=f"database to write (default: {DEFAULT_DB})")
    parser.add_argument("--curation", type=Path, default=None, metavar="FILE",
                        help="curation file (default: data/curation.toml)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no per-article summary")


def run(args: argparse.Namespace) -> int:
    """Import from the parsed arguments."""
    return import_articles(args.articles, args.output, args.curation or CURATION_FILE, args.quiet)


def import_articles(articles: Path, output: Path, curation: Path = CURATION_FILE,
                    quiet: bool = False) -> int:
    """Run the import; BuildError propagates to the CLI as a one-line message."""
    from parkdesk.ingest.build import build_database

    result = build_database(articles, output, curation)
    if not quiet:
        for report in result.reports:
            print("\n".join(report.lines()))
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    b = result.bundle
    print(
        f"wrote {output}: {len(b.articles)} articles, {len(b.entities)} records, "
        f"{len(b.contacts)} contacts, {len(b.figures)} figures, {len(b.roles)} roles, "
        f"{len(b.relations)} relations, {len(b.mentions)} unreviewed mentions"
    )
    return 0
