"""Backups of the user store, like Anki's: on start and daily, the last ten kept; restoring one
first backs up what is there now. A damaged store is set aside (renamed, never deleted) and the
latest good backup taken in its place."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from parkdesk.core.db.userstore import (
    StoreDamagedError,
    UserStore,
    UserStoreError,
    _uri,
    file_problem,
    plain_reason,
)

KEEP = 10
DAILY = timedelta(days=1)
PREFIX = "userstore-"


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made and how many changes it holds."""

    path: Path
    made: datetime
    changes: int


def backup_folder(store_path: Path) -> Path:
    """Where the backups of a store are kept: `backups/` beside it."""
    return store_path.parent / "backups"


def backups(store_path: Path) -> list[Backup]:
    """The backups of a store, newest first (files that cannot be read are left out)."""
    found = []
    folder = backup_folder(store_path)
    for path in sorted(folder.glob(f"{PREFIX}*.db")) if folder.is_dir() else []:
        try:
            made = datetime.strptime(path.stem[len(PREFIX):][:15], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            con = sqlite3.connect(_uri(path, "ro&immutable=1"), uri=True)
            try:
                count = con.execute("SELECT count(*) FROM changes").fetchone()[0]
            finally:
                con.close()
        except (ValueError, sqlite3.Error):
            continue
        found.append(Backup(path, made, count))
    return sorted(found, key=_order, reverse=True)


def _order(backup: Backup) -> tuple[datetime, int]:
    """When a backup was made, then its number among those of the same second ("-2"…): the
    names alone sort "-10" before "-2", and the first of a second after the rest."""
    return backup.made, _number(backup.path.stem[len(PREFIX):])


def _number(stem: str) -> int:
    """1 for "20260101-120000", n for "20260101-120000-n"."""
    number = stem[16:] if len(stem) > 16 and stem[15] == "-" else ""
    return int(number) if number.isdigit() else 1


def _marker_of(path: Path) -> str | None:
    try:
        con = sqlite3.connect(_uri(path, "ro&immutable=1"), uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def make_backup(store: UserStore, when: datetime | None = None) -> Path:
    """Copy the store (SQLite's backup API: a consistent copy while it is in use) into the
    backup folder, then keep only the newest KEEP backups."""
    when = when or datetime.now(UTC)
    folder = backup_folder(store.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = when.strftime("%Y%m%d-%H%M%S")
        # A later backup of the same second takes the next number after the highest there,
        # not the first free name: the oldest may have been dropped already.
        same = [_number(p.stem[len(PREFIX):]) for p in folder.glob(f"{PREFIX}{stamp}*.db")]
        n = max(same, default=0) + 1
        target = folder / (f"{PREFIX}{stamp}.db" if n == 1 else f"{PREFIX}{stamp}-{n}.db")
        tmp = target.with_suffix(".tmp")
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            store.con.backup(con)
            con.execute("PRAGMA journal_mode = DELETE")
            con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('marker', ?)",
                        (store.marker(),))
        finally:
            con.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        raise UserStoreError(f"No backup was made: {plain_reason(exc, store.path)}.") from exc
    for old in backups(store.path)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target


def backup_if_due(store: UserStore, on_start: bool = False) -> Path | None:
    """A backup when the journal moved since the latest one and (unless starting) a day has
    passed; None when none was due or the store cannot be written."""
    if not store.writable or store.count() == 0:
        return None
    latest = next(iter(backups(store.path)), None)
    if latest is not None:
        if _marker_of(latest.path) == store.marker():
            return None
        if not on_start and datetime.now(UTC) - latest.made < DAILY:
            return None
    return make_backup(store)


def restore_backup(store: UserStore, backup: Path) -> Path:
    """Put a backup's changes in place of the store's, after backing up the store as it is.

    Returns the backup made of the store before restoring."""
    problem = file_problem(backup)
    if problem:
        raise UserStoreError(f"The backup {backup.name} cannot be restored: {problem}.")
    if not store.writable:
        raise UserStoreError(store.problem or "Your changes cannot be saved.")
    saved = make_backup(store)
    try:
        src = sqlite3.connect(_uri(backup, "ro&immutable=1"), uri=True)
        try:
            src.backup(store.con)
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise UserStoreError(
            f"The backup was not restored: {plain_reason(exc, store.path)}. "
            "Your changes are as they were."
        ) from exc
    return saved


def set_aside(path: Path, when: datetime | None = None) -> Path:
    """Rename a damaged store (and its -wal and -shm files) out of the way; never deletes."""
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, target)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            os.replace(side, target.with_name(target.name + extra))
    return target


def open_store(path: Path, read_only: bool = False) -> tuple[UserStore | None, list[str]]:
    """Open the user store, recovering from damage; returns it (None: articles alone) and the
    sentences to show the user."""
    try:
        return UserStore.open(path, read_only=read_only), []
    except StoreDamagedError as exc:
        if read_only:
            return None, [f"{exc} Your changes are not shown."]
        damaged = str(exc)
    except UserStoreError as exc:
        return None, [str(exc)]
    try:
        aside = set_aside(path)
    except OSError as exc:
        return None, [f"{damaged} It could not be set aside ({exc.strerror}); "
                      "your changes are not shown."]
    message = f"{damaged} It was set aside as {aside.name}"
    good = next((b for b in backups(path) if file_problem(b.path) is None), None)
    if good is not None:
        try:
            dest = sqlite3.connect(path)
            src = sqlite3.connect(_uri(good.path, "ro&immutable=1"), uri=True)
            try:
                src.backup(dest)
            finally:
                src.close()
                dest.close()
            message += f"; your changes come from the backup of {good.made:%d %b %Y %H:%M} UTC."
        except sqlite3.Error:
            path.unlink(missing_ok=True)
            message += "; no backup could be read, so parkdesk starts with no changes."
    else:
        message += "; there is no backup, so parkdesk starts with no changes."
    try:
        return UserStore.open(path), [message]
    except UserStoreError as exc:
        return None, [message, str(exc)]
