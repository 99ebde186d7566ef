"""The import on new (unreviewed) articles: links proposed, contacts tied, the summary's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from parkdesk.ingest.build import BuildResult, collect
from parkdesk.ingest.report import fold_curation_warnings

CURATION = """
[articles]
reviewed = ["old"]

[[entity]]
id = "zone"
kind = "zone"
name = "Testville Innovation Zone"

[[entity]]
id = "north"
kind = "park"
name = "North Park"
parent = "zone"

[[entity]]
id = "hub"
kind = "project"
name = "Testville Science and Technology Innovation Hub"
parent = "zone"
"""
OLD = """Contact Us

North Park:0757-11112222

Testville zone news
send date:2023-01-05 09:00

The Testville Innovation Zone opened the Testville Science and Technology Innovation Hub.
"""
NEW = """Testville adds firms
Test Herald 2024-01-08 10:00

The Testville Sci-tech Innovation Hub signed Six projects on Dec 20, said Gao Rui, director of the Riverside Planning Bureau.

North Park: 0757-11112222
"""


@pytest.fixture
def result(tmp_path: Path) -> BuildResult:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    curation = tmp_path / "curation.toml"
    curation.write_text(CURATION, encoding="utf-8")
    return collect(tmp_path, curation)


def test_a_known_number_in_a_new_article_is_the_same_contact(result: BuildResult) -> None:
    (contact,) = result.bundle.contacts
    assert {c.article_id for c in contact.sources} == {"old", "new"}
    (phone,) = [m for m in result.bundle.mentions if m.kind == "phone"]
    assert (phone.label, phone.link_id, phone.link_score) == ("North Park", contact.id, 1.0)


def test_another_translation_is_proposed_not_merged(result: BuildResult) -> None:
    (hub,) = [m for m in result.bundle.mentions if m.text == "Testville Sci-tech Innovation Hub"]
    assert (hub.link_id, hub.link_score) == ("hub", 1.0)
    entity = next(e for e in result.bundle.entities if e.id == "hub")
    assert "Testville Sci-tech Innovation Hub" not in entity.aliases


def test_findings_keep_what_a_reviewer_needs(result: BuildResult) -> None:
    by_text = {m.text: m for m in result.bundle.mentions if m.article_id == "new"}
    assert by_text["Dec 20"].resolved == "2023-12-20"
    assert (by_text["Six projects"].kind, by_text["Six projects"].value) == ("count", 6.0)
    assert (by_text["Gao Rui"].label or "").startswith("director of")
    assert by_text["Riverside Planning Bureau"].kind == "organisation"


def test_the_summary_leads_with_what_is_new(result: BuildResult) -> None:
    report = next(r for r in result.reports if r.file == "new.txt")
    lines = report.lines()
    assert lines[1].startswith("  new names proposed")
    assert any(line.startswith("  links proposed") for line in lines)
    assert lines.index(next(x for x in lines if x.startswith("  attached"))) > 3


def test_left_out_warnings_fold_into_one_line() -> None:
    warnings = [f"curation: 'R{i}' is not mentioned in any article; left out." for i in range(5)]
    folded = fold_curation_warnings(["a.txt: no title line", *warnings])
    assert len(folded) == 2
    assert folded[0] == "a.txt: no title line"
    assert "5 entries left out" in folded[1]
