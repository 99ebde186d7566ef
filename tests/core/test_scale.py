"""What keeps large directories fast: paged folders, counts from the build, cheap validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.errors import DatabaseError
from parkdesk.core.records import ENTERPRISE, INSTITUTION, ORGANISATION
from parkdesk.core.tree import GROUP, DirectoryTree, TreeNode
from parkdesk.ingest.synth import synth_bundle


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "synth.db"
    write_bundle(synth_bundle(400, 3), path, {"built_at": "2026-01-01T00:00:00Z"})
    return path


def test_pages_follow_each_other_and_match_one_query(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    kinds = (ENTERPRISE, INSTITUTION, ORGANISATION)
    everything = [e.id for e in d.children("park-nanhai", kinds)]
    assert len(everything) == d.count_children("park-nanhai", kinds) > 50
    tree = DirectoryTree(d)
    node = TreeNode(GROUP, "park-nanhai/organisations", "", "", len(everything))
    paged: list[str] = []
    while page := tree.children(node, len(paged), 7):
        paged += [n.key for n in page]
    assert paged == everything
    # Any page asked for directly (no previous page read) is the same slice.
    assert [n.key for n in DirectoryTree(d).children(node, 21, 7)] == everything[21:28]
    names = [d.name_of(i) for i in everything]
    assert names == sorted(names)
    d.close()


def test_aliases_come_with_children(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    for e in d.children("park-nanhai", (ENTERPRISE,))[:40]:
        assert e.aliases == d.entity(e.id).aliases
    assert any(e.aliases for e in d.children("park-nanhai", (ENTERPRISE,)))
    d.close()


def test_contact_counts_agree_with_contacts(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    for owner in ("zone", "park-nanhai", "committee"):
        for include in (False, True):
            assert d.count_contacts(owner, include) == len(d.contacts(owner, include))
    d.close()


def test_verify_finds_damage_open_did_not_look_for(synth_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(synth_db.read_bytes())
    d = Directory.open(copy)
    d.verify()  # healthy
    data = bytearray(copy.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\xff" * 4096
    copy.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="damaged"):
        d.verify()
    d.close()
    with pytest.raises(DatabaseError, match="damaged"):
        Directory.open(copy)  # a small file gets the full check when opened


def test_a_truncated_file_is_caught_by_its_header(synth_db: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.db"
    cut.write_bytes(synth_db.read_bytes()[: 200 * 1024])
    with pytest.raises(DatabaseError, match="cut short"):
        Directory.open(cut)


def test_child_counts_of_a_page_come_in_one_query(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    tree = DirectoryTree(d)
    node = TreeNode(GROUP, "park-nanhai/projects", "", "", d.count_children("park-nanhai"))
    carriers = tree.children(node, 0, 50)
    assert carriers
    for c in carriers:
        assert tree.child_count(c) == d.count_children(c.key)
    totals = d.child_totals([c.key for c in carriers] + ["no-such-id"])
    assert totals == {c.key: d.count_children(c.key) for c in carriers if d.count_children(c.key)}
    d.close()


def _steps(directory: Directory, action) -> int:
    """SQLite virtual-machine steps `action` takes on the directory's connection (a count, not
    a time)."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    directory.con.set_progress_handler(tick, 1)
    try:
        action()
    finally:
        directory.con.set_progress_handler(None, 1)
    return steps[0]


def test_a_parks_counts_for_its_fact_sheet_do_not_read_its_enterprises(
        tmp_path: Path) -> None:
    from parkdesk.core.db.queries import count_below
    from parkdesk.core.records import PROJECT

    steps, totals = [], []
    for n in (300, 3000):
        path = tmp_path / f"synth-{n}.db"
        write_bundle(synth_bundle(n, 3), path, {"built_at": "2026-01-01T00:00:00Z"})
        d = Directory.open(path)
        kinds = (ENTERPRISE, INSTITUTION)
        everything = sum(1 for e in d.children("park-nanhai", kinds)) + sum(
            1 for p in d.children("park-nanhai", (PROJECT,)) for _ in d.children(p.id, kinds))
        totals.append((count_below(d, "park-nanhai", kinds), everything))
        steps.append(_steps(d, lambda d=d, k=kinds: count_below(d, "park-nanhai", k)))
        d.close()
    assert all(counted == everything for counted, everything in totals)
    # Ten times the enterprises: the count walks the park's projects (5 times as many: one per
    # 500 enterprises, at least five), never its enterprises (it took 8 times the steps).
    assert steps[1] < 6 * steps[0]
