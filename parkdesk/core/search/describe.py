"""How a hit is described in words, the same in the app and on the command line."""

from __future__ import annotations

from parkdesk.core.records import KIND_LABELS
from parkdesk.core.search.hits import ADDRESS, FINDING, FOLDER, PHONE, SearchHit
from parkdesk.core.tree import GROUPS

FOLDER_LABELS = {g.key: g.label for g in GROUPS}


def hit_kind(hit: SearchHit) -> str:
    """"Park", "Enterprise"...; "Unreviewed finding" for what no curation has claimed yet."""
    if hit.kind == FINDING:
        return "Unreviewed finding"
    label = KIND_LABELS.get(hit.kind, hit.kind)
    return label if hit.reviewed else f"{label} (unreviewed)"


def hit_matched(hit: SearchHit) -> str:
    """What the hit was found by, to show beside its name: "☎ 0757 8631 6675", an address..."""
    if hit.matched_kind == PHONE:
        return f"☎ {hit.matched}"
    if hit.matched_kind == ADDRESS:
        return f"⌂ {hit.matched}"
    if hit.matched_kind == FOLDER:
        return f"→ {FOLDER_LABELS.get(hit.matched, hit.matched)}"
    return ""
