"""`parkdesk changes export|import`: the user's changes as a TOML file in the curation file's
shape, to review in a diff, merge into data/curation.toml, or take to another machine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.commands import add_db_option, user_store_of

NAME = "changes"
HELP = "export or import your changes to the directory (TOML)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`changes export [-o FILE.toml]` and `changes import FILE.toml`."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    out = sub.add_parser("export", help="write your changes as TOML")
    out.add_argument("-o", "--output", type=Path, default=None, metavar="FILE.toml",
                     help="file to write (default: standard output)")
    add_db_option(out)
    into = sub.add_parser("import", help="add the changes in a TOML file to yours")
    into.add_argument("file", type=Path, metavar="FILE.toml")
    add_db_option(into)


def run(args: argparse.Namespace) -> int:
    """Export or import from the parsed arguments."""
    store = user_store_of(args)
    if store is None:
        from parkdesk.core.errors import ParkdeskError

        raise ParkdeskError("--without-user-data leaves no changes to export or import.")
    if args.action == "export":
        return export_changes(store, args.output)
    return import_changes(args.db, store, args.file)


def export_changes(store: Path, output: Path | None = None) -> int:
    """Write the changes in effect in `store` as TOML to `output` (or standard output)."""
    from parkdesk.core.atomic import write_bytes
    from parkdesk.core.db.backups import open_store
    from parkdesk.core.userstore.toml_file import export_text

    changes = []
    if store.exists():
        opened, messages = open_store(store, read_only=True)
        for message in messages:
            print(f"parkdesk: {message}", file=sys.stderr)
        if opened is not None:
            changes = opened.changes(active_only=True)
            opened.close()
    text = export_text(changes)
    if output is None:
        sys.stdout.write(text)
    else:
        write_bytes(text.encode("utf-8"), output)
        print(f"Wrote {output}: {len(changes)} change{'s' if len(changes) != 1 else ''}.",
              file=sys.stderr)
    return 0


def import_changes(db: Path, store: Path, source: Path) -> int:
    """Add the changes in the TOML file `source` to `store`, as one change (undoable in the
    app's History). Checks them against the directory `db` first; nothing is saved on error."""
    from parkdesk.core.userstore.session import open_user_data
    from parkdesk.core.userstore.toml_file import read_ops

    ops = read_ops(source)
    if not ops:
        print(f"{source} holds no changes; nothing was imported.")
        return 0
    data = open_user_data(db, store)
    try:
        for message in data.messages:
            print(f"parkdesk: {message}", file=sys.stderr)
        change = data.record(f"Imported {len(ops)} changes from {source.name}", ops)
    finally:
        data.close()
    print(f"Imported {len(ops)} change{'s' if len(ops) != 1 else ''} from {source} "
          f"(change {change.seq}; revert it in the app's History to take them back).")
    return 0
