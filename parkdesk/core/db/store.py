"""Writing a Bundle to a parkdesk database, atomically: a temporary file renamed into place."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlite_utils import Database

from parkdesk.core.atomic import replacing
from parkdesk.core.db.connect import connect_readonly
from parkdesk.core.db.schema import APPLICATION_ID, SCHEMA_VERSION, create_schema
from parkdesk.core.db.search_index import SearchIndexWriter
from parkdesk.core.errors import BuildError, DatabaseError, os_error_reason
from parkdesk.core.parks import park_in
from parkdesk.core.records import (
    ORGANISATION,
    PARK,
    PLACE,
    PROJECT,
    ZONE,
    Bundle,
    Contact,
    Entity,
    Figure,
    Relation,
    Role,
)

#: The end of the temporary file's name while a database is written (see core.atomic).
TEMP_SUFFIX = ".db.tmp"
# Entities that an entity of a later part may sit under (write_parts): kept while writing.
_HOLDER_KINDS = frozenset({ZONE, PARK, ORGANISATION, PROJECT, PLACE})


def _identity(path: Path) -> tuple[int, int] | None:
    """The file's application_id and schema version, or None when it is not SQLite."""
    try:
        con = connect_readonly(path)
        try:
            return (con.execute("PRAGMA application_id").fetchone()[0],
                    con.execute("PRAGMA user_version").fetchone()[0])
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None


def check_replaceable(path: Path) -> None:
    """Refuse to overwrite a file that exists but is not a parkdesk database of this or an older
    version (a newer parkdesk's database stays: this one could only replace it with an older)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except PermissionError as exc:
        raise BuildError(
            f"Cannot write {path}: you do not have permission to use the folder it is in. "
            "Choose another folder."
        ) from exc
    except OSError as exc:
        raise BuildError(f"Cannot write {path}: {os_error_reason(exc)}.") from exc
    if path.is_dir():
        raise BuildError(f"{path}: is a directory; give a file name for the database.")
    if info.st_size == 0:
        return
    identity = _identity(path)
    if identity is None or identity[0] != APPLICATION_ID:
        raise BuildError(
            f"{path}: exists and is not a parkdesk database; refusing to overwrite it. "
            "Choose another output file."
        )
    if identity[1] > SCHEMA_VERSION:
        raise BuildError(
            f"{path}: was made by a newer parkdesk (schema version {identity[1]}); refusing to "
            "overwrite it. Upgrade parkdesk, or choose another output file."
        )


def write_bundle(bundle: Bundle, path: Path, meta: dict[str, str] | None = None,
                 check: Callable[[Path], list[str]] | None = None, bulk: bool = False) -> None:
    """Write `bundle` to `path`, replacing it only once the new file is complete and checked.

    `check(new_file)` returns what is wrong with the finished file (the build passes the whole
    of `parkdesk check`); any problem keeps the old file and raises BuildError. Leftovers of a
    killed earlier write are removed first. `bulk`: see write_parts.
    """
    write_parts([bundle], path, meta, check, bulk)


def write_parts(parts: Iterable[Bundle], path: Path, meta: dict[str, str] | None = None,
                check: Callable[[Path], list[str]] | None = None, bulk: bool = False) -> None:
    """`write_bundle` for a directory made and written a part at a time (`parkdesk synth`'s
    million enterprises): each part is written as it comes and can then be let go.

    An entity may sit under an entity of an earlier part only if that one is a zone, park,
    organisation, project or place (_HOLDER_KINDS). `bulk` (for a
    million records): the indexes, triggers and full-text indexes are made after the rows
    are in, not kept up row by row (the same tables; the full-text indexes' pages are laid
    out differently), and the finished file is not vacuumed.
    """
    path = Path(path)
    check_replaceable(path)
    with replacing(path, suffix=TEMP_SUFFIX) as tmp:
        try:
            _fill(tmp, parts, meta or {}, bulk)
        except sqlite3.Error as exc:
            raise BuildError(f"Cannot write {path}: {exc}.") from exc
        try:
            problems = check(tmp) if check else []
        except DatabaseError as exc:
            problems = [exc.problem]
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            first = problems[0].replace(str(tmp), "the new file")
            raise BuildError(
                f"The new database fails its checks: {first}{more}. {path} was left as it was."
            )


def _fill(tmp: Path, parts: Iterable[Bundle], meta: dict[str, str], bulk: bool = False) -> None:
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        db = Database(con)
        db.execute("PRAGMA journal_mode = DELETE")
        # A temporary file, renamed into place only once complete and checked: no need to sync.
        db.execute("PRAGMA synchronous = OFF")
        if bulk:  # building indexes over a million rows: keep their pages in memory
            db.execute("PRAGMA cache_size = -200000")
        create_schema(db)
        con.execute("BEGIN")
        indexes, triggers = _drop_indexes_and_triggers(con) if bulk else ([], [])
        search_index = SearchIndexWriter(con)
        cited = [0]  # citations so far: the next one's id follows
        holders: dict[str, Entity] = {}
        for part in parts:
            by_id = {**holders, **{e.id: e for e in part.entities}}
            _insert_part(con, part, by_id, cited)
            search_index.add(part, by_id)
            holders.update((e.id, e) for e in part.entities if e.kind in _HOLDER_KINDS)
        _insert_rows(con, "meta", sorted(meta.items()))  # (after the parts: they may add to it)
        con.execute(
            "INSERT INTO child_counts (parent_id, kind, n) SELECT parent_id, kind, count(*) "
            "FROM entities WHERE parent_id IS NOT NULL GROUP BY parent_id, kind "
            "ORDER BY parent_id, kind"
        )
        for sql in indexes:  # (the search index's phones are found through them)
            con.execute(sql)
        search_index.finish(rebuild_fts=bulk)
        con.execute("INSERT INTO entities_fts (entities_fts) VALUES ('rebuild')")
        for sql in triggers:
            con.execute(sql)
        con.execute("COMMIT")
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise BuildError(f"the new database failed its integrity check: {ok}")
        # Statistics for the query planner: with a park of 25,000 children among five, it
        # otherwise picks indexes that read a whole park to find its forty projects.
        db.execute("ANALYZE")
        if not bulk:  # (a bulk write's indexes, made after the rows, are already compact)
            db.execute("VACUUM")
    finally:
        con.close()


def _drop_indexes_and_triggers(con: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """Drop the schema's own indexes and triggers; returns the SQL that makes them again."""
    rows = con.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY type, rowid").fetchall()
    for kind, name, _sql in rows:
        con.execute(f"DROP {kind.upper()} [{name}]")
    return ([sql for kind, _name, sql in rows if kind == "index"],
            [sql for kind, _name, sql in rows if kind == "trigger"])


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA table_info([{table}])")]


