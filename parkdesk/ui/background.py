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

import itertools
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


class Progress:
    """What work in a worker thread tells of its steps; whether the user asked it to stop."""

    def __init__(self) -> None:
        self.op_id = 0  # set when the work starts
        self._cancel = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> bool:
        """Report `done` of `total` steps (from any thread); False once cancelled: stop then."""
        _the_relay().progressed.emit(self.op_id, done, total, text)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
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
        try:
            result = work()
        except Exception as exc:  # handed to `failure`, on the UI thread
            relay.failed.emit(self.op_id, exc)
        else:
            relay.succeeded.emit(self.op_id, result)


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
        _the_relay()  # made here, on the UI thread, before any worker needs it
        self.progress = Progress()
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
        self._id = next(_ids)
        self.progress.op_id = self._id
        _RUNNING[self._id] = self
        QThreadPool.globalInstance().start(_Worker(self._id, self._work))
        return self

    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if self._progress is not None and not self.progress.cancelled:
            self._progress.setMaximum(total)
            self._progress.setValue(done)
            if text and self._label:
                self._progress.setLabelText(f"{self._label}\n{text}")

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
