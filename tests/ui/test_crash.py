"""An internal error: logged with its traceback to the rotating log file, then one plain dialog;
the app keeps running."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from parkdesk import __version__, logs
from parkdesk.ui import crash
from parkdesk.ui.background import BackgroundOp
from tests.ui.conftest import answer_next_dialog


class _Button(QObject):
    clicked = Signal()


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    log_file = logs.setup(tmp_path / "logs")
    crash.install()
    yield log_file
    logs.setup(tmp_path / "closed")  # the next test's set-up replaces this one


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_said_in_a_dialog(qtbot, installed: Path) -> None:
    def broken() -> None:
        raise RuntimeError("a slot went wrong")

    button = _Button()
    button.clicked.connect(broken)
    seen = answer_next_dialog("OK")
    button.clicked.emit()  # PySide hands the exception to sys.excepthook
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0]["title"] == "parkdesk"
    assert seen[0]["text"] == (
        f"parkdesk hit an internal error; details were saved to {installed}."
    )
    assert seen[0]["informative"] == crash.GOES_ON
    text = installed.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a slot went wrong" in text
    assert "in broken" in text


@pytest.mark.qt_no_exception_capture
def test_background_work_that_fails_unexpectedly_is_an_internal_error(
    qtbot, installed: Path
) -> None:
    def work() -> int:
        return 1 // 0

    seen = answer_next_dialog("OK")
    op = BackgroundOp(parent=None, work=work, success=lambda _: None).run_in_background()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: bool(seen))
    assert "internal error" in seen[0]["text"]
    assert "ZeroDivisionError" in installed.read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_logs_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert logs.setup(blocker / "logs") is None
    assert logs.log_file() is None
    assert crash.message() == crash.NOT_SAVED



def test_the_log_is_written_and_moved_aside_when_full(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup(tmp_path / "logs")
    try:
        assert path is not None
        assert f"parkdesk {__version__} started" in path.read_text(encoding="utf-8")
        log = logging.getLogger("parkdesk.test")
        for n in range(200):
            log.info("line %03d %s", n, "x" * 40)
        kept = sorted(p.name for p in path.parent.iterdir())
        assert kept == ["parkdesk.log", "parkdesk.log.1", "parkdesk.log.2", "parkdesk.log.3"]
        for file in path.parent.iterdir():
            assert file.stat().st_size <= 2_000
        assert "line 199" in path.read_text(encoding="utf-8")  # the newest in the file itself
    finally:
        logs.setup(tmp_path / "closed")


def test_an_earlier_log_is_appended_to(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / logs.LOG_NAME).write_text("earlier run\n", encoding="utf-8")
    path = logs.setup(folder)
    try:
        assert path is not None
        assert path.read_text(encoding="utf-8").startswith("earlier run\n")
        assert "started" in path.read_text(encoding="utf-8")
    finally:
        logs.setup(tmp_path / "closed")
