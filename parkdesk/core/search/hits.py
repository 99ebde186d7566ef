"""What a search gives back: hits in order, and what the search did with the text typed."""

from __future__ import annotations

from dataclasses import dataclass, field

from parkdesk.core.records import (
    ENTERPRISE,
    INSTITUTION,
    ORGANISATION,
    PARK,
    PERSON,
    PLACE,
    PROJECT,
    ZONE,
)

FINDING = "finding"  # an unreviewed finding from an article: not (yet) a record of the directory
# Kinds in the order their matches are listed; few, important records before many.
KIND_ORDER = (ZONE, PARK, PLACE, ORGANISATION, PROJECT, INSTITUTION, PERSON, ENTERPRISE, FINDING)
_KIND_RANK = {k: i for i, k in enumerate(KIND_ORDER)}

# Why a hit is listed, shown beside it: a phone number or address that matched.
PHONE = "phone"
ADDRESS = "address"
FOLDER = "folder"


@dataclass(frozen=True)
class SearchHit:
    """One match: which entity, what it is, where it is, and the words that matched.

    `matched` is the contact (a phone number or an address) the search found it by, shown
    beside the name; `contact_id` is that contact. `folder` is a tree folder key
    (`park-nanhai/people`) when the hit opens a folder rather than the record itself.
    """

    entity_id: str
    kind: str
    name: str
    park: str
    terms: tuple[str, ...]
    matched: str = ""
    matched_kind: str = ""  # PHONE, ADDRESS, FOLDER or ""
    contact_id: str = ""
    reviewed: bool = True
    folder: str = ""


@dataclass(frozen=True)
class SearchResult:
    """The hits of one search, and the text they are for when the search corrected a typo."""

    hits: list[SearchHit] = field(default_factory=list)
    corrected: str = ""  # "Showing results for …" this text; "" when nothing was corrected
    note: str = ""  # why nothing was found, when there is more to say than "No matches"


def rank_key(kind: str, name: str, entity_id: str, reviewed: bool = True) -> tuple:
    """Where an entity's search row goes: reviewed first, kinds in KIND_ORDER, then by name."""
    return (not reviewed, _KIND_RANK.get(kind, len(KIND_ORDER)), name.casefold(), entity_id)
