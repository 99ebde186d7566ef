"""The user's layer as an overlay: the bundled file opened read-only as `main`, and only the
user's delta in the connection's TEMP schema (issue 17: a copy of a 2.5 GB file per edit was
2.5 GB of RAM and seconds).

For each table the user's changes can touch, TEMP holds `T_delta` (rows added or changed: their
whole current values) and `T_gone` (keys of main's rows not shown: hidden or changed), and a
TEMP VIEW named `T` shows `main.T` minus the gone keys UNION ALL the delta. Unqualified names
resolve TEMP first, so every query of the app reads the view; SQLite pushes a query's WHERE
into both arms and merges ordered arms (MERGE (UNION ALL)), so main's indexes still answer.
INSTEAD OF triggers on the views turn INSERT, UPDATE and DELETE into writes to the delta, so
the applier (core/db/layered.py) writes the tables as if they were its own.

FTS5 tables cannot be views: search reads main's index minus the gone search rows, UNION ALL
a TEMP FTS5 table over the delta's search rows (`fts_source`). After the replay, the views of
tables the changes did not touch are dropped (`finish`): those are read straight from main.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from parkdesk.core.db.connect import connect_readonly, in_chunks
from parkdesk.core.db.opening import _Connection

# Table -> its key columns. "rowid": the search rows, which have no other key.
TABLES: dict[str, tuple[str, ...]] = {
    "entities": ("id",), "aliases": ("entity_id", "alias"), "contacts": ("id",),
    "figures": ("id",), "roles": ("id",), "relations": ("id",), "citations": ("id",),
    "articles": ("id",), "child_counts": ("parent_id", "kind"), "search": ("rowid",),
}
# Indexes on the delta, for the queries that read by these columns (the delta is small, but a
# user's changes can run to thousands of rows).
_DELTA_INDEXES: dict[str, list[tuple[str, ...]]] = {
    "entities": [("parent_id", "name", "id"), ("kind", "name")],
    "aliases": [],
    "contacts": [("owner_id",)],
    "figures": [("entity_id",)],
    "roles": [("person_id",), ("org_id",)],
    "relations": [("subject_id",), ("object_id",)],
    "citations": [("record_type", "record_id")],
    "articles": [],
    "child_counts": [],
    "search": [("entity_id",), ("key",)],
}
# The search indexes over the search rows, with their columns and options as in main.
FTS_TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "search_fts": (("name", "aliases", "people", "description", "contacts"),
                   "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6'"),
    "names_fts": (("name", "aliases"),
                  "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6'"),
    "lead_fts": (("lead",), "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6'"),
}
_ROW = "row"  # the search delta's own name for the rowid it gives its rows


# A statement that writes a table: INSERT [OR ...] INTO t, UPDATE t, DELETE FROM t.
_WRITE = re.compile(r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+\[?(\w+)", re.I)


class OverlayConnection(_Connection):
    """A read-only connection to the bundled file with the user's delta in TEMP.

    A table's delta, view and triggers are made when a statement first writes it through this
    connection (most changes touch two or three of the ten tables; making them all took
    longer than the replay at the bundled size)."""

    tables: set[str]  # the tables shown through their overlay
    # What the delta shows: the changes replayed ((seq, at, ops) each) and the applier's state
    # after them (core/db/layered.py), so that one more change can be applied alone.
    replayed: tuple = ()
    applier: object = None
    # What was shown before the last change applied alone: its `replayed` and applier (the
    # delta itself is kept in TEMP, `keep`), so undoing that change restores it.
    kept: tuple | None = None
    kept_tables: frozenset[str] = frozenset()

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        self._before(sql)
        return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        self._before(sql)
        return super().executemany(sql, parameters)

    def _before(self, sql: str) -> None:
        if sql[:1] in "IUDiud":
            m = _WRITE.match(sql)
            if m and m.group(1) in TABLES and m.group(1) not in self.tables:
                self.tables.add(m.group(1))
                for statement in _table_schema(self, m.group(1)):
                    super().execute(statement)


def open_overlay(path: Path) -> OverlayConnection:
    """A read-only connection to `path`, its TEMP schema empty until a table is written."""
    con = connect_readonly(path, factory=OverlayConnection)
    assert isinstance(con, OverlayConnection)
    con.path = path
    con.isolation_level = None
    con.tables = set()
    return con


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA main.table_info({table})")]


def _declared(con: sqlite3.Connection, table: str) -> dict[str, str]:
    """Each column's declared type in main. The delta declares the same: SQLite flattens a
    UNION ALL view into a query (using main's indexes, merging ordered arms) only when both
    arms' columns have the same affinity."""
    return {r[1]: r[2] for r in con.execute(f"PRAGMA main.table_info({table})")}


def _q(name: str) -> str:
    return f"[{name}]"


def _table_schema(con: sqlite3.Connection, table: str) -> list[str]:
    """The TEMP objects that show `table` with the user's delta."""
    sql: list[str] = []
    keys = TABLES[table]
    columns = _columns(con, table)
    types = _declared(con, table)
    if table == "search":
        return _search_schema(columns, types)
    cols = ", ".join(map(_q, columns))
    integer_key = keys == ("id",) and table == "citations"
    key_cols = ", ".join(map(_q, keys))
    delta_cols = ", ".join(
        f"{_q(c)} INTEGER PRIMARY KEY" if integer_key and c == "id" else f"{_q(c)} {types[c]}"
        for c in columns)
    pk = "" if integer_key else f", PRIMARY KEY ({key_cols})"
    sql.append(f"CREATE TEMP TABLE IF NOT EXISTS {table}_delta ({delta_cols}{pk})")
    gone_cols = ("id INTEGER PRIMARY KEY" if integer_key else
                 ", ".join(f"{_q(k)} {types[k]}" for k in keys) + f", PRIMARY KEY ({key_cols})")
    sql.append(f"CREATE TEMP TABLE IF NOT EXISTS {table}_gone ({gone_cols})"
               + ("" if integer_key else " WITHOUT ROWID"))
    for i, index in enumerate(_DELTA_INDEXES[table]):
        sql.append(f"CREATE INDEX IF NOT EXISTS temp.{table}_delta_{i} ON {table}_delta "
                   f"({', '.join(map(_q, index))})")
    hidden = (f"{_q(keys[0])} NOT IN (SELECT {key_cols} FROM temp.{table}_gone)"
              if len(keys) == 1 else
              f"({key_cols}) NOT IN (SELECT {key_cols} FROM temp.{table}_gone)")
    sql.append(f"CREATE TEMP VIEW {table} AS SELECT {cols} FROM main.{table} WHERE {hidden} "
               f"UNION ALL SELECT {cols} FROM temp.{table}_delta")
    same = " AND ".join(f"{_q(k)} = new.{_q(k)}" for k in keys)
    new_values = ", ".join(f"new.{_q(c)}" for c in columns)
    if integer_key:  # a new citation takes the next id, as in the file itself
        new_values = new_values.replace(
            "new.[id]", f"coalesce(new.[id], max((SELECT coalesce(max(id), 0) FROM main.{table}), "
            f"(SELECT coalesce(max(id), 0) FROM temp.{table}_delta)) + 1)", 1)
    sql.append(
        f"CREATE TEMP TRIGGER {table}_insert INSTEAD OF INSERT ON {table} BEGIN "
        f"INSERT INTO {table}_delta ({cols}) SELECT {new_values} "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {same}); END")
    old_keys = ", ".join(f"old.{_q(k)}" for k in keys)
    old_same = " AND ".join(f"{_q(k)} = old.{_q(k)}" for k in keys)
    sql.append(
        f"CREATE TEMP TRIGGER {table}_update INSTEAD OF UPDATE ON {table} BEGIN "
        f"INSERT OR IGNORE INTO {table}_gone ({key_cols}) VALUES ({old_keys}); "
        f"DELETE FROM {table}_delta WHERE {old_same}; "
        f"INSERT INTO {table}_delta ({cols}) VALUES ({new_values}); END")
    sql.append(
        f"CREATE TEMP TRIGGER {table}_delete INSTEAD OF DELETE ON {table} BEGIN "
        f"INSERT OR IGNORE INTO {table}_gone ({key_cols}) VALUES ({old_keys}); "
        f"DELETE FROM {table}_delta WHERE {old_same}; END")
    return sql


def _search_schema(columns: list[str], types: dict[str, str]) -> list[str]:
    """The search rows: keyed by rowid, which a view shows as its column `rowid`. A new row
    takes the next rowid after every row of the file and of the delta, so the rows the user's
    changes wrote come after the file's in rank order, as they did in a copy of the file."""
    cols = ", ".join(map(_q, columns))
    new_values = ", ".join(f"new.{_q(c)}" for c in columns)
    next_row = ("coalesce(new.rowid, max((SELECT coalesce(max(rowid), 0) FROM main.search), "
                f"(SELECT coalesce(max({_ROW}), 0) FROM temp.search_delta)) + 1)")
    return [
        f"CREATE TEMP TABLE IF NOT EXISTS search_delta ({_ROW} INTEGER PRIMARY KEY, "
        f"{', '.join(f'{_q(c)} {types[c]}' for c in columns)})",
        f"CREATE TEMP TABLE IF NOT EXISTS search_gone ({_ROW} INTEGER PRIMARY KEY)",
        "CREATE INDEX IF NOT EXISTS temp.search_delta_0 ON search_delta (entity_id)",
        "CREATE INDEX IF NOT EXISTS temp.search_delta_1 ON search_delta ([key])",
        f"CREATE TEMP VIEW search AS SELECT rowid AS rowid, {cols} FROM main.search "
        f"WHERE rowid NOT IN (SELECT {_ROW} FROM temp.search_gone) "
        f"UNION ALL SELECT {_ROW}, {cols} FROM temp.search_delta",
        f"CREATE TEMP TRIGGER search_insert INSTEAD OF INSERT ON search BEGIN "
        f"INSERT INTO search_delta ({_ROW}, {cols}) VALUES ({next_row}, {new_values}); END",
        f"CREATE TEMP TRIGGER search_delete INSTEAD OF DELETE ON search BEGIN "
        f"INSERT OR IGNORE INTO search_gone ({_ROW}) VALUES (old.rowid); "
        f"DELETE FROM search_delta WHERE {_ROW} = old.rowid; END",
    ] + [f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{fts}_user USING fts5({', '.join(fts_columns)}, {options})"
         for fts, (fts_columns, options) in FTS_TABLES.items()]


def empty(con: OverlayConnection) -> None:
    """The delta emptied, for a replay from the start (the views stay: the replay is likely
    to write the same tables; `finish` drops those it did not)."""
    for table in con.tables:
        for part in ("delta", "gone"):
            con.execute(f"DELETE FROM temp.{table}_{part}")
        if table == "search":
            for fts in FTS_TABLES:
                con.execute(f"DELETE FROM temp.{fts}_user")


def keep(con: OverlayConnection) -> None:
    """Copy the delta as it is (before one change is applied alone), for `restore`."""
    for table in sorted(con.tables):
        for part in ("delta", "gone"):
            name = f"{table}_{part}"
            con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}_kept AS "
                        f"SELECT * FROM temp.{name} WHERE 0")
            con.execute(f"DELETE FROM temp.{name}_kept")
            con.execute(f"INSERT INTO temp.{name}_kept SELECT * FROM temp.{name}")
    con.kept_tables = frozenset(con.tables)


