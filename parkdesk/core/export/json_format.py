"""The JSON export: the directory as one nested, stable document of a scope, written as it is
read (core/export/stream), never held whole in memory.

The text is exactly what `json.dumps(document, ensure_ascii=False, indent=2)` gives for the
nested document (a test checks it against the standard library); the format is described in
docs/export-format.md. `build_document` parses that text back, for callers that want the dict.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import TextIO

from parkdesk import __version__
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.export_rows import UNPLACED_SECTION, unreviewed
from parkdesk.core.export.scope import ALL, EVERYTHING, Scope
from parkdesk.core.export.stream import Stream, group_of, open_stream
from parkdesk.core.export.walk import GROUP_KEYS, Visit
from parkdesk.core.records import Article

FORMAT = "parkdesk-directory"
VERSION = 1
_FACT_KEYS = ("id", "kind", "subkind", "name", "aliases", "district", "status", "description",
              "reviewed", "sources", "contacts", "figures", "roles", "relations")
_GROUP_INDEX = {key: i for i, key in enumerate(GROUP_KEYS)}


_SOURCE_KEYS = ("article", "title", "outlet", "date", "date_inferred", "url", "paragraph", "span",
                "quote")
_SCALARS = {type(None): lambda v: "null", bool: lambda v: "true" if v else "false",
            int: int.__repr__, str: encode_basestring}
_article_heads: dict[tuple, str] = {}  # a cited article's fields as text, by value and indent


def _source(source: dict, indent: str) -> str:
    """One source dict (the commonest record): its article's fields are the same text each
    time, so that part is made once per article and indent."""
    key = (source["article"], source["title"], source["outlet"], source["date"],
           source["date_inferred"], source["url"], indent)
    head = _article_heads.get(key)
    inner = indent + "  "
    if head is None:
        if len(_article_heads) > 4096:
            _article_heads.clear()
        head = _article_heads[key] = "{\n" + "".join(
            f"{inner}\"{k}\": {encode(source[k], inner)},\n" for k in _SOURCE_KEYS[:6])
    span = source["span"]
    return (f"{head}{inner}\"paragraph\": {encode(source['paragraph'], inner)},\n"
            f"{inner}\"span\": {encode(span, inner)},\n"
            f"{inner}\"quote\": {encode(source['quote'], inner)}\n{indent}}}")


def encode(value: object, indent: str = "") -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, nested at
    `indent` (the C string encoder does the escaping; the layout is the standard library's)."""
    scalar = _SCALARS.get(value.__class__)
    if scalar is not None:
        return scalar(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        if tuple(value) == _SOURCE_KEYS:
            return _source(value, indent)
        items = ",\n".join(f"{inner}{encode_basestring(k)}: {encode(v, inner)}"
                           for k, v in value.items())
        return "{\n" + items + "\n" + indent + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + encode(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value)  # other numbers (float: NaN and Infinity as the library writes them)


def _article(a: Article) -> dict:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "date": a.published,
        "date_inferred": a.date_inferred,
        "url": a.url,
        "file": a.file,
        "sha256": a.sha256,
        "paragraphs": a.paragraphs,
        "reviewed": a.reviewed,
    }


def _mentions(stream: Stream) -> list[dict]:
    """The rule findings no curation claimed (those of the cited articles, for a part)."""
    articles, keep = stream.articles, None if stream.scope.kind == ALL else stream.cited
    result = []
    for mid, aid, kind, text, value, unit, paragraph, start, end in unreviewed(stream.directory):
        if keep is not None and aid not in keep:
            continue
        a = articles.get(aid)
        result.append({
            "id": mid,
            "kind": kind,
            "text": text,
            "value": value,
            "unit": unit,
            "source": {
                "article": aid,
                "title": a.title if a else None,
                "outlet": a.outlet if a else None,
                "date": a.published if a else None,
                "date_inferred": a.date_inferred if a else None,
                "url": a.url if a else None,
                "paragraph": paragraph,
                "span": [start, end],
                "quote": text,
            },
        })
    return result


