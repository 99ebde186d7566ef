"""Internal errors: logged with their traceback, then one plain dialog; the app keeps running.

`install()` makes this the handler of exceptions nobody caught: in a slot or an event handler
(PySide hands those to `sys.excepthook`), in a thread (`threading.excepthook`), or in background
work without a failure callback (`report`). The traceback goes to the log file (see logs), not to
a terminal nobody sees.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from parkdesk import logs
from parkdesk.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
SAVED = QT_TRANSLATE_NOOP("Crash", "parkdesk hit an internal error; details were saved to {path}.")
NOT_SAVED = QT_TRANSLATE_NOOP(
    "Crash", "parkdesk hit an internal error; its details could not be saved to a log file.")
GOES_ON = QT_TRANSLATE_NOOP("Crash", "parkdesk keeps running. If something looks wrong, restart it.")


def message() -> str:
    """What the dialog says: where the details are."""
    path = logs.log_file()
    if path:
        return QCoreApplication.translate("Crash", SAVED).format(path=path)
    return QCoreApplication.translate("Crash", NOT_SAVED)


class _Reporter(QObject):
    """Lives in the UI thread; `raised` may be emitted from any thread and is always queued, so
    the dialog opens after the code that raised has returned (never inside a paint event)."""

    raised = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.showing = False
        self.shown = 0  # dialogs shown, for tests
        # From another thread the slot is queued to this one; either way the dialog waits for
        # the event loop. (No explicit connection type: Qt's namespace waits for the first paint.)
        self.raised.connect(self._later)

    @Slot()
    def _later(self) -> None:
        QTimer.singleShot(0, self._show)

    @Slot()
    def _show(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox  # (its type is made on first use: not at start)

        if self.showing:  # one dialog at a time: errors in a burst are all in the log
            return
        self.showing = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, "parkdesk", message(),
                              QMessageBox.StandardButton.Ok, QApplication.activeWindow())
            box.setObjectName("internalError")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setInformativeText(QCoreApplication.translate("Crash", GOES_ON))
            self.shown += 1
            box.exec()
            box.deleteLater()
        finally:
            self.showing = False


_reporter: _Reporter | None = None


def report(exc: BaseException) -> None:
    """Log an exception nobody handled and tell the user in a dialog (once the loop runs)."""
    log.error("Internal error", exc_info=(type(exc), exc, exc.__traceback__))
    if _reporter is not None and QApplication.instance() is not None:
        _reporter.raised.emit()
    else:
        print(f"parkdesk: {message()}", file=sys.stderr)


def _excepthook(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    report(exc.with_traceback(tb))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        report(args.exc_value)


def install() -> None:
    """Handle every uncaught exception here from now on (call with the QApplication made)."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook


def reporter() -> _Reporter | None:
    """The dialog's reporter once installed (tests count the dialogs it showed)."""
    return _reporter
