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
