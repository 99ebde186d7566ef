"""How a hit is described in words, the same in the app and on the command line."""

from __future__ import annotations

from parkdesk.core.i18n import translate
from parkdesk.core.records import kind_label
from parkdesk.core.search.hits import ADDRESS, FINDING, FOLDER, PHONE, SearchHit
from parkdesk.core.tree import GROUPS

FOLDERS = {g.key: g for g in GROUPS}


def hit_kind(hit: SearchHit) -> str:
    """"Park", "Enterprise"...; "Unreviewed finding" for what no curation has claimed yet."""
    if hit.kind == FINDING:
        return translate("Search", "Unreviewed finding")
    label = kind_label(hit.kind)
    return label if hit.reviewed else translate("Search", "{kind} (unreviewed)").format(kind=label)


def hit_matched(hit: SearchHit) -> str:
    """What the hit was found by, to show beside its name: "☎ 0757 8631 6675", an address..."""
    if hit.matched_kind == PHONE:
        return f"☎ {hit.matched}"
    if hit.matched_kind == ADDRESS:
        return f"⌂ {hit.matched}"
    if hit.matched_kind == FOLDER:
        folder = FOLDERS.get(hit.matched)
        return f"→ {folder.title if folder else hit.matched}"
    return ""
