"""The command-line subcommands, one module each; the CLI registers them in this order.

Each module has `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`. `run` is the only
place that reads an `argparse.Namespace`: it turns it into typed arguments for the command's own
function, which is what tests and other callers use. Modules import the core inside that
function, so `parkdesk` with no command (the app) does not pay for every command's imports.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.paths import DEFAULT_DB

#: Module names under parkdesk.commands, in the order `parkdesk --help` lists them.
COMMANDS = ("app", "import_articles", "check", "search", "export", "factsheet", "synth",
            "install_desktop")


def add_db_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """`--db PATH`, given before or after the command name; a subcommand's own default must not
    override one given before it."""
    parser.add_argument(
        "--db", type=Path, default=DEFAULT_DB if top else argparse.SUPPRESS, metavar="PATH",
        help=f"directory database to read (default: {DEFAULT_DB})",
    )
