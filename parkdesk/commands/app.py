"""`parkdesk [app]`: open the desktop app (the default command)."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.commands import add_db_option

NAME = "app"
HELP = "open the desktop app (the default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The app's options."""
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Open the window on `args.db`."""
    return open_app(args.db)


def open_app(db: Path) -> int:
    """Run the app's event loop on the database `db`; returns the exit code."""
    from parkdesk.ui.launch import launch

    return launch(db)
