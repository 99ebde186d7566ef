"""`parkdesk export`: render a scope in one format and write it atomically (or to stdout)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from parkdesk.commands import add_db_option, open_directory, user_store_of

NAME = "export"
HELP = "export the directory (json, vcard, csv, google-csv or outlook-csv)"
FORMATS = ("json", "vcard", "csv", "google-csv", "outlook-csv")  # core.export.render.FORMATS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`export --format F [--park NAME] [-o FILE]`."""
    parser.add_argument("--format", choices=FORMATS, default="json")
    parser.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0",
                        help="vCard version (default 3.0, which phones import; 4.0 = RFC 6350)")
    parser.add_argument("--park", default=None, metavar="NAME", help="only this park (or 'zone')")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                        help="file to write (default: standard output)")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Export from the parsed arguments."""
    return export(args.db, args.format, args.park, args.output, user_store=user_store_of(args),
                  vcard_version=args.vcard_version)


def export(db: Path, fmt: str, park: str | None = None, output: Path | None = None,
           stdout: BinaryIO | None = None, user_store: Path | None = None,
           vcard_version: str = "3.0") -> int:
    """Run `parkdesk export`; errors are raised as ParkdeskError for cli.main to print."""
    from parkdesk.core.export.render import export_to_path, write_export
    from parkdesk.core.export.scope import resolve_park

    directory = open_directory(db, user_store)
    try:
        scope = resolve_park(directory, park)
        if output is None:  # streamed: a closed pipe stops it (cli.main says nothing)
            out = stdout or sys.stdout.buffer
            write_export(directory, fmt, scope, out, vcard_version)
            out.flush()
        else:
            export_to_path(directory, fmt, scope, output, vcard_version)
    finally:
        directory.close()
    return 0
