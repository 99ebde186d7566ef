"""The synthetic directory: deterministic, complete, checked, searchable, same schema as a build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.records import ENTERPRISE, INSTITUTION
from parkdesk.core.search.typos import distance
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


def _rows_without_citation_ids(path: Path) -> dict[str, list]:
    """Every table's rows, sorted; citations without their ids (they number the records in the
    order they were written, which streaming changes); the schema's text too."""
    dump = _dump(path)
    dump["citations"] = [row[1:] for row in dump["citations"]]
    dump.pop("_sqlite_migrations", None)  # (when each migration was applied)
    dump.pop("sqlite_stat1", None)
    con = sqlite3.connect(path)
    dump["search (rank order)"] = con.execute("SELECT rowid, * FROM search").fetchall()
    dump["fts"] = [con.execute(f"SELECT rowid FROM {t} WHERE {t} MATCH 'foshan' ORDER BY rowid")
                   .fetchall() for t in ("search_fts", "names_fts", "lead_fts")]
    dump["entities_fts"] = con.execute(  # (entities' rowids follow the order they were written)
        "SELECT e.id FROM entities_fts f JOIN entities e ON e.rowid = f.rowid "
        "WHERE entities_fts MATCH 'foshan OR park'").fetchall()
    dump["phone_fts"] = con.execute(
        "SELECT rowid FROM phone_fts WHERE phone_fts MATCH '757' ORDER BY rowid").fetchall()
    dump["schema"] = sorted(con.execute("SELECT type, name, sql FROM sqlite_master "
                                        "WHERE name NOT GLOB 'sqlite_stat*'").fetchall(),
                            key=str)
    con.close()
    return {t: sorted(rows, key=repr) for t, rows in dump.items()}


def test_streamed_file_has_the_rows_write_bundle_writes(synth_db: Path, tmp_path: Path) -> None:
    from parkdesk.core.db.store import write_bundle
    from parkdesk.ingest.synth import BUILT_AT, SYNTH_VERSION

    reference = tmp_path / "reference.db"
    bundle = synth_bundle(N, 7)
    write_bundle(bundle, reference, {
        "built_at": BUILT_AT, "parkdesk_version": __import__("parkdesk").__version__,
        "article_count": str(len(bundle.articles)), "synthetic": f"{N} enterprises, seed 7",
        "synth_version": str(SYNTH_VERSION)})
    streamed, written = _rows_without_citation_ids(synth_db), _rows_without_citation_ids(reference)
    assert streamed.keys() == written.keys()
    for table in written:
        assert streamed[table] == written[table], table
    assert len(written["phone_keys"]) > N and len(written["search_typos"]) > N


def test_search_corrects_a_typo_and_finds_digits_in_the_synthetic_file(synth_db: Path) -> None:
    d = Directory.open(synth_db)
    words = {w for (w,) in d.con.execute("SELECT word FROM search_words")}
    named = {w for (w,) in d.con.execute("SELECT word FROM search_words WHERE named")}
    def typo_of(name: str) -> tuple[str, str] | None:
        """(trade name, it without its second letter) when the typo starts no word and the
        trade name is the only named word one edit away from it."""
        trade = name.split()[1] if name.startswith(("Foshan", "Guangdong")) else name.split()[0]
        typo = trade.lower()[0] + trade.lower()[2:]
        if len(trade) >= 6 and not any(w.startswith(typo) for w in words) and not any(
                distance(typo, w) <= 1 for w in named if w != trade.lower()):
            return trade, typo
        return None

    eid, (trade, typo) = next((eid, t) for eid, name in d.con.execute(
        "SELECT id, name FROM entities WHERE kind = 'enterprise' ORDER BY id")
        if (t := typo_of(name)))
    result = d.search_result(typo, 100)
    assert result.corrected == trade.lower()
    assert eid in [h.entity_id for h in result.hits]
    owner, national = d.con.execute(
        "SELECT owner_id, national FROM contacts WHERE kind = 'phone' AND owner_id GLOB 'syn-e*' "
        "ORDER BY id LIMIT 1").fetchone()
    hits = d.search(national.replace(" ", "")[-7:], 100)
    assert owner in [h.entity_id for h in hits if h.matched_kind == "phone"]
    d.close()
    con = sqlite3.connect(synth_db)  # (an integrity check is an INSERT: the app reads only)
    for table in ("search_fts", "names_fts", "lead_fts", "phone_fts", "entities_fts"):
        con.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    con.close()
