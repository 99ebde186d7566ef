"""The one entry point: the desktop app by default, subcommands for import, check, search..."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from parkdesk import __version__
from parkdesk.core.errors import ParkdeskError
from parkdesk.paths import DEFAULT_DB


def _db_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Given before or after the command name, --db means the same; a subcommand's own
    # default must not override one given before it.
    parser.add_argument(
        "--db", type=Path, default=DEFAULT_DB if top else argparse.SUPPRESS, metavar="PATH",
        help=f"directory database to read (default: {DEFAULT_DB})",
    )


def _paper(text: str) -> str:
    return {"a4": "A4", "letter": "Letter"}.get(text.lower(), text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `parkdesk` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="parkdesk",
        description="Directory of the Foshan National High-tech Industrial Development Zone.",
    )
    parser.add_argument("--version", action="version", version=f"parkdesk {__version__}")
    _db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("app", help="open the desktop app (the default)")
    _db_option(p)

    p = sub.add_parser("import", help="build the database from a folder of articles")
    p.add_argument("articles", type=Path, metavar="DIR", help="folder of *.txt articles")
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_DB, metavar="FILE",
                   help=f"database to write (default: {DEFAULT_DB})")
    p.add_argument("--curation", type=Path, default=None, metavar="FILE",
                   help="curation file (default: data/curation.toml)")
    p.add_argument("-q", "--quiet", action="store_true", help="no per-article summary")

    p = sub.add_parser("check", help="verify a database: integrity, identity, citations")
    p.add_argument("database", type=Path, nargs="?", default=None, metavar="DB")
    _db_option(p)

    p = sub.add_parser("search", help="search the directory as the app does")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print the matches as JSON")
    _db_option(p)

    p = sub.add_parser("export", help="export the directory (json, vcard or csv)")
    p.add_argument("--format", choices=("json", "vcard", "csv"), default="json")
    p.add_argument("--park", default=None, metavar="NAME", help="only this park (or 'zone')")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="file to write (default: standard output)")
    _db_option(p)

    p = sub.add_parser("factsheet", help="write a park's fact sheet as PDF")
    p.add_argument("park", metavar="PARK|zone|all")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--paper", type=_paper, choices=("A4", "Letter"), default="A4")
    _db_option(p)

    p = sub.add_parser("synth", help="write a large synthetic directory for benchmarks")
    p.add_argument("--enterprises", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run parkdesk; returns the process exit code."""
    args = build_parser().parse_args(argv)
    command = args.command or "app"
    try:
        code = _dispatch(command, args)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
        return code
    except ParkdeskError as exc:
        print(f"parkdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`parkdesk export | head`): stop quietly, as shell tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _dispatch(command: str, args: argparse.Namespace) -> int:
    """Run one command; its module is imported only when it is used."""
    if command == "app":
        from parkdesk.ui.launch import launch

        return launch(args.db)
    if command == "import":
        from parkdesk.ingest.command import run_import

        return run_import(args)
    if command == "check":
        from parkdesk.ingest.check import run_check

        return run_check(args.database or args.db)
    if command == "search":
        from parkdesk.core.search_command import run_search

        return run_search(args)
    if command == "export":
        from parkdesk.core.export_command import run_export

        return run_export(args)
    if command == "factsheet":
        from parkdesk.ui.factsheet_command import run_factsheet

        return run_factsheet(args)
    if command == "synth":
        from parkdesk.ingest.synth import run_synth

        return run_synth(args)
    return 2
