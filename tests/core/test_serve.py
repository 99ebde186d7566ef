"""`parkdesk serve`: the bundled directory in Datasette, started as a real server on a free port
of 127.0.0.1, read as a colleague's browser reads it."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from parkdesk.cli import main
from parkdesk.paths import DEFAULT_DB
from tests.servers import HOST, free_port, server

PUBLIC = {"aliases", "articles", "citations", "contacts", "entities", "figures", "mentions",
          "relations", "roles"}
# The seven numbers of the articles, with their owners, as the phone book lists them.
SEED_NUMBERS = {
    ("Management Committee", "0757 8668 3830"),
    ("Management Committee", "0757 8668 2797"),
    ("Chancheng Park", "0757 8221 0575"),
    ("Gaoming Park", "0757 8888 1609"),
    ("Nanhai Park", "0757 8631 6675"),
    ("Sanshui Park", "0757 8738 8225"),
    ("Shunde Park", "0757 2636 3972"),
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """Datasette on data/parks.db, as `parkdesk serve` runs it; a client for its pages."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    command = [sys.executable, "-m", "parkdesk", "serve", "--db", str(DEFAULT_DB),
               "--host", HOST, "--port", str(port)]
    with server(command, port, log), httpx.Client(base_url=f"http://{HOST}:{port}",
                                                   timeout=20) as client:
        yield client


def test_the_database_lists_only_the_public_tables(site: httpx.Client) -> None:
    tables = site.get("/parks.json").json()["tables"]
    shown = {t["name"] for t in tables if not t["hidden"]}
    assert shown == PUBLIC


def test_the_home_page_starts_at_the_phone_book(site: httpx.Client) -> None:
    home = site.get("/").text
    assert '<a href="/parks/phone_book">Phone book</a>' in home
    assert '<a href="/parks/entities?kind=park">The parks</a>' in home
    page = site.get("/parks/phone_book").text
    assert "0757 2636 3972" in page and "_show_sql=1" in page  # the answer; the SQL hidden


def test_a_record_page_links_to_its_park(site: httpx.Client) -> None:
    page = site.get("/parks/entities/andao")
    assert page.status_code == 200
    assert '<a href="/parks/entities/park-shunde">Shunde Park</a>' in page.text
    row = site.get("/parks/entities/andao.json", params={"_shape": "objects"}).json()
    assert row["rows"][0]["park_id"] == "park-shunde"


def test_the_phone_book_lists_the_seven_numbers_with_their_owners(site: httpx.Client) -> None:
    rows = site.get("/parks/phone_book.json", params={"_shape": "array"}).json()
    assert {(r["owner"], r["number"]) for r in rows} == SEED_NUMBERS
    assert len(rows) == 7
    # The zone's numbers first, the main one (first stated) first, as the app lists them.
    assert [r["number"] for r in rows[:2]] == ["0757 8668 3830", "0757 8668 2797"]
    shunde = next(r for r in rows if r["owner"] == "Shunde Park")
    assert shunde["park"] == "Shunde Park" and shunde["international_number"] == "+86 757 2636 3972"


def test_searching_the_records_finds_a_park(site: httpx.Client) -> None:
    rows = site.get("/parks/entities.json", params={"_search": "shunde", "_shape": "array"}).json()
    assert "Shunde Park" in {r["name"] for r in rows}
    assert all("shunde" in (r["name"] + (r["description"] or "")).lower() for r in rows)


def test_records_facet_by_kind_park_and_review(site: httpx.Client) -> None:
    data = site.get("/parks/entities.json", params={"_labels": "on"}).json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)  # (the shape differs across Datasette versions)
    assert {"kind", "park_id", "reviewed"} <= set(facets)
    parks = {f["label"] for f in facets["park_id"]["results"]}
    assert {"Shunde Park", "Nanhai Park"} <= parks


def test_sources_of_a_record_name_its_articles(site: httpx.Client) -> None:
    rows = site.get("/parks/sources_of.json",
                    params={"record": "Shunde Park", "_shape": "array"}).json()
    assert rows and all(r["article"] and r["url"].startswith("http") for r in rows)
    assert {"entity", "contact"} <= {r["record_type"] for r in rows}


def test_figures_over_time_and_findings(site: httpx.Client) -> None:
    rows = site.get("/parks/figures_over_time.json",
                    params={"metric": "industrial output", "_shape": "array"}).json()
    assert rows and all("industrial output" in r["metric"].lower() for r in rows)
    keys = [(r["metric"], r["year"]) for r in rows]
    assert keys == sorted(keys)  # by year within each metric
    findings = site.get("/parks/unreviewed.json", params={"_shape": "array"}).json()
    assert findings and all(r["article"] for r in findings)


def test_the_server_refuses_writes(site: httpx.Client) -> None:
    before = _sha256(DEFAULT_DB)
    answer = site.get("/parks.json", params={"sql": "DELETE FROM contacts"})
    assert answer.status_code == 400
    for path in ("/parks/contacts/-/insert", "/parks/-/create", "/parks/contacts"):
        posted = site.post(path, json={"row": {"id": "x", "owner_id": "zone", "kind": "phone"}})
        assert posted.status_code >= 400
    rows = site.get("/parks/contacts.json", params={"_shape": "array", "_size": "max"}).json()
    assert "x" not in {r["id"] for r in rows}
    assert _sha256(DEFAULT_DB) == before


def test_print_metadata_names_the_database_of_the_file(tmp_path: Path, capsys) -> None:
    import json

    assert main(["serve", "--db", str(tmp_path / "team.db"), "--print-metadata"]) == 0
    metadata = json.loads(capsys.readouterr().out)
    assert set(metadata["databases"]) == {"team"}
    assert {"phone_book", "sources_of", "unreviewed", "figures_over_time"} <= set(
        metadata["databases"]["team"]["queries"])


def test_a_missing_database_is_one_sentence(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", str(free_port())]) == 1
    err = capsys.readouterr().err
    assert err.startswith("parkdesk: The database") and "does not exist" in err
    assert err.count("\n") == 1


def test_a_port_in_use_is_one_sentence(capsys) -> None:
    import socket

    with socket.create_server((HOST, 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"Cannot listen on {HOST}:{port}" in err and "--port" in err
    assert err.count("\n") == 1


def _follow(site: httpx.Client, page: str, text: str, to: str = "") -> str:
    """The page behind the link whose text is `text` (and whose address holds `to`), as a
    reader clicks it."""
    import html
    import re

    links = [(html.unescape(re.sub(r"<[^>]+>", "", label)).strip(), html.unescape(href))
             for href, label in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', page, re.S)]
    chosen = [href for label, href in links if label == text and to in href]
    assert len(chosen) == 1, links
    answer = site.get(chosen[0])
    assert answer.status_code == 200
    return answer.text


def test_a_colleague_finds_a_parks_number_in_three_clicks(site: httpx.Client) -> None:
    home = site.get("/").text
    assert "0757 2636 3972" in _follow(site, home, "Phone book")  # one click
    parks = _follow(site, home, "The parks")
    shunde = _follow(site, parks, "park-shunde")
    # "1 row from owner_id in contacts": the park's numbers, the third click.
    assert "0757 2636 3972" in _follow(site, shunde, "1 row", to="/contacts?")
