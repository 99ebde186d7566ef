"""The app's log: `logging` to a rotating file in the user's log folder (paths.user_log_dir)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from parkdesk import __version__

LOG_NAME = "parkdesk.log"
MAX_BYTES = 1_000_000  # then parkdesk.log.1 ... .3: a few MB at most, never growing for ever
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
_LOGGER = logging.getLogger("parkdesk")


class RotatingLog(logging.FileHandler):
    """A log file moved aside to `NAME.1` (`.1` to `.2`…, the last of BACKUPS dropped) when a
    record would take it past MAX_BYTES: logging.handlers.RotatingFileHandler's rule, without
    importing logging.handlers (socket, pickle and queue come with it: ~6 ms before the
    window's first paint)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, mode="a", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stream = self.stream
            if stream is not None:
                stream.seek(0, os.SEEK_END)  # (text-mode tell is defined at known places only)
                size = stream.tell()
                if size and size + len(self.format(record)) + 1 > MAX_BYTES:
                    stream.close()
                    try:
                        self._move_aside()
                    finally:  # moved or not, the log goes on
                        self.stream = self._open()
        except Exception:  # as logging does: a failing log never stops the app
            self.handleError(record)
            return
        super().emit(record)

    def _move_aside(self) -> None:
        base = self.baseFilename
        for n in range(BACKUPS - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        os.replace(base, f"{base}.1")


def setup(folder: Path) -> Path | None:
    """Log parkdesk's messages (INFO and up) to `folder`/parkdesk.log, replacing an earlier
    set-up; the file's path, or None when the folder cannot be written (nothing is logged)."""
    for handler in [h for h in _LOGGER.handlers if getattr(h, "parkdesk_file", False)]:
        _LOGGER.removeHandler(handler)
        handler.close()
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingLog(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.parkdesk_file = True  # type: ignore[attr-defined]
    _LOGGER.addHandler(handler)
    _LOGGER.setLevel(logging.INFO)
    _LOGGER.info("parkdesk %s started", __version__)
    return path


def log_file() -> Path | None:
    """The file parkdesk logs to now, or None."""
    for handler in _LOGGER.handlers:
        if isinstance(handler, logging.FileHandler) and getattr(handler, "parkdesk_file", False):
            return Path(handler.baseFilename)
    return None
