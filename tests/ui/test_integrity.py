"""A large database is opened without the full check; the window runs it in the background."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parkdesk.core.db.directory import FULL_CHECK_BYTES, Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.ingest.synth import synth_bundle
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.ui.conftest import answer_next_dialog


@pytest.fixture(scope="module")
def large_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.db"
    write_bundle(synth_bundle(7000, 2), path, {"built_at": "2026-01-01T00:00:00Z"})
    assert path.stat().st_size > FULL_CHECK_BYTES
    return path


def _damaged_copy(large_db: Path, tmp_path: Path) -> Path:
    """The large file with one page, three fifths in, overwritten."""
    damaged = tmp_path / "damaged.db"
    data = bytearray(large_db.read_bytes())
    start = (len(data) * 3 // 5) // 4096 * 4096
    data[start : start + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    return damaged


def _open_window(qtbot, path: Path, tmp_path: Path) -> tuple[MainWindow, list[str]]:
    directory = Directory.open(path)
    assert not directory.fully_checked
    window = MainWindow(directory, Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    checked: list[str] = []
    window.integrity.finished.connect(checked.append)
    window.show()
    qtbot.waitExposed(window)
    return window, checked


def test_a_healthy_large_file_is_checked_quietly(qtbot, large_db: Path, tmp_path: Path) -> None:
    window, checked = _open_window(qtbot, large_db, tmp_path)
    qtbot.waitUntil(lambda: checked == [str(large_db)], timeout=20_000)
    assert window.directory.path == large_db


def test_a_damaged_large_file_gets_the_error_dialog(qtbot, large_db: Path, tmp_path: Path) -> None:
    damaged = _damaged_copy(large_db, tmp_path)
    answers = answer_next_dialog("Keep Using It", timeout_s=20)
    window, _ = _open_window(qtbot, damaged, tmp_path)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert "is damaged" in answers[0]["text"] and "parkdesk import" in answers[0]["informative"]
    assert window.isVisible() and window.directory.path == damaged


def test_a_file_that_passed_is_not_read_again_until_it_changes(
    qtbot, large_db: Path, tmp_path: Path
) -> None:
    """At a million enterprises the full check costs seconds of CPU after every start; the
    bundled file never changes, so a pass is remembered by the file's identity."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(large_db.read_bytes())
    window, checked = _open_window(qtbot, copy, tmp_path)
    qtbot.waitUntil(lambda: checked == [str(copy)], timeout=20_000)
    window.settings.sync()
    window.close()

    again, _ = _open_window(qtbot, copy, tmp_path)  # the same settings file
    assert not again.integrity.start(again.directory)  # passed, unchanged: not read again
    again.close()

    stat = copy.stat()  # written since (same size, a new time): checked again
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    third, checked_third = _open_window(qtbot, copy, tmp_path)
    qtbot.waitUntil(lambda: checked_third == [str(copy)], timeout=20_000)
    third.close()


def test_a_damaged_file_is_not_remembered_as_checked(qtbot, large_db: Path, tmp_path: Path) -> None:
    damaged = _damaged_copy(large_db, tmp_path)
    answers = answer_next_dialog("Keep Using It", timeout_s=20)
    window, checked = _open_window(qtbot, damaged, tmp_path)
    qtbot.waitUntil(lambda: bool(answers) and checked == [str(damaged)], timeout=20_000)
    assert window.settings.checked_file(str(damaged)) == ""
    assert window.integrity.start(window.directory)  # asked again, it checks again
    answer_next_dialog("Keep Using It", timeout_s=20)
    qtbot.waitUntil(lambda: len(checked) == 2, timeout=20_000)
