"""What an export covers: everything, the zone-wide part, or one entity with all it holds.

`resolve_park` turns `parkdesk export --park NAME` into a scope, naming parks as
`parkdesk factsheet` does (see park_names).
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.i18n import translate
from parkdesk.core.parks import find_park
from parkdesk.core.records import ZONE

ALL = "all"
ZONE_SCOPE = "zone"
ENTITY = "entity"


@dataclass(frozen=True)
class Scope:
    """What to export: everything, the zone-wide part, or one entity with all it contains."""

    kind: str = ALL  # ALL, ZONE_SCOPE or ENTITY
    entity_id: str | None = None
    label: str = "the whole directory"  # (the UI shows EVERYTHING in its own words)

    @property
    def is_all(self) -> bool:
        return self.kind == ALL


EVERYTHING = Scope()


def scope_of_entity(directory: Directory, entity_id: str) -> Scope:
    """The scope of one entity and all it holds (for the zone itself: the zone-wide part)."""
    entity = directory.entity(entity_id)
    if entity is None:
        raise ParkdeskError(f"There is no entry with id {entity_id!r} in the directory.")
    if entity.kind == ZONE:
        label = translate("Export", "{name} (zone-wide part)").format(name=entity.name)
        return Scope(ZONE_SCOPE, entity.id, label)
    return Scope(ENTITY, entity.id, entity.name)


def resolve_park(directory: Directory, name: str | None) -> Scope:
    """The scope for `--park NAME`: None or "all" = everything, "zone" = the zone-wide part,
    else one park or a place outside the zone, named as park_names.find_park matches them."""
    if name is None:
        return EVERYTHING
    entity = find_park(directory, name, places=True)
    return EVERYTHING if entity is None else scope_of_entity(directory, entity.id)
