"""The CSV export, read back with Python's csv module: BOM, CRLF, RFC 4180 quoting, every phone."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from parkdesk.core.db.directory import Directory
from parkdesk.core.export.csv_format import COLUMNS
from parkdesk.core.export.render import render
from parkdesk.core.export.scope import EVERYTHING, Scope, resolve_park
from tests.core.test_export_support import CHINESE, CHINESE_NAME, COMMA_URL, write_rich_db


@pytest.fixture
def rich(tmp_path: Path) -> Directory:
    directory = Directory.open(write_rich_db(tmp_path))
    yield directory
    directory.close()


def export_csv(directory: Directory, scope: Scope = EVERYTHING) -> str:
    """The CSV export of a scope, as `parkdesk export` and the app write it."""
    return render(directory, "csv", scope).decode("utf-8")


def _read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM first, for Excel"
    with io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, strict=True)
        assert tuple(reader.fieldnames) == COLUMNS
        return list(reader)


def test_one_row_per_phone_number(rich: Directory) -> None:
    rows = _read(export_csv(rich).encode("utf-8"))
    phones = [r[0] for r in rich.con.execute("SELECT id FROM contacts WHERE kind = 'phone'")]
    assert sorted(r["contact_id"] for r in rows) == sorted(phones)
    by_id = {r["contact_id"]: r for r in rows}
    committee = by_id["c-committee-1"]
    assert committee["owner"] == "Management Committee"
    assert committee["park"] == "Test High-tech Zone"
    assert committee["kind"] == "landline"
    assert committee["national"] == "0757 8668 3830"
    assert committee["international"] == "+86 757 8668 3830"
    assert committee["tel_uri"] == "tel:+86-757-8668-3830"
    assert committee["source"] == "Test zone report (Test Daily, 2024-02-29, paragraph 2)"
    assert by_id["c-li-mobile"]["kind"] == "mobile"
    assert by_id["c-li-office"]["tel_uri"] == "tel:+86-757-2222-3333;ext=808"
    assert (by_id["c-bad"]["valid"], by_id["c-bad"]["kind"]) == ("no", "invalid")


def test_chinese_commas_and_line_breaks_survive(rich: Directory) -> None:
    data = export_csv(rich).encode("utf-8")
    rows = {r["contact_id"]: r for r in _read(data)}
    chinese = rows["c-cn"]
    assert chinese["owner"] == CHINESE_NAME
    assert chinese["park"] == "Nanhai Park"
    assert chinese["source"] == f"{CHINESE} (测试日报, 2025-06-01, paragraph 4)"
    assert chinese["source_url"] == COMMA_URL
    # RFC 4180: CRLF between records, fields with commas or quotes are quoted.
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert f'"{COMMA_URL}"' in text
    assert text.count("\r\n") == len(rows) + 1


def test_multiple_sources_share_one_cell(tmp_path: Path) -> None:
    from parkdesk.core.db.store import write_bundle
    from parkdesk.core.records import Citation
    from tests.core.test_export_support import rich_bundle

    bundle = rich_bundle()
    contact = next(c for c in bundle.contacts if c.id == "c-shunde")
    contact.sources.append(Citation("a2", 3, 0, 5, "26363"))
    write_bundle(bundle, tmp_path / "two.db", {})
    directory = Directory.open(tmp_path / "two.db")
    row = next(r for r in _read(export_csv(directory).encode()) if r["contact_id"] == "c-shunde")
    assert row["source"].splitlines() == [
        "Test zone report (Test Daily, 2024-02-29, paragraph 2)",
        "Older zone interview (2021, paragraph 3)",
    ]
    assert row["source_url"] == "https://example.org/a1"


def test_park_scope(rich: Directory) -> None:
    rows = _read(export_csv(rich, resolve_park(rich, "shunde")).encode())
    assert [r["contact_id"] for r in rows] == ["c-shunde", "c-li-mobile", "c-li-office"]
    assert {r["park"] for r in rows} == {"Shunde Park"}


def test_empty_scope_has_just_the_header(rich: Directory) -> None:
    rows = _read(export_csv(rich, resolve_park(rich, "Sanshui")).encode())
    assert rows == []
