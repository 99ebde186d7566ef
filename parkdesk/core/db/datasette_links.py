"""A Datasette plugin: on a record's own page, a column that refers to another record links to
it under that record's label ("Shunde Park", not "park-shunde").

Datasette 0.65 expands foreign keys into labelled links in its table views but shows them as
bare values on a row page, which is where a colleague looks up "which park is this in?". One
hook, no settings; self-contained (no parkdesk imports), so that this one file also works as
`datasette --plugins-dir` on a server without parkdesk. `parkdesk serve` registers it, and an
installed parkdesk offers it to any `datasette` through the `datasette` entry point.
"""

from __future__ import annotations

from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.utils import escape_sqlite, tilde_encode


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str,
                datasette: Any) -> Any:
    """A labelled link for a referring column's bare value (a row page's); None elsewhere.

    A table view hands referring columns over already expanded (a dict with the label) and a
    query has no table: both are left to Datasette.
    """
    if table is None or not isinstance(value, str) or not value:
        return None

    async def link() -> markupsafe.Markup | None:
        db = datasette.get_database(database)
        keys = [fk for fk in await db.foreign_keys_for_table(table) if fk["column"] == column]
        if not keys:
            return None
        other, other_column = keys[0]["other_table"], keys[0]["other_column"]
        label_column = await db.label_column_for_table(other)
        label = value
        if label_column:
            result = await db.execute(
                f"SELECT {escape_sqlite(label_column)} FROM {escape_sqlite(other)} "
                f"WHERE {escape_sqlite(other_column)} = ?", [value])
            row = result.first()
            if row is not None and row[0]:
                label = str(row[0])
        href = datasette.urls.row(database, other, tilde_encode(value))
        return markupsafe.Markup('<a href="{}">{}</a>').format(href, label)

    return link
