"""Schema identity: the version is the number of migrations; reading needs no sqlite-utils."""

from __future__ import annotations

import subprocess
import sys

from parkdesk.core.db.migrations import migrations
from parkdesk.core.db.schema import SCHEMA_VERSION


def test_schema_version_counts_the_migrations() -> None:
    assert len(migrations._migrations) == SCHEMA_VERSION


def test_opening_a_database_does_not_import_sqlite_utils() -> None:
    code = "import sys, parkdesk.core.tree, parkdesk.core.db.directory; print('sqlite_utils' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
