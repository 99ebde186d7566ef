"""Fact-sheet content and HTML, without Qt: what each sheet says, and how sheets are named."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.factsheet.content import build_factsheet, find_sheets, sheet_entity
from parkdesk.core.factsheet.html import render_html
from parkdesk.core.factsheet.model import LIST_LIMIT
from parkdesk.core.qr import qr_data_uri, qr_png
from parkdesk.core.records import Article, Citation, Entity, Figure, Role
from tests.sample_data import sample_bundle

DAY = date(2026, 1, 2)
MAX_ROWS = 40  # the sheet once cut its lists here; it now lists every item up to LIST_LIMIT


@pytest.fixture
def directory(sample_db: Path):
    d = Directory.open(sample_db)
    yield d
    d.close()


def _write(bundle, path: Path) -> Directory:
    write_bundle(bundle, path, {"built_at": "2026-01-01T00:00:00"})
    return Directory.open(path)


# -- names --------------------------------------------------------------------------------------


def test_all_is_the_zone_then_each_park(directory) -> None:
    ids = find_sheets(directory, "All")
    assert ids[0] == "zone"
    assert sorted(ids[1:]) == sorted(p.id for p in directory.parks())
    assert len(ids) == 6


@pytest.mark.parametrize(
    "entity_id, sheet_id",
    [
        ("lighthouse", "park-shunde"),  # a project: its park
        ("andao", "park-shunde"),
        ("park-gaoming", "park-gaoming"),
        ("committee", "zone"),  # a zone body: the zone
        ("pan", "zone"),
        ("outside", "zone"),  # a place outside the zone has no sheet of its own
        ("river-co", "zone"),
        ("no-such-id", "zone"),
        (None, "zone"),
    ],
)
def test_the_sheet_of_any_entity_is_its_park_or_the_zone(directory, entity_id, sheet_id) -> None:
    assert sheet_entity(directory, entity_id).id == sheet_id


# -- content ------------------------------------------------------------------------------------


def test_a_park_sheet_holds_its_facts(directory) -> None:
    sheet = build_factsheet(directory, "lighthouse", DAY)
    assert (sheet.title, sheet.district, sheet.zone_name) == (
        "Shunde Park", "Shunde District", "Test High-tech Zone"
    )
    phone = sheet.main_phone
    assert phone is not None
    assert (phone.national, phone.international) == ("0757 2636 3972", "+86 757 2636 3972")
    assert phone.tel_uri == "tel:+86-757-2636-3972"
    [project] = sheet.projects
    assert project.name == "Lighthouse Innovation Centre"
    assert project.status == "under construction"
    assert [v.text for v in project.investment] == ["530 million yuan (2023)"]
    assert [o.name for o in sheet.organisations] == ["Andao Test Devices Co., Ltd."]
    assert sheet.figures == [] and sheet.people == []
    assert [s.title for s in sheet.sources] == ["Test zone report"]
    assert sheet.generated == DAY
    assert sheet.footer == (
        "Fact sheet generated 2 Jan 2026 by parkdesk from the directory built 1 Jan 2026."
    )


def test_the_zone_sheet_holds_contacts_figures_parks_and_people(directory) -> None:
    sheet = build_factsheet(directory, None, DAY)
    assert sheet.kind == "zone" and sheet.subject == "the zone"
    assert [p.national for p in sheet.phones] == ["0757 8668 3830", "0757 8668 2797"]
    assert sheet.main_phone.tel_uri == "tel:+86-757-8668-3830"
    assert [a.text for a in sheet.addresses] == ["2 Test Road, Foshan 528222"]
    [loans] = sheet.figures
    assert loans.metric == "Loan balance"  # two years: both values, newest first, no conflict
    assert [(v.text, v.period) for v in loans.values] == [
        ("19.346 billion yuan", "2024"), ("about 19.3 billion yuan", "2023")
    ]
    assert loans.conflicts == ()
    assert [p.name for p in sheet.parks] == [f"{n} Park" for n in
                                            ("Chancheng", "Gaoming", "Nanhai", "Sanshui", "Shunde")]
    assert next(p for p in sheet.parks if p.name == "Shunde Park").projects == 1
    [person] = sheet.people
    assert person.name == "Pan Test"
    assert [t.title for t in person.titles] == ["Director of the Administrative Committee"]
    assert person.titles[0].organisation == "Management Committee"


def test_the_zone_sheet_counts_enterprises_and_institutions_and_says_so(tmp_path: Path) -> None:
    bundle = sample_bundle()
    bundle.entities.append(
        Entity("lab", "institution", "Shunde Test Laboratory", "lighthouse",
               sources=[Citation("a1", 1, 0, 4, "Test")])
    )
    d = _write(bundle, tmp_path / "institution.db")
    sheet = build_factsheet(d, "zone", DAY)
    shunde = next(p for p in sheet.parks if p.name == "Shunde Park")
    assert shunde.organisations == 2  # Andao (an enterprise) and the laboratory
    parks = render_html(sheet).split("<h2>Parks</h2>")[1].split("</table>")[0]
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", parks)
    assert headers == ["Park", "District", "Phone", "Projects", "Enterprises and institutions"]
    assert "0757 2636 3972" in parks  # each park's phone
    d.close()


def test_sources_are_numbered_in_order_of_first_use(directory) -> None:
    sheet = build_factsheet(directory, "zone", DAY)
    assert [(s.number, s.title) for s in sheet.sources] == [
        (1, "Test zone report"), (2, "Older zone interview")
    ]
    assert sheet.title_sources == (1,)
    assert [v.sources for v in sheet.figures[0].values] == [(1,), (2,)]
    older = sheet.sources[1]
    assert older.outlet is None and older.url is None and older.date_inferred


def test_an_invalid_number_is_shown_as_published_without_a_qr_code(directory) -> None:
    sheet = build_factsheet(directory, "park-gaoming", DAY)
    [phone] = sheet.phones
    assert phone.raw == "0757-123" and phone.tel_uri is None
    assert sheet.main_phone is None
    html = render_html(sheet)
    assert "0757-123" in html and "not a valid number" in html
    assert "<img" not in html


# -- HTML -------------------------------------------------------------------------------------------


def test_the_html_says_honestly_what_is_not_published(directory) -> None:
    html = render_html(build_factsheet(directory, "park-chancheng", DAY))
    for line in ("No figures published for this park", "No contact details published",
                 "No projects or carriers published", "No enterprises or institutions published",
                 "No people published for this park"):
        assert line in html
    zone = render_html(build_factsheet(directory, "zone", DAY))
    assert "No projects or carriers published for the zone" in zone


def test_the_html_has_every_section_and_the_qr_code(directory) -> None:
    html = render_html(build_factsheet(directory, "park-shunde", DAY))
    for heading in ("Contacts", "Key figures", "Projects and carriers",
                    "Enterprises and institutions", "People", "Sources"):
        assert f"<h2>{heading}</h2>" in html
    assert qr_data_uri("tel:+86-757-2636-3972") in html
    assert "Scan to call" in html
    assert "https://example.org/a1" in html and "Test Daily" in html and "29 Feb 2024" in html


def test_database_text_is_escaped(sample_db: Path, tmp_path: Path) -> None:
    bundle = sample_bundle()
    bundle.entities.append(
        Entity("evil", "enterprise", "<b>Bold</b> & <script>x()</script> Co.", "park-shunde",
               sources=[Citation("a1", 1, 0, 4, "Bold")])
    )
    bundle.articles[0] = Article("a1", "a1.txt", 'Report "one" <i>', "2024-02-29", False,
                                 "A & B", 'https://example.org/?a=1&b="2"', "0" * 64, 12)
    d = _write(bundle, tmp_path / "evil.db")
    html = render_html(build_factsheet(d, "park-shunde", DAY))
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt; Co." in html
    assert "<script>" not in html and "<b>Bold" not in html and "<i>" not in html
    assert "Report &quot;one&quot; &lt;i&gt;" in html and "A &amp; B" in html
    d.close()


def test_nested_projects_and_long_lists(tmp_path: Path) -> None:
    bundle = sample_bundle()
    cite = [Citation("a1", 1, 0, 4, "Test")]
    bundle.entities.append(
        Entity("phase-2", "project", "Lighthouse Phase II", "lighthouse", sources=cite)
    )
    bundle.figures.append(
        Figure("f-start", "phase-2", "construction start", "2025-03", None, sources=cite)
    )
    bundle.figures.append(
        Figure("f-share", "phase-2", "share completed", "40", "%", refers_to="2025", sources=cite)
    )
    for i in range(MAX_ROWS + 5):
        bundle.entities.append(
            Entity(f"e{i:02d}", "enterprise", f"Enterprise {i:02d}", "phase-2", sources=cite)
        )
    d = _write(bundle, tmp_path / "long.db")
    sheet = build_factsheet(d, "park-shunde", DAY)
    names = [p.name for p in sheet.projects]
    assert names == ["Lighthouse Innovation Centre", "Lighthouse Phase II"]
    phase = sheet.projects[1]
    assert phase.part_of == "Lighthouse Innovation Centre"
    assert [v.text for v in phase.dates] == ["Construction start: 2025-03"]
    assert [v.text for v in phase.other] == ["Share completed: 40% (2025)"]
    assert len(sheet.organisations) == sheet.organisations_total == MAX_ROWS + 6  # Andao too
    html = render_html(sheet)
    assert "Enterprise 44" in html and "Showing" not in html and "more in parkdesk" not in html
    d.close()


def test_a_long_list_of_people_is_listed_in_full(tmp_path: Path) -> None:
    bundle = sample_bundle()
    cite = [Citation("a1", 1, 0, 4, "Test")]
    for i in range(MAX_ROWS + 3):
        bundle.entities.append(Entity(f"person{i:02d}", "person", f"Person {i:02d}",
                                      "park-nanhai", sources=cite))
    bundle.roles.append(Role("r-x", "person00", "Director", "park-nanhai", "2024", sources=cite))
    d = _write(bundle, tmp_path / "people.db")
    sheet = build_factsheet(d, "park-nanhai", DAY)
    assert len(sheet.people) == sheet.people_total == MAX_ROWS + 3
    assert sheet.people[0].name == "Person 00"  # title holders first
    assert [t.title for t in sheet.people[0].titles] == ["Director"]
    html = render_html(sheet)
    assert "Person 42" in html and "Showing" not in html
    d.close()


def test_titles_at_no_body_are_each_current(tmp_path: Path) -> None:
    """Two people titled "Director" with no body named: nothing says it is one post, so each
    is current as of its own report (the later report's person used to make the other's
    "as of")."""
    bundle = sample_bundle()
    cite = [Citation("a1", 1, 0, 4, "Test")]
    for person, reported in (("first", "2024"), ("second", "2021")):
        bundle.entities.append(Entity(person, "person", f"Person {person}", "park-nanhai",
                                      sources=cite))
        bundle.roles.append(Role(f"r-{person}", person, "Director", None, reported,
                                 sources=cite))
    d = _write(bundle, tmp_path / "no-body.db")
    sheet = build_factsheet(d, "park-nanhai", DAY)
    standing = {p.name: [t.standing for t in p.titles] for p in sheet.people}
    assert standing["Person first"] == ["current (as of 2024)"]
    assert standing["Person second"] == ["current (as of 2021)"]
    d.close()


def test_a_list_longer_than_a_sheet_says_how_many_and_where_all_are(tmp_path: Path) -> None:
    """Issue 17: at a million enterprises a park's list would print thousands of pages; the
    sheet gives LIST_LIMIT of them in name order, the true total, and where the rest are."""
    bundle = sample_bundle()
    cite = [Citation("a1", 1, 0, 4, "Test")]
    extra = LIST_LIMIT + 7
    for i in range(extra):
        bundle.entities.append(Entity(f"big{i:04d}", "enterprise", f"Big Enterprise {i:04d}",
                                      "park-nanhai", sources=cite))
        bundle.entities.append(Entity(f"who{i:04d}", "person", f"Person {i:04d}",
                                      "park-nanhai", sources=cite))
    d = _write(bundle, tmp_path / "big.db")
    sheet = build_factsheet(d, "park-nanhai", DAY)
    assert len(sheet.organisations) == LIST_LIMIT
    assert sheet.organisations_total >= extra
    assert sheet.organisations[0].name == "Big Enterprise 0000"  # name order
    assert len(sheet.people) == LIST_LIMIT and sheet.people_total >= extra
    html = render_html(sheet)
    assert f"Big Enterprise {LIST_LIMIT - 1:04d}" in html
    assert f"Big Enterprise {LIST_LIMIT:04d}" not in html
    total = f"{sheet.organisations_total:,}"
    assert f"The first {LIST_LIMIT} of {total} are listed here." in html
    assert f"The first {LIST_LIMIT} of {sheet.people_total:,} are listed here." in html
    assert "Export" in html
    d.close()


def test_a_list_within_the_limit_has_no_cut_line(directory: Directory) -> None:
    for entity_id in find_sheets(directory, "all"):
        assert "are listed here" not in render_html(build_factsheet(directory, entity_id, DAY))


# -- QR code and the Qt-free boundary -------------------------------------------------------------


def test_the_qr_code_is_a_png() -> None:
    data = qr_png("tel:+86-757-2636-3972")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    uri = qr_data_uri("tel:+86-757-2636-3972")
    assert base64.b64decode(uri.split(",", 1)[1]) == data


def test_fact_sheet_content_needs_no_qt() -> None:
    code = (
        "import sys, parkdesk.core.factsheet.content, parkdesk.core.factsheet.html, "
        "parkdesk.core.qr; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'parkdesk.ui'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _read_one_by_one(directory: Directory, ids: list[str]) -> dict:
    """What the batched readers should answer, read a record at a time in plain SQL."""
    con = directory.con

    def listed(table: str, column: str, order: str, record_type: str, i: str) -> list:
        rows = con.execute(f"SELECT id FROM {table} WHERE {column} = ? ORDER BY {order}", (i,))
        return [(r[0], directory.citations(record_type, r[0])) for r in rows]

    found: dict = {"figures": {}, "roles": {}, "at": {}, "names": {}, "citations": {},
                   "contacts": {}}
    for i in ids:
        if held := listed("roles", "org_id", "reported DESC, id", "role", i):
            found["at"][i] = held
        if contacts := [(c.id, directory.citations("contact", c.id))
                        for c in directory.contacts(i, include_children=True)]:
            found["contacts"][i] = contacts
        if figures := listed("figures", "entity_id", "metric, reported DESC, id", "figure", i):
            found["figures"][i] = figures
        if roles := listed("roles", "person_id", "reported DESC, id", "role", i):
            found["roles"][i] = roles
        if name := con.execute("SELECT name FROM entities WHERE id = ?", (i,)).fetchone():
            found["names"][i] = name[0]
        if citations := directory.citations("entity", i):
            found["citations"][i] = citations
    return found


def _read_together(directory: Directory, ids: list[str]) -> dict:
    def pairs(records: dict) -> dict:
        return {i: [(r.id, r.sources) for r in rs] for i, rs in records.items()}

    contacts = {i: directory.contacts(i, include_children=True) for i in ids}
    return {"figures": pairs(directory.figures_of(ids)),
            "roles": pairs(directory.roles_of_people(ids)),
            "at": pairs(directory.people_at(ids)),
            "names": directory.names_of(ids), "citations": directory.citations_of("entity", ids),
            "contacts": {i: [(c.id, c.sources) for c in cs] for i, cs in contacts.items() if cs}}


def test_reading_many_records_at_once_reads_what_reading_each_reads(sample_db: Path,
                                                                    tmp_path: Path) -> None:
    # The sheet reads its lists together (a query a list, not a query a line), over the
    # user's changes too: the same records, sources and order as read one by one.
    from parkdesk.core.userstore import changes as ch
    from parkdesk.core.userstore.session import open_user_data

    data = open_user_data(sample_db, tmp_path / "u.db", backup=False)
    try:
        plain = Directory.open(sample_db)
        ids = [row[0] for row in plain.con.execute("SELECT id FROM entities ORDER BY id")]
        ids.append("no-such-id")
        assert _read_together(plain, ids) == _read_one_by_one(plain, ids)
        together = _read_together(plain, ids)
        assert together["figures"] and together["roles"] and together["at"]
        assert any(sources for cs in together["contacts"].values() for _, sources in cs)
        plain.close()
        data.record("Rename", [ch.set_field("andao", "name", "Quillwort Lamps")])
        layered = data.directory
        assert _read_together(layered, ids) == _read_one_by_one(layered, ids)
        assert layered.names_of(["andao"]) == {"andao": "Quillwort Lamps"}
    finally:
        data.close()
