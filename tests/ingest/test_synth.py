"""The synthetic directory: deterministic, complete, checked, searchable, same schema as a build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.records import ENTERPRISE, INSTITUTION
from parkdesk.core.tree import DirectoryTree
from parkdesk.ingest.check import citation_problems
from parkdesk.ingest.synth import synth_bundle
from tests.sample_data import all_contacts

N = 500


def _dump(path: Path) -> dict[str, list]:
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
        "AND name NOT GLOB '_sqlite*'")]
    dump = {t: con.execute(f"SELECT * FROM [{t}]").fetchall() for t in tables}
    con.close()
    return dump


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "big.db"
    assert main(["synth", "--enterprises", str(N), "--seed", "7", "-o", str(path)]) == 0
    return path


def test_same_seed_same_file_other_seed_other_names(synth_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    assert main(["synth", "--enterprises", str(N), "--seed", "7", "-o", str(again)]) == 0
    assert _dump(again) == _dump(synth_db)
    names = {e.name for e in synth_bundle(N, 7).entities if e.kind == ENTERPRISE}
    other = {e.name for e in synth_bundle(N, 8).entities if e.kind == ENTERPRISE}
    assert len(names & other) < N // 10


def test_counts_and_structure(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    counts = d.counts()
    assert counts["zone"] == 1 and counts["park"] == 5 and counts["organisation"] == 1
    assert counts["enterprise"] + counts["institution"] == N
    assert counts["project"] >= 5  # carriers: science parks, incubators...
    assert counts["contacts"] > N  # a phone for most, an address for many, one per park
    assert {p.name for p in d.parks()} == {
        "Chancheng Park", "Nanhai Park", "Shunde Park", "Gaoming Park", "Sanshui Park"}
    # Nanhai holds the most enterprises directly, in its "Enterprises & institutions" folder.
    direct = {p.name: d.count_children(p.id, (ENTERPRISE, INSTITUTION)) for p in d.parks()}
    assert max(direct, key=direct.get) == "Nanhai Park"
    assert sum(direct.values()) > N // 2
    tree = DirectoryTree(d)
    (zone,) = [n for n in tree.roots() if n.icon == "zone"]
    assert len(tree.children(zone)) >= 5
    d.close()


def test_phones_are_valid_foshan_numbers_and_citations_hold(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    phones = [c for c in all_contacts(d) if c.kind == "phone"]
    assert len(phones) > N // 2
    assert all(c.valid and c.e164.startswith("+86757") and c.national.startswith("0757 ")
               for c in phones)
    assert citation_problems(d) == []
    assert main(["check", str(synth_db)]) == 0
    d.close()


def test_search_finds_synthetic_names_best_first(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    name, eid = d.con.execute(
        "SELECT name, id FROM entities WHERE kind = 'enterprise' ORDER BY id LIMIT 1").fetchone()
    trade = next(w for w in name.split() if w not in ("Foshan", "Guangdong", "Nanhai", "Shunde",
                                                      "Chancheng", "Sanshui", "Gaoming"))
    assert eid in [h.entity_id for h in d.search(trade, 100)]
    assert eid in [h.entity_id for h in d.search(name, 100)]
    assert d.search("foshan")[0].kind == "zone"
    assert d.search("nanhai")[0].name == "Nanhai Park"
    d.close()


def test_bad_count_is_a_plain_message(tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.db"
    assert main(["synth", "--enterprises", "0", "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("parkdesk: --enterprises must be at least 1")
    assert not out.exists()
