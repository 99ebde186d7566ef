"""Writing a very large directory as a stream of records (`parkdesk synth` at 1,000,000).

`store.write_bundle` holds the whole Bundle in memory and inserts into indexed tables with
their search triggers live; at a million enterprises that is gigabytes and many minutes.
Here records are written as they are made, in one transaction, into the same schema with its
indexes and triggers set aside; the indexes, the search tables and the full-text indexes are
built once at the end, from the rows. The result has the same tables and rows as
`write_bundle` of the same records (a test compares them); citation ids follow the order the
records came in.

Parents must come before their children (an entity's park is that of its chain of parents).
Mentions (unreviewed findings) are not supported: the synthetic directory has none.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlite_utils import Database

from parkdesk.core.atomic import replacing
from parkdesk.core.db.schema import create_schema
from parkdesk.core.db.search_index import _digit_forms, _keys, _write_words
from parkdesk.core.db.store import TEMP_SUFFIX, check_replaceable
from parkdesk.core.errors import BuildError
from parkdesk.core.parks import HOLDER_KINDS
from parkdesk.core.phones import subscriber_digits
from parkdesk.core.records import Article, Citation, Contact, Entity, Figure, Relation, Role
from parkdesk.core.search.hits import rank_key
from parkdesk.core.search.text import lead_word, name_key

_log = logging.getLogger(__name__)
_BATCH = 20_000  # rows held per table before they are inserted


class BulkSink:
    """Where a generator puts its records; rows go to SQLite in batches as they come."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self._pending: dict[str, list[tuple]] = {}
        self._sql: dict[str, str] = {}
        self._citations = 0
        self._parks: dict[str, str | None] = {}  # entity id -> its park's id
        self.counts: dict[str, int] = {}

    def _row(self, table: str, row: tuple) -> None:
        rows = self._pending.setdefault(table, [])
        rows.append(row)
        if len(rows) >= _BATCH:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._pending.get(table)
        if not rows:
            return
        if table not in self._sql:
            columns = [r[1] for r in self.con.execute(f"PRAGMA table_info([{table}])")]
            self._sql[table] = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                                f"VALUES ({', '.join('?' * len(columns))})")
        self.con.executemany(self._sql[table], rows)
        self.counts[table] = self.counts.get(table, 0) + len(rows)
        rows.clear()

    def flush(self) -> None:
        for table in list(self._pending):
            self._flush(table)

    def _cite(self, record_type: str, record_id: str, sources: Iterable[Citation],
              entity_id: str) -> None:
        for c in sources:
            self._citations += 1
            self._row("citations", (self._citations, record_type, record_id, c.article_id,
                                    c.paragraph, c.start, c.end, c.quote, entity_id))

    def entity(self, e: Entity) -> None:
        park = e.id if e.kind in HOLDER_KINDS else self._parks.get(e.parent_id or "")
        self._parks[e.id] = park
        self._row("entities", (e.id, e.kind, e.name, e.parent_id, e.subkind, e.district,
                               e.status, e.description, int(e.reviewed), park))
        for alias in sorted(set(e.aliases)):
            self._row("aliases", (e.id, alias))
        self._cite("entity", e.id, e.sources, e.id)

    def contact(self, c: Contact) -> None:
        self._row("contacts", (c.id, c.owner_id, c.kind, c.label, c.raw, c.e164, c.national,
                               c.international, int(c.valid), c.warning, c.tel_uri, c.line))
        self._cite("contact", c.id, c.sources, c.owner_id)

    def figure(self, f: Figure) -> None:
        self._row("figures", (f.id, f.entity_id, f.metric, f.value_text, f.unit, f.value,
                              f.qualifier, f.refers_to, f.reported))
        self._cite("figure", f.id, f.sources, f.entity_id)

    def role(self, r: Role) -> None:
        self._row("roles", (r.id, r.person_id, r.title, r.org_id, r.reported))
        self._cite("role", r.id, r.sources, r.person_id)

    def relation(self, r: Relation) -> None:
        self._row("relations", (r.id, r.subject_id, r.predicate, r.object_id))
        self._cite("relation", r.id, r.sources, r.subject_id)

    def article(self, a: Article) -> None:
        columns = [r[1] for r in self.con.execute("PRAGMA table_info(articles)")]
        self._row("articles", tuple(int(v) if isinstance(v, bool) else v
                                    for v in (getattr(a, c) for c in columns)))


