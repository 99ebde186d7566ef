"""The one entry point: the desktop app by default, subcommands (parkdesk.commands) for the rest."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from parkdesk import __version__
from parkdesk.commands import COMMANDS, add_db_option
from parkdesk.commands import app as app_command
from parkdesk.core.errors import ParkdeskError, os_error_reason


def _command_modules() -> dict[str, ModuleType]:
    modules = (importlib.import_module(f"parkdesk.commands.{name}") for name in COMMANDS)
    return {module.NAME: module for module in modules}


def _top_parser(parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser,
                full: bool = True) -> argparse.ArgumentParser:
    """`parkdesk` with its own options (`--db`, `--user-store`, `--lang`…), no subcommands;
    not `full`: without --help and --version either."""
    parser = parser_class(
        prog="parkdesk",
        description="Directory of the Foshan National High-tech Industrial Development Zone.",
        add_help=full,
    )
    if full:
        parser.add_argument("--version", action="version", version=f"parkdesk {__version__}")
    add_db_option(parser, top=True)
    app_command.add_lang_option(parser, top=True)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `parkdesk` and its subcommands, each registering its own options."""
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in _command_modules().items():
        module.add_arguments(sub.add_parser(name, help=module.HELP))
    return parser


class _NotPlainError(Exception):
    """The arguments are more than the app's own options: the full parser reads them."""


class _PlainParser(argparse.ArgumentParser):
    """Reads a plain `parkdesk [--db PATH] …` only; anything else (a subcommand, --help,
    --version, a mistake) raises _NotPlainError instead of printing, so the full parser answers."""

    def error(self, message: str) -> NoReturn:
        raise _NotPlainError(message)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments of `argv` (None: the command line's).

    A plain start of the app (no subcommand) is read by the top-level parser alone: building
    every subcommand's parser (importing its module, argparse looking up its translations for
    each of them) cost ~15 ms before the window's first paint. Everything else, help and
    errors included, goes to the full parser, so what it prints is the same."""
    args_list = sys.argv[1:] if argv is None else list(argv)
    plain = _top_parser(_PlainParser, full=False)
    try:
        args, rest = plain.parse_known_args(args_list)
    except _NotPlainError:
        rest = ["(full)"]
    if not rest:
        args.command = None
        return args
    return build_parser().parse_args(args_list)


def main(argv: Sequence[str] | None = None) -> int:
    """Run parkdesk; returns the process exit code."""
    args = parse_args(argv)
    module = app_command if args.command is None else _command_modules()[args.command]
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
