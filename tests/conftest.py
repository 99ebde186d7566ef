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


@pytest.fixture(autouse=True)
def _user_data_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's data folder (the user store): platformdirs
    looks in XDG_DATA_HOME, pointed at a fresh temporary folder for every test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    """A small but complete parkdesk database in a temporary folder."""
    path = tmp_path / "sample.db"
    write_bundle(sample_bundle(), path, {"built_at": "2026-01-01T00:00:00", "article_count": "2"})
    return path
