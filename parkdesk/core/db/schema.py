"""The database's identity (application_id, user_version) and its creation by migrations."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# "PRKD": marks a file as a parkdesk directory.
APPLICATION_ID = 0x50524B44
# The number of migrations in parkdesk.core.db.migrations (a test checks that they agree).
SCHEMA_VERSION = 8


def create_schema(db: Database) -> None:
    """Apply every migration and stamp the file as a parkdesk database of this version."""
    from parkdesk.core.db.migrations import migrations

    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
