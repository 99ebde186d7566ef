"""The figure model on the bundled directory: each example of issue 15's "Why" reads right
(qualifiers and projections kept, periods resolved, columns by kind, real conflicts only, who
holds a post now, key figures by importance, every item on the sheet, readable addresses)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from parkdesk.core.addresses import readable_address
from parkdesk.core.db.directory import Directory
from parkdesk.core.export.json_format import build_document
from parkdesk.core.export.walk import walk
from parkdesk.core.factsheet.content import build_factsheet
from parkdesk.core.factsheet.html import render_html
from parkdesk.core.figures.kinds import project_column
from parkdesk.core.figures.readings import agrees, metric_lines
from parkdesk.core.figures.wording import period_display, split_qualifier, value_display
from parkdesk.core.posts import standing
from parkdesk.core.records import Citation, Figure, Role

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "parks.db"
DAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory):
    """The bundled directory, copied: it is never written, not even by a test."""
    copy = tmp_path_factory.mktemp("bundled") / "parks.db"
    shutil.copy(BUNDLED, copy)
    d = Directory.open(copy)
    yield d
    d.close()


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").split())


def _figure(d: Directory, entity: str, metric: str) -> list[Figure]:
    return [f for f in d.figures(entity) if f.metric == metric]


def _sheet(d: Directory, entity: str) -> str:
    return _text(render_html(build_factsheet(d, entity, DAY)))


# -- 1. qualifiers and periods --------------------------------------------------------------------

def test_expected_to_exceed_keeps_both_words(bundled: Directory) -> None:
    [f] = _figure(bundled, "zone", "High-tech enterprises")
    assert f.display == "over 5,400 enterprises (expected)" and f.projection
    [h] = _figure(bundled, "hannanwan", "Total investment")
    assert h.display == "over 1.65 billion yuan (expected)"
    assert "over 5,400 enterprises (expected)" in _sheet(bundled, "zone")
    assert "over 1.65 billion yuan (expected)" in _sheet(bundled, "park-sanshui")


def test_last_year_and_this_year_are_resolved(bundled: Directory) -> None:
    [start] = _figure(bundled, "lighthouse-innovation-center", "Construction start")
    assert start.display == "2022 (“last year”)"
    [phase] = _figure(bundled, "hannanwan", "Phase I start")
    assert phase.display == "2021 (“this year”), planned"
    [share] = [f for f in _figure(bundled, "zone",
                                  "Share of Foshan's newly recognised high-tech enterprises")
               if f.qualifier == "over"]
    assert share.period == "2020 (“last year”)"
    sheet = _sheet(bundled, "zone")
    assert "2020 (“last year”)" in sheet
    assert "“this year”" in _sheet(bundled, "park-sanshui")


def test_qualifier_parts() -> None:
    assert split_qualifier("expected over").approx == "over"
    assert split_qualifier("expected over").projection == "expected"
    assert split_qualifier("expected to exceed").approx == "over"
    assert value_display("60", "%", "target") == "60% (target)"
    assert value_display("end of this year", None, "expected", "2023") == \
        "end of 2023 (“end of this year”), expected"
    assert value_display("August 8", None, None, "2021-08-08") == "8 Aug 2021 (“August 8”)"
    assert period_display("2023", ["expected by the end of this year"]) == \
        "2023 (“by the end of this year”)"
    assert period_display(None, ["last year"]) == ""


# -- 2. columns -----------------------------------------------------------------------------------

def test_funding_and_credit_are_not_investment(bundled: Directory) -> None:
    [funding] = _figure(bundled, "northern-park", "Municipal funding secured")
    [credit] = _figure(bundled, "fintech-center", "Total credit funds")
    [invest] = _figure(bundled, "lighthouse-innovation-center", "Total investment")
    assert project_column(funding) == project_column(credit) == "other"
    assert project_column(invest) == "investment"
    sheet = build_factsheet(bundled, "zone", DAY)
    northern = next(p for p in sheet.projects if p.name.startswith("Northern Foshan"))
    assert northern.investment == ()
    assert [v.text for v in northern.other] == ["Municipal funding secured: 385 million yuan (2023)"]
    fintech = next(p for p in sheet.projects if p.name.startswith("Sci-tech Financial"))
    assert fintech.investment == ()
    assert any(v.text.startswith("Total credit funds: over 30 billion yuan") for v in fintech.other)


# -- 3. conflicts ---------------------------------------------------------------------------------

def test_78_organizations_and_78_institutions_agree(bundled: Directory) -> None:
    [line] = [m for m in metric_lines(bundled.figures("service-platform"))
              if m.metric == "Institutions in the service pool"]
    assert not line.conflict and len(line.readings) == 1
    assert "different values" not in _sheet(bundled, "zone")


def test_loans_issued_and_the_loan_balance_are_not_compared(bundled: Directory) -> None:
    lines = {m.metric: m for m in metric_lines(bundled.figures("zone"))}
    assert not any(m.conflict for m in lines.values())
    assert "Loan balance through the ICBC partnership" in lines


def _f(value_text: str, value: float, unit: str = "billion yuan", qualifier: str | None = None,
       refers_to: str | None = "2023", fid: str = "f") -> Figure:
    return Figure(fid, "zone", "loans", value_text, unit, value, qualifier, refers_to,
                  sources=[Citation("a", 1, 0, 1, value_text)])


def test_a_rounding_is_also_reported_as() -> None:
    precise, rounded = _f("19.346", 19.346, fid="a"), _f("19.3", 19.3, fid="b")
    assert agrees(precise, rounded) and not agrees(precise, _f("19.4", 19.4))
    [line] = metric_lines([rounded, precise])
    assert not line.conflict
    assert line.readings[0].text == "19.346 billion yuan (also reported as 19.3)"
    assert agrees(_f("19,346", 19346, "million yuan"), rounded)  # units converted
    assert agrees(_f("76.21", 76.21, "%"), _f("70", 70, "%", "over"))
    assert not agrees(_f("66", 66, "%"), _f("70", 70, "%", "over"))


def test_a_real_conflict_is_one_period_with_values_beyond_rounding() -> None:
    [line] = metric_lines([_f("19.3", 19.3, fid="a"), _f("21", 21, fid="b")])
    assert line.conflict and line.conflicting_periods == ("2023",)
    [series] = metric_lines([_f("19.3", 19.3, fid="a"), _f("21", 21, refers_to="2024", fid="b")])
    assert not series.conflict


# -- 4. who holds a post now ----------------------------------------------------------------------

def test_the_latest_director_is_current(bundled: Directory) -> None:
    at_committee = bundled.people_of("committee")
    by_person = {r.person_id: standing(r, at_committee) for r in at_committee}
    assert by_person == {"hu-xuejun": "current (as of 29 Feb 2024)",
                         "pan-dongsheng": "as of 30 Apr 2021"}
    sheet = _sheet(bundled, "zone")
    assert "Director of the Management Committee [2] Management Committee · current (as of 29 Feb 2024)" in sheet
    assert "Director of the Administrative Committee [3] Management Committee · as of 30 Apr 2021" in sheet


def test_different_posts_are_each_current() -> None:
    a = Role("a", "p1", "Director of the Committee", "c", "2021-01-01")
    b = Role("b", "p2", "Deputy Director of the Committee", "c", "2024-01-01")
    assert standing(a, [a, b]).startswith("current")


# -- 6. importance --------------------------------------------------------------------------------

def test_key_figures_lead_with_output_revenue_and_enterprises(bundled: Directory) -> None:
    metrics = [f.metric for f in build_factsheet(bundled, "zone", DAY).figures]
    assert metrics[:3] == ["Total industrial output value", "Industrial output growth",
                           "Operating income"]
    first = {m: i for i, m in enumerate(metrics)}
    assert first["Enterprises served"] < first["High-tech enterprises"] < \
        first["Investment of projects over 100 million yuan"] < first["Share of Foshan's area"]
    assert first["Auto-parts enterprises at the Frankfurt Auto Parts Exhibition (Shenzhen)"] > \
        first["Share of Foshan's area"]


# -- 8. the sheet lists everything, with phones and readable addresses ---------------------------

def test_the_zone_sheet_lists_park_phones_and_a_readable_address(bundled: Directory) -> None:
    sheet = _sheet(bundled, "zone")
    for phone in ("0757 8221 0575", "0757 8888 1609", "0757 8631 6675", "0757 8738 8225",
                  "0757 2636 3972"):
        assert phone in sheet
    assert "2 Markham Road, Shishan, Nanhai Dist, Foshan, Guangdong, P.R.China 528222" in sheet
    assert "more in parkdesk" not in sheet
    [address] = [c for c in bundled.contacts("committee") if c.kind == "address"]
    assert "Road,Shishan" in address.raw  # the cited words are unchanged
    assert readable_address("a,b ,  c，d") == "a, b, c, d"


def test_the_sheet_lists_every_figure_of_a_project(bundled: Directory) -> None:
    sheet = build_factsheet(bundled, "zone", DAY)
    platform = next(p for p in sheet.projects if p.name == "One-stop Enterprise Service Platform")
    assert len(platform.other) == 5
    html = _sheet(bundled, "zone")
    assert "Service team members: over 100 members (2023)" in html


# -- exports --------------------------------------------------------------------------------------

def test_the_json_export_carries_qualifier_projection_and_period(bundled: Directory) -> None:
    document = build_document(bundled)
    figures = {f["id"]: f for v in walk(document) for f in v.node["figures"]}
    hte = figures["zone/high-tech-enterprises/1"]
    assert (hte["display"], hte["qualifier"], hte["projection"], hte["period"]) == (
        "over 5,400 enterprises (expected)", "expected over", True, "end of 2023")
    start = figures["lighthouse-innovation-center/construction-start/1"]
    assert start["display"] == "2022 (“last year”)" and start["period"] == "2022 (“last year”)"


# -- 5. figures over time -------------------------------------------------------------------------

def test_output_over_the_years_is_a_cited_chart_on_the_sheet(bundled: Directory) -> None:
    import base64
    import xml.etree.ElementTree as ET

    from parkdesk.core.figures.chart import series

    lines = {m.metric: m for m in metric_lines(bundled.figures("zone"))}
    output = series(lines["Total industrial output value"])
    assert [r.figure.refers_to for r in output] == ["2020", "2023"]
    assert series(lines["Operating income"]) == []  # one year: no chart
    sheet = build_factsheet(bundled, "zone", DAY)
    [line] = [f for f in sheet.figures if f.metric == "Total industrial output value"]
    assert line.chart and line.chart.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(line.chart.split(",", 1)[1]).decode()
    texts = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    # each point labelled with its value and the sheet's source numbers; a projection says so
    assert "419.183 [3]" in texts and "472.657 expected [2]" in texts
    assert "2020" in texts and "2023" in texts
    assert line.chart in render_html(sheet)


def test_projections_in_the_projects_table_are_italic(bundled: Directory) -> None:
    sheet = build_factsheet(bundled, "park-sanshui", DAY)
    [hannanwan] = sheet.projects
    assert [(v.text, v.projection) for v in hannanwan.investment] == [
        ("over 1.65 billion yuan (expected)", True)]
    assert '<span class="proj">over 1.65 billion yuan (expected)</span>' in render_html(sheet)
