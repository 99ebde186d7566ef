"""Search: any text at all gives matches or none, never an error; names first."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.search import SearchHit, query_terms


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
