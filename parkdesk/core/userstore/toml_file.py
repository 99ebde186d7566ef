"""The user's layer as a TOML file in the curation file's shape (`[[entity]]`, `[[contact]]`,
`[[role]]`...), for a colleague to import or a maintainer to review in a diff and fold into
data/curation.toml. Blocks carry `source = "user"` and the date entered, where the curation
file has an article and a quote.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.changes import Change, ChangeError, Op

FORMAT = "parkdesk-changes"
VERSION = 1
HEADER = f"""# parkdesk changes: the user's corrections and additions, in the curation file's shape.
# Blocks with a `kind` add a record; blocks without one change the record with that id.
# Import with: parkdesk changes import FILE.toml
format = "{FORMAT}"
version = {VERSION}
"""

# op -> (TOML table, key of the record's id in it)
_TABLES = {
    "entity.add": ("entity", "id"), "entity.set": ("entity", "id"),
    "entity.hide": ("hidden", "entity"), "contact.add": ("contact", "id"),
    "contact.set": ("contact", "id"), "contact.remove": ("hidden", "contact"),
    "role.add": ("role", "id"), "note.set": ("note", "id"),
    "figure.outdated": ("outdated", "figure"),
    # Reviewing imported articles: the curation file's `article` and `quote` anchor each fact.
    "article.import": ("article", "id"), "alias.add": ("entity", "id"),
    "figure.add": ("figure", "id"), "citation.add": ("citation", "id"),
    "finding.decide": ("review", "finding"),
}
_CITED_BY_ADD = ("entity.add", "contact.add", "figure.add", "role.add")


def _anchored(ops: tuple[Op, ...]) -> list[Op]:
    """A change's operations with each citation of a record added in the same change folded
    into that record's block as `article` and `quote`, as the curation file writes them."""
    cites = {op["id"]: op for op in ops if op["op"] == "citation.add"}
    out: list[Op] = []
    folded: set[str] = set()
    for op in ops:
        if op["op"] in _CITED_BY_ADD and op["id"] in cites:
            out.append({**op, "article": cites[op["id"]]["article"],
                        "quote": cites[op["id"]]["quote"]})
            folded.add(op["id"])
        elif op["op"] != "citation.add" or op["id"] not in folded:
            out.append(op)
    return [op for op in out if not (op["op"] == "citation.add" and op["id"] in folded)]


def _compact(changes: Iterable[Change]) -> list[tuple[Op, str]]:
    """The active changes' operations in order, a later value of one field replacing an
    earlier one; each with the date it was entered."""
    out: dict[tuple, tuple[Op, str]] = {}
    for change in changes:
        if not change.active:
            continue
        for op in _anchored(change.ops):
            kind = op["op"]
            if kind == "entity.set":
                key: tuple = (kind, op["id"], op["field"])
            elif kind in ("contact.set", "figure.outdated"):
                key = (kind, op["id"])
            elif kind == "note.set":
                key = (kind, op.get("type"), op["id"])
            else:
                key = (kind, op["id"], len(out))
            out.pop(key, None)
            out[key] = (op, change.at[:10])
    return list(out.values())


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def _block(op: Op, entered: str) -> str:
    kind = op["op"]
    table, id_key = _TABLES[kind]
    fields: dict[str, Any] = {id_key: op["id"]}
    if kind == "entity.set":
        fields[op["field"]] = op.get("value") if op.get("value") is not None else ""
    elif kind == "note.set":
        fields.update(record=op.get("type") or "entity", text=op.get("text") or "")
    elif kind == "figure.outdated":
        fields["outdated"] = bool(op.get("outdated", True))
    elif kind == "figure.add":
        fields.update({"entity": op["entity"], "metric": op["metric"], "value": op["value_text"]})
        fields.update({k: op[k] for k in ("unit", "qualifier", "refers_to", "article", "quote")
                       if op.get(k)})
    elif kind == "citation.add":
        fields.update({"record": op["type"], "article": op["article"],
                       "paragraph": op["paragraph"], "quote": op["quote"]})
    elif kind == "finding.decide":
        fields.update({k: op[k] for k in ("decision", "record", "article") if op.get(k)})
    elif kind not in ("entity.hide", "contact.remove"):
        fields.update({k: v for k, v in op.items() if k not in ("op", "id") and v not in (None, [], "")})
    fields.update(source="user", entered=entered)
    lines = [f"[[{table}]]"] + [f"{k} = {_value(v)}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def export_text(changes: Iterable[Change]) -> str:
    """The active changes as TOML text."""
    blocks = [_block(op, entered) for op, entered in _compact(changes)]
    return HEADER + "".join("\n" + b for b in blocks)


def _ops_from(data: dict[str, Any]) -> list[Op]:
    ops: list[Op] = []
    for block in data.get("entity", []):
        if "kind" in block:
            ops.append(ch.add_entity(block["kind"], block.get("name", ""), block.get("parent", ""),
                                     block.get("description"), block.get("status"),
                                     block.get("aliases"), entity_id=block["id"]))
        else:
            ops.extend(ch.set_field(block["id"], f, block[f]) for f in ch.ENTITY_FIELDS if f in block)
    for block in data.get("contact", []):
        if "owner" in block:
            ops.append(ch.add_contact(block["owner"], block.get("kind", "phone"),
                                      block.get("label", ""), block.get("raw", ""),
                                      contact_id=block["id"]))
        else:
            ops.append(ch.set_contact(block["id"], block.get("kind", "phone"), block.get("raw", ""),
                                      block.get("label")))
    for block in data.get("role", []):
        ops.append(ch.add_role(block["person"], block.get("title", ""), block.get("org"),
                               role_id=block.get("id")))
    for block in data.get("hidden", []):
        record_type = "entity" if "entity" in block else "contact"
        ops.append(ch.hide(record_type, block.get(record_type, "")))
    for block in data.get("note", []):
        ops.append(ch.set_note(block.get("record", "entity"), block["id"], block.get("text", "")))
    for block in data.get("outdated", []):
        ops.append(ch.mark_outdated(block["figure"], block.get("outdated", True)))
    # Review blocks: the articles themselves stay in the store they were imported into.
    for block in data.get("entity", []):
        if "alias" in block and "kind" not in block:
            ops.append(ch.add_alias(block["id"], block["alias"]))
    for block in data.get("figure", []):
        ops.append(ch.add_figure(block["entity"], block.get("metric", ""), str(block.get("value", "")),
                                 block.get("unit"), None, block.get("qualifier"),
                                 block.get("refers_to"), figure_id=block.get("id")))
    return ops


def read_ops(path: Path) -> list[Op]:
    """The operations in a changes file; ChangeError names what is wrong with it."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ChangeError(f"Cannot read {path}: {(exc.strerror or str(exc)).lower()}.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ChangeError(f"{path} is not a TOML file ({exc}).") from exc
    if data.get("format") != FORMAT:
        raise ChangeError(f"{path} is not a parkdesk changes file (no format = \"{FORMAT}\").")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ChangeError(f"{path} was written by a newer parkdesk; update parkdesk to import it.")
    try:
        return _ops_from(data)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ChangeError(f"{path} has an entry without its {exc} field.") from exc
