"""The changes a user can make, as plain operations: built and checked here, kept in the
user store's journal, applied on read by `parkdesk.core.db.layered`.

A change is one entry of the journal (what the History view lists and Undo takes back) made of
one or more operations: "add a person with a title" is one change of two operations. Each
operation is a JSON object with an `op` key; the kinds are listed in OPS. Issue 19's imports
and review decisions are meant to be further kinds of operation in the same journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parkdesk.core.errors import ParkdeskError
from parkdesk.core.i18n import QT_TRANSLATE_NOOP
from parkdesk.core.phones import normalise
from parkdesk.core.records import ENTERPRISE, INSTITUTION, PERSON, PROJECT

Op = dict[str, Any]

ENTITY_FIELDS = ("name", "aliases", "description", "status", "parent")
FIELD_LABELS = {"name": QT_TRANSLATE_NOOP("Fields", "Name"),
                "aliases": QT_TRANSLATE_NOOP("Fields", "Also known as"),
                "description": QT_TRANSLATE_NOOP("Fields", "Description"),
                "status": QT_TRANSLATE_NOOP("Fields", "Status"),
                "parent": QT_TRANSLATE_NOOP("Fields", "Park"),
                "raw": QT_TRANSLATE_NOOP("Fields", "Number"),
                "label": QT_TRANSLATE_NOOP("Fields", "Label")}
ADDABLE_KINDS = (PROJECT, ENTERPRISE, INSTITUTION, PERSON)
OPS = ("entity.set", "entity.add", "entity.hide", "contact.add", "contact.set", "contact.remove",
       "role.add", "note.set", "figure.outdated",
       # Issue 19: imported articles and the decisions of reviewing them.
       "article.import", "citation.add", "alias.add", "figure.add", "finding.decide")
DECISIONS = ("accepted", "attached", "set", "rejected")
# Journal states of a change.
ACTIVE, UNDONE, REVERTED = "active", "undone", "reverted"
STATES = (ACTIVE, UNDONE, REVERTED)


class ChangeError(ParkdeskError):
    """A change the user asked for cannot be made as given (an invalid number, no name...)."""


@dataclass(frozen=True)
class Change:
    """One entry of the journal: its number, date, one-line summary, operations and state."""

    seq: int
    at: str  # ISO date-time, UTC
    summary: str
    ops: tuple[Op, ...]
    state: str = ACTIVE
    state_at: str | None = None

    @property
    def active(self) -> bool:
        return self.state == ACTIVE


def new_id(prefix: str) -> str:
    """A fresh id for a record the user adds; unique across machines, so imports never clash."""
    import secrets  # (with hashlib and base64: not needed until the user adds a record)

    return f"user-{prefix}-{secrets.token_hex(4)}"


def _text(value: object, what: str, required: bool = False) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    if required and not text:
        raise ChangeError(f"The {what} is empty; type one, or cancel.")
    if len(text) > 2000:
        raise ChangeError(f"The {what} is longer than 2,000 characters; shorten it.")
    return text or None


def check_phone(raw: str) -> str:
    """`raw` if phonenumbers reads it as a valid number (Chinese by default), else ChangeError."""
    text = _text(raw, "phone number", required=True) or ""
    if not normalise(text).valid:
        raise ChangeError(
            f"“{text}” is not a valid phone number; type it with its area code, "
            "e.g. 0757 8668 3830 or +86 757 8668 3830."
        )
    return text


def set_field(entity_id: str, field: str, value: object) -> Op:
    """Change one field of an entity (aliases: a list of names; parent: an entity id)."""
    if field not in ENTITY_FIELDS:
        raise ChangeError(f"{field!r} is not a field that can be changed.")
    if field == "aliases":
        names = value if isinstance(value, list | tuple) else str(value or "").split(",")
        cleaned = sorted({t for n in names if (t := _text(n, "alias"))})
        return {"op": "entity.set", "id": entity_id, "field": field, "value": cleaned}
    required = field in ("name", "parent")
    return {"op": "entity.set", "id": entity_id, "field": field,
            "value": _text(value, FIELD_LABELS[field].lower(), required)}


def add_entity(kind: str, name: str, parent: str, description: str | None = None,
               status: str | None = None, aliases: list[str] | None = None,
               entity_id: str | None = None) -> Op:
    """A new project, enterprise, institution or person under `parent` (a park or the zone)."""
    if kind not in ADDABLE_KINDS:
        raise ChangeError(f"Records of kind {kind!r} cannot be added.")
    return {"op": "entity.add", "id": entity_id or new_id(kind), "kind": kind,
            "name": _text(name, "name", required=True), "parent": parent,
            "description": _text(description, "description"), "status": _text(status, "status"),
            "aliases": sorted({t for a in aliases or [] if (t := _text(a, "alias"))})}


def hide(record_type: str, record_id: str) -> Op:
    """Hide an entity (with what is under it) or a contact; undone by reverting the change."""
    if record_type == "entity":
        return {"op": "entity.hide", "id": record_id}
    if record_type == "contact":
        return {"op": "contact.remove", "id": record_id}
    raise ChangeError(f"Records of type {record_type!r} cannot be hidden.")


def add_contact(owner_id: str, kind: str, label: str, raw: str,
                contact_id: str | None = None) -> Op:
    """A phone number (validated) or a postal address for `owner_id`."""
    if kind not in ("phone", "address"):
        raise ChangeError(f"A contact is a phone or an address, not {kind!r}.")
    value = check_phone(raw) if kind == "phone" else _text(raw, "address", required=True)
    return {"op": "contact.add", "id": contact_id or new_id("contact"), "owner": owner_id,
            "kind": kind, "label": _text(label, "label") or "", "raw": value}


def set_contact(contact_id: str, kind: str, raw: str, label: str | None = None) -> Op:
    """The user's number (validated) or address for a contact, shown above the article's."""
    value = check_phone(raw) if kind == "phone" else _text(raw, "address", required=True)
    op: Op = {"op": "contact.set", "id": contact_id, "kind": kind, "raw": value}
    if label is not None:
        op["label"] = _text(label, "label") or ""
    return op


def add_role(person_id: str, title: str, org_id: str | None, role_id: str | None = None) -> Op:
    """A person's title at an organisation (or park)."""
    return {"op": "role.add", "id": role_id or new_id("role"), "person": person_id,
            "title": _text(title, "title", required=True), "org": org_id}


