"""One window per desktop: a second launch hands its --db to the first and exits 0; a lock left by
a killed parkdesk is taken over."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from parkdesk.paths import DEFAULT_DB
from parkdesk.ui import launch, single_instance
from tests.other_programs import as_plain_user, shut


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short XDG_RUNTIME_DIR of the test's own (a socket path has at most ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="pdk-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _parkdesk(runtime: Path, home: Path, *args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime),
           "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    return subprocess.Popen([sys.executable, "-m", "parkdesk", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_launch_hands_its_db_to_the_first_and_exits_0(
        qtbot, sample_db: Path, tmp_path: Path, runtime: Path) -> None:
    primary = single_instance.claim(sample_db, runtime / "parkdesk")
    assert primary is not None
    window = launch.start(sample_db, tmp_path / "s.ini")
    qtbot.addWidget(window)
    primary.attach(lambda message: single_instance.present(window, message))
    other = tmp_path / "other.db"
    shutil.copyfile(sample_db, other)
    try:
        # A relative path, from another working folder: the first gets the full path.
        second = _parkdesk(runtime, tmp_path, "--db", "other.db", cwd=tmp_path)
        with qtbot.waitSignal(primary.requested, timeout=30_000) as request:
            pass
        assert request.args == [{"db": str(other)}]
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        assert second.returncode == 0, second.stderr.read() if second.stderr else ""
        assert window.directory.path == other
        assert window.isVisible()
    finally:
        primary.close()


def test_a_launch_on_the_bundled_directory_only_raises_the_window(tmp_path: Path) -> None:
    assert single_instance.message_for(DEFAULT_DB) == {"db": None}
    assert single_instance.message_for(Path(os.path.relpath(tmp_path / "x.db"))) == {
        "db": str(tmp_path / "x.db")}


def test_a_db_in_a_folder_the_user_cannot_enter_is_handed_on_not_raised(tmp_path: Path) -> None:
    """The running window (or this one) says what is wrong with it; the hand-over must not."""
    code = ("from pathlib import Path; import sys; from parkdesk.ui.single_instance import "
            "message_for; print(message_for(Path(sys.argv[1])))")
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "parks.db").write_bytes(b"")
    shut(folder)
    run = as_plain_user([sys.executable, "-c", code, str(folder / "parks.db")])
    assert run.stdout.strip() == str({"db": str(folder / "parks.db")}), run.stderr


def test_the_lock_of_a_killed_parkdesk_is_taken_over(
        qtbot, sample_db: Path, tmp_path: Path, runtime: Path) -> None:
    first = _parkdesk(runtime, tmp_path, "--db", str(sample_db), cwd=tmp_path)
    folder = runtime / "parkdesk"
    socket = folder / "offscreen.socket"
    try:
        qtbot.waitUntil(socket.exists, timeout=30_000)
    finally:
        first.kill()  # SIGKILL: no clean-up of its lock or socket
        first.wait()
    assert (folder / "offscreen.lock").exists() and socket.exists()
    primary = single_instance.claim(sample_db, folder, give_up_s=0)
    try:
        assert primary is not None
        assert primary.server_name == str(socket)  # listening again, on the same socket
    finally:
        if primary is not None:
            primary.close()


def test_a_running_parkdesk_that_does_not_answer_never_blocks(
        qapp, sample_db: Path, runtime: Path, capfd) -> None:
    from PySide6.QtCore import QLockFile

    folder = runtime / "parkdesk"
    folder.mkdir()
    held = QLockFile(str(folder / "offscreen.lock"))  # held by a live process, nobody listens
    assert held.tryLock(0)
    try:
        primary = single_instance.claim(sample_db, folder, give_up_s=0.3)
        assert primary is not None and primary.server_name is None
        assert "does not answer; opening a separate window" in capfd.readouterr().err
    finally:
        held.unlock()


def test_the_socket_opens_when_asked_the_lock_is_held_before(qapp, sample_db: Path,
                                                             runtime: Path) -> None:
    """The app takes the lock at once and listens after its first paint (launch)."""
    folder = runtime / "parkdesk"
    primary = single_instance.claim(sample_db, folder, listen=False)
    try:
        assert primary is not None and primary.server_name is None
        assert not (folder / "offscreen.socket").exists()
        from PySide6.QtCore import QLockFile

        other = QLockFile(str(folder / "offscreen.lock"))
        assert not other.tryLock(0)  # a later launch knows one is running
        assert primary.listen() and primary.listen()  # once; a second call changes nothing
        assert primary.server_name == str(folder / "offscreen.socket")
        assert (folder / "offscreen.socket").exists()
    finally:
        if primary is not None:
            primary.close()
    assert primary.listen() is False  # closed: never listens again


def test_a_launch_before_the_first_listens_waits_and_is_handed_over(
        qtbot, sample_db: Path, tmp_path: Path, runtime: Path) -> None:
    from PySide6.QtCore import QTimer

    primary = single_instance.claim(sample_db, runtime / "parkdesk", listen=False)
    assert primary is not None
    try:
        second = _parkdesk(runtime, tmp_path, "--db", str(sample_db), cwd=tmp_path)
        # The first window's paint, a moment later: the second has found the lock meanwhile.
        QTimer.singleShot(300, primary.listen)
        with qtbot.waitSignal(primary.requested, timeout=30_000) as request:
            pass
        assert request.args == [{"db": str(sample_db)}]
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        assert second.returncode == 0, second.stderr.read() if second.stderr else ""
    finally:
        primary.close()


def test_the_app_listens_once_its_window_is_painted(qtbot, sample_db: Path, tmp_path: Path,
                                                    runtime: Path) -> None:
    """A second `parkdesk` started right after the first is handed over, not a second window."""
    first = _parkdesk(runtime, tmp_path, "--db", str(sample_db), cwd=tmp_path)
    folder = runtime / "parkdesk"
    try:
        qtbot.waitUntil((folder / "offscreen.lock").exists, timeout=30_000)
        second = _parkdesk(runtime, tmp_path, "--db", str(sample_db), cwd=tmp_path)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        _out, err = second.communicate()
        assert second.returncode == 0 and "separate window" not in err, err
        assert first.poll() is None  # the first still runs, its window raised
    finally:
        first.kill()
        first.wait()
