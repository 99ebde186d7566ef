"""Helpers for the user store tests: a directory's whole content as one comparable value."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from parkdesk.core.db.directory import Directory
from parkdesk.core.export.json_format import build_document


def fingerprint(directory: Directory) -> str:
    """Everything an export shows, plus search and the tree's counts, as one JSON text."""
    doc = build_document(directory)
    doc["search"] = [h.entity_id for h in directory.search("park", 200)]
    doc["counts"] = directory.counts()
    doc["children"] = {e.id: directory.count_children(e.id) for e in directory.parks()}
    return json.dumps(doc, sort_keys=True, ensure_ascii=False)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
