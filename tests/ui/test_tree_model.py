"""The tree adapter: shape of the directory, Qt's model checks, lazy paging, paths."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.records import Citation, Entity
from parkdesk.core.tree import DirectoryTree
from parkdesk.ui import tree_model
from parkdesk.ui.tree_model import PAGE_SIZE, DirectoryTreeModel
from tests.sample_data import sample_bundle


def _labels(model: DirectoryTreeModel, parent: QModelIndex) -> list[str]:
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def _child(model: DirectoryTreeModel, parent: QModelIndex, label: str) -> QModelIndex:
    labels = _labels(model, parent)
    return model.index(labels.index(label), 0, parent)


def test_model_passes_qt_model_tester(qtmodeltester, directory: Directory) -> None:
    model = DirectoryTreeModel(DirectoryTree(directory))
    qtmodeltester.check(model)


def test_roles_and_flags_are_qts(directory: Directory) -> None:
    # The model names Qt's roles as ints (see tree_model) and keeps QStandardItemModel's flags:
    # Qt asks flags() of painted rows only, but a Python flags() returns a Qt.ItemFlag, and the
    # first one made builds PySide's whole Qt namespace during the first paint (see
    # enum_properties). Its rows say editable, but the window's tree has no edit triggers.
    roles = Qt.ItemDataRole
    ours = [tree_model.DISPLAY_ROLE, tree_model.DECORATION_ROLE, tree_model.TOOLTIP_ROLE,
            tree_model.NODE_ROLE]
    assert ours == [roles.DisplayRole.value, roles.DecorationRole.value,
                    roles.ToolTipRole.value, roles.UserRole.value + 1]
    model = DirectoryTreeModel(DirectoryTree(directory))
    zone = model.index(0, 0)
    usable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    assert model.flags(zone) & usable == usable
    assert not model.flags(QModelIndex()) & usable
    assert zone.data(Qt.ItemDataRole.DisplayRole) == "Test High-tech Zone"
    assert zone.data(Qt.ItemDataRole.ToolTipRole) and zone.data(tree_model.NODE_ROLE).key == "zone"


def test_roots_are_the_zone_then_a_folder_of_places_outside(directory: Directory) -> None:
    model = DirectoryTreeModel(DirectoryTree(directory))
    assert _labels(model, QModelIndex()) == ["Test High-tech Zone", "Beyond the zone (1)"]
    beyond = _child(model, QModelIndex(), "Beyond the zone (1)")
    assert _labels(model, beyond) == ["Riverside Park"]
    path = DirectoryTree(directory).path_to("river-co")
    assert [n.label for n in path][:2] == ["Beyond the zone", "Riverside Park"]
    assert model.index_of_path(path).data() == "Riverside Robotics"


def test_zone_holds_five_parks_then_zone_wide_folders(directory: Directory) -> None:
    model = DirectoryTreeModel(DirectoryTree(directory))
    zone = model.index(0, 0)
    assert _labels(model, zone) == [
        "Chancheng Park", "Gaoming Park", "Nanhai Park", "Sanshui Park", "Shunde Park",
        "Enterprises & institutions (1)", "People (1)", "Contacts (3)",
    ]
    assert _labels(model, _child(model, zone, "People (1)")) == ["Pan Test"]
    assert _labels(model, _child(model, zone, "Enterprises & institutions (1)")) == [
        "Management Committee"
    ]


def test_each_park_shows_its_folders_with_counts(directory: Directory) -> None:
    model = DirectoryTreeModel(DirectoryTree(directory))
    zone = model.index(0, 0)
    shunde = _child(model, zone, "Shunde Park")
    assert _labels(model, shunde) == [
        "Projects & carriers (1)", "Enterprises & institutions (1)", "Contacts (1)",
    ]
    assert _labels(model, _child(model, shunde, "Projects & carriers (1)")) == [
        "Lighthouse Innovation Centre"
    ]
    assert _labels(model, _child(model, shunde, "Enterprises & institutions (1)")) == [
        "Andao Test Devices Co., Ltd."
    ]
    assert _labels(model, _child(model, shunde, "Contacts (1)")) == [
        "Shunde Park: 0757 2636 3972"
    ]
    gaoming = _child(model, zone, "Gaoming Park")
    assert _labels(model, gaoming) == ["Contacts (1)"]
    for empty in ("Chancheng Park", "Nanhai Park", "Sanshui Park"):
        index = _child(model, zone, empty)
        assert not model.hasChildren(index)
        assert _labels(model, index) == []


def test_every_row_has_a_kind_icon_once_icons_are_loaded(qapp, directory: Directory) -> None:
    from parkdesk.ui import icons

    icons.enable()
    model = DirectoryTreeModel(DirectoryTree(directory))
    zone = model.index(0, 0)
    for row in range(len(_labels(model, zone))):
        icon = model.index(row, 0, zone).data(Qt.ItemDataRole.DecorationRole)
        assert icon is not None and not icon.isNull()


def _big_park_db(tmp_path: Path, n: int) -> Path:
    bundle = sample_bundle()
    for i in range(n):
        bundle.entities.append(
            Entity(f"e{i:05d}", "enterprise", f"Firm {i:05d}", "park-nanhai",
                   sources=[Citation("a1", 1, 0, 4, "Firm")])
        )
    path = tmp_path / "big.db"
    write_bundle(bundle, path, {"built_at": "2026-01-01"})
    return path


def test_a_large_folder_has_all_its_rows_at_once_and_reads_them_in_pages(
        qtmodeltester, tmp_path: Path) -> None:
    n = 2 * PAGE_SIZE + 50
    directory = Directory.open(_big_park_db(tmp_path, n))
    model = DirectoryTreeModel(DirectoryTree(directory), cached_pages=2)
    zone = model.index(0, 0)
    nanhai = _child(model, zone, "Nanhai Park")
    folder = _child(model, nanhai, f"Enterprises & institutions ({n})")
    assert model.hasChildren(folder)
    assert model.rowCount(folder) == n  # the stored count, before any row is read
    assert not model.canFetchMore(folder)
    assert model.cached_rows() == 0
    assert model.index(n - 1, 0, folder).data() == f"Firm {n - 1:05d}"
    assert model.cached_rows() == n - 2 * PAGE_SIZE  # the last page alone
    names = [model.index(r, 0, folder).data() for r in range(n)]
    assert names == [f"Firm {i:05d}" for i in range(n)]
    assert model.cached_rows() <= 2 * PAGE_SIZE  # pages read before are dropped
    qtmodeltester.check(model)
    directory.close()


def test_path_to_an_item_deep_in_a_large_folder_is_found(tmp_path: Path) -> None:
    n = 2 * PAGE_SIZE + 50
    directory = Directory.open(_big_park_db(tmp_path, n))
    tree = DirectoryTree(directory)
    model = DirectoryTreeModel(tree)
    index = model.index_of_path(tree.path_to(f"e{n - 3:05d}"))
    assert index.data() == f"Firm {n - 3:05d}"
    assert index.parent().data() == f"Enterprises & institutions ({n})"
    assert index.parent().parent().data() == "Nanhai Park"
    directory.close()


def test_model_follows_a_new_directory(directory: Directory, tmp_path: Path) -> None:
    model = DirectoryTreeModel(DirectoryTree(directory))
    other = Directory.open(_big_park_db(tmp_path, 3))
    model.set_tree(DirectoryTree(other))
    nanhai = _child(model, model.index(0, 0), "Nanhai Park")
    assert _labels(model, nanhai) == ["Enterprises & institutions (3)"]
    other.close()
