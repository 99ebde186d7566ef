"""The import pipeline end to end on small articles and a small curation written here."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import BuildError
from parkdesk.ingest.build import build_database
from tests.sample_data import all_contacts

A1 = """Testville zone report
Test Herald 2023-05-06 10:00

The Testville Innovation Zone runs three parks.
The Riverside Beacon Centre, with a total investment of 300 million yuan, started this year.
Contact Us
"""

A2 = """Testville one year on
send date:2024-05-06 09:00

The Testville Innovation Zone welcomed new firms.
The Riverside Lighthouse Centre has a floor area of 12,000 square meters.
"""

CURATION = """
[articles]
reviewed = ["a1", "a2"]

[[entity]]
id = "zone"
kind = "zone"
name = "Testville Innovation Zone"

[[entity]]
id = "centre"
kind = "project"
name = "Riverside Lighthouse Centre"
parent = "zone"
aliases = ["Riverside Beacon Centre"]

[[figure]]
entity = "centre"
metric = "Total investment"
article = "a1"
quote = "total investment of 300 million yuan"

[[figure]]
entity = "centre"
metric = "Floor area"
article = "a2"
quote = "floor area of 12,000 square meters"
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a1.txt").write_text(A1, encoding="utf-8")
    (folder / "a2.txt").write_text(A2, encoding="utf-8")
    (folder / "SOURCES.tsv").write_text("file\turl\na1.txt\thttps://example.org/a1\n", encoding="utf-8")
    return folder


@pytest.fixture
def curation(tmp_path: Path) -> Path:
    path = tmp_path / "curation.toml"
    path.write_text(CURATION, encoding="utf-8")
    return path


def test_one_record_for_two_translations(articles: Path, curation: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.db"
    build_database(articles, out, curation)
    d = Directory.open(out)
    centre = d.entity("centre")
    assert centre is not None
    assert centre.aliases == ("Riverside Beacon Centre",)
    assert {c.article_id for c in centre.sources} == {"a1", "a2"}
    figures = {f.metric: f for f in d.figures("centre")}
    assert figures["Total investment"].display == "300 million yuan"
    assert figures["Floor area"].unit == "m²"
    assert figures["Floor area"].reported == "2024-05-06"
    (src,) = d.sources("figure", figures["Total investment"].id)
    assert src.citation.quote == "total investment of 300 million yuan"
    assert src.article.url == "https://example.org/a1"
    assert src.article.outlet == "Test Herald"


def test_build_is_deterministic(articles: Path, curation: Path, tmp_path: Path) -> None:
    dumps = []
    for name in ("one.db", "two.db"):
        build_database(articles, tmp_path / name, curation)
        con = sqlite3.connect(tmp_path / name)
        dumps.append([r for t in ("entities", "figures", "citations", "mentions", "search")
                      for r in con.execute(f"SELECT * FROM {t}")])
        con.close()
    assert dumps[0] == dumps[1]


def test_unverifiable_citation_fails_and_keeps_old_db(
    articles: Path, curation: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.db"
    build_database(articles, out, curation)
    before = out.read_bytes()
    curation.write_text(CURATION.replace("12,000 square meters", "13,000 square meters"))
    with pytest.raises(BuildError, match="unverifiable citation: figure 'Floor area'.*a2.txt"):
        build_database(articles, out, curation)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".parks-")] == []


def test_value_must_be_in_quote(articles: Path, curation: Path, tmp_path: Path) -> None:
    curation.write_text(CURATION + '\n[[figure]]\nentity = "centre"\nmetric = "X"\narticle = "a2"\n'
                        'quote = "floor area"\nvalue = "99"\n')
    with pytest.raises(BuildError, match="'99' is not in the cited words"):
        build_database(articles, tmp_path / "x.db", curation)


