"""Connecting to SQLite files: every URI is built here, escaped, so no file name can change it.

A file name is text, not URI syntax: `x#notes.txt` must not become `x` with a fragment, nor
`a?b.db` the file `a` with a query (both once made parkdesk read or create the wrong file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote, urlencode

#: How long a read waits for another program's write lock before saying so (seconds). The UI
#: uses a shorter wait (UI_BUSY_TIMEOUT), so a click never freezes the window.
BUSY_TIMEOUT = 2.0
UI_BUSY_TIMEOUT = 0.1
_WAL = 2  # the file-format bytes 18 and 19 of a WAL-mode database


_Value = TypeVar("_Value", str, int)


def in_chunks(values: Sequence[_Value]) -> Iterator[tuple[list[_Value], str]]:
    """`values` 500 at a time (below SQLite's limit on a statement's bound values), each chunk
    with its `?,?,…` marks for an `IN (…)`."""
    for start in range(0, len(values), 500):
        chunk = list(values[start : start + 500])
        yield chunk, ",".join("?" * len(chunk))


def sqlite_uri(path: Path | str, **params: str) -> str:
    """The `file:` URI of `path` (made absolute), every character of the name escaped."""
    absolute = Path(path).absolute().as_posix()
    uri = "file:" + quote(absolute, safe="/")
    return uri + ("?" + urlencode(params) if params else "")


def connect_readonly(path: Path | str, timeout: float = BUSY_TIMEOUT, immutable: bool = False,
                     factory: type[sqlite3.Connection] = sqlite3.Connection) -> sqlite3.Connection:
    """A read-only connection to an existing file (never creates one).

    `immutable`: read the file as one nothing changes (no locks, no WAL); only for a file that
    cannot change, such as a WAL-mode file with no pending changes in a read-only folder.
    """
    params = {"mode": "ro"}
    if immutable:
        params["immutable"] = "1"
    # Used only in the thread that opened it: background work opens its own (ui.background).
    return sqlite3.connect(sqlite_uri(path, **params), uri=True, timeout=timeout,
                           factory=factory)


def is_locked(exc: sqlite3.Error) -> bool:
    """Whether SQLite gave up waiting for another connection's lock."""
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text


def is_wal(header: bytes) -> bool:
    """Whether a database header marks the file as in WAL mode."""
    return len(header) >= 20 and header[18] == _WAL and header[19] == _WAL


def wal_is_pending(path: Path) -> bool:
    """Whether a WAL file beside `path` holds changes not yet written into the file itself."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False
