"""The one place the app writes the clipboard; listeners hear what was copied.

On X11 the clipboard is served by the program that copied: when parkdesk quits, a number it
copied is gone unless a clipboard manager takes it over (Qt hands it to one when it runs).
`text_lost_on_quit()` says when that would happen, so that quitting can warn first.
"""

from __future__ import annotations

import ctypes
import os

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from parkdesk.core.i18n import QT_TRANSLATE_NOOP


class _Notifier(QObject):
    """Emits `copied(text, message)` after every copy, for the status bar."""

    copied = Signal(str, str)


notifier = _Notifier()


def copy_text(text: str, status_message: str) -> None:
    """Put `text` on the system clipboard and announce `status_message`."""
    QGuiApplication.clipboard().setText(text)
    notifier.copied.emit(text, status_message)


def x11_clipboard_manager_running(display: str | None = None) -> bool | None:
    """Whether an X11 clipboard manager owns the CLIPBOARD_MANAGER selection on `display`
    (default $DISPLAY); None when that cannot be told (no libX11, no such display)."""
    name = display if display is not None else os.environ.get("DISPLAY", "")
    try:
        x11 = ctypes.CDLL("libX11.so.6")
    except OSError:
        return None
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XGetSelectionOwner.restype = ctypes.c_ulong
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(name.encode())
    if not connection:
        return None
    try:
        atom = x11.XInternAtom(connection, b"CLIPBOARD_MANAGER", 0)
        return bool(x11.XGetSelectionOwner(connection, atom))
    finally:
        x11.XCloseDisplay(connection)


def text_lost_on_quit() -> str | None:
    """The text parkdesk put on the clipboard, when quitting now would take it away: on X11,
    still ours, and no clipboard manager to keep it. None otherwise (also when unsure)."""
    if QGuiApplication.platformName() != "xcb":
        return None  # Wayland compositors, Windows and macOS keep a quitting app's copy
    board = QGuiApplication.clipboard()
    if not board.ownsClipboard():
        return None
    if x11_clipboard_manager_running() is not False:
        return None
    return board.text(QClipboard.Mode.Clipboard) or None


LOST_ON_QUIT = QT_TRANSLATE_NOOP(
    "Clipboard", "Copied numbers stay available only while parkdesk runs on this desktop.")


def may_quit(parent: object = None) -> bool:
    """Ask before quitting takes the copied text away (see text_lost_on_quit); True to quit.

    Asked only then: "Quit" (the default) or "Keep Running" to paste it first.
    """
    text = text_lost_on_quit()
    if text is None:
        return True
    from PySide6.QtWidgets import QMessageBox, QWidget

    box = QMessageBox(parent if isinstance(parent, QWidget) else None)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("parkdesk")
    box.setText(QCoreApplication.translate("Clipboard", LOST_ON_QUIT))
    shown = text if len(text) <= 60 else text[:57] + "…"
    box.setInformativeText(QCoreApplication.translate(
        "Clipboard", "“{text}” cannot be pasted after parkdesk quits: no clipboard manager is "
        "running to keep it. Paste it first, or quit anyway.").format(text=shown))
    quit_button = box.addButton(QCoreApplication.translate("Clipboard", "Quit"),
                                QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(QCoreApplication.translate("Clipboard", "Keep Running"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is quit_button
