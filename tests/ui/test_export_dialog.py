"""File › Export…: the dialog's choices, the export it performs, and that it equals the CLI's."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.ui import export_dialog as export_dialog_module
from parkdesk.ui.export_dialog import (
    EVERYTHING_CHOICE,
    SELECTION,
    THIS_PARK,
    ExportDialog,
    park_scope,
    perform_export,
    show_export_dialog,
)
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from tests.core.test_export_support import write_rich_db
from tests.ui.conftest import answer_file_dialog, answer_next_dialog


@pytest.fixture
def rich_db(tmp_path: Path) -> Path:
    (tmp_path / "db").mkdir()
    return write_rich_db(tmp_path / "db")


@pytest.fixture
def rich(rich_db: Path):
    directory = Directory.open(rich_db)
    yield directory
    directory.close()


def _dialog(qtbot, directory: Directory, entity_id: str | None, folder: Path) -> ExportDialog:
    dialog = ExportDialog(directory, entity_id, folder=folder)
    qtbot.addWidget(dialog)
    return dialog


def drive_export_dialog(which: str, fmt: str, path: Path | None, seen: list) -> None:
    """When the modal export dialog opens: choose, then press Export (or Cancel without path)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog)
        if path is None:
            dialog.reject()
            return
        dialog.set_which(which)
        dialog.set_format(fmt)
        dialog.set_path(path)
        dialog.export_button.click()

    QTimer.singleShot(0, answer)


def test_defaults_follow_the_selection(qtbot, rich: Directory, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, rich, "li", tmp_path)
    assert dialog.scope_buttons[SELECTION].text() == "Selection: Li Mingzhu"
    assert dialog.scope_buttons[THIS_PARK].text() == "This park: Shunde Park"
    assert dialog.which() == THIS_PARK
    assert dialog.format() == "json"
    assert dialog.path() == tmp_path / "parkdesk-shunde-park.json"
    dialog.set_format("vcard")
    assert dialog.path() == tmp_path / "parkdesk-shunde-park.vcf"
    dialog.set_which(SELECTION)
    assert dialog.path() == tmp_path / "parkdesk-li-mingzhu.vcf"
    choice = dialog.choice()
    assert (choice.which, choice.scope.entity_id, choice.format) == (SELECTION, "li", "vcard")


def test_nothing_selected_offers_everything_only(qtbot, rich: Directory, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, rich, None, tmp_path)
    assert not dialog.scope_buttons[SELECTION].isEnabled()
    assert not dialog.scope_buttons[THIS_PARK].isEnabled()
    assert dialog.which() == EVERYTHING_CHOICE
    assert dialog.path() == tmp_path / "parkdesk-directory.json"


def test_zone_items_export_the_zone_wide_part(rich: Directory) -> None:
    assert park_scope(rich, "committee").kind == "zone"
    assert park_scope(rich, "zone").kind == "zone"
    assert park_scope(rich, "river-co").entity_id == "outside"
    assert park_scope(rich, "park-shunde").entity_id == "park-shunde"
    assert park_scope(rich, None) is None


def test_typed_path_keeps_its_name_and_follows_the_format(
    qtbot, rich: Directory, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, rich, "li", tmp_path)
    qtbot.keyClicks(dialog.path_edit, "")
    dialog.path_edit.clear()
    assert not dialog.export_button.isEnabled()
    qtbot.keyClicks(dialog.path_edit, "contacts.json")
    assert dialog.export_button.isEnabled()
    assert dialog.path() == tmp_path / "contacts.json"  # relative: in the suggested folder
    dialog.set_format("csv")
    assert dialog.path() == tmp_path / "contacts.csv"
    dialog.set_which(EVERYTHING_CHOICE)
    assert dialog.path() == tmp_path / "contacts.csv"  # the user's own name is kept


def test_browse_sets_the_path(qtbot, rich: Directory, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, rich, "li", tmp_path)
    dialog.set_format("csv")
    seen = answer_file_dialog(tmp_path / "picked")
    dialog.browse()
    assert seen == ["Export to"]
    assert dialog.path() == tmp_path / "picked.csv"


