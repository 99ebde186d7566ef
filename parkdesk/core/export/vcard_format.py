"""The vCard export: one card per unit or person with contacts, written by our own small
writer (`_Card`), line for line what vobject writes (a test compares them on awkward text):
vobject took ~1 ms a card, 20 minutes for a million; this takes a few microseconds.

vCard 3.0 (RFC 2426) is the default, because iOS/macOS and stock Android Contacts take only 3.0:
`TEL;TYPE=WORK,VOICE:+86 757 8631 6675` and an extension in the stored international form
`+86 757 8631 6675 ext. 808` (decision: it needs no escaping, vobject reads it back as written,
and phonenumbers parses it back to the same number and extension; the `;ext=` of a tel: URI is
only for 4.0's VALUE=uri, and a comma pause would be backslash-escaped). UID is the same in
both versions, so a re-import updates the card instead of duplicating it.

vCard 4.0 (RFC 6350, `version="4.0"`) is today's output: escaping and folding as RFC 6350 asks
(text values escape backslash, comma, semicolon and newlines; lines fold at 75 octets, never
inside a character); URI values (TEL, SOURCE, UID) are written as given, so that `;ext=` and
commas in a URL are not backslash-escaped.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterable
from typing import TextIO

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


_FIRST = {"version": 0, "prodid": 1, "uid": 2}  # then by name, as vobject orders them
_FOLD = 75
_PLAIN = re.compile(r"[^\\;,\r\n]*\Z").match  # text with nothing to escape


def escape(text: str) -> str:
    """A text value escaped as RFC 2426/6350 (and vobject) escape it."""
    if _PLAIN(text) is not None:
        return text
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _param(value: str) -> str:
    return f'"{value}"' if any(c in value for c in ",;:") else value


def fold(line: str) -> str:
    """One content line, folded as vobject folds it, with its CRLF."""
    if len(line) < _FOLD:  # (vobject counts characters here, and octets below)
        return line + "\r\n"
    if line.isascii():
        parts = [line[:_FOLD]] + [line[i:i + _FOLD - 1] for i in range(_FOLD, len(line), _FOLD - 1)]
        return "\r\n ".join(parts) + "\r\n"
    out: list[str] = []
    counter = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if counter + size > _FOLD:
            out.append("\r\n ")
            counter = 1
        out.append(char)
        counter += size
    return "".join(out) + "\r\n"


class _Card:
    """The content lines of one card, in the order they are added."""

    def __init__(self) -> None:
        self.lines: list[tuple[tuple[int, str, int], str]] = []  # (order, line)

    def add(self, name: str, value: str, params: dict[str, list[str]] | None = None,
            uri: bool = False) -> None:
        """A property; `value` is text to escape, or a URI written as given (`uri`)."""
        self.add_escaped(name, value if uri else escape(value), params)

    def add_escaped(self, name: str, value: str,
                    params: dict[str, list[str]] | None = None) -> None:
        head = name.upper()
        if params:
            for key in sorted(params):
                head += f";{key}=" + ",".join(_param(v) for v in params[key])
        rank = _FIRST.get(name)
        order = (rank, "", len(self.lines)) if rank is not None else (3, name, len(self.lines))
        self.lines.append((order, f"{head}:{value}"))

    def add_fields(self, name: str, fields: list[str], params: dict[str, list[str]] | None = None,
                   ) -> None:
        """A structured value (N, ADR, ORG): fields escaped, joined by semicolons."""
        self.add_escaped(name, ";".join(escape(f) for f in fields), params)

    def serialize(self) -> str:
        self.lines.sort()
        return "BEGIN:VCARD\r\n" + "".join(fold(line) for _key, line in self.lines) + "END:VCARD\r\n"


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
              version: str = DEFAULT_VERSION) -> str:
    """The vCard text of one entity node, vCard `version` "3.0" or "4.0".

    `compact` (for QR codes) keeps what a phone needs: names, organisation, title, numbers and
    address; it leaves out PRODID, UID, CATEGORIES, the address LABEL, NOTE and SOURCE/URL.
    """
    v3 = version == "3.0"
    node = visit.node
    card = _Card()
    card.add("version", version)
    if not compact:
        card.add("prodid", PRODID)
        card.add("uid", "urn:uuid:" + str(uuid.uuid5(UID_NAMESPACE, node["id"])), uri=True)
    if not v3:
        card.add("kind", _KIND.get(node["kind"], "org"))
    elif node["kind"] != PERSON:
        card.add_fields("n", ["", "", "", "", ""])  # 3.0 requires N; Apple shows a company
        card.add("x-abshowas", "COMPANY")
    card.add("fn", node["name"])
    notes: list[str] = []
    if node["kind"] == PERSON:
        family, _, given = node["name"].partition(" ")
        card.add_fields("n", [family, given, "", "", ""])
        roles = node["roles"]
        if roles:
            first = roles[0]
            card.add("title", first["title"])
            org = (orgs or {}).get(first["organisation_id"] or "")
            org = org or ([first["organisation"]] if first["organisation"] else None)
            if org:
                card.add_fields("org", org)
            for other in roles[1:]:
                at = f" at {other['organisation']}" if other["organisation"] else ""
                notes.append(f"Also: {other['title']}{at} ({other['reported'] or 'undated'}).")
    else:
        card.add_fields("org", _org(visit))
    park = visit.park
    if park is not None and not compact:
        card.add_escaped("categories", escape(park["name"]))
    phones = [c for c in node["contacts"] if c["kind"] == "phone"]
    for i, contact in enumerate(phones):
        if v3:
            types = ["WORK", "VOICE"] + (["PREF"] if i == 0 else [])
            card.add("tel", contact["international"] or contact["raw"], {"TYPE": types})
            if not contact["international"]:
                notes.append(f"The number {contact['raw']} may be wrong: {contact['warning']}.")
        elif contact["tel_uri"]:
            params = {"TYPE": ["work", "voice"], "VALUE": ["uri"]}
            if i == 0:
                params["PREF"] = ["1"]
            card.add("tel", contact["tel_uri"], params, uri=True)
        else:
            card.add("tel", contact["raw"], {"VALUE": ["text"]})
            notes.append(f"The number {contact['raw']} may be wrong: {contact['warning']}.")
    for contact in node["contacts"]:
        if contact["kind"] == "address":
            params = {"TYPE": ["WORK" if v3 else "work"]}
            if not compact and not v3:
                params["LABEL"] = [contact["raw"].replace('"', "'").replace("\n", ", ")]
            card.add_fields("adr", ["", "", contact["raw"], "", "", "", ""], params)
    if compact:
        return card.serialize()
    sources = [s for c in node["contacts"] for s in c["sources"]] + node["sources"]
    notes = card_notes(node, sources) + notes
    if notes:
        card.add("note", "\n".join(notes))
    urls: list[str] = []
    for source in sources:
        if source.get("url") and source["url"] not in urls:
            urls.append(source["url"])
            card.add("url" if v3 else "source", source["url"], uri=True)
    return card.serialize()


def _org_index(visits: list[Visit]) -> dict[str, list[str]]:
    return {v.node["id"]: _org(v) for v in visits if v.node["kind"] in (ORGANISATION, PARK)}


def write_vcards(visits: Iterable[Visit], orgs: dict[str, list[str]], out: TextIO,
                 version: str = DEFAULT_VERSION) -> None:
    """The cards of `visits` in order, CRLF line ends as RFC 2426/6350 ask; `orgs`: the ORG
    components of the export's organisations and parks, by id."""
    for visit in visits:
        if visit.in_scope and wants_card(visit.node):
            out.write(make_card(visit, orgs, version=version))


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
    return make_card(visit, orgs, compact=compact, version=version)
