"""The JSON export: complete, nested, stable, filterable by park; every record with its sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parkdesk.core.db.directory import Directory
from parkdesk.core.export.json_format import build_document, render_json
from parkdesk.core.export.scope import resolve_park, scope_of_entity
from parkdesk.core.export.walk import GROUP_KEYS, walk
from parkdesk.core.phones import tel_uri
from tests.core.test_export_support import CHINESE, COMMA_URL, write_rich_db


@pytest.fixture
def rich(tmp_path: Path) -> Directory:
    directory = Directory.open(write_rich_db(tmp_path))
    yield directory
    directory.close()


def _ids(con, table: str) -> list[str]:
    return sorted(r[0] for r in con.execute(f"SELECT id FROM {table}"))


def _records(document: dict, key: str) -> list[dict]:
    return [r for v in walk(document) if v.in_scope for r in v.node[key]]


def test_top_level_keys_in_a_fixed_order(rich: Directory) -> None:
    document = build_document(rich)
    assert list(document) == [
        "format", "version", "generator", "database", "scope", "articles",
        "zone", "outside", "unplaced", "unreviewed",
    ]
    assert document["format"] == "parkdesk-directory"
    assert document["version"] == 1
    assert document["database"]["built_at"] == "2026-01-02T00:00:00"


def test_nothing_is_lost(rich: Directory) -> None:
    """Every entity, contact, figure, role, relation and mention appears exactly once."""
    document = build_document(rich)
    entity_ids = [v.node["id"] for v in walk(document)]
    assert sorted(entity_ids) == _ids(rich.con, "entities")
    for key, table in (("contacts", "contacts"), ("figures", "figures"), ("roles", "roles"),
                       ("relations", "relations")):
        assert sorted(r["id"] for r in _records(document, key)) == _ids(rich.con, table)
    assert [m["id"] for m in document["unreviewed"]] == _ids(rich.con, "mentions")
    assert [a["id"] for a in document["articles"]] == ["a1", "a2", "a3"]


def test_every_record_carries_its_sources(rich: Directory) -> None:
    document = build_document(rich)
    counts = dict(
        ((t, i), n) for t, i, n in rich.con.execute(
            "SELECT record_type, record_id, count(*) FROM citations GROUP BY 1, 2"
        )
    )
    nodes = [v.node for v in walk(document)]
    checked = 0
    for node in nodes:
        assert len(node["sources"]) == counts.get(("entity", node["id"]), 0)
        for key, kind in (("contacts", "contact"), ("figures", "figure"), ("roles", "role"),
                          ("relations", "relation")):
            for record in node[key]:
                assert len(record["sources"]) == counts[(kind, record["id"])]
                checked += 1
    assert checked > 10
    source = next(n for n in nodes if n["id"] == "cn-co")["sources"][0]
    assert source == {
        "article": "a3", "title": CHINESE, "outlet": "测试日报", "date": "2025-06-01",
        "date_inferred": False, "url": COMMA_URL, "paragraph": 4, "span": [0, 8],
        "quote": "测试科技有限公司",
    }


def test_nesting_zone_parks_children_and_outside(rich: Directory) -> None:
    document = build_document(rich)
    zone = document["zone"]
    assert zone["kind"] == "zone"
    assert [p["name"] for p in zone["parks"]] == [
        "Chancheng Park", "Gaoming Park", "Nanhai Park", "Sanshui Park", "Shunde Park"
    ]
    assert [o["name"] for o in zone["organisations"]] == ["Management Committee"]
    shunde = zone["parks"][-1]
    assert [p["id"] for p in shunde["projects"]] == ["lighthouse"]
    assert [e["id"] for e in shunde["enterprises"]] == ["andao"]
    assert [p["id"] for p in shunde["people"]] == ["li"]
    for node in (zone, shunde, shunde["people"][0]):
        assert all(isinstance(node[k], list) for k in GROUP_KEYS)
    assert [o["id"] for o in document["outside"]] == ["outside"]
    assert [e["id"] for e in document["outside"][0]["enterprises"]] == ["river-co"]
    assert [u["id"] for u in document["unplaced"]] == ["lost"]


def test_people_roles_contacts_figures_and_relations(rich: Directory) -> None:
    document = build_document(rich)
    nodes = {v.node["id"]: v.node for v in walk(document)}
    li = nodes["li"]
    assert [(r["title"], r["organisation"]) for r in li["roles"]] == [
        ("Director", "Shunde Park"), ("Deputy head", "Management Committee")
    ]
    office = next(c for c in li["contacts"] if c["id"] == "c-li-office")
    assert office["tel_uri"] == "tel:+86-757-2222-3333;ext=808"
    assert office["line"] == "landline"
    assert li["contacts"][0]["line"] == "mobile"
    bad = nodes["park-gaoming"]["contacts"][0]
    assert (bad["valid"], bad["tel_uri"], bad["line"]) == (False, None, "invalid")
    assert "not a valid number" in bad["warning"]
    loans = [f for f in nodes["zone"]["figures"] if f["metric"] == "loan balance"]
    assert [f["display"] for f in loans] == ["19.346 billion yuan", "about 19.3 billion yuan"]
    assert nodes["andao"]["relations"][0]["object"] == "Shunde Park"
    assert nodes["park-shunde"]["relations"] == []  # listed once, under its subject
    address = nodes["committee"]["contacts"][-1]
    assert (address["kind"], address["tel_uri"]) == ("address", None)


def test_render_is_deterministic_and_round_trips(rich: Directory, tmp_path: Path) -> None:
    first = render_json(build_document(rich))
    (tmp_path / "again").mkdir()
    again = Directory.open(write_rich_db(tmp_path / "again"))
    assert render_json(build_document(again)) == first
    assert json.loads(first) == build_document(rich)
    assert CHINESE in first  # written as characters, not \\u escapes
    assert first.endswith("}\n")


def test_park_scope_keeps_only_that_park(rich: Directory) -> None:
    document = build_document(rich, resolve_park(rich, "shunde"))
    assert document["scope"] == {
        "kind": "entity", "id": "park-shunde", "name": "Shunde Park", "entity_kind": "park",
        "frames": ["zone"],
    }
    zone = document["zone"]
    assert [p["id"] for p in zone["parks"]] == ["park-shunde"]
    assert zone["organisations"] == [] and zone["contacts"] == [] and zone["sources"] == []
    in_scope = {v.node["id"] for v in walk(document) if v.in_scope}
    assert in_scope == {"park-shunde", "lighthouse", "andao", "li"}
    assert document["outside"] == [] and document["unplaced"] == []
    assert [a["id"] for a in document["articles"]] == ["a1", "a3"]
    assert [m["id"] for m in document["unreviewed"]] == ["m-1"]


def test_zone_scope_is_the_zone_wide_part(rich: Directory) -> None:
    document = build_document(rich, resolve_park(rich, "Zone"))
    assert document["scope"]["kind"] == "zone"
    zone = document["zone"]
    assert zone["parks"] == []
    assert [o["id"] for o in zone["organisations"]] == ["committee"]
    assert [p["id"] for p in zone["people"]] == ["pan"]
    assert len(zone["figures"]) == 2


def test_selection_scope_frames_its_ancestors(rich: Directory) -> None:
    document = build_document(rich, scope_of_entity(rich, "li"))
    assert document["scope"]["frames"] == ["zone", "park-shunde"]
    visits = list(walk(document))
    assert [(v.node["id"], v.in_scope) for v in visits] == [
        ("zone", False), ("park-shunde", False), ("li", True)
    ]
    assert visits[-1].park["id"] == "park-shunde"
    outside = build_document(rich, scope_of_entity(rich, "river-co"))
    assert outside["zone"] is None
    assert outside["outside"][0]["enterprises"][0]["id"] == "river-co"


@pytest.mark.parametrize(
    ("raw", "uri"),
    [
        ("0757-86683830", "tel:+86-757-8668-3830"),
        ("(0757) 8668 3830", "tel:+86-757-8668-3830"),
        ("0757-86683830转123", "tel:+86-757-8668-3830;ext=123"),
        ("0757-86683830 分机 45", "tel:+86-757-8668-3830;ext=45"),
        ("13800138000", "tel:+86-138-0013-8000"),
        ("0757-123", None),
        ("call us", None),
    ],
)
def test_tel_uri_is_rfc3966_with_hyphens(raw: str, uri: str | None) -> None:
    assert tel_uri(raw) == uri


def test_sample_database_exports(sample_db: Path) -> None:
    directory = Directory.open(sample_db)
    document = json.loads(render_json(build_document(directory)))
    assert document["zone"]["name"] == "Test High-tech Zone"
    assert document["unreviewed"] == []