@pytest.mark.parametrize("fmt", ["json", "vcard", "csv"])
def test_app_and_cli_write_identical_files(
    qtbot, rich: Directory, rich_db: Path, tmp_path: Path, fmt: str
) -> None:
    seen: list = []
    drive_export_dialog(THIS_PARK, fmt, tmp_path / f"app.{fmt}", seen)
    choice = ExportDialog.ask(None, rich, "lighthouse")
    assert seen and choice is not None
    perform_export(rich, choice)
    cli = tmp_path / f"cli.{fmt}"
    assert main(["export", "--format", fmt, "--park", "Shunde", "--db", str(rich_db),
                 "-o", str(cli)]) == 0
    assert (tmp_path / f"app.{fmt}").read_bytes() == cli.read_bytes()


def test_cancel_returns_none(qtbot, rich: Directory) -> None:
    seen: list = []
    drive_export_dialog(THIS_PARK, "json", None, seen)
    assert ExportDialog.ask(None, rich, "li") is None
    assert seen


def test_existing_file_needs_confirmation(qtbot, rich: Directory, tmp_path: Path) -> None:
    target = tmp_path / "old.json"
    target.write_text("old")
    dialog = _dialog(qtbot, rich, "li", tmp_path)
    dialog.set_path(target)
    replies = answer_next_dialog("&No")
    dialog.accept()
    assert replies and "old.json already exists" in replies[0]["text"]
    assert dialog.result() == 0 and target.read_text() == "old"
    replies = answer_next_dialog("&Yes")
    dialog.accept()
    assert replies and dialog.result() == 1


@pytest.fixture
def window(qtbot, rich_db: Path, tmp_path: Path) -> MainWindow:
    w = MainWindow(Directory.open(rich_db), Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_file_export_menu_writes_the_selected_park(qtbot, window: MainWindow, tmp_path: Path) -> None:
    assert window.select_entity("li")
    seen: list = []
    target = tmp_path / "shunde.vcf"
    drive_export_dialog(THIS_PARK, "vcard", target, seen)
    window.window_actions.export.trigger()
    assert seen
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported"))
    cards = vobject.readComponents(target.read_text("utf-8"))
    assert [(c.version.value, c.fn.value) for c in cards] == [
        ("3.0", "Shunde Park"), ("3.0", "Li Mingzhu")
    ]
    assert window.statusBar().currentMessage().startswith(f"Exported Shunde Park to {target}")


def test_failed_export_says_why_and_writes_nothing(qtbot, rich: Directory, tmp_path: Path) -> None:
    seen: list = []
    target = tmp_path / "missing" / "out.csv"
    drive_export_dialog(EVERYTHING_CHOICE, "csv", target, seen)
    replies = answer_next_dialog()  # waits for the message box after the export dialog
    job = show_export_dialog(None, rich, "li")
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert seen and replies
    assert replies[0]["title"] == "Export failed"
    assert replies[0]["text"] == (
        f"Cannot write {target}: the folder {target.parent} does not exist."
    )
    assert list(tmp_path.iterdir()) == [tmp_path / "db"]


def test_export_runs_off_the_ui_thread(qtbot, rich: Directory, tmp_path: Path) -> None:
    import threading

    seen: list = []
    target = tmp_path / "all.json"
    drive_export_dialog(EVERYTHING_CHOICE, "json", target, seen)
    threads: list[str] = []
    original = export_dialog_module.perform_export

    def spy(directory: Directory, choice, *rest):
        threads.append(threading.current_thread().name)
        return original(directory, choice, *rest)

    export_dialog_module.perform_export = spy
    try:
        job = show_export_dialog(None, rich, "li")
        with qtbot.waitSignal(job.finished, timeout=10_000):
            pass
    finally:
        export_dialog_module.perform_export = original
    assert threads and threads[0] != threading.main_thread().name
    assert target.read_bytes().startswith(b"{")
