"""Shared fixtures: headless Qt, and a small directory database written from records."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from parkdesk.core.db.store import write_bundle
from tests.sample_data import sample_bundle

REPO = Path(__file__).resolve().parent.parent
SHARED_ARTICLES = REPO.parent / "shared" / "articles"


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    """A small but complete parkdesk database in a temporary folder."""
    path = tmp_path / "sample.db"
    write_bundle(sample_bundle(), path, {"built_at": "2026-01-01T00:00:00", "article_count": "2"})
    return path
