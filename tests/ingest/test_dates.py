"""Publication dates in every format the articles use, and inference when there is none."""

import pytest

from parkdesk.ingest.dates import infer_year, parse_date_line


@pytest.mark.parametrize(
    ("line", "iso", "outlet"),
    [
        ("Foshan China 2021-08-09 18:04", "2021-08-09T18:04", "Foshan China"),
        ("2022-03-01 09:30", "2022-03-01T09:30", None),
        ("send date:2024-02-29 16:15", "2024-02-29T16:15", None),
        ("Send Date: 2020-01-02", "2020-01-02", None),
        ("chinadaily.com.cn| Updated: Feb 21, 2022", "2022-02-21", "chinadaily.com.cn"),
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
