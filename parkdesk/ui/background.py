"""Work off the UI thread: the one helper, in the shape of Anki's `QueryOp`.

    QueryOp(parent=window, db=directory.path, op=lambda d: export(d, ...), success=say_done)
        .failure(say_why).with_progress("Exporting…").run_in_background()

`op(directory)` runs in Qt's thread pool on a Directory of its own, opened in the worker and
closed after (an SQLite connection stays in the thread that made it), and never touches
widgets. Then `success(result)` or `failure(exception)` runs on the UI thread. Without a
`failure`, a ParkdeskError is shown as a warning and anything else is an internal error (logged,
one dialog: see crash). `BackgroundOp` is the same for work that needs no database.

Long work reports through the operation's `task` (a Task): `task.report(done, total, text)`
moves the progress bar of `.with_progress(label, cancellable=True)`, and `task.cancelled()`
turns True when the user presses Cancel; the work checks it between steps (`task.step(...)`
does both) and stops, by raising (the exception goes to `failure`, like any other) or by
returning what it has.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError

T = TypeVar("T")
log = logging.getLogger(__name__)
PROGRESS_AFTER_MS = 400  # quick work never flashes a progress dialog

# Operations in flight, by id, kept alive until they have reported.
_RUNNING: dict[int, BackgroundOp[Any]] = {}
_ids = itertools.count(1)
# Finished operations, dropped when control is back in the event loop: an op must not be
# destroyed while its own report is being delivered (Qt still touches the receiver then).
_RETIRED: list[BackgroundOp[Any]] = []


class _Relay(QObject):
    """Carries a worker's outcome to the UI thread, where it lives (the signals queue).

    There is one, made on the UI thread and never deleted, so that no Qt object's life depends
    on a worker thread: a relay per operation, released by whichever thread let go of it last,
    could be destroyed in the worker while the UI thread still delivered its signal, and the op
    could be destroyed inside its own slot (a rare crash in a full test run).
    """

    succeeded = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)

    @Slot(int, int, int, str)
    def deliver_progress(self, op_id: int, done: int, total: int, text: str) -> None:
        op = _RUNNING.get(op_id)
        if op is not None:
            op._on_progressed(done, total, text)

    @Slot(int, object)
    def deliver_success(self, op_id: int, result: object) -> None:
        op = _RUNNING.get(op_id)
        if op is not None:
            op._on_succeeded(result)

    @Slot(int, object)
    def deliver_failure(self, op_id: int, exc: object) -> None:
        op = _RUNNING.get(op_id)
        if op is not None:
            op._on_failed(exc)  # type: ignore[arg-type]


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        from PySide6.QtCore import Qt  # (not at the top: see enum_properties)

        _relay = _Relay()
        _relay.succeeded.connect(_relay.deliver_success, Qt.ConnectionType.QueuedConnection)
        _relay.failed.connect(_relay.deliver_failure, Qt.ConnectionType.QueuedConnection)
        _relay.progressed.connect(_relay.deliver_progress, Qt.ConnectionType.QueuedConnection)
    return _relay


class Task:
    """What work in a worker thread sees of its operation: where to report progress, and
    whether the user asked to cancel. Both are safe to call from any thread."""

    def __init__(self) -> None:
        self.op_id = 0  # set when the operation starts
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        """`done` steps of `total` are finished (shown by the progress bar, if any), with
        `text` saying what is being done (else the dialog says "done of total")."""
        _the_relay().progressed.emit(self.op_id, done, total, text)

    def step(self, done: int, total: int, text: str = "") -> bool:
        """Report, then say whether to go on (False once the user pressed Cancel)."""
        self.report(done, total, text)
        return not self.cancelled()

    def cancel(self) -> None:
        """Ask the work to stop (the Cancel button does this)."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self._cancel.is_set()


class _Worker(QRunnable):
    """Runs plain Python work; holds no Qt object but the everlasting relay."""

    def __init__(self, op_id: int, work: Callable[[], object]) -> None:
        super().__init__()
        self.op_id = op_id
        self.work: Callable[[], object] | None = work

    def run(self) -> None:
        work, self.work = self.work, None
        assert work is not None
        relay = _the_relay()
        value: object
        try:
            result = work()
        except Exception as exc:  # handed to `failure`, on the UI thread
            outcome, value = relay.failed, exc
        else:
            outcome, value = relay.succeeded, result
        try:
            outcome.emit(self.op_id, value)
        except RuntimeError:  # the app quit while this ran (a big file's check): nobody to tell
            log.info("background work finished after the app quit; its result is dropped")


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
        self.task = Task()
        _the_relay()  # made here, on the UI thread, before any worker needs it
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
        self._id = next(_ids)
        self.task.op_id = self._id
        _RUNNING[self._id] = self
        QThreadPool.globalInstance().start(_Worker(self._id, self._work))
        return self

    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if self._progress is not None and not self.task.cancelled():
            from PySide6.QtCore import QCoreApplication

            if not text:
                text = QCoreApplication.translate("BackgroundOp", "%1 of %2").replace(
                    "%1", f"{done:,}").replace("%2", f"{total:,}")
            self._progress.setLabelText(f"{self._label}\n{text}")
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

    def _on_succeeded(self, result: T) -> None:
        self._finish(lambda: self._success(result))

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
            _RUNNING.pop(self._id, None)
            _retire(self)
            self.finished.emit()


def _retire(op: BackgroundOp[Any]) -> None:
    from PySide6.QtCore import QTimer

    if not _RETIRED:
        QTimer.singleShot(0, _RETIRED.clear)
    _RETIRED.append(op)


class QueryOp(BackgroundOp[T]):
    """`op(directory)` on a Directory of the worker's own (opened from `db`), off the UI thread;
    with `user_store`, the directory as the user sees it (their changes over `db`, read only)."""

    def __init__(
        self,
        *,
        parent: QWidget | None,
        db: Path,
        op: Callable[[Directory], T],
        success: Callable[[T], None],
        user_store: Path | None = None,
    ) -> None:
        def work() -> T:
            if user_store is None:
                directory = Directory.open(db)
            else:
                from parkdesk.core.userstore.session import read_directory

                directory, _ = read_directory(db, user_store)  # (the window said any problem)
            try:
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
