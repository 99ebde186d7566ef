"""`parkdesk import FILES…` into the user store and `parkdesk review`: the queue from the
command line, each decision a change, exported in the curation file's shape."""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

from parkdesk.cli import main
from parkdesk.core.db.userstore import STORE_VERSION, UserStore
from tests.core.userstore_helpers import sha256
from tests.ui.test_review import write_articles


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_review_and_export(capsys, sample_db: Path, tmp_path: Path) -> None:
    bundled = sha256(sample_db)
    store = str(tmp_path / "userstore.db")
    note, _page = write_articles(tmp_path / "articles")
    base = ("--db", str(sample_db), "--user-store", store)
    code, out, _ = _run(capsys, "import", str(tmp_path / "articles"), *base)
    assert code == 0 and "note.txt: imported" in out and "page.html: imported" in out

    code, out, _ = _run(capsys, "import", str(note), *base)
    assert code == 0 and "already in your directory" in out

    code, out, _ = _run(capsys, "review", "list", *base)
    assert "note/1/58/organisation  organisation: Shunde Park -> Shunde Park (park-shunde)" in out
    assert "page: “Nanhai Park opens a test lab” — 6 of 6 findings to review" in out

    assert _run(capsys, "review", "accept", "note/1/58/organisation", *base)[0] == 0
    assert _run(capsys, "review", "reject", "note/2/70/count", *base)[0] == 0
    code, out, _ = _run(capsys, "review", "attach", "note/1/93/money", "andao", "--metric",
                        "Investment", *base)
    assert code == 0 and "Set 1.2 billion yuan as Investment of Andao" in out
    code, out, _ = _run(capsys, "review", "accept", "note/1/0/organisation", "--park",
                        "park-shunde", *base)
    assert "Added Kestrel Motion Systems Co., Ltd." in out

    code, out, _ = _run(capsys, "review", "list", *base)
    assert "note: “Shunde Park welcomes a robotics maker” — 3 of 7 findings to review" in out

    code, out, _ = _run(capsys, "changes", "export", *base)
    data = tomllib.loads(out)
    figure = next(b for b in data["figure"] if b["entity"] == "andao")
    assert (figure["metric"], figure["value"], figure["article"], figure["quote"]) == (
        "Investment", "1.2 billion yuan", "note", "1.2 billion yuan")
    new = next(b for b in data["entity"] if b.get("name", "").startswith("Kestrel"))
    assert (new["kind"], new["parent"], new["article"]) == ("enterprise", "park-shunde", "note")
    assert {r["decision"] for r in data["review"]} == {"attached", "rejected", "set", "accepted"}
    assert sha256(sample_db) == bundled


def test_review_of_an_unknown_finding_says_so(capsys, sample_db: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "userstore.db")
    write_articles(tmp_path / "articles")
    base = ("--db", str(sample_db), "--user-store", store)
    _run(capsys, "import", str(tmp_path / "articles"), *base)
    code, _, err = _run(capsys, "review", "accept", "note/9/9/nothing", *base)
    assert code == 1 and "There is no finding 'note/9/9/nothing'" in err
    code, _, err = _run(capsys, "review", "attach", "note/2/70/count", "nowhere", *base)
    assert code == 1 and "There is no record 'nowhere' to give the figure to." in err


def test_import_of_no_article_says_so(capsys, sample_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(empty), "--db", str(sample_db), "--user-store",
                        str(tmp_path / "s.db"))
    assert code == 1 and "empty.txt: the file is empty; skipped." in err


def test_a_version_1_store_is_upgraded_with_its_changes(tmp_path: Path) -> None:
    path = tmp_path / "userstore.db"
    con = sqlite3.connect(path)
    con.executescript(
        "PRAGMA application_id = 1347570517;"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
        "summary TEXT NOT NULL, ops TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'active', "
        "state_at TEXT);"
        "INSERT INTO changes (at, summary, ops) VALUES ('2026-01-01T00:00:00Z', 'n', "
        "'[{\"op\": \"note.set\", \"id\": \"zone\", \"type\": \"entity\", \"text\": \"x\"}]');"
        "PRAGMA user_version = 1;")
    con.close()
    store = UserStore.open(path)
    try:
        assert store.version == STORE_VERSION == 2
        assert store.count() == 1
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    finally:
        store.close()
