"""Faults of the import's final write: odd output names, a newer parkdesk's file, a new file that
`check` would reject, and the leftovers of an import killed half-way."""

from __future__ import annotations

import fcntl
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parkdesk.cli import main
from parkdesk.core.atomic import remove_stale_temp_files
from parkdesk.core.db.store import TEMP_SUFFIX
from tests.ingest.test_build import A1, A2, CURATION


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a1.txt").write_text(A1, encoding="utf-8")
    (folder / "a2.txt").write_text(A2, encoding="utf-8")
    return folder


@pytest.fixture
def curation(tmp_path: Path) -> Path:
    path = tmp_path / "curation.toml"
    path.write_text(CURATION, encoding="utf-8")
    return path


def _import(articles: Path, output: Path, curation: Path) -> int:
    return main(["import", str(articles), "-o", str(output), "--curation", str(curation), "-q"])


def test_a_hash_in_the_output_name_does_not_overwrite_a_text_file(
    articles: Path, curation: Path, tmp_path: Path, capsys,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert _import(articles, out / "x", curation) == 0  # a parkdesk database called `x`
    notes = out / "x#notes.txt"
    notes.write_text("my notes\n")
    assert _import(articles, notes, curation) == 1
    assert "is not a parkdesk database; refusing to overwrite it" in capsys.readouterr().err
    assert notes.read_text() == "my notes\n"


def test_a_question_mark_in_the_output_name_leaves_no_stray_file(
    articles: Path, curation: Path, tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert _import(articles, out / "a?b.db", curation) == 0
    assert _import(articles, out / "a?b.db", curation) == 0  # now over an existing file
    percent = out / "50%25.db"
    assert _import(articles, percent, curation) == 0
    assert _import(articles, percent, curation) == 0
    assert sorted(p.name for p in out.iterdir()) == ["50%25.db", "a?b.db"]


def test_a_newer_parkdesks_database_is_not_overwritten(
    articles: Path, curation: Path, tmp_path: Path, capsys,
) -> None:
    out = tmp_path / "newer.db"
    assert _import(articles, out, curation) == 0
    con = sqlite3.connect(out)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = out.read_bytes()
    assert _import(articles, out, curation) == 1
    err = capsys.readouterr().err
    assert "made by a newer parkdesk" in err and "refusing to overwrite it" in err
    assert out.read_bytes() == before


def test_a_build_that_check_rejects_keeps_the_old_database(
    articles: Path, curation: Path, tmp_path: Path, capsys,
) -> None:
    out = tmp_path / "good.db"
    assert _import(articles, out, curation) == 0
    before = out.read_bytes()
    # The zone's name is in no article: the build leaves it out, and the directory has no zone.
    curation.write_text(CURATION.replace('name = "Testville Innovation Zone"',
                                         'name = "Nowhere Zone"'), encoding="utf-8")
    capsys.readouterr()
    assert _import(articles, out, curation) == 1
    err = capsys.readouterr().err
    assert "fails its checks" in err and "no zone record" in err
    assert "Traceback" not in err
    assert out.read_bytes() == before
    assert main(["check", str(out)]) == 0


def test_check_rejects_a_record_whose_parent_is_missing(
    articles: Path, curation: Path, tmp_path: Path, capsys,
) -> None:
    out = tmp_path / "orphan.db"
    assert _import(articles, out, curation) == 0
    con = sqlite3.connect(out)
    con.execute("UPDATE entities SET parent_id = 'gone' WHERE id = 'centre'")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["check", str(out)]) == 1
    assert "record centre points at a missing parent gone" in capsys.readouterr().err


def _leftovers(folder: Path, target: str) -> list[Path]:
    """What a `kill -9` during an import leaves: the temp file and its rollback journal."""
    tmp = folder / f".{target}.k1ll3d{TEMP_SUFFIX}"
    tmp.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    journal = folder / f"{tmp.name}-journal"
    journal.write_bytes(bytes(4096))
    lone_journal = folder / f".{target}.0rphan{TEMP_SUFFIX}-journal"  # its database gone
    lone_journal.write_bytes(bytes(512))
    return [tmp, journal, lone_journal]


def test_the_next_import_removes_the_leftovers_of_a_killed_one(
    articles: Path, curation: Path, tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    leftovers = _leftovers(out, "parks.db")
    others = [out / ".other.db.abc.db.tmp", out / "parks.db.tmp", out / ".parks.db.notes",
              out / "my-journal"]
    for other in others:
        other.write_text("not ours")
    assert _import(articles, out / "parks.db", curation) == 0
    assert not [p for p in leftovers if p.exists()]
    assert all(p.read_text() == "not ours" for p in others)
    assert sorted(p.name for p in out.iterdir()) == sorted(["parks.db", *(p.name for p in others)])


def test_a_running_imports_temp_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "parks.db"
    live = tmp_path / f".parks.db.running{TEMP_SUFFIX}"
    live.write_bytes(b"half written")
    holder = subprocess.Popen(  # another import, still writing: it holds its temp file's lock
        [sys.executable, "-c",
         "import fcntl, sys\nf = open(sys.argv[1], 'rb')\nfcntl.flock(f, fcntl.LOCK_EX)\n"
         "print('held', flush=True)\nsys.stdin.read()\n", str(live)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert remove_stale_temp_files(target, TEMP_SUFFIX) == []
        assert live.read_bytes() == b"half written"
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert remove_stale_temp_files(target, TEMP_SUFFIX) == [live]


def test_a_temp_file_locked_in_this_process_is_not_stale(tmp_path: Path) -> None:
    live = tmp_path / f".parks.db.here{TEMP_SUFFIX}"
    live.write_bytes(b"x")
    with live.open("rb") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        # flock locks belong to the open file, so a second open in this process cannot take it.
        assert remove_stale_temp_files(tmp_path / "parks.db", TEMP_SUFFIX) == []
