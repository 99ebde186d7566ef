"""`parkdesk check [DB]`: integrity, identity, schema version, counts and every citation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.commands import add_db_option
from parkdesk.paths import DEFAULT_ARTICLES

NAME = "check"
HELP = "verify a database: integrity, identity, citations"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`check [DB]`."""
    parser.add_argument("database", type=Path, nargs="?", default=None, metavar="DB")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Check the positional DB, or --db."""
    return check(args.database or args.db)


def check(path: Path, articles_dir: Path | None = DEFAULT_ARTICLES) -> int:
    """Print counts and 'ok', or one line saying what is wrong (exit code 1)."""
    from parkdesk.core.db.directory import Directory
    from parkdesk.core.errors import DatabaseError
    from parkdesk.ingest.check import database_problems

    try:
        directory = Directory.open(path)
        directory.verify()  # the full check, also for files too large to check at every open
    except DatabaseError as exc:
        print(f"parkdesk check: FAILED: {exc}", file=sys.stderr)
        return 1
    try:
        counts = directory.counts()
        problems = database_problems(directory, articles_dir)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            print(f"parkdesk check: FAILED: {problems[0]}{more}", file=sys.stderr)
            return 1
        listing = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"{path}: ok (integrity, application id, schema version, citations): {listing}")
        return 0
    finally:
        directory.close()
