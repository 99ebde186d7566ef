"""The relevance table: every query puts its record first, on the real and a synthetic directory."""

from __future__ import annotations

import pytest

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.paths import DEFAULT_DB
from tests.search_relevance import REAL_CASES, run_cases, scores, synthetic_cases


@pytest.fixture(scope="module")
def real() -> Directory:
    return Directory.open(DEFAULT_DB)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    path = tmp_path_factory.mktemp("relevance") / "synth.db"
    assert main(["synth", "--enterprises", "1500", "--seed", "3", "-o", str(path)]) == 0
    return Directory.open(path)


def test_the_table_is_large_enough() -> None:
    assert len(REAL_CASES) >= 40


@pytest.mark.parametrize(("query", "expected"), REAL_CASES)
def test_real_directory(real: Directory, query: str, expected: str) -> None:
    [outcome] = run_cases(real, [(query, expected)])
    assert outcome.rank == 1, f"{query!r}: {expected} is #{outcome.rank}, first is {outcome.first}"


def test_synthetic_directory(synthetic: Directory) -> None:
    cases = synthetic_cases(synthetic)
    assert len(cases) >= 40
    outcomes = run_cases(synthetic, cases)
    missed = [o for o in outcomes if o.rank != 1]
    assert not missed, missed
    assert scores(outcomes) == (1.0, 1.0)
