"""The extraction rules on small paragraphs written for the tests."""

from parkdesk.ingest.articles import Paragraph
from parkdesk.ingest.extract import extract, find_names, find_phones, find_quantities


def _p(text: str, contact: bool = False) -> Paragraph:
    return Paragraph(1, text, 1, contact)


def test_phone_with_alternative_is_two_numbers() -> None:
    p = _p("Test Office:0757-12345678(或0757-87654321)", contact=True)
    phones = find_phones(p)
    assert [f.text for f in phones] == ["0757-12345678", "0757-87654321"]
    assert {f.label for f in phones} == {"Test Office"}
    for f in phones:
        assert p.text[f.start : f.end] == f.text


def test_quantities() -> None:
    p = _p(
        "It cost 1.25 billion yuan, covers 3,500 square meters and 12 hectares, "
        "grew 4.5 percent (or 4.5%) and hosts 42 small enterprises on a 7-square-kilometer site."
    )
    found = {(f.kind, f.text, f.value, f.unit) for f in find_quantities(p)}
    assert ("money", "1.25 billion yuan", 1.25, "billion yuan") in found
    assert ("area", "3,500 square meters", 3500.0, "square meters") in found
    assert ("area", "12 hectares", 12.0, "hectares") in found
    assert ("percent", "4.5 percent", 4.5, "%") in found
    assert ("percent", "4.5%", 4.5, "%") in found
    assert ("count", "42 small enterprises", 42.0, "enterprises") in found
    assert ("area", "7-square-kilometer", 7.0, "square-kilometer") in found


def test_organisations_and_people() -> None:
    p = _p("Founder Li Ming of Testville Robotics Co., Ltd. met Wang Fang, director of the Test Committee.")
    names = {(f.kind, f.text) for f in find_names(p)}
    assert ("organisation", "Testville Robotics Co., Ltd.") in names
    assert ("person", "Li Ming") in names
    assert ("person", "Wang Fang") in names
    titles = {f.text: f.label for f in find_names(p) if f.kind == "person"}
    assert titles["Wang Fang"].startswith("director of the Test Committee")


def test_phone_digits_are_not_counts() -> None:
    kinds = {f.kind for f in extract(_p("Desk:0757-20202020", contact=True))}
    assert kinds == {"phone"}
