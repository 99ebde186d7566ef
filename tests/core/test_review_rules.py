"""The review's small rules: the metric a figure is offered, records written in a text."""

from __future__ import annotations

from parkdesk.core.userstore.review import default_metric
from parkdesk.ingest.review_import import named_records, written_names


def _money(paragraph: str, text: str) -> dict:
    start = paragraph.index(text)
    return {"kind": "money", "text": text, "start": start, "end": start + len(text)}


def test_the_words_before_of_name_the_metric() -> None:
    p = "The park expects a total sales revenue of about 12.5 billion yuan this year."
    assert default_metric(_money(p, "12.5 billion yuan"), p) == "Total sales revenue"
    p = "An output value of 47.6 billion yuan and operating income of 58.5 billion yuan."
    assert default_metric(_money(p, "58.5 billion yuan"), p) == "Operating income"
    p = "It is a project of 300 million yuan."
    assert default_metric(_money(p, "300 million yuan"), p) == "Investment"
    p = "Work began, investing 80 million yuan."
    assert default_metric(_money(p, "80 million yuan"), p) == "Investment"
    date = {"kind": "date", "text": "May 2", "label": "opened", "start": 0, "end": 5}
    assert default_metric(date) == "Date (opened)"


def test_records_written_in_a_text_longest_first() -> None:
    names = written_names([("zone", "THZ"), ("park", "Test Park"), ("a", "Park"),
                           ("lab", "Test Park Lab")])
    assert ("a", "Park") not in names  # one short word is no name to find verbatim
    text = "THZ said Test Park Lab opened beside Test Park."
    assert named_records(names, text) == [(0, "zone", "THZ"), (9, "lab", "Test Park Lab"),
                                          (37, "park", "Test Park")]
