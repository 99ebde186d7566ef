"""The tree view keeps loading a big folder in the middle of the tree as the user scrolls it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.records import ENTERPRISE, INSTITUTION, ORGANISATION
from parkdesk.core.tree import GROUP, DirectoryTree
from parkdesk.ingest.synth import synth_bundle
from parkdesk.ui.tree_model import PAGE_SIZE, DirectoryTreeModel
from parkdesk.ui.tree_view import LazyTreeView


def open_big_folder(qtbot, tmp_path: Path):
    """A view on a synthetic directory with Nanhai Park's big folder expanded (one page)."""
    path = tmp_path / "synth.db"
    write_bundle(synth_bundle(4000, 5), path, {"built_at": "2026-01-01T00:00:00Z"})
    directory = Directory.open(path)
    tree = DirectoryTree(directory)
    model = DirectoryTreeModel(tree)
    view = LazyTreeView()
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
    qtbot.waitUntil(lambda: model.rowCount(folder) >= PAGE_SIZE)
    return directory, model, view, folder


def test_scrolling_through_a_folder_loads_all_of_it(qtbot, tmp_path: Path) -> None:
    directory, model, view, folder = open_big_folder(qtbot, tmp_path)
    total = directory.count_children("park-nanhai", (ENTERPRISE, INSTITUTION, ORGANISATION))
    assert total > 4 * PAGE_SIZE
    assert model.rowCount(folder) < total  # one page: its end is off screen
    # Sanshui and Shunde Park follow the folder, so QTreeView alone would never ask for more.
    assert view.indexBelow(model.index(model.rowCount(folder) - 1, 0, folder)).isValid()
    while model.rowCount(folder) < total:
        loaded = model.rowCount(folder)
        view.scrollTo(model.index(loaded - 1, 0, folder),
                      QAbstractItemView.ScrollHint.PositionAtBottom)
        qtbot.waitUntil(lambda n=loaded: model.rowCount(folder) > n)
    assert not model.canFetchMore(folder)
    names = [model.index(r, 0, folder).data() for r in range(total)]
    assert names == [e.name for e in directory.children("park-nanhai", (ENTERPRISE, INSTITUTION,
                                                                       ORGANISATION))]
    directory.close()


def test_pages_keep_doubling_so_a_scroll_to_the_end_lays_out_each_row_about_twice() -> None:
    from parkdesk.ui.tree_model import page_after

    loaded, pages, laid_out = 0, 0, 0
    while loaded < 254_000:  # the biggest folder at a million enterprises
        loaded += page_after(loaded)
        pages += 1
        laid_out += loaded  # after each fetch the view lays out every loaded row again
    assert pages <= 12
    assert laid_out <= 2.2 * loaded


def total_of(directory: Directory) -> int:
    return directory.count_children("park-nanhai", (ENTERPRISE, INSTITUTION, ORGANISATION))


def test_selecting_a_row_just_below_a_folder_loads_one_page_of_it(qtbot, tmp_path: Path) -> None:
    directory, model, view, folder = open_big_folder(qtbot, tmp_path)
    while model.rowCount(folder) < 2 * PAGE_SIZE:  # scrolled through: pages grow
        loaded = model.rowCount(folder)
        view.scrollTo(model.index(loaded - 1, 0, folder),
                      QAbstractItemView.ScrollHint.PositionAtBottom)
        qtbot.waitUntil(lambda n=loaded: model.rowCount(folder) > n)
    view.scrollToTop()
    qtbot.waitUntil(lambda: not view._check.isActive())
    loaded = model.rowCount(folder)
    # A grown page would add min(loaded, what is left) rows: more than one page.
    assert loaded > PAGE_SIZE and loaded + PAGE_SIZE < total_of(directory)
    below = view.indexBelow(model.index(loaded - 1, 0, folder))  # the row after the folder
    assert below.isValid() and below.parent() != folder
    view.setCurrentIndex(below)  # the view scrolls to it: the folder's end is on screen
    qtbot.waitUntil(lambda: model.rowCount(folder) > loaded)
    qtbot.waitUntil(lambda: not view._check.isActive())
    # A page (and the one QTreeView itself asks for while laying out), not a doubling.
    after = model.rowCount(folder)
    assert after <= loaded + 2 * PAGE_SIZE < total_of(directory)
    assert not view.fetch_visible()  # its end is off screen again
    directory.close()
