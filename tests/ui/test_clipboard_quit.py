"""Quitting on X11 with no clipboard manager would take a copied number away: parkdesk asks first.

Run on a real X server (Xvfb, started and stopped here) in a child process, since the suite's
own Qt is offscreen; the clipboard manager is played by an X client that takes the
CLIPBOARD_MANAGER selection, as a real one does.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from parkdesk.ui import clipboard

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A fresh Xvfb display (":N"), stopped after the module's tests."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:  # .ci/run installs it
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0",
                               "1024x768x24"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


CHILD = r"""
import ctypes, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
from parkdesk.core.db.directory import Directory
from parkdesk.ui import clipboard
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings

out = {"before_copy": clipboard.text_lost_on_quit()}
clipboard.copy_text("0757-86683830", "Copied")
out["manager"] = clipboard.x11_clipboard_manager_running()
out["lost"] = clipboard.text_lost_on_quit()

x11 = ctypes.CDLL("libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
for f in ("XDefaultRootWindow", "XCreateSimpleWindow", "XInternAtom"):
    getattr(x11, f).restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XCreateSimpleWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_int] * 2 + [ctypes.c_uint] * 3 + [ctypes.c_ulong] * 2
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XSetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
x11.XFlush.argtypes = x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
manager = x11.XOpenDisplay(None)
owner = x11.XCreateSimpleWindow(manager, x11.XDefaultRootWindow(manager), 0, 0, 1, 1, 0, 0, 0)
selection = x11.XInternAtom(manager, b"CLIPBOARD_MANAGER", 0)
x11.XSetSelectionOwner(manager, selection, owner, 0)
x11.XFlush(manager)
out["manager_then"] = clipboard.x11_clipboard_manager_running()
out["lost_then"] = clipboard.text_lost_on_quit()
x11.XCloseDisplay(manager)  # the manager goes away again (and cannot delay this exit)

window = MainWindow(Directory.open(sys.argv[1]), Settings(sys.argv[2]))
window.show()
answers, seen = iter(["Keep Running", "Quit"]), []
def answer():
    box = app.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append(box.text())
        name = next(answers)
        next(b for b in box.buttons() if b.text() == name).click()
    QTimer.singleShot(20, answer)
QTimer.singleShot(20, answer)
out["first_close"] = window.close()
out["still_shown"] = window.isVisible()
out["second_close"] = window.close()
out["asked"] = seen
print(repr(out))
"""


def test_quitting_asks_only_when_the_copy_would_be_lost(x_display: str, sample_db, tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}
    result = subprocess.run([sys.executable, "-c", CHILD, str(sample_db), str(tmp_path / "s.ini")],
                            env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert out == {
        "before_copy": None,  # nothing of ours on the clipboard: no question
        "manager": False,
        "lost": "0757-86683830",
        "manager_then": True,
        "lost_then": None,  # a manager keeps it: no question
        "first_close": False,  # "Keep Running"
        "still_shown": True,
        "second_close": True,  # "Quit"
        "asked": [clipboard.LOST_ON_QUIT] * 2,
    }


def test_off_x11_nothing_is_asked(qapp) -> None:
    clipboard.copy_text("0757-86683830", "Copied")
    assert clipboard.text_lost_on_quit() is None  # offscreen, like Wayland, Windows and macOS
    assert clipboard.may_quit() is True
