"""Writing a Bundle to a parkdesk database, atomically: a temporary file renamed into place."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlite_utils import Database

from parkdesk.core.atomic import replacing
from parkdesk.core.db.connect import connect_readonly
from parkdesk.core.db.schema import APPLICATION_ID, SCHEMA_VERSION, create_schema
from parkdesk.core.db.search_index import write_search_index
from parkdesk.core.errors import BuildError, DatabaseError, os_error_reason
from parkdesk.core.parks import park_in
from parkdesk.core.records import Bundle, Citation, Contact, Entity, Figure, Relation, Role

#: The end of the temporary file's name while a database is written (see core.atomic).
TEMP_SUFFIX = ".db.tmp"


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
                 check: Callable[[Path], list[str]] | None = None) -> None:
    """Write `bundle` to `path`, replacing it only once the new file is complete and checked.

    `check(new_file)` returns what is wrong with the finished file (the build passes the whole
    of `parkdesk check`); any problem keeps the old file and raises BuildError. Leftovers of a
    killed earlier write are removed first.
    """
    path = Path(path)
    check_replaceable(path)
    with replacing(path, suffix=TEMP_SUFFIX) as tmp:
        try:
            _fill(tmp, bundle, meta or {})
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


def _fill(tmp: Path, bundle: Bundle, meta: dict[str, str]) -> None:
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        db = Database(con)
        db.execute("PRAGMA journal_mode = DELETE")
        # A temporary file, renamed into place only once complete and checked: no need to sync.
        db.execute("PRAGMA synchronous = OFF")
        create_schema(db)
        con.execute("BEGIN")
        _insert(con, bundle, meta)
        con.execute("COMMIT")
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise BuildError(f"the new database failed its integrity check: {ok}")
        # Statistics for the query planner: with a park of 25,000 children among five, it
        # otherwise picks indexes that read a whole park to find its forty projects.
        db.execute("ANALYZE")
        db.execute("VACUUM")
    finally:
        con.close()


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


def _insert(con: sqlite3.Connection, bundle: Bundle, meta: dict[str, str]) -> None:
    _insert_rows(con, "meta", sorted(meta.items()))
    columns = _columns(con, "articles")
    _insert_rows(con, "articles", (_record_row(a, columns) for a in bundle.articles))
    citations: list[tuple] = []

    def cite(record_type: str, record_id: str, sources: Iterable[Citation],
             entity_id: str) -> None:
        for c in sources:
            citations.append((len(citations) + 1, record_type, record_id, c.article_id,
                              c.paragraph, c.start, c.end, c.quote, entity_id))

    entities = sorted(bundle.entities, key=lambda e: e.id)
    by_id = {e.id: e for e in entities}
    parks = _park_ids(by_id)
    columns = _columns(con, "entities")
    _insert_rows(con, "entities", (_record_row(e, columns, {"park_id": parks.get(e.id)})
                                   for e in entities))
    _insert_rows(con, "aliases", ((e.id, a) for e in entities for a in sorted(set(e.aliases))))
    con.execute(
        "INSERT INTO child_counts (parent_id, kind, n) SELECT parent_id, kind, count(*) "
        "FROM entities WHERE parent_id IS NOT NULL GROUP BY parent_id, kind ORDER BY parent_id, kind"
    )
    for e in entities:
        cite("entity", e.id, e.sources, e.id)
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
        for r in ordered:
            cite(kind, r.id, r.sources, getattr(r, about))
    columns = _columns(con, "mentions")
    spans = {"paragraph", "start", "end"}
    _insert_rows(con, "mentions", (
        tuple(getattr(m.citation if c in spans else m, c) for c in columns)
        for m in sorted(bundle.mentions, key=lambda m: m.id)
    ))
    _insert_rows(con, "citations", citations)
    write_search_index(con, bundle, by_id)
    con.execute("INSERT INTO entities_fts (entities_fts) VALUES ('rebuild')")


def _park_ids(by_id: dict[str, Entity]) -> dict[str, str]:
    """Each entity's park id (parks.park_in over its chain of parents, itself included)."""
    parks: dict[str, str] = {}
    for entity in by_id.values():
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
