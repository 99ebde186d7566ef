"""ui.background: work off the UI thread reports on the UI thread, however its caller holds it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool, QTimer

from parkdesk.ui.background import BackgroundOp


def test_ops_nobody_keeps_all_report_on_the_ui_thread(qtbot) -> None:
    """Callers drop the op at once (as File › Export does); each still reports, once, on the UI
    thread, and no Qt object is destroyed in a worker (that crashed a full run now and then)."""
    main = threading.get_ident()
    reports: list[tuple[int, int]] = []
    for n in range(300):
        op = BackgroundOp(parent=None, work=lambda n=n: n * n,
                          success=lambda r: reports.append((r, threading.get_ident())))
        op.run_in_background()
    del op
    qtbot.waitUntil(lambda: len(reports) == 300, timeout=20_000)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert sorted(r for r, _ in reports) == [n * n for n in range(300)]
    assert {thread for _, thread in reports} == {main}


def test_an_op_lives_until_its_report_has_been_delivered(qtbot) -> None:
    """The op its caller dropped is destroyed once control is back in the event loop, never
    inside the delivery of its own report (Qt touches the receiver after the slot returns; an
    op destroyed there crashed a full test run now and then)."""
    delivering = [False]
    destroyed_while_delivering: list[bool] = []

    def success(_: object) -> None:
        delivering[0] = True
        QTimer.singleShot(0, lambda: delivering.__setitem__(0, False))

    op = BackgroundOp(parent=None, work=lambda: 1, success=success)
    op.destroyed.connect(lambda *_: destroyed_while_delivering.append(delivering[0]))
    op.run_in_background()
    del op
    qtbot.waitUntil(lambda: bool(destroyed_while_delivering), timeout=10_000)
    assert destroyed_while_delivering == [False]


QUIT_WHILE_WORKING = """
import threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from parkdesk.ui.background import BackgroundOp
BackgroundOp(parent=None, work=lambda: threading.Event().wait(0.5),
             success=lambda _: None).run_in_background()
QTimer.singleShot(0, app.quit)
app.exec()
del app
"""


def test_quitting_while_work_runs_is_quiet(tmp_path) -> None:
    """Quitting while a big file is still being checked: the late result is dropped, and no
    traceback is printed (the worker's report used to fail on the deleted relay)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", QUIT_WHILE_WORKING], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    assert "Traceback" not in run.stderr, run.stderr
