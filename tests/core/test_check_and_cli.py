"""`parkdesk check`, `--version`, and database validation messages."""

import re
import sqlite3
from pathlib import Path

import pytest

from parkdesk import __version__
from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError
from parkdesk.paths import DEFAULT_DB


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"parkdesk {__version__}"


def test_check_bundled_database(capsys) -> None:
    assert main(["check", str(DEFAULT_DB)]) == 0
    out = capsys.readouterr().out
    assert "ok" in out and "park 5" in out and "zone 1" in out


def test_check_db_option(sample_db: Path, capsys) -> None:
    assert main(["check", "--db", str(sample_db)]) == 0


def test_check_finds_a_broken_citation(sample_db: Path, capsys) -> None:
    con = sqlite3.connect(sample_db)
    con.execute("UPDATE citations SET [end] = [end] + 5 WHERE id = 1")
    con.commit()
    con.close()
    assert main(["check", str(sample_db)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("parkdesk check: FAILED: citation 1")
    assert "\n" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"", r"is empty \(0 bytes\)"),
        (b"hello, not a database at all", "is not an SQLite database"),
    ],
)
def test_bad_database_files(tmp_path: Path, content: bytes | None, message: str, capsys) -> None:
    path = tmp_path / "x.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message):
        Directory.open(path)
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert re.search(message, err)
    assert "Traceback" not in err
    assert path.exists() == (content is not None)


def test_truncated_and_foreign_databases(tmp_path: Path, sample_db: Path) -> None:
    truncated = tmp_path / "t.db"
    truncated.write_bytes(sample_db.read_bytes()[:5000])
    with pytest.raises(DatabaseError, match="damaged|not a parkdesk"):
        Directory.open(truncated)
    foreign = tmp_path / "f.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a parkdesk database"):
        Directory.open(foreign)
    con = sqlite3.connect(sample_db)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="schema version 99"):
        Directory.open(sample_db)


def test_db_option_before_or_after_the_command(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "missing.db"
    assert main(["--db", str(missing), "check"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["check", "--db", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["--db", str(missing), "search", "shunde"]) == 1
    assert "does not exist" in capsys.readouterr().err
