"""The directory's address cards as a CardDAV book holds them: one vCard 3.0 per record with a
phone number, each under a stable UID and file name, and a comparison that ignores what a
server may rewrite (line folding, property order, the writer's version)."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.queries import contact_owners
from parkdesk.core.export.vcard_format import PRODID, entity_card

#: Cards parkdesk wrote carry a PRODID starting so; only those are ever updated or deleted.
PRODID_PREFIX = PRODID.split(" ", 1)[0]  # "-//parkdesk//parkdesk"
#: Lines left out when comparing a card on the server with ours.
_VOLATILE = ("PRODID", "REV")


@dataclass(frozen=True)
class Card:
    """One card to publish: its UID, the name of its file in the book, and its text."""

    uid: str
    name: str  # what the card shows (FN), for messages
    text: str

    @property
    def filename(self) -> str:
        """The card's file name in the address book: its UUID and .vcf (stable, URL-safe)."""
        return self.uid.removeprefix("urn:uuid:") + ".vcf"


def directory_cards(directory: Directory) -> list[Card]:
    """Every card of the directory (with the user's layer, when the directory has one), in
    record id order: the vCard 3.0 export's own card for each record with a phone number."""
    cards = []
    for entity_id in contact_owners(directory):
        text = entity_card(directory, entity_id, compact=False, version="3.0")
        if text is None:  # an address alone: the export makes no card of it either
            continue
        uid, name = card_identity(text)
        cards.append(Card(uid or entity_id, name, text))
    return cards


def _unfolded(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def card_identity(text: str) -> tuple[str, str]:
    """A card's UID and FN ("" when absent), read from its text."""
    uid = name = ""
    for line in _unfolded(text):
        key, _, value = line.partition(":")
        key = key.split(";", 1)[0].upper()
        if key == "UID" and not uid:
            uid = value
        elif key == "FN" and not name:
            name = value.replace("\\,", ",").replace("\\;", ";")
    return uid, name


def is_ours(text: str) -> bool:
    """Whether a card was written by parkdesk (its PRODID), so publishing may replace it."""
    return any(line.upper().startswith("PRODID:" + PRODID_PREFIX.upper())
               for line in _unfolded(text))


def same_card(ours: str, theirs: str) -> bool:
    """Whether two cards say the same, whatever a server changed in the writing of it: the
    unfolded lines compared as a set, the writer's PRODID and a REV left out."""
    def lines(text: str) -> set[str]:
        kept = set()
        for line in _unfolded(text):
            key = line.split(":", 1)[0].split(";", 1)[0].upper()
            if key not in _VOLATILE:
                kept.add(line)
        return kept

    return lines(ours) == lines(theirs)
