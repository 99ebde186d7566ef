"""Writing a Bundle to a parkdesk database, atomically: a temporary file renamed into place."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from sqlite_utils import Database

from parkdesk.core.errors import BuildError
from parkdesk.core.records import Bundle, Citation, Entity
from parkdesk.core.schema import APPLICATION_ID, create_schema


def check_replaceable(path: Path) -> None:
    """Refuse to overwrite a file that exists but is not a parkdesk database."""
    if not path.exists():
        return
    if path.is_dir():
        raise BuildError(f"{path}: is a directory; give a file name for the database.")
    if path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        app_id = None
    if app_id != APPLICATION_ID:
        raise BuildError(
            f"{path}: exists and is not a parkdesk database; refusing to overwrite it. "
            "Choose another output file."
        )


def write_bundle(bundle: Bundle, path: Path, meta: dict[str, str] | None = None) -> None:
    """Write `bundle` to `path`, replacing it only once the new file is complete and checked."""
    path = Path(path)
    check_replaceable(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise BuildError(f"{path}: the folder {directory} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".parks-", suffix=".db.tmp", dir=directory)
    except OSError as exc:
        raise BuildError(f"{path}: cannot write there ({exc.strerror}).") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _fill(tmp, bundle, meta or {})
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fill(tmp: Path, bundle: Bundle, meta: dict[str, str]) -> None:
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        db = Database(con)
        db.execute("PRAGMA journal_mode = DELETE")
        create_schema(db)
        with db.conn:
            _insert(db, bundle, meta)
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise BuildError(f"the new database failed its integrity check: {ok}")
        db.execute("VACUUM")
    finally:
        con.close()


def _insert(db: Database, bundle: Bundle, meta: dict[str, str]) -> None:
    db["meta"].insert_all(({"key": k, "value": v} for k, v in sorted(meta.items())))
    db["articles"].insert_all(
        {**asdict(a), "date_inferred": int(a.date_inferred), "reviewed": int(a.reviewed)}
        for a in bundle.articles
    )
    citations: list[dict] = []

    def cite(record_type: str, record_id: str, sources: Iterable[Citation]) -> None:
        for c in sources:
            citations.append({"record_type": record_type, "record_id": record_id, **asdict(c)})

    entities = sorted(bundle.entities, key=lambda e: e.id)
    by_id = {e.id: e for e in entities}
    for e in entities:
        row = asdict(e)
        row.pop("aliases")
        row.pop("sources")
        row["reviewed"] = int(e.reviewed)
        db["entities"].insert(row)
        db["aliases"].insert_all({"entity_id": e.id, "alias": a} for a in sorted(set(e.aliases)))
        cite("entity", e.id, e.sources)
    for table, records, kind in (
        ("contacts", bundle.contacts, "contact"),
        ("figures", bundle.figures, "figure"),
        ("roles", bundle.roles, "role"),
        ("relations", bundle.relations, "relation"),
    ):
        for r in sorted(records, key=lambda r: r.id):
            row = asdict(r)
            sources = row.pop("sources")
            if "valid" in row:
                row["valid"] = int(row["valid"])
            db[table].insert(row)
            cite(kind, r.id, (Citation(**s) for s in sources))
    for m in sorted(bundle.mentions, key=lambda m: m.id):
        c = m.citation
        db["mentions"].insert(
            {
                "id": m.id,
                "article_id": m.article_id,
                "kind": m.kind,
                "text": m.text,
                "value": m.value,
                "unit": m.unit,
                "paragraph": c.paragraph,
                "start": c.start,
                "end": c.end,
            }
        )
    for i, row in enumerate(citations, start=1):
        row["id"] = i
    db["citations"].insert_all(citations)
    db["search"].insert_all(_search_rows(bundle, by_id))


def _park_of(entity: Entity, by_id: dict[str, Entity]) -> str:
    seen = set()
    current: Entity | None = entity
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current.kind in ("park", "zone", "place") and current is not entity:
            return current.name
        current = by_id.get(current.parent_id or "")
    return ""


def _search_rows(bundle: Bundle, by_id: dict[str, Entity]) -> Iterable[dict]:
    people: dict[str, list[str]] = {}
    for role in sorted(bundle.roles, key=lambda r: r.id):
        person = by_id.get(role.person_id)
        people.setdefault(role.person_id, []).append(role.title)
        if role.org_id and person:
            people.setdefault(role.org_id, []).append(f"{person.name} {role.title}")
    for e in sorted(by_id.values(), key=lambda e: e.id):
        yield {
            "entity_id": e.id,
            "kind": e.kind,
            "name": e.name,
            "aliases": " | ".join(sorted(set(e.aliases))),
            "people": " | ".join(people.get(e.id, [])),
            "description": e.description or "",
            "park": _park_of(e, by_id),
        }
