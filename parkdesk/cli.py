"""The one entry point: the desktop app by default, subcommands (parkdesk.commands) for the rest."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from parkdesk import __version__
from parkdesk.commands import COMMANDS, add_db_option
from parkdesk.commands import app as app_command
from parkdesk.core.errors import ParkdeskError, os_error_reason


def _command_modules() -> dict[str, ModuleType]:
    modules = (importlib.import_module(f"parkdesk.commands.{name}") for name in COMMANDS)
    return {module.NAME: module for module in modules}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `parkdesk` and its subcommands, each registering its own options."""
    parser = argparse.ArgumentParser(
        prog="parkdesk",
        description="Directory of the Foshan National High-tech Industrial Development Zone.",
    )
    parser.add_argument("--version", action="version", version=f"parkdesk {__version__}")
    add_db_option(parser, top=True)
    app_command.add_lang_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in _command_modules().items():
        module.add_arguments(sub.add_parser(name, help=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run parkdesk; returns the process exit code."""
    args = build_parser().parse_args(argv)
    module = _command_modules()[args.command or "app"]
    try:
        code: int = module.run(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
        return code
    except ParkdeskError as exc:
        print(f"parkdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`parkdesk export | head`): stop quietly, as shell tools do.
        _silence_stdout()
        return 141
    except OSError as exc:
        # Mostly the output itself (`> /dev/full`, a full disk): one line, not a traceback.
        where = f"{exc.filename}" if exc.filename else "Cannot write the output"
        print(f"parkdesk: {where}: {os_error_reason(exc)}.", file=sys.stderr)
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """Drop what is still buffered for stdout, so exiting does not fail on it a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
