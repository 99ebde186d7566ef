"""Shared fixtures: headless Qt, and a small directory database written from records."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from parkdesk.core.db.store import write_bundle
from tests.sample_data import sample_bundle

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The single-instance lock and socket (ui/single_instance.py) live in the user's runtime folder:
# give this run its own, so that a parkdesk open on this desktop, or another test run, never
# answers for the app this run starts.
os.environ["XDG_RUNTIME_DIR"] = _RUNTIME = tempfile.mkdtemp(prefix="parkdesk-tests-")
atexit.register(shutil.rmtree, _RUNTIME, ignore_errors=True)

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


@pytest.fixture(scope="session")
def synth_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic directory of 10,000 enterprises (parkdesk synth), written once per run."""
    from parkdesk.ingest.synth import write_synthetic

    path = tmp_path_factory.mktemp("synth") / "synth-10k.db"
    write_synthetic(10_000, path, 1)
    return path
