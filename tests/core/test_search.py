"""Search: any text at all gives matches or none, never an error; names first."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.search.hits import SearchHit
from parkdesk.core.search.text import query_terms


@pytest.fixture
def directory(sample_db: Path) -> Directory:
    return Directory.open(sample_db)


@pytest.mark.parametrize(
    ("text", "plain"),
    [('"', ""), ('""', ""), ("AND", "and"), ('"AND"', "and"), ("OR NOT", "or not"),
     ("a AND b OR NOT c", "a and b or not c"), ("*", ""), ("name:shunde", "name shunde"),
     ("-", ""), ("--x", "x"), ("\x00", ""), ("sh\x00un", "sh un"), ("x" * 10_000, "x" * 10_000),
     ("NEAR(a b)", "near a b"), ("(", ""), (")", ""),
     ("'; DROP TABLE entities; --", "drop table entities"), ("^shun", "shun"),
     ("shun*", "shun"), ("(shun)", "shun"), ("{a b}: c", "a b c"), ("\\", "")],
)
def test_odd_queries(directory: Directory, text: str, plain: str) -> None:
    """Query syntax is never obeyed: odd text finds what its plain words find."""
    hits = directory.search(text)
    assert isinstance(hits, list) and all(isinstance(h, SearchHit) for h in hits)
    assert hits == directory.search(plain)


def test_operators_are_words(directory: Directory) -> None:
    assert [h.entity_id for h in directory.search('"AND"')] == ["andao"]  # "and" starts Andao
    assert [h.entity_id for h in directory.search("shun*")] == ["park-shunde"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_any_text(directory: Directory, text: str) -> None:
    hits = directory.search(text)
    assert all(h.entity_id for h in hits)


def test_prefix_alias_people_and_order(directory: Directory) -> None:
    assert [h.name for h in directory.search("shun")][0] == "Shunde Park"
    assert [h.entity_id for h in directory.search("beacon")] == ["lighthouse"]
    assert "pan" in [h.entity_id for h in directory.search("director administrative")]
    assert [h.entity_id for h in directory.search("name:shunde")][0] == "park-shunde"


def test_query_terms_are_bounded() -> None:
    assert query_terms("word " * 5000) == ["word", "w"]  # cut at 4 KB
    assert len(query_terms(" ".join(f"w{i}" for i in range(100)))) == 8


def test_search_command(sample_db: Path, capsys) -> None:
    assert main(["search", "shun", "--db", str(sample_db)]) == 0
    assert "Park  Shunde Park  (Test High-tech Zone)" in capsys.readouterr().out
    assert main(["search", '"XYZZY*', "--db", str(sample_db)]) == 0
    assert capsys.readouterr().out.strip() == "No matches"
    assert main(["search", "andao", "--json", "--db", str(sample_db)]) == 0
    assert '"id": "andao"' in capsys.readouterr().out


# -- numbers, typos, intent, addresses, findings ---------------------------------------------

@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_records_exact_name_puts_it_first(directory: Directory, data) -> None:
    names = [n for (n,) in directory.con.execute("SELECT name FROM entities ORDER BY id")]
    name = data.draw(st.sampled_from(names))
    hits = directory.search(name)
    assert hits and hits[0].name == name


@pytest.mark.parametrize("text", ["0757-86683830", "86683830", "8668 3830", "+86 757 8668 3830",
                                  "(0757) 8668-3830", "86 757 86683830", "668383", "0757 86683830"])
def test_any_written_form_of_a_number_finds_its_owner(directory: Directory, text: str) -> None:
    first = directory.search(text)[0]
    assert (first.entity_id, first.matched_kind, first.contact_id) == ("committee", "phone", "c-committee-1")
    assert first.matched == "0757 8668 3830"


def test_a_short_run_of_digits_lists_every_number_holding_it(directory: Directory) -> None:
    hits = directory.search("0757")
    assert {h.contact_id for h in hits if h.matched_kind == "phone"} == {
        "c-committee-1", "c-committee-2", "c-shunde", "c-bad"}  # "0757-123" as written too
    assert directory.search("12") == directory.search("12")  # two digits: words only
    assert not any(h.matched_kind == "phone" for h in directory.search("12"))


def test_a_typo_is_corrected_and_said(directory: Directory) -> None:
    result = directory.search_result("shnde")
    assert result.corrected == "shunde"
    assert result.hits[0].entity_id == "park-shunde"
    assert directory.search_result("lighthose").hits[0].entity_id == "lighthouse"
    assert directory.search_result("shunde").corrected == ""  # nothing to correct
    assert directory.search_result("qqqqqq").hits == []


def test_intent_words_put_the_records_number_first(directory: Directory) -> None:
    hits = directory.search("shunde park phone")
    assert (hits[0].entity_id, hits[0].contact_id, hits[0].matched) == (
        "park-shunde", "c-shunde", "0757 2636 3972")
    assert hits[1].entity_id == "park-shunde" and not hits[1].matched
    hits = directory.search("management committee tel")
    assert [h.contact_id for h in hits[:2]] == ["c-committee-1", "c-committee-2"]
    folder = directory.search("shunde projects")[0]
    assert folder.folder == "park-shunde/projects"
    assert directory.search("phone") == []  # an intent word alone is just a word


def test_addresses_are_searchable(directory: Directory) -> None:
    first = directory.search("test road")[0]
    assert (first.entity_id, first.matched_kind, first.matched) == (
        "committee", "address", "2 Test Road, Foshan 528222")
    assert directory.search("528222")[0].entity_id == "committee"


def test_a_hyphenated_name_is_one_word(directory: Directory) -> None:
    assert [h.entity_id for h in directory.search("shun-de")] == ["park-shunde"]


def test_long_prefixes_find_what_their_start_finds(directory: Directory) -> None:
    """Past the six-letter prefix index a prefix is looked up as the words it starts."""
    assert [h.entity_id for h in directory.search("lighthous")] == ["lighthouse"]
    assert [h.entity_id for h in directory.search("administrati")][0] == "committee"
    assert [h.entity_id for h in directory.search("innovation lighth")] == ["lighthouse"]


def test_chinese_text_gets_a_hint_when_nothing_matches(directory: Directory) -> None:
    result = directory.search_result("南海")
    assert result.hits == [] and "directory is in English" in result.note
    assert directory.search_result("zzzz").note == ""


FRESH = """Fresh news
send date:2025-01-01 10:00

