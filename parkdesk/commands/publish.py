"""`parkdesk publish carddav URL`: keep a CardDAV address book in step with the directory.

The password is never an argument (it would show in `ps` and the shell's history): it is read
from `--password-file`, else from the environment variable PARKDESK_CARDDAV_PASSWORD (for a
service), else asked for on the terminal. It is not printed or logged.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from parkdesk.commands import add_db_option, open_directory, user_store_of
from parkdesk.core.errors import ParkdeskError, os_error_reason

NAME = "publish"
HELP = "publish the contacts to a CardDAV address book (phones subscribe to it)"
PASSWORD_VARIABLE = "PARKDESK_CARDDAV_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`publish carddav URL [--user U] [--password-file F] [--dry-run]`."""
    parser.epilog = (f"The password comes from --password-file, else ${PASSWORD_VARIABLE}, "
                     "else it is asked for; never give it on the command line.")
    parser.add_argument("target", choices=("carddav",), help="where to publish")
    parser.add_argument("url", metavar="URL", help="the address book's address")
    parser.add_argument("--user", default=None, help="user name on the server")
    parser.add_argument("--password-file", type=Path, default=None, metavar="FILE",
                        help="file whose first line is the password")
    parser.add_argument("--dry-run", action="store_true",
                        help="say what would change, change nothing")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Publish from the parsed arguments."""
    password = read_password(args.password_file) if args.user else None
    return publish_carddav(args.db, args.url, args.user, password, args.dry_run,
                           user_store=user_store_of(args))


def read_password(path: Path | None) -> str:
    """The password from `path`'s first line, else the environment, else the terminal."""
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ParkdeskError(f"Cannot read the password file {path}: "
                                f"{os_error_reason(exc)}.") from None
        return text.splitlines()[0] if text else ""
    if PASSWORD_VARIABLE in os.environ:
        return os.environ[PASSWORD_VARIABLE]
    if not sys.stdin.isatty():
        raise ParkdeskError(f"No password: give --password-file FILE or set {PASSWORD_VARIABLE} "
                            "(there is no terminal to ask on).")
    import getpass

    return getpass.getpass("CardDAV password: ")


def publish_carddav(db: Path, url: str, user: str | None = None, password: str | None = None,
                    dry_run: bool = False, user_store: Path | None = None) -> int:
    """Run `parkdesk publish carddav`; errors are raised as ParkdeskError for cli.main."""
    from parkdesk.core.publish.carddav import publish

    directory = open_directory(db, user_store)
    try:
        plan = publish(directory, url, user, password, dry_run=dry_run)
    finally:
        directory.close()
    if dry_run:
        for line in plan.lines():
            print(line)
        print(plan.summary(done=False) + " (dry run: nothing was sent)")
    else:
        print(plan.summary(done=True))
    return 0
