"""The user store: its file, the journal, the layer applied on read, undo and revert."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parkdesk.core.db.userstore import (
    STORE_VERSION,
    USER_APPLICATION_ID,
    StoreNewerError,
    UserStore,
    UserStoreError,
)
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.changes import ChangeError
from parkdesk.core.userstore.session import open_user_data
from tests.core.userstore_helpers import fingerprint, sha256


@pytest.fixture
def data(sample_db: Path, tmp_path: Path):
    opened = open_user_data(sample_db, tmp_path / "user" / "userstore.db")
    yield opened
    opened.close()


def test_the_store_is_its_own_kind_of_file_in_wal_mode(data) -> None:
    con = sqlite3.connect(data.store.path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == USER_APPLICATION_ID
    assert con.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION >= 1
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_the_default_store_is_in_the_user_data_folder_of_the_test(tmp_path: Path) -> None:
    from parkdesk.core.userstore.session import default_store_path

    # The autouse fixture points XDG_DATA_HOME at a temporary folder: never the real one.
    assert "xdg-data" in str(default_store_path())


def test_a_changed_phone_is_shown_above_the_articles_value_which_stays(data) -> None:
    before = data.directory.contact("c-shunde")
    data.record("Phone", [ch.set_contact("c-shunde", "phone", "0757 8631 6675")])
    data.record("Phone again", [ch.set_contact("c-shunde", "phone", "0757 8631 6676")])
    contact = data.directory.contact("c-shunde")
    assert contact.national == "0757 8631 6676"
    assert contact.sources == before.sources  # the article's citation stays with it
    value = data.directory.layer.user_values("contact", "c-shunde")["raw"]
    assert value.value == "0757 8631 6676"
    assert value.article_value == before.national  # the article's, not the first edit's


def test_an_invalid_number_is_refused_with_a_sentence() -> None:
    with pytest.raises(ChangeError, match="not a valid phone number"):
        ch.add_contact("andao", "phone", "Office", "12345")


def test_added_person_with_title_is_in_tree_search_and_roles(data) -> None:
    person = ch.add_entity("person", "Lin Fairmet", "park-shunde")
    data.record("Add Lin Fairmet", [person, ch.add_role(person["id"], "Sales Manager", "andao")])
    d = data.directory
    # The person by name, and the enterprise by the people who work there.
    assert [h.entity_id for h in d.search("Fairmet")] == [person["id"], "andao"]
    assert person["id"] in [e.id for e in d.children("park-shunde")]
    assert d.count_children("park-shunde", ("person",)) == 1
    assert [r.title for r in d.roles_of(person["id"])] == ["Sales Manager"]
    assert {h.entity_id for h in d.search("Sales Manager")} >= {person["id"], "andao"}
    assert d.layer.entered("entity", person["id"]) is not None


def test_hiding_is_reversible_and_takes_what_is_under_it(data) -> None:
    before = fingerprint(data.directory)
    change = data.record("Hide Shunde Park", [ch.hide("entity", "park-shunde")])
    d = data.directory
    assert d.entity("park-shunde") is None and d.entity("andao") is None
    assert d.search("Andao") == []
    assert d.contact("c-shunde") is None
    data.set_state(change.seq, ch.REVERTED)
    assert fingerprint(data.directory) == before


def test_the_zone_cannot_be_hidden(data) -> None:
    data.record("Hide zone", [ch.hide("entity", "zone")])
    assert data.directory.zone().id == "zone"


def test_notes_and_outdated_figures_are_kept_and_searchable(data) -> None:
    data.record("Note", [ch.set_note("entity", "andao", "Met them at the spring fair.")])
    data.record("Outdated", [ch.mark_outdated("f-invest")])
    layer = data.directory.layer
    assert layer.note("entity", "andao").text == "Met them at the spring fair."
    assert "f-invest" in layer.outdated
    assert [h.entity_id for h in data.directory.search("spring fair")] == ["andao"]


def test_reverting_an_older_change_keeps_the_later_ones(data) -> None:
    first = data.record("Rename", [ch.set_field("andao", "name", "Andao One")])
    data.record("Describe", [ch.set_field("andao", "description", "Makes test devices.")])
    data.set_state(first.seq, ch.REVERTED)
    entity = data.directory.entity("andao")
    assert entity.name == "Andao Test Devices Co., Ltd."
    assert entity.description == "Makes test devices."


def test_changes_survive_reopening(sample_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "u.db"
    first = open_user_data(sample_db, store)
    first.record("Rename", [ch.set_field("andao", "name", "Andao Renamed")])
    shown = fingerprint(first.directory)
    first.close()
    again = open_user_data(sample_db, store)
    assert fingerprint(again.directory) == shown
    assert [c.summary for c in again.changes()] == ["Rename"]
    again.close()


def test_the_bundled_file_is_never_written(sample_db: Path, tmp_path: Path) -> None:
    checksum = sha256(sample_db)
    data = open_user_data(sample_db, tmp_path / "u.db")
    person = ch.add_entity("person", "Kept Apart", "zone")
    data.record("Add", [person])
    data.record("Hide", [ch.hide("entity", "andao")])
    data.record("Phone", [ch.set_contact("c-shunde", "phone", "0757 8631 6675")])
    data.set_state(1, ch.UNDONE)
    data.close()
    assert sha256(sample_db) == checksum


def test_without_user_data_shows_the_articles_alone(sample_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "u.db"
    data = open_user_data(sample_db, store)
    articles_alone = fingerprint(open_user_data(sample_db, None, with_user_data=False).directory)
    data.record("Rename", [ch.set_field("andao", "name", "Andao Renamed")])
    data.close()
    plain = open_user_data(sample_db, store, with_user_data=False)
    assert fingerprint(plain.directory) == articles_alone
    assert not plain.editable
    plain.close()


def test_a_full_disk_refuses_the_change_with_a_sentence_and_changes_nothing(data) -> None:
    data.record("Rename", [ch.set_field("andao", "name", "Andao Renamed")])
    shown = fingerprint(data.directory)
    pages = data.store.con.execute("PRAGMA page_count").fetchone()[0]
    data.store.con.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    with pytest.raises(UserStoreError, match="is full; free some space"):
        data.record("Long note", [ch.set_note("entity", "zone", "x" * 19000)])
    assert fingerprint(data.directory) == shown
    assert len(data.changes()) == 1


def test_a_locked_store_refuses_the_change_with_a_sentence(sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "u.db"
    data = open_user_data(sample_db, path)
    data.store.con.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserStoreError, match="locked by another program"):
            data.record("Rename", [ch.set_field("andao", "name", "Andao Renamed")])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert data.changes() == []
    data.close()


def test_a_store_from_a_newer_parkdesk_is_left_alone(sample_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "u.db"
    UserStore.open(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")
    con.close()
    checksum = sha256(path)
    with pytest.raises(StoreNewerError, match="newer parkdesk"):
        UserStore.open(path)
    data = open_user_data(sample_db, path)
    assert data.store is None and not data.editable
    assert any("newer parkdesk" in m for m in data.messages)
    data.close()
    assert sha256(path) == checksum


def test_migrations_are_applied_once_each_in_order(tmp_path: Path) -> None:
    path = tmp_path / "u.db"
    UserStore.open(path).close()
    store = UserStore.open(path)  # a second open applies nothing again
    assert store.version == STORE_VERSION
    assert store.con.execute("SELECT count(*) FROM changes").fetchone()[0] == 0
    store.close()
