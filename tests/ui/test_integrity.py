"""A large database is opened without the full check; the window runs it in the background."""

from __future__ import annotations

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
    damaged = tmp_path / "damaged.db"
    data = bytearray(large_db.read_bytes())
    start = (len(data) * 3 // 5) // 4096 * 4096
    data[start : start + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    answers = answer_next_dialog("Keep Using It", timeout_s=20)
    window, _ = _open_window(qtbot, damaged, tmp_path)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert "is damaged" in answers[0]["text"] and "parkdesk import" in answers[0]["informative"]
    assert window.isVisible() and window.directory.path == damaged
