"""Work off the UI thread: the one helper, in the shape of Anki's `QueryOp`.

    QueryOp(parent=window, db=directory.path, op=lambda d: export(d, ...), success=say_done)
        .failure(say_why).with_progress("Exporting…").run_in_background()

`op(directory)` runs in Qt's thread pool on a Directory of its own, opened in the worker and
closed after (an SQLite connection stays in the thread that made it), with the user's changes
applied when `changes` are given, and never touches widgets. Then `success(result)` or
`failure(exception)` runs on the UI thread. Without a `failure`, a ParkdeskError is shown as a
warning and anything else is an internal error (logged, one dialog: see crash). `BackgroundOp`
is the same for work that needs no database.

Long work reports through the operation's `task` (a Task): `task.report(done, total)` moves the
progress bar of `.with_progress(label, cancellable=True)`, and `task.cancelled()` turns True
when the user presses Cancel; the work checks it between steps and stops by raising (the
exception goes to `failure`, like any other).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.userstore.changes import Change

T = TypeVar("T")
log = logging.getLogger(__name__)
PROGRESS_AFTER_MS = 400  # quick work never flashes a progress dialog

# Operations in flight, kept alive until they have reported.
_RUNNING: set[BackgroundOp[Any]] = set()


class _Relay(QObject):
    """Carries the worker's outcome to the UI thread, where it lives (the signals queue)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Task:
    """What work in a worker thread sees of its operation: where to report progress, and
    whether the user asked to cancel. Both are safe to call from any thread."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        """`done` steps of `total` are finished (shown by the progress bar, if any)."""
        self._relay.progressed.emit(done, total)

    def cancel(self) -> None:
        """Ask the work to stop (the Cancel button does this)."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self._cancel.is_set()


class _Worker(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], object]) -> None:
        super().__init__()
        self.relay = relay
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to `failure`, on the UI thread
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class BackgroundOp(QObject, Generic[T]):
    """`work()` in a worker thread, then `success(result)` or `failure(exception)` on the UI
    thread; `finished` follows either, on the UI thread."""

    finished = Signal()

    def __init__(
        self,
        *,
        parent: QWidget | None,
        work: Callable[[], T],
        success: Callable[[T], None],
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self._work = work
        self._success = success
        self._failure: Callable[[Exception], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._progress: QProgressDialog | None = None
        from PySide6.QtCore import Qt  # (not at the top: see enum_properties)

        self._relay = _Relay()
        self._relay.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self.task = Task(self._relay)
        self._started = 0.0
        self.running = False

    def failure(self, callback: Callable[[Exception], None]) -> BackgroundOp[T]:
        """Call `callback(exception)` on the UI thread if the work raises."""
        self._failure = callback
        return self

    def with_progress(self, label: str, cancellable: bool = False) -> BackgroundOp[T]:
        """Show a progress dialog with `label` (over the parent) while the work takes long: a
        busy bar until the work reports through `task`; with `cancellable`, a Cancel button
        that sets `task.cancelled()`."""
        self._label = label
        self._cancellable = cancellable
        return self

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The progress dialog while the work runs (None without one)."""
        return self._progress

    def run_in_background(self) -> BackgroundOp[T]:
        """Start the work in Qt's thread pool; returns at once."""
        if self._label is not None:
            self._progress = _progress_dialog(self.parent_widget, self._label, self._cancellable)
            if self._cancellable:
                self._progress.canceled.connect(self._on_cancel_pressed)
        self.running = True
        self._started = time.perf_counter()
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(_Worker(self._relay, self._work))
        return self

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._progress is not None and not self.task.cancelled():
            from PySide6.QtCore import QCoreApplication

            of = QCoreApplication.translate("BackgroundOp", "%1 of %2")
            self._progress.setLabelText(
                f"{self._label}\n" + of.replace("%1", f"{done:,}").replace("%2", f"{total:,}"))
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(min(done, max(total, 1)))

    @Slot()
    def _on_cancel_pressed(self) -> None:
        self.task.cancel()
        if self._progress is not None:  # it stays up until the work has stopped
            from PySide6.QtCore import QCoreApplication

            self._progress.show()
            self._progress.setLabelText(QCoreApplication.translate("BackgroundOp", "Cancelling…"))
            for button in self._progress.findChildren(QPushButton):
                button.setEnabled(False)

    @Slot(object)
    def _on_succeeded(self, result: T) -> None:
        self._finish(lambda: self._success(result))

    @Slot(object)
    def _on_failed(self, exc: Exception) -> None:
        self._finish(lambda: (self._failure or self._default_failure)(exc))

    def _default_failure(self, exc: Exception) -> None:
        if isinstance(exc, ParkdeskError):
            QMessageBox.warning(self.parent_widget, "parkdesk", str(exc))
        else:
            from parkdesk.ui import crash

            crash.report(exc)

    def _finish(self, callback: Callable[[], None]) -> None:
        log.info("%s took %.2f s", self._label or "background work",
                 time.perf_counter() - self._started)
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        try:
            callback()
        finally:
            self.running = False
            _RUNNING.discard(self)
            self.finished.emit()


class QueryOp(BackgroundOp[T]):
    """`op(directory)` on a Directory of the worker's own (opened from `db`), off the UI thread."""

    def __init__(
        self,
        *,
        parent: QWidget | None,
        db: Path,
        op: Callable[[Directory], T],
        success: Callable[[T], None],
        changes: Sequence[Change] = (),
    ) -> None:
        def work() -> T:
            directory = Directory.open(db)
            try:
                if changes:  # the directory as the user sees it
                    from parkdesk.core.db.layered import apply_layer

                    apply_layer(directory, changes)
                return op(directory)
            finally:
                directory.close()

        super().__init__(parent=parent, work=work, success=success)


def _progress_dialog(parent: QWidget | None, label: str, cancellable: bool) -> QProgressDialog:
    from PySide6.QtCore import QCoreApplication, Qt

    cancel = QCoreApplication.translate("BackgroundOp", "Cancel")
    progress = QProgressDialog(label, cancel, 0, 0, parent)
    progress.setObjectName("progressDialog")
    if not cancellable:
        progress.setCancelButton(None)  # work that cannot be stopped half-way safely
    progress.setWindowTitle("parkdesk")
    progress.setMinimumWidth(360)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setAutoClose(False)
    progress.setValue(0)
    return progress
