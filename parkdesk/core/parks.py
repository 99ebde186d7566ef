"""Parks: which park an entity belongs to (`park_in`, the one rule), and naming a park on the
command line (one resolver for `export --park NAME` and `factsheet NAME`).

The park of an entity is the nearest park, zone or outside place at or above it: a park is its
own park, the zone's own bodies and people belong to the zone, and a firm in a place outside the
zone belongs to that place.

A name matches without regard to case, spacing or punctuation, by a park's name, alias, district
or id, with or without words such as "Park" or "District" ("shunde", "Shunde Park", "Shunde
District" and "park-shunde" are one park). "zone" names the zone and "all" everything. A few
words of one park's name or alias are enough when they fit that park only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from parkdesk.core.errors import ParkdeskError
from parkdesk.core.records import PARK, PLACE, ZONE, Entity

if TYPE_CHECKING:  # (the directory uses park_in: no import at run time)
    from parkdesk.core.db.directory import Directory

T = TypeVar("T")
# The kinds that are a park of their own: what `park_in` answers with.
HOLDER_KINDS = (ZONE, PARK, PLACE)

ALL = "all"
ZONE_WORD = "zone"
# Words that do not tell one park from another: "Chancheng Park" also answers to "Chancheng".
_FILLER = frozenset({"park", "district", "the", "zone", "high-tech", "hi-tech"})
_CJK_PARK = re.compile(r"(园区|园)$")  # "高明园" also answers to "高明"


def park_in(chain: Sequence[T], kind: Callable[[T], str]) -> T | None:
    """The park of the last record of `chain` (records from the root down, read by `kind`):
    the nearest park, zone or outside place at or above it; None when there is none."""
    return next((record for record in reversed(chain) if kind(record) in HOLDER_KINDS), None)


def _norm(text: str) -> str:
    """Case, spacing and punctuation folded away: " Shunde  PARK. " -> "shunde park"."""
    return " ".join(re.sub(r"[^\w\-]+", " ", text.casefold()).split())


def _short(normed: str) -> str:
    """A normalised name without its filler words: "shunde park" -> "shunde"."""
    words = " ".join(w for w in normed.split() if w not in _FILLER)
    return _CJK_PARK.sub("", words) or words


def _names(entity: Entity) -> set[str]:
    names = {_norm(entity.id), _norm(entity.name)} | {_norm(a) for a in entity.aliases}
    if entity.district:
        names.add(_norm(entity.district))
    names |= {_short(n) for n in names}
    return {n for n in names if n}


def _display(park: Entity) -> str:
    """How a park is listed in messages: its name without "Park" ("Chancheng")."""
    words = [w for w in park.name.split() if w.casefold() not in _FILLER]
    return " ".join(words) or park.name


def _places(directory: Directory) -> list[Entity]:
    return [e for e in directory.roots() if e.kind == PLACE]


def valid_names(directory: Directory, places: bool = False) -> str:
    """The names a resolver accepts, for messages: parks, "zone", "all" (and outside places)."""
    text = ", ".join([_display(p) for p in directory.parks()] + [ZONE_WORD, ALL])
    outside = [p.name for p in _places(directory)] if places else []
    return text + (f"; or outside the zone: {', '.join(outside)}" if outside else "")


def _listed(entities: list[Entity], last: str) -> str:
    """Names in a sentence: "A", "A or B", "A, B and C"."""
    names = [e.name for e in entities]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {last} " + names[-1]


def find_park(directory: Directory, name: str, places: bool = False) -> Entity | None:
    """The zone or park `name` means; None for "all". Places outside the zone (which have no
    fact sheet) are named only when `places` is true.

    An empty or unknown name raises ParkdeskError listing the valid names; an ambiguous one
    (a word several parks share) raises one naming the parks it could be.
    """
    wanted = _norm(name)
    choices = valid_names(directory, places)
    if not wanted:
        raise ParkdeskError(f"No park was named; choose one of: {choices}.")
    if wanted == ALL:
        return None
    zone = directory.zone()
    if wanted == ZONE_WORD:
        return zone
    named = [(e, _names(e)) for e in (zone, *directory.parks(), *_places(directory))]
    found = [e for e, names in named if wanted in names or _short(wanted) in names]
    if not found:  # words of one park's name or alias ("science hub"); the zone's are too many
        found = [
            e for e, names in named[1:] if any(f" {wanted} " in f" {n} " for n in names)
        ]
    if not places and found:
        if all(e.kind == PLACE for e in found):
            verb = "lies" if len(found) == 1 else "lie"
            raise ParkdeskError(
                f"{_listed(found, 'and')} {verb} outside the zone, with no fact sheet; "
                f"choose one of: {choices}."
            )
        found = [e for e in found if e.kind != PLACE]
    if len(found) > 1:
        raise ParkdeskError(
            f"{name.strip()!r} could be {_listed(found, 'or')}; give more of the name."
        )
    if not found:
        raise ParkdeskError(f"There is no park called {name.strip()!r}; choose one of: {choices}.")
    return found[0]
