"""The JSON export: the directory as one nested, stable document of a scope (export_scope).

The document built here is also what the vCard and CSV exports are made from (export_walk reads
it), so every format shows the same records in the same order. The format is described in
docs/export-format.md.
"""

from __future__ import annotations

import json

from parkdesk import __version__
from parkdesk.core.db.directory import Directory, Source
from parkdesk.core.db.queries import mentions, orphan_flags
from parkdesk.core.export.scope import ALL, EVERYTHING, ZONE_SCOPE, Scope
from parkdesk.core.export.walk import GROUP_KEYS, GROUP_OF, OTHERS, Visit
from parkdesk.core.phones import line_kind, tel_uri
from parkdesk.core.records import KINDS, PARK, Article, Contact, Entity, Figure, Relation, Role

FORMAT = "parkdesk-directory"
VERSION = 1


# -- the document ---------------------------------------------------------------------------------


def _source(source: Source) -> dict:
    c, a = source.citation, source.article
    return {
        "article": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "date": a.published,
        "date_inferred": a.date_inferred,
        "url": a.url,
        "paragraph": c.paragraph,
        "span": [c.start, c.end],
        "quote": c.quote,
    }


def _contact_order(contact: dict) -> tuple:
    """Phones before addresses, then in the order the article states them, then by id."""
    where = min(((s["paragraph"], s["span"][0]) for s in contact["sources"]), default=(1 << 30, 0))
    return (contact["kind"] != "phone", *where, contact["id"])


class _Builder:
    """Walks the directory once, collecting nodes and the articles they cite."""

    def __init__(self, directory: Directory) -> None:
        self.d = directory
        self.cited: set[str] = set()
        self.placed: set[str] = set()

    def user(self, record_type: str, record_id: str) -> dict:
        """What the user added to a record: `source: user`, the date, the articles' values of
        the fields the user changed, the user's note; {} for the articles' records as they are."""
        layer = self.d.layer
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

    def sources(self, record_type: str, record_id: str) -> list[dict]:
        result = [_source(s) for s in self.d.sources(record_type, record_id)]
        self.cited.update(s["article"] for s in result)
        return result

    def contact(self, c: Contact) -> dict:
        uri = tel_uri(c.raw, c.e164) if c.kind == "phone" else None
        return {
            "id": c.id,
            "kind": c.kind,
            "label": c.label,
            "raw": c.raw,
            "national": c.national,
            "international": c.international,
            "e164": c.e164,
            "tel_uri": uri,
            "line": line_kind(c.raw, c.e164) if c.kind == "phone" else None,
            "valid": c.valid,
            "warning": c.warning,
            "sources": self.sources("contact", c.id),
            **self.user("contact", c.id),
        }

    def figure(self, f: Figure) -> dict:
        return {
            "id": f.id,
            "metric": f.metric,
            "display": f.display,
            "value_text": f.value_text,
            "value": f.value,
            "unit": f.unit,
            "qualifier": f.qualifier,
            "projection": f.projection,
            "refers_to": f.refers_to,
            "period": f.period,
            "reported": f.reported,
            "sources": self.sources("figure", f.id),
            **({"outdated": True, "outdated_marked": self.d.layer.outdated[f.id].date}
               if f.id in self.d.layer.outdated else {}),
        }

    def role(self, r: Role) -> dict:
        return {
            "id": r.id,
            "title": r.title,
            "organisation_id": r.org_id,
            "organisation": self.d.name_of(r.org_id) or None,
            "reported": r.reported,
            "sources": self.sources("role", r.id),
            **self.user("role", r.id),
        }

    def relation(self, r: Relation) -> dict:
        return {
            "id": r.id,
            "subject_id": r.subject_id,
            "subject": self.d.name_of(r.subject_id) or None,
            "predicate": r.predicate,
            "object_id": r.object_id,
            "object": self.d.name_of(r.object_id) or None,
            "sources": self.sources("relation", r.id),
        }

    def node(self, e: Entity, frame: bool = False, skip_kinds: tuple[str, ...] = ()) -> dict:
        """One entity with its facts and (unless it is a frame) all its children."""
        self.placed.add(e.id)
        entity = e
        node: dict = {
            "id": entity.id,
            "kind": entity.kind,
            "subkind": entity.subkind,
            "name": entity.name,
            "aliases": list(entity.aliases),
            "district": entity.district,
            "status": entity.status,
            "description": entity.description,
            "reviewed": entity.reviewed,
            "sources": [],
            "contacts": [],
            "figures": [],
            "roles": [],
            "relations": [],
        }
        node.update({key: [] for key in GROUP_KEYS})
        if frame:
            return node
        node["sources"] = self.sources("entity", e.id)
        node.update(self.user("entity", e.id))
        node["contacts"] = sorted(
            (self.contact(c) for c in self.d.contacts(e.id)), key=_contact_order
        )
        node["figures"] = [self.figure(f) for f in self.d.figures(e.id)]
        node["roles"] = [self.role(r) for r in self.d.roles_of(e.id)]
        node["relations"] = [
            self.relation(r) for r in self.d.relations(e.id) if r.subject_id == e.id
        ]
        if skip_kinds == KINDS:
            return node
        for child in self.d.children(e.id):
            if child.kind in skip_kinds or child.id in self.placed:
                continue
            node[GROUP_OF.get(child.kind, OTHERS)].append(self.node(child))
        return node

    def framed(self, entity_id: str, skip_kinds: tuple[str, ...] = ()) -> tuple[dict, list[str]]:
        """The root node holding `entity_id`: ancestors as frames, the entity in full."""
        chain = self.d.ancestors(entity_id)
        target = self.d.entity(entity_id)
        assert target is not None
        inner = self.node(target, skip_kinds=skip_kinds)
        for ancestor in reversed(chain):
            frame = self.node(ancestor, frame=True)
            frame[GROUP_OF.get(inner["kind"], OTHERS)].append(inner)
            inner = frame
        return inner, [a.id for a in chain]

    def unplaced(self) -> list[dict]:
        """Entities no root leads to (a parent that does not exist): kept, never dropped."""
        rows = orphan_flags(self.d)
        result = []
        # Orphans (their parent is missing) first, then anything caught in a parent cycle.
        for wanted in (True, False):
            for entity_id, orphan in rows:
                entity = None if entity_id in self.placed else self.d.entity(entity_id)
                if orphan is wanted and entity is not None:
                    result.append(self.node(entity))
        return result

    def mentions(self, only_articles: set[str] | None) -> list[dict]:
        """The rule findings no curation claimed (table `mentions`), with their article."""
        articles = self.d.articles()
        result = []
        for m in mentions(self.d):
            aid, c = m.article_id, m.citation
            if only_articles is not None and aid not in only_articles:
                continue
            a = articles.get(aid)
            result.append(
                {
                    "id": m.id,
                    "kind": m.kind,
                    "text": m.text,
                    "value": m.value,
                    "unit": m.unit,
                    "source": {
                        "article": aid,
                        "title": a.title if a else None,
                        "outlet": a.outlet if a else None,
                        "date": a.published if a else None,
                        "date_inferred": a.date_inferred if a else None,
                        "url": a.url if a else None,
                        "paragraph": c.paragraph,
                        "span": [c.start, c.end],
                        "quote": m.text,
                    },
                }
            )
        return result