def restore(con: OverlayConnection) -> None:
    """The delta as `keep` copied it; then `finish` as after any replay."""
    for table in sorted(con.tables - con.kept_tables):
        con.execute(f"DROP VIEW temp.{table}")
        con.tables.discard(table)
        if table == "search":
            for fts in FTS_TABLES:
                con.execute(f"DELETE FROM temp.{fts}_user")
        for part in ("delta", "gone"):
            con.execute(f"DELETE FROM temp.{table}_{part}")
    for table in sorted(con.kept_tables):
        if table not in con.tables:  # (a table once written stays so: not expected)
            con.execute(f"DELETE FROM {table} WHERE 0")  # (makes its view and triggers again)
        for part in ("delta", "gone"):
            con.execute(f"DELETE FROM temp.{table}_{part}")
            con.execute(f"INSERT INTO temp.{table}_{part} SELECT * FROM temp.{table}_{part}_kept")


def finish(con: OverlayConnection) -> None:
    """After the replay: the delta's search rows indexed, and the views of tables the changes
    wrote nothing to in the end dropped (their queries then read main's tables directly)."""
    if "search" in con.tables and _changed(con, "search"):
        _rank_rows(con)
        for fts, (columns, _options) in FTS_TABLES.items():
            cols = ", ".join(columns)
            con.execute(f"DELETE FROM temp.{fts}_user")
            con.execute(f"INSERT INTO temp.{fts}_user (rowid, {cols}) "
                        f"SELECT {_ROW}, {cols} FROM temp.search_delta")
    for table in sorted(con.tables):
        if not _changed(con, table):
            con.execute(f"DROP VIEW temp.{table}")  # (its triggers go; its empty tables stay)
            con.tables.discard(table)


