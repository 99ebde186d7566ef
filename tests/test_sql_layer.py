"""No SQL outside the database layer: only parkdesk/core/db/ runs queries or holds a connection."""

from __future__ import annotations

import ast
from pathlib import Path

import parkdesk

ROOT = Path(parkdesk.__file__).parent
DB_LAYER = ROOT / "core" / "db"
QUERYING = {"execute", "executemany", "executescript", "con"}  # (a connection: `.con`)
SQL_MODULES = {"sqlite3", "sqlite_utils"}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in QUERYING:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: imports {n}"
                      for n in names if n and n.split(".")[0] in SQL_MODULES]
    return found


def test_only_the_database_layer_queries() -> None:
    outside = [p for p in ROOT.rglob("*.py") if DB_LAYER not in p.parents]
    assert outside
    assert [o for p in sorted(outside) for o in _offences(p)] == []


def test_the_check_sees_a_query() -> None:
    assert _offences(DB_LAYER / "queries.py")  # the check would see one outside the layer