Northbank Tools Co., Ltd. invested 80 million yuan in the Testville Innovation Zone.
Contact Us
Northbank Tools:0757-22223333
"""


def test_findings_of_a_new_article_are_searchable_after_records(tmp_path: Path) -> None:
    from parkdesk.ingest.build import build_database

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a1.txt").write_text(
        "Testville report\nsend date:2024-05-06 09:00\n\nThe Testville Innovation Zone grew.\n",
        encoding="utf-8")
    (folder / "a2.txt").write_text(FRESH, encoding="utf-8")
    curation = tmp_path / "curation.toml"
    curation.write_text('[articles]\nreviewed = ["a1"]\n\n[[entity]]\nid = "zone"\nkind = "zone"\n'
                        'name = "Testville Innovation Zone"\n', encoding="utf-8")
    out = tmp_path / "out.db"
    build_database(folder, out, curation)
    d = Directory.open(out)
    hits = d.search("northbank")
    assert [(h.kind, h.name, h.reviewed) for h in hits] == [
        ("finding", "Northbank Tools Co., Ltd.", False)]
    assert d.search("testville")[0].entity_id == "zone"  # the record, before any finding
    assert [h.reviewed for h in d.search("testville")] == sorted(
        [h.reviewed for h in d.search("testville")], reverse=True)
    assert d.search("2222 3333")[0].kind == "finding"


def test_search_command_shows_numbers_corrections_and_takes_dashes(sample_db: Path, capsys) -> None:
    assert main(["search", "8668 3830", "--db", str(sample_db)]) == 0
    assert "Management Committee" in (out := capsys.readouterr().out) and "0757 8668 3830" in out
    assert main(["search", "shnde", "--db", str(sample_db)]) == 0
    assert capsys.readouterr().out.startswith("Showing results for shunde\n")
    assert main(["search", "--db", str(sample_db), "--", "-shunde"]) == 0
    assert "Shunde Park" in capsys.readouterr().out
    assert main(["search", "shunde", "park", "phone", "--db", str(sample_db)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("☎ 0757 2636 3972")