def _rank_rows(con: sqlite3.Connection) -> None:
    """The delta's search rows numbered after the file's in entity id order: what a replay of
    every change writes (its last step writes each touched record's row, in id order), also
    after one change applied alone over earlier ones (which writes its records' rows last)."""
    base = con.execute("SELECT coalesce(max(rowid), 0) FROM main.search").fetchone()[0]
    con.execute("CREATE TEMP TABLE IF NOT EXISTS search_order (old INTEGER PRIMARY KEY, new INTEGER)")
    con.execute("DELETE FROM temp.search_order")
    con.execute(f"INSERT INTO temp.search_order SELECT {_ROW}, ? + row_number() OVER "
                f"(ORDER BY entity_id, {_ROW}) FROM temp.search_delta", (base,))
    con.execute(f"UPDATE temp.search_delta SET {_ROW} = -(SELECT new FROM temp.search_order "
                f"WHERE old = {_ROW})")
    con.execute(f"UPDATE temp.search_delta SET {_ROW} = -{_ROW}")


def _changed(con: sqlite3.Connection, table: str) -> bool:
    return any(con.execute(f"SELECT 1 FROM temp.{table}_{part} LIMIT 1").fetchone()
               for part in ("delta", "gone"))


def overlaid(con: sqlite3.Connection, table: str) -> bool:
    """Whether `table` is shown through the user's overlay on this connection."""
    return isinstance(con, OverlayConnection) and table in con.tables


