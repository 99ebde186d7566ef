"""Work off the UI thread: the one helper, in the shape of Anki's `QueryOp`.

    QueryOp(parent=window, db=directory.path, op=lambda d: export(d, ...), success=say_done)
        .failure(say_why).with_progress("Exporting…").run_in_background()

`op(directory)` runs in Qt's thread pool on a Directory of its own, opened in the worker and
closed after (an SQLite connection stays in the thread that made it), and never touches
widgets. Then `success(result)` or `failure(exception)` runs on the UI thread. Without a
`failure`, a ParkdeskError is shown as a warning and anything else is an internal error (logged,
one dialog: see crash). `BackgroundOp` is the same for work that needs no database.

Work that can say how far it is, and stop between steps, calls `op.progress.step(done,
total, text)` (from the worker; False once the user pressed Cancel) and is started with
`.with_progress(label, cancellable=True)`: the dialog then shows a bar and a Cancel button.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError

T = TypeVar("T")
log = logging.getLogger(__name__)
PROGRESS_AFTER_MS = 400  # quick work never flashes a progress dialog

# Operations in flight, kept alive until they have reported.
_RUNNING: set[BackgroundOp[Any]] = set()


class _Relay(QObject):
    """Carries the worker's outcome to the UI thread, where it lives (the signals queue)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Progress:
    """What work in a worker thread tells of its steps; whether the user asked it to stop."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> bool:
        """Report `done` of `total` steps (thread-safe); False once cancelled: stop then."""
        self._relay.progressed.emit(done, total, text)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
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
        self._progress: QProgressDialog | None = None
        from PySide6.QtCore import Qt  # (not at the top: see enum_properties)

        self._relay = _Relay()
        self._relay.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self.progress = Progress(self._relay)
        self._cancellable = False
        self._started = 0.0
        self.running = False

    def failure(self, callback: Callable[[Exception], None]) -> BackgroundOp[T]:
        """Call `callback(exception)` on the UI thread if the work raises."""
        self._failure = callback
        return self

    def with_progress(self, label: str, cancellable: bool = False) -> BackgroundOp[T]:
        """Show a busy dialog with `label` (over the parent) while the work takes long; with
        `cancellable`, a Cancel button that makes `progress.step` return False."""
        self._label = label
        self._cancellable = cancellable
        return self

    def run_in_background(self) -> BackgroundOp[T]:
        """Start the work in Qt's thread pool; returns at once."""
        if self._label is not None:
            self._progress = _progress_dialog(self.parent_widget, self._label, self._cancellable)
            if self._cancellable:
                self._progress.canceled.connect(self.progress.cancel)
        self.running = True
        self._started = time.perf_counter()
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(_Worker(self._relay, self._work))
        return self

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if self._progress is not None and not self.progress.cancelled:
            self._progress.setMaximum(total)
            self._progress.setValue(done)
            if text and self._label:
                self._progress.setLabelText(f"{self._label}\n{text}")

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
    ) -> None:
        def work() -> T:
            directory = Directory.open(db)
            try:
                return op(directory)
            finally:
                directory.close()

        super().__init__(parent=parent, work=work, success=success)


def _progress_dialog(parent: QWidget | None, label: str, cancellable: bool = False) -> QProgressDialog:
    from PySide6.QtCore import QCoreApplication, Qt

    progress = QProgressDialog(label, QCoreApplication.translate("BackgroundOp", "Cancel"), 0, 0,
                               parent)
    progress.setObjectName("backgroundProgress")
    if not cancellable:
        progress.setCancelButton(None)  # the work cannot be stopped half-way safely
    progress.setWindowTitle("parkdesk")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setAutoClose(False)
    progress.setValue(0)
    return progress
