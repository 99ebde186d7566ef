"""Fixtures for the desktop app: a main window over the sample database, settings in tmp_path."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTextBrowser

from parkdesk.core.db.directory import Directory
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings


@pytest.fixture(autouse=True, scope="session")
def _english(qapp) -> None:
    """The app's language in every test, unless a test installs another (and puts English
    back): English, whose translation file gives the plural forms ("1 match", "2 matches")."""
    from parkdesk.ui import language

    assert language.install(language.ENGLISH), "run `make translations` to compile the .qm files"


@pytest.fixture
def directory(sample_db: Path):
    d = Directory.open(sample_db)
    yield d
    d.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "parkdesk.ini"


@pytest.fixture
def window(qtbot, sample_db: Path, settings_path: Path) -> MainWindow:
    """A shown main window over the sample database, with its own settings file; its first
    page (which follows the window's first paint) is shown."""
    w = MainWindow(Directory.open(sample_db), Settings(settings_path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.detail.page_pending)
    return w


def text_point(browser: QTextBrowser, text: str):
    """The viewport point at the middle of the first occurrence of `text` in a browser."""
    cursor = browser.document().find(text)
    assert not cursor.isNull(), f"{text!r} not shown"
    middle = QTextCursor(cursor)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    browser.setTextCursor(middle)  # scrolls the text into view; no selection is left behind
    browser.ensureCursorVisible()
    return browser.cursorRect(middle).center()


DIALOG_WAIT_S = 10.0  # how long the answer helpers look for their dialog before giving up


def _when_shown(kind: type, act, timeout_s: float) -> None:
    """Call `act(dialog)` once a modal `kind` dialog is up, looking each time the event loop runs.

    Past `timeout_s` it gives up: any other modal dialog is closed (so a test waiting in its
    exec() goes on) and an AssertionError is raised, which pytest-qt reports as the test's
    failure, instead of a test that hangs or a timer that looks for ever.
    """
    deadline = time.monotonic() + timeout_s

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, kind):
            act(box)
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(10, look)
            return
        if box is not None:
            box.close()
        raise AssertionError(f"no {kind.__name__} appeared within {timeout_s:g} s")

    QTimer.singleShot(0, look)


def answer_next_dialog(
    button_text: str | None = None, timeout_s: float = DIALOG_WAIT_S
) -> list[dict[str, str]]:
    """Arrange for the next modal message box to be recorded, then answered with a button.

    Returns a list that holds the box's texts once it has been answered. A timer looks for the
    box when the event loop runs (the dialog's own loop), so nothing blocks or sleeps; it gives
    up after `timeout_s` (see _when_shown).
    """
    seen: list[dict[str, str]] = []

    def answer(box: QMessageBox) -> None:
        seen.append({"text": box.text(), "informative": box.informativeText(),
                     "title": box.windowTitle(), "format": str(box.textFormat())})
        chosen = [b for b in box.buttons() if b.text() == button_text]
        button = chosen[0] if chosen else (box.escapeButton() or box.buttons()[-1])
        button.click()

    _when_shown(QMessageBox, answer, timeout_s)
    return seen


def answer_file_dialog(path: Path | None, timeout_s: float = DIALOG_WAIT_S) -> list[str]:
    """Arrange for the next file dialog to choose `path` (None: cancel); records its title."""
    from PySide6.QtWidgets import QFileDialog

    seen: list[str] = []

    def answer(box: QFileDialog) -> None:
        seen.append(box.windowTitle())
        if path is None:
            box.reject()
        else:
            box.findChild(QLineEdit, "fileNameEdit").setText(str(path))  # typed, as a user would
            box.accept()

    _when_shown(QFileDialog, answer, timeout_s)
    return seen
