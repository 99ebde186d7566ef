"""One way to name a park: `factsheet NAME` and `export --park NAME` resolve the same names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.errors import ParkdeskError
from parkdesk.core.export.scope import EVERYTHING, resolve_park
from parkdesk.core.factsheet.content import find_sheets
from parkdesk.core.parks import find_park, valid_names
from tests.sample_data import sample_bundle

PARKS = "Chancheng, Gaoming, Nanhai, Sanshui, Shunde, zone, all"


@pytest.fixture
def directory(tmp_path: Path):
    bundle = sample_bundle()
    for e in bundle.entities:
        if e.id == "park-gaoming":
            e.aliases = ("高明园",)
        if e.id == "park-nanhai":
            e.aliases = ("Foshan Nanhai Science Hub",)
    write_bundle(bundle, tmp_path / "names.db", {"built_at": "2026-01-01"})
    d = Directory.open(tmp_path / "names.db")
    yield d
    d.close()


def _export_scope(db: Path, name: str, tmp_path: Path) -> dict:
    out = tmp_path / "export.json"
    assert main(["export", "--park", name, "-o", str(out), "--db", str(db)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))["scope"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("shunde", "park-shunde"),
        ("SHUNDE", "park-shunde"),
        ("Shunde Park", "park-shunde"),
        ("  shunde   park ", "park-shunde"),
        ("Shunde District", "park-shunde"),  # by district
        ("shunde park.", "park-shunde"),
        ("park-nanhai", "park-nanhai"),  # by id
        ("foshan nanhai science hub", "park-nanhai"),  # by alias
        ("Science Hub", "park-nanhai"),  # words of one park's alias
        ("高明园", "park-gaoming"),
        ("高明", "park-gaoming"),
        ("zone", "zone"),
        ("Zone", "zone"),
        ("THZ", "zone"),  # the zone's alias
        ("test high-tech zone", "zone"),
    ],
)
def test_both_commands_resolve_a_name_alike(directory, tmp_path, name, expected) -> None:
    assert find_sheets(directory, name) == [expected]
    assert resolve_park(directory, name).entity_id == expected
    assert _export_scope(directory.path, name, tmp_path)["id"] == expected


def test_all_is_everything_for_both(directory, tmp_path) -> None:
    assert find_sheets(directory, "ALL") == ["zone"] + [p.id for p in directory.parks()]
    assert resolve_park(directory, "all") == EVERYTHING
    assert resolve_park(directory, None) == EVERYTHING
    assert _export_scope(directory.path, "All", tmp_path) == {"kind": "all"}


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Atlantis", f"There is no park called 'Atlantis'; choose one of: {PARKS}"),
        ("  ", f"No park was named; choose one of: {PARKS}"),
        ("district", "'district' could be Chancheng Park, Gaoming Park, Nanhai Park, "
                     "Sanshui Park or Shunde Park; give more of the name."),
    ],
)
def test_bad_names_get_the_same_sentence_from_both(directory, name, words) -> None:
    messages = []
    for resolve in (find_sheets, resolve_park):
        with pytest.raises(ParkdeskError) as caught:
            resolve(directory, name)
        messages.append(str(caught.value))
    for message in messages:
        assert message.startswith(words) and "\n" not in message
    assert messages[0].endswith(".")


def test_export_names_places_outside_the_zone_and_lists_them(directory, tmp_path) -> None:
    assert resolve_park(directory, "Riverside Park").entity_id == "outside"
    assert resolve_park(directory, "elsewhere city").entity_id == "outside"  # its district
    assert _export_scope(directory.path, "riverside", tmp_path)["id"] == "outside"
    assert valid_names(directory, places=True) == f"{PARKS}; or outside the zone: Riverside Park"
    with pytest.raises(ParkdeskError, match="; or outside the zone: Riverside Park[.]$"):
        resolve_park(directory, "Atlantis")


def test_a_place_outside_the_zone_has_no_fact_sheet(directory) -> None:
    with pytest.raises(ParkdeskError) as caught:
        find_sheets(directory, "Riverside Park")
    assert str(caught.value) == (
        f"Riverside Park lies outside the zone, with no fact sheet; choose one of: {PARKS}."
    )
    assert find_park(directory, "Riverside Park", places=True).id == "outside"


def test_unknown_names_on_the_command_line(directory, tmp_path, capsys) -> None:
    out = tmp_path / "x.json"
    assert main(["export", "--park", "Atlantis", "-o", str(out), "--db", str(directory.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("parkdesk: There is no park called 'Atlantis'; choose one of: ")
    assert PARKS in err and err.count("\n") == 1
    assert not out.exists()


# -- the park of an entity: one rule, whoever asks ------------------------------------------------


def test_the_park_of_an_entity_is_the_same_everywhere(tmp_path: Path) -> None:
    """The directory, the export walk, the search index and the fact sheet agree on every
    entity's park (the rule lives in parks.park_in)."""
    from parkdesk.core.export.json_format import build_document
    from parkdesk.core.export.walk import walk
    from parkdesk.core.factsheet.content import sheet_entity
    from tests.core.test_export_support import write_rich_db

    directory = Directory.open(write_rich_db(tmp_path))
    expected = {
        "park-shunde": "park-shunde", "lighthouse": "park-shunde", "li": "park-shunde",
        "committee": "zone", "pan": "zone", "zone": "zone", "outside": "outside",
        "river-co": "outside", "cn-co": "park-nanhai",
    }
    try:
        for entity_id, park_id in expected.items():
            park = directory.park_of(entity_id)
            assert park is not None and park.id == park_id, entity_id
            hit = next(h for h in directory.search(directory.name_of(entity_id), 200)
                       if h.entity_id == entity_id)
            above = directory.park_of(directory.entity(entity_id).parent_id or "")
            assert hit.park == (above.name if above else ""), entity_id
            sheet = sheet_entity(directory, entity_id).id
            assert sheet == (park_id if park.kind != "place" else "zone"), entity_id
        visits = {v.node["id"]: v for v in walk(build_document(directory))}
        for entity_id, park_id in expected.items():
            assert visits[entity_id].park["id"] == park_id, entity_id
        assert directory.park_of("lost") is None  # its parent does not exist
        assert visits["lost"].park is None
    finally:
        directory.close()
