"""`parkdesk [app]`: open the desktop app (the default command)."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.commands import add_db_option, user_store_of

NAME = "app"
HELP = "open the desktop app (the default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The app's options."""
    add_db_option(parser)
    add_lang_option(parser)


def add_lang_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """`--lang CODE`, given before or after `app`."""
    parser.add_argument(
        "--lang", metavar="CODE", default=None if top else argparse.SUPPRESS,
        help="interface language: en or zh_CN (default: as chosen in View › Language, "
             "else the system's)",
    )


def run(args: argparse.Namespace) -> int:
    """Open the window on `args.db`."""
    return open_app(args.db, user_store_of(args), getattr(args, "lang", None))


def open_app(db: Path, user_store: Path | None = None, lang: str | None = None) -> int:
    """Run the app's event loop on the database `db` with the user's changes from `user_store`
    (None: the articles alone, nothing editable) in the interface language `lang` (None: the
    chosen or system one); returns the exit code."""
    from parkdesk.ui.launch import launch

    return launch(db, user_store, lang)
