"""Nothing lost: backups and restoring them, a damaged store set aside, kill -9 mid-write,
a read-only folder (as a non-root user), and undoing any sequence of changes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parkdesk.core.db import backups as bk
from parkdesk.core.db.userstore import UserStore
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data
from tests.conftest import REPO
from tests.core.userstore_helpers import fingerprint, sha256


def test_a_backup_is_made_on_start_when_something_changed(sample_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "u.db"
    data = open_user_data(sample_db, store)
    assert bk.backups(store) == []  # nothing to back up yet
    data.record("Rename", [ch.set_field("andao", "name", "Andao One")])
    data.close()
    made = bk.backups(store)
    again = open_user_data(sample_db, store)
    again.close()
    # The first change made one (there was none for a day); the start found nothing new.
    assert len(made) == 1 and len(bk.backups(store)) == 1
    assert made[0].changes == 1


def test_ten_backups_are_kept(sample_db: Path, tmp_path: Path) -> None:
    store = UserStore.open(tmp_path / "u.db")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for day in range(13):
        store.record(f"Change {day}", [ch.set_note("entity", "zone", f"note {day}")])
        bk.make_backup(store, start + timedelta(days=day))
    kept = bk.backups(store.path)
    assert len(kept) == bk.KEEP
    assert kept[0].made == start + timedelta(days=12) and kept[-1].made == start + timedelta(days=3)
    store.close()


def test_backups_made_within_one_second_keep_their_order(tmp_path: Path) -> None:
    """Names share the second ("-2", "-3"…, up to "-12"): newest first is still by when they
    were made, and keeping ten drops the oldest, not the newest."""
    store = UserStore.open(tmp_path / "u.db")
    when = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    made = []
    for n in range(12):
        store.record(f"Change {n}", [ch.set_note("entity", "zone", f"note {n}")])
        made.append(bk.make_backup(store, when))
    kept = bk.backups(store.path)
    assert [b.path for b in kept] == made[::-1][: bk.KEEP]
    assert [b.changes for b in kept] == list(range(12, 12 - bk.KEEP, -1))
    store.close()


def test_restoring_a_backup_first_backs_up_what_is_there(sample_db: Path, tmp_path: Path) -> None:
    data = open_user_data(sample_db, tmp_path / "u.db")
    data.record("Rename", [ch.set_field("andao", "name", "Andao One")])
    early = bk.make_backup(data.store, datetime(2026, 1, 1, tzinfo=UTC))
    shown_early = fingerprint(data.directory)
    data.record("Hide", [ch.hide("entity", "pan")])
    shown_late = fingerprint(data.directory)
    saved = data.restore(early)
    assert fingerprint(data.directory) == shown_early
    assert [c.summary for c in data.changes()] == ["Rename"]
    data.restore(saved)  # and back again: nothing was lost
    assert fingerprint(data.directory) == shown_late
    data.close()


def test_a_damaged_store_is_set_aside_and_the_latest_good_backup_taken(
    sample_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "u.db"
    data = open_user_data(sample_db, path)
    data.record("Rename", [ch.set_field("andao", "name", "Andao One")])
    shown = fingerprint(data.directory)
    data.close()
    size = path.stat().st_size
    with path.open("r+b") as f:  # overwrite the pages after the header with noise
        f.seek(100)
        f.write(os.urandom(size - 100))
    again = open_user_data(sample_db, path)
    aside = [p for p in tmp_path.glob("u.db.damaged-*") if p.name[-1].isdigit()]
    assert len(aside) == 1 and aside[0].stat().st_size == size  # renamed, never deleted
    assert "set aside" in again.messages[0] and "backup of" in again.messages[0]
    assert fingerprint(again.directory) == shown
    assert again.editable
    again.close()


def test_a_file_that_is_not_a_store_is_set_aside_too(sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "u.db"
    path.write_text("not a database")
    data = open_user_data(sample_db, path)
    assert "not an SQLite file" in data.messages[0] and "no backup" in data.messages[0]
    assert (tmp_path.glob("u.db.damaged-*")).__next__().read_text() == "not a database"
    assert data.editable and data.changes() == []
    data.close()


_WRITER = """
import sys
from parkdesk.core.db.userstore import UserStore
from parkdesk.core.userstore import changes as ch
store = UserStore.open(sys.argv[1])
for i in range(100000):
    store.record(f"Change {i}", [ch.set_note("entity", "zone", "note " + str(i) * 200),
                                 ch.set_field("andao", "name", f"Andao {i}")])
    if i == int(sys.argv[2]):
        print("written", flush=True)
