"""The real build over ../shared/articles: the directory the app ships, and its freshness."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parkdesk.core.db.connect import connect_readonly
from parkdesk.core.db.directory import Directory
from parkdesk.ingest.build import build_database
from parkdesk.paths import CURATION_FILE, DEFAULT_DB
from tests.conftest import SHARED_ARTICLES
from tests.sample_data import all_contacts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    out = tmp_path_factory.mktemp("build") / "parks.db"
    build_database(SHARED_ARTICLES, out, CURATION_FILE)
    return Directory.open(out)


def test_zone_and_five_parks(built: Directory) -> None:
    zone = built.zone()
    assert zone.name == "Foshan National High-tech Industrial Development Zone"
    assert "FHIDZ" in zone.aliases
    parks = {p.name: p.district for p in built.parks()}
    assert parks == {
        "Chancheng Park": "Chancheng District",
        "Nanhai Park": "Nanhai District",
        "Shunde Park": "Shunde District",
        "Gaoming Park": "Gaoming District",
        "Sanshui Park": "Sanshui District",
    }
    assert all(p.parent_id == zone.id for p in built.parks())


def test_seven_phone_numbers_with_owners_and_the_address(built: Directory) -> None:
    phones = {
        (built.name_of(c.owner_id), c.national, c.e164)
        for c in all_contacts(built) if c.kind == "phone"
    }
    assert phones == {
        ("Management Committee", "0757 8668 3830", "+8675786683830"),
        ("Management Committee", "0757 8668 2797", "+8675786682797"),
        ("Chancheng Park", "0757 8221 0575", "+8675782210575"),
        ("Nanhai Park", "0757 8631 6675", "+8675786316675"),
        ("Shunde Park", "0757 2636 3972", "+8675726363972"),
        ("Gaoming Park", "0757 8888 1609", "+8675788881609"),
        ("Sanshui Park", "0757 8738 8225", "+8675787388225"),
    }
    (address,) = [c for c in all_contacts(built) if c.kind == "address"]
    assert address.raw.startswith("2 Markham Road")
    assert "528222" in address.raw
    assert address.sources and address.sources[0].quote == address.raw


def _by_name(d: Directory, name: str):
    row = d.con.execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchone()
    assert row, name
    return d.entity(row[0])


def test_projects_enterprises_people_with_sources(built: Directory) -> None:
    centre = _by_name(built, "Lighthouse Community Innovation Center")
    assert centre.kind == "project"
    assert "Lighthouse Science and Technology Innovation Center" in centre.aliases
    invest = next(f for f in built.figures(centre.id) if f.metric == "Total investment")
    assert (invest.value_text, invest.unit) == ("530", "million yuan")
    assert invest.sources[0].article_id.startswith("001_")

    community = _by_name(built, "Lighthouse Community")
    assert "beacon community" in community.aliases
    assert {c.article_id[:3] for c in community.sources} >= {"001", "004"}

    andao = _by_name(built, "Guangdong Andao Medical Equipment Co., Ltd.")
    assert andao.parent_id == "park-shunde"
    hannanwan = _by_name(built, "Hannanwan Science and Technology Innovation City")
    assert hannanwan.parent_id == "park-sanshui"

    hu = _by_name(built, "Hu Xuejun")
    (director,) = [r for r in built.roles_of(hu.id) if r.org_id == "committee"]
    assert director.title == "Director of the Management Committee"
    assert director.reported == "2024-02-29"
    pan = _by_name(built, "Pan Dongsheng")
    assert any(r.org_id == "committee" and r.reported == "2021-04-30" for r in built.roles_of(pan.id))


def test_loans_issued_and_a_loan_balance_are_different_metrics(built: Directory) -> None:
    # "19.3 billion yuan issued" (Nov 2023) and "a loan balance of 19.346 billion yuan" (Feb
    # 2024) measure different things: two metrics, never compared as one.
    loans = {f.metric: (f.value_text, f.reported) for f in built.figures("zone")
             if "ICBC" in f.metric and f.unit == "billion yuan"}
    assert loans == {
        "Loans to enterprises through the ICBC partnership": ("19.3", "2023-11-16"),
        "Loan balance through the ICBC partnership": ("19.346", "2024-02-29"),
    }
    output = {f.refers_to: f.value_text for f in built.figures("zone")
              if f.metric == "Total industrial output value"}
    assert output == {"2020": "419.183", "2023": "472.657"}


def test_the_pearl_river_ceremony_has_its_date(built: Directory) -> None:
    (ceremony,) = [f for f in built.figures("pearl-river-park") if f.metric == "Launch ceremony"]
    assert (ceremony.value_text, ceremony.refers_to) == ("Feb 18", "2022-02-18")


def test_places_outside_the_zone_are_roots(built: Directory) -> None:
    roots = [(e.name, e.kind) for e in built.roots()]
    assert roots[0][1] == "zone"
    assert ("Pearl River Science and Technology Innovation Park", "place") in roots
    assert ("Shenzhen Science & Industry Park", "place") in roots


def test_articles_metadata(built: Directory) -> None:
    arts = built.articles()
    assert len(arts) == 5
    undated = arts["004_ac6bcbd3f10655af"]  # no date line: the date is the URL's
    assert (undated.published, undated.date_inferred, undated.outlet) == ("2021-04-30", False, "China Daily")
    row = built.con.execute("SELECT date_source FROM articles WHERE id = ?", (undated.id,)).fetchone()
    assert row == ("URL",)
    assert arts["003_3dc6340a84aabf9a"].outlet == "China Daily"
    assert arts["003_3dc6340a84aabf9a"].url == "http://en.haizhu.gov.cn/2022-02/21/c_713394.htm"
    assert all(a.reviewed for a in arts.values())


def test_every_record_has_sources(built: Directory) -> None:
    con = built.con
    for table, kind in (("entities", "entity"), ("contacts", "contact"), ("figures", "figure"),
                        ("roles", "role"), ("relations", "relation")):
        missing = con.execute(
            f"SELECT id FROM {table} WHERE id NOT IN "
            "(SELECT record_id FROM citations WHERE record_type = ?)", (kind,)
        ).fetchall()
        assert missing == [], (table, missing)


def _content(path: Path) -> dict[str, list]:
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_sqlite%' "
        "AND name NOT LIKE 'search_fts%' ORDER BY name")]
    content = {t: con.execute(f"SELECT * FROM [{t}]").fetchall() for t in tables}
    content["meta"] = [r for r in content["meta"] if r[0] != "built_at"]
    content["schema"] = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    con.close()
    return content


def test_committed_database_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    build_database(SHARED_ARTICLES, fresh, CURATION_FILE)
    assert _content(DEFAULT_DB) == _content(fresh), (
        "data/parks.db is out of date: run `make db` (parkdesk import ../shared/articles) and commit it"
    )


def test_committed_database_is_read_only_friendly() -> None:
    con = connect_readonly(DEFAULT_DB)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_main_number_comes_first(built: Directory) -> None:
    phones = [c.national for c in built.contacts("committee") if c.kind == "phone"]
    assert phones == ["0757 8668 3830", "0757 8668 2797"]
