"""The export's entity nodes, one at a time in document order, read from joined queries.

`open_stream(directory, scope)` places the scope's entities (core/db/export_rows) and yields
each entity node with its facts and without its children, with the chain of nodes above it:
the same nodes, in the same order, as the nested document of docs/export-format.md, but never
more than one root-to-leaf chain of them in memory. Stored phone forms are read as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.export_rows import (
    OUTSIDE_SECTION,
    UNPLACED_SECTION,
    ZONE_SECTION,
    ExportRows,
)
from parkdesk.core.export.scope import ALL, EVERYTHING, ZONE_SCOPE, Scope
from parkdesk.core.export.walk import GROUP_OF, GROUPS, OTHERS, Visit
from parkdesk.core.records import PARK, Article, Citation, Figure

_GROUP_RANK = {kind: i for i, (kind, _key) in enumerate(GROUPS)}
#: The kinds of fact a walk can read; a format asks only for those it writes.
FACTS = frozenset({"aliases", "sources", "contacts", "figures", "roles", "relations"})
_NONE: Iterator[tuple] = iter(())


class Cancelled(Exception):  # noqa: N818 (a request, not an error)
    """The user cancelled the export; nothing was written."""


class _Grouped:
    """Rows of one stream (seq first), handed out per entity as the walk reaches it."""

    def __init__(self, rows: Iterator[tuple]) -> None:
        self.rows = iter(rows)
        self.pending = next(self.rows, None)

    def take(self, seq: int) -> list[tuple]:
        out = []
        while self.pending is not None and self.pending[0] == seq:
            out.append(self.pending)
            self.pending = next(self.rows, None)
        return out


def _records(rows: list[tuple], width: int) -> list[tuple[tuple, list[tuple]]]:
    """Rows of `seq, record fields (width), citation fields (5 or NULLs)`, as (record, its
    citations), in order."""
    result: list[tuple[tuple, list[tuple]]] = []
    last = None
    for row in rows:
        record, citation = row[1:1 + width], row[1 + width:]
        if record[0] != last:
            result.append((record, []))
            last = record[0]
        if citation[0] is not None:
            result[-1][1].append(citation)
    return result


def contact_order(contact: dict) -> tuple:
    """Phones before addresses, then in the order the article states them, then by id."""
    where = min(((s["paragraph"], s["span"][0]) for s in contact["sources"]), default=(1 << 30, 0))
    return (contact["kind"] != "phone", *where, contact["id"])


@dataclass
class Stream:
    """One export's rows and what the document needs beside the nodes."""

    directory: Directory
    scope: Scope
    rows: ExportRows
    frames: list[str] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    cited: set[str] = field(default_factory=set)

    def close(self) -> None:
        self.rows.close()

    def total(self) -> int:
        """How many entities the export shows in full (for progress)."""
        return self.rows.count()

    def source(self, c: tuple) -> dict:
        a = self.articles[c[0]]
        return {
            "article": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "date": a.published,
            "date_inferred": a.date_inferred,
            "url": a.url,
            "paragraph": c[1],
            "span": [c[2], c[3]],
            "quote": c[4],
        }

    def user(self, record_type: str, record_id: str) -> dict:
        """What the user added to a record (see docs/export-format.md); {} for the articles'."""
        layer = self.directory.layer
        entered = layer.last_entered(record_type, record_id)
        reviewed = layer.reviewed_on(record_type, record_id)
        if entered is None and reviewed is None:
            return {}
        extra: dict = {"source": "user"}
        if entered is not None:
            extra["entered"] = entered.date
        if reviewed is not None:
            extra["reviewed_by_user"] = reviewed.date
        values = layer.user_values(record_type, record_id)
        if values:
            extra["article_values"] = {f: v.article_value for f, v in sorted(values.items())}
        note = layer.note(record_type, record_id)
        if note:
            extra["note"] = note.text
        return extra

    def visits(self, cancelled: Callable[[], bool] | None = None,
               progress: Callable[[int], None] | None = None,
               facts: frozenset[str] = FACTS) -> Iterator[Visit]:
        """Every entity node in document order, with the `facts` asked for (the others are
        left empty), without child groups.

        Checks `cancelled()` before each entity (raising Cancelled) and calls `progress(n)`
        with the number of full entities done, every 500 of them and at the end.
        """
        rows = self.rows

        def read(fact: str, query: Callable[[], Iterator[tuple]]) -> _Grouped:
            return _Grouped(query() if fact in facts else _NONE)

        aliases = read("aliases", rows.aliases)
        sources = read("sources", rows.entity_sources)
        contacts = read("contacts", rows.contacts)
        figures = read("figures", rows.figures)
        roles = read("roles", rows.roles)
        relations = read("relations", rows.relations)
        layer = self.directory.layer
        plain = not (layer.values or layer.added or layer.notes or layer.outdated)
        stack: list[dict] = []
        done = 0
        for row in rows.entities():
            if cancelled is not None and cancelled():
                raise Cancelled
            seq, depth, section, frame, eid, kind = row[:6]
            node: dict = {
                "id": eid,
                "kind": kind,
                "subkind": row[6],
                "name": row[7],
                "aliases": [a[1] for a in aliases.take(seq)],
                "district": row[8],
                "status": row[9],
                "description": row[10],
                "reviewed": bool(row[11]),
                "sources": [],
                "contacts": [],
                "figures": [],
                "roles": [],
                "relations": [],
            }
            if not frame:
                self._fill(node, seq, plain, sources, contacts, figures, roles, relations)
                done += 1
                if progress is not None and done % 500 == 0:
                    progress(done)
            del stack[depth:]
            yield Visit(node, tuple(stack), not frame, section)
            stack.append(node)
        if progress is not None:
            progress(done)

    def _fill(self, node: dict, seq: int, plain: bool, sources: _Grouped, contacts: _Grouped,
              figures: _Grouped, roles: _Grouped, relations: _Grouped) -> None:
        source = self.source
        eid = node["id"]
        node["sources"] = [source(c[1:]) for c in sources.take(seq)]
        if not plain:
            node.update(self.user("entity", eid))
        found = []
        for (cid, kind, label, raw, national, international, e164, uri, line, valid,
             warning), cites in _records(contacts.take(seq), 11):
            contact = {
                "id": cid,
                "kind": kind,
                "label": label,
                "raw": raw,
                "national": national,
                "international": international,
                "e164": e164,
                "tel_uri": uri if kind == "phone" else None,
                "line": (line or "invalid") if kind == "phone" else None,
                "valid": bool(valid),
                "warning": warning,
                "sources": [source(c) for c in cites],
            }
            if not plain:
                contact.update(self.user("contact", cid))
            found.append(contact)
        if len(found) > 1:
            found.sort(key=contact_order)
        node["contacts"] = found
        outdated = self.directory.layer.outdated
        figures_of = []
        for (fid, metric, value_text, unit, value, qualifier, refers_to, reported), cites in \
                _records(figures.take(seq), 8):
            f = Figure(fid, eid, metric, value_text, unit, value, qualifier, refers_to, reported,
                       sources=[Citation(*c) for c in cites])
            figures_of.append({
                "id": fid,
                "metric": metric,
                "display": f.display,
                "value_text": value_text,
                "value": value,
                "unit": unit,
                "qualifier": qualifier,
                "projection": f.projection,
                "refers_to": refers_to,
                "period": f.period,
                "reported": reported,
                "sources": [source(c) for c in cites],
                **({"outdated": True, "outdated_marked": outdated[fid].date}
                   if fid in outdated else {}),
            })
        node["figures"] = figures_of
        node["roles"] = [
            {
                "id": rid,
                "title": title,
                "organisation_id": org_id,
                "organisation": org_name or None,
                "reported": reported,
                "sources": [source(c) for c in cites],
                **({} if plain else self.user("role", rid)),
            }
            for (rid, title, org_id, org_name, reported), cites in _records(roles.take(seq), 5)
        ]
        node["relations"] = [
            {
                "id": rid,
                "subject_id": subject_id,
                "subject": subject or None,
                "predicate": predicate,
                "object_id": object_id,
                "object": obj or None,
                "sources": [source(c) for c in cites],
            }
            for (rid, subject_id, subject, predicate, object_id, obj), cites
            in _records(relations.take(seq), 6)
        ]

    def organisations(self) -> dict[str, list[str]]:
        """The vCard ORG components of every organisation and park of the export."""
        from parkdesk.core.records import ORGANISATION, ZONE

        orgs: dict[str, list[str]] = {}
        for org, kind, name in self.rows.organisation_paths():
            path = orgs.setdefault(org, [])
            if kind in (ZONE, PARK, ORGANISATION):
                path.append(name)
        return orgs


