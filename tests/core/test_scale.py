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


def test_counts_below_a_park_are_the_rows_under_it_and_its_projects(synth_db: Path) -> None:
    from parkdesk.core.db.queries import count_below
    from parkdesk.core.records import PARK, PROJECT

    d = Directory.open(synth_db)
    kinds = (ENTERPRISE, INSTITUTION)
    for park in d.children("zone", (PARK,)):
        holders, counted = [park.id], 0
        while holders:
            holder = holders.pop()
            counted += len(d.children(holder, kinds))
            holders += [p.id for p in d.children(holder, (PROJECT,))]
        assert count_below(d, park.id, kinds) == counted > 0
    d.close()
