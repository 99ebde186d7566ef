"""Dates: one readable form on screen and on paper; the ISO day in the export formats."""

from __future__ import annotations

from datetime import date

from parkdesk.core.dates import article_date, display_date, iso_day


def test_dates_read_naturally() -> None:
    assert display_date("2024-02-29T16:15") == "29 Feb 2024"
    assert display_date("2024-02-29 16:15") == "29 Feb 2024"
    assert display_date("2023-11") == "Nov 2023"
    assert display_date("2021") == "2021"
    assert display_date(date(2026, 1, 2)) == "2 Jan 2026"
    assert display_date("spring 2020") == "spring 2020"
    assert display_date("2024-13") == "2024"
    assert display_date(None) == ""


def test_an_inferred_article_date_says_so() -> None:
    assert article_date("2021", True) == "2021 (date inferred)"
    assert article_date("2024-02-29T16:15", False) == "29 Feb 2024"
    assert article_date(None, False) == ""
    assert article_date(None, False, "undated") == "undated"


def test_exports_keep_the_iso_day() -> None:
    assert iso_day("2024-02-29T16:15") == "2024-02-29"
    assert iso_day("2021") == "2021"
    assert iso_day(None) is None
