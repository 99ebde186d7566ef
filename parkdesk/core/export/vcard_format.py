"""The vCard export, written with vobject: one card per unit or person with contacts.

vCard 3.0 (RFC 2426) is the default, because iOS/macOS and stock Android Contacts take only 3.0:
vobject's own 3.0, with `TEL;TYPE=WORK,VOICE:+86 757 8631 6675` and an extension in the stored
international form `+86 757 8631 6675 ext. 808` (decision: it needs no escaping, vobject reads
it back as written, and phonenumbers parses it back to the same number and extension; the
`;ext=` of a tel: URI is only for 4.0's VALUE=uri, and a comma pause would be backslash-escaped).
UID is the same in both versions, so a re-import updates the card instead of duplicating it.

vCard 4.0 (RFC 6350, `version="4.0"`) is today's output: vobject writes whatever VERSION it is
given and its escaping and folding follow RFC 6350; URI values (TEL, SOURCE, UID) are marked as
already encoded so that `;ext=` and commas in a URL are not backslash-escaped.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable
from typing import TextIO

import vobject
from vobject.base import Component, ContentLine
from vobject.vcard import Address, Name

from parkdesk import __version__
from parkdesk.core.dates import iso_day
from parkdesk.core.db.directory import Directory
from parkdesk.core.export.json_format import entity_visit
from parkdesk.core.export.walk import Visit, walk
from parkdesk.core.records import ORGANISATION, PARK, PERSON, PLACE, ZONE

PRODID = f"-//parkdesk//parkdesk {__version__}//EN"
UID_NAMESPACE = uuid.UUID("5f2c3b1e-8d4a-4c43-9a57-0c1d7e3f2a61")
_KIND = {PERSON: "individual", PLACE: "location"}
VCARD_VERSIONS = ("3.0", "4.0")
DEFAULT_VERSION = "3.0"


def _uri_line(card: Component, name: str, uri: str,
              params: dict[str, list[str]] | None = None) -> ContentLine:
    """Add a property whose value is a URI, to be written exactly as given (no text escaping)."""
    line = card.add(name)
    line.value = uri
    for key, values in (params or {}).items():
        line.params[key.upper()] = values
    line.encoded = True
    return line


def _source_text(source: dict) -> str:
    where = ", ".join(p for p in (source["outlet"], iso_day(source["date"])) if p)
    text = f"{source['title']}" + (f" ({where})" if where else "")
    return text


def _org(visit: Visit) -> list[str]:
    """ORG components: zone units are "zone; unit"; anything else is its own organisation."""
    node = visit.node
    if node["kind"] in (ORGANISATION, PARK):
        names = [n["name"] for n in visit.path if n["kind"] in (ZONE, PARK, ORGANISATION)]
        return [*names, node["name"]]
    return [node["name"]]


def card_notes(node: dict, sources: list[dict]) -> list[str]:
    """The note lines of a card: each source once, then what the user entered, said as such."""
    seen: list[str] = []
    for source in sources:
        text = "Source: " + _source_text(source)
        if text not in seen:
            seen.append(text)
    for record in [node, *node["contacts"]]:
        if record.get("source") == "user":
            seen.append(f"Entered by you, {record['entered']}"
                        + (f": {record['note']}" if record.get("note") else "."))
    return seen


def wants_card(node: dict) -> bool:
    """Whether an entity gets a card: when it has a phone number or an address."""
    return bool(node["contacts"])


def make_card(visit: Visit, orgs: dict[str, list[str]] | None = None, compact: bool = False,
              version: str = DEFAULT_VERSION) -> Component:
    """The vobject vCard of one entity node, vCard `version` "3.0" or "4.0".

    `compact` (for QR codes) keeps what a phone needs: names, organisation, title, numbers and
    address; it leaves out PRODID, UID, CATEGORIES, the address LABEL, NOTE and SOURCE/URL.
    """
    v3 = version == "3.0"
    node = visit.node
    card = vobject.vCard()
    card.add("version").value = version
    if not compact:
        card.add("prodid").value = PRODID
        _uri_line(card, "uid", "urn:uuid:" + str(uuid.uuid5(UID_NAMESPACE, node["id"])))
    if not v3:
        card.add("kind").value = _KIND.get(node["kind"], "org")
    elif node["kind"] != PERSON:
        card.add("n").value = Name()  # 3.0 requires N; Apple shows such a card as a company
        card.add("x-abshowas").value = "COMPANY"
    card.add("fn").value = node["name"]
    notes: list[str] = []
    if node["kind"] == PERSON:
        family, _, given = node["name"].partition(" ")
        card.add("n").value = Name(family=family, given=given)
        roles = node["roles"]
        if roles:
            first = roles[0]
            card.add("title").value = first["title"]
            org = (orgs or {}).get(first["organisation_id"] or "")
            org = org or ([first["organisation"]] if first["organisation"] else None)
            if org:
                card.add("org").value = org
            for other in roles[1:]:
                at = f" at {other['organisation']}" if other["organisation"] else ""
                notes.append(f"Also: {other['title']}{at} ({other['reported'] or 'undated'}).")
    else:
        card.add("org").value = _org(visit)
    park = visit.park
    if park is not None and not compact:
        card.add("categories").value = [park["name"]]
    phones = [c for c in node["contacts"] if c["kind"] == "phone"]
    for i, contact in enumerate(phones):
        if v3:
            line = card.add("tel")
            types = ["WORK", "VOICE"] + (["PREF"] if i == 0 else [])
            line.params["TYPE"] = types
            line.value = contact["international"] or contact["raw"]
            if not contact["international"]:
                notes.append(f"The number {contact['raw']} may be wrong: {contact['warning']}.")
        elif contact["tel_uri"]:
            params = {"type": ["work", "voice"], "value": ["uri"]}
            if i == 0:
                params["pref"] = ["1"]
            _uri_line(card, "tel", contact["tel_uri"], params)
        else:
            line = card.add("tel")
            line.value = contact["raw"]
            line.params["VALUE"] = ["text"]
            notes.append(f"The number {contact['raw']} may be wrong: {contact['warning']}.")
    for contact in node["contacts"]:
        if contact["kind"] == "address":
            line = card.add("adr")
            line.value = Address(street=contact["raw"])
            line.params["TYPE"] = ["WORK" if v3 else "work"]
            if not compact and not v3:
                line.params["LABEL"] = [contact["raw"].replace('"', "'").replace("\n", ", ")]
    if compact:
        return card
    sources = [s for c in node["contacts"] for s in c["sources"]] + node["sources"]
    notes = card_notes(node, sources) + notes
    if notes:
        card.add("note").value = "\n".join(notes)
    urls: list[str] = []
    for source in sources:
        if source.get("url") and source["url"] not in urls:
            urls.append(source["url"])
            _uri_line(card, "url" if v3 else "source", source["url"])
    return card


def _org_index(visits: list[Visit]) -> dict[str, list[str]]:
    return {v.node["id"]: _org(v) for v in visits if v.node["kind"] in (ORGANISATION, PARK)}


def write_vcards(visits: Iterable[Visit], orgs: dict[str, list[str]], out: TextIO,
                 version: str = DEFAULT_VERSION) -> None:
    """The cards of `visits` in order, CRLF line ends as RFC 2426/6350 ask; `orgs`: the ORG
    components of the export's organisations and parks, by id."""
    for visit in visits:
        if visit.in_scope and wants_card(visit.node):
            out.write(make_card(visit, orgs, version=version).serialize())


def render_vcards(document: dict, version: str = DEFAULT_VERSION) -> str:
    """Every card of a whole document (see write_vcards)."""
    visits = list(walk(document))
    buffer = io.StringIO(newline="")
    write_vcards(visits, _org_index(visits), buffer, version)
    return buffer.getvalue()


def entity_card(directory: Directory, entity_id: str, compact: bool = True,
                version: str = DEFAULT_VERSION) -> str | None:
    """The vCard of one entity (compact 3.0 by default, as for a QR code: phone scanners read
    3.0 best); None if it has no phone."""
    visit = entity_visit(directory, entity_id)
    if visit is None or not any(c["kind"] == "phone" for c in visit.node["contacts"]):
        return None
    orgs = {}
    for role in visit.node["roles"]:
        org_id = role["organisation_id"]
        org = directory.entity(org_id) if org_id else None
        if org is not None and org.kind in (ORGANISATION, PARK):
            path = tuple({"kind": a.kind, "name": a.name} for a in directory.ancestors(org.id))
            orgs[org.id] = _org(Visit({"kind": org.kind, "name": org.name}, path, True))
    text: str = make_card(visit, orgs, compact=compact, version=version).serialize()
    return text
