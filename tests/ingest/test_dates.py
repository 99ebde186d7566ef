"""Publication dates in every format the articles use, and inference when there is none."""

import pytest

from parkdesk.ingest.dates import date_from_url, infer_year, outlet_from_url, parse_date_line
from parkdesk.ingest.text_dates import find_text_dates


@pytest.mark.parametrize(
    ("line", "iso", "outlet"),
    [
        ("Foshan China 2021-08-09 18:04", "2021-08-09T18:04", "Foshan China"),
        ("2022-03-01 09:30", "2022-03-01T09:30", None),
        ("send date:2024-02-29 16:15", "2024-02-29T16:15", None),
        ("Send Date: 2020-01-02", "2020-01-02", None),
        ("chinadaily.com.cn| Updated: Feb 21, 2022", "2022-02-21", "China Daily"),
        ("Updated: April 20,2022", "2022-04-20", None),
        ("Updated: Dec 14, 2017 Print", "2017-12-14", None),
        ("By Wu Lan | chinadaily.com.cn | Updated: 2022-03-26 10:20", "2022-03-26T10:20", "China Daily"),
        ("Updated: September 3, 2019", "2019-09-03", None),
        ("Updated:\u00a0Feb 21, 2022".replace("\u00a0", " "), "2022-02-21", None),
    ],
)
def test_date_formats(line: str, iso: str, outlet: str | None) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert found.iso == iso
    assert found.outlet == outlet


@pytest.mark.parametrize(
    "line", ["2021-13-45 10:00", "The park opened in 2021.", "send date: soon", "Updated: never"]
)
def test_not_a_date_line(line: str) -> None:
    assert parse_date_line(line) is None


def test_infer_year_ignores_ranges_and_targets() -> None:
    text = "Last year, in 2020, output grew. The 2020-2030 plan aims high by 2030. Now in 2021 work goes on."
    assert infer_year(text) == "2021"


def test_infer_year_none_without_years() -> None:
    assert infer_year("No year is written here.") is None


@pytest.mark.parametrize(
    ("url", "iso", "outlet"),
    [
        ("http://guangdong.chinadaily.com.cn/foshan/2022-03/26/c_1.htm", "2022-03-26", "China Daily"),
        ("http://en.foshannews.net/h/3651/20210823/2.html", "2021-08-23", "Foshan China"),
        ("https://www.chinadaily.com.cn/a/201712/14/WS3.html", "2017-12-14", "China Daily"),
        ("https://www.example.org/news/4.html", None, "example.org"),
    ],
)
def test_date_and_outlet_from_the_url(url: str, iso: str | None, outlet: str) -> None:
    assert (date_from_url(url), outlet_from_url(url)) == (iso, outlet)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The deal was signed on Dec 2.", "2023-01-10", [("Dec 2", "2022-12-02")]),
        ("It opened on March 23.", "2022-04-20", [("March 23", "2022-03-23")]),
        ("It will open before October.", "2021-04-30", [("October", "2021-10")]),
        ("At the end of last year, in the first quarter of this year and by the end of this year.",
         "2022-04-20",
         [("the end of last year", "2021-12"), ("the first quarter of this year", "2022-Q1"),
          ("the end of this year", "2022-12")]),
        ("In 2023 it grew on the previous year; next year, more.", "2024-02-29",
         [("2023", "2023"), ("the previous year", "2022"), ("next year", "2025")]),
        ("This month 2,023 firms and 2023 high-level talent teams joined.", "2021-08-23",
         [("This month", "2021-08"), ("2023", "2023")]),
    ],
)
def test_dates_in_the_text_resolved_against_the_article(
    text: str, published: str, expected: list[tuple[str, str]]
) -> None:
    found = find_text_dates(text, published)
    assert [(d.text, d.resolved) for d in found] == expected
    assert all(text[d.start : d.end] == d.text for d in found)
