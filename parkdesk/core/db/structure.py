"""Checks of a directory's shape that SQLite's own check cannot see: the zone record is there,
and every record's parent is a record of the directory (the `check` command and the build)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parkdesk.core.records import ZONE

if TYPE_CHECKING:
    from parkdesk.core.db.directory import Directory


def structure_problems(directory: Directory) -> list[str]:
    """What is wrong with the directory's tree, one sentence each (empty when nothing is)."""
    con = directory.con
    problems = []
    if not con.execute("SELECT 1 FROM entities WHERE kind = ? LIMIT 1", (ZONE,)).fetchone():
        problems.append(f"{directory.path} has no zone record")
    orphans = con.execute(
        "SELECT child.id, child.parent_id FROM entities AS child "
        "LEFT JOIN entities AS parent ON parent.id = child.parent_id "
        "WHERE child.parent_id IS NOT NULL AND parent.id IS NULL ORDER BY child.id"
    ).fetchall()
    problems += [f"record {child} points at a missing parent {parent}" for child, parent in orphans]
    return problems
