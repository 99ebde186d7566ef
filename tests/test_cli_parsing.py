"""The command line: a plain `parkdesk` is read without building every subcommand's parser,
and reads exactly as the full parser would; help, errors and subcommands are the full parser's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from parkdesk import cli
from parkdesk.commands import COMMANDS
from tests.conftest import REPO


@pytest.mark.parametrize("argv", [
    [], ["--db", "x.db"], ["--db=x.db", "--lang", "zh_CN", "--without-user-data"],
    ["--user-store", "s.db"], ["--us", "s.db"], ["--l", "en"],
])
def test_a_plain_start_reads_as_the_full_parser_does(argv: list[str]) -> None:
    assert vars(cli.parse_args(argv)) == vars(cli.build_parser().parse_args(argv))
    assert cli.parse_args(argv).command is None


@pytest.mark.parametrize("argv", [["app", "--db", "x.db"], ["--db", "x.db", "search", "foshan"],
                                  ["search", "foshan", "--db", "x.db"]])
def test_a_subcommand_reads_as_the_full_parser_does(argv: list[str]) -> None:
    assert vars(cli.parse_args(argv)) == vars(cli.build_parser().parse_args(argv))


def test_a_plain_start_builds_no_subcommand_parser() -> None:
    code = ("import sys; from parkdesk import cli; cli.parse_args(['--db', 'x.db']); "
            "print(sorted(m for m in sys.modules if m.startswith('parkdesk.commands.')))")
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.strip() == "['parkdesk.commands.app']"


def test_help_lists_every_subcommand(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    listed = text.split("positional arguments:")[1].split("options:")[0]
    names = [module.NAME for module in cli._command_modules().values()]
    assert len(names) == len(COMMANDS)
    for name in names:
        assert f"\n    {name} " in listed, name
    assert "--version" in text and "--db PATH" in text


def test_an_unknown_subcommand_is_named_with_the_choices(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["bogus"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "usage: parkdesk" in err and "COMMAND ..." in err
    assert "argument COMMAND: invalid choice: 'bogus'" in err and "'search'" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["--db"], "argument --db: expected one argument"),
    (["--"], "unrecognized arguments: --"),
])
def test_a_mistake_gets_the_full_parsers_message(argv: list[str], message: str, capsys) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "COMMAND ..." in err and message in err  # the full usage, with the subcommands


def test_version_and_a_subcommands_help_still_answer(capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.startswith("parkdesk ")
    with pytest.raises(SystemExit):
        cli.main(["search", "--help"])
    assert "usage: parkdesk search" in capsys.readouterr().out


def test_top_level_options_after_a_subcommand_are_the_subcommands(capsys) -> None:
    """`parkdesk search TEXT --version`: --version is not search's option (as before)."""
    with pytest.raises(SystemExit) as done:
        cli.main(["search", "foshan", "--version"])
    assert done.value.code == 2
    assert "unrecognized arguments: --version" in capsys.readouterr().err
