"""The user's layer applied on read: the bundled directory with the journal's active changes
applied, so search, the tree, panes, fact sheets and exports all read one database.

The bundled file is only ever read: it is opened read-only and the changes are written to the
connection's TEMP schema, which holds only the user's delta (core/db/overlay.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from parkdesk.core.db import overlay
from parkdesk.core.db.connect import in_chunks
from parkdesk.core.db.directory import Directory, _connect_ro
from parkdesk.core.phones import normalise
from parkdesk.core.records import PARK, PLACE, ZONE
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


def apply_layer(directory: Directory, changes: Iterable[Change],
                articles: ArticleLookup | None = None) -> None:
    """Show `directory` with `changes` (the active ones) applied; none: the articles alone.
    `articles` gives an imported article by its sha256 (the user store's).

    Replays every active change over the bundled file, from an empty delta, so undoing any
    change, in any order, gives what the remaining changes say: no inverse operations to get
    wrong. One change recorded after those shown (an edit, a review decision) is applied alone
    over them, and undoing that change again restores the delta kept from before it: the same
    as the whole replay (tests/core/test_userstore_overlay.py checks both on random sequences). Only the delta is written: memory and time grow with the changes,
    not with the directory. The connection is kept from one replay to the next (its cache of
    the file's pages too); the delta is emptied and written again in one transaction, so a
    replay that fails leaves what was shown.
    """
    active = [c for c in changes if c.active]
    if not active:
        if directory.layer is not EMPTY_LAYER:
            _swap(directory, _connect_ro(directory.path), EMPTY_LAYER)
        return
    con = directory.con
    reused = isinstance(con, overlay.OverlayConnection) and con.path == directory.path
    if not isinstance(con, overlay.OverlayConnection) or not reused:
        con = overlay.open_overlay(directory.path)
    replayed = tuple((c.seq, c.at, c.ops) for c in active)
    last = con.applier if reused and con.replayed == replayed[:-1] else None
    back = con.kept if reused and con.kept is not None and con.kept[0] == replayed else None
    shown, kept, kept_tables = set(con.tables), con.kept, con.kept_tables
    try:
        con.execute("BEGIN")
        if isinstance(last, _Applier):  # one change recorded after those shown: applied alone
            overlay.keep(con)
            con.kept = (con.replayed, last)
            applier = last.carried(articles)
            applier.append(active[-1])
        elif back is not None and isinstance(back[1], _Applier):  # that change undone again
            overlay.restore(con)
            con.kept = None
            applier = back[1]
        else:
            con.kept = None
            overlay.empty(con)
            applier = _Applier(con, articles or (lambda _sha: None))
            for change in active:
                applier.replay(change)
            applier.finish(applier.touched, applier.recount)
        overlay.finish(con)
        con.execute("COMMIT")
    except BaseException:
        if not reused:
            con.close()
        elif con.in_transaction:
            con.rollback()
            con.tables, con.kept, con.kept_tables = shown, kept, kept_tables
        raise
    con.replayed, con.applier = replayed, applier
    applier.layer.active_changes = len(active)
    if reused:
        directory.layer = applier.layer
        directory._articles = None  # imported articles come and go with their changes
    else:
        _swap(directory, con, applier.layer)


def _swap(directory: Directory, con: sqlite3.Connection, layer: Layer) -> None:
    old = directory.con
    directory.con = con
    directory.layer = layer
    directory._articles = None  # imported articles come and go with their changes
    old.close()


class _Applier:
    """Applies operations to the overlay's tables, collecting what the user sees of them."""

    def __init__(self, con: sqlite3.Connection, articles: ArticleLookup) -> None:
        self.con = con
        self.articles = articles
        self.layer = Layer()
        self.touched: set[str] = set()  # entities whose search rows must be rewritten
        self.recount: set[str] = set()  # parents whose stored child counts must be redone

    def carried(self, articles: ArticleLookup | None) -> _Applier:
        """A copy to apply one more change with (this one stays as it is, should that fail)."""
        copy = _Applier(self.con, articles or self.articles)
        copy.layer = self.layer.copy()
        copy.touched, copy.recount = set(self.touched), set(self.recount)
        return copy

    def replay(self, change: Change) -> None:
        entered = Entered(change.at, change.seq)
        for op in change.ops:
            self.apply(op, entered)

    def append(self, change: Change) -> None:
        """Apply one more change and finish what it touched, and the rows touched before that
        it changed without touching them (see `_reached`), as the whole replay would."""
        touched, recount = self.touched, self.recount
        self.touched, self.recount = set(), set()
        self.replay(change)
        fresh, fresh_counts = self.touched, self.recount
        self.touched, self.recount = touched | fresh, recount | fresh_counts
        self.finish(fresh | self._reached(change, touched), fresh_counts)

    def _reached(self, change: Change, touched: set[str]) -> set[str]:
        """Records of `touched` whose search rows `change` changes without marking them: under
        a park, zone or place it renamed, or anything it moved (their park's name), and the
        organisations where a person it renamed holds a title (their people)."""
        found: set[str] = set()
        for op in change.ops:
            if op.get("op") != "entity.set" or op.get("field") not in ("name", "parent"):
                continue
            moved = op["id"]
            if op["field"] == "name":
                found.update(r[0] for r in self.con.execute(
                    "SELECT org_id FROM roles WHERE person_id = ? AND org_id IS NOT NULL", (moved,)))
                row = self.con.execute("SELECT kind FROM entities WHERE id = ?", (moved,)).fetchone()
                if row is None or row[0] not in (PARK, ZONE, PLACE):
                    continue
            if self.con.execute("SELECT 1 FROM entities WHERE parent_id = ? LIMIT 1",
                                (moved,)).fetchone() is not None:
                found.update(t for t in touched if self._is_under(t, moved))
        return found & touched

    def _is_under(self, entity_id: str, ancestor: str) -> bool:
        seen = {entity_id}
        row = self.con.execute("SELECT parent_id FROM entities WHERE id = ?", (entity_id,)).fetchone()
        while row is not None and row[0] is not None and row[0] not in seen:
            if row[0] == ancestor:
                return True
            seen.add(row[0])
            row = self.con.execute("SELECT parent_id FROM entities WHERE id = ?", (row[0],)).fetchone()
        return False

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
                self.recount.update(p for p in (old, value) if isinstance(p, str))
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
        self.recount.add(op["parent"])

    def _entity_hide(self, op: Op, entered: Entered) -> None:
        row = self.con.execute("SELECT name, kind, parent_id FROM entities WHERE id = ?",
                               (op["id"],)).fetchone()
        if row is None or row[1] == ZONE:  # the zone is the tree's root: it stays
            return
        ids = [op["id"]]
        for entity_id in ids:  # the entity and everything under it
            ids.extend(r[0] for r in self.con.execute(
                "SELECT id FROM entities WHERE parent_id = ?", (entity_id,)))
        from parkdesk.core.db.layered_search import drop_search_rows

        for chunk, marks in in_chunks(ids):
            drop_search_rows(self.con, chunk)
            for sql in (
                f"DELETE FROM entities WHERE id IN ({marks})",
                f"DELETE FROM aliases WHERE entity_id IN ({marks})",
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
        self.recount.update(ids)  # (their counts go: nothing is under them now)
        if row[2] is not None:
            self.recount.add(row[2])

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

    def finish(self, touched: set[str], recount: set[str]) -> None:
        """Child counts of `recount`, search rows of `touched`; what waits for review."""
        for imported in self.layer.articles.values():
            article = self.articles(imported.sha256)
            if article is not None:
                self.layer.pending[imported.article_id] = sum(
                    f["id"] not in self.layer.decisions for f in article.findings)
        # Counted again for the parents whose children changed, as the file counted them all.
        parents = sorted(recount)
        counts = overlay.child_counts(self.con, parents)
        for chunk, marks in in_chunks(parents):
            self.con.execute(f"DELETE FROM child_counts WHERE parent_id IN ({marks})", chunk)
        self.con.executemany("INSERT INTO child_counts (parent_id, kind, n) VALUES (?, ?, ?)",
                             sorted((p, k, n) for (p, k), n in counts.items()))
        if not touched:
            return
        # The search engine's modules (~6 ms) are imported only when a change needs them: a
        # start with no changes to apply does not wait for them before its first paint.
        from parkdesk.core.db.layered_search import write_search_row

        for entity_id in sorted(touched):
            write_search_row(self.con, self.layer, entity_id)
