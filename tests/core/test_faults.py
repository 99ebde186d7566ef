"""Faults found by a fault test, each a plain sentence: folders the user cannot enter, a file
locked by another program, a WAL file in a read-only folder, a newer schema, a full disk or
stdout, and a rebuild hint that fits the file that failed."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parkdesk import paths
from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import DatabaseError, DatabaseLockedError
from tests.other_programs import as_plain_user, locked_by_another_program, shut

PARKDESK = [sys.executable, "-m", "parkdesk"]


def _one_plain_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# -- a folder the user cannot enter ---------------------------------------------------------------


@pytest.fixture
def shut_folder(tmp_path: Path, sample_db: Path) -> Path:
    """A folder the plain user cannot enter, holding a good database."""
    folder = tmp_path / "private"
    folder.mkdir()
    shutil.copy(sample_db, folder / "parks.db")
    shut(folder)
    return folder


@pytest.mark.parametrize("command", [
    ["export", "-o", "{shut}/out.json"],
    ["factsheet", "zone", "-o", "{shut}/zone.pdf"],
    ["import", str(paths.DEFAULT_ARTICLES), "-o", "{shut}/new.db", "-q"],
    ["import", "{shut}/articles", "-o", "{public}/new.db", "-q"],
    ["search", "Park", "--db", "{shut}/parks.db"],
    ["export", "--db", "{shut}/parks.db"],
    ["check", "{shut}/parks.db"],
], ids=["export -o", "factsheet -o", "import -o", "import DIR", "search --db", "export --db",
        "check DB"])
def test_a_folder_the_user_cannot_enter_is_one_sentence(
    command: list[str], shut_folder: Path, tmp_path: Path, sample_db: Path,
) -> None:
    args = [a.format(shut=shut_folder, public=tmp_path) for a in command]
    if args[0] in ("export", "factsheet") and "--db" not in args:
        args += ["--db", str(sample_db)]
    run = as_plain_user([*PARKDESK, *args])
    assert run.returncode == 1
    line = _one_plain_line(run.stderr)
    assert str(shut_folder) in line
    assert "permission" in line
    assert not (tmp_path / "new.db").exists()


# -- locked by another program --------------------------------------------------------------------


def test_a_locked_database_says_so_on_the_command_line(sample_db: Path) -> None:
    with locked_by_another_program(sample_db):
        run = subprocess.run([*PARKDESK, "search", "Park", "--db", str(sample_db)],
                             capture_output=True, text=True, check=False)
    assert run.returncode == 1
    line = _one_plain_line(run.stderr)
    assert "is locked by another program; try again" in line
    assert "damaged" not in line and "Rebuild" not in line


def test_a_lock_is_a_locked_error_not_damage(sample_db: Path) -> None:
    with locked_by_another_program(sample_db), pytest.raises(DatabaseLockedError) as caught:
        Directory.open(sample_db, timeout=0.05)
    assert "damaged" not in str(caught.value)


def test_a_lock_taken_after_opening_is_a_locked_error(sample_db: Path) -> None:
    directory = Directory.open(sample_db, timeout=0.05)
    try:
        with locked_by_another_program(sample_db), pytest.raises(DatabaseLockedError):
            directory.entity("zone")
        assert directory.entity("zone") is not None  # and works again once it is released
    finally:
        directory.close()


# -- WAL in a read-only folder; a newer schema ----------------------------------------------------


def _wal_copy(sample_db: Path, folder: Path, pending: bool) -> Path:
    target = folder / "wal.db"
    shutil.copy(sample_db, target)
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode = WAL")
    con.commit()
    if pending:  # a writer still open: its changes wait in the -wal file
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("UPDATE meta SET value = 'changed' WHERE key = 'built_at'")
        con.commit()
        shutil.copy(target.with_name("wal.db-wal"), folder / "saved-wal")
        shutil.copy(target, folder / "saved-db")
    con.close()
    if pending:
        shutil.move(folder / "saved-db", target)
        shutil.move(folder / "saved-wal", target.with_name("wal.db-wal"))
    folder.chmod(0o555)
    return target


def test_a_wal_database_in_a_read_only_folder_is_read(sample_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    wal = _wal_copy(sample_db, folder, pending=False)
    run = as_plain_user([*PARKDESK, "search", "Shunde", "--db", str(wal)])
    assert "damaged" not in run.stderr
    assert run.returncode == 0, run.stderr
    assert "Shunde Park" in run.stdout
    run = as_plain_user([*PARKDESK, "check", str(wal)])
    assert run.returncode == 0, run.stderr


def test_a_wal_database_with_pending_changes_in_a_read_only_folder(sample_db: Path,
                                                                   tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    wal = _wal_copy(sample_db, folder, pending=True)
    run = as_plain_user([*PARKDESK, "search", "Shunde", "--db", str(wal)])
    assert run.returncode == 1
    line = _one_plain_line(run.stderr)
    assert "WAL mode" in line and "read-only" in line and "damaged" not in line


def _newer(sample_db: Path) -> Path:
    con = sqlite3.connect(sample_db)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    return sample_db


def test_a_newer_schema_asks_for_a_newer_parkdesk(sample_db: Path, capsys) -> None:
    assert main(["search", "Park", "--db", str(_newer(sample_db))]) == 1
    err = capsys.readouterr().err
    assert "made by a newer parkdesk" in err and "Upgrade parkdesk" in err
    assert "Rebuild" not in err


# -- full disk, full stdout -----------------------------------------------------------------------


@pytest.mark.parametrize("command", [["search", "Park"], ["export"], ["check"]])
def test_a_full_stdout_is_one_line(sample_db: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run([*PARKDESK, *command, "--db", str(sample_db)], stdout=full,
                             stderr=subprocess.PIPE, text=True, check=False)
    assert run.returncode == 1
    assert "no space left on device" in _one_plain_line(run.stderr)


def _can_mount_a_tmpfs() -> bool:
    probe = subprocess.run(["unshare", "--mount", "sh", "-c", "mount -t tmpfs none /mnt"],
                           capture_output=True, check=False) if shutil.which("unshare") else None
    return probe is not None and probe.returncode == 0


@pytest.mark.skipif(not _can_mount_a_tmpfs(),
                    reason="needs a private tmpfs mount (root, or a user namespace)")
def test_a_full_disk_while_writing_a_fact_sheet(sample_db: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (f'mount -t tmpfs -o size=16k none "{disk}" && exec "$@"')
    run = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, "sh", *PARKDESK, "factsheet", "all",
         "-o", str(disk / "all.pdf"), "--db", str(sample_db)],
        capture_output=True, text=True, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 1
    line = _one_plain_line(run.stderr)
    assert "the disk is full" in line and "no new page" not in line


# -- what the error says to do, for the file that failed -------------------------------------------


def _problem(path: Path) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        Directory.open(path)
    return caught.value


def test_the_hint_for_another_file_names_that_file(tmp_path: Path) -> None:
    other = tmp_path / "my copy.db"
    other.write_bytes(b"")
    error = _problem(other)
    assert "is empty" in error.problem
    assert f"-o '{other}'" in error.hint
    assert "data/parks.db" not in error.hint


def test_the_hint_for_the_bundled_file_in_a_clone_rebuilds_it(tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "data" / "parks.db"
    bundled.parent.mkdir()
    bundled.write_bytes(b"")
    articles = tmp_path / "articles"
    articles.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "DEFAULT_DB", bundled)
    monkeypatch.setattr(paths, "DEFAULT_ARTICLES", articles)
    assert _problem(bundled).hint == "Rebuild it with: parkdesk import articles -o data/parks.db"


def test_the_hint_for_an_installed_copy_is_to_reinstall(tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "site-packages" / "parks.db"
    bundled.parent.mkdir()
    bundled.write_bytes(b"")
    monkeypatch.setattr(paths, "DEFAULT_DB", bundled)
    monkeypatch.setattr(paths, "DEFAULT_ARTICLES", tmp_path / "no-articles-here")
    hint = _problem(bundled).hint
    assert "reinstall parkdesk" in hint and "parkdesk import" not in hint
