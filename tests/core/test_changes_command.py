"""`parkdesk changes export|import`, and the other commands reading the user's layer."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from parkdesk.cli import main
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data
from tests.core.userstore_helpers import fingerprint


def _make_changes(db: Path, store: Path) -> str:
    data = open_user_data(db, store)
    data.record("Phone", [ch.set_contact("c-shunde", "phone", "0757 8631 6675")])
    person = ch.add_entity("person", "Lin Fairmet", "park-shunde")
    data.record("Person", [person, ch.add_role(person["id"], "Sales Manager", "andao")])
    data.record("Contact", [ch.add_contact(person["id"], "phone", "Mobile", "138 0013 8000")])
    data.record("Note", [ch.set_note("entity", "andao", "Met at the fair.\nCall in May.")])
    data.record("Hide", [ch.hide("entity", "pan")])
    data.record("Outdated", [ch.mark_outdated("f-invest")])
    undone = data.record("Undone rename", [ch.set_field("andao", "name", "Never Shown")])
    data.set_state(undone.seq, ch.UNDONE)
    shown = fingerprint(data.directory)
    data.close()
    return shown


def test_export_then_import_on_a_second_machine_reproduces_the_changes(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    shown = _make_changes(sample_db, first)
    out = tmp_path / "changes.toml"
    assert main(["changes", "export", "--user-store", str(first), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["format"] == "parkdesk-changes"
    assert "Never Shown" not in text  # only the changes in effect
    assert data["contact"][0] == {"id": "c-shunde", "kind": "phone", "raw": "0757 8631 6675",
                                  "source": "user", "entered": data["contact"][0]["entered"]}
    assert data["hidden"] == [{"entity": "pan", "source": "user",
                               "entered": data["hidden"][0]["entered"]}]
    assert main(["changes", "import", str(out), "--db", str(sample_db),
                 "--user-store", str(second)]) == 0
    assert "Imported 7 changes" in capsys.readouterr().out
    again = open_user_data(sample_db, second)
    assert fingerprint(again.directory) == shown
    assert len(again.changes()) == 1  # one change: one Undo takes the import back
    again.close()


def test_import_of_a_file_that_is_not_a_changes_file_says_so(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "curation.toml"
    bad.write_text('[[entity]]\nid = "x"\n')
    store = tmp_path / "u.db"
    assert main(["changes", "import", str(bad), "--db", str(sample_db),
                 "--user-store", str(store)]) == 1
    assert "is not a parkdesk changes file" in capsys.readouterr().err
    assert not store.exists()


def test_an_invalid_number_in_a_changes_file_is_refused(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text('format = "parkdesk-changes"\nversion = 1\n'
                   '[[contact]]\nid = "c-shunde"\nraw = "12"\n')
    assert main(["changes", "import", str(bad), "--db", str(sample_db),
                 "--user-store", str(tmp_path / "u.db")]) == 1
    assert "not a valid phone number" in capsys.readouterr().err


def test_search_and_export_show_the_users_entries_marked_as_such(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "u.db"
    _make_changes(sample_db, store)
    capsys.readouterr()
    assert main(["search", "Fairmet", "--db", str(sample_db), "--user-store", str(store)]) == 0
    assert "Lin Fairmet" in capsys.readouterr().out
    assert main(["search", "Fairmet", "--db", str(sample_db), "--user-store", str(store),
                 "--without-user-data"]) == 0
    assert capsys.readouterr().out.strip() == "No matches"
    assert main(["export", "--db", str(sample_db), "--user-store", str(store)]) == 0
    doc = json.loads(capsys.readouterr().out)
    shunde = next(p for p in doc["zone"]["parks"] if p["id"] == "park-shunde")
    contact = next(c for c in shunde["contacts"] if c["id"] == "c-shunde")
    assert contact["source"] == "user" and contact["national"] == "0757 8631 6675"
    assert contact["article_values"] == {"raw": "0757 2636 3972"}
    assert contact["sources"][0]["article"] == "a1"  # the article's citation is still there
    person = next(p for p in shunde["people"] if p["name"] == "Lin Fairmet")
    assert person["source"] == "user" and len(person["entered"]) == 10
    assert person["contacts"][0]["source"] == "user"
    assert main(["export", "--format", "csv", "--db", str(sample_db), "--user-store", str(store)]) == 0
    assert "entered by you" in capsys.readouterr().out


def test_reading_commands_never_create_a_store(sample_db: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "none" / "u.db"
    assert main(["search", "Andao", "--db", str(sample_db), "--user-store", str(store)]) == 0
    assert main(["changes", "export", "--user-store", str(store)]) == 0
    assert not store.parent.exists()
    assert 'format = "parkdesk-changes"' in capsys.readouterr().out