def _insert_rows(con: sqlite3.Connection, table: str, rows: Iterable[tuple]) -> None:
    """Bulk insert of tuples in the table's column order."""
    columns = _columns(con, table)
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" * len(columns))
    con.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", rows)


def _record_row(record: object, columns: list[str], extra: dict | None = None) -> tuple:
    """A record's values in table column order, `extra` for columns the record has no field
    for; booleans stored as 0/1."""
    values = []
    for c in columns:
        v = extra[c] if extra and c in extra else getattr(record, c)
        values.append(int(v) if isinstance(v, bool) else v)
    return tuple(values)


def _fill_phone_forms(contact: Contact) -> None:
    """The stored `tel:` URI and line kind of a phone, when its maker left them out."""
    if contact.kind == "phone" and contact.line is None:
        from parkdesk.core.phones import line_kind, tel_uri

        contact.tel_uri = tel_uri(contact.raw, contact.e164)
        contact.line = line_kind(contact.raw, contact.e164)


def _insert_part(con: sqlite3.Connection, bundle: Bundle, by_id: dict[str, Entity],
                 cited: list[int]) -> None:
    """The records of one part, each table in id order, each record's citations numbered on
    from `cited[0]`; `by_id`: the part's entities and those it may sit under."""
    columns = _columns(con, "articles")
    _insert_rows(con, "articles", (_record_row(a, columns) for a in bundle.articles))

    def cite(record_type: str, records: Iterable, about: str) -> None:
        """Insert the citations of `records` as they come (a list of millions is not kept),
        each with the entity its record is about (the record's `about` field)."""
        def rows() -> Iterable[tuple]:
            for r in records:
                for c in r.sources:
                    cited[0] += 1
                    yield (cited[0], record_type, r.id, c.article_id, c.paragraph, c.start,
                           c.end, c.quote, getattr(r, about))
        _insert_rows(con, "citations", rows())

    entities = sorted(bundle.entities, key=lambda e: e.id)
    parks = _park_ids(entities, by_id)
    columns = _columns(con, "entities")
    _insert_rows(con, "entities", (_record_row(e, columns, {"park_id": parks.get(e.id)})
                                   for e in entities))
    _insert_rows(con, "aliases", ((e.id, a) for e in entities for a in sorted(set(e.aliases))))
    cite("entity", entities, "id")
    # Each table, its records, their citations' record type and the entity a record is about.
    tables: tuple[tuple[str, Sequence[Contact | Figure | Role | Relation], str, str], ...] = (
        ("contacts", bundle.contacts, "contact", "owner_id"),
        ("figures", bundle.figures, "figure", "entity_id"),
        ("roles", bundle.roles, "role", "person_id"),
        ("relations", bundle.relations, "relation", "subject_id"),
    )
    for c in bundle.contacts:
        _fill_phone_forms(c)
    for table, records, kind, about in tables:
        columns = _columns(con, table)
        ordered = sorted(records, key=lambda r: r.id)
        _insert_rows(con, table, (_record_row(r, columns) for r in ordered))
        cite(kind, ordered, about)
    columns = _columns(con, "mentions")
    spans = {"paragraph", "start", "end"}
    _insert_rows(con, "mentions", (
        tuple(getattr(m.citation if c in spans else m, c) for c in columns)
        for m in sorted(bundle.mentions, key=lambda m: m.id)
    ))


def _park_ids(entities: Iterable[Entity], by_id: dict[str, Entity]) -> dict[str, str]:
    """Each entity's park id (parks.park_in over its chain of parents, itself included)."""
    parks: dict[str, str] = {}
    for entity in entities:
        chain, seen = [entity], {entity.id}
        current = by_id.get(entity.parent_id or "")
        while current is not None and current.id not in seen:  # (a parent cycle ends the chain)
            seen.add(current.id)
            chain.insert(0, current)
            current = by_id.get(current.parent_id or "")
        park = park_in(chain, _kind)
        if park is not None:
            parks[entity.id] = park.id
    return parks


def _kind(entity: Entity) -> str:
    return entity.kind