class _NodeWriter:
    """Writes entity nodes as they come, closing child groups and nodes as the walk leaves them.

    The open nodes form a stack: each entry is the node, its indent, the index of the child
    group open in it (or -1) and of the next group still to write.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.stack: list[list] = []

    def open(self, visit: Visit, indent: str) -> None:
        node = visit.node
        inner = indent + "  "
        w = self.out.write
        w("{")
        w(",".join(f"\n{inner}\"{k}\": {encode(node[k], inner)}" for k in _FACT_KEYS))
        self.stack.append([node, indent, -1, 0])

    def child(self, visit: Visit) -> None:
        """Move into the parent's group of this child (closing the groups before it)."""
        parent = self.stack[-1]
        _node, indent, open_group, _next = parent
        inner = indent + "  "
        group = _GROUP_INDEX[group_of(visit.node["kind"])]
        w = self.out.write
        if open_group == group:
            w(",\n" + inner + "  ")
            return
        if open_group >= 0:
            w("\n" + inner + "]")
        for skipped in range(parent[3], group):
            w(f",\n{inner}\"{GROUP_KEYS[skipped]}\": []")
        w(f",\n{inner}\"{GROUP_KEYS[group]}\": [\n{inner}  ")
        parent[2], parent[3] = group, group + 1

    def close(self) -> None:
        node, indent, open_group, next_group = self.stack.pop()
        inner = indent + "  "
        w = self.out.write
        if open_group >= 0:
            w("\n" + inner + "]")
        for key in GROUP_KEYS[next_group:]:
            w(f",\n{inner}\"{key}\": []")
        for key, value in node.items():  # what the user added comes after the groups
            if key not in _GROUP_INDEX and key not in _FACT_KEYS:
                w(f",\n{inner}{encode_basestring(key)}: {encode(value, inner)}")
        w("\n" + indent + "}")


def write_json(stream: Stream, out: TextIO, cancelled: Callable[[], bool] | None = None,
               progress: Callable[[int], None] | None = None) -> None:
    """The document of `stream`, written to `out` as it is read."""
    directory, scope = stream.directory, stream.scope
    doc_scope: dict = {"kind": scope.kind}
    if scope.kind != ALL:
        target = directory.entity(scope.entity_id or "")
        doc_scope.update(
            id=scope.entity_id,
            name=target.name if target else None,
            entity_kind=target.kind if target else None,
            frames=stream.frames,
        )
    head = {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"parkdesk {__version__}",
        "database": dict(sorted(directory.meta().items())),
        "scope": doc_scope,
        "articles": [_article(a) for aid, a in sorted(stream.articles.items())
                     if aid in stream.cited],
    }
    w = out.write
    w("{")
    w(",".join(f"\n  \"{k}\": {encode(v, '  ')}" for k, v in head.items()))
    writer = _NodeWriter(out)
    # Sections in order: "zone" holds one node or null; "outside" and "unplaced", lists.
    openers = (",\n  \"zone\": ", ",\n  \"outside\": [", ",\n  \"unplaced\": [")
    section, count = -1, 0

    def finish_section() -> None:
        if section == 0 and count == 0:
            w("null")
        elif section > 0:
            w("\n  ]" if count else "]")

    for visit in stream.visits(cancelled, progress):
        depth = len(visit.path)
        while len(writer.stack) > depth:
            writer.close()
        if depth:
            writer.child(visit)
            writer.open(visit, writer.stack[-1][1] + "    ")
            continue
        while section < visit.section:
            finish_section()
            section, count = section + 1, 0
            w(openers[section])
        if section == 0:
            writer.open(visit, "  ")
        else:
            w(",\n    " if count else "\n    ")
            writer.open(visit, "    ")
        count += 1
    while writer.stack:
        writer.close()
    while section < UNPLACED_SECTION:
        finish_section()
        section, count = section + 1, 0
        w(openers[section])
    finish_section()
    w(f",\n  \"unreviewed\": {encode(_mentions(stream), '  ')}\n}}\n")


def build_document(directory: Directory, scope: Scope = EVERYTHING) -> dict:
    """The nested document of `scope` as a dict (parsed from the streamed text: for tests and
    small scopes; exports stream)."""
    stream = open_stream(directory, scope)
    try:
        buffer = io.StringIO()
        write_json(stream, buffer)
    finally:
        stream.close()
    document: dict = json.loads(buffer.getvalue())
    return document


def entity_visit(directory: Directory, entity_id: str) -> Visit | None:
    """One entity node with its facts but no children, placed under its ancestors (as frames)."""
    from parkdesk.core.export.scope import ENTITY

    if directory.entity(entity_id) is None:
        return None
    stream = open_stream(directory, Scope(ENTITY, entity_id), childless=True)
    try:
        return next(v for v in stream.visits() if v.in_scope)
    finally:
        stream.close()


def render_json(document: dict) -> str:
    """A document as text: UTF-8 friendly (no \\u escapes), two-space indent, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
