"""The one place the app writes the clipboard; listeners hear what was copied."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication


class _Notifier(QObject):
    """Emits `copied(text, message)` after every copy, for the status bar."""

    copied = Signal(str, str)


notifier = _Notifier()


def copy_text(text: str, status_message: str) -> None:
    """Put `text` on the system clipboard and announce `status_message`."""
    QGuiApplication.clipboard().setText(text)
    notifier.copied.emit(text, status_message)
