"""A big folder in the tree: all its rows at once, only the rows shown read, in name order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.records import ENTERPRISE, INSTITUTION, ORGANISATION
from parkdesk.core.tree import ENTITY, GROUP, DirectoryTree
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.settings import Settings
from parkdesk.ui.tree_model import DirectoryTreeModel

ORGS = (ENTERPRISE, INSTITUTION, ORGANISATION)
PAGE, PAGES = 50, 3  # small pages, few kept: a folder of ~1,000 rows is twenty pages


def synth_db(tmp_path: Path) -> Path:
    path = tmp_path / "synth.db"
    write_bundle(synth_bundle_of(4000), path, {"built_at": "2026-01-01T00:00:00Z"})
    return path


def synth_bundle_of(enterprises: int):
    from parkdesk.ingest.synth import synth_bundle

    return synth_bundle(enterprises, 5)


def open_big_folder(qtbot, directory: Directory):
    """A view on the directory with Nanhai Park's big folder expanded."""
    tree = DirectoryTree(directory)
    model = DirectoryTreeModel(tree, page_size=PAGE, cached_pages=PAGES)
    view = QTreeView()
    view.setUniformRowHeights(True)
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    park = model.index_of_path(tree.path_to("park-nanhai"))
    view.expand(park.parent())
    view.expand(park)
    folder = model.find_child(park, GROUP, "park-nanhai/organisations")
    view.expand(folder)
    view.scrollTo(folder, QTreeView.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: view.isExpanded(folder))
    return model, view, folder


def test_a_big_folder_shows_all_its_rows_at_once_and_reads_only_those_shown(
        qtbot, tmp_path: Path) -> None:
    directory = Directory.open(synth_db(tmp_path))
    model, view, folder = open_big_folder(qtbot, directory)
    children = directory.children("park-nanhai", ORGS)
    total = directory.count_children("park-nanhai", ORGS)
    assert total == len(children) > 10 * PAGE
    assert model.rowCount(folder) == total
    assert folder.data() == f"Enterprises & institutions ({total:,})"
    view.scrollToBottom()
    last = model.index(total - 1, 0, folder)
    qtbot.waitUntil(lambda: view.visualRect(last).isValid()
                    and view.viewport().rect().contains(view.visualRect(last)))
    view.viewport().repaint()
    assert last.data() == children[-1].name
    # Scrolled from the top to the end: the pages shown, not the folder, are held.
    assert model.cached_rows() <= PAGES * PAGE
    # Every row, in the order of the directory's children (name, then id), from pages.
    assert [model.node(model.index(r, 0, folder)).key for r in range(total)] == [
        e.id for e in children]
    assert model.cached_rows() <= PAGES * PAGE
    directory.close()


def test_keys_move_to_and_from_the_last_row_of_a_big_folder(qtbot, tmp_path: Path) -> None:
    directory = Directory.open(synth_db(tmp_path))
    model, view, folder = open_big_folder(qtbot, directory)
    children = directory.children("park-nanhai", ORGS)
    total = model.rowCount(folder)
    view.setFocus()
    view.setCurrentIndex(model.index(total - 1, 0, folder))
    view.scrollTo(view.currentIndex())
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert model.node(view.currentIndex()).key == children[-2].id
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # out of the folder, to the one after it
    assert model.node(view.currentIndex()).key == "park-nanhai/people"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert model.node(view.currentIndex()).key == children[-1].id
    assert model.cached_rows() <= PAGES * PAGE
    directory.close()


def test_enter_on_a_hit_deep_in_a_big_folder_selects_it(qtbot, tmp_path: Path) -> None:
    db = synth_db(tmp_path)
    probe = Directory.open(db)
    deep = probe.children("park-nanhai", ORGS)[-3]
    total = len(probe.children("park-nanhai", ORGS))
    probe.close()
    window = MainWindow(Directory.open(db), Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.search.field, deep.name)
    qtbot.waitUntil(lambda: bool(window.search.hits())
                    and window.search.hits()[0].entity_id == deep.id)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    current = window.tree_view.currentIndex()
    assert window.current_node().key == deep.id
    assert current.parent().data().startswith("Enterprises & institutions")
    assert window.tree_view.isExpanded(current.parent())
    assert window.model.rowCount(current.parent()) == current.row() + 3
    assert deep.name in window.detail.toPlainText() or window.detail.page_pending
    # The pages of the rows on screen (Nanhai's folder holds five times as many).
    assert window.model.cached_rows() <= 2 * window.model.page_size < total / 2


def test_the_users_hidden_and_added_records_show_in_a_big_folder(qtbot, tmp_path: Path) -> None:
    data = open_user_data(synth_db(tmp_path), tmp_path / "user" / "userstore.db")
    before = data.directory.children("park-nanhai", ORGS)
    hidden = before[len(before) // 2]
    added = ch.add_entity(ENTERPRISE, "Zzz Last Test Works", "park-nanhai")
    data.record("Hide one, add one", [ch.hide("entity", hidden.id), added])
    model, _view, folder = open_big_folder(qtbot, data.directory)
    total = len(before)  # one hidden, one added
    assert model.rowCount(folder) == total
    assert folder.data() == f"Enterprises & institutions ({total:,})"
    park = folder.parent()
    assert not model.find_child(folder, ENTITY, hidden.id).isValid()
    row = model.find_child(folder, ENTITY, added["id"])
    assert row.row() == total - 1 and row.data() == "Zzz Last Test Works"
    keys = [model.node(model.index(r, 0, folder)).key for r in range(total)]
    assert hidden.id not in keys and keys[-1] == added["id"]
    assert model.index_of_path(DirectoryTree(data.directory).path_to(added["id"])) == row
    assert park.isValid()
    data.close()


def test_rows_read_while_the_file_is_locked_say_so_and_are_read_again(
        qtbot, tmp_path: Path) -> None:
    from parkdesk.core.db.connect import UI_BUSY_TIMEOUT
    from tests.other_programs import locked_by_another_program

    db = synth_db(tmp_path)
    directory = Directory.open(db, timeout=UI_BUSY_TIMEOUT)
    model, _view, folder = open_big_folder(qtbot, directory)
    total = model.rowCount(folder)
    last = model.index(total - 1, 0, folder)
    with locked_by_another_program(db):
        with qtbot.waitSignal(model.read_failed) as failed:
            assert model.node(last) is None  # an empty row, not an error
        assert "locked by another program" in failed.args[0]
        assert model.rowCount(folder) == total
    assert model.node(last).key == directory.children("park-nanhai", ORGS)[-1].id
    directory.close()
