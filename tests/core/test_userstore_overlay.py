"""The user's layer as an overlay over the bundled file (core/db/overlay.py): the same as a full
replay on a copy of the file, for any sequence of changes and undos; the file stays main and is
never written; search, the tree and exports follow renamed and hidden records."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.overlay import TABLES
from parkdesk.core.export.json_format import build_document
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data, read_directory
from tests.core.layer_reference import apply_layer_copy
from tests.core.userstore_helpers import fingerprint, sha256


@pytest.fixture
def data_on_sample(sample_db: Path, tmp_path: Path):
    opened = open_user_data(sample_db, tmp_path / "u.db", backup=False)
    yield opened
    opened.close()


_SEARCHES = ("park", "andao", "new co", "lighthouse", "chair", "renamed", "ab", "shunde")


def _state(directory: Directory) -> dict:
    """Every row the layer can touch (search rows in rank order, without their rowids), the
    search results of a few texts, and the layer itself."""
    con = directory.con
    tables = {}
    for table in TABLES:
        if table == "search":
            tables[table] = con.execute(
                "SELECT entity_id, kind, name, aliases, people, description, park, lead, "
                "contacts, key, reviewed FROM search ORDER BY rowid").fetchall()
        else:
            tables[table] = sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    searches = {t: [(h.entity_id, h.name, h.park) for h in directory.search(t, 50)]
                for t in _SEARCHES}
    return {"tables": tables, "searches": searches, "layer": directory.layer,
            "fingerprint": fingerprint(directory)}


_PARENTS = ["park-nanhai", "zone", "park-shunde", "u-new", "lighthouse"]
_OPS = st.one_of(
    st.builds(lambda i, v: ch.set_field(i, "name", v),
              st.sampled_from(["andao", "park-shunde", "u-new", "pan", "lighthouse"]),
              st.text("abcXYZ ", min_size=1, max_size=8).filter(str.strip)),
    st.builds(lambda i, v: ch.set_field(i, "aliases", v), st.sampled_from(["lighthouse", "andao"]),
              st.lists(st.sampled_from(["A", "B", "Lamp"]))),
    st.builds(lambda i, p: ch.set_field(i, "parent", p), st.sampled_from(["andao", "u-new", "lighthouse"]),
              st.sampled_from(_PARENTS)),
    st.builds(lambda v: ch.set_field("andao", "description", v), st.sampled_from(["Makes lamps", ""])),
    st.builds(lambda v: ch.set_contact("c-shunde", "phone", v),
              st.sampled_from(["0757 8631 6675", "13800138000"])),
    st.builds(lambda r: ch.hide("entity", r),
              st.sampled_from(["andao", "park-shunde", "pan", "u-new", "lighthouse"])),
    st.builds(lambda r: ch.hide("contact", r), st.sampled_from(["c-shunde", "c-address", "u-phone"])),
    st.builds(lambda n, p: ch.add_entity("enterprise", n, p, entity_id="u-new", aliases=["UN"]),
              st.sampled_from(["New Co", "Other"]), st.sampled_from(["park-gaoming", "park-shunde"])),
    st.builds(lambda o: ch.add_contact(o, "phone", "Desk", "0757 8631 6675", contact_id="u-phone"),
              st.sampled_from(["andao", "pan", "u-new"])),
    st.builds(lambda t, o: ch.add_role("pan", t, o, role_id="u-role"), st.sampled_from(["Chair", "Adviser"]),
              st.sampled_from(["andao", "u-new", None])),
    st.builds(lambda i, t: ch.set_note("entity", i, t), st.sampled_from(["zone", "andao"]),
              st.text("ab ", max_size=5)),
    st.builds(lambda o: ch.mark_outdated("f-invest", o), st.booleans()),
    st.builds(lambda i: ch.add_alias(i, "Beacon"), st.sampled_from(["lighthouse", "u-new"])),
    st.builds(lambda i: ch.add_figure(i, "investment", "RMB 5 million", figure_id="u-fig"),
              st.sampled_from(["andao", "u-new"])),
    st.builds(lambda t, i: ch.add_citation(t, i, "a1", 0, 0, 5, "quote"),
              st.sampled_from(["entity", "contact"]), st.sampled_from(["andao", "c-shunde", "u-new"])),
)


def _same_as_full_replay(data, db: Path) -> None:
    reference = Directory.open(db)
    try:
        apply_layer_copy(reference, data.store.changes(active_only=True), data.store.article)
        assert _state(data.directory) == _state(reference)
    finally:
        reference.close()


_ACTIONS = st.one_of(
    st.tuples(st.just("record"), st.lists(_OPS, min_size=1, max_size=3)),
    st.tuples(st.just("undo"), st.integers(-1, 7)),  # -1: the newest change (Ctrl+Z)
    st.tuples(st.just("redo"), st.integers(0, 7)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(_ACTIONS, min_size=1, max_size=8))
# A change applied alone that changes rows touched before: a park renamed over a record moved
# under its project; a person renamed who holds a title at an organisation.
@example(actions=[("record", [ch.set_field("andao", "parent", "lighthouse")]),
                  ("record", [ch.set_field("park-shunde", "name", "Shunde Renamed")])])
# The last change undone (the delta kept from before it restored), redone, undone again.
@example(actions=[("record", [ch.add_entity("enterprise", "New Co", "park-shunde", entity_id="u-new")]),
                  ("record", [ch.set_field("u-new", "name", "Newer"), ch.hide("contact", "c-shunde")]),
                  ("undo", 1), ("redo", 1), ("undo", 1), ("record", [ch.hide("entity", "u-new")])])
@example(actions=[("record", [ch.add_role("pan", "Chair", "andao", role_id="u-role")]),
                  ("record", [ch.set_field("pan", "name", "Pan Renamed")])])
def test_the_overlay_shows_what_a_full_replay_on_a_copy_shows(sample_db: Path, actions) -> None:
    """After every record (applied alone over what is shown), undo and redo (in any order:
    replayed whole), the same as replaying the active changes on a copy of the file."""
    with tempfile.TemporaryDirectory() as folder:
        data = open_user_data(sample_db, Path(folder) / "u.db", backup=False)
        made = []
        for what, arg in actions:
            if what == "record":
                made.append(data.record(f"Change {len(made)}", arg))
            elif made and arg < len(made):
                data.set_state(made[arg].seq, ch.UNDONE if what == "undo" else ch.ACTIVE)
            _same_as_full_replay(data, sample_db)
        data.close()


def test_the_bundled_file_stays_main_and_only_the_delta_is_in_temp(synth_10k: Path,
                                                                   tmp_path: Path) -> None:
    data = open_user_data(synth_10k, tmp_path / "u.db", backup=False)
    park = data.directory.parks()[0]
    child = data.directory.children(park.id, limit=1)[0]
    data.record("Rename", [ch.set_field(child.id, "name", "Renamed Enterprise")])
    data.record("Add", [ch.add_entity("enterprise", "Brand New", park.id)])
    con = data.directory.con
    files = {name: file for _seq, name, file in con.execute("PRAGMA database_list")}
    assert Path(files["main"]).resolve() == synth_10k.resolve()
    main_pages = con.execute("PRAGMA main.page_count").fetchone()[0]
    temp_pages = con.execute("PRAGMA temp.page_count").fetchone()[0]
    assert main_pages * 4096 >= synth_10k.stat().st_size // 2  # the file itself, not a copy
    assert temp_pages < 200 < main_pages  # the delta: a few pages, whatever the file's size
    assert con.execute("SELECT count(*) FROM temp.entities_delta").fetchone()[0] == 2
    data.close()


def test_edits_undos_and_hiding_never_write_the_bundled_file(sample_db: Path, tmp_path: Path) -> None:
    before, mtime = sha256(sample_db), sample_db.stat().st_mtime_ns
    data = open_user_data(sample_db, tmp_path / "u.db", backup=False)
    made = [
        data.record("Rename", [ch.set_field("andao", "name", "Andao Renamed")]),
        data.record("Hide", [ch.hide("entity", "park-shunde")]),
        data.record("Move", [ch.set_field("pan", "parent", "park-nanhai")]),
        data.record("Add", [ch.add_entity("enterprise", "New Co", "park-gaoming")]),
    ]
    data.set_state(made[1].seq, ch.UNDONE)
    data.set_state(made[0].seq, ch.UNDONE)
    data.close()
    assert sha256(sample_db) == before and sample_db.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in sample_db.parent.iterdir() if p.name.startswith("sample")) == \
        ["sample.db"]  # no journal or WAL left beside it


def test_a_renamed_record_is_found_by_its_new_name_and_not_its_old(data_on_sample) -> None:
    data = data_on_sample
    assert "andao" in [h.entity_id for h in data.directory.search("devices")]
    data.record("Rename", [ch.set_field("andao", "name", "Quillwort Lamps")])
    hits = data.directory.search("quillwort")
    assert [(h.entity_id, h.name) for h in hits] == [("andao", "Quillwort Lamps")]
    assert "andao" not in [h.entity_id for h in data.directory.search("devices")]  # (its old name)
    # Its phone numbers still find it, under its new name.
    number = data.directory.contact("c-shunde").national
    owner = data.directory.contact("c-shunde").owner_id
    data.record("Rename park", [ch.set_field(owner, "name", "Renamed Park")])
    assert "Renamed Park" in [h.name for h in data.directory.search(number)]


def test_a_hidden_record_is_gone_from_search_tree_and_exports(data_on_sample) -> None:
    data = data_on_sample
    assert "andao" in [h.entity_id for h in data.directory.search("andao")]
    number = data.directory.contact("c-shunde").national
    data.record("Hide", [ch.hide("entity", "andao"), ch.hide("entity", "park-shunde")])
    d = data.directory
    assert "andao" not in [h.entity_id for h in d.search("andao")]
    assert "park-shunde" not in [h.entity_id for h in d.search(number)]
    assert "park-shunde" not in [e.id for e in d.children("zone")]
    assert "park-shunde" not in d.child_totals(["park-shunde"])
    text = str(build_document(d))
    assert "andao" not in text and "park-shunde" not in text


def test_a_background_connection_sees_the_same_layer(sample_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "u.db"
    data = open_user_data(sample_db, store, backup=False)
    data.record("Rename", [ch.set_field("andao", "name", "Quillwort Lamps")])
    data.record("Hide", [ch.hide("entity", "pan")])
    worker, _messages = read_directory(sample_db, store)  # what ui.background opens
    try:
        assert fingerprint(worker) == fingerprint(data.directory)
        assert worker.con is not data.directory.con
    finally:
        worker.close()
        data.close()


def test_a_replay_that_fails_leaves_what_was_shown(data_on_sample) -> None:
    from parkdesk.core.db.layered import apply_layer

    data = data_on_sample
    data.record("Rename", [ch.set_field("andao", "name", "Quillwort Lamps")])
    data.record("Hide", [ch.hide("entity", "pan")])
    shown, layer = fingerprint(data.directory), data.directory.layer
    active = data.store.changes(active_only=True)
    broken = [*active, ch.Change(99, "2026-12-02T00:00:00", "Import",
                                 (ch.import_article("a9", "x", "f", "t"),))]

    def unreadable(_sha: str):
        raise OSError("the store went away")

    with pytest.raises(OSError):
        apply_layer(data.directory, broken, unreadable)
    assert fingerprint(data.directory) == shown and data.directory.layer is layer
    data.refresh()  # and the next replay works on the same connection
    assert fingerprint(data.directory) == shown
