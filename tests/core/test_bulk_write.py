"""The streamed writer's search side (core/db/bulk_search.py): phone digits and keys made in
SQL are the rows search_index makes in Python, for numbers written in every way; the
full-text indexes are whole and keep no build-only setting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from parkdesk.core.db.bulk import BulkSink, write_streamed
from parkdesk.core.db.bulk_search import FTS_TABLES
from parkdesk.core.db.store import write_bundle
from parkdesk.core.phones import normalise
from parkdesk.core.records import ENTERPRISE, PARK, ZONE, Bundle, Contact, Entity

# As people write numbers, and what the reading rules sometimes leave: separators of every
# kind, an extension, a mobile, digits of another script, letters, too few digits, none.
WRITTEN = (
    "0757-86683830", "(0757) 8668 3830", "+86 757 8668 3830", "0757 86683830",
    "0757.8668.3830", "0757/8668 3830", "0757-86683830 ext. 12", "138 0013 8000",
    "+86 138-0013-8000", "０７５７-８６６８３８３０", "tel. 0757 8668 3831", "86", "12", "",
    "(020) 8888 9999", "+852 2345 6789", "８６ 757 8668 3830",
)


def _records() -> Bundle:
    bundle = Bundle()
    bundle.entities += [Entity("zone", ZONE, "Test Zone", None),
                        Entity("park-a", PARK, "Alpha Park", "zone")]
    for n, raw in enumerate(WRITTEN):
        owner = f"e{n:03d}"
        bundle.entities.append(Entity(owner, ENTERPRISE, f"Firm {n} Co., Ltd.", "park-a"))
        p = normalise(raw)
        if p.valid:
            contact = Contact(f"{owner}/tel/1", owner, "phone", "Main line", raw, p.e164,
                              p.national, p.international, True)
        else:
            contact = Contact(f"{owner}/tel/1", owner, "phone", "Main line", raw, None, None,
                              None, False, "not a number")
        # A second number of the same owner, and one owned by the park.
        bundle.contacts += [contact, Contact(f"{owner}/tel/2", owner, "phone", "Fax", raw[::-1])]
    bundle.contacts.append(Contact("park-a/tel/1", "park-a", "phone", "Office", "0757-86683830"))
    return bundle


def _streamed(bundle: Bundle, path: Path) -> None:
    def produce(sink: BulkSink) -> None:
        for e in bundle.entities:
            sink.entity(e)
        for c in bundle.contacts:
            sink.contact(c)

    write_streamed(path, produce, {"built_at": "now"})


def _rows(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_phone_digits_and_keys_made_in_sql_are_the_python_ones(tmp_path: Path) -> None:
    bundle = _records()
    streamed, reference = tmp_path / "streamed.db", tmp_path / "reference.db"
    _streamed(bundle, streamed)
    write_bundle(bundle, reference, {"built_at": "now"})
    for sql in ("SELECT * FROM search_phones ORDER BY id", "SELECT * FROM phone_keys",
                "SELECT rowid, entity_id FROM search ORDER BY rowid"):
        assert _rows(streamed, sql) == _rows(reference, sql), sql
    keys = {k for (k,) in _rows(streamed, "SELECT key FROM phone_keys")}
    assert {"075786683830", "8675786683830", "75786683830", "86683830", "830"} <= keys
    assert len(_rows(streamed, "SELECT * FROM search_phones")) == 2 * len(WRITTEN) + 1


def test_full_text_indexes_are_whole_and_keep_no_build_setting(tmp_path: Path) -> None:
    bundle = _records()
    path = tmp_path / "streamed.db"
    _streamed(bundle, path)
    con = sqlite3.connect(path)
    try:
        for table in FTS_TABLES:
            con.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
            assert con.execute(f"SELECT k FROM {table}_config").fetchall() == [("version",)]
        assert con.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'firm'"
                           ).fetchone() == (len(WRITTEN),)
        assert con.execute("SELECT count(*) FROM phone_fts WHERE phone_fts MATCH '6683830'"
                           ).fetchone()[0] >= 10
    finally:
        con.close()
