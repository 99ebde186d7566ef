"""The rows of a streamed export: the scope's entities in document order, and their facts.

`ExportRows.order(...)` puts the entities of an export, in the order the document lists them,
into a temporary table (one recursive query: each entity's sort key is its path of (group,
name, id) from its root). Every fact query then joins that table, so each kind of fact is one
query read row by row in document order, whatever the size: no query per entity, nothing held
but the current entity's rows. The temporary table lives in SQLite's temp database, so this
works on read-only connections, and `close()` drops it.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from parkdesk.core.db import overlay
from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    ORGANISATION,
    PARK,
    PERSON,
    PLACE,
    PROJECT,
)

if TYPE_CHECKING:
    from parkdesk.core.db.directory import Directory

# Sections of the document an entity row belongs to.
ZONE_SECTION, OUTSIDE_SECTION, UNPLACED_SECTION = 0, 1, 2
# A child's group within its parent, as one letter that sorts in document order.
_GROUP_LETTER = (
    "CASE e.kind "
    + " ".join(f"WHEN '{kind}' THEN '{chr(ord('a') + i)}'" for i, kind in enumerate(
        (ORGANISATION, PARK, PROJECT, ENTERPRISE, INSTITUTION, PERSON, PLACE)))
    + " ELSE 'h' END"
)
_counter = itertools.count()

if TYPE_CHECKING:
    from parkdesk.core.db.directory import Directory

_CITATION = "c.article_id, c.paragraph, c.start, c.[end], c.quote"


class ExportRows:
    """The rows of one export on one connection; call `order` once, then read the streams."""

    def __init__(self, directory: Directory) -> None:
        self.con = con = directory.con
        self.table = f"temp.export_order_{next(_counter)}"
        self._cursors: list[sqlite3.Cursor] = []
        con.execute(
            f"CREATE TABLE {self.table} (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, "
            "depth INTEGER NOT NULL, section INTEGER NOT NULL, frame INTEGER NOT NULL)"
        )

    def close(self) -> None:
        """Stop the streams still being read (a cancelled export) and drop the table."""
        for cursor in self._cursors:
            cursor.close()
        self.con.execute(f"DROP TABLE IF EXISTS {self.table}")

    def _read(self, sql: str) -> sqlite3.Cursor:
        cursor = self.con.execute(sql)
        self._cursors.append(cursor)
        return cursor

    # -- the order --------------------------------------------------------------------------

    def add_frames(self, ids: Sequence[str], section: int) -> None:
        """Ancestors shown only to place a selection: identity alone, depth 0, 1, ..."""
        self.con.executemany(
            f"INSERT INTO {self.table} (id, depth, section, frame) VALUES (?, ?, ?, 1)",
            [(entity_id, depth, section) for depth, entity_id in enumerate(ids)],
        )

    def add_trees(self, roots: Sequence[tuple[str, int]], depth: int = 0,
                  skip_top_kinds: Sequence[str] = (), childless: bool = False) -> None:
        """Each root (id, section) and everything under it, depth first in document order.

        `skip_top_kinds`: kinds of the roots' direct children to leave out (the zone-wide part
        leaves out the parks); `childless`: the roots alone.
        """
        if not roots:
            return
        seeds = " UNION ALL ".join(
            "SELECT ?, ?, ?, printf('%08d', ?)" for _ in roots
        )
        params: list = []
        for rank, (entity_id, section) in enumerate(roots):
            params += [entity_id, depth, section, rank]
        where = ["0"] if childless else []
        if skip_top_kinds:
            where.append(f"NOT (t.depth = {int(depth)} AND e.kind IN "
                         f"({','.join('?' * len(skip_top_kinds))}))")
        # One recursive step per source of the rows (the user's layer has two: core/db/overlay).
        steps = [
            f"SELECT e.id, t.depth + 1, t.section, t.key || char(1) || {_GROUP_LETTER} "
            f"|| e.name || char(2) || e.id FROM {source} JOIN tree t ON e.parent_id = t.id "
            f"WHERE {' AND '.join([condition, *where])}"
            for source, condition in overlay.sources(self.con, "entities", "e")
        ]
        sql = (
            f"WITH RECURSIVE tree(id, depth, section, key) AS ({seeds} UNION ALL "
            f"{' UNION ALL '.join(steps)}) INSERT INTO {self.table} (id, depth, section, frame) "
            "SELECT id, depth, section, 0 FROM tree ORDER BY key"
        )
        self.con.execute(sql, [*params, *list(skip_top_kinds) * len(steps)])

    def measure(self) -> None:
        """Tell SQLite's planner how few rows the order holds (ANALYZE). Without it, a table
        of unknown size makes each fact query build a Bloom filter over the whole citations
        index first: ~50 ms at 100k enterprises, and more at 1M, for one entity's QR card."""
        self.con.execute(f"ANALYZE {self.table}")

    def add_rows(self, rows: Sequence[tuple[str, int]], section: int) -> None:
        """Entities placed by the caller: (id, depth), in order."""
        self.con.executemany(
            f"INSERT INTO {self.table} (id, depth, section, frame) VALUES (?, ?, ?, 0)",
            [(entity_id, depth, section) for entity_id, depth in rows],
        )

    def unreached(self) -> list[tuple[str, str | None, str, str]]:
        """Entities no root leads to (caught in a cycle of parents): id, parent, name, kind; by
        name. Normally none, answered by two counts."""
        total = self.con.execute("SELECT count(*) FROM entities").fetchone()[0]
        placed = self.con.execute(f"SELECT count(*) FROM {self.table} WHERE frame = 0").fetchone()[0]
        if total == placed:
            return []
        return self.con.execute(
            f"SELECT id, parent_id, name, kind FROM entities WHERE id NOT IN (SELECT id FROM {self.table}) "
            "ORDER BY name, id"
        ).fetchall()

    def roots(self) -> list[tuple[str, str]]:
        """Top-level entries (id, kind): the zone first, then places outside it, by name."""
        return self.con.execute(
            "SELECT id, kind FROM entities WHERE parent_id IS NULL ORDER BY kind != 'zone', name"
        ).fetchall()

    def orphans(self) -> list[str]:
        """Entities whose parent does not exist, in name order."""
        return [r[0] for r in self.con.execute(
            "SELECT id FROM entities WHERE parent_id IS NOT NULL "
            "AND parent_id NOT IN (SELECT id FROM entities) ORDER BY name, id"
        )]

    def count(self) -> int:
        """How many entities the export shows in full (frames left out)."""
        n: int = self.con.execute(f"SELECT count(*) FROM {self.table} WHERE frame = 0").fetchone()[0]
        return n

    def most_phones(self) -> int:
        """The most phone numbers any one entity of the export has."""
        row = self.con.execute(
            f"SELECT max(n) FROM (SELECT count(*) AS n FROM {self.table} o JOIN contacts k "
            "ON k.owner_id = o.id WHERE o.frame = 0 AND k.kind = 'phone' GROUP BY o.seq)"
        ).fetchone()
        return int(row[0] or 0)

    def cited_articles(self) -> set[str]:
        """The articles any record of the export cites."""
        t = self.table
        owned = " UNION ALL ".join(
            f"SELECT '{record_type}' AS record_type, x.id AS record_id FROM {t} o "
            f"JOIN {table} x ON x.{column} = o.id WHERE o.frame = 0"
            for record_type, table, column in (
                ("contact", "contacts", "owner_id"), ("figure", "figures", "entity_id"),
                ("role", "roles", "person_id"), ("relation", "relations", "subject_id"))
        )
        owned = f"SELECT 'entity' AS record_type, id AS record_id FROM {t} WHERE frame = 0 UNION ALL {owned}"
        return {r[0] for r in self.con.execute(
            f"SELECT DISTINCT c.article_id FROM ({owned}) AS x JOIN citations c "
            "ON c.record_type = x.record_type AND c.record_id = x.record_id"
        )}

    # -- the streams, each in document order (seq first) --------------------------------------

    def entities(self) -> Iterator[tuple]:
        """(seq, depth, section, frame, id, kind, subkind, name, district, status, description,
        reviewed) per entity."""
        return self._read(
            "SELECT o.seq, o.depth, o.section, o.frame, e.id, e.kind, e.subkind, e.name, "
            f"e.district, e.status, e.description, e.reviewed FROM {self.table} o "
            "JOIN entities e ON e.id = o.id ORDER BY o.seq"
        )

    def aliases(self) -> Iterator[tuple[int, str]]:
        """(seq, alias), sorted within an entity."""
        return self._read(
            f"SELECT o.seq, a.alias FROM {self.table} o JOIN aliases a ON a.entity_id = o.id "
            "ORDER BY o.seq, a.alias"
        )

    def entity_sources(self) -> Iterator[tuple]:
        """(seq, article, paragraph, start, end, quote) per citation of an entity itself."""
        return self._read(
            f"SELECT o.seq, {_CITATION} FROM {self.table} o JOIN citations c "
            "ON c.record_type = 'entity' AND c.record_id = o.id WHERE o.frame = 0 "
            "ORDER BY o.seq, c.id"
        )

    def contacts(self) -> Iterator[tuple]:
        """(seq, id, kind, label, raw, national, international, e164, tel_uri, line, valid,
        warning, then a citation or NULLs) per contact and citation, in contact id order."""
        return self._read(
            "SELECT o.seq, k.id, k.kind, k.label, k.raw, k.national, k.international, k.e164, "
            f"k.tel_uri, k.line, k.valid, k.warning, {_CITATION} FROM {self.table} o "
            "JOIN contacts k ON k.owner_id = o.id LEFT JOIN citations c "
            "ON c.record_type = 'contact' AND c.record_id = k.id WHERE o.frame = 0 "
            "ORDER BY o.seq, k.id, c.id"
        )

    def figures(self) -> Iterator[tuple]:
        """(seq, id, metric, value_text, unit, value, qualifier, refers_to, reported, then a
        citation or NULLs), by metric, newest report first."""
        return self._read(
            "SELECT o.seq, f.id, f.metric, f.value_text, f.unit, f.value, f.qualifier, "
            f"f.refers_to, f.reported, {_CITATION} FROM {self.table} o "
            "JOIN figures f ON f.entity_id = o.id LEFT JOIN citations c "
            "ON c.record_type = 'figure' AND c.record_id = f.id WHERE o.frame = 0 "
            "ORDER BY o.seq, f.metric, f.reported DESC, f.id, c.id"
        )

    def roles(self) -> Iterator[tuple]:
        """(seq, id, title, org_id, organisation name, reported, then a citation or NULLs) per
        title a person holds, newest first."""
        return self._read(
            "SELECT o.seq, r.id, r.title, r.org_id, org.name, r.reported, "
            f"{_CITATION} FROM {self.table} o JOIN roles r ON r.person_id = o.id "
            "LEFT JOIN entities org ON org.id = r.org_id LEFT JOIN citations c "
            "ON c.record_type = 'role' AND c.record_id = r.id WHERE o.frame = 0 "
            "ORDER BY o.seq, r.reported DESC, r.id, c.id"
        )

    def relations(self) -> Iterator[tuple]:
        """(seq, id, subject_id, subject, predicate, object_id, object, then a citation or
        NULLs) per relation whose subject is the entity."""
        return self._read(
            "SELECT o.seq, r.id, r.subject_id, s.name, r.predicate, r.object_id, ob.name, "
            f"{_CITATION} FROM {self.table} o JOIN relations r ON r.subject_id = o.id "
            "LEFT JOIN entities s ON s.id = r.subject_id LEFT JOIN entities ob "
            "ON ob.id = r.object_id LEFT JOIN citations c "
            "ON c.record_type = 'relation' AND c.record_id = r.id WHERE o.frame = 0 "
            "ORDER BY o.seq, r.predicate, r.id, c.id"
        )

    def organisation_paths(self) -> Iterator[tuple[str, str, str]]:
        """(id, kind, name) of each organisation or park of the export, then of each entity above
        it, from the root down: what vCard ORG lines are made of."""
        return self._read(
            "WITH RECURSIVE up(org, id, n) AS ("
            f"SELECT e.id, e.id, 0 FROM {self.table} o JOIN entities e ON e.id = o.id "
            "WHERE e.kind IN ('organisation', 'park') UNION ALL "
            "SELECT up.org, e.parent_id, up.n + 1 FROM up JOIN entities e ON e.id = up.id "
            "WHERE e.parent_id IS NOT NULL AND up.n < 64) "
            "SELECT up.org, e.kind, e.name FROM up JOIN entities e ON e.id = up.id "
            "ORDER BY up.org, up.n DESC"
        )


def unreviewed(directory: Directory) -> Iterator[tuple]:
    """The rule findings no curation claimed: (id, article, kind, text, value, unit, paragraph,
    start, end), in article and reading order."""
    return directory.con.execute(
        "SELECT id, article_id, kind, text, value, unit, paragraph, start, [end] "
        "FROM mentions ORDER BY article_id, paragraph, start, id"
    )
