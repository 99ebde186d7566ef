"""CSV for contact importers: one row per card (the vCard export's entities), with the headers
Google Contacts and Outlook map by name, so that no field has to be matched by hand.

- Google (`google-csv`): the Google CSV headers (`Name`, `Given Name`, `Family Name`,
  `Organization 1 - Name`, `Organization 1 - Title`, `Phone N - Type` / `Phone N - Value`,
  `Address 1 - Formatted`, `Notes`, `Group Membership`...), as many phone columns as the export's
  busiest card needs; UTF-8 without a BOM (Google reads UTF-8, and a BOM would end up in the
  first header's name).
- Outlook (`outlook-csv`): the classic Outlook contact fields (`First Name`, `Last Name`,
  `Company`, `Job Title`, `Business Phone`, `Business Phone 2`, `Mobile Phone`, `Other Phone`,
  `Business Street`, `Notes`, `Categories`); numbers beyond those slots go to `Notes`. UTF-8
  with a BOM: Outlook on Windows reads a file without one in the ANSI code page.

Numbers are the stored international form, the extension kept as `ext. 808` (as in the vCard
3.0 export: both importers keep it as typed, and phonenumbers reads it back).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from parkdesk.core.export.vcard_format import _org, card_notes, wants_card
from parkdesk.core.export.walk import Visit
from parkdesk.core.records import PERSON

GOOGLE = "google-csv"
OUTLOOK = "outlook-csv"
BOM = "\ufeff"

GOOGLE_HEAD = ("Name", "Given Name", "Family Name", "Notes", "Group Membership",
               "Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Title")
GOOGLE_TAIL = ("Address 1 - Type", "Address 1 - Formatted", "Address 1 - Street",
               "Website 1 - Type", "Website 1 - Value")
OUTLOOK_COLUMNS = ("First Name", "Last Name", "Company", "Job Title", "Business Phone",
                   "Business Phone 2", "Mobile Phone", "Other Phone", "Business Street",
                   "Web Page", "Notes", "Categories")
_OUTLOOK_WORK = ("Business Phone", "Business Phone 2", "Other Phone")


def google_columns(phone_slots: int) -> list[str]:
    """The Google CSV header with `phone_slots` pairs of phone columns (at least one)."""
    phones = [f"Phone {i} - {part}" for i in range(1, max(phone_slots, 1) + 1)
              for part in ("Type", "Value")]
    return [*GOOGLE_HEAD, *phones, *GOOGLE_TAIL]


def _number(contact: dict) -> str:
    return str(contact["international"] or contact["raw"])


def _card(visit: Visit, orgs: dict[str, list[str]]) -> dict:
    """What both CSVs say about one card: names, organisation, title, phones, address, notes."""
    node = visit.node
    person = node["kind"] == PERSON
    family, given, title, org = "", "", "", ""
    also: list[str] = []
    if person:
        family, _, given = node["name"].partition(" ")
        roles = node["roles"]
        if roles:
            title = roles[0]["title"] or ""
            path = orgs.get(roles[0]["organisation_id"] or "")
            org = path[-1] if path else (roles[0]["organisation"] or "")
        for other in roles[1:]:  # as the vCard says them
            at = f" at {other['organisation']}" if other["organisation"] else ""
            also.append(f"Also: {other['title']}{at} ({other['reported'] or 'undated'}).")
    else:
        org = _org(visit)[-1]
    phones = [c for c in node["contacts"] if c["kind"] == "phone"]
    addresses = [c["raw"] for c in node["contacts"] if c["kind"] == "address"]
    sources = [s for c in node["contacts"] for s in c["sources"]] + node["sources"]
    urls = list(dict.fromkeys(s["url"] for s in sources if s.get("url")))
    park = visit.park
    notes = card_notes(node, sources) + [
        f"The number {c['raw']} may be wrong: {c['warning']}." for c in phones
        if not c["international"]] + also
    return {
        "name": node["name"], "given": given, "family": family, "org": org, "title": title,
        "phones": phones, "address": addresses[0] if addresses else "",
        "more_addresses": addresses[1:], "notes": notes,
        "url": urls[0] if urls else "", "park": park["name"] if park else "",
    }


def _cards(visits: Iterable[Visit], orgs: dict[str, list[str]]) -> Iterable[dict]:
    for visit in visits:
        if visit.in_scope and wants_card(visit.node):
            yield _card(visit, orgs)


def write_google(visits: Iterable[Visit], orgs: dict[str, list[str]], out: TextIO,
                 phone_slots: int) -> None:
    """The Google Contacts CSV of `visits` (`phone_slots`: the most phones of any card)."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(google_columns(phone_slots))
    for card in _cards(visits, orgs):
        phones: list[str] = []
        for contact in card["phones"]:
            kind = "Mobile" if contact["line"] == "mobile" else "Work"
            phones += [kind, _number(contact)]
        phones += [""] * (2 * max(phone_slots, 1) - len(phones))
        notes = card["notes"] + [f"Also at: {a}" for a in card["more_addresses"]]
        group = f"{card['park']} ::: * myContacts" if card["park"] else "* myContacts"
        writer.writerow([
            card["name"], card["given"], card["family"], "\n".join(notes), group,
            "Work" if card["org"] else "", card["org"], card["title"], *phones,
            "Work" if card["address"] else "", card["address"], card["address"],
            "Source" if card["url"] else "", card["url"],
        ])


def write_outlook(visits: Iterable[Visit], orgs: dict[str, list[str]], out: TextIO) -> None:
    """The Outlook CSV of `visits`: BOM first; numbers beyond Outlook's slots go to Notes."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(OUTLOOK_COLUMNS)
    for card in _cards(visits, orgs):
        slots: dict[str, str] = {}
        extra: list[str] = []
        for contact in card["phones"]:
            free = ["Mobile Phone"] if contact["line"] == "mobile" else list(_OUTLOOK_WORK)
            slot = next((s for s in free if s not in slots), None)
            if slot is None:
                extra.append(f"Also: {_number(contact)}")
            else:
                slots[slot] = _number(contact)
        notes = card["notes"] + extra + [f"Also at: {a}" for a in card["more_addresses"]]
        person = bool(card["given"] or card["family"])
        writer.writerow([
            card["given"], card["family"] if person else "",
            card["org"] if person else card["name"], card["title"],
            slots.get("Business Phone", ""), slots.get("Business Phone 2", ""),
            slots.get("Mobile Phone", ""), slots.get("Other Phone", ""), card["address"],
            card["url"], "\n".join(notes), card["park"],
        ])
