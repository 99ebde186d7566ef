"""Real servers for tests: a free port on 127.0.0.1, a server process started on it and
waited for (bounded in time), and stopped when the test is done."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"
START_TIMEOUT = 30.0  # seconds for a server to start listening
STOP_TIMEOUT = 10.0


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def server(command: Sequence[str], port: int, log: Path, cwd: Path | None = None,
           env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command` (a server that will listen on `port`) for the block; its output goes to
    `log`. Fails, with the log, if it exits or does not listen within START_TIMEOUT."""
    with log.open("wb") as out:
        process = subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, cwd=cwd, env=env)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not _listening(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the server did not start: {log.read_text()}")
                time.sleep(0.1)  # (waiting for another process to listen: no event to wait on)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(STOP_TIMEOUT)


_MKCOL = ('<?xml version="1.0" encoding="utf-8"?><d:mkcol xmlns:d="DAV:" '
          'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype>'
          '<d:collection/><c:addressbook/></d:resourcetype></d:prop></d:set></d:mkcol>')


@contextmanager
def radicale_book(folder: Path, user: str, password: str,
                  book: str = "directory") -> Iterator[tuple[str, Path]]:
    """A Radicale CardDAV server for the block (storage and a plain htpasswd file in `folder`)
    holding one empty address book of `user`; yields its URL and the folder of its cards."""
    import sys

    import httpx

    users = folder / "users"
    users.write_text(f"{user}:{password}\n")
    storage = folder / "radicale"
    port = free_port()
    command = [sys.executable, "-m", "radicale", "--config", "", "--server-hosts",
               f"{HOST}:{port}", "--auth-type", "htpasswd", "--auth-htpasswd-filename",
               str(users), "--auth-htpasswd-encryption", "plain",
               "--storage-filesystem-folder", str(storage)]
    with server(command, port, folder / "radicale.log"):
        url = f"http://{HOST}:{port}/{user}/{book}/"
        made = httpx.request("MKCOL", url, content=_MKCOL, auth=(user, password), timeout=20)
        assert made.status_code == 201, made.text
        yield url, storage / "collection-root" / user / book
