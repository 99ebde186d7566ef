"""The app's log: `logging` to a rotating file in the user's log folder (paths.user_log_dir)."""

from __future__ import annotations

import logging
from pathlib import Path

from parkdesk import __version__

LOG_NAME = "parkdesk.log"
MAX_BYTES = 1_000_000  # then parkdesk.log.1 ... .3: a few MB at most, never growing for ever
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
_LOGGER = logging.getLogger("parkdesk")


def setup(folder: Path) -> Path | None:
    """Log parkdesk's messages (INFO and up) to `folder`/parkdesk.log, replacing an earlier
    set-up; the file's path, or None when the folder cannot be written (nothing is logged)."""
    for handler in [h for h in _LOGGER.handlers if getattr(h, "parkdesk_file", False)]:
        _LOGGER.removeHandler(handler)
        handler.close()
    import logging.handlers  # socket, pickle and queue with it: ~6 ms, kept off the start path

    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
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