def group_of(kind: str) -> str:
    """The child group (document key) an entity of `kind` sits in."""
    return GROUP_OF.get(kind, OTHERS)


def _placed_below(remaining: list[tuple[str, str | None, str, str]]) -> list[tuple[str, int]]:
    """Entities in a cycle of parents, placed as the nested document places them: each one in
    name order not yet placed becomes a root, with the others under it (rare: damaged data)."""
    ids = {r[0] for r in remaining}
    children: dict[str, list[tuple]] = {}
    for row in remaining:
        if row[1] in ids:
            children.setdefault(row[1], []).append(row)
    for kids in children.values():
        kids.sort(key=lambda r: (_GROUP_RANK.get(r[3], len(GROUPS)), r[2], r[0]))
    placed: set[str] = set()
    order: list[tuple[str, int]] = []

    def place(entity_id: str, depth: int) -> None:
        placed.add(entity_id)
        order.append((entity_id, depth))
        for kid in children.get(entity_id, ()):
            if kid[0] not in placed:
                place(kid[0], depth + 1)

    for row in remaining:
        if row[0] not in placed:
            place(row[0], 0)
    return order


def open_stream(directory: Directory, scope: Scope = EVERYTHING, childless: bool = False) -> Stream:
    """The stream of `scope` (`childless`: the scope's entity alone, for its QR card)."""
    rows = ExportRows(directory)
    stream = Stream(directory, scope, rows)
    try:
        zone = directory.zone()
        if scope.kind == ALL:
            roots = [(zone.id, ZONE_SECTION)]
            roots += [(r[0], OUTSIDE_SECTION) for r in rows.roots() if r[0] != zone.id]
            roots += [(o, UNPLACED_SECTION) for o in rows.orphans()]
            rows.add_trees(roots)
            remaining = rows.unreached()
            if remaining:
                rows.add_rows(_placed_below(remaining), UNPLACED_SECTION)
        elif scope.kind == ZONE_SCOPE:
            rows.add_trees([(zone.id, ZONE_SECTION)], skip_top_kinds=(PARK,))
        else:
            target = scope.entity_id or ""
            chain = [a.id for a in directory.ancestors(target)]
            section = ZONE_SECTION if (chain[0] if chain else target) == zone.id else OUTSIDE_SECTION
            rows.add_frames(chain, section)
            rows.add_trees([(target, section)], depth=len(chain), childless=childless)
            if childless:
                rows.measure()
            stream.frames = chain
        stream.articles = directory.articles()
        stream.cited = set(stream.articles) if scope.kind == ALL else rows.cited_articles()
    except BaseException:
        rows.close()
        raise
    return stream
