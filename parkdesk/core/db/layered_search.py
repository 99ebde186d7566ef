"""The search rows of the records the user's changes touched, written over the overlay
(core/db/layered.py applies the changes; core/db/overlay.py holds the delta)."""

from __future__ import annotations

import sqlite3

from parkdesk.core.db import overlay
from parkdesk.core.db.search import lead_word
from parkdesk.core.records import PARK, PLACE, ZONE
from parkdesk.core.search.pinyin import alias_search_text
from parkdesk.core.search.text import name_key
from parkdesk.core.userstore.layer import Layer


def drop_search_rows(con: sqlite3.Connection, entity_ids: list[str]) -> None:
    """Delete the search rows of these entities. The file has no index on the rows'
    entity id, but each file entity's row has its file name's key (`name_key`), which is
    indexed; rows the changes wrote are in the delta, indexed by entity id."""
    marks = ",".join("?" * len(entity_ids))
    keys = sorted({name_key(name) for (name,) in con.execute(
        f"SELECT name FROM main.entities WHERE id IN ({marks})", entity_ids)})
    rowids = overlay.delta_search_rows(con, entity_ids)
    if keys:
        rowids += [r for (r,) in con.execute(
            f"SELECT rowid FROM search WHERE [key] IN ({','.join('?' * len(keys))}) "
            f"AND entity_id IN ({marks})", [*keys, *entity_ids])]
    if rowids:
        con.execute(f"DELETE FROM search WHERE rowid IN ({','.join('?' * len(rowids))})",
                    rowids)


def write_search_row(con: sqlite3.Connection, layer: Layer, entity_id: str) -> None:
    """The search row of an entity as the user's changes have it (none: it is hidden)."""
    row = con.execute(
        "SELECT kind, name, description FROM entities WHERE id = ?", (entity_id,)
    ).fetchone()
    drop_search_rows(con, [entity_id])
    if row is None:
        return
    kind, name, description = row
    aliases = [r[0] for r in con.execute(
        "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
    people = [r[0] for r in con.execute(
        "SELECT title FROM roles WHERE person_id = ? ORDER BY id", (entity_id,))]
    # (Two queries, not a join: a join of two overlaid views would read them whole.)
    held = con.execute("SELECT person_id, title FROM roles WHERE org_id = ? ORDER BY id",
                       (entity_id,)).fetchall()
    if held:
        ids = sorted({p for p, _ in held})
        names = dict(con.execute(
            f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids))
        people += [f"{names[p]} {title}" for p, title in held if p in names]
    note = layer.note("entity", entity_id)
    text = " ".join(t for t in (description, note.text if note else None) if t)
    con.execute(
        "INSERT INTO search (entity_id, kind, name, aliases, people, description, park, lead, "
        "key, reviewed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        (entity_id, kind, name, alias_search_text(aliases), " | ".join(people), text,
         _park_name(con, entity_id), lead_word(name), name_key(name)),
    )


def _park_name(con: sqlite3.Connection, entity_id: str) -> str:
    """The name of the park, zone or place above an entity ("": none)."""
    current = con.execute("SELECT parent_id FROM entities WHERE id = ?", (entity_id,)).fetchone()
    seen = {entity_id}
    while current and current[0] and current[0] not in seen:
        seen.add(current[0])
        row = con.execute("SELECT kind, name, parent_id FROM entities WHERE id = ?",
                          (current[0],)).fetchone()
        if row is None:
            return ""
        if row[0] in (PARK, ZONE, PLACE):
            return str(row[1])
        current = (row[2],)
    return ""
