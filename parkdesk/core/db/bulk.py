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
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlite_utils import Database

from parkdesk.core.atomic import replacing
from parkdesk.core.db.bulk_search import FTS_TABLES, rebuild_fts, write_phones, write_search
from parkdesk.core.db.schema import create_schema
from parkdesk.core.db.search_index import _write_words
from parkdesk.core.db.store import TEMP_SUFFIX, check_replaceable
from parkdesk.core.errors import BuildError
from parkdesk.core.parks import HOLDER_KINDS
from parkdesk.core.records import Article, Citation, Contact, Entity, Figure, Relation, Role

_log = logging.getLogger(__name__)
_BATCH = 20_000  # rows held per table before they are inserted


class BulkSink:
    """Where a generator puts its records; rows go to SQLite in batches as they come."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self._pending: dict[str, list[tuple]] = defaultdict(list)
        self._sql: dict[str, str] = {}
        self._citations = 0
        self._parks: dict[str, str | None] = {}  # entity id -> its park's id
        self.counts: dict[str, int] = {}

    def _row(self, table: str, row: tuple) -> None:
        rows = self._pending[table]
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
        rows = self._pending["citations"]
        for c in sources:
            self._citations += 1
            rows.append((self._citations, record_type, record_id, c.article_id, c.paragraph,
                         c.start, c.end, c.quote, entity_id))
        if len(rows) >= _BATCH:
            self._flush("citations")

    def entity(self, e: Entity) -> None:
        park = e.id if e.kind in HOLDER_KINDS else self._parks.get(e.parent_id or "")
        self._parks[e.id] = park
        self._row("entities", (e.id, e.kind, e.name, e.parent_id, e.subkind, e.district,
                               e.status, e.description, int(e.reviewed), park))
        if e.aliases:
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
        for kind, name, table, sql in later:
            if kind == "index" and table != "search":
                con.execute(sql)
                step(name)
        con.execute(
            "INSERT INTO child_counts (parent_id, kind, n) SELECT parent_id, kind, count(*) "
            "FROM entities WHERE parent_id IS NOT NULL GROUP BY parent_id, kind "
            "ORDER BY parent_id, kind")
        step("child_counts")
        write_search(con)
        step("search")
        for kind, name, table, sql in later:
            if kind == "index" and table == "search":
                con.execute(sql)
                step(name)
        write_phones(con)
        step("phones")
        for table in FTS_TABLES:
            rebuild_fts(con, table)
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
    """Logs how long each step of a streamed write took (INFO; see benchmarks/README.md)."""

    def __init__(self) -> None:
        self.last = (time.perf_counter(), time.process_time())

    def __call__(self, name: str) -> None:
        now = (time.perf_counter(), time.process_time())
        _log.info("bulk write: %s %.1f s (CPU %.1f s)", name, now[0] - self.last[0],
                  now[1] - self.last[1])
        self.last = now
