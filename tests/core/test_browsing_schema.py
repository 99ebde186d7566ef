"""The schema as a browser of the file reads it (m007): declared references that all resolve,
each record's park as the app computes it, citations tied to the entity they are about, and a
full-text index of the records in step with them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.migrations import FOREIGN_KEYS
from parkdesk.paths import DEFAULT_DB


@pytest.fixture(params=["bundled", "sample"])
def db(request: pytest.FixtureRequest, sample_db: Path) -> Path:
    return DEFAULT_DB if request.param == "bundled" else sample_db


def test_every_reference_is_declared_and_resolves(db: Path) -> None:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    declared = {(table, row[3], row[2], row[4]) for table in {fk[0] for fk in FOREIGN_KEYS}
                for row in con.execute(f"PRAGMA foreign_key_list([{table}])")}
    assert declared == set(FOREIGN_KEYS)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 0  # declared, not enforced
    con.close()


def test_each_records_park_is_the_apps(db: Path) -> None:
    directory = Directory.open(db)
    try:
        stored = dict(directory.con.execute("SELECT id, park_id FROM entities"))
        for entity_id, park_id in stored.items():
            park = directory.park_of(entity_id)
            assert park_id == (park.id if park else None), entity_id
    finally:
        directory.close()


def test_citations_name_the_entity_they_are_about(db: Path) -> None:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    about = {"entity": "SELECT id, id FROM entities", "contact": "SELECT id, owner_id FROM contacts",
             "figure": "SELECT id, entity_id FROM figures", "role": "SELECT id, person_id FROM roles",
             "relation": "SELECT id, subject_id FROM relations"}
    for record_type, sql in about.items():
        owners = dict(con.execute(sql))
        rows = con.execute("SELECT record_id, entity_id FROM citations WHERE record_type = ?",
                           (record_type,)).fetchall()
        assert all(owners[record] == entity for record, entity in rows), record_type
    con.close()


def test_the_records_full_text_index_is_in_step(db: Path, tmp_path: Path) -> None:
    import shutil

    copy = shutil.copy(db, tmp_path / "copy.db")  # (FTS5's check is an INSERT: not on the file)
    con = sqlite3.connect(copy)
    con.execute("INSERT INTO entities_fts (entities_fts, rank) VALUES ('integrity-check', 1)")
    hits = con.execute("SELECT e.id FROM entities_fts JOIN entities e ON e.rowid = "
                       "entities_fts.rowid WHERE entities_fts MATCH 'shunde'").fetchall()
    assert ("park-shunde",) in hits
    con.close()