def set_note(record_type: str, record_id: str, text: str) -> Op:
    """The user's note on any record (empty text removes it)."""
    note = "\n".join(line.rstrip() for line in str(text or "").strip().splitlines())
    if len(note) > 20000:
        raise ChangeError("The note is longer than 20,000 characters; shorten it.")
    return {"op": "note.set", "type": record_type, "id": record_id, "text": note}


def mark_outdated(figure_id: str, outdated: bool = True) -> Op:
    """Mark a figure as outdated (or no longer outdated)."""
    return {"op": "figure.outdated", "id": figure_id, "outdated": bool(outdated)}


def import_article(article_id: str, sha256: str, file: str, title: str) -> Op:
    """Show an imported article (its text kept in the store by sha256) and queue its findings."""
    return {"op": "article.import", "id": article_id, "sha256": sha256, "file": file,
            "title": title}


def add_citation(record_type: str, record_id: str, article_id: str, paragraph: int, start: int,
                 end: int, quote: str) -> Op:
    """A citation of a record into an imported article: the record is then reviewed by the user."""
    if record_type not in ("entity", "contact", "figure", "role"):
        raise ChangeError(f"Records of type {record_type!r} cannot be cited.")
    return {"op": "citation.add", "id": record_id, "type": record_type, "article": article_id,
            "paragraph": int(paragraph), "start": int(start), "end": int(end), "quote": quote}


def add_alias(entity_id: str, alias: str) -> Op:
    """Another name of a record (as an article writes it)."""
    return {"op": "alias.add", "id": entity_id, "alias": _text(alias, "alias", required=True)}


def add_figure(entity_id: str, metric: str, value_text: str, unit: str | None = None,
               value: float | None = None, qualifier: str | None = None,
               refers_to: str | None = None, reported: str | None = None,
               figure_id: str | None = None) -> Op:
    """A figure (an amount, area, count, date...) of a record, as an article states it."""
    return {"op": "figure.add", "id": figure_id or new_id("figure"), "entity": entity_id,
            "metric": _text(metric, "metric", required=True),
            "value_text": _text(value_text, "value", required=True), "unit": unit,
            "value": value, "qualifier": qualifier, "refers_to": refers_to, "reported": reported}


def decide(finding_id: str, article_id: str, decision: str, record_id: str | None = None,
           record_type: str | None = None) -> Op:
    """What the user decided about one finding of an imported article."""
    if decision not in DECISIONS:
        raise ValueError(decision)
    return {"op": "finding.decide", "id": finding_id, "article": article_id,
            "decision": decision, "record": record_id, "type": record_type}


def check_op(op: object) -> Op:
    """`op` if it is a well-formed operation (from a file or the journal), else ChangeError."""
    if not isinstance(op, dict) or op.get("op") not in OPS or not isinstance(op.get("id"), str):
        raise ChangeError(f"Not a parkdesk change: {op!r}.")
    return op