def _article(a: Article) -> dict:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "date": a.published,
        "date_inferred": a.date_inferred,
        "url": a.url,
        "file": a.file,
        "sha256": a.sha256,
        "paragraphs": a.paragraphs,
        "reviewed": a.reviewed,
    }


def build_document(directory: Directory, scope: Scope = EVERYTHING) -> dict:
    """The nested document of `scope`: zone -> parks -> their projects, enterprises, people..."""
    b = _Builder(directory)
    zone = directory.zone()
    outside_roots = [e for e in directory.roots() if e.id != zone.id]
    zone_node: dict | None = None
    outside: list[dict] = []
    unplaced: list[dict] = []
    frames: list[str] = []
    if scope.kind == ALL:
        zone_node = b.node(zone)
        outside = [b.node(e) for e in outside_roots]
        unplaced = b.unplaced()
    elif scope.kind == ZONE_SCOPE:
        zone_node = b.node(zone, skip_kinds=(PARK,))
    else:
        root, frames = b.framed(scope.entity_id or "")
        if root["id"] == zone.id:
            zone_node = root
        else:
            outside = [root]
    articles = directory.articles()
    keep = None if scope.kind == ALL else set(b.cited)
    unreviewed = b.mentions(keep)
    if keep is not None:
        keep.update(m["source"]["article"] for m in unreviewed)
    doc_scope: dict = {"kind": scope.kind}
    if scope.kind != ALL:
        target = directory.entity(scope.entity_id or "")
        doc_scope.update(
            id=scope.entity_id,
            name=target.name if target else None,
            entity_kind=target.kind if target else None,
            frames=frames,
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"parkdesk {__version__}",
        "database": dict(sorted(directory.meta().items())),
        "scope": doc_scope,
        "articles": [
            _article(a) for aid, a in sorted(articles.items()) if keep is None or aid in keep
        ],
        "zone": zone_node,
        "outside": outside,
        "unplaced": unplaced,
        "unreviewed": unreviewed,
    }


def entity_visit(directory: Directory, entity_id: str) -> Visit | None:
    """One entity node with its facts but no children, placed under its ancestors (as frames)."""
    entity = directory.entity(entity_id)
    if entity is None:
        return None
    b = _Builder(directory)
    path = tuple(b.node(a, frame=True) for a in directory.ancestors(entity_id))
    return Visit(b.node(entity, skip_kinds=KINDS), path, True)


def render_json(document: dict) -> str:
    """The document as text: UTF-8 friendly (no \\u escapes), two-space indent, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
