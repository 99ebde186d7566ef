"""Property: whatever a figure's qualifier and period, both survive into every rendering —
the detail pane's HTML, the fact sheet's HTML and the JSON export."""

from __future__ import annotations

import html
import json
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parkdesk.core.db.directory import Directory
from parkdesk.core.db.store import write_bundle
from parkdesk.core.export.json_format import build_document, render_json
from parkdesk.core.factsheet.content import build_factsheet
from parkdesk.core.factsheet.html import render_html
from parkdesk.core.figures.wording import APPROXIMATIONS, PROJECTIONS, split_qualifier
from parkdesk.core.records import Citation, Figure
from parkdesk.core.tree import ENTITY, TreeNode
from parkdesk.ui.detail_pages import page_html
from tests.sample_data import sample_bundle

_UNITS = ("billion yuan", "million yuan", "enterprises", "%", "m²", "teams")
_WHEN = ("", "last year", "this year", "by the end of this year")


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


figures = st.builds(
    lambda approx, projection, number, unit, year, when, metric: (
        " ".join(w for w in (projection, approx) if w) or None,
        f"{number:,}", unit, str(year) if year else None, when, metric),
    st.sampled_from((None, *APPROXIMATIONS)),
    st.sampled_from((None, *PROJECTIONS)),
    st.integers(min_value=1, max_value=99_999),
    st.sampled_from(_UNITS),
    st.one_of(st.none(), st.integers(min_value=2000, max_value=2030)),
    st.sampled_from(_WHEN),
    st.sampled_from(("widgets made", "output value", "registered firms", "planned area")),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figures)
def test_qualifier_and_period_survive_every_rendering(example) -> None:
    qualifier, value_text, unit, refers_to, when, metric = example
    quote = f"{value_text} {unit} {when}".strip()
    bundle = sample_bundle()
    bundle.figures = [Figure("f-x", "zone", metric, value_text, unit, None, qualifier, refers_to,
                             "2024-02-29", [Citation("a1", 7, 0, len(quote), quote)])]
    figure = bundle.figures[0]
    q = split_qualifier(qualifier)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.db"
        write_bundle(bundle, path, {"built_at": "2026-01-01T00:00:00"})
        d = Directory.open(path)
        try:
            pane = _plain(page_html(d, TreeNode(ENTITY, "zone", "", "zone")))
            sheet = _plain(render_html(build_factsheet(d, "zone", date(2026, 1, 2))))
            exported = json.loads(render_json(build_document(d)))
        finally:
            d.close()
    [record] = [f for f in exported["zone"]["figures"] if f["id"] == "f-x"]
    stored = Figure("f-x", "zone", metric, value_text, unit, None, qualifier, refers_to,
                    sources=[Citation("a1", 7, 0, len(quote), quote)])
    for rendering in (pane, sheet, _plain(record["display"] + " " + record["period"])):
        assert stored.display in rendering
        for word in (q.approx, q.projection):
            if word:
                assert re.search(rf"\b{re.escape(word)}\b", rendering), (word, rendering)
        if refers_to:
            assert stored.period in rendering and refers_to in rendering
            if when:
                assert f"“{when}”" in rendering
    assert record["qualifier"] == qualifier
    assert record["projection"] is (q.projection is not None)
    assert figure.projection is (q.projection is not None)