def _expected_columns(con: sqlite3.Connection) -> None:
    """The sink writes tuples in a fixed column order: fail loudly if the schema moved on."""
    expected = {
        "entities": ["id", "kind", "name", "parent_id", "subkind", "district", "status",
                     "description", "reviewed", "park_id"],
        "contacts": ["id", "owner_id", "kind", "label", "raw", "e164", "national",
                     "international", "valid", "warning", "tel_uri", "line"],
        "figures": ["id", "entity_id", "metric", "value_text", "unit", "value", "qualifier",
                    "refers_to", "reported"],
        "roles": ["id", "person_id", "title", "org_id", "reported"],
        "relations": ["id", "subject_id", "predicate", "object_id"],
        "citations": ["id", "record_type", "record_id", "article_id", "paragraph", "start",
                      "end", "quote", "entity_id"],
    }
    for table, columns in expected.items():
        actual = [r[1] for r in con.execute(f"PRAGMA table_info([{table}])")]
        if actual != columns:
            raise BuildError(f"bulk writer: table {table} has columns {actual}, not {columns}")


def write_streamed(path: Path, produce: Callable[[BulkSink], None],
                   meta: dict[str, str]) -> dict[str, int]:
    """Write the records `produce(sink)` puts into the sink to a new database at `path`,
    replacing it only once complete; returns the number of rows written per table. `meta` is
    written after the records, so `produce` may add to it."""
    path = Path(path)
    check_replaceable(path)
    with replacing(path, suffix=TEMP_SUFFIX) as tmp:
        try:
            return _fill(tmp, produce, meta)
        except sqlite3.Error as exc:
            raise BuildError(f"Cannot write {path}: {exc}.") from exc


def _fill(tmp: Path, produce: Callable[[BulkSink], None], meta: dict[str, str]) -> dict[str, int]:
    con = sqlite3.connect(tmp, isolation_level=None)
    step = _Steps()
    try:
        db = Database(con)
        con.execute("PRAGMA journal_mode = OFF")  # a temporary file, renamed only when complete
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -131072")  # 128 MB of page cache for the index builds
        con.execute("PRAGMA temp_store = FILE")
        create_schema(db)
        _expected_columns(con)
        # Set aside what makes each insert slow: the indexes and the search triggers.
        later = con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL AND tbl_name NOT GLOB '_sqlite*' ORDER BY rowid").fetchall()
        for kind, name, _table, _sql in later:
            con.execute(f"DROP {kind.upper()} [{name}]")
        con.execute("BEGIN")
        sink = BulkSink(con)
        produce(sink)
        sink.flush()
        step("records")
        sink._parks.clear()
        con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
        # The search table's index waits until its rows are in (they go in rank order).
        for kind, _name, table, sql in later:
            if kind == "index" and table != "search":
                con.execute(sql)
        step("indexes")
        con.execute(
            "INSERT INTO child_counts (parent_id, kind, n) SELECT parent_id, kind, count(*) "
            "FROM entities WHERE parent_id IS NOT NULL GROUP BY parent_id, kind "
            "ORDER BY parent_id, kind")
        step("child_counts")
        _search(con)
        step("search")
        for kind, _name, table, sql in later:
            if kind == "index" and table == "search":
                con.execute(sql)
        _phones(con)
        step("phones")
        for table in ("search_fts", "names_fts", "lead_fts", "phone_fts", "entities_fts"):
            con.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
            step(table)
        for kind, _name, _table, sql in later:
            if kind == "trigger":
                con.execute(sql)
        _write_words(con)
        step("words")
        con.execute("COMMIT")
        con.execute("ANALYZE")
        step("analyze")
        return dict(sink.counts)
    finally:
        con.close()


class _Steps:
    """Logs how long each step of a streamed write took (`parkdesk synth -v` shows them)."""

    def __init__(self) -> None:
        self.last = (time.perf_counter(), time.process_time())

    def __call__(self, name: str) -> None:
        now = (time.perf_counter(), time.process_time())
        _log.info("bulk write: %s %.1f s (CPU %.1f s)", name, now[0] - self.last[0],
                  now[1] - self.last[1])
        self.last = now


