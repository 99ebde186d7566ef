"""The Google Contacts and Outlook CSVs: the importers' own headers, one row per contact, read
back with Python's csv module as the importers read them (by header name)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from parkdesk.cli import main
from parkdesk.core.db.directory import Directory
from parkdesk.core.export.contact_csv import GOOGLE_HEAD, GOOGLE_TAIL, OUTLOOK_COLUMNS
from parkdesk.core.export.render import render
from parkdesk.core.export.scope import resolve_park
from parkdesk.core.phones import normalise
from tests.core.test_export_support import CHINESE_NAME, write_rich_db

# The headers as Google Contacts and Outlook document them (their import maps these names).
GOOGLE_DOCUMENTED = {"Name", "Given Name", "Family Name", "Notes", "Group Membership",
                     "Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Title",
                     "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value",
                     "Address 1 - Type", "Address 1 - Formatted", "Address 1 - Street",
                     "Website 1 - Type", "Website 1 - Value"}
OUTLOOK_DOCUMENTED = {"First Name", "Last Name", "Company", "Job Title", "Business Phone",
                      "Business Phone 2", "Mobile Phone", "Other Phone", "Business Street",
                      "Web Page", "Notes", "Categories"}


@pytest.fixture
def rich(tmp_path: Path):
    directory = Directory.open(write_rich_db(tmp_path))
    yield directory
    directory.close()


def _rows(data: bytes, bom: bool) -> tuple[list[str], list[dict[str, str]]]:
    assert data.startswith(b"\xef\xbb\xbf") is bom
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_google_csv_has_googles_headers_and_one_row_per_contact(rich: Directory) -> None:
    header, rows = _rows(render(rich, "google-csv"), bom=False)
    assert set(header) == GOOGLE_DOCUMENTED  # the busiest card has two numbers: two pairs
    assert header[:len(GOOGLE_HEAD)] == list(GOOGLE_HEAD)
    assert header[-len(GOOGLE_TAIL):] == list(GOOGLE_TAIL)
    by_name = {r["Name"]: r for r in rows}
    assert len(by_name) == len(rows)  # one row per contact, never one per number
    committee = by_name["Management Committee"]
    assert committee["Phone 1 - Value"] == "+86 757 8668 3830"
    assert committee["Phone 2 - Value"] == "+86 757 8668 2797"
    assert committee["Address 1 - Formatted"] == "2 Test Road, Foshan 528222"
    li = by_name["Li Mingzhu"]
    assert (li["Family Name"], li["Given Name"]) == ("Li", "Mingzhu")
    assert (li["Organization 1 - Title"], li["Organization 1 - Name"]) == ("Director", "Shunde Park")
    phones = {li["Phone 1 - Type"]: li["Phone 1 - Value"], li["Phone 2 - Type"]: li["Phone 2 - Value"]}
    assert phones == {"Mobile": "+86 138 0013 8000", "Work": "+86 757 2222 3333 ext. 808"}
    assert normalise(phones["Work"]).extension == "808"  # the extension reads back
    assert "Also: Deputy head at Management Committee (2023)." in li["Notes"].splitlines()
    assert li["Group Membership"] == "Shunde Park ::: * myContacts"
    assert by_name[CHINESE_NAME]["Notes"].startswith("Source: 佛山高新区测试报道")
    assert "may be wrong" in by_name["Gaoming Park"]["Notes"]


def test_outlook_csv_has_outlooks_headers(rich: Directory) -> None:
    header, rows = _rows(render(rich, "outlook-csv"), bom=True)
    assert header == list(OUTLOOK_COLUMNS) and set(header) == OUTLOOK_DOCUMENTED
    li = next(r for r in rows if r["Last Name"] == "Mingzhu" or r["First Name"] == "Mingzhu")
    assert (li["First Name"], li["Last Name"], li["Company"]) == ("Mingzhu", "Li", "Shunde Park")
    assert li["Job Title"] == "Director"
    assert li["Mobile Phone"] == "+86 138 0013 8000"
    assert li["Business Phone"] == "+86 757 2222 3333 ext. 808"
    committee = next(r for r in rows if r["Company"] == "Management Committee")
    assert (committee["First Name"], committee["Last Name"]) == ("", "")  # filed as a company
    assert committee["Business Phone 2"] == "+86 757 8668 2797"
    assert {r["Company"] for r in rows} >= {CHINESE_NAME}


def test_park_scope_and_the_command_line(rich_db_cli: Path, tmp_path: Path) -> None:
    out = tmp_path / "shunde.csv"
    assert main(["export", "--format", "google-csv", "--park", "shunde", "--db", str(rich_db_cli),
                 "--without-user-data", "-o", str(out)]) == 0
    _header, rows = _rows(out.read_bytes(), bom=False)
    assert {r["Name"] for r in rows} == {"Shunde Park", "Li Mingzhu"}
    directory = Directory.open(rich_db_cli)
    try:
        assert out.read_bytes() == render(directory, "google-csv", resolve_park(directory, "shunde"))
    finally:
        directory.close()


@pytest.fixture
def rich_db_cli(tmp_path: Path) -> Path:
    (tmp_path / "db").mkdir()
    return write_rich_db(tmp_path / "db")
