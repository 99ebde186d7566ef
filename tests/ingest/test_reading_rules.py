"""The reading rules, one phenomenon each, on small paragraphs written for these tests."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parkdesk.ingest.articles import Paragraph, parse_article
from parkdesk.ingest.extract import extract, find_names, find_phones, find_quantities
from parkdesk.ingest.linking import NameIndex


def _p(text: str, contact: bool = False) -> Paragraph:
    return Paragraph(1, text, 1, contact)


def _q(text: str) -> dict[str, tuple]:
    return {f.text: (f.kind, f.value, f.unit, f.qualifier, f.converted) for f in find_quantities(_p(text))}


def test_numbers_in_words_and_counts_of_any_noun() -> None:
    q = _q("Seven projects and three city-level labs; 5,210 patents; dozens of start-ups.")
    assert q["Seven projects"][:2] == ("count", 7)
    assert q["three city-level labs"][:3] == ("count", 3, "labs")
    assert q["5,210 patents"][:2] == ("count", 5210)
    assert q["dozens of start-ups"][:2] == ("count", None)


def test_a_year_before_a_noun_is_not_a_count() -> None:
    assert not [f for f in find_quantities(_p("It hosts 2024 expert teams now.")) if f.kind == "count"]


def test_an_amount_and_its_conversion_are_one_figure() -> None:
    q = _q("Investment reached 8.4 billion yuan ($1.2 billion) in all.")
    assert q["8.4 billion yuan ($1.2 billion)"] == ("money", 8.4, "billion yuan", None, "$1.2 billion")


def test_qualifiers_ranks_areas_and_points() -> None:
    q = _q("About 90 mu; nearly 7 percent; up 1.5 percentage points; it ranked 5th; "
           "output is expected to reach 12% soon; over 40 hectares.")
    assert q["90 mu"] == ("area", 90, "mu", "about", None)
    assert q["7 percent"][3] == "nearly"
    assert q["1.5 percentage points"][2] == "percentage points"
    assert q["ranked 5th"][:2] == ("rank", 5)
    assert q["12%"][3] == "expected"
    assert q["40 hectares"][3] == "over"


def test_names_by_head_word_without_a_suffix_or_curation() -> None:
    names = {f.text: f.label for f in find_names(_p(
        "The Riverbend Maker Park and the Testford Bureau of Land Affairs met at Pine Lake Reservoir, "
        "near the Eastgate Expressway."))}
    assert names["Riverbend Maker Park"] == "project"
    assert names["Testford Bureau of Land Affairs"] == "organisation"
    assert names["Pine Lake Reservoir"] == "place"
    assert names["Eastgate Expressway"] == "place"


def test_names_stop_at_sentence_boundaries() -> None:
    texts = {f.text for f in find_names(_p("Trains stop at Maple Railway Station. Birchwood Town grows."))}
    assert "Maple Railway Station" in texts
    assert "Birchwood Town" in texts
    assert not any("Station. Birchwood" in t for t in texts)


def test_a_person_introduced_with_titles() -> None:
    (person,) = [f for f in find_names(_p(
        "Qin Haoran, member of the Testford Party Committee and deputy director of the Testford "
        "Bureau, said the plan works.")) if f.kind == "person"]
    assert person.text == "Qin Haoran"
    assert person.label and "deputy director" in person.label
    assert person.about == "Testford Bureau"


def test_han_characters_are_an_alias_of_the_name_before_them() -> None:
    (alias,) = [f for f in find_names(_p("The Testford Science Park (测试科学园) opened.")) if f.kind == "alias"]
    assert (alias.text, alias.about) == ("测试科学园", "Testford Science Park")


def test_a_contact_line_keeps_its_owner_outside_a_contact_block() -> None:
    (phone,) = find_phones(_p("Riverbend Park: 0757-12345678"))
    assert (phone.label, phone.text) == ("Riverbend Park", "0757-12345678")


def test_dated_event_carries_what_it_is_about() -> None:
    (d,) = [f for f in extract(_p("The Riverbend Maker Park opened on Dec 2."), "2023-01-10") if f.kind == "date"]
    assert (d.resolved, d.label, d.about) == ("2022-12-02", "opened", "Riverbend Maker Park")


def test_another_translation_is_proposed_as_an_alias_with_a_score() -> None:
    index = NameIndex([("lake", "Testford Science and Technology Innovation Park"),
                       ("cmte", "Management Committee")])
    link = index.propose("Testford Sci-tech Innovation Park")
    assert link and link.record_id == "lake" and link.score == 1.0
    committee = index.propose("Administrative Committee")
    assert committee and committee.record_id == "cmte"
    assert index.propose("Riverbend Industrial Park") is None


def test_captions_and_widgets_are_noise(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "A test headline\n\nBy Ma Lin | chinadaily.com.cn | Updated: May 3,2021\n\n"
        "The park opened its doors to firms.\n\n[Photo provided to chinadaily.com.cn]\n\n"
        "The new hall at dusk\n\nhall_at_dusk.jpg\n\nShare - WeChat\n\nPrint\n\nUp next\n",
        encoding="utf-8",
    )
    art = parse_article(path)
    assert [p.text for p in art.paragraphs] == ["The park opened its doors to firms."]
    assert (art.published, art.outlet) == ("2021-05-03", "China Daily")


_WORDS = st.sampled_from([
    "Riverbend", "Park", "Zone", "Bureau", "of", "and", "the", "12", "3,400", "yuan", "percent",
    "Dec", "2", "2021", "last", "year", "said", "Qin", "Haoran,", "director", "mu", "Six",
    "projects", ".", ",", "($1.2", "billion)", "0757-12345678", "测试", "Co.,", "Ltd.",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_every_finding_quotes_its_paragraph(words: list[str]) -> None:
    p = _p(" ".join(words))
    for f in extract(p, "2022-04-20"):
        assert p.text[f.start : f.end] == f.text
        assert f.text.strip()