def _search(con: sqlite3.Connection) -> None:
    """The search table, in rank order (see search_index), from the rows just written."""
    people: dict[str, list[str]] = {}
    for person_id, title, org_id, person in con.execute(
            "SELECT r.person_id, r.title, r.org_id, p.name FROM roles r "
            "LEFT JOIN entities p ON p.id = r.person_id ORDER BY r.id"):
        people.setdefault(person_id, []).append(title)
        if org_id and person is not None:
            people.setdefault(org_id, []).append(f"{person} {title}")
    con.execute(
        "CREATE TEMP TABLE search_stage (unreviewed, kind_rank, fold, entity_id, kind, name, "
        "aliases, people, description, park, lead, contacts, key, reviewed)")
    con.executemany("INSERT INTO temp.search_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?)", _search_rows(con, people))
    con.execute(
        "INSERT INTO search (entity_id, kind, name, aliases, people, description, park, lead, "
        "contacts, key, reviewed) SELECT entity_id, kind, name, aliases, people, description, "
        "park, lead, contacts, key, reviewed FROM temp.search_stage "
        "ORDER BY unreviewed, kind_rank, fold, entity_id")
    con.execute("DROP TABLE temp.search_stage")


def _search_rows(con: sqlite3.Connection, people: dict[str, list[str]]) -> Iterator[tuple]:
    """One row per entity, its aliases and addresses merged in from cursors in id order."""
    reader = con.cursor()  # the reading cursors run while the rows are inserted elsewhere
    entities = reader.execute(
        "SELECT e.id, e.kind, e.name, e.description, e.reviewed, pp.name FROM entities e "
        "LEFT JOIN entities par ON par.id = e.parent_id "
        "LEFT JOIN entities pp ON pp.id = par.park_id ORDER BY e.id")
    aliases = _grouped(con.cursor().execute(
        "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias"))
    addresses = _grouped(con.cursor().execute(
        "SELECT owner_id, raw FROM contacts WHERE kind = 'address' ORDER BY owner_id, id"))
    for eid, kind, name, description, reviewed, park in entities:
        alias_list = aliases(eid)
        unreviewed, kind_rank, fold, _ = rank_key(kind, name, eid, bool(reviewed))
        yield (int(unreviewed), kind_rank, fold, eid, kind, name, " | ".join(alias_list),
               " | ".join(people.get(eid, [])), description or "", park or "", lead_word(name),
               " | ".join(addresses(eid)), name_key(name), int(reviewed))


def _grouped(cursor: sqlite3.Cursor) -> Callable[[str], list[str]]:
    """For rows (key, value) in key order: a function giving the values of each key, asked
    for in increasing key order."""
    rows = iter(cursor)
    head: list = [next(rows, None)]

    def values(key: str) -> list[str]:
        out = []
        while head[0] is not None and head[0][0] < key:
            head[0] = next(rows, None)
        while head[0] is not None and head[0][0] == key:
            out.append(head[0][1])
            head[0] = next(rows, None)
        return out

    return values


def _phones(con: sqlite3.Connection) -> None:
    """search_phones and phone_keys (see search_index._phone_rows), keys sorted by SQLite."""
    con.execute("CREATE TEMP TABLE phone_stage (key TEXT, id INTEGER)")
    reader = con.cursor()
    rows = reader.execute(
        "SELECT s.rowid, c.id, c.national, c.e164, c.raw FROM search s "
        "CROSS JOIN contacts c ON c.owner_id = s.entity_id WHERE c.kind = 'phone' "
        "ORDER BY s.rowid, c.id")
    phones: list[tuple] = []
    keys: list[tuple[str, int]] = []
    for n, (rowid, contact_id, national, e164, raw) in enumerate(rows, 1):
        forms = _digit_forms(national, e164, raw)
        phones.append((n, rowid, contact_id, " ".join(forms)))
        keys.extend((key, n) for key in _keys(forms, subscriber_digits(national)))
        if len(phones) >= _BATCH:
            _phone_batch(con, phones, keys)
    _phone_batch(con, phones, keys)
    con.execute("INSERT OR IGNORE INTO phone_keys (key, id) SELECT key, id FROM temp.phone_stage "
                "ORDER BY key, id")
    con.execute("DROP TABLE temp.phone_stage")


def _phone_batch(con: sqlite3.Connection, phones: list[tuple], keys: list[tuple]) -> None:
    con.executemany("INSERT INTO search_phones (id, search_rowid, contact_id, digits) "
                    "VALUES (?, ?, ?, ?)", phones)
    con.executemany("INSERT INTO temp.phone_stage (key, id) VALUES (?, ?)", keys)
    phones.clear()
    keys.clear()
