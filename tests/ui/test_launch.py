"""Start-up: a clear line when no window can open, a dialog (never a write) for a bad database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parkdesk.core.db.schema import APPLICATION_ID
from parkdesk.ui import launch
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.platform_check import display_problem, missing_packages
from tests.ui.conftest import answer_file_dialog, answer_next_dialog

REPO = Path(__file__).resolve().parents[2]


def _missing(path: Path) -> Path:
    return path.parent / "missing.db"


def _zero_bytes(path: Path) -> Path:
    target = path.parent / "empty.db"
    target.write_bytes(b"")
    return target


def _truncated(path: Path) -> Path:
    target = path.parent / "truncated.db"
    data = path.read_bytes()
    target.write_bytes(data[: len(data) // 3])
    return target


def _not_sqlite(path: Path) -> Path:
    target = path.parent / "notes.db"
    target.write_text("These are my notes, not a database.\n")
    return target


def _other_sqlite(path: Path) -> Path:
    target = path.parent / "other.db"
    con = sqlite3.connect(target)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return target


def _with_version(path: Path, version: int) -> Path:
    target = path.parent / f"version{version}.db"
    target.write_bytes(path.read_bytes())
    con = sqlite3.connect(target)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()
    return target


def _older_version(path: Path) -> Path:
    return _with_version(path, 1)


def _newer_version(path: Path) -> Path:
    return _with_version(path, 999)


REBUILD = "parkdesk import ../shared/articles -o "
BAD = {
    "missing": (_missing, "does not exist", REBUILD),
    "zero-byte": (_zero_bytes, "is empty (0 bytes)", REBUILD),
    "truncated": (_truncated, "damaged", REBUILD),
    "not SQLite": (_not_sqlite, "is not an SQLite database", REBUILD),
    "other SQLite": (_other_sqlite, "not a parkdesk database", REBUILD),
    "older schema": (_older_version, "schema version 1;", REBUILD),
    "newer schema": (_newer_version, "made by a newer parkdesk", "Upgrade parkdesk"),
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_database_gets_a_dialog_and_is_left_untouched(qapp, sample_db: Path, case) -> None:
    make, words, hint = BAD[case]
    bad = make(sample_db)
    before = _snapshot(sample_db.parent)
    answers = answer_next_dialog("Quit")
    assert launch.open_directory(bad) is None
    assert len(answers) == 1
    dialog = answers[0]
    assert words in dialog["text"]
    assert hint in dialog["informative"]
    assert "Traceback" not in dialog["text"]
    assert dialog["format"].endswith("PlainText")
    assert _snapshot(sample_db.parent) == before  # byte-identical; nothing created
    if case == "missing":
        assert not bad.exists()


def test_launch_returns_1_after_the_dialog(qapp, sample_db: Path) -> None:
    bad = _not_sqlite(sample_db)
    answers = answer_next_dialog("Quit")
    assert launch.launch(bad) == 1
    assert answers and "is not an SQLite database" in answers[0]["text"]


def test_start_shows_the_window_for_a_good_database(qtbot, sample_db, tmp_path) -> None:
    window = launch.start(sample_db, tmp_path / "s.ini")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.windowTitle() == "parkdesk — sample.db"


def test_opening_a_bad_database_from_the_menu_keeps_the_current_one(window, sample_db) -> None:
    bad = _zero_bytes(sample_db)
    before = _snapshot(sample_db.parent)
    files = answer_file_dialog(bad)
    answers = answer_next_dialog("Cancel")
    window.choose_database()
    assert files == ["Open database"]
    assert answers and "is empty (0 bytes)" in answers[0]["text"]
    assert window.directory.path == sample_db
    assert _snapshot(sample_db.parent) == before


def test_open_another_database_from_the_error_dialog(qapp, sample_db: Path) -> None:
    bad = _not_sqlite(sample_db)
    answers = answer_next_dialog("Open Another Database…")
    files = answer_file_dialog(sample_db)
    directory = launch.open_directory(bad)
    assert answers and files
    assert directory is not None and directory.path == sample_db
    directory.close()


# -- no display ------------------------------------------------------------------------------

def _loader(missing: set[str]):
    def load(name: str) -> object:
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file")
        return name

    return load


def test_missing_xcb_library_names_the_package() -> None:
    env = {"DISPLAY": ":0"}
    problem = display_problem(env, "linux", _loader({"libxcb-cursor.so.0"}))
    assert problem == (
        "cannot open a window: install libxcb-cursor0 (apt-get install libxcb-cursor0)"
    )
    problem = display_problem(env, "linux", _loader({"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}))
    assert problem == ("cannot open a window: install libxcb-icccm4 libxcb-keysyms1 "
                       "(apt-get install libxcb-icccm4 libxcb-keysyms1)")


def test_no_display_is_one_clear_line() -> None:
    problem = display_problem({}, "linux", _loader(set()))
    assert problem is not None and "no display" in problem and "\n" not in problem


def test_checks_are_skipped_when_qt_is_told_what_to_use() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", _loader({"x"})) is None
    assert display_problem({}, "darwin", _loader(set())) is None
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}
    assert display_problem(env, "linux", _loader({"libxcb-cursor.so.0"})) is None


def test_this_machine_has_the_xcb_libraries() -> None:
    assert missing_packages() == []


def _run_app(env_changes: dict[str, str | None], db: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "parkdesk", "--db", str(db)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=60,
    )


def test_parkdesk_without_a_display_says_so_in_one_line(sample_db: Path) -> None:
    result = _run_app({"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None},
                      sample_db)
    assert result.returncode == 1
    assert result.stderr.startswith("parkdesk: cannot open a window: no display")
    assert result.stderr.count("\n") == 1


def test_parkdesk_with_a_dead_display_says_so_in_one_line(sample_db: Path) -> None:
    result = _run_app({"QT_QPA_PLATFORM": None, "DISPLAY": ":987", "WAYLAND_DISPLAY": None},
                      sample_db)
    assert result.returncode == 1
    assert result.stderr == "parkdesk: cannot open a window: no X server answers on DISPLAY=:987\n"


FIRST_PAINT_PROBE = """
import sys
import PySide6.QtCore as core
from parkdesk.ui.launch import application, start

app = application()
made = {}

class Probe(core.QObject):
    def eventFilter(self, obj, event):
        if event.type() == core.QEvent.Type.Expose and obj.isWindowType() and not made:
            made["expose"] = True  # runs once the expose has been painted, before anything else
            core.QTimer.singleShot(0, lambda: (made.update(qt="Qt" in vars(core)), app.quit()))
        return False

probe = Probe()
app.installEventFilter(probe)
window = start(sys.argv[1], sys.argv[2])
core.QTimer.singleShot(20_000, app.quit)
app.exec()
print(made)
"""


def test_the_first_paint_does_not_wait_for_pysides_qt_namespace(sample_db, tmp_path) -> None:
    """PySide makes all ~90 enums of its `Qt` namespace on its first use (~17 ms of start-up);
    the modules on the start-up path set enum properties by name (enum_properties) instead."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(sample_db), str(tmp_path / "s.ini")],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == "{'expose': True, 'qt': False}", result.stderr
