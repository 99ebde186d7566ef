"""Reading an export document: its child groups, and a walk over every entity node in order.

The vCard and CSV exports are made from the JSON document by walking it, so every format shows
the same records in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from parkdesk.core.parks import park_in
from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    ORGANISATION,
    PARK,
    PERSON,
    PLACE,
    PROJECT,
)

# Child groups of every entity node, in document order: kind -> key.
GROUPS = (
    (ORGANISATION, "organisations"),
    (PARK, "parks"),
    (PROJECT, "projects"),
    (ENTERPRISE, "enterprises"),
    (INSTITUTION, "institutions"),
    (PERSON, "people"),
    (PLACE, "places"),
)
OTHERS = "others"  # children of a kind not listed above (there should be none)
GROUP_KEYS = (*(key for _, key in GROUPS), OTHERS)
GROUP_OF = dict(GROUPS)


@dataclass(frozen=True)
class Visit:
    """One entity node met while walking a document, with the chain of nodes above it."""

    node: dict
    path: tuple[dict, ...]  # the root first, the parent last
    in_scope: bool  # False for frames: ancestors shown only to place the selection
    section: int = 0  # 0: under the zone, 1: outside it, 2: unplaced (see core/db/export_rows)

    @property
    def park(self) -> dict | None:
        """The park of this node (parks.park_in): the nearest park, zone or place at or above."""
        return park_in((*self.path, self.node), _kind)


def _kind(node: dict) -> str:
    kind: str = node["kind"]
    return kind


def walk(document: dict) -> Iterator[Visit]:
    """Every entity node of a document, depth first in document order."""
    frames = set(document["scope"].get("frames", ()))

    def visit(node: dict, path: tuple[dict, ...], section: int) -> Iterator[Visit]:
        yield Visit(node, path, node["id"] not in frames, section)
        for key in GROUP_KEYS:
            for child in node.get(key, ()):
                yield from visit(child, (*path, node), section)

    roots = [(0, r) for r in ([document["zone"]] if document["zone"] else [])]
    roots += [(1, r) for r in document["outside"]] + [(2, r) for r in document["unplaced"]]
    for section, root in roots:
        yield from visit(root, (), section)
