"""`parkdesk serve`: the directory in a web browser, served read-only by Datasette.

Datasette is an optional extra (`pip install 'parkdesk[serve]'`). The file is opened immutable
(`datasette -i`): no locks, no writes, and the server needs no write access to it or its folder.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from pathlib import Path

from parkdesk.commands import add_db_option
from parkdesk.core.errors import ParkdeskError

NAME = "serve"
HELP = "serve the directory read-only in a web browser (Datasette)"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
NEEDS_EXTRA = "Serving needs Datasette: install it with pip install 'parkdesk[serve]'."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`serve [--db PATH] [--host H] [--port N] [--print-metadata]`."""
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default {DEFAULT_HOST}: this computer "
                             "only; 0.0.0.0 for every network)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT})")
    parser.add_argument("--print-metadata", action="store_true",
                        help="print Datasette's metadata for this file as JSON and stop "
                             "(for running `datasette` itself on a server)")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Serve from the parsed arguments."""
    if args.print_metadata:
        return print_metadata(args.db)
    return serve(args.db, args.host, args.port)


def print_metadata(db: Path) -> int:
    """Print the metadata `serve` gives Datasette for `db`."""
    from parkdesk.core.db.browsing import metadata_for

    print(json.dumps(metadata_for(db), ensure_ascii=False, indent=2))
    return 0


def check_port_free(host: str, port: int) -> None:
    """ParkdeskError when nothing can listen on host:port (in use, or not this machine's)."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise ParkdeskError(
            f"Cannot listen on {host}:{port} ({exc.strerror or exc}); "
            "choose another with --port (or --host)."
        ) from None


def serve(db: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> int:
    """Serve `db` until interrupted; errors are ParkdeskError sentences for cli.main."""
    from parkdesk.core.db.browsing import metadata_for
    from parkdesk.core.db.opening import validate

    validate(Path(db)).close()  # a missing, damaged or newer file: one sentence, no server
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        raise ParkdeskError(NEEDS_EXTRA) from None
    check_port_free(host, port)
    from datasette.plugins import pm

    from parkdesk.core.db import datasette_links

    if not pm.is_registered(datasette_links):  # (an installed parkdesk offers it already)
        pm.register(datasette_links, name="parkdesk_links")
    datasette = Datasette(immutables=[str(db)], metadata=metadata_for(db))
    shown = f"[{host}]" if ":" in host else host
    print(f"parkdesk: serving {db} read-only at http://{shown}:{port}/ (Ctrl+C stops)",
          file=sys.stderr, flush=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
    return 0
