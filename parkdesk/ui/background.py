"""Work off the UI thread: one helper runs a function in Qt's thread pool behind a busy
indicator, then calls back on the UI thread. The function must not touch widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from parkdesk.core.errors import ParkdeskError

# Jobs in flight, kept alive until they report (Qt deletes the runnable, not its signals).
_RUNNING: set[BackgroundJob] = set()


class BackgroundJob(QObject):
    """One piece of work in flight; `done` is emitted on the UI thread when it has reported."""

    succeeded = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, parent: QWidget | None, label: str) -> None:
        super().__init__()
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setCancelButton(None)  # the work cannot be stopped half-way safely
        self.progress.setWindowTitle("parkdesk")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # quick jobs never flash a dialog
        self.progress.setAutoClose(False)
        self.progress.setValue(0)


class _Runnable(QRunnable):
    def __init__(self, job: BackgroundJob, work: Callable[[], Any]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except ParkdeskError as exc:
            self.job.failed.emit(str(exc))
        except Exception as exc:  # reported to the user as a sentence, never a traceback
            self.job.failed.emit(f"Something went wrong: {exc}")
        else:
            self.job.succeeded.emit(result)


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
) -> BackgroundJob:
    """Run `work()` in a worker thread; then `on_success(result)` or `on_failure(message)`."""
    job = BackgroundJob(parent, label)

    def finish(callback: Callable, value: Any) -> None:
        job.progress.reset()
        job.progress.deleteLater()
        try:
            callback(value)
        finally:
            _RUNNING.discard(job)
            job.done.emit()

    job.succeeded.connect(lambda result: finish(on_success, result), Qt.ConnectionType.QueuedConnection)
    job.failed.connect(lambda message: finish(on_failure, message), Qt.ConnectionType.QueuedConnection)
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(_Runnable(job, work))
    return job
