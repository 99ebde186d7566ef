"""Other programs for fault tests: one that holds a database locked, and running parkdesk as a
user without root's powers (CI runs as root, and root can read and write any folder)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

NOBODY = 65534
REPO = Path(__file__).resolve().parent.parent

_HOLD_LOCK = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our stdin
con.execute("ROLLBACK")
"""


@contextmanager
def locked_by_another_program(path: Path) -> Iterator[None]:
    """Another process holds an exclusive lock on the SQLite file `path` inside the block."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def as_plain_user(args: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess:
    """Run `args` under an ordinary user's file permissions.

    As root, that is root without its capabilities (setpriv drops them all): root then gets
    what an owner gets and no more, so a folder of another user's closed to others (`shut`)
    cannot be entered and a read-only folder cannot be written, while the Python interpreter
    (often under /root, closed to other users) still runs. As anyone else, it is that user.
    """
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux) to drop root's powers")
        prefix = [setpriv, "--bounding-set=-all", "--inh-caps=-all"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.run([*prefix, *args], env=env, capture_output=True, text=True,
                          check=False, cwd=REPO, timeout=120, **kwargs)


def shut(folder: Path) -> None:
    """Make `folder` one an as_plain_user program cannot enter."""
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
        folder.chmod(0o700)
    else:
        folder.chmod(0o000)
