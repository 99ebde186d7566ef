"""Writing a file all at once: a temporary file beside the target, renamed over it on success.

The temporary file is named `.NAME.RANDOM SUFFIX` and held with an exclusive lock while it is
written. A writer killed half-way (`kill -9`, a power cut) leaves it behind, with SQLite's
`-journal` beside it for a database; the next write of the same target removes those leftovers:
only files of that naming whose lock nobody holds, never other files.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from parkdesk.core.errors import ParkdeskError, os_error_reason

try:
    import fcntl
except ImportError:  # Windows: a leftover is one older than STALE_SECONDS
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 3600
_SIDE_FILES = ("-journal", "-wal", "-shm")


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _lock(f: IO[bytes], wait: bool) -> bool:
    """Take the exclusive lock on an open file; False when another process holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _is_stale(tmp: Path) -> bool:
    """Whether a temporary file of ours is a leftover: no live writer holds its lock."""
    try:
        if fcntl is None:
            return time.time() - tmp.stat().st_mtime > STALE_SECONDS
        with tmp.open("rb") as f:
            return _lock(f, wait=False)
    except OSError:
        return False


def remove_stale_temp_files(path: Path, suffix: str) -> list[Path]:
    """Remove the leftovers of earlier writes of `path` (see the module's docstring)."""
    removed: list[Path] = []
    prefix = _temp_prefix(path)
    try:
        names = os.listdir(path.parent if str(path.parent) else ".")
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(suffix)):
            continue
        tmp = path.with_name(name)
        if not tmp.is_file() or not _is_stale(tmp):
            continue
        for leftover in (tmp.with_name(name + side) for side in _SIDE_FILES):
            with suppress(FileNotFoundError):
                leftover.unlink()
                removed.append(leftover)
        with suppress(FileNotFoundError):
            tmp.unlink()
            removed.append(tmp)
    # A journal whose database went first (removed by hand, or by a cleaner).
    for name in names:
        for side in _SIDE_FILES:
            if name.startswith(prefix) and name.endswith(suffix + side):
                stem = path.with_name(name[: -len(side)])
                if not stem.exists():
                    with suppress(FileNotFoundError):
                        path.with_name(name).unlink()
                        removed.append(path.with_name(name))
    return removed


def _target(path: Path | str) -> Path:
    """The file to replace, checked; problems are ParkdeskError sentences."""
    given = Path(path)
    try:
        # Writing through a link updates the file it points to, and leaves the link in place.
        target = given.resolve() if given.is_symlink() else given
        folder = target.parent if str(target.parent) else Path(".")
        if target.exists() and not target.is_dir() and not target.is_file():
            raise ParkdeskError(f"Cannot write {target}: it is a device or special file, not a file.")
        if target.is_dir():
            raise ParkdeskError(f"Cannot write {target}: it is a folder; give a file name.")
        if folder.exists() and not folder.is_dir():
            raise ParkdeskError(f"Cannot write {target}: {folder} is a file, not a folder.")
        if not folder.is_dir():
            raise ParkdeskError(f"Cannot write {target}: the folder {folder} does not exist.")
    except PermissionError as exc:
        raise ParkdeskError(
            f"Cannot write {given}: you do not have permission to use the folder it is in. "
            "Choose another folder."
        ) from exc
    except OSError as exc:
        raise ParkdeskError(f"Cannot write {given}: {os_error_reason(exc)}.") from exc
    return target


@contextmanager
def replacing(path: Path | str, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path to write; it replaces `path` only if the block succeeds.

    On any failure the temporary file is removed and `path` is left as it was; problems with
    the target are ParkdeskError messages for the user.
    """
    path = _target(path)
    remove_stale_temp_files(path, suffix)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=suffix, dir=path.parent)
    except PermissionError as exc:
        raise ParkdeskError(
            f"Cannot write {path}: you do not have permission to write in {path.parent}. "
            "Choose another folder."
        ) from exc
    except OSError as exc:
        raise ParkdeskError(f"Cannot write {path}: {os_error_reason(exc)}.") from exc
    tmp = Path(tmp_name)
    holder = os.fdopen(fd, "rb")  # holds the lock that tells a live write from a leftover
    _lock(holder, wait=True)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ParkdeskError(f"Cannot write {path}: {os_error_reason(exc)}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        holder.close()


def write_bytes(data: bytes, path: Path | str) -> None:
    """Write `data` to `path` in one piece: never a partial file."""
    with replacing(path) as tmp, tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
