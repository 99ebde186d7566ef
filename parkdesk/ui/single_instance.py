"""One parkdesk window per user and desktop: a second launch hands its `--db` to the first.

The first launch takes a lock file (QLockFile) in the user's runtime folder and, once its window
is painted, listens on a local socket beside it (QLocalServer: QtNetwork costs ~8 ms of
imports, kept off the way to the first paint; the lock alone already tells a later launch
that one is running, and that launch retries until the socket answers). A later launch on the same desktop finds the lock taken,
sends `{"db": PATH}` (or no PATH when it was started on the bundled directory) over the socket,
waits for "ok" and exits 0; the first raises its window and opens that database. A lock left by
a crash (kill -9) names a process that is gone, so QLockFile takes it over; a socket file left
beside it is removed. A running parkdesk that does not answer within a few seconds never
blocks the start: the new one opens its own window.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, QThread, Signal
from PySide6.QtGui import QGuiApplication

from parkdesk.paths import DEFAULT_DB, user_runtime_dir

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ANSWER_MS = 1500  # how long a launch waits for the running one's "ok"
GIVE_UP_S = 4.0  # after this, a running parkdesk that never answers is left alone

Message = dict[str, Any]


def desktop_key() -> str:
    """Which desktop this process shows its windows on ("xcb-0", "wayland-0", "offscreen"):
    one instance per desktop, so a window on another display is not taken over."""
    platform = QGuiApplication.platformName() or "none"
    display = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}.get(platform)
    name = f"{platform}-{os.environ.get(display, '')}" if display else platform
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")


def runtime_folder() -> Path:
    """The user's runtime folder for parkdesk (created, private); the temp folder when the
    platform's (e.g. /run/user/UID) cannot be made."""
    folder = user_runtime_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder
    except OSError:
        pass
    import tempfile

    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    folder = Path(tempfile.gettempdir()) / f"parkdesk-{user}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError("no folder for parkdesk's single-instance lock") from exc
    return folder


def message_for(db: Path) -> Message:
    """What a second launch on `db` sends: the full path (the first may run in another working
    folder), or none for the bundled directory, which then just raises the window."""
    return {"db": None if _same_file(db, DEFAULT_DB) else os.path.abspath(db)}


class Primary(QObject):
    """The running instance: holds the lock, answers later launches once `listen` has been
    called and emits their requests (queued until someone attaches, e.g. while a start-up
    dialog is open)."""

    requested = Signal(dict)

    def __init__(self, lock: QLockFile | None, name: str | None = None) -> None:
        """`lock`: the lock held (None: running alone); `name`: the socket to listen on."""
        super().__init__()
        self._lock = lock
        self._name = name if lock is not None else None
        self._server: QLocalServer | None = None
        self._pending: list[Message] = []
        self._handler: Callable[[Message], None] | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start answering later launches (once; later calls do nothing); False when this
        instance cannot be reached (running alone, or the socket cannot be made)."""
        if self._name is None or self._server is not None:
            return self._server is not None
        from PySide6.QtNetwork import QLocalServer

        name, self._name = self._name, None
        QLocalServer.removeServer(name)  # a socket file a crashed instance left behind
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            print(f"parkdesk: later launches cannot reach this window ({server.errorString()})",
                  file=sys.stderr)
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    @property
    def server_name(self) -> str | None:
        """The socket later launches connect to (None when running alone)."""
        return self._server.fullServerName() if self._server is not None else None

    def attach(self, handler: Callable[[Message], None]) -> None:
        """Call `handler` for every request, starting with those that came before."""
        self._handler = handler
        pending, self._pending = self._pending, []
        for message in pending:
            handler(message)

    def close(self) -> None:
        """Stop answering and release the lock (the next launch becomes the first)."""
        self._name = None  # no listening after this
        for socket in list(self._buffers):
            self._forget(socket)
            socket.abort()
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        # Our slots go first: a socket destroyed while still connected (its server deleted
        # before its disconnect was delivered) would call them from its destructor (a crash).
        if self._buffers.pop(socket, None) is None:
            return
        socket.readyRead.disconnect()
        socket.disconnected.disconnect()
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line)
        except ValueError:
            message = None
        if not isinstance(message, dict):
            socket.disconnectFromServer()  # not a parkdesk launch: ignore it
            return
        socket.write(b"ok\n")
        socket.flush()
        self.requested.emit(message)
        if self._handler is not None:
            self._handler(message)
        else:
            self._pending.append(message)


def hand_over(server_name: str, message: Message, timeout_ms: int = ANSWER_MS) -> bool:
    """Send `message` to the running instance; True once it has answered "ok"."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(json.dumps(message).encode() + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.startswith(b"ok")


def claim(db: Path, folder: Path | None = None, give_up_s: float = GIVE_UP_S,
          listen: bool = True) -> Primary | None:
    """Become the running instance, or hand `db` to the one already running (returns None:
    this launch is done). Needs the QApplication (the desktop is part of the key). Not
    `listen`: the caller calls `listen()` later (the app: after its first paint)."""
    if folder is None:
        folder = runtime_folder()
    else:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = desktop_key()
    lock = QLockFile(str(folder / f"{key}.lock"))
    lock.setStaleLockTime(0)  # held for the app's life: only a dead owner makes it stale
    name = str(folder / f"{key}.socket")
    message = message_for(db)
    give_up = time.monotonic() + give_up_s
    while True:
        if lock.tryLock(0):
            primary = Primary(lock, name)
            if listen:
                primary.listen()
            return primary
        if lock.error() != QLockFile.LockError.LockFailedError:  # cannot write the lock file
            print(f"parkdesk: cannot use the lock file in {folder}; later launches will open "
                  "windows of their own", file=sys.stderr)
            return Primary(None, None)
        if hand_over(name, message):
            return None
        if time.monotonic() > give_up:
            print("parkdesk: another parkdesk holds the lock but does not answer; "
                  "opening a separate window", file=sys.stderr)
            return Primary(None, None)
        QThread.msleep(100)  # the other one has the lock and is about to listen


def present(window: Any, message: Message) -> None:
    """A later launch's request: open its database (if another) and raise the window."""
    from PySide6.QtCore import Qt

    from parkdesk.core.db.directory import Directory
    from parkdesk.core.errors import DatabaseError
    from parkdesk.ui.dialogs import OPEN_ANOTHER, DatabaseErrorDialog

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    db = message.get("db")
    if isinstance(db, str) and not _same_file(Path(db), window.directory.path):
        try:
            window.set_directory(Directory.open(Path(db)))
        except DatabaseError as exc:
            if DatabaseErrorDialog.ask(str(exc), window, "Cancel") == OPEN_ANOTHER:
                window.choose_database()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # missing, or in a folder we cannot enter: the app's open says which
        return False
