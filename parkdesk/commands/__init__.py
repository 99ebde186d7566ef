"""The command-line subcommands, one module each; the CLI registers them in this order.

Each module has `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`. `run` is the only
place that reads an `argparse.Namespace`: it turns it into typed arguments for the command's own
function, which is what tests and other callers use. Modules import the core inside that
function, so `parkdesk` with no command (the app) does not pay for every command's imports.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from parkdesk.paths import DEFAULT_DB, user_store_file

if TYPE_CHECKING:
    from parkdesk.core.db.directory import Directory

#: Module names under parkdesk.commands, in the order `parkdesk --help` lists them.
COMMANDS = ("app", "import_articles", "check", "search", "export", "factsheet", "synth",
            "install_desktop", "changes", "review", "serve", "publish")


def add_db_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """`--db PATH`, given before or after the command name; a subcommand's own default must not
    override one given before it."""
    parser.add_argument(
        "--db", type=Path, default=DEFAULT_DB if top else argparse.SUPPRESS, metavar="PATH",
        help=f"directory database to read (default: {DEFAULT_DB})",
    )
    # A subcommand's own defaults must not override the options given before its name.
    store_default: Path | str | None = None if top else argparse.SUPPRESS
    plain_default: bool | str = False if top else argparse.SUPPRESS
    parser.add_argument(
        "--user-store", type=Path, metavar="PATH", default=store_default,
        help=f"the file of your changes (default: {user_store_file()})",
    )
    parser.add_argument(
        "--without-user-data", action="store_true", default=plain_default,
        help="the articles alone, without your changes",
    )


def user_store_of(args: argparse.Namespace) -> Path | None:
    """The user store to show over the directory, or None for the articles alone."""
    if getattr(args, "without_user_data", False):
        return None
    return getattr(args, "user_store", None) or user_store_file()


def open_directory(db: Path, user_store: Path | None = None) -> Directory:
    """The directory `db` with the user's changes from `user_store` (None: the articles alone),
    read only; a problem with the store is said on stderr and the articles shown alone."""
    import sys

    from parkdesk.core.userstore.session import read_directory

    directory, messages = read_directory(db, user_store)
    for message in messages:
        print(f"parkdesk: {message}", file=sys.stderr)
    return directory
