"""The directory as a plain-Python tree: zone, parks, folders per kind, items. The UI adapts it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from parkdesk.core.db import tree_pages
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.queries import kind_of
from parkdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    KINDS,
    ORGANISATION,
    PARK,
    PERSON,
    PLACE,
    PROJECT,
    ZONE,
)

ENTITY = "entity"
GROUP = "group"
CONTACT = "contact"
# The review queue of imported articles (key ""), and one article in it (key: its id).
REVIEW = "review"
REVIEW_ARTICLE = "review-article"


@dataclass(frozen=True)
class Group:
    """A folder under a park, the zone or a place: which kinds it holds."""

    key: str
    label: str  # English; `title` in the interface language
    kinds: tuple[str, ...]

    @property
    def title(self) -> str:
        return translate("Tree", self.label)


GROUPS = (
    Group("projects", QT_TRANSLATE_NOOP("Tree", "Projects & carriers"), (PROJECT,)),
    Group("organisations", QT_TRANSLATE_NOOP("Tree", "Enterprises & institutions"),
          (ENTERPRISE, INSTITUTION, ORGANISATION)),
    Group("people", QT_TRANSLATE_NOOP("Tree", "People"), (PERSON,)),
    Group("contacts", QT_TRANSLATE_NOOP("Tree", "Contacts"), ()),
)
_GROUPS = {g.key: g for g in GROUPS}
# Places outside the zone sit in one folder at the top, after the zone, not beside it.
BEYOND = Group("beyond", QT_TRANSLATE_NOOP("Tree", "Beyond the zone"), (PLACE,))
BEYOND_KEY = "/beyond"  # a folder with no parent entity
# Kinds whose children are shown in folders rather than directly.
FOLDERED = (ZONE, PARK, PLACE)


@dataclass(frozen=True)
class TreeNode:
    """One row of the tree. `key` is an entity id, a contact id, or `parent_id/group`."""

    type: str  # ENTITY, GROUP or CONTACT
    key: str
    label: str
    icon: str  # an entity kind, "group:<key>" or "contact:<kind>"
    count: int | None = None

    @property
    def entity_id(self) -> str | None:
        return self.key if self.type == ENTITY else None


class DirectoryTree:
    """Roots, children and counts of the tree over a Directory, fetched on demand."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        # Where pages read so far begin and end, so that the page after (or before) one read
        # is one index seek: (node key, row) -> (name, id) of the row just before that row...
        self._before: dict[tuple[str, int], tuple[str, str]] = {}
        # ...and (node key, row) -> (name, id) of that row. A few hundred KB at most.
        self._at: dict[tuple[str, int], tuple[str, str]] = {}

    def roots(self) -> list[TreeNode]:
        """The zone (and any other root that is not a place), then "Beyond the zone", then
        "To review (N)" while the user has imported articles."""
        roots = self.directory.roots()
        nodes = [self._entity_node(e.id, e.name, e.kind) for e in roots if e.kind != PLACE]
        places = sum(1 for e in roots if e.kind == PLACE)
        if places:
            nodes.append(self.beyond_node(places))
        layer = self.directory.layer
        if layer.articles:
            nodes.append(TreeNode(REVIEW, "", translate("Tree", "To review"), "review",
                                  sum(layer.pending.values())))
        return nodes

    def beyond_node(self, count: int | None = None) -> TreeNode:
        """The folder of the places outside the zone."""
        if count is None:
            count = sum(1 for e in self.directory.roots() if e.kind == PLACE)
        return TreeNode(GROUP, BEYOND_KEY, BEYOND.title, f"group:{BEYOND.key}", count)

    def _review_articles(self) -> list[TreeNode]:
        layer = self.directory.layer
        articles = self.directory.articles()
        return [
            TreeNode(REVIEW_ARTICLE, a.article_id,
                     articles[a.article_id].title if a.article_id in articles else a.article_id,
                     "article", layer.pending.get(a.article_id, 0))
            for a in sorted(layer.articles.values(), key=lambda a: a.entered.seq)
        ]

    def _entity_node(self, entity_id: str, name: str, kind: str) -> TreeNode:
        return TreeNode(ENTITY, entity_id, name, kind)

    def _parent_kind(self, entity_id: str) -> str | None:
        return kind_of(self.directory, entity_id)

    def _groups(self, entity_id: str) -> list[TreeNode]:
        nodes = []
        for g in GROUPS:
            if g.kinds:
                n = self.directory.count_children(entity_id, g.kinds)
            else:
                n = self.directory.count_contacts(entity_id, include_children=True)
            if n:
                nodes.append(TreeNode(GROUP, f"{entity_id}/{g.key}", g.title, f"group:{g.key}", n))
        return nodes

    def child_count(self, node: TreeNode) -> int:
        """How many children `node` has, without loading them."""
        if node.type in (CONTACT, REVIEW_ARTICLE):
            return 0
        if node.type == GROUP:
            return node.count or 0
        if node.type == REVIEW:
            return len(self.directory.layer.articles)
        kind = node.icon if node.icon in KINDS else self._parent_kind(node.key)
        if kind in FOLDERED:
            n = len(self._groups(node.key))
            if kind == ZONE:
                n += self.directory.count_children(node.key, (PARK,))
            return n
        return self.directory.count_children(node.key)

    def _entity_list(self, node: TreeNode) -> tuple[str, tuple[str, ...] | None] | None:
        """(parent id, kinds) when `node`'s children are entities read in pages (a folder of
        a park, or an item's own children), else None: its children are a short list."""
        if node.type == GROUP and node.key != BEYOND_KEY:
            parent_id, group_key = node.key.rsplit("/", 1)
            kinds = _GROUPS[group_key].kinds
            return (parent_id, kinds) if kinds else None
        kind = node.icon if node.icon in KINDS else self._parent_kind(node.key)
        if node.type == ENTITY and kind not in FOLDERED:
            return node.key, None
        return None

    def children(self, node: TreeNode, offset: int = 0, limit: int = -1) -> list[TreeNode]:
        """Children of `node`, a page at a time for large folders."""
        if node.type in (CONTACT, REVIEW_ARTICLE):
            return []
        listed = self._entity_list(node)
        if listed is not None:
            return self._page(node, *listed, offset, limit)
        if node.key == BEYOND_KEY:
            nodes = [self._entity_node(e.id, e.name, e.kind)
                     for e in self.directory.roots() if e.kind == PLACE]
        elif node.type == REVIEW:
            nodes = self._review_articles()
        elif node.type == GROUP:  # a contacts folder
            parent_id = node.key.rsplit("/", 1)[0]
            nodes = [TreeNode(CONTACT, c.id, f"{c.label}: {c.display}", f"contact:{c.kind}")
                     for c in self.directory.contacts(parent_id, include_children=True)]
        else:  # the zone, a park or a place: parks, then folders
            nodes = []
            if self._parent_kind(node.key) == ZONE:
                nodes = [
                    self._entity_node(e.id, e.name, e.kind)
                    for e in self.directory.children(node.key, (PARK,))
                ]
            nodes += self._groups(node.key)
        return nodes[offset:] if limit < 0 else nodes[offset : offset + limit]

    def _page(self, node: TreeNode, parent_id: str, kinds: tuple[str, ...] | None,
              offset: int, limit: int) -> list[TreeNode]:
        """A page of entities: after the row before it or before the row after it when a page
        read earlier ends or begins there, else counted from the nearer end of the folder."""
        key = node.key
        if limit < 0:
            limit = max(self.child_count(node) - offset, 0)
        keys = partial(tree_pages.child_keys, self.directory)
        if offset == 0:
            rows = keys(parent_id, kinds, 0, limit)
        elif (key, offset) in self._before:
            rows = keys(parent_id, kinds, limit=limit, after=self._before[(key, offset)])
        elif (key, offset + limit) in self._at:
            rows = keys(parent_id, kinds, limit=limit, before=self._at[(key, offset + limit)])
        else:
            total = self.child_count(node)
            if offset > total // 2:
                end = min(offset + limit, total)
                rows = keys(parent_id, kinds, total - end, end - offset, from_end=True)
            else:
                rows = keys(parent_id, kinds, offset, limit)
        if rows:
            self._at[(key, offset)] = (rows[0][1], rows[0][0])
            self._before[(key, offset + len(rows))] = (rows[-1][1], rows[-1][0])
        return [self._entity_node(entity_id, name, kind) for entity_id, name, kind in rows]

    def child_rows(self, node: TreeNode) -> dict[int, int]:
        """Row number -> number of children, for those children of `node` that have children
        of their own (the rest are leaves). For a folder of any size, one short query and a
        count per such row: a view learns which rows open without reading every row."""
        listed = self._entity_list(node)
        if listed is None:
            counts = {row: self.child_count(child) for row, child in enumerate(self.children(node))}
            return {row: n for row, n in counts.items() if n}
        parent_id, kinds = listed
        return {tree_pages.child_position(self.directory, parent_id, kinds, name, entity_id): n
                for name, entity_id, n in tree_pages.children_with_children(self.directory, parent_id,
                                                                         kinds)}

    def row_of(self, parent: TreeNode, node_type: str, key: str) -> int | None:
        """The row number of the child of `parent` with this node type and key, or None: a
        query for a folder of entities, not a walk through its rows."""
        listed = self._entity_list(parent)
        if listed is None:
            return next((row for row, child in enumerate(self.children(parent))
                         if child.type == node_type and child.key == key), None)
        parent_id, kinds = listed
        entity = self.directory.entity(key) if node_type == ENTITY else None
        if entity is None or entity.parent_id != parent_id or (kinds and entity.kind not in kinds):
            return None
        return tree_pages.child_position(self.directory, parent_id, kinds, entity.name,
                                         entity.id)

    def path_to(self, entity_id: str) -> list[TreeNode]:
        """Nodes from a root down to the entity, through the folders it sits in."""
        entity = self.directory.entity(entity_id)
        if entity is None:
            return []
        chain = [*self.directory.ancestors(entity_id), entity]
        path: list[TreeNode] = [self.beyond_node()] if chain[0].kind == PLACE else []
        for parent, child in zip([None, *chain[:-1]], chain, strict=True):
            if parent is not None and parent.kind in FOLDERED and child.kind != PARK:
                group = next(g for g in GROUPS if child.kind in g.kinds)
                path.append(
                    TreeNode(
                        GROUP,
                        f"{parent.id}/{group.key}",
                        group.title,
                        f"group:{group.key}",
                        self.directory.count_children(parent.id, group.kinds),
                    )
                )
            path.append(self._entity_node(child.id, child.name, child.kind))
        return path
