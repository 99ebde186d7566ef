"""Opening a parkdesk database for reading: header, identity, schema and integrity checks, and a
connection whose lock errors are sentences for the user."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from parkdesk.core.db.connect import (
    BUSY_TIMEOUT,
    connect_readonly,
    is_locked,
    is_wal,
    wal_is_pending,
)
from parkdesk.core.db.hints import rebuild_hint
from parkdesk.core.db.schema import APPLICATION_ID, SCHEMA_VERSION
from parkdesk.core.errors import DatabaseError, DatabaseLockedError, os_error_reason

SQLITE_HEADER = b"SQLite format 3\x00"
# Databases up to this size get SQLite's full quick_check when opened (a real build: ~0.3 MB).
FULL_CHECK_BYTES = 8 * 1024 * 1024


class _Connection(sqlite3.Connection):
    """A read connection whose "database is locked" is a sentence for the user."""

    path: Path = Path()
    immutable = False

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            if is_locked(exc) or self._locked_now():
                raise locked_error(self.path) from exc
            raise

    def _locked_now(self) -> bool:
        """Whether reading fails for a lock (FTS5 hides it: "vtable constructor failed")."""
        try:
            super().execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            return is_locked(exc)
        return False


def locked_error(path: Path) -> DatabaseLockedError:
    """The error for a database another program holds locked."""
    return DatabaseLockedError(f"The database {path} is locked by another program; try again.",
                               "Wait for the other program to finish (or close it), then open the file again.")


def damaged_error(path: Path, why: object) -> DatabaseError:
    """The error for a damaged file, with what applies to this file to get a good one back."""
    return DatabaseError(f"The database {path} is damaged ({why}).", rebuild_hint(path))


def _connect_ro(path: Path, timeout: float = BUSY_TIMEOUT, immutable: bool = False) -> _Connection:
    con = connect_readonly(path, timeout, immutable, factory=_Connection)
    assert isinstance(con, _Connection)
    con.path, con.immutable = path, immutable
    return con


def _header_problem(header: bytes, size: int) -> str | None:
    """What the 100-byte file header says is wrong (a truncated file), or None."""
    if len(header) < 100:
        return "the file is shorter than its header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is only kept up to date when these two counters agree.
    if header[24:28] == header[92:96] and pages and size < pages * page_size:
        return f"the file is cut short: {size:,} of {pages * page_size:,} bytes"
    return None


def _quick_check(con: sqlite3.Connection, path: Path) -> None:
    try:
        result = con.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, exc) from exc
    if result != "ok":
        raise damaged_error(path, result)


def _read_header(path: Path) -> tuple[bytes, int]:
    """The file's first 100 bytes and its size; DatabaseError when it cannot be read."""
    try:
        with path.open("rb") as f:
            return f.read(100), os.fstat(f.fileno()).st_size
    except FileNotFoundError as exc:
        raise DatabaseError(f"The database {path} does not exist.", rebuild_hint(path)) from exc
    except IsADirectoryError as exc:
        raise DatabaseError(f"{path} is a folder, not a database file.",
                            "Choose a database file.") from exc
    except PermissionError as exc:
        raise DatabaseError(
            f"The database {path} cannot be read: you do not have permission to open it "
            "(or a folder it is in).",
            "Ask for access, or choose another database.") from exc
    except OSError as exc:
        raise DatabaseError(f"The database {path} cannot be read ({os_error_reason(exc)}).",
                            "Choose another database.") from exc


def _open_checked(path: Path, size: int, wal: bool, timeout: float) -> _Connection:
    """Connect and run the checks that need SQLite; DatabaseError says what failed."""
    con = _connect_ro(path, timeout)
    try:
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.OperationalError:
            # A WAL-mode file in a folder this user cannot write to: SQLite cannot make the
            # shared-memory file readers need. With no changes waiting in a WAL file, the
            # file itself is the whole database and can be read as an unchanging file.
            if not wal:
                raise
            if wal_is_pending(path):
                raise DatabaseError(
                    f"The database {path} is in WAL mode with changes not yet written into it, "
                    "and its folder is read-only.",
                    "Open it once in a folder you can write to, or copy it there.") from None
            con.close()
            con = _connect_ro(path, timeout, immutable=True)
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DatabaseError(f"{path} is an SQLite file but not a parkdesk database.",
                                rebuild_hint(path))
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"The database {path} was made by a newer parkdesk (schema version {version}; "
                f"this one reads {SCHEMA_VERSION}).", "Upgrade parkdesk to open it.")
        if version != SCHEMA_VERSION:
            raise DatabaseError(
                f"The database {path} has schema version {version}; this parkdesk needs "
                f"{SCHEMA_VERSION}.", rebuild_hint(path))
        if size <= FULL_CHECK_BYTES:
            _quick_check(con, path)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the schema parses
    except DatabaseError:
        con.close()
        raise
    except sqlite3.DatabaseError as exc:
        con.close()
        raise damaged_error(path, exc) from exc
    return con


def validate(path: Path, timeout: float = BUSY_TIMEOUT) -> _Connection:
    """Open `path` read-only and check it is a healthy parkdesk database of this version.

    Files up to FULL_CHECK_BYTES get SQLite's full quick_check here; larger ones (a quick_check
    reads every page: ~0.15 s for 100,000 enterprises) get the header, identity and schema
    checks, and `Directory.verify()` runs the full check when the caller can wait for it.
    `timeout`: how long to wait for another program's lock before saying the file is locked.
    """
    path = Path(path)
    header, size = _read_header(path)
    if not header:
        raise DatabaseError(f"The database {path} is empty (0 bytes).", rebuild_hint(path))
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseError(f"{path} is not an SQLite database.", rebuild_hint(path))
    problem = _header_problem(header, size)
    if problem:
        raise damaged_error(path, problem)
    return _open_checked(path, size, is_wal(header), timeout)