"""


def test_kill_9_in_the_middle_of_writes_leaves_a_healthy_store(tmp_path: Path) -> None:
    path = tmp_path / "u.db"
    for attempt in range(20):
        before = UserStore.open(path)
        committed = before.count()
        before.close()
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(attempt % 5)],
            stdout=subprocess.PIPE, text=True, cwd=REPO,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline() == "written\n"  # it is writing: kill it now
        proc.kill()
        proc.wait()
        proc.stdout.close()
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        store = UserStore.open(path)
        assert store.count() >= committed + attempt % 5 + 1  # every reported change is there
        assert all(c.ops for c in store.changes())  # and none is half-written
        store.close()


_READ_ONLY = """
import sys
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data
data = open_user_data(sys.argv[1], sys.argv[2])
print(data.directory.entity("andao").name)
print(data.editable)
print(data.messages[0])
try:
    data.record("Rename", [ch.set_field("andao", "name", "Andao Two")])
except Exception as exc:
    print(type(exc).__name__, exc)
"""


def test_a_read_only_folder_shows_the_changes_and_refuses_new_ones(sample_db: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="parkdesk-ro-"))
    try:
        db = folder / "sample.db"
        db.write_bytes(sample_db.read_bytes())
        store = folder / "user" / "userstore.db"
        data = open_user_data(db, store, backup=False)
        data.record("Rename", [ch.set_field("andao", "name", "Andao One")])
        data.close()
        checksum = sha256(store)
        for p in (folder, store.parent):
            p.chmod(0o555)
        for p in (db, store):
            p.chmod(0o444)
        run = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-c", _READ_ONLY, str(db), str(store)],
            capture_output=True, text=True, cwd=REPO, env={**os.environ, "HOME": "/tmp"},
        )
        lines = run.stdout.splitlines()
        assert run.returncode == 0, run.stderr
        assert lines[0] == "Andao One" and lines[1] == "False"
        assert "is read-only" in lines[2] and "showing them read-only" in lines[2]
        assert lines[3].startswith("UserStoreError Your changes cannot be saved")
        assert sha256(store) == checksum
    finally:
        for p in folder.rglob("*"):
            p.chmod(0o755)
        folder.chmod(0o755)
        subprocess.run(["rm", "-rf", str(folder)], check=True)


_OPS = st.one_of(
    st.builds(lambda v: ch.set_field("andao", "name", v), st.text("abcXYZ", min_size=1, max_size=8)),
    st.builds(lambda v: ch.set_field("lighthouse", "aliases", v), st.lists(st.sampled_from(["A", "B"]))),
    st.builds(lambda p: ch.set_field("andao", "parent", p), st.sampled_from(["park-nanhai", "zone"])),
    st.builds(lambda v: ch.set_contact("c-shunde", "phone", v),
              st.sampled_from(["0757 8631 6675", "13800138000"])),
    st.builds(lambda r: ch.hide("entity", r), st.sampled_from(["andao", "park-shunde", "pan"])),
    st.builds(lambda r: ch.hide("contact", r), st.sampled_from(["c-shunde", "c-address"])),
    st.builds(lambda n: ch.add_entity("enterprise", n, "park-gaoming"), st.sampled_from(["New Co", "Other"])),
    st.builds(lambda o: ch.add_contact(o, "phone", "Desk", "0757 8631 6675"), st.sampled_from(["andao", "pan"])),
    st.builds(lambda t: ch.add_role("pan", t, "andao"), st.sampled_from(["Chair", "Adviser"])),
    st.builds(lambda t: ch.set_note("entity", "zone", t), st.text("ab ", max_size=5)),
    st.builds(lambda o: ch.mark_outdated("f-invest", o), st.booleans()),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(_OPS, min_size=1, max_size=3), min_size=1, max_size=6))
def test_undoing_every_change_gives_the_starting_directory(sample_db: Path, batches) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = open_user_data(sample_db, Path(folder) / "u.db", backup=False)
        start = fingerprint(data.directory)
        made = [data.record(f"Change {i}", ops) for i, ops in enumerate(batches)]
        for change in reversed(made):
            data.set_state(change.seq, ch.UNDONE)
        assert fingerprint(data.directory) == start
        assert data.directory.layer.empty
        data.close()
