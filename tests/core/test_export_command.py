"""`parkdesk export`: files or stdout, clear errors, and never a partial or clobbered file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import vobject

from parkdesk.cli import main
from parkdesk.core.atomic import write_bytes
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.export.render import export_to_path, render
from parkdesk.core.export.scope import resolve_park
from tests.core.test_export_support import read_vcards, write_rich_db


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_rich_db(tmp_path)


@pytest.mark.parametrize("fmt", ["json", "vcard", "csv"])
def test_file_and_stdout_are_identical(db: Path, tmp_path: Path, fmt: str, capsysbinary) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--format", fmt, "--db", str(db), "-o", str(out)]) == 0
    assert main(["export", "--format", fmt, "--db", str(db)]) == 0
    stdout = capsysbinary.readouterr().out
    assert stdout == out.read_bytes()
    directory = Directory.open(db)
    assert stdout == render(directory, fmt)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_park_option(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "shunde.vcf"
    assert main(["export", "--format", "vcard", "--park", "SHUNDE", "--db", str(db),
                 "--vcard-version", "4.0", "-o", str(out)]) == 0
    assert [c.one("FN").text() for c in read_vcards(out.read_bytes())] == [
        "Shunde Park", "Li Mingzhu"
    ]
    default = tmp_path / "shunde3.vcf"
    assert main(["export", "--format", "vcard", "--park", "SHUNDE", "--db", str(db),
                 "-o", str(default)]) == 0
    cards = list(vobject.readComponents(default.read_text("utf-8")))
    assert [(c.version.value, c.fn.value) for c in cards] == [
        ("3.0", "Shunde Park"), ("3.0", "Li Mingzhu")
    ]
    out = tmp_path / "zone.json"
    assert main(["export", "--park", "zone", "--db", str(db), "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["scope"]["kind"] == "zone"


def test_unknown_park_writes_nothing(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.csv"
    assert main(["export", "--format", "csv", "--park", "Atlantis", "--db", str(db),
                 "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("parkdesk: There is no park called 'Atlantis'; choose one of: ")
    assert "Shunde, zone, all; or outside the zone: Riverside Park." in err
    assert not out.exists()


def test_failed_export_leaves_an_existing_file_alone(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "keep.json"
    out.write_text("previous export\n")
    assert main(["export", "--park", "Atlantis", "--db", str(db), "-o", str(out)]) == 1
    assert out.read_text() == "previous export\n"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing/out.json", "the folder {tmp}/missing does not exist"),
        ("afile.txt/out.json", "{tmp}/afile.txt is a file, not a folder"),
        (".", "it is a folder"),
    ],
)
def test_unwritable_path_gives_one_sentence(
    db: Path, tmp_path: Path, capsys, target: str, message: str
) -> None:
    (tmp_path / "afile.txt").write_text("not a folder")
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / target
    assert main(["export", "--db", str(db), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert message.format(tmp=tmp_path) in err
    assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_write_error_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(TypeError):
        write_bytes("text, not bytes", target)  # type: ignore[arg-type]  # fails mid-write
    assert list(tmp_path.iterdir()) == []


def test_missing_database_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["export", "--db", str(tmp_path / "none.db")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_export_to_path_matches_the_cli(db: Path, tmp_path: Path) -> None:
    directory = Directory.open(db)
    app = tmp_path / "app.csv"
    size = export_to_path(directory, "csv", resolve_park(directory, "Shunde Park"), app)
    cli = tmp_path / "cli.csv"
    assert main(["export", "--format", "csv", "--park", "shunde", "--db", str(db),
                 "-o", str(cli)]) == 0
    assert app.read_bytes() == cli.read_bytes()
    assert size == app.stat().st_size
    with pytest.raises(ParkdeskError, match="Unknown export format"):
        render(directory, "xml")
