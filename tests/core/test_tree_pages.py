"""The tree's pages of a big folder: any page, in any order, is the same rows in the same order,
and a row's number is a query (core/tree.py over core/db/tree_pages.py: child_keys and child_position)."""

from __future__ import annotations

import random
from pathlib import Path

from parkdesk.core.db import tree_pages
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.records import Citation, Entity
from parkdesk.core.tree import ENTITY, DirectoryTree
from tests.sample_data import sample_bundle

N = 450


def _big_folder(tmp_path: Path) -> Directory:
    """Nanhai Park with N enterprises, names repeated (ties are ordered by id), and one that
    has children of its own."""
    bundle = sample_bundle()
    for i in range(N):
        bundle.entities.append(Entity(f"e{(i * 7919) % 1000:04d}-{i}", "enterprise",
                                      f"Firm {i // 3:03d}", "park-nanhai",
                                      sources=[Citation("a1", 1, 0, 4, "Firm")]))
    bundle.entities.append(Entity("sub-1", "enterprise", "Branch", "e0000-0",
                                  sources=[Citation("a1", 1, 0, 4, "Firm")]))
    path = tmp_path / "big.db"
    write_bundle(bundle, path, {"built_at": "2026-01-01"})
    return Directory.open(path)


def test_pages_read_in_any_order_are_the_folders_rows(tmp_path: Path) -> None:
    directory = _big_folder(tmp_path)
    tree = DirectoryTree(directory)
    folder = next(n for n in tree.children(tree.path_to("park-nanhai")[-1])
                  if n.key.endswith("/organisations"))
    assert tree.child_count(folder) == N
    expected = [e.id for e in directory.children("park-nanhai", ("enterprise",))]
    pages = list(range(0, N, 40))
    random.Random(3).shuffle(pages)
    rows: dict[int, str] = {}
    for offset in pages + pages[::-1]:  # jumps, then pages next to pages already read
        for i, node in enumerate(tree.children(folder, offset, 40)):
            assert rows.setdefault(offset + i, node.key) == node.key
    assert [rows[r] for r in range(N)] == expected
    for row in (0, 1, 2, N // 2, N - 1):
        assert tree.row_of(folder, ENTITY, expected[row]) == row
    assert tree.row_of(folder, ENTITY, "zone") is None
    assert tree.child_rows(folder) == {expected.index("e0000-0"): 1}
    directory.close()


def test_the_rows_that_open_follow_the_users_layer(tmp_path: Path) -> None:
    """Which rows of a big folder have children comes from the stored counts and the user's
    changes alike: a record moved under another enterprise makes that one open."""
    from parkdesk.core.userstore import changes as ch
    from parkdesk.core.userstore.session import open_user_data

    _big_folder(tmp_path).close()
    data = open_user_data(tmp_path / "big.db", tmp_path / "u.db", backup=False)
    try:
        directory = data.directory
        expected = [e.id for e in directory.children("park-nanhai", ("enterprise",))]
        target = expected[-1]
        data.record("Move the branch", [ch.set_field("sub-1", "parent", target)])
        tree = DirectoryTree(directory)
        folder = next(n for n in tree.children(tree.path_to("park-nanhai")[-1])
                      if n.key.endswith("/organisations"))
        assert tree.child_rows(folder) == {N - 1: 1}
        only_institutions = tree_pages.children_with_children(directory, "park-nanhai",
                                                              ("institution",))
        assert only_institutions == []
    finally:
        data.close()
