"""Intent words: "gaoming park phone" asks for a record's number, "nanhai people" for a folder."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.core.search.hits import ADDRESS, PHONE

# Words that ask for a record's contact, after (or before) its name.
CONTACT_WORDS = {
    "phone": PHONE, "phones": PHONE, "tel": PHONE, "telephone": PHONE, "number": PHONE,
    "numbers": PHONE, "contact": PHONE, "contacts": PHONE,
    "电话": PHONE, "联系电话": PHONE, "联系": PHONE,
    "address": ADDRESS, "addresses": ADDRESS, "地址": ADDRESS,
}
# Words that ask for one of a park's folders (tree group keys, see core.tree.GROUPS).
FOLDER_WORDS = {
    "people": "people", "person": "people", "staff": "people", "leaders": "people",
    "projects": "projects", "project": "projects", "carriers": "projects",
    "enterprises": "organisations", "enterprise": "organisations", "companies": "organisations",
    "company": "organisations", "institutions": "organisations", "firms": "organisations",
}


@dataclass(frozen=True)
class Intent:
    """What the words other than the name ask for: a contact kind or a folder ("" for none)."""

    contact: str = ""
    folder: str = ""

    def __bool__(self) -> bool:
        return bool(self.contact or self.folder)


def split_intent(terms: list[str]) -> tuple[list[str], Intent]:
    """The name's terms and the intent of the others; no intent when nothing else is left."""
    rest = [t for t in terms if t not in CONTACT_WORDS and t not in FOLDER_WORDS]
    if not rest or len(rest) == len(terms):
        return terms, Intent()
    contact = next((CONTACT_WORDS[t] for t in terms if t in CONTACT_WORDS), "")
    folder = "" if contact else next(FOLDER_WORDS[t] for t in terms if t in FOLDER_WORDS)
    return rest, Intent(contact, folder)