def test_new_article_is_stored_unreviewed(articles: Path, curation: Path, tmp_path: Path) -> None:
    (articles / "a3.txt").write_text(
        "Fresh news\nsend date:2025-01-01 10:00\n\nNorthbank Tools Co., Ltd. invested 80 million yuan.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.db"
    result = build_database(articles, out, curation)
    d = Directory.open(out)
    assert d.articles()["a3"].reviewed is False
    mentions = {(r[0], r[1]) for r in d.con.execute(
        "SELECT kind, text FROM mentions WHERE article_id = 'a3'")}
    assert ("organisation", "Northbank Tools Co., Ltd.") in mentions
    assert ("money", "80 million yuan") in mentions
    report = next(r for r in result.reports if r.file == "a3.txt")
    assert "unreviewed" in "\n".join(report.lines())


def test_skipped_article_is_a_warning(articles: Path, curation: Path, tmp_path: Path, capsys) -> None:
    (articles / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    out = tmp_path / "out.db"
    assert main(["import", str(articles), "-o", str(out), "--curation", str(curation)]) == 0
    err = capsys.readouterr().err
    assert "warning: bad.txt: looks like a binary file" in err
    assert out.exists()


def _run(args: list[str], capsys) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err.strip()


def test_no_articles_in_folder(tmp_path: Path, curation: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, err = _run(["import", str(empty), "-o", str(tmp_path / "o.db"), "--curation", str(curation)], capsys)
    assert code == 1
    assert err == f"parkdesk: {empty}: no articles (*.txt, *.html) in this folder; nothing to build."


def test_missing_folder(tmp_path: Path, curation: Path, capsys) -> None:
    code, err = _run(["import", str(tmp_path / "nope"), "-o", str(tmp_path / "o.db")], capsys)
    assert code == 1
    assert "nope: no such folder" in err
    assert not (tmp_path / "o.db").exists()


def test_unwritable_output_folder(articles: Path, curation: Path, capsys) -> None:
    # /proc refuses new files even to root, so this holds however the tests are run.
    code, err = _run(["import", str(articles), "-o", "/proc/parks.db", "--curation", str(curation)], capsys)
    assert code == 1
    assert err.startswith("parkdesk: Cannot write /proc/parks.db:")


def test_output_folder_missing(articles: Path, curation: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no" / "such" / "dir" / "o.db"
    code, err = _run(["import", str(articles), "-o", str(target), "--curation", str(curation)], capsys)
    assert code == 1
    assert "does not exist" in err
    assert "\n" not in err


def test_output_is_a_directory(articles: Path, curation: Path, tmp_path: Path, capsys) -> None:
    code, err = _run(["import", str(articles), "-o", str(tmp_path), "--curation", str(curation)], capsys)
    assert code == 1
    assert "is a directory" in err


def test_existing_output_not_parkdesk(articles: Path, curation: Path, tmp_path: Path, capsys) -> None:
    other = tmp_path / "notes.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (t TEXT)")
    con.commit()
    con.close()
    before = other.read_bytes()
    code, err = _run(["import", str(articles), "-o", str(other), "--curation", str(curation)], capsys)
    assert code == 1
    assert "is not a parkdesk database; refusing to overwrite it" in err
    assert other.read_bytes() == before
    text_file = tmp_path / "readme.txt.db"
    text_file.write_text("my notes")
    code, err = _run(["import", str(articles), "-o", str(text_file), "--curation", str(curation)], capsys)
    assert code == 1
    assert text_file.read_text() == "my notes"


def test_special_file_output_is_refused(articles: Path, curation: Path, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    code, err = _run(["import", str(articles), "-o", str(fifo), "--curation", str(curation)], capsys)
    assert code == 1
    assert "is a device or special file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_through_a_link_updates_its_target(articles: Path, curation: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.db"
    link = tmp_path / "link.db"
    link.symlink_to(real)
    build_database(articles, link, curation)
    assert link.is_symlink()
    assert Directory.open(real).entity("centre") is not None


def test_new_article_contacts_wait_for_review(articles: Path, curation: Path, tmp_path: Path) -> None:
    (articles / "a4.txt").write_text(
        "Contact Us\nTestville Innovation Zone:0757-22223333\n\nNew contacts\n"
        "send date:2025-02-01 10:00\n\nThe zone has a new number.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.db"
    build_database(articles, out, curation)
    d = Directory.open(out)
    assert all_contacts(d) == []
    phones = d.con.execute("SELECT text FROM mentions WHERE article_id = 'a4' AND kind = 'phone'")
    assert [r[0] for r in phones] == ["0757-22223333"]


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ('[[entity]]\nid = "x"\nkind = "park"\n', "entity #3 (x): missing 'name'"),
        ('[[figure]]\nentity = "zone"\nmetric = "m"\narticle = "a1"\n', "figure #3 (m): missing 'quote'"),
        ('[[noise]]\narticle = "a1"\n', "noise #1: missing 'text'"),
        ('[[entity]]\nid = "y"\nkind = "park"\nname = 5\naliases = 3\n', "wrong type"),
    ],
)
def test_broken_curation_is_one_line(articles: Path, curation: Path, tmp_path: Path, capsys,
                                     broken: str, message: str) -> None:
    curation.write_text(CURATION + "\n" + broken, encoding="utf-8")
    code, err = _run(["import", str(articles), "-o", str(tmp_path / "o.db"), "--curation", str(curation)], capsys)
    assert code == 1
    assert message in err
    assert "\n" not in err and "Traceback" not in err


def test_curation_without_zone_is_refused(articles: Path, curation: Path, tmp_path: Path, capsys) -> None:
    curation.write_text(CURATION.replace('kind = "zone"', 'kind = "park"'), encoding="utf-8")
    code, err = _run(["import", str(articles), "-o", str(tmp_path / "o.db"), "--curation", str(curation)], capsys)
    assert code == 1
    assert "no entity of kind 'zone'" in err


def test_broken_pipe_is_quiet(articles: Path, curation: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before parkdesk writes a word
    run = subprocess.run(
        [sys.executable, "-m", "parkdesk", "import", str(articles), "-o", str(tmp_path / "o.db"),
         "--curation", str(curation)],
        stdout=write_end, stderr=subprocess.PIPE, text=True, check=False,
    )
    os.close(write_end)
    assert "Traceback" not in run.stderr
    assert "BrokenPipeError" not in run.stderr
    assert (tmp_path / "o.db").exists()
