"""Read access to a parkdesk database, queried by the app and CLI (opened by core/db/opening)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from parkdesk.core.db.connect import (
    BUSY_TIMEOUT,
    in_chunks,
)
from parkdesk.core.db.hints import rebuild_hint
from parkdesk.core.db.opening import (
    FULL_CHECK_BYTES,
    _connect_ro,
    _quick_check,
    validate,
)
from parkdesk.core.db.tree_pages import children_sql
from parkdesk.core.errors import DatabaseError
from parkdesk.core.parks import park_in
from parkdesk.core.records import (
    PARK,
    ZONE,
    Article,
    Citation,
    Contact,
    Entity,
    Figure,
    Relation,
    Role,
)
from parkdesk.core.userstore.layer import EMPTY_LAYER, Layer

if TYPE_CHECKING:
    # Imported when first searched: the search modules are not needed for the first paint.
    from parkdesk.core.db import search as search_mod

# An entity and the organisations directly under it (the zone and its management committee).
# A subquery rather than `owner_id = ? OR ...`, which SQLite answers by reading every contact.
_OWNER_AND_BODIES = (
    "SELECT ? UNION ALL SELECT id FROM entities WHERE parent_id = ? AND kind = 'organisation'"
)

# A contact's place in its owner's list: where the articles first state it (the first number
# given is the main one). A term of ORDER BY over the `contacts` table.
FIRST_STATED = (
    "(SELECT min(article_id || printf(':%06d:%06d', paragraph, start)) FROM citations"
    " WHERE record_type = 'contact' AND record_id = contacts.id)"
)

_Opt = str | None
# Rows of `Directory._ENTITY_COLUMNS` and of the contact queries: the records' fields in order.
_EntityRow = tuple[str, str, str, _Opt, _Opt, _Opt, _Opt, _Opt, int]
_ContactRow = tuple[str, str, str, str, str, _Opt, _Opt, _Opt, int, _Opt]


def _kind(entity: Entity) -> str:
    return entity.kind


@dataclass(frozen=True)
class Source:
    """A citation together with the article it points into."""

    citation: Citation
    article: Article


class Directory:
    """The directory in one database file. Open with `Directory.open(path)`."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path
        self._articles: dict[str, Article] | None = None
        # Whether opening ran SQLite's full check (files up to FULL_CHECK_BYTES); see verify().
        self.fully_checked = False
        self._immutable = False  # a WAL file in a read-only folder, read as an unchanging file
        # The user's layer, when the directory is shown with it (core/db/layered.py).
        self.layer: Layer = EMPTY_LAYER

    @classmethod
    def open(cls, path: Path | str, timeout: float = BUSY_TIMEOUT) -> Directory:
        """Open and validate a database; raises DatabaseError with a message for the user.

        `timeout`: how long each read waits for another program's lock (the UI's is short).
        """
        path = Path(path)
        con = validate(path, timeout)
        directory = cls(con, path)
        directory.fully_checked = path.stat().st_size <= FULL_CHECK_BYTES
        directory._immutable = con.immutable
        return directory

    def close(self) -> None:
        self.con.close()

    def verify(self) -> None:
        """SQLite's full quick_check, on a connection of its own (slow: run it in a QueryOp).

        Raises DatabaseError when the file is damaged. Opening already did this for small files.
        """
        con = _connect_ro(self.path, immutable=self._immutable)
        try:
            _quick_check(con, self.path)
        finally:
            con.close()

    # -- metadata --------------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        """Build information: built_at, article_count, parkdesk version..."""
        return dict(self.con.execute("SELECT key, value FROM meta"))

    def counts(self) -> dict[str, int]:
        """Number of records per kind of entity, plus contacts, figures and citations."""
        counts = dict(self.con.execute("SELECT kind, count(*) FROM entities GROUP BY kind"))
        for table in ("contacts", "figures", "roles", "relations", "citations", "articles"):
            counts[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return counts

    # -- articles and sources -----------------------------------------------------------------

    def articles(self) -> dict[str, Article]:
        """Every source article by id."""
        if self._articles is None:
            rows = self.con.execute(
                "SELECT id, file, title, published, date_inferred, outlet, url, sha256, "
                "paragraphs, reviewed FROM articles ORDER BY id"
            )
            self._articles = {
                r[0]: Article(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], r[7], r[8], bool(r[9]))
                for r in rows
            }
        return self._articles

    def citations(self, record_type: str, record_id: str) -> list[Citation]:
        """Citations of one record ("entity", "contact", "figure", "role", "relation")."""
        rows = self.con.execute(
            "SELECT article_id, paragraph, start, [end], quote FROM citations "
            "WHERE record_type = ? AND record_id = ? ORDER BY id",
            (record_type, record_id),
        )
        return [Citation(*r) for r in rows]

    def citations_of(self, record_type: str, record_ids: list[str]) -> dict[str, list[Citation]]:
        """Citations of many records of one type, by record id, in a query per 500 ids (a
        record without citations is left out)."""
        found: dict[str, list[Citation]] = {}
        for ids, marks in in_chunks(record_ids):
            for record_id, *citation in self.con.execute(
                "SELECT record_id, article_id, paragraph, start, [end], quote FROM citations "
                f"WHERE record_type = ? AND record_id IN ({marks}) ORDER BY id",
                (record_type, *ids),
            ):
                found.setdefault(record_id, []).append(Citation(*citation))
        return found

    def sources(self, record_type: str, record_id: str) -> list[Source]:
        """Citations of one record, each with its article."""
        articles = self.articles()
        return [Source(c, articles[c.article_id]) for c in self.citations(record_type, record_id)]

    # -- entities -------------------------------------------------------------------------------

    _ENTITY_COLUMNS = "id, kind, name, parent_id, subkind, district, status, description, reviewed"

    def _entity(self, row: _EntityRow, with_sources: bool = False) -> Entity:
        return self._entities([row], with_sources)[0]

    def _entities(self, rows: list[_EntityRow], with_sources: bool = False) -> list[Entity]:
        """Entities from `_ENTITY_COLUMNS` rows, their aliases fetched in one query."""
        aliases: dict[str, list[str]] = {}
        for ids, marks in in_chunks([r[0] for r in rows]):
            for entity_id, alias in self.con.execute(
                f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks}) "
                "ORDER BY entity_id, alias",
                ids,
            ):
                aliases.setdefault(entity_id, []).append(alias)
        cited = self.citations_of("entity", [r[0] for r in rows]) if with_sources else {}
        result = []
        for row in rows:
            entity = Entity(*row[:8], aliases=tuple(aliases.get(row[0], ())), reviewed=bool(row[8]))
            if with_sources:
                entity.sources = cited.get(entity.id, [])
            result.append(entity)
        return result

    def entity(self, entity_id: str) -> Entity | None:
        """One entity with its aliases and sources, or None."""
        row = self.con.execute(
            f"SELECT {self._ENTITY_COLUMNS} FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        return self._entity(row, with_sources=True) if row else None

    def zone(self) -> Entity:
        """The zone itself."""
        row = self.con.execute(
            f"SELECT {self._ENTITY_COLUMNS} FROM entities WHERE kind = ? ORDER BY id LIMIT 1",
            (ZONE,),
        ).fetchone()
        if row is None:
            raise DatabaseError(f"The database {self.path} has no zone record.",
                                rebuild_hint(self.path))
        return self._entity(row, with_sources=True)

    def roots(self) -> list[Entity]:
        """Top-level entries: the zone first, then places outside it."""
        rows = self.con.execute(
            f"SELECT {self._ENTITY_COLUMNS} FROM entities WHERE parent_id IS NULL "
            "ORDER BY kind != 'zone', name"
        )
        return self._entities(rows.fetchall())

    def parks(self) -> list[Entity]:
        """The zone's parks in name order."""
        rows = self.con.execute(
            f"SELECT {self._ENTITY_COLUMNS} FROM entities WHERE kind = ? ORDER BY name", (PARK,)
        )
        return self._entities(rows.fetchall())

    def children(
        self,
        parent_id: str,
        kinds: tuple[str, ...] | None = None,
        offset: int = 0,
        limit: int = -1,
        after: tuple[str, str] | None = None,
    ) -> list[Entity]:
        """Direct children of an entity, optionally of some kinds only, in name order.

        `after` (the name and id of the last child of the previous page) starts the page right
        after it, without counting through `offset` rows."""
        sql, params, _ = children_sql(self._ENTITY_COLUMNS, parent_id, kinds, offset, limit,
                                      after, None, False)
        return self._entities(self.con.execute(sql, params).fetchall())

    def child_totals(self, parent_ids: list[str],
                     kinds: tuple[str, ...] | None = None) -> dict[str, int]:
        """How many direct children (of these kinds) each of these entities has, as counted at
        build time (those with none are left out)."""
        totals: dict[str, int] = {}
        of_kinds = f" AND kind IN ({','.join('?' * len(kinds))})" if kinds else ""
        for ids, marks in in_chunks(parent_ids):
            totals.update(self.con.execute(
                f"SELECT parent_id, sum(n) FROM child_counts WHERE parent_id IN ({marks})"
                f"{of_kinds} GROUP BY parent_id HAVING sum(n) > 0",
                [*ids, *(kinds or ())],
            ))
        return totals

    def count_children(self, parent_id: str, kinds: tuple[str, ...] | None = None) -> int:
        """How many direct children an entity has (of some kinds), as counted at build time."""
        sql = "SELECT coalesce(sum(n), 0) FROM child_counts WHERE parent_id = ?"
        params: list = [parent_id]
        if kinds:
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += list(kinds)
        return int(self.con.execute(sql, params).fetchone()[0])

    def ancestors(self, entity_id: str) -> list[Entity]:
        """The chain from the root down to the entity's parent."""
        chain: list[Entity] = []
        current = self.entity(entity_id)
        seen = {entity_id}
        while current and current.parent_id and current.parent_id not in seen:
            seen.add(current.parent_id)
            current = self.entity(current.parent_id)
            if current:
                chain.insert(0, current)
        return chain

    def park_of(self, entity_id: str) -> Entity | None:
        """The park, zone or outside place an entity is or belongs to (see parks.park_in)."""
        entity = self.entity(entity_id)
        if entity is None:
            return None
        return park_in([*self.ancestors(entity_id), entity], _kind)

    # -- facts ------------------------------------------------------------------------------------

    def contacts(self, owner_id: str, include_children: bool = False) -> list[Contact]:
        """Phone numbers and addresses of an entity (and of the bodies directly under it)."""
        sql = (
            "SELECT id, owner_id, kind, label, raw, e164, national, international, valid, warning "
            "FROM contacts WHERE owner_id = ?"
        )
        params = [owner_id]
        if include_children:
            # The zone's own bodies (the management committee) count as the zone's contacts.
            sql = sql.replace("owner_id = ?", f"owner_id IN ({_OWNER_AND_BODIES})")
            params.append(owner_id)
        rows: list[_ContactRow] = self.con.execute(sql + " ORDER BY id", params).fetchall()
        # Phones before the address, each in the order the articles first state them: the
        # first number given is the main one (it is what a fact sheet's QR code dials). The
        # order of FIRST_STATED, sorted here: as a correlated subquery over the user's layer
        # (a view, core/db/overlay.py) it read every contact's citations for each contact.
        first = self._first_stated([r[0] for r in rows])
        rows.sort(key=lambda r: (first.get(r[0]) is not None, first.get(r[0]) or ""))
        rows.sort(key=lambda r: r[2] or "", reverse=True)  # (stable: ties keep their order)
        rows.sort(key=lambda r: r[1] != owner_id)
        cited = self.citations_of("contact", [r[0] for r in rows])
        result = []
        for r in rows:
            c = Contact(*r[:8], valid=bool(r[8]), warning=r[9])
            c.sources = cited.get(c.id, [])
            result.append(c)
        return result

    def _first_stated(self, contact_ids: list[str]) -> dict[str, str]:
        """FIRST_STATED of each contact that has a citation."""
        first: dict[str, str] = {}
        for ids, marks in in_chunks(contact_ids):
            first.update(self.con.execute(
                "SELECT record_id, min(article_id || printf(':%06d:%06d', paragraph, start)) "
                f"FROM citations WHERE record_type = 'contact' AND record_id IN ({marks}) "
                "GROUP BY record_id", ids))
        return {k: v for k, v in first.items() if v is not None}

    def count_contacts(self, owner_id: str, include_children: bool = False) -> int:
        """How many contacts `contacts(owner_id, include_children)` returns, without loading them."""
        if include_children:
            sql = f"SELECT count(*) FROM contacts WHERE owner_id IN ({_OWNER_AND_BODIES})"
            return int(self.con.execute(sql, (owner_id, owner_id)).fetchone()[0])
        sql = "SELECT count(*) FROM contacts WHERE owner_id = ?"
        return int(self.con.execute(sql, (owner_id,)).fetchone()[0])

    def contact(self, contact_id: str) -> Contact | None:
        """One contact by id."""
        row: _ContactRow | None = self.con.execute(
            "SELECT id, owner_id, kind, label, raw, e164, national, international, valid, warning "
            "FROM contacts WHERE id = ?",
            (contact_id,),
        ).fetchone()
        if row is None:
            return None
        c = Contact(*row[:8], valid=bool(row[8]), warning=row[9])
        c.sources = self.citations("contact", c.id)
        return c

    def figures(self, entity_id: str) -> list[Figure]:
        """Figures about an entity, grouped by metric, newest report first within a metric."""
        return self.figures_of([entity_id]).get(entity_id, [])

    def figures_of(self, entity_ids: list[str]) -> dict[str, list[Figure]]:
        """Figures about each of these entities (as `figures`), by entity id, with their
        citations: two queries per 500 entities, not one per figure."""
        found: dict[str, list[Figure]] = {}
        every: list[Figure] = []
        for ids, marks in in_chunks(entity_ids):
            for r in self.con.execute(
                "SELECT id, entity_id, metric, value_text, unit, value, qualifier, refers_to, "
                f"reported FROM figures WHERE entity_id IN ({marks}) "
                "ORDER BY entity_id, metric, reported DESC, id",
                ids,
            ):
                figure = Figure(*r)
                found.setdefault(figure.entity_id, []).append(figure)
                every.append(figure)
        cited = self.citations_of("figure", [f.id for f in every])
        for figure in every:
            figure.sources = cited.get(figure.id, [])
        return found

    def roles_of(self, person_id: str) -> list[Role]:
        """A person's titles, newest first."""
        return self._roles("person_id", [person_id]).get(person_id, [])

    def roles_of_people(self, person_ids: list[str]) -> dict[str, list[Role]]:
        """Each person's titles (as `roles_of`), by person id, read together."""
        return self._roles("person_id", person_ids)

    def people_of(self, org_id: str) -> list[Role]:
        """Roles held at an organisation (or park), newest first."""
        return self._roles("org_id", [org_id]).get(org_id, [])

    def people_at(self, org_ids: list[str]) -> dict[str, list[Role]]:
        """The roles held at each of these organisations (as `people_of`), read together."""
        return self._roles("org_id", org_ids)

    def _roles(self, column: str, values: list[str]) -> dict[str, list[Role]]:
        """Roles whose `column` is one of `values`, by that value, newest first in each."""
        found: dict[str, list[Role]] = {}
        every: list[Role] = []
        for chunk, marks in in_chunks(values):
            for r in self.con.execute(
                f"SELECT id, person_id, title, org_id, reported FROM roles WHERE {column} IN "
                f"({marks}) ORDER BY reported DESC, id",
                chunk,
            ):
                role = Role(*r)
                found.setdefault(r[1] if column == "person_id" else r[3], []).append(role)
                every.append(role)
        cited = self.citations_of("role", [role.id for role in every]) if every else {}
        for role in every:
            role.sources = cited.get(role.id, [])
        return found

    def relations(self, entity_id: str) -> list[Relation]:
        """Relations where the entity is subject or object."""
        rows = self.con.execute(
            "SELECT id, subject_id, predicate, object_id FROM relations "
            "WHERE subject_id = ? OR object_id = ? ORDER BY predicate, id",
            (entity_id, entity_id),
        )
        result = []
        for r in rows:
            rel = Relation(*r)
            rel.sources = self.citations("relation", rel.id)
            result.append(rel)
        return result

    def names_of(self, entity_ids: list[str]) -> dict[str, str]:
        """The display names of these entities, by id (unknown ids are left out)."""
        names: dict[str, str] = {}
        for chunk, marks in in_chunks(entity_ids):
            names.update(self.con.execute(
                f"SELECT id, name FROM entities WHERE id IN ({marks})", chunk))
        return names

    def name_of(self, entity_id: str | None) -> str:
        """The display name of an entity id ("" when unknown)."""
        if not entity_id:
            return ""
        row = self.con.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return row[0] if row else ""

    # -- search -----------------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50) -> list[search_mod.SearchHit]:
        """Entities matching any text, best name matches first; never raises on odd input."""
        return self.search_result(text, limit).hits

    def search_result(self, text: str, limit: int = 50) -> search_mod.SearchResult:
        """`search`, with the correction made to the text ("Showing results for ...")."""
        from parkdesk.core.db import search as search_mod

        return search_mod.search_result(self.con, text, limit, self.contacts)
