"""The vCard 4.0 export, read back by two readers: our strict RFC 6350 reader and vobject."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject

from parkdesk.core.db.directory import Directory
from parkdesk.core.export.json_format import build_document
from parkdesk.core.export.render import render
from parkdesk.core.export.scope import EVERYTHING, Scope, resolve_park, scope_of_entity
from parkdesk.core.export.vcard_format import entity_card, render_vcards
from tests.core.test_export_support import (
    CHINESE,
    CHINESE_NAME,
    COMMA_URL,
    read_vcards,
    write_rich_db,
)


@pytest.fixture
def rich(tmp_path: Path) -> Directory:
    directory = Directory.open(write_rich_db(tmp_path))
    yield directory
    directory.close()


def _vcards(directory: Directory, scope: Scope = EVERYTHING) -> bytes:
    """The vCard export of a scope, as `parkdesk export` and the app write it."""
    return render(directory, "vcard", scope, "4.0")


def _phones_in_db(directory: Directory) -> dict[str, set[str]]:
    """Every phone number by owner name, in the tel URI form a card must carry."""
    document = build_document(directory)
    result: dict[str, set[str]] = {}
    from parkdesk.core.export.walk import walk

    for visit in walk(document):
        for c in visit.node["contacts"]:
            if c["kind"] == "phone":
                result.setdefault(visit.node["name"], set()).add(c["tel_uri"] or c["raw"])
    return result


def test_every_number_survives_both_readers(rich: Directory) -> None:
    data = _vcards(rich)
    expected = _phones_in_db(rich)
    strict = {c.one("FN").text(): {p.value for p in c.all("TEL")} for c in read_vcards(data)}
    assert strict == expected
    parsed = list(vobject.readComponents(data.decode("utf-8")))
    loose = {c.fn.value: {t.value for t in c.contents.get("tel", [])} for c in parsed}
    assert loose == expected
    assert all(c.version.value == "4.0" for c in parsed)


def test_committee_card(rich: Directory) -> None:
    cards = {c.one("FN").text(): c for c in read_vcards(_vcards(rich))}
    card = cards["Management Committee"]
    assert card.one("KIND").text() == "org"
    assert card.one("ORG").components() == ["Test High-tech Zone", "Management Committee"]
    tels = card.all("TEL")
    assert [t.value for t in tels] == ["tel:+86-757-8668-3830", "tel:+86-757-8668-2797"]
    assert tels[0].params == {"PREF": ["1"], "TYPE": ["work", "voice"], "VALUE": ["uri"]}
    assert "PREF" not in tels[1].params
    adr = card.one("ADR")
    assert adr.components()[2] == "2 Test Road, Foshan 528222"
    assert adr.params["LABEL"] == ["2 Test Road, Foshan 528222"]
    assert card.one("NOTE").text() == "Source: Test zone report (Test Daily, 2024-02-29)"
    assert [s.value for s in card.all("SOURCE")] == ["https://example.org/a1"]
    assert card.one("UID").value.startswith("urn:uuid:")


def test_person_card_has_name_title_org_and_extension(rich: Directory) -> None:
    cards = {c.one("FN").text(): c for c in read_vcards(_vcards(rich))}
    card = cards["Li Mingzhu"]
    assert card.one("KIND").text() == "individual"
    assert card.one("N").components()[:2] == ["Li", "Mingzhu"]
    assert card.one("TITLE").text() == "Director"
    assert card.one("ORG").components() == ["Test High-tech Zone", "Shunde Park"]
    assert [t.value for t in card.all("TEL")] == [
        "tel:+86-138-0013-8000", "tel:+86-757-2222-3333;ext=808"
    ]
    note = card.one("NOTE").text()
    assert f"Source: {CHINESE} (测试日报, 2025-06-01)" in note
    assert "Also: Deputy head at Management Committee (2023)." in note
    assert [s.value for s in card.all("SOURCE")] == [COMMA_URL]  # commas not escaped in a URI
    assert card.one("CATEGORIES").text() == "Shunde Park"


def test_chinese_names_and_invalid_numbers(rich: Directory) -> None:
    cards = {c.one("FN").text(): c for c in read_vcards(_vcards(rich))}
    assert cards[CHINESE_NAME].one("ORG").components() == [CHINESE_NAME]
    gaoming = cards["Gaoming Park"]
    tel = gaoming.one("TEL")
    assert (tel.params["VALUE"], tel.value) == (["text"], "0757-123")
    assert "The number 0757-123 may be wrong" in gaoming.one("NOTE").text()


def test_only_entities_with_contacts_get_cards(rich: Directory) -> None:
    names = [c.one("FN").text() for c in read_vcards(_vcards(rich))]
    assert names == [
        "Management Committee", "Gaoming Park", CHINESE_NAME, "Shunde Park",
        "Li Mingzhu",
    ]


def test_park_scope(rich: Directory) -> None:
    data = _vcards(rich, resolve_park(rich, "Shunde"))
    assert [c.one("FN").text() for c in read_vcards(data)] == ["Shunde Park", "Li Mingzhu"]
    zone = _vcards(rich, resolve_park(rich, "zone"))
    assert [c.one("FN").text() for c in read_vcards(zone)] == ["Management Committee"]


def test_cards_are_stable(rich: Directory) -> None:
    assert _vcards(rich) == render_vcards(build_document(rich), "4.0").encode()
    li = scope_of_entity(rich, "li")
    assert _vcards(rich, li) == _vcards(rich, li)


def test_entity_card_for_qr_is_compact(rich: Directory) -> None:
    text = entity_card(rich, "li", version="4.0")
    (card,) = read_vcards(text.encode())
    assert [p.name for p in card.props] == [
        "VERSION", "FN", "KIND", "N", "ORG", "TEL", "TEL", "TITLE"
    ]
    full = entity_card(rich, "li", compact=False, version="4.0")
    assert full.encode() == _vcards(rich, scope_of_entity(rich, "li"))
    assert entity_card(rich, "pan") is None  # no phone, no card
    assert entity_card(rich, "no-such-id") is None


def test_default_is_vcard_3_that_phones_import(rich: Directory) -> None:
    """3.0 by default: TYPE=WORK,VOICE, the extension as 'ext.', ORG/TITLE/NOTE/URL, UID kept."""
    from parkdesk.core.phones import normalise

    text = render(rich, "vcard", EVERYTHING).decode("utf-8")
    assert "TEL;TYPE=WORK,VOICE,PREF:+86 138 0013 8000\r\n" in text
    cards = {c.fn.value: c for c in vobject.readComponents(text)}
    assert all(c.version.value == "3.0" for c in cards.values())
    li = cards["Li Mingzhu"]
    tels = [t.value for t in li.contents["tel"]]
    assert tels == ["+86 138 0013 8000", "+86 757 2222 3333 ext. 808"]
    assert normalise(tels[1]).extension == "808"  # a reader that parses numbers keeps it
    assert li.title.value == "Director"
    assert li.org.value == ["Test High-tech Zone", "Shunde Park"]
    assert f"Source: {CHINESE} (测试日报, 2025-06-01)" in li.note.value
    # A URI: commas kept unescaped (vobject's reader splits it at the comma; the line is right).
    assert f"\r\nURL:{COMMA_URL}\r\n" in text.replace("\r\n ", "")
    committee = cards["Management Committee"]
    assert committee.x_abshowas.value == "COMPANY" and "kind" not in committee.contents
    assert committee.adr.value.street == "2 Test Road, Foshan 528222"
    four = {c.fn.value: c for c in vobject.readComponents(_vcards(rich).decode())}
    assert {n: c.uid.value for n, c in cards.items()} == {
        n: c.uid.value for n, c in four.items()
    }
