"""Writing a file all at once: a temporary file beside the target, renamed over it on success."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from parkdesk.core.errors import ParkdeskError


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc) or "not writable").lower()


@contextmanager
def replacing(path: Path | str, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path to write; it replaces `path` only if the block succeeds.

    On any failure the temporary file is removed and `path` is left as it was; problems with
    the target are ParkdeskError messages for the user.
    """
    # Writing through a link updates the file it points to, and leaves the link in place.
    path = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not path.is_dir() and not path.is_file():
        raise ParkdeskError(f"Cannot write {path}: it is a device or special file, not a file.")
    if path.is_dir():
        raise ParkdeskError(f"Cannot write {path}: it is a folder; give a file name.")
    if folder.exists() and not folder.is_dir():
        raise ParkdeskError(f"Cannot write {path}: {folder} is a file, not a folder.")
    if not folder.is_dir():
        raise ParkdeskError(f"Cannot write {path}: the folder {folder} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=folder)
    except OSError as exc:
        raise ParkdeskError(f"Cannot write {path}: {_reason(exc)}.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ParkdeskError(f"Cannot write {path}: {_reason(exc)}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(data: bytes, path: Path | str) -> None:
    """Write `data` to `path` in one piece: never a partial file."""
    with replacing(path) as tmp, tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