def fts_source(con: sqlite3.Connection, fts: str) -> str:
    """A query of rowids of `fts` matching ?1, in rowid order, up to ?2: main's index minus the
    search rows the user's changes replaced, and the changes' own rows."""
    if fts not in FTS_TABLES or not overlaid(con, "search"):
        return f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?1 ORDER BY rowid LIMIT ?2"
    return (f"SELECT rowid FROM main.{fts} WHERE {fts} MATCH ?1 AND rowid NOT IN "
            f"(SELECT {_ROW} FROM temp.search_gone) UNION ALL "
            f"SELECT rowid FROM temp.{fts}_user WHERE {fts}_user MATCH ?1 ORDER BY 1 LIMIT ?2")


def sources(con: sqlite3.Connection, table: str, alias: str) -> list[tuple[str, str]]:
    """(FROM term, condition) pairs that together give the rows of `table` as shown: the table
    alone, or main's rows not gone and the delta's. For a recursive query's step, which would
    otherwise join the whole view (SQLite cannot push a join's terms into a UNION ALL view)."""
    if not overlaid(con, table):
        return [(f"{table} {alias}", "1")]
    keys = TABLES[table]
    assert len(keys) == 1
    return [(f"main.{table} {alias}", f"{alias}.{keys[0]} NOT IN (SELECT {keys[0]} FROM temp.{table}_gone)"),
            (f"temp.{table}_delta {alias}", "1")]


def delta_search_rows(con: sqlite3.Connection, entity_ids: list[str]) -> list[int]:
    """The rowids of the delta's search rows of these entities."""
    if not overlaid(con, "search"):
        return []
    marks = ",".join("?" * len(entity_ids))
    return [r for (r,) in con.execute(
        f"SELECT {_ROW} FROM temp.search_delta WHERE entity_id IN ({marks})", entity_ids)]


def child_counts(con: sqlite3.Connection, parents: list[str]) -> dict[tuple[str, str], int]:
    """(parent, kind) -> how many children of that kind these parents have with the changes:
    the file's stored count, less its entities the changes hid, moved or rewrote (all in
    `entities_gone`), plus the delta's (where rewritten ones are, with their parent now).
    Nothing reads a big folder's children: the cost grows with the changes alone."""
    wanted = set(parents)
    counts: dict[tuple[str, str], int] = {}
    for chunk, marks in in_chunks(parents):
        counts.update(((p, k), n) for p, k, n in con.execute(
            f"SELECT parent_id, kind, n FROM main.child_counts WHERE parent_id IN ({marks})",
            chunk))
    if not overlaid(con, "entities"):
        return {key: n for key, n in counts.items() if n > 0}
    for sql, sign in (
        ("SELECT m.parent_id, m.kind, count(*) FROM temp.entities_gone g "
         "CROSS JOIN main.entities m ON m.id = g.id GROUP BY m.parent_id, m.kind", -1),
        ("SELECT parent_id, kind, count(*) FROM temp.entities_delta GROUP BY parent_id, kind", 1),
    ):
        for p, k, n in con.execute(sql):
            if p in wanted:
                counts[(p, k)] = counts.get((p, k), 0) + sign * n
    return {key: n for key, n in counts.items() if n > 0}
