"""The Qt binding we install survives long sessions (PySide6 6.12.0 on Python 3.11 did not)."""

import subprocess
import sys


def test_many_void_qt_calls_do_not_abort() -> None:
    # Each call returning None leaked a reference to None; the process aborted after ~10**4.
    code = (
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "for _ in range(50_000):\n"
        "    o.setObjectName('x')\n"
        "print('alive')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "alive"
