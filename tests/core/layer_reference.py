"""The reference for the user's layer: the design before the overlay, kept for the tests only.

It copies the whole bundled file into an in-memory database and replays the journal on it,
recounting every child count and deleting search rows by scanning: plainly a full replay.
tests/core/test_userstore_overlay.py checks that the overlay (core/db/layered.py) shows the
same on random change sequences.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from parkdesk.core.db.directory import Directory, _connect_ro
from parkdesk.core.db.search import lead_word
from parkdesk.core.phones import normalise
from parkdesk.core.records import PARK, PLACE, ZONE
from parkdesk.core.search.pinyin import alias_search_text
from parkdesk.core.search.text import name_key
from parkdesk.core.userstore.articles import StoredArticle
from parkdesk.core.userstore.changes import Change, Op
from parkdesk.core.userstore.layer import (
    EMPTY_LAYER,
    Decision,
    Entered,
    ImportedArticle,
    Layer,
    Note,
    UserValue,
)

ArticleLookup = Callable[[str], StoredArticle | None]
_CITED_TABLES = {"entity": "entities", "contact": "contacts", "figure": "figures", "role": "roles"}

_ENTITY_COLUMNS = {"name": "name", "description": "description", "status": "status",
                   "parent": "parent_id"}


def apply_layer_copy(directory: Directory, changes: Iterable[Change],
                articles: ArticleLookup | None = None) -> None:
    """Show `directory` with `changes` (the active ones) applied; none: the articles alone.
    `articles` gives an imported article by its sha256 (the user store's).

    Rebuilds from the bundled file each time, so undoing any change, in any order, gives what
    the remaining changes say: no inverse operations to get wrong.
    """
    active = [c for c in changes if c.active]
    if not active:
        if directory.layer is not EMPTY_LAYER:
            _swap(directory, _connect_ro(directory.path), EMPTY_LAYER)
        return
    memory = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    source = _connect_ro(directory.path)
    try:
        source.backup(memory)
    finally:
        source.close()
    applier = _Applier(memory, articles or (lambda _sha: None))
    memory.execute("BEGIN")
    for change in active:
        entered = Entered(change.at, change.seq)
        for op in change.ops:
            applier.apply(op, entered)
    applier.finish()
    memory.execute("COMMIT")
    applier.layer.active_changes = len(active)
    _swap(directory, memory, applier.layer)


def _swap(directory: Directory, con: sqlite3.Connection, layer: Layer) -> None:
    old = directory.con
    directory.con = con
    directory.layer = layer
    directory._articles = None  # imported articles come and go with their changes
    old.close()


class _Applier:
    """Applies operations to the in-memory copy, collecting what the user sees of them."""

    def __init__(self, con: sqlite3.Connection, articles: ArticleLookup) -> None:
        self.con = con
        self.articles = articles
        self.layer = Layer()
        self.touched: set[str] = set()  # entities whose search rows must be rewritten
        self.recount = False

    def apply(self, op: Op, entered: Entered) -> None:
        handler = getattr(self, "_" + op["op"].replace(".", "_"), None)
        if handler is None:  # an operation of a kind this parkdesk does not know: skipped
            return
        # A review decision goes with its article: an undone import takes its records along.
        if op.get("article") and not self._exists("articles", op["article"]):
            return
        handler(op, entered)

    def _exists(self, table: str, record_id: str) -> bool:
        return self.con.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone() is not None

    def _mark(self, record_type: str, record_id: str, field: str, value: object,
              article_value: object, entered: Entered) -> None:
        fields = self.layer.values.setdefault((record_type, record_id), {})
        if (record_type, record_id) in self.layer.added:
            article_value = None  # the user's own record: there is no article value
        elif field in fields:
            article_value = fields[field].article_value  # the article's, not an earlier edit's
        fields[field] = UserValue(field, value, article_value, entered)

    # -- entities --------------------------------------------------------------------------

    def _entity_set(self, op: Op, entered: Entered) -> None:
        entity_id, field, value = op["id"], op["field"], op.get("value")
        if not self._exists("entities", entity_id):
            return
        if field == "aliases":
            old = [r[0] for r in self.con.execute(
                "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
            self.con.execute("DELETE FROM aliases WHERE entity_id = ?", (entity_id,))
            self.con.executemany("INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?, ?)",
                                 [(entity_id, a) for a in value or []])
            self._mark("entity", entity_id, field, list(value or []), old, entered)
        elif field in _ENTITY_COLUMNS:
            column = _ENTITY_COLUMNS[field]
            if field == "parent" and not self._can_move(entity_id, value):
                return
            old = self.con.execute(f"SELECT {column} FROM entities WHERE id = ?",
                                   (entity_id,)).fetchone()[0]
            self.con.execute(f"UPDATE entities SET {column} = ? WHERE id = ?", (value, entity_id))
            self._mark("entity", entity_id, field, value, old, entered)
            if field == "parent":
                self.recount = True
            if field == "name":  # children's search rows name their park
                self.touched.update(r[0] for r in self.con.execute(
                    "SELECT id FROM entities WHERE parent_id = ?", (entity_id,)))
        self.touched.add(entity_id)

    def _can_move(self, entity_id: str, parent_id: object) -> bool:
        """A new parent must exist and not sit under the entity itself."""
        current: object = parent_id
        seen = set()
        while isinstance(current, str) and current not in seen:
            if current == entity_id:
                return False
            seen.add(current)
            row = self.con.execute("SELECT parent_id FROM entities WHERE id = ?",
                                   (current,)).fetchone()
            if row is None:
                return current != parent_id
            current = row[0]
        return True

    def _entity_add(self, op: Op, entered: Entered) -> None:
        if self._exists("entities", op["id"]) or not self._exists("entities", op.get("parent") or ""):
            return
        self.con.execute(
            "INSERT INTO entities (id, kind, name, parent_id, subkind, district, status, "
            "description, reviewed) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, 1)",
            (op["id"], op["kind"], op["name"], op["parent"], op.get("status"), op.get("description")),
        )
        self.con.executemany("INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?, ?)",
                             [(op["id"], a) for a in op.get("aliases") or []])
        self.layer.added[("entity", op["id"])] = entered
        self.touched.add(op["id"])
        self.recount = True

    def _entity_hide(self, op: Op, entered: Entered) -> None:
        row = self.con.execute("SELECT name, kind FROM entities WHERE id = ?",
                               (op["id"],)).fetchone()
        if row is None or row[1] == ZONE:  # the zone is the tree's root: it stays
            return
        ids = [op["id"]]
        for entity_id in ids:  # the entity and everything under it
            ids.extend(r[0] for r in self.con.execute(
                "SELECT id FROM entities WHERE parent_id = ?", (entity_id,)))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for sql in (
                f"DELETE FROM entities WHERE id IN ({marks})",
                f"DELETE FROM aliases WHERE entity_id IN ({marks})",
                f"DELETE FROM search WHERE entity_id IN ({marks})",
                f"DELETE FROM contacts WHERE owner_id IN ({marks})",
                f"DELETE FROM figures WHERE entity_id IN ({marks})",
            ):
                self.con.execute(sql, chunk)
            # Roles and relations go with either end; the other end's search row is rewritten.
            for table, a, b in (("roles", "person_id", "org_id"),
                                ("relations", "subject_id", "object_id")):
                others = self.con.execute(
                    f"SELECT {a}, {b} FROM {table} WHERE {a} IN ({marks}) OR {b} IN ({marks})",
                    chunk + chunk).fetchall()
                self.touched.update(x for pair in others for x in pair if x)
                self.con.execute(f"DELETE FROM {table} WHERE {a} IN ({marks}) OR {b} IN ({marks})",
                                 chunk + chunk)
        self.touched.difference_update(ids)
        self.layer.hidden[("entity", op["id"])] = (row[0], entered)
        self.recount = True

    # -- contacts ---------------------------------------------------------------------------

    def _phone_columns(self, kind: str, raw: str) -> tuple:
        if kind != "phone":
            return (None, None, None, 1, None, None, None)
        p = normalise(raw)
        return (p.e164, p.national, p.international, int(p.valid), p.warning, p.rfc3966,
                p.line_kind)

    def _contact_add(self, op: Op, entered: Entered) -> None:
        if self._exists("contacts", op["id"]) or not self._exists("entities", op["owner"]):
            return
        self.con.execute(
            "INSERT INTO contacts (id, owner_id, kind, label, raw, e164, national, international, "
            "valid, warning, tel_uri, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (op["id"], op["owner"], op["kind"], op.get("label") or "", op["raw"],
             *self._phone_columns(op["kind"], op["raw"])),
        )
        self.layer.added[("contact", op["id"])] = entered

    def _contact_set(self, op: Op, entered: Entered) -> None:
        row = self.con.execute("SELECT kind, raw, label, national FROM contacts WHERE id = ?",
                               (op["id"],)).fetchone()
        if row is None:
            return
        kind, raw, label, national = row
        self.con.execute(
            "UPDATE contacts SET raw = ?, e164 = ?, national = ?, international = ?, valid = ?, "
            "warning = ?, tel_uri = ?, line = ? WHERE id = ?",
            (op["raw"], *self._phone_columns(kind, op["raw"]), op["id"]),
        )
        self._mark("contact", op["id"], "raw", op["raw"], national or raw, entered)
        if "label" in op and op["label"] != label:
            self.con.execute("UPDATE contacts SET label = ? WHERE id = ?", (op["label"], op["id"]))
            self._mark("contact", op["id"], "label", op["label"], label, entered)

    def _contact_remove(self, op: Op, entered: Entered) -> None:
        row = self.con.execute("SELECT label, raw FROM contacts WHERE id = ?", (op["id"],)).fetchone()
        if row is None:
            return
        self.con.execute("DELETE FROM contacts WHERE id = ?", (op["id"],))
        self.layer.hidden[("contact", op["id"])] = (f"{row[0]}: {row[1]}" if row[0] else row[1], entered)

    # -- people, notes, figures -------------------------------------------------------------

    def _role_add(self, op: Op, entered: Entered) -> None:
        if self._exists("roles", op["id"]) or not self._exists("entities", op["person"]):
            return
        org = op.get("org") if self._exists("entities", op.get("org") or "") else None
        self.con.execute(
            "INSERT INTO roles (id, person_id, title, org_id, reported) VALUES (?, ?, ?, ?, ?)",
            (op["id"], op["person"], op["title"], org, entered.date),
        )
        self.layer.added[("role", op["id"])] = entered
        self.touched.update(x for x in (op["person"], org) if x)

    def _note_set(self, op: Op, entered: Entered) -> None:
        key = (op.get("type") or "entity", op["id"])
        if op.get("text"):
            self.layer.notes[key] = Note(op["text"], entered)
        else:
            self.layer.notes.pop(key, None)
        if key[0] == "entity":
            self.touched.add(op["id"])

    def _figure_outdated(self, op: Op, entered: Entered) -> None:
        if not self._exists("figures", op["id"]):
            return
        if op.get("outdated", True):
            self.layer.outdated[op["id"]] = entered
        else:
            self.layer.outdated.pop(op["id"], None)

    # -- imported articles and their review (issue 19) ---------------------------------------

    def _article_import(self, op: Op, entered: Entered) -> None:
        article = self.articles(op.get("sha256") or "")
        if article is None or self._exists("articles", op["id"]):
            return
        self.con.execute(
            "INSERT INTO articles (id, file, title, published, date_inferred, outlet, url, sha256, "
            "paragraphs, reviewed, date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
            (op["id"], article.file, article.title, article.published, int(article.date_inferred),
             article.outlet, article.url, article.sha256, len(article.paragraphs),
             article.date_source),
        )
        self.layer.articles[op["id"]] = ImportedArticle(op["id"], article.sha256, entered)

    def _citation_add(self, op: Op, entered: Entered) -> None:
        table = _CITED_TABLES.get(op.get("type") or "")
        if table is None or not self._exists(table, op["id"]):
            return
        self.con.execute(
            "INSERT INTO citations (record_type, record_id, article_id, paragraph, start, [end], "
            "quote) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (op["type"], op["id"], op["article"], op["paragraph"], op["start"], op["end"],
             op["quote"]),
        )
        self.layer.reviewed[(op["type"], op["id"])] = entered

    def _alias_add(self, op: Op, entered: Entered) -> None:
        if not self._exists("entities", op["id"]):
            return
        self.con.execute("INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?, ?)",
                         (op["id"], op["alias"]))
        self.touched.add(op["id"])

    def _figure_add(self, op: Op, entered: Entered) -> None:
        if self._exists("figures", op["id"]) or not self._exists("entities", op["entity"]):
            return
        self.con.execute(
            "INSERT INTO figures (id, entity_id, metric, value_text, unit, value, qualifier, "
            "refers_to, reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (op["id"], op["entity"], op["metric"], op["value_text"], op.get("unit"),
             op.get("value"), op.get("qualifier"), op.get("refers_to"), op.get("reported")),
        )
        self.layer.added[("figure", op["id"])] = entered

    def _finding_decide(self, op: Op, entered: Entered) -> None:
        self.layer.decisions[op["id"]] = Decision(op["decision"], op.get("record"),
                                                  op.get("type"), entered)

    # -- derived tables -----------------------------------------------------------------------

    def finish(self) -> None:
        """Child counts and search rows for what the changes touched; what waits for review."""
        for imported in self.layer.articles.values():
            article = self.articles(imported.sha256)
            if article is not None:
                self.layer.pending[imported.article_id] = sum(
                    f["id"] not in self.layer.decisions for f in article.findings)
        if self.recount:
            self.con.execute("DELETE FROM child_counts")
            self.con.execute(
                "INSERT INTO child_counts (parent_id, kind, n) SELECT parent_id, kind, count(*) "
                "FROM entities WHERE parent_id IS NOT NULL GROUP BY parent_id, kind"
            )
        for entity_id in sorted(self.touched):
            self._search_row(entity_id)

    def _search_row(self, entity_id: str) -> None:
        row = self.con.execute(
            "SELECT kind, name, description FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        self.con.execute("DELETE FROM search WHERE entity_id = ?", (entity_id,))
        if row is None:
            return
        kind, name, description = row
        aliases = [r[0] for r in self.con.execute(
            "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
        people = [r[0] for r in self.con.execute(
            "SELECT title FROM roles WHERE person_id = ? ORDER BY id", (entity_id,))]
        people += [f"{r[0]} {r[1]}" for r in self.con.execute(
            "SELECT e.name, r.title FROM roles r JOIN entities e ON e.id = r.person_id "
            "WHERE r.org_id = ? ORDER BY r.id", (entity_id,))]
        note = self.layer.note("entity", entity_id)
        text = " ".join(t for t in (description, note.text if note else None) if t)
        self.con.execute(
            "INSERT INTO search (entity_id, kind, name, aliases, people, description, park, lead, "
            "key, reviewed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (entity_id, kind, name, alias_search_text(aliases), " | ".join(people), text,
             self._park_name(entity_id), lead_word(name), name_key(name)),
        )

    def _park_name(self, entity_id: str) -> str:
        current = self.con.execute("SELECT parent_id FROM entities WHERE id = ?",
                                   (entity_id,)).fetchone()
        seen = {entity_id}
        while current and current[0] and current[0] not in seen:
            seen.add(current[0])
            row = self.con.execute("SELECT kind, name, parent_id FROM entities WHERE id = ?",
                                   (current[0],)).fetchone()
            if row is None:
                return ""
            if row[0] in (PARK, ZONE, PLACE):
                return str(row[1])
            current = (row[2],)
        return ""
